"""Export at scale: time and peak memory of `vnfacts export` on 1,000 and 10,000 documents.

Builds a results file by repeating the corpus's five records under new doc ids, then runs
each export in a fresh process (so peak RSS is the export's own) and prints the figures:
a first export into SQLite, a second into the same database (every document replaced),
and CSV. `--old REV` runs the same with `pipeline/export.py` of a git revision, for
comparison. Usage: .venv/bin/python bench/export_bench.py [--sizes 1000 10000] [--old main]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import importlib.util, resource, sys, time
from pathlib import Path
module_path, results, fmt, dest = sys.argv[1:5]
if module_path == "-":
    from vnfacts import export as ex
else:
    spec = importlib.util.spec_from_file_location("old_export", module_path)
    ex = importlib.util.module_from_spec(spec); spec.loader.exec_module(ex)
t = time.perf_counter()
ex.export(Path(results), fmt, Path(dest))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def make_results(n: int, path: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-m", "vnfacts.cli", "extract", str(ROOT / "corpus"), "-q", "-w", "1"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    records = [json.loads(line) for line in out.splitlines()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = dict(records[i % len(records)])
            record["doc_id"] = f"{record['doc_id']}-{i}"
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def run(module: str, results: Path, fmt: str, dest: Path) -> tuple[float, float]:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, module, str(results), fmt, str(dest)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, mb = proc.stdout.split()
    return float(seconds), float(mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--old", help="also run pipeline/export.py of this git revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        versions = [("this tree", "-")]
        if args.old:
            old = tmp / "old_export.py"
            old.write_text(
                subprocess.run(
                    ["git", "-C", str(ROOT), "show", f"{args.old}:pipeline/export.py"],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout,
                encoding="utf-8",
            )
            versions.append((args.old, str(old)))
        print("| export | documents | results MB | sqlite s | sqlite again s | csv s | peak MB |")
        print("|---|---|---|---|---|---|---|")
        for n in args.sizes:
            results = tmp / f"r{n}.jsonl"
            size = make_results(n, results) / 2**20
            for label, module in versions:
                db = tmp / f"{label.replace(' ', '_')}-{n}.db"
                first, mb1 = run(module, results, "sqlite", db)
                again, mb2 = run(module, results, "sqlite", db)
                csv, mb3 = run(module, results, "csv", tmp / f"csv-{label}-{n}")
                print(
                    f"| {label} | {n:,} | {size:.1f} | {first:.1f} | {again:.1f} | {csv:.1f} "
                    f"| {max(mb1, mb2, mb3):.0f} |",
                    flush=True,
                )
    print(
        f"(peak of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )


if __name__ == "__main__":
    main()
