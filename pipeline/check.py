"""The check stage: do an article's figures add up, and do articles contradict each other.

A journalist repeats a figure only when it holds, so a false alarm costs as much as a
missed error. Every stated figure is therefore read as the interval a writer means by
it, not as a point: `1.417,3 tỷ` is anything that rounds to it (± 0,05 tỷ); `gần 837,6
tỷ` is just under 837,6 tỷ (down to one step of the last written digit, 837,5 tỷ),
`hơn/trên X` just over X, `khoảng X` either side, `dưới X` just under. A round figure's
zeros are not its precision: `khoảng 10.000 hộ` is 9.000–11.000. A computation over
intervals is consistent when its result meets the stated figure's interval, so a check
never fails only because of rounding, and a qualifier never hides a real error.

Every check is a `Calc`: the figures it reads, the one it compares with, and how the
other figures compute it. Kept as a function of the figures' values, a check can be
computed again with one figure changed: that is how the likely-typo finder asks
whether one figure, read differently, would make every failing check of an article
agree (seed 001: 24,4 tỷ read as 22,4 fits both the total and the 63,5 %).

Kinds, within one article (each with a name for a reader, `KIND_NAMES`):
- `change`: from A to B, a fall or rise of C (`giảm 8.060 hộ (từ 33.486 hộ xuống còn 25.426 hộ)`);
- `sum_of_parts`: parts after `trong đó` add up to the total before it; a list of
  localities (`vùng A có …, vùng B …; cả nước …`) adds up to the total of their parent;
- `share_of_plan`: `giải ngân X, đạt Y% kế hoạch` against the plan the article states;
- `share_of_base`: a percentage of a stated base (`64% của 75.000 tỷ là 48.000 tỷ`);
- `common_base`: `N hộ nghèo, tỷ lệ R%` and `M hộ cận nghèo, tỷ lệ S%` imply the same
  number of households, and that number is the total of households the article states;
- `average`: a stated average against the values listed for it;
- `rate_change`: a rate, the stated change since a year, and that year's rate.
Across articles (`find_contradictions`): one locality, indicator and year with different values.

Every check carries its message in English (`message`) and Vietnamese (`message_vi`),
numbers written the Vietnamese way (1.057.284; 63,5 %); a failing check may carry a
`likely_typo`.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex
from vnfacts.doc import Document, Mention
from vnfacts.gazetteer import LEVEL_RANK
from vnfacts.registry import stage

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_FROM = regex.compile(r"\btừ\s*$", regex.I)
_TO = regex.compile(r"\b(?:xuống còn|xuống|lên|còn)\s*$", regex.I)
_TO_UP = regex.compile(r"\blên\s*$", regex.I)
_BY = regex.compile(r"\b(giảm|tăng)(?:\s+(?:được|thêm|đi|lên))?\s*$", regex.I)
_IN_WHICH = regex.compile(r"\btrong đó\b", regex.I)
_AVERAGE = regex.compile(r"(?:bình quân|trung bình)[^()]{0,40}$", regex.I)
_SOURCES = ("trung ương", "địa phương", "đối ứng", "xã hội hóa", "lồng ghép", "tín dụng")
# "64% của 75.000 tỷ là 48.000 tỷ": the words between the percentage, its base and the result
_OF_BASE = regex.compile(r"^\s*(?:của|trên|so với)\s+(?:tổng\s+)?[^\d;:.]{0,30}?$", regex.I)
_IS_RESULT = regex.compile(
    r"^[^\d;:.]{0,40}?\b(?:là|tương đương(?: với)?|tương ứng(?: với)?|bằng)\s*$", regex.I
)
# "10.689 hộ, chiếm 25,3% trên tổng số 42.249 hộ": a result, its percentage, then the base
_RESULT_IS = regex.compile(
    r"^\s*,?\s*\(?\s*(?:bằng|tương đương|tương ứng|chiếm|đạt)(?:\s+với)?\s*$", regex.I
)
_REGIONS_OF_THE_COUNTRY = 6  # the socio-economic regions a national report lists

# Names of the kinds for a reader of the page and of `vnfacts check` (never `sum_of_parts`).
KIND_NAMES: dict[str, dict[str, str]] = {
    "change": {"vi": "mức tăng, giảm", "en": "change from one figure to another"},
    "sum_of_parts": {"vi": "tổng các phần", "en": "sum of the parts"},
    "share_of_plan": {"vi": "tỷ lệ so với kế hoạch", "en": "share of the plan"},
    "share_of_base": {"vi": "phần trăm của một số", "en": "percentage of a stated figure"},
    "common_base": {"vi": "số hộ và tỷ lệ", "en": "households and their rate"},
    "average": {"vi": "số bình quân", "en": "average"},
    "rate_change": {"vi": "tỷ lệ qua các năm", "en": "rate across years"},
    "contradiction": {"vi": "mâu thuẫn giữa các bài", "en": "contradiction between articles"},
}
STATUS_NAMES: dict[str, dict[str, str]] = {
    "consistent": {"vi": "khớp", "en": "consistent"},
    "inconsistent": {"vi": "không khớp", "en": "inconsistent"},
    "cannot_check": {"vi": "không kiểm tra được", "en": "cannot be checked"},
}
_BEYOND_ROUNDING = {
    "en": " — the figures do not agree beyond rounding",
    "vi": " — các số liệu không khớp, kể cả khi tính sai số làm tròn",
}


def kind_name(kind: str, lang: str = "vi") -> str:
    """A check's kind as a reader says it."""
    return KIND_NAMES.get(kind, {}).get(lang, kind.replace("_", " "))


