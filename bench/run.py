"""Benchmark vnfacts on the real news archive and print the figures (a script, not a test).

    .venv/bin/python bench/run.py                 # a fixed random sample of 400 articles
    .venv/bin/python bench/run.py --sample 2000
    .venv/bin/python bench/run.py --all           # the whole archive (35,440 articles)

For each configuration (workers 1 and 2, with and without the NER signal) it runs the
pipeline in a fresh process and reports documents/s, KB/s per core, the peak memory of
the largest process (a worker, or the single process) and the speed-up from 1 to 2
workers; then underthesea's `ner()` alone over the same texts as the reference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"

DRIVER = r"""
import json, resource, sys, time
from vnfacts.batch import process
from vnfacts.ingest import iter_documents
path, workers, ner = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t = time.perf_counter()
n = facts = 0
for doc in process(iter_documents([path]), workers=workers, options={"recognize": {"ner": ner}}, timeout=120):
    n += 1
    facts += len(doc.facts)
seconds = time.perf_counter() - t
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"docs": n, "facts": facts, "seconds": seconds, "peak_kb": max(own, kids) if workers > 1 else own}))
"""

NER_DRIVER = r"""
import json, sys, time
from underthesea import ner
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
for text in texts:
    for line in text.splitlines():
        if line.strip():
            ner(line)
print(json.dumps({"docs": len(texts), "seconds": time.perf_counter() - t}))
"""


def sample(n: int | None, seed: int = 2017) -> list[str]:
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    if n is None or n >= len(lines):
        return lines
    return random.Random(seed).sample(lines, n)


def run(driver: str, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", driver, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sample", type=int, default=400, help="articles in the fixed random sample"
    )
    parser.add_argument("--all", action="store_true", help="the whole archive")
    parser.add_argument(
        "--ner-sample", type=int, default=100, help="articles for the underthesea ner() reference"
    )
    args = parser.parse_args()
    if not ARCHIVE.exists():
        sys.exit(f"archive not found: {ARCHIVE}")
    lines = sample(None if args.all else args.sample)
    kb = sum(len(json.loads(line)["text"].encode("utf-8")) for line in lines) / 1024
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        print(
            f"sample: {len(lines)} articles, {kb:,.0f} KB of text; machine: {os.cpu_count()} cores"
        )
        print(
            f"{'configuration':28} {'docs/s':>8} {'KB/s/core':>10} {'peak MB/proc':>13} {'facts':>6}"
        )
        results = {}
        for ner in ("off", "gaps"):
            for workers in (1, 2):
                r = run(DRIVER, str(path), str(workers), ner)
                results[(ner, workers)] = r
                name = f"ner={ner} workers={workers}"
                print(
                    f"{name:28} {r['docs'] / r['seconds']:8.1f} {kb / r['seconds'] / workers:10.1f} "
                    f"{r['peak_kb'] / 1024:13.0f} {r['facts']:6d}"
                )
            speedup = results[(ner, 1)]["seconds"] / results[(ner, 2)]["seconds"]
            print(f"{'':28} scaling 1 → 2 workers: ×{speedup:.2f}")
        if args.ner_sample <= 0:
            return  # (no reference run asked for: "--ner-sample 0")
        ner_lines = lines[: args.ner_sample]
        ner_path = Path(tmp) / "ner.jsonl"
        ner_path.write_text("".join(ner_lines), encoding="utf-8")
        ner_kb = sum(len(json.loads(line)["text"].encode("utf-8")) for line in ner_lines) / 1024
        r = run(NER_DRIVER, str(ner_path))
        ref_kbs = ner_kb / r["seconds"]
        print(
            f"{'underthesea ner() alone':28} {r['docs'] / r['seconds']:8.1f} {ref_kbs:10.1f} {'':>13} "
            f"(on the first {len(ner_lines)} articles)"
        )
        for ner in ("off", "gaps"):
            ours = kb / results[(ner, 1)]["seconds"]
            print(
                f"pipeline (ner={ner}, 1 worker) vs ner() alone, per KB: ×{ours / ref_kbs:.1f} faster"
            )


if __name__ == "__main__":
    main()
