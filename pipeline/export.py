"""Results → normalized tables for other databases and analyses.

Five tables of one document's rows, one row per thing, keyed by the ids the JSON output
carries (`vnfacts.doc` computes both, so they always agree):

- `documents`  (doc_id) — title, published (date), author, url, source, counts, errors
- `mentions`   (mention_id) — doc_id, type, text, span, name, figure, time, locality …
- `facts`      (fact_id) — doc_id, indicator, value, unit, year, period, change, locality …
- `officials`  (official_id) — one row per person and role
- `checks`     (check_id) — doc_id, kind, status, stated, computed, tolerance, message

and one across documents, built when every document is read (`vnfacts.series`):

- `series`     (series_id) — one figure (locality, indicator, year, status, subgroup,
  standard) with the value most sources state, its distinct sources and any conflict.
  SQLite rebuilds it from every document in the database after each export.

Every column is declared once below with its type and a description (docs/FORMAT.md is
generated from them); names avoid the reserved words of SQLite and PostgreSQL.

`export` streams: it reads the results line by line and writes the tables in chunks of
documents, so its memory does not grow with the number of documents. A last line that
a kill cut is skipped with a warning. A doc_id repeated in one results file is renamed
`<doc_id>#2` (#3 …) in every table, so two documents never merge. In CSV, a text cell
that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
carriage return) or that starts with an apostrophe gets an apostrophe in front;
`read_back` takes it off again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import pandas as pd
from vnfacts.doc import check_id, fact_id, mention_ids, official_id
from vnfacts.series import DOCUMENT_COLUMNS, FACT_COLUMNS, build_series

TABLES = ("documents", "mentions", "facts", "officials", "checks")  # one document's rows
SERIES = "series"  # rows across documents, built once every document is read

Warn = Callable[[str], None]


class ExportError(Exception):
    """The destination cannot be written (a usage or environment problem, not a document's)."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # text, integer, real, date
    description: str


def _locality(what: str) -> tuple[Column, ...]:
    return (
        Column("locality_name", "text", f"Name of {what}, without the level word."),
        Column(
            "locality_level",
            "text",
            f"Level of {what}: village, commune, district, province, region, country.",
        ),
        Column(
            "locality_code",
            "text",
            f"Official administrative code of {what}, where the gazetteer can pick one unit.",
        ),
        Column(
            "locality_commune", "text", f"Parent commune of {what} (for a village), where known."
        ),
        Column("locality_district", "text", f"Parent district of {what}, where known."),
        Column("locality_province", "text", f"Parent province of {what}, where known."),
        Column(
            "locality_after_2025_name",
            "text",
            f"Unit that {what} belongs to after the 1 July 2025 reorganisation.",
        ),
        Column("locality_after_2025_code", "text", "Code of that 2025 unit."),
    )


def _span(what: str) -> tuple[Column, ...]:
    return (
        Column(
            "span_start", "integer", f"Character offset where {what} starts in the document's text."
        ),
        Column("span_end", "integer", f"Character offset just after {what}."),
    )


DOC_ID = Column("doc_id", "text", "The document (→ documents.doc_id).")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "documents": (
        Column(
            "doc_id",
            "text",
            "Key: the record's doc_id; a repeat within one results file becomes `<doc_id>#2`, `#3` …",
        ),
        Column(
            "renamed_from",
            "text",
            "The doc_id as the record wrote it, when the export renamed a repeat; else empty.",
        ),
        Column(
            "source",
            "text",
            "Where the document came from (a path, `file.jsonl:12`, `crawl.warc.gz#4096`, `-`).",
        ),
        Column("title", "text", "The article's title."),
        Column("published", "date", "Date of the article itself."),
        Column("author", "text", "The byline's author."),
        Column("url", "text", "The article's address."),
        Column("n_facts", "integer", "Number of facts."),
        Column("n_mentions", "integer", "Number of mentions."),
        Column("n_errors", "integer", "Number of errors (0 for a good document)."),
        Column("errors", "text", "The errors as `stage/code: message`, separated by `; `."),
        Column(
            "schema_version",
            "text",
            "Version of the record shape that the results file was written in.",
        ),
        Column("vnfacts_version", "text", "Version of vnfacts that wrote the record."),
    ),
    "mentions": (
        Column(
            "mention_id",
            "text",
            "Key: the mention's `id` in the JSON (document, type and offsets).",
        ),
        DOC_ID,
        Column("type", "text", "LOCALITY, OFFICIAL, PERSON, ORG, QUANTITY, PERCENT or TIME."),
        Column("text", "text", "The quoted span."),
        *_span("the mention"),
        Column("method", "text", "The rule or model that found it."),
        Column(
            "name",
            "text",
            "Name of a place (without level word), person, official or organization.",
        ),
        Column(
            "value", "real", "QUANTITY, PERCENT: the number (money in VND, a percentage as 14.78)."
        ),
        Column("unit", "text", "QUANTITY: unit (households, persons, VND, houses, …)."),
        Column("approx", "text", "QUANTITY, PERCENT: about, over, under, nearly."),
        Column("range_low", "real", "QUANTITY, PERCENT: low end of a range."),
        Column("range_high", "real", "QUANTITY, PERCENT: high end of a range."),
        Column("per_year", "integer", "PERCENT: 1 for a rate per year (`3,78%/năm`), 0 otherwise."),
        Column("year", "integer", "TIME: the year of a time that names one (null for a period)."),
        Column("period_start", "integer", "TIME: first year of a period."),
        Column("period_end", "integer", "TIME: last year of a period."),
        Column("month", "integer", "TIME: month, where given."),
        Column("day", "integer", "TIME: day, where given."),
        Column("relative", "text", "TIME: relative time (now, end_of_year, …)."),
        Column("kind", "text", "ORG: kind of organization (people_committee, party_committee, …)."),
        *_locality("a LOCALITY mention itself, or an ORG's unit"),
    ),
    "facts": (
        Column(
            "fact_id",
            "text",
            "Key: the fact's `id` in the JSON (document, indicator, locality, year, offsets).",
        ),
        DOC_ID,
        Column(
            "indicator",
            "text",
            "What the figure measures (poverty_rate, poor_households, budget, …).",
        ),
        Column("value", "real", "The figure in `unit` (the low end of a range)."),
        Column(
            "unit",
            "text",
            "%, pp, pp/year, households, persons, houses, VND, VND/person/year, VND/person/month.",
        ),
        Column("approx", "text", "about, over, under, nearly."),
        Column("range_low", "real", "Low end of a range."),
        Column("range_high", "real", "High end of a range."),
        Column(
            "year",
            "integer",
            "The year the value holds for, as the text fixes it (end year of a period).",
        ),
        Column(
            "year_guess", "integer", "A guessed year where the text fixes none (never in `year`)."
        ),
        Column("year_basis", "text", "How `year_guess` was guessed."),
        Column("period_start", "integer", "First year of the period the value covers."),
        Column("period_end", "integer", "Last year of that period."),
        Column("status", "text", "actual, or target for plans and goals."),
        Column(
            "subgroup",
            "text",
            "Sub-population the figure is about (JSON `group`); empty for the whole unit.",
        ),
        Column("standard", "text", "The poverty standard named with the figure."),
        Column(
            "change_direction", "text", "decrease or increase, where the text states a movement."
        ),
        Column("change_amount", "real", "Size of the movement, in `change_unit`."),
        Column("change_unit", "text", "Unit of the movement (pp, households, …)."),
        Column("change_since", "integer", "Year the movement is measured from."),
        *_locality("the unit the figure is about"),
        Column(
            "evidence_start", "integer", "Offset where the sentence that states the fact starts."
        ),
        Column("evidence_end", "integer", "Offset just after that sentence."),
        Column("evidence", "text", "The sentence that states the fact."),
        Column("figure_start", "integer", "Offset where the figure starts."),
        Column("figure_end", "integer", "Offset just after the figure."),
        Column(
            "also_evidence",
            "text",
            "JSON list of other statements of the same fact ({start, end, text}), or empty.",
        ),
        Column("method", "text", "Rule and cue that produced the fact (`rule/v1+cue`)."),
        Column(
            "confidence",
            "real",
            "How sure the rule is, 0–1 (0.9 when the sentence names the place).",
        ),
    ),
    "officials": (
        Column("official_id", "text", "Key: one row per person and role."),
        Column("mention_id", "text", "The OFFICIAL mention (→ mentions.mention_id)."),
        DOC_ID,
        Column("name", "text", "The person's name."),
        Column("title", "text", "The role's title (Chủ tịch, Phó Bí thư, …)."),
        Column("organization", "text", "The organization of the role (UBND, Tỉnh ủy, …)."),
        *_span("the name"),
        *_locality("the role's unit"),
    ),
    "checks": (
        Column("check_id", "text", "Key: the check's `id` in the JSON."),
        DOC_ID,
        Column(
            "kind",
            "text",
            "change, sum_of_parts, share_of_plan, common_base, average, rate_change.",
        ),
        Column("status", "text", "consistent, inconsistent, cannot_check."),
        Column("stated", "real", "The figure as stated, in its unit."),
        Column("computed", "real", "The figure computed from the others."),
        Column("tolerance", "real", "How far computed may be from stated (rounding)."),
        Column("message", "text", "The check in words."),
        Column("evidence", "text", "JSON list of the figures read ({start, end, text})."),
    ),
}

