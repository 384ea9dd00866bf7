"""Running a pipeline over many documents: worker processes, time limits, resumable output.

- Documents stream through: at most `workers × WINDOW` are in flight, so memory stays
  flat whatever the size of the archive, and results come back in input order.
- Each worker process builds its pipeline (models, patterns, gazetteer) once.
- A document that takes longer than `timeout` seconds becomes an error record naming
  the stage it was in; a crash in any stage does too (see `Pipeline.__call__`).
- Output is JSON Lines written one whole line at a time and flushed; `--resume` reads
  what is on disk, drops a last line a kill cut short, and skips the documents done.
"""

from __future__ import annotations

import contextlib
import functools
import json
import multiprocessing as mp
import os
import re
import signal
import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from vnfacts.doc import Document
from vnfacts.runner import Pipeline

WINDOW = 16  # documents in flight per worker
# Documents a worker process handles before it is replaced by a fresh one (see `process`).
RECYCLE = 2000


class DocumentTimeout(Exception):
    """Raised inside a worker when a document exceeds its time limit."""

    code = "timeout"


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout("the document took longer than the time limit")


def run_one(pipeline: Pipeline, doc: Document, timeout: float | None) -> Document:
    """One document through the pipeline, under a time limit (Unix timers, main thread)."""
    if (
        not timeout
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return pipeline(doc)  # timers only work in a main thread: elsewhere, no limit
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return pipeline(doc)
    except DocumentTimeout as exc:  # raised between stages' own error handling
        doc.add_error("pipeline", "timeout", str(exc))
        doc.facts = []
        return doc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------ worker side

_WORKER: dict[str, Any] = {}


def _init_worker(options: dict[str, dict[str, Any]], timeout: float | None) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it (one line, exit 130)
    # and ends the pool; workers that also raised KeyboardInterrupt printed a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in _LOCKED_FDS:  # the output's lock belongs to the parent alone
        with contextlib.suppress(OSError):
            os.close(fd)
    _WORKER["pipeline"] = Pipeline(options=options)
    _WORKER["timeout"] = timeout


def _work(doc: Document) -> Document:
    doc = run_one(_WORKER["pipeline"], doc, _WORKER["timeout"])
    doc.cache.clear()  # spaCy docs and the like stay in the worker
    return doc


def process(
    docs: Iterable[Document],
    *,
    workers: int = 1,
    options: dict[str, dict[str, Any]] | None = None,
    timeout: float | None = None,
    recycle: int | None = RECYCLE,
) -> Iterator[Document]:
    """Processed documents, in input order, with `workers` processes (1: in this process).

    A worker is replaced after `recycle` documents (`maxtasksperchild`): what its caches
    gathered (spaCy's StringStore keeps every new string it sees, the gazetteer's lookup
    caches fill up to their bound) is given back, so a long run stays flat in memory.
    """
    options = options or {}
    if workers <= 1:
        pipeline = Pipeline(options=options)
        for doc in docs:
            yield run_one(pipeline, doc, timeout)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(
        workers,
        initializer=_init_worker,
        initargs=(options, timeout),
        maxtasksperchild=recycle or None,
    ) as pool:
        it = iter(docs)
        while True:
            window = list(islice(it, workers * WINDOW))
            if not window:
                break
            yield from pool.imap(_work, window, chunksize=1)


def default_workers() -> int:
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


# ------------------------------------------------------------------------ output side

_LOCKED_FDS: list[int] = []


class OutputLocked(Exception):
    """Another run holds the lock on this output."""


def lock_output(fh: IO[bytes]) -> None:
    """Takes an exclusive `flock` on an open output, or raises OutputLocked at once.

    flock locks belong to the open file, which forked workers share: workers close their
    copy (`_init_worker`), so a run killed with its workers still winding down does not
    keep the next `--resume` out. No-op where fcntl does not exist.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not a Unix
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        raise OutputLocked(str(exc)) from exc
    _LOCKED_FDS.append(fh.fileno())


def unlock_output(fh: IO[bytes]) -> None:
    with contextlib.suppress(ValueError):
        _LOCKED_FDS.remove(fh.fileno())


# A record's source names its file, then `:line` (JSONL) or `#offset`/`#recordN` (WARC).
_SOURCE_TAIL = re.compile(r"(?::\d+|#(?:record)?\d+)$")


def canonical_source(source: str | None) -> str | None:
    """`source` with its file part as a resolved absolute path, so `--resume` knows a
    document whatever way its input was spelled (`./a.jsonl`, `a.jsonl`, `/abs/a.jsonl`,
    a symbolic link). Relative paths resolve against the current folder."""
    if not source or source.startswith("<"):  # <stdin>
        return source
    tail = _SOURCE_TAIL.search(source)
    head = source[: tail.start()] if tail else source
    return _realpath(head) + (tail.group() if tail else "")


@functools.lru_cache(maxsize=4096)
def _realpath(path: str) -> str:
    return os.path.realpath(path)


def record_key(doc_id: str, source: str | None) -> str:
    return f"{canonical_source(source)}\x00{doc_id}"


def recover_output(path: Path) -> set[str]:
    """Keys of the documents already written to `path`; cuts off a line a kill left unfinished.

    Records are written whole, so only the last line can be unfinished (no newline); it is
    the only thing cut. A complete line that does not parse is left in place, and its
    document done again.
    """
    done: set[str] = set()
    if not path.exists():
        return done
    good_end = 0
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # the last line was cut short
            good_end += len(raw)
            try:
                rec = json.loads(raw)
                done.add(record_key(rec.get("doc_id", ""), rec.get("source")))
            except (ValueError, RecursionError, AttributeError):
                continue
    if good_end != path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    return done


def write_record(fh: IO[bytes], record: dict[str, Any]) -> dict[str, Any]:
    """One whole line per write, flushed: a kill leaves at most one partial last line.

    A record that cannot be written as JSON in UTF-8 (an integer of over 4,300 digits a
    figure produced, a lone surrogate, nesting deeper than Python's stack) is written with
    those values replaced and an `output` error saying so, never raised: one document
    must not stop the batch. Returns the record as written.
    """
    try:
        line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (ValueError, TypeError, RecursionError, UnicodeEncodeError):
        record = _writable(record)
        line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    fh.write(line + b"\n")
    fh.flush()
    return record


_MAX_DEPTH = 100
_MAX_INT_BITS = 14_000  # about 4,200 digits: under Python's int → str limit of 4,300


def _writable(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of `record` that json can write, and an error naming what was replaced."""
    replaced: list[str] = []

    def clean(value: Any, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            replaced.append("nesting too deep")
            return None
        if isinstance(value, str):
            fixed = _SURROGATES.sub("\ufffd", value)
            if fixed != value:
                replaced.append("lone surrogate")
            return fixed
        if isinstance(value, bool) or value is None or isinstance(value, float):
            return value
        if isinstance(value, int):
            if value.bit_length() > _MAX_INT_BITS:
                replaced.append("integer of over 4,300 digits")
                return None
            return value
        if isinstance(value, dict):
            return {str(clean(k, depth + 1)): clean(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v, depth + 1) for v in value]
        replaced.append(type(value).__name__)
        return clean(str(value), depth)

    out = clean(record, 0)
    if not isinstance(out, dict):  # pragma: no cover - records are dicts
        out = {"doc_id": None}
    kinds = sorted(set(replaced))
    out.setdefault("errors", [])
    out["errors"] = [
        *(out["errors"] or []),
        {
            "stage": "output",
            "code": "unwritable_value",
            "message": f"{len(replaced)} value(s) could not be written and were replaced "
            f"(null or U+FFFD): {', '.join(kinds)}",
        },
    ]
    out["facts"] = []  # a document with errors yields no facts
    return out


_SURROGATES = re.compile("[\ud800-\udfff]")
