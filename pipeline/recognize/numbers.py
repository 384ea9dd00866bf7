"""Figures in Vietnamese text: QUANTITY and PERCENT mentions, as pure functions of the text.

Vietnamese news writes `1.417,3` for 1417.3 (a dot groups thousands, a comma marks decimals),
puts scale words between number and unit (`24,1 triệu đồng`), and mixes figures with things
that are not figures: years (`năm 2023`), dates (`31/3/2023`), document numbers
(`239/KH-UBND`), ordinals in names (`Phường 1`), phone numbers and clock times.

Everything is read with one regex scan per sentence. The regex is built once per process from
the rule data in `patterns/` (units, scales, qualifiers), so a new unit or qualifier is a data
edit plus a test, not a code change. Small per-match checks (what word stands before the
number, is a unit after it) decide what the match is; they never loop over the rules.
"""

from __future__ import annotations

import itertools
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import regex
from vnfacts.doc import Mention
from vnfacts.patterns import load

Number = int | float

METHOD = "numbers/v1"

# The largest magnitude a figure may have: beyond it a value is no float (JSON would get
# `Infinity`, and every later `float(value)` would fail); no report states such a figure.
MAX_MAGNITUDE = Decimal(sys.float_info.max)

# Years read as years, not counts, when a 4-digit plain number stands alone.
MIN_YEAR = 1900
MAX_YEAR = 2100

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_SWAP_A = regex.compile(f"([oOuU])([{_TONES}])([aAeEyY])")
_TONE_SWAP_B = regex.compile(f"([oOuU])([aAeEyY])([{_TONES}])")
_WS = regex.compile(r"\s+")


# --------------------------------------------------------------------------- text helpers


def fold(s: str) -> str:
    """Lookup key of a surface form: case, spacing and Unicode form folded."""
    return unicodedata.normalize("NFC", _WS.sub(" ", s.strip()).casefold())


def _variants(form: str) -> set[str]:
    """A form as written in NFC and NFD, with old (hoà) and new (hòa) tone placement.

    News sites use both placements and some serve decomposed text; offsets must stay those
    of the input, so the text is never normalized: the patterns take every spelling instead.
    """
    nfd = unicodedata.normalize("NFD", form)
    mark_on_second = _TONE_SWAP_A.sub(r"\1\3\2", nfd)  # hòa -> hoà
    mark_on_first = _TONE_SWAP_B.sub(r"\1\3\2", nfd)  # hoà -> hòa
    out: set[str] = set()
    for v in (nfd, mark_on_second, mark_on_first):
        out.add(unicodedata.normalize("NFC", v))
        out.add(v)
    return out


def _keys(forms: Any) -> list[str]:
    return sorted({fold(v) for form in forms for v in _variants(form)})


# --------------------------------------------------------------------------- numbers


def _to_decimal(s: str) -> Decimal | None:
    """Exact value of a number written the Vietnamese way (or unambiguously the English way)."""
    s = s.strip()
    if not s or not s[0].isdigit() or not s[-1].isdigit():
        return None
    if any(c not in "0123456789.," for c in s):
        return None
    dots, commas = s.count("."), s.count(",")
    try:
        if commas == 0:
            if dots == 0:
                return Decimal(s)
            head, *groups = s.split(".")
            if 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups) and head != "0":
                return Decimal(s.replace(".", ""))  # 33.486, 1.000.000: thousands
            if dots == 1:
                return Decimal(s)  # 10.98: an English decimal point
            return None
        if commas == 1 and (dots == 0 or s.rfind(",") > s.rfind(".")):
            whole, frac = s.split(",")
            if "." in whole:
                head, *groups = whole.split(".")
                if not (1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)):
                    return None
            return Decimal(whole.replace(".", "") + "." + frac)  # 1.417,3 / 14,78 / 0,5
        # English grouping: 1,234,567 or 1,234.5
        if dots > 1:
            return None
        whole, _, frac = s.partition(".")
        head, *groups = whole.split(",")
        if 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups):
            return Decimal(whole.replace(",", "") + ("." + frac if frac else ""))
        return None
    except InvalidOperation:
        return None


# units that count whole things: a household, a person, a house is never a fraction
WHOLE_UNITS = frozenset({"households", "persons", "houses"})
PEOPLE_OR_HOUSEHOLDS = frozenset({"households", "persons"})
# a verb of work done or planned right before "1/3 …": one of three, no third
_DONE_OF_PLANNED_BEFORE = regex.compile(
    r"\b(?:hoàn thành|bàn giao|khởi công|xây(?: mới| dựng)?|sửa chữa|đạt|được giao|giao"
    r"|kế hoạch|thực hiện|hỗ trợ|trao|tặng)\b[^.;,\d]{0,20}$",
    regex.I,
)
# the `per` of "5 ngôi nhà/địa phương" (patterns/units.jsonl): a figure each listed unit gets
EACH_LOCALITY = "locality"
_ENGLISH_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+")


def _whole_count(written: str | None, value: Decimal) -> Decimal:
    """A count written `1,250` is 1250, not one and a quarter; other values as read."""
    if written is not None and _ENGLISH_THOUSANDS.fullmatch(written.strip()):
        return Decimal(written.replace(",", ""))
    return value


def _as_number(d: Decimal) -> Number:
    """An int when the value is whole (counts, money in VND), else a float."""
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def parse_vn_number(s: str) -> Number | None:
    """`1.417,3` → 1417.3, `33.486` → 33486, `02` → 2, `14,78` → 14.78; None if not a number.

    A dot followed by groups of exactly three digits separates thousands; a comma is the
    decimal mark (in Vietnamese text `1,5` is one and a half). A lone dot followed by other
    than three digits (`10.98`) and `1,234,567` are read the English way, the only reading
    they have. The result is an int unless a decimal part is written.
    """
    d = _to_decimal(s)
    if d is None:
        return None
    if "," not in s and ("." not in s or d == d.to_integral_value()):
        return int(d)
    if s.count(",") >= 2:  # English thousands only
        return _as_number(d)
    return float(d)