# ------------------------------------------------------------------------ numbers


def vn_number(x: float, decimals: int = 0) -> str:
    """A number written the Vietnamese way: 1.057.284 and 63,5 (a Vietnamese reader takes
    305,860 for a number under 306)."""
    text = f"{abs(x):,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return ("-" if x < 0 and text.strip("0.,") else "") + text


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0:
            raise ZeroDivisionError("interval divisor spans zero")
        lo, hi = sorted((self.lo / other.hi, self.lo / other.lo))
        lo2, hi2 = sorted((self.hi / other.hi, self.hi / other.lo))
        return Interval(min(lo, lo2), max(hi, hi2))

    def scale(self, k: float) -> Interval:
        return Interval(*sorted((self.lo * k, self.hi * k)))

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


@dataclass(frozen=True, slots=True)
class Written:
    """A figure's number as written: its digits, the scale of its unit words (`tỷ` → 1e9)
    and the words after it (`tỷ đồng`, `hộ`, `%`)."""

    number: str
    scale: float
    decimals: int
    suffix: str

    def show(self, value: float) -> str:
        """`value` in this figure's own terms and precision (a percentage to at least one
        decimal): 839,6 tỷ đồng, 69,1 %."""
        decimals = max(self.decimals, 1) if self.suffix.startswith("%") else self.decimals
        body = vn_number(value / self.scale, decimals)
        if not self.suffix:
            return body
        return f"{body} {self.suffix}"


