"""Turns files, directories, JSON Lines and stdin into `Document`s.

Nothing is dropped silently: every input that cannot become a readable document
(missing path, empty or binary file, invalid UTF-8, too large, malformed JSONL
line, a directory without documents) becomes a `Document` whose `errors` say why,
so the batch goes on and the output keeps one record per input.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import regex
from vnfacts.doc import Document, Meta

STAGE = "ingest"

# File name endings this module reads, and the reader for each.
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news article is rarely over 1 MB


class IngestError(Exception):
    """An input cannot be read as a document; `code` is machine-readable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class IngestOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    # For stdin and files with an unknown ending: "text", "html", "jsonl" or None to sniff.
    fmt: str | None = None


def error_document(doc_id: str, source: str | None, code: str, message: str) -> Document:
    doc = Document(doc_id=scrub(doc_id), text="", source=source)
    doc.add_error(STAGE, code, scrub(message))
    return doc


# A str can hold surrogate code points (a JSON "\ud800", a file name that is not UTF-8
# decoded with surrogateescape) that no UTF-8 writer accepts: they would abort the batch.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def scrub(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD: one character for one, so
    offsets into a scrubbed document text stay those of the input."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def display_path(path: str | Path) -> str:
    """A path as text that can be written: bytes of a file name that are not UTF-8
    (kept by Python as surrogates) become `\\xNN`, so `caf\\xe9.txt` names the file."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that is not a byte escape
        return scrub(str(path))
    return scrub(raw.decode("utf-8", "backslashreplace"))


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> str:
    """Bytes of one document → text, or IngestError saying why not.

    Offsets are into this text, so newlines are kept as they are (no universal
    newline translation) and only a byte-order mark is removed.
    """
    if not data.strip():
        raise IngestError("empty", "the document is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError("not_utf8", f"invalid UTF-16 at byte {exc.start}") from exc
    if b"\x00" in data[:65536]:
        raise IngestError("binary", "binary content (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        snippet = data[exc.start : exc.start + 4].hex(" ")
        raise IngestError(
            "not_utf8",
            f"not valid UTF-8: byte {exc.start} ({snippet}): {exc.reason}",
        ) from exc
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > 0.01 * min(len(text), 65536):
        raise IngestError("binary", "binary content (control characters), not a text document")
    if not text.strip():
        raise IngestError("empty", "the document holds only whitespace")
    return text


def html_to_document(html: str, doc_id: str, source: str | None, meta: Meta) -> Document:
    """Main content of an HTML page through trafilatura (a maintained extractor).

    The document's text is the extraction; offsets point into it and the record
    carries it (`origin: "html"`).
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=meta.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    data: dict[str, Any] = {}
    if result is not None:
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise IngestError("no_content", "the HTML page has no main text that could be extracted")
    doc = Document(doc_id=doc_id, text=text, source=source, origin="html")
    doc.meta = Meta(
        title=meta.title or data.get("title") or None,
        published=meta.published or data.get("date") or None,
        author=meta.author or data.get("author") or None,
        url=meta.url or data.get("url") or None,
    )
    return doc


def bytes_to_document(
    data: bytes, doc_id: str, source: str | None, fmt: str, meta: Meta | None = None
) -> Document:
    """One file's (or stdin's) bytes → Document, errors included."""
    meta = meta or Meta()
    try:
        text = decode(data)
        if fmt == "html":
            return html_to_document(text, doc_id, source, meta)
        return Document(doc_id=doc_id, text=text, source=source, meta=meta)
    except IngestError as exc:
        return error_document(doc_id, source, exc.code, exc.message)
    except Exception as exc:  # the HTML extractor failing on one page: this page only
        return error_document(doc_id, source, "bad_record", f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------- JSON Lines


def _id_of(value: Any) -> str | None:
    """A JSONL id as text: strings and numbers of a sane size; anything else is no id
    (a list, an object, an integer of thousands of digits) and the line number stands in."""
    if isinstance(value, str):
        return scrub(value) or None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, int) and value.bit_length() > 200:
        return None
    return str(value)


def _meta_str(value: Any) -> str | None:
    """A meta field (title, date, url, author) only as a string: other JSON (a nested list,
    a number) would reach stages that expect text."""
    return scrub(value) if isinstance(value, str) else None