COLUMNS[SERIES] = (
    Column(
        "series_id",
        "text",
        "Key: one row per locality, indicator, unit, year, period start, status, subgroup "
        "and standard (a hash of them, stable across exports).",
    ),
    Column("indicator", "text", "What the figures measure (poverty_rate, poor_households, …)."),
    Column("unit", "text", "Unit of the values (%, pp, households, VND, …)."),
    Column(
        "locality_name",
        "text",
        "Name of the unit, as most of its facts write it (the row is keyed by code where known, "
        "else by folded name, level and parents).",
    ),
    Column("locality_level", "text", "village, commune, district, province, region, country."),
    Column("locality_code", "text", "Official administrative code of the unit, where known."),
    Column("locality_district", "text", "Parent district of the unit, where known."),
    Column(
        "province",
        "text",
        "Province of the unit: a province row's own name, a lower unit's province (also for a "
        "unit merged before 2025, through the gazetteer); empty for regions and the country.",
    ),
    Column("province_code", "text", "Official code of that province, where known."),
    Column("year", "integer", "The year the values hold for (facts without a year are left out)."),
    Column("period_start", "integer", "First year of the period the values cover, if any."),
    Column("status", "text", "actual, or target for plans and goals."),
    Column("subgroup", "text", "Sub-population of the figures; empty for the whole unit."),
    Column("standard", "text", "The poverty standard named with the figures."),
    Column(
        "value",
        "real",
        "The value the most distinct sources agree with (within 0.5 % or the rounding of the "
        "written figure); ties go to the most precise, then the first stated.",
    ),
    Column("min_value", "real", "Smallest value any source states."),
    Column("max_value", "real", "Largest value any source states."),
    Column(
        "n_sources",
        "integer",
        "Distinct sources: documents, with copies of one story (same title and evidence, or "
        "a word-shingle Jaccard ≥ 0.8) counted once.",
    ),
    Column("n_agreeing", "integer", "Distinct sources whose value agrees with `value`."),
    Column("n_documents", "integer", "Documents stating a value, copies included."),
    Column("n_facts", "integer", "Facts stating a value (a document may state two)."),
    Column(
        "conflicting",
        "integer",
        "1 when a source states no value that agrees with `value` (beyond rounding), else 0; "
        "several values within one source are listed in `other_values` but are no conflict.",
    ),
    Column(
        "other_values",
        "text",
        "JSON list of every other value seen ({value, n_sources, agrees}), or empty.",
    ),
    Column(
        "sources",
        "text",
        "JSON list of every statement ({doc_id, fact_id, value, evidence_start, evidence_end, "
        "figure_start, figure_end, duplicate_of: the first document of its story, or null}).",
    ),
)

