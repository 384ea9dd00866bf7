"""Results → normalized tables for other databases and analyses.

Five tables, one row per thing, with stable ids so a re-run gives the same keys:

- `documents`  (doc_id) — title, published (date), author, url, source, n_facts, n_errors, errors
- `mentions`   (mention_id) — doc_id, type, text, start, end, name, level, locality code and parents, value, unit …
- `facts`      (fact_id) — doc_id, indicator, value, unit, year, period, change, locality name/level/code/parents …
- `officials`  (official_id) — one row per person and role: doc_id, name, title, organization, locality …
- `checks`     (check_id) — doc_id, kind, status, stated, computed, tolerance, message, evidence

A fact's id is derived from its document, indicator, locality, year and evidence
offsets; a mention's from its document, type and offsets. `to_frames` gives pandas
DataFrames with typed columns (numbers as floats, years as nullable integers, dates as
dates); `export` writes them as CSV files, Parquet files (pyarrow) or an SQLite database
with primary and foreign keys, where a re-export updates rows instead of adding them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonlines
import pandas as pd

TABLES = ("documents", "mentions", "facts", "officials", "checks")

LOCALITY_COLUMNS = ("name", "level", "code", "commune", "district", "province")


def stable_id(*parts: Any) -> str:
    """A short id that depends only on `parts` (so a re-run gives the same id)."""
    raw = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def fact_id(doc_id: str, fact: dict[str, Any]) -> str:
    loc = fact.get("locality") or {}
    ev = fact.get("evidence") or {}
    fig = fact.get("figure") or {}
    return stable_id(
        doc_id,
        fact.get("indicator"),
        loc.get("code") or loc.get("name"),
        fact.get("year"),
        ev.get("start"),
        ev.get("end"),
        fig.get("start"),
    )


def _locality_columns(prefix: str, loc: dict[str, Any] | None) -> dict[str, Any]:
    loc = loc or {}
    out = {f"{prefix}{k}": loc.get(k) for k in LOCALITY_COLUMNS}
    after = loc.get("after_2025") or {}
    out[f"{prefix}after_2025_name"] = after.get("name")
    out[f"{prefix}after_2025_code"] = after.get("code")
    return out


def rows_of(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One result record (a line of `vnfacts extract`) → rows of the five tables."""
    doc_id = record["doc_id"]
    meta = record.get("meta") or {}
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    tables["documents"].append(
        {
            "doc_id": doc_id,
            "source": record.get("source"),
            "title": meta.get("title"),
            "published": meta.get("published"),
            "author": meta.get("author"),
            "url": meta.get("url"),
            "n_facts": len(record.get("facts") or []),
            "n_mentions": len(record.get("mentions") or []),
            "n_errors": len(record.get("errors") or []),
            "errors": "; ".join(
                f"{e.get('stage')}/{e.get('code')}: {e.get('message')}"
                for e in record.get("errors") or []
            )
            or None,
        }
    )
    seen: dict[tuple[Any, ...], int] = {}
    for m in record.get("mentions") or []:
        span_key = (m.get("type"), m.get("start"), m.get("end"))
        seen[span_key] = seen.get(span_key, -1) + 1  # 0 for the first mention of a span
        mid = stable_id(doc_id, *span_key, *([seen[span_key]] if seen[span_key] else []))
        row = {
            "mention_id": mid,
            "doc_id": doc_id,
            "type": m.get("type"),
            "text": m.get("text"),
            "start": m.get("start"),
            "end": m.get("end"),
            "method": m.get("method"),
            "name": m.get("name"),
            "value": m.get("value"),
            "unit": m.get("unit"),
            "approx": m.get("approx"),
            "year": m.get("year") if m.get("type") == "TIME" else None,
            "kind": m.get("kind"),
        }
        row.update(
            _locality_columns("locality_", m if m.get("type") == "LOCALITY" else m.get("locality"))
        )
        tables["mentions"].append(row)
        if m.get("type") == "OFFICIAL":
            for k, role in enumerate(m.get("roles") or []):
                orow = {
                    "official_id": stable_id(mid, k),
                    "mention_id": mid,
                    "doc_id": doc_id,
                    "name": m.get("name"),
                    "title": role.get("title"),
                    "organization": role.get("organization"),
                    "start": m.get("start"),
                    "end": m.get("end"),
                }
                orow.update(_locality_columns("locality_", role.get("locality")))
                tables["officials"].append(orow)
    for f in record.get("facts") or []:
        period = f.get("period") or {}
        change = f.get("change") or {}
        rng = f.get("range") or [None, None]
        ev = f.get("evidence") or {}
        row = {
            "fact_id": fact_id(doc_id, f),
            "doc_id": doc_id,
            "indicator": f.get("indicator"),
            "value": f.get("value"),
            "unit": f.get("unit"),
            "approx": f.get("approx"),
            "range_low": rng[0],
            "range_high": rng[1],
            "year": f.get("year"),
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "status": f.get("status") or "actual",
            "group": f.get("group"),
            "change_direction": change.get("direction"),
            "change_amount": change.get("amount"),
            "change_unit": change.get("unit"),
            "change_since": change.get("since"),
            "evidence_start": ev.get("start"),
            "evidence_end": ev.get("end"),
            "evidence": ev.get("text"),
            "method": f.get("method"),
            "confidence": f.get("confidence"),
        }
        row.update(_locality_columns("locality_", f.get("locality")))
        tables["facts"].append(row)
    for k, c in enumerate(record.get("checks") or []):
        ev = c.get("evidence") or []
        tables["checks"].append(
            {
                "check_id": stable_id(doc_id, c.get("kind"), [e.get("start") for e in ev], k),
                "doc_id": doc_id,
                "kind": c.get("kind"),
                "status": c.get("status"),
                "stated": c.get("stated"),
                "computed": c.get("computed"),
                "tolerance": c.get("tolerance"),
                "message": c.get("message"),
                "evidence": json.dumps(ev, ensure_ascii=False),
            }
        )
    return tables