# --------------------------------------------------------------------------- rule data


@dataclass(frozen=True, slots=True)
class _Unit:
    id: str
    unit: str
    factor: Decimal
    guard: Any  # compiled regex of the words after which the form is another word, or None
    skip_after: Any  # compiled regex: a time expression follows ("3 tháng đầu năm"), or None
    case_sensitive: frozenset[str]  # exact spellings, when the rule is case-sensitive


@dataclass(frozen=True, slots=True)
class _Scale:
    id: str
    factor: Decimal
    bare_unit: str | None
    per_unit: str | None


@dataclass(frozen=True, slots=True)
class _Cue:
    id: str
    reason: str
    max_value: int | None
    years_only: bool
    unless_unit: bool


@dataclass(frozen=True)
class _Rules:
    master: Any
    unit_ahead: Any
    cue_before: Any
    units: dict[str, _Unit]
    per: dict[str, str]
    per_phrases: dict[str, str]
    scales: dict[str, _Scale]
    words: dict[str, tuple[str, int]]
    approx: dict[str, tuple[str, str]]
    after_approx: dict[str, tuple[str, str]]
    cues: dict[str, _Cue]
    percent: dict[str, bool]  # folded percent form -> is it "percentage points"
    other_currency: Any  # a currency's name after a scale word: no bare đồng ("30 tỷ yên")


NUM = (
    r"(?:\d{1,3}(?:\.\d{3})++(?:,\d++)?"
    r"|\d{1,3}(?:,\d{3}){2,}+(?:\.\d++)?"
    r"|\d++(?:[.,]\d++)?)(?![.,]?\d)"
)
# a range of rates written from its high end has ends this close ("0,9 - 0,8%")
DESCENDING_RANGE_MAX_RATIO = Decimal("1.25")
# "66/63 nhà": a count done may pass its plan, up to this many times the plan
OVERSHOOT_OF_A_PLAN = Decimal("1.5")
_RESPECTIVELY_BEFORE = regex.compile(r"lần lượt", regex.I)
# A number starts a token: not inside a word, a number, a date or a code (COVID-19, G20);
# or glued to a word that only ever stands before a figure, as a page's markup joins them
# ("hơn<b>120</b> tỷ" → "hơn120 tỷ", "tỷ lệ hộ nghèo1,56%")
GLUED_BEFORE = r"hơn|trên|gần|khoảng|còn|là|đạt|giảm|tăng|chiếm|nghèo"
LB_NUM = (
    rf"(?:(?<![\w.,:]|\d/|\p{{L}}[-‐])"
    # (glued, only a figure with its unit: no clock "là09:30", phone "là0912…" or footnote)
    rf"|(?<=(?<!\w)(?:{GLUED_BEFORE}))(?=[\d.,]+\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|hộ|người|"
    rf"khẩu|căn|nhà|đồng)(?!\w))"
    # (a label's colon with no space after it, "- Xã Bản Hon:112 hộ nghèo": a figure with its unit)
    rf"|(?<=\p{{L}}:)(?=[\d.,]+\s*(?:%|tỷ|tỉ|triệu|nghìn|ngàn|hộ|người|khẩu|căn|nhà|đồng)(?!\w)))"
)
PERCENT_FORMS = {"điểm phần trăm": True, "điểm %": True, "phần trăm": False, "%": False}
SKIP = (
    # clock times: 09:14, 09:25:27 AM, 18h30, 18h
    r"(?<![\w.,:/])\d{1,2}:\d{2}(?::\d{2})?(?!\d)(?:\s*(?-i:AM|PM|SA|CH)(?!\w))?"
    r"|(?<![\w.,:/])\d{1,2}h(?:\d{2})?(?!\w)"
    # phone numbers: 0912 345 678, 024.3822.1234, +84 912345678
    r"|(?<![\w.,/:])(?:\+84[\s.]?|0)\d{2,3}(?:[\s.]?\d){7,8}(?!\d)"
    # full dates: 31/3/2023, 23.08.2019, 31-3-23; ISO dates
    r"|(?<![\w.,/:])\d{1,2}(?P<ds>[/.-])\d{1,2}(?P=ds)(?:\d{4}|\d{2})(?![\w/]|[.,]\d)"
    r"|(?<![\w.,/:])\d{4}-\d{2}-\d{2}(?!\w)"
)


def spellings(forms: Any) -> list[str]:
    """Every spelling of the forms, for a named list (`\\L<name>`) of the regex package.

    Named lists are matched as a set (longest item first), far faster than an alternation of
    hundreds of literals; spaces inside a form must then be single spaces.
    """
    out: set[str] = set()
    for form in forms:
        out |= _variants(" ".join(form.split()))
    return sorted(out)


def _guard(words: Any, as_written: bool = False, but_not: Any = None) -> Any:
    """Words right after a figure; `as_written`: on its line and in their case as written (a
    currency's "yên" is no "Yên Minh", nor a place on the next line); `but_not`: longer words
    they begin that do not count ("hộ sinh" is a midwife, "hộ sinh sống" households)."""
    if not words:
        return None
    if as_written:
        return regex.compile(r"[ \t]+\L<w>(?!\w)", w=spellings(words))
    if but_not:
        return regex.compile(
            r"\s+(?!\L<ok>(?!\w))\L<w>(?!\w)",
            regex.IGNORECASE,
            w=spellings(words),
            ok=spellings(but_not),
        )
    return regex.compile(r"\s+\L<w>(?!\w)", regex.IGNORECASE, w=spellings(words))