ALL_TABLES = (*TABLES, SERIES)

KEYS = {t: cols[0].name for t, cols in COLUMNS.items()}


def _locality_columns(loc: dict[str, Any] | None) -> dict[str, Any]:
    loc = loc if isinstance(loc, dict) else {}
    after = loc.get("after_2025") or {}
    return {
        "locality_name": loc.get("name"),
        "locality_level": loc.get("level"),
        "locality_code": loc.get("code"),
        "locality_commune": loc.get("commune"),
        "locality_district": loc.get("district"),
        "locality_province": loc.get("province"),
        "locality_after_2025_name": after.get("name"),
        "locality_after_2025_code": after.get("code"),
    }


def _pair(value: Any) -> tuple[Any, Any]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return value[0], value[1]
    return None, None


def _period(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _json_or_none(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def rows_of(record: dict[str, Any], doc_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """One result record (a line of `vnfacts extract`) → rows of the five tables.

    `doc_id` renames the document (a repeat in one results file); the rows' ids are then
    computed from the new name, so they cannot collide with the first document's.
    """
    written_id = record["doc_id"]
    doc_id = doc_id or written_id
    meta = record.get("meta") or {}
    errors = record.get("errors") or []
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    tables["documents"].append(
        {
            "doc_id": doc_id,
            "renamed_from": written_id if doc_id != written_id else None,
            "source": record.get("source"),
            "title": meta.get("title"),
            "published": meta.get("published"),
            "author": meta.get("author"),
            "url": meta.get("url"),
            "n_facts": len(record.get("facts") or []),
            "n_mentions": len(record.get("mentions") or []),
            "n_errors": len(errors),
            "errors": "; ".join(
                f"{e.get('stage')}/{e.get('code')}: {e.get('message')}" for e in errors
            )
            or None,
            "schema_version": record.get("schema_version"),
            "vnfacts_version": record.get("vnfacts_version"),
        }
    )
    mentions = record.get("mentions") or []
    for m, mid in zip(mentions, mention_ids(doc_id, mentions), strict=True):
        mtype = m.get("type")
        low, high = _pair(m.get("range"))
        period = _period(m.get("period")) if mtype == "TIME" else {}
        per_year = m.get("per_year")
        row = {
            "mention_id": mid,
            "doc_id": doc_id,
            "type": mtype,
            "text": m.get("text"),
            "span_start": m.get("start"),
            "span_end": m.get("end"),
            "method": m.get("method"),
            "name": m.get("name"),
            "value": m.get("value"),
            "unit": m.get("unit"),
            "approx": m.get("approx"),
            "range_low": low,
            "range_high": high,
            "per_year": None if per_year is None else int(bool(per_year)),
            "year": m.get("year") if mtype == "TIME" else None,
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "month": m.get("month") if mtype == "TIME" else None,
            "day": m.get("day") if mtype == "TIME" else None,
            "relative": m.get("relative") if mtype == "TIME" else None,
            "kind": m.get("kind"),
        }
        row.update(_locality_columns(m if mtype == "LOCALITY" else m.get("locality")))
        tables["mentions"].append(row)
        if mtype == "OFFICIAL":
            for k, role in enumerate(m.get("roles") or []):
                orow = {
                    "official_id": official_id(mid, k),
                    "mention_id": mid,
                    "doc_id": doc_id,
                    "name": m.get("name"),
                    "title": role.get("title"),
                    "organization": role.get("organization"),
                    "span_start": m.get("start"),
                    "span_end": m.get("end"),
                }
                orow.update(_locality_columns(role.get("locality")))
                tables["officials"].append(orow)
    for f in record.get("facts") or []:
        period = _period(f.get("period"))
        change = f.get("change") or {}
        low, high = _pair(f.get("range"))
        ev = f.get("evidence") or {}
        fig = f.get("figure") or {}
        row = {
            "fact_id": fact_id(doc_id, f),
            "doc_id": doc_id,
            "indicator": f.get("indicator"),
            "value": f.get("value"),
            "unit": f.get("unit"),
            "approx": f.get("approx"),
            "range_low": low,
            "range_high": high,
            "year": f.get("year"),
            "year_guess": f.get("year_guess"),
            "year_basis": f.get("year_basis"),
            "period_start": period.get("start"),
            "period_end": period.get("end"),
            "status": f.get("status") or "actual",
            "subgroup": f.get("group"),
            "standard": f.get("standard"),
            "change_direction": change.get("direction"),
            "change_amount": change.get("amount"),
            "change_unit": change.get("unit"),
            "change_since": change.get("since"),
        }
        row.update(_locality_columns(f.get("locality")))
        row.update(
            {
                "evidence_start": ev.get("start"),
                "evidence_end": ev.get("end"),
                "evidence": ev.get("text"),
                "figure_start": fig.get("start"),
                "figure_end": fig.get("end"),
                "also_evidence": _json_or_none(f.get("also_evidence")),
                "method": f.get("method"),
                "confidence": f.get("confidence"),
            }
        )
        tables["facts"].append(row)
    for k, c in enumerate(record.get("checks") or []):
        tables["checks"].append(
            {
                "check_id": check_id(doc_id, c, k),
                "doc_id": doc_id,
                "kind": c.get("kind"),
                "status": c.get("status"),
                "stated": c.get("stated"),
                "computed": c.get("computed"),
                "tolerance": c.get("tolerance"),
                "message": c.get("message"),
                "evidence": json.dumps(c.get("evidence") or [], ensure_ascii=False),
            }
        )
    return tables


# ------------------------------------------------------------------------------ reading


def _warn_stderr(message: str) -> None:
    print(f"vnfacts: warning: {message}", file=sys.stderr)


def _has_surrogate(value: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _clean_surrogates(value: Any) -> Any:
    """Lone surrogates (a JSON `\\ud800`) cannot be written as UTF-8: they become U+FFFD."""
    if isinstance(value, str):
        if _has_surrogate(value):
            return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in value)
        return value
    if isinstance(value, dict):
        return {_clean_surrogates(k): _clean_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_surrogates(v) for v in value]
    return value


def read_results(path: Path, warn: Warn = _warn_stderr) -> Iterator[dict[str, Any]]:
    """The records of a results file, one line at a time.

    A line that is not a record is skipped with a warning naming it; when it is the last
    line (a run killed while writing), the warning says so. Nothing raises for a line.
    """
    pending: int | None = None  # an unreadable line, reported once we know if it was last
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if pending is not None:
                warn(f"{path}: line {pending} is not a vnfacts record; skipped")
                pending = None
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                pending = lineno
                continue
            if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
                warn(f"{path}: line {lineno} has no doc_id; skipped")
                continue
            if b"\\ud" in raw or b"\\uD" in raw:
                record = _clean_surrogates(record)
            yield record
    if pending is not None:
        warn(
            f"{path}: the last line ({pending}) is incomplete (a run killed while writing?); "
            f"read up to line {pending - 1}"
        )


def _unique(records: Iterable[dict[str, Any]], warn: Warn) -> Iterator[tuple[dict[str, Any], str]]:
    """Each record with the doc_id it gets in this export: a repeat becomes `<id>#2`, `#3` …"""
    seen: set[str] = set()
    renamed: list[str] = []
    for record in records:
        doc_id = record["doc_id"]
        if doc_id in seen:
            k = 2
            while f"{doc_id}#{k}" in seen:
                k += 1
            renamed.append(f"{doc_id} → {doc_id}#{k}")
            doc_id = f"{doc_id}#{k}"
        seen.add(doc_id)
        yield record, doc_id
    if renamed:
        more = f" and {len(renamed) - 3} more" if len(renamed) > 3 else ""
        warn(
            f"{len(renamed)} records repeat an earlier doc_id; renamed so that no two documents "
            f"merge: {', '.join(renamed[:3])}{more}"
        )


def _rows(
    records: Iterable[tuple[dict[str, Any], str]], warn: Warn
) -> Iterator[dict[str, list[dict[str, Any]]]]:
    for record, doc_id in records:
        try:
            yield rows_of(record, doc_id)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            warn(f"document {doc_id}: malformed record ({type(exc).__name__}: {exc}); skipped")


# ------------------------------------------------------------------------------- frames

PANDAS_TYPES = {"real": "float64", "integer": "Int64"}


def _typed(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows → a DataFrame with the declared columns, in order, with their declared types."""
    cols = COLUMNS[name]
    frame = pd.DataFrame(rows, columns=[c.name for c in cols])
    for col in cols:
        if col.type in PANDAS_TYPES:
            frame[col.name] = pd.to_numeric(frame[col.name], errors="coerce").astype(
                PANDAS_TYPES[col.type]
            )
        elif col.type == "date":
            frame[col.name] = pd.to_datetime(frame[col.name], errors="coerce").dt.date
        else:
            frame[col.name] = frame[col.name].astype("string")
    return frame


def _frames(tables: Iterable[dict[str, list[dict[str, Any]]]]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for doc_tables in tables:
        for table, table_rows in doc_tables.items():
            rows[table].extend(table_rows)
    return {t: _typed(t, rows[t]) for t in TABLES}


def _as_records(results: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for record in results:
        yield record.to_json() if hasattr(record, "to_json") else record  # a Document


def to_frames(
    results: Iterable[Any] | str | Path, warn: Warn = _warn_stderr
) -> dict[str, pd.DataFrame]:
    """Result records, Documents, or a JSONL file of records → one typed DataFrame per table.

    Holds every row in memory (for analyses); `export` streams instead.
    """
    if isinstance(results, str | Path):
        records: Iterable[dict[str, Any]] = read_results(Path(results), warn)
    else:
        records = _as_records(results)
    frames = _frames(_rows(_unique(records, warn), warn))
    frames[SERIES] = series_frame(frames["facts"], frames["documents"])
    return frames


def series_frame(facts: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The `series` table (see `vnfacts.series`) of a `facts` and a `documents` table."""
    return _typed(SERIES, build_series(facts, documents))


def read_series(results: str | Path, warn: Warn = _warn_stderr, chunk: int = 200) -> pd.DataFrame:
    """The `series` table of a results file, keeping only what it needs of each document
    (some columns of its facts, its title) rather than every table as `to_frames` does."""
    facts: list[pd.DataFrame] = []
    docs: list[pd.DataFrame] = []
    records = _rows(_unique(read_results(Path(results), warn), warn), warn)
    for part in _chunks(records, chunk):
        rows = [r for tables in part for r in tables["facts"]]
        facts.append(_typed("facts", rows)[list(FACT_COLUMNS)])
        doc_rows = [r for tables in part for r in tables["documents"]]
        docs.append(_typed("documents", doc_rows)[list(DOCUMENT_COLUMNS)])
    return series_frame(
        pd.concat(facts) if facts else _typed("facts", []),
        pd.concat(docs) if docs else _typed("documents", []),
    )


# ------------------------------------------------------------------------------ writers

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as formulas get an apostrophe in front (CSV only)."""
    frame = frame.copy()
    for col in COLUMNS_BY_TYPE["text"]:
        if col in frame.columns:
            s = frame[col]
            risky = s.str[:1].isin(FORMULA_STARTS).fillna(False).astype(bool)
            if risky.any():
                frame[col] = s.where(~risky, "'" + s)
    return frame


COLUMNS_BY_TYPE: dict[str, set[str]] = {}
for _cols in COLUMNS.values():
    for _c in _cols:
        COLUMNS_BY_TYPE.setdefault(_c.type, set()).add(_c.name)


class _Writer:
    # whether write_series needs the facts and documents the export read (SQLite reads
    # them from the database instead, which also holds the documents of earlier exports)
    collects = True

    def write(self, frames: dict[str, pd.DataFrame]) -> None:
        raise NotImplementedError

    def write_series(self, facts: pd.DataFrame, documents: pd.DataFrame) -> int:
        """Writes the series table of all the documents; returns its number of rows."""
        raise NotImplementedError

    def close(self) -> None:
        """Make the written tables the destination's (called only after a full write)."""

    def abort(self) -> None:
        """Leave the destination as it was before (as far as the format allows)."""


def _prepare_dir(dest: Path, to: str) -> None:
    if dest.exists() and not dest.is_dir():
        raise ExportError(f"{dest} is a file; --to {to} writes one file per table into a directory")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the directory {dest}: {exc.strerror or exc}") from exc


class _FileWriter(_Writer):
    """One file per table, written under a temporary name and renamed at the end, so an
    interrupted export never leaves a half table under the real name."""

    suffix = ""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        self.tmp = {t: dest / f".{t}{self.suffix}.partial" for t in ALL_TABLES}

    def close(self) -> None:
        for t in ALL_TABLES:
            os.replace(self.tmp[t], self.dest / f"{t}{self.suffix}")

    def abort(self) -> None:
        for path in self.tmp.values():
            with contextlib.suppress(OSError):
                path.unlink()


class _CsvWriter(_FileWriter):
    suffix = ".csv"

    def __init__(self, dest: Path) -> None:
        super().__init__(dest)
        self.files = {}
        for t in TABLES:
            fh = self.tmp[t].open("w", encoding="utf-8", newline="")
            self.files[t] = fh
            _typed(t, []).to_csv(fh, index=False)

    def write(self, frames: dict[str, pd.DataFrame]) -> None:
        for t in TABLES:
            if not frames[t].empty:
                _neutralize(frames[t]).to_csv(self.files[t], index=False, header=False)

    def write_series(self, facts: pd.DataFrame, documents: pd.DataFrame) -> int:
        frame = series_frame(facts, documents)
        with self.tmp[SERIES].open("w", encoding="utf-8", newline="") as fh:
            _neutralize(frame).to_csv(fh, index=False)
        return len(frame)

    def _close_files(self) -> None:
        for fh in self.files.values():
            fh.close()

    def close(self) -> None:
        self._close_files()
        super().close()

    def abort(self) -> None:
        self._close_files()
        super().abort()


ARROW_TYPES = {"text": "string", "integer": "int64", "real": "float64", "date": "date32"}


class _ParquetWriter(_FileWriter):
    suffix = ".parquet"

    def __init__(self, dest: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        super().__init__(dest)
        self.pa = pa
        self.schemas = {
            t: pa.schema([(c.name, getattr(pa, ARROW_TYPES[c.type])()) for c in COLUMNS[t]])
            for t in ALL_TABLES
        }
        self.writers = {t: pq.ParquetWriter(self.tmp[t], self.schemas[t]) for t in TABLES}

    def write(self, frames: dict[str, pd.DataFrame]) -> None:
        for t in TABLES:
            if not frames[t].empty:
                table = self.pa.Table.from_pandas(
                    frames[t], schema=self.schemas[t], preserve_index=False
                ).replace_schema_metadata(None)
                self.writers[t].write_table(table)

    def write_series(self, facts: pd.DataFrame, documents: pd.DataFrame) -> int:
        import pyarrow.parquet as pq

        frame = series_frame(facts, documents)
        table = self.pa.Table.from_pandas(
            frame, schema=self.schemas[SERIES], preserve_index=False
        ).replace_schema_metadata(None)
        pq.write_table(table, self.tmp[SERIES])
        return len(frame)

    def close(self) -> None:
        for w in self.writers.values():
            w.close()
        super().close()

    def abort(self) -> None:
        for w in self.writers.values():
            with contextlib.suppress(Exception):
                w.close()
        super().abort()


SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "date": "TEXT"}

# Every table that hangs on a document is indexed on doc_id: a re-export deletes a
# document's rows through these (and the foreign keys cascade through them), so it
# stays linear in the number of documents.
SQLITE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id)",
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id, type)",
    "CREATE INDEX IF NOT EXISTS officials_doc ON officials(doc_id)",
    "CREATE INDEX IF NOT EXISTS officials_mention ON officials(mention_id)",
    "CREATE INDEX IF NOT EXISTS checks_doc ON checks(doc_id)",
    "CREATE INDEX IF NOT EXISTS facts_indicator_place_year ON facts(indicator, locality_code, year)",
    "CREATE INDEX IF NOT EXISTS facts_indicator_name_year ON facts(indicator, locality_name, year)",
    "CREATE INDEX IF NOT EXISTS officials_name ON officials(name, locality_province)",
)


def _sql_value(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


class _SqliteWriter(_Writer):
    """Tables with primary and foreign keys; a re-export replaces the rows of its documents."""

    def __init__(self, dest: Path) -> None:
        if dest.is_dir():
            raise ExportError(f"{dest} is a directory; --to sqlite writes a database file")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(dest)
        except (OSError, sqlite3.Error) as exc:
            raise ExportError(f"cannot open the database {dest}: {exc}") from exc
        try:
            self.con.execute("PRAGMA foreign_keys = ON")
            # a larger page cache (this connection only) keeps the key indexes in memory
            self.con.execute("PRAGMA cache_size = -65536")
            self._create(dest)
        except sqlite3.Error as exc:
            self.con.close()
            raise ExportError(f"cannot write to the database {dest}: {exc}") from exc
        except ExportError:
            self.con.close()
            raise

    collects = False

    def _create(self, dest: Path) -> None:
        for table in ALL_TABLES:
            wanted = [c.name for c in COLUMNS[table]]
            have = [r[1] for r in self.con.execute(f'PRAGMA table_info("{table}")')]
            if have and have != wanted:
                raise ExportError(
                    f"{dest} holds a table {table} with other columns (an export of another "
                    "vnfacts version?); export into a new database file"
                )
            specs = []
            for col in COLUMNS[table]:
                spec = f"{col.name} {SQL_TYPES[col.type]}"
                if col.name == KEYS[table]:
                    spec += " PRIMARY KEY"
                elif table == SERIES:
                    pass  # rows across documents: rebuilt after each export, no foreign key
                elif col.name == "doc_id":
                    spec += " NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE"
                elif col.name == "mention_id":
                    spec += " REFERENCES mentions(mention_id) ON DELETE CASCADE"
                specs.append(spec)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(specs)})")
        for statement in SQLITE_INDEXES:
            self.con.execute(statement)
        self.con.commit()

    def write(self, frames: dict[str, pd.DataFrame]) -> None:
        docs = [(d,) for d in frames["documents"]["doc_id"]]
        with self.con:
            # a document exported again replaces what an earlier export said of it
            self.con.executemany("DELETE FROM documents WHERE doc_id = ?", docs)
            for table in TABLES:
                frame = frames[table]
                if frame.empty:
                    continue
                names = ", ".join(frame.columns)
                marks = ", ".join("?" for _ in frame.columns)
                self.con.executemany(
                    f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})",
                    (
                        tuple(_sql_value(v) for v in row)
                        for row in frame.itertuples(index=False, name=None)
                    ),
                )

    def write_series(self, facts: pd.DataFrame, documents: pd.DataFrame) -> int:
        """Rebuilds the series from every document in the database (earlier exports too)."""
        facts = pd.read_sql_query(
            f"SELECT {', '.join(FACT_COLUMNS)} FROM facts ORDER BY rowid", self.con
        )
        documents = pd.read_sql_query(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY rowid", self.con
        )
        frame = series_frame(facts, documents)
        with self.con:
            self.con.execute(f"DELETE FROM {SERIES}")
            names = ", ".join(frame.columns)
            marks = ", ".join("?" for _ in frame.columns)
            self.con.executemany(
                f"INSERT INTO {SERIES} ({names}) VALUES ({marks})",
                (
                    tuple(_sql_value(v) for v in row)
                    for row in frame.itertuples(index=False, name=None)
                ),
            )
        return len(frame)

    def close(self) -> None:
        self.con.close()

    def abort(self) -> None:
        self.con.close()


