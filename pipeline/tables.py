"""The table reader of the link stage: statistics tables flattened into text → facts.

A page's table reaches us as text in one of a few shapes, and the sentence linker reads
none of them (a cell has no verb, its year and place are in a header or a row label):

- rows of whitespace-separated words and numbers under a header line of years, the unit in
  a column of its own (`Chỉ tiêu ĐV tính 2010 2011 …` / `Tỷ lệ hộ nghèo % 15.40 12.11 …`);
- cells separated by `|`, a row a line (`1 | Huyện A | 6,39 | 10.618 |`);
- cells separated by lines holding only `|`, rows running on (`STT`, `|`, `Huyện A`, `|`, …),
  with titles of merged header cells before the titles under them;
- a statistics yearbook page turned into text: a row a year (`2011   8,30   1.597`), the
  columns aligned by spaces and their titles written above in pieces over several lines.

All are read into one model (a header of titles, rows of an optional number, a label, an
optional unit and value cells), then each value cell is named by its row label, its column
title or the table's caption, through the same indicator cues and specs the sentence linker
uses (`patterns/indicators.jsonl`, `patterns/indicator_specs.jsonl`); the layout cues are
data in `patterns/tables.jsonl`. A cell nothing names (a row number, a count of survey
forms, a column of another measure) gives no fact: precision matters as much as recall.
The facts have the shape the linker builds, with the row as evidence and the cell as figure.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import regex
from vnfacts import patterns
from vnfacts.doc import Document, Mention
from vnfacts.gazetteer import get_gazetteer
from vnfacts.link import (
    MIN_PROGRAMME_YEAR,
    STANDARD_INDICATORS,
    Cue,
    find_cues,
    indicator_for,
    indicator_specs,
    next_standard,
    place_of,
    poverty_standard,
)
from vnfacts.textalign import ALIGNED_HEADER_LINES

if TYPE_CHECKING:
    from vnfacts.link import Linker

METHOD = "table-cell/v1"
KINDS = frozenset(
    {
        "index_column",
        "unit_column",
        "total_row",
        "year_column",
        "target_column",
        "not_measure",
        "implied_unit",
        "area_column",
        "fall_label",
        "village_column",
        "households_column",
    }
)
CAPTION_LINES = 3  # lines before a table read as its caption (its year, place, measure)
CAPTION_MAX_WORDS = 40  # a longer line is prose, not a caption
MAX_GAP_LINES = 2  # non-row lines (a repeated section title) a whitespace table may skip

_NUMBER = regex.compile(r"^[-+]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?$|^[-+]?\d+(?:[.,]\d+)?%?$")
_EMPTY = regex.compile(r"^(?:|-|–|—|\.{2,}|…|x|X|\*)$")
_ROMAN = regex.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")
_YEAR_TOKEN = regex.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,])")
_PARENS = regex.compile(r"\(([^()]{1,40})\)")
_LETTERS = regex.compile(r"\p{L}")
_SENTENCE_MARK = regex.compile(r"[.;:!?]\s+\p{L}")
# "(còn 4,33%)" after a fall's value, in its cell or in the next: the level the fall leaves
_LEVEL_NOTE = regex.compile(r"\(\s*còn\s+(?P<n>[\d.,]+\s*%?)\s*\)$", regex.I)
_PERCENT = regex.compile(r"(?:t[ỷỉ] lệ\s*)?\(?%\)?")  # "%", "tỷ lệ (%)", "tỉ lệ %"


# ------------------------------------------------------------------------- the layout data


@dataclass(frozen=True, slots=True)
class TableCue:
    """One rule of `patterns/tables.jsonl`, validated on load."""

    id: str
    kind: str
    pattern: regex.Pattern[str]
    level: str | None = None
    unit: str | None = None


@cache
def table_cues() -> tuple[TableCue, ...]:
    cues: list[TableCue] = []
    for rule in patterns.load("tables"):
        where = f"tables.jsonl {rule['id']!r}"
        if rule.get("kind") not in KINDS or not rule.get("regex"):
            raise patterns.PatternError(f"{where}: needs a `regex` and a `kind` of {sorted(KINDS)}")
        try:
            rx = regex.compile(r"(?<!\p{L})(?:" + rule["regex"] + r")(?!\p{L})", regex.I | regex.V1)
        except regex.error as exc:
            raise patterns.PatternError(f"{where}: {exc}") from exc
        if rule["kind"] == "implied_unit" and not rule.get("unit"):
            raise patterns.PatternError(f"{where}: an implied unit names its `unit`")
        for example in rule.get("match", []):
            if not rx.search(example):
                raise patterns.PatternError(f"{where}: does not match its example {example!r}")
        for example in rule.get("no_match", []):
            if rx.search(example):
                raise patterns.PatternError(f"{where}: matches {example!r}, which it must not")
        cues.append(TableCue(rule["id"], rule["kind"], rx, rule.get("level"), rule.get("unit")))
    return tuple(cues)


def _cue(kind: str, text: str) -> TableCue | None:
    """The first rule of `kind` whose pattern is found in `text`."""
    clean = " ".join(text.split())
    return next((c for c in table_cues() if c.kind == kind and c.pattern.search(clean)), None)


@cache
def _unit_words() -> tuple[dict[str, str], dict[str, str], dict[str, Decimal]]:
    """(unit form → unit, per form → per name, scale form → factor) from units/scales.jsonl."""
    units: dict[str, str] = {}
    pers: dict[str, str] = {}
    for rule in patterns.load("units"):
        for form in rule.get("forms", []):
            key = form.lower()
            if not rule.get("per_only"):
                units.setdefault(key, rule["unit"])
            if rule.get("per"):
                pers.setdefault(key, rule["per"])
    scales = {
        form.lower(): Decimal(rule["factor"])
        for rule in patterns.load("scales")
        if rule.get("kind") == "scale"
        for form in rule.get("forms", [])
    }
    return units, pers, scales


def unit_of(text: str) -> tuple[str, Decimal] | None:
    """A written unit ("hộ", "%", "triệu đồng", "nghìn đồng/người/tháng") → (unit, factor)."""
    s = " ".join(text.strip().strip("()").split()).lower()
    if _PERCENT.fullmatch(s):
        return "%", Decimal(1)
    units, pers, scales = _unit_words()
    head, *per_parts = [p.strip() for p in s.split("/")]
    factor = Decimal(1)
    for form in sorted(scales, key=len, reverse=True):
        if head == form or head.startswith(form + " "):
            factor = scales[form]
            head = head[len(form) :].strip() or "đồng"  # "tỷ" alone is money
            break
    unit = units.get(head)
    if unit is None:
        return None
    if factor != 1 and unit != "VND":
        return None  # "nghìn hộ" is a count written in thousands: left alone
    for part in per_parts:
        per = pers.get(part.removeprefix("một ").strip())
        if per is None:
            return None
        unit += "/" + per
    return unit, factor


@cache
def _unit_tail() -> regex.Pattern[str]:
    """A unit written at the end of a row label (the unit column of a whitespace table)."""
    units, pers, scales = _unit_words()
    alt = "|".join(regex.escape(f) for f in sorted(units, key=len, reverse=True))
    per = "|".join(regex.escape(f) for f in sorted(pers, key=len, reverse=True))
    scale = "|".join(regex.escape(f) for f in sorted(scales, key=len, reverse=True))
    return regex.compile(
        rf"(?<=\s)(?:%|(?:(?:{scale})\s+)?(?:{alt})(?:\s*/\s*(?:{per}))*)\s*$", regex.I
    )


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's text and its offsets in the document (evidence and figure point into it)."""

    start: int
    end: int
    text: str

    @property
    def clean(self) -> str:
        return " ".join(self.text.split())