@cache
def _rules() -> _Rules:
    """Builds the one regex and the lookup tables from patterns/ (once per process)."""
    units: dict[str, _Unit] = {}
    per: dict[str, str] = {}
    per_phrases: dict[str, str] = {}
    unit_forms: list[str] = []
    per_forms: list[str] = []
    phrase_forms: list[str] = []
    for row in load("units"):
        forms = row["forms"]
        if row.get("per"):
            for k in _keys(forms):
                per.setdefault(k, row["per"])
            per_forms.extend(forms)
            for k in _keys(row.get("per_phrases", [])):
                per_phrases[k] = row["per"]
            phrase_forms.extend(row.get("per_phrases", []))
        if row.get("per_only"):
            continue
        skip = row.get("skip_if_followed_by_re")
        rule = _Unit(
            id=row["id"],
            unit=row["unit"],
            factor=Decimal(str(row.get("factor", "1"))),
            guard=_guard(
                row.get("unless_followed_by"), but_not=row.get("unless_followed_by_except")
            ),
            skip_after=regex.compile(skip, regex.IGNORECASE) if skip else None,
            case_sensitive=frozenset(spellings(forms))
            if row.get("case_sensitive")
            else frozenset(),
        )
        for k in _keys(forms):
            units.setdefault(k, rule)
        unit_forms.extend(forms)

    scales: dict[str, _Scale] = {}
    words: dict[str, tuple[str, int]] = {}
    scale_forms: list[str] = []
    inner_scale_forms: list[str] = []
    start_forms: list[str] = []  # words that start a number anywhere ("ba", "mười")
    free_forms: list[str] = []  # words that go on a number anywhere ("mươi", "lăm")
    bound: list[tuple[bool, list[str], list[str], list[str]]] = []  # only_before words
    other_currencies: list[str] = []
    not_a_scale_before: list[str] = []  # "3 tỷ lệ": the first syllable of a word, no scale
    for row in load("scales"):
        if row["kind"] == "other_currency":
            other_currencies.extend(row["forms"])
        elif row["kind"] == "scale":
            srule = _Scale(
                row["id"], Decimal(str(row["factor"])), row.get("bare_unit"), row.get("per_unit")
            )
            for k in _keys(row["forms"]):
                scales[k] = srule
            scale_forms.extend(row["forms"])
            not_a_scale_before.extend(row.get("unless_followed_by") or ())
            if srule.factor >= 1000:
                inner_scale_forms.extend(f for f in row["forms"] if " " not in f)
        elif row["kind"] == "word":
            role = row["role"]
            for k in _keys(row["forms"]):
                words[k] = (role, int(row["value"]))
            starts = role in ("digit", "ten")
            if row.get("only_before"):
                bound.append((starts, row["forms"], row["only_before"], row.get("also_after", [])))
            else:
                free_forms.extend(row["forms"])
                if starts:
                    start_forms.extend(row["forms"])

    approx: dict[str, tuple[str, str]] = {}
    after_approx: dict[str, tuple[str, str]] = {}
    cues: dict[str, _Cue] = {}
    q_forms: list[str] = []
    qa_forms: list[str] = []
    cue_forms: list[str] = []
    range_words: dict[str, list[str]] = {"range_from": [], "range_to": []}
    for row in load("qualifiers"):
        if row["kind"] in range_words:
            range_words[row["kind"]].extend(row["forms"])
        elif row["kind"] == "approx":
            for k in _keys(row.get("forms", [])):
                approx[k] = (row["approx"], row["id"])
            for k in _keys(row.get("after_forms", [])):
                after_approx[k] = (row["approx"], row["id"])
            q_forms.extend(row.get("forms", []))
            qa_forms.extend(row.get("after_forms", []))
        elif row["kind"] == "not_after":
            cue = _Cue(
                row["id"],
                row["reason"],
                row.get("max_value"),
                bool(row.get("years_only")),
                bool(row.get("unless_unit")),
            )
            for k in _keys(row["forms"]):
                cues.setdefault(k, cue)
            cue_forms.extend(row["forms"])

    lists = {
        "units": spellings([*unit_forms, *PERCENT_FORMS]),
        "scales": spellings(scale_forms),
        "scalenot": spellings(not_a_scale_before or ["\u0000"]),
        "per": spellings(per_forms),
        "perph": spellings(phrase_forms),
        "q": spellings(q_forms),
        "qa": spellings(qa_forms),
        "nwgate": spellings(start_forms + [f for b in bound if b[0] for f in b[1]]),
        "nwstart": spellings(start_forms),
        "nwfree": spellings(free_forms),
        "nwscale": spellings(inner_scale_forms),
        "from": spellings(range_words["range_from"]),
        "to": spellings(range_words["range_to"]),
    }
    unit = r"(?:\L<units>(?:(?<=%)|(?!\w)))"
    quoted_houses = (
        r"(?<!\b(?:tiêu chí|chỉ tiêu|chương trình|dự án|tiểu dự án|nội dung|giải|danh hiệu|mục)"
        r"\s+(?:số\s+)?[\d.]+\s*)[“\"‘«]\s*(?=(?:căn\s+|ngôi\s+)?nhà\b)"
    )
    scale = r"\L<scales>(?!\w)" + (r"(?!\s+\L<scalenot>(?!\w))" if not_a_scale_before else "")
    # A number in words: a starting word, then number words, each scale word inside it
    # followed by another number word ("hai mươi mốt nghìn không trăm mười một"). A word
    # with `only_before` ("năm", "không") counts only right before one of those words (or
    # right after one of its `also_after`): "năm nghìn hộ" is 5000, "hai mươi năm" 20 years.
    bound_start: list[str] = []
    bound_go_on: list[str] = []
    for i, (starts, forms, before_forms, after_forms) in enumerate(bound):
        lists[f"nwb{i}"] = spellings(forms)
        lists[f"nwb{i}n"] = spellings(before_forms)
        alt = rf"\L<nwb{i}>(?=\s+\L<nwb{i}n>(?!\w))"
        if starts:
            bound_start.append(alt)
        bound_go_on.append(alt)
        if after_forms:
            lists[f"nwb{i}a"] = spellings(after_forms)
            bound_go_on.append(rf"(?<=(?<!\w)\L<nwb{i}a>\s+)\L<nwb{i}>")
    go_on = "|".join([r"\L<nwfree>", *bound_go_on])
    nw = (
        "(?:" + "|".join([r"\L<nwstart>", *bound_start]) + r")(?!\w)"
        rf"(?:\s+(?:{go_on}|\L<nwscale>(?=\s+(?:{go_on})(?!\w)))(?!\w))*"
    )
    per_src = (
        r"(?:(?:\s*/\s*(?:\L<per>|\p{L}[\p{L}\d]*)(?!\w)){1,2}"
        r"|\s+\L<perph>(?!\w))"
    )
    rng = (
        r"(?:(?P<sep>\s*[-–—]\s*|\s+\L<to>\s+)"
        + LB_NUM
        + f"(?P<n2>{NUM})"
        + f"(?:\\s*(?P<s2>{scale}))?"
        + f"(?(u1)\\s*(?P=u1)|(?:\\s*(?P<u2>{unit}))?)"
        + f"(?P<per2>{per_src})?)"
    )
    # The figure starts at its number; the qualifier and "từ" before it are read by a
    # lookbehind, so that the scan stops only at digits and number words (fast).
    frm = r"(?P<frm>\L<from>)"
    before = rf"(?<=(?<!\w)(?P<q>\L<q>)\s+(?:{frm}\s+)?|(?<!\w){frm}\s+|)"
    fig = (
        before
        + f"(?:{LB_NUM}(?P<n1>{NUM})|(?<!\\w)(?P<nw>{nw}))"
        # "/28.667 hộ", "/1.167 tỷ đồng": a whole written with its thousands separators
        # ("30,2/45,3 tỷ đồng": a whole with its decimals, before a scale word)
        + r"(?:/(?:(?P<den>\d{1,3}(?:\.\d{3})++(?![.,]?\d)|\d++,\d++(?=\s*(?:tỷ|tỉ|triệu)\b)|\d++)"
        + r"(?:/(?P<y3>\d++))?(?![.,]?\d)|(?P<doc>\s*\p{L})))?"
        + f"(?:\\s*(?P<s1>{scale}))?"
        # (houses whose kind is quoted: 'bàn giao 5 “Nhà tình nghĩa”'; not a numbered criterion,
        # programme or title: 'tiêu chí số 9 “Nhà ở dân cư”')
        + f"(?:\\s*(?:{quoted_houses})?(?P<u1>{unit}))?"
        + f"(?P<per1>{per_src})?"
        + f"{rng}?"
        + r"(?:\s+(?P<qa>\L<qa>)(?!\w))?"
        + r"(?:(?<=%)|(?!\w))"
    )
    # Stop only at a digit or a number word: most of the time goes into finding where to stop.
    gate = r"(?:(?=[\d+])|\b(?=\L<nwgate>(?!\w)))"
    master = regex.compile(f"{gate}(?:(?P<skip>{SKIP})|(?P<fig>{fig}))", regex.IGNORECASE, **lists)
    unit_ahead = regex.compile(
        rf"\s*(?:{scale}\s*)?{unit}|\s+số(?!\w)",
        regex.IGNORECASE,
        ignore_unused=True,
        **lists,
    )
    cue_before = regex.compile(
        r"(?<!\w)(?P<cue>\L<cues>)[\s(]+$",
        regex.IGNORECASE | regex.REVERSE,
        cues=spellings(cue_forms),
    )
    percent = {fold(v): pts for f, pts in PERCENT_FORMS.items() for v in _variants(f)}
    return _Rules(
        master=master,
        unit_ahead=unit_ahead,
        cue_before=cue_before,
        units=units,
        per=per,
        per_phrases=per_phrases,
        scales=scales,
        words=words,
        approx=approx,
        after_approx=after_approx,
        cues=cues,
        percent=percent,
        other_currency=_guard(other_currencies, as_written=True),
    )