def _written(number: str) -> float | None:
    """A number as written the Vietnamese way ("1.417,3") → 1417.3."""
    try:
        return float(number.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def written_of(m: Mention) -> Written:
    value = float(m.attrs["value"])
    found = _NUMBER.search(m.text)
    if not found:
        return Written(m.text, 1.0, 0, "")
    number = found.group()
    written = _written(number)
    decimals = len(number.rsplit(",", 1)[1]) if "," in number else 0
    scale = abs(value / written) if written else 1.0
    suffix = m.text[found.end() :].strip()
    if suffix.startswith("%"):
        suffix = "%" + suffix[1:]
    return Written(number, scale or 1.0, decimals, suffix)


def interval_of(m: Mention, value: float | None = None, number: str | None = None) -> Interval:
    """The values a written figure stands for, as its writer means them (see the module's
    docstring); `value` and `number` read it as if written otherwise (the typo finder)."""
    w = written_of(m)
    if value is None:
        value = float(m.attrs["value"])
    digits = (number or w.number).replace(".", "").replace(",", "")
    step = 10.0 ** (-w.decimals) * w.scale
    approx = m.attrs.get("approx")
    rng = m.attrs.get("range") if number is None else None
    lo, hi = value, value
    if isinstance(rng, list | tuple) and len(rng) == 2 and None not in rng:
        lo, hi = float(min(rng)), float(max(rng))
    if not approx:
        return Interval(lo - step / 2, hi + step / 2)
    if w.decimals == 0:  # a round figure's zeros are not its precision
        zeros = len(digits) - len(digits.rstrip("0"))
        step *= 10.0 ** max(zeros - 1, 0)
    if approx in ("nearly", "under"):
        return Interval(lo - step, hi)
    if approx == "over":
        return Interval(lo, hi + step)
    return Interval(lo - step, hi + step)  # about


def point_of(m: Mention) -> Interval:
    """The figure exactly as written, for the computed value a reader sees."""
    v = float(m.attrs["value"])
    return Interval(v, v)


def _span(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text}


def _unit(m: Mention) -> str:
    return "%" if m.type == "PERCENT" else str(m.attrs.get("unit"))


Valuation = Callable[[Mention], Interval]


@dataclass
class Calc:
    """One check as a function of its figures: `compute` gives, from a valuation of the
    figures, the interval the others allow for `stated`; `words` says it for a reader
    from the figures as written (`point`: the computation on the written values)."""

    kind: str
    stated: Mention
    figures: tuple[Mention, ...]
    compute: Callable[[Valuation], Interval]
    words: Callable[[float, str], str]

    def holds(self, val: Valuation) -> bool:
        try:
            return self.compute(val).overlaps(val(self.stated))
        except ZeroDivisionError:
            return False


def _cannot(kind: str, why: dict[str, str], figures: Iterable[Mention]) -> dict[str, Any]:
    return {
        "kind": kind,
        "status": "cannot_check",
        "stated": None,
        "computed": None,
        "tolerance": None,
        "evidence": [_span(f) for f in figures],
        "message": why["en"],
        "message_vi": why["vi"],
        "likely_typo": None,
    }


def _sum(figures: Iterable[Mention], val: Valuation) -> Interval:
    total = Interval(0.0, 0.0)
    for f in figures:
        total = total + val(f)
    return total


class Checker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.checks: list[dict[str, Any]] = []
        self.calcs: list[Calc | None] = []  # parallel to checks: None for cannot_check
        self.figures = sorted(
            (
                m
                for m in doc.mentions
                if m.type in ("QUANTITY", "PERCENT") and m.attrs.get("value") is not None
            ),
            key=lambda m: m.start,
        )
        self.by_start = {m.start: m for m in self.figures}
        self.figure_starts = [m.start for m in self.figures]
        self.sentence_starts = [s.start for s in doc.sentences]
        self.block_starts = [b.start for b in doc.blocks]
        self.totals: set[int] = set()  # figures already checked as the total of their parts

    @cached_property
    def lower(self) -> str:
        """The text in lower case, made once (not once per money figure labelled)."""
        return self.text.lower()

    @cached_property
    def closing(self) -> list[int]:
        """Where each ")" is, so an average's parenthesis is closed by a bisect, not a search."""
        return [m.start() for m in regex.finditer(r"\)", self.text)]

    def in_sentence(self, start: int, end: int) -> list[Mention]:
        """The figures starting in [start, end), in text order (a bisect: a scan of every
        figure per sentence made the stage quadratic in the figures of a document)."""
        lo = bisect.bisect_left(self.figure_starts, start)
        hi = bisect.bisect_left(self.figure_starts, end, lo) if end > start else lo
        return self.figures[lo:hi]

    def left(self, m: Mention, start: int, width: int = 30) -> str:
        return self.text[max(start, m.start - width) : m.start]

    def add(self, calc: Calc, status: str | None = None) -> None:
        """Computes a check and records it (`status` overrides the verdict: a list that
        falls short of its total may only leave out a part)."""
        try:
            computed = calc.compute(interval_of)
            point = calc.compute(point_of).mid
        except ZeroDivisionError:
            return
        stated_iv = interval_of(calc.stated)
        ok = computed.overlaps(stated_iv)
        status = status or ("consistent" if ok else "inconsistent")
        en, vi = calc.words(point, "en"), calc.words(point, "vi")
        if status == "inconsistent":
            en, vi = en + _BEYOND_ROUNDING["en"], vi + _BEYOND_ROUNDING["vi"]
        self.checks.append(
            {
                "kind": calc.kind,
                "status": status,
                "stated": calc.stated.attrs["value"],
                "computed": round(point, 6),
                "computed_range": [round(computed.lo, 6), round(computed.hi, 6)],
                "tolerance": round((stated_iv.hi - stated_iv.lo) / 2, 6),
                "evidence": [_span(f) for f in calc.figures],
                "message": en,
                "message_vi": vi,
                "likely_typo": None,
            }
        )
        self.calcs.append(calc if status != "cannot_check" else None)

    def cannot(self, kind: str, why: dict[str, str], figures: Iterable[Mention]) -> None:
        self.checks.append(_cannot(kind, why, figures))
        self.calcs.append(None)

    def run(self) -> list[dict[str, Any]]:
        for sent in self.doc.sentences:
            if self.doc.blocks[sent.block].kind != "body":
                continue
            figs = self.in_sentence(sent.start, sent.end)
            if len(figs) < 2:
                continue
            self.change(figs, sent.start)
            self.sum_of_parts(figs, sent.start, sent.end)
            self.average(figs, sent.start)
            self.share_of_base(figs)
        self.list_total()
        self.share_of_plan()
        self.common_base()
        self.rate_change()
        self.likely_typo()
        return self.checks

    # --------------------------------------------------------------- within a sentence
    def change(self, figs: list[Mention], s0: int) -> None:
        """From A to B, by C: `giảm 8.060 hộ (từ 33.486 hộ xuống còn 25.426 hộ)`. The
        direction is the text's (`giảm`/`tăng` before C, else `lên` before B); with no cue
        the larger minus the smaller."""
        for unit in {_unit(f) for f in figs}:
            same = [f for f in figs if _unit(f) == unit]
            a = next((f for f in same if _FROM.search(self.left(f, s0))), None)
            b = next(
                (
                    f
                    for f in same
                    if a is not None and f.start > a.start and _TO.search(self.left(f, s0))
                ),
                None,
            )
            c = next((f for f in same if f not in (a, b) and _BY.search(self.left(f, s0))), None)
            if a is None or b is None or c is None:
                continue
            cue = _BY.search(self.left(c, s0))
            word = cue.group(1).lower() if cue else ""
            if word == "tăng" or (not word and _TO_UP.search(self.left(b, s0))):
                sign = 1
            elif word == "giảm":
                sign = -1
            else:
                sign = 1 if float(b.attrs["value"]) >= float(a.attrs["value"]) else -1

            def compute(
                val: Valuation, a: Mention = a, b: Mention = b, sign: int = sign
            ) -> Interval:
                return (val(b) - val(a)).scale(sign)

            wa, wb, wc = written_of(a), written_of(b), written_of(c)

            def words(p: float, lang: str, a=a, b=b, c=c, wc=wc) -> str:
                if lang == "vi":
                    return f"{a.text} → {b.text}: chênh lệch {wc.show(p)}; bài viết ghi {c.text}"
                return f"{a.text} → {b.text}: a change of {wc.show(p)}; the article states {c.text}"

            del wa, wb
            self.add(Calc("change", c, (a, b, c), compute, words))

    def sum_of_parts(self, figs: list[Mention], s0: int, s1: int) -> None:
        """`1.417,3 tỷ đồng, trong đó: trung ương 1.382 tỷ; địa phương 35,3 tỷ`."""
        starts = [f.start for f in figs]
        # index of the last figure at or before each position that is not a PERCENT
        last_count: list[int] = []
        for k, f in enumerate(figs):
            last_count.append(k if f.type != "PERCENT" else (last_count[-1] if k else -1))
        for m in _IN_WHICH.finditer(self.text, s0, s1):
            nxt = _IN_WHICH.search(self.text, m.end(), s1)
            stop = nxt.start() if nxt else s1
            lo = bisect.bisect_right(starts, m.end())
            hi = bisect.bisect_left(starts, stop, lo) if stop > m.end() else lo
            after = [f for f in figs[lo:hi] if f.type != "PERCENT"]
            # the last figure (not a PERCENT) that ends before "trong đó"; one that ends there
            # starts before it
            k = bisect.bisect_right(starts, m.start()) - 1
            k = last_count[k] if k >= 0 else -1
            while k >= 0 and figs[k].end > m.start():
                k = last_count[k - 1] if k else -1
            if k < 0:
                continue
            total = figs[k]  # "giải ngân 837,6 tỷ đồng, đạt 59,1% kế hoạch, trong đó: …"
            parts = [f for f in after if _unit(f) == _unit(total)]
            if len(parts) < 2:
                continue
            self.totals.add(total.start)
            self.add(_parts_calc(total, tuple(parts)))

    def average(self, figs: list[Mention], s0: int) -> None:
        """`trung bình 3,78%/năm (năm 2021 giảm 3,01%, năm 2022 giảm 3,68%; năm 2023 giảm 4,66%)`."""
        starts = [g.start for g in figs]
        for f in figs:
            if not (f.attrs.get("per_year") or _AVERAGE.search(self.left(f, s0, 60))):
                continue
            after = self.text[f.end : f.end + 3]
            if "(" not in after:
                continue
            k = bisect.bisect_left(self.closing, max(f.end, 0))
            close = self.closing[k] if k < len(self.closing) else -1
            lo = bisect.bisect_right(starts, f.end)
            hi = bisect.bisect_left(starts, close, lo) if close > f.end else lo
            listed = tuple(g for g in figs[lo:hi] if _unit(g) == _unit(f))
            if len(listed) < 2:
                continue

            def compute(val: Valuation, listed: tuple[Mention, ...] = listed) -> Interval:
                return _sum(listed, val).scale(1 / len(listed))

            wf = written_of(f)

            def words(p: float, lang: str, f=f, listed=listed, wf=wf) -> str:
                names = ", ".join(g.text for g in listed)
                if lang == "vi":
                    return f"bình quân của {names} là {wf.show(p)}; bài viết ghi {f.text}"
                return f"the average of {names} is {wf.show(p)}; the article states {f.text}"

            self.add(Calc("average", f, (f, *listed), compute, words))

    def share_of_base(self, figs: list[Mention]) -> None:
        """A percentage of a stated figure: `64% của 75.000 tỷ đồng là 48.000 tỷ đồng`, or
        the result first: `10.689 hộ, chiếm 25,3% trên tổng số 42.249 hộ`."""
        for i in range(len(figs) - 2):
            x, y, z = figs[i], figs[i + 1], figs[i + 2]
            gap1, gap2 = self.text[x.end : y.start], self.text[y.end : z.start]
            if (
                x.type == "PERCENT"
                and y.type == z.type == "QUANTITY"
                and _unit(y) == _unit(z)
                and _OF_BASE.search(gap1)
                and _IS_RESULT.search(gap2)
            ):
                pct, base, result = x, y, z

                def compute(val: Valuation, pct=pct, base=base) -> Interval:
                    return _times(val(base), val(pct).scale(0.01))

                stated = result
            elif (
                x.type == z.type == "QUANTITY"
                and y.type == "PERCENT"
                and _unit(x) == _unit(z)
                and _RESULT_IS.search(gap1)
                and _OF_BASE.search(gap2)
            ):
                result, pct, base = x, y, z

                def compute(val: Valuation, result=result, base=base) -> Interval:
                    return (val(result) / val(base)).scale(100)

                stated = pct
            else:
                continue
            ws = written_of(stated)

            def words(
                p: float, lang: str, pct=pct, base=base, result=result, stated=stated, ws=ws
            ) -> str:
                if lang == "vi":
                    return f"{pct.text} của {base.text} là {ws.show(p)}; bài viết ghi {stated.text}"
                return (
                    f"{pct.text} of {base.text} is {ws.show(p)}; the article states {stated.text}"
                )

            self.add(Calc("share_of_base", stated, (pct, base, result), compute, words))

    # --------------------------------------------------------------- across the article
    def _fact_figure(self, fact: dict[str, Any]) -> Mention | None:
        fig = fact.get("figure") or {}
        return self.by_start.get(fig.get("start", -1))

    def _block_of(self, pos: int) -> int:
        return bisect.bisect_right(self.block_starts, pos) - 1

    def list_total(self) -> None:
        """A list of localities against their parent's total, in one paragraph: `vùng A có
        …, vùng B …; cả nước …`. Parts over the total are an error; parts under it are
        one only when the list is complete (the country's six regions), else a part may
        be missing and the check says so."""
        groups: dict[tuple[Any, ...], list[tuple[dict[str, Any], Mention]]] = defaultdict(list)
        for f in self.doc.facts:
            loc = f.get("locality") or {}
            m = self._fact_figure(f)
            if m is None or loc.get("level") not in LEVEL_RANK or f.get("range"):
                continue
            key = (
                self._block_of(m.start),
                f["indicator"],
                f.get("year"),
                f.get("status"),
                # a region's own name can read as a group ("vùng Đồng bằng sông Hồng")
                None if loc.get("level") == "region" else f.get("group"),
                _unit(m),
            )
            groups[key].append((f, m))
        for items in groups.values():
            if len(items) < 3:
                continue
            items.sort(key=lambda fm: fm[1].start)
            for total_at in (0, len(items) - 1):
                total_f, total = items[total_at]
                if total.start in self.totals:
                    break
                rank = LEVEL_RANK[total_f["locality"]["level"]]
                parts = [fm for k, fm in enumerate(items) if k != total_at]
                names = {
                    " ".join(str(f["locality"].get("name")).casefold().split()) for f, _ in parts
                }
                if len(names) != len(parts) or not all(
                    LEVEL_RANK[f["locality"]["level"]] < rank and _within(f, total_f)
                    for f, _ in parts
                ):
                    continue
                figures = tuple(m for _, m in parts)
                calc = _parts_calc(total, figures)
                computed = calc.compute(interval_of)
                complete = (
                    total_f["locality"]["level"] == "country"
                    and {f["locality"]["level"] for f, _ in parts} == {"region"}
                    and len(parts) >= _REGIONS_OF_THE_COUNTRY
                )
                short = computed.hi < interval_of(total).lo
                if short and not complete:
                    self.cannot(
                        "sum_of_parts",
                        {
                            "en": f"the parts listed add up to {written_of(total).show(calc.compute(point_of).mid)}, "
                            f"under the stated total {total.text}; the list may not name every part",
                            "vi": f"các phần được liệt kê cộng lại {written_of(total).show(calc.compute(point_of).mid)}, "
                            f"ít hơn tổng {total.text}; có thể danh sách không nêu đủ các phần",
                        },
                        (total, *figures),
                    )
                else:
                    self.add(calc)
                break

    def _label(self, m: Mention) -> str | None:
        """Which funding source a money figure speaks of ("ngân sách trung ương"), if any:
        words between the start of its item (sentence, ";" or "trong đó") and the figure."""
        i = bisect.bisect_right(self.sentence_starts, m.start) - 1
        start = self.sentence_starts[i] if i >= 0 else 0
        item = max(start, self.text.rfind(";", start, m.start) + 1)
        in_which = self.lower.rfind("trong đó", start, m.start)
        words = self.text[max(item, in_which) : m.start].lower()
        return next((s for s in _SOURCES if s in words), None)

    def share_of_plan(self) -> None:
        """`giải ngân X, đạt Y% kế hoạch`: X over the plan the article states."""
        facts = self.doc.facts
        budgets = [(f, self._fact_figure(f)) for f in facts if f["indicator"] == "budget"]
        # the first budget stated for each funding source (labelled once, not once per rate)
        plan_of: dict[str | None, Mention] = {}
        for _, m in budgets:
            if m is not None:
                plan_of.setdefault(self._label(m), m)
        # disbursements by sentence, in the order of the facts
        paid_in: dict[Any, list[Mention]] = defaultdict(list)
        rates = [f for f in facts if f["indicator"] == "disbursement_rate"]
        for f in facts if rates else ():
            if f["indicator"] == "budget_disbursed":
                m = self._fact_figure(f)
                if m is not None:
                    paid_in[f["evidence"]["start"]].append(m)
        for rate in rates:
            rate_m = self._fact_figure(rate)
            if rate_m is None:
                continue
            paid_m = _last_before(paid_in.get(rate["evidence"]["start"], []), rate_m.start)
            if paid_m is None:
                continue
            plan = plan_of.get(self._label(paid_m))
            if plan is None:
                self.cannot(
                    "share_of_plan",
                    {
                        "en": "the article does not state the plan this share is of",
                        "vi": "bài viết không nêu kế hoạch mà tỷ lệ này so với",
                    },
                    (paid_m, rate_m),
                )
                continue

            def compute(val: Valuation, paid=paid_m, plan=plan) -> Interval:
                return (val(paid) / val(plan)).scale(100)

            wr = written_of(rate_m)

            def words(p: float, lang: str, paid=paid_m, plan=plan, rate=rate_m, wr=wr) -> str:
                if lang == "vi":
                    return (
                        f"{paid.text} trên kế hoạch {plan.text} là {wr.show(p)}; bài viết ghi "
                        f"{rate.text} (coi kế hoạch là nguồn vốn bài viết nêu)"
                    )
                return (
                    f"{paid.text} of {plan.text} is {wr.show(p)}; the article states {rate.text} "
                    "(assuming the plan is the budget the article states)"
                )

            self.add(Calc("share_of_plan", rate_m, (paid_m, plan, rate_m), compute, words))

    def common_base(self) -> None:
        """`2.100 hộ nghèo, tỷ lệ 14,78%` and `3.784 hộ cận nghèo, tỷ lệ 26,63%`: one household
        base, which is also the total of households where the article states it. A count
        pairs with the nearest rate after it in its sentence (a share of a group stated in
        between, `trong đó … chiếm 0,04%`, is not the count's rate); each kind of count
        gives one pair."""
        totals: dict[tuple[Any, Any], Mention] = {}
        for f in self.doc.facts:
            if f["indicator"] == "total_households" and not f.get("group"):
                m = self._fact_figure(f)
                if m is not None:
                    totals.setdefault(_place_year(f), m)
        pairs: dict[tuple[Any, Any, int], list[tuple[Mention, Mention]]] = defaultdict(list)
        for count_ind, rate_ind in (
            ("poor_households", "poverty_rate"),
            ("near_poor_households", "near_poverty_rate"),
        ):
            rates: dict[tuple[Any, Any, int], list[Mention]] = defaultdict(list)
            for r in self.doc.facts:
                if r["indicator"] == rate_ind and not r.get("group"):
                    rm = self._fact_figure(r)
                    if rm is not None:
                        rates[_base_key(r)].append(rm)
            taken: set[tuple[Any, Any, int]] = set()
            for c in self.doc.facts if rates else ():
                if c["indicator"] != count_ind or c.get("group"):
                    continue
                cm = self._fact_figure(c)
                key = _base_key(c)
                if cm is None or key not in rates or key in taken:
                    continue
                rm = next((r for r in rates[key] if r.start > cm.end), None)
                if rm is None or "trong đó" in self.lower[cm.end : rm.start]:
                    continue
                taken.add(key)
                pairs[key].append((cm, rm))
                total = totals.get(key[:2])
                if total is not None:
                    self.add(_total_calc(cm, rm, total))
        for group in pairs.values():
            if len(group) < 2:
                continue
            (c1, r1), (c2, r2) = group[0], group[1]

            def compute(val: Valuation, c1=c1, r1=r1, c2=c2) -> Interval:
                return (val(c2) / (val(c1) / val(r1).scale(0.01))).scale(100)

            wr = written_of(r2)

            def words(p: float, lang: str, c1=c1, r1=r1, c2=c2, r2=r2, wr=wr) -> str:
                base1 = float(c1.attrs["value"]) / float(r1.attrs["value"]) * 100
                base2 = float(c2.attrs["value"]) / float(r2.attrs["value"]) * 100
                if lang == "vi":
                    return (
                        f"{c1.text} với tỷ lệ {r1.text} ứng với {vn_number(base1)} hộ; "
                        f"{c2.text} với tỷ lệ {r2.text} ứng với {vn_number(base2)} hộ "
                        f"(theo cùng số hộ thì tỷ lệ là {wr.show(p)})"
                    )
                return (
                    f"{c1.text} at {r1.text} means {vn_number(base1)} households; "
                    f"{c2.text} at {r2.text} means {vn_number(base2)} "
                    f"(on one base the rate would be {wr.show(p)})"
                )

            self.add(Calc("common_base", r2, (c1, r1, c2, r2), compute, words))

    def rate_change(self) -> None:
        """A rate, its stated change since a year, and that year's rate if the article gives
        it. The direction is the text's word before the change (`tăng`, `giảm`)."""
        rates = [
            f
            for f in self.doc.facts
            if f["indicator"] in ("poverty_rate", "near_poverty_rate", "multidim_poverty_rate")
        ]
        first_rate: dict[tuple[Any, Any, Any], dict[str, Any]] = {}
        for r in rates:
            first_rate.setdefault((r["indicator"], r["year"], (r["locality"] or {}).get("name")), r)
        for f in rates:
            change = f.get("change") or {}
            since = change.get("since")
            fig = self._fact_figure(f)
            if fig is None or since is None or change.get("unit") != "pp":
                continue
            if not isinstance(change.get("amount"), int | float):
                continue  # no amount stated: nothing in the text to compare with
            stated_change = self._percent_valued(
                float(change["amount"]),
                max(f["evidence"]["start"], fig.start + 1),
                f["evidence"]["end"],
            )
            if stated_change is None:
                continue  # a change the link stage derived (from A to B), not one the text states
            earlier = first_rate.get((f["indicator"], since, (f["locality"] or {}).get("name")))
            before = self._fact_figure(earlier) if earlier is not None else None
            if before is None:
                self.cannot(
                    "rate_change",
                    {
                        "en": f"the article does not state the rate of {since}",
                        "vi": f"bài viết không nêu tỷ lệ của năm {since}",
                    },
                    (fig, stated_change),
                )
                continue
            cue = _BY.search(self.text[max(0, stated_change.start - 30) : stated_change.start])
            word = cue.group(1).lower() if cue else ""
            up = word == "tăng" or (not word and change.get("direction") == "increase")

            def compute(val: Valuation, before=before, fig=fig, up=up) -> Interval:
                return val(fig) - val(before) if up else val(before) - val(fig)

            ws = written_of(stated_change)

            def words(
                p: float, lang: str, before=before, fig=fig, s=stated_change, since=since, ws=ws
            ) -> str:
                points = vn_number(p, max(ws.decimals, 1))
                if lang == "vi":
                    return f"{before.text} ({since}) → {fig.text}: {points} điểm phần trăm; bài viết ghi {s.text}"
                return f"{before.text} ({since}) → {fig.text}: {points} points; the article states {s.text}"

            self.add(
                Calc("rate_change", stated_change, (before, fig, stated_change), compute, words)
            )

    # --------------------------------------------------------------- likely typos
    def likely_typo(self) -> None:
        """One figure that, written otherwise by one digit (a digit changed or two swapped),
        makes every failing check of the article agree and breaks none that agrees.
        Said only when exactly one figure and one reading do: an error that several
        readings could explain is left to the reader. Each candidate recomputes only
        the checks that read its figure."""
        failing = [k for k, c in enumerate(self.checks) if c["status"] == "inconsistent"]
        if not failing or any(self.calcs[k] is None for k in failing):
            return
        common: set[int] | None = None
        for k in failing:
            starts = {f.start for f in self.calcs[k].figures}  # type: ignore[union-attr]
            common = starts if common is None else common & starts
            if not common:
                return
        fits: list[tuple[Mention, str, float]] = []
        for start in sorted(common or ()):
            m = self.by_start[start]
            involved = [c for c in self.calcs if c is not None and any(f is m for f in c.figures)]
            for number, value in _typo_readings(m):
                iv = interval_of(m, value=value, number=number)

                def val(x: Mention, m: Mention = m, iv: Interval = iv) -> Interval:
                    return iv if x is m else interval_of(x)

                if all(c.holds(val) for c in involved):
                    fits.append((m, number, value))
                    if len(fits) > 1:
                        return
        if len(fits) != 1:
            return
        m, number, value = fits[0]
        w = written_of(m)
        what_en = " and ".join(
            f"the {kind_name(self.checks[k]['kind'], 'en')} ({self.calcs[k].stated.text})"  # type: ignore[union-attr]
            for k in failing
        )
        what_vi = " và ".join(
            f"{kind_name(self.checks[k]['kind'], 'vi')} ({self.calcs[k].stated.text})"  # type: ignore[union-attr]
            for k in failing
        )
        both_en = "both " if len(failing) == 2 else ("all of " if len(failing) > 2 else "")
        both_vi = "cả " if len(failing) > 1 else ""
        typo = {
            "figure": _span(m),
            "written": w.number,
            "suggested": number,
            "value": value,
            "message": f"likely typo: {m.text} — {number} would fit {both_en}{what_en}",
            "message_vi": f"có thể gõ nhầm: {m.text} — nếu là {number} thì khớp {both_vi}{what_vi}",
        }
        for k in failing:
            self.checks[k]["likely_typo"] = typo

    @cached_property
    def _percents_by_value(self) -> dict[int, list[int]]:
        """Indexes into `figures` of the PERCENT figures, by their value in millionths."""
        out: dict[int, list[int]] = defaultdict(list)
        for k, m in enumerate(self.figures):
            if m.type == "PERCENT":
                bucket = _millionths(float(m.attrs["value"]))
                if bucket is not None:
                    out[bucket].append(k)
        return out

    def _percent_valued(self, amount: float, start: int, end: int) -> Mention | None:
        """The first PERCENT figure starting in [start, end) whose value is `amount` (within
        1e-9). A value that close lies in the amount's bucket of millionths or a neighbour's,
        so three bisects replace a scan of every figure of the document."""
        first = bisect.bisect_left(self.figure_starts, start)
        if not abs(amount) < _BUCKETED / 2:  # huge or not a number: look at each figure
            for m in self.figures[first:]:
                if m.start >= end:
                    break
                if m.type == "PERCENT" and abs(float(m.attrs["value"]) - amount) < 1e-9:
                    return m
            return None
        best: int | None = None
        bucket = round(amount * 1_000_000)
        for b in (bucket - 1, bucket, bucket + 1):
            ks = self._percents_by_value.get(b, [])
            for i in range(bisect.bisect_left(ks, first), len(ks)):
                k = ks[i]
                if self.figures[k].start >= end or (best is not None and k >= best):
                    break
                if abs(float(self.figures[k].attrs["value"]) - amount) < 1e-9:
                    best = k
                    break
        return self.figures[best] if best is not None else None


_BUCKETED = 1e6  # values in millionths up to this size keep float error far below a millionth


def _millionths(value: float) -> int | None:
    """A value's bucket for `_percent_valued`; None for huge or non-finite values (a query
    that could match those never uses the buckets)."""
    return round(value * 1_000_000) if abs(value) < _BUCKETED else None


def _times(a: Interval, b: Interval) -> Interval:
    products = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
    return Interval(min(products), max(products))


def _parts_calc(total: Mention, parts: tuple[Mention, ...]) -> Calc:
    """Parts that add up to their total (after `trong đó`, or a list of localities)."""

    def compute(val: Valuation) -> Interval:
        return _sum(parts, val)

    wt = written_of(total)

    def words(p: float, lang: str) -> str:
        names = " + ".join(f.text for f in parts)
        if lang == "vi":
            return f"các phần {names} cộng lại {wt.show(p)}; bài viết ghi tổng {total.text}"
        return (
            f"the parts {names} add up to {wt.show(p)}; the article states a total of {total.text}"
        )

    return Calc("sum_of_parts", total, (total, *parts), compute, words)


def _total_calc(count: Mention, rate: Mention, total: Mention) -> Calc:
    """A count and its rate against the total of households the article states."""

    def compute(val: Valuation) -> Interval:
        return (val(count) / val(total)).scale(100)

    wr = written_of(rate)

    def words(p: float, lang: str) -> str:
        if lang == "vi":
            return (
                f"{count.text} trên tổng số {total.text} là {wr.show(p)}; bài viết ghi {rate.text}"
            )
        return f"{count.text} of the {total.text} in all is {wr.show(p)}; the article states {rate.text}"

    return Calc("common_base", rate, (total, count, rate), compute, words)


def _typo_readings(m: Mention) -> Iterator[tuple[str, float]]:
    """The figure's number with one digit changed or two neighbouring digits swapped, and
    the value each reading gives (in the figure's unit)."""
    w = written_of(m)
    seen = {w.number}
    chars = list(w.number)
    digits = [i for i, ch in enumerate(chars) if ch.isdigit()]
    candidates: list[str] = []
    for i in digits:
        for d in "0123456789":
            if d != chars[i] and not (i == digits[0] and d == "0" and len(digits) > 1):
                candidates.append("".join([*chars[:i], d, *chars[i + 1 :]]))
    for i, j in itertools.pairwise(digits):
        if j == i + 1 and chars[i] != chars[j] and not (i == digits[0] and chars[j] == "0"):
            swapped = chars.copy()
            swapped[i], swapped[j] = swapped[j], swapped[i]
            candidates.append("".join(swapped))
    for number in candidates:
        written = _written(number)
        if number not in seen and written is not None:
            seen.add(number)
            yield number, written * w.scale


def _within(part: dict[str, Any], total: dict[str, Any]) -> bool:
    """Whether a part's locality can lie in the total's (a region in the country; a
    district whose province is named, in that province)."""
    level = total["locality"]["level"]
    if level in ("country", "region"):
        return True
    name = " ".join(str(total["locality"].get("name")).casefold().split())
    parent = (part.get("locality") or {}).get(level)
    return parent is None or " ".join(str(parent).casefold().split()) == name


def _last_before(figures: list[Mention], start: int) -> Mention | None:
    """The last figure, in the order given, that starts before `start`."""
    for m in reversed(figures):
        if m.start < start:
            return m
    return None


def _place_year(fact: dict[str, Any]) -> tuple[Any, Any]:
    return ((fact["locality"] or {}).get("name"), fact["year"])


def _base_key(fact: dict[str, Any]) -> tuple[Any, Any, int]:
    """A count and a rate of one household base: same locality, year and sentence."""
    return ((fact["locality"] or {}).get("name"), fact["year"], fact["evidence"]["start"])


@stage("check", requires=("facts",), provides=("checks",))
def check(doc: Document) -> Document:
    doc.checks = Checker(doc).run()
    return doc


# ------------------------------------------------------------------- quotes


_SENTENCE_END = regex.compile(r"[.!?…](?=\s|$)|\n")


def quote_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence around [start, end), on one line, cut to about `limit` characters at
    spaces only, so a quote never ends inside a number (`1.417,3` has dots of its own)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 2000), start):
        left = m.end()
    found = _SENTENCE_END.search(text, end)
    right = found.end() if found else len(text)
    if right - left > limit:  # keep the figure, cut at the nearest spaces around a window
        lo = max(left, start - limit // 2)
        hi = min(right, max(end, lo + limit))
        if lo > left:
            space = text.find(" ", lo, start)
            lo = space + 1 if space >= 0 else lo
        if hi < right:
            space = text.rfind(" ", end, hi)
            hi = space if space >= 0 else hi
        return (
            ("… " if lo > left else "")
            + " ".join(text[lo:hi].split())
            + (" …" if hi < right else "")
        )
    return " ".join(text[left:right].split())


# ------------------------------------------------------------------- across articles


def _key_of(fact: dict[str, Any]) -> tuple[str, str, str, int] | None:
    loc = fact.get("locality") or {}
    if (
        not loc.get("name")
        or fact.get("year") is None
        or fact.get("group")
        or fact.get("status") == "target"
    ):
        return None
    place = loc.get("code") or " ".join(str(loc["name"]).casefold().split())
    return fact["indicator"], str(place), str(loc.get("level")), int(fact["year"])


def find_contradictions(
    records: Iterable[dict[str, Any]], tolerance: float = 0.005
) -> list[dict[str, Any]]:
    """The same locality, indicator and year stated with different values by different articles."""
    seen: dict[tuple[str, str, str, int], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for rec in records:
        for fact in rec.get("facts") or []:
            key = _key_of(fact)
            if key is not None:
                seen[key].append((rec.get("doc_id", "?"), fact))
    out: list[dict[str, Any]] = []
    for (indicator, _, level, year), items in sorted(seen.items()):
        values = sorted({float(f["value"]) for _, f in items})
        if len({d for d, _ in items}) < 2 or values[-1] - values[0] <= tolerance * max(
            abs(values[-1]), 1e-9
        ):
            continue  # one article repeating itself is checked within it; equal values agree
        name = items[0][1]["locality"]["name"]
        out.append(
            {
                "kind": "contradiction",
                "indicator": indicator,
                "locality": name,
                "level": level,
                "year": year,
                "values": values,
                "sources": [
                    {
                        "doc_id": d,
                        "value": f["value"],
                        "unit": f.get("unit"),
                        "evidence": f.get("evidence"),
                    }
                    for d, f in items
                ],
            }
        )
    return out
