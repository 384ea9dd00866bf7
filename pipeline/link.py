"""The link stage: figures → facts (indicator, locality, year, value, evidence).

For each figure of a body sentence it decides, in this order:
1. what it measures: the last subject cue before it in the sentence ("tỷ lệ hộ
   nghèo", "giải ngân", "thu nhập bình quân"), or the noun right after a count
   ("2.100 hộ nghèo", "3.784 hộ cận nghèo"), then whether the words just before
   it make it a level ("còn", "là", "chiếm") or a fall ("giảm", "mức giảm");
2. when: a year in parentheses right after it, else the last time named before it
   in the sentence (not a "so với năm …" baseline), else the paragraph's, else the
   article date's;
3. where: the nearest place named before it in the sentence, else the place the
   discourse is about (a section headed by an official, the last place named);
4. whether it is a plan ("phấn đấu", "dự kiến", "mục tiêu"): status "target".
Cues are data in `patterns/indicators.jsonl`; each fact names its rule in `method`.
The words looked for around a figure ("giảm xuống còn", "so với năm") are data in
`patterns/link_cues.jsonl`, each with its reason and examples.
"""

from __future__ import annotations

import bisect
import collections
import copy
import itertools
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any

import regex
from vnfacts import patterns
from vnfacts.doc import NEIGHBOUR, Document, Mention, Sentence
from vnfacts.gazetteer import (
    LEVEL_RANK,
    NAMES_BEFORE,
    ascii_key,
    era_of,
    get_gazetteer,
    name_of_its_time,
)
from vnfacts.registry import stage

READINGS = frozenset({"level", "fall", "count", "count-fall", "money", "rate-of-plan"})
WHOLE_UNITS = frozenset({"households", "persons", "houses"})


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """One indicator of `patterns/indicator_specs.jsonl`, validated on load."""

    id: str
    indicator: str
    figure: str
    units: tuple[str, ...]
    subject: str
    reads: str
    standard: bool
    # the values a fact of each unit can take ("VND/person/year": a person's income, not a
    # province's 850 tỷ đồng/năm of investment); outside them a figure gives no fact
    plausible: tuple[tuple[str, float, float], ...] = ()

    def holds(self, value: Any, unit: str | None) -> bool:
        """Whether `value` in `unit` is one a fact of this indicator can take (a count of
        households, people or houses is whole: "67.39 hộ" is a misprint, no count)."""
        if not isinstance(value, int | float):
            return True
        if unit in WHOLE_UNITS and value != int(value):
            return False
        return all(low <= value <= high for u, low, high in self.plausible if u == unit)


@cache
def indicator_specs() -> tuple[IndicatorSpec, ...]:
    specs: list[IndicatorSpec] = []
    for rule in patterns.load("indicator_specs"):
        where = f"indicator_specs.jsonl {rule['id']!r}"
        if rule.get("reads") not in READINGS or rule.get("figure") not in ("PERCENT", "QUANTITY"):
            raise patterns.PatternError(f"{where}: `reads` one of {sorted(READINGS)}, `figure`")
        if not rule.get("units") or not rule.get("examples") or not rule.get("subject"):
            raise patterns.PatternError(f"{where}: needs units, a subject and an example")
        plausible = rule.get("plausible", {})
        if not isinstance(plausible, dict) or any(
            unit not in rule["units"] or not (isinstance(b, list) and len(b) == 2 and b[0] < b[1])
            for unit, b in plausible.items()
        ):
            raise patterns.PatternError(f"{where}: `plausible` maps a unit to [low, high]")
        spec = IndicatorSpec(
            rule["id"],
            rule["indicator"],
            rule["figure"],
            tuple(rule["units"]),
            rule["subject"],
            rule["reads"],
            bool(rule.get("standard")),
            tuple((unit, float(b[0]), float(b[1])) for unit, b in plausible.items()),
        )
        if any((s.subject, s.reads) == (spec.subject, spec.reads) for s in specs):
            raise patterns.PatternError(
                f"{where}: a second indicator for {spec.subject}/{spec.reads}"
            )
        specs.append(spec)
    return tuple(specs)


@cache
def _spec_of(indicator: str) -> IndicatorSpec | None:
    return next((s for s in indicator_specs() if s.indicator == indicator), None)


@cache
def indicator_for(subject: str, reads: str) -> str:
    """The indicator a figure of `subject` read as `reads` states (from the specs)."""
    for spec in indicator_specs():
        if (spec.subject, spec.reads) == (subject, reads):
            return spec.indicator
    raise KeyError(f"no indicator spec for {subject}/{reads}")


def _reading_map(reads: str) -> dict[str, str]:
    return {s.subject: s.indicator for s in indicator_specs() if s.reads == reads}


# rates by their subject ("poor" → poverty_rate) and counts of households by theirs
LEVEL_OF = _reading_map("level")
HOUSEHOLD_COUNT = {
    subject: indicator
    for subject, indicator in _reading_map("count").items()
    if subject in LEVEL_OF  # the poor and the near-poor, not all households
}
INCOME_UNITS = ("VND/person/year", "VND/person/month", "VND/person", "VND/month", "VND/year", "VND")

# `{name}` in a cue's regex: where the fragment `name` goes (`\p{L}` and `{0,60}` are no names)
_FRAGMENT_REF = regex.compile(r"(?<!\\[pPN])\{([a-z][a-z0-9-]*)\}")


@cache
def _link_cues() -> tuple[Mapping[str, str], Mapping[str, regex.Pattern[str]]]:
    """The word cues of `patterns/link_cues.jsonl`: (fragment text by id, compiled cue by id).

    The words the linker looks for around a figure ("giảm xuống còn", "so với năm") are data,
    each with the phrase it was written for and examples that run as tests
    (tests/test_link_cues.py), so a reader finds and checks a cue without reading the engine.
    Validated on load: an id, a regex that compiles, a `why` and a `match` example each; a
    `{name}` that names no fragment (or, in a fragment, none written before it) is an error.
    Fragments are spliced in by plain text replacement (a regex's own braces, `{0,60}`, are
    left alone)."""
    rules = patterns.load("link_cues")
    fragments: dict[str, str] = {}
    for rule in rules:
        if rule.get("fragment"):
            # a fragment may name one written before it ("{ethnic-names}" in the households')
            where = f"link_cues.jsonl {rule['id']!r}"
            fragments[rule["id"]] = splice_fragments(rule.get("regex", ""), fragments, where)
    cues: dict[str, regex.Pattern[str]] = {}
    for rule in rules:
        where = f"link_cues.jsonl {rule['id']!r}"
        missing = [key for key in ("regex", "why", "match") if not rule.get(key)]
        if missing:
            raise patterns.PatternError(
                f"{where}: missing {', '.join(missing)} (a regex, a why, a match example each)"
            )
        if rule.get("applied", "search") not in CUE_APPLICATIONS:
            raise patterns.PatternError(f"{where}: `applied` is one of {sorted(CUE_APPLICATIONS)}")
        text = fragments[rule["id"]] if rule.get("fragment") else rule["regex"]
        text = splice_fragments(text, fragments, where)
        try:
            pattern = regex.compile(text, 0 if rule.get("case_sensitive") else regex.I)
        except regex.error as exc:
            raise patterns.PatternError(f"{where}: {exc}") from exc
        if not rule.get("fragment"):
            cues[rule["id"]] = pattern
    return MappingProxyType(fragments), MappingProxyType(cues)  # cached: read-only


CUE_APPLICATIONS = frozenset({"search", "match", "fullmatch"})


def splice_fragments(text: str, fragments: Mapping[str, str], where: str) -> str:
    """A pattern with each `{name}` replaced by that fragment of link_cues.jsonl (plain text
    replacement: a regex's own braces, `{0,60}`, are left alone); an unknown name is an error."""
    for name in _FRAGMENT_REF.findall(text):
        if name not in fragments:
            raise patterns.PatternError(f"{where}: unknown fragment {{{name}}}")
        text = text.replace("{" + name + "}", fragments[name])
    return text


def link_cue(cue_id: str) -> regex.Pattern[str]:
    """The compiled word cue `cue_id` of `patterns/link_cues.jsonl`."""
    cues = _link_cues()[1]
    if cue_id not in cues:
        raise patterns.PatternError(f"link_cues.jsonl has no cue {cue_id!r}")
    return cues[cue_id]


def link_fragment(fragment_id: str) -> str:
    """The regex text of fragment `fragment_id` of `patterns/link_cues.jsonl`, for a pattern
    built in code."""
    fragments = _link_cues()[0]
    if fragment_id not in fragments:
        raise patterns.PatternError(f"link_cues.jsonl has no fragment {fragment_id!r}")
    return fragments[fragment_id]


# the hedge before a figure ("khoảng", "gần", "hơn"), in the patterns built in code below
_APPROX = link_fragment("approx")
_ETHNIC_LIST_ITEM_BEFORE = link_cue("ethnic-list-item-before")
_ETHNIC_COMPOSITION_ITEM_BEFORE = link_cue("ethnic-composition-item-before")
_ETHNIC_COMPOSITION_BEFORE = link_cue("ethnic-composition-before")
_ETHNIC_COMPOSITION_OF_OTHERS = link_cue("ethnic-composition-of-others")
_PROGRAMME_NAMED_FOR_A_GROUP_BEFORE = link_cue("programme-named-for-a-group-before")
_A_UNIT_DESCRIBED_BEFORE = link_cue("a-unit-described-before")
# what a list of people by ethnic group counts: the people who live there, not workers trained
# or the poor ("giải quyết việc làm cho 2.500 lao động, trong đó dân tộc Tày có 1.000 người")
_PEOPLE_BY_ORIGIN_BEFORE = regex.compile(
    r"\b(?:dân số|nhân khẩu|đồng bào|dân tộc (?:thiểu số|anh em)|cư trú|sinh sống|DTTS)\b", regex.I
)
# "vào cuối năm 2024", "vào thời điểm cuối năm 2020", "năm 2021": a figure's own time after it
_OWN_TIME_AFTER = (
    r"(?:(?:vào\s+)?(?:thời điểm\s+)?(?:cuối|đầu|giữa|hết)?\s*năm\s+(?:\d{4}|nay)\s*)?"
)
_IN_SENTENCE = link_fragment("in-sentence")
# A time before this is history ("kháng chiến (1946-1954)"), never the date a passage's
# figures hold for.
MIN_PROGRAMME_YEAR = 1990
# How far before a bare count its label may start ("số hộ nghèo toàn huyện Di Linh còn 3.174")
BARE_COUNT_LABEL_CHARS = 80
# how many of the last facts may hold the houses count a list of houses by place continues
HOUSES_PASSAGE_FACTS = 3
TIME_LATER_IN_CLAUSE_CHARS = 100  # how far on in its clause a time may still date a figure
# Units of one level listed before a figure said of them all ("tại 2 huyện A và B, với …")
UNITS_OF_A_JOINT_SUM = 2
SCENE_WORDS = (5, 35)  # a caption kept as a line of its own: words, at least and at most
SCENE_TAIL_WORDS = 4  # words a caption may write after the place it shows ("… ngày một đổi mới")
_LIST_JOIN = link_cue("list-join")
_SCENE_VENUE_BEFORE = link_cue("scene-venue-before")
_CAPTION_SCENE_OPENING = link_cue("caption-scene-opening")
_PARENT_IN_BRACKETS_BETWEEN = link_cue("parent-in-brackets-between")
_PROGRAMME_PERIOD_BEFORE = link_cue("programme-period-before")
_NAMED_WORK_BEFORE_A_QUOTE = link_cue("named-work-before-a-quote")
_SPEAKER_AFTER_A_QUOTE = link_cue("speaker-after-a-quote")
# what joins a unit to its parent written after it: "xã Tân Lập, Đan Phượng", "xã A - huyện
# B", "xã Pa Ủ thuộc huyện Mường Tè", "xã vùng cao Pa Ủ của huyện Mường Tè"
_PARENT_JOINED_AFTER = regex.compile(r"\s*(?:[-–,]|thuộc|của)\s*", regex.I)
_NAMED_MULTIDIMENSIONAL_AFTER = link_cue("named-multidimensional-after")
_ELABORATION_OPENING = link_cue("elaboration-opening")
_PARTS_OPENING_A_SENTENCE = link_cue("parts-opening-a-sentence")
_GROUP_HAS_THE_COUNT_BETWEEN = link_cue("group-has-the-count-between")
# the money a sentence of parts may split the sentence before's amount into (not money
# disbursed out of it: "Gồm: vốn đầu tư 200 tỷ đồng, đã giải ngân 150 tỷ đồng")
_SPLIT_MONEY = frozenset({indicator_for("budget", "money")})
_PLAN_HEADER_CLOSING = link_cue("plan-header-closing")
_PERIOD_START_AFTER = link_cue("period-start-after")
_PART_OPENER_BEFORE = link_cue("part-opener-before")
_EACH_UNIT_BEFORE = link_cue("each-unit-before")
_UNIT_RIGHT_AFTER_THE_FIGURE = link_cue("unit-right-after-the-figure")
_PLAN_WORD_AFTER_THE_COUNT = link_cue("plan-word-after-the-count")
EACH_UNIT_CHARS = 60  # how far before a figure "mỗi xã được hỗ trợ xây" may start
_ESTIMATE_OR_SOURCE_AFTER_A_PLAN = link_cue("estimate-or-source-after-a-plan")
_GROUP_FRAME_OPENING = link_cue("group-frame-opening")
_GROUP_OPENS_ITS_CLAUSE = link_cue("group-opens-its-clause")
_HAS_AFTER_A_GROUP = regex.compile(r"\s*(?:hiện\s+)?(?:có|còn)\b")
# how many words a plan's item in a sentence of its own may have ("Tỷ lệ hộ nghèo giảm còn 15%.")
PLAN_ITEM_WORDS = 30
# the words between households counted and the unit they are of: "3 hộ gia đình thuộc |xã Ba"
_UNIT_RIGHT_AFTER = regex.compile(
    r"\s*(?:gia đình\s+)?(?:(?:cận\s+)?nghèo\s+)?(?:(?:tại|ở|thuộc|của)\s+)?"
)
_POOR_OF_THE_UNIT_BEFORE = link_cue("poor-of-the-unit-before")
# the words that name the households a part counts, after its unit, up to the next item
_HOUSEHOLDS_NAMED_AFTER = regex.compile(
    r"\s*(?:gia đình\s+)?(?P<who>[^\d,;.()]{3,60}?)\s*(?=,|;|\.|\(|\)|\bvà\b|$)"
)
_SAYS_WHAT_THE_HOUSEHOLDS_DID = link_cue("says-what-the-households-did")
_HOUSEHOLD_KINDS_OPENER = link_cue("household-kinds-opener")
_HOUSEHOLD_KIND_ITEMS = link_cue("household-kind-items")
_RESULT_AGAINST_A_PLAN_BEFORE = link_cue("result-against-a-plan-before")
_EVENT_OF_THE_MOMENT = link_cue("event-of-the-moment")
_HEADLINE_OF_AN_EVENT = link_cue("headline-of-an-event")
_TERM_JUST_ENDED = link_cue("term-just-ended")
_CONGRESS_TERM = link_cue("congress-term")
_ACCOUNT_GIVEN = link_cue("account-given")
_REVIEW_OF_A_UNIT_HEADLINE = link_cue("review-of-a-unit-headline")
_UNIT_OPENING = link_cue("unit-opening")
_FALL_LIST_BEFORE = link_cue("fall-list-before")
# a parenthesis right after a figure, then its time: "17,89% (trong đó …) vào năm 2016"
_AFTER_A_PARENTHESIS = regex.compile(r"[^;()]{0,30}\([^()]{0,160}\)\s*(?:vào\s*)?")
_RESULTS_HEADING = link_cue("results-heading")
_BREAKDOWN_OPENER = link_cue("breakdown-opener")
# houses and money are where they were built or spent: "… cho các hộ nghèo ở Quỳ Hợp"
_DONE_SOMEWHERE = frozenset({indicator_for("houses", "count"), indicator_for("budget", "money")})
_WHERE_DONE_BEFORE = link_cue("where-done-before")
_HOUSES_KIND_THEN_WHERE = link_cue("houses-kind-then-where")
_SCENE_OPENING_BEFORE = link_cue("scene-opening-before")
WHERE_DONE_CHARS = 160  # how far after the figure the unit where it was done may stand
_A_CEILING = link_cue("a-ceiling")
# a bare level word after a figure's noun, naming the unit it is of: "35 hộ … của xã"
_LEVEL_WORD_AFTER = link_cue("level-word-after")
_LEVEL_OF_WORD = {"xã": "commune", "huyện": "district", "tỉnh": "province"}
_LEVEL_OF_WORD_OR_TOWN = {
    **_LEVEL_OF_WORD,
    "thị xã": "district",
    "thị trấn": "commune",
    "phường": "commune",
}
# a list of years that figures follow one by one: "các năm 2021, 2022 và 2023"
_YEAR_LIST = link_cue("year-list")
_AT_THE_POVERTY_LINE = link_cue("at-the-poverty-line")
# a sentence that frames its paragraph's topic: "Đối với hộ cận nghèo, …", "Về hộ nghèo: …"
_TOPIC_OPENING = link_cue("topic-opening")
# the words that join a group to the noun it qualifies: "hộ nghèo (là) người DTTS"
_GROUP_JOINER = link_cue("group-joiner")
# a verb inside a breakdown's item: it reads the figure itself ("xã A giảm còn 14,1%")
_VERB_OF_AN_ITEM = link_cue("verb-of-an-item")
# readings of a breakdown's item (it keeps the group of the figure it breaks down when it
# names none)
_BREAKDOWN_ITEM_RULES = frozenset({"item-of-a-breakdown", "item-of-a-houses-list"})
# a count's or a rate's category by its indicator: "poor_households" → "poor",
# "poverty_rate" → "poor"
COUNT_OF = {indicator: subject for subject, indicator in HOUSEHOLD_COUNT.items()}
RATE_FALL = indicator_for("poor", "fall")
# how far (in points) a stated fall may be from the share its counts make and still be that
# share: a percentage printed with two decimals, rounded
RELATIVE_FALL_TOLERANCE = 0.1
_POOR_COUNTS = frozenset({indicator_for("poor", "count"), indicator_for("poor", "count-fall")})
RATE_OF = {indicator: subject for subject, indicator in LEVEL_OF.items()}
_HOUSES_LIST_HEAD = link_cue("houses-list-head")
_VALUE_OF_THE_WORK_BEFORE = link_cue("value-of-the-work-before")
_MONEY_IN_BRACKETS_AFTER_THE_COUNT = link_cue("money-in-brackets-after-the-count")
_FOR_WHOM_BEFORE = link_cue("for-whom-before")
_HOUSES_FOR_A_GROUP_AFTER = link_cue("houses-for-a-group-after")
_POOR_AMONG_THE_RECIPIENTS_AFTER = link_cue("poor-among-the-recipients-after")
_POOR_AMONG_THE_RECIPIENTS_BEFORE = link_cue("poor-among-the-recipients-before")
_NEXT_LIST_ITEM_BEFORE = link_cue("next-list-item-before")
_LEFT_NEAR_POVERTY_AFTER = link_cue("left-near-poverty-after")
_POOR_BY_CATEGORY_AFTER = link_cue("poor-by-category-after")
_RATE_OF_A_CATEGORY_AFTER = link_cue("rate-of-a-category-after")
_RECIPIENTS_IN_SENTENCE = link_cue("recipients-in-sentence")
_HOUSES_NOT_BUILT_AFTER = link_cue("houses-not-built-after")
_LEVEL_WORD_OPENING = link_cue("level-word-opening")
_WHOLE_UNIT_COUNT_BEFORE = link_cue("whole-unit-count-before")
_RATE_AFTER = link_cue("rate-after")
RATIO_RATE_TOLERANCE_PP = 0.15  # a rate stated for N/M households, rounded
_SAID_OF_THEM_ALL = link_cue("said-of-them-all")
# Money whose group words name who it is for, never a sub-population it measures
MONEY_FOR_ITS_BENEFICIARIES = frozenset({"budget", "budget_disbursed"})
# How far before a figure an exception's `unless_before` / `requires_before` words may start
EXCEPTION_BEFORE_CHARS = 80
# The longest quotation read as a slogan or a name whose places are no passage's subject
SLOGAN_WORDS = 25
CARRY_TIMES_ACROSS_PARAGRAPHS = True
REORGANISATION_YEAR = 2025  # provinces and communes merged on 1 July 2025
# times that name a part of a year without its year ("6 tháng đầu năm", "cuối năm")
ARCHIVED_AFTER_YEARS = 2  # a page dated this many years after the year its passage names
PARTS_OF_A_YEAR = frozenset(
    {"start_of_year", "mid_year", "end_of_year", "first_months", "last_months"}
)
FORMER_OF = "_now_part_of"  # a locality's key, while linking, for the unit a former one joined
PASSAGE_SENTENCES = 3  # how far back a sentence without a time borrows one
MAX_LINK_SPAN = 1500  # characters of a run-on sentence linked as one piece
COUNTRY: Mapping[str, str] = MappingProxyType({"name": "Việt Nam", "level": "country"})
_MONEY_SUBJECTS = frozenset({"budget", "disbursement", "loans", "finance", "income"})
# which subject cues can govern a figure of each kind (others are modifiers: "kinh phí hỗ trợ hộ nghèo")
_SUBJECTS_FOR: dict[str, frozenset[str]] = {
    "PERCENT": frozenset(
        {"poor", "near", "multidim", "disbursement", "loans", "finance", "income", "economy"}
    ),
    "VND": _MONEY_SUBJECTS,
    "households": frozenset({"poor", "near", "total_households", "population"}),
    # "khởi công nhà ở cho hộ nghèo, hộ cận nghèo như: Thạch Hà (182/182 nhà)": houses are
    # counted of the houses named, not of the households they are for
    "houses": frozenset({"houses"}),
}

# Word cues: each is the entry of `patterns/link_cues.jsonl` with its id, which says what it
# recognises, why, and the phrases it must and must not find.
_INCOME_OF = link_cue("income-of")
_DECREASE_BEFORE = link_cue("decrease-before")
_INCREASE_BEFORE = link_cue("increase-before")
# a figure's own time right after it ("8,2% |đầu năm", "5,1% vào |cuối năm 2023")
_OWN_TIME_GAP = regex.compile(r"\s*(?:vào\s+)?(?:thời điểm\s+)?", regex.I)
# the words between the two ends of a change ("8,2% đầu năm| xuống |5,1%")
_CHANGE_JOIN = regex.compile(
    r"\s*,?\s*(?:(?:giảm|tăng)\s+)?(?:(?:xuống|đến|tới|lên)(?:\s+(?:còn|mức))?|còn)"
    r"\s*(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|dưới\s+)?",
    regex.I,
)
# after "N hộ, M người|khẩu": the clause ends, or says who the people are or where they live
# ("…, chủ yếu là đồng bào Mông", "… sinh sống trên địa bàn", "… thuộc 5 dân tộc"), not
# which of them a policy counts ("150 người thuộc diện bảo trợ", "250 người cư trú ngoài tỉnh")
_PEOPLE_AFTER_A_BARE_COMMA_END = regex.compile(
    r"\s*(?:[.;,(]|$|(?:là\s+)?(?:đồng bào|người|dân tộc)\b|trong đó\b|chủ yếu\b"
    r"|(?:đang\s+)?(?:sinh sống|cư trú)\b(?![^.;,]{0,25}\b(?:ngoài|nước ngoài)\b)"
    r"|thuộc\s+(?:\d+|các)\s+(?:dân tộc|thôn|bản|ấp|xã|tổ)\b|gồm\s+(?:\d+\s+|các\s+)?dân tộc\b)",
    regex.I,
)
# ", trong đó hộ đồng bào dân tộc Khmer |1.945 hộ": a part's label between the whole and it
_PART_LABEL_AFTER_A_WHOLE = regex.compile(
    r"\s*,?\s*(?:trong đó|gồm|bao gồm)\s*:?\s*(?P<label>[^\d.;,()]{2,50}?)\s*"
    r"(?:(?:là|có|chiếm|:)\s*)?(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?",
    regex.I,
)
# a part's label that says the part is poor, reached or of another kind, or what its
# households have, lack or do, or names a village: no group of them all ("hộ đồng bào Khmer sử
# dụng nước sạch 1.980 hộ", "có mức sống trung bình", "thiếu đất sản xuất", "ấp Sóc Đồn")
_NOT_A_GROUPS_PART = regex.compile(
    r"\b(?:nghèo|thoát|được|vay|tham gia|hưởng|lao động|học sinh|trẻ em|người cao tuổi"
    r"|khuyết tật|bảo trợ|độ tuổi|sử dụng|thiếu|chưa|không|cần|mức sống"
    r"|(?<!vùng\s|vùng đặc biệt\s)khó khăn|ấp|(?<!nông\s)thôn|bản|buôn|làng|tổ)\b",
    regex.I,
)
# after a part's count: its clause ends, or it gives its share or its people
_PART_COUNT_ENDS_AFTER = regex.compile(
    r"\s*(?:[.;,(]|$|chiếm\b|(?:và|với)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?[\d.,]+\s*"
    r"(?:nhân khẩu|khẩu|người)\b)",
    regex.I,
)
# "đã sử dụng |12.450 triệu đồng": money used, a budget only from a public source after it
_MONEY_USED_BEFORE = regex.compile(
    r"\b(?:đã\s+)?sử dụng\s*(?:(?:tổng\s*)?(?:số\s*)?(?:tiền|kinh phí|vốn)\s*)?(?:là\s*)?"
    + _APPROX
    + "$",
    regex.I,
)
# "… |từ Chương trình MTQG …": a public source the money was used from (not loans, a
# household's share or Tết gifts)
_PUBLIC_SOURCE_AFTER = regex.compile(
    r"\s*(?:từ\s+)?(?:các\s+)?(?:nguồn\s+)?(?:vốn\s+|kinh phí\s+)?(?:thuộc\s+|của\s+)?(?:các\s+)?"
    r"(?:Chương trình|CTMTQG|MTQG|Quỹ|ngân sách|vốn sự nghiệp|vốn đầu tư|Đề án|Dự án)\b"
    r"(?![^.;]{0,120}?\b(?:vay|NHCSXH|đối ứng|tặng quà|quà Tết|đón Tết)\b)",
    regex.I,
)
# a family's, households' or people's own money: "gia đình anh … sử dụng 50 triệu đồng"
_A_HOUSEHOLDS_OWN_BEFORE = regex.compile(
    r"\b(?:gia đình|hộ\s+(?:ông|bà|anh|chị|em)|người dân|các hộ(?:\s+dân)?|bà con)\b", regex.I
)
# money a sentence says is still to be paid out ("25 tỷ đồng vốn sự nghiệp chưa giải ngân")
_NOT_PAID_OUT = regex.compile(r"[^.;,]{0,40}?\bchưa\s+(?:được\s+)?giải ngân\b", regex.I)
# "đạt 70% |kế hoạch vốn": a share of the plan the words after it name
_SHARE_OF_BEFORE = regex.compile(
    r"\bđạt\s*(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?[\d.,]+\s*%\s*(?:so với\s+)?(?:tổng\s+)?$",
    regex.I,
)
_PER_YEAR_BEFORE = link_cue("per-year-before")
_YEAR_AFTER = link_cue("year-after")
_ENDS_OF_A_FALL_AFTER = link_cue("ends-of-a-fall-after")
_SINCE = link_cue("since")
_BASELINE_VALUE_IN_BRACKETS = link_cue("baseline-value-in-brackets")
_BASELINE_BEFORE = link_cue("baseline-before")
_EVENT_DATE_IN_BRACKETS_BEFORE = link_cue("event-date-in-brackets-before")
_MIDWAY_THROUGH_A_PROGRAMME = link_cue("midway-through-a-programme")
_AS_OF = link_cue("as-of")
_PART_OF_A_FALL_JOINT = link_cue("part-of-a-fall-joint")
_PART_OF_A_COUNT_OPENER = link_cue("part-of-a-count-opener")
_STANDARD_APPLIED_BEFORE = link_cue("standard-applied-before")
_OWN_LEVEL_VERB = link_cue("own-level-verb")
_STILL_BEFORE = regex.compile(r"\bvẫn\b", regex.I)
_TASKS_OF_A_YEAR_BEFORE = link_cue("tasks-of-a-year-before")
_DONORS_FROM_BEFORE = link_cue("donors-from-before")
_ISSUER_OF_A_DIRECTIVE_BEFORE = link_cue("issuer-of-a-directive-before")
_VISITING_DELEGATION_BEFORE = link_cue("visiting-delegation-before")
_NAME_OF_A_FIRM_BEFORE = link_cue("name-of-a-firm-before")
_FUNDS_OF_A_HIGHER_LEVEL_BEFORE = link_cue("funds-of-a-higher-level-before")
_GROUP_LIVING_THERE_AFTER = link_cue("group-living-there-after")
_PARAGRAPH_OPENING_TIME_BEFORE = link_cue("paragraph-opening-time-before")
_YEAR_REVIEWED_AFTER = link_cue("year-reviewed-after")
_ONE_YEAR_AFTER_A_STANDARD = link_cue("one-year-after-a-standard")
_STANDARD_BEFORE = link_cue("standard-before")
_NATIONAL_STANDARD_PERIOD_BEFORE = link_cue("national-standard-period-before")
_CRITERIA_BEFORE = link_cue("criteria-before")
_CRITERIA_OWNER_BEFORE = link_cue("criteria-owner-before")
_FOUNDED_BEFORE = link_cue("founded-before")
_PRICE_BASE_BEFORE = link_cue("price-base-before")
# the base years of the statistics office's constant prices ("theo giá 2010")
PRICE_BASE_YEARS = frozenset({1994, 2010})
_STANDARD_NAMED = link_cue("standard-named")
# the standards of the national poverty line, by the years they measured
POVERTY_STANDARDS = (
    (2011, 2015, "2011-2015"),
    # 2021's own year-end review already counted by the next standard; a text that says so
    # names it ("theo chuẩn nghèo giai đoạn 2022-2025"), else 2021 stays with the earlier one
    (2016, 2021, "2016-2020"),
    (2022, 2025, "2021-2025"),
    (2026, 2030, "2026-2030"),
)
STANDARD_INDICATORS = frozenset(s.indicator for s in indicator_specs() if s.standard)


def next_standard(name: str) -> str | None:
    """The poverty standard that followed `name` ("2011-2015" → "2016-2020")."""
    names = [n for _, _, n in POVERTY_STANDARDS]
    return names[names.index(name) + 1] if name in names[:-1] else None


def poverty_standard(sentence: str, year: int | None) -> str | None:
    """The poverty standard a rate or count of the poor is measured by: the one the
    sentence names, else the one in force for the figure's year (rates under different
    standards are not comparable)."""
    named = _STANDARD_NAMED.search(sentence)
    if named:
        a, b = int(named.group("a")), int(named.group("b"))
        return "2021-2025" if (a, b) == (2022, 2025) else f"{a}-{b}"
    if year is None:
        return None
    for low, high, name in POVERTY_STANDARDS:
        if low <= year <= high:
            return name
    return None


# word cues (patterns/link_cues.jsonl)
_LEGAL_REFERENCE_BEFORE = link_cue("legal-reference-before")
_RESIDENT_HOUSEHOLDS = link_cue("resident-households")
_CARRIED_OVER_AFTER = link_cue("carried-over-after")
_TARGET_BEFORE = link_cue("target-before")
_FROM_BEFORE = link_cue("from-before")
_ALREADY_FROM_BEFORE = link_cue("already-from-before")
_YEAR_POINTED_BACK_AT = link_cue("year-pointed-back-at")
_TO_BEFORE = link_cue("to-before")
_REL_FALL = link_cue("rel-fall")
_PEOPLE_COUNTED_BEFORE = link_cue("people-counted-before")
_WHOLE_UNIT = link_cue("whole-unit")
_LABEL_OF_A_BARE_COUNT = link_cue("label-of-a-bare-count")
_LABEL_OF_A_BARE_TOTAL = link_cue("label-of-a-bare-total")
_SURVEY_RESULTS = link_cue("survey-results")
_SURVEY_REFERENCE_BEFORE = link_cue("survey-reference-before")
_SURVEY_RESULT_MONTHS = (1, 2)  # a year-end review published then speaks of the last year
SURVEY_HEAD_CHARS = 1500  # where an article says it reports the survey's results
# how far back, in its paragraph, an income written by the month sets the period of one
# written without ("… 5,4 triệu đồng/tháng. … Hà Nội xếp thứ hai với 7,5 triệu đồng")
INCOME_PERIOD_REACH = 600
INCOME_SAME_ORDER = 2  # how far apart two incomes of one period may be (a year's is ~12 months')
# the people and households of a place: a figure of them that no unit owns is no fact
PEOPLE_OF_A_PLACE = frozenset({"population", "total_households"})
# what the year-end survey of the poor counts (money, houses and incomes are no part of it)
SURVEY_INDICATORS = frozenset(
    {
        "poverty_rate",
        "near_poverty_rate",
        "multidim_poverty_rate",
        "poor_households",
        "near_poor_households",
        "poverty_rate_reduction",
        "poor_households_reduction",
        "total_households",
        "population",
    }
)
# word cues (patterns/link_cues.jsonl)
_DEADLINE_BEFORE = link_cue("deadline-before")
_PLAN_MET = link_cue("plan-met")
_PLAN_MET_AFTER = link_cue("plan-met-after")
_FORECAST_BEFORE = link_cue("forecast-before")
_PLAN_CONTENT_AFTER = link_cue("plan-content-after")
_DISBURSED = link_cue("disbursed")
_PUBLIC_FUND_DISBURSED = link_cue("public-fund-disbursed")
_ALLOCATED = link_cue("allocated")
_KE_HOACH_AFTER = link_cue("ke-hoach-after")
_HOUSES_FOR_THE_POOR = link_cue("houses-for-the-poor")
_NOT_PROGRAMME = link_cue("not-programme")
_GIVEN_AFTER_A_FIRM = link_cue("given-after-a-firm")
_PROGRAMME = link_cue("programme")
_A_PERSON_BEFORE = link_cue("a-person-before")
_ALLOCATED_BY_A_VERB_BEFORE = link_cue("allocated-by-a-verb-before")
_MONEY_OF_SOMETHING_ELSE_IN_THE_SENTENCE = link_cue("money-of-something-else-in-the-sentence")
_MONEY_SPENT_BEFORE = link_cue("money-spent-before")
_AT_LEAST_AFTER = link_cue("at-least-after")
_AT_LEAST_BEFORE = link_cue("at-least-before")
_PROGRAMME_TOTAL_OPENING = link_cue("programme-total-opening")
_PART_OPENING = link_cue("part-opening")
_WORK_KIND_BEFORE = link_cue("work-kind-before")
_WORK_KIND_AFTER = link_cue("work-kind-after")
_PARTS_OPENER = link_cue("parts-opener")
_PART_NAMES_ITS_OWN = link_cue("part-names-its-own")
_PARTS_OPEN_ON_THE_WORK = link_cue("parts-open-on-the-work")
_PARTS_END = link_cue("parts-end")
# where a part's own words begin: after a mark, or after the words that open the parts
_ITEM_MARK = regex.compile(r"[,;:(]|" + _PARTS_OPENER.pattern, regex.I)
_ITEM_END = regex.compile(r"[,;.(]")
_COMPARISON_BEFORE = link_cue("comparison-before")
_RANKED_UNIT_BEFORE = link_cue("ranked-unit-before")
_UNIT_WORD = regex.compile(
    r"\b(?:" + link_fragment("unit-level-word") + r"|địa phương|vùng)\b", regex.I
)
_FIGURE_OF_A_RANKED_UNIT_BEFORE = link_cue("figure-of-a-ranked-unit-before")
_POOR_PART_AFTER = link_cue("poor-part-after")
_NOW_WORD_BEFORE = link_cue("now-word-before")
_HOUSES_A_COST_IS_FOR_BEFORE = link_cue("houses-a-cost-is-for-before")
# "so với mức bình quân của tỉnh (18,1%)", "so với cả nước là 2,93%": the place compared
# with, its own figure right after it (in parentheses or after "là")
_COMPARED_PLACE_BEFORE = link_cue("compared-place-before")
_FIGURE_OF_THE_PLACE_BEFORE = link_cue("figure-of-the-place-before")
_COMPARED_OR_RANKED_BEFORE = link_cue("compared-or-ranked-before")
_PARENT_OF_A_DESCRIBED_UNIT_BEFORE = link_cue("parent-of-a-described-unit-before")
_RANKED_AFTER = link_cue("ranked-after")
_RANKED_BEFORE = link_cue("ranked-before")
_COUNTRY_COMPARED_BEFORE = link_cue("country-compared-before")
_BRANCH_OF_A_GIVER_BEFORE = link_cue("branch-of-a-giver-before")
_UNIT_NAMED = link_cue("unit-named")
_SHARE_OF_A_GROUPS_HOUSEHOLDS_AFTER = link_cue("share-of-a-groups-households-after")


EXCEPTION_WINDOWS = frozenset(
    {
        "left",
        "right",
        "clause",
        "clause-to-figure",
        "item-to-figure",
        "from-the-sentence-before",
        "subject-to-figure",
        "sentence",
        "figure",
    }
)
FACT_INDICATORS = frozenset(s.indicator for s in indicator_specs())
_FOR_THE_WHOLE_UNIT_AFTER = link_cue("for-the-whole-unit-after")
_CHANGE_FROM_A_YEAR_TO_ANOTHER = link_cue("change-from-a-year-to-another")
_YEAR_WORDS = link_cue("year-words")
LEAD_WORDS = 12  # how many words a paragraph after a headline needs to be its lead
# a comma that ends a clause: not a decimal one ("23,6 tỷ"), nor one that opens the parts of
# what the clause counted ("… 67,9 tỷ đồng, trong đó nhân dân đóng góp …")
_CLAUSE_COMMA = regex.compile(r",(?!\d)(?!\s*trong đó\b)", regex.I)
_UNIT_OPENS_THE_LINE = link_cue("unit-opens-the-line")
_INCOME_PART_NAMED = link_cue("income-part-named")
_INCOME_BY_THE_MONTH_BEFORE = link_cue("income-by-the-month-before")
_INCOME_IN_BARE_MILLIONS_BEFORE = link_cue("income-in-bare-millions-before")
_INCOME_OF_ANOTHER_YEAR_BETWEEN = link_cue("income-of-another-year-between")
_BARE_MILLIONS_INCOME_ENDS_AFTER = link_cue("bare-millions-income-ends-after")
_MONEY_IN_BARE_MILLIONS_BEFORE = link_cue("money-in-bare-millions-before")
_TIME_RIGHT_AFTER_A_COUNT = link_cue("time-right-after-a-count")
# "1.250 hộ nghèo| và |640 hộ cận nghèo|, chiếm |22,1%": a poor count and a near-poor count
# joined, then the rate of both
_POOR_COUNT_AND_BEFORE_NEAR = regex.compile(
    r"\s*nghèo\s*(?:,\s*)?(?:và|cùng)\s*(?:có\s+)?" + _APPROX, regex.I
)
_RATE_RIGHT_AFTER_A_COUNT = regex.compile(
    r"\s*cận\s+nghèo\s*,?\s*(?:chiếm|bằng)\s*(?:t[ỷỉ] lệ\s*)?(?:là\s*)?" + _APPROX, regex.I
)
_CLAUSE_ENDS = regex.compile(r"\s*(?:[,.;()]|$)")
_A_COUNT_OPENS_THE_PART = regex.compile(r"\s*(?:có\s+)?" + _APPROX)  # "Trong đó có| gần |9.300 hộ"
# the counts of households whose part for one ethnic group a "Trong đó có N hộ …" names
_COUNTS_A_GROUP_MAY_BE_PART_OF = frozenset(
    {"poor_households", "near_poor_households", "poor_households_reduction"}
)
_BARE_MILLIONS_MONEY_ENDS_AFTER = link_cue("bare-millions-money-ends-after")
# the scale words an income is written in when the đồng is left out ("đạt 40 triệu")
_BARE_MONEY_SCALES = frozenset({"triệu"})
_RANKED_NEXT = link_cue("ranked-next")
_RANKED_BY_A_MEASURE_NAMED = link_cue("ranked-by-a-measure-named")
# how far after the last fact a unit ranked next may be ("… cao nhất cả nước, đạt 7,019 triệu
# đồng/người/tháng. ¶ (caption) ¶ TP. HCM đứng thứ hai với 6,537 triệu đồng/người/tháng")
RANKED_NEXT_REACH = 400
RANKED_NEXT_RULE = "ranked-after-the-fact-before"
_POOR_COUNT_RANKED = link_cue("poor-count-ranked")
# the only words a unit ranked next may have before its figure, besides its name
_RANK_HEAD_WORDS = regex.compile(
    r"(?:[\s,:;()]|\d+|\b(?:đứng|xếp|vị|trí|thứ|hạng|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|"
    r"mười|là|với|mức|ở|tiếp|theo|đó|đến|sau|kế|và|còn|cuối|cùng|cả|nước|toàn|quốc|khu|vực|"
    r"vùng|tỉnh|thành|phố|huyện|thị|xã|quận|phường|trấn|TP|đạt|khoảng|gần|hơn|trên|dưới)\b)*",
    regex.I,
)
_INCOME_UNITS = frozenset(
    unit for s in indicator_specs() if s.subject == "income" for unit in s.units
)
FALL_INDICATORS = frozenset(
    s.indicator for s in indicator_specs() if s.reads in ("fall", "count-fall")
)
# counts of households a part counted by its group may be of ("trong đó có 334 hộ DTTS")
_PARTS_OF_A_COUNT = frozenset(
    {
        indicator_for("poor", "count"),
        indicator_for("near", "count"),
        indicator_for("poor", "count-fall"),
    }
)
# the fall of each level a part of a fall may be said of ("trong đó có 0,8% hộ nghèo …")
_FALL_OF_A_LEVEL: dict[str, str] = {
    indicator_for("poor", "level"): indicator_for("poor", "fall"),
    indicator_for("multidim", "level"): indicator_for("poor", "fall"),
    indicator_for("poor", "count"): indicator_for("poor", "count-fall"),
}


@dataclass(frozen=True, slots=True)
class LinkException:
    """A named exception of `patterns/link_exceptions.jsonl`, validated on load."""

    id: str
    indicators: frozenset[str]
    units: frozenset[str]
    figures: frozenset[str]
    window: str
    chars: int
    pattern: regex.Pattern[str]
    # a part of a whole ("652 hộ (chiếm 92,1% tổng số hộ nghèo)"): stopped only when the
    # fact names no group, since a part that names its group is the group's figure
    unless_group: bool = False
    # words right before the figure that make it what the exception says it is not
    # ("giảm 1,9% số hộ nghèo" is a fall of the rate, "chiếm 80% số hộ nghèo" a share)
    unless_before: regex.Pattern[str] | None = None
    # words that must stand right before the figure for the exception to apply ("vượt" before
    # a margin over a plan)
    requires_before: regex.Pattern[str] | None = None
    # words right after the figure that make it what the exception says it is not ("chiếm
    # 13,04% so với tổng số hộ đồng bào dân tộc thiểu số": the group's own rate)
    unless_after: regex.Pattern[str] | None = None
    # a range ("vượt chỉ tiêu tỉnh giao 0,3-0,4%") is a plan's own figure, never a margin
    unless_range: bool = False

    def applies(self, fig: Mention, indicator: str) -> bool:
        unit = "%" if fig.type == "PERCENT" else str(fig.attrs.get("unit"))
        return (
            not (self.unless_range and fig.attrs.get("range"))
            and (not self.indicators or indicator in self.indicators)
            and (not self.units or unit in self.units)
            and (not self.figures or fig.type in self.figures)
        )


@cache
def link_exceptions() -> tuple[LinkException, ...]:
    out = []
    for rule in patterns.load("link_exceptions"):
        where = f"link_exceptions.jsonl {rule['id']!r}"
        unknown = set(rule.get("indicators", [])) - FACT_INDICATORS
        if unknown or rule.get("window") not in EXCEPTION_WINDOWS:
            raise patterns.PatternError(f"{where}: unknown indicators {unknown} or window")
        if not (rule.get("indicators") or rule.get("units") or rule.get("figures")):
            raise patterns.PatternError(f"{where}: says nothing of what it applies to")
        if not rule.get("examples"):
            raise patterns.PatternError(f"{where}: an exception needs an example")
        try:
            pattern = regex.compile(
                splice_fragments(rule["regex"], _link_cues()[0], where), regex.I
            )
        except regex.error as exc:
            raise patterns.PatternError(f"{where}: {exc}") from exc
        out.append(
            LinkException(
                rule["id"],
                frozenset(rule.get("indicators", [])),
                frozenset(rule.get("units", [])),
                frozenset(rule.get("figures", [])),
                rule["window"],
                int(rule.get("chars", 0)),
                pattern,
                bool(rule.get("unless_group", False)),
                _before_figure(rule.get("unless_before"), where),
                _before_figure(rule.get("requires_before"), where),
                _after_figure(rule.get("unless_after"), where),
                bool(rule.get("unless_range", False)),
            )
        )
    return tuple(out)


def _after_figure(words: str | None, where: str) -> regex.Pattern[str] | None:
    """An exception's `unless_after`: words starting right after the figure (matched there,
    from the figure's end: a leading `^` would never match there, so it is refused)."""
    if words and words.lstrip().startswith("^"):
        raise patterns.PatternError(
            f"{where}: unless_after is matched at the figure's end; drop '^'"
        )
    return _exception_words(words, where, "")


def _before_figure(words: str | None, where: str) -> regex.Pattern[str] | None:
    """An exception's `unless_before` / `requires_before`: words ending right before the
    figure."""
    return _exception_words(words, where, "$")


def _exception_words(words: str | None, where: str, anchor: str) -> regex.Pattern[str] | None:
    """An exception's words around the figure (link_cues.jsonl's fragments, `{approx}`,
    `{in-sentence}`, may stand in them), compiled once, validated on load."""
    if not words:
        return None
    try:
        return regex.compile(splice_fragments(words, _link_cues()[0], where) + anchor, regex.I)
    except regex.error as exc:
        raise patterns.PatternError(f"{where}: {exc}") from exc


def exception_window(
    text: str, view: SentenceView, fig: Mention, window: str, chars: int, subject: Cue | None
) -> str | None:
    s0, s1 = view.sent.start, view.sent.end
    if window == "left":
        return text[max(s0, fig.start - chars) : fig.start]
    if window == "right":
        return text[fig.end : min(s1, fig.end + chars)]
    if window == "clause":
        return text[_clause_start(text, s0, fig.start) : s1]
    if window == "clause-to-figure":
        return text[_clause_start(text, s0, fig.start) : fig.start]
    if window == "from-the-sentence-before":
        # the sentence before (in its paragraph) and this one up to the figure
        starts = [x.start for x in view.doc.sentences]
        i = bisect.bisect_right(starts, s0) - 1
        before = view.doc.sentences[i - 1] if i > 0 else None
        same_block = before is not None and before.block == view.sent.block
        return text[before.start if same_block else s0 : fig.start]
    if window == "item-to-figure":
        # the clause, from the last money before the figure on: in "trong đó: vốn vay ODA
        # 1.123 tỷ đồng, xã hội hoá 127 tỷ đồng" the second item's words are its own
        start = _clause_start(text, s0, fig.start)
        before = [
            m.end
            for m in view.of("QUANTITY")
            if start <= m.start
            and m.end <= fig.start
            and m.attrs.get("unit") == fig.attrs.get("unit")
        ]
        return text[max([start, *before]) : fig.start]
    if window == "subject-to-figure":
        if subject is None:
            return None
        # a subject carried from an earlier sentence: from the figure's own comma clause
        start = subject.end if subject.end >= s0 else _clause_start(text, s0, fig.start, ",;:")
        return text[start : fig.start]
    if window == "figure":
        return fig.text
    return text[s0:s1]


def stopping_exception(
    text: str,
    view: SentenceView,
    fig: Mention,
    indicator: str,
    subject: Cue | None,
    parts: bool = False,
) -> str | None:
    """The id of the first exception that makes this figure no fact of `indicator`; with
    `parts`, of the first `unless_group` exception (see `Linker._a_part_without_group`)."""
    for exc in link_exceptions():
        if exc.unless_group != parts or not exc.applies(fig, indicator):
            continue
        window = exception_window(text, view, fig, exc.window, exc.chars, subject)
        if window is None or not exc.pattern.search(window):
            continue
        before = (max(view.sent.start, fig.start - EXCEPTION_BEFORE_CHARS), fig.start)
        if exc.unless_before is not None and exc.unless_before.search(text, *before):
            continue
        if exc.requires_before is not None and not exc.requires_before.search(text, *before):
            continue
        if exc.unless_after is not None and exc.unless_after.match(text, fig.end, view.sent.end):
            continue
        return exc.id
    return None


@cache
def topic_gates() -> dict[str, regex.Pattern[str] | None]:
    """Indicators whose figures are facts only in an article on the topic, each with the
    sentence words (`unless`) that make a figure one of the vocabulary wherever it is written."""
    gates: dict[str, regex.Pattern[str] | None] = {}
    for rule in patterns.load("topic"):
        if rule.get("kind") != "gate":
            continue
        unless = regex.compile(rule["unless"], regex.I) if rule.get("unless") else None
        if unless is not None and not unless.search(rule.get("unless_example", "")):
            raise patterns.PatternError(f"topic gate {rule['id']!r}: unless_example does not match")
        for indicator in rule["indicators"]:
            gates[indicator] = unless
    if set(gates) - FACT_INDICATORS:
        raise patterns.PatternError(
            f"topic.jsonl gates unknown indicators {set(gates) - FACT_INDICATORS}"
        )
    return gates


def topic_gated_indicators() -> frozenset[str]:
    """Indicators whose figures are facts only in an article on the topic."""
    return frozenset(topic_gates())


@cache
def topic_settings() -> dict[str, int]:
    """`patterns/topic.jsonl`, its one "settings" entry: how many separate mentions of the
    topic make an article one on the topic (`min_mentions`), and how near a figure, in
    characters either side of its sentence, an article that names the topic only in its
    text must name it for a population, houses or money to count (`near_chars`)."""
    entries = [r for r in patterns.load("topic") if r.get("kind") == "settings"]
    if len(entries) != 1:
        raise patterns.PatternError("topic.jsonl: exactly one settings entry")
    try:
        settings = {k: int(entries[0][k]) for k in ("min_mentions", "near_chars")}
    except (KeyError, TypeError, ValueError) as e:
        raise patterns.PatternError(f"topic.jsonl settings: {e!r}") from e
    if settings["min_mentions"] < 1 or settings["near_chars"] < 0:
        raise patterns.PatternError("topic.jsonl: min_mentions at least 1, near_chars not negative")
    return settings


# cue matches that overlap or touch are one mention ("nghèo" inside "giảm nghèo" matched by
# two cues); matches apart are mentions apart, even a programme's long name ("Chương trình
# mục tiêu quốc gia giảm nghèo" counts twice: a short report that names its programme once
# in full is on its topic)
ONE_MENTION_GAP = 0
# how near (in points) a part's count over the unit's poor must come to a stated percentage
# for that percentage to be the part's share of the poor
SHARE_TOLERANCE_PP = 0.1


def on_topic(content: str, title: str = "") -> bool:
    """Whether an article speaks of poverty or a social programme more than in passing:
    its headline names the topic, or its text names it `min_mentions` separate times."""
    if any(rx.search(title) for _, rx in _topic_cues()):
        return True
    need = topic_settings()["min_mentions"]
    spans = sorted(m.span() for _, rx in _topic_cues() for m in rx.finditer(content))
    mentions, last_end = 0, None
    for start, end in spans:
        if last_end is None or start - last_end > ONE_MENTION_GAP:
            mentions += 1
            if mentions >= need:
                return True
        last_end = end if last_end is None else max(last_end, end)
    return False


@cache
def _unit_profile() -> tuple[
    frozenset[str], regex.Pattern[str], tuple[regex.Pattern[str], ...], int
]:
    """`patterns/topic.jsonl`, its "profile" entry: (indicators, heading, cues, min_cues)."""
    entries = [r for r in patterns.load("topic") if r.get("kind") == "profile"]
    if len(entries) != 1:
        raise patterns.PatternError("topic.jsonl needs one profile entry")
    rule = entries[0]
    heading = regex.compile(rule["heading"], regex.I)
    cues = tuple(regex.compile(c, regex.I) for c in rule["cues"])
    if not heading.match(rule["heading_example"]) or heading.match(rule["heading_counter_example"]):
        raise patterns.PatternError("topic.jsonl profile: heading example or counter-example")
    if sum(1 for c in cues if c.search(rule["cues_example"])) < rule["min_cues"]:
        raise patterns.PatternError("topic.jsonl profile: cues_example has too few cues")
    if set(rule["indicators"]) - FACT_INDICATORS:
        raise patterns.PatternError("topic.jsonl profile: unknown indicators")
    return frozenset(rule["indicators"]), heading, cues, int(rule["min_cues"])


def unit_profile_indicators(paragraphs: list[str]) -> frozenset[str]:
    """The indicators an article counts as a unit's profile: a "Dân số" heading opens one of
    its paragraphs, or its text names enough of a unit's landmarks (borders, natural area)."""
    indicators, heading, cues, min_cues = _unit_profile()
    if any(heading.match(p) for p in paragraphs):
        return indicators
    text = "\n".join(paragraphs)
    return indicators if sum(1 for c in cues if c.search(text)) >= min_cues else frozenset()


@cache
def _topic_cues() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """`patterns/topic.jsonl`: what makes an article one the indicators speak of."""
    cues = []
    for rule in patterns.load("topic"):
        if rule.get("kind") != "cue":
            continue
        rx = regex.compile(rule["regex"], regex.I)
        if not rx.search(rule["example"]):
            raise patterns.PatternError(f"topic cue {rule['id']!r} does not match its example")
        if rule.get("counter_example") and rx.search(rule["counter_example"]):
            raise patterns.PatternError(f"topic cue {rule['id']!r} matches its counter_example")
        cues.append((rule["id"], rx))
    return tuple(cues)


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    kind: str
    start: int
    end: int
    rule: dict[str, Any]


@cache
def _compiled() -> tuple[tuple[dict[str, Any], regex.Pattern[str]], ...]:
    """The cues of `patterns/indicators.jsonl`, compiled; a `{name}` in one is a fragment of
    link_cues.jsonl (the ethnic groups written inside "hộ DTTS nghèo" are listed once)."""
    fragments = _link_cues()[0]
    return tuple(
        # whole words only: "vốn" is no cue inside "Vống"
        (
            rule,
            regex.compile(
                r"(?<!\p{L})(?:"
                + splice_fragments(rule["regex"], fragments, f"indicators.jsonl {rule['id']!r}")
                + r")(?!\p{L})",
                regex.IGNORECASE | regex.V1,
            ),
        )
        for rule in patterns.load("indicators")
    )


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Cues in text[start:end]; a cue inside a longer one of the same kind is dropped."""
    found: list[Cue] = []
    for rule, pattern in _compiled():
        for m in pattern.finditer(text, start, end):
            found.append(Cue(rule["id"], rule["kind"], m.start(), m.end(), rule))
    kept = [
        c
        for c in found
        if not any(
            o is not c
            and o.kind == c.kind
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in found
        )
    ]
    return sorted(kept, key=lambda c: (c.start, c.end))


# word cues (patterns/link_cues.jsonl)
_VENUE_BEFORE = link_cue("venue-before")
_VENUE_AFTER = link_cue("venue-after")


VENUE_AFTER_CHARS = 180  # how far after a venue the meeting held there may be named


def named_in_passing(text: str, m: Mention) -> bool:
    """A place named as where a meeting is held, as a neighbour on the border ("phía Đông
    giáp huyện Mèo Vạc", marked by the recognizer), as where donors come from ("các nhà
    hảo tâm ở Thành phố Hồ Chí Minh"), as the level above whose funds paid ("từ nguồn vận
    động của tỉnh"), as the issuer of a numbered directive ("kế hoạch số 3802 … của UBND
    tỉnh Điện Biên") or as where a visiting delegation comes from ("Đoàn công tác của Sở … tỉnh
    Điện Biên làm việc với huyện Tủa Chùa"), not what the figures are about."""
    return (
        (m.method or "").endswith(NEIGHBOUR)
        or bool(
            _VENUE_BEFORE.search(text, max(0, m.start - 6), m.start)
            and _VENUE_AFTER.match(text, m.end, min(len(text), m.end + VENUE_AFTER_CHARS))
        )
        or bool(_DONORS_FROM_BEFORE.search(text, max(0, m.start - 60), m.start))
        # (the issuer only where the text named another unit before it, a delegation's unit
        # also where its sentence names the unit visited; alone, either is the unit its level
        # word points back to: "Thực hiện Kế hoạch số 125 của UBND huyện Si Ma Cai, năm 2023
        # huyện đã giảm …")
        or bool(
            (issuer := _ISSUER_OF_A_DIRECTIVE_BEFORE.search(text, max(0, m.start - 120), m.start))
            and _UNIT_NAMED.search(text, 0, issuer.start())
        )
        # a bare name ending a firm's ("Công ty … Chế biến đá An Giang"), not "công ty ở tỉnh …",
        # where the text named a unit before (alone, the firm's place is the only one said)
        or bool(
            not _LEVEL_WORD_OPENING.match(m.text)
            and (firm := _NAME_OF_A_FIRM_BEFORE.search(text, max(0, m.start - 80), m.start))
            and _UNIT_NAMED.search(text, 0, firm.start())
        )
        # (not "Đoàn giám sát của tỉnh": the text's own unit, named by its level alone)
        or bool(
            not m.attrs.get("anaphor")
            and (visit := _VISITING_DELEGATION_BEFORE.search(text, max(0, m.start - 100), m.start))
            and _another_unit_named(text, m, visit.start())
        )
        or bool(
            (branch := _BRANCH_OF_A_GIVER_BEFORE.search(text, max(0, m.start - 30), m.start))
            and _UNIT_NAMED.search(text, 0, branch.start())
        )
        or bool(
            m.attrs.get("anaphor")
            and _FUNDS_OF_A_HIGHER_LEVEL_BEFORE.search(text, max(0, m.start - 60), m.start)
        )
    )


def _another_unit_named(text: str, m: Mention, phrase_start: int) -> bool:
    """Whether the text names a unit before the phrase that names `m` in passing, or after
    `m` in its sentence ("Đoàn công tác của Sở … tỉnh Điện Biên làm việc với huyện Tủa
    Chùa")."""
    stop = min((i for i in (text.find(c, m.end) for c in ".;!?\n") if i >= 0), default=len(text))
    return bool(_UNIT_NAMED.search(text, 0, phrase_start) or _UNIT_NAMED.search(text, m.end, stop))


def parent_of_a_described_unit(text: str, m: Mention, sent_start: int | None = None) -> bool:
    """ "Quản Bạ là huyện vùng cao của tỉnh Hà Giang, dân số trên 59.000 khẩu", "…, huyện miền
    núi thuộc tỉnh Phú Yên đặt mục tiêu …": a unit above the one the sentence describes says
    where that unit lies; the sentence's figures are the described unit's."""
    level = m.attrs.get("level")
    if level not in ("province", "district"):
        return False  # (a level word names a commune at the lowest: none lies below it)
    if sent_start is None:  # (the sentence's start, where no segmentation is at hand)
        stop = max(text.rfind(c, max(0, m.start - 160), m.start) for c in ".;!?\n")
        sent_start = stop + 1 if stop >= 0 else max(0, m.start - 160)
    hit = _PARENT_OF_A_DESCRIBED_UNIT_BEFORE.search(text[sent_start : m.start])
    return bool(
        hit
        and level in LEVEL_RANK
        and LEVEL_RANK[_LEVEL_OF_WORD_OR_TOWN[hit.group("level").lower()]] < LEVEL_RANK[level]
    )


# a body of the province named by its bare level word: the text speaks of its outlet's province
_PROVINCE_BODY_OPENING = link_cue("province-body-opening")


def _opens_with_a_province_body(doc: Document) -> bool:
    """ "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh vừa trích …": the first paragraph of prose
    opens on a body of the province named by its bare level word, as the one that acts (not
    "… theo Đề án 654 của UBND tỉnh")."""
    prose = next((b for b in doc.blocks if b.kind == "body"), None)
    if prose is None:
        return False
    hit = _PROVINCE_BODY_OPENING.search(doc.text, prose.start, min(prose.end, prose.start + 90))
    # (the words before it name the body, not a clause or a plan: "Sáng 15/5, tại huyện X, …",
    # "… theo Đề án 654 của UBND tỉnh")
    return hit is not None and bool(
        regex.fullmatch(r"[^,;]{0,40}", doc.text[prose.start : hit.start()])
        and not regex.search(r"\bcủa\s*$", doc.text[prose.start : hit.start()])
    )


def _title_end(doc: Document) -> int:
    """Where a text's title ends (0 for a text with no title line)."""
    return next((b.end for b in doc.blocks if b.kind == "title"), 0)


# how many districts of one province a text must name, with no province, to be a report on it
UNITS_OF_A_PROVINCE_REPORT = 3


@dataclass
class Discourse:
    """What the text is about so far: the place of the current section or passage."""

    doc: Document
    section_place: dict[str, Any] | None = None
    last_place: dict[str, Any] | None = None
    main_place: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        counts: dict[tuple[str, str], int] = {}
        first: dict[tuple[str, str], dict[str, Any]] = {}
        ranked: list[Mention] = []
        for m in self.doc.mentions:
            listed = (m.method or "").endswith(
                (":list", ":parent")
            )  # venues and parents are no subject
            if (
                m.type == "LOCALITY"
                and m.attrs.get("level") in ("province", "district", "commune")
                and not listed
                and not named_in_passing(self.doc.text, m)
                and not parent_of_a_described_unit(self.doc.text, m)
            ):
                if _RANKED_BEFORE.search(self.doc.text, max(0, m.start - 60), m.start):
                    # one unit ranked among the others a total counts ("… lớn nhất là Hoài
                    # Nhơn"): the subject only when the text names no other unit
                    ranked.append(m)
                    continue
                key = (m.attrs["name"], m.attrs["level"])
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, place_of(m))
        url = self.doc.meta.url
        if (
            ranked
            and not counts
            # (the outlet's unit, when it has one, is the report's before a ranked unit)
            and not (url and (district_of_outlet(url) or province_of_outlet(url)))
        ):
            for m in ranked:
                key = (m.attrs["name"], m.attrs["level"])
                counts[key] = counts.get(key, 0) + 1
                first.setdefault(key, place_of(m))
        if counts:
            order = {k: i for i, k in enumerate(first)}  # the order units are first named in
            best = max(counts, key=lambda k: (counts[k], -order[k]))
            self.main_place = first[best]
            self.main_place = self._parent_of_a_tie(counts, first) or self.main_place
        districts = {
            (m.attrs.get("name"), m.attrs.get("province"))
            for m in self.doc.mentions
            if m.type == "LOCALITY"
            and m.attrs.get("level") == "district"
            and not (m.method or "").endswith(":parent")
            and not named_in_passing(self.doc.text, m)
        }
        provinces = {p for _, p in districts}
        named = sorted((n for (_, level), n in counts.items() if level == "district"), reverse=True)
        one_leads = len(named) >= 2 and named[0] >= 2 * named[1] and named[0] >= 3
        if (
            not any(level == "province" for _, level in counts)
            and len(districts) >= UNITS_OF_A_PROVINCE_REPORT
            and len(provinces) == 1
            and not one_leads
        ):
            # a text that names many districts of one province and no province ("phân bổ cho
            # các huyện Bắc Trà My, Hiệp Đức, Đông Giang …") reports on their province
            self.main_place = _province_place(next(iter(provinces))) or self.main_place
        elif (
            len(provinces) == 1
            and len(districts) >= 2
            and (next(iter(provinces)), "province") in counts
            and self._districts_named_alike()
        ):
            # "… toàn tỉnh giảm 4,29% hộ nghèo … Riêng hai huyện vùng cao … Trạm Tấu đạt 7,15%":
            # a text that names its province and several of its districts, none of them
            # leading, reports on the province, the districts being its parts
            self.main_place = _province_place(next(iter(provinces))) or self.main_place
        if not any(level == "province" for _, level in counts):
            # a province known only from the outlet ("baoquangnam.vn", "yenbai.gov.vn"):
            # the report's province when the text names none (FACTS.md)
            url = self.doc.meta.url
            district = district_of_outlet(url)
            outlet = commune_of_outlet(url, district) or district or province_of_outlet(url)
            unresolved = self.main_place is not None and not (
                self.main_place.get("code") or self.main_place.get("province")
            )
            title_end = _title_end(self.doc)
            if outlet is not None and (self.main_place is None or unresolved):
                self.main_place = outlet
            elif (
                outlet is not None
                and outlet.get("level") == "province"
                and _opens_with_a_province_body(self.doc)
                # (not a district the headline names: "Đức Trọng hỗ trợ …")
                and not any(
                    m.type == "LOCALITY"
                    and m.attrs.get("level") in ("district", "commune")
                    and m.start < title_end
                    for m in self.doc.mentions
                )
            ):
                # "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh vừa trích Quỹ …" opening a text
                # of the province's outlet: the province's report, whatever district it
                # names further on
                self.main_place = outlet
        url = self.doc.meta.url
        if url and not any(
            m.type == "LOCALITY"
            and m.attrs.get("level") != "country"
            # (the venue of a meeting, "Sáng 12/10 tại Hà Nội, Ban Chỉ đạo … tổ chức Hội nghị")
            and not named_in_passing(self.doc.text, m)
            for m in self.doc.mentions
        ):
            # a text that names no place at all: the unit its address spells (within the
            # outlet's province), else the outlet's unit, else, from an outlet of no
            # province, the country whose programme it reports on (FACTS.md)
            outlet_province = province_of_outlet(url)
            national = outlet_province is None and not _UNIT_ANAPHOR.search(self.doc.text)
            self.main_place = (
                place_of_url_words(url, (outlet_province or {}).get("name"))
                or self.main_place
                or (dict(COUNTRY) if national else None)
            )
        localities = [m for m in self.doc.mentions if m.type == "LOCALITY"]
        if (
            self.main_place is None
            # (not a comparison with the country: "… thấp hơn bình quân cả nước")
            and any(
                m.attrs.get("level") == "country"
                and not _COUNTRY_COMPARED_BEFORE.search(
                    self.doc.text, max(0, m.start - 60), m.start
                )
                for m in localities
            )
            # (nor a text that speaks of a unit it does not name: "toàn tỉnh", "của xã")
            and not _UNIT_ANAPHOR.search(self.doc.text)
            and not any(
                m.attrs.get("level") in ("province", "district", "commune", "village")
                and not named_in_passing(self.doc.text, m)
                for m in localities
            )
        ):
            # "… tỷ lệ hộ nghèo từ 9,9% năm 2016 xuống còn 4,8% … Đồng bằng sông Hồng là vùng
            # có tình trạng nghèo đa chiều thấp nhất … Chính phủ Việt Nam …": a text that
            # names the country and its regions, no unit, reports on the country
            self.main_place = dict(COUNTRY)

    def place(self) -> dict[str, Any] | None:
        return self.section_place or self.last_place or self.main_place

    def _districts_named_alike(self) -> bool:
        """Whether every district the text names (in lists too) is named as often as the
        others: parts of a province report ("2 huyện Trạm Tấu và Mù Cang Chải … Trạm Tấu đạt
        7,15% và Mù Cang Chải 7,61%"), not a district's report that names a neighbour once
        ("Huyện Mường Lát … học tập kinh nghiệm của huyện Quan Sơn")."""
        named = collections.Counter(
            m.attrs.get("name") or ""
            for m in self.doc.mentions
            if m.type == "LOCALITY"
            and m.attrs.get("level") == "district"
            and not (m.method or "").endswith(":parent")
        )
        return len(set(named.values())) == 1

    @staticmethod
    def _parent_of_a_tie(
        counts: dict[tuple[str, str], int], first: dict[tuple[str, str], dict[str, Any]]
    ) -> dict[str, Any] | None:
        """ "xã A có 80 hộ được hỗ trợ …; xã B có 33 hộ …; xã C …" in a text that names each
        commune once and no unit above them: the report is their parent's (the district they
        share, else the province), not the first one listed."""
        if max(counts.values()) != 1 or any(level != "commune" for _, level in counts):
            return None
        if len(counts) < UNITS_OF_A_PROVINCE_REPORT:
            return None
        units = list(first.values())
        districts = {(u.get("district"), u.get("province")) for u in units}
        if len(districts) == 1:
            district, province = next(iter(districts))
            if district:
                return _district_place(district, province)
        provinces = {u.get("province") for u in units}
        if len(provinces) == 1 and None not in provinces:
            return _province_place(next(iter(provinces)))
        return None


@cache
def _province_keys() -> tuple[tuple[str, str], ...]:
    """(accent-free key, name) of every province, longest key first."""
    names = get_gazetteer().province_names(era="pre2025")
    keys = {(ascii_key(n), n) for n in names}
    return tuple(sorted(keys, key=lambda kn: -len(kn[0])))


def _host(url: str) -> str:
    """ "https://huonghoa.quangtri.gov.vn:443/a" → "huonghoa.quangtri.gov.vn"."""
    return regex.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]


@cache
def _outlets() -> tuple[tuple[str, str], ...]:
    """(host, province) of `patterns/outlets.jsonl`: outlets whose host spells no province."""
    out = []
    for rule in patterns.load("outlets"):
        if not rule.get("host") or _province_place(rule.get("province")) is None:
            raise patterns.PatternError(
                f"outlets.jsonl {rule['id']!r}: a host and a province the gazetteer knows"
            )
        out.append((rule["host"].lower(), rule["province"]))
    return tuple(out)


def province_of_outlet(url: str | None) -> dict[str, Any] | None:
    """The province an outlet's host names ("baolaocai.vn" → Lào Cai), if exactly one, or
    the province of an outlet known by another name (`patterns/outlets.jsonl`)."""
    if not url:
        return None
    host = _host(url)
    for domain, province in _outlets():
        if host == domain or host.endswith("." + domain):
            return _province_place(province)
    # each label on its own ("bacson.langson.gov.vn" spells Lạng Sơn, not the "sonla" its
    # joined labels would hide), its dashes dropped ("baria-vungtau.gov.vn")
    labels = [ascii_key(label) for label in host.split(".")]
    found: dict[str, str] = {}
    for key, name in _province_keys():  # longest first
        if (
            len(key) >= 5
            and any(key in label for label in labels)
            and not any(key in k for k in found)
        ):
            found.setdefault(key, name)
    return _province_place(next(iter(found.values()))) if len(found) == 1 else None


def place_of_url_words(url: str | None, province: str | None = None) -> dict[str, Any] | None:
    """The unit the words of a page's address spell, for an excerpt whose text names no
    unit: the address is the headline the excerpt lost. Only its last segment (the slug,
    not a section such as `/xa-hoi/`), and only a name that opens the slug ("…/tien-phuoc-
    co-11-14-xa-dat-chuan-ntm" → Tiên Phước) or follows a level word ("…/xa-dien-lien-dien-
    chau-don-nhan-bang" → xã Diễn Liên; a commune needs its level word), inside the outlet's
    `province` when it has one; the smallest when they nest, none when they differ."""
    if not url:
        return None
    path = urllib.parse.unquote(regex.sub(r"^[a-z]+://[^/]+", "", url, flags=regex.I))
    slug = [s for s in path.split("?")[0].split("/") if s][-1:] or [""]
    words = [ascii_key(w) for w in regex.split(r"[^\p{L}\p{N}]+", slug[0]) if w]
    provinces = dict(_province_keys())
    found: list[dict[str, Any]] = []
    for size in (2, 3):  # unit names of two or three syllables
        for k in range(len(words) - size + 1):
            level_word = _LEVEL_WORD_IN_ADDRESS.get(" ".join(words[max(0, k - 2) : k])) or (
                _LEVEL_WORD_IN_ADDRESS.get(words[k - 1]) if k else None
            )
            if k and level_word is None:
                continue  # a name inside the headline may be any word's
            key = "".join(words[k : k + size])
            if key in provinces and level_word in (None, "province"):
                units = get_gazetteer().lookup(provinces[key], "province", era="pre2025")
            elif level_word == "commune":
                units = _unit_keys("commune").get(key, [])
            else:
                units = list(_unit_keys("district").get(key, []))
            units = [u for u in units if not u.former and province in (None, u.province or u.name)]
            if len(units) == 1:
                found.append(_place_of_unit(units[0]))
    found.sort(key=lambda place: LEVEL_RANK[place["level"]])  # the smallest first
    smallest = found[0] if found else None
    within = (
        all(
            other["name"] == smallest["name"] or other["name"] in smallest.values()
            for other in found
        )
        if smallest
        else False
    )
    return smallest if within else None


# the level words an address writes before a unit's name, accent-free
_LEVEL_WORD_IN_ADDRESS = {
    "xa": "commune",
    "phuong": "commune",
    "thi tran": "commune",
    "huyen": "district",
    "quan": "district",
    "thi xa": "district",
    "thanh pho": "district",
    "tinh": "province",
}


def _place_of_unit(unit: Any) -> dict[str, Any]:
    """A gazetteer unit as a fact's place: its name, level, the units above it, its code."""
    above = {"province": (), "district": ("province",), "commune": ("district", "province")}
    return {
        "name": unit.name,
        "level": unit.level,
        **{k: getattr(unit, k) for k in above[unit.level]},
        "code": unit.code,
    }


def _district_place(name: str | None, province: str | None) -> dict[str, Any] | None:
    """The district of that name in that province as a fact's place."""
    if not name:
        return None
    units = get_gazetteer().lookup(name, "district", era="pre2025")
    unit = next((u for u in units if not u.former and u.province == province), None)
    return None if unit is None else _place_of_unit(unit)


def _merged_into(province: str) -> list[str]:
    """The provinces of 1 July 2025 a pre-2025 province is part of."""
    return [
        u.after_2025["name"]
        for u in get_gazetteer().lookup(province, "province", era="pre2025")
        if not u.former and u.after_2025 and u.after_2025.get("name")
    ]


def _province_place(name: str | None) -> dict[str, Any] | None:
    """The province of that name as a fact's place."""
    if not name:
        return None
    units = get_gazetteer().lookup(name, "province", era="pre2025")
    unit = next((u for u in units if not u.former), None)
    return None if unit is None else _place_of_unit(unit)


@cache
def _unit_keys(level: str) -> dict[str, list[Any]]:
    """Accent-free key → current pre-2025 units of `level` of that name, all over the
    country (a district: town, city or rural)."""
    keys: dict[str, list[Any]] = {}
    for u in get_gazetteer().units:
        if u.level == level and u.era == "pre2025" and not u.former and u.code:
            keys.setdefault(ascii_key(u.name), []).append(u)
    return keys


# sections of a province portal under which a path segment names one of its districts
_DISTRICT_SECTIONS = frozenset(
    {"chinhquyen", "huyen", "thixa", "thanhpho", "donvi", "diaphuong", "huyenthi"}
)


def district_of_outlet(url: str | None) -> dict[str, Any] | None:
    """The district a portal's host names as a whole label ("binhlieu.gov.vn",
    "huonghoa.quangtri.gov.vn"), when the name is one district's, or one within the province
    the host also names; in a province's portal, a section of the path named for one of its
    districts ("ninhthuan.gov.vn/chinhquyen/thuannam/…")."""
    if not url:
        return None
    province = province_of_outlet(url)
    labels = [ascii_key(label) for label in _host(url).split(".")]
    if province is not None:
        # "ninhthuan.gov.vn/chinhquyen/thuannam/…": a province portal's section of a district
        path = regex.sub(r"^[a-z]+://[^/]+", "", url.lower()).split("?")[0].split("/")
        labels += [
            ascii_key(seg)
            for section, seg in itertools.pairwise(path)
            if section in _DISTRICT_SECTIONS and regex.fullmatch(r"[a-z]+", seg)
        ]
    provinces = {key for key, _ in _province_keys()}
    for label in labels:
        if len(label) < 5 or label in provinces:
            continue
        station = regex.sub(r"(?:rt|tv|ttvh)$", "", label)
        units = _unit_keys("district").get(label, []) or (
            # "dailocrt.vn": a district's radio and television station (not a province's:
            # "laocaitv.vn" is Lào Cai province's, not its capital city's)
            _unit_keys("district").get(station, []) if station not in provinces else []
        )
        if province is not None:
            units = [u for u in units if u.province == province["name"]]
        if len(units) == 1:
            return _place_of_unit(units[0])
    return None


@cache
def _commune_keys() -> dict[tuple[str, str], list[Any]]:
    """(accent-free commune key, district code) → current pre-2025 communes of that name."""
    keys: dict[tuple[str, str], list[Any]] = {}
    for u in get_gazetteer().units:
        if u.level == "commune" and u.era == "pre2025" and not u.former and u.district_code:
            keys.setdefault((ascii_key(u.name), u.district_code), []).append(u)
    return keys


def commune_of_outlet(
    url: str | None, district: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The commune a portal's host names just before its district's label
    ("thanhlam.bathuoc.thanhhoa.gov.vn" → xã Thành Lâm of Bá Thước), or with its level word
    in the province the host names ("xabaohieu.hoabinh.gov.vn"), if exactly one."""
    if not url:
        return None
    labels = [ascii_key(label) for label in _host(url).split(".")]
    district = district or district_of_outlet(url)
    units: list[Any] = []
    if district is not None:
        dkey = ascii_key(district["name"])
        if dkey in labels and labels.index(dkey) > 0:
            label = labels[labels.index(dkey) - 1]
            units = _commune_keys().get((label, district["code"]), [])
    elif (province := province_of_outlet(url)) is not None:
        # "xabaohieu.hoabinh.gov.vn": a level word glued to the commune's name
        for label in labels:
            m = regex.match(r"(?:xa|phuong|thitran)(?P<name>[a-z]{4,})$", label)
            if m:
                units = [
                    u
                    for (key, _), found in _commune_keys().items()
                    if key == m.group("name")
                    for u in found
                    if u.province == province["name"]
                ]
                break
    return _place_of_unit(units[0]) if len(units) == 1 else None


def place_of(m: Mention) -> dict[str, Any]:
    keys = ("name", "level", "commune", "district", "province", "code")
    out = {k: m.attrs[k] for k in keys if m.attrs.get(k) is not None}
    now = m.attrs.get("after_2025") if m.attrs.get("former") else None
    if now and now.get("level") == m.attrs.get("level"):
        # "tỉnh Bạc Liêu (cũ)": the unit it is part of now, for a text written after the
        # merger (Linker._in_the_merged_unit)
        out[FORMER_OF] = {k: now[k] for k in ("name", "level", "code") if now.get(k)}
    return out


def in_clause_subject(cues: list[Cue], clause: int, at: int) -> bool:
    """Whether a subject cue stands in the figure's clause before it."""
    return any(c.kind == "subject" and clause <= c.start and c.end <= at for c in cues)


def _period_of(m: Mention) -> dict[str, int] | None:
    """A TIME mention's span of years, when it names both ends."""
    period = m.attrs.get("period") or {}
    if period.get("start") is not None and period.get("end") is not None:
        return {"start": int(period["start"]), "end": int(period["end"])}
    return None


def _year_of(m: Mention) -> int | None:
    period = _period_of(m)
    if period is not None:
        return period["end"]
    year = m.attrs.get("year")
    return int(year) if year is not None else None


@dataclass
class SentenceView:
    doc: Document
    sent: Sentence
    mentions: list[Mention]

    @property
    def text(self) -> str:
        return self.doc.text

    def of(self, *types: str) -> list[Mention]:
        return [m for m in self.mentions if m.type in types]


def _inside_quotes(text: str, start: int, at: int, max_words: int = 12) -> bool:
    """True when `at` lies inside a short “…” quotation (a slogan, a programme's name):
    reported speech — a long quotation after "cho biết:" — states figures like prose."""
    segment = text[start:at]
    opened = segment.rfind("“")
    if opened <= segment.rfind("”"):
        return False
    close = text.find("”", at)
    quoted = text[start + opened : close if close >= 0 else at]
    if text[start : start + opened].rstrip().endswith(":"):
        return False  # "… cho biết: “Năm 2023, toàn huyện giảm 386 hộ nghèo”": reported speech
    if close >= 0 and _SPEAKER_AFTER_A_QUOTE.match(text, close):
        return False  # "“Toàn huyện đã giảm 412 hộ nghèo”, ông Hùng cho biết": the same
    return len(quoted.split()) <= max_words


def _in_a_quoted_title(text: str, sent: Sentence, m: Mention) -> bool:
    """Whether a time lies inside the quoted title of a named work ("Đề án 61 về “Nâng cao vai
    trò … giai đoạn 2010-2020”", "Cuộc vận động “…”"): the quotation opens after a work's
    name (`named-work-before-a-quote`) and closes after the time, in the sentence."""
    opened = text.rfind("“", sent.start, m.start)
    if opened < 0 or text.rfind("”", sent.start, m.start) > opened:
        return False
    if text.find("”", m.end, sent.end) < 0:
        return False
    return bool(_NAMED_WORK_BEFORE_A_QUOTE.search(text, max(sent.start, opened - 60), opened))


def _after_from(text: str, start: int, at: int) -> bool:
    """`giảm từ 4.862 hộ, chiếm 9,72% xuống còn …`: the figure stands between "từ" and its
    "xuống/lên/còn", so it is a starting value. A "từ" that opens a time ("từ năm 2016 -
    2019, tỷ lệ … giảm 20,65%") starts no value."""
    found = list(
        regex.finditer(
            r"\btừ\b(?=\s*(?:khoảng|gần|hơn|trên|mức)?\s*\d)"
            # ("giai đoạn từ 2016-2019", "từ 2016 đến 2019": a span of years; "từ 2016 tới nay",
            # "từ 2016, …": a span to now, a year things started)
            r"(?!\s*(?:19|20)\d{2}\s*(?:[-–]|đến|tới)\s*(?:năm\s*)?(?:19|20)\d{2}\b)"
            r"(?!\s*(?:19|20)\d{2}\s*(?:,|(?:cho\s+)?(?:đến|tới)\s+(?:nay|hiện\s+(?:nay|tại))\b))",
            text[start:at],
            regex.I,
        )
    )
    return bool(found) and not regex.search(
        r"\b(?:xuống|lên|còn|đến)\b", text[start + found[-1].end() : at], regex.I
    )


def _closed_before(text: str, start: int, end: int) -> bool:
    """Whether a parenthesis open at `start` closes before `end`."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


def _clause_start(text: str, start: int, at: int, marks: str = ";:") -> int:
    """Where the clause of offset `at` begins: after the last ";" or ":" before it outside
    parentheses. A figure inside "(năm 2021 giảm 3,01%; năm 2022 …)" belongs to the clause
    the parenthesis stands in."""
    depth = 0
    for i in range(at - 1, start - 1, -1):  # is `at` inside an open parenthesis?
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                return _clause_start(text, start, i, marks)
            depth -= 1
    depth = 0
    for i in range(at - 1, start - 1, -1):
        ch = text[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
        elif ch in marks and depth == 0:
            return i + 1
    return start


# word cues (patterns/link_cues.jsonl)
_DOWN_TO_BEFORE = link_cue("down-to-before")
_ALL_HOUSEHOLDS = link_cue("all-households")
_FLASHBACK_OPENING = link_cue("flashback-opening")
_DESCRIBED_OR_MERGED_BEFORE = link_cue("described-or-merged-before")
_COUNT_OF_A_FALL = link_cue("count-of-a-fall")
_COUNT_OF_A_LEVEL = link_cue("count-of-a-level")
_FALL_BETWEEN = link_cue("fall-between")


def _label_clause(text: str, start: int, clause: int, at: int, label: regex.Pattern[str]) -> int:
    """The clause of a figure that stands right after the colon of a label `label` finds
    ("Tổng số hộ dân …: 543.764 hộ") is the label's; any other clause is its own."""
    if clause > start and text[clause - 1] == ":" and not text[clause:at].strip():
        head = _clause_start(text, start, clause - 1, ";")
        if label.search(text, head, clause):
            return head
    return clause


def _a_floor(text: str, fig: Mention) -> bool:
    """ "giảm từ 3% trở lên", "giảm được 3,5% hộ nghèo trở lên", "giảm ít nhất 0,5%": a figure
    given as a floor ("or more", "at least"), which the number reader may have taken into the
    mention."""
    return (
        fig.text.rstrip().endswith("trở lên")
        or bool(_AT_LEAST_AFTER.match(text, fig.end))
        or bool(_AT_LEAST_BEFORE.search(text, max(0, fig.start - 20), fig.end))
    )


_FALL_BY_AT_LEAST_BEFORE = link_cue("fall-by-at-least-before")
_UNITS_COUNTED_BEFORE = link_cue("units-counted-before")
# the households' own category named right after a share ("(chiếm 22%) hộ cận nghèo …")
_CATEGORY_RIGHT_AFTER = regex.compile(r"\s*\)?\s*(?:là\s+)?(?:số\s+)?(?:hộ|người|khẩu|nhân khẩu)\b")


def _falls_by_at_least(text: str, left: str, fig: Mention) -> bool:
    """ "giảm từ 3% trở lên", "mỗi năm giảm từ 1.000 hộ trở lên": `từ` before a floor says by
    how much at least, not where a change starts."""
    return bool(_FALL_BY_AT_LEAST_BEFORE.search(left)) and _a_floor(text, fig)


def _rate_of_the_ratio_after(view: SentenceView, fig: Mention, ratio: list[Any]) -> bool:
    """ "4.643/199.765 hộ, chiếm 2,32%": a rate right after that is N/M (its value as the
    figure reader parsed it)."""
    m = _RATE_AFTER.match(view.doc.text, fig.end)
    if m is None:
        return False
    rate = next((p for p in view.of("PERCENT") if p.start <= m.start("rate") < p.end), None)
    value = rate.attrs.get("value") if rate is not None else None
    return value is not None and abs(value - 100 * ratio[0] / ratio[1]) <= RATIO_RATE_TOLERANCE_PP


# what a done-over-planned ratio ("x/y") is read for: the second number is the plan's
_RATIO_OF_DONE_OVER_PLANNED = frozenset(
    {
        indicator_for("houses", "count"),
        indicator_for("poor", "count-fall"),
        indicator_for("income", "money"),
    }
)


# how close done and planned lie in an "x/y" read as done over planned (houses keep any)
MIN_DONE_OVER_PLANNED, MAX_DONE_OVER_PLANNED = 0.5, 1.5


def _plan_of_a_done_over_planned_ratio(
    text: str, fig: Mention, fact: dict[str, Any]
) -> list[dict[str, Any]]:
    """ "khởi công 1.403/1.410 nhà", "hộ nghèo giảm 34/34 hộ", "thu nhập bình quân đầu người
    đạt 22/23 triệu đồng": done over planned; the second number is the plan's, a `target`
    beside the actual (annotations/README.md, round 28)."""
    ratio = fig.attrs.get("ratio")
    if (
        not ratio
        or fact["indicator"] not in _RATIO_OF_DONE_OVER_PLANNED
        or fact.get("range")
        or fact.get("status") == "target"
    ):
        return []
    houses = fact["indicator"] == indicator_for("houses", "count")
    # a part over its whole ("38/412 hộ nghèo thoát nghèo", "giảm 720/3.840 hộ"), or two values
    # a label pairs ("nông thôn/thành thị … 38/62 triệu đồng", "năm 2022/2023 đạt 40/45 triệu
    # đồng"), is no plan: done and planned lie close together
    if not houses and (
        not ratio[1]
        or not MIN_DONE_OVER_PLANNED <= ratio[0] / ratio[1] <= MAX_DONE_OVER_PLANNED
        or _PAIRED_LABEL_BEFORE.search(text[max(0, fig.start - 80) : fig.start])
    ):
        return []
    if (
        fact["indicator"] == indicator_for("poor", "count-fall")
        and ratio[0] < ratio[1]
        and not _A_PLAN_NAMED_AROUND.search(
            text, max(0, fig.start - 120), min(len(text), fig.end + 120)
        )
    ):
        # "có 45/52 hộ nghèo thoát nghèo": most of a whole, no plan, unless the text names one
        # ("857/962 hộ vươn lên thoát nghèo, chiếm 89,09% số hộ có khả năng thoát nghèo")
        return []
    plan = copy.deepcopy(fact)
    # (the figure's value is the first number in the figure's unit: "24,28/25 triệu đồng")
    if fact["value"] == ratio[0]:
        value = ratio[1]
    elif ratio[0]:
        value = fact["value"] * ratio[1] / ratio[0]
    else:
        return []
    plan.update(
        value=round(value) if float(value).is_integer() or abs(value) >= 1000 else value,
        status="target",
        method=f"ratio-plan/v1+{fact['method']}",
    )
    return [plan]


def _rate_of_a_count_joined_by_dat(
    text: str, view: SentenceView, fig: Mention, subject: Cue, between: str
) -> bool:
    """ "hộ nghèo 25 hộ đạt 9,96%", "còn 52 hộ nghèo đạt 2,93%": the count's rate, joined by
    "đạt" as by "chiếm" (not "… 12 hộ nghèo đạt 100% được cấp thẻ BHYT", "… 230 hộ đạt 95%
    kế hoạch": a share of a service or a plan)."""
    joined = _COUNT_THEN_DAT_BEFORE.search(between) or (
        _DAT_BEFORE.fullmatch(between)
        and regex.search(r"\d\s*$", text[max(view.sent.start, subject.start - 12) : subject.start])
    )
    return bool(joined) and not _A_SHARE_OF_A_PLAN_OR_SERVICE_AFTER.match(
        text, fig.end, view.sent.end
    )


# how far back a count stated before makes a ratio's denominator a share of it
COUNTED_BEFORE_CHARS = 400
# a group whose households a ratio's denominator counts whole: an area, a people
_AREA_OR_PEOPLE_GROUP = regex.compile(
    r"\b(?:khu vực|thành thị|nông thôn|dân tộc|DTTS|đồng bào)\b", regex.I
)


def _households_of_the_whole(
    view: SentenceView, fig: Mention, fact: dict[str, Any]
) -> list[dict[str, Any]]:
    """ "toàn huyện còn 1.520/10.321 hộ nghèo", "tổng số hộ nghèo: 4.643/199.765 hộ": the poor
    or near-poor households over all the unit's households, the denominator a count of its
    own (`total_households`) when it is the larger."""
    ratio = fig.attrs.get("ratio")
    if (
        not ratio
        or fig.attrs.get("unit") != "households"
        or fact["indicator"] not in HOUSEHOLD_COUNT.values()
        # (an area's or a people's households, the denominator theirs too: "khu vực thành thị
        # 3.752/121.729 hộ (chiếm 3,08%)"; not a part of the poor: "thiếu hụt về nhà ở …")
        or (
            fact.get("group")
            and (
                not _AREA_OR_PEOPLE_GROUP.search(fact["group"])
                # ("hộ nghèo 268 hộ … (trong đó hộ nghèo DTTS là 236/268 hộ)": a share of the
                # poor counted just before, not of all households)
                or any(
                    m.type == "QUANTITY"
                    and m.attrs.get("value") == ratio[1]
                    and m.end <= fig.start
                    and fig.start - m.end <= COUNTED_BEFORE_CHARS
                    for m in view.doc.mentions
                )
            )
        )
        or not ratio[1] > ratio[0]
        # the whole unit's count, as its level's word or a rate of N/M says ("… thiếu hụt về
        # nhà ở là 800/3.200 hộ" is a part of the poor; "rà soát được 3.200/3.500 hộ" progress)
        or not (
            _WHOLE_UNIT_COUNT_BEFORE.search(view.doc.text, max(0, fig.start - 60), fig.start)
            or _rate_of_the_ratio_after(view, fig, ratio)
        )
    ):
        return []
    whole = copy.deepcopy(fact)
    whole.update(
        indicator=indicator_for("total_households", "count"),
        value=ratio[1],
        change=None,
        method=f"count-denominator/v1+{fact['method']}",
    )
    whole.pop("range", None)
    return [whole]


def _item_of_an_ethnic_make_up(
    text: str, view: SentenceView, fig: Mention
) -> tuple[str, int] | None:
    """ "Cơ cấu các dân tộc: dân tộc Thái 4.210 người, …", "gồm 3 dân tộc chính … (trong đó
    Kinh 78.300 người, …)": a count that is an item of the unit's ethnic make-up (not a list
    after people of another kind: trainees, members, the poor); its group, with the ethnic
    name's capitals whatever the text's case ("dân tộc Kinh"), and where the item's words end."""
    item = _ETHNIC_COMPOSITION_ITEM_BEFORE.search(
        text, max(view.sent.start, fig.start - 40), fig.start
    )
    if (
        item is None
        or not _ETHNIC_COMPOSITION_BEFORE.search(text, view.sent.start, item.start())
        or _ETHNIC_COMPOSITION_OF_OTHERS.search(text, view.sent.start, item.start())
    ):
        return None
    name = item.group("name")
    if name.lower() != "khác":
        name = " ".join(w[:1].upper() + w[1:] for w in name.split())
    return "dân tộc " + name, item.end()


def _without_places(words: str, view: SentenceView, start: int) -> str:
    """`words` (the text from `start` on) with the units the sentence names in them left out:
    "hộ nghèo của huyện Tân Phú là 2,5%" reads as "hộ nghèo của  là 2,5%"."""
    for m in sorted(view.of("LOCALITY"), key=lambda m: -m.start):
        if start <= m.start and m.end <= start + len(words):
            words = words[: m.start - start] + words[m.end - start :]
    return words


def _inside_parentheses(text: str, start: int, at: int) -> bool:
    """Whether `at` stands inside parentheses opened after `start` and not yet closed."""
    return text.rfind("(", start, at) > text.rfind(")", start, at)


def _last_category(cues: list[Cue]) -> Cue | None:
    """The last poor, near-poor or multidimensional subject a sentence names."""
    return next(
        (
            c
            for c in reversed(cues)
            if c.kind == "subject" and c.rule["subject"] in ("poor", "near", "multidim")
        ),
        None,
    )


def _names_both_categories(text: str, cue: Cue, floor: int) -> bool:
    """Whether a poor or near-poor cue is one half of "hộ nghèo, hộ cận nghèo" (a joint count)."""
    return bool(
        _POOR_AND_NEAR_POOR_ENDING.search(text, max(floor, cue.start - 25), cue.end)
        or _POOR_AND_NEAR_POOR.match(text, cue.start, cue.end + 25)
    )


def _group_named(text: str, cue: Cue) -> str:
    """The group a group cue names: its fixed name, or its words as written."""
    named = cue.rule["group"]
    return _as_written(text[cue.start : cue.end]) if named == "$match" else named


def _as_written(phrase: str) -> str:
    """A group as the text names it: "Khu vực miền núi" → "khu vực miền núi", "đồng bào
    Khmer" keeps its proper noun."""
    words = phrase.split()
    return " ".join([words[0].lower(), *words[1:]]) if words else ""


# word cues (patterns/link_cues.jsonl)
_NATIONAL_BODY = link_cue("national-body")
_THE_COUNTRYS_POOR_DISTRICTS = link_cue("the-countrys-poor-districts")
_DESCRIBED_AFTER = link_cue("described-after")
_NATIONAL_SOURCE = link_cue("national-source")
_SUBNATIONAL = link_cue("subnational")
_UNIT_ANAPHOR = link_cue("unit-anaphor")
_UNNAMED_UNIT_BEFORE = link_cue("unnamed-unit-before")
_GIVES_TO_A_LOWER_UNIT_AFTER = link_cue("gives-to-a-lower-unit-after")
_UNNAMED_VILLAGE_BEFORE = link_cue("unnamed-village-before")
_OPENING_PHRASE = link_cue("opening-phrase")
_VILLAGE_SUBJECT_VERB_AFTER = link_cue("village-subject-verb-after")
_BARE_VILLAGE_SUBJECT = link_cue("bare-village-subject")
_RATE_WITHOUT_ITS_SIGN_BEFORE = link_cue("rate-without-its-sign-before")
_PLAN_REPORTED_MET = link_cue("plan-reported-met")
_TARGETS_MET_BEFORE = link_cue("targets-met-before")
_TO_BE_MET_BEFORE = link_cue("to-be-met-before")
_PLAN_RESULT_REPORTED = link_cue("plan-result-reported")
_JOINT_FIGURE_OF_THE_LISTED = link_cue("joint-figure-of-the-listed")
_NAMES_THE_WHOLE_UNIT = link_cue("names-the-whole-unit")
_EACH_OF_THE_LISTED_BEFORE = link_cue("each-of-the-listed-before")
_EACH_OF_THE_LISTED_AFTER = link_cue("each-of-the-listed-after")
_UNITS_LISTED_AFTER_A_RATE = link_cue("units-listed-after-a-rate")
# "… có 875 hộ", "(huyện Đăk Glei) hiện có …": between a unit and the count of its households
_HAS_A_COUNT = regex.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:hiện\s+(?:nay\s+)?)?có\s*")
_UNITS_NAMED_AS_EXAMPLES_BEFORE = link_cue("units-named-as-examples-before")
_SEVERAL_UNITS = link_cue("several-units")
_BOUND_AFTER = link_cue("bound-after")
_THIS_YEAR_IN = link_cue("this-year-in")
# the join of a list's items with nothing of their own between ("A, B và C"; list-join also
# takes an item's count, "An Phú 42 hộ, Tri Tôn")
_PLAIN_LIST_JOIN = regex.compile(r"\s*(?:,|và|,\s*và)\s*", regex.I)


def _is_a_bound(text: str, fig: Mention) -> bool:
    """ "dưới 1%", "trên 30%", "từ 30% trở lên": a bound a figure is over or under, not a
    value (nor a range: "từ 9,67% đến 27,74%" is the spread of several)."""
    if fig.attrs.get("range"):
        return False
    return fig.attrs.get("approx") in ("over", "under") or bool(_BOUND_AFTER.match(text, fig.end))


# how many units a list needs, with no "các" before it, to give each one the rate it opens
EACH_OF_A_BARE_LIST = 3
_PEOPLE_OF_THE_POOR = link_cue("people-of-the-poor")
_PEOPLE_OF_A_CATEGORY = link_cue("people-of-a-category")
_PEOPLE_OF_HOUSEHOLDS_BEFORE = link_cue("people-of-households-before")
_HOUSEHOLDS_OF_AN_UNCOUNTED_KIND = link_cue("households-of-an-uncounted-kind")
_PEOPLE_OF_A_PLACE_BEFORE = link_cue("people-of-a-place-before")
_PEOPLE_COUNT_ENDS = link_cue("people-count-ends")
_UNITS_OF_A_PLACE_BEFORE = link_cue("units-of-a-place-before")
_OPENS_A_PART = link_cue("opens-a-part")
_THE_RATE_AGAIN = link_cue("the-rate-again")
_LABEL_OF_A_CATEGORYS_RATE = link_cue("label-of-a-categorys-rate")
_A_RATE_ENDS_ITS_CLAUSE = link_cue("a-rate-ends-its-clause")
_MONEY_OF_A_SUPPORT_ITEM_BEFORE = link_cue("money-of-a-support-item-before")
_SUPPORT_ITEM_OF_SOMETHING_ELSE = link_cue("support-item-of-something-else")
_RESPECTIVELY = link_cue("respectively")
_HOUSES_FINISHED_AFTER = link_cue("houses-finished-after")
_SUPPORTED_TO_BUILD_AFTER = link_cue("supported-to-build-after")
_SUPPORTED_TO_BUILD_NO_NOUN_AFTER = link_cue("supported-to-build-no-noun-after")
_HOUSES_FINISHED_BEFORE = link_cue("houses-finished-before")
_HOUSES_AFTER_HOUSEHOLDS = link_cue("houses-after-households")
_SHARE_LISTED_AFTER = link_cue("share-listed-after")
_HOUSES_PART_AFTER = link_cue("houses-part-after")
_HOUSES_RESTATED_IN_A_LABEL_BEFORE = link_cue("houses-restated-in-a-label-before")
_UNIT_RIGHT_AFTER_THE_HOUSES = link_cue("unit-right-after-the-houses")
_A_SHARE_OF_A_PLAN_OR_SERVICE_AFTER = link_cue("a-share-of-a-plan-or-service-after")
_A_PLAN_NAMED_AROUND = link_cue("a-plan-named-around")
_PAIRED_LABEL_BEFORE = link_cue("paired-label-before")
# "đạt" between a count and its rate: "25 hộ đạt |9,96%", "hộ nghèo| đạt |2,93%"
_COUNT_THEN_DAT_BEFORE = regex.compile(
    r"\d\s*(?:hộ|nhân khẩu|khẩu)\b[^.;,()]{0,30}\bđạt\s*(?:" + _APPROX + r")?$", regex.I
)
_DAT_BEFORE = regex.compile(r"\s*đạt\s*(?:" + _APPROX + r")?", regex.I)
_DWELLING_NAMED = link_cue("dwelling-named")
# how far back in its paragraph the houses a part of them belongs to are named
HOUSES_PART_CHARS = 300
_HOUSES_BY_HOUSEHOLD_BEFORE = link_cue("houses-by-household-before")
_FALLS_LISTED_BEFORE = link_cue("falls-listed-before")
_INVESTED_FOR_AFTER = link_cue("invested-for-after")
_PLAN_REFERENCE = link_cue("plan-reference")
_PLAN_CONTENT_RIGHT_BEFORE = link_cue("plan-content-right-before")
_PLAN_IN_A_MEETING_NAME = link_cue("plan-in-a-meeting-name")
_DONE = link_cue("done")
_FALL_IN_CLAUSE = link_cue("fall-in-clause")
_RATE_OF_A_COUNT_FALL = link_cue("rate-of-a-count-fall")
_NEXT_LIST_ITEM = link_cue("next-list-item")
_ITEM_JOINED_BY_AND = link_cue("item-joined-by-and")
_JOINS_MORE_UNITS = link_cue("joins-more-units")
_SHARE_OF_A_LEVEL_REACHED = link_cue("share-of-a-level-reached")
_RATE_OF_THE_COUNT = link_cue("rate-of-the-count")
_GROUP_AFTER_NOUN = link_cue("group-after-noun")
_UNITS_OF_A_GROUP = link_cue("units-of-a-group")
_PART_OF_A_GROUP = link_cue("part-of-a-group")
_POOR_AND_NEAR_POOR = link_cue("poor-and-near-poor")
_POOR_HOUSEHOLDS_NOUN_AFTER = link_cue("poor-households-noun-after")
_RATE_NAMED_AFTER = link_cue("rate-named-after")
_HOUSES_WORK_BEFORE_A_BARE_COUNT = link_cue("houses-work-before-a-bare-count")
_HOUSES_WORK_AFTER_A_BARE_COUNT = link_cue("houses-work-after-a-bare-count")
_HOUSES_WORK_AFTER_THE_COUNT = link_cue("houses-work-after-the-count")
_HOUSES_WORK_OR_GIVING_RIGHT_BEFORE = link_cue("houses-work-or-giving-right-before")
_SHARE_ESCAPING_POVERTY_AFTER = link_cue("share-escaping-poverty-after")
_NATIONAL_SOURCE_OPENING = link_cue("national-source-opening")
_PARTS_OPENING = link_cue("parts-opening")
_A_UNIT_SPOKEN_OF = link_cue("a-unit-spoken-of")
_DONATED_BY_AFTER = link_cue("donated-by-after")
_SHARE_WORD_BEFORE = link_cue("share-word-before")
_REACHED_AFTER = link_cue("reached-after")
_REACHED_RIGHT_AFTER = link_cue("reached-right-after")
_UNIT_GIVEN_MONEY = link_cue("unit-given-money")
_UNITS_A_UNIT_HAS_BEFORE = link_cue("units-a-unit-has-before")
_THOSE_UNITS_AFTER = link_cue("those-units-after")
_SHARE_OF_THE_PEOPLE_BEFORE = link_cue("share-of-the-people-before")
_POOR_HOUSEHOLDS_NAMED = link_cue("poor-households-named")
_SHARE_OF_HOUSEHOLDS_THAT_ARE_POOR_AFTER = link_cue("share-of-households-that-are-poor-after")
_LOANS_OR_PUBLIC_INVESTMENT = link_cue("loans-or-public-investment")
_SHARE_PAID_OUT_BEFORE = link_cue("share-paid-out-before")
_MARGIN_WORD = link_cue("margin-word")
_REACH_BETWEEN = link_cue("reach-between")
_OUTSIDE_THE_UNIT_BEFORE = link_cue("outside-the-unit-before")
_PLAN_OF_A_FALL_BEFORE = link_cue("plan-of-a-fall-before")
_STILL_AT_A_LEVEL_BETWEEN = link_cue("still-at-a-level-between")
_POOR_AND_NEAR_POOR_ENDING = regex.compile(_POOR_AND_NEAR_POOR.pattern + "$", regex.I)
_UNIT_LEVELS = {"huyện": "district", "thị xã": "district", "xã": "commune", "thôn": "village"}
# ") và ": the join of a list's last item after a parenthesis (punctuation, kept in code)
_LAST_ITEM = regex.compile(r"\)\s*,?\s*và\s+")
_LIST_ITEM = regex.compile(r"\s*[-–•*]\s")  # "- Tỷ lệ nghèo … khu vực thành thị: …"
_SUB_ITEM = regex.compile(r"\s*\+\s")  # "+ Tỷ lệ hộ nghèo: 1,44%" under it
_NUMBERED_ITEM = regex.compile(r"\s*(?:\d{1,2}|[a-dđ])[.)]\s+\p{Lu}")  # "2. Dân tộc Thái …"


def reference_year(doc: Document) -> int | None:
    """For an undated article: the year its body names most (ties: the later)."""
    counts: dict[int, int] = {}
    for m in doc.mentions:
        if m.type == "TIME" and not m.attrs.get("from_published") and m.attrs.get("year"):
            counts[int(m.attrs["year"])] = counts.get(int(m.attrs["year"]), 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


# a page's leading date stamp ("date 2026-01-05", "date 2020-03"), as the pages corpus writes it
_DATE_STAMP = regex.compile(r"\ufeff?\s*date\s+(?:19|20)\d{2}-\d{2}(?:-\d{2})?\b", regex.I)


class Linker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.discourse = Discourse(doc)
        self.facts: list[dict[str, Any]] = []
        self.fact_keys: set[tuple[Any, ...]] = set()
        self.facts_by_evidence: dict[int, list[dict[str, Any]]] = {}  # by sentence start
        self.reference_year = reference_year(doc)
        published = doc.meta.published or ""
        self.published_year = int(published[:4]) if published[:4].isdigit() else None
        # a text written after the July 2025 reorganisation ("xã Tân Lập (cũ)" in 2020 is a
        # unit of an earlier merger)
        written = self.published_year or self.reference_year
        self.after_the_reorganisation = written is not None and written >= REORGANISATION_YEAR
        # whether a paragraph without a time of its own takes an earlier paragraph's
        self.carry_times = CARRY_TIMES_ACROSS_PARAGRAPHS
        content = " ".join(doc.text[b.start : b.end] for b in doc.blocks if not b.is_boilerplate)
        # poverty or a social programme, more than in passing (patterns/topic.jsonl)
        title = " ".join(doc.text[b.start : b.end] for b in doc.blocks if b.kind == "title")
        self.on_topic = on_topic(content, title)
        # a unit's profile reports its people whatever else it names
        self.profile_indicators = unit_profile_indicators(
            [doc.text[b.start : b.end] for b in doc.blocks if not b.is_boilerplate]
        )
        # an article that reports the results of the year-end survey of the poor
        self.reports_last_years_survey = bool(
            _SURVEY_RESULTS.search(doc.text, 0, SURVEY_HEAD_CHARS)
        )
        self.headline_on_topic = on_topic("", title)
        # the headline, or for a text with none its first paragraph: what the article is
        self.headline_or_lead = title or next(
            (doc.text[b.start : b.end][:300] for b in doc.blocks if not b.is_boilerplate), ""
        )
        # "Gò Dầu: Bàn giao nhà tình nghĩa cho gia đình chính sách": a headline that reports a
        # handover or a ground-breaking and names no year tells of the event's houses and
        # money, not of a year-end review
        title_end = _title_end(doc)
        self.headline_reports_an_event = bool(
            _HEADLINE_OF_AN_EVENT.search(title)
            and not _YEAR_WORDS.search(title)
            and not any(
                m.type == "TIME" and _year_of(m) is not None and m.end <= title_end
                for m in doc.mentions
            )
        )
        self.provisional = False
        self.off_topic_candidates: list[tuple[dict[str, Any], Mention]] = []
        self.planned_subjects: set[int] = set()  # subject cues a plan word governs
        self.plan_elaborated: Cue | None = None  # the last sentence with figures, if all planned
        # a sentence announcing the plan its next lines list ("Mục tiêu đến năm 2025: …",
        # "phấn đấu đạt các chỉ tiêu sau."), with the deadline it names, while its items run
        self.plan_header: Cue | None = None
        self.plan_header_time: Mention | None = None
        self.plan_header_block = -1
        self.sentence_group: str | None = None  # the one group of its figures, if one
        # per sentence: the (year, period) of the start and the end of its first change
        self.change_ends: dict[int, dict[str, tuple[int | None, dict[str, int] | None]]] = {}

    # ------------------------------------------------------------------ what
    def classify(
        self,
        view: SentenceView,
        fig: Mention,
        cues: list[Cue],
        carried: Cue | None = None,
        read: list[tuple[Mention, str, str, Cue | None]] | None = None,
    ) -> tuple[str, str, Cue | None] | None:
        """(indicator, rule, governing cue) for a figure, or None; a figure that gives no
        fact says why in `self.no_fact` (an exception's id, or `no-indicator-cue`). A figure
        no cue names may be read like its neighbour (`read`: the sentence's readings so
        far); the topic gate and the named exceptions apply to that reading too."""
        got = self.read_figure(view, fig, cues, carried, read)
        if got is None:
            return None
        indicator, _, subject = got
        # a population, houses, money in general news, or in an article whose headline does
        # not name the topic, far from where its text does: kept only if the article turns out
        # to report a figure of the poor itself (see `_drop_off_topic`)
        self.provisional = (
            # (a unit ranked after a fact reads like it: that fact passed the gate)
            got[1] != RANKED_NEXT_RULE
            and self._gated(view, indicator)
            and indicator not in self.profile_indicators
            and not self._topic_in_clause(view, fig)
            and not (self.on_topic and (self.headline_on_topic or self._topic_near(view)))
        )
        stopped = stopping_exception(self.doc.text, view, fig, indicator, subject)
        if stopped is not None:
            self.no_fact = stopped
            return None
        if self._houses_restated_by_their_cost(view, fig, indicator):
            self.no_fact = "houses-restated-by-their-cost"
            return None
        return got

    def _houses_restated_by_their_cost(
        self, view: SentenceView, fig: Mention, indicator: str
    ) -> bool:
        """ "Bàn giao 10 căn nhà cho đồng bào … ¶ Tổng kinh phí xây dựng 10 căn nhà là 749 triệu
        đồng": houses named as what a cost paid for, as many as the text counted before, are
        those houses again (one fact), not houses of the paragraph's unit."""
        if indicator != indicator_for("houses", "count"):
            return False
        start = max(view.sent.start, fig.start - 40)
        if not _HOUSES_A_COST_IS_FOR_BEFORE.search(self.doc.text, start, fig.start):
            return False
        value = fig.attrs.get("value")
        # (not where the sentence names another unit: "Tại huyện Sơn Tây, tổng kinh phí xây
        # dựng 15 căn nhà …" after Sơn Hà's 15 houses)
        named = {
            m.attrs.get("name")
            for m in view.of("LOCALITY")
            if m.end <= fig.start and not named_in_passing(self.doc.text, m)
        }
        return any(
            f["indicator"] == indicator
            and f["value"] == value
            and named <= {(f["locality"] or {}).get("name")}
            for f in self.facts
        )

    def read_figure(
        self,
        view: SentenceView,
        fig: Mention,
        cues: list[Cue],
        carried: Cue | None = None,
        read: list[tuple[Mention, str, str, Cue | None]] | None = None,
    ) -> tuple[str, str, Cue | None] | None:
        """What the cues make of a figure, or its neighbour's reading, before the topic gate
        and the named exceptions (`classify` applies them)."""
        self.no_fact = "no-indicator-cue"
        self.provisional = False
        if fig.attrs.get("each") and not self._listed_for_each(view, fig):
            return None  # "hỗ trợ 2 tỷ đồng/địa phương": each unit's share, of no unit named
        got = self._item_of_a_breakdown(view, fig, read or [])
        if got is None and fig.attrs.get("unit") == "households":
            got = (
                self._houses_of_the_households_before(view, fig)
                or self._houses_by_place(view, fig, read or [])
                or self._houses_by_household_kind(view, fig, read or [])
                or self._a_groups_part_of_the_households_before(view, fig)
            )
        if got is None:
            got = self._classify(view, fig, cues, carried)
        if got is None:
            got = self._like_a_neighbour(view, fig, read or [])
        if got is None and fig.attrs.get("unit") == "VND":
            got = self._money_of_a_budget_or_houses(view, fig, read or [])
        if (
            got is None
            and fig.attrs.get("unit") == "VND"
            and self._money_of_a_support_item(view, fig)
        ):
            got = indicator_for("budget", "money"), "money-of-a-support-item", None
        if got is None and fig.attrs.get("unit") == "houses":
            got = self._part_of_the_sentence_before(view, fig, indicator_for("houses", "count"))
        if (
            got is None
            and fig.attrs.get("unit") == "persons"
            and _groups_having_the_count(self.doc.text, cues, fig)
        ):
            # "Tổng số nhân khẩu thành phố … là 422.601 người. ¶ Trong đó, khu vực đô thị có
            # 285.788 người": a group's part of the people the sentence before counted
            got = self._part_of_the_sentence_before(view, fig, indicator_for("population", "count"))
        if (
            got is None
            and fig.attrs.get("unit") in _INCOME_UNITS
            # (a part named as a group or a unit: not "lao động làm việc tại các khu công
            # nghiệp có thu nhập 8 triệu đồng/người/tháng", the income of some other people)
            and (
                _INCOME_PART_NAMED.search(
                    self.doc.text,
                    clause := _clause_start(self.doc.text, view.sent.start, fig.start),
                    fig.start,
                )
                or any(clause <= m.start < fig.start for m in view.of("LOCALITY"))
            )
        ):
            # "… thu nhập bình quân … đạt 69,52 triệu đồng/người/năm. Trong đó, khu vực nông
            # thôn đạt 68,47 triệu đồng/người/năm": the parts of an income
            got = self._part_of_the_sentence_before(view, fig, indicator_for("income", "money"))
        if got is None and fig.type == "PERCENT" and not fig.attrs.get("per_year"):
            # "toàn huyện còn 0,97% thuộc diện hộ nghèo": the category said after a share (not
            # a share of recipients: "trong số 1.200 hộ được vay vốn, có 60% là hộ nghèo")
            category = _RATE_OF_A_CATEGORY_AFTER.match(
                self.doc.text[fig.end : view.sent.end].lstrip()
            )
            if (
                category
                and not _PART_OPENER_BEFORE.search(self.doc.text, view.sent.start, fig.start)
                and not _RECIPIENTS_IN_SENTENCE.search(self.doc.text, view.sent.start, fig.start)
            ):
                near = category.group("near")
                got = LEVEL_OF["near" if near else "poor"], "rate-of-a-category", None
        return got

    def _money_of_a_support_item(self, view: SentenceView, fig: Mention) -> bool:
        """ "hỗ trợ phát triển sản xuất 180 hộ với số tiền trên 1,2 tỷ đồng": the money of one
        item of support, the programme's; not where the item's clause (from its ";") speaks of
        loans, relief, firms or a household's own money ("Sau lũ …, huyện cứu trợ, hỗ trợ
        giống lúa …")."""
        text = self.doc.text
        item = _MONEY_OF_A_SUPPORT_ITEM_BEFORE.search(
            text, max(view.sent.start, fig.start - 160), fig.start
        )
        return (
            item is not None
            and not _SUPPORT_ITEM_OF_SOMETHING_ELSE.search(
                text,
                _clause_start(text, view.sent.start, item.start(), ";"),
                min(view.sent.end, fig.end + 40),
            )
            and self._programme_money(view, fig)
        )

    def _houses_by_place(
        self, view: SentenceView, fig: Mention, read: list[tuple[Mention, str, str, Cue | None]]
    ) -> tuple[str, str, Cue | None] | None:
        """ "bàn giao 9 căn nhà … cho 9 hộ nghèo (5 hộ xã Phước Kháng và 4 hộ xã Công Hải)",
        "5 ngôi nhà … cho 3 hộ gia đình thuộc xã Ba và 2 hộ tại xã A Ting": after houses the
        sentence counted, households counted by the unit a level word names right after them
        are that unit's houses."""
        houses = indicator_for("houses", "count")
        if not any(indicator == houses for _, indicator, _, _ in read):
            return None
        named = self._unit_right_after(view, fig)
        if named is None or named.attrs.get("level") not in ("district", "commune"):
            return None
        if self._first_of_several(view, named):
            return None  # ("cho 2 hộ cận nghèo ở xã A và phường B": the households of both)
        # (an item of a list by place ends there: "… 320 hộ nghèo xã A Tiêng thoát nghèo",
        # "150 hộ nghèo xã Sơn Lương được vay vốn" say something else of the households)
        if not regex.match(r"\s*(?:\(|\)|,|;|\.|và\b|$)", self.doc.text[named.end : view.sent.end]):
            return None
        return houses, "houses-by-place", None

    def _unit_right_after(self, view: SentenceView, fig: Mention) -> Mention | None:
        """The unit a level word names right after a count ("5 hộ xã Phước Kháng")."""
        unit = _UNIT_RIGHT_AFTER.match(self.doc.text, fig.end, view.sent.end)
        return next((m for m in view.of("LOCALITY") if unit and m.start == unit.end()), None)

    def _houses_of_the_households_before(
        self, view: SentenceView, fig: Mention
    ) -> tuple[str, str, Cue | None] | None:
        """ "… hỗ trợ cho 4.626 hộ … được làm nhà ở. Trong đó có 232 hộ gia đình chính sách,
        546 hộ cựu chiến binh nghèo, …": the parts of houses the sentence before counted by
        the households they house are houses too."""
        houses = indicator_for("houses", "count")
        text = self.doc.text
        if self._item_says_what_its_households_did(view, fig):
            return None  # ("Trong đó, có 45 hộ đã thoát nghèo": the item says its own)
        opening = _ELABORATION_OPENING.match(text, view.sent.start)
        if opening is None:
            return None
        before = [f for f in self._facts_of_the_sentence_before(view) if f["indicator"] == houses]
        if any("hộ" in f["figure"]["text"] and _value(fig) <= (f["value"] or 0) for f in before):
            # (a part: "… 210 hộ … nhà ở. Trong số đó có 250 hộ dân tộc Tày" is no part)
            return houses, "part-of-the-sentence-before", None
        # "… đã hoàn thiện xây dựng 1.200 căn nhà và bàn giao cho người dân. Trong đó có 1.098
        # hộ nghèo, 35 hộ gia đình chính sách, …": a list of nothing but kinds of households
        # opening the sentence after houses counted as houses says whom those houses went to
        # ("Trong số này có hơn 1.650 hộ …": the hedge of the item read is no item before it)
        hedge = regex.search(_APPROX + "$", text[opening.end() : fig.start])
        if (
            before
            and _HOUSEHOLD_KIND_ITEMS.fullmatch(
                text, opening.end(), fig.start - (len(hedge.group(0)) if hedge else 0)
            )
            and self._households_listed(view, opening.end()) <= max(f["value"] or 0 for f in before)
        ):
            return houses, "houses-by-household-kind", None  # (a split by kind: the poor one)
        return None

    def _a_groups_part_of_the_households_before(
        self, view: SentenceView, fig: Mention
    ) -> tuple[str, str, Cue | None] | None:
        """ "Đã có gần 10.340 hộ nghèo … thoát nghèo. Trong đó có gần 9.300 hộ đồng bào dân
        tộc thiểu số.": the households of an ethnic group that open a "Trong đó, …" sentence,
        saying nothing else of them, are the group's part of the poor, near-poor or
        escaped households the sentence before counted (not all the group's households)."""
        text = self.doc.text
        opening = _ELABORATION_OPENING.match(text, view.sent.start)
        if opening is None or not _A_COUNT_OPENS_THE_PART.fullmatch(text, opening.end(), fig.start):
            return None
        group = self._people_of_a_group(view, fig)
        if (
            group is None
            or not _CLAUSE_ENDS.match(text, group[1], view.sent.end)
            or self._item_says_what_its_households_did(view, fig)
        ):
            return None
        counts = [
            f
            for f in self._facts_of_the_sentence_before(view)
            if f["indicator"] in _COUNTS_A_GROUP_MAY_BE_PART_OF and (f["value"] or 0) > _value(fig)
        ]
        # (a part of an actual count: a plan's part would need the plan's year and status)
        if not counts or counts[-1]["status"] != "actual":
            return None
        return counts[-1]["indicator"], "part-of-the-sentence-before", None

    def _households_listed(self, view: SentenceView, start: int) -> float:
        """The sum of the households a list counts from `start` on, item after item (each
        joined to the one before by "," or "và", `next-list-item`): a split of houses by kind
        adds up to no more than the houses ("50 căn nhà. Trong đó có 98 hộ nghèo và 35 hộ cận
        nghèo" is no split)."""
        text = self.doc.text
        total, last = 0.0, None
        for m in view.of("QUANTITY"):  # (in the text's order)
            if m.start < start or m.attrs.get("unit") != "households":
                continue
            # (the list's items follow one another: "98 hộ nghèo và 35 hộ cận nghèo", not a
            # later clause's "…, giúp 300 hộ thoát nghèo")
            if last is not None and not _NEXT_LIST_ITEM.fullmatch(text, last.end, m.start):
                break
            total += _value(m)
            last = m
        return total

    def _houses_by_household_kind(
        self, view: SentenceView, fig: Mention, read: list[tuple[Mention, str, str, Cue | None]]
    ) -> tuple[str, str, Cue | None] | None:
        """ "hỗ trợ xây mới 462 căn nhà, gồm 131 hộ nghèo, 118 hộ cận nghèo và 213 hộ khó
        khăn": households listed right after the houses the sentence counted, by the kind of
        household the houses went to, are those houses (each with its kind as the group)."""
        houses = indicator_for("houses", "count")
        text = self.doc.text
        # the houses counted last, before the items of the list read so far
        items = 0
        while items < len(read) and read[-1 - items][2] == "houses-by-household-kind":
            items += 1
        if items == len(read) or read[-1 - items][1] != houses:
            return None  # (the list must follow the houses, nothing else counted between)
        counted = read[-1 - items][0]
        between = text[counted.end : fig.start]
        opener = _HOUSEHOLD_KINDS_OPENER.match(between)
        if (
            opener is None
            or not _HOUSEHOLD_KIND_ITEMS.fullmatch(between, opener.end())
            or self._households_listed(view, counted.end + opener.end()) > _value(counted)
        ):
            return None
        if self._item_says_what_its_households_did(view, fig):
            return None  # ("…, trong đó 45 hộ đã thoát nghèo": the item says its own)
        return houses, "houses-by-household-kind", None

    def _item_says_what_its_households_did(self, view: SentenceView, fig: Mention) -> bool:
        """Whether the words of a list item after its count of households, up to the next
        item, say what the households did, got or lack ("45 hộ đã thoát nghèo", "60 hộ nhận
        thêm bò giống"), rather than which households they are."""
        text = self.doc.text
        item_end = regex.search(r"[,;.()]|\bvà\b|$", text[fig.end : view.sent.end])
        item = text[fig.end : fig.end + (item_end.start() if item_end else 0)]
        return bool(_SAYS_WHAT_THE_HOUSEHOLDS_DID.search(item))

    def _part_of_the_sentence_before(
        self, view: SentenceView, fig: Mention, indicator: str
    ) -> tuple[str, str, Cue | None] | None:
        """A figure of a "Trong đó, …" / "Cụ thể, …" sentence right after a sentence that
        gave `indicator`: a part of it ("Thới Bình có 725 căn nhà nằm trong Chương trình.
        Trong đó, hộ nghèo 260 căn, …"; "… năm 2023 là 481 tỷ đồng")."""
        if _ELABORATION_OPENING.match(self.doc.text, view.sent.start) and any(
            f["indicator"] == indicator for f in self._facts_of_the_sentence_before(view)
        ):
            return indicator, "part-of-the-sentence-before", None
        return None

    def _facts_of_the_sentence_before(self, view: SentenceView) -> list[dict[str, Any]]:
        """The facts of the sentence right before this one (nothing but spaces and stops
        between), however many this sentence has given already."""
        text = self.doc.text
        start = next((s for s in reversed(self.facts_by_evidence) if s < view.sent.start), None)
        if start is None:
            return []
        facts = self.facts_by_evidence[start]
        end = facts[-1]["evidence"]["end"]
        if end > view.sent.start or text[end : view.sent.start].strip(" .\n"):
            return []
        return facts

    def _group_of_the_houses_a_part_splits(self, view: SentenceView, fig: Mention) -> str | None:
        """The group of the houses a part split by the kind of work breaks down ("709 nhà cho
        người có công … Trong đó, sửa chữa 472 nhà và xây mới 237 nhà", "150 nhà cho hộ nghèo
        dân tộc thiểu số, trong đó xây mới 100 nhà, sửa chữa 50 nhà"): the one houses total
        earlier in the sentence, after which a `trong đó`/`gồm` opens the parts in the same
        clause, or the one houses fact of the sentence right before one that opens on `Trong
        đó`. Not a part of a mixed total (several houses figures before the opener), not
        houses after a new clause (`; ngoài ra …`, `đồng thời …`), not a part larger than the
        whole, not parts that open on whom they are for (`Trong đó: thân nhân liệt sĩ …`),
        and not a part that names its beneficiaries, funder or programme (`… 60 nhà cho hộ
        nghèo`, `… 120 nhà do doanh nghiệp tài trợ`, `từ Quỹ …, sửa chữa 100 nhà`)."""
        text = self.doc.text
        houses = indicator_for("houses", "count")
        if not (
            _WORK_KIND_BEFORE.search(text, max(view.sent.start, fig.start - 60), fig.start)
            or _WORK_KIND_AFTER.match(text, fig.end, view.sent.end)
        ):
            return None
        marks = [m.end() for m in _ITEM_MARK.finditer(text, view.sent.start, fig.start)]
        stop = _ITEM_END.search(text, fig.end, view.sent.end)
        item_end = stop.start() if stop else view.sent.end
        if _PART_NAMES_ITS_OWN.search(text[marks[-1] if marks else view.sent.start : item_end]):
            return None
        if any(c.kind == "group" for c in find_cues(text, fig.end, item_end)):
            return None
        openers = list(_PARTS_OPENER.finditer(text, view.sent.start, fig.start))
        if not openers:
            return None
        opened = openers[-1]
        if (
            any(c.kind == "group" for c in find_cues(text, opened.end(), fig.start))
            or not _PARTS_OPEN_ON_THE_WORK.match(text[opened.end() : fig.end])
            or _PARTS_END.search(text, opened.end(), fig.start)
            # (a ";" ends the parts unless they are listed after a colon: "trong đó: xây mới
            # 127 nhà …; sửa chữa 235 hộ")
            or (
                ";" in text[opened.end() : fig.start]
                and not regex.match(r"\s*:", text[opened.end() :])
            )
        ):
            return None
        wholes = [
            f
            for f in self.facts_by_evidence.get(view.sent.start, [])
            if f["indicator"] == houses and f["figure"]["end"] <= opened.start()
        ]
        if not wholes and _ELABORATION_OPENING.match(text, view.sent.start):
            wholes = [
                f for f in self._facts_of_the_sentence_before(view) if f["indicator"] == houses
            ]
        if len(wholes) != 1:
            return None  # (none, or a mixed total: "180 nhà cho hộ nghèo và 40 nhà cho …")
        whole = wholes[0]
        value = fig.attrs.get("value")
        if isinstance(value, (int, float)) and value >= whole["value"]:
            return None
        return whole.get("group") or None

    def _money_of_a_budget_or_houses(
        self, view: SentenceView, fig: Mention, read: list[tuple[Mention, str, str, Cue | None]]
    ) -> tuple[str, str, Cue | None] | None:
        """Money no cue names, in what a budget or houses make of it:
        - a part of a budget the sentence, or the sentence before it, gave ("tổng vốn … là
          1.136 tỷ đồng. Trong đó, năm 2023 là 481 tỷ đồng", "… trong đó vốn ngân sách …;
          vốn huy động 3,8 ngàn tỷ đồng");
        - the value of the houses the sentence counted ("bàn giao 79 căn nhà đại đoàn kết,
          tổng trị giá 2,85 tỷ đồng", "xây mới 94 ngôi nhà (3,5 tỷ đồng)")."""
        text = self.doc.text
        if not read and not _ELABORATION_OPENING.match(text, view.sent.start):
            return None  # (no figure before it in its sentence, no sentence it details)
        clause = _clause_start(text, view.sent.start, fig.start, marks=",;:")
        left = text[clause : fig.start]
        if _DECREASE_BEFORE.search(left) or _INCREASE_BEFORE.search(left):
            return None
        budget = indicator_for("budget", "money")
        houses = indicator_for("houses", "count")
        counted = [m for m in view.of("QUANTITY", "PERCENT") if m.end <= fig.start]
        houses_counted_last = bool(counted) and any(
            m is counted[-1] and indicator == houses for m, indicator, _, _ in read
        )
        if houses_counted_last and _MONEY_IN_BRACKETS_AFTER_THE_COUNT.fullmatch(
            text, counted[-1].end, fig.start
        ):
            return budget, "money-value-of-the-houses", None  # "sửa chữa 79 căn (1,4 tỷ đồng)"
        other_kind = [
            c
            for c in find_cues(text, clause, fig.end)
            if c.kind == "subject" and c.rule["subject"] != "budget"
        ]
        if (
            houses_counted_last
            and _VALUE_OF_THE_WORK_BEFORE.search(left)
            # ("bàn giao 35 căn nhà cho hộ nghèo với tổng trị giá …": the households the
            # houses are for name no money of another kind)
            and not any(
                c.start >= counted[-1].end
                and not _FOR_WHOM_BEFORE.search(text, counted[-1].end, c.start)
                for c in other_kind
            )
        ):
            # (the houses are the last thing counted before it: "tặng 776 phần quà, trị giá
            # 388 triệu đồng" is the gifts' value)
            return budget, "money-value-of-the-houses", None
        if other_kind:
            return None  # "vốn vay ưu đãi 200 tỷ đồng": money of another kind
        for head, indicator, _, subject in reversed(read):
            if indicator == budget and _BREAKDOWN_OPENER.search(text, head.end, fig.start):
                return budget, "money-part-of-a-budget", subject
        return self._part_of_the_sentence_before(view, fig, budget)

    def _topic_in_clause(self, view: SentenceView, fig: Mention) -> bool:
        """ "262.150 căn nhà trong chương trình xóa nhà tạm, …": the figure's own clause
        names the programme it belongs to."""
        text = self.doc.text
        start = max(view.sent.start, *(text.rfind(m, view.sent.start, fig.start) + 1 for m in ",;"))
        ends = [i for i in (text.find(m, fig.end, view.sent.end) for m in ",;") if i >= 0]
        clause = text[start : min(ends) if ends else view.sent.end]
        return any(rx.search(clause) for _, rx in _topic_cues())

    def _topic_near(self, view: SentenceView) -> bool:
        """The figure's sentence or the passage around it names the topic: in an article
        that names it only in its text, an investment report's closing line on the firms'
        charity does not make its investments a programme's budget."""
        text = self.doc.text
        near = topic_settings()["near_chars"]
        start, end = max(0, view.sent.start - near), min(len(text), view.sent.end + near)
        return any(rx.search(text, start, end) for _, rx in _topic_cues())

    def _gated(self, view: SentenceView, indicator: str) -> bool:
        gates = topic_gates()
        if indicator not in gates:
            return False
        unless = gates[indicator]
        return unless is None or not unless.search(self.doc.text, view.sent.start, view.sent.end)

    def _classify(
        self, view: SentenceView, fig: Mention, cues: list[Cue], carried: Cue | None = None
    ) -> tuple[str, str, Cue | None] | None:
        """(indicator, rule, governing cue) for a figure, or None if it measures nothing known.

        `carried` is the paragraph's last subject, for a sentence that names none
        ("…còn 2.100 hộ nghèo. Dự kiến hết năm 2024 sẽ giảm thêm 4-5%.")."""
        text = self.doc.text
        s0 = view.sent.start
        if (
            not any(ch.isdigit() for ch in fig.text) and not self._houses_counted_in_words(fig)
        ) or _inside_quotes(text, s0, fig.start):
            return None  # "làm chủ một căn nhà", slogans in quotes
        clause = _clause_start(text, s0, fig.start)
        unit = fig.attrs.get("unit")
        if unit is None and fig.type == "QUANTITY" and isinstance(fig.attrs.get("value"), int):
            # "Trong đó, số hộ nghèo: 1.005; số hộ cận nghèo: 2.565;": a label's bare count
            label = _LABEL_OF_A_BARE_COUNT.search(
                text, max(s0, fig.start - BARE_COUNT_LABEL_CHARS), fig.start
            )
            if label and _CLAUSE_ENDS.match(text, fig.end, view.sent.end):
                cat = "near" if label.group("near") else "poor"
                return HOUSEHOLD_COUNT[cat], "count-after-label", None
            if _LABEL_OF_A_BARE_TOTAL.search(
                text, max(s0, fig.start - BARE_COUNT_LABEL_CHARS), fig.start
            ) and _CLAUSE_ENDS.match(text, fig.end, view.sent.end):
                # "toàn tỉnh có tổng số hộ dân cư là 128.904, trong đó …": all the households
                return indicator_for("total_households", "count"), "count-after-label", None
            # "kéo giảm hộ nghèo từ 8.371 vào năm 2021 xuống còn 2.613": the bare ends of a
            # count's change, the poor or near-poor households the clause names
            category = _last_category([c for c in cues if clause <= c.start and c.end <= fig.start])
            if category is None and carried is not None and carried is self.topic_subject:
                category = carried  # ("Đối với hộ cận nghèo, … . Đến cuối năm, giảm còn 17.691")
            if (
                category is not None
                and category.rule["subject"] in HOUSEHOLD_COUNT
                # (not a rate's name: "tỷ lệ hộ nghèo còn tới trên 40", its % left out, unless a
                # count of households in the clause says what the bare ends count: "tỷ lệ hộ
                # nghèo giảm từ 6.850 xuống còn 4.120 hộ")
                and (
                    not regex.match(r"t[ỷỉ]\s*lệ\b", text[category.start : category.end], regex.I)
                    or any(
                        m.attrs.get("unit") == "households"
                        for m in view.of("QUANTITY")
                        if clause <= m.start and m is not fig
                    )
                )
                and not _names_both_categories(text, category, s0)
                and (
                    _FROM_BEFORE.search(text, s0, fig.start)
                    or _TO_BEFORE.search(text, s0, fig.start)
                )
                and regex.search(r"\b(?:giảm|xuống|còn)\b", text[clause : fig.start], regex.I)
                and regex.match(
                    r"\s*(?:[;,.()]|$|vào\b|năm\b|sau\b|xuống\b|chiếm\b)",
                    text[fig.end : view.sent.end],
                    regex.I,
                )
            ):
                return HOUSEHOLD_COUNT[category.rule["subject"]], "count-bare-of-a-change", category
            if self._a_bare_part_of_houses(view, fig):
                return indicator_for("houses", "count"), "count-houses-by-the-work-done", None
        if (
            _in_bare_millions(fig)
            # (from the sentence's start: a label's colon opens the figure's clause, "Thu nhập
            # bình quân đầu người của xã: 29 triệu")
            and _INCOME_IN_BARE_MILLIONS_BEFORE.search(text, max(s0, fig.start - 160), fig.start)
            # (the figure ends its clause or says when: not "đạt 40 triệu người")
            and _BARE_MILLIONS_INCOME_ENDS_AFTER.match(text, fig.end, view.sent.end)
        ):
            # "thu nhập bình quân đầu người trên địa bàn huyện đạt 40 triệu": an income whose
            # đồng the writer left out
            return indicator_for("income", "money"), "money-income-in-bare-millions", None
        part_of = self._part_of_the_whole_just_counted(view, fig, unit)
        if part_of is not None:
            return part_of, "count-part-of-the-whole", None
        wanted = _SUBJECTS_FOR.get("PERCENT" if fig.type == "PERCENT" else str(unit))
        # "kinh phí hỗ trợ hộ nghèo … 215 tỷ đồng": the money's subject, not the households'
        before = [
            c
            for c in cues
            if c.kind == "subject"
            and c.end <= fig.start
            and (wanted is None or c.rule["subject"] in wanted)
        ]
        if fig.type == "PERCENT":
            in_clause = [c for c in before if c.start >= clause]  # "…6,2%; 95% số thôn …"
            clause_text = text[clause : fig.start]
            if (
                not in_clause
                and before
                # (a clause's own count subject, "toàn tỉnh có 24.120 hộ", names no rate)
                and not any(
                    c.kind == "subject"
                    and clause <= c.start < fig.start
                    and c.rule["subject"] not in ("total_households", "population")
                    for c in cues
                )
                # a bare "(chiếm) tỷ lệ X%" continues the subject; "tỷ lệ lao động" names another
                # ("chiếm tỷ lệ 18,58%, tỷ lệ giảm 4,11%": bare rates, no other one)
                and not regex.search(
                    r"(?<!thiểu\s)\bsố\b|t[ỷỉ] lệ(?!\s*(?:là\s*|giảm\s*)?" + _APPROX + r"(?:\d|$))",
                    clause_text,
                    regex.I,
                )
            ):
                # a later clause that names no subject of its own continues the sentence's:
                # "…dưới 20%; bình quân mỗi năm giảm 3-4%"
                in_clause = [before[-1]]
                if regex.search(r"cận nghèo", text[before[-1].end : fig.start], regex.I):
                    # "…, chiếm 9,17%; thoát cận nghèo là 104 hộ, tỷ lệ giảm 0,71%": the
                    # near-poor's, which has no indicator
                    in_clause = []
            before = in_clause
        left = text[max(s0, fig.start - 40) : fig.start]
        if (
            not before
            and carried is not None
            and fig.type == "PERCENT"
            and (
                _DECREASE_BEFORE.search(left)
                or _DOWN_TO_BEFORE.search(left)
                or _FALL_IN_CLAUSE.search(text, clause, fig.start)
                or (
                    carried.rule["subject"] in HOUSEHOLD_COUNT
                    and self._rate_of_households_just_counted(view, fig)
                )
                or self._a_floor_of_the_fall_before(view, fig, clause, left)
                # "Đến cuối năm 2019, toàn tỉnh chỉ còn 4%": the level it fell to
                or _TO_BEFORE.search(left)
                # "vùng đồng bào DTTS giảm mạnh từ 26,75% năm 2022 xuống 14,43%": where it began
                or (
                    _FROM_BEFORE.search(left)
                    and regex.search(r"\b(?:xuống|còn)\b", text[fig.end : fig.end + 40], regex.I)
                )
            )
            and not regex.search(r"t[ỷỉ] lệ|(?<!thiểu\s)\bsố\b", text[clause : fig.start], regex.I)
        ):
            before = [carried]
        if (
            not before
            and carried is not None
            and fig.type == "PERCENT"
            and carried.rule["subject"] in ("poor", "near", "multidim")
            and any(
                m.end <= fig.start and regex.fullmatch(r"\s*\(\s*", text[m.end : fig.start])
                for m in view.of("LOCALITY")
            )
        ):
            # "… tỷ lệ hộ nghèo thấp nhất. Xếp ngay sau còn có Bà Rịa-Vũng Tàu (0,2%), Đồng Nai
            # (0,3%)": places each with the rate the passage speaks of, in parentheses
            before = [carried]
        again = carried or self.sentence_subject
        if (
            not before
            and again is not None
            and fig.type == "PERCENT"
            and _THE_RATE_AGAIN.search(text, clause, fig.start)
            # only a rate just stated (and the count after it) can be named again
            and any("_rate" in f["indicator"] for f in self.facts[-2:])
        ):
            # "… có 16.006 hộ nghèo, chiếm 4,93%. … tỉ lệ này giảm còn 3,56%": the rate again
            before = [again]
        part = max(s0, text.rfind(";", s0, fig.start) + 1)
        if (
            not before
            and carried is not None
            and carried.rule["subject"] in ("poor", "near", "multidim")
            and (fig.type == "PERCENT" or fig.attrs.get("unit") == "households")
            and any(
                c.kind == "group"
                and part <= c.start
                and c.end <= fig.start
                and _PART_OF_A_GROUP.fullmatch(text, c.end, fig.start)
                for c in cues
            )
            and regex.match(r"\s*(?:[,;.)(]|và\b|$)", text[fig.end : view.sent.end])
        ):
            # "Tổng số hộ nghèo … là 3.467 hộ. Trong đó, khu vực thành thị là 773 hộ, chiếm tỷ
            # lệ 0,59%; khu vực nông thôn …": a group's figures in a part that names no
            # subject are the carried subject's (not "… có 98% hộ dân được sử dụng nước sạch")
            before = [carried]
        if (
            not before
            and carried is not None
            and carried is self.topic_subject
            and (fig.type == "PERCENT" or fig.attrs.get("unit") == "households")
        ):
            # "Đối với hộ cận nghèo, đầu năm 2023 có 21.101 hộ … . Đến cuối năm, giảm còn
            # 17.691 hộ, chiếm tỷ lệ 6,72%": a sentence of the topic its paragraph framed
            before = [carried]
        after_text = text[fig.end : view.sent.end]
        subject = before[-1] if before else None
        sub = subject.rule["subject"] if subject else None

        if fig.type == "PERCENT":
            said, respectively = self._respectively(view, fig, subject)
            if said:
                return respectively
            if (
                sub in ("poor", "multidim")
                and regex.search(
                    r"\(\s*(?:kế hoạch|chỉ tiêu|mục tiêu)\s*(?:là\s*)?(?:giảm\s*)?" + _APPROX + "$",
                    left,
                    regex.I,
                )
                and regex.search(r"\bgiảm\b", text[clause : fig.start], regex.I)
            ):
                # "giảm 0,6% so với năm 2022 (kế hoạch 0,5-1,0%)": the planned fall
                return indicator_for("poor", "fall"), "rate-fall-planned", subject
            if (
                sub in ("poor", "multidim", "near")
                and regex.search(r"\b(?:thấp|ít)\s*(?:hơn\s*)?$", left, regex.I)
                and regex.match(r"\s*(?:so với|so cùng kỳ)", after_text, regex.I)
            ):
                # "chiếm 1,95%, thấp hơn 0,72% so với năm 2022": the fall of the rate (the
                # near-poor's has no indicator)
                if sub == "near":
                    return None
                return indicator_for("poor", "fall"), "rate-lower-than", subject
            if _RATE_OF_A_COUNT_FALL.search(text, max(s0, fig.start - 60), fig.start):
                # "giảm 87 hộ, chiếm tỉ lệ 9,1%": the fall of the rate those households make
                # (the near-poor's fall has no indicator)
                if sub == "near":
                    return None
                return indicator_for("poor", "fall"), "rate-of-a-count-fall", subject
            if (
                sub is None
                and _KE_HOACH_AFTER.match(after_text)
                and self.block_disbursement
                # (paid out before it: "…; giải ngân vốn … được 99,2 tỷ đồng, đạt 65,4%" later
                # in the sentence says nothing of the crops' "đạt 100,4% kế hoạch" before it)
                and "giải ngân" in text[self.doc.blocks[view.sent.block].start : fig.start].lower()
                # ("diện tích cây trồng đạt 9.481/9.440 ha, đạt 100,4% kế hoạch": the share
                # of the plan of the measure its part names, no money's)
                and not any(
                    m.attrs.get("unit") not in (None, "VND")
                    for m in view.of("QUANTITY")
                    if _clause_start(text, s0, fig.start, ";") <= m.start and m.end <= fig.start
                )
            ):
                sub = "disbursement"  # "…giải ngân … còn chậm. Sáu tháng mới đạt 35% kế hoạch."
            if (
                sub == "disbursement"
                and (
                    regex.search(r"(?:đạt|bằng)\s*(?:t[ỷỉ] lệ\s*)?" + _APPROX + "$", left, regex.I)
                    # "Chương trình … đã giải ngân được 7,5%": the share paid out
                    # (not of a share of money named after it: "Nếu … giải ngân được 70% vốn
                    # đầu tư trong năm")
                    or (
                        _SHARE_PAID_OUT_BEFORE.search(left)
                        and bool(regex.match(r"\s*(?:[.;,)]|$|kế hoạch)", after_text, regex.I))
                        # (not a bank's loans nor all public investment: "Ngân hàng Chính sách
                        # xã hội … đã giải ngân được 98%", "vốn đầu tư công … được 45,2%")
                        and not _LOANS_OR_PUBLIC_INVESTMENT.search(text, s0, fig.start)
                    )
                    # "Một số tỉnh có tỷ lệ giải ngân cao là: Vĩnh Long 7,5%, Bến Tre 12,6%":
                    # the rate itself named as the subject
                    or (
                        subject is not None
                        and bool(
                            regex.search(
                                r"\bt[ỷỉ] lệ\s*$",
                                text[max(s0, subject.start - 8) : subject.start],
                                regex.I,
                            )
                        )
                        and not _DECREASE_BEFORE.search(left)
                        and not _INCREASE_BEFORE.search(left)
                        # (nor a margin: "… thấp hơn cùng kỳ năm trước 12%")
                        and not _MARGIN_WORD.search(left)
                        # (not all public investment's: "tỷ lệ giải ngân vốn đầu tư công của cả
                        # nước (29,39%)")
                        and not _LOANS_OR_PUBLIC_INVESTMENT.search(text, subject.end, fig.start)
                    )
                    or _KE_HOACH_AFTER.match(after_text)
                    # "giải ngân đạt 1.007 tỷ đồng (70,5%)", "4.318 tỷ đồng/6.033 tỷ đồng (chiếm
                    # 71,6%)": the share in brackets right after the money paid out
                    or any(
                        m.attrs.get("unit") == "VND"
                        and regex.fullmatch(
                            r"\s*\(\s*(?:(?:chiếm|đạt|bằng)\s*)?(?:t[ỷỉ] lệ\s*)?" + _APPROX,
                            text[m.end : fig.start],
                            regex.I,
                        )
                        for m in view.of("QUANTITY")
                    )
                )
            ):
                return indicator_for("disbursement", "rate-of-plan"), "rate-of-plan", subject
            after_noun = _POOR_HOUSEHOLDS_NOUN_AFTER.match(after_text)
            if after_noun and after_noun.group("rate") and not _DECREASE_BEFORE.search(left):
                after_noun = None  # "… 5% tỷ lệ hộ nghèo …" is read below, not as a fall
            if after_noun:
                # "còn 6,71% hộ nghèo", "giảm được 4,44% hộ nghèo": the counted noun follows
                if in_clause_subject(cues, clause, fig.start) and _SHARE_WORD_BEFORE.search(left):
                    return None  # "hộ nghèo DTTS chiếm 80% hộ nghèo": a share of the poor
                near = bool(after_noun.group("near"))
                if _DECREASE_BEFORE.search(left) or (
                    _FALLS_LISTED_BEFORE.search(left)
                    # (not a share listed after a fall: "giảm được 3,2% hộ nghèo, 85% hộ nghèo
                    # còn lại là đồng bào Mông")
                    and not _SHARE_LISTED_AFTER.match(after_text)
                ):
                    return (
                        None
                        if near
                        else (indicator_for("poor", "fall"), "rate-fall-noun-after", None)
                    )
                return LEVEL_OF["near" if near else "poor"], "rate-noun-after", None
            poor_share = _SHARE_OF_HOUSEHOLDS_THAT_ARE_POOR_AFTER.match(after_text)
            if (
                poor_share
                and not _DECREASE_BEFORE.search(left)
                and not _INCREASE_BEFORE.search(left)
            ):
                # "vẫn còn hơn 63% số hộ trong buôn còn nghèo, cận nghèo": the share of all
                # the unit's households that are poor (near-poor, both) is its rate
                cat = (
                    "multidim"
                    if poor_share.group("both")
                    else "near"
                    if poor_share.group("near")
                    else "poor"
                )
                return LEVEL_OF[cat], "rate-share-of-households", None
            if _SHARE_ESCAPING_POVERTY_AFTER.match(after_text) and not _SHARE_WORD_BEFORE.search(
                left
            ):
                # "bình quân mỗi năm có trên 4% số hộ trong tỉnh được thoát nghèo": the share
                # of all households that left poverty is the fall of the rate
                return indicator_for("poor", "fall"), "rate-fall-of-those-escaping", None
            if sub in LEVEL_OF and subject is not None:
                between = text[subject.end : fig.start]
                counted = regex.search(
                    r"\bgiảm\s*(?:số\s*)?$",
                    text[max(s0, subject.start - 12) : subject.start],
                    regex.I,
                )  # "giảm số hộ nghèo … 3%" is a fall of the rate
                # a list of rates: "…còn 0,8%; hộ cận nghèo 1,2%", "65,05% hộ nghèo, Trà Giác …"
                listed = regex.search(
                    r"%\s*(?:[;,]\s*(?:và\s+)?)?$", text[max(s0, subject.start - 8) : subject.start]
                )
                if (
                    subject.id in ("subj-poor-households", "subj-near-households")
                    and not counted
                    and not listed  # "65,05% hộ nghèo, Trà Giác 64,08%": a list of rates
                    # "còn 6.912 hộ nghèo, tương ứng 3,36%": the count's rate ("hộ nghèo 25 hộ
                    # đạt 9,96%": the count's rate too)
                    and not regex.search(
                        r"tỷ lệ|tỉ lệ|chiếm|tương ứng|tương đương|\(\s*$", between, regex.I
                    )
                    and not _rate_of_a_count_joined_by_dat(text, view, fig, subject, between)
                    # ("Hộ nghèo của xã Trà Don ở mức hơn 60%": the level it stands at; not
                    # both categories', "hộ nghèo, hộ cận nghèo … ở mức 55%")
                    and not (
                        regex.search(r"\bở mức\b", between, regex.I)
                        and not _names_both_categories(text, subject, s0)
                    )
                    # "huyện A: hộ nghèo 0,52%, cận nghèo 2,14%": a label and its rate; "hộ
                    # cận nghèo là 0,77% với 2.462 hộ": the category's rate
                    and not regex.fullmatch(r"\s*(?::|là)?\s*", between)
                    # "có hộ nghèo đa chiều theo chuẩn … là 1,4%", "hộ nghèo huyện X là 6,2%": a
                    # label, then the rate ending its clause (not "hộ nghèo của xã A là 85% đồng
                    # bào Mông", "… hơn 95% đã được vay vốn": a share of the poor)
                    and not (
                        _LABEL_OF_A_CATEGORYS_RATE.fullmatch(
                            _without_places(between, view, subject.end)
                        )
                        and _A_RATE_ENDS_ITS_CLAUSE.match(after_text)
                        and not _names_both_categories(text, subject, s0)
                    )
                    and not _TO_BEFORE.search(left)
                    and not _DECREASE_BEFORE.search(left)
                    # "và hộ cận nghèo từ 2,18% lên 2,24%": a rate's change, its first level
                    and not (
                        _FROM_BEFORE.search(left)
                        and regex.match(r"\s*(?:\S+\s+){0,3}?(?:lên|xuống)\b", after_text)
                        # (not the joint "11.710 hộ nghèo và cận nghèo (giảm từ 42,61% …)")
                        and not _names_both_categories(text, subject, s0)
                    )
                ):
                    return None  # "các hộ nghèo phải chi gần 12% thu nhập": not their share
            if sub not in LEVEL_OF:
                # "giảm (được) 4,86% tỷ lệ hộ nghèo": the cue follows the figure
                if (
                    sub is None
                    and _DECREASE_BEFORE.search(left)
                    and regex.match(r"\s*(?:tỷ lệ|tỉ lệ)\s+(?:hộ\s+)?nghèo", after_text, regex.I)
                ):
                    return indicator_for("poor", "fall"), "rate-fall-cue-after", None
                return None
            if (
                sub == "multidim"
                and subject is not None
                and subject.end <= fig.start
                and any(
                    m.end <= subject.start and not text[m.end : subject.start].strip()
                    for m in view.of("PERCENT")
                )
                # (the near-poor part with a verb of its own: "…, hộ cận nghèo giảm 7 – 8%";
                # not "giảm 2,5% tỷ lệ hộ nghèo, cận nghèo, xuống còn 15,2%")
                and regex.match(r"\s*(?:giảm|tăng)\b", text[subject.end : fig.start], regex.I)
            ):
                # "giảm 5 – 6% tỷ lệ hộ nghèo, hộ cận nghèo giảm 7 – 8%": the figure before
                # took "tỷ lệ hộ nghèo"; this one's subject is the near-poor only (a fall of
                # theirs has no indicator)
                return None
            verb_first = (
                subject is not None
                and regex.search(
                    r"\bgiảm\s*(?:nhanh\s*|thêm\s*)?(?:số\s*)?$",
                    text[max(s0, subject.start - 15) : subject.start],
                    regex.I,
                )
                and not (
                    _TO_BEFORE.search(left)
                    or (
                        _FROM_BEFORE.search(left)
                        # ("từ 2,59% theo kết quả tổng điều tra cuối năm 2015 xuống còn …")
                        and regex.match(r"[^;%]{0,80}?\b(?:xuống|còn)\b", after_text, regex.I)
                    )
                    # "giảm tỷ lệ hộ nghèo … xuống còn 431 hộ, chiếm tỷ lệ 1,07%": the share of
                    # the count the fall reached is a level
                    or _SHARE_OF_A_LEVEL_REACHED.search(text, subject.end, fig.start)
                    # "đã giảm tỷ lệ hộ nghèo nhưng vẫn ở mức cao 42%": where the rate still stands
                    or _STILL_AT_A_LEVEL_BETWEEN.search(text, subject.end, fig.start)
                )
            )  # "giảm tỷ lệ hộ nghèo 4%" (but "giảm tỷ lệ hộ nghèo từ 24% xuống 19,5%" states levels)
            falls = (
                bool(_DECREASE_BEFORE.search(left))
                or _falls_by_at_least(text, left, fig)
                # "giảm 0,45%, vượt chỉ tiêu tỉnh giao 0,3-0,4%": the plan a fall is held to
                or _PLAN_OF_A_FALL_BEFORE.search(text, max(s0, fig.start - 120), fig.start)
                is not None
                # "giảm tỷ lệ hộ nghèo 2%, hộ cận nghèo 3%": the next item of a fall its verb
                # opened, with no verb of its own
                or (
                    subject is not None
                    and _FALL_LIST_BEFORE.search(text, max(s0, subject.start - 80), subject.start)
                    is not None
                    and not regex.search(
                        r"\b(?:còn|xuống|là|chiếm|đạt|tăng)\b",
                        text[subject.end : fig.start],
                        regex.I,
                    )
                )
                # "giảm tỷ lệ hộ nghèo toàn tỉnh dưới 1%": to a level, not by points
                or (bool(verb_first) and fig.attrs.get("approx") != "under")
                # "với tốc độ bình quân trên 1,5% mỗi năm": a rate per year is a fall; "…, tương
                # ứng mức giảm 4,64% so với đầu kỳ, bình quân hàng năm đạt 1,16%": its yearly mean
                or (
                    sub in ("poor", "multidim")
                    and (
                        fig.attrs.get("per_year")
                        or regex.match(r"\s*(?:mỗi|hằng|hàng)\s+năm\b", after_text, regex.I)
                        or (
                            _PER_YEAR_BEFORE.search(left)
                            and regex.search(r"\bgiảm\b", text[clause : fig.start], regex.I)
                        )
                    )
                    and not _INCREASE_BEFORE.search(left)
                )
                or (
                    subject is not None
                    and subject.rule.get("change") == "decrease"
                    and not regex.search(r"\b(?:còn|xuống)\b", text[subject.end : fig.start])
                )
                # "có tỉ lệ hộ nghèo giảm ít nhất trên toàn huyện là 0,52%": the verb between
                # the rate and its figure, in one clause, to no level ("còn", "xuống")
                or (
                    subject is not None
                    and sub in ("poor", "multidim")
                    and _FALL_BETWEEN.fullmatch(text[subject.end : fig.start]) is not None
                    # ("duy trì giảm ở mức dưới 2%": a ceiling is a level, not a fall)
                    and fig.attrs.get("approx") != "under"
                )
                # "Xã giảm nhiều nhất là Thạnh Phong 5,22%": a clause of its own whose verb is
                # a fall, continuing an earlier subject
                or (
                    subject is not None
                    and subject.start < clause
                    and _FALL_IN_CLAUSE.search(text, clause, fig.start) is not None
                )
            )
            if falls:
                if sub == "near" or _REL_FALL.match(after_text):
                    return None  # no indicator for it / a fall relative to the count, not points
                return indicator_for("poor", "fall"), "rate-fall", subject
            return LEVEL_OF[sub], "rate-level", subject

        # QUANTITY
        right = after_text.lstrip().lower()
        changed = _DECREASE_BEFORE.search(left) or _INCREASE_BEFORE.search(left)
        if unit == "households" and self._houses_total_of_a_split(view, fig):
            # "3 nhà tình nghĩa, 19 nhà đại đoàn kết cho 22 hộ dân": the houses' written total
            return indicator_for("houses", "count"), "count-houses-total-of-a-split", None
        if unit == "households" and _HOUSES_BY_HOUSEHOLD_BEFORE.search(text, clause, fig.start):
            # "hỗ trợ xây mới và sửa chữa nhà ở cho 5.361 hộ nghèo", "xây mới 2.731 hộ": houses
            return indicator_for("houses", "count"), "count-houses-by-household", None
        if unit == "households" and (
            _HOUSES_FINISHED_AFTER.match(after_text)
            # "30 hộ nghèo là người DTTS được hỗ trợ xây dựng, sửa chữa nhà ở"
            or _SUPPORTED_TO_BUILD_AFTER.match(after_text)
            # "… có 462 hộ được hỗ trợ xây mới, …": the house left unsaid
            or _SUPPORTED_TO_BUILD_NO_NOUN_AFTER.match(after_text)
            or _HOUSES_FINISHED_BEFORE.search(text, max(s0, fig.start - 40), fig.start)
        ):
            # "1.114 hộ đã hoàn thành việc làm nhà", "số hộ làm xong nhà là 237 hộ": houses
            # built, counted by the households that built them
            return indicator_for("houses", "count"), "count-houses-finished", None
        if (
            unit == "households"
            and regex.search(
                r"\b(?:hỗ trợ\s*(?:cho\s*)?|giúp(?:\s+đỡ)?\s*(?:cho\s*)?|có|cho)\s*"
                + _APPROX
                + "$",
                left,
                regex.I,
            )
            and _HOUSES_AFTER_HOUSEHOLDS.match(after_text)
            # (members named by who they are only when helped: not "có 210 hộ hội viên nghèo
            # làm nhà tạm bợ", households building on their own)
            and not (
                regex.match(r"\s*(?:nông dân|hội viên|đoàn viên)\b", after_text, regex.I)
                and regex.search(r"\bcó\s*" + _APPROX + "$", left, regex.I)
            )
        ):
            # "hỗ trợ 1.500 hộ nghèo xây nhà", "giúp 90 hộ nông dân nghèo xây mới, sửa chữa nhà
            # ở", "toàn tỉnh có 428 hộ nghèo, hộ cận nghèo xây mới
            # và sửa chữa nhà ở", "trao kinh phí … cho 48 hộ nghèo xây dựng mới và sửa chữa nhà
            # ở": the houses built for those households
            return indicator_for("houses", "count"), "count-houses-for-households", None
        if (
            unit == "households"
            and _HOUSES_PART_AFTER.match(after_text)
            # (a dwelling, not "nhà văn hóa", "Nhà nước", "nhà hảo tâm")
            and (
                _DWELLING_NAMED.search(
                    text,
                    max(self.doc.blocks[view.sent.block].start, fig.start - HOUSES_PART_CHARS),
                    fig.start,
                )
                or _DWELLING_NAMED.search(text, fig.end, view.sent.end)
            )
        ):
            # "… nhà ở cho 178 hộ, trong đó 70 hộ xây mới, 108 hộ sửa chữa": a part of the
            # houses, in a paragraph already about them
            return indicator_for("houses", "count"), "count-houses-part", None
        if (
            unit == "households"
            and (
                residents := _RESIDENT_HOUSEHOLDS.search(
                    text, fig.start, min(view.sent.end, fig.end + 40)
                )
            )
            and residents.start() < fig.end
            and regex.search(
                r"\b(?:hiện\s+)?có\s*(?:tổng\s*(?:số\s*)?)?" + _APPROX + "$", left, regex.I
            )
            # ("đã có trên 75.800 hộ dân … được hỗ trợ phát triển sản xuất": the households a
            # programme reached, not all the unit's)
            and not _REACHED_AFTER.match(text, fig.end, view.sent.end)
            and not _REACHED_RIGHT_AFTER.match(text, fig.end, view.sent.end)
            # ("557 hộ nghèo, trong đó có 214 hộ dân tộc thiểu số": a part of the poor)
            and not (
                _PART_OPENER_BEFORE.search(text, s0, fig.start)
                and any(
                    c.kind == "subject" and c.rule["subject"] in HOUSEHOLD_COUNT
                    for c in cues
                    if c.end <= fig.start
                )
            )
        ):
            # "Quảng Nam hiện có 439.300 hộ dân": all the unit's households
            return indicator_for("total_households", "count"), "count-households-of-residents", None
        if unit == "households":
            if right.startswith("cận nghèo") or _AT_THE_POVERTY_LINE.match(right):
                cat = "near"  # ("320 hộ sát chuẩn nghèo": the near-poor)
            elif right.startswith(("nghèo", "thoát nghèo", "đã thoát nghèo")):
                cat = "poor"
            elif category := _POOR_BY_CATEGORY_AFTER.match(right):
                # "1.312 hộ thuộc diện hộ nghèo": the category said after the bare count
                cat = "near" if category.group("near") else "poor"
            else:
                cat = None
            named = self._people_of_a_group(view, fig) if cat is None else None
            if named is not None and named[1] > fig.end:
                # "120 hộ đồng bào Khmer nghèo": the category after the count's group
                after_group = text[named[1] : view.sent.end].lstrip().lower()
                if (
                    after_group.startswith(("cận nghèo", "nghèo"))
                    and not changed
                    and not _DECREASE_BEFORE.search(left)
                ):
                    near = after_group.startswith("cận")
                    return (
                        HOUSEHOLD_COUNT["near" if near else "poor"],
                        "count-noun-of-a-group",
                        None,
                    )
            # "giúp 450 hộ nghèo vươn lên thoát nghèo"
            escaped = (
                regex.match(
                    # (a place between, with its number or its province in brackets: "6.400 hộ
                    # tại Quận 8 (TP. Hồ Chí Minh) thoát nghèo")
                    r"(?:nghèo\s+)?(?:(?:[\p{L},]+|(?:quận|phường)\s+\d{1,2}"
                    r"|\([^()\d]{1,40}\))\s+){0,12}?"
                    # ("hộ nghèo không có khả năng thoát nghèo", "… được hỗ trợ để thoát nghèo",
                    # "… quyết tâm thoát nghèo": no escape, an aim or an inability)
                    r"(?<!không có khả năng\s|khó có khả năng\s|không thể\s|chưa thể\s|chưa\s"
                    r"|\bđể\s|quyết tâm\s|phấn đấu\s|mong muốn\s|\bmuốn\s|nguy cơ\s|cần\s)"
                    r"(?:thoát nghèo|thoát khỏi (?:đói )?nghèo|"
                    r"vượt (?:qua )?ngưỡng nghèo|ra khỏi (?:danh sách\s+)?(?:diện )?(?:hộ )?nghèo)",
                    after_text.lstrip(),
                    regex.I,
                )
                is not None
            )
            if cat == "near" and _LEFT_NEAR_POVERTY_AFTER.match(right):
                return None  # "1.223 hộ cận nghèo thoát cận nghèo": a fall no indicator has
            if escaped or (cat == "poor" and _DECREASE_BEFORE.search(left)):
                return indicator_for("poor", "count-fall"), "count-fall", None
            if cat is not None:
                part = regex.search(r"trong đó\s*$", left, regex.I)
                if (
                    changed
                    or (
                        part
                        and not self._group_after_noun(view, fig, cues)
                        # (nor a unit: "…, trong đó 620 hộ nghèo tại xã Sơn Vĩ, …" is the
                        # commune's count)
                        and not any(
                            m.attrs.get("level") != "village"
                            for m in self._units_written_right_after(view, fig)
                        )
                        # ("toàn xã có 1.250 hộ, trong đó 320 hộ nghèo": the poor among all the
                        # unit's households are its poor)
                        and regex.search(
                            r"\b(?:nghèo|nhà)\b", text[s0 : fig.start - len(part.group(0))]
                        )
                    )
                ):
                    return None  # a change, or a part of them that names no group
                return HOUSEHOLD_COUNT[cat], "count-noun", None
            # "có 1.126 hộ với 5.930 nhân khẩu": the unit's households
            item = _clause_start(text, s0, fig.start, ",;:")
            if regex.match(r"\s*(?:tương ứng|tương đương)", text[item : fig.start], regex.I):
                item = clause  # ("…, tương ứng với 56 hộ": the item continues the one before)
            if (
                cat is None
                and (
                    regex.match(
                        # "có 12.276 hộ, tương ứng 49.582 khẩu", "có 854 hộ/3.243 khẩu"
                        # ("có dân số 1.013 hộ (6.008 khẩu)": the people in brackets; "Có 1.377
                        # hộ = 5.044 khẩu", "gần 17.000 hộ và 86.000 dân")
                        r"(?:với|,|và|gồm|/|\(|=)\s*(?:(?:tương ứng|tương đương)\s*(?:với\s*)?)?"
                        r"(?:hơn|gần|khoảng|trên)?\s*[\d.,]+\s*(?:(?:nghìn|ngàn|triệu)\s+)?"
                        r"(?:nhân khẩu|khẩu|người|dân\b(?!\s+tộc))"
                        # (not "854 hộ/3.243 khẩu thoát nghèo": the poor's; nor "230 hộ, 990
                        # khẩu được hưởng lợi từ dự án": the households a project reached)
                        r"(?!\s+(?:(?:đã\s+)?(?:thoát\s+)?(?:cận\s+)?nghèo"
                        r"|(?:đã\s+|được\s+)?(?:hưởng lợi|thụ hưởng|tham gia|vay)\b))",
                        right,
                    )
                    # "dân số của xã là 7.858 người với 2.414 hộ": the people, then their homes
                    or regex.search(
                        r"\bdân số\b[^.;]{0,40}?[\d.,]+\s*(?:nhân khẩu|khẩu|người)\s*"
                        r"(?:với|và|gồm)\s*" + _APPROX + "$",
                        left,
                        regex.I,
                    )
                    # "Toàn tỉnh có hơn 1,91 triệu người, với 543.764 hộ, …": the unit's people,
                    # then its homes, the count ending its clause
                    or (
                        regex.search(
                            r"\bcó\s+" + _APPROX + r"[\d.,]+\s*(?:triệu\s+)?(?:nhân khẩu|khẩu"
                            r"|người|dân)\s*,?\s*(?:với|và|gồm)\s*" + _APPROX + "$",
                            left,
                            regex.I,
                        )
                        and regex.match(r"\s*(?:dân\s*)?(?:[,.;(]|$|trong đó)", right, regex.I)
                        # (not "có hơn 1.200 người, với 350 hộ, tham gia …": who took part)
                        and not _REACHED_RIGHT_AFTER.match(text, fig.end, view.sent.end)
                    )
                )
                # ("hộ không nghèo 4.825 hộ = 22.437 khẩu": a category the rules do not count)
                and not _HOUSEHOLDS_OF_AN_UNCOUNTED_KIND.search(text, item, fig.start)
                # "số hộ nghèo của tỉnh là 21.000 hộ với 95.000 nhân khẩu": the poor's count
                # (in the figure's own comma clause: "… hộ nghèo theo Quyết định 59, đầu năm
                # 2016, toàn huyện có 12.276 hộ, tương ứng 49.582 khẩu" counts all of them)
                and not any(
                    c.rule["subject"] in ("poor", "near")
                    # ("tổng số hộ nghèo: 2.468 hộ/10.351 nhân khẩu": a slash pairs the count
                    # with its people under the label before it, whatever the clause)
                    for c in before
                    if c.start >= item
                    or regex.match(r"\s*/", right)
                    # ("+ Số hộ nghèo: 30 hộ với 99 nhân khẩu": a label's count and its people)
                    or regex.fullmatch(r"\s*:\s*", text[c.end : fig.start])
                )
            ):
                return (
                    indicator_for("total_households", "count"),
                    "count-total-with-persons",
                    subject,
                )
            if (
                cat is None
                and self._households_of_a_place(view, fig)
                # "Số hộ nghèo: … Ea Súp có 7.849 hộ": a list under a head that names them
                # (unless the count's poor part follows it: "Theo kết quả rà soát hộ nghèo
                # năm 2011, toàn tỉnh hiện có 276.212 hộ, trong đó có 11.788 hộ nghèo")
                and (
                    not any(c.rule["subject"] in ("poor", "near") for c in before)
                    or _POOR_PART_AFTER.match(text, fig.end, view.sent.end) is not None
                )
                and (
                    carried is None
                    or carried.rule["subject"] not in ("poor", "near")
                    # ("… 56 hộ nghèo được đưa đến đây. Hiện nay, toàn buôn có 72 hộ, trong đó
                    # có 52 hộ nghèo": the whole its poor part follows)
                    or _POOR_PART_AFTER.match(text, fig.end, view.sent.end)
                )
            ):
                # "Thành phố Long Xuyên có 74.058 hộ. Trong đó, số hộ nghèo: 1.005": the unit's
                return (
                    indicator_for("total_households", "count"),
                    "count-households-of-a-place",
                    None,
                )
            if (
                cat is None
                and sub in (None, "total_households")
                and _UNITS_OF_A_PLACE_BEFORE.search(text, clause, fig.start)
                # ("Huyện gồm 18 xã, thị trấn với 199 thôn, …, hơn 17.200 hộ dân": one more
                # item of the unit's profile)
                and regex.search(r"(?:\bvới|,)\s*" + _APPROX + "$", left, regex.I)
                and regex.match(r"\s*(?:[.;,(]|$|trong đó)", after_text, regex.I)
                and not any(c.rule["subject"] in ("poor", "near") for c in before)
                # (not "…, với 850 hộ, mỗi hộ được cấp 2 con bò": a project's households)
                and not _REACHED_RIGHT_AFTER.match(text, fig.end, view.sent.end)
            ):
                # "Huyện có 17 xã và 1 thị trấn với hơn 14.300 hộ dân, trong đó …": all the
                # households of the unit whose communes the clause counts
                return (
                    indicator_for("total_households", "count"),
                    "count-households-of-a-place",
                    None,
                )
            if cat is None and self._all_households_under_a_poor_count(view, fig):
                # "tổng số hộ nghèo của huyện còn 1.008 hộ/35.191 hộ": the denominator counts
                # all the unit's households
                return indicator_for("total_households", "count"), "count-over-all", None
            if regex.search(
                # ("tổng số hộ DTTS thoát nghèo là 23.856 hộ": a group's)
                r"số hộ(?:\s+(?:đồng bào\s+)?(?:dân tộc(?:\s+thiểu số)?|DTTS|(?-i:\p{Lu}\p{Ll}+)))?"
                r"\s+(?:đã\s+)?thoát (?:khỏi\s+)?nghèo\b"
                + _IN_SENTENCE
                + r"{0,50}?\b(?:là|có|được|đạt)\s*"
                + _APPROX
                + "$",
                text[clause : fig.start],
                regex.I,
            ):
                # "Tổng số hộ thoát nghèo trong năm 2019 là 6.256 hộ"
                return indicator_for("poor", "count-fall"), "count-escaped-total", None
            if (
                regex.search(
                    r"tổng số\s*(?:hộ\s*)?(?:là\s*)?$|có tổng\s*(?:số\s*)?$|"
                    # "Tổng số hộ dân 446.297 hộ": the label right before its count
                    r"tổng số hộ\s+dân(?:\s+cư)?\s*$|"
                    r"hộ\s+(?:cận\s+)?nghèo\s*/\s*$|"  # "8.112 hộ nghèo/506.184 hộ": the whole
                    # "Tổng số hộ dân cư toàn huyện đến cuối năm 2019 có 10.396 hộ"
                    # (not a share's denominator: "chiếm 0,40% trong tổng số hộ dân, số hộ …")
                    r"(?<!\b(?:trong|so với|trên)\s)"
                    r"tổng số hộ(?!\s+(?:(?:cận\s+)?nghèo|được|đã|thoát))(?:\s+dân(?:\s+cư)?)?\b"
                    # (not past another count's own label: "… 13,28% tổng số hộ toàn huyện và
                    # số hộ cận nghèo là 1.440 hộ")
                    + r"(?:(?!\bsố hộ\b|\bhộ\s+(?:cận\s+)?nghèo\b|\bthoát\s+(?:khỏi\s+)?(?:cận\s+)?nghèo\b)"
                    + _IN_SENTENCE
                    + r"){0,50}?(?:\b(?:là|có)|:)\s*"
                    + _APPROX
                    + "$",
                    # "Tổng số hộ dân trên địa bàn tỉnh cuối năm 2016: 543.764 hộ": a label's
                    # colon opens the figure's clause
                    text[_label_clause(text, s0, clause, fig.start, _ALL_HOUSEHOLDS) : fig.start],
                    regex.I,
                )
                or (
                    # "tổng số hộ dân trên địa bàn tỉnh khoảng 393.760 hộ": an estimate needs no verb
                    fig.attrs.get("approx")
                    and regex.search(
                        r"tổng số hộ(?:\s+dân(?:\s+cư)?)?\s+(?:trên địa bàn|của|toàn)\b[^.;\d]{0,40}$",
                        text[clause : fig.start],
                        regex.I,
                    )
                )
            ):
                category = [
                    c for c in before if c.start >= clause and c.rule["subject"] in ("poor", "near")
                ]
                if category and regex.search(r"\bcó tổng\s*(?:số\s*)?$", left, regex.I):
                    # "Hộ cận nghèo toàn tỉnh có tổng số 13.821 hộ": the category's total
                    return HOUSEHOLD_COUNT[category[-1].rule["subject"]], "count-total-of", None
                return indicator_for("total_households", "count"), "count-total", subject
            if (
                sub == "total_households"
                and subject is not None
                and regex.fullmatch(
                    r"\s*(?:tổng\s+số\s+)?" + _APPROX, text[subject.end : fig.start]
                )
                and not changed
                # (no category named before it or framing the paragraph: "Hộ nghèo: toàn tỉnh
                # có 24.120 hộ", "Đối với hộ cận nghèo, … toàn tỉnh có 18.250 hộ")
                and not any(
                    c.kind == "subject" and c.rule["subject"] in HOUSEHOLD_COUNT
                    for c in cues
                    if c.end <= fig.start
                )
                and not (carried is not None and carried.rule["subject"] in HOUSEHOLD_COUNT)
                # (the count ends its clause: not "608 hộ đủ điều kiện được hỗ trợ")
                and (
                    regex.match(
                        r"\s*(?:dân(?:\s+cư)?\s*)?(?:[,.;(]|$|với\b|trong đó|gồm\b|và\b)",
                        after_text,
                        regex.I,
                    )
                    or self._time_ends_the_count(view, fig)
                )
            ):
                # "toàn xã (hiện) có 1.250 hộ, trong đó 320 hộ nghèo": all the unit's households
                return indicator_for("total_households", "count"), "count-total", subject
            # a bare "N hộ" continuing the clause's poor / near-poor subject:
            # "hộ cận nghèo là 7.105 hộ", "(tương đương 1.105 hộ)", "giảm 1.236 hộ so với …"
            hh = [
                c
                for c in cues
                if c.kind == "subject"
                and c.end <= fig.start
                and c.rule["subject"] in HOUSEHOLD_COUNT
            ]
            if not hh and subject is carried and sub in HOUSEHOLD_COUNT:
                hh = [subject]  # "Trong đó, khu vực thành thị là 773 hộ": the carried one's
            if hh and (
                regex.match(
                    # "hộ cận nghèo là 217 hộ chiếm 14,52%": the count before its rate; "… là
                    # 3.654 hộ trên tổng số 484.930 hộ dân": before the whole it is part of
                    r"^\s*(?:\)|\(|,|;|\.|[/=]\s*\d|so với|phân theo|trong đó|gồm|và\b|chiếm\b|tương ứng|với\b|đạt\s*"
                    + _APPROX
                    + r"\d[\d,]*\s*%(?!"
                    + _A_SHARE_OF_A_PLAN_OR_SERVICE_AFTER.pattern
                    + r")|(?:giảm|tăng)\s+(?:\S+\s+)?\d|(?:trên|trong)\s+tổng\s+số\b|$)",
                    after_text,
                    regex.I,
                )
                # "hộ cận nghèo … 11.601 hộ, trong đó có 6.905 hộ là đồng bào dân tộc thiểu
                # số": a part of the count, the group it is after "là"
                or bool(self._group_after_noun(view, fig, cues))
                or self._time_ends_the_count(view, fig)
            ):
                hs = hh[-1]
                # the subject and the words just before it, within its ";"-clause: a "giảm
                # 3.981 hộ" of an earlier clause is no verb of "; hộ cận nghèo 8.673 hộ"
                seg_start = max(s0, hs.start - 20)
                seg_start = max(seg_start, text.rfind(";", seg_start, hs.start) + 1)
                seg = text[seg_start : fig.start]
                if _names_both_categories(text, hs, s0) or any(
                    c.kind == "subject" and c.rule["subject"] == "multidim" and hs.end <= c.start
                    for c in cues
                    if c.end <= fig.start
                ):
                    return None  # a combined poor + near-poor count has no indicator
                at_least = _falls_by_at_least(text, left, fig)
                fall = (
                    bool(_DECREASE_BEFORE.search(left))
                    or at_least
                    or (
                        # (not a fall that opens a list of the years' levels: "giảm dần qua các
                        # năm: năm 2021 có 4.210 hộ, năm 2022 còn …")
                        regex.search(r"\bgiảm\b(?![^:]*:\s*(?:năm\s+)?(?:19|20)\d\d)", seg, regex.I)
                        is not None
                        and regex.search(r"\b(?:còn|xuống)\b", seg, regex.I) is None
                        # "giảm từ 2,55% (tương đương 10.368 hộ) năm 2021 xuống còn …": a level
                        and regex.search(r"\bgiảm\s+từ\b", seg, regex.I) is None
                    )
                    # a list under a head "giảm 418 hộ nghèo; nhiều nhất là xã A 96 hộ, …"
                    or (
                        hs.start < clause
                        and self._place_right_before(view, fig)
                        and regex.search(
                            r"\bgiảm\b[^;,.]{0,25}$",
                            text[max(s0, hs.start - 30) : hs.start],
                            regex.I,
                        )
                        is not None
                    )
                )
                if _INCREASE_BEFORE.search(left):
                    # "số hộ nghèo giảm mạnh, trong khi số hộ dân tăng 610 hộ": a rise right
                    # before the count is no fall of the subject, whatever fell before it
                    return None
                if regex.search(r"%\s*\(\s*$", left) and regex.match(
                    r"^\s*\)\s*,?\s*(?:xuống\s*)?còn", after_text
                ):
                    # "giảm 40,5% (92 hộ), còn 18,2%": the percentage is relative, the count is
                    # the number of households that left poverty
                    if hs.rule["subject"] == "poor":
                        return indicator_for("poor", "count-fall"), "count-behind-relative-fall", hs
                    return None
                if (
                    fall
                    and (at_least or not _FROM_BEFORE.search(left))
                    and not _TO_BEFORE.search(left)
                ):
                    return (
                        (indicator_for("poor", "count-fall"), "count-carried-fall", hs)
                        if hs.rule["subject"] == "poor"
                        else None
                    )
                if (
                    regex.search(
                        r"(?:\blà|\bcó|\bcòn(?:\s+lại)?|tương đương|\btức|\(|:|\bvới)\s*"
                        + _APPROX
                        + "$",
                        left,
                        regex.I,
                    )
                    or self._place_right_before(view, fig)
                    # "557 hộ nghèo (trong đó 214 hộ DTTS)": a part named by its group; "…
                    # trong đó, khu vực thành thị 3.752 hộ": the group right before the count
                    or (
                        _PART_OPENER_BEFORE.search(text, s0, fig.start) is not None
                        and bool(self._group_after_noun(view, fig, cues))
                    )
                    or any(
                        c.kind == "group"
                        and c.end <= fig.start
                        and regex.fullmatch(
                            r"\s*(?:có\s*)?" + _APPROX, text[c.end : fig.start], regex.I
                        )
                        and _PARTS_OPENING.search(text, s0, c.start) is not None
                        for c in cues
                    )
                    or (
                        # "Số hộ cận nghèo 42.704 hộ", "+ Hộ nghèo đồng bào dân tộc thiểu số
                        # 6.480 hộ": the count right after its noun (and its group)
                        not regex.sub(
                            _APPROX, "", self._without_groups(cues, hs.end, fig.start)
                        ).strip(" ,:")
                        and hs.start >= clause
                    )
                ):
                    if hs.rule.get("change") == "decrease":
                        # "số hộ thoát nghèo 41 hộ": the households that left poverty
                        if hs.rule["subject"] == "poor":
                            return indicator_for("poor", "count-fall"), "count-carried-fall", hs
                        return None
                    return HOUSEHOLD_COUNT[hs.rule["subject"]], "count-carried-level", hs
            # "(từ 33.486 hộ xuống còn 25.426 hộ)": a bare count continuing the subject
            if (
                sub in HOUSEHOLD_COUNT
                # "(từ 33.486 hộ xuống còn …)", "giảm từ 5.120 hộ (năm 2021) xuống còn …",
                # "… xuống còn chưa đến 1.800 hộ vào cuối năm 2024, …": its own time may follow,
                # and the rates of the same fall in brackets ("… 2013 (9,34% xuống còn 0,95%)")
                and regex.match(
                    r"^\s*(?:\([^()]{0,60}\)\s*)?" + _OWN_TIME_AFTER + r"(?:\)|\(|xuống|,|;|\.|$)",
                    after_text,
                )
                and (_FROM_BEFORE.search(left) or _TO_BEFORE.search(left))
            ):
                return HOUSEHOLD_COUNT[sub], "count-carried", subject
            if (
                unit == "households"
                # ("toàn huyện có 40.767 hộ với 148.888 nhân khẩu, trong đó có 2.363 hộ dân tộc
                # thiểu số": a group's households among all of them; a count of people is no
                # subject of households)
                and sub in (None, "total_households", "population")
                and (group := self._people_of_a_group(view, fig)) is not None
                and group[1] > fig.end
                and not regex.match(
                    r"\s*(?:(?:là|thuộc)\s+)?(?:hộ\s+)?(?:cận\s+)?nghèo|\s*(?:được|đã|thoát)\b",
                    text[group[1] : view.sent.end],
                    regex.I,
                )
            ):
                # "nơi có 3.032 hộ đồng bào Khmer": all the households of a group
                return (
                    indicator_for("total_households", "count"),
                    "count-households-of-a-group",
                    None,
                )
            return None
        if (
            unit == "persons"
            and subject is not None
            and subject.rule["subject"] in HOUSEHOLD_COUNT
            and _PEOPLE_OF_THE_POOR.search(text, max(s0, subject.start - 25), subject.start)
            and not regex.search(r"[,;]", text[subject.end : fig.start])
        ):
            # "Tổng số nhân khẩu hộ nghèo 24.310 người": the people of the poor households
            return indicator_for("population", "count"), "count-people-of-households", subject
        people = _PEOPLE_OF_HOUSEHOLDS_BEFORE.search(text, max(s0, fig.start - 40), fig.start)
        if (
            unit == "persons"
            and people
            # "còn 2.100 hộ nghèo, 150 người khuyết tật": a bare comma joins only people the
            # clause ends on, or names by their group
            # ("2.500 hộ nghèo và 11.000 người được hưởng …": people a policy reached)
            and (people.group("joint").strip() != "và" or _PEOPLE_COUNT_ENDS.match(after_text))
            and (
                people.group("joint").strip() != ","
                or _PEOPLE_AFTER_A_BARE_COMMA_END.match(after_text)
            )
            and (
                # ("1.480 hộ ; 6.120 khẩu": only people ending the clause, not after a fall:
                # "giảm 1.250 hộ nghèo; 4.300 khẩu" left poverty)
                people.group("joint").strip() != ";"
                or (
                    _CLAUSE_ENDS.match(after_text)
                    and not regex.search(
                        r"\b(?:giảm|thoát)\b",
                        text[max(s0, people.start() - 60) : people.start()],
                        regex.I,
                    )
                )
            )
            and (
                people.group("joint") != "/"
                # "Xã Ia Kreng hiện có 571 hộ/1.967 khẩu.": the unit's, ending the clause
                or (
                    (subject is None or sub == "total_households")  # ("toàn xã có 1.250 hộ/…")
                    and bool(regex.match(r"\s*(?:[.;,(]|$)", text[fig.end : view.sent.end]))
                )
                or (sub in HOUSEHOLD_COUNT and not _names_both_categories(text, subject, s0))
            )
        ):
            # "19.378 hộ, với 71.801 người", "1.746 hộ (6.994 khẩu)": the people of the
            # households just counted; "2.064 hộ/4.711 người" only after a category's name
            return indicator_for("population", "count"), "count-people-of-households", subject
        people_of = _PEOPLE_OF_A_CATEGORY.search(text, max(s0, fig.start - 40), fig.start)
        if unit in ("persons",) and people_of:
            # "tổng số khẩu nghèo là 28.070 người": the people of the poor households
            rule = (
                "count-people-of-the-near-poor"
                if people_of.group("near")
                else "count-people-of-the-poor"
            )
            return indicator_for("population", "count"), rule, None
        if unit in ("persons",) and ("nhân khẩu" in fig.text.lower() or sub == "population"):
            return indicator_for("population", "count"), "count-population", subject
        if (
            unit == "persons"
            # (a later item of a list of people by ethnic group, whatever the sentence's subject;
            # "toàn tỉnh có 40 thành phần dân tộc thiểu số, với 198.884 người": a unit's "có"
            # before its people)
            and (
                sub in (None, "total_households")
                or _ETHNIC_LIST_ITEM_BEFORE.search(text, max(s0, fig.start - 40), fig.start)
                or _item_of_an_ethnic_make_up(text, view, fig) is not None
            )
            and self._people_of_a_group(view, fig) is not None
        ):
            return indicator_for("population", "count"), "count-people-of-a-group", None
        if (
            unit == "persons"
            and sub in (None, "total_households")
            and _PEOPLE_OF_A_PLACE_BEFORE.search(left)
            # the unit has them ("có"), not an event gathered them ("50 lớp tập huấn với …")
            and regex.search(r"\bcó\b", text[clause : fig.start], regex.I)
            and _PEOPLE_COUNT_ENDS.match(after_text)
            and any(m.end <= fig.start for m in view.of("LOCALITY"))
            and not any(
                c.kind == "subject" and c.rule["subject"] in HOUSEHOLD_COUNT
                for c in cues
                if clause <= c.start < fig.start
            )
        ):
            # "huyện Mèo Vạc có 18 xã, thị trấn với hơn 73 nghìn người", "toàn tỉnh Kiên Giang
            # có trên 1,7 triệu dân số": the people of the unit the sentence names
            return indicator_for("population", "count"), "count-people-of-a-place", subject
        if (
            unit == "houses"
            # (not a rise: "… sửa chữa 35 nhà, tăng 12 nhà so với cùng kỳ")
            and not _INCREASE_BEFORE.search(left)
            and (
                sub == "houses"
                # "xã Ea Rốk có 12 căn, xã Ya Tờ Mốt 5 căn", "huyện Ngọc Hiển (240 căn)": a list
                # item of houses by place in an article on the topic
                or (
                    self.on_topic
                    and self._place_right_before(view, fig, also=r"có|\(")
                    and self._houses_built_in_the_passage(view, cues, after_text)
                )
                or _HOUSES_FOR_THE_POOR.search(fig.text + after_text[:60]) is not None
                # "hơn 11.000 căn nhà được xây dựng mới và sửa chữa", "21 căn nhà xây mới",
                # "747 ngôi nhà đã khởi công"
                or _HOUSES_WORK_AFTER_THE_COUNT.match(after_text) is not None
                or regex.search(
                    r"(?:xóa|xoá|xây|cất|sửa chữa|cải tạo|làm xong|làm mới|(?<=\b(?:giúp|hỗ trợ)\b"
                    r"[^.;]{0,40})làm được|hỗ trợ|khánh thành"
                    r"|khởi công|bàn giao|hoàn thành)\b" + _IN_SENTENCE + r"{0,25}$",
                    left,
                    regex.I,
                )
                # "trao 10 ngôi nhà", "tài trợ 21 căn", "trao tặng được 118 căn nhà": a giving
                # verb right before the count (not "nhà tài trợ đã khảo sát 30 căn nhà", "trao
                # quà, … còn 250 căn nhà tạm")
                or regex.search(
                    r"(?<!\bnhà\s)\b(?:trao(?:\s+tặng)?|tặng|tài trợ)\s+(?:được\s+)?(?:thêm\s+)?"
                    + _APPROX
                    + "$",
                    left,
                    regex.I,
                )
            )
        ):
            return indicator_for("houses", "count"), "count-houses", subject
        if (
            unit in INCOME_UNITS
            and sub in HOUSEHOLD_COUNT
            and unit.startswith("VND/person")
            and subject is not None
        ):
            # "thu nhập bình quân của hộ nghèo … đạt 1,1 triệu đồng/người/tháng": the income of
            # the households just named
            owner = [
                c
                for c in before
                if c.rule["subject"] == "income"
                and c.start >= clause
                and regex.fullmatch(r"\s*(?:của\s+)?(?:các\s+)?", text[c.end : subject.start])
            ]
            if owner:
                subject, sub = owner[-1], "income"
        if unit in INCOME_UNITS and sub == "income":
            return None if changed else (indicator_for("income", "money"), "money-income", subject)
        if unit == "VND":
            if changed:
                return None  # "tăng 15 tỷ đồng": a change, not an amount
            if "giải ngân" in text[clause : fig.start].lower() and any(
                m.attrs.get("unit") == "VND"
                and regex.fullmatch(r"\s*/\s*", text[m.end : fig.start])
                for m in view.of("QUANTITY")
            ):
                return None  # "giải ngân 4.318 tỷ đồng/6.033 tỷ đồng": the whole, not paid out
            if sub == "disbursement" or (
                sub == "loans"
                and any(c.rule["subject"] == "disbursement" for c in before if c.start >= clause)
            ):
                return indicator_for("disbursement", "money"), "money-disbursed", subject
            if (
                sub == "budget"
                and self._disbursed_from(view, subject, fig)
                and (
                    self._programme_money(view, fig)
                    # ("đã giải ngân vốn sự nghiệp trên 77 tỷ đồng": a public fund paid out,
                    # with no programme named, unless a firm's or a bank's)
                    or (
                        self.on_topic
                        and _PUBLIC_FUND_DISBURSED.search(text, view.sent.start, fig.start)
                        is not None
                        and not self._a_firms_money(view, fig)
                    )
                )
            ):
                return indicator_for("disbursement", "money"), "money-disbursed", subject
            donated = (
                subject is not None
                and (
                    any(
                        c.kind == "subject"
                        and c.start >= clause
                        and (
                            regex.match(
                                r"ủng hộ|quyên góp|đóng góp|tài trợ", text[c.start : c.end], regex.I
                            )
                            # (money raised, said right before it: "vận động được hơn 144,8 tỷ
                            # đồng", "số tiền vận động trong 2 năm là …")
                            or (
                                regex.match(
                                    r"(?:số tiền\s+)?vận động", text[c.start : c.end], regex.I
                                )
                                and (
                                    regex.fullmatch(
                                        r"[^\d.;]{0,40}?(?:là|được)\s*" + _APPROX + r"|\s*",
                                        text[c.end : fig.start],
                                    )
                                    is not None
                                    # "số tiền vận động cả 3 cấp trên 49 tỷ đồng": who raised
                                    # it, with no other measure between
                                    or (
                                        regex.fullmatch(
                                            r"(?:(?!\b(?:hơn|thiếu|chỉ tiêu|kế hoạch|so với|tăng"
                                            r"|giảm|chênh|chưa|còn|thấp|cao)\b)[^.;]){0,30}?"
                                            + _APPROX,
                                            text[c.end : fig.start],
                                            regex.I,
                                        )
                                        is not None
                                        and not any(
                                            c.end <= m.start
                                            and m.end <= fig.start
                                            and m.attrs.get("unit") is not None
                                            for m in view.of("QUANTITY", "PERCENT")
                                        )
                                    )
                                )
                            )
                        )
                        for c in before
                    )
                    # "Nguồn kinh phí xây dựng nhà là trên 15 tỷ đồng do một số ngân hàng và doanh
                    # nghiệp ủng hộ": the givers named after the money
                    or _DONATED_BY_AFTER.match(after_text) is not None
                )
            )  # firms' donations to a fund for the poor are the fund's money
            if sub == "budget" and (
                self._programme_money(view, fig) or (donated and self.on_topic)
            ):
                return indicator_for("budget", "money"), "money-budget", subject
            if (
                sub is None
                and (
                    _INVESTED_FOR_AFTER.match(after_text)
                    or _MONEY_SPENT_BEFORE.search(left)
                    # "đã sử dụng 12.450 triệu đồng từ Chương trình MTQG …": money a unit used
                    # from a public source (not a family's, nor loans or its own money)
                    or (
                        _MONEY_USED_BEFORE.search(left)
                        and _PUBLIC_SOURCE_AFTER.match(after_text)
                        and not _A_HOUSEHOLDS_OWN_BEFORE.search(text, s0, fig.start)
                    )
                )
                and self._programme_money(view, fig)
            ):
                # "gần 850 tỉ đồng … được đầu tư để giảm nghèo", "dành hơn 1.200 tỷ đồng đầu
                # tư cho công tác giảm nghèo": the money the sentence says was spent on it
                return indicator_for("budget", "money"), "money-invested-for", None
            if sub is None and unit == "VND" and self._next_unit_of_a_budget_list(view, fig):
                # "huyện Sơn Hòa được hỗ trợ gần 6,8 tỷ đồng, huyện Sông Hinh hơn 8,7 tỷ đồng":
                # the next unit's share of the money the list began with
                return indicator_for("budget", "money"), "money-budget-list-item", None
            return None
        return None

    def _next_unit_of_a_budget_list(self, view: SentenceView, fig: Mention) -> bool:
        """ "… huyện Sơn Hòa được hỗ trợ gần 6,8 tỷ đồng, huyện Sông Hinh hơn 8,7 tỷ đồng,
        TX Sông Cầu hơn 1 tỷ đồng": money written right after a unit's name, as the next item
        of a list whose earlier item in the sentence was a unit's budget."""
        text = self.doc.text
        named = [
            m
            for m in view.of("LOCALITY")
            if m.end <= fig.start
            and regex.fullmatch(r"\s*(?:\([^()]{1,40}\)\s*)?", text[m.end : fig.start])
        ]
        if not named:
            return False
        item = named[-1]
        return any(
            f["indicator"] == indicator_for("budget", "money")
            and view.sent.start <= f["figure"]["start"] < item.start
            and f.get("locality") is not None
            and f["locality"].get("name") != item.attrs.get("name")
            # (the item before ends at a comma or semicolon right before this unit)
            and regex.fullmatch(r"[^.()]*?[,;]\s*(?:và\s+)?", text[f["figure"]["end"] : item.start])
            for f in self.facts[-6:]
        )

    def _a_bare_part_of_houses(self, view: SentenceView, fig: Mention) -> bool:
        """ "… hỗ trợ xóa nhà tạm, nhà dột nát cho 2.622 hộ, trong đó xây mới 2.077 và sửa
        chữa 545", "577 nhà … (gồm 459 xây mới, 118 sửa chữa)": a count with no unit next to
        the work done, after a count of houses (or of the households housed) in its
        sentence, is a part of those houses."""
        text = self.doc.text
        if regex.search(r"triệu|tỷ|nghìn|ngàn", fig.text, regex.I):
            return False  # ("hỗ trợ xây mới 30 triệu dồng": money whose unit is misspelt)
        work_before = _HOUSES_WORK_BEFORE_A_BARE_COUNT.search(
            text, max(view.sent.start, fig.start - 30), fig.start
        )
        if not (
            # ("xây mới 2.077 và sửa chữa 545": the count ends its item; not "xây mới 30 phòng
            # học", whose noun the number reader does not know)
            (
                work_before
                and regex.match(r"\s*(?:[,;.()]|và\b|đạt\b|$)", text[fig.end : view.sent.end])
            )
            or _HOUSES_WORK_AFTER_A_BARE_COUNT.match(text, fig.end, view.sent.end)
        ):
            return False
        return any(
            m.end <= fig.start
            and (
                m.attrs.get("unit") == "houses"
                or (
                    m.attrs.get("unit") == "households"
                    and regex.search(r"\bnhà\b", text[view.sent.start : m.start], regex.I)
                )
            )
            # (the parts follow their whole: "…, trong đó …", "(gồm …")
            and _PARTS_OPENING.search(text, m.end, fig.start) is not None
            for m in view.of("QUANTITY")
        )

    def _houses_total_of_a_split(self, view: SentenceView, fig: Mention) -> bool:
        """ "khởi công 3 nhà tình nghĩa, 19 nhà đại đoàn kết cho 22 hộ dân": households the
        houses of a split are for, as many as the houses together, are their written total
        (the guide, round 28); "1.306 căn nhà cho 838 hộ nghèo, 198 hộ cận nghèo" is no total."""
        text = self.doc.text
        if not regex.search(
            r"\bcho\s+(?:các\s+)?" + _APPROX + "$", text[view.sent.start : fig.start]
        ):
            return False
        houses = []
        after = fig.start
        for m in reversed(view.of("QUANTITY")):
            if m.end > fig.start:
                continue
            if m.attrs.get("unit") != "houses":
                break
            between = text[m.end : after]
            if houses and not regex.fullmatch(r"[^\d;:.]*?(?:,|\bvà\b)\s*[^\d;:.,]*", between):
                break  # (only items of one list: "3 nhà tình nghĩa, 19 nhà đại đoàn kết")
            if not houses and not regex.fullmatch(
                r"[^\d;:.,]{0,40}?\bcho\s+(?:các\s+)?" + _APPROX, between
            ):
                return False  # ("…; hỗ trợ sinh kế cho 20 hộ": the households of another act)
            houses.append(m.attrs.get("value"))
            after = m.start
        return (
            len(houses) >= 2
            and all(isinstance(v, int) for v in houses)
            and sum(houses) == fig.attrs.get("value")
        )

    def _part_of_the_whole_just_counted(
        self, view: SentenceView, fig: Mention, unit: str | None
    ) -> str | None:
        """ "xã Lương Hòa có 2.860 hộ, trong đó hộ đồng bào dân tộc Khmer 1.945 hộ", "thị trấn
        có 6.312 người, trong đó nữ 3.180 người": a part of all the unit's households (people)
        whose group a label names before it is of the whole's indicator (the group the label's);
        not a part the label says is poor or reached by something ("trong đó hộ nghèo 120 hộ")."""
        want = {
            "households": indicator_for("total_households", "count"),
            "persons": indicator_for("population", "count"),
        }.get(str(unit))
        if want is None:
            return None
        text = self.doc.text
        whole = next(
            (
                f
                for f in reversed(self.facts[-6:])
                if f["indicator"] == want
                and not f.get("group")
                and view.sent.start <= f["figure"]["end"] <= fig.start
            ),
            None,
        )
        if whole is None or regex.search(
            r"(?:\btrên\s+(?:tổng\s+)?(?:số\s+)?|/)\s*$",
            text[max(view.sent.start, whole["figure"]["start"] - 20) : whole["figure"]["start"]],
            regex.I,
        ):
            return None
        label = _PART_LABEL_AFTER_A_WHOLE.fullmatch(text, whole["figure"]["end"], fig.start)
        if label is None or _NOT_A_GROUPS_PART.search(label.group("label")):
            return None
        # (the part's count ends its clause, or gives its share or its people: not "420 hộ
        # nghèo", "120 hộ được hỗ trợ …", "1.980 hộ sử dụng nước sạch")
        if not _PART_COUNT_ENDS_AFTER.match(text, fig.end, view.sent.end):
            return None
        start, end = label.span("label")
        if not any(c.kind == "group" and c.start < end for c in find_cues(text, start, fig.end)):
            return None
        return want

    def _people_of_a_group(self, view: SentenceView, fig: Mention) -> tuple[str, int] | None:
        """ "hơn 75.800 người Khmer", "đồng bào Khmer có hơn 400 nghìn người", "7.122 hộ Khmer":
        a count of people or households named by their ethnic group, written right after the
        figure or right before it with "có / với / là"; the group as written and where it
        ends, else None."""
        text = self.doc.text
        words = fig.text.lower()
        ending = next((w for w in ("người", "đồng bào", "dân", "hộ") if words.endswith(w)), "")
        unit_word = fig.end - len(ending)
        for c in find_cues(text, unit_word, min(view.sent.end, fig.end + 40)):
            if c.rule.get("id", "").startswith("group-") and "ethnic" in c.rule["id"]:
                if c.start in (unit_word, fig.end) or regex.fullmatch(
                    r"\s*(?:dân\s+)?(?:là\s+)?(?:đồng bào\s+)?(?:các\s+)?", text[fig.end : c.start]
                ):
                    return _group_named(text, c), c.end
                break
        before = text[max(view.sent.start, fig.start - 50) : fig.start]
        said = regex.search(r"\s+(?:có|với|là|gồm)\s*" + _APPROX + "$", before, regex.I)
        made_up = None if said else _item_of_an_ethnic_make_up(text, view, fig)
        if made_up is not None:
            return made_up
        item = _ETHNIC_LIST_ITEM_BEFORE.search(
            text, max(view.sent.start, fig.start - 40), fig.start
        )
        if (
            said is None
            and item is not None
            and _PEOPLE_BY_ORIGIN_BEFORE.search(text, view.sent.start, item.start())
            and any(
                other.end <= item.start()
                and other.attrs.get("unit") == "persons"
                and self._people_of_a_group(view, other) is not None
                for other in view.of("QUANTITY")
            )
        ):
            # "dân tộc Tày có hơn 16.500 người, Nùng 6.805 người": a later item of the list
            name = regex.search(r"\p{Lu}[\p{L}' -]*\p{L}", item.group())
            return (name.group() if name else item.group().strip(" ,;")), item.end()
        if said is None:
            return None
        start = fig.start - len(before) + said.start()
        for c in find_cues(text, max(view.sent.start, fig.start - 90), start):
            # ("có 32 dân tộc thiểu số cùng sinh sống, với trên 173.765 người", "có đông đồng
            # bào DTTS nhất vùng, với gần 470 nghìn người": the people of the group just named)
            if "ethnic" in c.rule.get("id", "") and (
                c.end == start or _GROUP_LIVING_THERE_AFTER.fullmatch(text, c.end, start)
            ):
                return _group_named(text, c), c.end
        return None

    def _houses_counted_in_words(self, fig: Mention) -> bool:
        """ "bàn giao hai nhà nhân đạo", "trao tặng ba căn nhà": houses counted in words (two
        to ten) right after the work done or the giving; not "làm chủ một căn nhà"."""
        return (
            fig.attrs.get("unit") == "houses"
            and isinstance(fig.attrs.get("value"), int)
            and 2 <= fig.attrs["value"] <= 10
            and _HOUSES_WORK_OR_GIVING_RIGHT_BEFORE.search(
                self.doc.text, max(0, fig.start - 30), fig.start
            )
            is not None
        )

    def _households_of_a_place(self, view: SentenceView, fig: Mention) -> bool:
        """ "Huyện An Phú có 45.354 hộ." / "…, trong đó": a unit named right before `có`
        and a count of households with nothing after it is all the unit's households."""
        text = self.doc.text
        return (
            any(
                _HAS_A_COUNT.fullmatch(text, end, fig.start)
                # "Xã Mường Hoong (huyện Đăk Glei) có 875 hộ", "Xã Ia Kreng hiện có 571 hộ/1.967
                # khẩu"; "Hiện nay, xã có 1.840 hộ, trong đó …": the passage's unit by its level
                # word alone (unnamed-unit-before)
                for end in [
                    *(m.end for m in view.of("LOCALITY") if m.end <= fig.start),
                    *(m.end() for m in self._unnamed_units(view, view.sent.start, fig.start)),
                ]
            )
            and (
                bool(
                    regex.match(
                        # ("có 58 hộ sinh sống, …", "… sinh sống với 5.400 nhân khẩu": where they
                        # live; not "… sinh sống với nghề làm bánh tráng", a trade)
                        r"\s*(?:[.;,(]|$|trong đó|(?:đang\s+)?(?:sinh sống|cư trú)\s*(?:[.;,(]|$|với\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?\d)"
                        r"|[/=]\s*[\d.,]+\s*(?:nhân\s+)?(?:khẩu|người)\s*(?:[.;,(]|$))",
                        text[fig.end : view.sent.end],
                        regex.I,
                    )
                )
                or self._time_ends_the_count(view, fig)
            )
            # ("có 595 hộ dân (trong đó có 6 hộ nghèo, …) mạnh dạn vay vốn": borrowers)
            and not _REACHED_RIGHT_AFTER.match(text, fig.end, view.sent.end)
        )

    def _all_households_under_a_poor_count(self, view: SentenceView, fig: Mention) -> bool:
        """ "còn 1.008 hộ/35.191 hộ, chiếm 2,86%", "… (6.263 hộ/19.249 hộ)": a count of
        households after a smaller one and a slash, in a sentence about the poor, is the
        denominator of their share: all the unit's households."""
        text = self.doc.text
        if fig.attrs.get("unit") != "households" or not isinstance(fig.attrs.get("value"), int):
            return False
        part = next(
            (
                m
                for m in view.of("QUANTITY")
                if m.end <= fig.start and regex.fullmatch(r"\s*/\s*", text[m.end : fig.start])
            ),
            None,
        )
        if (
            part is None
            or part.attrs.get("unit") != "households"
            or not isinstance(part.attrs.get("value"), int)
            or not part.attrs["value"] < fig.attrs["value"]
            # (the whole ends its clause: not "45 hộ/60 hộ đăng ký", "320 hộ/400 hộ kế hoạch")
            or not regex.match(
                r"\s*(?:[.;,()]|$|(?:chiếm|tương ứng|tương đương|t[ỷỉ] lệ)\b)",
                text[fig.end : view.sent.end],
                regex.I,
            )
        ):
            return False
        named = list(_POOR_HOUSEHOLDS_NAMED.finditer(text, view.sent.start, part.start))
        # the poor counted, not those a plan or a programme reached ("… đã thực hiện được
        # 450 hộ/500 hộ", "hộ nghèo … được vay vốn ưu đãi là 850 hộ/1.200 hộ")
        return bool(named) and not _REACH_BETWEEN.search(text, named[-1].end(), part.start)

    def _disbursed_from(self, view: SentenceView, subject: Cue | None, fig: Mention) -> bool:
        """ "đã giải ngân vốn đầu tư phát triển 1.827 tỷ đồng, đạt 47% kế hoạch; vốn sự nghiệp
        1.177 tỷ đồng": the fund named after `giải ngân` is what was paid out of it, until
        the sentence turns to what was allocated."""
        if subject is None:
            return False
        text = self.doc.text
        paid = list(_DISBURSED.finditer(text, view.sent.start, subject.start))
        if (
            not paid
            or _NOT_PAID_OUT.match(text, fig.end, view.sent.end)
            or regex.search(
                r"\bcòn(?:\s+lại)?\s*" + _APPROX + "$",
                text[max(view.sent.start, fig.start - 25) : fig.start],
                regex.I,
            )
        ):
            return False  # (not "còn 25 tỷ đồng vốn sự nghiệp chưa giải ngân")
        return not any(
            not self._the_plan_a_payment_is_a_share_of(view, a, fig)
            for a in _ALLOCATED.finditer(text, paid[-1].end(), fig.start)
        )

    def _the_plan_a_payment_is_a_share_of(
        self, view: SentenceView, allocated: regex.Match[str], fig: Mention
    ) -> bool:
        """ "giải ngân 42 tỷ đồng, đạt 70% |kế hoạch vốn| …, trong đó vốn đầu tư phát triển 30
        tỷ đồng": the plan a payment is a share of, named with no amount of its own, before
        the parts of the payment; not a plan whose amount is written ("đạt 70% kế hoạch vốn 60
        tỷ đồng, trong đó …": the parts are the plan's)."""
        text = self.doc.text
        if not _SHARE_OF_BEFORE.search(
            text, max(view.sent.start, allocated.start() - 30), allocated.start()
        ):
            return False
        parts = regex.search(r"\btrong đó\b", text[allocated.end() : fig.start], regex.I)
        if parts is None:
            return False
        opened = allocated.end() + parts.start()
        return not any(
            allocated.end() <= m.start and m.end <= opened and m.attrs.get("unit") == "VND"
            for m in view.of("QUANTITY")
        )

    def _running_period_as_of_writing(self, fact: dict[str, Any]) -> None:
        """ "Vốn Chương trình … giai đoạn 2021-2025 là 94 tỷ đồng" written in 2024: a result
        of a period still running holds as of the year the text was written, not for the
        period's end still to come (a plan keeps the end)."""
        published = self.doc.meta.published
        if (
            published
            and fact["status"] == "actual"
            and fact.get("period")
            and fact["year"] is not None
            and fact["year"] > int(published[:4])
        ):
            fact["year"] = int(published[:4])

    @cached_property
    def _congress_terms(self) -> list[Mention]:
        """The terms the text's congresses open ("Đại hội … lần thứ X, nhiệm kỳ 2020-2025"),
        in text order, found once per document."""
        text = self.doc.text
        return sorted(
            (
                t
                for t in self.doc.mentions
                if t.type == "TIME"
                and _period_of(t) is not None
                and _CONGRESS_TERM.search(text, max(0, t.start - 200), t.end)
            ),
            key=lambda t: t.start,
        )

    def _period_of_the_last_income(self, view: SentenceView, fig: Mention) -> str | None:
        """ "month" where the income read last, in this paragraph or the one before, was written by
        the month ("5,4 triệu đồng/tháng"): a list of incomes by place that writes its period
        once ("Hà Nội xếp thứ hai với 7,5 triệu đồng") keeps it."""
        income = indicator_for("income", "money")
        # (this paragraph or the one before: "… 5,4 triệu đồng/tháng. ¶ Bình Dương … 8,9 triệu đồng")
        paragraph_start = self.doc.blocks[max(view.sent.block - 1, 0)].start
        for f in reversed(self.facts):
            if f["indicator"] != income or f["figure"]["end"] > fig.start:
                continue
            if (
                f["figure"]["start"] < paragraph_start
                or fig.start - f["figure"]["end"] > INCOME_PERIOD_REACH
            ):
                return None
            # (its own period, written or passed on from the one before it; and a value of
            # the same order: "4,2 triệu đồng/tháng; … cả năm 2023 đạt 52 triệu đồng" is a year's)
            ratio = (fig.attrs.get("value") or 0) / (f["value"] or 1)
            same_order = 1 / INCOME_SAME_ORDER <= ratio <= INCOME_SAME_ORDER
            return "month" if f["unit"] == "VND/person/month" and same_order else None
        return None

    def _result_reviewed_by_a_congress(self, view: SentenceView, fact: dict[str, Any]) -> None:
        """ "Đại hội … lần thứ X, nhiệm kỳ 2020-2025. ¶ Trong nhiệm kỳ qua, … tỷ lệ hộ nghèo giảm
        còn 4%" in an undated text: the results a congress reviews are of the term that ends as
        it meets, not of the new term's end (its targets are); the text does not say the year.
        (A dated text never reaches here with the new term: a period ending after the text's
        date dates no later figure.)"""
        if self.doc.meta.published or fact["status"] != "actual" or fact["year"] is None:
            return
        if not self._congress_terms:
            return
        if any(t.start >= view.sent.start and _year_of(t) == fact["year"] for t in view.of("TIME")):
            return  # (the figure's own sentence names the year)
        for t in self._congress_terms:
            if t.end > view.sent.start:
                break
            period = _period_of(t)
            if (
                period["end"] == fact["year"]
                and fact.get("period") in (None, period)
                # (not where a later sentence wrote the year: "… nhiệm kỳ 2020-2025. ¶ Tính
                # đến cuối năm 2025, …")
                and not any(
                    u.type == "TIME"
                    and t.end <= u.start < view.sent.start
                    and _period_of(u) is None
                    and _year_of(u) == fact["year"]
                    for u in self.doc.mentions
                )
            ):
                fact["year"], fact["period"] = None, None
                self.year_basis = "unfixed"
                return

    def _part_takes_the_time_of_its_whole(
        self, view: SentenceView, fig: Mention, fact: dict[str, Any]
    ) -> None:
        """ "Tổng nguồn vốn … giai đoạn 2021-2025 … là trên 905 tỷ đồng. Gồm: vốn đầu tư phát
        triển gần 320 tỷ đồng; vốn sự nghiệp …": money that a sentence opening on its parts
        (`Gồm:`, `Trong đó,`, `Cụ thể,`) splits the one amount of the sentence before into
        holds when that whole does (its year, period and status), unless the part's own
        sentence names a time or reports it as done."""
        text = self.doc.text
        if fact["indicator"] not in _SPLIT_MONEY or not _PARTS_OPENING_A_SENTENCE.match(
            text, view.sent.start
        ):
            return
        # (not a part the sentence dates or reports as done: "Trong đó, 180 tỷ đồng được bố
        # trí trong năm 2023", "Trong đó, huyện đã giải ngân 20 tỷ đồng")
        if view.of("TIME") or _DONE.search(text, view.sent.start, view.sent.end):
            return
        wholes = [
            f for f in self._facts_of_the_sentence_before(view) if f["indicator"] in _SPLIT_MONEY
        ]
        if len(wholes) != 1:
            return
        whole = wholes[0]
        if (
            whole["year"] is None
            or whole.get("year_basis") == "published"
            or not isinstance(whole["value"], int | float)
            or not isinstance(fact["value"], int | float)
            or fact["value"] >= whole["value"]
            or not _same_unit(whole["locality"], fact["locality"])
        ):
            return
        fact["year"], fact["period"] = whole["year"], whole.get("period")
        fact["year_basis"] = whole.get("year_basis")
        fact.pop("year_guess", None)
        if whole.get("status") == "target":
            fact["status"] = "target"

    def _yearly_plan_for_its_period(
        self, view: SentenceView, fig: Mention, fact: dict[str, Any]
    ) -> None:
        """ "Giai đoạn 2021-2025, … ¶ … chỉ tiêu được giao là giảm 4-5%/năm": a yearly target
        whose sentence names no time is the plan of the last period named before it that
        holds its year (or of a coming period its paragraph just named), and holds for the
        period's end (the guide's year of a period)."""
        if (
            fact["status"] != "target"
            or fact.get("unit") != "pp/year"
            or fact["year"] is None
            # (a time after a semicolon frames the next clause: "… 3-4%/năm; Đến năm 2023, …")
            or any(
                t.attrs.get("year") or _period_of(t)
                for t in view.of("TIME")
                if ";" not in self.doc.text[fig.end : t.start]
            )
        ):
            return
        named = [
            (t, p)
            for t in self.doc.mentions
            if t.type == "TIME" and t.end <= fig.start
            if (p := _period_of(t)) is not None
        ]
        periods = (
            []
            if fact.get("period")
            else [p for _, p in named if p["start"] <= fact["year"] <= p["end"]]
        )
        paragraph = self.doc.blocks[view.sent.block].start
        if named and named[-1][0].start >= paragraph and named[-1][1]["start"] > fact["year"]:
            # "… trong giai đoạn 2021-2025. Huyện đề ra mục tiêu giảm … 3-4%/năm" written in
            # 2020: the coming period the paragraph just named, whatever period an earlier
            # paragraph's opening framed
            periods = [named[-1][1]]
        if periods:
            fact["year"], fact["period"] = periods[-1]["end"], dict(periods[-1])
            self.year_basis = "text"  # (the period the text named dates it now)

    def _dated_before_writing(self, view: SentenceView, start: int, end: int) -> bool:
        """Whether text[start:end] names a year (or a period's end) before the year the
        text was written."""
        published = self.doc.meta.published
        if not published:
            return False
        written = int(published[:4])
        for t in view.of("TIME"):
            if start <= t.start and t.end <= end and not t.attrs.get("from_published"):
                period = _period_of(t)
                year = period["end"] if period else _year_of(t)
                if year is not None and year < written:
                    return True
        return False

    def _in_the_future(self, year: int | None) -> bool:
        """A figure for a year after the article's own is a plan, whatever the verb."""
        published = self.doc.meta.published
        return year is not None and published is not None and year > int(published[:4])

    def _houses_built_in_the_passage(
        self, view: SentenceView, cues: list[Cue], after_text: str
    ) -> bool:
        """The sentence, or the passage it continues, speaks of houses built or given
        ("bàn giao 48 căn nhà … Cụ thể, xã Ea Rốk có 10 căn", "Trong 36 căn nhà được hỗ trợ,
        xã Ngãi Xuyên có 17 căn"), and the houses are no damage or rental ("xã Tân Lập
        (45 căn) bị sập", "có 120 căn cho công nhân thuê")."""
        if _HOUSES_NOT_BUILT_AFTER.match(after_text):
            return False
        houses = indicator_for("houses", "count")
        return (
            any(c.kind == "subject" and c.rule["subject"] == "houses" for c in cues)
            or _HOUSES_LIST_HEAD.search(self.doc.text, view.sent.start, view.sent.end) is not None
            # one of the last facts so far, in this sentence or before it, counted houses
            or any(f["indicator"] == houses for f in self.facts[-HOUSES_PASSAGE_FACTS:])
        )

    def _time_ends_the_count(self, view: SentenceView, fig: Mention) -> bool:
        """ "Số hộ nghèo của huyện là 1.250 hộ vào cuối năm 2023.": a time right after a count
        that ends its clause says when it holds, as a comma would end the count's clause."""
        text = self.doc.text
        return any(
            _TIME_RIGHT_AFTER_A_COUNT.fullmatch(text, fig.end, t.start)
            and _CLAUSE_ENDS.match(text, t.end, view.sent.end)
            for t in view.of("TIME")
            if t.start >= fig.end
        )

    def _place_right_before(self, view: SentenceView, fig: Mention, also: str = "") -> bool:
        """A list item "Nam Trà My 2.753 hộ", "Trà Cang (Nam Trà My) 496 hộ": a place named
        right before the figure, the item of a list whose head named what is counted (`also`:
        more words that may stand between). Before "mỗi xã (được hỗ trợ xây) 5 căn" the place
        must stand right before those words instead, whatever `also` allows."""
        text = self.doc.text
        between = r"\s*(?:\([^()]{1,40}\))?\s*(?:với\s*)?" + (
            rf"(?:(?:{also})\s*)?" if also else ""
        )
        until = fig.start
        each = _EACH_UNIT_BEFORE.search(
            text, max(view.sent.start, fig.start - EACH_UNIT_CHARS), until
        )
        if each is not None:
            # "các xã A, B, C, mỗi xã 5 căn": the item is each of the listed units'
            until, between = each.start(), r"\s*[,(]?\s*"
        return any(
            m.end <= until and regex.fullmatch(between, text[m.end : until])
            for m in view.of("LOCALITY")
        )

    def _a_firms_money(self, view: SentenceView, fig: Mention) -> bool:
        """A bank, a firm or a co-op named before the money, unless it gives the money away
        ("Công ty Điện lực … tài trợ 400 triệu đồng")."""
        text = self.doc.text
        firms = list(_NOT_PROGRAMME.finditer(text, view.sent.start, fig.start))
        return bool(firms) and not _GIVEN_AFTER_A_FIRM.search(text[firms[-1].end() : fig.start])

    def _programme_money(self, view: SentenceView, fig: Mention) -> bool:
        """A budget is a programme's or project's money, not a bank's, a firm's or a co-op's,
        and only in an article about poverty or a social programme: the investment of a
        motorway or a factory in general news is no fact of this vocabulary."""
        if not self.on_topic or self._a_firms_money(view, fig):
            return False
        text = self.doc.text
        sentence = text[view.sent.start : view.sent.end]
        if _PROGRAMME.search(sentence):
            return True
        # "… 850 tỉ đồng từ các chương trình … Trong đó ngân sách Trung ương hơn 720 tỉ
        # đồng": a part of the money the sentence before named
        # "… được hỗ trợ xây dựng, sửa chữa nhà ở. Tổng kinh phí thực hiện là 1,122 tỷ đồng":
        # the money of what the sentence before did
        # "Theo báo cáo, tổng nguồn vốn … là 1.230 tỷ đồng. Trong đó, ngân sách Trung ương hơn
        # 1.100 tỷ đồng": a part of the money the sentence before gave as a budget
        # "Theo báo cáo, tổng nguồn vốn ngân sách nhà nước phân bổ … là 1.230 tỷ đồng" in an
        # article on the topic: the total of its programme
        if _PROGRAMME_TOTAL_OPENING.match(sentence):
            return True
        part_of = _PART_OPENING.match(sentence)
        programme_before = _PROGRAMME.search(text, max(0, view.sent.start - 300), view.sent.start)
        if (
            not part_of
            and view.sent.start >= _title_end(self.doc)
            and programme_before
            # (not a person's own money: "Anh Nguyễn Văn Nam … với số vốn 800 triệu đồng")
            and not _A_PERSON_BEFORE.search(text, view.sent.start, fig.start)
            # money given or raised, not a cost, a loss or a product's worth
            and _ALLOCATED_BY_A_VERB_BEFORE.search(text, view.sent.start, fig.start)
            and not _MONEY_OF_SOMETHING_ELSE_IN_THE_SENTENCE.search(sentence)
        ):
            # "… đã xóa 1.081 nhà tạm, nhà dột nát … ¶ UBND tỉnh đã cấp ngân sách 71,37 tỷ
            # đồng, các địa phương đã huy động … hơn 1,28 tỷ đồng": in the body of a text on the
            # topic, money right after a passage on the programme is the programme's
            return True
        return bool(part_of) and bool(
            programme_before
            or any(
                f["indicator"] == indicator_for("budget", "money")
                for f in self._facts_of_the_sentence_before(view)
            )
        )

    # ------------------------------------------------------------------ when
    def year_for(
        self,
        view: SentenceView,
        fig: Mention,
        block_times: list[Mention],
        indicator: str | None = None,
    ) -> tuple[int | None, dict[str, int] | None, int | None]:
        """(year, period, since) of a figure; `self.year_basis` says how the year was read
        (`text`: written in the sentence or passage, `published`: a present-tense figure
        dated by the article, `unfixed`: an undated article that names no time for it)."""
        self.year_basis = "text"
        self.said_now = False
        text = self.doc.text
        after = text[fig.end : view.sent.end]
        since = self.since_for(view, fig)
        listed = self._year_of_a_respective_list(view, fig)
        if listed is not None:
            return listed, None, since
        # (a level's, not a change restated: "giảm 2% so với năm 2023 (8.848 hộ thoát nghèo)")
        baseline = None if indicator in FALL_INDICATORS else self._baseline_year_before(view, fig)
        if baseline is not None:
            return baseline, None, None
        # a figure the year-end survey of the poor counts, in an article approving its results
        surveyed = self.reports_last_years_survey and indicator in SURVEY_INDICATORS
        m = _YEAR_AFTER.match(after)
        if m:
            return int(m.group("y") or m.group("y2")), None, since
        paired = self._year_of_the_other_end_of_a_change(view, fig)
        if paired is not None:
            return paired, None, since
        opening = [
            m.end()
            for m in regex.finditer(
                r"\bđầu (?:nhiệm )?kỳ\b",  # "đầu kỳ", "Đầu nhiệm kỳ, … có 696 hộ nghèo"
                text,
                flags=regex.I,
                pos=_clause_start(text, view.sent.start, fig.start),
                endpos=fig.start,
            )
        ]
        if _PERIOD_START_AFTER.match(text, fig.end, view.sent.end):
            # "giảm còn 1,93% …, so với mức 5,2% đầu kỳ": the figure's own time is the start
            opening = [fig.end]
        if (
            opening
            # a year written before the figure in its sentence dates it
            and (
                opening[-1] == fig.end
                or not any(t.start < fig.start and _year_of(t) for t in view.of("TIME"))
            )
            # "đầu kỳ …, sau 3 năm giảm 9.200 hộ": the change is no start
            and not regex.search(
                r"\b(?:đến|xuống|còn|giảm|tăng)\b", text[opening[-1] : fig.start], regex.I
            )
        ):
            # "số hộ nghèo đầu kỳ của tỉnh là 22.300 hộ, … đến cuối năm 2023 …": the start of
            # the programme's period the text names anywhere (the last before the figure, else the first after it)
            periods = [
                (t.end <= fig.start, _period_of(t))
                for t in self.doc.mentions
                if t.type == "TIME" and _period_of(t) is not None
            ]
            before_fig = [p for is_before, p in periods if is_before]
            after_fig = [p for is_before, p in periods if not is_before]
            period_named = (before_fig[-1:] or after_fig[:1] or [None])[0]
            if period_named is not None:
                return period_named["start"], None, since
        ends = _ENDS_OF_A_FALL_AFTER.match(after) if indicator in FALL_INDICATORS else None
        if ends:
            return int(ends.group("y")), None, int(ends.group("since"))
        dated = [t for t in view.of("TIME") if self.usable_time(t, view.sent.start)]
        dated = self._of_the_year_the_passage_named(view, fig, dated, block_times)
        # "từ 17,83% xuống còn 15,24%": the figure a change starts from
        starts_a_change = bool(
            _FROM_BEFORE.search(text[max(view.sent.start, fig.start - 15) : fig.start])
            and regex.match(r"\s*(?:%\s*)?(?:\S+\s+){0,3}?(?:xuống|còn|lên)", after[:40], regex.I)
        )
        if starts_a_change:
            # "giảm 2,59% so với năm 2016 (từ 17,83% xuống còn 15,24%)": the starting value
            # holds for the baseline the sentence names
            baseline = [
                t
                for t in view.of("TIME")
                if _SINCE.search(text[view.sent.start : t.start]) and _year_of(t) is not None
            ]
            if baseline and not any(_period_of(t) for t in dated if t.end <= fig.start):
                return _year_of(baseline[0]), None, None
            told_before = (
                self._start_of_a_change_told_just_before(view, fig)
                if indicator in SURVEY_INDICATORS
                and not view.of("TIME")
                and not _YEAR_WORDS.search(text, view.sent.start, view.sent.end)
                else None
            )
            if told_before is not None:
                return told_before, None, since
        # "từ 28,1% năm 2011 xuống còn 3,54%": a time written right after the starting figure
        # of a change is that figure's, not the later one's
        owned = {
            t.start
            for t in dated
            for other in view.of("QUANTITY", "PERCENT")
            if other is not fig
            and other.end <= t.start
            and regex.fullmatch(r"\s*(?:\(\s*)?(?:vào\s*)?", text[other.end : t.start])
            and _FROM_BEFORE.search(text[max(view.sent.start, other.start - 15) : other.start])
        }
        first_start = [
            t
            for t in dated
            if t.start in owned
            and t.end <= fig.start
            and _period_of(t) is None
            and _year_of(t) is not None
            # (the same clause: "… xuống còn 4,2% năm 2020; đến cuối năm 2023, tiếp tục giảm
            # từ 4,2% …" is another change)
            and ";" not in text[t.end : fig.start]
        ]
        if (
            first_start
            and (
                starts_a_change
                # "(9,34% xuống còn 0,95%)": the change verb right after the bracketed start
                or (
                    regex.search(r"\(\s*$", text[max(view.sent.start, fig.start - 3) : fig.start])
                    and regex.match(
                        r"\s*(?:%\s*)?(?:xuống|giảm xuống|còn|lên)\b", after[:20], regex.I
                    )
                )
            )
            and not any(
                regex.fullmatch(r"\s*(?:\(\s*)?(?:vào\s*)?", text[fig.end : t.start])
                for t in dated
                if t.start >= fig.end
            )
        ):
            # "giảm từ 7.330 hộ đầu năm 2009 xuống còn 930 hộ vào cuối năm 2013 (9,34% xuống
            # còn 0,95%)": a second change told alongside the first starts where it started
            return _year_of(first_start[0]), None, since
        times = [
            t
            for t in dated
            if t.end <= fig.start
            and t.start not in owned
            and not self._time_of_a_bracketed_figure(view, t, fig)
        ]
        named_for = [
            t
            for t in times
            if _period_of(t) is not None
            and any(_period_of(other) is None for other in times)
            and _PROGRAMME_PERIOD_BEFORE.search(text, view.sent.start, t.start)
        ]
        if named_for:
            # "Trong năm 2024, nguồn vốn … Chương trình … giai đoạn 2021-2025 là 94 tỷ đồng":
            # the period names the programme; the year the sentence writes dates the figure
            times = [t for t in times if t not in named_for]
        published = self.doc.meta.published or ""
        if (
            len(times) >= 2
            and self._the_reviews_now(times[-1])
            and any(_year_of(t) == int(published[:4]) - 1 for t in times[:-1])
        ):
            # "Theo kết quả rà soát hộ nghèo năm 2020, hiện nay, số hộ nghèo …" written in
            # January 2021: "now" is the end of the year the sentence reviews
            times = [t for t in times[:-1] if _year_of(t) == int(published[:4]) - 1][-1:]
        elif (
            len(times) == 1
            and self._the_reviews_now(times[0])
            and any(
                _year_of(t) == int(published[:4]) - 1
                for t in [*block_times, *self.earlier_times][-3:]
            )
        ):
            # "Năm 2017, xã phát triển ổn định … ¶ Hiện tại, Trường Xuân còn 203 hộ nghèo"
            # written in January 2018: the year-end review's "now" is the year it reviews
            return int(published[:4]) - 1, None, since
        elif len(times) >= 2 and times[-1].attrs.get("relative") == "now":
            # "Theo số liệu rà soát hộ nghèo cuối năm 2016, hiện nay, …": the survey cited
            cited = [
                t
                for t in times[:-1]
                if _year_of(t) is not None
                and _SURVEY_REFERENCE_BEFORE.search(
                    text, max(view.sent.start, t.start - 80), t.start
                )
            ]
            times = cited[-1:] or times
        if not times:
            # a time written after the figure in the same clause: "… 26,11% vào cuối năm 2023"
            times = [
                t
                for t in dated
                if (
                    0 <= t.start - fig.end < 40
                    or _AFTER_A_PARENTHESIS.fullmatch(text, fig.end, t.start)
                    # "… 4.862 tỉ đồng được đầu tư tại tỉnh Kon Tum cho công tác giảm nghèo
                    # bền vững giai đoạn 2016-2018": further on, in the figure's clause
                    or (
                        _period_of(t) is not None
                        and 0 <= t.start - fig.end < TIME_LATER_IN_CLAUSE_CHARS
                        and not regex.search(r"[,;:()]", text[fig.end : t.start])
                        and not any(
                            fig.end <= m.start < t.start for m in view.of("QUANTITY", "PERCENT")
                        )
                        # (not the period in a programme's name: "giải ngân 100% kế hoạch vốn …
                        # Chương trình MTQG … giai đoạn 2021-2023 trong năm 2024")
                        and not _PROGRAMME_PERIOD_BEFORE.search(text, fig.end, t.start)
                    )
                )
                # ("17,73%, giảm 4,73% …, kế hoạch giai đoạn 2021 - 2025 là …": a plan's time
                # after the figure is the plan's)
                and not self._a_plans_time_after(fig, t)
                and (
                    not regex.search(r"[;(]", text[fig.end : t.start])
                    # "chiếm 17,89% (trong đó hộ Khmer nghèo chiếm gần 27%) vào năm 2016": the
                    # time right after the figure's parenthesis
                    or _AFTER_A_PARENTHESIS.fullmatch(text, fig.end, t.start)
                    # "xuống còn 2,93% (tháng 6-2018)", "từ 108 hộ nghèo (đầu năm 2014)": the
                    # figure's own time in the parenthesis right after it
                    or (
                        regex.fullmatch(
                            # "59.176 người (số liệu năm 2016)": the year of the data the
                            # brackets cite
                            r"[^;()]{0,12}\(\s*(?:vào\s*|(?:theo\s+)?(?:số liệu|thống kê)\s*)?",
                            text[fig.end : t.start],
                        )
                        and regex.match(r"\s*\)", text[t.end : t.end + 3]) is not None
                    )
                )
            ][:1]
        unresolved_now = not times and any(
            t.attrs.get("relative") in ("now", "to_now") and _year_of(t) is None
            for t in view.of("TIME")
            if t.end <= fig.start
        )
        if (
            not times
            and self.plan_header_time is not None
            and self.plan_header_time.end <= fig.start
            and not _DONE.search(text, view.sent.start, fig.start)
        ):
            # "Phấn đấu đến năm 2025 đạt các chỉ tiêu sau. Tỷ lệ hộ nghèo giảm còn 3%": the
            # deadline of the plan the line is part of
            times = [self.plan_header_time]
        if (
            self.plan_time is not None
            and self.plan_time.start < view.sent.start
            and _TARGET_BEFORE.search(text, view.sent.start, fig.start)
            and (
                not times
                # ("… báo cáo kết quả năm 2017 và phương hướng, nhiệm vụ năm 2018. Theo đó, …
                # phấn đấu giảm 2%": the plan's year, not the year reviewed)
                or (
                    self.plan_of_tasks
                    and times[-1].start < view.sent.start
                    and (_year_of(times[-1]) or 9999) < (_year_of(self.plan_time) or 0)
                )
            )
        ):
            # "… thống nhất các chỉ tiêu, nhiệm vụ năm 2022. Trong đó, phấn đấu thu nhập bình
            # quân đầu người 49,57 triệu đồng": the plan the sentence before set out
            times = [self.plan_time]
        if (
            not times
            and published
            and not block_times
            and _TERM_JUST_ENDED.search(text, self.doc.blocks[view.sent.block].start, view.sent.end)
        ):
            # "Nhiệm kỳ qua, … thu nhập bình quân đạt 46,5 triệu đồng/người/năm; tỷ lệ hộ nghèo
            # đến cuối nhiệm kỳ giảm còn 0,85%" at a congress: the term ends as the text is
            # written; no year of an earlier paragraph (another unit's) dates it
            self.year_basis = "published"
            return int(published[:4]), None, since
        if not times and block_times:
            # the passage's time: its last period ("Giai đoạn 2021-2023, …") else its last year
            periods = [t for t in block_times if _period_of(t) is not None]
            times = periods[-1:] or block_times[-1:]
            later = [
                t
                for t in block_times
                if periods
                and _period_of(t) is None
                and not t.attrs.get("day")  # (not the date of a meeting about the period)
                and t.start > periods[-1].start
                and (_year_of(t) or 0) > _period_of(periods[-1])["end"]
            ]
            if later:
                times = later[-1:]  # "Giai đoạn 2005-2012 và năm 2013 …": the year after it
            reviewed = [
                t
                for t in block_times[:-1]
                if _period_of(t) is None and _year_of(t) == int(published[:4] or 0) - 1
            ]
            if not periods and reviewed and self._the_reviews_now(times[-1]):
                # "Năm 2023, huyện … ¶ Đến nay, tỷ lệ hộ nghèo giảm … . … thu nhập bình quân
                # đạt 52 triệu đồng" written in January 2024: the "now" the passage carries is
                # the end of the year it reviews, as a sentence's own "now" is
                times = reviewed[-1:]
        if not times and self.paragraph_time is not None:
            # "Năm 2019, tình hình kinh tế - xã hội … tiếp tục chuyển biến tích cực. …(five
            # sentences)… Tỷ lệ hộ nghèo giảm 1,33%": the year that opens the paragraph frames it
            times = [self.paragraph_time]
        if not times and self.earlier_times and self.carry_times:
            # the time of the report, named in an earlier paragraph ("Kết quả rà soát năm
            # 2022 …", then a paragraph of regional rates that names no year)
            times = self.earlier_times[-1:]
        if (
            times
            and times[-1].start < view.sent.start
            and _period_of(times[-1]) is None
            and _year_of(times[-1])
            in {
                _year_of(t)
                for t in view.of("TIME")
                if _SINCE.search(text, view.sent.start, t.start)
                and _year_of(t) is not None
                # (not a point inside that year: "giảm 650 hộ so với đầu năm 2022" is of 2022)
                and not regex.search(
                    r"\b(?:đầu|cuối|giữa|hết|thời điểm)\s*(?:năm\s*)?$",
                    text[max(0, t.start - 15) : t.start],
                    regex.I,
                )
                and not regex.match(r"(?:đầu|cuối|giữa|hết|thời điểm)\b", t.text, regex.I)
            }
        ):
            # "Năm 2020, … ¶ Hiện nay, thu nhập … đạt 72 triệu đồng, gấp 1,64 lần so với năm
            # 2020": a sentence measured against the year an earlier one named speaks of a
            # later time (the article's date, or none in an undated text)
            times = []
        if (
            unresolved_now
            and times
            and (
                _DEADLINE_BEFORE.search(text, max(0, times[-1].start - 20), times[-1].start)
                # an undated text's "hiện nay" after a period an earlier sentence named ("trong
                # giai đoạn 2021-2024, … ¶ Hiện nay, …"); a single year named before ("Năm
                # 2023, … ¶ Đến thời điểm hiện tại, …") still dates it (the seed gold)
                or (
                    not published
                    and times[-1].start < view.sent.start
                    and _period_of(times[-1]) is not None
                )
                # "Năm 2015, … ¶ Từ 2016 tới nay, tổng số vốn … là 1.268 tỷ đồng" undated: a
                # span to now that starts after the year named before is not of that year
                or any(
                    t.attrs.get("relative") == "to_now"
                    and (t.attrs.get("period") or {}).get("start") is not None
                    and int(t.attrs["period"]["start"]) > (_year_of(times[-1]) or 9999)
                    for t in view.of("TIME")
                    if t.end <= fig.start
                )
            )
        ):
            # "Hiện nay, huyện còn 1.200 hộ nghèo" in an undated article after "Nghị quyết …
            # đến năm 2030" or after "trong giai đoạn 2021-2024, …": today is neither the
            # deadline nor the end of the period an earlier passage named, and the text does
            # not say which year it is
            self.year_basis = "unfixed"
            return None, None, since
        written = [t for t in dated if t.end <= fig.start]
        if written and _NOW_WORD_BEFORE.search(
            text, max(written[-1].end, view.sent.start), fig.start
        ):
            # "nếu năm 2009 tỷ lệ hộ nghèo là 10,73%, nay giảm chỉ còn 3%": now, not the year
            # written before it: a later year that frames the sentence or its passage ("Năm
            # 2023, thu nhập … từ 20 triệu đồng năm 2020 nay đã tăng lên 28 triệu đồng"), else
            # the article's date, or none in an undated text
            earlier = _year_of(written[-1]) or 9999
            framing = [
                t
                for t in [
                    *([self.paragraph_time] if self.paragraph_time else []),
                    *block_times,
                    *times,
                ]
                if t is not written[-1] and (_year_of(t) or 0) > earlier
            ]
            times = framing[-1:]
        if times:
            t = times[-1]
            period = _period_of(t)
            starts_period = (
                _FROM_BEFORE.search(text[max(view.sent.start, fig.start - 15) : fig.start])
                or _after_from(text, _clause_start(text, view.sent.start, fig.start), fig.start)
            ) and not (
                # "giảm từ 3% trở lên", "giảm bình quân từ 1%/năm": at least, no start
                _a_floor(text, fig) or fig.attrs.get("per_year")
            )
            if period is not None and starts_period:
                return period["start"], None, since  # "từ 33.486 hộ": the count it began with
            if (
                period is not None
                and regex.search(
                    r"\bđầu\s*$", text[max(view.sent.start, t.start - 8) : t.start], regex.I
                )
                # (not the start of a span written from one year to another: "từ đầu năm
                # 2016 đến cuối năm 2019, … 2.600 hộ thoát nghèo" holds to its end; "từ đầu
                # năm 2019 đến nay" is that year so far)
                and not regex.search(
                    r"\b(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(?:19|20)\d\d", t.text, regex.I
                )
            ):
                # "đầu giai đoạn 2021-2025 là 9,33%": the start of the period, not its end
                return period["start"], None, since
            year = _year_of(t)
            if (
                starts_period
                and period is None
                and year is not None
                and t.end <= fig.start
                and regex.search(r"\b(?:xuống|còn|lên)\b", after[:60], regex.I)
            ):
                # "Năm 2022, tỷ lệ hộ nghèo giảm từ 30,1% xuống còn 25,9%": the rate the year
                # began with is the last year's; "(phấn đấu) đến năm 2025 giảm từ 9,8% xuống
                # 4%": a deadline, and the value it starts from is today's
                if regex.search(
                    r"\b(?:đến|tới)\s*(?:hết\s*|cuối\s*)?(?:năm\s*)?$",
                    text[max(0, t.start - 12) : t.start + 4],
                    regex.I,
                ) or regex.match(r"(?:đến|tới)\b", t.text, regex.I):
                    # ("Giai đoạn 2011-2015, … phấn đấu đến năm 2015 … giảm từ 12,15%": the
                    # period the sentence named, ending at the deadline, began with it)
                    for p in (_period_of(o) for o in times if o.start >= view.sent.start):
                        if (
                            p is not None
                            and p["start"] < year <= p["end"]
                            # (not when the sentence writes the present year too: "Năm 2023,
                            # … giai đoạn 2021-2025, phấn đấu đến năm 2025 giảm … từ 2.500 hộ")
                            and not any(
                                _period_of(o) is None and o is not t and _year_of(o) != year
                                for o in times
                                if o.start >= view.sent.start
                            )
                            # (not "từ 1,8% hiện nay xuống dưới 0,5%": today's)
                            and not regex.match(
                                r"\s*(?:%\s*)?(?:hiện nay|hiện tại|hiện|nay)\b", after, regex.I
                            )
                        ):
                            return p["start"], None, since
                    published = self.doc.meta.published
                    self.year_basis = "published" if published else "unfixed"
                    return (int(published[:4]) if published else None), None, since
                return year - 1, None, since
            if (
                surveyed
                and t.attrs.get("day")
                and int(t.attrs.get("month") or 0) in _SURVEY_RESULT_MONTHS
                and year is not None
                and _SURVEY_RESULTS.search(text, t.end, min(len(text), t.end + 250))
            ):
                # "Ngày 06/01/2021, UBND tỉnh ban hành Quyết định phê duyệt kết quả rà soát
                # hộ nghèo …": the decision's date; its figures are the year just ended
                return year - 1, None, since
            # ("Hiện nay, …": a year the article's date gives, not one the text wrote)
            self.said_now = bool(t.attrs.get("relative") == "now" and t.attrs.get("from_published"))
            return year, period, since
        if published:
            self.year_basis = "published"
            # (and any present-tense count or rate of a text of January or February but its
            # people: what the year just ended left, not a plan for the new one)
            if int(published[5:7] or 0) in _SURVEY_RESULT_MONTHS and (
                surveyed
                or (
                    self._of_the_year_written_about(view, indicator)
                    and indicator != indicator_for("population", "count")
                    and not self._plan_word_governs(view, fig)
                    and not _a_floor(text, fig)  # ("hằng năm giảm ít nhất 0,5%": a plan's)
                )
            ):
                # "Quyết định phê duyệt kết quả rà soát hộ nghèo …" published in January: the
                # survey of the year just ended, the figures its end-of-year ones
                return int(published[:4]) - 1, None, since
            return int(published[:4]), None, since
        # an undated article that names no time for the figure: the text does not fix the
        # year (FACTS.md); the year the body names most is only a guess
        self.year_basis = "unfixed"
        return None, None, since

    def _plan_word_governs(self, view: SentenceView, fig: Mention) -> bool:
        """Whether a plan word before the figure makes it a plan's: not one a review says was
        met ("… hoàn thành các chỉ tiêu Quốc hội giao, cụ thể: tỷ lệ hộ nghèo giảm 1,35%")."""
        text = self.doc.text
        plans = list(_TARGET_BEFORE.finditer(text, view.sent.start, fig.start))
        if not plans:
            return False
        met = _TARGETS_MET_BEFORE.search(
            text, max(view.sent.start, plans[-1].start() - 30), plans[-1].start()
        )
        # (not one to be met: "phấn đấu hoàn thành các chỉ tiêu", "cần tập trung hoàn thành …")
        return met is None or bool(
            _TARGET_BEFORE.search(text, view.sent.start, met.start())
            or _TO_BE_MET_BEFORE.search(text, view.sent.start, met.start())
        )

    def _of_the_year_written_about(self, view: SentenceView, indicator: str | None) -> bool:
        """Whether a present-tense figure of a text of January or February is of the year
        just ended: a year's statistic, or a year-end review's houses and money; not a house
        handed over or money given at the moment of writing ("Vừa qua, … trao 5 căn nhà …
        Trong đó, 3 căn tại xã Hòa Tân", in the sentence's paragraph so far, or for a
        headline in its lead), unless the sentence itself reviews the year ("Hiện còn 56 căn
        đang thi công. Năm qua, huyện đã bàn giao 96 căn")."""
        if indicator in SURVEY_INDICATORS or indicator == indicator_for("income", "money"):
            return True
        text = self.doc.text
        reviews_the_year = _YEAR_WORDS.search(text, view.sent.start, view.sent.end)
        if (
            not reviews_the_year
            and self.headline_reports_an_event
            # (not an official's account at the event: "… ông B cho biết, huyện đã vận động
            # 2,4 tỷ đồng, xây dựng 48 căn nhà": the year's total)
            and not _ACCOUNT_GIVEN.search(text, view.sent.start, view.sent.end)
        ):
            return False
        start = view.sent.start if reviews_the_year else self.doc.blocks[view.sent.block].start
        return not _EVENT_OF_THE_MOMENT.search(text, start, self._event_end(view))

    def _units_written_right_after(self, view: SentenceView, fig: Mention) -> list[Mention]:
        """The units written right after a figure, its own words at most between ("620 hộ
        nghèo tại xã Sơn Vĩ", "3 căn nhà đại đoàn kết ở xã Phổ Châu")."""
        text = self.doc.text
        return [
            m
            for m in view.of("LOCALITY")
            if m.start >= fig.end and _UNIT_RIGHT_AFTER_THE_FIGURE.fullmatch(text, fig.end, m.start)
        ]

    def _start_of_a_change_told_just_before(self, view: SentenceView, fig: Mention) -> int | None:
        """ "Số hộ nghèo … giảm từ trên 90.000 hộ năm 2005 xuống còn gần 29.000 hộ năm 2010.
        Tỷ lệ hộ nghèo giảm từ 27,55% xuống còn 7,45%": a change whose sentence names no time,
        right after a sentence of the same paragraph that told a change from a year to a
        later one, starts where that one started."""
        text = self.doc.text
        before = self.sentence_before.get(view.sent.start)
        if before is None or before.block != view.sent.block:
            return None
        told = _CHANGE_FROM_A_YEAR_TO_ANOTHER.search(text, before.start, before.end)
        if told is None or int(told.group("start")) >= int(told.group("end")):
            return None
        return int(told.group("start"))

    def _year_of_the_other_end_of_a_change(self, view: SentenceView, fig: Mention) -> int | None:
        """ "giảm từ 8,2% đầu năm xuống 5,1% vào cuối năm 2023", "từ 8,2% đầu năm 2023 xuống
        5,1% cuối năm": a bare start (end) of the year written right after one end of a change
        is of the year written with the end (start) of the year after the other end (not
        "từ 5% cuối năm 2022 xuống 3% cuối năm": two ends of the year are two years)."""
        text = self.doc.text

        def own_time(m: Mention) -> Mention | None:
            return next(
                (
                    t
                    for t in view.of("TIME")
                    if t.start >= m.end and _OWN_TIME_GAP.fullmatch(text, m.end, t.start)
                ),
                None,
            )

        own = own_time(fig)
        if (
            own is None
            or not own.attrs.get("from_published")
            # (a bare one: not "cuối năm nay", "đầu năm ngoái")
            or not regex.fullmatch(r"(?:đầu|cuối)\s+năm", own.text.strip(), regex.I)
            or self.published_year is None
        ):
            return None
        edge = own.attrs.get("relative")
        other_edge = {"start_of_year": "end_of_year", "end_of_year": "start_of_year"}.get(edge)
        if other_edge is None:
            return None
        for other in view.of("QUANTITY", "PERCENT"):
            t = own_time(other) if other is not fig else None
            if (
                t is None
                or t.attrs.get("from_published")
                or t.attrs.get("relative") != other_edge
                or _period_of(t) is not None
                or _year_of(t) is None
            ):
                continue
            first, first_time, second = (
                (fig, own, other) if fig.start < other.start else (other, t, fig)
            )
            if (
                # the start of the year first, its end after ("từ 5,2% cuối năm 2022 xuống …
                # đầu năm" spans two years), of the year written or the one before
                first_time.attrs.get("relative") == "start_of_year"
                and _year_of(t) in (self.published_year, self.published_year - 1)
                and _CHANGE_JOIN.fullmatch(text, first_time.end, second.start)
                and _FROM_BEFORE.search(text[max(view.sent.start, first.start - 15) : first.start])
            ):
                return _year_of(t)
        return None

    def _time_of_a_bracketed_figure(self, view: SentenceView, t: Mention, fig: Mention) -> bool:
        """ "… còn 29,47% (năm 2022 là 35,1%); tỷ lệ hộ cận nghèo còn 14,2%": a time inside
        brackets closed before the figure, with a figure of its own there, dates that aside's
        figure, not the ones after it (a bracketed source with no figure, "(số liệu năm 2022)",
        still dates the clause)."""
        text = self.doc.text
        opened = text.rfind("(", view.sent.start, t.start)
        if opened < 0 or ")" in text[opened : t.start]:
            return False
        # (brackets right after a figure, a comparison of it: not after a noun, "Số hộ nghèo
        # đầu năm (năm 2023: 1.520 hộ), trong năm giảm 320 hộ", whose year is the sentence's)
        if not any(
            o.end <= opened and not text[o.end : opened].strip()
            for o in view.of("QUANTITY", "PERCENT", "MONEY")
        ):
            return False
        closed = text.find(")", t.end, fig.start)
        if closed < 0 or "(" in text[t.end : closed]:
            return False
        # (the aside opens with its time and its figure follows: not a change restated with
        # its years, "(từ 27,81% đầu năm 2016 xuống còn 11,8% cuối năm 2019), bình quân …")
        if not regex.fullmatch(r"\(\s*(?:cùng kỳ\s+)?", text[opened : t.start], regex.I):
            return False
        return any(
            o is not fig
            and t.end <= o.start
            and o.end <= closed
            and regex.fullmatch(r"\s*(?::|là|có|đạt)?\s*", text[t.end : o.start], regex.I)
            for o in view.of("QUANTITY", "PERCENT", "MONEY")
        )

    def _baseline_year_before(self, view: SentenceView, fig: Mention) -> int | None:
        """ "… còn 3,5%, giảm 1,2% so với năm 2022 (4,7%)": a figure in brackets right after a
        baseline's time is the baseline's value, of that year."""
        text = self.doc.text
        for t in view.of("TIME"):
            if (
                t.end <= fig.start
                and _BASELINE_VALUE_IN_BRACKETS.fullmatch(text, t.end, fig.start)
                and _SINCE.search(text, max(view.sent.start, t.start - 30), t.start)
                and "period" not in t.attrs
            ):
                return _year_of(t)
        return None

    def _the_reviews_now(self, t: Mention) -> bool:
        """A "hiện nay" / "đến nay" the page's date resolves, in a year-end review written in
        January or February: it may stand for the end of the year reviewed. (A bare "cuối
        năm" there is as often the coming year's end in a plan with no plan word: "Các xã
        cam kết đến cuối năm xóa 100 nhà tạm"; it stays the page's year.)"""
        published = self.doc.meta.published or ""
        return (
            t.attrs.get("relative") == "now"
            and bool(t.attrs.get("from_published"))
            and int(published[5:7] or 0) in _SURVEY_RESULT_MONTHS
        )

    def _a_plans_time_after(self, fig: Mention, t: Mention) -> bool:
        """ "17,73%, …, kế hoạch giai đoạn 2021 - 2025 là …": a time a plan word after the
        figure owns is the plan's; not "đạt 104% kế hoạch năm 2023", a result measured
        against the year's plan, which dates the figure."""
        text = self.doc.text
        plan = _TARGET_BEFORE.search(text, fig.end, t.end)
        return plan is not None and not _RESULT_AGAINST_A_PLAN_BEFORE.search(
            text, fig.end, plan.start()
        )

    def _year_of_a_respective_list(self, view: SentenceView, fig: Mention) -> int | None:
        """ "… các năm 2021, 2022, 2023 lần lượt là 20,1%, 18,3% và 15,1%": the year written
        at the figure's place in a list of years the figures follow one by one."""
        text = self.doc.text
        said = _RESPECTIVELY.search(text, view.sent.start, fig.start)
        if said is None:
            return None
        years = _YEAR_LIST.search(text, view.sent.start, said.start())
        if years is None:
            return None
        written = [int(y) for y in regex.findall(r"(?:19|20)\d{2}", years.group())]
        figures = [m for m in view.of(fig.type) if m.start >= said.end()]
        if len(written) < 2 or len(figures) != len(written) or fig not in figures:
            return None
        return written[figures.index(fig)]

    def _of_the_year_the_passage_named(
        self, view: SentenceView, fig: Mention, dated: list[Mention], block_times: list[Mention]
    ) -> list[Mention]:
        """ "Trong 6 tháng đầu năm 2017, … . Ước tỷ lệ giảm nghèo 6 tháng đầu năm giảm 1,53%"
        on a page dated 2021: a part of a year written without its year ("6 tháng đầu năm",
        "cuối năm", not "cuối năm nay") is of the single year the passage named, on a page
        dated years after it (an archived report; a report of mid-2024 that opens on 2023's
        results still speaks of 2024), outside a plan."""
        parts = [
            t
            for t in dated
            if t.attrs.get("from_published")
            and t.attrs.get("relative") in PARTS_OF_A_YEAR
            and not _THIS_YEAR_IN.search(t.text)
        ]
        if not parts or self.published_year is None:
            return dated
        named = next(
            (
                t
                for t in reversed(block_times)
                if not t.attrs.get("from_published")
                and _period_of(t) is None
                and not t.attrs.get("day")
                and not t.attrs.get("month")
                # (not "Từ năm 2019, …": a start, no single year)
                and not _FROM_BEFORE.search(self.doc.text, max(0, t.start - 12), t.start)
                and _year_of(t) is not None
            ),
            None,
        )
        if (
            named is None
            or (_year_of(named) or 0) > self.published_year - ARCHIVED_AFTER_YEARS
            or _TARGET_BEFORE.search(self.doc.text, view.sent.start, fig.start)
        ):
            return dated
        return [named if t in parts else t for t in dated]

    def usable_time(self, t: Mention, sent_start: int, carried: bool = False) -> bool:
        """A time that can date a figure: dated, not a `so với` baseline, not a poverty standard's
        period. `carried`: a time kept to date the next sentences' figures, where a year after a
        standard's name ("Quyết định phê duyệt kết quả rà soát … theo chuẩn nghèo đa chiều năm
        2019") names a document, not the year of figures that follow."""
        if _year_of(t) is None:
            return False
        before = self.doc.text[sent_start : t.start]
        return not (
            _SINCE.search(before)
            # "theo chuẩn nghèo đa chiều giai đoạn 2016-2020" names the standard; "theo chuẩn
            # nghèo đa chiều đến cuối năm 2024", "… năm 2023 còn 2,93%" date the figure
            or (
                (
                    _STANDARD_BEFORE.search(before)
                    or (
                        _period_of(t) is not None
                        and _NATIONAL_STANDARD_PERIOD_BEFORE.search(before)
                    )
                )
                and not _AS_OF.match(t.text)
                and (
                    carried
                    or not _ONE_YEAR_AFTER_A_STANDARD.match(t.text)
                    # ("theo chuẩn nghèo áp dụng năm 2022": the year names the standard)
                    or _STANDARD_APPLIED_BEFORE.search(before) is not None
                )
            )
            # "hộ nghèo theo tiêu chí giai đoạn 2021-2025 còn 1,44%": the criteria's period
            or (_period_of(t) is not None and _CRITERIA_BEFORE.search(before))
            # "giảm 5,73% theo chuẩn nghèo đa chiều, giai đoạn 2022-2025": the standard's
            # period after its comma
            or (
                _period_of(t) is not None
                and before.rstrip().endswith(",")
                and _STANDARD_BEFORE.search(before.rstrip()[:-1])
                # (ending its clause: "…, giai đoạn 2016-2020 tỷ lệ hộ nghèo giảm …" opens one)
                and regex.match(r"\s*(?:[.;)]|$)", self.doc.text[t.end : t.end + 3])
            )
            or (
                _MIDWAY_THROUGH_A_PROGRAMME.search(before[-120:])
                # (not a span already over when written: "Sau 3 năm triển khai Chương trình …
                # (2021-2023)" in 2024 names the years done, whose start the change began with)
                and not self._a_span_over_when_written(t)
            )
            or _FOUNDED_BEFORE.search(before)
            or self._base_year_of_prices(t, before)
            or _CARRIED_OVER_AFTER.match(self.doc.text, t.end)
            or self._date_of_a_legal_text(t, before)
            or self._the_articles_own_date(t)
        )

    def _a_span_over_when_written(self, t: Mention) -> bool:
        """A period that ended by the year the article was written (none in an undated one),
        the only time its sentence writes after it (not "…(2022-2023), năm 2024 tỷ lệ …",
        "…, đến nay còn …")."""
        period = _period_of(t)
        published = self.doc.meta.published
        if period is None or not published or period["end"] > int(published[:4]):
            return False
        text = self.doc.text
        ends = [i for i in (text.find(". ", t.end), text.find("\n", t.end)) if i >= 0]
        rest = text[t.end : min(ends) if ends else len(text)]
        return not regex.search(
            r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:năm nay|hiện nay|hiện tại|đến nay|tới nay|nay)\b",
            rest,
            regex.I,
        )

    @staticmethod
    def _base_year_of_prices(t: Mention, before: str) -> bool:
        """ "giá trị sản xuất (giá so sánh năm 2010)", "theo giá 2010": the base year of constant
        prices; "theo giá năm 2024" alone is that year's own prices, a time of the figure."""
        m = _PRICE_BASE_BEFORE.search(before)
        return m is not None and (m.group("base") is not None or _year_of(t) in PRICE_BASE_YEARS)

    def _the_articles_own_date(self, t: Mention) -> bool:
        """ "date 2026-01-05 Trong giai đoạn qua, …": a page's date stamp is the article's date
        (`meta.published`), no time of the figures after it: a figure the text dates no other
        way takes the published year (in January, the year just ended). A month-only stamp
        (`date 2020-03`) gives no `published` (the guide), so it dates nothing either: the
        text does not fix the year of a present-tense figure (`year` null, a `year_guess`)."""
        stamp = _DATE_STAMP.match(self.doc.text)
        return bool(stamp is not None and t.end <= stamp.end())

    @staticmethod
    def _date_of_a_legal_text(t: Mention, before: str) -> bool:
        """ "Quyết định số 861/QĐ-TTg, ngày 04/6/2021", "Nghị quyết số 11/2021/NQ-HĐND, năm 2021
        của HĐND tỉnh": the legal text's date; a period after its comma is not ("Thực hiện
        Quyết định số 33/2015/QĐ-TTg, từ năm 2016 đến năm 2019, huyện … đã hỗ trợ …": the
        period of what follows)."""
        legal = _LEGAL_REFERENCE_BEFORE.search(before[-60:])
        return legal is not None and not (
            legal.group().rstrip().endswith(",") and "period" in t.attrs
        )

    def since_for(self, view: SentenceView, fig: Mention) -> int | None:
        text = self.doc.text
        for t in view.of("TIME"):
            if (
                t.start >= fig.end
                and _SINCE.search(text[fig.end : t.start])
                and t.start - fig.end < 30
            ):
                return _year_of(t)
        return None

    # ------------------------------------------------------------------ where
    def _unit_inside_right_after(
        self, view: SentenceView, fig: Mention, before: list[Mention], money: bool = False
    ) -> Mention | None:
        """ "huyện Di Linh có tỷ lệ hộ nghèo thấp nhất là 3% ở xã Tam Bố, cao nhất 21,5% ở xã
        Đinh Trang Thượng": a unit below one the sentence named before, written right after
        the figure with `ở`/`tại`, is the figure's; so is the unit a budget is given to
        ("UBMTTQ tỉnh hỗ trợ 300 triệu đồng cho xã Thọ Hợp")."""
        text = self.doc.text
        rank = max(LEVEL_RANK.get(str(m.attrs.get("level")), 0) for m in before)
        right_after = self._units_written_right_after(view, fig)
        return next(
            (
                m
                for m in view.of("LOCALITY")
                if m.start >= fig.end
                and (
                    m in right_after
                    or (
                        money
                        and _UNIT_GIVEN_MONEY.fullmatch(text, fig.end, m.start)
                        # (one unit, not the first of several: "… cho xã A và xã B")
                        and not regex.match(r"\s*(?:,|và\b)\s*\p{L}", text[m.end : m.end + 12])
                    )
                )
                and LEVEL_RANK.get(str(m.attrs.get("level")), 0) < rank
                and m.attrs.get("level") != "village"
                # (not the first of several: "… 25 căn nhà tại xã Buôn Triết, xã Đắk Liêng và
                # thị trấn Liên Sơn" are the whole unit's)
                and not self._first_of_several(view, m)
                # (a venue, the houses being for the whole unit: "… 18 căn nhà đại đoàn kết
                # tại xã Quài Cang cho hộ nghèo trên địa bàn huyện")
                and not _FOR_THE_WHOLE_UNIT_AFTER.match(text, m.end, view.sent.end)
            ),
            None,
        )

    def _units_joined_after(self, view: SentenceView, m: Mention) -> Iterator[tuple[str, Mention]]:
        """The units written after `m` in its sentence, each joined to the one before it by a
        comma or "và" ("xã A, xã B và thị trấn C"), with the words that join it."""
        text = self.doc.text
        at = m
        for o in sorted(view.of("LOCALITY"), key=lambda o: o.start):
            if o.start < at.end:
                continue
            if not _PLAIN_LIST_JOIN.fullmatch(text, at.end, o.start):
                return
            yield text[at.end : o.start], o
            at = o

    def _parent_after_a_list(self, view: SentenceView, first: Mention) -> Mention | None:
        """The unit above a list of units, named right after it ("xã Mường So và xã Khổng
        Lào, huyện Phong Thổ"), else None."""
        rank = LEVEL_RANK.get(first.attrs.get("level"), len(LEVEL_RANK))
        for join, o in self._units_joined_after(view, first):
            if LEVEL_RANK.get(o.attrs.get("level"), -1) > rank:
                # (after a comma; "… xã Hòa Ninh và quận Liên Chiểu" is one more item)
                return o if join.strip() == "," else None
        return None

    def _first_of_several(self, view: SentenceView, m: Mention) -> bool:
        """Whether a unit is followed by another joined to it ("xã Buôn Triết, xã Đắk Liêng
        và thị trấn Liên Sơn"): one of several, no figure's own unit. Its parent after a
        comma ("bản Huổi Én, xã Mường So") says where the one unit lies; a unit after the
        parent still makes a list ("xã A, huyện B và xã C, huyện D")."""
        rank = LEVEL_RANK.get(m.attrs.get("level"), len(LEVEL_RANK))
        return any(
            LEVEL_RANK.get(o.attrs.get("level"), -1) <= rank
            for _, o in self._units_joined_after(view, m)
        )

    def place_for(
        self, view: SentenceView, fig: Mention, indicator: str | None = None
    ) -> tuple[dict[str, Any] | None, str]:
        text = self.doc.text
        compared = [
            m
            for m in view.of("LOCALITY")
            if m.end <= fig.start
            and _FIGURE_OF_THE_PLACE_BEFORE.fullmatch(text, m.end, fig.start)
            and _COMPARED_PLACE_BEFORE.search(text, view.sent.start, m.start)
        ]
        if compared:
            # "… 45,3%, cao hơn so với mức bình quân của tỉnh (18,1%)": the figure written
            # right after the place a comparison names is that place's
            return place_of(compared[-1]), "sentence"
        places = [
            m
            for m in view.of("LOCALITY")
            if m.end <= fig.start
            # an origin is no place: "đồng bào dân tộc thiểu số gốc Tây Nguyên"
            and not regex.search(r"\bgốc\s*$", text[max(0, m.start - 8) : m.start], regex.I)
            # a place in parentheses is an aside ("Xã Pa Cheo (huyện Bát Xát, tỉnh Lào Cai) có
            # 600 hộ"), unless the figure stands inside them too
            and not (
                _inside_parentheses(text, view.sent.start, m.start)
                and ")" in text[m.end : fig.start]
            )
            and not named_in_passing(text, m)
            and not parent_of_a_described_unit(text, m, view.sent.start)
            # (not the unit a superlative ranks, its figure right after it: "nhiều nguồn vốn
            # nhất ở huyện Đam Rông với 8,5 tỷ đồng")
            and not (
                _COMPARISON_BEFORE.search(text[view.sent.start : m.start])
                and not (
                    (ranked := _RANKED_UNIT_BEFORE.search(text, view.sent.start, m.start))
                    and _FIGURE_OF_A_RANKED_UNIT_BEFORE.fullmatch(text, m.end, fig.start)
                    # (the sentence named no unit before the superlative: "huyện Mường Nhé có
                    # tỷ lệ hộ nghèo cao nhất tại tỉnh Điện Biên với 38,6%" ranks Mường Nhé)
                    and not _UNIT_WORD.search(text, view.sent.start, ranked.start())
                )
            )
            # "theo tiêu chí của tỉnh": the criteria's owner, named by its level word alone
            and not (
                (m.method or "").endswith(":anaphor")
                and _CRITERIA_OWNER_BEFORE.search(text, view.sent.start, m.start)
            )
            # "Kiên Giang là một trong những tỉnh vùng Đồng bằng sông Cửu Long có …": the
            # region says where the unit lies; "Xã Mường Nhé được thành lập trên cơ sở sáp
            # nhập ba xã A, B và C, hiện có …": the units merged into the one named first
            and not self._described_or_merged(view, m)
        ]
        # "xã An Phú - huyện Mỹ Đức tỷ lệ 25,1%", "xã Tân Lập, Đan Phượng": a parent written
        # after its unit says where the unit is; the figure is the unit's
        places = [
            m
            for k, m in enumerate(places)
            if not (m.method or "").endswith(":parent")
            and not (k and self._parent_written_after(places[k - 1], m))
        ]
        if places:
            own = self._own_unit_in_a_list_of_placed_figures(view, fig, places[-1])
            if own is not None:
                return place_of(own), "sentence"
            owner = self._unit_of_the_level_after(view, fig, places)
            if owner is not None:
                return place_of(owner), "sentence"
            respective = self._respective_place(view, fig, places)
            if respective is not None:
                return place_of(respective), "sentence"
            last = places[-1]
            if last.method and last.method.endswith(":list") and last.attrs.get("commune"):
                # "tại 02 thôn A, B": a figure about several villages is about their commune
                commune = self._commune_named(last.attrs["commune"])
                if commune is not None:
                    return commune, "sentence"
            whole = self._whole_of_listed_units(view, fig, places)
            if whole is not None:
                return whole, "sentence"
            inside = self._unit_inside_right_after(
                view, fig, places, money=indicator == indicator_for("budget", "money")
            )
            if inside is not None:
                return place_of(inside), "sentence"
            if indicator in _DONE_SOMEWHERE:
                done_in = self._unit_where_it_was_done(view, fig, last)
                if done_in is not None:
                    return place_of(done_in), "sentence"
                scene = self._scene_of_the_sentence(view, fig)
                if scene is not None:
                    return place_of(scene), "sentence"
            return place_of(last), "sentence"
        if indicator in _DONE_SOMEWHERE:
            # "… vừa trích Quỹ … hỗ trợ xây 10 căn nhà cho hộ nghèo huyện Ninh Sơn": where
            # the houses stand, the sentence naming no unit before them
            done_in = self._unit_where_it_was_done(view, fig, None)
            if done_in is not None:
                return place_of(done_in), "sentence"
        after = [
            m
            for m in view.of("LOCALITY")
            if 0 <= m.start - fig.end <= 45
            # (not across a clause: "… hơn 21 tỷ đồng; tại huyện A Lưới, 325 căn …")
            and ";" not in text[fig.end : m.start]
            and regex.search(
                # "12 hộ nghèo ở thôn Nà Sài", "3,69% tổng số hộ toàn tỉnh Lâm Đồng"
                r"\b(?:ở|tại)\s*$|^\s*(?:so với\s+)?(?:tổng\s+)?số\s+hộ(?:\s+dân)?\s+"
                r"(?:toàn|của|trên địa bàn)\s*(?:toàn\s*)?$",
                text[fig.end : m.start],
                regex.I,
            )
        ]
        if after:  # "12 hộ nghèo ở thôn Nà Sài": the place written right after the counted noun
            return place_of(after[0]), "sentence"
        if regex.match(r"\s*(?:Để|Với)\b", text[view.sent.start : fig.start]) and not (
            # (a figure of the main clause after it, not of the purpose or the means: "Với sự
            # vào cuộc của …, năm 2023 đã có 1.250 hộ thoát nghèo, huyện Mường Lát …")
            _CLAUSE_COMMA.search(text, view.sent.start, fig.start)
        ):
            # "Để (thực hiện mục tiêu) đưa tỷ lệ hộ nghèo về 3,28% …, huyện Sông Hinh triển
            # khai …": the unit the main clause after the purpose names; so after a means
            # ("Với tổng nguồn vốn huy động … là 67,9 tỷ đồng …, xã An Bình đã hoàn thiện …")
            # (a clause's comma, not a later figure's decimal one: "… trên 23,6 tỷ đồng, xã …",
            # nor one that opens the means' parts: "…, trong đó nhân dân đóng góp …, xã …")
            clause = _CLAUSE_COMMA.search(text, fig.end, view.sent.end)
            comma = clause.start() if clause else -1
            main = [
                m
                for m in view.of("LOCALITY")
                if comma >= 0 and regex.fullmatch(r"[,\s]*", text[comma : m.start])
            ]
            if main:
                return place_of(main[0]), "sentence"
        if self.discourse.section_place is None and self.discourse.last_place is None:
            # "Hầu hết các xã …, tỷ lệ hộ nghèo … còn khoảng 35%; …, huyện Đà Bắc là 'vùng lõi
            # nghèo'": before the text has named any unit, the one its sentence names after
            # the figure, not the unit the text names most further on
            later = [
                m
                for m in view.of("LOCALITY")
                if m.start >= fig.end
                and m.attrs.get("level") in ("province", "district", "commune")
                and not named_in_passing(text, m)
                # only a unit that opens a clause of its own and is said to be something
                # ("…; …, huyện Đà Bắc là 'vùng lõi nghèo'"), not one named as an example, a
                # comparison or where money goes ("…, trong đó huyện Si Ma Cai giảm mạnh
                # nhất", "so với tỉnh Hà Giang", "phân bổ về huyện Bắc Hà")
                and _LEVEL_WORD_OPENING.match(m.text)
                and regex.search(r"[,;]\s*$", text[fig.end : m.start])
                and _DESCRIBED_AFTER.match(text, m.end, view.sent.end)
            ]
            if later:
                return place_of(later[0]), "sentence"
        if _THE_COUNTRYS_POOR_DISTRICTS.search(text, view.sent.start, fig.start):
            # "Tổng số hộ nghèo trên địa bàn 64 huyện nghèo … là 259.406 hộ": the country's
            return dict(COUNTRY), "sentence"
        if (
            _NATIONAL_SOURCE_OPENING.match(text, view.sent.start, fig.start)
            # (not "Theo Bộ Tài chính, năm 2023 tỉnh được phân bổ 500 tỷ đồng", "… ở địa bàn
            # này": the sentence speaks of a unit it does not name)
            and not _A_UNIT_SPOKEN_OF.search(text, view.sent.start, view.sent.end)
        ):
            # "Theo Bộ Kế hoạch và Đầu tư, tỷ lệ hộ nghèo … năm 2023 còn 2,93%" in a province's
            # report: a national source that names no unit gives the country's figure
            return dict(COUNTRY), "sentence"
        place = self._level_named(view, fig, self.discourse.place())
        if (
            place is None
            and _NATIONAL_BODY.search(text, view.sent.start, fig.start)
            and not _SUBNATIONAL.search(text, view.sent.start, fig.start)
        ):
            # "Thủ tướng Chính phủ phê duyệt Chương trình … tổng vốn 48.400 tỷ đồng", "Đoàn
            # giám sát của Quốc hội cho biết …" in a report that names no unit: the country's
            return dict(COUNTRY), "sentence"
        if (
            # (the outlet's province too, for a text that names no place at all)
            (place is None or self.names_no_place)
            and self.relays_a_national_source
            and not _SUBNATIONAL.search(text, view.sent.start, fig.start)
        ):
            # "Theo báo cáo của Tổng cục Thống kê …", "Báo cáo của Chính phủ …" in a text that
            # names no unit anywhere
            return dict(COUNTRY), "discourse"
        return place, "discourse" if place else "none"

    def _place_a_paragraph_elaborates(self, view: SentenceView) -> dict[str, Any] | None:
        """ "… tổng kế hoạch vốn … là 1.104.697 triệu đồng … ¶ Hỗ trợ phát triển … ở Hóa Sơn ¶
        Trong đó vốn … 20.910 triệu đồng": a paragraph that opens with "Trong đó" details the
        last figure before it, across lines with no figure (a photo's caption the page kept)
        that named another unit: the passage is again of the unit of that figure."""
        doc, text = self.doc, self.doc.text
        if (
            not self.facts
            or doc.blocks[view.sent.block].start != view.sent.start
            or not _ELABORATION_OPENING.match(text, view.sent.start)
        ):
            return None
        last = self.facts[-1]
        between = (last["evidence"]["end"], view.sent.start)
        inside = [m for m in doc.mentions if between[0] <= m.start and m.end <= between[1]]
        # the units the caption names: any but the last fact's own (figures that gave no
        # fact may stand before them, under the last fact's unit: "Ủy ban MTTQ tỉnh đã huy
        # động được 33,5 tỷ đồng … ¶ Ủy ban MTTQ huyện Hương Sơn khởi công … ¶ Trong đó, …")
        own = (last.get("locality") or {}).get("name")
        units = [m for m in inside if m.type == "LOCALITY" and m.attrs.get("name") != own]
        if (
            not units
            or any(
                m.type in ("QUANTITY", "PERCENT") and m.start >= self._line_start(units[0].start)
                for m in inside
            )
            # (a line that opens on its unit changes the subject, no caption: "Riêng huyện Mèo
            # Vạc, công tác giảm nghèo còn nhiều khó khăn. ¶ Trong đó, …", a heading "Huyện Bảo
            # Lạc")
            or any(
                _UNIT_OPENS_THE_LINE.fullmatch(text, self._line_start(m.start), m.start)
                for m in units
            )
        ):
            return None
        return last.get("locality")

    def _event_end(self, view: SentenceView) -> int:
        """Where to look for what dates a sentence's event: its own end, or for a headline (or
        a heading, which heads what follows too) the end of the lead after it ("Trao 8 căn nhà
        đại đoàn kết ¶ … Vừa qua, Ủy ban MTTQ huyện Như Thanh trao 8 căn nhà …")."""
        if (
            view.sent.end > _title_end(self.doc)
            and self.doc.blocks[view.sent.block].kind != "heading"
        ):
            return view.sent.end
        text = self.doc.text
        lead = next(
            (
                b
                for b in self.doc.blocks
                if b.start >= view.sent.end
                and b.kind == "body"
                and len(text[b.start : b.end].split()) >= LEAD_WORDS
            ),
            None,
        )  # (the lead, not a caption or a stamp under the headline)
        return lead.end if lead is not None else view.sent.end

    def _line_start(self, at: int) -> int:
        """Where the block holding offset `at` starts."""
        return next((b.start for b in self.doc.blocks if b.start <= at < b.end), at)

    def _unit_of_the_level_after(
        self, view: SentenceView, fig: Mention, places: list[Mention]
    ) -> Mention | None:
        """ "… ở thôn Sín Chải, xã Tả Gia Khâu là một trong 35 hộ vừa thoát nghèo của xã": the
        level word after the counted noun says which of the units named before it the figure
        is of."""
        text = self.doc.text
        stop = regex.search(r"[,;.:()]", text[fig.end : view.sent.end])
        end = fig.end + stop.start() if stop else view.sent.end
        owner = _LEVEL_WORD_AFTER.search(text, fig.end, end)
        if owner is None:
            return None
        level = _LEVEL_OF_WORD[owner.group("level").lower()]
        named = [
            m for m in view.of("LOCALITY") if m.end <= fig.start and m.attrs.get("level") == level
        ]  # (a parent written after its unit counts here: "thôn Sín Chải, xã Tả Gia Khâu")
        if not named or places[-1].attrs.get("level") == level:
            return None  # (the unit named last is of that level already)
        return named[-1]

    def _scene_of_the_sentence(self, view: SentenceView, fig: Mention) -> Mention | None:
        """ "Sáng 15/7, tại xã Thượng Trạch, Viện Kiểm sát nhân dân tỉnh Quảng Trị phối hợp với
        Tập đoàn … Việt Nam tổ chức lễ khởi công xây dựng 30 căn nhà cho các hộ nghèo": the
        commune or district a sentence opens on as its scene is where the houses it counts
        (or the money spent on them) are, not a unit in a giver's name after it."""
        units = [m for m in view.of("LOCALITY") if m.end <= fig.start]
        if not units or units[0].attrs.get("level") not in ("district", "commune", "village"):
            return None
        if not _SCENE_OPENING_BEFORE.search(self.doc.text[view.sent.start : units[0].start]):
            return None
        return units[0]

    def _unit_where_it_was_done(
        self, view: SentenceView, fig: Mention, named_before: Mention | None
    ) -> Mention | None:
        """ "Ủy ban MTTQ tỉnh Nghệ An bàn giao 3 nhà … cho các hộ nghèo ở Quỳ Hợp": houses
        built and money spent in a unit inside the one named before them (often the giver's,
        in its name) are that unit's."""
        text = self.doc.text
        for m in view.of("LOCALITY"):
            if not 0 <= m.start - fig.end <= WHERE_DONE_CHARS:
                continue
            between = text[fig.end : m.start]
            if (
                regex.search(r"[.;,]", between)
                or not (
                    _WHERE_DONE_BEFORE.search(between)
                    # "… cho người nghèo huyện Trà Bồng": the poor of a unit its level word names
                    or (
                        _POOR_OF_THE_UNIT_BEFORE.search(between)
                        and _LEVEL_WORD_OPENING.match(m.text)
                    )
                )
                or not (
                    regex.search(r"\bcho\b", between)  # "… cho các hộ nghèo ở Quỳ Hợp"
                    # "… bàn giao thêm 02 nhà đại đoàn kết tại xã Mỹ Phúc": the houses' unit
                    or (
                        fig.attrs.get("unit") == "houses"
                        and _HOUSES_KIND_THEN_WHERE.search(between) is not None
                        # (not the venue of houses for the whole unit: "… 20 căn nhà đại đoàn
                        # kết tại xã Quài Tở cho hộ nghèo trên địa bàn huyện", nor the first
                        # of several units)
                        and not _FOR_THE_WHOLE_UNIT_AFTER.match(text, m.end, view.sent.end)
                        and not self._first_of_several(view, m)
                    )
                    # "… làm nhà ở cho hơn 1.000 hộ nghèo huyện Điện Biên Đông": the households
                    # the houses are for, counted, then their unit
                    or (
                        fig.attrs.get("unit") == "households"
                        and regex.search(
                            r"\bcho\s*(?:các\s+)?" + _APPROX + r"$",
                            text[max(view.sent.start, fig.start - 30) : fig.start],
                        )
                    )
                )
            ):
                continue  # (not "…, nhiều nhất ở huyện Kỳ Sơn", "…, tập trung tại …")
            if self._first_of_several(view, m):
                # "… 2 nhà cho 2 hộ cận nghèo ở xã Hòa Tân Đông và phường Hòa Vinh": houses of
                # several units are the whole unit's, not the first one's; the parent the list
                # names after it ("… ở xã Mường So và xã Khổng Lào, huyện Phong Thổ") is it
                return self._parent_after_a_list(view, m)
            if named_before is None:
                return m  # (no unit before the figure to lie inside)
            outer = named_before.attrs.get("name")
            # ("… xây 2 ngôi nhà cho 2 hộ nghèo tại bản Huổi Én, xã Mường So": a village of
            # the commune named before)
            if outer and outer in (
                m.attrs.get("commune"),
                m.attrs.get("district"),
                m.attrs.get("province"),
            ):
                return m
            # "Quảng Ninh trao tặng … 200 căn nhà … cho hộ nghèo của tỉnh Điện Biên", "… 2 nhà cho
            # hộ nghèo xã Châu Hạnh … và 2 nhà cho hộ nghèo xã Tam Hợp": houses given to the poor
            # of another unit of the same level are the receiving unit's
            level = m.attrs.get("level")
            if (
                level in ("province", "district", "commune")
                and outer != m.attrs.get("name")
                and (
                    (
                        level == "province"
                        and named_before.attrs.get("province") != m.attrs.get("name")
                    )
                    or named_before.attrs.get("level") == level
                )
                and regex.search(r"\bcho\b", between)
            ):
                return m
        return None

    @cached_property
    def sentence_before(self) -> dict[int, Any]:
        """Each sentence's start and the sentence right before it."""
        sentences = self.doc.sentences
        return {b.start: a for a, b in itertools.pairwise(sentences)}

    @cached_property
    def names_no_place(self) -> bool:
        """A text that names no place and speaks of no unit ("toàn tỉnh", "của huyện"): what
        place its figures have comes from the outlet alone."""
        return not any(
            m.type == "LOCALITY" for m in self.doc.mentions
        ) and not _A_UNIT_SPOKEN_OF.search(self.doc.text)

    @cached_property
    def relays_a_national_source(self) -> bool:
        """A text that names no unit at all and relays a national source (the statistics
        office, the ministry, the living-standards survey): its figures are the country's."""
        return not any(m.type == "LOCALITY" for m in self.doc.mentions) and bool(
            _NATIONAL_SOURCE.search(self.doc.text)
        )

    def _described_or_merged(self, view: SentenceView, m: Mention) -> bool:
        """ "Kiên Giang là một trong những tỉnh … vùng ĐBSCL", "Xã Mường Nhé được thành lập
        trên cơ sở sáp nhập ba xã A, B và C", "Bình Dương … được tách ra từ tỉnh Sông Bé":
        a place that says where the unit lies or what it was made of, when the sentence names
        that unit, before them or after the list ("Sau khi hợp nhất 3 tỉnh A, B và C, tỉnh C
        mới hiện có …": a unit written with its level word after a comma opens a clause)."""
        text = self.doc.text

        def opens_a_clause(p: Mention) -> bool:
            return bool(
                regex.search(r",\s*$", text[view.sent.start : p.start])
                and _LEVEL_WORD_OPENING.match(p.text)
            )

        def described(p: Mention) -> bool:
            return bool(
                _DESCRIBED_OR_MERGED_BEFORE.search(text, view.sent.start, p.start)
            ) and not opens_a_clause(p)

        return described(m) and any(
            (other.end <= m.start or other.start >= m.end)
            and other.attrs.get("level") != "region"
            and not described(other)
            for other in view.of("LOCALITY")
        )

    def _whole_of_listed_units(
        self, view: SentenceView, fig: Mention, places: list[Mention]
    ) -> dict[str, Any] | None:
        """The unit above a list of two or more units of one level that ends the places before
        a figure said of them all: "… các huyện Bắc Trà My, Hiệp Đức, …, Núi Thành, với hơn 63
        tỷ đồng", "huyện Đạ Tẻh … tại các xã Đạ Pal, Quốc Oai, Đạ Lây với tổng kinh phí gần 2
        tỷ đồng", "Bình Phước có 3 huyện … gồm Lộc Ninh, Bù Gia Mập, Bù Đốp, …, dân số hơn 1
        triệu người". The unit named before the list above them, else their common parent.
        A figure right after the last unit ("…, Tịnh Biên 110 hộ") is that unit's own."""
        text = self.doc.text
        listed = [places[-1]]
        for m in reversed(places[:-1]):
            if not _LIST_JOIN.fullmatch(text, m.end, listed[0].start):
                break
            listed.insert(0, m)
        level = listed[-1].attrs.get("level")
        if len(listed) < UNITS_OF_A_JOINT_SUM or level not in ("commune", "district", "province"):
            return None
        if any(m.attrs.get("level") != level for m in listed):
            return None
        if fig.attrs.get("unit") != "VND" and not _SAID_OF_THEM_ALL.match(
            text, listed[-1].end, fig.start
        ):
            return None
        above = [
            m
            for m in places
            if m.end <= listed[0].start
            and LEVEL_RANK.get(m.attrs.get("level", ""), -1) > LEVEL_RANK[level]
        ]
        if above:
            return place_of(above[-1])
        parents = {m.attrs.get("district") for m in listed} if level == "commune" else set()
        if len(parents) == 1 and None not in parents:
            found = _district_place(parents.pop(), listed[-1].attrs.get("province"))
            if found is not None:
                return found
        provinces = {m.attrs.get("province") for m in listed}
        if level != "province" and len(provinces) == 1:
            return _province_place(provinces.pop())
        return None

    def _year_a_plan_is_for(self, view: SentenceView) -> Mention | None:
        """ "các đại biểu thống nhất các chỉ tiêu, nhiệm vụ năm 2022.": the one year a plan the
        sentence sets out (and reports no figure of) is for."""
        text = self.doc.text
        if view.of("QUANTITY", "PERCENT"):
            return None
        years = [
            t
            for t in view.of("TIME")
            if set(t.attrs) == {"year"}
            and self.usable_time(t, view.sent.start)
            and _TARGET_BEFORE.search(text, view.sent.start, t.start)
        ]
        return years[-1] if len(years) == 1 else None

    def _opening_time(self, view: SentenceView, named: list[Mention]) -> Mention | None:
        """ "Năm 2019, …", "Trong năm 2023, …" opening a paragraph: one year, written first and
        set off by a comma, that frames what the paragraph goes on to report."""
        text = self.doc.text
        first = named[:1]
        if not first or set(first[0].attrs) != {"year"}:
            return None  # (not a period, a relative time, nor an event's day: "Ngày 12/11/2024, …")
        t = first[0]
        if not _PARAGRAPH_OPENING_TIME_BEFORE.fullmatch(text, view.sent.start, t.start):
            return None
        if not regex.match(r"\s*,", text[t.end : t.end + 3]):
            return None
        # (a year that reviews what was achieved, not one that sets a scene: "Năm 2010, xã
        # được đưa vào danh sách xã đặc biệt khó khăn", "Năm 2016, huyện bắt đầu triển khai …")
        if not _YEAR_REVIEWED_AFTER.search(text, t.end, view.sent.end):
            return None
        return t

    def _year_of_a_plan(self, t: Mention, sent: Any) -> bool:
        """ "Năm 2025, mục tiêu giảm nghèo …": the year of a plan dates no later statement;
        "Năm 2023, kế hoạch giảm nghèo đã hoàn thành, đạt 105%" reports the year's result."""
        text = self.doc.text
        plan = _TARGET_BEFORE.match(
            text, regex.match(r"[\s,:]*", text[t.end : sent.end]).end() + t.end
        )
        if plan is None:
            return False
        return not (
            _DONE.search(text, plan.end(), sent.end)
            or _PLAN_REPORTED_MET.search(text, plan.end(), sent.end)
        )

    def _village_the_sentence_is_about(self, view: SentenceView) -> Mention | None:
        """ "Thôn Nà Hin hiện có 52 hộ, …", "Khu dân cư thôn Thiện Cư có 268 hộ …", "Đến nay,
        thôn có 21 hộ …": a sentence whose subject is a village (by its name, or by its level
        word after the text named it) makes the village the passage's unit, so the next
        sentences' figures ("Tỷ lệ hộ nghèo giảm xuống còn 08 hộ") are the village's."""
        text, s0 = self.doc.text, view.sent.start
        if not any(
            view.sent.start <= f["evidence"]["start"] < view.sent.end for f in self.facts[-8:]
        ):
            # (an event, "Chiều 10/4, thôn Nà Hin … tổ chức lễ khánh thành …", or money for a
            # road, "thôn Nà Hin được hỗ trợ 500 triệu đồng làm đường": no figure of its own)
            return None
        opening = _OPENING_PHRASE.match(text, s0, view.sent.end)
        start = opening.end() if opening else s0
        for m in view.of("LOCALITY"):
            if (
                m.attrs.get("level") == "village"
                and regex.fullmatch(r"\s*(?:khu dân cư\s+)?", text[start : m.start], regex.I)
                and _VILLAGE_SUBJECT_VERB_AFTER.match(text, m.end, view.sent.end)
            ):
                return m
        if _BARE_VILLAGE_SUBJECT.match(text, start, view.sent.end):
            return self._last_village_before(s0)
        return None

    def _last_village_before(self, at: int) -> Mention | None:
        """The village the text named last before offset `at`."""
        villages = [
            m
            for m in self.doc.mentions
            if m.type == "LOCALITY" and m.attrs.get("level") == "village" and m.end <= at
        ]
        return villages[-1] if villages else None

    def _village_named_last(self, view: SentenceView, fig: Mention) -> Mention | None:
        """ "Cuối năm 2022, làng còn 30 hộ nghèo" after "Tại làng Đê Kôn …": the village the
        text named last, when the level word opens the sentence or a clause."""
        before = self.doc.text[view.sent.start : fig.start]
        cue = _UNNAMED_VILLAGE_BEFORE.search(before)
        if cue is None or before[: cue.start()].rstrip()[-1:] not in ("", ",", ";", ":"):
            return None
        # ("Kon Sơ Lăl là làng … cao nhất xã Hà Tây. Làng có 119/126 hộ": a commune named
        # since is the village's own, so the last village stands)
        return self._last_village_before(fig.start)

    def _unnamed_units(self, view: SentenceView, start: int, end: int) -> list[regex.Match[str]]:
        """The bare level nouns between `start` and `end` that name the report's unit of their
        level ("Năm 2024, huyện phấn đấu …"), not a giver whose clause, to the sentence's end,
        names the lower unit it gives to ("Năm 2023 tỉnh đã khởi công 120 căn nhà tại huyện")."""
        text = self.doc.text
        return [
            m
            for m in _UNNAMED_UNIT_BEFORE.finditer(text, start, end)
            if not _GIVES_TO_A_LOWER_UNIT_AFTER.match(text, m.end(), view.sent.end)
        ]

    def _level_named(
        self, view: SentenceView, fig: Mention, place: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """ "toàn tỉnh còn 865 hộ nghèo" in a passage about a district: the unit the sentence
        names by its level alone is the one above; "làng còn 30 hộ nghèo": the village the
        text named last."""
        village = self._village_named_last(view, fig)
        if village is not None:
            return place_of(village)
        officials = [(m.start, m.end) for m in view.of("OFFICIAL", "PERSON")]
        unnamed = (
            [
                m.group("level").lower()
                for m in self._unnamed_units(view, view.sent.start, fig.start)
                if not any(a <= m.start() < b for a, b in officials)
            ]
            or [
                # "Với tổng kinh phí gần 2 tỷ đồng …, huyện đã triển khai …", "… còn 2,03%; đặc
                # biệt huyện không còn hộ nghèo …": the clause after the figure whose subject is a
                # bare level noun names the unit of that level
                m.group("level").lower()
                for m in self._unnamed_units(view, fig.end, view.sent.end)
                if self.doc.text[m.start()] in ",;:"
                and not any(a <= m.start() < b for a, b in officials)
                # (not a part's giver: "Tổng kinh phí … 3,01 tỷ đồng; trong đó, tỉnh hỗ trợ …")
                and not _BREAKDOWN_OPENER.search(self.doc.text, fig.end, m.start() + 1)
                and self._clause_of_a_bare_unit_says_no_figure(view, m.end())
            ][:1]
        )
        if not unnamed or place is None:
            return place
        level = {"tỉnh": "province", "huyện": "district"}.get(unnamed[-1], "commune")
        below = _LEVEL_WORD_AFTER.search(self.doc.text, fig.end, view.sent.end)
        if (
            below is not None
            and LEVEL_RANK[_LEVEL_OF_WORD[below.group("level").lower()]] < LEVEL_RANK[level]
        ):
            # "Huyện đã hỗ trợ xây mới 25 căn nhà cho hộ nghèo của xã": the giver names its
            # level, the households the unit below it the passage is about
            return place
        if LEVEL_RANK.get(place.get("level", ""), -1) > LEVEL_RANK[level]:
            # "huyện sửa chữa mới 185 căn nhà" in a passage placed at its province: the unit of
            # that level the text named last (in that province); "Riêng Bình Dương … . Cuối năm
            # 2014, toàn tỉnh còn 3.197 hộ nghèo" after the country's figures: the province
            province = place.get("name") if place.get("level") == "province" else None
            named = [
                m
                for m in self.doc.mentions
                if m.type == "LOCALITY"
                and m.end <= fig.start
                and m.attrs.get("level") == level
                and (province is None or m.attrs.get("province") == province)
                and not named_in_passing(self.doc.text, m)
            ]
            if named:
                return place_of(named[-1])
        if place.get("level") == "village":
            # "Thôn Nà Hin có 268 hộ … ¶ Năm 2023, xã giảm 45 hộ nghèo", "… ¶ Năm 2024, huyện
            # phấn đấu …": a unit above the village the passage is about is never the village;
            # its own parent of that level, else the last unit of that level the text named,
            # else the text's own unit
            named = [
                m
                for m in self.doc.mentions
                if m.type == "LOCALITY"
                and m.end <= fig.start
                and m.attrs.get("level") == level
                and not m.attrs.get("anaphor")
                and not named_in_passing(self.doc.text, m)
            ]
            own = [m for m in named if m.attrs.get("name") == place.get(level)]
            if own or named:
                return place_of((own or named)[-1])
            parent = (
                _district_place(place.get("district"), place.get("province"))
                if level == "district"
                else _province_place(place.get("province"))
                if level == "province"
                else None
            )
            main = self.discourse.main_place
            return parent or (main if main and main.get("level") != "village" else None)
        if LEVEL_RANK.get(place.get("level", ""), 9) >= LEVEL_RANK[level]:
            return place  # "toàn xã" (the last named) in a commune's passage: the commune's
        if level == "province":
            return (
                self._province_named_for(place, fig)
                or _province_place(self._province_of_its_time(place.get("province")))
                or place
            )
        return _district_place(place.get("district"), place.get("province")) or place

    def _clause_of_a_bare_unit_says_no_figure(self, view: SentenceView, start: int) -> bool:
        """ "…; đặc biệt huyện không còn hộ nghèo …" speaks of the unit as a whole; a clause
        with a figure of its own ("…, huyện đạt 18,2%", "…; tỉnh đã bố trí 200 tỷ đồng") is
        a comparison or a giver, and one that names a unit below ("huyện đang phấn đấu đưa
        xã ra khỏi …") keeps the figure the lower unit's."""
        text = self.doc.text
        end = min(
            [i for i in (text.find(c, start, view.sent.end) for c in ",;.") if i >= 0]
            or [view.sent.end]
        )
        return not any(
            start <= m.start < end for m in view.of("QUANTITY", "PERCENT")
        ) and not regex.search(r"\b(?:xã|thôn|bản|ấp|làng|phường|thị trấn)\b", text[start:end])

    def _province_of_its_time(self, province: str | None) -> str | None:
        """A pre-2025 province as a text published from 1 July 2025 calls it: the province
        it is part of since (a commune of Hòa Bình in a report of September 2025 is in Phú
        Thọ)."""
        if not province or era_of(self.doc.meta.published) == "pre2025":
            return province
        return next(iter(_merged_into(province)), province)

    def _province_named_for(self, place: dict[str, Any], fig: Mention) -> dict[str, Any] | None:
        """ "Chương trình … của tỉnh Lào Cai … Tại xã Bản Phố … Tỉnh đã bố trí 215 tỷ đồng":
        the province the text named, where the carried unit lies in it (in a text published
        from 1 July 2025, or in the province its old one is part of since)."""
        own = place.get("province")
        if not own:
            return None
        keys = {ascii_key(own)}
        if era_of(self.doc.meta.published) != "pre2025":
            keys |= {ascii_key(name) for name in _merged_into(own)}
        named = [
            m
            for m in self.doc.mentions
            if m.type == "LOCALITY"
            and m.end <= fig.start
            and m.attrs.get("level") == "province"
            and ascii_key(m.attrs.get("name") or "") in keys
            and not named_in_passing(self.doc.text, m)
        ]
        return place_of(named[-1]) if named else None

    def _parent_written_after(self, unit: Mention, m: Mention) -> bool:
        name = m.attrs.get("name")
        between = self.doc.text[unit.end : m.start]
        if (
            name
            # ("Tại thôn Đông, xã Tam Hưng có 56 hộ": the village's commune)
            and name
            in (unit.attrs.get("commune"), unit.attrs.get("district"), unit.attrs.get("province"))
            and _PARENT_JOINED_AFTER.fullmatch(between)
        ):
            return True
        # "Xóm Vũ Ngược xã Minh Thanh có 62 hộ", "xã Minh Thanh huyện Nguyên Bình có …": a unit
        # of a higher level, with its level word, written right after another says where that
        # one lies, whatever unit of the name the gazetteer would take alone; not where the
        # gazetteer knows the first unit and none of its name lies there ("ngoài thị trấn
        # Nguyên Bình, huyện Bảo Lạc cũng …": the district opens a clause of its own)
        level = unit.attrs.get("level") or ""
        rank = LEVEL_RANK.get(m.attrs.get("level") or "", -1)
        if not (
            rank > LEVEL_RANK.get(level, rank)
            and (not between.strip() or _PARENT_JOINED_AFTER.fullmatch(between) is not None)
            and _LEVEL_WORD_OPENING.match(m.text) is not None
        ):
            return False
        own = unit.attrs.get("name")
        if level == "village":
            # (villages are not in the gazetteer: only a unit right after, with no comma, is
            # surely its parent; "Từ mô hình ở bản Nậm Khao, huyện Mường Tè đã nhân rộng …")
            return not between.strip()
        if not own:
            return True
        known = get_gazetteer().lookup(own, level)
        written = ascii_key(m.attrs.get("name") or "")  # (spaces apart: "Si MaCai")
        return not known or any(
            parent and ascii_key(parent) == written
            for u in known
            for parent in (u.district, u.province)
        )

    def _own_unit_in_a_list_of_placed_figures(
        self, view: SentenceView, fig: Mention, last: Mention
    ) -> Mention | None:
        """ "Trong đó, 3 căn tại xã Hòa Tân, 1 căn ở xã An Nhơn và 1 căn ở xã An Khánh": when
        the unit named before a figure is itself written right after an earlier figure (that
        figure's own unit), and this figure too has a unit of that level written right after
        it, each figure is of its own unit, not of the one before."""
        text = self.doc.text
        if not any(
            m.end <= last.start and _UNIT_RIGHT_AFTER_THE_FIGURE.fullmatch(text, m.end, last.start)
            for m in view.of(fig.type)
        ):
            return None
        return next(
            (
                m
                for m in self._units_written_right_after(view, fig)
                if m.attrs.get("level") == last.attrs.get("level")
            ),
            None,
        )

    def _respective_place(
        self, view: SentenceView, fig: Mention, places: list[Mention]
    ) -> Mention | None:
        """ "Xã Triệu Nguyên và Ba Lòng … là 0,52% và 1,55%": a run of places and a run of
        figures as long, each joined by commas and "và": the figures go with the places in
        order."""
        text = self.doc.text
        joined = r"\s*(?:,|và|,\s*và)\s*"
        listed = [places[-1]]
        for m in reversed(places[:-1]):
            if not regex.fullmatch(
                joined + r"(?:(?:xã|huyện|phường|thị trấn)\s+)?",
                text[m.end : listed[0].start],
                regex.I,
            ):
                break
            listed.insert(0, m)
        if len(listed) < 2:
            return None
        figures = [m for m in view.of(fig.type) if m.start >= listed[-1].end]
        k = next((i for i, m in enumerate(figures) if m is fig), None)
        if k is None:
            return None
        run = [k]
        while run[0] > 0 and regex.fullmatch(
            joined + _APPROX, text[figures[run[0] - 1].end : figures[run[0]].start]
        ):
            run.insert(0, run[0] - 1)
        while run[-1] + 1 < len(figures) and regex.fullmatch(
            joined + _APPROX, text[figures[run[-1]].end : figures[run[-1] + 1].start]
        ):
            run.append(run[-1] + 1)
        if len(run) != len(listed):
            return None
        return listed[run.index(k)]

    def _note_plan_header(self, view: SentenceView) -> None:
        """ "Mục tiêu đến năm 2030 của tỉnh: ¶ - Tỷ lệ hộ nghèo giảm … ¶ - Thu nhập …", "Huyện
        phấn đấu đến năm 2025 đạt các chỉ tiêu sau. …": a plan word before a colon (or a
        "sau" that closes the sentence) with no figure before it announces the plan its next
        lines list; a heading of results ("Kết quả thực hiện các chỉ tiêu năm 2023 như
        sau:") or of a year gone by announces none."""
        text = self.doc.text
        sent = view.sent
        said = text[sent.start : sent.end].rstrip()
        colon = said.rfind(":")
        # (a colon the sentence's own items follow: only one the sentence ends with, or one a
        # line break follows, opens lines of a list)
        if (
            colon >= 0
            and said[colon + 1 :].strip()
            and not regex.match(r"[ \t]*\n", said[colon + 1 :])
        ):
            colon = -1
        if colon < 0 and _PLAN_HEADER_CLOSING.search(said):
            colon = len(said)
        if colon < 0:
            return
        head_end = sent.start + colon
        figures = [m for m in view.of("QUANTITY", "PERCENT") if m.start < head_end]
        plan = [c for c in find_cues(text, sent.start, head_end) if c.kind == "target"]
        if (
            figures
            or not plan
            or _DONE.search(text, sent.start, head_end)
            or self._dated_before_writing(view, sent.start, head_end)
        ):
            return
        self.plan_header = plan[0]
        self.plan_header_block = sent.block
        deadlines = [t for t in view.of("TIME") if t.start < head_end and _year_of(t)]
        self.plan_header_time = deadlines[-1] if deadlines else None

    def _end_plan_header_after(self, view: SentenceView) -> None:
        """A plan header closed on "sau." lists its items in the sentences right after it,
        short ones of figures; a sentence that reports ("Toàn huyện còn 4.120 hộ nghèo, …
        hiện nay", "đã bàn giao") or names no figure ends the list."""
        if self.plan_header is None or view.sent.block != self.plan_header_block:
            return
        text = self.doc.text
        said = text[view.sent.start : view.sent.end]
        if (
            not view.of("QUANTITY", "PERCENT")
            or len(said.split()) > PLAN_ITEM_WORDS
            or _DONE.search(said)
            or any(_year_of(t) for t in view.of("TIME"))
            # ("Toàn huyện còn 4.120 hộ nghèo": a unit that opens a sentence reports on it)
            or _UNIT_OPENING.match(said)
        ):
            self.plan_header = None
            self.plan_header_time = None

    def _continue_plan_header(self, block: int) -> None:
        """At a new paragraph: a plan header's list goes on through the paragraph right after
        it and the list items that follow; any other paragraph ends it."""
        if self.plan_header is None:
            return
        start = self.doc.blocks[block].start
        text = self.doc.text
        if block == self.plan_header_block + 1 or (
            _LIST_ITEM.match(text, start)
            or _SUB_ITEM.match(text, start)
            or _NUMBERED_ITEM.match(text, start)
        ):
            return
        self.plan_header = None
        self.plan_header_time = None

    def _enter_list_item(self, start: int, end: int) -> None:
        """At a new paragraph: a "- …" item sets the group its "+ …" sub-items are of (its
        last group cue, or none); any other paragraph but a sub-item ends it. A numbered
        heading ("2. Dân tộc Thái 155.639 hộ, …") sets the group of the "- …" items under it
        the same way."""
        text = self.doc.text
        numbered = _NUMBERED_ITEM.match(text, start)
        if numbered:
            # only a group the heading opens with ("2. Dân tộc Thái …"), not one its
            # sentence mentions ("1. Năm 2022, tỉnh đã hỗ trợ 500 hộ DTTS vay vốn …")
            opening = [
                c
                for c in find_cues(text, numbered.end() - 1, end)
                if c.kind == "group" and c.start == numbered.end() - 1
            ]
            self.heading_group = _group_named(text, opening[0]) if opening else None
            self.item_group = None
            return
        if not (_LIST_ITEM.match(text, start) or _SUB_ITEM.match(text, start)):
            self.heading_group = None
        if _LIST_ITEM.match(text, start):
            # the item's head names the group, not its details ("- Khu vực nông thôn: 5,2%;
            # trong đó hộ DTTS …")
            head = regex.search(r":|\b(?:[Tt]rong đó|[Cc]ụ thể)\b", text[start:end])
            groups = [
                c
                for c in find_cues(text, start, start + head.start() if head else end)
                if c.kind == "group"
            ]
            self.item_group = _group_named(text, groups[-1]) if groups else None
        elif not _SUB_ITEM.match(text, start):
            self.item_group = None

    def _for_each_listed(
        self, view: SentenceView, fig: Mention, fact: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """ "Các huyện Vân Canh, Vĩnh Thạnh và An Lão phấn đấu … dưới 6%", "Bình Dương và
        TP. HCM là 2 địa phương duy nhất có tỷ lệ hộ nghèo 0%": the fact, given to the last
        unit of the list, holds for each of the others too (a figure of the units together,
        "tại hai huyện A và B", names them as its group instead)."""
        text = self.doc.text
        places = [m for m in view.of("LOCALITY") if m.end <= fig.start]
        each = (
            _EACH_UNIT_BEFORE.search(
                text, max(view.sent.start, fig.start - EACH_UNIT_CHARS), fig.start
            )
            if fig.type == "QUANTITY"
            else None
        )
        if each is None and fig.attrs.get("each"):
            # "ở các huyện Duy Xuyên, Đại Lộc và thị xã Điện Bàn (5 ngôi nhà/địa phương)"
            listed = self._listed_for_each(view, fig)
            if not listed:
                return []  # (read_figure drops a figure per unit with no list first)
            fact["locality"] = place_of(listed[-1])
            return [{**copy.deepcopy(fact), "locality": place_of(m)} for m in listed[:-1]]
        if each is not None:
            # "các xã: Phú Thuận, Vĩnh Khánh, Vĩnh Phú, mỗi xã 5 căn", "Cẩm Giang, Bàu Đồn
            # (mỗi xã 1 căn)": a count each of the units listed right before gets; the fact is
            # theirs, one each, not the passage's ("mỗi nơi" lists units of mixed kinds)
            listed = self._listed_before(places, any_level=each.group("any_kind") is not None)
            if len(listed) < 2 or not regex.fullmatch(
                r"\s*[,(]?\s*", text[places[-1].end : each.start()]
            ):
                return []
            if fact.get("group") and listed[-1].text in fact["group"]:
                fact["group"] = None  # ("4 huyện A, B, C và D, mỗi huyện 17 căn": no group)
            fact["locality"] = place_of(listed[-1])
            return [{**copy.deepcopy(fact), "locality": place_of(m)} for m in listed[:-1]]
        said_per_head = fig.type == "PERCENT" or fact["indicator"] == indicator_for(
            "income", "money"
        )
        if not said_per_head or fact.get("group") or not fact.get("locality"):
            return []  # a count or a sum of listed units is all of theirs together
        # (a range is the spread of the units' rates, no rate of each: "từ 9,67% đến 27,74% là
        # Long Đống, Trấn Yên, …")
        bound = _is_a_bound(text, fig)
        # ("… Mường Nhé, Nậm Pồ, Tủa Chùa với tỷ lệ lần lượt 40,2%, 38,1% và 35,6%": each its own)
        respectively = bool(_RESPECTIVELY.search(text, view.sent.start, view.sent.end))
        named_after = self._listed_after_a_rate(view, fig) if bound and not respectively else []
        if named_after:
            # "Nhiều địa phương có tỷ lệ hộ nghèo dưới 1% như Bình Dương, Đồng Nai, Hà Nội",
            # "3 xã tỷ lệ hộ nghèo chiếm hơn 50% gồm A Rooi, A Ting, Jơ Ngây": the units the
            # threshold sorts out, each with it
            fact["locality"] = place_of(named_after[0])
            return [{**copy.deepcopy(fact), "locality": place_of(m)} for m in named_after[1:]]
        if not places or place_of(places[-1]).get("name") != fact["locality"].get("name"):
            return []
        listed = self._listed_before(places)
        if len(listed) < 2:
            return []
        clause = _clause_start(text, view.sent.start, listed[0].start, marks=";:")
        if _JOINT_FIGURE_OF_THE_LISTED.search(text, clause, fig.start):
            # "tỷ lệ hộ nghèo bình quân của các huyện như A, B, C là …", "A và B còn 900 hộ,
            # chiếm 4%": the units' figure together
            return []
        opened = _EACH_OF_THE_LISTED_BEFORE.search(
            text, max(view.sent.start, listed[0].start - 20), listed[0].start
        )
        # the list opens the sentence or a clause ("Năm 2023, các huyện A, B …"), not "tỷ lệ
        # hộ nghèo của các huyện A và B" (the units' figure together)
        lead = text[view.sent.start : opened.start() if opened else listed[0].start].rstrip()
        opens_a_clause = not lead or lead[-1] in ",;:"
        # a bound said of units named after their kind ("Các tỉnh, thành phố như Hà Nội, Cần
        # Thơ, Long An có tỷ lệ hộ nghèo chỉ còn dưới 1%") or of a bare list of them opening the
        # clause ("Quản Bạ, Yên Minh, Đồng Văn có tỷ lệ hộ nghèo trên 30%"): each one's; an
        # exact figure of such a list is their figure together
        named_as_examples = bool(_UNITS_NAMED_AS_EXAMPLES_BEFORE.search(lead))
        bare_list = opens_a_clause and len(listed) >= EACH_OF_A_BARE_LIST
        said_of_each = (opened is not None and opens_a_clause) or (
            bound and (named_as_examples or bare_list)
        )
        if _EACH_OF_THE_LISTED_AFTER.match(text, listed[-1].end, fig.start):
            said_of_each = True  # "lần lượt là: A, B, C và D (đều trên 20%)"
        elif respectively:
            said_of_each = False
        if not said_of_each:
            return []
        return [{**copy.deepcopy(fact), "locality": place_of(m)} for m in listed[:-1]]

    def _listed_after_a_rate(self, view: SentenceView, fig: Mention) -> list[Mention]:
        """ "Nhiều địa phương có tỷ lệ hộ nghèo dưới 1% như Bình Dương, Đồng Nai và Hà Nội",
        "3 xã … hơn 50% gồm A Rooi, A Ting": units of one level listed right after a bound
        (`như`, `gồm`, `là`) that the clause says sorts several units, not a unit's own rate
        ("tỷ lệ hộ nghèo toàn huyện còn 40,2%, gồm các xã …")."""
        text = self.doc.text
        clause = _clause_start(text, view.sent.start, fig.start)
        if not _SEVERAL_UNITS.search(text, clause, fig.start):
            return []
        after = [m for m in view.of("LOCALITY") if m.start >= fig.end]
        if not after or not _UNITS_LISTED_AFTER_A_RATE.fullmatch(text, fig.end, after[0].start):
            return []
        listed = [after[0]]
        for m in after[1:]:
            if not _PLAIN_LIST_JOIN.fullmatch(text, listed[-1].end, m.start):
                break
            listed.append(m)
        if len(listed) < 2 or len({m.attrs.get("level") for m in listed}) != 1:
            return []
        return listed

    def _listed_for_each(self, view: SentenceView, fig: Mention) -> list[Mention]:
        """The units a figure "per unit" is each one's: "các huyện A, B và thị xã C (5 ngôi
        nhà/địa phương)", "các xã A, B với 2 tỷ đồng/đơn vị"; a list of units of any kind that
        ends right before the figure ("/xã" is a unit of its own, patterns/units.jsonl)."""
        text = self.doc.text
        places = [m for m in view.of("LOCALITY") if m.end <= fig.start]
        listed = self._listed_before(places, any_level=True)
        if len(listed) < 2 or not regex.fullmatch(
            r"\s*(?:[,(:]|với)?\s*", text[places[-1].end : fig.start]
        ):
            return []
        return listed

    def _listed_before(self, places: list[Mention], any_level: bool = False) -> list[Mention]:
        """The last places, joined by commas or "và", if all of one level ("các xã A, B và
        C") or `any_level`; else no list."""
        if not places:
            return []
        text = self.doc.text
        listed = [places[-1]]
        for m in reversed(places[:-1]):
            if not _PLAIN_LIST_JOIN.fullmatch(text, m.end, listed[0].start):
                break
            listed.insert(0, m)
        if any_level:
            # "xã Mường Cơi, huyện Phù Yên và xã Tà Xùa, huyện Bắc Yên, mỗi địa phương 10 căn":
            # a district written after its commune says where the commune is; not an item
            return [
                m
                for k, m in enumerate(listed)
                if not (k and self._parent_written_after(listed[k - 1], m))
            ]
        return listed if len({m.attrs.get("level") for m in listed}) == 1 else []

    def _is_unit_list(self, places: list[Mention]) -> bool:
        """ "tại hai huyện Trạm Tấu và Mù Cang Chải": the last places form a list joined by
        "và" or commas, so no one of them is what the passage speaks of."""
        text = self.doc.text
        return len(places) >= 2 and bool(
            regex.fullmatch(
                r"\s*(?:,|và|,\s*và)\s*(?:\p{L}+\s+){0,2}?",
                text[places[-2].end : places[-1].start],
                regex.I,
            )
        )

    def _commune_named(self, name: str) -> dict[str, Any] | None:
        for m in self.doc.mentions:
            if (
                m.type == "LOCALITY"
                and m.attrs.get("level") == "commune"
                and m.attrs.get("name") == name
            ):
                return place_of(m)
        return None

    # ------------------------------------------------------------------ the pass
    def _rates_without_their_sign(self) -> None:
        """ "giảm tỷ lệ hộ nghèo xuống còn 2,48": a decimal under 100 with no unit, right
        after a poverty rate's verb, is the rate with its '%' left out."""
        text = self.doc.text
        for m in self.doc.mentions:
            value = m.attrs.get("value")
            if (
                m.type == "QUANTITY"
                and m.attrs.get("unit") is None
                and isinstance(value, float)
                and 0 < value < 100
                and not m.attrs.get("range")
                and _RATE_WITHOUT_ITS_SIGN_BEFORE.search(text, max(0, m.start - 80), m.start)
                and regex.match(r"\s*(?:[,.;()]|và\b|$)", text[m.end : m.end + 5])
            ):
                m.type = "PERCENT"
                m.attrs = {k: v for k, v in m.attrs.items() if k != "unit"} | {"per_year": False}
                m.method = "numbers/v1:percent-without-its-sign"

    def _money_without_its_unit(self) -> None:
        """ "ngân sách huyện là 650 triệu, nguồn xã hội hoá 380 triệu": an amount in bare
        millions in a clause that names money is in đồng, read as any amount written so (an
        income's bare millions keep their own reading, `money-income-in-bare-millions`)."""
        text = self.doc.text
        for m in self.doc.mentions:
            if (
                m.type == "QUANTITY"
                and _in_bare_millions(m)
                and not m.attrs.get("range")
                and _MONEY_IN_BARE_MILLIONS_BEFORE.search(text, max(0, m.start - 100), m.start)
                and not _INCOME_IN_BARE_MILLIONS_BEFORE.search(text, max(0, m.start - 160), m.start)
                and _BARE_MILLIONS_MONEY_ENDS_AFTER.match(text, m.end, m.end + 20)
            ):
                m.attrs = m.attrs | {"unit": "VND"}
                m.method = "numbers/v1:money-without-its-unit"

    def run(self) -> list[dict[str, Any]]:
        doc = self.doc
        self._rates_without_their_sign()
        self._money_without_its_unit()
        by_sentence: dict[int, list[Mention]] = {i: [] for i in range(len(doc.sentences))}
        starts = [s.start for s in doc.sentences]
        for m in doc.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < doc.sentences[i].end:
                if (
                    m.type == "LOCALITY" or (m.type == "TIME" and _period_of(m) is not None)
                ) and _in_a_quoted_title(doc.text, doc.sentences[i], m):
                    continue  # "Đề án 61 về “… giai đoạn 2010-2020”": a name's, dates nothing
                by_sentence[i].append(m)
        officials_by_block = self._section_heads()
        # the year the text was written: its date, else the year its body names most
        now = int(doc.meta.published[:4]) if doc.meta.published else self.reference_year
        recent: list[list[Mention]] = []  # the times of the paragraph's last sentences
        self.earlier_times: list[Mention] = []  # the times of the last earlier paragraph naming one
        self.paragraph_time: Mention | None = None  # the year the current paragraph opens with
        self.plan_time: Mention | None = None  # the year of a plan the last sentence set out
        self.plan_of_tasks = False  # whether that year is of the tasks a review set out
        self.block_subject: Cue | None = None
        self.previous_block_subject: Cue | None = None
        self.block_start = -1  # where the current paragraph's first sentence starts
        self.poverty_named = False  # whether the sentence just linked names poverty
        self.sentence_subject: Cue | None = None  # the last sentence's category, for its parts
        # the category a sentence framed as the paragraph's topic ("Đối với hộ cận nghèo, …"):
        # the sentences after it that name none continue it
        self.topic_subject: Cue | None = None
        self.item_group: str | None = None  # the group a "- …" item names, for its "+ …" items
        self.heading_group: str | None = None  # the group a "2. …" heading names, for its items
        self.breakdown_group: str | None = None  # the group of the figure a breakdown breaks down
        self.block_disbursement = False
        current_block = -1
        for sent, sent_mentions, continued in self._linking_units(by_sentence):
            block = doc.blocks[sent.block]
            if sent.block != current_block:
                flashback = current_block >= 0 and bool(
                    _FLASHBACK_OPENING.match(doc.text, doc.blocks[current_block].start)
                )
                current_block = sent.block
                self.block_start = sent.start
                # (an open span's start dates no later paragraph unless it points back at it)
                looks_back = bool(_YEAR_POINTED_BACK_AT.match(doc.text, sent.start))
                block_named = [
                    t
                    for times in recent
                    for t in times
                    if looks_back or not self._where_an_open_span_starts(t)
                ]
                if block_named and not flashback:
                    # (a paragraph opening "Trước đó, …" looks back: its times date nothing after it)
                    self.earlier_times = block_named
                recent = []
                # "Trong đó, các xã … giảm 4%/năm" opening the next paragraph continues it
                self.previous_block_subject = self.block_subject or self.previous_block_subject
                self.block_subject = None
                self.topic_subject = None
                self.block_disbursement = False
                self._continue_plan_header(sent.block)
                if sent.block in officials_by_block:
                    self.discourse.section_place = officials_by_block[sent.block]
                self._enter_list_item(block.start, block.end)
            view = SentenceView(doc, sent, sent_mentions)
            elaborated = self._place_a_paragraph_elaborates(view)
            if elaborated is not None:
                self.discourse.last_place = elaborated
            if "giải ngân" in doc.text[sent.start : sent.end].lower():
                self.block_disbursement = True
            if not block.is_boilerplate:
                # the title, the lead and headings are content (FACTS.md); the passage's time for sentences that name none: the last few sentences'
                # (an archive body flattened into one line is one "paragraph" of 50 sentences)
                passage = [t for times in recent[-PASSAGE_SENTENCES:] for t in times]
                if self.plan_header is not None and self.plan_header.end <= sent.start:
                    self._end_plan_header_after(view)
                self._link_sentence(view, passage)
                self._note_plan_header(view)
            # the years of the tasks a review sets out ("tổng kết … năm 2017, triển khai nhiệm vụ
            # năm 2018"), found once: they date no result after them, and a plan after them
            tasks = [
                t
                for t in view.of("TIME")
                if _year_of(t) is not None
                and _TASKS_OF_A_YEAR_BEFORE.search(doc.text, sent.start, t.start)
            ]
            named = [
                t
                for t in view.of("TIME")
                if self.usable_time(t, sent.start, carried=True)
                # "Đến nay, …" opening a paragraph: its next sentences speak of now too, not of
                # the year an earlier paragraph named
                and (
                    not t.attrs.get("from_published")
                    or (t.attrs.get("relative") == "now" and t.start == sent.start)
                )
                and (_year_of(t) or 0) >= MIN_PROGRAMME_YEAR
                and not (
                    _TARGET_BEFORE.search(doc.text, sent.start, t.start)
                    # ("Kết quả thực hiện các chỉ tiêu năm 2023 như sau:" heads results)
                    and not _RESULTS_HEADING.match(doc.text, sent.start)
                )
                and not self._year_of_a_plan(t, sent)
                # "tổng kết … năm 2020; triển khai phương hướng nhiệm vụ năm 2021": the year
                # the tasks set out are for dates none of the results reported next
                and t not in tasks
                # "… còn 10,89%, so với mức 21,66% năm 2021": a comparison's baseline
                and not _BASELINE_BEFORE.search(doc.text[sent.start : t.start])
                # "(diễn ra ngày 26/11/2021)": the date of an event in an aside
                and not _EVENT_DATE_IN_BRACKETS_BEFORE.search(doc.text[sent.start : t.start])
                # "về công tác giảm nghèo năm 2017 và giai đoạn 2017 - 2020" written in 2017, "thực
                # hiện Chương trình … giai đoạn 2021 - 2030" in a text of 2023: a period still
                # running when the text was written is no time its next sentences report
                and not (_period_of(t) is not None and _period_of(t)["end"] > (now or 9999))
            ]  # a plan's year ("phấn đấu đến năm 2025") dates no later statement
            if named or not continued:  # a piece of a sentence keeps the sentence's time
                recent.append(named)
            if sent.start == block.start:
                self.paragraph_time = self._opening_time(view, named)
            # (or the year the tasks a review sets out are for: "tổng kết … năm 2017, triển khai
            # nhiệm vụ năm 2018. Theo đó, huyện phấn đấu …")
            plan = self._year_a_plan_is_for(view)
            if plan is not None or tasks:
                self.plan_time = plan or tasks[-1]
                self.plan_of_tasks = plan is None
            elif not continued:
                self.plan_time, self.plan_of_tasks = None, False
            # a place a comparison or a rank names ("… so với mục tiêu giảm nghèo của cả
            # nước", "đứng thứ 10 cả nước") is no passage's subject
            subjects = [
                m
                for m in view.of("LOCALITY")
                if not _COMPARED_OR_RANKED_BEFORE.search(doc.text[sent.start : m.start])
            ]
            units = [
                m
                for m in subjects
                if m.attrs.get("level") in ("province", "district", "commune")
                and not named_in_passing(doc.text, m)
                and not parent_of_a_described_unit(doc.text, m, sent.start)
                # ("…, trong đó huyện Si Ma Cai giảm mạnh nhất", "lớn nhất là Hoài Nhơn với 68
                # hộ": one unit ranked among others)
                and not _RANKED_AFTER.match(doc.text, m.end, sent.end)
                and not _RANKED_BEFORE.search(doc.text, max(sent.start, m.start - 60), m.start)
                # ("doanh nghiệp trong và ngoài tỉnh": the world outside the unit, no subject)
                and not _OUTSIDE_THE_UNIT_BEFORE.search(
                    doc.text, max(sent.start, m.start - 8), m.start
                )
            ]
            wider = [
                m
                for m in subjects
                if m.attrs.get("level") in ("region", "country")
                # "phong trào “Cả nước chung tay vì người nghèo - …”": a slogan's words
                and not _inside_quotes(doc.text, sent.start, m.start, max_words=SLOGAN_WORDS)
            ]
            # a list of venues ("tại P. Bình Hiên, P. An Hải Bắc, …") is no passage's subject;
            # a sentence about a region or the whole country makes it the subject
            levels = [m.attrs["level"] for m in units]
            if units and self._scene_of_a_picture(view, units):
                pass  # "Đoàn giám sát … kiểm tra mô hình sinh kế trên địa bàn xã Vân Sơn."
            elif self._is_unit_list(units):
                pass  # "hai huyện A và B": no one unit is the passage's subject
            elif units and max(levels.count(lv) for lv in set(levels)) < 3:
                self.discourse.last_place = place_of(units[0])
            elif wider and not units:
                # one region is the passage's subject; regions compared with each other or
                # with the country ("vùng A thấp nhất cả nước (4,6%), vùng B cao nhất …"),
                # or listed ("Các vùng còn lại … lần lượt: Vùng A 1,87%; Vùng B 4,15%"),
                # leave the country they are parts of as the subject
                names = {m.attrs.get("name") for m in wider}
                if len(names) == 1:
                    self.discourse.last_place = place_of(wider[0])
                elif view.of("PERCENT", "QUANTITY") or any(
                    m.attrs.get("level") == "country" for m in wider
                ):
                    # (regions named in passing, "lao động đi làm ở Đông Nam Bộ và …", change
                    # nothing)
                    self.discourse.last_place = dict(COUNTRY)
            village = self._village_the_sentence_is_about(view)
            if village is not None:
                self.discourse.last_place = place_of(village)
        from vnfacts.tables import table_facts  # the table reader, a module of this stage

        for fact in table_facts(self):
            self._add(fact)
        self._drop_off_topic()
        self._drop_shares_of_the_poor_or_near_poor()
        self._combined_rate_named_multidimensional()
        self._combined_rate_its_parts_add_up_to()
        self._rate_of_the_poor_and_near_poor_counted_together()
        self._combined_rate_stated_again_as_a_poverty_rate()
        facts = merge_restatements(self.facts)
        _headline_total_dated_by_its_parts(facts, _title_end(self.doc))
        return facts

    def _scene_of_a_picture(self, view: SentenceView, units: list[Mention]) -> bool:
        """A line of its own with no figure that opens like a caption and names, after what it
        shows, the place it shows ("Đoàn giám sát … kiểm tra thực tế mô hình sinh kế trên
        địa bàn xã Vân Sơn.", "Bàn giao nhà … cho gia đình cụ X, thôn Y, xã Z"): a photo's
        caption the page kept without its credit. A unit below the passage's, not named
        before, it makes no passage's subject ("Tại xã Vân Sơn, …" opening a paragraph does,
        and so does a statement that goes on after the place)."""
        doc = self.doc
        block = doc.blocks[view.sent.block]
        n_words = len(doc.text[block.start : block.end].split())
        carried = self.discourse.place()
        if (
            carried is None
            or view.sent.start != block.start
            or view.sent.end < block.end - 1
            or not SCENE_WORDS[0] <= n_words <= SCENE_WORDS[1]
            or not _CAPTION_SCENE_OPENING.match(doc.text, view.sent.start)
            or view.of("QUANTITY", "PERCENT")
        ):
            return False
        named_before = {
            o.attrs.get("name")
            for o in doc.mentions
            if o.type == "LOCALITY" and o.end <= view.sent.start
        }
        carried_rank = LEVEL_RANK.get(carried.get("level", ""), -1)
        for k, m in enumerate(units):
            if k and _PARENT_IN_BRACKETS_BETWEEN.fullmatch(doc.text, units[k - 1].end, m.start):
                continue  # "… xã Hoài Thượng (Thuận Thành)": the address's district
            if (
                not _SCENE_VENUE_BEFORE.search(doc.text, view.sent.start, m.start)
                # ("… giúp hộ nghèo ở xã Khánh Thiện có thu nhập ổn định.": a statement)
                or len(doc.text[m.end : block.end].split()) > SCENE_TAIL_WORDS
                or LEVEL_RANK.get(m.attrs.get("level", ""), 9) >= carried_rank
                or m.attrs.get("name") in named_before
            ):
                return False
        return True

    def _linking_units(
        self, by_sentence: dict[int, list[Mention]]
    ) -> Iterator[tuple[Sentence, list[Mention], bool]]:
        """The sentences, with a run-on sentence longer than MAX_LINK_SPAN (a table flattened
        into one line, a list of a hundred communes) cut at clause marks into pieces linked
        as sentences: the work per figure stays bounded, so linking is linear in the size of
        the document, and a fact's evidence is its piece, not 90 KB."""
        text = self.doc.text
        for i, sent in enumerate(self.doc.sentences):
            mentions = by_sentence[i]
            if sent.end - sent.start <= MAX_LINK_SPAN:
                yield sent, mentions, False
                continue
            ordered = sorted(mentions, key=lambda m: m.start)
            starts = [m.start for m in ordered]
            start = sent.start
            while start < sent.end:
                end = min(sent.end, start + MAX_LINK_SPAN)
                if end < sent.end:
                    window = text[start + MAX_LINK_SPAN // 3 : end]
                    cut = max(window.rfind(";"), window.rfind(","), window.rfind(" "))
                    if cut >= 0:
                        end = start + MAX_LINK_SPAN // 3 + cut + 1
                    j = bisect.bisect_left(starts, end) - 1  # never cut inside a mention
                    if j >= 0 and ordered[j].end > end:
                        end = ordered[j].end
                lo = bisect.bisect_left(starts, start)
                hi = bisect.bisect_left(starts, end)
                yield Sentence(start, end, sent.block), ordered[lo:hi], start > sent.start
                start = end

    def _respectively(
        self, view: SentenceView, fig: Mention, subject: Cue | None
    ) -> tuple[bool, tuple[str, str, Cue | None] | None]:
        """ "tỷ lệ hộ nghèo và hộ cận nghèo … lần lượt là 17,35% và 8,12%": the first figure
        is the poor's rate, the second the near-poor's (a fall of the near-poor's rate has no
        indicator). (whether the sentence says so, the reading)."""
        if subject is None or subject.id != "subj-multidim-combined":
            return False, None
        text = self.doc.text
        said = _RESPECTIVELY.search(text, subject.end, fig.start)
        if said is None:
            return False, None
        k = sum(1 for m in view.of("PERCENT") if said.end() <= m.start < fig.start)
        if k > 1:
            return False, None
        fall = regex.search(r"\bgiảm\b", text[subject.end : said.end()], regex.I) is not None
        if k == 0:
            if fall:
                return True, (indicator_for("poor", "fall"), "rate-fall-respectively", subject)
            return True, (LEVEL_OF["poor"], "rate-level-respectively", subject)
        if fall:
            return True, None  # the near-poor's fall: no indicator
        return True, (LEVEL_OF["near"], "rate-level-respectively", subject)

    def _group_after_noun(self, view: SentenceView, fig: Mention, cues: list[Cue]) -> list[Cue]:
        """A group written right after a count's noun: "3.108 hộ nghèo DTTS", "9.177 hộ nghèo
        là dân tộc thiểu số", "2.711 hộ nghèo theo tiêu chí thu nhập", "27.531 hộ nghèo ở
        khu vực nông thôn"; a cue may begin at the figure's own unit ("2.711 [hộ nghèo …]")."""
        text = self.doc.text
        after_noun = _GROUP_AFTER_NOUN.match(text, fig.end, view.sent.end)
        if after_noun:
            at = {after_noun.start("noun"), after_noun.end()} - {-1}
        elif _PART_OPENER_BEFORE.search(text, view.sent.start, fig.start):
            # "557 hộ nghèo (trong đó 214 hộ DTTS, …)": a part of the count named by its group
            # right after its unit
            at = {
                fig.end
                + len(text[fig.end : view.sent.end])
                - len(text[fig.end : view.sent.end].lstrip())
            }
        else:
            return []
        return [
            c
            for c in cues
            if c.kind == "group" and (c.start in at or fig.start < c.start < fig.end)
        ][:1]

    def _opens_with_group(self, view: SentenceView, cues: list[Cue]) -> bool:
        """A paragraph that opens with a group and names no subject continues the last
        paragraph's ("… hộ nghèo DTTS giảm xuống còn 25,59%." then "Huyện nghèo theo Nghị
        quyết 30a, … giảm xuống còn 20,52%")."""
        s0 = view.sent.start
        if view.sent.block == 0 or s0 != self.doc.blocks[view.sent.block].start:
            return False
        if any(c.kind == "subject" for c in cues):
            return False
        return any(c.kind == "group" and c.start - s0 <= 3 for c in cues)

    def _content_of_a_plan_referred_to(self, view: SentenceView, fig: Mention) -> bool:
        """ "… 5,02%/năm, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh giảm tỷ lệ hộ nghèo
        bình quân từ 3-4%/năm": after a result said to meet or pass a plan, the plan's own
        figure, the first one after its name in the clause, is the plan (a target); with no
        result before it ("thu nhập đạt mục tiêu Đại hội 40 triệu đồng") the figure is both."""
        text = self.doc.text
        refs = list(_PLAN_MET.finditer(text, view.sent.start, fig.start))
        if not refs:
            return False
        ref = refs[-1]
        figures = view.of("QUANTITY", "PERCENT")
        result_before = any(m.end <= ref.start() for m in figures)  # the result it measured
        between = [m for m in figures if ref.end() <= m.start < fig.start]
        # "… hoàn thành vượt mục tiêu Nghị quyết … giảm tỷ lệ hộ nghèo bình quân 3-4%/năm": the
        # plan's own verb before the figure says it is the plan's content
        return (
            (result_before or bool(_PLAN_CONTENT_AFTER.fullmatch(text, ref.end(), fig.start)))
            and not between
            and ";" not in text[ref.end() : fig.start]
            and fig.start - ref.end() <= 200
        )

    def _refers_to_a_plan(self, view: SentenceView, cue: Cue) -> bool:
        """ "vượt 105% so với chỉ tiêu đề ra": a plan word that refers to the plan, stating none
        (or one in the name of a meeting)."""
        return bool(
            _PLAN_REFERENCE.search(self.doc.text, max(view.sent.start, cue.start - 25), cue.start)
        ) or self._in_a_meeting_name(view, cue)

    def _in_a_meeting_name(self, view: SentenceView, cue: Cue) -> bool:
        """ "tại hội nghị … triển khai kế hoạch năm 2019, …": a plan word naming a meeting."""
        return bool(
            _PLAN_IN_A_MEETING_NAME.search(
                self.doc.text, max(view.sent.start, cue.start - 100), cue.start
            )
        )

    def _same_ends(
        self,
        view: SentenceView,
        fig: Mention,
        end: str,
        year: int | None,
        period: dict[str, int] | None,
    ) -> tuple[int | None, dict[str, int] | None]:
        """ "…từ 9,8% năm 2020 dự kiến giảm xuống còn 4,1% vào cuối năm 2025; tỷ lệ hộ cận
        nghèo giảm từ 6,2% xuống còn 3,5%": a later clause that names no time of its own has
        the (year, period) of the same end of the sentence's first change."""
        text = self.doc.text
        seen = self.change_ends.setdefault(view.sent.start, {})
        clause = _clause_start(text, view.sent.start, fig.start, marks=";")
        own_time = any(
            _clause_start(text, view.sent.start, t.start, marks=";") == clause
            for t in view.of("TIME")
            if clause <= t.start
        )
        if own_time or end not in seen:
            seen.setdefault(end, (year, period))
            return year, period
        self.year_basis = "text"
        return seen[end]

    def _end_of_a_change(self, view: SentenceView, fig: Mention) -> str | None:
        """ "from" for A and "to" for B in "từ A … xuống (còn) B", else None."""
        text = self.doc.text
        left = text[max(view.sent.start, fig.start - 15) : fig.start]
        after = text[fig.end : min(view.sent.end, fig.end + 60)]
        if _FROM_BEFORE.search(left) and regex.search(r"\b(?:xuống|còn|lên)\b", after, regex.I):
            return "from"
        clause = _clause_start(text, view.sent.start, fig.start, marks=";")
        if _TO_BEFORE.search(text[max(view.sent.start, fig.start - 20) : fig.start]) and (
            regex.search(r"\btừ\b", text[clause : fig.start], regex.I)
        ):
            return "to"
        return None

    def _without_groups(self, cues: list[Cue], start: int, end: int) -> str:
        """The text between two offsets, less the group cues written in it (with the words
        that join a group to its noun: "hộ nghèo (là) người DTTS")."""
        text = self.doc.text
        kept, at = [], start
        for c in sorted((c for c in cues if c.kind == "group"), key=lambda c: c.start):
            if start <= c.start and c.end <= end and c.start >= at:
                kept.append(_GROUP_JOINER.sub("", text[at : c.start]))
                at = c.end
        kept.append(text[at:end])
        return "".join(kept)

    def _planned(self, view: SentenceView, subject: Cue, cues: list[Cue]) -> bool:
        """Whether a plan word governs the subject's clause ("phấn đấu giảm … hộ nghèo")."""
        clause = _clause_start(self.doc.text, view.sent.start, subject.start, marks=";")
        return any(
            c.kind == "target" and clause <= c.start and c.end <= subject.start for c in cues
        )

    def _like_a_neighbour(
        self, view: SentenceView, fig: Mention, read: list[tuple[Mention, str, str, Cue | None]]
    ) -> tuple[str, str, Cue | None] | None:
        """A figure no cue names, read like the figure beside it in the sentence:
        - a count in parentheses right after a fall of the rate is the households that fall
          counts: "giảm 1,5-1,8% (tương ứng 413-500 hộ)";
        - a later item of a list of places takes the reading of the first item's figure at
          the same place in the item: "huyện A giảm từ 6,5-7,2% (840-930 hộ); B 4,5-5,0%
          (1.070-1.190 hộ); …"."""
        if not read:
            # (the first figure of a sentence: an item of the sentence before's list, or a
            # unit ranked after the one it gave)
            return self._item_like_the_sentence_before(
                view, fig
            ) or self._ranked_after_the_fact_before(view, fig)
        text = self.doc.text
        last_fig, last_indicator, _, last_subject = read[-1]
        if (
            fig.type == "QUANTITY"
            and fig.attrs.get("unit") == "households"
            and last_indicator == indicator_for("poor", "fall")
            and _COUNT_OF_A_FALL.fullmatch(text[last_fig.end : fig.start])
        ):
            return indicator_for("poor", "count-fall"), "count-behind-rate-fall", last_subject
        if (
            fig.type == "QUANTITY"
            and fig.attrs.get("unit") == "households"
            and last_indicator in RATE_OF
            and RATE_OF[last_indicator] in HOUSEHOLD_COUNT
            and _COUNT_OF_A_LEVEL.fullmatch(text, last_fig.end, fig.start)
        ):
            # "giảm còn 3,56% vào cuối năm 2022 (11.735 hộ)": the households at that rate
            return HOUSEHOLD_COUNT[RATE_OF[last_indicator]], "count-behind-rate", last_subject
        if (
            fig.type == "PERCENT"
            and last_indicator in COUNT_OF
            and COUNT_OF[last_indicator] in LEVEL_OF
            and regex.fullmatch(r"\s*(?:(?:cận\s+)?nghèo\s*)?,\s*", text[last_fig.end : fig.start])
            and regex.match(r"\s*(?:[;.)]|$)", text[fig.end : view.sent.end])
        ):
            # "Hộ nghèo: 808 hộ, 1,37%;": the rate those households make, right after them
            return LEVEL_OF[COUNT_OF[last_indicator]], "rate-behind-count", last_subject
        if (
            last_indicator == indicator_for("income", "money")
            and (fig.attrs.get("unit") == "VND" or _in_bare_millions(fig))
            and _INCOME_OF_ANOTHER_YEAR_BETWEEN.fullmatch(text, last_fig.end, fig.start)
            and regex.match(r"\s*(?:[;,.()]|$|/)", text[fig.end : view.sent.end])
        ):
            # "… năm 2021 là 27,5 triệu đồng/người/năm, cuối năm 2023 được nâng lên 35,22
            # triệu": the same income, of a later year
            return indicator_for("income", "money"), "money-income-of-another-year", last_subject
        houses = indicator_for("houses", "count")
        if (
            fig.attrs.get("unit") == "houses"
            and last_indicator == houses
            and last_fig.attrs.get("unit") == "houses"
            and _NEXT_LIST_ITEM_BEFORE.search(text, last_fig.end, fig.start)
            # (the previous item's words only, no figure of another kind between)
            and not any(
                m.type in ("QUANTITY", "PERCENT") and last_fig.end <= m.start < fig.start
                for m in view.of("QUANTITY", "PERCENT")
            )
        ):
            # "xây mới 30 căn nhà cho các hộ khó khăn và 20 căn nhà cho hộ người có công":
            # the next item of a list of houses
            return houses, "count-houses-listed", last_subject
        ranked = self._ranked_after_the_fact_before(view, fig, read)
        if ranked is not None:
            return ranked
        item_start = self._item_start(view, fig)
        if item_start == view.sent.start or not self._opens_with_place(view, item_start, fig):
            return None
        position = self._position_in_item(view, fig, item_start)
        for other, indicator, _, subject in read:
            other_item = self._item_start(view, other)
            if (
                other_item < item_start
                and other.type == fig.type
                and other.attrs.get("unit") == fig.attrs.get("unit")
                and self._position_in_item(view, other, other_item) == position
            ):
                return indicator, "list-item-like-the-first", subject
        return None

    def _item_of_a_breakdown(
        self, view: SentenceView, fig: Mention, read: list[tuple[Mention, str, str, Cue | None]]
    ) -> tuple[str, str, Cue | None] | None:
        """An item of a breakdown by place, "PLACE N", after the figure it breaks down
        ("… nhà ở cho 1.200 hộ, trong đó: huyện Phù Cừ 111 hộ, huyện Ân Thi 224 hộ"): read
        like that figure, which the opener (`trong đó`, `gồm`, `cụ thể`) follows."""
        text = self.doc.text
        s0 = view.sent.start
        if _BREAKDOWN_OPENER.search(text, s0, fig.start) is None:
            return None  # (most figures: no list opened before them)
        item_start = _clause_start(text, s0, fig.start, marks=",;:")
        # (the first item after an opener with no colon: ", trong đó huyện Phù Cừ 120 hộ")
        lead = regex.match(r"\s*", text[item_start : fig.start])
        opens = _BREAKDOWN_OPENER.match(text, item_start + (lead.end() if lead else 0), fig.start)
        if opens is not None:
            item_start = opens.end()
        # the last item, joined to the one before by "và" ("…, Cửa Tùng giảm 7 hộ và Bến Quan
        # giảm 4 hộ"): it starts after the "và" that follows the figure before it
        # (the first "và" after that figure; an item that still joins units, "… và thị trấn
        # Diên Sanh và xã Hải Thọ giảm 20 hộ", is no one unit's: no item)
        before = [
            m.end
            for m in view.of("QUANTITY", "PERCENT")
            if item_start <= m.start and m.end <= fig.start
        ]
        if before:
            join = _ITEM_JOINED_BY_AND.search(text, max(before), fig.start)
            if join is not None:
                if _JOINS_MORE_UNITS.search(text, join.end(), fig.start):
                    return None
                item_start = join.end()
        got: tuple[str, str, Cue | None] | None = None
        head: Mention | None = None
        head_fact: dict[str, Any] | None = None  # a head in the sentence before
        for other, indicator, rule, subject in reversed(read):
            if other.type != fig.type or other.attrs.get("unit") != fig.attrs.get("unit"):
                continue
            if rule in _BREAKDOWN_ITEM_RULES:
                continue  # an earlier item of the same breakdown
            if _BREAKDOWN_OPENER.search(text, other.end, item_start):
                got, head = (indicator, "item-of-a-breakdown", subject), other
            break
        else:
            opener = list(_BREAKDOWN_OPENER.finditer(text, s0, item_start))
            head_fact = self._head_in_the_sentence_before(view, fig, opener)
            if (
                head_fact is not None
                and (
                    not _VERB_OF_AN_ITEM.search(text, item_start, fig.start)
                    # "… giảm 12 hộ so với năm 2022. Trong đó, thị trấn Hồ Xá giảm 1 hộ, …": a
                    # fall's items say "giảm" too
                    or (
                        head_fact["indicator"] == indicator_for("poor", "count-fall")
                        and fig.attrs.get("unit") == "households"
                        and regex.search(
                            r"(?:^|\bvà\b)[^\d.;:]*?\bgiảm\s*(?:được\s*)?" + _APPROX + "$",
                            text[item_start : fig.start],
                        )
                        is not None
                    )
                )
            ):
                # "… tỷ lệ hộ nghèo của huyện còn 18,6%. Trong đó, xã A Xan 35,1%, …": the
                # sentence opens a breakdown of the figure the sentence before ended with
                # (not "xã Vĩnh Ô giảm còn 14,1%": the item says what it is)
                got = (head_fact["indicator"], "item-of-a-breakdown", None)
            # no figure heads the list: "… công tác xóa nhà tạm, nhà dột nát trên địa bàn, cụ
            # thể: Thành phố Kon Tum đã triển khai 76 hộ, …", households counting the houses
            if (
                got is None
                and fig.attrs.get("unit") == "households"
                and opener
                and regex.match(r"[^.;:\d]{0,20}:", text[opener[-1].end() : item_start + 1])
                and _HOUSES_LIST_HEAD.search(text, s0, opener[-1].start())
                and not any(m.end <= opener[-1].start() for m in view.of("QUANTITY", "PERCENT"))
            ):
                got = (indicator_for("houses", "count"), "item-of-a-houses-list", None)
        if got is None:
            return None
        ends = [i for i in (text.find(m, fig.end, view.sent.end) for m in ",;") if i >= 0]
        if not self._opens_with_place(view, item_start, fig) or find_cues(
            text, fig.start, min(ends) if ends else view.sent.end
        ):
            return None  # ("huyện A 111 hộ cận nghèo": the item names its own subject)
        self.breakdown_group = next(
            (
                f.get("group")
                for f in self.facts_by_evidence.get(s0, [])
                if head is not None and f["figure"]["start"] == head.start
            ),
            None,
        )
        if head is None and head_fact is not None:
            self.breakdown_group = head_fact.get("group")
        return got

    def _head_in_the_sentence_before(
        self, view: SentenceView, fig: Mention, opener: list[regex.Match[str]]
    ) -> dict[str, Any] | None:
        """The fact a breakdown that opens its sentence ("Trong đó, …") breaks down: the last
        fact of the sentence right before, a figure of the same kind, when no figure of this
        sentence stands before the opener."""
        text = self.doc.text
        if not opener or text[view.sent.start : opener[0].start()].strip():
            return None  # (the opener does not open the sentence)
        if any(m.end <= opener[-1].start() for m in view.of("QUANTITY", "PERCENT")):
            return None
        before = self._facts_of_the_sentence_before(view)
        if not before:
            return None
        last = max(before, key=lambda f: f["figure"]["start"])
        head = next(
            (m for m in self.doc.mentions if m.start == last["figure"]["start"]),
            None,
        )
        if head is None or head.type != fig.type or head.attrs.get("unit") != fig.attrs.get("unit"):
            return None
        return last

    def _item_start(self, view: SentenceView, fig: Mention) -> int:
        """Where the list item of a figure begins: after the last ";" — or the "và" that
        joins the last item ("…(413-500 hộ) và TP. Đồng Hới 0,1-0,15%")."""
        text = self.doc.text
        start = _clause_start(text, view.sent.start, fig.start, marks=";")
        joins = [m.end() for m in _LAST_ITEM.finditer(text, start, fig.start)]
        return joins[-1] if joins else start

    def _reading_of_a_part(
        self,
        view: SentenceView,
        fig: Mention,
        indicator: str,
        read: list[tuple[Mention, str, str, Cue | None]],
    ) -> str | None:
        """The reading a part takes from the figure before it, if any: "giảm 0,5% hộ nghèo,
        trong đó có 0,8% hộ nghèo dân tộc Khmer", "giảm được 2,95% hộ nghèo và 4,3% tỷ lệ nghèo
        đa chiều": a part of a fall, said with no verb of its own, is a fall too (the fall
        indicator of its level, where there is one); "còn 436 hộ nghèo, trong đó … 334 hộ" a
        count of households of a group is a part of the count before it."""
        text = self.doc.text
        if indicator == indicator_for("total_households", "count"):
            # "còn 436 hộ nghèo …, trong đó đồng bào dân tộc thiểu số là 334 hộ": households of
            # a group counted as a part of the poor (or of the poor who left poverty) are those
            for other, other_indicator, _, _ in reversed(read):
                if other.type != fig.type or other.attrs.get("unit") != fig.attrs.get("unit"):
                    continue
                if other_indicator not in _PARTS_OF_A_COUNT:
                    return None
                between = text[other.end : fig.start]
                opener = _PART_OF_A_COUNT_OPENER.search(between)
                if (
                    opener
                    and not _OWN_LEVEL_VERB.search(between, opener.end())
                    # (a part is no larger than its whole: "312 hộ thuộc diện nghèo, trong đó
                    # có 1.020 hộ là đồng bào Mông" counts the commune's)
                    and _value(fig) <= _value(other)
                    # (no other count's subject between: "…; hộ cận nghèo 185 …, trong đó …")
                    and not any(c.kind == "subject" for c in find_cues(text, other.end, fig.start))
                ):
                    return other_indicator
                return None
            return None
        fall = _FALL_OF_A_LEVEL.get(indicator)
        if fall is None:
            return None
        for other, other_indicator, _, _ in reversed(read):
            if other_indicator != fall or other.type != fig.type:
                continue
            if other.attrs.get("unit") != fig.attrs.get("unit") and fig.type == "QUANTITY":
                return None
            between = text[other.end : fig.start]
            joint = _PART_OF_A_FALL_JOINT.search(between)
            if (
                joint is None
                or _OWN_LEVEL_VERB.search(between, joint.end())
                or ";" in between[joint.end() :]
                # (a subject of its own before the figure: "… và hiện tỷ lệ hộ nghèo toàn huyện
                # 4,2%" is a level)
                or any(
                    c.kind == "subject" for c in find_cues(text, other.end + joint.end(), fig.start)
                )
            ):
                return None
            return fall
        return None

    def _item_like_the_sentence_before(
        self, view: SentenceView, fig: Mention
    ) -> tuple[str, str, Cue | None] | None:
        """ "… huyện Trà Bồng được phân khai hơn 37,5 tỷ đồng, hỗ trợ 1.563 hộ nghèo. Huyện Tây
        Trà hơn 33,7 tỷ đồng, …": a sentence that opens with a unit and its figure, no word
        of what it is, goes on the list the sentence before gave for a unit of that level."""
        place = next((m for m in view.of("LOCALITY") if m.end <= fig.start), None)
        if place is None or not regex.fullmatch(
            r"\s*", self.doc.text[view.sent.start : place.start]
        ):
            return None  # (cheap tests first: most figures that no cue names stop here)
        before = self.sentence_before.get(view.sent.start)
        if before is None or not self.facts_by_evidence.get(before.start):
            return None  # (the sentence before may end the paragraph before: the list goes on)
        item_start = self._item_start(view, fig)
        if item_start != view.sent.start or not self._opens_with_place(view, item_start, fig):
            return None
        if not regex.match(r"\s*(?:[,;.]|$)", self.doc.text[fig.end : view.sent.end]):
            return None  # ("Huyện Quan Sơn 85 căn nhà bị tốc mái": the figure says what it is)
        for f in self.facts_by_evidence.get(before.start, []):
            if (
                f["unit"] == fig.attrs.get("unit")
                and (f.get("locality") or {}).get("level") == place.attrs.get("level")
                and f.get("status") != "target"
            ):
                return f["indicator"], "list-item-like-the-first", None
        return None

    def _ranked_after_the_fact_before(
        self,
        view: SentenceView,
        fig: Mention,
        read: list[tuple[Mention, str, str, Cue | None]] | None = None,
    ) -> tuple[str, str, Cue | None] | None:
        """ "Bình Dương … cao nhất cả nước, đạt 8,9 triệu đồng/người/tháng. Hà Nội xếp thứ hai
        với 7,5 triệu đồng", "… tỷ lệ hộ nghèo … 0%. Đứng thứ hai là Bình Dương với 0,1% và thứ
        ba là Đồng Nai với 0,3%": a unit ranked next, with no word of what its figure is, has a
        figure of the same measure as the one before it (a rate, an income or a count of the
        poor: what is ranked by place), in its sentence or in the last fact, read shortly before."""
        text = self.doc.text
        start = read[-1][0].end if read else view.sent.start
        head = text[start : fig.start]
        # (cheap tests first: most figures no cue names have no rank before them)
        # (or one more unit of a ranking just read: "Tiếp theo là huyện A với 2.840 hộ, B với
        # 1.120 hộ")
        listed = bool(read and read[-1][2] == RANKED_NEXT_RULE)
        if not (listed or _RANKED_NEXT.search(head)) or _RANKED_BY_A_MEASURE_NAMED.search(head):
            return None
        if read:
            last_fig, indicator, _, _ = read[-1]
            unit = "%" if last_fig.type == "PERCENT" else last_fig.attrs.get("unit")
            ranked_in = text[view.sent.start : start]  # where the ranking was said
        else:
            last = next((f for f in reversed(self.facts) if f["evidence"]["end"] <= start), None)
            if (
                last is None
                or start - last["evidence"]["end"] > RANKED_NEXT_REACH
                or last["status"] != "actual"
                or last.get("group") is not None
            ):
                return None
            indicator, unit = last["indicator"], last["unit"]
            ranked_in = last["evidence"]["text"]
        # (nothing but the rank, the unit and its scope: not "Tại kỳ thi tốt nghiệp …, Bắc Ninh
        # xếp thứ hai với 99,2%", "Độ che phủ rừng … đứng thứ hai với 63,5%")
        words = head
        for m in sorted(view.of("LOCALITY"), key=lambda m: -m.start):
            if start <= m.start and m.end <= fig.start:
                words = words[: m.start - start] + " " + words[m.end - start :]
        if not _RANK_HEAD_WORDS.fullmatch(words):
            return None
        if find_cues(text, start, fig.start):
            return None
        if not any(start <= m.start and m.end <= fig.start for m in view.of("LOCALITY")):
            return None
        if not regex.match(r"\s*(?:[,;.(]|và\b|$)", text[fig.end : view.sent.end]):
            return None  # ("… xếp thứ hai với 120 hộ thoát nghèo": the figure says what it is)
        rate = fig.type == "PERCENT" and unit == "%"
        income = (
            fig.type == "QUANTITY"
            and indicator == indicator_for("income", "money")
            and fig.attrs.get("unit") in _INCOME_UNITS | {"VND"}
        )
        # "Xã Trà Bui có số hộ nghèo nhiều nhất tỉnh với 850 hộ. Tiếp đến là xã Cà Dy với
        # 552 hộ": a count of the poor is ranked by place too, where the ranking was of it
        # (not "Huyện Ba Tơ có 850 hộ bị ngập …, nhiều nhất tỉnh, trong đó có 120 hộ nghèo")
        poor_count = (
            fig.type == "QUANTITY"
            and indicator in (HOUSEHOLD_COUNT["poor"], HOUSEHOLD_COUNT["near"])
            and fig.attrs.get("unit") == unit == "households"
            and (listed or bool(_POOR_COUNT_RANKED.search(ranked_in)))
        )
        if not (rate or income or poor_count):
            return None
        return indicator, RANKED_NEXT_RULE, None

    def _opens_with_place(self, view: SentenceView, item_start: int, fig: Mention) -> bool:
        """A list item that begins with a place and names no subject before its figure."""
        head = self.doc.text[item_start : fig.start]
        if find_cues(self.doc.text, item_start, fig.start) or len(head.split()) > 8:
            return False
        return any(
            item_start <= m.start
            and m.end <= fig.start
            and regex.fullmatch(r"[\s,]*(?:và\s*)?", head[: m.start - item_start])
            for m in view.of("LOCALITY")
        )

    def _position_in_item(self, view: SentenceView, fig: Mention, item_start: int) -> int:
        return sum(1 for m in view.of("QUANTITY", "PERCENT") if item_start <= m.start < fig.start)

    def _section_heads(self) -> dict[int, dict[str, Any]]:
        """Blocks that open a section about one official's unit (`Ông X` / `Chủ tịch UBND xã Y`)."""
        heads: dict[int, dict[str, Any]] = {}
        order = sorted(self.doc.mentions, key=lambda m: m.start)
        for m in order:
            if m.type != "OFFICIAL" or m.method != "rule:official:profile-layout":
                continue
            roles = [r for r in m.attrs.get("roles", []) if r.get("locality")]
            if not roles:
                continue
            for bi, b in enumerate(self.doc.blocks):
                if b.start >= m.end and b.kind == "body":
                    heads[bi] = roles[0]["locality"]
                    break
        return heads

    def _link_sentence(self, view: SentenceView, block_times: list[Mention]) -> None:
        doc = self.doc
        figures = view.of("QUANTITY", "PERCENT")
        poverty_named_before = self.poverty_named
        self.poverty_named = "nghèo" in doc.text[view.sent.start : view.sent.end].lower()
        if not figures:
            # "Số hộ nghèo của tỉnh đã giảm mạnh." names the category its parts continue; a
            # sentence that names none ends the last one's reach
            named = self.poverty_named
            self.sentence_subject = (
                _last_category(find_cues(doc.text, view.sent.start, view.sent.end))
                if named
                else None
            )
            return
        # a cue word inside a name is no cue: "Lương" of huyện Lương Tài is no salary
        names = [(m.start, m.end) for m in view.of("LOCALITY", "PERSON", "OFFICIAL")]
        cues = [
            c
            for c in find_cues(doc.text, view.sent.start, view.sent.end)
            if not any(a <= c.start and c.end <= b for a, b in names)
        ]
        carried = self.block_subject
        named = [c for c in cues if c.kind == "subject"]
        topic = _TOPIC_OPENING.match(doc.text, view.sent.start, view.sent.end)
        if topic is not None:
            framed = [c for c in named if c.start <= topic.end() + 1]
            self.topic_subject = framed[0] if framed else None
        elif any(c.start < figures[0].start for c in named):
            self.topic_subject = None  # a sentence that opens with its own subject ends it
        elif self.topic_subject is not None:
            # "Đối với hộ cận nghèo, đầu năm 2023 có 21.101 hộ … . Đến cuối năm, giảm còn
            # 17.691 hộ, chiếm tỷ lệ 6,72%": the paragraph's framed topic
            carried = self.topic_subject
        opens_a_part = bool(
            _OPENS_A_PART.match(doc.text, view.sent.start, view.sent.end)
            or self._opens_with_group(view, cues)
        )
        if (
            opens_a_part
            and self.sentence_subject is not None
            and any(c.kind == "group" for c in cues)
        ):
            # "Số hộ cận nghèo của tỉnh là 5.109 hộ. Trong đó, khu vực thành thị là 1.085 hộ":
            # groups' parts of the sentence just before, whichever category it counted (a
            # bare "Riêng huyện A giảm 4,2%" still speaks of the poverty rate)
            carried = self.sentence_subject
        elif opens_a_part and not poverty_named_before and self.block_start != view.sent.start:
            # "… có 44 dân tộc. Trong đó, người Kinh chiếm 53,77%": a part of the sentence just
            # before, which speaks of no poverty
            carried = None
        elif carried is None and opens_a_part and self.block_start == view.sent.start:
            # ("Trong đó, các xã … giảm 4%/năm" opening a paragraph continues the one before;
            # "… có 44 dân tộc. Trong đó, người Kinh chiếm 53,77%" parts the sentence before)
            carried = self.previous_block_subject
        self.sentence_subject = _last_category(cues)
        # a later sentence's bare "giảm thêm 4-5%" speaks of the poverty rate, not the near-poor one
        subjects = [
            c for c in cues if c.kind == "subject" and c.rule["subject"] in ("poor", "multidim")
        ]
        if subjects:
            self.block_subject = subjects[-1]
            if self._planned(view, subjects[-1], cues):
                self.planned_subjects.add(subjects[-1].start)
        level_facts: list[dict[str, Any]] = []
        read: list[tuple[Mention, str, str, Cue | None]] = []  # this sentence's figures' readings
        sentence_statuses: list[str] = []
        sentence_groups: list[str | None] = []
        for fig in figures:
            got = self.classify(view, fig, cues, carried, read)
            if got is None:
                fig.attrs["no_fact"] = self.no_fact
                continue
            indicator, rule, subject = got
            part_of = self._reading_of_a_part(view, fig, indicator, read)
            if part_of is not None:
                indicator = part_of
            read.append((fig, indicator, rule, subject))
            year, period, since = self.year_for(view, fig, block_times, indicator)
            end = self._end_of_a_change(view, fig)
            if end is not None:
                year, period = self._same_ends(view, fig, end, year, period)
            place, where = self.place_for(view, fig, indicator)
            if rule == "houses-by-place":
                named = self._unit_right_after(view, fig)
                place, where = (place_of(named) if named else place), "sentence"
            if place is None and indicator in PEOPLE_OF_A_PLACE:
                # "24,4 triệu người" of a census abroad: the people of no unit the text names
                # are no place's population
                fig.attrs["no_fact"] = "people-of-no-place"
                read.pop()
                continue
            fact = self._fact(view, fig, indicator, rule, subject, cues, year, period, place, where)
            if part_of is not None:
                # (the method says the reading came from the figure it is a part of)
                fact["method"] = fact["method"].replace(
                    f"{rule}/v1", f"{rule}+part-of-the-figure-before/v1", 1
                )
            spec = _spec_of(indicator)
            if spec is not None and not spec.holds(fact["value"], fact["unit"]):
                # "Tổng đầu tư toàn xã hội bình quân 850 tỷ đồng/năm" read after an income
                fig.attrs["no_fact"] = "implausible-value"
                read.pop()
                continue
            self._yearly_plan_for_its_period(view, fig, fact)
            self._part_takes_the_time_of_its_whole(view, fig, fact)
            self._running_period_as_of_writing(fact)
            self._result_reviewed_by_a_congress(view, fact)
            if (
                end == "from"
                and not self._in_the_future(year)
                and not _a_floor(doc.text, fig)  # "từ 3% trở lên": a floor
            ):
                fact["status"] = "actual"  # the value a change starts from: where things stood
            if self._a_part_without_group(view, fig, indicator, subject, fact):
                read.pop()
                continue
            if self._a_fall_its_counts_make_relative(view, fact, read):
                fig.attrs["no_fact"] = "fall-its-counts-make-relative"
                read.pop()
                continue
            if self.year_basis == "unfixed" and self.reference_year is not None:
                fact["year_guess"] = self.reference_year
                fact["year_basis"] = "most-named-year"
            fact["_basis"] = (self.year_basis, where, self.doc.blocks[view.sent.block].kind)
            if self.said_now and not _STILL_BEFORE.search(doc.text, view.sent.start, fig.start):
                fact["_said_now"] = True  # (not "vẫn còn 2.345 hộ": the same value a year on)
            if (
                fact["indicator"] == indicator_for("houses", "count")
                and _HOUSES_RESTATED_IN_A_LABEL_BEFORE.search(doc.text[view.sent.start : fig.start])
                # (not the houses of a unit the label names: "Tại huyện Sơn Tây, tổng kinh phí
                # xây dựng 15 căn nhà …", "Trong 36 căn nhà được hỗ trợ ở xã Tịnh Trà, …")
                and not any(m.start < fig.start for m in view.of("LOCALITY"))
                and not _UNIT_RIGHT_AFTER_THE_HOUSES.match(doc.text, fig.end, view.sent.end)
            ):
                fact["_label_restatement"] = True  # merged into the count stated before
            if fact["unit"] == "pp/year" and period is None:
                # "giảm từ 70,5% năm 2016 xuống còn 41,3% năm 2020, bình quân mỗi năm giảm
                # 7,3%": the average holds over the years the sentence runs from and to
                years = sorted(
                    {
                        y
                        for t in view.of("TIME")
                        if t.end <= fig.start
                        and self.usable_time(t, view.sent.start)
                        and (y := _year_of(t)) is not None
                    }
                )
                if len(years) >= 2 and fact["year"] == years[-1]:
                    fact["period"] = {"start": years[0], "end": years[-1]}
            if fig.type == "PERCENT" and level_facts and "group" not in fact:
                # "khu vực miền núi có 17.449 hộ nghèo (20,85%)": the rate of the count just
                # stated is the rate of its group
                count = level_facts[-1]
                if count.get("group") and _RATE_OF_THE_COUNT.fullmatch(
                    doc.text, count["figure"]["end"], fig.start
                ):
                    fact["group"] = count["group"]
            if indicator == indicator_for("poor", "fall") and since and level_facts:
                # "tỷ lệ 14,78%, giảm 5,85% so với năm 2022": the fall of the rate just stated
                prev = level_facts[-1]
                prev["change"] = {
                    "direction": "decrease",
                    "amount": fact["value"],
                    "unit": "pp",
                    "since": since,
                }
            if since is not None:
                fact["change"] = fact.get("change") or (
                    {
                        "direction": "decrease",
                        "amount": fact["value"],
                        "unit": fact["unit"],
                        "since": since,
                    }
                    if indicator.endswith("_reduction")
                    else None
                )
            self._from_to(view, fig, fact)
            if indicator in LEVEL_OF.values() or indicator in HOUSEHOLD_COUNT.values():
                level_facts.append(fact)
            sentence_statuses.append(fact["status"])
            sentence_groups.append(fact.get("group"))
            for each in [
                fact,
                *self._for_each_listed(view, fig, fact),
                *_households_of_the_whole(view, fig, fact),
                *_plan_of_a_done_over_planned_ratio(doc.text, fig, fact),
            ]:
                if self.provisional:
                    self.off_topic_candidates.append((each, fig))
                self._add(each)
        if sentence_statuses:
            # a sentence all of whose figures are planned is a plan a "Cụ thể, …" may detail;
            # one all of whose figures are of one group is a group "Trong đó, …" may detail
            self.plan_elaborated = (
                Cue("plan-elaborated", "target", view.sent.start, view.sent.start, {})
                if all(s == "target" for s in sentence_statuses)
                # (not a plan reported against its result: "… phấn đấu giảm … 2,5%, và thực
                # tế, … đạt 117% kế hoạch được giao. Cụ thể, … giảm 2,92%" details the result)
                and not _PLAN_RESULT_REPORTED.search(doc.text, view.sent.start, view.sent.end)
                else None
            )
            groups_stated = set(sentence_groups)
            self.sentence_group = groups_stated.pop() if len(groups_stated) == 1 else None

    def _combined_rate_named_multidimensional(self) -> None:
        """ "tỷ lệ hộ nghèo là 14,8%, tỷ lệ hộ nghèo theo chuẩn đa chiều là 49,26%": where the
        paragraph also gives the poverty rate of the same unit and year apart, the rate it
        calls multidimensional is the combined one (the guide), not a second poverty rate."""
        poverty = indicator_for("poor", "level")
        starts = [b.start for b in self.doc.blocks]

        def block_of(f: dict[str, Any]) -> int:
            return bisect.bisect_right(starts, f["evidence"]["start"])

        plain = {
            ((f["locality"] or {}).get("name"), f["year"], block_of(f), f["value"])
            for f in self.facts
            if f["indicator"] == poverty
            and not f.get("_named_multidimensional")
            and not f.get("group")
            and f["status"] == "actual"
        }
        for f in self.facts:
            if (
                f.pop("_named_multidimensional", False)
                and f["indicator"] == poverty
                and not f.get("group")
            ):
                # (the poverty rate given apart in the same paragraph)
                key = ((f["locality"] or {}).get("name"), f["year"], block_of(f))
                if any(k[:3] == key and k[3] != f["value"] for k in plain):
                    f["indicator"] = indicator_for("multidim", "level")

    def _combined_rate_stated_again_as_a_poverty_rate(self) -> None:
        """ "Đến cuối năm 2023, tỷ lệ hộ nghèo đa chiều tỉnh Quảng Trị còn 13,16%" in the lead,
        then "… là 13,16%; … hộ nghèo … (7,71%), hộ cận nghèo … (5,45%)" in the body: a poverty
        rate of the same unit, year, status and value as a rate the document reads as the
        combined one is that figure stated again (one fact, FACTS.md), not a second reading."""
        poverty, combined = indicator_for("poor", "level"), indicator_for("multidim", "level")

        def statement(f: dict[str, Any]) -> tuple[Any, ...]:
            return (f["locality"] or {}).get("name"), f["year"], f["value"], f["status"]

        readings = {statement(f) for f in self.facts if f["indicator"] == combined}
        for f in self.facts:
            if f["indicator"] == poverty and not f.get("group") and statement(f) in readings:
                f["indicator"] = combined

    def _combined_rate_its_parts_add_up_to(self) -> None:
        """ "Tỷ lệ hộ nghèo trên cả nước là 7,52%, trong đó hộ nghèo chiếm 4,03%, hộ cận nghèo
        chiếm 3,49%": a rate whose poor and near-poor parts, given after it in its sentence,
        add up to it is the combined rate (multidimensional), whatever its label says."""
        poverty, near = indicator_for("poor", "level"), indicator_for("near", "level")
        text = self.doc.text
        for f in self.facts:
            if (
                f["indicator"] != poverty
                or f.get("group")
                or not isinstance(f["value"], float | int)
            ):
                continue
            same = [
                g
                for g in self.facts
                if g is not f
                and g["evidence"]["start"] == f["evidence"]["start"]
                and g["figure"]["start"] > f["figure"]["end"]
                and g["year"] == f["year"]
                and g["status"] == f["status"]
                and not g.get("group")
                and (g["locality"] or {}).get("name") == (f["locality"] or {}).get("name")
            ]
            poor = [g for g in same if g["indicator"] == poverty]
            near_poor = [g for g in same if g["indicator"] == near]
            if (
                poor
                and near_poor
                and regex.search(
                    r"\btrong đó\b", text[f["figure"]["end"] : poor[0]["figure"]["start"]], regex.I
                )
                and abs(poor[0]["value"] + near_poor[0]["value"] - f["value"]) <= 0.015
            ):
                f["indicator"] = indicator_for("multidim", "level")

    def _rate_of_the_poor_and_near_poor_counted_together(self) -> None:
        """ "… có 1.250 hộ nghèo và 640 hộ cận nghèo, chiếm 22,1% tổng số hộ": a rate right
        after a count of the poor and a count of the near-poor joined by "và" is the share of
        both together (the multidimensional rate), not the near-poor's alone."""
        near, text = indicator_for("near", "level"), self.doc.text
        for f in self.facts:
            if f["indicator"] != near or f.get("group"):
                continue
            before = [
                g
                for g in self.facts
                if g["evidence"]["start"] == f["evidence"]["start"]
                and g["figure"]["end"] <= f["figure"]["start"]
                and not g.get("group")
            ]
            near_count = next(
                (
                    g
                    for g in reversed(before)
                    if g["indicator"] == indicator_for("near", "count")
                    and _RATE_RIGHT_AFTER_A_COUNT.fullmatch(
                        text, g["figure"]["end"], f["figure"]["start"]
                    )
                ),
                None,
            )
            if near_count is not None and any(
                g["indicator"] == indicator_for("poor", "count")
                and _POOR_COUNT_AND_BEFORE_NEAR.fullmatch(
                    text, g["figure"]["end"], near_count["figure"]["start"]
                )
                for g in before
            ):
                f["indicator"] = indicator_for("multidim", "level")

    def _drop_shares_of_the_poor_or_near_poor(self) -> None:
        """ "có 16.636 hộ nghèo thuộc dân tộc thiểu số, chiếm 95,42%" in a unit of 17.435 poor
        households: the part's count over the unit's poor is the percentage, so it is the
        part's share of the poor, not its poverty rate (the text leaves the base unsaid; the
        figures tell it). The same holds for the near-poor ("hộ cận nghèo 50 hộ … (trong đó
        hộ cận nghèo DTTS là 43/50 hộ chiếm tỷ lệ 86%)")."""
        dropped = []
        for category in ("poor", "near"):
            dropped += self._shares_of_a_category(
                indicator_for(category, "count"), indicator_for(category, "level")
            )
        if not dropped:
            return
        ids = {id(f) for f in dropped}
        starts = {f["figure"]["start"] for f in dropped}
        for m in self.doc.mentions:
            if m.type == "PERCENT" and m.start in starts:
                m.attrs["no_fact"] = "share-of-the-poor-by-arithmetic"
        self.facts = [f for f in self.facts if id(f) not in ids]

    def _shares_of_a_category(self, count: str, rate: str) -> list[dict[str, Any]]:
        """The rates of a category (the poor, the near-poor) that are a part's share of the
        unit's count of that category, by arithmetic."""
        whole: dict[tuple[Any, Any], float] = {}
        for f in self.facts:
            if (
                f["indicator"] == count
                and not f.get("group")
                and f.get("status") != "target"
                and isinstance(f["value"], int | float)
            ):
                key = ((f["locality"] or {}).get("name"), f["year"])
                whole[key] = max(whole.get(key, 0), f["value"])
        counts_by_sentence: dict[int, list[dict[str, Any]]] = {}
        for g in self.facts:
            if g["indicator"] == count and isinstance(g["value"], int | float):
                counts_by_sentence.setdefault(g["evidence"]["start"], []).append(g)
        shares = []
        for f in self.facts:
            total = whole.get(((f["locality"] or {}).get("name"), f["year"]))
            if f["indicator"] != rate or not total:
                continue
            parts = [
                g
                for g in counts_by_sentence.get(f["evidence"]["start"], [])
                if g["figure"]["end"] <= f["figure"]["start"]
            ]
            if not parts:
                continue
            part = max(parts, key=lambda g: g["figure"]["end"])  # the count right before it
            if part["value"] < total and (
                abs(part["value"] / total * 100 - f["value"]) <= SHARE_TOLERANCE_PP
            ):
                shares.append(f)
        return shares

    def _drop_off_topic(self) -> None:
        """An article whose text names poverty or a social programme only once, in passing,
        is on the topic still if it reports a figure of the poor ("Xã còn 45 hộ nghèo", not
        a population, houses or money, which are the figures in doubt); otherwise its
        populations, households, houses and money are general news."""
        if not self.off_topic_candidates:
            return
        provisional = {id(f) for f, _ in self.off_topic_candidates}
        gates = topic_gates()
        if any(id(f) not in provisional and f["indicator"] not in gates for f in self.facts):
            return
        income = indicator_for("income", "money")
        if _REVIEW_OF_A_UNIT_HEADLINE.search(self.headline_or_lead) and any(
            id(f) not in provisional
            and f["indicator"] == income
            and f["unit"].endswith("/year")
            and "đầu người" in f["evidence"]["text"]
            for f in self.facts
        ):
            # "Đại hội Đảng bộ xã Hòa Hội lần thứ I … dân số 36.174 người … thu nhập bình quân
            # đầu người đạt 75 triệu đồng": a congress (or a merged unit's) review that reports
            # the unit's income per head reviews its economy and society; its population is
            # no general news (an airport's or a company's story is no such review)
            return
        for _, fig in self.off_topic_candidates:
            fig.attrs["no_fact"] = "off-topic"
        self.facts = [f for f in self.facts if id(f) not in provisional]

    def _where_an_open_span_starts(self, t: Mention) -> bool:
        """ "… ban hành chính sách hỗ trợ … từ năm 2002" (not "ngay từ năm 2024", already then;
        not "từ năm 2016 đến nay", a period): the single year an open span starts from, which
        dates its own paragraph's starting point but no time later paragraphs report."""
        text = self.doc.text
        return (
            not t.attrs.get("period")
            and bool(_FROM_BEFORE.search(text, max(0, t.start - 12), t.start))
            and not _ALREADY_FROM_BEFORE.search(text, max(0, t.start - 20), t.start)
        )

    def _from_to(self, view: SentenceView, fig: Mention, fact: dict[str, Any]) -> None:
        """`từ A … xuống/lên B`: B's fact records the change from A."""
        text = self.doc.text
        left = text[view.sent.start : fig.start]
        if not _TO_BEFORE.search(left[-20:]):
            return
        earlier = [
            f
            for f in self.facts_by_evidence.get(view.sent.start, [])
            if f["indicator"] == fact["indicator"]
            and f is not fact
            # "khu vực thành thị giảm còn 0,49%, khu vực nông thôn còn 1,66%": two groups'
            # levels side by side, not a change from one to the other
            and f.get("group") == fact.get("group")
        ]
        if not earlier or not isinstance(earlier[-1]["value"], int | float):
            return
        a = earlier[-1]
        if fact.get("change"):
            return
        diff = round(fact["value"] - a["value"], 6)
        fact["change"] = {
            "direction": "decrease" if diff < 0 else "increase",
            "amount": abs(diff),
            "unit": "pp" if fact["unit"] == "%" else fact["unit"],
            "since": a.get("year"),
        }

    def _fact(
        self,
        view: SentenceView,
        fig: Mention,
        indicator: str,
        rule: str,
        subject: Cue | None,
        cues: list[Cue],
        year: int | None,
        period: dict[str, int] | None,
        place: dict[str, Any] | None,
        where: str,
    ) -> dict[str, Any]:
        text = self.doc.text
        value = fig.attrs.get("value")
        unit = "%" if fig.type == "PERCENT" else fig.attrs.get("unit")
        if rule in ("count-after-label", "count-bare-of-a-change"):
            unit = "households"  # "số hộ nghèo: 1.005": the label names what is counted
        if indicator == indicator_for("houses", "count"):
            unit = "houses"  # "xây mới 2.731 hộ": houses counted by the households they house
        if indicator == indicator_for("poor", "fall"):
            per_year = fig.attrs.get("per_year") or _PER_YEAR_BEFORE.search(
                text[max(view.sent.start, fig.start - 40) : fig.start]
            )
            unit = "pp/year" if per_year else "pp"
        if indicator == indicator_for("income", "money") and unit is None:
            unit = "VND"  # "đạt 40 triệu": bare millions of đồng
        if indicator == indicator_for("income", "money") and unit in (
            "VND/month",
            "VND/year",
            "VND",
            "VND/person",
        ):
            # an income is a person's; written in plain đồng or "/người" it is a year's, unless
            # the passage's last income was written by the month ("… đạt 5,4 triệu đồng/tháng.
            # Bình Dương … cao nhất cả nước, đạt 8,9 triệu đồng")
            per = unit.split("/")[-1]
            clause = _clause_start(text, view.sent.start, fig.start)
            said = [
                m.start() for m in regex.finditer(r"thu nhập", text[clause : fig.start], regex.I)
            ]
            if (
                per not in ("month", "year")
                and said
                # (after the income's own words: not "bình quân mỗi tháng mỗi hộ có thêm nguồn
                # thu, thu nhập … năm 2023 đạt 55 triệu đồng")
                and _INCOME_BY_THE_MONTH_BEFORE.search(text, clause + said[-1], fig.start)
            ):
                per = "month"  # ("thu nhập bình quân một người một tháng … đạt 4,23 triệu đồng")
            if per not in ("month", "year"):
                per = self._period_of_the_last_income(view, fig) or "year"
            unit = "VND/person/" + per
        clause_start = _clause_start(text, view.sent.start, fig.start)
        # a plan word governs its clause, and across "mục tiêu cụ thể: …" into the list it opens
        target_from = _clause_start(text, view.sent.start, fig.start, marks=";")
        targets = [
            c
            for c in cues
            if c.kind == "target"
            and target_from <= c.start
            and c.end <= fig.start
            # ("… vượt tiến độ so với kế hoạch đề ra gần 3 tháng, với tổng kinh phí …": a
            # plan referred to states none in a later clause; "so với chỉ tiêu tỉnh giao (390
            # hộ)", "mục tiêu …, nhiệm kỳ 2020-2025 đã đề ra là giảm 3,5%" state it)
            and not (
                self._refers_to_a_plan(view, c)
                and "," in text[c.end : fig.start]
                and not _PLAN_CONTENT_RIGHT_BEFORE.search(text, c.end, fig.start)
            )
            # ("dự kiến … có 153 hộ thoát nghèo, tỷ lệ giảm nghèo ước đạt 2%": an estimate
            # is what was done, the guide; "Báo cáo … dự kiến kế hoạch năm 2026 … cho biết …":
            # a plan word in the name of the source a reporting verb follows)
            and not _ESTIMATE_OR_SOURCE_AFTER_A_PLAN.search(text, c.end, fig.end)
        ]
        if not targets:
            # "Mục tiêu năm 2024, tỷ lệ hộ nghèo … còn dưới 18%; tỷ lệ hộ cận nghèo giảm còn
            # 10%": a plan word that opens the sentence governs all its clauses, unless a
            # later clause reports what was done
            opening = [
                c
                for c in cues
                if c.kind == "target"
                and c.end <= fig.start
                and not self._refers_to_a_plan(view, c)
                and _clause_start(text, view.sent.start, c.start, marks=";") == view.sent.start
                and not text[view.sent.start : c.start].count(",") > 1
            ]
            # ("…; giai đoạn 2016-2020, tỷ lệ hộ nghèo giảm bình quân 2,38%/năm" written in
            # 2022: a clause dated before the text was written reports, plans nothing)
            if (
                opening
                and not _DONE.search(text, opening[0].end, fig.end)
                and not self._dated_before_writing(view, target_from, fig.start)
            ):
                targets = opening
        if (
            not targets
            and subject is not None
            and subject.start < view.sent.start
            and subject.start in self.planned_subjects
            # "… phấn đấu giảm từ 4% trở lên mỗi năm. Năm 2023, toàn huyện giảm 4,6%": a
            # sentence dated by a year already past reports a result
            and not any(
                _year_of(t) == year and not self._in_the_future(year)
                for t in view.of("TIME")
                if t.end <= fig.start and _period_of(t) is None
            )
        ):
            # "Năm 2017, các địa phương phấn đấu giảm … hộ nghèo. Cụ thể, huyện A giảm 6,5%":
            # a subject carried from an earlier sentence carries its plan
            targets = [subject]
        if (
            not targets
            and self.plan_elaborated is not None
            and _ELABORATION_OPENING.match(text, view.sent.start)
            and not _DONE.search(text, view.sent.start, fig.start)
            and not self._dated_before_writing(view, view.sent.start, fig.start)
        ):
            # "Năm 2023, tỉnh dự kiến cấp khoảng hơn 532 tỷ đồng … Cụ thể, Chương trình … giảm
            # nghèo bền vững là 185.334 triệu đồng": the parts of the plan just stated
            targets = [self.plan_elaborated]
        if (
            not targets
            and self.plan_header is not None
            and self.plan_header.end <= fig.start
            and not _DONE.search(text, view.sent.start, fig.start)
            and not self._dated_before_writing(view, view.sent.start, fig.start)
        ):
            # "Mục tiêu đến năm 2025: ¶ - Tỷ lệ hộ nghèo giảm còn 3%; ¶ - Thu nhập … đạt 60
            # triệu đồng": the lines a plan header announces are its parts
            targets = [self.plan_header]
        if not targets and subject is not None and subject.start < target_from:
            # "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo … dưới 20%; bình quân mỗi năm giảm 3-4%":
            # a clause that continues an earlier clause's subject continues its plan too
            targets = [
                c
                for c in cues
                if c.kind == "target"
                and c.end <= subject.start
                and not self._refers_to_a_plan(view, c)
            ]
        plan_stated = not targets and self._content_of_a_plan_referred_to(view, fig)
        # "5 căn nhà còn lại phấn đấu hoàn thành, bàn giao trước ngày 5/8": the count is the
        # subject of a plan word right after it
        plan_stated = plan_stated or (
            fig.type == "QUANTITY"
            and _PLAN_WORD_AFTER_THE_COUNT.match(text, fig.end, view.sent.end) is not None
        )
        # "đến cuối năm 2025 còn không quá 1%": a ceiling is what a plan allows
        plan_stated = plan_stated or bool(_A_CEILING.match(fig.text))
        # "giảm từ 3% trở lên", "mỗi năm giảm 3,5% hộ nghèo trở lên": a floor is what a plan
        # aims at, not what was reached
        plan_stated = plan_stated or (
            _a_floor(text, fig)
            and not _DONE.search(
                text, _clause_start(text, view.sent.start, fig.start, ";"), fig.start
            )
        )
        # a group narrows the subject when written with it or after it: "tỷ lệ hộ nghèo DTTS",
        # or right before it: "khu vực ven biển tỷ lệ hộ nghèo … còn 2,6%"
        group_from = subject.start if subject is not None else clause_start
        if rule == "part-of-the-sentence-before":
            # "Trong đó, hộ người có công 209 căn, hộ nghèo 260 căn": each item's own group
            group_from = max(group_from, _clause_start(text, view.sent.start, fig.start, ",;:"))
        if subject is not None and fig.type == "PERCENT":
            right_before = [
                c
                for c in cues
                if c.kind == "group"
                and clause_start <= c.start
                and c.end <= subject.start
                # "Các huyện nghèo giảm tỷ lệ hộ nghèo từ 53,44% …", "Các huyện nghèo có tỷ lệ
                # hộ nghèo là 31,72%": the group, then its verb
                and regex.fullmatch(
                    r"[\s,]*(?:(?:đã|đều|cũng)\s+)?(?:(?:giảm|có)\s+)?",
                    text[c.end : subject.start],
                )
                # after a comma, not the units a unit has ("huyện Ba Chẽ có 5 xã đặc biệt khó
                # khăn, tỷ lệ hộ nghèo là 48,08%") unless the rate names them again ("… của 8
                # xã này"), nor who a share of the people is ("với trên 83% dân số là đồng bào
                # các dân tộc thiểu số, tỷ lệ hộ nghèo chiếm hơn 61%")
                and not (
                    "," in text[c.end : subject.start]
                    and (
                        (
                            _UNITS_A_UNIT_HAS_BEFORE.search(
                                text[_clause_start(text, clause_start, c.start, ",;:") : c.start]
                            )
                            and not _THOSE_UNITS_AFTER.search(text, subject.end, fig.start)
                        )
                        or _SHARE_OF_THE_PEOPLE_BEFORE.search(
                            text, max(view.sent.start, c.start - 40), c.start
                        )
                    )
                )
            ]
            if right_before:
                group_from = right_before[-1].start
        groups = [
            c
            for c in cues
            if c.kind == "group"
            and group_from <= c.start
            and c.end <= fig.start
            # "trong đó có 8.888 người đồng bào dân tộc thiểu số, …, có 613 hộ nghèo": a
            # group that names the people a count counts ends with that count; another
            # subject after it (here the count's own noun) is not that group's
            and not (
                _PEOPLE_COUNTED_BEFORE.search(text, max(0, c.start - 30), c.start)
                and any(s.kind == "subject" and c.end <= s.start <= fig.end for s in cues)
            )
            # "chiếm 17,89% (trong đó hộ Khmer nghèo chiếm 27%) …, đến năm 2020 còn 9.500 hộ
            # nghèo": a group inside a parenthesis closed before the figure is the aside's
            and not _closed_before(text, c.end, fig.start)
            # "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số":
            # who a programme is for, by its name
            and not _PROGRAMME_NAMED_FOR_A_GROUP_BEFORE.search(text, max(0, c.start - 90), c.start)
            # "Thành Tín là thôn đồng bào dân tộc Chăm …, có dân số 1.013 hộ", "Mường Nhé là
            # huyện nghèo, …": the group says what the unit is, in a clause a comma closed
            and not (
                regex.search(r"[,;]", text[c.end : fig.start])
                and _A_UNIT_DESCRIBED_BEFORE.search(text, max(view.sent.start, c.start - 80), c.end)
            )
        ]
        if not groups:
            # "Tại các huyện nghèo, nơi từng là “điểm nóng” …, tỷ lệ hộ nghèo … còn 24,86%",
            # "Ở vùng đồng bào dân tộc thiểu số, thu nhập … đạt 35 triệu đồng": a group the
            # sentence opens with as its frame holds for the figures after it
            groups = [
                c
                for c in cues
                if c.kind == "group"
                and c.end <= fig.start
                and _GROUP_FRAME_OPENING.fullmatch(text, view.sent.start, c.start)
                and not _PROGRAMME_NAMED_FOR_A_GROUP_BEFORE.search(
                    text, max(0, c.start - 90), c.start
                )
                and "," in text[c.end : fig.start]
                # (the frame ends where a unit is named again, not as one of the group's
                # members: "…, tỷ lệ hộ nghèo của tỉnh Quảng Nam giảm còn 4,5%", but "Riêng 4
                # huyện nghèo … là Mường Ảng, Tủa Chùa, …")
                and not any(
                    c.end <= m.start < fig.start
                    and not regex.search(r"\b(?:là|gồm)\b", text[c.end : m.start])
                    for m in view.of("LOCALITY")
                )
                and not _WHOLE_UNIT.search(text, c.end, fig.start)
            ][:1]
        if not groups and (indicator in LEVEL_OF.values() or indicator in HOUSEHOLD_COUNT.values()):
            # "…; Khu vực nông thôn có 37.185 hộ nghèo (12,86%), hộ cận nghèo 29.233 hộ
            # (10,11%)": a group that opens its clause and has its figures holds for each of
            # them, once the clause's first figure is a fact of that group (not "xã đặc biệt
            # khó khăn có 15 xã, …", "đồng bào Mông có 85% dân số, …")
            groups = [
                c
                for c in cues
                if c.kind == "group"
                and clause_start <= c.start
                and c.end <= fig.start
                and _GROUP_OPENS_ITS_CLAUSE.fullmatch(text, clause_start, c.start)
                and _HAS_AFTER_A_GROUP.match(text, c.end, fig.start)
                and "," in text[c.end : fig.start]
                and not any(c.end <= m.start < fig.start for m in view.of("LOCALITY"))
                and not _WHOLE_UNIT.search(text, c.end, fig.start)
                and (name := _group_named(text, c))
                and any(
                    c.end <= f["figure"]["start"] < fig.start and f.get("group") == name
                    for f in self.facts_by_evidence.get(view.sent.start, [])
                )
            ][:1]
        if groups and _WHOLE_UNIT.search(text, groups[-1].end, fig.start):
            groups = []  # "… các huyện miền núi còn 22,05%; toàn tỉnh còn 3,5%": the whole again
        confidence = 0.9 if where == "sentence" else 0.75 if where == "discourse" else 0.5
        if year is None:
            confidence -= 0.2
        fact: dict[str, Any] = {
            "indicator": indicator,
            "locality": place,
            "value": value,
            "unit": unit,
            "approx": fig.attrs.get("approx"),
            "year": year,
            "period": period,
            "change": None,
            "evidence": {
                "start": view.sent.start,
                "end": view.sent.end,
                "text": text[view.sent.start : view.sent.end],
            },
            "figure": {"start": fig.start, "end": fig.end, "text": fig.text},
            "method": f"{rule}/v1" + (f"+{subject.id}" if subject else ""),
            "confidence": round(confidence, 2),
            "status": "target"
            if (
                targets
                or plan_stated
                or (
                    self._in_the_future(year)
                    # ("Giai đoạn 2021-2025, tỷ lệ hộ nghèo đã giảm bình quân 1,2%/năm" in
                    # 2024: done so far in a period still running, no plan)
                    and not (
                        period is not None
                        and _DONE.search(text, max(clause_start, fig.start - 40), fig.start)
                    )
                )
            )
            and not (
                # "…, vượt chỉ tiêu đề ra": a result, unless forecast ("Dự kiến … sẽ giảm còn
                # 8,66%, đạt mục tiêu đề ra") or of a year to come
                _PLAN_MET_AFTER.match(text, fig.end, view.sent.end)
                and not _FORECAST_BEFORE.search(text, view.sent.start, fig.start)
                and not self._in_the_future(year)
            )
            else "actual",
            "standard": poverty_standard(text[view.sent.start : view.sent.end], year)
            if indicator in STANDARD_INDICATORS
            else None,
        }
        if (
            subject is not None
            and indicator == indicator_for("poor", "level")
            and _NAMED_MULTIDIMENSIONAL_AFTER.match(text, subject.end, fig.start)
        ):
            fact["_named_multidimensional"] = True  # "tỷ lệ hộ nghèo (theo chuẩn) đa chiều"
        if (
            rule == "count-people-of-households"
            and subject is not None
            and subject.rule["subject"] in HOUSEHOLD_COUNT
        ):
            # "hộ nghèo có 8.112 hộ, với 28.070 người": the people of the poor, not the unit's
            groups = []
            fact["group"] = "hộ cận nghèo" if subject.rule["subject"] == "near" else "hộ nghèo"
        if rule in ("count-people-of-the-poor", "count-people-of-the-near-poor"):
            groups = []
            fact["group"] = "hộ cận nghèo" if rule.endswith("near-poor") else "hộ nghèo"
        if rule == "part-of-the-sentence-before" and indicator == indicator_for(
            "population", "count"
        ):
            # "Trong đó, người Jrai ở các xã biên giới có 25.000 người": the outer group that
            # has them, not the place inside its "ở …" clause
            groups = _groups_having_the_count(text, groups, fig)[:1] or groups
        if rule in (
            "count-people-of-a-group",
            "count-people-of-a-place",
            "count-households-of-a-group",
            "count-noun-of-a-group",
        ):
            named = self._people_of_a_group(view, fig)
            # "…, trong đó khu vực nông thôn có 768.790 người", "Người Khmer ở Kiên Giang có
            # trên 237 ngàn người": the group that has them, right before its "có"
            owners = _groups_having_the_count(text, groups, fig)
            groups = []
            if named:
                fact["group"] = named[0]
            elif owners and rule == "count-people-of-a-place":
                # (the outer group: "người Jrai ở các xã biên giới có 25.000 người")
                fact["group"] = _group_named(text, owners[0])
            else:
                fact["group"] = None
        elif fact["indicator"] == indicator_for("population", "count"):
            # "hơn 261.000 đồng bào các dân tộc thiểu số", "221.000 người dân tộc thiểu số":
            # the people named by their group right after the count
            named = self._people_of_a_group(view, fig)
            if named is not None and (
                named[1] > fig.end
                # ("… dân số 112.400 người, gồm 3 dân tộc chính … (trong đó Kinh 78.300 người;
                # …)": an item of the unit's ethnic make-up, its group right before it)
                or _item_of_an_ethnic_make_up(text, view, fig) is not None
            ):
                groups = []
                fact["group"] = named[0]
        if (
            fig.type == "QUANTITY"
            or rule.endswith(("noun-after", "cue-after"))
            or _RATE_NAMED_AFTER.match(text, fig.end, fig.end + 12)
        ):
            # "8.037 hộ nghèo theo thu nhập, 753 hộ nghèo thiếu hụt …": a group written after
            # the count's noun (or after a fall's rate named after it, "giảm 0,22% tỷ lệ hộ
            # nghèo dân tộc thiểu số") is the figure's own, before any group earlier in the clause
            groups = self._group_after_noun(view, fig, cues) or groups
        if indicator in LEVEL_OF.values() and fig.type == "PERCENT":
            share = _SHARE_OF_A_GROUPS_HOUSEHOLDS_AFTER.match(text, fig.end, view.sent.end)
            of_group = [
                c
                for c in cues
                if c.kind == "group"
                and share
                and c.start == share.end()
                # (not "so với tổng số hộ DTTS nghèo": a share of the group's poor)
                and not regex.match(r"\s*(?:cận\s+)?nghèo\b", text[c.end : c.end + 12])
            ]
            if of_group:
                # "… chiếm 13,04% so với tổng số hộ đồng bào dân tộc thiểu số": the rate of the
                # group whose households it is measured against
                groups = of_group[:1]
        if indicator == indicator_for("houses", "count"):
            # "16 căn nhà cho hộ đồng bào dân tộc thiểu số": the group the houses are for, said
            # after them, is theirs ("… và 25 căn nhà cho hộ nghèo": none, whatever group an
            # earlier item of the clause named)
            whom = _HOUSES_FOR_A_GROUP_AFTER.match(text, fig.end, view.sent.end)
            if whom:
                # (a group cue may begin at the recipients' "hộ": "cho hộ người có công")
                said = [
                    c
                    for c in cues
                    if c.kind == "group" and c.start in (whom.start("whom"), whom.end())
                ][:1]
                if said or whom.group("poor"):
                    groups = said  # ("… cho hộ nghèo": none, whatever was named before)
            elif fig.attrs.get("unit") == "households" and not groups:
                # "hỗ trợ 16 hộ đồng bào dân tộc thiểu số xây dựng, sửa chữa nhà ở": houses
                # counted by the households of a group named right after them
                rest = text[fig.end : view.sent.end]
                right_after = fig.end + len(rest) - len(rest.lstrip())
                # (a group cue may begin at the count's own "hộ": "cho 360 hộ Khmer"; not the
                # first of a list of recipients: "880 hộ người có công và hộ nghèo")
                groups = [
                    c
                    for c in cues
                    if c.kind == "group"
                    and (c.start == right_after or fig.start < c.start < fig.end)
                    and not regex.match(
                        r"\s*(?:,|và\b|hoặc\b)\s*(?:các\s+)?(?:hộ|người|cựu|gia đình|đồng bào|thân nhân|"
                        + link_fragment("ethnic-names")
                        + r")\b",
                        text[c.end : c.end + 30],
                    )
                ][:1]
        if (
            indicator == indicator_for("houses", "count")
            and groups
            and (
                _POOR_AMONG_THE_RECIPIENTS_AFTER.match(text, groups[-1].end, view.sent.end)
                or _POOR_AMONG_THE_RECIPIENTS_BEFORE.search(
                    text, max(view.sent.start, groups[-1].start - 160), groups[-1].start
                )
            )
        ):
            # "nhà ở cho người có công, cựu chiến binh nghèo và hộ nghèo": a group listed with
            # the poor, the houses' default beneficiaries, is no group of them (the guide)
            groups = []
        if indicator in MONEY_FOR_ITS_BENEFICIARIES:
            # "… hỗ trợ vùng đồng bào dân tộc thiểu số và miền núi 404 tỷ đồng": the group is
            # who the money is for, not a sub-population the figure measures (the guide)
            groups = []
        units_group = groups and _UNITS_OF_A_GROUP.match(text[groups[-1].start : groups[-1].end])
        if (
            units_group
            and any(
                groups[-1].end < m.start
                and m.end <= fig.start
                and m.attrs.get("level") == _UNIT_LEVELS.get(units_group.group("unit").lower())
                # (a unit that opens a clause of its own, not the group's members listed after it:
                # "2 huyện 30a Trạm Tấu, Mù Cang Chải giảm …")
                and _LEVEL_WORD_OPENING.match(m.text)
                and regex.search(r",\s*$", text[groups[-1].end : m.start])
                for m in view.of("LOCALITY")
            )
        ):
            # "Đề án … trên địa bàn các huyện nghèo …, huyện Mèo Vạc được phân bổ …": one of
            # the units named after them is the figure's own, no group of them
            groups = []
        named = (
            self._unit_the_group_names(view, fig, groups[-1], place)
            if groups and not units_group
            else None
        )
        if named is not None:
            # "Huyện nghèo An Lão có tỷ lệ hộ nghèo giảm …", "huyện nghèo (huyện Đà Bắc) giảm
            # 8,1%": the named unit's attribute, no sub-population of it
            if place is None or named.attrs.get("name") != place.get("name"):
                fact["locality"] = place_of(named)
            groups = []
        if groups:
            cue = groups[-1]
            fact["group"] = _group_named(text, cue)
            # the group's words as written with the count or "các" before them
            counted = regex.search(
                r"(?:các|những|hai|ba|bốn|năm|\d+)\s+$", text[max(0, cue.start - 12) : cue.start]
            )
            written = (counted.group() if counted else "") + text[cue.start : cue.end]
            fact["locality"] = self._above_the_units_of(written, place)
        # "- Tỷ lệ nghèo đa chiều theo khu vực thành thị: 3,29% … Trong đó: ¶ + Tỷ lệ hộ nghèo:
        # 1,44%": a "+ …" sub-item is of the group its "- …" item names; "2. Dân tộc Thái
        # 155.639 hộ, … ¶ - Hộ nghèo: 22.662 hộ, 14,56%": a "- …" item is of the group its
        # numbered heading names (unless it names the whole unit again)
        block_start = self.doc.blocks[view.sent.block].start
        for listed_group, marker in (
            (self.item_group, _SUB_ITEM),
            (self.heading_group, _LIST_ITEM),
        ):
            if (
                "group" not in fact
                and listed_group
                and marker.match(text, block_start)
                and not _NAMES_THE_WHOLE_UNIT.search(text, block_start, fig.start)
            ):
                fact["group"] = listed_group
        if (
            "group" not in fact
            and self.sentence_group
            # (rates and counts of people: houses and money name whom they are for)
            and indicator not in MONEY_FOR_ITS_BENEFICIARIES
            and indicator != indicator_for("houses", "count")
            and _ELABORATION_OPENING.match(text, view.sent.start)
            and not view.of("LOCALITY")
            and not _NAMES_THE_WHOLE_UNIT.search(text, view.sent.start, fig.start)
        ):
            # "Huyện nghèo … có tỷ lệ nghèo đa chiều là 47,94%. Trong đó có 31,72% hộ nghèo và
            # 16,22% hộ cận nghèo": the parts of the group the sentence before spoke of
            fact["group"] = self.sentence_group
        if (
            rule in ("part-of-the-sentence-before", "houses-by-household-kind")
            and fig.attrs.get("unit") == "households"
            and (named := _HOUSEHOLDS_NAMED_AFTER.match(text, fig.end, view.sent.end))
        ):
            # "Trong đó có 232 hộ gia đình chính sách người có công, 546 hộ cựu chiến binh
            # nghèo, …": each part is of the households its words after the count name; the
            # poor, the default beneficiaries, are no group ("… và 496 hộ nghèo", the guide),
            # but in a split by kind right after the houses ("462 căn nhà, gồm 131 hộ nghèo,
            # 118 hộ cận nghèo và 213 hộ khó khăn") they are one kind of several; "60 hộ là
            # đồng bào Khmer" names the people the households are
            who = named.group("who").strip()
            if who.lower() == "nghèo" and rule == "part-of-the-sentence-before":
                fact.pop("group", None)
            else:
                fact["group"] = who[3:] if who.startswith("là ") else "hộ " + who
        if (
            "group" not in fact
            and indicator == indicator_for("houses", "count")
            and self._place_right_before(view, fig, also=r"có|\(")
            # (not "…, huyện Trạm Tấu có 6 căn nhà đại đoàn kết cho hộ nghèo": the item names
            # whom its houses are for)
            and not regex.match(r"[^,;.()]*\bcho\b", text[fig.end : view.sent.end])
        ):
            # "28 căn nhà được trao cho gia đình chính sách ở các xã: Cẩm Giang (1 căn),
            # Hiệp Thạnh (8 căn)": an item by place is of the group of the houses in total
            total = next(
                (
                    f
                    for f in reversed(self.facts_by_evidence.get(view.sent.start, []))
                    if f["indicator"] == indicator and f["figure"]["start"] < fig.start
                ),
                None,
            )
            if total is not None and total.get("group"):
                fact["group"] = total["group"]
        if "group" not in fact and rule == "item-of-a-breakdown" and self.breakdown_group:
            # "còn 6.500 hộ nghèo DTTS, gồm: huyện Đắk Glei 1.200 hộ, …": each item is of the
            # group of the figure it breaks down
            fact["group"] = self.breakdown_group
        if "group" not in fact and indicator == indicator_for("houses", "count"):
            split = self._group_of_the_houses_a_part_splits(view, fig)
            if split:
                # "… xây mới 709 nhà cho người có công cách mạng. Trong đó, sửa chữa 472 nhà và
                # xây mới 237 nhà": parts by the kind of work are of the houses' group
                fact["group"] = split
        if indicator == indicator_for("income", "money"):
            # "thu nhập bình quân đầu người của Lai Châu năm 2023": a place is no group
            places = {m.start for m in view.of("LOCALITY")}
            owners = [
                m
                for m in _INCOME_OF.finditer(text, view.sent.start, fig.end)
                if m.start("group") not in places
            ]
            if owners and "group" not in fact:
                fact["group"] = owners[-1].group("group").strip()
            if rule == "part-of-the-sentence-before":
                # "… thu nhập bình quân … đạt 40 triệu đồng. Trong đó, hộ nghèo chỉ đạt 12 triệu
                # đồng": a part's group is the one its clause names; its year and status are
                # the whole's when its sentence names no time of its own
                clause = text[_clause_start(text, view.sent.start, fig.start) : fig.start]
                poor = regex.search(r"\bhộ\s+(?:cận\s+)?nghèo\b", clause, regex.I)
                if poor is not None and "group" not in fact:
                    fact["group"] = poor.group()
                whole = next(  # (the first: "đạt 69,52 triệu …, tăng … so với năm 2018 (…)")
                    (
                        f
                        for f in self._facts_of_the_sentence_before(view)
                        if f["indicator"] == indicator
                    ),
                    None,
                )
                if whole is not None and not view.of("TIME"):
                    fact["year"], fact["period"] = whole["year"], whole.get("period")
                    fact["status"] = whole.get("status", fact.get("status"))
        if fig.attrs.get("range"):
            fact["range"] = fig.attrs["range"]
        return fact

    def _above_the_units_of(
        self, group: str, place: dict[str, Any] | None
    ) -> dict[str, Any] | None:
        """ "tỷ lệ hộ nghèo tại hai huyện Trạm Tấu và Mù Cang Chải giảm 33,3%", "10 xã đặc
        biệt khó khăn … còn 39,48%": a figure of a set of units is a unit's above them (the
        report's own unit, else the province), never one of them or one below."""
        units = _UNITS_OF_A_GROUP.match(group)
        if units is None or place is None or place.get("level") not in LEVEL_RANK:
            return place
        rank = LEVEL_RANK[_UNIT_LEVELS.get(units.group("unit").lower(), "village")]
        if LEVEL_RANK[place["level"]] > rank:
            return place
        main = self.discourse.main_place
        if main is not None and LEVEL_RANK.get(main.get("level", ""), -1) > rank:
            return main
        return _province_place(place.get("province")) or place

    def _a_fall_its_counts_make_relative(
        self,
        view: SentenceView,
        fact: dict[str, Any],
        read: list[tuple[Mention, str, str, Cue | None]],
    ) -> bool:
        """ "từ 108 hộ nghèo … giảm xuống còn 64 hộ, tức giảm 40,75% tỷ lệ hộ nghèo": a fall
        of the rate that the sentence's own household counts make relative (44 of 108, as
        printed), not a fall in points — whether `giảm X%` is points or relative is decided by
        the arithmetic the text allows (annotations/README.md). The counts are the sentence's
        counts of the poor and of those who left poverty, as read so far."""
        if fact["indicator"] != RATE_FALL or fact["unit"] != "pp":
            return False
        fall = float(fact["value"])
        if fall < 1:
            return False
        text = self.doc.text
        start = fact["figure"]["start"]
        clause = max(text.rfind(";", 0, start), text.rfind(".", 0, start)) + 1
        counts = [
            m
            for m, indicator, _, _ in read
            if indicator in _POOR_COUNTS and m.attrs.get("value") and m.start >= clause
        ]
        places = [m.start for m in view.of("LOCALITY")]
        for x in counts:
            for y in counts:
                lo, hi = min(x.start, y.start), max(x.end, y.end)
                if x is y or any(lo < p < hi for p in places):
                    continue  # (counts of two units: "xã A còn 100 hộ, xã B còn 95 hộ")
                a, b = float(x.attrs["value"]), float(y.attrs["value"])
                # start and end, a fall of a start, a fall and its end
                relative = [100 * a / (a + b)]
                if a > b:
                    relative += [100 * (a - b) / a, 100 * b / a]
                if any(abs(r - fall) <= RELATIVE_FALL_TOLERANCE for r in relative):
                    return True
        return False

    def _rate_of_households_just_counted(self, view: SentenceView, fig: Mention) -> bool:
        """ "Trong đó, khu vực thành thị 3.752/121.729 hộ (chiếm 3,08%)": the share N/M the
        households just counted make (not "huyện A 2.400 hộ (chiếm 20%)", a share of the poor
        counted before; not "276 hộ (chiếm 22%) hộ cận nghèo …", their own category after)."""
        text = self.doc.text
        share = _SHARE_WORD_BEFORE.search(text, view.sent.start, fig.start)
        return (
            share is not None
            and not _CATEGORY_RIGHT_AFTER.match(text, fig.end, view.sent.end)
            and any(
                m.attrs.get("unit") == "households"
                and m.attrs.get("ratio")
                and regex.fullmatch(r"\s*[,(]?\s*", text[m.end : share.start()])
                and _rate_of_the_ratio_after(view, m, m.attrs["ratio"])
                for m in view.of("QUANTITY")
                if m.end <= fig.start
            )
        )

    def _a_floor_of_the_fall_before(
        self, view: SentenceView, fig: Mention, clause: int, left: str
    ) -> bool:
        """ "… giảm mỗi năm ít nhất 4%. Riêng các huyện nghèo giảm từ 6%/năm trở lên": a part of
        the fall the sentence before gave, by how much at least (not "Có 15 xã giảm từ 3% trở
        lên": how many units fell that much)."""
        text = self.doc.text
        return (
            _falls_by_at_least(text, left, fig)
            and _PART_OPENING.match(text, view.sent.start) is not None
            and not _UNITS_COUNTED_BEFORE.search(text, clause, fig.start)
            and any(
                f["indicator"] == indicator_for("poor", "fall")
                for f in self._facts_of_the_sentence_before(view)
            )
        )

    def _unit_the_group_names(
        self, view: SentenceView, fig: Mention, cue: Cue, place: dict[str, Any] | None
    ) -> Mention | None:
        """The one unit a group's words name, right after them ("Huyện nghèo An Lão", "xã đặc
        biệt khó khăn Trà Leng", the passage's place) or in brackets at their level ("huyện
        nghèo (huyện Đà Bắc)"); not a list ("huyện nghèo Trạm Tấu và Mù Cang Chải"), not
        units counted or plural ("các huyện nghèo …"), not units of the one in brackets ("5 xã
        đặc biệt khó khăn (huyện Kon Plông)")."""
        text = self.doc.text
        level = _UNIT_LEVELS.get(text[cue.start : cue.end].split()[0].lower())
        if level is None or regex.search(
            r"(?:các|những|hai|ba|bốn|năm|\d+)\s+$", text[max(0, cue.start - 12) : cue.start]
        ):
            return None
        for m in view.of("LOCALITY"):
            if m.start < cue.end:
                continue
            between = text[cue.end : m.start]
            if (
                place is not None
                and regex.fullmatch(r"\s*", between)
                and m.attrs.get("name") == place.get("name")
                and not regex.match(r"\s*(?:,|và\b)", text[m.end : m.end + 6])
            ) or (
                m.end <= fig.start
                and m.attrs.get("level") == level
                and regex.fullmatch(r"\s*\(\s*", between)
                and regex.match(r"\s*\)", text[m.end : m.end + 3])
            ):
                return m
        return None

    def _a_part_without_group(
        self,
        view: SentenceView,
        fig: Mention,
        indicator: str,
        subject: Cue | None,
        fact: dict[str, Any],
    ) -> bool:
        """Whether the figure is a part of the whole that names no group (an `unless_group`
        exception of `patterns/link_exceptions.jsonl`): no fact, and `no_fact` says which."""
        if "group" in fact:
            return False
        part = stopping_exception(self.doc.text, view, fig, indicator, subject, parts=True)
        if part is not None:
            fig.attrs["no_fact"] = part
        return part is not None

    def _in_the_merged_unit(self, fact: dict[str, Any]) -> None:
        """A former unit's figure ("Riêng tỉnh Bạc Liêu (cũ) đã hoàn thành 4.400 căn") is the
        merged unit's (Cà Mau), with the former one as its group ("Bạc Liêu cũ", or "hộ
        nghèo (Bạc Liêu cũ)" after the group the sentence names)."""
        former = fact.get("locality") or {}
        if FORMER_OF not in former:
            return
        # (a new dict: the passage may carry the same one to the next sentences' facts)
        fact["locality"] = {k: v for k, v in former.items() if k != FORMER_OF}
        year = fact.get("year") or REORGANISATION_YEAR
        if not self.after_the_reorganisation or year < REORGANISATION_YEAR:
            return  # ("Hà Nam cũ … từ 3,69% (năm 2021)": the province it then was)
        fact["locality"] = dict(former[FORMER_OF])
        named = f"{former['name']} cũ"
        fact["group"] = f"{fact['group']} ({named})" if fact.get("group") else named

    def _add(self, fact: dict[str, Any]) -> None:
        self._in_the_merged_unit(fact)
        key = (
            fact["indicator"],
            (fact["locality"] or {}).get("name"),
            fact["year"],
            fact["value"],
            fact["figure"]["start"],
            fact.get("status"),  # "182/182 nhà": houses done, and the plan's
        )
        if key in self.fact_keys:
            return
        self.fact_keys.add(key)
        self.facts.append(fact)
        self.facts_by_evidence.setdefault(fact["evidence"]["start"], []).append(fact)


def _statement_key(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["indicator"], f["value"], f["unit"], f.get("status"), f.get("group"))


def _stated_as(
    stated: dict[tuple[Any, ...], list[dict[str, Any]]], f: dict[str, Any]
) -> list[dict[str, Any]]:
    """Earlier facts that state `f` again: the same statement, and for a body's plan a
    headline that gives the plan's figure with no plan word and no year of its own
    ("Tỷ lệ hộ nghèo chỉ còn khoảng 1,36%" over "Dự kiến, đến cuối năm 2025, … 1,36%"), or
    with the plan's own year and unit ("Mù Cang Chải: Hỗ trợ 367 nhà ở … năm 2023" over "…
    huyện Mù Càng Chải năm 2023 sẽ hỗ trợ 367 nhà")."""
    same = stated.get(_statement_key(f), [])
    if f.get("status") != "target":
        return same
    as_actual = stated.get(_statement_key({**f, "status": "actual"}), [])
    return same + [
        k
        for k in as_actual
        if k.get("_basis", ("text", "", ""))[2] == "title"
        and (
            k.get("_basis", ("text", "", ""))[0] != "text"
            or (
                k["year"] == f["year"]
                and _same_unit(k["locality"], f["locality"])
                # (not a dated headline the body already stated as done: "Giảm 800 hộ nghèo
                # năm 2023" over "… giảm 800 hộ nghèo, đạt kế hoạch năm 2023 là giảm 800 hộ")
                and not k.get("_stated_done")
            )
        )
    ]


def _same_unit(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """The same place, by its code where both have one ("Mù Cang Chải" and "Mù Càng Chải",
    two spellings of one district), else by name."""
    a, b = a or {}, b or {}
    if a.get("code") and b.get("code"):
        return bool(a["code"] == b["code"] and a.get("level") == b.get("level"))
    return a.get("name") == b.get("name")


def _in_bare_millions(fig: Mention) -> bool:
    """A figure with no unit written in a scale word an amount of đồng leaves bare ("40
    triệu")."""
    return fig.attrs.get("unit") is None and (
        (fig.attrs.get("scale_word") or "").lower() in _BARE_MONEY_SCALES
    )


def _groups_having_the_count(text: str, cues: list[Cue], fig: Mention) -> list[Cue]:
    """The group cues that have the count right after them ("khu vực nông thôn| có
    |768.790 người", "Người Khmer| ở Kiên Giang có trên |237 ngàn người"), first first."""
    return [
        c
        for c in cues
        if c.kind == "group" and _GROUP_HAS_THE_COUNT_BETWEEN.fullmatch(text, c.end, fig.start)
    ]


def _inside(inner: dict[str, Any] | None, outer: dict[str, Any] | None) -> bool:
    """Whether the unit `inner` lies inside `outer` (a commune in its district or province,
    a district in its province), by the parents the gazetteer gives it."""
    inner, outer = inner or {}, outer or {}
    name, level = outer.get("name"), outer.get("level")
    if not name or level not in ("province", "district"):
        return False
    return inner.get(level) == name and inner.get("level") != level


def _value(m: Mention) -> float:
    """A figure's value, 0 where it has none."""
    v = m.attrs.get("value")
    return float(v) if isinstance(v, int | float) else 0.0


def _specific(value: Any) -> bool:
    """A figure too exact to hold twice by chance (43.048 hộ, 33,05%), unlike a round one
    (3%, 100 hộ) that a text may give for two years."""
    if not isinstance(value, int | float) or value == 0:
        return False
    digits = f"{abs(value):.2f}".replace(".", "").strip("0")
    return len(digits) >= 3 and not (value == int(value) and int(value) % 100 == 0)


def _weakly_placed(f: dict[str, Any]) -> bool:
    """A fact whose year or place the sentence itself did not state (a title, a summary)."""
    year_basis, where, _ = f.get("_basis", ("text", "sentence", "body"))
    return year_basis != "text" or where != "sentence"


def _states_the_plan(headline: dict[str, Any], body: dict[str, Any]) -> bool:
    """A headline's approximate figure that reads as done, over the body's plan of the same
    year within 1 % ("Hơn 11.700 tỷ đồng thực hiện …" over "dự kiến … hơn 11.752 tỷ đồng");
    not a round count of houses done over a larger plan ("Hoàn thành 3.000 căn" over 3.200)."""
    a, b = headline["value"], body["value"]
    return (
        body.get("status") == "target"
        and bool(headline.get("approx"))
        and headline.get("year") == body.get("year")
        and isinstance(a, int | float)
        and isinstance(b, int | float)
        and b != 0
        and abs(a - b) <= 0.01 * abs(b)
    )


def _rounds_to(headline: dict[str, Any], body: dict[str, Any]) -> bool:
    """A headline's round or approximate figure that restates the body's exact one:
    "giảm hơn 1.200 hộ nghèo" over "giảm 1.236 hộ", "67 ngàn hộ" over "66.956 hộ"."""
    a, b = headline["value"], body["value"]
    if not isinstance(a, int | float) or not isinstance(b, int | float) or b == 0 or a == b:
        return False
    if abs(a - b) > 0.1 * abs(b):
        return False
    if headline.get("approx"):
        return True
    if a == int(a) and b != int(b):
        return abs(a - b) < 1  # "2%" over "2,36%"
    return a == int(a) and int(a) % 10 ** max(1, len(str(int(abs(a)))) - 2) == 0


# how many parts a headline's total may be the sum of
MAX_PARTS_OF_A_HEADLINE_TOTAL = 6


def _headline_total_dated_by_its_parts(facts: list[dict[str, Any]], title_end: int) -> None:
    """ "Phân bổ 3,6 tỷ đồng … ¶ … năm 2024 … trích 2,1 tỷ đồng …; trích 1,5 tỷ đồng …": a
    headline's undated figure that the body's figures of one year, stated one after the
    other, add up to is of their year."""
    for i, head in enumerate(facts):
        if head["year"] is not None or head["evidence"]["start"] >= title_end:
            continue
        run: list[dict[str, Any]] = []
        for f in facts[i + 1 :]:
            if f["indicator"] != head["indicator"]:
                continue
            if (
                f["year"] is None
                or f.get("status") != head.get("status")
                or f.get("group") != head.get("group")
                or (f["locality"] or {}).get("name") != (head["locality"] or {}).get("name")
                or len(run) == MAX_PARTS_OF_A_HEADLINE_TOTAL
            ):
                break
            run.append(f)
            total = sum(float(p["value"]) for p in run)
            if (
                len(run) >= 2
                and len({p["year"] for p in run}) == 1
                and abs(total - float(head["value"])) <= 0.005 * float(head["value"])
            ):
                head["year"], head["year_basis"] = run[0]["year"], run[0].get("year_basis")
                head.pop("year_guess", None)
                break


def merge_restatements(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A document states each fact once (FACTS.md): the same indicator, locality, year,
    value, status and group said twice (title and body, a summary) is one fact, with the
    first statement as evidence and the others in `also_evidence`. A title's figure whose
    year or place only the discourse gave is the body's figure when the body states the
    same value with its own year and place."""
    kept: list[dict[str, Any]] = []
    # indexes, so that merging stays linear in the number of facts
    titles: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    stated: dict[tuple[Any, ...], list[dict[str, Any]]] = {}

    def reading(f: dict[str, Any]) -> tuple[Any, ...]:
        return f["indicator"], f.get("group")

    for f in facts:
        same = None
        in_title = f.get("_basis", ("", "", ""))[2] == "title"
        for k in [] if in_title else titles.get(reading(f), []):
            if (
                k.get("_basis", ("", "", ""))[2] == "title"
                and _rounds_to(k, f)
                # (the headline may state as done what the body says is planned: "TPHCM: Hơn
                # 11.700 tỷ đồng thực hiện …" over "… dự kiến năm 2024 hơn 11.752 tỷ đồng")
                and (k.get("status") == f.get("status") or _states_the_plan(k, f))
            ):
                # the headline rounds the body's figure: the body's statement is the fact
                headline = {key: k["evidence"][key] for key in ("start", "end")}
                old_key = _statement_key(k)
                stated[old_key].remove(k)
                k.clear()
                k.update(f)
                k["also_evidence"] = [headline]
                stated.setdefault(_statement_key(k), []).append(k)
                same = f
                break
        for k in [] if same is not None else _stated_as(stated, f):
            k_place = (k["locality"] or {}).get("name")
            f_place = (f["locality"] or {}).get("name")
            if k["year"] == f["year"] and _same_unit(k["locality"], f["locality"]):
                if k.get("_basis", ("", "", ""))[2] == "title" and f.get("status") == "target":
                    k["status"] = "target"  # the headline states the body's plan
                same = k
                break
            k_basis = k.get("_basis", ("text", "sentence", "body"))
            f_basis = f.get("_basis", ("text", "sentence", "body"))
            title_dated_by_body = (
                k_basis[2] == "title" and k_basis[0] != "text" and f_basis[0] == "text"
            )
            same_place = k_place == f_place
            restated = same_place and _specific(f["value"])
            if restated and k_basis[0] == "text" and f.get("_said_now") and not k.get("_said_now"):
                # "Đến hết năm 2019, … còn 43.048 hộ nghèo … ¶ Hiện nay … còn 43.048 hộ nghèo":
                # an exact figure said again in the present tense is the one the text dated
                same = k
                break
            dated_again = (
                restated
                and (k.get("_said_now") or k_basis[0] == "published")
                and f_basis[0] == "text"
                and not f.get("_said_now")
            )
            # "Trao hỗ trợ 5 căn nhà …" over "… huyện Châu Thành … trao … 5 căn nhà …", both
            # dated by the article's date: the body's sentence places what the title did not
            placed_by_body = (
                k_basis[2] == "title"
                # (not a headline the body already restated with the headline's own unit:
                # "Bàn giao 20 căn nhà … ¶ Huyện Mường Lát … bàn giao 20 căn nhà … Trước đó,
                # xã Trung Lý cũng đã nhận 20 căn nhà")
                and not k.get("also_evidence")
                and k_basis[1] != "sentence"
                and f_basis[1] == "sentence"
                and k["year"] == f["year"]
            )
            if (
                k_basis[2] == "title"
                # (the headline names its unit itself: a unit the discourse gave it yields to
                # the body's, below)
                and k_basis[1] == "sentence"
                and not k.get("also_evidence")
                and f_basis[2] != "title"
                and k["year"] == f["year"]
                and _inside(f["locality"], k["locality"])
                # (not where the headline names the body's unit too: "Nghệ An: 2.000 hộ thoát
                # nghèo ở Kỳ Sơn")
                and (f_place or "") not in k["evidence"].get("text", "")
            ):
                # "Cần Thơ: khởi công 71 căn nhà …" over "… tại gia đình ông …, phường Phước
                # Thới, … khởi công 71 căn nhà": the body tells the headline's figure again
                # where it happened inside the unit the headline named; the headline's unit
                # keeps it (the body's is often a venue or one part of it); told again, it is
                # no longer a headline a later statement of the same value could re-date
                k["_basis"] = (f_basis[0], k_basis[1], "body")
                if "year_basis" in f:
                    k["year_basis"] = f["year_basis"]
                same = k
                break
            if (
                (_weakly_placed(k) and not _weakly_placed(f))
                or title_dated_by_body
                or dated_again
                or placed_by_body
            ):
                # the body fixes what the title left to the discourse
                for key in (
                    "locality",
                    "year",
                    "period",
                    "change",
                    "year_guess",
                    "year_basis",
                    "status",
                    "_said_now",
                ):
                    if key in f:
                        k[key] = f[key]
                    else:
                        k.pop(key, None)
                k["_basis"] = f.get("_basis")
                same = k
                break
        if same is None and f.get("_label_restatement"):
            # "Tổng kinh phí xây dựng 29 căn nhà …", "Trong 36 căn nhà được hỗ trợ, xã …": the
            # houses a label names are the count stated before (of its year), wherever the
            # sentence goes on
            same = next(
                (k for k in stated.get(_statement_key(f), []) if k["year"] == f["year"]), None
            )
        if same is None:
            kept.append(f)
            stated.setdefault(_statement_key(f), []).append(f)
            if in_title:
                titles.setdefault(reading(f), []).append(f)
        elif same is not f:
            same.setdefault("also_evidence", []).append(
                {k: f["evidence"][k] for k in ("start", "end")}
            )
            if f.get("status") != "target":
                same["_stated_done"] = True
    for f in kept:
        f.pop("_basis", None)
        f.pop("_said_now", None)
        f.pop("_stated_done", None)
        f.pop("_label_restatement", None)
    return kept


def _capital_before_its_province_was_a_city(doc: Document) -> None:
    """ "Thành phố Huế phấn đấu giảm tỷ lệ hộ nghèo …" in a report of 2016: before Thừa Thiên
    Huế became the centrally run city of Huế (2025, `NAMES_BEFORE`), "thành phố Huế" was its
    capital, a district-level city; the gazetteer keeps that city as a former unit."""
    written = int(doc.meta.published[:4]) if doc.meta.published else reference_year(doc)
    for m in doc.mentions:
        name = m.attrs.get("name")
        if (
            m.type != "LOCALITY"
            or m.attrs.get("level") != "province"
            or name not in NAMES_BEFORE
            or written is None
            or written >= NAMES_BEFORE[name][1]
            # ("thành phố Huế", "TP.Huế", "TP Huế", or "thành phố" after it)
            or not regex.match(r"(?:thành phố|tp)(?:\.|\s|$)", m.text, regex.I)
        ):
            continue
        capital = next(
            (u for u in get_gazetteer().lookup(name, "district", era="pre2025") if u.former),
            None,
        )
        if capital is not None and capital.province == name:
            m.attrs.update(
                {"name": capital.name, "level": "district", "province": name, "code": None}
            )


@stage("link", requires=("mentions",), provides=("facts",))
def link(doc: Document) -> Document:
    _capital_before_its_province_was_a_city(doc)
    facts = Linker(doc).run()
    # the year the report was written: its date, else the latest year its facts hold for
    published = doc.meta.published
    # (a target's year counts: "… còn 1,4%; năm 2025 sẽ dưới 1,2%" is written at the turn)
    latest = max((f["year"] for f in facts if f.get("year")), default=None)
    written = int(published[:4]) if published else latest
    doc.facts = [_named_for_its_time(f, written) for f in facts]
    if written:
        for m in doc.mentions:
            if m.type == "LOCALITY":
                keys = ("name", "province") if m.attrs.get("level") == "province" else ("province",)
                for k in keys:
                    if m.attrs.get(k):
                        m.attrs[k] = name_of_its_time(m.attrs[k], written)
    return doc


def _named_for_its_time(fact: dict[str, Any], written: int | None) -> dict[str, Any]:
    """A fact's unit (and its province) by the name it bore when the report was written
    (`written`; a 2019 report's Huế is Thừa Thiên Huế), spelt as the gazetteer spells it
    where a page adds an apostrophe the name does not have."""
    loc = fact.get("locality")
    if loc and loc.get("code") and regex.search(r"[’'‘]", loc.get("name", "")):
        # "Đắk G’Long" as some pages write it is the gazetteer's "Đắk Glong"
        unit = get_gazetteer().by_code(loc["code"], loc.get("level", ""))
        if unit is not None and not regex.search(r"[’'‘]", unit.name):
            fact["locality"] = loc = {**loc, "name": unit.name}
    # the name of the report's year (a 2025 report calls its 2021 figures the city of Huế's)
    year = written or fact.get("year")
    if not loc or year is None:
        return fact
    # (the province's name, not the capital's: "thành phố Huế" of 2016 stays Huế)
    keys = ("name", "province") if loc.get("level") == "province" else ("province",)
    renamed = {k: name_of_its_time(loc[k], year) for k in keys if loc.get(k) is not None}
    if renamed != {k: loc[k] for k in renamed}:
        fact["locality"] = {**loc, **renamed}
    return fact