# --------------------------------------------------------------------------- helpers shared
# with the time recognizer, which must agree with this module on what a figure is.


def unit_follows(text: str, pos: int, endpos: int | None = None) -> bool:
    """True if a unit, a percent sign or a scale word (or `số`) follows `pos`: `11/11 xã`."""
    endpos = len(text) if endpos is None else endpos
    return _rules().unit_ahead.match(text, pos, endpos) is not None


def cue_before(text: str, lo: int, pos: int) -> tuple[str, str] | None:
    """(reason, rule id) of a word right before `pos` that makes a number no figure, or None.

    Looks back at most 40 characters and not before `lo` (the sentence start).
    """
    cue = _cue_rule(text, lo, pos, _rules())
    return (cue.reason, cue.id) if cue else None


def words_value(s: str) -> Number | None:
    """Value of a number written in words (`sáu` → 6, `hai trăm` → 200), or None."""
    d = _parse_words(s, _rules())
    return None if d is None else _as_number(d)


def word_spellings() -> list[str]:
    """Every spelling of every number word, for a named list in another recognizer."""
    return spellings(f for row in load("scales") if row["kind"] == "word" for f in row["forms"])


def _parse_words(s: str, R: _Rules) -> Decimal | None:
    """Value of a number in words; None if the words make no number.

    `hai mươi mốt nghìn không trăm mười một` → 21011, `một trăm linh năm` → 105, `năm nghìn`
    → 5000, `trăm` → 100, as Duckling's Vietnamese corpus reads them. A digit that ends the
    number right after `trăm` or a scale names the next place down, as Vietnamese says it:
    `một trăm tư` → 140, `hai nghìn ba` → 2300 (105 is `một trăm linh năm`). This is grammar
    only: where a word may stand in running text ("năm" is also "year") is the finder's
    business (`only_before` in patterns/scales.jsonl).
    """
    words = s.split()
    total = Decimal(0)  # whole scale groups read so far (21000 in "hai mươi mốt nghìn …")
    group = Decimal(0)  # the part below the last scale word
    last: int | None = None  # the last digit, still open to "mươi" or "trăm"
    place = Decimal(0)  # the multiplier just read ("trăm", a scale), for "một trăm tư"
    prev = ""
    for i, w in enumerate(words):
        k = fold(w)
        if k not in R.words:
            scale = R.scales.get(k)
            if scale is None or prev == "filler":
                return None
            f = scale.factor
            if prev == "scale":
                total *= f  # "nghìn tỷ"
            else:
                seg = group if prev else Decimal(1)  # "nghìn" alone is a thousand
                total = (total + seg) * f if 0 < total < f else total + seg * f
            group, last, place, prev = Decimal(0), None, f, "scale"
            continue
        role, val = R.words[k]
        if role in ("digit", "digit_cont"):
            if prev in ("digit", "digit_cont"):
                return None  # "hai ba": two digits in a row is no number
            ends_after_place = prev in ("hundred", "scale") and i == len(words) - 1
            group += val * place / 10 if ends_after_place else val
            last = val
        elif role == "ten":
            if prev in ("digit", "digit_cont", "ten", "tens") or group % 100:
                return None
            group += 10
            last = None
        elif role == "tens":
            if last is None or prev not in ("digit", "digit_cont") or (group - last) % 100:
                return None  # "mươi" multiplies a digit that has no tens before it
            group += last * 9
            last = None
        elif role == "hundred":
            if last is None and prev:
                return None
            if last is not None and group != last:
                return None  # hundreds come first in a group: not "hai mươi ba trăm"
            group = Decimal(100 if last is None else last * 100)
            last, place = None, Decimal(100)
        elif role == "filler" and prev not in ("hundred", "scale"):
            return None  # "linh" stands for missing tens: "một trăm linh năm"
        prev = role
    if not words or prev == "filler":
        return None
    return total + group


