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

import json
import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from vnfacts.doc import Document
from vnfacts.runner import Pipeline

WINDOW = 16  # documents in flight per worker


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
) -> Iterator[Document]:
    """Processed documents, in input order, with `workers` processes (1: in this process)."""
    options = options or {}
    if workers <= 1:
        pipeline = Pipeline(options=options)
        for doc in docs:
            yield run_one(pipeline, doc, timeout)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options, timeout)) as pool:
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


def record_key(doc_id: str, source: str | None) -> str:
    return f"{source}\x00{doc_id}"


def recover_output(path: Path) -> set[str]:
    """Keys of the documents already written to `path`; cuts off a line a kill left unfinished."""
    done: set[str] = set()
    if not path.exists():
        return done
    good_end = 0
    with path.open("rb") as fh:
        offset = 0
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break  # the last line was cut short
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break
            done.add(record_key(rec.get("doc_id", ""), rec.get("source")))
            good_end = offset
    if good_end != path.stat().st_size:
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    return done


def write_record(fh: IO[str], record: dict[str, Any]) -> None:
    """One whole line per write, flushed: a kill leaves at most one partial last line."""
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    fh.flush()
