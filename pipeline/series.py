"""One table of figures across articles: the facts of many documents consolidated.

A researcher asks about a place and a year, not about an article: the same figure told by
two outlets is one figure with two sources, a wire story copied under another id is one
source, and two articles that disagree should show it. `build_series` turns the `facts`
and `documents` tables (as `vnfacts.export` declares them) into rows of the `series`
table, one per

    locality × indicator × unit × year × period start × status × subgroup × standard

where the locality is its official code where the gazetteer picked one, else its folded
name with its level and parents. A name that many units share, with no code and no
province to tell which (`xã Tân Lập`), is not consolidated across sources: it may be
another commune. Facts without a locality or without a stated year are left out: a
guessed year (`year_guess`) is no ground for saying two sources agree.

Sources: the documents of one story count once. Documents are compared by what their
records carry, the title and the facts' evidence sentences (`text` only exists for HTML
input): an identical fingerprint, or word 3-shingle sets with a Jaccard similarity of at
least 0.8 (candidates found by MinHash with banding, then the exact Jaccard checked), put
two documents in one source, named by its first document.

Agreement: two values agree when they differ by at most 0.5 % of the larger, or when the
intervals their written precision stands for meet (`14,8%` is 14,75–14,85 and agrees with
`14,78%`). The row's value is the one that the most sources agree with; the row conflicts
when a source states no value that agrees with it. Several values in one document (a
total and its parts, which facts do not tell apart) are listed, but are no conflict.

This module is no stage: it reads tables, not documents, and only `vnfacts.export`, the
CLI and notebooks call it. It imports the ground floor (the gazetteer) and pandas only.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from vnfacts.doc import stable_id
from vnfacts.gazetteer import fold, get_gazetteer

# Columns of the facts table that the series reads (a subset, so an export holds less).
FACT_COLUMNS = (
    "fact_id",
    "doc_id",
    "indicator",
    "value",
    "unit",
    "year",
    "period_start",
    "status",
    "subgroup",
    "standard",
    "locality_name",
    "locality_level",
    "locality_code",
    "locality_district",
    "locality_province",
    "evidence_start",
    "evidence_end",
    "evidence",
    "figure_start",
    "figure_end",
    "also_evidence",
)
DOCUMENT_COLUMNS = ("doc_id", "title")

RELATIVE_AGREEMENT = 0.005  # FACTS.md: values within 0.5 % match
DUPLICATE_JACCARD = 0.8
SHINGLE = 3
BANDS, ROWS = 16, 4  # 64 MinHash functions; P(candidate | J = 0.8) ≈ 0.9998
_PRIME = 4294967311  # a prime above 2**32: (a·x + b) mod p with x < 2**32 fits in uint64

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


# ------------------------------------------------------------------ written precision


def written_tolerance(figure: str | None, value: float) -> float:
    """Half a unit of the last digit written, in the value's unit (0 when unknown).

    `14,78%` → 0.005; `8,9%` → 0.05; `1.417,3 tỷ đồng` (1417300000000) → 50000000;
    `2.100 hộ` → 0.5. Vietnamese numbers group thousands with dots and mark decimals with
    a comma; a dot followed by other than three digits is read as a decimal point.
    """
    if not figure or not value:
        return 0.0
    m = _NUMBER.search(figure)
    if not m:
        return 0.0
    digits = m.group(0)
    decimals = 0
    if "," in digits:
        whole, _, frac = digits.rpartition(",")
        decimals = len(frac)
        number_text = whole.replace(".", "").replace(",", "") + "." + frac
    elif "." in digits and len(digits.rpartition(".")[2]) != 3:
        whole, _, frac = digits.rpartition(".")
        decimals = len(frac)
        number_text = whole.replace(".", "") + "." + frac
    else:
        number_text = digits.replace(".", "")
    try:
        written = float(number_text)
    except ValueError:
        return 0.0
    if written == 0:
        return 0.0
    scale = abs(value) / written
    return 0.5 * 10.0 ** (-decimals) * scale


def agree(a: float, b: float, tol_a: float = 0.0, tol_b: float = 0.0) -> bool:
    """Whether two stated values are one figure: within 0.5 %, or within their rounding."""
    diff = abs(a - b)
    return diff <= RELATIVE_AGREEMENT * max(abs(a), abs(b)) + 1e-9 or diff <= tol_a + tol_b + 1e-9


# ------------------------------------------------------------------ duplicate documents


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """Hashed word k-shingles of a text (case and Unicode form folded), stable across runs."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return set()
    grams = (
        [" ".join(words)]
        if len(words) < k
        else [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]
    )
    return {
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big")
        for g in grams
    }