def _unit_name(base: str | None, per_text: str | None, R: _Rules) -> tuple[str | None, list[str]]:
    """`VND` + `/người/năm` → (`VND/person/year`, [person, year])."""
    pers: list[str] = []
    if per_text:
        stripped = per_text.strip()
        if stripped.startswith("/"):
            for part in stripped.split("/"):
                if part.strip():
                    k = fold(part)
                    pers.append(R.per.get(k, k))
        else:
            pers.append(R.per_phrases.get(fold(stripped), fold(stripped)))
    if base is None:
        return None, pers
    return "/".join([base, *pers]), pers


def _money_scale(scale_word: str | None, R: _Rules) -> bool:
    """A scale word that alone makes a figure money ("tỷ": `bare_unit` VND in scales.jsonl)."""
    return bool(scale_word) and R.scales[fold(scale_word)].bare_unit == "VND"


def _is_year_token(tok: str | None, max_year: int) -> bool:
    return bool(tok) and len(tok) == 4 and tok.isdigit() and MIN_YEAR <= int(tok) <= max_year


_PAREN_BEFORE = regex.compile(r"\(\s*$")


def is_fraction(a: Decimal | int, b: Decimal | int) -> bool:
    """`1/2`, `2/3`, `3/4` read as a part of a whole when nothing marks them as a date."""
    return 0 < a < b <= 4


_DATE_REASONS = frozenset({"day", "month", "year", "quarter", "document", "time_of_day"})
_FRACTION_OF = regex.compile(r"\s+số(?!\w)", regex.IGNORECASE)
_DOC_AFTER = regex.compile(r"\s*/\s*\p{L}|-\p{Lu}{2,}")


def _shorter_unit(text: str, utext: str, ustart: int, hi: int, R: _Rules) -> str | None:
    """The longest of a unit's leading words that is a unit of another rule, where the whole
    is refused by what follows it ("hộ dân" before "tộc" leaves "hộ"; "căn nhà" before "máy"
    leaves nothing: "căn" is the same rule's, and "15 căn nhà máy" counts no houses)."""
    whole = R.units.get(fold(utext))
    for n in range(len(utext.split()) - 1, 0, -1):
        leading = regex.match(r"\S+(?:\s+\S+){" + str(n - 1) + "}", utext)
        prefix = leading.group() if leading else ""
        rule = R.units.get(fold(prefix))
        if (
            rule is not None
            and (whole is None or rule.id != whole.id)
            and _unit_ok(text, prefix, ustart + len(prefix), hi, R)
        ):
            return prefix
    return None


def _unit_ok(text: str, utext: str, uend: int, hi: int, R: _Rules) -> bool:
    """Is the word after the number really this unit ("5 đồng" yes, "5 đồng chí" no)?"""
    k = fold(utext)
    if k in R.percent:
        return True
    rule = R.units.get(k)
    if rule is None:
        return False
    if rule.case_sensitive and utext not in rule.case_sensitive:
        return False
    return not (rule.guard is not None and rule.guard.match(text, uend, hi))


