"""The `vnfacts` command. It parses arguments and reports; the work is in the stages."""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import jsonlines

from pipeline.ingest import DEFAULT_MAX_BYTES, IngestOptions
from pipeline.runner import RunStats

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1  # the run finished, but some documents are error records
EXIT_USAGE = 2


def _progress(docs: Iterator, enabled: bool) -> Iterator:
    if not enabled:
        return docs
    from tqdm import tqdm

    return iter(tqdm(docs, unit="doc", file=sys.stderr, dynamic_ncols=True))


@contextlib.contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        yield fh


def cmd_extract(args: argparse.Namespace) -> int:
    skipped: list[Path] = []
    options = IngestOptions(max_bytes=args.max_bytes, fmt=args.format)
    from pipeline.ingest import iter_documents
    from pipeline.runner import default_pipeline

    docs = default_pipeline().run(iter_documents(args.paths, options, on_skip=skipped.append))
    stats = RunStats()
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    show_progress = sys.stderr.isatty() and not args.quiet
    with _open_output(args.output) as fh:
        writer = jsonlines.Writer(fh, dumps=dumps, flush=True)
        for doc in _progress(docs, show_progress):
            writer.write(doc.to_json(include_text=args.include_text))
            stats.add(doc)
            if doc.errors and not args.quiet:
                reasons = "; ".join(f"{e.stage}/{e.code}: {e.message}" for e in doc.errors)
                print(f"vnfacts: {doc.source or doc.doc_id}: {reasons}", file=sys.stderr)
    if skipped:
        names = ", ".join(str(p) for p in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        print(
            f"vnfacts: skipped {len(skipped)} file(s) of an unsupported type: {names}",
            file=sys.stderr,
        )
    print(f"vnfacts: {stats.summary()}", file=sys.stderr)
    return EXIT_DOCUMENT_ERRORS if stats.errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnfacts", description="Turn Vietnamese news reports into structured, checkable facts."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser(
        "extract",
        help="read documents and write one JSON line of facts per document",
        description="Reads .txt, .html/.htm and .jsonl(.gz) files or directories ('-' for stdin) "
        "and writes one JSON line per document. Exit status 1 if any document is an error record.",
    )
    ex.add_argument("paths", nargs="+", help="files, directories, or - for stdin")
    ex.add_argument("-o", "--output", default="-", help="output JSONL file (default: - for stdout)")
    ex.add_argument(
        "--format",
        choices=("text", "html", "jsonl"),
        default=None,
        help="format of stdin and of files with an unknown ending (default: sniffed)",
    )
    ex.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"documents over this size become error records (default {DEFAULT_MAX_BYTES})",
    )
    ex.add_argument(
        "--include-text", action="store_true", help="put each document's text in its record"
    )
    ex.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no per-document errors"
    )
    ex.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `vnfacts extract … | head`
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
