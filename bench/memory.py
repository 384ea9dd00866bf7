"""Worker memory per document: where it grows, and what recycling workers does to it.

    .venv/bin/python bench/memory.py                 # 3,000 archive articles, in this process
    .venv/bin/python bench/memory.py --docs 15000
    .venv/bin/python bench/memory.py --workers 2 --recycle 1000   # pool RSS with recycling

In-process mode (the default) runs the pipeline the way one worker does and prints, every
`--every` documents, the resident memory and the size of every cache that can grow with
the documents seen: spaCy's StringStore and lexemes (a new string per new syllable,
number, name), and the gazetteer's `lru_cache`s. Pool mode prints the largest worker's
peak RSS, with and without `--recycle` (maxtasksperchild). Figures, not asserts.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def caches() -> dict[str, int]:
    from vnfacts import gazetteer
    from vnfacts.recognize.spacy_doc import nlp

    vocab = nlp().vocab
    out = {"spacy_strings": len(vocab.strings), "spacy_lexemes": len(vocab)}
    for name in ("fold", "ascii_key", "split_level_word"):
        fn = getattr(gazetteer, name, None)
        if fn is not None and hasattr(fn, "cache_info"):
            out[f"gaz.{name}"] = fn.cache_info().currsize
    return out


def documents(n: int):
    from vnfacts.doc import Document

    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                return
            rec = json.loads(line)
            yield Document(doc_id=str(rec.get("id") or i), text=rec.get("text") or "x")


def in_process(args: argparse.Namespace) -> None:
    from vnfacts.batch import run_one
    from vnfacts.runner import Pipeline

    pipe = Pipeline(options={"recognize": {"ner": args.ner}})
    t = time.perf_counter()
    base = None
    for i, doc in enumerate(documents(args.docs), 1):
        run_one(pipe, doc, None)
        doc.cache.clear()
        if i == args.warmup:
            base = (rss_mb(), caches())
        if i % args.every == 0:
            print(
                f"{i:6d} docs  RSS {rss_mb():7.1f} MB  {caches()}  {time.perf_counter() - t:.0f} s"
            )
            sys.stdout.flush()
    if base is not None:
        grown = rss_mb() - base[0]
        print(
            f"after the first {args.warmup}: +{grown:.1f} MB over {args.docs - args.warmup} docs "
            f"= {grown * 1024 / max(1, args.docs - args.warmup):.2f} KB/doc"
        )


def pool(args: argparse.Namespace) -> None:
    from vnfacts.batch import process

    t = time.perf_counter()
    n = sum(
        1
        for _ in process(
            documents(args.docs),
            workers=args.workers,
            options={"recognize": {"ner": args.ner}},
            recycle=args.recycle,
        )
    )
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{n} docs, {args.workers} workers, recycle every {args.recycle or '∞'}: "
        f"largest worker peak {kids:.0f} MB, {time.perf_counter() - t:.0f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--every", type=int, default=500)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--ner", default="gaps")
    ap.add_argument("--workers", type=int, default=0, help="0: in this process")
    ap.add_argument("--recycle", type=int, default=0, help="maxtasksperchild (pool mode)")
    args = ap.parse_args()
    (pool if args.workers else in_process)(args)


if __name__ == "__main__":
    main()