def _shared_magnitude(n1: str | None, v1: Decimal, n2: str, v2: Decimal) -> Decimal:
    """`100-300.000 đồng` is 100.000 to 300.000: the low end shares the high end's zeros."""
    if n1 is None or not n1.isdigit() or v1 >= 1000:
        return v1
    k = 0
    tail = n2
    while tail.endswith(".000"):
        tail = tail[:-4]
        k += 1
    while k and v1 * 1000**k > v2:
        k -= 1
    return v1 * 1000**k


def _figure(
    text: str, m: Any, lo: int, hi: int, max_year: int, R: _Rules
) -> tuple[Mention | None, int]:
    """Reads one regex match: a mention or None, and where the scan goes on."""

    def g(name: str) -> Any:
        # a lookbehind may read before the sentence start: such a qualifier is not ours
        value = m.group(name)
        return value if value is None or m.start(name) >= lo else None

    end = resume = m.end()
    n1, nw, den = g("n1"), g("nw"), g("den")
    num = "n1" if n1 is not None else "nw"
    num_start = m.start(num)
    s1, u1, per1, qa = g("s1"), g("u1"), g("per1"), g("qa")
    n2, s2, u2, per2 = g("n2"), g("s2"), g("u2"), g("per2")
    if u1 and not _unit_ok(text, u1, m.end("u1"), hi, R):
        shorter = _shorter_unit(text, u1, m.start("u1"), hi, R)
        if shorter:
            # "2.363 hộ dân tộc thiểu số": the unit is "hộ", not "hộ dân"
            end = resume = m.start("u1") + len(shorter)
            u1, per1, qa, n2, s2, u2, per2 = shorter, None, None, None, None, None, None
        else:
            # "5 đồng chí": the figure ends before the word that looked like a unit
            end = m.end("s1") if s1 else m.end("den") if den is not None else m.end(num)
            resume = m.start("u1")
            u1 = per1 = qa = n2 = s2 = per2 = None
    elif u2 and not _unit_ok(text, u2, m.end("u2"), hi, R):
        end = m.end("s2") if s2 else m.end("n2")
        resume = m.start("u2")
        u2 = per2 = qa = None
    unit_text = u1 or u2
    has_unit = bool(unit_text)
    if g("doc") is not None or _DOC_AFTER.match(text, end, hi):
        return None, resume  # 239/KH-UBND, 07/2021/NĐ-CP

    if nw is not None:
        # a scale word after the words belongs to the number, not a multiplier of it:
        # "mười bốn triệu tám trăm nghìn" is 14 800 000, not 14 000 800 x 1000
        v1 = _parse_words(f"{nw} {s1}" if s1 else nw, R)
        if v1 is None or not has_unit:
            return None, resume  # number words count only with a unit: "hai trăm hộ"
    else:
        v1 = _to_decimal(n1)
        if v1 is None:
            return None, resume

    # What stands before the number: "năm 2023", "Nghị định 07", "Phường 1", "ngày 16/11".
    cue = _cue_rule(text, lo, num_start, R)
    after_years = m.start("n2") if n2 is not None and not _is_year_token(n2, max_year) else resume
    ratio: list[Number] | None = None
    if den is not None:
        if g("y3") is not None:
            return None, resume  # 31/3/2023
        a, b = v1, _to_decimal(den) or Decimal(den.replace(".", ""))
        if cue is not None and cue.reason in _DATE_REASONS:
            return None, resume  # ngày 16/11
        if _is_year_token(den, max_year) and 1 <= a <= 12 and not has_unit:
            return None, resume  # 6/2024: a month
        date_like = a == a.to_integral_value() and 1 <= a <= 31 and 1 <= b <= 12
        fraction = (
            has_unit
            or _FRACTION_OF.match(text, end, hi) is not None
            or (is_fraction(a, b) and cue is None and not _PAREN_BEFORE.search(text, lo, num_start))
        )
        if date_like and not fraction:
            return None, resume  # 16/11, 26/4: a date; 11/11 xã, 2/3 số hộ, mất 1/3: a ratio
        if b == 0 or (a > b and not (has_unit and a <= OVERSHOOT_OF_A_PLAN * b)):
            return None, resume  # ("Nghi Xuân (66/63 nhà)": done beyond a plan, with a unit)
        if a == 1 and "," in den:
            return None, resume  # ("tỷ lệ vốn đối ứng là 1/2,5": a proportion, no amount)
        ratio = [_as_number(a), _as_number(b)]
    elif cue is not None and not (has_unit and fold(unit_text) in R.percent):
        # (a percentage is never a year, a date or a number in a name: "mỗi năm 2,5%")
        if cue.years_only:
            if _is_year_token(n1, max_year):
                return None, after_years  # đến 2025
        elif cue.max_value is not None:
            if v1 <= cue.max_value:
                return None, resume  # tháng 6, ngày 23
        elif not (cue.unless_unit and (has_unit or _money_scale(s1, R))):
            # ("cấp 5,2 tỷ": a grade's word before an amount in billions is a verb, "grants")
            return None, after_years if cue.reason == "year" else resume  # năm 2023, Phường 1
    if ratio is None and _is_year_token(n1, max_year) and not (has_unit or s1):
        return None, after_years  # a bare year: 2021, 2021-2025

    # Scale and unit: "24,1 triệu đồng/người/năm" -> 24100000 VND/person/year.
    scale1 = R.scales[fold(s1)] if s1 else None
    scale2 = R.scales[fold(s2)] if s2 else scale1
    scale1 = scale1 or scale2
    per_text = per2 or per1
    is_pct = has_unit and fold(unit_text) in R.percent
    rule_id: str | None = None
    factor = Decimal(1)
    base: str | None = None
    if has_unit and not is_pct:
        urule = R.units[fold(unit_text)]
        if urule.skip_after is not None and urule.skip_after.match(text, end, hi):
            return None, resume  # "3 tháng đầu năm": a time, read by the time recognizer
        base, factor, rule_id = urule.unit, urule.factor, urule.id
    elif not has_unit and scale1 is not None:
        if R.other_currency is not None and R.other_currency.match(text, end, hi):
            return None, resume  # "30 tỷ kronor", "2 tỷ yên": money, but not in đồng
        base = scale1.per_unit if per_text else scale1.bare_unit
    if not has_unit and scale1 is None:
        per_text = None
    unit, pers = _unit_name(base, per_text, R)
    each = pers == [EACH_LOCALITY]
    if each:
        unit, pers = base, []  # "5 ngôi nhà/địa phương": houses, as many for each unit

    mult1 = scale1.factor if scale1 and not (nw and s1) else Decimal(1)
    mult2 = scale2.factor if scale2 else Decimal(1)
    v2 = _to_decimal(n2) if n2 is not None else None
    if unit in WHOLE_UNITS and scale1 is None:
        # "1,250 hộ": a count has no fraction, so a comma before three digits groups
        # thousands the English way (a page set in English style, a table copied from one)
        v1 = _whole_count(n1, v1)
        v2 = _whole_count(n2, v2) if n2 is not None and v2 is not None else v2
    if n2 is not None:
        if v2 is None:
            return None, resume
        v1 = _shared_magnitude(n1, v1, n2, v2)
        if (
            is_pct
            and v2 * mult2 < v1 * mult1 <= v2 * mult2 * DESCENDING_RANGE_MAX_RATIO
            and not _RESPECTIVELY_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            # "dự kiến là 0,9 - 0,8%", "còn từ 1,93% - 1,83%": a range written from its high
            # end (its value the low end, as for any range); far apart ("giảm từ 12,5% -
            # 4,3%") or after "lần lượt" it is two figures, no range
            v1, v2, mult1, mult2 = v2, v1, mult2, mult1
        if v2 * mult2 <= v1 * mult1:
            return None, resume  # 3-0 (a score), 8-2 (a date): no range
    low = v1 * mult1 * factor
    approx = approx_id = None
    if g("q") is not None:
        approx, approx_id = R.approx.get(fold(g("q")), (None, None))
    if qa is not None and approx is None:
        approx, approx_id = R.after_approx.get(fold(qa), (None, None))

    if (
        ratio is not None
        and unit in PEOPLE_OR_HOUSEHOLDS
        and is_fraction(ratio[0], ratio[1])
        and (ratio[0] == 1 or approx is not None)
        and not _DONE_OF_PLANNED_BEFORE.search(text, max(lo, num_start - 50), num_start)
    ):
        # "khoảng 1/3 hộ tái nghèo": a third of them, no count of households ("đã hoàn thành
        # 1/3 nhà", "hỗ trợ 1/2 hộ": one done of those planned)
        return None, resume

    values = (v1, v2) if is_pct else (low, v2 * mult2 * factor if v2 is not None else None)
    if any(v is not None and not abs(v) <= MAX_MAGNITUDE for v in values):
        return None, resume  # 400 digits: not a figure (its value would be infinite)

    if g("q") is not None:
        start = m.start("q")
    elif g("frm") is not None and v2 is not None:
        start = m.start("frm")
    else:
        start = num_start

    if is_pct:
        attrs: dict[str, Any] = {
            "value": _as_number(v1),
            "per_year": pers == ["year"],
            "approx": approx,
            "range": [_as_number(v1), _as_number(v2)] if v2 is not None else None,
        }
        if pers and pers != ["year"]:
            attrs["per"] = "/".join(pers)
        if R.percent[fold(unit_text)]:
            attrs["points"] = True
        mtype, parts = "PERCENT", ["percent", approx_id]
    else:
        high = v2 * mult2 * factor if v2 is not None else None
        attrs = {
            "value": _as_number(low),
            "unit": unit,
            "approx": approx,
            "range": [_as_number(low), _as_number(high)] if high is not None else None,
        }
        if ratio is not None:
            attrs["ratio"] = ratio
        if each:
            attrs["each"] = EACH_LOCALITY
        if s1 or s2:
            attrs["scale_word"] = fold(s2 or s1)
        mtype, parts = "QUANTITY", [rule_id, scale1.id if scale1 else None, approx_id]
    method = ":".join([METHOD, *(p for p in parts if p)])
    return Mention(mtype, start, end, text[start:end], attrs, method), resume


def _cue_rule(text: str, lo: int, pos: int, R: _Rules) -> _Cue | None:
    m = R.cue_before.search(text, max(lo, pos - 40), pos)
    return R.cues.get(fold(m.group("cue"))) if m else None


def find_figures(
    text: str, start: int = 0, end: int | None = None, published_year: int | None = None
) -> list[Mention]:
    """QUANTITY and PERCENT mentions in `text[start:end]` (a sentence), with absolute offsets.

    `published_year` bounds which bare 4-digit numbers are years (up to 30 years after
    publication); without it every 1900..2100 is.
    """
    end = len(text) if end is None else end
    R = _rules()
    max_year = min(MAX_YEAR, published_year + 30) if published_year else MAX_YEAR
    out: list[Mention] = []
    pos = start
    while pos < end:
        m = R.master.search(text, pos, end)
        if m is None:
            break
        if m.group("skip") is not None:
            pos = m.end()
            continue
        mention, resume = _figure(text, m, start, end, max_year, R)
        if mention is not None:
            out.append(mention)
        pos = max(resume, m.start() + 1)
    return _start_of_a_change_in_percent(text, _join_adjacent(text, out))


# "giảm từ 30,5 xuống còn 26,2%", "(từ 27,81 đầu năm 2016 xuống còn 11,8%)": the value a
# change starts from, written without its sign, is in the percent of the value it goes to
_FROM_BEFORE_A_BARE_START = regex.compile(r"\btừ\s+(?:mức\s+)?$", regex.I)
_TO_AFTER_A_BARE_START = regex.compile(
    r"(?:\s*\(?\s*(?:vào\s+)?(?:(?:đầu|cuối|hết)\s+)?(?:năm\s*)?(?:(?:19|20)\d{2}|nay)?\s*\)?)?"
    r"\s*(?:xuống|còn|lên|đến|tới)\b(?:\s+(?:còn|mức))*\s*",
    regex.I,
)


def _start_of_a_change_in_percent(text: str, figures: list[Mention]) -> list[Mention]:
    out = list(figures)
    for k, (fig, to) in enumerate(itertools.pairwise(figures)):
        if (
            fig.type == "QUANTITY"
            and fig.attrs.get("unit") is None
            and not fig.attrs.get("range")
            and to.type == "PERCENT"
            and isinstance(fig.attrs.get("value"), int | float)
            and 0 < fig.attrs["value"] <= 100
            and _FROM_BEFORE_A_BARE_START.search(text, max(0, fig.start - 12), fig.start)
            and _TO_AFTER_A_BARE_START.fullmatch(text, fig.end, to.start)
        ):
            attrs = {"value": fig.attrs["value"], "per_year": False, "approx": None, "range": None}
            out[k] = Mention("PERCENT", fig.start, fig.end, fig.text, attrs, "numbers/v1:percent")
    return out


_MONEY_STEPS = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}


