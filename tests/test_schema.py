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


# ------------------------------------------------------------------ ids, versions, null fields

ARTICLE = (
    "Bắc Kạn: Huyện Bạch Thông giảm nghèo bền vững\n"
    "Năm 2023, tỷ lệ hộ nghèo của xã Lục Bình giảm còn 8,9%, giảm 3,2% so với năm 2022. "
    "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo của xã dưới 5%.\n"
    "Ông Nguyễn Văn Hậu, Chủ tịch UBND xã Lục Bình cho biết, giai đoạn 2021 - 2025 "
    "xã đã hỗ trợ xây mới 64 căn nhà cho hộ nghèo.\n"
)


def _properties(node, path="$"):
    """Every (path, subschema) that a `properties` keyword names, anywhere in the schema."""
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield f"{path}.{name}", sub
        for key, sub in node.items():
            if key != "if":  # an `if` names the fields it tests, it does not declare them
                yield from _properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{path}[{i}]")


def test_every_schema_field_has_a_description():
    fields = list(_properties(SCHEMA))
    assert len(fields) > 80
    missing = [path for path, sub in fields if not str(sub.get("description", "")).strip()]
    assert not missing, missing
    undescribed_defs = [n for n, d in SCHEMA["$defs"].items() if not d.get("description")]
    assert not undescribed_defs


def test_the_walk_finds_a_field_without_a_description():
    broken = json.loads(json.dumps(SCHEMA))
    del broken["$defs"]["fact"]["properties"]["year_guess"]["description"]
    assert [p for p, s in _properties(broken) if "description" not in s] == [
        "$/$defs/fact.year_guess"
    ]


def test_record_carries_versions_and_ids():
    from importlib.metadata import version

    from vnfacts.doc import SCHEMA_VERSION

    record = extract(ARTICLE, published="2024-01-15").to_json()
    VALIDATOR.validate(record)
    assert record["schema_version"] == SCHEMA_VERSION
    assert record["vnfacts_version"] == version("vnfacts")
    assert list(record)[:3] == ["doc_id", "schema_version", "vnfacts_version"]
    ids = [f["id"] for f in record["facts"]] + [m["id"] for m in record["mentions"]]
    assert record["facts"] and all(len(i) == 16 for i in ids)
    assert len(set(ids)) == len(ids)
    # a re-run, and a record read back and written again, give the same ids
    again = extract(ARTICLE, published="2024-01-15").to_json()
    assert [f["id"] for f in again["facts"]] == [f["id"] for f in record["facts"]]
    from vnfacts.doc import Document

    rewritten = Document.from_json(record).to_json()
    assert [m["id"] for m in rewritten["mentions"]] == [m["id"] for m in record["mentions"]]
    assert [c["id"] for c in rewritten["checks"]] == [c["id"] for c in record["checks"]]


def test_optional_fields_are_always_present():
    from vnfacts.doc import FACT_DEFAULTS, MENTION_FIELDS

    record = extract(ARTICLE, published="2024-01-15").to_json()
    rates = {f["value"]: f for f in record["facts"] if f["indicator"] == "poverty_rate"}
    assert rates[8.9]["status"] == "actual" and rates[5]["status"] == "target"
    for fact in record["facts"]:
        missing = set(FACT_DEFAULTS) - set(fact)
        assert not missing, (fact["indicator"], missing)
    assert rates[8.9]["group"] is None and rates[8.9]["year_guess"] is None
    for m in record["mentions"]:
        missing = {"id", "method", *MENTION_FIELDS[m["type"]]} - set(m)
        assert not missing, (m["type"], m["text"], missing)
    times = {m["text"]: m for m in record["mentions"] if m["type"] == "TIME"}
    assert times["Năm 2023"]["period"] is None and times["Năm 2023"]["month"] is None
    assert times["giai đoạn 2021 - 2025"]["period"] == {"start": 2021, "end": 2025}


def test_a_stage_that_leaves_fields_out_still_writes_them():
    """Normalization is at the serialization boundary: a bare fact dict gets every field."""
    from vnfacts.doc import Document, Mention

    text = "Toàn tỉnh còn 2.100 hộ nghèo."
    doc = Document(doc_id="bare", text=text)
    doc.mentions.append(
        Mention("QUANTITY", 14, 23, "2.100 hộ", {"value": 2100, "unit": "households"})
    )
    doc.facts.append(
        {
            "indicator": "poor_households",
            "locality": None,
            "value": 2100,
            "unit": "households",
            "year": None,
            "evidence": {"start": 0, "end": len(text), "text": text},
            "method": "count-noun/v1",
            "confidence": 0.5,
            "status": None,
        }
    )
    record = doc.to_json()
    fact = record["facts"][0]
    assert fact["status"] == "actual"
    assert fact["range"] is None and fact["also_evidence"] is None and fact["change"] is None
    assert record["mentions"][0]["approx"] is None and record["mentions"][0]["range"] is None
    assert record["mentions"][0]["method"] is None
    assert doc.facts[0]["status"] is None  # the document itself is not rewritten
    VALIDATOR.validate(record)


def test_a_time_that_says_nothing_is_rejected():
    record = extract("Năm 2023, tỷ lệ hộ nghèo của xã Lục Bình còn 8,9%.").to_json()
    time = next(m for m in record["mentions"] if m["type"] == "TIME")
    assert VALIDATOR.is_valid(record)
    time.update(year=None, period=None, month=None, day=None, relative=None)
    assert not VALIDATOR.is_valid(record)


# ---------------------------------------------------------------------- the format document


def test_format_doc_is_up_to_date():
    """docs/FORMAT.md is generated: `python -m vnfacts.format_doc > docs/FORMAT.md`."""
    from vnfacts.format_doc import render

    on_disk = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    assert on_disk == render(), "docs/FORMAT.md is stale: run python -m vnfacts.format_doc"


def test_format_doc_names_every_field_and_column():
    from vnfacts.export import COLUMNS
    from vnfacts.format_doc import render

    text = render()
    for path, _ in _properties(SCHEMA):
        assert f"{path.rsplit('.', 1)[-1]}` |" in text, path
    for table, cols in COLUMNS.items():
        assert f"### `{table}`" in text
        for col in cols:
            assert f"| `{col.name}` | {col.type} | {col.description}" in text


def test_readme_documents_its_own_format():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    assert "docs/FORMAT.md" in readme
    dictionary = readme.split("### Data dictionary", 1)[1]
    from vnfacts.export import KEYS

    for table, key in KEYS.items():
        assert f"`{table}`" in dictionary and f"`{key}`" in dictionary, table
