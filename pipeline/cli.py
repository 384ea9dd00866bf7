"""The `vnfacts` command. It parses arguments and reports; the work is in the stages."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from vnfacts.ingest import DEFAULT_MAX_BYTES, IngestOptions, display_path
from vnfacts.runner import RunStats

EXIT_OK = 0
EXIT_DOCUMENT_ERRORS = 1  # the run finished, but some documents are error records
EXIT_USAGE = 2  # bad command line, or an environment problem (output unwritable, locked)
EXIT_INTERNAL = 3  # vnfacts itself failed (a bug): a traceback follows
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it


def _progress(docs: Iterator, enabled: bool) -> Iterator:
    if not enabled:
        return docs
    from tqdm import tqdm

    return iter(tqdm(docs, unit="doc", file=sys.stderr, dynamic_ncols=True))


class UsageError(Exception):
    """A problem with the command line or the environment: a message and exit status 2."""


def _same_file(a: str, b: Path) -> bool:
    """Whether input `a` and output `b` are one file, whatever their spelling."""
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


@contextlib.contextmanager
def _open_output(path: str, paths: list[str], resume: bool) -> Iterator[IO[bytes]]:
    """The output, locked for this run, after every check that could refuse it.

    Refused (UsageError, nothing written or truncated): an output that is one of the
    input files named on the command line, or that another run holds. The lock is
    `fcntl.flock` on the output itself, taken before it is emptied, so a second run on
    the same output can never truncate or interleave with the first.
    """
    if path == "-":
        yield sys.stdout.buffer
        return
    out = Path(path)
    for p in paths:
        if p != "-" and not os.path.isdir(p) and _same_file(p, out):
            raise UsageError(f"the output {path} is also an input: refusing to overwrite it")
    if out.is_dir():
        raise UsageError(f"the output {path} is a directory")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fh = out.open("ab")  # not "w": an output another run holds must not be emptied
    except OSError as exc:
        raise UsageError(f"cannot write the output {path}: {exc.strerror or exc}") from exc
    from vnfacts.batch import OutputLocked, lock_output, unlock_output

    with fh:
        try:
            lock_output(fh)
        except OutputLocked as exc:
            raise UsageError(
                f"another vnfacts run is writing {path}; wait for it to finish or choose "
                "another output (-o)"
            ) from exc
        try:
            if not resume:
                fh.truncate(0)
            yield fh
        finally:
            unlock_output(fh)


def _report_skips(skipped: list[tuple[Path, str]]) -> None:
    by_reason: dict[str, list[str]] = {}
    for path, reason in skipped:
        by_reason.setdefault(reason, []).append(display_path(path))
    for reason, names in by_reason.items():
        shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
        print(f"vnfacts: skipped {len(names)} path(s), {reason}: {shown}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from vnfacts.batch import default_workers, process, record_key, recover_output, write_record
    from vnfacts.ingest import iter_documents

    if args.resume and args.output == "-":
        raise UsageError("--resume needs an output file (-o)")
    skipped: list[tuple[Path, str]] = []
    stats = RunStats()
    done: set[str] = set()
    with _open_output(args.output, args.paths, args.resume) as fh:
        if args.resume:
            done = recover_output(Path(args.output))
        exclude = [args.output] if args.output != "-" else []
        docs: Iterator = iter_documents(
            args.paths,
            IngestOptions(max_bytes=args.max_bytes, fmt=args.format),
            lambda path, reason: skipped.append((path, reason)),
            exclude=exclude,
        )
        if done:
            docs = (d for d in docs if record_key(d.doc_id, d.source) not in done)
        options = {"recognize": {"ner": "off" if args.no_ner else "gaps"}}
        if args.engine == "spark":
            from vnfacts.spark import extract_documents

            records: Iterator[dict] = extract_documents(
                docs, master=args.spark_master, options=options, include_text=args.include_text
            )
        else:
            workers = args.workers or default_workers()
            results = process(docs, workers=workers, options=options, timeout=args.timeout)
            records = (doc.to_json(include_text=args.include_text) for doc in results)
        show_progress = sys.stderr.isatty() and not args.quiet
        try:
            for record in _progress(records, show_progress):
                record = write_record(fh, record)
                stats.add_record(record)
                if record["errors"] and not args.quiet:
                    reasons = "; ".join(
                        f"{e['stage']}/{e['code']}: {e['message']}" for e in record["errors"]
                    )
                    print(
                        f"vnfacts: {record['source'] or record['doc_id']}: {reasons}",
                        file=sys.stderr,
                    )
        except KeyboardInterrupt:
            hint = "; run the same command with --resume to continue" if args.output != "-" else ""
            print(
                f"\nvnfacts: interrupted after {stats.documents} documents{hint}",
                file=sys.stderr,
            )
            return EXIT_INTERRUPTED
    if skipped:
        _report_skips(skipped)
    resumed = f" (resumed: {len(done)} already done)" if done else ""
    print(f"vnfacts: {stats.summary()}{resumed}", file=sys.stderr)
    return EXIT_DOCUMENT_ERRORS if stats.errors else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from vnfacts.evaluate import evaluate, format_report

    for path in (args.predictions, args.gold):
        if not Path(path).exists():
            print(f"vnfacts: no such file or directory: {path}", file=sys.stderr)
            return EXIT_USAGE
    report = evaluate(
        Path(args.predictions), Path(args.gold), baseline=not args.no_baseline, root=Path.cwd()
    )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, show_errors=args.errors))
    if args.min_fact_f1 is not None and report.facts.f1 < args.min_fact_f1:
        print(
            f"vnfacts: fact F1 {report.facts.f1:.3f} is below the floor {args.min_fact_f1}",
            file=sys.stderr,
        )
        return EXIT_DOCUMENT_ERRORS
    return EXIT_OK


_MARK = {
    "consistent": "✔",
    "inconsistent": "✘",
    "cannot_check": "?",
}
EXIT_INCONSISTENT = 1  # `vnfacts check`: some figures do not agree (as linters do)


def cmd_check(args: argparse.Namespace) -> int:
    from vnfacts.check import STATUS_NAMES, find_contradictions, kind_name, quote_around
    from vnfacts.view import InputError, indicator_name, load, show_value

    lang = args.lang
    records = []
    human: list[str] = []
    counts = {"consistent": 0, "inconsistent": 0, "cannot_check": 0}
    input_errors = 0
    try:
        for record in load(args.paths):
            records.append(record)
            errors = record.get("errors") or []
            input_errors += any(e.get("stage") == "ingest" for e in errors)
            checks = record.get("checks") or []
            for c in checks:
                counts[c["status"]] = counts.get(c["status"], 0) + 1
            if args.json or not (checks or errors):
                continue
            title = (record.get("meta") or {}).get("title") or ""
            published = (record.get("meta") or {}).get("published")
            human.append(
                f"{record['doc_id']}  {title[:80]}" + (f" ({published})" if published else "")
            )
            for e in errors:
                human.append(f"  ! {e.get('stage')}/{e.get('code')}: {e.get('message')}")
            text = record.get("text")
            order = ["inconsistent", "cannot_check", "consistent"]
            for c in sorted(
                checks, key=lambda c: order.index(c["status"]) if c["status"] in order else 3
            ):
                status = STATUS_NAMES.get(c["status"], {}).get(lang, c["status"])
                message = (c.get("message_vi") if lang == "vi" else None) or c.get("message")
                human.append(
                    f"  {_MARK.get(c['status'], '?')} {status.upper() if c['status'] == 'inconsistent' else status}"
                    f" · {kind_name(c['kind'], lang)}: {message}"
                )
                typo = c.get("likely_typo")
                if typo:
                    human.append(
                        f"      ⚠ {typo.get('message_vi') if lang == 'vi' else typo.get('message')}"
                    )
                if c["status"] == "inconsistent" and c.get("evidence") and isinstance(text, str):
                    first = c["evidence"][0]
                    human.append(f"      « {quote_around(text, first['start'], first['end'])} »")
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    contradictions = find_contradictions(records)
    inconsistent = counts["inconsistent"] + len(contradictions)
    status = EXIT_USAGE if input_errors else (EXIT_INCONSISTENT if inconsistent else EXIT_OK)
    if args.json:
        payload = {
            "documents": [
                {"doc_id": r["doc_id"], "source": r.get("source"), "checks": r.get("checks") or []}
                for r in records
            ],
            "contradictions": contradictions,
            "summary": {
                **counts,
                "contradictions": len(contradictions),
                "input_errors": input_errors,
            },
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return status
    for line in human:
        print(line)
    if contradictions:
        head = {"vi": "Mâu thuẫn giữa các bài", "en": "Contradictions between articles"}[lang]
        print(f"\n{head}: {len(contradictions)}")
        for c in contradictions:
            sources = "; ".join(
                f"{show_value({'value': s['value'], 'unit': s.get('unit')})} ({s['doc_id']})"
                for s in c["sources"]
            )
            print(
                f"  ✘ {indicator_name(c['indicator'], lang)} — {c['locality']} ({c['year']}): {sources}"
            )
    total = sum(counts.values())
    if lang == "vi":
        summary = (
            f"{len(records)} bài, {total} phép kiểm tra: {counts['inconsistent']} không khớp, "
            f"{counts['consistent']} khớp, {counts['cannot_check']} không kiểm tra được; "
            f"{len(contradictions)} mâu thuẫn giữa các bài"
        )
    else:
        summary = (
            f"{len(records)} documents, {total} checks: {counts['consistent']} consistent, "
            f"{counts['inconsistent']} inconsistent, {counts['cannot_check']} cannot be checked; "
            f"{len(contradictions)} contradictions across articles"
        )
    print(f"\n{summary}")
    if input_errors:
        print(f"vnfacts: {input_errors} input(s) could not be read", file=sys.stderr)
    return status


def cmd_view(args: argparse.Namespace) -> int:
    from vnfacts.view import InputError, load, render

    try:
        records = list(load(args.paths))
    except InputError as exc:
        raise UsageError(str(exc)) from exc
    page = render(records, lang=args.lang)
    if args.output == "-":
        sys.stdout.write(page)
    else:
        out = Path(args.output)
        if out.is_dir():
            raise UsageError(f"the output {args.output} is a directory")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                f"cannot write the output {args.output}: {exc.strerror or exc}"
            ) from exc
        print(f"vnfacts: wrote {len(records)} article(s) to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from vnfacts.serve import serve

    if args.max_upload <= 0:
        raise UsageError("--max-upload must be a positive number of bytes")
    serve(host=args.host, port=args.port, max_upload=args.max_upload, lang=args.lang)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from vnfacts.export import ExportError, export

    source = Path(args.results)
    if not source.is_file():
        print(f"vnfacts: no such file: {source}", file=sys.stderr)
        return EXIT_USAGE
    try:
        counts = export(source, args.to, Path(args.dest))
    except ExportError as exc:
        print(f"vnfacts: export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    print(f"vnfacts: wrote {summary} to {args.dest} ({args.to})", file=sys.stderr)
    return EXIT_OK


def cmd_series(args: argparse.Namespace) -> int:
    from vnfacts.export import read_series
    from vnfacts.series import format_table, plot, select

    source = Path(args.results)
    if not source.is_file():
        print(f"vnfacts: no such file: {source}", file=sys.stderr)
        return EXIT_USAGE
    rows = select(
        read_series(source),
        indicators=args.indicator or (),
        levels=args.level or (),
        province=args.province,
        conflicts_only=args.conflicts,
    )
    print(format_table(rows, vietnamese=args.vi))
    n_conflicts = int((rows["conflicting"] == 1).sum())
    summary = f"vnfacts: {len(rows)} series, {n_conflicts} with conflicting sources"
    if args.plot:
        try:
            panels = plot(rows, args.plot)
        except ImportError:
            print("vnfacts: --plot needs matplotlib (pip install matplotlib)", file=sys.stderr)
            return EXIT_USAGE
        summary += f"; {panels} panels drawn in {args.plot}"
    print(summary, file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnfacts", description="Turn Vietnamese news reports into structured, checkable facts."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser(
        "extract",
        help="read documents and write one JSON line of facts per document",
        description="Reads .txt, .html/.htm and .jsonl(.gz) files or directories ('-' for stdin) "
        "and writes one JSON line per document. Exit status: 0 clean, 1 some documents are error "
        "records, 2 usage or environment error (the output is an input or locked), 3 internal "
        "error, 130 interrupted (continue with --resume).",
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
    ex.add_argument("--no-ner", action="store_true", help="do not run underthesea's NER (faster)")
    ex.add_argument(
        "-w",
        "--workers",
        type=int,
        default=0,
        help="worker processes (default: all cores); output order does not depend on it",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="continue a killed run: keep the documents already in the output file, do the rest",
    )
    ex.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="local: worker processes on this machine; spark: Apache Spark (pip install '.[spark]')",
    )
    ex.add_argument(
        "--spark-master",
        default="local[2]",
        help="Spark master URL for --engine spark (default local[2])",
    )
    ex.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds one document may take before it becomes an error record (default 60; 0: none)",
    )
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser(
        "eval",
        help="score predictions against gold files (precision, recall, F1)",
        description="Scores PRED.jsonl against the gold records in GOLD_DIR with the matching rules "
        "of FACTS.md: facts overall and per indicator, mentions per type, and underthesea's NER "
        "alone as a baseline.",
    )
    ev.add_argument("predictions", help="JSONL written by `vnfacts extract`")
    ev.add_argument("gold", help="directory of gold records (.json or .jsonl)")
    ev.add_argument(
        "--errors", action="store_true", help="list misses and false hits with their evidence"
    )
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument(
        "--no-baseline", action="store_true", help="skip the NER baseline (slower part)"
    )
    ev.add_argument(
        "--min-fact-f1", type=float, default=None, help="exit 1 when fact F1 is below this"
    )
    ev.set_defaults(func=cmd_eval)

    ck = sub.add_parser(
        "check",
        help="check that each article's figures add up, and find contradictions between articles",
        description="Prints, per article, every arithmetic check (changes, sums of parts, shares "
        "of a plan or of a stated figure, households and their rates, averages, rates across "
        "years) with its status and the likely typo, then the contradictions across articles. "
        "Reads articles (.txt, .html, directories, JSONL of articles) or `vnfacts extract` output "
        "(.jsonl). Exit status: 0 every check agrees, 1 some check is inconsistent, 2 usage or "
        "input error.",
    )
    ck.add_argument("paths", nargs="+", help="articles, directories, or extract output (.jsonl)")
    ck.add_argument(
        "--json", action="store_true", help="print the checks and contradictions as JSON"
    )
    ck.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the messages (default vi)"
    )
    ck.set_defaults(func=cmd_check)

    vw = sub.add_parser(
        "view",
        help="write a self-contained HTML review page of articles, facts and checks",
        description="Writes one HTML file (no network) with each article's text, figures, places "
        "and officials highlighted, its facts with their evidence, and its checks.",
    )
    vw.add_argument("paths", nargs="+", help="extract output (.jsonl) or articles")
    vw.add_argument("-o", "--output", default="review.html", help="the HTML file (- for stdout)")
    vw.add_argument("--lang", choices=("vi", "en"), default="vi", help="page language (default vi)")
    vw.set_defaults(func=cmd_view)

    sv = sub.add_parser(
        "serve",
        help="a local web page where an article is pasted or uploaded and checked",
        description="Starts a local web app (127.0.0.1 by default): paste a text or upload a "
        ".txt/.html file and see the review page. It never fetches URLs.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    sv.add_argument(
        "--max-upload",
        type=int,
        default=2 * 1024 * 1024,
        help="largest text or file accepted, in bytes (default 2 MiB)",
    )
    sv.add_argument("--lang", choices=("vi", "en"), default="vi", help="page language (default vi)")
    sv.set_defaults(func=cmd_serve)

    xp = sub.add_parser(
        "export",
        help="write results as normalized tables: CSV files, Parquet files or an SQLite database",
        description="Tables documents, mentions, facts, officials (one row per person and role) "
        "and checks, with stable ids. SQLite gets primary and foreign keys and indexes; "
        "exporting again into the same database updates it without duplicating rows.",
    )
    xp.add_argument("results", help="JSONL written by `vnfacts extract`")
    xp.add_argument("--to", choices=("csv", "parquet", "sqlite"), required=True)
    xp.add_argument("dest", help="a directory (csv, parquet) or a database file (sqlite)")
    xp.set_defaults(func=cmd_export)

    sr = sub.add_parser(
        "series",
        help="one table of figures across articles: value most sources state, sources, conflicts",
        description="Consolidates the facts of a results file: one row per locality, indicator, "
        "year, status, subgroup and poverty standard, with the value most distinct sources "
        "state (copies of one wire story count once), the number of sources and the values "
        "that disagree beyond rounding (marked ≠).",
    )
    sr.add_argument("results", help="JSONL written by `vnfacts extract`")
    sr.add_argument(
        "--indicator", action="append", help="only this indicator (repeatable): poverty_rate, …"
    )
    sr.add_argument(
        "--level",
        action="append",
        choices=("village", "commune", "district", "province", "region", "country"),
        help="only localities of this level (repeatable)",
    )
    sr.add_argument("--province", help="only localities in this province")
    sr.add_argument("--conflicts", action="store_true", help="only rows whose sources disagree")
    sr.add_argument("--vi", action="store_true", help="Vietnamese number format (14,78)")
    sr.add_argument("--plot", metavar="PNG", help="also draw each locality's values by year")
    sr.set_defaults(func=cmd_series)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `vnfacts extract … | head`
        with contextlib.suppress(OSError):  # no second error when Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except UsageError as exc:
        print(f"vnfacts: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nvnfacts: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:  # the environment: a full disk, a folder gone, no permission
        print(f"vnfacts: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception:
        traceback.print_exc()
        print("vnfacts: internal error (a bug in vnfacts; please report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
