"""Fact quality on the gold set of real reports, and how quiet the pipeline stays off topic.

    .venv/bin/python bench/quality.py            # dev and test scores, off-topic facts per 1,000
    .venv/bin/python bench/quality.py --quick    # archive gold only + 1,500 off-topic articles
    .venv/bin/python bench/quality.py --split dev --errors    # what went wrong, on dev

Page texts come from the cache that `scripts/gold.py` documents (missing ones are listed
and skipped); archive articles are read by id from ../shared/archive/. Tune on dev; look
at test only to report.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import regex
from vnfacts.batch import default_workers, process
from vnfacts.doc import Meta
from vnfacts.evaluate import Report, format_report, score_facts
from vnfacts.ingest import text_to_document

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"
# an article that names neither poverty nor a social programme should give no fact
ON_TOPIC = regex.compile(
    r"nghèo|an sinh|chính sách xã hội|bảo trợ xã hội|giảm nghèo|nông thôn mới|"
    r"nhà tạm|dột nát|đại đoàn kết|tình nghĩa|tình thương|chương trình 135|30a",
    regex.I,
)


def _gold_module() -> Any:
    spec = importlib.util.spec_from_file_location("gold", ROOT / "scripts" / "gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_documents(split: str, kinds: tuple[str, ...]) -> list[tuple[dict[str, Any], str]]:
    """(gold record, text) of the split's documents whose text is at hand."""
    gold = _gold_module()
    sides = gold.read_split()
    archive_ids = {
        d for d, s in sides.items() if s == split and d.startswith("baomoi-") and "archive" in kinds
    }
    archive = {}
    if archive_ids:
        with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in archive_ids:
                    archive[rec["id"]] = rec["text"]
    out, missing = [], []
    for doc_id, side in sorted(sides.items()):
        if side != split:
            continue
        record = gold.load_gold(doc_id)
        kind = record["origin"]["kind"]
        if kind not in kinds:
            continue
        text = archive.get(doc_id) if kind == "archive" else gold.document_text(record)
        if text is None:
            missing.append(doc_id)
            continue
        out.append((record, text))
    if missing:
        print(f"{split}: {len(missing)} page texts not cached (scripts/gold.py missing)")
    return out


def score_split(split: str, kinds: tuple[str, ...], workers: int = 1) -> Report:
    report = Report()
    records = gold_documents(split, kinds)
    docs = (
        text_to_document(text, doc_id=record["doc_id"], meta=Meta(url=record["meta"].get("url")))
        for record, text in records
    )
    for (record, _), doc in zip(records, process(docs, workers=workers), strict=True):
        report.documents += 1
        score_facts(report, record["doc_id"], doc.to_json()["facts"], record["facts"])
    return report


# the off-topic articles `--quick` reads: enough to see a rule gone wrong, within a minute on
# two cores with the archive gold
QUICK_OFF_TOPIC = 1500


def off_topic(sample: int | None, workers: int = 1) -> tuple[int, int, float]:
    """(articles that never name poverty or a social programme, their facts, seconds), read
    with `workers` processes (the batch runner's, as a researcher's archive run is)."""
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    if sample:
        # a sample drawn before parsing (parsing and testing every article for its topic
        # is most of a quick run's wait), topped up in the same random order
        order = random.Random(2017).sample(range(len(lines)), len(lines))
        texts = []
        for i in order:
            text = json.loads(lines[i])["text"]
            if not ON_TOPIC.search(text):
                texts.append(text)
                if len(texts) == sample:
                    break
    else:
        texts = [t for t in (json.loads(line)["text"] for line in lines) if not ON_TOPIC.search(t)]
    t0 = time.perf_counter()
    docs = (text_to_document(t, doc_id=f"off-topic-{i}", meta=Meta()) for i, t in enumerate(texts))
    facts = sum(len(doc.facts) for doc in process(docs, workers=workers))
    return len(texts), facts, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="archive gold only; 1,500 off-topic")
    ap.add_argument("--split", choices=("dev", "test"), action="append")
    ap.add_argument("--errors", action="store_true", help="list misses and false facts")
    ap.add_argument(
        "--off-topic", type=int, default=None, help="sample size (default: all; 0: skip it)"
    )
    ap.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="processes (default: the machine's cores)",
    )
    args = ap.parse_args(argv)
    kinds = ("archive",) if args.quick else ("archive", "page")
    for split in args.split or ["dev", "test"]:
        report = score_split(split, kinds, workers=args.workers)
        print(f"== {split} ({', '.join(kinds)})")
        print(format_report(report, show_errors=args.errors))
    sample = QUICK_OFF_TOPIC if args.quick and args.off_topic is None else args.off_topic
    if sample == 0:
        return 0  # the gold scores only (tuning runs)
    n, facts, seconds = off_topic(sample, workers=args.workers)
    print(
        f"== off topic: {facts} facts in {n} archive articles that never name poverty or a "
        f"social programme = {1000 * facts / max(n, 1):.2f} per 1,000 ({seconds:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