# Column types: everything not listed is text.
FLOAT_COLUMNS = {
    "value",
    "range_low",
    "range_high",
    "change_amount",
    "confidence",
    "stated",
    "computed",
    "tolerance",
}
INT_COLUMNS = {
    "year",
    "period_start",
    "period_end",
    "change_since",
    "start",
    "end",
    "evidence_start",
    "evidence_end",
    "n_facts",
    "n_mentions",
    "n_errors",
}
DATE_COLUMNS = {"published"}
KEYS = {
    "documents": "doc_id",
    "mentions": "mention_id",
    "facts": "fact_id",
    "officials": "official_id",
    "checks": "check_id",
}


def _typed(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else _columns(name))
    for col in frame.columns:
        if col in FLOAT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
        elif col in INT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
        elif col in DATE_COLUMNS:
            frame[col] = pd.to_datetime(frame[col], errors="coerce").dt.date
        else:
            frame[col] = frame[col].astype("string")
    return frame


def _columns(name: str) -> list[str]:
    sample = {
        "doc_id": "x",
        "meta": {},
        "facts": [{"evidence": {}}],
        "checks": [{}],
        "mentions": [{"type": "OFFICIAL", "roles": [{}]}],
    }
    return list(rows_of(sample)[name][0])


def to_frames(results: Iterable[dict[str, Any]] | str | Path) -> dict[str, pd.DataFrame]:
    """Result records (or a JSONL file of them) → one typed DataFrame per table."""
    if isinstance(results, str | Path):
        with jsonlines.open(results) as reader:
            records: Iterable[dict[str, Any]] = list(reader.iter(type=dict, skip_empty=True))
    else:
        records = results
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for record in records:
        if hasattr(record, "to_json"):
            record = record.to_json()  # a Document from the Python API
        for table, table_rows in rows_of(record).items():
            rows[table].extend(table_rows)
    return {t: _typed(t, rows[t]) for t in TABLES}


# ------------------------------------------------------------------------------ writers

SQL_TYPES = {"float64": "REAL", "Int64": "INTEGER"}


def _sql_type(frame: pd.DataFrame, col: str) -> str:
    return SQL_TYPES.get(str(frame[col].dtype), "TEXT")


def _to_sql_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def write_sqlite(frames: dict[str, pd.DataFrame], path: Path) -> None:
    """Tables with primary and foreign keys; a re-export replaces the rows of its documents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        for table in TABLES:
            frame = frames[table]
            cols = []
            for col in frame.columns:
                spec = f'"{col}" {_sql_type(frame, col)}'
                if col == KEYS[table]:
                    spec += " PRIMARY KEY"
                elif col == "doc_id" and table != "documents":
                    spec += " NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE"
                elif col == "mention_id" and table == "officials":
                    spec += " REFERENCES mentions(mention_id) ON DELETE CASCADE"
                cols.append(spec)
            con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({", ".join(cols)})')
        con.execute(
            "CREATE INDEX IF NOT EXISTS facts_indicator_place_year ON facts(indicator, locality_code, year)"
        )
        con.execute(
            "CREATE INDEX IF NOT EXISTS facts_indicator_name_year ON facts(indicator, locality_name, year)"
        )
        con.execute("CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, type)")
        con.execute(
            "CREATE INDEX IF NOT EXISTS officials_name ON officials(name, locality_province)"
        )
        docs = [str(d) for d in frames["documents"]["doc_id"]]
        with con:
            # a document exported again replaces what an earlier export said of it
            con.executemany("DELETE FROM documents WHERE doc_id = ?", [(d,) for d in docs])
            for table in TABLES:
                frame = frames[table]
                if frame.empty:
                    continue
                names = ", ".join(f'"{c}"' for c in frame.columns)
                marks = ", ".join("?" for _ in frame.columns)
                rows = [
                    tuple(_to_sql_value(v) for v in row)
                    for row in frame.itertuples(index=False, name=None)
                ]
                con.executemany(
                    f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({marks})', rows
                )
    finally:
        con.close()


def export(results: Path, to: str, dest: Path) -> dict[str, int]:
    """Writes the tables of `results` (JSONL of `vnfacts extract`) to `dest`; returns row counts."""
    frames = to_frames(results)
    if to == "sqlite":
        write_sqlite(frames, dest)
    elif to in ("csv", "parquet"):
        dest.mkdir(parents=True, exist_ok=True)
        for table, frame in frames.items():
            if to == "csv":
                frame.to_csv(dest / f"{table}.csv", index=False)
            else:
                frame.to_parquet(dest / f"{table}.parquet", index=False, engine="pyarrow")
    else:
        raise ValueError(f"unknown export format {to!r}: csv, parquet or sqlite")
    return {t: len(f) for t, f in frames.items()}


def read_back(to: str, dest: Path) -> dict[str, pd.DataFrame]:
    """The tables as written (for round-trip checks and notebooks), typed like `to_frames`."""
    frames: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        if to == "sqlite":
            con = sqlite3.connect(dest)
            try:
                raw = pd.read_sql_query(f'SELECT * FROM "{table}"', con)
            finally:
                con.close()
        elif to == "csv":
            raw = pd.read_csv(
                dest / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""]
            )
        else:
            raw = pd.read_parquet(dest / f"{table}.parquet")
        rows = raw.astype(object).where(raw.notna(), None).to_dict("records")
        frames[table] = _typed(table, rows) if rows else _typed(table, [])
    return frames