def _record_to_document(
    record: Any, fallback_id: str, source: str, opts: IngestOptions
) -> Document:
    if not isinstance(record, dict):
        return error_document(
            fallback_id,
            source,
            "bad_record",
            f"a JSONL line must be an object, not {type(record).__name__}",
        )
    doc_id = _id_of(record.get("id") or record.get("doc_id")) or fallback_id
    meta = Meta(
        title=_meta_str(record.get("title")),
        published=_meta_str(record.get("published")),
        url=_meta_str(record.get("url")),
        author=_meta_str(record.get("author")),
    )
    text, html = record.get("text"), record.get("html")
    text = scrub(text) if isinstance(text, str) else text
    html = scrub(html) if isinstance(html, str) else html
    if not isinstance(text, str) and not isinstance(html, str):
        return error_document(
            doc_id, source, "bad_record", "the record has no 'text' or 'html' string"
        )
    payload = text if isinstance(text, str) else html
    assert isinstance(payload, str)
    if len(payload) > opts.max_bytes:
        return error_document(
            doc_id,
            source,
            "too_large",
            f"{len(payload)} characters, over the limit of {opts.max_bytes}",
        )
    if not payload.strip():
        return error_document(doc_id, source, "empty", "the record's text is empty")
    if isinstance(text, str):
        return Document(doc_id=doc_id, text=text, source=source, meta=meta)
    try:
        return html_to_document(payload, doc_id, source, meta)
    except IngestError as exc:
        return error_document(doc_id, source, exc.code, exc.message)


# What a damaged compressed stream raises mid-read (gzip: BadGzipFile is an OSError).
READ_ERRORS = (OSError, EOFError, zlib.error)


def read_jsonl_stream(
    stream: IO[bytes], name: str, opts: IngestOptions, stem: str | None = None
) -> Iterator[Document]:
    """Streams a JSONL file line by line; a bad line is an error record, not a stop.

    A stream that breaks mid-way (a corrupt or cut `.jsonl.gz`) keeps the records read so
    far and ends with one error record; a file with no record at all is one error record.
    """
    stem = stem or Path(name).name.split(".")[0]
    lineno = 0
    yielded = False
    while True:
        try:
            line = stream.readline(opts.max_bytes + 1)
        except READ_ERRORS as exc:
            yield error_document(
                f"{stem}:{lineno + 1}",
                f"{name}:{lineno + 1}",
                "unreadable",
                f"cannot read past line {lineno}: {type(exc).__name__}: {exc}",
            )
            return
        if not line:
            break
        lineno += 1
        source = f"{name}:{lineno}"
        fallback_id = f"{stem}:{lineno}"
        if len(line) > opts.max_bytes and not line.endswith(b"\n"):
            try:
                while True:  # skip the rest of the oversized line without holding it
                    rest = stream.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
            except READ_ERRORS:
                pass  # the next readline reports it
            yielded = True
            yield error_document(
                fallback_id, source, "too_large", f"line {lineno} is over {opts.max_bytes} bytes"
            )
            continue
        if not line.strip():
            continue  # blank separator lines are not documents
        yielded = True
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield error_document(
                fallback_id,
                source,
                "not_utf8",
                f"line {lineno}: not valid UTF-8 at byte {exc.start}",
            )
            continue
        except json.JSONDecodeError as exc:
            yield error_document(
                fallback_id,
                source,
                "bad_json",
                f"line {lineno}: malformed JSON: {exc.msg} (column {exc.colno})",
            )
            continue
        except (RecursionError, ValueError) as exc:
            # nesting deeper than the parser's stack; an integer of over 4,300 digits
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
            yield error_document(fallback_id, source, "bad_json", f"line {lineno}: {reason}")
            continue
        try:
            doc = _record_to_document(record, fallback_id, source, opts)
        except Exception as exc:  # e.g. the HTML extractor failing on a page: this line only
            doc = error_document(
                fallback_id, source, "bad_record", f"line {lineno}: {type(exc).__name__}: {exc}"
            )
        yield doc
    if not yielded:
        yield error_document(stem, name, "empty", "the file holds no JSON Lines record")


# --------------------------------------------------------------------------- paths