def jaccard(a: set[int], b: set[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


_RNG = np.random.default_rng(20170101)  # fixed: the same documents give the same bands
_A = _RNG.integers(1, 2**31, size=BANDS * ROWS, dtype=np.uint64)
_B = _RNG.integers(0, 2**31, size=BANDS * ROWS, dtype=np.uint64)


def minhash(sh: set[int]) -> np.ndarray:
    """MinHash signature (BANDS·ROWS values) of a shingle set."""
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(x, _A) + _B) % np.uint64(_PRIME)).min(axis=0)


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str, order: dict[str, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the earlier document names the source
            first, second = (ra, rb) if order[ra] <= order[rb] else (rb, ra)
            self.parent[second] = first


def duplicate_sources(
    fingerprints: dict[str, str], threshold: float = DUPLICATE_JACCARD
) -> dict[str, str]:
    """doc_id → the doc_id of its source: itself, or the first document of its story.

    `fingerprints` is ordered (the results' order); identical fingerprints are grouped
    first, the rest compared by MinHash banding and then their exact Jaccard similarity.
    """
    order = {d: k for k, d in enumerate(fingerprints)}
    uf = _UnionFind(fingerprints)
    sets: dict[str, set[int]] = {}
    by_exact: dict[frozenset[int], str] = {}
    for doc_id, text in fingerprints.items():
        sh = shingles(text)
        if not sh:
            continue  # nothing to compare: a source of its own
        key = frozenset(sh)
        if key in by_exact:
            uf.union(by_exact[key], doc_id, order)
            continue
        by_exact[key] = doc_id
        sets[doc_id] = sh
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for doc_id, sh in sets.items():
        sig = minhash(sh)
        for band in range(BANDS):
            buckets[(band, sig[band * ROWS : (band + 1) * ROWS].tobytes())].append(doc_id)
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if jaccard(sets[a], sets[b]) >= threshold:
                    uf.union(a, b, order)
    return {d: uf.find(d) for d in fingerprints}


def fingerprints_of(facts: pd.DataFrame, documents: pd.DataFrame) -> dict[str, str]:
    """doc_id → its title and its facts' distinct evidence sentences, in text order."""
    titles = {
        r.doc_id: (r.title if isinstance(r.title, str) else "")
        for r in documents[list(DOCUMENT_COLUMNS)].itertuples(index=False)
    }
    parts: dict[str, dict[int, str]] = defaultdict(dict)
    for r in facts[["doc_id", "evidence_start", "evidence", "also_evidence"]].itertuples(
        index=False
    ):
        sentences = parts[r.doc_id]
        if isinstance(r.evidence, str):
            start = -1 if pd.isna(r.evidence_start) else int(r.evidence_start)
            sentences.setdefault(start, r.evidence)
        if isinstance(r.also_evidence, str) and r.also_evidence:
            try:
                for ev in json.loads(r.also_evidence):
                    sentences.setdefault(int(ev.get("start", -1)), str(ev.get("text") or ""))
            except (ValueError, TypeError, AttributeError):
                pass
    docs = [d for d in dict.fromkeys([*titles, *parts]) if d in parts]  # facts' documents
    return {
        d: "\n".join([titles.get(d, ""), *(parts[d][k] for k in sorted(parts.get(d, {})))])
        for d in docs
    }


# -------------------------------------------------------------------------- localities


def _text(value: Any) -> str | None:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip()
    return text or None


@lru_cache(maxsize=65536)
def province_of(
    name: str, level: str | None, code: str | None, province: str | None
) -> tuple[str | None, str | None]:
    """(province name, province code) of a locality, or (None, None) when unknown.

    A province is its own province. A coded unit takes its province from the gazetteer; a
    name without code (a former unit merged before the gazetteer's date, such as huyện
    Thông Nông, merged in 2019) takes it from the written parent, else from the units the
    name can denote, when they all lie in one province (for a former name, that of the
    unit it merged into).
    """
    gaz = get_gazetteer()
    if level == "province":
        unit = gaz.by_code(code, "province") if code else None
        if unit is not None:
            return unit.name, unit.code
        found = [u for u in gaz.lookup(name, "province", era="pre2025") if u.code]
        return (found[0].name, found[0].code) if len(found) == 1 else (name, code)
    if level in ("country", "region", None):
        return None, None
    if code:
        unit = gaz.by_code(code, level)
        if unit is not None and unit.province:
            return unit.province, unit.province_code
    if province:
        found = [u for u in gaz.lookup(province, "province", era="pre2025") if u.code]
        return (found[0].name, found[0].code) if len(found) == 1 else (province, None)
    provinces: set[tuple[str, str | None]] = set()
    for u in gaz.lookup(name, level, era="pre2025"):
        own = {"province": u.province, "province_code": u.province_code}
        targets = u.merged_into if u.former and u.merged_into else (own,)
        for t in targets:
            if t.get("province"):
                provinces.add((t["province"], t.get("province_code")))
    if len(provinces) == 1:
        return next(iter(provinces))
    return None, None


# ------------------------------------------------------------------------------ series


@dataclass(slots=True)
class _Statement:
    doc_id: str
    source: str
    fact_id: str
    value: float
    tolerance: float
    evidence: tuple[int | None, int | None]
    figure: tuple[int | None, int | None]


@dataclass(slots=True)
class _Row:
    key: tuple[Any, ...]
    names: Counter[str] = field(default_factory=Counter)
    level: str | None = None
    code: str | None = None
    district: str | None = None
    province: tuple[str | None, str | None] = (None, None)
    statements: list[_Statement] = field(default_factory=list)


def _int(value: Any) -> int | None:
    if value is None or value is pd.NA:
        return None
    try:
        if isinstance(value, float) and math.isnan(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _figure_text(r: Any) -> str | None:
    ev, es, fs, fe = r.evidence, _int(r.evidence_start), _int(r.figure_start), _int(r.figure_end)
    if not isinstance(ev, str) or None in (es, fs, fe):
        return None
    a, b = fs - es, fe - es  # type: ignore[operator]
    return ev[a:b] if 0 <= a < b <= len(ev) else None


def _choose(statements: Sequence[_Statement]) -> tuple[_Statement, list[_Statement]]:
    """The statement most sources agree with (ties: the most precise, then the first)."""
    best: tuple[int, float, int] | None = None
    chosen = statements[0]
    for k, s in enumerate(statements):
        support = len(
            {t.source for t in statements if agree(s.value, t.value, s.tolerance, t.tolerance)}
        )
        rank = (support, -s.tolerance, -k)
        if best is None or rank > best:
            best, chosen = rank, s
    agreeing = [
        t for t in statements if agree(chosen.value, t.value, chosen.tolerance, t.tolerance)
    ]
    return chosen, agreeing


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def build_series(facts: pd.DataFrame, documents: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of the `series` table from the `facts` and `documents` tables (any order).

    The input frames need the columns FACT_COLUMNS and DOCUMENT_COLUMNS; the rows come out
    sorted by indicator, province, level, locality, year, status, subgroup and standard.
    """
    if facts.empty:
        return []
    facts = facts[list(FACT_COLUMNS)]
    doc_order = list(dict.fromkeys([*documents["doc_id"], *facts["doc_id"]]))
    rank = {d: k for k, d in enumerate(doc_order)}
    source_of = duplicate_sources(fingerprints_of(facts, documents))
    rows: dict[tuple[Any, ...], _Row] = {}
    for r in facts.itertuples(index=False):
        name, year, value = _text(r.locality_name), _int(r.year), r.value
        if name is None or year is None or value is None or pd.isna(value):
            continue
        level, code = _text(r.locality_level), _text(r.locality_code)
        district, parent = _text(r.locality_district), _text(r.locality_province)
        province = province_of(name, level, code, parent)
        source = source_of.get(r.doc_id, r.doc_id)
        if code:
            place: tuple[Any, ...] = ("code", level, code)
        elif province[0] or level in ("province", "region", "country"):
            place = ("name", level, fold(name), fold(district or ""), fold(province[0] or ""))
        else:  # a name many units share, with nothing to tell which: its own source's
            place = ("name", level, fold(name), fold(district or ""), "", source)
        key = (
            _text(r.indicator),
            _text(r.unit),
            place,
            year,
            _int(r.period_start),
            _text(r.status) or "actual",
            _text(r.subgroup),
            _text(r.standard),
        )
        row = rows.get(key)
        if row is None:
            row = rows[key] = _Row(
                key, level=level, code=code, district=district, province=province
            )
        row.names[name] += 1
        row.district = row.district or district
        value = float(value)
        row.statements.append(
            _Statement(
                doc_id=r.doc_id,
                source=source,
                fact_id=r.fact_id,
                value=value,
                tolerance=written_tolerance(_figure_text(r), value),
                evidence=(_int(r.evidence_start), _int(r.evidence_end)),
                figure=(_int(r.figure_start), _int(r.figure_end)),
            )
        )
    out = []
    for row in rows.values():
        statements = sorted(row.statements, key=lambda s: (rank.get(s.doc_id, 0), s.evidence))
        chosen, agreeing = _choose(statements)
        others: dict[float, set[str]] = defaultdict(set)
        for s in statements:
            if s.value != chosen.value:
                others[s.value].add(s.source)
        indicator, unit, _place, year, period_start, status, subgroup, standard = row.key
        values = [s.value for s in statements]
        n_sources = len({s.source for s in statements})
        out.append(
            {
                "series_id": stable_id("series", *row.key),
                "indicator": indicator,
                "unit": unit,
                "locality_name": row.names.most_common(1)[0][0],
                "locality_level": row.level,
                "locality_code": row.code,
                "locality_district": row.district,
                "province": row.province[0],
                "province_code": row.province[1],
                "year": year,
                "period_start": period_start,
                "status": status,
                "subgroup": subgroup,
                "standard": standard,
                "value": chosen.value,
                "min_value": min(values),
                "max_value": max(values),
                "n_sources": n_sources,
                "n_agreeing": len({s.source for s in agreeing}),
                "n_documents": len({s.doc_id for s in statements}),
                "n_facts": len(statements),
                "conflicting": int(len({s.source for s in agreeing}) < n_sources),
                "other_values": json.dumps(
                    [
                        {
                            "value": _number(v),
                            "n_sources": len(srcs),
                            "agrees": any(
                                agree(chosen.value, s.value, chosen.tolerance, s.tolerance)
                                for s in statements
                                if s.value == v
                            ),
                        }
                        for v, srcs in sorted(others.items())
                    ],
                    ensure_ascii=False,
                )
                if others
                else None,
                "sources": json.dumps(
                    [
                        {
                            "doc_id": s.doc_id,
                            "fact_id": s.fact_id,
                            "value": _number(s.value),
                            "evidence_start": s.evidence[0],
                            "evidence_end": s.evidence[1],
                            "figure_start": s.figure[0],
                            "figure_end": s.figure[1],
                            "duplicate_of": s.source if s.source != s.doc_id else None,
                        }
                        for s in statements
                    ],
                    ensure_ascii=False,
                ),
            }
        )

    def order(row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            (row[k] is None, row[k] if row[k] is not None else "")
            for k in (
                "indicator",
                "province",
                "locality_level",
                "locality_name",
                "year",
                "period_start",
                "status",
                "subgroup",
                "standard",
                "series_id",
            )
        )

    out.sort(key=order)
    return out


# ------------------------------------------------------------------- terminal and plot


def select(
    series: pd.DataFrame,
    indicators: Sequence[str] = (),
    levels: Sequence[str] = (),
    province: str | None = None,
    conflicts_only: bool = False,
) -> pd.DataFrame:
    """The rows of a series table that a researcher asked for (the CLI's filters)."""
    keep = pd.Series(True, index=series.index)
    if indicators:
        keep &= series["indicator"].isin(list(indicators))
    if levels:
        keep &= series["locality_level"].isin(list(levels))
    if province:
        keep &= (
            series["province"]
            .map(lambda p: isinstance(p, str) and fold(p) == fold(province), na_action="ignore")
            .fillna(False)
            .astype(bool)
        )
    if conflicts_only:
        keep &= series["conflicting"] == 1
    return series[keep]


def format_number(value: float, vietnamese: bool = False) -> str:
    """14.78 → `14.78`, or `14,78` in Vietnamese style (`1.417.300` for thousands)."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0")
    if vietnamese:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _cell(value: Any) -> str:
    return (
        ""
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        else str(value)
    )


def format_table(series: pd.DataFrame, vietnamese: bool = False) -> str:
    """The series as a plain-text table: one line per row, conflicts marked `≠`."""
    head = (
        "indicator",
        "locality",
        "province",
        "year",
        "status",
        "group / standard",
        "value",
        "src",
        "",
    )
    lines: list[tuple[str, ...]] = [head]
    for r in series.itertuples(index=False):
        others = json.loads(r.other_values) if isinstance(r.other_values, str) else []
        flag = ""
        if r.conflicting == 1:
            flag = "≠ " + ", ".join(
                format_number(o["value"], vietnamese) for o in others if not o["agrees"]
            )
        extra = " / ".join(x for x in (_cell(r.subgroup), _cell(r.standard)) if x)
        lines.append(
            (
                _cell(r.indicator),
                f"{_cell(r.locality_name)} ({_cell(r.locality_level)})",
                _cell(r.province),
                _cell(r.year),
                _cell(r.status),
                extra,
                f"{format_number(r.value, vietnamese)} {_cell(r.unit)}",
                _cell(r.n_sources),
                flag,
            )
        )
    widths = [max(len(line[k]) for line in lines) for k in range(len(head))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )


def plot(series: pd.DataFrame, path: str | Path, max_panels: int = 36) -> int:
    """Small multiples: one panel per locality and indicator, its values by year.

    Each line is one status, subgroup and standard (a new poverty standard starts a new
    line: rates under two standards are not one curve). A conflicting year is ringed in
    red, with the other values its sources state as grey crosses. Returns the number of
    panels drawn (at most `max_panels`, the localities with most years first).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels: dict[tuple[str, str, str], pd.DataFrame] = {}
    for (indicator, place, unit), rows in series.groupby(
        [
            series["indicator"].astype(object),
            (
                series["locality_name"].fillna("?")
                + " ("
                + series["locality_level"].fillna("?")
                + ")"
            ).astype(object),
            series["unit"].fillna("").astype(object),
        ],
        sort=False,
    ):
        panels[(place, indicator, unit)] = rows
    chosen = sorted(panels, key=lambda k: (-panels[k]["year"].nunique(), k))[:max_panels]
    chosen.sort()
    n = max(len(chosen), 1)
    cols = min(4, n)
    nrows = math.ceil(n / cols)
    fig, axes = plt.subplots(nrows, cols, figsize=(3.4 * cols, 2.6 * nrows), squeeze=False)
    for ax in axes.flat[len(chosen) :]:
        ax.set_visible(False)
    if not chosen:
        axes.flat[0].set_visible(True)
        axes.flat[0].text(0.5, 0.5, "no figures", ha="center", va="center")
        axes.flat[0].set_axis_off()
    for ax, key in zip(axes.flat, chosen, strict=False):
        rows = panels[key].sort_values("year")
        line_keys = [
            rows["status"].fillna(""),
            rows["subgroup"].fillna(""),
            rows["standard"].fillna(""),
        ]
        for (status, subgroup, standard), line in rows.groupby(line_keys, sort=True):
            label = " ".join(
                x for x in (standard, subgroup, "target" if status == "target" else "") if x
            )
            ax.plot(
                line["year"].astype(int),
                line["value"],
                marker="o",
                linestyle="--" if status == "target" else "-",
                label=label or None,
            )
        bad = rows[rows["conflicting"] == 1]
        if not bad.empty:
            ax.scatter(
                bad["year"].astype(int),
                bad["value"],
                s=140,
                facecolors="none",
                edgecolors="red",
                linewidths=1.5,
                zorder=3,
                label="conflict",
            )
            for r in bad.itertuples(index=False):
                for other in json.loads(r.other_values) if isinstance(r.other_values, str) else []:
                    ax.scatter([int(r.year)], [other["value"]], marker="x", color="grey", zorder=3)
        place, indicator, unit = key
        ax.set_title(f"{place}\n{indicator} ({unit})", fontsize=8)
        ax.tick_params(labelsize=7)
        first, last = int(rows["year"].min()), int(rows["year"].max())
        ax.set_xlim(first - 0.5, last + 0.5)  # one year alone is not a century-wide axis
        ax.set_xticks(range(first, last + 1, max(1, (last - first) // 6 + 1)))
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=6)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return len(chosen)
