"""The output validates against the JSON Schema kept in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from vnfacts import extract
from vnfacts.cli import main

from tests.conftest import CORPUS, ROOT

SCHEMA = json.loads(
    (ROOT / "pipeline" / "schemas" / "document.schema.json").read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_whole_corpus_output_validates(tmp_path: Path):
    out = tmp_path / "corpus.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        errors = sorted(VALIDATOR.iter_errors(record), key=str)
        assert not errors, (
            f"{record['doc_id']}: {errors[0].message} at {list(errors[0].absolute_path)}"
        )
        assert record["facts"] or record["doc_id"].startswith(
            "000"
        )  # 000 states no indicator figure


def test_error_records_validate(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    main(["extract", str(empty), str(tmp_path / "missing.txt"), "-o", str(out), "-q"])
    for line in out.read_text(encoding="utf-8").splitlines():
        VALIDATOR.validate(json.loads(line))


@pytest.mark.parametrize(
    "gold", sorted((ROOT / "annotations").glob("*.json")), ids=lambda p: p.stem
)
def test_gold_files_validate(gold: Path):
    VALIDATOR.validate(json.loads(gold.read_text(encoding="utf-8")))


def test_a_wrong_record_is_rejected():
    record = extract("Tỷ lệ hộ nghèo của xã Lục Bình giảm còn 8,9% vào cuối năm 2023.").to_json()
    record["facts"] = [{"indicator": "happiness", "value": "high"}]
    assert not VALIDATOR.is_valid(record)


def test_every_mention_of_the_corpus_round_trips_its_offsets():
    """`start`/`end` are character offsets for every type (a TIME period's years sit in
    `period`, never in `start`/`end`)."""
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        record = extract(path).to_json()
        text = path.read_text(encoding="utf-8")
        for m in record["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (path.name, m)
            checked += 1
        periods = [m for m in record["mentions"] if m["type"] == "TIME" and m.get("period")]
        for m in periods:
            assert m["period"]["start"] <= m["period"]["end"]
    assert checked > 100