def write_sqlite(frames: dict[str, pd.DataFrame], path: Path) -> None:
    """Writes frames (of `to_frames`) into an SQLite database, replacing their documents
    and rebuilding the series of the whole database."""
    writer = _SqliteWriter(path)
    try:
        writer.write(frames)
        writer.write_series(frames["facts"], frames["documents"])
    finally:
        writer.close()


def _open_writer(to: str, dest: Path) -> _Writer:
    if to == "sqlite":
        return _SqliteWriter(dest)
    if to in ("csv", "parquet"):
        _prepare_dir(dest, to)
        try:
            return _CsvWriter(dest) if to == "csv" else _ParquetWriter(dest)
        except OSError as exc:
            raise ExportError(f"cannot write into {dest}: {exc.strerror or exc}") from exc
    raise ExportError(f"unknown export format {to!r}: csv, parquet or sqlite")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def export(
    results: Path, to: str, dest: Path, *, chunk: int = 200, warn: Warn = _warn_stderr
) -> dict[str, int]:
    """Writes the tables of `results` (JSONL of `vnfacts extract`) to `dest`; returns row counts.

    Streams `chunk` documents at a time. Raises ExportError when `dest` cannot be written.
    """
    writer = _open_writer(to, dest)
    counts = dict.fromkeys(ALL_TABLES, 0)
    # what the series needs of each chunk: some columns of facts, the titles
    kept_facts: list[pd.DataFrame] = []
    kept_docs: list[pd.DataFrame] = []
    try:
        records = _rows(_unique(read_results(Path(results), warn), warn), warn)
        for part in _chunks(records, chunk):
            frames = _frames(part)
            writer.write(frames)
            for t in TABLES:
                counts[t] += len(frames[t])
            if writer.collects:
                kept_facts.append(frames["facts"][list(FACT_COLUMNS)])
                kept_docs.append(frames["documents"][list(DOCUMENT_COLUMNS)])
        facts = pd.concat(kept_facts) if kept_facts else _typed("facts", [])
        docs = pd.concat(kept_docs) if kept_docs else _typed("documents", [])
        counts[SERIES] = writer.write_series(facts, docs)
        writer.close()
    except (OSError, sqlite3.Error) as exc:
        writer.abort()
        raise ExportError(f"cannot write {to} to {dest}: {exc}") from exc
    except BaseException:
        writer.abort()
        raise
    return counts


# ---------------------------------------------------------------------------- reading back


def _un_neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        if col in COLUMNS_BY_TYPE["text"]:
            s = frame[col]
            quoted = s.str.startswith("'").fillna(False).astype(bool)
            if quoted.any():
                frame[col] = s.where(~quoted, s.str[1:])
    return frame


def read_back(to: str, dest: Path) -> dict[str, pd.DataFrame]:
    """The tables as written (for round-trip checks and notebooks), typed like `to_frames`."""
    frames: dict[str, pd.DataFrame] = {}
    for table in ALL_TABLES:
        if to == "sqlite":
            con = sqlite3.connect(dest)
            try:
                raw = pd.read_sql_query(f"SELECT * FROM {table}", con)
            finally:
                con.close()
        elif to == "csv":
            raw = pd.read_csv(
                dest / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""]
            )
            raw = _un_neutralize(raw)
        else:
            raw = pd.read_parquet(dest / f"{table}.parquet")
        rows = raw.astype(object).where(raw.notna(), None).to_dict("records")
        frames[table] = _typed(table, rows)
    return frames
