"""Turns files, directories, JSON Lines and stdin into `Document`s.

Nothing is dropped silently: every input that cannot become a readable document
(missing path, empty or binary file, invalid UTF-8, too large, malformed JSONL
line, a directory without documents) becomes a `Document` whose `errors` say why,
so the batch goes on and the output keeps one record per input.
"""

from __future__ import annotations

import gzip
import json
import sys
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
    doc = Document(doc_id=doc_id, text="", source=source)
    doc.add_error(STAGE, code, message)
    return doc


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


# --------------------------------------------------------------------------- JSON Lines


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
    doc_id = str(record.get("id") or record.get("doc_id") or fallback_id)
    meta = Meta(
        title=record.get("title"),
        published=record.get("published"),
        url=record.get("url"),
        author=record.get("author"),
    )
    text, html = record.get("text"), record.get("html")
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


def read_jsonl_stream(stream: IO[bytes], name: str, opts: IngestOptions) -> Iterator[Document]:
    """Streams a JSONL file line by line; a bad line is an error record, not a stop."""
    stem = Path(name).name.split(".")[0]
    lineno = 0
    while True:
        line = stream.readline(opts.max_bytes + 1)
        if not line:
            return
        lineno += 1
        source = f"{name}:{lineno}"
        fallback_id = f"{stem}:{lineno}"
        if len(line) > opts.max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without holding it
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield error_document(
                fallback_id, source, "too_large", f"line {lineno} is over {opts.max_bytes} bytes"
            )
            continue
        if not line.strip():
            continue  # blank separator lines are not documents
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
        yield _record_to_document(record, fallback_id, source, opts)


# --------------------------------------------------------------------------- paths


def read_warc(path: Path, opts: IngestOptions) -> Iterator[Document]:
    """The HTML pages of a web archive (WARC, plain or gzipped), through warcio.

    Each `response` record with an HTML payload becomes a document whose id is its
    WARC-Record-ID and whose url comes from the record's headers; other records
    (requests, metadata, images) are not documents. A record that cannot be read is an
    error record; the rest of the archive is still read.
    """
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for n, record in enumerate(records, 1):
            if record.rec_type != "response":
                continue
            headers = record.http_headers
            ctype = (headers.get_header("Content-Type") if headers else "") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            rid = (record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}:{n}").strip(
                "<>"
            )
            doc_id = rid.removeprefix("urn:uuid:")
            try:
                data = record.content_stream().read(opts.max_bytes + 1)
            except Exception as exc:  # a truncated or corrupt record
                source = f"{path}#record{n}"
                yield error_document(doc_id, source, "unreadable", f"WARC record {n}: {exc}")
                continue
            source = f"{path}#{records.get_record_offset()}"  # after the read: warcio needs it
            if len(data) > opts.max_bytes:
                yield error_document(
                    doc_id, source, "too_large", f"WARC record {n} is over {opts.max_bytes} bytes"
                )
                continue
            charset = regex.search(r"charset=([\w-]+)", ctype)
            try:
                html = data.decode(charset.group(1) if charset else "utf-8")
            except (LookupError, UnicodeDecodeError) as exc:
                yield error_document(doc_id, source, "not_utf8", f"WARC record {n}: {exc}")
                continue
            try:
                # WARC-Date is when the page was crawled, not when the article appeared: the
                # publication date comes from the page itself
                yield html_to_document(html, doc_id, source, Meta(url=url))
            except IngestError as exc:
                yield error_document(doc_id, source, exc.code, exc.message)


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
    """All documents of one file (one, or one per line for JSONL)."""
    source = str(path)
    fmt = format_of(path) or opts.fmt
    try:
        if fmt == "warc":
            yield from read_warc(path, opts)
            return
        if fmt == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from read_jsonl_stream(stream, source, opts)  # type: ignore[arg-type]
            return
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield error_document(
                doc_id_for(path),
                source,
                "too_large",
                f"{size} bytes, over the limit of {opts.max_bytes}",
            )
            return
        data = path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield error_document(doc_id_for(path), source, "unreadable", f"cannot read: {exc}")
        return
    yield bytes_to_document(data, doc_id_for(path), source, fmt or sniff_format(data[:4096]))


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


def iter_documents(
    paths: Iterable[str | Path],
    opts: IngestOptions | None = None,
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Document]:
    """Every document under `paths`, in a stable order (directories sorted).

    `on_skip` hears about files in a directory that are not of a readable type,
    so a caller can tell the user; files named explicitly are always read.
    """
    opts = opts or IngestOptions()
    for raw in paths:
        if str(raw) == "-":
            yield from read_stdin(opts)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if format_of(child) is None:
                    if on_skip:
                        on_skip(child)
                    continue
                found = True
                yield from read_file(child, opts)
            if not found:
                yield error_document(
                    path.name or str(path),
                    str(path),
                    "no_documents",
                    f"directory holds no readable documents ({', '.join(SUPPORTED_SUFFIXES)})",
                )
        elif path.exists():
            yield from read_file(path, opts)
        else:
            yield error_document(
                doc_id_for(path), str(path), "not_found", f"no such file or directory: {path}"
            )


def text_to_document(text: str, doc_id: str = "text", meta: Meta | None = None) -> Document:
    """A caller's string as a document (the Python API's entry point)."""
    if not text.strip():
        return error_document(doc_id, None, "empty", "the document is empty")
    return Document(doc_id=doc_id, text=text, source=None, meta=meta or Meta())
