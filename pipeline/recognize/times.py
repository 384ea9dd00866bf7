"""Time expressions in Vietnamese text: TIME mentions, as pure functions of the text.

A figure holds for a time: `đến hết năm 2023`, `giai đoạn 2021 - 2025`, `3 tháng đầu năm
2024`, `quý I/2024`, `ngày 31/3/2023`. Reports also write times relative to the day they were
written (`hiện nay`, `năm nay`, `6 tháng đầu năm`), which resolve against the article's
publication date. The phrases live in `patterns/times.jsonl`; the recognizer is one regex scan
per sentence, and agrees with the figure recognizer (numbers.py) on what is a date and what
a ratio (`16/11` is a date, `11/11 xã` is not).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import regex
from vnfacts.doc import Mention
from vnfacts.patterns import PatternError, load
from vnfacts.recognize.numbers import (
    cue_before,
    fold,
    is_fraction,
    spellings,
    unit_follows,
    word_spellings,
    words_value,
)

METHOD = "times/v1"

YEAR = r"(?:19\d\d|20\d\d)(?!\d|[.,]\d)"  # from 1900, as numbers.MIN_YEAR
LB_NUM = r"(?<![\w.,/:]|\p{L}[-‐])"
ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
# Days after publication past which a day/month without a year is read as last year's.
FUTURE_DAYS = 62
# the day or month a span to now starts from, before its year: "ngày 10/11/", "tháng 3/",
# "tháng 3 năm ", "ngày 10 tháng 11 năm "
_DAY_OR_MONTH_OF_A_START = (
    r"(?:(?<![\w.,/:])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*"
    r"|tháng\s+\d{1,2}\s*[/-]\s*"
    r"|(?:(?<![\w.,/:])\d{1,2}\s+)?tháng\s+\d{1,2}\s*,?\s+năm\s+)"
)
# "(từ) đầu năm 2020 đến nay": a span that began with the year it runs in
_START_OF_THE_YEAR_BEFORE = regex.compile(r"\bđầu\s+$", regex.I)


def _year_suffix(p: str) -> str:
    """After a phrase ending in "năm": a year (`2022`) or a year word (`nay`, `ngoái`)."""
    return rf"(?:\s+(?P<{p}y>{YEAR})|\s+(?P<{p}r>\L<year_ref>)(?!\w))"


# The scan stops only at digits and these words; what stands before them ("giai đoạn",
# "cuối", "ngày", "3 tháng") is read by lookbehinds. Stopping at every common word that may
# start a time ("đến", "từ", "hết") made the scan several times slower.
ANCHORS = ("năm", "tháng", "quý", "hiện", "nay")


def _split_at_anchor(form: str) -> tuple[str, str]:
    """`tính đến thời điểm hiện tại` → (`tính đến thời điểm`, `hiện tại`)."""
    words = form.split()
    for i, w in enumerate(words):
        if w.casefold() in ANCHORS:
            return " ".join(words[:i]), " ".join(words[i:])
    raise PatternError(f"times: {form!r} has none of the words {ANCHORS}")


@cache
def _rules() -> tuple[Any, Any, Any, dict[str, dict[str, Any]]]:
    """The one regex; look-back regexes for counted years and for day words; a table from
    each folded phrase to its rule. Built once per process."""
    by_kind: dict[str, list[str]] = {}
    table: dict[str, dict[str, Any]] = {}
    for row in load("times"):
        forms = row["forms"]
        kind = row["kind"]
        if kind == "months_span":
            kind = "fmreq" if row.get("requires_year") else "fmopt"
        elif kind == "day_cue":
            kind = "dcin" if row.get("in_span") else "dcout"
        by_kind.setdefault(kind, []).extend(forms)
        for v in spellings(forms):
            table.setdefault(f"{kind}:{fold(v)}", row)
    lists = {k: spellings(v) for k, v in by_kind.items()}
    lists["nw"] = word_spellings()
    lists["anchor"] = spellings(ANCHORS)
    ye_pre, now_pre, now_rest = set(), set(), set()
    for form in by_kind.get("year_edge", []):
        pre, rest = _split_at_anchor(form)
        if fold(rest) != "năm" or not pre:
            raise PatternError(f"times: year_edge {form!r} must be '<words> năm'")
        ye_pre.add(pre)
    for form in by_kind.get("now", []):
        pre, rest = _split_at_anchor(form)
        now_rest.add(rest)
        if pre:
            now_pre.add(pre)
    for form in by_kind.get("fmopt", []) + by_kind.get("fmreq", []):
        if fold(form.split()[0]) != "tháng":
            raise PatternError(f"times: months_span {form!r} must start with 'tháng'")
    now_not = [w for row in load("times") if row["kind"] == "now" for w in row.get("not_after", [])]
    lists.update(
        ye_pre=spellings(ye_pre),
        now_pre=spellings(now_pre),
        now=spellings(now_rest),
        now_not=spellings(now_not),
    )

    frm = r"(?:từ|kể\s+từ)"
    pre_period = (
        r"(?<=(?:(?<!\w)(?P<pcue>\L<period_cue>)(?:\s+(?-i:[IVX]+))?\s+)?"
        rf"(?:(?<!\w)(?P<pfrom>{frm})\s+)?)"
    )
    alts = [
        # giai đoạn 2021 - 2025, từ năm 2021 đến 2023, năm 2021-2022
        # ("giai đoạn 2021-25": the end year's last two digits, joined by a bare dash)
        rf"(?P<period>{pre_period}(?:năm\s+)?{LB_NUM}(?P<py1>{YEAR})"
        rf"(?:(?:\s*[-–—]\s*|\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?)(?P<py2>{YEAR})"
        r"|[-–—](?P<py2s>\d\d)(?![\w%/\-–—]|[.,]\d)))",
        # từ năm 2021 đến nay; from a day or a month: từ ngày 10/11/2024 đến nay, từ tháng
        # 3/2024 đến nay, từ tháng 3 năm 2024 đến nay
        rf"(?P<since>(?:(?<=(?<!\w)(?P<sfrom>{frm})\s+ngày\s+)|{pre_period})"
        rf"(?:{_DAY_OR_MONTH_OF_A_START}|(?:năm\s+)?{LB_NUM})(?P<sy>{YEAR})"
        r"\s+(?P<snow>\L<to_now>)(?!\w))",
        # 3 tháng đầu năm 2024, sáu tháng đầu năm, 9 tháng năm 2024
        r"(?P<fm>(?<=(?:(?<![\w.,/:])(?P<fmn>\d{1,2})|(?<!\w)(?P<fmn>\L<nw>(?:\s+\L<nw>)?))\s+)"
        rf"(?:(?P<fmf>\L<fmopt>)(?!\w){_year_suffix('fm')}?"
        rf"|(?P<fmq>\L<fmreq>)\s+(?P<fmy>{YEAR})))",
        # quý I/2024, quý 2 năm 2023, quý IV năm nay
        rf"(?P<quarter>\L<quarter_cue>\s+(?P<qn>(?-i:IV|I{{1,3}})|[1-4])(?!\w)"
        rf"(?:\s*[/-]\s*(?P<qy>{YEAR})|\s+năm\s+(?P<qy>{YEAR})"
        r"|\s+năm\s+(?P<qr>\L<year_ref>)(?!\w))?)",
        # ngày 23 tháng 08 năm 2019
        r"(?P<wdate>(?<=(?<!\w)(?P<wdc>\L<dcin>)\s+)(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?!\d)"
        rf"(?:\s*,?\s*năm\s+(?P<wy>{YEAR}))?)",
        # ngày 31/3/2023, 16/11, 23.08.2019
        rf"(?P<date>(?<=(?<!\w)(?P<dc>\L<dcin>)\s+|){LB_NUM}(?P<d>\d{{1,2}})(?P<dsep>[/.-])"
        r"(?P<m>\d{1,2})(?:(?P=dsep)(?P<dy>\d{4}|\d{2}))?(?![\w/]|[.,]?\d))",
        # 6/2024
        rf"(?P<monyear>{LB_NUM}(?P<m2>\d{{1,2}})/(?P<m2y>{YEAR})(?![\w/]))",
        # cuối tháng 6 năm 2024, tháng 6/2024, tháng 12-2016, cuối tháng ba
        r"(?P<month>(?<=(?<!\w)(?P<medge>\L<month_edge>)\s+|)tháng\s+"
        r"(?P<mm>\d{1,2}(?!\d|[.,]\d)|(?!năm\b)\L<nw>(?:\s+(?!năm\b)\L<nw>)?(?!\w))"
        rf"(?:\s*[/-]\s*(?P<my>{YEAR})|\s*,?\s+năm\s+(?P<my>{YEAR})"
        r"|\s+năm\s+(?P<mr>\L<year_ref>)(?!\w))?(?!/))",
        # cuối năm 2022, đến hết năm 2023, đầu năm nay, cuối năm
        rf"(?P<yedge>(?<=(?<!\w)(?P<ye>\L<ye_pre>)\s+)năm(?!\w){_year_suffix('ye')}?)",
        # hiện nay, tính đến thời điểm hiện tại, đến nay
        r"(?P<nowm>(?<=(?<!\w)(?P<nowpre>\L<now_pre>)\s+|)(?<!(?<!\w)\L<now_not>\s+)"
        r"(?P<now>\L<now>)(?!\w))",
        # năm nay, năm ngoái
        r"(?P<yrel>năm\s+(?P<yref>\L<year_ref>)(?!\w))",
        # năm 2023, 2023
        rf"(?P<year>(?:(?P<yn>năm)\s+)?{LB_NUM}(?P<y>{YEAR})(?!\s*/\s*\p{{L}}))",
    ]
    gate = r"(?:(?=\d)|\b(?=\L<anchor>(?!\w)))"
    master = regex.compile(
        gate + "(?:" + "|".join(alts) + ")", regex.IGNORECASE, ignore_unused=True, **lists
    )
    counted = regex.compile(
        r"(?<!\w)(?:\d[\d.,]*|\L<count_word>|\L<nw>)\s+$",
        regex.IGNORECASE | regex.REVERSE,
        count_word=lists.get("count_word", []),
        nw=lists["nw"],
    )
    day_cue = regex.compile(
        r"(?:(?<!\w)(?:\L<dcout>|\L<dcin>)\s*|\(\s*)$",
        regex.IGNORECASE | regex.REVERSE,
        dcout=lists.get("dcout", []),
        dcin=lists.get("dcin", []),
    )
    return master, counted, day_cue, table


# Groups that a lookbehind fills before the anchor: the mention starts at the first one.
PREFIX_GROUPS = {
    "period": ("pcue", "pfrom"),
    "since": ("pcue", "pfrom", "sfrom"),
    "fm": ("fmn",),
    "wdate": ("wdc",),
    "date": ("dc",),
    "month": ("medge",),
    "yedge": ("ye",),
    "nowm": ("nowpre",),
}


def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _rule(table: dict[str, dict[str, Any]], kind: str, text: str | None) -> dict[str, Any]:
    return table.get(f"{kind}:{fold(text or '')}", {})


def _resolve(attrs: dict[str, Any], pub: date | None, offset: int = 0) -> None:
    """Sets `year` from the publication date, when the text does not write it."""
    if pub is not None:
        attrs["year"] = pub.year + offset
        attrs["from_published"] = True


def _now_rule(table: Any, pre: str | None, rest: str) -> dict[str, Any]:
    """The rule of `tính đến thời điểm hiện tại`, else of `hiện tại` alone."""
    return (_rule(table, "now", f"{pre} {rest}") if pre else {}) or _rule(table, "now", rest)


def _year_ref(word: str, table: Any, pub: date | None) -> tuple[dict[str, Any], str]:
    """`năm nay`, `năm ngoái`: a year named by its distance from publication."""
    rule = _rule(table, "year_ref", word)
    attrs: dict[str, Any] = {"relative": rule.get("relative")}
    _resolve(attrs, pub, rule.get("offset", 0))
    return attrs, rule.get("id", "year-ref")


def _yearish(y: str | None, r: str | None, table: Any, attrs: dict[str, Any], pub: Any) -> None:
    """A year written (`2022`) or named (`nay`, `ngoái`) after "năm"; else the published one."""
    if y:
        attrs["year"] = int(y)
    else:
        _resolve(attrs, pub, _rule(table, "year_ref", r).get("offset", 0) if r else 0)


def _no_date_context(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """A bare number that is a figure or part of a name, not a time (`11/11 xã`, `số 12`)."""
    if unit_follows(text, end, hi):
        return True
    cue = cue_before(text, lo, start)
    return cue is not None and cue[0] in ("document", "ordinal")


# before "ngày": a count of days or "every" ("trong hai ngày 11-12", "mỗi ngày 2-3 hộ")
_DAYS_COUNTED_BEFORE = regex.compile(
    r"(?:\d+|hai|ba|bốn|năm|vài|các|những|mỗi|hằng|hàng)\s+$", regex.IGNORECASE
)
# after "ngày D-M": a month or a feast the days belong to, or a count ("ngày 1-2 tháng 3",
# "từ ngày 1-10 hằng tháng", "mồng 3-4 Tết")
_DAYS_OF_AFTER = regex.compile(
    r"\s*(?:tháng|hằng tháng|hàng tháng|tết|âm lịch|/|hộ|người|lần)\b", regex.IGNORECASE
)


def _a_dash_date(text: str, m: Any, lo: int, hi: int) -> bool:
    """ "tính đến ngày 24-1": a day and month joined by a dash after "ngày" is a date; a span
    of days ("trong hai ngày 11-12", "ngày 1-2 tháng 3", "mồng 3-4 Tết") is not."""
    cue = m.group("dc")
    if cue is None or m.start("dc") < lo or cue.lower() != "ngày":
        return False
    if _DAYS_COUNTED_BEFORE.search(text, max(lo, m.start("dc") - 12), m.start("dc")):
        return False
    return _DAYS_OF_AFTER.match(text, m.end(), hi) is None


def _time(
    text: str, m: Any, lo: int, hi: int, pub: date | None, rules: tuple[Any, ...]
) -> tuple[dict[str, Any], str] | None:
    """The attributes and rule name of one match, or None when it is no time."""
    _, counted, day_cue, table = rules

    def g(name: str) -> Any:
        # a lookbehind may read before the sentence start: such a prefix is not ours
        value = m.group(name)
        return value if value is None or m.start(name) >= lo else None

    attrs: dict[str, Any] = {}
    if g("period") is not None:
        y1 = int(g("py1"))
        y2 = int(g("py2")) if g("py2") is not None else y1 // 100 * 100 + int(g("py2s"))
        if not y1 < y2 <= y1 + 50:
            return None
        return {"period": {"start": y1, "end": y2}}, "period"
    if g("since") is not None:
        # "từ năm 2021 đến nay": a period that ends at the article's date, when it has one
        if pub is None and _START_OF_THE_YEAR_BEFORE.search(
            text, max(lo, m.start() - 12), m.start()
        ):
            # "từ đầu năm 2020 đến nay" in an undated text: so far in 2020, the year it was
            # written
            return {"year": int(g("sy")), "relative": "to_now"}, "since-the-start-of-a-year"
        period = {"start": int(g("sy")), "end": pub.year if pub is not None else None}
        attrs = {"period": period, "relative": "to_now"}
        if pub is not None:
            attrs["from_published"] = True
        return attrs, "to-now"
    if g("fm") is not None:
        n = g("fmn")
        if n is None:
            return None
        months = int(n) if n.isdigit() else words_value(n)
        if not isinstance(months, int) or not 1 <= months <= 12:
            return None
        form = g("fmf") or g("fmq")
        rule = _rule(table, "fmopt" if g("fmf") else "fmreq", form)
        attrs = {"relative": rule.get("relative", "first_months"), "months": months}
        _yearish(g("fmy"), g("fmr"), table, attrs, pub)
        return attrs, rule.get("id", "months")
    if g("quarter") is not None:
        q = g("qn")
        attrs = {"quarter": ROMAN_QUARTERS.get(q.upper(), int(q) if q.isdigit() else 0)}
        _yearish(g("qy"), g("qr"), table, attrs, pub)
        return attrs, "quarter"
    if g("wdate") is not None or g("date") is not None:
        wd = g("wdate") is not None
        if wd and g("wdc") is None:
            return None
        d, mo = int(g("wd") if wd else g("d")), int(g("wm") if wd else g("m"))
        y = g("wy") if wd else g("dy")
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return None
        if not wd and y is None:
            if g("dsep") == "." or (g("dsep") == "-" and not _a_dash_date(text, m, lo, hi)):
                return None  # 4-5, 1.5: a range or a decimal ("ngày 24-1" is a date)
            if g("dc") is None and _no_date_context(text, lo, m.start("d"), m.end(), hi):
                return None  # 11/11 ban quản lý xã: a ratio
            if (
                g("dc") is None
                and is_fraction(d, mo)
                and not day_cue.search(text, max(lo, m.start() - 30), m.start())
            ):
                return None  # mất 1/3 chất béo: a fraction
        attrs = {"day": d, "month": mo}
        if y is not None:
            attrs["year"] = int(y) + (2000 if len(y) == 2 else 0)
        elif pub is not None:
            try:
                late = (date(pub.year, mo, d) - pub).days > FUTURE_DAYS
            except ValueError:
                late = False
            _resolve(attrs, pub, -1 if late else 0)
        return attrs, "date"
    if g("monyear") is not None:
        mo = int(g("m2"))
        if not 1 <= mo <= 12 or _no_date_context(text, lo, m.start(), m.end(), hi):
            return None
        return {"month": mo, "year": int(g("m2y"))}, "month"
    if g("month") is not None:
        mm = g("mm")
        mo = int(mm) if mm.isdigit() else words_value(mm)
        if not isinstance(mo, int) or not 1 <= mo <= 12:
            return None
        attrs = {"month": mo}
        if g("medge"):
            attrs["relative"] = _rule(table, "month_edge", g("medge")).get("relative")
        _yearish(g("my"), g("mr"), table, attrs, pub)
        return attrs, "month"
    if g("yedge") is not None:
        if g("ye") is None:  # "cuối" is before the sentence: "năm 2022" is left
            if g("yey"):
                return {"year": int(g("yey"))}, "year"
            return _year_ref(g("yer"), table, pub) if g("yer") else None
        rule = _rule(table, "year_edge", f"{g('ye')} năm")
        attrs = {"relative": rule.get("relative", "end_of_year")}
        _yearish(g("yey"), g("yer"), table, attrs, pub)
        return attrs, rule.get("id", "year-edge")
    if g("nowm") is not None:
        rule = _now_rule(table, g("nowpre"), g("now"))
        if not rule:
            return None
        attrs = {"relative": rule.get("relative", "now")}
        _resolve(attrs, pub)
        return attrs, rule.get("id", "now")
    if g("yrel") is not None:
        if counted.search(text, max(lo, m.start() - 30), m.start()):
            return None  # "2 năm vừa qua", "nhiều năm trước": a count of years
        return _year_ref(g("yref"), table, pub)
    if g("year") is not None:
        if g("yn") is None:
            cue = cue_before(text, lo, m.start("y"))
            if cue is not None and cue[0] in ("document", "ordinal"):
                return None  # Chương trình 2030? Quyết định 2000
            if cue is None and unit_follows(text, m.end(), hi):
                return None  # 2020 hộ: a count
        return {"year": int(g("y"))}, "year"
    return None


def find_times(
    text: str, start: int = 0, end: int | None = None, published: str | None = None
) -> list[Mention]:
    """TIME mentions in `text[start:end]` (a sentence), with absolute offsets.

    `published` is the article's ISO date; relative times (`năm nay`, `hiện nay`,
    `6 tháng đầu năm`, `16/11`) take their year from it and say so (`from_published`).
    """
    end = len(text) if end is None else end
    rules = _rules()
    master, table = rules[0], rules[-1]
    pub = _published(published)
    out: list[Mention] = []
    for m in master.finditer(text, start, end):
        res = _time(text, m, start, end, pub, rules)
        if res is None:
            continue
        attrs, rule = res
        s, e = m.span()
        kind = next((k for k in PREFIX_GROUPS if m.group(k) is not None), "")
        for name in PREFIX_GROUPS.get(kind, ()):
            if m.group(name) is not None and start <= m.start(name) < s:
                s = m.start(name)
        if (
            kind == "nowm"
            and m.group("nowpre")
            and s < m.start("now")
            and not _rule(table, "now", f"{m.group('nowpre')} {m.group('now')}")
        ):
            s = m.start("now")  # "đến hiện nay": only "hiện nay" is the phrase
        out.append(Mention("TIME", s, e, text[s:e], attrs, f"{METHOD}:{rule}"))
    return out
