"""Exports: typed tables, stable ids, round trips, SQLite keys and updates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from vnfacts import extract
from vnfacts.cli import main
from vnfacts.export import ALL_TABLES, COLUMNS, TABLES, export, read_back, rows_of, to_frames

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("res") / "corpus.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(out), "-q"]) == 0
    return out


def test_tables_are_typed_and_normalized(results: Path):
    frames = to_frames(results)
    assert set(frames) == set(ALL_TABLES)
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
    for table in ALL_TABLES:
        key = a[table].columns[0]
        assert list(a[table][key]) == list(b[table][key]), table


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_round_trip_keeps_values(results: Path, tmp_path: Path, fmt: str):
    dest = tmp_path / ("db.sqlite" if fmt == "sqlite" else "tables")
    counts = export(results, fmt, dest)
    assert counts["facts"] == 42
    assert counts["series"] == len(to_frames(results)["series"]) > 20
    before, after = to_frames(results), read_back(fmt, dest)
    for table in ALL_TABLES:
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


# ------------------------------------------------------------------ ids shared with the JSON


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_export_ids_are_the_json_ids(results: Path):
    frames = to_frames(results)
    records = _records(results)
    json_facts = {f["id"] for r in records for f in r["facts"]}
    json_mentions = {m["id"] for r in records for m in r["mentions"]}
    json_checks = {c["id"] for r in records for c in r["checks"]}
    assert len(json_facts) == 42 and len(json_mentions) > 200 and json_checks
    assert set(frames["facts"]["fact_id"]) == json_facts
    assert set(frames["mentions"]["mention_id"]) == json_mentions
    assert set(frames["checks"]["check_id"]) == json_checks
    # row by row, not only as sets
    first = records[1]
    rows = rows_of(first)
    assert [r["fact_id"] for r in rows["facts"]] == [f["id"] for f in first["facts"]]
    assert [r["mention_id"] for r in rows["mentions"]] == [m["id"] for m in first["mentions"]]


# ------------------------------------------------------------------------- the columns

# SQLite's keywords (sqlite.org/lang_keywords.html) and PostgreSQL's reserved key words,
# with those that cannot be a column name (Appendix C of its manual).
SQLITE_KEYWORDS = """ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH
AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT
CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT
DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE
EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP
GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO
IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL
NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PRAGMA PRECEDING PRIMARY QUERY RAISE
RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT
ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER
UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT"""
POSTGRES_RESERVED = """ALL ANALYSE ANALYZE AND ANY ARRAY AS ASC ASYMMETRIC AUTHORIZATION BINARY
BOTH CASE CAST CHECK COLLATE COLLATION COLUMN CONCURRENTLY CONSTRAINT CREATE CROSS
CURRENT_CATALOG CURRENT_DATE CURRENT_ROLE CURRENT_SCHEMA CURRENT_TIME CURRENT_TIMESTAMP
CURRENT_USER DEFAULT DEFERRABLE DESC DISTINCT DO ELSE END EXCEPT FALSE FETCH FOR FOREIGN FREEZE
FROM FULL GRANT GROUP HAVING ILIKE IN INITIALLY INNER INTERSECT INTO IS ISNULL JOIN LATERAL
LEADING LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP NATURAL NOT NOTNULL NULL OFFSET ON ONLY OR
ORDER OUTER OVERLAPS PLACING PRIMARY REFERENCES RETURNING RIGHT SELECT SESSION_USER SIMILAR
SOME SYMMETRIC SYSTEM_USER TABLE TABLESAMPLE THEN TO TRAILING TRUE UNION UNIQUE USER USING
VARIADIC VERBOSE WHEN WHERE WINDOW WITH
BETWEEN BIGINT BIT BOOLEAN CHAR CHARACTER COALESCE DEC DECIMAL EXISTS EXTRACT FLOAT GREATEST
GROUPING INOUT INT INTEGER INTERVAL LEAST NATIONAL NCHAR NONE NORMALIZE NULLIF NUMERIC OUT
OVERLAY POSITION PRECISION REAL ROW SETOF SMALLINT SUBSTRING TIME TIMESTAMP TREAT TRIM VALUES
VARCHAR XMLATTRIBUTES XMLCONCAT XMLELEMENT XMLEXISTS XMLFOREST XMLNAMESPACES XMLPARSE XMLPI
XMLROOT XMLSERIALIZE XMLTABLE"""
RESERVED = set(SQLITE_KEYWORDS.split()) | set(POSTGRES_RESERVED.split())

# A record with every optional field filled, so rows_of writes every column it can.
FULL_RECORD = {
    "doc_id": "bao-bac-kan-2024-01",
    "schema_version": "2.0",
    "vnfacts_version": "0.1.0",
    "source": "tin.jsonl:3",
    "meta": {
        "title": "Bạch Thông giảm nghèo",
        "published": "2024-01-15",
        "author": "Minh Anh",
        "url": "https://baobackan.vn/a",
    },
    "mentions": [
        {
            "type": "LOCALITY",
            "text": "xã Lục Bình",
            "start": 30,
            "end": 41,
            "name": "Lục Bình",
            "level": "commune",
            "commune": None,
            "district": "Bạch Thông",
            "province": "Bắc Kạn",
            "code": "01990",
            "after_2025": {"name": "Phong Quang", "code": "01969"},
            "method": "rule:level-xa",
        },
        {
            "type": "OFFICIAL",
            "text": "Nguyễn Văn Hậu",
            "start": 60,
            "end": 74,
            "name": "Nguyễn Văn Hậu",
            "roles": [
                {
                    "title": "Chủ tịch",
                    "organization": "UBND",
                    "locality": {"name": "Lục Bình", "level": "commune"},
                }
            ],
        },
        {
            "type": "PERCENT",
            "text": "4-5%",
            "start": 90,
            "end": 94,
            "value": 4,
            "per_year": True,
            "approx": None,
            "range": [4, 5],
        },
        {
            "type": "TIME",
            "text": "tháng 6/2023",
            "start": 100,
            "end": 112,
            "year": 2023,
            "month": 6,
            "day": 30,
            "period": {"start": 2021, "end": 2023},
            "relative": "end_of_month",
        },
        {
            "type": "ORG",
            "text": "UBND",
            "start": 80,
            "end": 84,
            "name": "UBND",
            "kind": "people_committee",
            "locality": {"name": "Lục Bình", "level": "commune"},
        },
    ],
    "facts": [
        {
            "indicator": "poverty_rate",
            "locality": {
                "name": "Lục Bình",
                "level": "commune",
                "code": "01990",
                "commune": None,
                "district": "Bạch Thông",
                "province": "Bắc Kạn",
                "after_2025": {"name": "Phong Quang", "code": "01969"},
            },
            "value": 8.9,
            "unit": "%",
            "approx": "nearly",
            "range": [8.9, 9.1],
            "year": None,
            "year_guess": 2023,
            "year_basis": "most-named-year",
            "period": {"start": 2021, "end": 2023},
            "status": "actual",
            "group": "dân tộc thiểu số",
            "standard": "multidimensional 2022-2025",
            "change": {"direction": "decrease", "amount": 3.2, "unit": "pp", "since": 2022},
            "evidence": {"start": 0, "end": 120, "text": "…"},
            "figure": {"start": 90, "end": 94, "text": "8,9%"},
            "also_evidence": [{"start": 0, "end": 20, "text": "Bạch Thông giảm nghèo"}],
            "method": "rate-after-count/v1",
            "confidence": 0.9,
        },
    ],
    "checks": [
        {
            "kind": "change",
            "status": "consistent",
            "stated": 3.2,
            "computed": 3.2,
            "tolerance": 0.05,
            "evidence": [{"start": 90, "end": 94, "text": "8,9%"}],
            "message": "12,1% → 8,9% is 3,2 points",
        }
    ],
    "errors": [{"stage": "link", "code": "crash", "message": "boom"}],
}


def test_every_column_is_declared_and_described():
    rows = rows_of(FULL_RECORD)
    for table in TABLES:
        produced = [c for row in rows[table] for c in row]
        declared = [c.name for c in COLUMNS[table]]
        assert rows[table], table
        assert set(produced) == set(declared), (table, set(produced) ^ set(declared))
        for col in COLUMNS[table]:
            assert len(col.description) > 5 and col.type in ("text", "integer", "real", "date")
    # the full record fills most columns: a renamed key in rows_of would leave one empty
    facts = rows["facts"][0]
    assert facts["subgroup"] == "dân tộc thiểu số" and facts["year_guess"] == 2023
    assert json.loads(facts["also_evidence"])[0]["text"] == "Bạch Thông giảm nghèo"
    time = next(r for r in rows["mentions"] if r["type"] == "TIME")
    assert (time["period_start"], time["period_end"], time["month"]) == (2021, 2023, 6)
    assert (time["span_start"], time["span_end"]) == (100, 112)
    percent = next(r for r in rows["mentions"] if r["type"] == "PERCENT")
    assert (percent["per_year"], percent["range_high"]) == (1, 5)


def test_column_names_are_not_reserved_words():
    assert {"GROUP", "END", "RANGE", "USER"} <= RESERVED  # the list is the real one
    for table, cols in COLUMNS.items():
        assert table.upper() not in RESERVED
        bad = [c.name for c in cols if c.name.upper() in RESERVED]
        assert not bad, (table, bad)


def test_sqlite_deletes_by_doc_id_through_an_index(results: Path, tmp_path: Path):
    db = tmp_path / "facts.db"
    export(results, "sqlite", db)
    con = sqlite3.connect(db)
    try:
        for table in ("facts", "mentions", "officials", "checks"):
            indexed = {
                con.execute(f"PRAGMA index_info({name})").fetchone()[2]
                for _, name, *_ in con.execute(f"PRAGMA index_list({table})")
            }
            assert "doc_id" in indexed, table
            plan = " ".join(
                str(r[-1])
                for r in con.execute(f"EXPLAIN QUERY PLAN DELETE FROM {table} WHERE doc_id = 'x'")
            )
            assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (table, plan)
        plan = " ".join(
            str(r[-1])
            for r in con.execute("EXPLAIN QUERY PLAN DELETE FROM officials WHERE mention_id = 'x'")
        )
        assert "INDEX" in plan  # a mention's cascade to officials is indexed too
    finally:
        con.close()


# ------------------------------------------------------------- two documents never merge


ARTICLE_A = (
    "Huyện Bình Gia giảm nghèo nhanh\n"
    "Năm 2023, tỷ lệ hộ nghèo của huyện Bình Gia (Lạng Sơn) giảm còn 14,78%.\n"
)
ARTICLE_B = (
    "Mèo Vạc nỗ lực thoát nghèo\n"
    "Năm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc (Hà Giang) giảm còn 25,2%.\n"
)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_two_files_named_alike_stay_two_documents(tmp_path: Path, fmt: str):
    (tmp_path / "c1").mkdir()
    (tmp_path / "c2").mkdir()
    (tmp_path / "c1" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "c2" / "a.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["extract", str(tmp_path / "c1"), str(tmp_path / "c2"), "-o", str(out), "-q", "-w", "1"])
    dest = tmp_path / ("db.sqlite" if fmt == "sqlite" else "tables")
    assert main(["export", str(out), "--to", fmt, str(dest)]) == 0
    tables = read_back(fmt, dest)
    docs = tables["documents"]
    assert len(docs) == 2 and docs["doc_id"].is_unique
    facts = tables["facts"].merge(docs[["doc_id", "source"]], on="doc_id")
    by_place = dict(zip(facts["locality_name"], facts["source"], strict=True))
    assert by_place["Bình Gia"].endswith(str(Path("c1") / "a.txt"))
    assert by_place["Mèo Vạc"].endswith(str(Path("c2") / "a.txt"))


@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite"])
def test_a_repeated_doc_id_is_renamed_in_every_table(tmp_path: Path, fmt: str, capsys):
    one = extract(ARTICLE_A).to_json()
    two = extract(ARTICLE_A).to_json()  # the same article twice: every id would collide
    one["doc_id"] = two["doc_id"] = "a"
    one["source"], two["source"] = "c1/a.txt", "c2/a.txt"
    results = tmp_path / "joined.jsonl"
    results.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (one, two)), encoding="utf-8"
    )
    dest = tmp_path / ("db.sqlite" if fmt == "sqlite" else "tables")
    assert main(["export", str(results), "--to", fmt, str(dest)]) == 0
    assert "a → a#2" in capsys.readouterr().err
    tables = read_back(fmt, dest)
    docs = tables["documents"].set_index("doc_id")
    assert list(docs.index) == ["a", "a#2"]
    assert docs.loc["a#2", "source"] == "c2/a.txt" and docs.loc["a#2", "renamed_from"] == "a"
    for table in ("facts", "mentions"):
        frame = tables[table]
        assert frame.iloc[:, 0].is_unique, table
        assert sorted(frame["doc_id"].unique()) == ["a", "a#2"], table
        assert (frame["doc_id"] == "a").sum() == (frame["doc_id"] == "a#2").sum()


# ------------------------------------------------------------------- damaged results files


def test_a_cut_last_line_is_read_up_to_it(results: Path, tmp_path: Path, capsys):
    text = results.read_text(encoding="utf-8")
    cut = tmp_path / "killed.jsonl"
    cut.write_text(text[: len(text) - 500], encoding="utf-8")  # a kill in the last record
    assert main(["export", str(cut), "--to", "sqlite", str(tmp_path / "db")]) == 0
    err = capsys.readouterr().err
    assert "last line (5) is incomplete" in err and "Traceback" not in err
    assert len(read_back("sqlite", tmp_path / "db")["documents"]) == 4


def test_bad_lines_in_the_middle_are_skipped_with_a_warning(results: Path, tmp_path: Path):
    lines = results.read_text(encoding="utf-8").splitlines()
    title_with_surrogate = json.loads(lines[0])
    title_with_surrogate["meta"]["title"] = "Giảm nghèo \ud800 bền vững"
    damaged = [
        json.dumps(title_with_surrogate),  # ensure_ascii: the lone surrogate as \ud800
        "{not json",
        '{"doc_id": 7}',
        '{"doc_id": "big", "n": ' + "9" * 5000 + "}",  # over Python's int-digits limit
        *lines[1:],
    ]
    path = tmp_path / "damaged.jsonl"
    path.write_text("\n".join(damaged) + "\n", encoding="utf-8")
    warnings: list[str] = []
    counts = export(path, "csv", tmp_path / "t", warn=warnings.append)
    assert counts["documents"] == 5
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "line 2 is not a vnfacts record; skipped",
        "line 3 has no doc_id; skipped",
        "line 4 is not a vnfacts record; skipped",
    ]
    docs = read_back("csv", tmp_path / "t")["documents"]
    assert "Giảm nghèo \ufffd bền vững" in set(docs["title"])


def test_a_bad_destination_is_a_message_and_status_2(results: Path, tmp_path: Path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("ghi chú\n", encoding="utf-8")
    assert main(["export", str(results), "--to", "csv", str(a_file)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert main(["export", str(results), "--to", "sqlite", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["export", str(results), "--to", "sqlite", str(a_file)]) == 2
    err = capsys.readouterr().err
    assert "not a database" in err and "Traceback" not in err
    assert a_file.read_text(encoding="utf-8") == "ghi chú\n"  # left as it was
    assert main(["export", str(results), "--to", "parquet", str(a_file / "sub")]) == 2
    old = tmp_path / "old.db"
    con = sqlite3.connect(old)
    con.execute('CREATE TABLE facts (fact_id TEXT PRIMARY KEY, doc_id TEXT, "group" TEXT)')
    con.close()
    assert main(["export", str(results), "--to", "sqlite", str(old)]) == 2
    assert "other columns" in capsys.readouterr().err


def test_csv_cells_that_look_like_formulas_are_neutralized(tmp_path: Path):
    record = extract(
        '=HYPERLINK("http://x")\nNăm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%.\n'
    ).to_json()
    record["meta"]["title"] = '=HYPERLINK("http://x")'
    record["meta"]["author"] = "@nhom_pv"
    record["facts"][0]["method"] = "-rate/v1"
    record["facts"][0]["group"] = "+dân tộc"
    record["errors"] = []
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    export(path, "csv", tmp_path / "csv")
    export(path, "sqlite", tmp_path / "db")
    raw = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "'@nhom_pv" in raw
    facts_csv = (tmp_path / "csv" / "facts.csv").read_text(encoding="utf-8")
    assert "'-rate/v1" in facts_csv and "'+dân tộc" in facts_csv
    assert ",25.2," in facts_csv  # numbers are not touched
    for fmt, dest in (("csv", tmp_path / "csv"), ("sqlite", tmp_path / "db")):
        back = read_back(fmt, dest)
        assert back["documents"]["title"].iloc[0] == '=HYPERLINK("http://x")', fmt
        assert back["facts"]["method"].iloc[0] == "-rate/v1", fmt


def test_export_streams_in_chunks(results: Path, tmp_path: Path, monkeypatch):
    """Rows are built for `chunk` documents at a time, and the result is the same."""
    import vnfacts.export as ex

    sizes: list[int] = []
    real = ex._frames

    def spy(tables):
        tables = list(tables)
        sizes.append(len(tables))
        return real(tables)

    monkeypatch.setattr(ex, "_frames", spy)
    export(results, "sqlite", tmp_path / "small.db", chunk=2)
    assert sizes == [2, 2, 1]
    monkeypatch.setattr(ex, "_frames", real)
    export(results, "sqlite", tmp_path / "one.db", chunk=200)
    for table in ALL_TABLES:
        a = read_back("sqlite", tmp_path / "small.db")[table]
        b = read_back("sqlite", tmp_path / "one.db")[table]
        pd.testing.assert_frame_equal(a, b, obj=table)


def test_reading_is_lazy(results: Path, tmp_path: Path):
    """The reader yields a record before it has read the rest of the file."""
    from vnfacts.export import read_results

    path = tmp_path / "growing.jsonl"
    first = results.read_text(encoding="utf-8").splitlines()[0]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(first + "\n")
        fh.flush()
        reader = read_results(path)
        assert next(reader)["doc_id"] == "000_315fccd7b617973e"
        fh.write(first.replace("000_315fccd7b617973e", "later") + "\n")
    assert next(reader)["doc_id"] == "later"