def _plain_pair(prev: Mention, fig: Mention) -> bool:
    """Two figures with numeric values and no range each: candidates to be one figure."""
    return (
        not prev.attrs.get("range")
        and not fig.attrs.get("range")
        and isinstance(prev.attrs.get("value"), int | float)
        and isinstance(fig.attrs.get("value"), int | float)
    )


def _thousands_of_billions(text: str, prev: Mention, fig: Mention) -> dict[str, Any] | None:
    """ "7 nghìn 570 tỷ …": thousands written before billions are thousands of them."""
    if not (
        fig.type == prev.type == "QUANTITY"
        and regex.fullmatch(r"[ \t]+", text[prev.end : fig.start])
        and prev.attrs.get("unit") is None
        and fig.attrs.get("unit") == "VND"
        and str(prev.attrs.get("scale_word")) in ("nghìn", "ngàn")
        and str(fig.attrs.get("scale_word")) in ("tỷ", "tỉ")
        and fig.attrs["value"] < 10**12
    ):
        return None
    attrs = dict(prev.attrs)
    attrs["value"] = prev.attrs["value"] * 10**9 + fig.attrs["value"]
    attrs["unit"] = "VND"
    attrs["scale_word"] = fig.attrs["scale_word"]  # a smaller scale may follow
    return attrs


