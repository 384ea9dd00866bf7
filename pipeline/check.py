"""The check stage: do an article's figures add up, and do articles contradict each other.

Every stated figure is an interval, not a point: `1.417,3 tỷ` means anything that rounds
to it (± 0,05 tỷ), `gần 837,6 tỷ` a little less than 837,6 tỷ. A computation over
intervals is consistent when its result overlaps the stated figure's interval, so no
check fails only because of rounding. Each check records its kind, status
(`consistent`, `inconsistent`, `cannot_check`), the stated and computed values, the
tolerance used, and the evidence span of every figure involved.

Kinds, within one article:
- `change`: from A to B, a fall or rise of C (`giảm 8.060 hộ (từ 33.486 hộ xuống còn 25.426 hộ)`);
- `sum_of_parts`: parts after `trong đó` add up to the total before it;
- `share_of_plan`: `giải ngân X, đạt Y% kế hoạch` against the plan the article states;
- `common_base`: `N hộ nghèo, tỷ lệ R%` and `M hộ cận nghèo, tỷ lệ S%` imply the same number of households;
- `average`: a stated average against the values listed for it;
- `rate_change`: a rate, the stated change since a year, and that year's rate.
Across articles (`find_contradictions`): one locality, indicator and year with different values.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex
from vnfacts.doc import Document, Mention
from vnfacts.registry import stage

_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_APPROX_WIDTH = {
    "nearly": (0.02, 0.0),
    "about": (0.03, 0.03),
    "over": (0.0, 0.05),
    "under": (0.05, 0.0),
}
_FROM = regex.compile(r"\btừ\s*(?:khoảng|gần|hơn|trên\s*)?$", regex.I)
_TO = regex.compile(r"\b(?:xuống còn|xuống|lên|còn)\s*(?:khoảng|gần|hơn|trên\s*)?$", regex.I)
_BY = regex.compile(r"\b(?:giảm|tăng)(?:\s+(?:được|thêm))?\s*(?:khoảng|gần|hơn|trên\s*)?$", regex.I)
_IN_WHICH = regex.compile(r"\btrong đó\b", regex.I)
_AVERAGE = regex.compile(r"(?:bình quân|trung bình)[^()]{0,40}$", regex.I)
_SOURCES = ("trung ương", "địa phương", "đối ứng", "xã hội hóa", "lồng ghép", "tín dụng")


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
        return Interval(self.lo / other.hi, self.hi / other.lo)

    def scale(self, k: float) -> Interval:
        return Interval(self.lo * k, self.hi * k)

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def _written(number: str) -> float | None:
    """A number as written the Vietnamese way ("1.417,3") → 1417.3 (the recognizer has
    validated its shape; this only recovers the written precision's scale)."""
    try:
        return float(number.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def interval_of(m: Mention) -> Interval:
    """The values a written figure stands for: its rounding, widened by its qualifier."""
    value = float(m.attrs["value"])
    found = _NUMBER.search(m.text)
    half = 0.0
    if found:
        written = _written(found.group())
        decimals = len(found.group().rsplit(",", 1)[1]) if "," in found.group() else 0
        scale = value / float(written) if written else 1.0
        half = 0.5 * 10 ** (-decimals) * abs(scale)
    lo, hi = value - half, value + half
    below, above = _APPROX_WIDTH.get(m.attrs.get("approx") or "", (0.0, 0.0))
    return Interval(lo - abs(value) * below, hi + abs(value) * above)


def point_of(m: Mention) -> Interval:
    """The figure exactly as written, for the computed value a reader sees."""
    v = float(m.attrs["value"])
    return Interval(v, v)


def _difference(first: Mention, second: Mention) -> tuple[Interval, Interval]:
    """first − second, as intervals (for the verdict) and as written (for the reader)."""
    return interval_of(first) - interval_of(second), point_of(first) - point_of(second)


def _span(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text}


def _check(
    kind: str,
    consistent: bool,
    stated: Mention,
    computed: Interval,
    figures: Iterable[Mention],
    what: str,
    point: Interval | None = None,
) -> dict[str, Any]:
    stated_iv = interval_of(stated)
    status = "consistent" if consistent else "inconsistent"
    return {
        "kind": kind,
        "status": status,
        "stated": stated.attrs["value"],
        "computed": round((point or computed).mid, 6),
        "computed_range": [round(computed.lo, 6), round(computed.hi, 6)],
        "tolerance": round((stated_iv.hi - stated_iv.lo) / 2, 6),
        "evidence": [_span(f) for f in figures],
        "message": what + ("" if consistent else " — the figures do not agree beyond rounding"),
    }


def _cannot(kind: str, why: str, figures: Iterable[Mention]) -> dict[str, Any]:
    return {
        "kind": kind,
        "status": "cannot_check",
        "stated": None,
        "computed": None,
        "tolerance": None,
        "evidence": [_span(f) for f in figures],
        "message": why,
    }


def _unit(m: Mention) -> str:
    return "%" if m.type == "PERCENT" else str(m.attrs.get("unit"))


class Checker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.checks: list[dict[str, Any]] = []
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
        self.share_of_plan()
        self.common_base()
        self.rate_change()
        return self.checks

    # --------------------------------------------------------------- within a sentence
    def change(self, figs: list[Mention], s0: int) -> None:
        """From A to B, by C: `giảm 8.060 hộ (từ 33.486 hộ xuống còn 25.426 hộ)`."""
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
            first, second = (a, b) if float(a.attrs["value"]) >= float(b.attrs["value"]) else (b, a)
            computed, point = _difference(first, second)
            ok = computed.overlaps(interval_of(c))
            self.checks.append(
                _check(
                    "change",
                    ok,
                    c,
                    computed,
                    (a, b, c),
                    f"{a.text} → {b.text}: a change of {point.mid:g}, stated {c.text}",
                    point,
                )
            )

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
            computed = point = Interval(0.0, 0.0)
            for p in parts:
                computed, point = computed + interval_of(p), point + point_of(p)
            ok = computed.overlaps(interval_of(total))
            names = " + ".join(p.text for p in parts)
            self.checks.append(
                _check(
                    "sum_of_parts",
                    ok,
                    total,
                    computed,
                    (total, *parts),
                    f"parts {names} add up to {point.mid:,.0f}; stated total {total.text}",
                    point,
                )
            )

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
            listed = [g for g in figs[lo:hi] if _unit(g) == _unit(f)]
            if len(listed) < 2:
                continue
            total = point = Interval(0.0, 0.0)
            for g in listed:
                total, point = total + interval_of(g), point + point_of(g)
            computed, point = total.scale(1 / len(listed)), point.scale(1 / len(listed))
            ok = computed.overlaps(interval_of(f))
            self.checks.append(
                _check(
                    "average",
                    ok,
                    f,
                    computed,
                    (f, *listed),
                    f"the average of {', '.join(g.text for g in listed)} is {point.mid:.4g}; stated {f.text}",
                    point,
                )
            )

    # --------------------------------------------------------------- across the article
    def _fact_figure(self, fact: dict[str, Any]) -> Mention | None:
        fig = fact.get("figure") or {}
        return self.by_start.get(fig.get("start", -1))

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
            label = self._label(paid_m)
            plan = plan_of.get(label)
            if plan is None:
                self.checks.append(
                    _cannot(
                        "share_of_plan",
                        "the article does not state the plan this share is of",
                        (paid_m, rate_m),
                    )
                )
                continue
            try:
                computed = (interval_of(paid_m) / interval_of(plan)).scale(100)
                point = (point_of(paid_m) / point_of(plan)).scale(100)
            except ZeroDivisionError:
                continue
            ok = computed.overlaps(interval_of(rate_m))
            self.checks.append(
                _check(
                    "share_of_plan",
                    ok,
                    rate_m,
                    computed,
                    (paid_m, plan, rate_m),
                    f"{paid_m.text} of {plan.text} is {point.mid:.2f}%; stated {rate_m.text} "
                    "(assuming the plan is the budget the article states)",
                    point,
                )
            )

    def common_base(self) -> None:
        """`2.100 hộ nghèo, tỷ lệ 14,78%` and `3.784 hộ cận nghèo, tỷ lệ 26,63%`: one household base.
        Counts and rates meet through an index on (locality, year, sentence); only the first
        two pairs of each are compared, so no more are gathered."""
        pairs: dict[tuple[Any, Any, int], list[tuple[Mention, Mention]]] = {}
        for count_ind, rate_ind in (
            ("poor_households", "poverty_rate"),
            ("near_poor_households", "near_poverty_rate"),
        ):
            rates: dict[tuple[Any, Any, int], list[Mention]] = defaultdict(list)
            for r in self.doc.facts:
                if r["indicator"] == rate_ind:
                    rm = self._fact_figure(r)
                    if rm is not None:
                        rates[_base_key(r)].append(rm)
            for c in self.doc.facts if rates else ():
                if c["indicator"] != count_ind:
                    continue
                cm = self._fact_figure(c)
                key = _base_key(c)
                if cm is None or key not in rates:
                    continue
                group = pairs.setdefault(key, [])
                for rm in rates[key]:
                    if len(group) >= 2:
                        break
                    group.append((cm, rm))
        for group in pairs.values():
            if len(group) < 2:
                continue
            (c1, r1), (c2, r2) = group[0], group[1]
            try:
                base1 = interval_of(c1) / interval_of(r1).scale(0.01)
                base2 = interval_of(c2) / interval_of(r2).scale(0.01)
            except ZeroDivisionError:
                continue
            ok = base1.overlaps(base2)
            point1 = point_of(c1) / point_of(r1).scale(0.01)
            point2 = point_of(c2) / point_of(r2).scale(0.01)
            self.checks.append(
                _check(
                    "common_base",
                    ok,
                    r2,
                    (interval_of(c2) / base1).scale(100),
                    (c1, r1, c2, r2),
                    f"{c1.text} at {r1.text} means {point1.mid:,.0f} households; "
                    f"{c2.text} at {r2.text} means {point2.mid:,.0f}",
                    (point_of(c2) / point1).scale(100),
                )
            )

    def rate_change(self) -> None:
        """A rate, its stated change since a year, and that year's rate if the article gives it."""
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
                self.checks.append(
                    _cannot(
                        "rate_change",
                        f"the article does not state the rate of {since}",
                        (fig, stated_change),
                    )
                )
                continue
            first, second = (
                (before, fig) if change.get("direction") != "increase" else (fig, before)
            )
            computed, point = _difference(first, second)
            ok = computed.overlaps(interval_of(stated_change))
            self.checks.append(
                _check(
                    "rate_change",
                    ok,
                    stated_change,
                    computed,
                    (before, fig, stated_change),
                    f"{before.text} ({since}) → {fig.text}: {point.mid:.2f} points; stated {stated_change.text}",
                    point,
                )
            )

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


def _last_before(figures: list[Mention], start: int) -> Mention | None:
    """The last figure, in the order given, that starts before `start`."""
    for m in reversed(figures):
        if m.start < start:
            return m
    return None


def _base_key(fact: dict[str, Any]) -> tuple[Any, Any, int]:
    """A count and a rate of one household base: same locality, year and sentence."""
    return ((fact["locality"] or {}).get("name"), fact["year"], fact["evidence"]["start"])


@stage("check", requires=("facts",), provides=("checks",))
def check(doc: Document) -> Document:
    doc.checks = Checker(doc).run()
    return doc


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
