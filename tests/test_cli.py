"""The `vnfacts extract` command end to end: output shape, summary, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from vnfacts.cli import main

from tests.conftest import CORPUS, SEED_IDS

CONTRACT_KEYS = {"doc_id", "source", "meta", "mentions", "facts", "checks", "errors"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_corpus_writes_one_line_per_document(tmp_path: Path, capsys):
    out = tmp_path / "out" / "facts.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(out)]) == 0
    records = read_jsonl(out)
    assert [r["doc_id"] for r in records] == list(SEED_IDS)
    for record in records:
        assert record.keys() >= CONTRACT_KEYS
        assert set(record["meta"]) == {"title", "published", "author", "url"}
        assert record["errors"] == []
        assert record["source"].endswith(record["doc_id"] + ".txt")
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("vnfacts: 5 documents, 0 errors, ")
    assert summary.endswith(" s")


def test_bad_inputs_give_records_and_exit_status_1(tmp_path: Path, capsys):
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / f"{SEED_IDS[4]}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "facts.jsonl"
    status = main(["extract", str(good), str(empty), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert status == 1
    records = read_jsonl(out)
    assert [r["doc_id"] for r in records] == ["good", "empty", "missing"]
    assert [[e["code"] for e in r["errors"]] for r in records] == [[], ["empty"], ["not_found"]]
    err = capsys.readouterr().err
    assert "empty.txt: ingest/empty" in err
    assert "3 documents, 2 errors" in err


def test_installed_command_reads_stdin_and_writes_stdout():
    """The console script as a user runs it (checks the package installs its entry point)."""
    exe = Path(sys.executable).with_name("vnfacts")
    text = (CORPUS / f"{SEED_IDS[0]}.txt").read_bytes()
    proc = subprocess.run(
        [str(exe), "extract", "-", "-q"],
        input=text,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    [record] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["doc_id"] == "stdin"
    assert record["meta"]["published"] == "2024-03-29"
    assert b"1 documents, 0 errors" in proc.stderr