def _scale_then_smaller(text: str, prev: Mention, fig: Mention) -> dict[str, Any] | None:
    """ "21 tỷ 300 triệu đồng": a larger scale with no unit of its own followed at once by
    a smaller one in đồng is one amount (21,3 tỷ)."""
    step = _MONEY_STEPS.get(str(prev.attrs.get("scale_word")), 0)
    if not (
        fig.type == prev.type == "QUANTITY"
        and not text[prev.end : fig.start].strip()
        and prev.attrs.get("unit") in (None, "VND")
        and fig.attrs.get("unit") == "VND"
        and step > _MONEY_STEPS.get(str(fig.attrs.get("scale_word")), 0) > 0
        and fig.attrs["value"] < step
    ):
        return None
    attrs = dict(prev.attrs)
    attrs["value"] = prev.attrs["value"] + fig.attrs["value"]
    attrs["unit"] = "VND"
    return attrs


def _split_decimal(text: str, prev: Mention, fig: Mention) -> dict[str, Any] | None:
    """ "chiếm 14, 52%": a percentage typed with a space after its decimal comma is one
    figure (14,52 %), not a bare 14 and a 52 % (and no rate over 100)."""
    if not (
        fig.type == "PERCENT"
        and prev.type == "QUANTITY"
        and prev.attrs.get("unit") is None
        and isinstance(prev.attrs["value"], int)
        and 0 <= prev.attrs["value"] < 100
        and text[prev.end : fig.start] == ", "
        and isinstance(fig.attrs["value"], int)
        and (frac := regex.match(r"(?:\D*?)(\d{1,2})\s*%", fig.text))
    ):
        return None
    attrs = dict(fig.attrs)
    attrs["value"] = float(f"{prev.attrs['value']}.{frac.group(1)}")
    attrs["approx"] = prev.attrs.get("approx") or fig.attrs.get("approx")
    return attrs


# each takes (text, the figure before, the figure) and gives the joined figure's attrs or None
_PAIR_RULES = (_thousands_of_billions, _scale_then_smaller, _split_decimal)


def _join_adjacent(text: str, figures: list[Mention]) -> list[Mention]:
    """One figure written as two: a pair the `_PAIR_RULES` join becomes one mention (of the
    second one's type), which may join the next figure again ("7 nghìn | 570 tỷ | 186 triệu
    đồng")."""
    out: list[Mention] = []
    for fig in figures:
        prev = out[-1] if out else None
        if prev is not None and _plain_pair(prev, fig):
            for rule in _PAIR_RULES:
                attrs = rule(text, prev, fig)
                if attrs is not None:
                    method = prev.method if fig.type == "QUANTITY" else fig.method
                    out[-1] = Mention(
                        fig.type, prev.start, fig.end, text[prev.start : fig.end], attrs, method
                    )
                    break
            else:
                out.append(fig)
            continue
        out.append(fig)
    return out
