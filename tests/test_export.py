"""Exports: typed tables, stable ids, round trips, SQLite keys and updates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from vnfacts import extract
from vnfacts.cli import main
from vnfacts.export import TABLES, export, read_back, to_frames

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("res") / "corpus.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(out), "-q"]) == 0
    return out


def test_tables_are_typed_and_normalized(results: Path):
    frames = to_frames(results)
    assert set(frames) == set(TABLES)
    facts = frames["facts"]
    assert str(facts["value"].dtype) == "float64"
    assert str(facts["year"].dtype) == "Int64"
    docs = frames["documents"]
    assert (
        docs.set_index("doc_id").loc["003_8bb7c323e6b1daaf", "published"].isoformat()
        == "2024-12-01"
    )
    row = facts[
        (facts["indicator"] == "poverty_rate") & (facts["locality_name"] == "Bình Gia")
    ].iloc[0]
    assert (row["value"], row["year"], row["locality_level"], row["locality_province"]) == (
        14.78,
        2023,
        "district",
        "Lạng Sơn",
    )
    assert row["locality_code"] == "181"
    assert row["change_amount"] == 5.85 and row["change_since"] == 2022
    officials = frames["officials"]
    le = officials[officials["name"] == "Lê Văn Lương"]
    assert set(le["title"]) == {"Phó Bí thư", "Chủ tịch"}  # one row per person and role
    assert set(le["locality_name"]) == {"Lai Châu"}
    assert facts["fact_id"].is_unique and frames["mentions"]["mention_id"].is_unique


def test_ids_are_stable_across_runs(results: Path, tmp_path: Path):
    again = tmp_path / "again.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(again), "-q", "-w", "2"]) == 0
    a, b = to_frames(results), to_frames(again)
    for table in TABLES:
        key = a[table].columns[0]
        assert list(a[table][key]) == list(b[table][key]), table


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_round_trip_keeps_values(results: Path, tmp_path: Path, fmt: str):
    dest = tmp_path / ("db.sqlite" if fmt == "sqlite" else "tables")
    counts = export(results, fmt, dest)
    assert counts["facts"] == 42
    before, after = to_frames(results), read_back(fmt, dest)
    for table in TABLES:
        key = before[table].columns[0]
        left = before[table].sort_values(key).reset_index(drop=True)
        right = after[table][list(left.columns)].sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right, check_dtype=True, obj=table)


def test_sqlite_keys_join_and_reexport(results: Path, tmp_path: Path):
    db = tmp_path / "facts.db"
    assert main(["export", str(results), "--to", "sqlite", str(db)]) == 0
    assert main(["export", str(results), "--to", "sqlite", str(db)]) == 0  # again: no duplicates
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 42
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
        fks = con.execute("PRAGMA foreign_key_list(facts)").fetchall()
        assert any(fk[2] == "documents" for fk in fks)
        indexes = [r[1] for r in con.execute("PRAGMA index_list(facts)").fetchall()]
        assert "facts_indicator_place_year" in indexes
        rows = con.execute(
            """SELECT DISTINCT f.locality_name, m.locality_district, m.locality_province, f.value
               FROM facts f JOIN mentions m
                 ON m.doc_id = f.doc_id AND m.type = 'LOCALITY' AND m.locality_code = f.locality_code
               WHERE f.indicator = 'multidim_poverty_rate' ORDER BY f.value"""
        ).fetchall()
        assert rows == [
            ("Pa Cheo", "Bát Xát", "Lào Cai", 55.6),
            ("Pa Cheo", "Bát Xát", "Lào Cai", 90.0),
        ]
    finally:
        con.close()


def test_reexport_updates_a_changed_document(results: Path, tmp_path: Path):
    db = tmp_path / "facts.db"
    export(results, "sqlite", db)
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    records[3]["facts"] = records[3]["facts"][:2]  # a re-run that finds fewer facts in one article
    smaller = tmp_path / "smaller.jsonl"
    smaller.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    export(smaller, "sqlite", db)
    con = sqlite3.connect(db)
    try:
        n = con.execute(
            "SELECT COUNT(*) FROM facts WHERE doc_id = ?", (records[3]["doc_id"],)
        ).fetchone()[0]
    finally:
        con.close()
    assert n == 2


def test_python_api_documents_to_frames():
    doc = extract(
        "Giảm nghèo ở Mèo Vạc\nNăm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%."
    )
    frames = to_frames([doc])
    assert list(frames["facts"]["indicator"]) == ["poverty_rate"]
    assert frames["facts"]["locality_province"].iloc[0] == "Hà Giang"