@dataclass
class Row:
    """[number] label [unit] values: a value is None where the cell is empty ("-", "")."""

    label: Cell
    values: list[Cell | None]
    index: Cell | None = None
    unit: Cell | None = None
    # the level a fall leaves, noted in brackets after a value ("0,7% (còn 4,33%)"), by the
    # value's column
    levels: dict[int, Cell] = field(default_factory=dict)


@dataclass
class Table:
    """A table read from text: header titles, rows, where it stands."""

    start: int
    end: int
    titles: list[Cell]
    rows: list[Row]
    shape: str
    dot_decimal: bool = False
    columns: list[Column] = field(default_factory=list)


@dataclass
class Column:
    """What a value column says: its title (and the merged title over it), year, unit."""

    title: Cell | None
    parent: Cell | None = None
    year: int | None = None
    target: bool = False
    over: Cell | None = None  # the title of a two-row header's merged cell over this one


def _kind(cell: Cell | None) -> str:
    """num, empty, index (a row number: IV, a), text (two letters or more), or other."""
    if cell is None:
        return "empty"
    t = cell.clean
    if _EMPTY.match(t):
        return "empty"
    if _NUMBER.match(t):
        return "num"
    if _ROMAN.match(t) or (len(t) == 1 and t.isalpha()):
        return "index"
    return "text" if len(_LETTERS.findall(t)) >= 2 else "other"


def _index_like(cell: Cell) -> bool:
    t = cell.clean.removesuffix(".")  # "1.", "IV."
    return (
        _kind(cell) in ("index", "empty") or (t.isdigit() and len(t) <= 3) or bool(_ROMAN.match(t))
    )


def _is_year(cell: Cell) -> int | None:
    cue = _cue("year_column", cell.text)
    if cue is None:
        return None
    m = _YEAR_TOKEN.search(cell.text)
    return int(m.group()) if m else None


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of text[start:end], without its newline."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _strip(text: str, s: int, e: int) -> Cell:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Cell(s, e, text[s:e])


# ------------------------------------------------------------------ reading the shapes


def _pipe_tables(text: str) -> Iterator[tuple[int, int, list[Cell], str]]:
    """(start, end, cells, shape) of each run of `|`-separated cells.

    `pipe-lines`: cells between lines holding only `|` (a cell may take several lines; the
    first and the last cell are the one line before and after). `pipe-rows`: lines with
    cells separated by `|` inside them (a line's empty piece after its last `|` is no cell).
    """
    lines = list(_lines(text, 0, len(text)))
    i = 0
    while i < len(lines):
        s, e = lines[i]
        if "|" not in text[s:e]:
            i += 1
            continue
        bare = text[s:e].strip() == "|"
        if bare:
            # a run of bar lines, each within a few lines of the last
            bars = [i]
            j = i + 1
            while j < len(lines) and j - bars[-1] <= 4:
                if text[lines[j][0] : lines[j][1]].strip() == "|":
                    bars.append(j)
                j += 1
            if len(bars) < 4:
                i = bars[-1] + 1
                continue
            first = max(0, bars[0] - 1)
            last = min(len(lines) - 1, bars[-1] + 1)
            cells: list[Cell] = []
            # a cell before the first bar and after the last only where there is a line for it
            # (a text may start or end on a bar)
            edges = [
                *([first - 1] if first < bars[0] else []),
                *bars,
                *([last + 1] if last > bars[-1] else []),
            ]
            for a, b in pairwise(edges):
                if b - a <= 1:  # two bars in a row: an empty cell
                    cells.append(Cell(lines[b][0], lines[b][0], ""))
                    continue
                cells.append(_strip(text, lines[a + 1][0], lines[b - 1][1]))
            yield lines[first][0], lines[last][1], cells, "pipe-lines"
            i = last + 1
            continue
        # inline rows: consecutive lines holding a bar and some text
        j = i
        cells = []
        while j < len(lines):
            ls, le = lines[j]
            line = text[ls:le]
            if "|" not in line or line.strip() == "|":
                break
            pos = ls
            pieces = line.split("|")
            for k, piece in enumerate(pieces):
                ps, pe = pos, pos + len(piece)
                pos = pe + 1
                if k == len(pieces) - 1 and not piece.strip():
                    continue
                cells.append(_strip(text, ps, pe))
            j += 1
        if j - i >= 2:
            yield lines[i][0], lines[j - 1][1], cells, "pipe-rows"
        i = max(j, i + 1)


# a line that can be one cell of a table written a cell a line: short, no sentence in it
_CELL_LINE_MAX = 60
_SENTENCE_IN_LINE = regex.compile(r"[.!?:;]\s+\S|[.:;]$|\|")
# a cell that ends like a sentence but is none: a row number "1.", "IV.", a label "Tổng cộng:",
# a row's title over its sub-rows ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng:"), not a
# sentence's lead-in to what follows ("Số hộ cận nghèo của các huyện như sau:")
_CELL_ENDING_IN_A_STOP = regex.compile(
    r"^(?:\d{1,3}|[IVXLC]{1,6})\.$|^\S+(?:\s+\S+){0,2}:$"
    r"|^(?!.*(?i:\b(?:như sau|sau đây|cụ thể|gồm|bao gồm)\b))[^.!?:;|]+:$"
)


def _line_cell_tables(text: str) -> Iterator[tuple[int, int, list[Cell], str]]:
    """(start, end, cells, "line-cells") of each table written a cell a line (an HTML table
    copied as text: `TT`, `Đơn vị`, `Hộ nghèo`, …, `1`, `Thành phố Việt Trì`, `55.518`, …),
    blank lines between cells allowed. A run of short lines is a table only if many of its
    cells are numbers and some are words: a list of links or a byline is not."""
    run: list[Cell] = []

    def table_of(run: list[Cell]) -> tuple[int, int, list[Cell], str] | None:
        # a heading just before the header ("Bảng kết quả rà soát năm 2019") is the table's
        # caption, not a title: the header starts at its row-number column
        index = next((k for k, c in enumerate(run[:12]) if _cue("index_column", c.text)), None)
        if index:
            run = run[index:]
        nums = sum(1 for c in run if _kind(c) == "num")
        words = sum(1 for c in run if _kind(c) == "text")
        if nums >= 8 and words >= 3 and nums >= 0.4 * len(run):
            return run[0].start, run[-1].end, list(run), "line-cells"
        return None

    for s, e in _lines(text, 0, len(text)):
        cell = _strip(text, s, e)
        if not cell.text:
            continue  # blank lines between cells
        if len(cell.text) <= _CELL_LINE_MAX and (
            not _SENTENCE_IN_LINE.search(cell.text) or _CELL_ENDING_IN_A_STOP.match(cell.text)
        ):
            run.append(cell)
            continue
        found = table_of(run)
        if found is not None:
            yield found
        run = []
    found = table_of(run)
    if found is not None:
        yield found