def read_warc(
    path: Path, opts: IngestOptions, name: str | None = None, stem: str | None = None
) -> Iterator[Document]:
    """The HTML pages of a web archive (WARC, plain or gzipped), through warcio.

    Each `response` record with an HTML payload becomes a document whose id is its
    WARC-Record-ID and whose url comes from the record's headers; other records
    (requests, metadata, images) are not documents. A record that cannot be read is an
    error record; the rest of the archive is still read. A record cut short (a truncated
    download: fewer bytes than its Content-Length, or a last gzip member without its end)
    is an error record, never a normal article; a file that is not a WARC, or holds no
    HTML page, is one error record.
    """
    from warcio.archiveiterator import ArchiveIterator

    name = name or display_path(path)
    stem = stem or doc_id_for(path)
    found = 0
    n = 0
    with path.open("rb") as stream:
        gzipped = stream.read(2) == b"\x1f\x8b"
        stream.seek(0)
        records = ArchiveIterator(stream)
        reader = records.reader
        members: list[Any] = []  # the gzip member decompressors warcio used, last one last
        if gzipped and reader is not None and hasattr(reader, "_init_decomp"):
            init = reader._init_decomp

            def _tracked_init(decomp_type: str) -> None:
                init(decomp_type)
                members[:] = [reader.decompressor]

            reader._init_decomp = _tracked_init
            members.append(reader.decompressor)
        cut: Document | None = None
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # not a WARC, or a header cut mid-way
                if cut is None:  # (the record already reported as cut needs no second one)
                    found += 1
                    where = f"record {n + 1}" if n else "the file"
                    yield error_document(
                        f"{stem}:{n + 1}" if n else stem,
                        f"{name}#record{n + 1}",
                        "not_warc" if not n else "unreadable",
                        f"{where} cannot be read as WARC: {type(exc).__name__}: {exc}",
                    )
                return
            n += 1
            if cut is not None:
                found += 1
                yield cut
                cut = None
            if getattr(record, "format", "warc") != "warc":  # warcio guessed ARC: garbage
                found += 1
                yield error_document(
                    f"{stem}:{n}" if n > 1 else stem,
                    f"{name}#record{n}",
                    "not_warc",
                    f"record {n} is not a WARC record: the file is not a web archive",
                )
                return
            if record.rec_type != "response":
                continue
            headers = record.http_headers
            ctype = (headers.get_header("Content-Type") if headers else "") or ""
            if "html" not in ctype.lower():
                continue
            found += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            rid = (record.rec_headers.get_header("WARC-Record-ID") or f"{stem}:{n}").strip("<>")
            doc_id = rid.removeprefix("urn:uuid:")
            try:
                data = record.content_stream().read(opts.max_bytes + 1)
            except Exception as exc:  # a truncated or corrupt record
                yield error_document(
                    doc_id, f"{name}#record{n}", "unreadable", f"WARC record {n}: {exc}"
                )
                continue
            source = f"{name}#{records.get_record_offset()}"  # after the read: warcio needs it
            if len(data) > opts.max_bytes:
                yield error_document(
                    doc_id, source, "too_large", f"WARC record {n} is over {opts.max_bytes} bytes"
                )
                continue
            missing = getattr(record.raw_stream, "limit", 0) or 0
            if missing > 0:
                # the archive ended inside this record: it is the last one, and cut
                cut = error_document(
                    doc_id,
                    source,
                    "truncated",
                    f"WARC record {n} is cut short: {missing} of its bytes are missing",
                )
                continue
            yield _warc_page(data, ctype, doc_id, source, url, n)
        if cut is None and members and not getattr(members[-1], "eof", True):
            # the last gzip member has no end: its record (if any was parsed) is cut
            found += 1
            cut = error_document(
                f"{stem}:{n + 1}",
                f"{name}#record{n + 1}",
                "truncated",
                "the archive ends inside a compressed record (a cut download?)",
            )
        if cut is not None:
            found += 1
            yield cut
    if not found:
        yield error_document(
            stem, name, "empty" if n == 0 else "no_documents", "the archive holds no HTML page"
        )