def _level_notes(cells: list[Cell]) -> tuple[list[Cell], dict[int, Cell]]:
    """The cells without the bracketed levels noted after a fall's value ("0,7%", "(còn
    4,33%)", or both in one cell), and each note's number by the start of its value."""
    out: list[Cell] = []
    notes: dict[int, Cell] = {}
    for c in cells:
        m = _LEVEL_NOTE.search(c.text)
        if m is None:
            out.append(c)
            continue
        note = Cell(c.start + m.start("n"), c.start + m.end("n"), m.group("n"))
        head = c.text[: m.start()].rstrip()
        if head and _NUMBER.match(" ".join(head.split())):
            value = Cell(c.start, c.start + len(head), head)
            out.append(value)
            notes[value.start] = note
        elif not head and out and _kind(out[-1]) == "num":
            notes[out[-1].start] = note
        else:
            out.append(c)
    return out, notes


def _table_of_cells(start: int, end: int, cells: list[Cell], shape: str) -> Table | None:
    """Header titles and rows from a stream of cells: a row is [number] label [unit] values;
    a label is a text cell followed by a number; the titles are the text before the first."""
    cells, notes = _level_notes(cells)
    kinds = [_kind(c) for c in cells]
    first_num = next((k for k, kd in enumerate(kinds) if kd == "num"), len(cells))
    # a row-number column ("STT") is titled before the first number
    numbered = any(_cue("index_column", c.text) for c in cells[:first_num])

    def value_after(k: int) -> bool:
        # the next non-empty cell is a number
        for m in range(k + 1, min(len(cells), k + 4)):
            if kinds[m] == "num":
                # "… | Tỷ lệ hộ nghèo (%) | 1 | Mường Tè": under a row-number title, a row
                # number before a label is no value of the title before it (a row has its
                # own number before its label: "2 | Xã B | 98 | Toàn tỉnh" keeps its 98)
                return not (
                    numbered
                    and _index_like(cells[m])
                    and m + 1 < len(cells)
                    and kinds[m + 1] == "text"
                    and (k == 0 or not _index_like(cells[k - 1]))
                )
            if kinds[m] != "empty":
                return False
        return False

    def years_after(k: int) -> bool:
        # "Chỉ tiêu | 2021 | 2022": a header of years, not a row of numbers
        run = []
        for m in range(k + 1, len(cells)):
            if kinds[m] != "num":
                break
            run.append(cells[m].clean)
        found = [int(t) for t in run if t.isdigit() and _YEAR_TOKEN.fullmatch(t)]
        return len(run) >= 2 and len(found) == len(run) and found == sorted(set(found))

    labels = [
        k for k, kd in enumerate(kinds) if kd == "text" and value_after(k) and not years_after(k)
    ]
    runs = [b - a - 1 for a, b in pairwise([*labels, len(cells)])]
    if runs and sorted(runs)[len(runs) // 2] >= 2:
        # the last title before the first row's number ("Số tờ phiếu | 1 | Huyện A") is no row
        skip = 0
        while len(labels) - skip > 1 and runs[skip] <= 1:
            skip += 1
        labels = labels[skip:]
    if not labels:
        return None
    first = labels[0]
    titles_end = first
    unit_title = any(_cue("unit_column", c.text) for c in cells[:first])
    has_unit = False
    if unit_title and first > 0 and kinds[first - 1] == "text":
        # "Số hộ nghèo | hộ | 5.120": the label is the cell before the unit
        labels = [k - 1 for k in labels if k > 0 and kinds[k - 1] == "text"]
        first = labels[0]
        titles_end = first
        has_unit = True
    index_title = any(_cue("index_column", c.text) for c in cells[:first])
    has_index = (
        first > 0
        and _index_like(cells[first - 1])
        and (index_title or cells[first - 1].clean in ("1", "I", "A", "a"))
    )
    if has_index:
        titles_end = first - 1
    titles = [
        c
        for c, kd in zip(cells[:titles_end], kinds[:titles_end], strict=True)
        if kd == "text" or _is_year(c)
    ]
    rows: list[Row] = []
    taken = titles_end  # the cells before are the header's or an earlier row's
    for n, k in enumerate(labels):
        stop = labels[n + 1] if n + 1 < len(labels) else len(cells)
        values_from = k + 2 if has_unit else k + 1
        # the next row's number, unless it is this row's only value and the next row an
        # unnumbered total ("2 | Xã B | 98 | Toàn tỉnh | 218")
        if (
            n + 1 < len(labels)
            and (has_index or numbered)
            and _index_like(cells[stop - 1])
            and stop - 1 > k
            and not (
                stop - 1 == values_from
                and kinds[stop - 1] == "num"
                and _cue("total_row", cells[stop].clean)
            )
        ):
            stop -= 1
        run = cells[values_from:stop]
        values: list[Cell | None] = []
        for c in run:
            kd = _kind(c)
            if kd == "text":
                break  # prose after the last row
            values.append(c if kd == "num" else None)
        index = (
            cells[k - 1]
            if (has_index or numbered) and taken <= k - 1 and _index_like(cells[k - 1])
            else None
        )
        taken = stop
        levels = {i: notes[v.start] for i, v in enumerate(values) if v and v.start in notes}
        rows.append(Row(cells[k], values, index, cells[k + 1] if has_unit else None, levels))
    return Table(start, end, titles, rows, shape)


def _space_tables(text: str) -> Iterator[Table]:
    """Tables whose header is a line of years and whose rows are `label [unit] numbers…`."""
    lines = list(_lines(text, 0, len(text)))
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        years = [m for m in _YEAR_TOKEN.finditer(line)]
        if len(years) < 2 or "|" in line or _SENTENCE_MARK.search(line):
            i += 1
            continue
        values = [int(m.group()) for m in years]
        tail = line[years[-1].end() :].strip()
        if values != sorted(values) or len(set(values)) != len(values) or tail:
            i += 1
            continue
        # the year cells: each year with the words between it and the last ("Sơ bộ - 2022")
        titles: list[Cell] = []
        lead = _strip(text, s, s + years[0].start())
        before = regex.search(r"(?:năm|sơ bộ\s*-?|ước|KH|kế hoạch)\s*$", lead.text, regex.I)
        head_end = lead.start + (before.start() if before else len(lead.text))
        if head_end > s:
            titles.append(_strip(text, s, head_end))
        prev = head_end
        for m in years:
            titles.append(_strip(text, prev, s + m.end()))
            prev = s + m.end()
        has_unit = any(_cue("unit_column", t.text) for t in titles[:1]) or bool(
            titles and regex.search(r"\b(?:ĐV\s*tính|ĐVT|Đơn vị tính)\b", titles[0].text, regex.I)
        )
        rows: list[Row] = []
        gap = 0
        j = i + 1
        while j < len(lines) and gap <= MAX_GAP_LINES:
            row = _space_row(text, *lines[j], has_unit)
            if row is not None and all(
                v is None or (_YEAR_TOKEN.fullmatch(v.text) and int(v.text) in values)
                for v in row.values
            ):
                # "Hộ nghèo 2013" under a header of the years 2013 …: a label naming a year
                # of the header, no count (it neither ends the table)
                j += 1
                continue
            if row is None:
                ls, le = lines[j]
                if _YEAR_TOKEN.search(text[ls:le]) and len(_YEAR_TOKEN.findall(text[ls:le])) >= 2:
                    break  # the next table's header
                if len(text[ls:le].split()) > 12:
                    break  # prose
                gap += 1 if text[ls:le].strip() else 0
            else:
                rows.append(row)
                gap = 0
            j += 1
        if rows:
            end = max((r.values[-1].end for r in rows if r.values and r.values[-1]), default=e)
            yield Table(s, end, titles, rows, "space")
            i = j
        else:
            i += 1


# a table of units whose rows run on in one paragraph (a PDF page turned into text): "Stt
# Huyện/thị xã Tổng số hộ Tổng số hộ nghèo Tỷ lệ hộ nghèo A B 1 2 3 1 TP. Cà Mau 54.674 632
# 1,16 2 Huyện Đầm Dơi 33.247 815 2,45 … Tổng cộng 297.770 14.600 4,90"
_UNIT_LEVEL_WORD = r"(?:TP\.|TX\.|Thành phố|Thị xã|Huyện|Quận|Xã|Phường|Thị trấn)"
_RUN_ON_ROW = regex.compile(
    rf"(?<![\d.,])(?P<index>\d{{1,2}})\s+(?P<label>{_UNIT_LEVEL_WORD}\s+(?-i:\p{{Lu}})[^\d\n|;]{{0,30}}?)"
    r"(?P<values>(?:\s+[\d.,]+%?)+?)"
    rf"(?=\s+\d{{1,2}}\s+{_UNIT_LEVEL_WORD}\s|\s+(?:Tổng cộng|Toàn tỉnh|Toàn huyện|Cộng)\b|\s*$|\s*\n|\s+\()"
)
_RUN_ON_TOTAL = regex.compile(
    r"\s+(?P<label>Tổng cộng|Toàn tỉnh|Toàn huyện|Cộng)(?P<values>(?:\s+[\d.,]+%?)+)"
)
# where one value column's title begins in a header run on in one line
_RUN_ON_TITLE_START = regex.compile(r"(?<!\S)(?=(?:Tổng số|Số|Tỷ lệ|Tỉ lệ|Thu nhập|Dân số)\b)")
_RUN_ON_LABEL_TITLE = regex.compile(
    r"(?:Huyện|Đơn vị|Địa phương|Tên đơn vị|Địa bàn)(?:\s*/\s*(?:thị xã|thành phố|xã|phường))*",
    regex.I,
)
RUN_ON_MIN_ROWS = 3
RUN_ON_HEADER_CHARS = 200


def _cells_of(text: str, start: int, end: int) -> list[Cell]:
    return [
        Cell(start + m.start(), start + m.end(), m.group())
        for m in regex.finditer(r"\S+", text[start:end])
    ]


def _run_on_tables(text: str) -> Iterator[Table]:
    """Rows `N <unit> v1 … vk` one after another in running text, as many values each, under
    a header whose titles begin with their measure's first word ("Tổng số …", "Tỷ lệ …")."""
    rows_found = list(_RUN_ON_ROW.finditer(text))
    i = 0
    while i < len(rows_found):
        run = [rows_found[i]]
        k = len(rows_found[i].group("values").split())
        j = i + 1
        while (
            j < len(rows_found)
            and not text[run[-1].end() : rows_found[j].start()].strip()
            and len(rows_found[j].group("values").split()) == k
        ):
            run.append(rows_found[j])
            j += 1
        i = j
        if len(run) < RUN_ON_MIN_ROWS or k < 2:
            continue
        head_from = max(
            0, run[0].start() - RUN_ON_HEADER_CHARS, text.rfind("\n", 0, run[0].start()) + 1
        )
        head = text[head_from : run[0].start()]
        label_title = None
        for m in _RUN_ON_LABEL_TITLE.finditer(head):
            label_title = m
        if label_title is None:
            continue
        after = head[label_title.end() :]
        # (the columns' numbering under the titles: "A B 1 2 3")
        after = regex.sub(r"(?:\s+(?:[A-Z]|\d{1,2}))+\s*$", "", after)
        starts = [m.start() for m in _RUN_ON_TITLE_START.finditer(after)]
        if len(starts) != k or (starts and after[: starts[0]].strip()):
            continue
        base = head_from + label_title.end()
        titles = [_strip(text, head_from + label_title.start(), base)]
        for a, b in pairwise([*starts, len(after)]):
            titles.append(_strip(text, base + a, base + b))
        rows: list[Row] = []
        for m in run:
            index = Cell(m.start("index"), m.end("index"), m.group("index"))
            label = _strip(text, m.start("label"), m.end("label"))
            values: list[Cell | None] = list(_cells_of(text, m.start("values"), m.end("values")))
            rows.append(Row(label, values, index))
        end = run[-1].end()
        total = _RUN_ON_TOTAL.match(text, end)
        if total is not None and len(total.group("values").split()) == k:
            values = list(_cells_of(text, total.start("values"), total.end("values")))
            rows.append(Row(_strip(text, total.start("label"), total.end("label")), values))
            end = total.end()
        yield Table(head_from + label_title.start(), end, titles, rows, "run-on")


def _space_row(text: str, s: int, e: int, has_unit: bool) -> Row | None:
    """`Tỷ lệ hộ nghèo % 15.40 12.11` → label, unit, values; None for a line of no numbers."""
    tokens = [(m.start() + s, m.end() + s, m.group()) for m in regex.finditer(r"\S+", text[s:e])]
    k = len(tokens)
    while k > 0 and (_NUMBER.match(tokens[k - 1][2]) or _EMPTY.match(tokens[k - 1][2])):
        k -= 1
    if k == 0 or k == len(tokens):
        return None
    label = _strip(text, tokens[0][0], tokens[k - 1][1])
    if len(_LETTERS.findall(label.text)) < 2:
        return None
    unit: Cell | None = None
    if has_unit:
        m = _unit_tail().search(label.text)
        if m and m.start() > 0:
            unit = _strip(text, label.start + m.start(), label.end)
            label = _strip(text, label.start, label.start + m.start())
    values = [Cell(a, b, t) if _NUMBER.match(t) else None for a, b, t in tokens[k:]]
    return Row(label, values, None, unit)


_YEAR_ROW = regex.compile(r"^(?P<lead>\s*)(?P<year>(?:19|20)\d{2})(?P<cells>(?:\s{2,}\S+)+)\s*$")
_FRAGMENT = regex.compile(r"\S+(?: \S+)*")  # words joined by single spaces: one header cell
ALIGNED_MIN_ROWS = 3


def _aligned_tables(text: str) -> Iterator[Table]:
    """A statistics yearbook page turned into text (`2011   8,30   1.597`): a row a year,
    the columns aligned by spaces, their titles written above in pieces over several lines
    (`Tỷ lệ hộ nghèo` / `tiếp cận đa chiều` / `(%)`). A title piece belongs to the value
    column its middle stands nearest to; pieces nearest the year column are the caption's."""
    lines = list(_lines(text, 0, len(text)))
    i = 0
    while i < len(lines):
        run: list[tuple[int, regex.Match[str]]] = []
        j, blank = i, 0
        while j < len(lines):
            s, e = lines[j]
            m = _YEAR_ROW.match(text[s:e])
            if m and all(_NUMBER.match(t) or _EMPTY.match(t) for t in m.group("cells").split()):
                width = len(m.group("cells").split())
                if run and (
                    int(m.group("year")) < int(run[-1][1].group("year"))
                    or width != len(run[-1][1].group("cells").split())
                ):
                    break
                run.append((j, m))
                blank = 0
            elif run and not text[s:e].strip() and blank < MAX_GAP_LINES:
                blank += 1
            else:
                break
            j += 1
        if len(run) < ALIGNED_MIN_ROWS:
            i += 1
            continue
        table = _aligned_table(text, lines, run)
        if table is not None:
            yield table
        i = run[-1][0] + 1


def _aligned_table(
    text: str, lines: list[tuple[int, int]], run: list[tuple[int, regex.Match[str]]]
) -> Table | None:
    """The table of a run of year rows aligned by spaces: each value column's title is the
    pieces of header text above the rows whose middle stands nearest to it."""
    rows: list[Row] = []
    centers: list[list[float]] = []
    for j, m in run:
        s = lines[j][0]
        year = Cell(s + m.start("year"), s + m.end("year"), m.group("year"))
        cells = [
            Cell(t.start(), t.end(), t.group())
            for t in regex.finditer(
                r"\S+", text, pos=s + m.start("cells"), endpos=s + m.end("cells")
            )
        ]
        rows.append(Row(year, [None if _EMPTY.match(c.text) else c for c in cells]))
        centers.append(
            [(m.start("year") + m.end("year")) / 2] + [(c.start + c.end) / 2 - s for c in cells]
        )
    middle = [sum(col) / len(col) for col in zip(*centers, strict=True)]
    pieces: list[list[Cell]] = [[] for _ in middle]
    first = run[0][0]
    blank = 0
    for j in range(first - 1, max(-1, first - 1 - ALIGNED_HEADER_LINES), -1):
        s, e = lines[j]
        line = text[s:e]
        if not line.strip():
            blank += 1
            if blank > MAX_GAP_LINES:
                break
            continue
        blank = 0
        if _YEAR_ROW.match(line) or _SENTENCE_MARK.search(line) or len(line.split()) > 16:
            break  # the rows of a table above, or prose
        for f in _FRAGMENT.finditer(line):
            mid = (f.start() + f.end()) / 2
            k = min(range(len(middle)), key=lambda n: abs(middle[n] - mid))
            pieces[k].insert(0, Cell(s + f.start(), s + f.end(), f.group()))
    titles = [
        Cell(p[0].start, p[-1].end, " ".join(c.text for c in p)) if p else None for p in pieces[1:]
    ]
    return _yearbook_table(titles, rows)


def _yearbook_table(titles: list[Cell | None], rows: list[Row]) -> Table | None:
    """A yearbook table from its value columns' titles and its rows (a year a row), or None
    when a column's title names neither a measure nor an area: a guess would shift every
    column. A column titled by an area alone ("Thành thị") measures what the nearest column
    before it measures (its title is that column's `over`). The table starts at its header,
    so its caption is the text above."""
    columns: list[Column] = []
    measured: Cell | None = None
    for title in titles:
        if title is None:
            return None
        if _measure(title.text).subject is not None:
            measured = title
            columns.append(Column(title))
        elif _cue("area_column", title.clean) and measured is not None:
            columns.append(Column(title, over=measured))
        else:
            return None
    values = [v for r in rows for v in r.values if v is not None]
    if not values:
        return None
    start = min(t.start for t in titles if t is not None)
    table = Table(start, max(v.end for v in values), [rows[0].label, *titles], rows, "aligned")
    table.columns = columns
    return table


# a year's line of a yearbook table copied a cell a line: "2010", "Năm 2010"
_BARE_YEAR = regex.compile(r"^\s*(?:năm\s+)?(?P<year>(?:19|20)\d{2})\s*$", regex.I)
_NOT_ENGLISH = regex.compile(r"[^\x00-\x7f]")  # a Vietnamese title has a letter beyond ASCII
_UNIT_LINE = regex.compile(r"^\s*(?:-\s*)?(?:Đơn vị tính|ĐVT|Unit)\b", regex.I)


def _year_block_tables(text: str) -> Iterator[Table]:
    """The same yearbook table copied a cell a line: a year's line, then its k values' lines,
    year after year (`2010` / `23,92` / `11,11` / `26,08` / `2011` / …), blank lines allowed
    between. Its column titles are the last k Vietnamese lines before the first year (a
    bilingual page repeats each title in English, a line with no letter beyond ASCII; a unit
    line is no title)."""
    lines = [text[s:e] for s, e in _lines(text, 0, len(text))]
    spans = list(_lines(text, 0, len(text)))
    filled = [k for k, line in enumerate(lines) if line.strip()]
    i = 0
    while i < len(filled):
        if not _BARE_YEAR.match(lines[filled[i]]):
            i += 1
            continue
        blocks: list[tuple[int, list[int]]] = []  # (year line, value lines)
        j = i
        while j < len(filled) and _BARE_YEAR.match(lines[filled[j]]):
            k = j + 1
            values = []
            while (
                k < len(filled)
                and filled[k] - filled[k - 1] <= MAX_GAP_LINES + 1
                and not _BARE_YEAR.match(lines[filled[k]])
                and (
                    _NUMBER.match(lines[filled[k]].strip())
                    or _EMPTY.match(lines[filled[k]].strip())
                )
            ):
                values.append(filled[k])
                k += 1
            year = _bare_year(lines[filled[j]])
            if (
                not values
                or len(values) != (len(blocks[0][1]) if blocks else len(values))
                or (blocks and year < _bare_year(lines[blocks[-1][0]]))
            ):
                break
            blocks.append((filled[j], values))
            j = k
        if len(blocks) < ALIGNED_MIN_ROWS:
            i += 1
            continue
        first = blocks[0][0]
        header = [
            _strip(text, *spans[h])
            for h in range(max(0, first - 3 * ALIGNED_HEADER_LINES), first)
            if lines[h].strip()
            and _NOT_ENGLISH.search(lines[h])
            and not _UNIT_LINE.match(lines[h])
            and len(lines[h].split()) <= 12
        ]
        width = len(blocks[0][1])
        rows = [
            Row(
                _strip(text, *spans[y]),
                [
                    None if _EMPTY.match(lines[v].strip()) else _strip(text, *spans[v])
                    for v in values
                ],
            )
            for y, values in blocks
        ]
        table = _yearbook_table(list(header[-width:]), rows) if len(header) >= width else None
        if table is not None:
            yield table
        i = j


def _bare_year(line: str) -> int:
    """The year of a line `_BARE_YEAR` matched."""
    m = _BARE_YEAR.match(line)
    assert m is not None
    return int(m.group("year"))


def _row_year(row: Row) -> int | None:
    """The year a row of an aligned table stands for (its label is the year, "Năm 2010" too)."""
    m = _BARE_YEAR.match(row.label.clean)
    return int(m.group("year")) if m else None


def find_tables(text: str) -> list[Table]:
    """Every table of the text, in order, in any of the shapes."""
    found: list[Table] = []
    for start, end, cells, shape in (*_pipe_tables(text), *_line_cell_tables(text)):
        table = _table_of_cells(start, end, cells, shape)
        if table is not None:
            found.append(table)
    found.extend(_space_tables(text))
    found.extend(
        t
        for t in _run_on_tables(text)
        if not any(t.start < f.end and f.start < t.end for f in found)
    )
    for table in found:
        _read_columns(table)
    yearbook = [*_aligned_tables(text), *_year_block_tables(text)]
    # a yearbook table is read whole; another shape's reading of the same lines is dropped
    found = [t for t in found if not any(t.start < y.end and y.start < t.end for y in yearbook)]
    for table in yearbook:
        table.dot_decimal = _dot_decimal(table)
        found.append(table)
    return sorted(found, key=lambda t: t.start)


def _read_columns(table: Table) -> None:
    """The value columns: the last titles, one a column; titles left over before them are
    merged titles over several columns. The decimal mark: a spreadsheet export writes
    `412204.00`, a Vietnamese table `1.443` and `6,39`."""
    width = Counter(
        len(_trimmed(r.values)) for r in table.rows if any(v is not None for v in r.values)
    ).most_common(1)
    k = width[0][0] if width else 0
    titles = list(table.titles)
    while titles and (_cue("index_column", titles[0].text) or _cue("unit_column", titles[0].text)):
        titles.pop(0)
    years = [t for t in titles if _is_year(t)]
    two_rows: list[Column] | None = None
    if len(years) >= 2:
        # a column a year: a row that stops short leaves the last years blank
        leaves, parents = years, []
    else:
        value_titles = titles[1:]
        if value_titles and max(len(r.values) for r in table.rows) >= len(value_titles):
            k = len(value_titles)  # rows reach every title: a column a title (some empty)
        two_rows = _two_row_header(value_titles, k)
        if two_rows is not None or (table.shape == "line-cells" and len(value_titles) > k):
            # a two-row header read whole; or, a cell a line, more titles than columns and no
            # two-row header that fits: the spans of the merged titles are lost, and a guess
            # would name every column wrong
            leaves, parents = [], []
        else:
            leaves = value_titles[-k:] if k and len(value_titles) >= k else []
            parents = value_titles[: len(value_titles) - len(leaves)] if leaves else []
    columns: list[Column] = list(two_rows or [])
    for leaf in leaves:
        year = _is_year(leaf)
        parent = _parent_of(leaf, parents)
        columns.append(
            Column(leaf, parent, year, target=bool(year and _cue("target_column", leaf.text)))
        )
    table.columns = columns
    table.dot_decimal = _dot_decimal(table)


def _dot_decimal(table: Table) -> bool:
    """Whether the table writes decimals with a point (a spreadsheet's `412204.00`)."""
    numbers = [v.clean for r in table.rows for v in r.values if v is not None]
    return not any("," in n for n in numbers) and any(
        regex.match(r"^\d+\.(?:\d{1,2}|\d{4,})$", n) for n in numbers
    )


def _two_row_header(titles: list[Cell], k: int) -> list[Column] | None:
    """A header of two rows flattened: `Tổng số hộ | Hộ nghèo | Hộ cận nghèo | Số lượng | Tỉ
    lệ | Số lượng | Tỉ lệ` over 5 value columns. The first row holds r titles that span both
    rows and p merged titles, the second the leaves of the merged ones, the same leaves under
    each: p = len(titles) - k, and r is the one that makes the leaves repeat."""
    p = len(titles) - k
    if k < 2 or p < 1:
        return None
    for r in range(0, k):
        n2 = k - r
        if n2 % p or n2 // p < 2:
            continue
        width = n2 // p
        leaves = titles[r + p :]
        groups = [[c.clean.lower() for c in leaves[i : i + width]] for i in range(0, n2, width)]
        if all(g == groups[0] for g in groups):
            columns = [Column(t) for t in titles[:r]]
            for i, over in enumerate(titles[r : r + p]):
                columns += [Column(leaf, over=over) for leaf in leaves[i * width : (i + 1) * width]]
            return columns
    return None


def _trimmed(values: list[Cell | None]) -> list[Cell | None]:
    out = list(values)
    while out and out[-1] is None:
        out.pop()
    return out


_CATEGORY = regex.compile(r"^(?P<cat>(?:cận\s+)?nghèo|thoát\s+nghèo)$", regex.I)


def _parent_of(leaf: Cell, parents: list[Cell]) -> Cell | None:
    """The merged title over a bare leaf ("Nghèo" under "Tổng số hộ nghèo, cận nghèo"):
    the first one that lists the leaf's category. Spans of merged titles are lost in the
    flattening, so a leaf that names its own measure keeps no parent."""
    m = _CATEGORY.match(leaf.clean)
    if m is None:
        return None
    cat = " ".join(m.group("cat").lower().split())
    for p in parents:
        words = p.clean.lower()
        if regex.search(r"(?<!\p{L})" + regex.escape(cat) + r"(?!\p{L})", words) and find_cues(
            words, 0, len(words)
        ):
            return p
    return None


# "1.171": a count written with a thousands dot, even in a table whose rates write "10.51"
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")


def _number(text: str, dot_decimal: bool) -> Decimal | None:
    t = text.strip().rstrip("%").lstrip("+")
    try:
        if dot_decimal:
            return Decimal(t.replace(",", ""))
        if "," in t:
            whole, _, frac = t.rpartition(",")
            return Decimal(whole.replace(".", "") + "." + frac)
        head, *groups = t.split(".")
        if groups and all(len(g) == 3 for g in groups) and 1 <= len(head.lstrip("-")) <= 3:
            return Decimal(t.replace(".", ""))
        return Decimal(t)
    except InvalidOperation:
        return None


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------- naming the cells


@dataclass(frozen=True, slots=True)
class Measure:
    """What a label or title names: the subject cue, a group, and its unit if written."""

    subject: Cue | None
    group: str | None
    unit: tuple[str, Decimal] | None
    blocked: bool
    falls: bool = False  # "Tỷ lệ hộ nghèo giảm (%)": the measure's fall, not its level


def _measure(text: str) -> Measure:
    clean = " ".join(text.split())
    cues = find_cues(clean, 0, len(clean))
    subjects = [c for c in cues if c.kind == "subject"]
    groups = [c for c in cues if c.kind == "group"]
    group = None
    if groups:
        g = groups[-1]
        group = clean[g.start : g.end].lower() if g.rule["group"] == "$match" else g.rule["group"]
    unit = None
    for m in _PARENS.finditer(clean):
        unit = unit_of(m.group(1)) or unit
    if unit is None and regex.search(r"%", clean):
        unit = ("%", Decimal(1))
    subject = subjects[-1] if subjects else None
    if subject is None and _cue("households_column", clean) is not None:
        # "Số hộ" over a commune's villages: all the households of each row's unit
        subject = Cue("tbl-households-column", "subject", 0, len(clean), _HOUSEHOLDS_COLUMN)
    return Measure(
        subject,
        group,
        unit,
        _cue("not_measure", clean) is not None,
        _cue("fall_label", clean) is not None,
    )


@cache
def _village_word() -> regex.Pattern[str]:
    """The level words of a village the recognizer knows (`patterns/levels.jsonl`), opening a
    row label; a word that stays in the village's name ("Plei") is kept."""
    words = sorted(
        (
            p
            for rule in patterns.load("levels")
            if rule["level"] == "village" and not rule.get("in_name")
            for p in rule["phrase"]
        ),
        key=len,
        reverse=True,
    )
    return regex.compile(r"^(?:" + "|".join(map(regex.escape, words)) + r")\.?\s+(?=\S)", regex.I)


_HOUSEHOLDS_COLUMN = {
    "id": "tbl-households-column",
    "kind": "subject",
    "subject": "total_households",
}


def _implied_unit(text: str) -> tuple[str, Decimal] | None:
    cue = _cue("implied_unit", text)
    return (cue.unit, Decimal(1)) if cue and cue.unit else None


def _indicator(subject: Cue, unit: str, falls: bool = False) -> str | None:
    """The indicator a subject read in `unit` states, if a spec has it in that unit; `falls`
    where the label or title says the measure fell."""
    change = falls or subject.rule.get("change") == "decrease"
    name = subject.rule["subject"]
    if unit == "%":
        reads = "fall" if change else ("rate-of-plan" if name == "disbursement" else "level")
        unit = "pp" if change else unit
    elif unit.startswith("VND"):
        reads = "money"
    else:
        reads = "count-fall" if change else "count"
    try:
        indicator = indicator_for(name, reads)
    except KeyError:
        return None
    spec = next(s for s in indicator_specs() if s.indicator == indicator)
    if indicator == indicator_for("income", "money") and unit in ("VND", "VND/person"):
        unit = "VND/person/year"
    return indicator if unit in spec.units else None


# ---------------------------------------------------------------------- the facts


class TableReader:
    """Reads the tables of one document, with the linker's view of it (its main place,
    its usual year), into fact dicts of the linker's shape."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.doc: Document = linker.doc
        self.text = self.doc.text
        self.places = sorted(
            (m for m in self.doc.mentions if m.type == "LOCALITY"), key=lambda m: m.start
        )
        self.times = sorted(
            (m for m in self.doc.mentions if m.type == "TIME"), key=lambda m: m.start
        )
        self.boilerplate = [
            (b.start, b.end) for b in self.doc.blocks if b.is_boilerplate and b.kind != "title"
        ]
        self._boiler_index()

    def facts(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for table in find_tables(self.text):
            if table.columns and not self._in_boilerplate(table):
                out.extend(self._table_facts(table))
        return out

    def _boiler_index(self) -> None:
        """The boilerplate spans sorted by start, with the furthest end reached by any span
        starting at or before each: a table's test is then one bisection."""
        spans = sorted(self.boilerplate)
        self._boiler_starts = [s for s, _ in spans]
        self._boiler_reach = []
        reach = -1
        for _, e in spans:
            reach = max(reach, e)
            self._boiler_reach.append(reach)

    def _in_boilerplate(self, table: Table) -> bool:
        """Whether one boilerplate span holds the whole table."""
        k = bisect.bisect_right(self._boiler_starts, table.start) - 1
        return k >= 0 and self._boiler_reach[k] >= table.end

    # -- the table's surroundings
    def _caption(self, table: Table) -> tuple[int, int]:
        """The few short lines right before the table (its title, its source)."""
        start = table.start
        lines = 0
        pos = table.start
        while pos > 0 and lines < CAPTION_LINES:
            prev = self.text.rfind("\n", 0, pos - 1)
            line = self.text[prev + 1 : pos - 1] if pos > 0 else ""
            if len(line.split()) > CAPTION_MAX_WORDS:
                break
            start = prev + 1
            pos = prev + 1
            lines += 1 if line.strip() else 0
            if prev < 0:
                break
        return start, table.start

    def _mentions(self, ms: list[Mention], start: int, end: int) -> list[Mention]:
        """The mentions of `ms` (sorted by start) inside [start, end): a bisection, so a
        table of a thousand rows stays linear in the document."""
        lo = bisect.bisect_left(ms, start, key=lambda m: m.start)
        hi = bisect.bisect_left(ms, end, key=lambda m: m.start)
        return [m for m in ms[lo:hi] if m.end <= end]

    def _caption_year(self, span: tuple[int, int]) -> int | None:
        years = [
            int(m.attrs["year"])
            for m in self._mentions(self.times, *span)
            if m.attrs.get("year")
            and not m.attrs.get("period")
            and not m.attrs.get("from_published")
            and int(m.attrs["year"]) >= MIN_PROGRAMME_YEAR
        ]
        return years[-1] if years else None

    def _place_in(self, cell: Cell) -> dict[str, Any] | None:
        found = [
            m
            for m in self._mentions(self.places, cell.start, cell.end)
            if m.attrs.get("level") in ("province", "district", "commune")
        ]
        if len(found) == 1:
            return place_of(found[0])
        if found:
            return None  # "Huyện A, huyện B": no one place
        return self._bare_place(cell.clean)

    def _bare_place(self, name: str) -> dict[str, Any] | None:
        """A label that is only a unit's name, without its level word ("Yên Bình")."""
        if len(name) > 40 or not get_gazetteer().is_name(name):
            return None
        context = [p["name"] for p in (self.linker.discourse.main_place,) if p]
        unit = get_gazetteer().resolve(name, context=context)
        if unit is None or unit.level not in ("province", "district", "commune"):
            return None
        place = {"name": unit.name, "level": unit.level, "code": unit.code}
        for key in ("district", "province"):
            if getattr(unit, key):
                place[key] = getattr(unit, key)
        return place

    def _village_of(self, label: Cell) -> dict[str, Any] | None:
        """A row label under a village column: the village it names (not a total row)."""
        name = " ".join(label.text.split())
        if not _LETTERS.search(name) or len(name) > 40 or _cue("total_row", label.clean):
            return None
        # a village is named without its level word ("Tiểu khu 56" is village "56")
        name = _village_word().sub("", name) or name
        return {"name": name, "level": "village"}

    def _whole(self, row_places: list[dict[str, Any]], level: str | None) -> dict[str, Any] | None:
        """The unit a total row stands for: the parent the rows' places share, else the
        document's main place."""
        parents = Counter(
            (p.get("province") if p["level"] == "district" else p.get("district"), p["level"])
            for p in row_places
        )
        main = self.linker.discourse.main_place
        if parents:
            (name, lvl), _ = parents.most_common(1)[0]
            want = "province" if lvl == "district" else "district"
            if name and (level is None or level == want):
                units = get_gazetteer().lookup(name, want, era="pre2025")
                unit = next((u for u in units if not u.former), None)
                place = {"name": name, "level": want}
                if unit is not None:
                    place["code"] = unit.code
                    if want == "district" and unit.province:
                        place["province"] = unit.province
                return place
        if main and (level is None or main.get("level") == level):
            return main
        return None

    def _default_year(self) -> tuple[int | None, str]:
        published = self.doc.meta.published
        if published:
            return int(published[:4]), "published"
        return None, "unfixed"

    # -- the cells
    def _table_facts(self, table: Table) -> list[dict[str, Any]]:
        caption = self._caption(table)
        caption_text = self.text[caption[0] : caption[1]]
        caption_year = self._caption_year(caption)
        caption_measure = _measure(caption_text) if caption_text.strip() else None
        caption_place = next(
            (
                place_of(m)
                for m in reversed(self._mentions(self.places, *caption))
                if m.attrs.get("level") in ("province", "district", "commune")
            ),
            None,
        )
        row_places = [self._place_in(r.label) for r in table.rows]
        if any(_cue("village_column", t.text) for t in table.titles):
            # "Tên bản | Số hộ | Số nhân khẩu" under a commune: each row a village of it
            row_places = [
                p or self._village_of(r.label) for p, r in zip(row_places, table.rows, strict=True)
            ]
        by_place = sum(1 for p in row_places if p) >= 2
        known = [p for p in row_places if p]
        columns = [
            (
                col,
                _measure(f"{col.over.text} {col.title.text}" if col.over else col.title.text)
                if col.title and col.year is None
                else None,
            )
            for col in table.columns
        ]
        out: list[dict[str, Any]] = []
        section_group: str | None = None
        for row, place in zip(table.rows, row_places, strict=True):
            label = _measure(row.label.text)
            total = _cue("total_row", row.label.clean)
            if by_place and place is None and total is None:
                # a section ("I | Khu vực thành thị") narrows the rows under it to a group
                section_group = label.group if label.subject is None else None
                if section_group is None or label.subject is not None:
                    continue
                place = self._whole(known, None)
            elif total is not None:
                place = (
                    self._whole(known, total.level)
                    if by_place
                    else (self._whole([], total.level) or caption_place)
                )
                section_group = None
            elif not by_place:
                place = caption_place or self.linker.discourse.main_place
            row_unit = unit_of(row.unit.text) if row.unit else None
            if row.unit and row_unit is None and row.unit.clean != "%":
                continue  # a unit the specs have no indicator in
            for col_no, (col, title) in enumerate(columns):
                if col_no >= len(row.values) or row.values[col_no] is None:
                    continue
                cell = row.values[col_no]
                assert cell is not None
                fact = self._cell_fact(
                    table,
                    row,
                    cell,
                    col,
                    title,
                    label,
                    row_unit,
                    place,
                    by_place,
                    caption_year,
                    caption_measure,
                    section_group,
                )
                if fact is not None:
                    out.append(fact)
                note = row.levels.get(col_no)
                if (
                    fact is not None
                    and note is not None
                    and label.falls
                    and label.subject is not None
                    and not label.subject.rule.get("change")
                ):
                    # "Tỷ lệ hộ nghèo giảm (%) | 0,7% (còn 4,33%)": the rate the fall leaves
                    level = self._cell_fact(
                        table,
                        row,
                        note,
                        col,
                        None,
                        dataclasses.replace(label, falls=False),
                        None,
                        place,
                        by_place,
                        caption_year,
                        caption_measure,
                        section_group,
                    )
                    if level is not None:
                        out.append(level)
        return out

    def _standard_of(self, table: Table, row: Row, evidence: str, year: int | None) -> str | None:
        """The poverty standard of a cell; a yearbook's second row of one year (`2015` under
        each standard) is measured by the next standard."""
        named = poverty_standard(evidence + " " + self.text[table.start : table.start + 200], year)
        repeated = table.shape == "aligned" and any(
            r.label.clean == row.label.clean
            for r in table.rows[: next(k for k, r in enumerate(table.rows) if r is row)]
        )
        return next_standard(named) if repeated and named else named

    def _cell_fact(
        self,
        table: Table,
        row: Row,
        cell: Cell,
        col: Column,
        title: Measure | None,
        label: Measure,
        row_unit: tuple[str, Decimal] | None,
        place: dict[str, Any] | None,
        by_place: bool,
        caption_year: int | None,
        caption_measure: Measure | None,
        section_group: str | None,
    ) -> dict[str, Any] | None:
        if place is None:
            # numbers of no known unit (a portal that names its province only in its host):
            # nothing a reader could check them against; left to the day the place is known
            return None
        if col.parent is not None and title is not None and col.title is not None:
            # "Nghèo" under "Tổng số hộ nghèo, cận nghèo": the parent's noun, the leaf's category
            cat = col.title.clean.lower()
            noun = "tỷ lệ hộ" if regex.search(r"t[ỷỉ] lệ", col.parent.clean, regex.I) else "hộ"
            title = _measure(f"{noun} {cat}")
            parent_unit = _measure(col.parent.text).unit or _implied_unit(col.parent.text)
            title = Measure(title.subject, title.group, parent_unit or title.unit, title.blocked)
        # what the cell measures: the row's label names it, or the column's title
        named = [m for m in (label if not by_place else None, title) if m and m.subject]
        if label.blocked or (title is not None and title.blocked):
            return None
        if (
            not named
            and caption_measure is not None
            and caption_measure.subject
            and (by_place and col.year is not None)
        ):
            named = [caption_measure]  # "Tỷ lệ hộ nghèo các huyện (%)" over years × places
        area = (
            _cue("area_column", col.title.clean)
            if table.shape == "aligned" and col.title is not None and col.over is not None
            else None
        )
        if not named:
            return None
        subjects = {
            (m.subject.rule["subject"], m.subject.rule.get("change")) for m in named if m.subject
        }
        if len(subjects) != 1:
            return None  # row and column name different measures
        measure = named[0]
        assert measure.subject is not None
        unit = row_unit or next((m.unit for m in named if m.unit), None)
        if unit is None and title is not None and title.unit is not None:
            unit = title.unit
        if unit is None:
            words = " ".join(
                t
                for t in (
                    row.label.text if not by_place else "",
                    col.over.text if col.over and col.year is None else "",
                    col.title.text if col.title and col.year is None else "",
                )
                if t
            )
            unit = _implied_unit(words)
        if unit is None:
            return None
        indicator = _indicator(measure.subject, unit[0], any(m.falls for m in named))
        if indicator is None:
            return None
        counted = unit[0] in ("households", "persons", "houses")
        # a count's "1.171" is a thousand and more even where the table's rates write
        # "10.51" with a decimal point
        thousands = counted and _THOUSANDS.fullmatch(cell.clean) is not None
        value = _number(cell.text, table.dot_decimal and not thousands)
        if value is None:
            return None
        if counted and value != value.to_integral_value():
            return None  # a count with a fraction is a misplaced rate
        value *= unit[1]
        year = col.year or (_row_year(row) if table.shape == "aligned" else None) or caption_year
        basis = "text"
        if year is None:
            year, basis = self._default_year()
        out_unit = unit[0]
        if indicator == indicator_for("poor", "fall"):
            out_unit = "pp"
        if indicator == indicator_for("income", "money") and out_unit in ("VND", "VND/person"):
            # an income is a person's; "một tháng" in its label or title makes it a month's
            words = " ".join(
                m
                for m in (
                    row.label.text,
                    col.over.text if col.over else "",
                    col.title.text if col.title else "",
                )
                if m
            )
            monthly = regex.search(r"(?<!\p{L})(?:một |mỗi |/)\s*tháng(?!\p{L})", words, regex.I)
            out_unit = "VND/person/" + ("month" if monthly else "year")
        start = (row.index or row.label).start if row.index and row.index.text else row.label.start
        evidence = self.text[start : cell.end]
        published = self.doc.meta.published
        future = year is not None and published is not None and year > int(published[:4])
        group = (
            section_group
            or label.group
            or (title.group if title else None)
            or (col.title.clean.lower() if area is not None and col.title is not None else None)
        )
        fact: dict[str, Any] = {
            "indicator": indicator,
            "locality": place,
            "value": _as_number(value),
            "unit": out_unit,
            "approx": None,
            "year": year,
            "period": None,
            "change": None,
            "evidence": {"start": start, "end": cell.end, "text": evidence},
            "figure": {"start": cell.start, "end": cell.end, "text": cell.text},
            "method": f"{METHOD}+{measure.subject.id}",
            "confidence": 0.8 if basis == "text" else 0.6,
            "status": "target" if col.target or future else "actual",
            "standard": self._standard_of(table, row, evidence, year)
            if indicator in STANDARD_INDICATORS
            else None,
        }
        if group:
            fact["group"] = group
        if basis == "unfixed" and self.linker.reference_year is not None:
            fact["year_guess"] = self.linker.reference_year
            fact["year_basis"] = "most-named-year"
        fact["_basis"] = (basis, "sentence", "body")  # a cell has its place (None: no fact)
        return fact


def table_facts(linker: Linker) -> list[dict[str, Any]]:
    """The facts of the document's tables that the sentence linker did not state: a cell
    it already read (the same figure) is left to it."""
    taken = {f["figure"]["start"] for f in linker.facts if f.get("figure")}
    return [f for f in TableReader(linker).facts() if f["figure"]["start"] not in taken]