def _warc_page(
    data: bytes, ctype: str, doc_id: str, source: str, url: str | None, n: int
) -> Document:
    charset = regex.search(r"charset=([\w-]+)", ctype)
    try:
        html = data.decode(charset.group(1) if charset else "utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        return error_document(doc_id, source, "not_utf8", f"WARC record {n}: {exc}")
    try:
        # WARC-Date is when the page was crawled, not when the article appeared: the
        # publication date comes from the page itself
        return html_to_document(scrub(html), doc_id, source, Meta(url=url))
    except IngestError as exc:
        return error_document(doc_id, source, exc.code, exc.message)
    except Exception as exc:  # the extractor failing on one page: this page only
        return error_document(doc_id, source, "bad_record", f"{type(exc).__name__}: {exc}")


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def sniff_format(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if (stripped[:1] == b"<" and b"<html" in head[:4096].lower()) or stripped[
        :9
    ].lower() == b"<!doctype":
        return "html"
    return "text"


def doc_id_for(path: Path) -> str:
    name = path.name
    for suffix in SUPPORTED_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_file(path: Path, opts: IngestOptions) -> Iterator[Document]:
    """All documents of one file (one, or one per line for JSONL, one per page for WARC)."""
    source = display_path(path)
    stem = display_path(doc_id_for(path))
    fmt = format_of(path) or opts.fmt
    try:
        if fmt == "warc":
            yield from read_warc(path, opts, source, stem)
            return
        if fmt == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from read_jsonl_stream(stream, source, opts, stem)  # type: ignore[arg-type]
            return
    except READ_ERRORS as exc:  # opening the archive
        yield error_document(stem, source, "unreadable", f"cannot read: {exc}")
        return
    doc = _read_single(path, opts, stem, source, fmt)
    doc.cache["alt_id"] = _alt_id(path)
    yield doc


def _read_single(
    path: Path, opts: IngestOptions, stem: str, source: str, fmt: str | None
) -> Document:
    try:
        size = path.stat().st_size
        if size > opts.max_bytes:
            return error_document(
                stem, source, "too_large", f"{size} bytes, over the limit of {opts.max_bytes}"
            )
        with path.open("rb") as fh:  # a pipe named on the command line has no size: bound it
            data = fh.read(opts.max_bytes + 1)
    except READ_ERRORS as exc:
        return error_document(stem, source, "unreadable", f"cannot read: {exc}")
    if len(data) > opts.max_bytes:
        return error_document(
            stem, source, "too_large", f"over the limit of {opts.max_bytes} bytes"
        )
    return bytes_to_document(data, stem, source, fmt or sniff_format(data[:4096]))


def read_stdin(opts: IngestOptions, stream: IO[bytes] | None = None) -> Iterator[Document]:
    stream = stream or sys.stdin.buffer
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    fmt = opts.fmt or sniff_format(head)
    if fmt == "jsonl":
        yield from read_jsonl_stream(stream, "<stdin>", opts)
        return
    data = stream.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        yield error_document(
            "stdin", "<stdin>", "too_large", f"over the limit of {opts.max_bytes} bytes"
        )
        return
    yield bytes_to_document(data, "stdin", "<stdin>", fmt)


# Why a path under a directory gives no document (`on_skip` hears it; the CLI prints it).
SKIP_UNSUPPORTED = "not a supported type"
SKIP_HIDDEN = "hidden"
SKIP_OUTPUT = "the run's own output"
SKIP_LOOP = "a directory already walked (symbolic link loop)"
SKIP_SPECIAL = "not a regular file (FIFO, socket or device), never opened"
SKIP_DANGLING = "a dangling symbolic link"

SkipHandler = Callable[[Path, str], None]


class _Ids:
    """Makes document ids unique within a run, deterministically (same input, same ids).

    The first document keeps its id. A file's repeated id becomes its path relative to
    the parent of the argument it was found under, without suffix (`c2/a` for `c2/a.txt`);
    any other repeated id (a JSONL `id`, a WARC record, a path that still collides)
    becomes `<id>#2`, `<id>#3`, ….
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_n: dict[str, int] = {}

    def claim(self, doc: Document) -> Document:
        alt = doc.cache.pop("alt_id", None)
        doc_id = doc.doc_id
        if doc_id in self.taken and alt and alt not in self.taken:
            doc_id = alt
        if doc_id in self.taken:
            base = doc_id
            n = self.next_n.get(base, 2)
            while f"{base}#{n}" in self.taken:
                n += 1
            self.next_n[base] = n + 1
            doc_id = f"{base}#{n}"
        self.taken.add(doc_id)
        doc.doc_id = doc_id
        return doc


def _alt_id(path: Path, top: Path | None = None) -> str:
    """A file's id when its name is taken: its path relative to the parent of the
    argument it came from (`top`), or the path as given, without suffix."""
    if top is not None:
        base = Path(os.path.abspath(top)).parent
        rel = Path(os.path.abspath(path)).relative_to(base)
    else:
        rel = Path(os.path.normpath(path))
    return display_path(rel.with_name(doc_id_for(rel)).as_posix())


def _file_id(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _walk(
    top: Path,
    opts: IngestOptions,
    on_skip: SkipHandler,
    excluded: set[tuple[int, int]],
    walked: set[tuple[int, int]],
) -> Iterator[Document]:
    """Documents under a directory, depth first in sorted name order, never blocking.

    Decided per kind of entry: a path that should have been a document (a supported
    suffix) but cannot be read is an error record — a dangling or looping symbolic link,
    a FIFO/socket/device (never opened: it would block), an unreadable file; so is an
    unreadable subfolder (its documents are missing from the output). Entries that are not
    documents — other suffixes, hidden files and folders, a folder reached twice through
    symbolic links, the run's own output — are reported through `on_skip` (stderr).
    """
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(directory: str) -> Document | None:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            rel = _alt_id(Path(directory), top)
            return error_document(
                rel, display_path(directory), "unreadable", f"cannot list the folder: {exc}"
            )
        stack.append(iter(entries))
        return None

    error = enter(str(top))
    if error is not None:
        yield error
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        if entry.name.startswith("."):
            on_skip(path, SKIP_HIDDEN)
            continue
        documentish = format_of(path) is not None
        try:
            st = os.stat(entry.path)  # follows symbolic links
        except OSError as exc:
            dangling = entry.is_symlink() and isinstance(exc, FileNotFoundError)
            if not documentish:
                on_skip(path, SKIP_DANGLING if dangling else f"cannot stat: {exc.strerror}")
                continue
            code, why = (
                ("not_found", "a dangling symbolic link")
                if dangling
                else (
                    "unreadable",
                    f"cannot stat: {exc.strerror}",
                )
            )
            yield error_document(doc_id_for(path), display_path(path), code, why)
            continue
        if stat.S_ISDIR(st.st_mode):
            if _file_id(st) in walked:
                on_skip(path, SKIP_LOOP)
                continue
            walked.add(_file_id(st))
            error = enter(entry.path)
            if error is not None:
                yield error
            continue
        if _file_id(st) in excluded:
            on_skip(path, SKIP_OUTPUT)
            continue
        if not documentish:
            on_skip(path, SKIP_UNSUPPORTED)
            continue
        if not stat.S_ISREG(st.st_mode):
            yield error_document(
                doc_id_for(path),
                display_path(path),
                "not_regular",
                "not a regular file (FIFO, socket or device): not opened",
            )
            continue
        for doc in read_file(path, opts):
            if "alt_id" in doc.cache:
                doc.cache["alt_id"] = _alt_id(path, top)
            yield doc


def iter_documents(
    paths: Iterable[str | Path],
    opts: IngestOptions | None = None,
    on_skip: SkipHandler | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Document]:
    """Every document under `paths`, in a stable order (directories sorted), each id
    unique within the run (see `_Ids`).

    `on_skip(path, reason)` hears about entries of a directory that give no document
    (other file types, hidden files, loops, the output), so a caller can tell the user;
    files named explicitly are always read. Files in `exclude` (the run's output) are
    never read when a directory walk meets them.
    """
    opts = opts or IngestOptions()
    skip: SkipHandler = on_skip or (lambda path, reason: None)
    excluded: set[tuple[int, int]] = set()
    for out in exclude:
        with contextlib.suppress(OSError):
            excluded.add(_file_id(os.stat(out)))
    ids = _Ids()
    for raw in paths:
        for doc in _documents_of(raw, opts, skip, excluded):
            yield ids.claim(doc)


def _documents_of(
    raw: str | Path, opts: IngestOptions, skip: SkipHandler, excluded: set[tuple[int, int]]
) -> Iterator[Document]:
    if str(raw) == "-":
        yield from read_stdin(opts)
        return
    path = Path(raw)
    try:
        st = os.stat(path)
    except OSError as exc:
        code = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        why = "no such file or directory" if code == "not_found" else exc.strerror
        yield error_document(
            display_path(doc_id_for(path)), display_path(path), code, f"{why}: {display_path(path)}"
        )
        return
    if not stat.S_ISDIR(st.st_mode):
        for doc in read_file(path, opts):
            if "alt_id" in doc.cache:
                doc.cache["alt_id"] = _alt_id(path)
            yield doc
        return
    found = False
    for doc in _walk(path, opts, skip, excluded, {_file_id(st)}):
        found = True
        yield doc
    if not found:
        name = display_path(Path(os.path.abspath(path)).name or str(path))
        yield error_document(
            name,
            display_path(path),
            "no_documents",
            f"directory holds no readable documents ({', '.join(SUPPORTED_SUFFIXES)})",
        )


def text_to_document(text: str, doc_id: str = "text", meta: Meta | None = None) -> Document:
    """A caller's string as a document (the Python API's entry point)."""
    if not text.strip():
        return error_document(doc_id, None, "empty", "the document is empty")
    return Document(doc_id=doc_id, text=text, source=None, meta=meta or Meta())
