"""Localities: administrative units and villages, linked to the gazetteer.

Three ways a place is written, handled in this order:
1. a level word and a capitalized name: `xã Lục Bình`, `tỉnh Lai Châu`, `TP. Lào Cai`,
   `thôn Pác Chang`, with an optional parent in parentheses or after a comma
   (`xã Lục Bình (Bạch Thông)`, `huyện Bình Gia, tỉnh Lạng Sơn`);
2. a bare name the gazetteer knows (`Nậm Nhùn là huyện…`, `Bình Gia (Lạng Sơn)`):
   provinces always, districts and communes only inside the article's provinces;
3. `toàn tỉnh`, `trên địa bàn huyện`: the unit of that level the passage is about.
A name shared by several units is resolved by its written parent, then by the
other places of the article. Level words and regions are data (`patterns/`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex
from spacy.tokens import Doc, Token
from vnfacts import patterns
from vnfacts.doc import NEIGHBOUR, Mention
from vnfacts.gazetteer import Unit, fold, get_gazetteer
from vnfacts.recognize.numbers import find_figures
from vnfacts.recognize.spacy_doc import PhraseHit, find_phrases, text_of

MAX_NAME_SYLLABLES = 5
_NAME_DASHES = frozenset("-‐‑–—")
# toàn tỉnh, trên địa bàn huyện, cả xã, của tỉnh, trong và ngoài tỉnh: the unit of the passage
ANAPHOR_CUES = frozenset({"toàn", "bàn", "cả", "của", "ngoài", "trong"})
# "Xã có 14 thôn", "Huyện hiện có 21.956 hộ": a level word that opens a sentence, before its
# verb, is the unit the passage is about (a profile page's "Xã" after "Xã Thái Sơn là …")
VERBS_AFTER_AN_OPENING_UNIT = frozenset({"có", "hiện", "đã", "còn", "đạt", "gồm"})
_SENTENCE_OPENERS = frozenset({".", "!", "?", ":", ";", "-", "–", "•", "+", "*"})
# "được chia tách từ xã Nhơn Hòa", "trên cơ sở sáp nhập các phường 7, 8, 9": the units a unit
# was made from are no antecedent of a later "xã", "phường" either
_MERGED_FROM_BEFORE = regex.compile(
    r"(?:\b(?:sáp nhập|hợp nhất|(?:chia\s+)?tách\s+(?:ra\s+)?từ)\s+(?:(?:từ|của)\s+)?"
    # "sáp nhập toàn bộ diện tích tự nhiên, quy mô dân số của xã A, …", "mới gồm xã A, …"
    r"|\b(?:sáp nhập|hợp nhất)\b[^.;]{0,120}?\bcủa\s+|(?<!\bthôn\s)\bmới\s+(?:được\s+)?gồm\s+)"
    r"(?:(?:các|\d+|hai|ba|bốn|năm)\s+)?(?:(?:xã|huyện|tỉnh|thị trấn|phường|thị xã)\s*:?\s+)?"
    r"(?:[^.;:()]{0,60}?(?:,|và|\(\s*cũ\s*\))\s*)?$",
    regex.I,
)
# "So với tỉnh Cao Bằng, …", "tiếp nhận hỗ trợ từ huyện Bảo Lâm": a unit compared with or giving
# to the one the passage is about is no antecedent either
_COMPARED_OR_GIVING_BEFORE = regex.compile(
    r"\b(?:so với|(?:hỗ trợ|tiếp nhận|nhận)\s+(?:[^.;,]{0,20}?\s)?từ)\s+(?:(?:các|\d+)\s+)?$",
    regex.I,
)
_CLAUSE_AFTER_THE_LIST = regex.compile(r"\s+(?:mới\s+)?(?:có|hiện|đã|là|đạt|còn)\b", regex.I)
# "giáp huyện A", "giáp với 02 huyện A và B", "giáp ranh xã C": the border's other side (not
# a time "giáp Tết", "giáp năm mới": "Những ngày giáp Tết, chúng tôi trở lại xã A")
_BORDERS_BEFORE = regex.compile(
    r"\bgiáp(?!\s+(?:Tết|năm mới)\b)(?:\s+(?:với|ranh(?:\s+với)?))?\s+(?!biên giới)"
    r"(?:(?:\d+|hai|ba|bốn)\s+(?:(?:huyện|xã|tỉnh|thị xã|thành phố|phường|thị trấn)\s+)?)?"
    # (a list of neighbours, each item ended by its comma, "và" or "+": "giáp tỉnh A, B và C")
    r"(?:[^,.;:]{0,40}?(?:,|\bvà\b|\+|\s(?=(?:xã|huyện|tỉnh|TT|thị trấn|phường|thị xã)\b))\s*){0,8}"
    # (the last item before the unit, which may open with its level word or name its parent in
    # brackets: "giáp TT Chư Ty xã Ia Pnôn", "giáp xã Phiêng Luông (Mộc Châu)")
    r"(?:[^,.;:]{0,40}?[\s(])?$",
    regex.I,
)
ADMIN_LEVELS = ("province", "district", "commune")
FIGURE_LOOKAHEAD_CHARS = 40  # enough for a number and its unit ("1.234,5 nhân khẩu")
# a compass direction written like a region's name: "phía Tây Bắc", "Đông Bắc giáp xã …"
_COMPASS_BEFORE = regex.compile(r"\bphía\s*$", regex.I)
_BORDER_AFTER = regex.compile(r"\s*(?:giáp|tiếp giáp)\b", regex.I)
_COMPASS_WORDS = frozenset({"Đông", "Tây", "Nam", "Bắc"})


@dataclass
class Place:
    start: int
    end: int
    name: str
    level: str  # FACTS level, or "city" until the gazetteer decides
    method: str
    parents: list[str] = field(default_factory=list)
    unit: Unit | None = None
    anaphor: bool = False
    candidates: list[Unit] = field(default_factory=list)
    parent_place: Place | None = None  # for villages: the commune named beside them
    unaccented: bool = False  # its unit matched only with diacritics dropped ("Mù Càng Chải")


class SpanCover:
    """The characters a growing set of spans covers, so that "does anything found so far
    overlap this span?" costs the span's length, not a scan over every span found so far
    (a long document has thousands: that scan made recognize quadratic).

    Spans that cover no character (empty, reversed or negative) are kept aside and tested
    with the plain predicate, so the answers are exactly those of the scan."""

    def __init__(self, size: int = 0) -> None:
        self._marks = bytearray(size)
        self._odd: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        if start < 0 or start >= end:
            self._odd.append((start, end))
            return
        if end > len(self._marks):
            self._marks.extend(bytes(end - len(self._marks)))
        self._marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with [start, end) (which must not be empty)."""
        if start >= end:
            raise ValueError("an empty span overlaps nothing a cover can tell")
        if self._marks.find(1, max(start, 0), end) != -1:
            return True
        return any(s < end and start < e for s, e in self._odd)

    def covers(self, offset: int) -> bool:
        """Whether a span contains the character at `offset`."""
        if 0 <= offset < len(self._marks) and self._marks[offset]:
            return True
        return any(s <= offset < e for s, e in self._odd)


# words before a level word that make it a kind of units, not one unit ("các xã …")
PLURAL_BEFORE_A_LEVEL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "mọi"})
# words right before a one-syllable province name that make it a place ("Tại Huế", "ở Huế",
# "của Huế", "Riêng Huế", a clause's or headline's "Huế …"), not a person ("chị Huế")
_PLACING_WORD_BEFORE = regex.compile(
    r"(?:\b(?:[Tt]ại|ở|Ở|của|về|đến|từ|khắp|[Rr]iêng|TP\.?|thành phố|Thành phố)\s+|[,;:]\s*|^\s*)$",
    regex.M,
)
# how far into the text the headline and the lead go: where a bare name only one province
# has may name the article's unit before any province is named
LEAD_CHARS = 600
# a headline's bare district name may be a commune's in this many other provinces at most
_ELSEWHERE_AT_MOST = 1
# words that open a sentence before a bare name ("Tại Lai Châu, …", "Riêng Bình Dương …"): the
# capital is the sentence's, the name starts after them
LEADING_WORDS_BEFORE_A_NAME = frozenset(
    {"tại", "ở", "riêng", "còn", "như", "với", "cùng", "trong", "theo", "từ", "đến", "sau"}
    | {"trước", "ngoài", "nhờ", "do", "vì", "khi", "để", "cả", "toàn", "nhưng", "và", "thì"}
    | {"hiện", "nay", "qua", "chỉ", "song", "tuy", "đó", "vậy", "nên", "mà", "nếu", "hay"}
)
# "thôn 2 và 4", "thôn 2, 4", "ấp 3-4", "thôn 1 tới 3": a level word before a list or a range of
# numbers names several villages
_NUMBERED_LIST_AFTER = regex.compile(
    r"\s+\d{1,2}[A-Za-z]?\s*(?:,|và\b|[-–]|tới\b|đến\b)\s*(?:(?:thôn|ấp|xóm|bản)\s+)?\d", regex.I
)
_NUMBERED_LIST_BEFORE = regex.compile(
    r"(?<![\d.,])\d{1,2}[A-Za-z]?\s*(?:,|và|[-–]|tới|đến)\s*$", regex.I
)
# "Trưởng thôn Điểu Ngọc", "Phó trưởng bản Lò Văn Piềng": a village head's title before a
# surname-led name is a person's, not a village's name
TITLE_BEFORE_A_VILLAGE = frozenset({"trưởng"})
# a level word's descriptors, then a capitalized name ("huyện nghèo |Trà Cú")
_DESCRIBED = regex.compile(
    r"\s+(?:"
    + "|".join(
        regex.escape(w)
        for w in sorted(
            (w for rule in patterns.load("level_descriptors") for w in rule["words"]),
            key=len,
            reverse=True,
        )
    )
    + r")\s+(?=\p{Lu})",
    regex.IGNORECASE,
)


# an institution's head word ("blocker-institution" of place_blockers.jsonl) opening the
# phrase a country's name ends: "Ngân hàng TMCP Kỹ thương Việt Nam", "Ngân hàng Thương mại Cổ
# phần Đầu tư và phát triển Việt Nam" (up to ten words)
_INSTITUTION_BEFORE = regex.compile(
    r"(?<!\p{L})(?:"
    + "|".join(
        regex.escape(w)
        for rule in patterns.load("place_blockers")
        if rule["id"] == "blocker-institution"
        for w in sorted(rule["words"], key=len, reverse=True)
    )
    + r")\s+(?P<name>(?-i:\p{Lu})[^\s,.;:()\n]*\s+(?:[^\s,.;:()\n]+\s+){0,9})$",
    regex.IGNORECASE | regex.V1,
)
# lower-case words an institution's name may hold ("Ngân hàng TMCP kỹ thương Việt Nam"); a
# verb ("Báo Tuổi Trẻ cho biết Việt Nam …") ends the name
INSTITUTION_NAME_LOWER_WORDS = frozenset(
    [
        "kỹ",
        "thương",
        "công",
        "thương",
        "ngoại",
        "thương",
        "điện",
        "lực",
        "nông",
        "nghiệp",
        "phát",
        "triển",
        "nông",
        "thôn",
        "và",
        "thương",
        "mại",
        "cổ",
        "phần",
        "xây",
        "dựng",
        "đầu",
        "tư",
        "dầu",
        "khí",
        "bưu",
        "chính",
        "viễn",
        "thông",
        "quân",
        "đội",
        "quốc",
        "gia",
        "năng",
        "lượng",
        "hàng",
        "không",
        "cao",
        "su",
        "hóa",
        "chất",
    ]
)


# a part of the country by the compass ("Nam Bộ", "Bắc Trung Bộ"): no unit's name
_PART_OF_THE_COUNTRY = regex.compile(r"(?:Đông |Tây |Bắc |Nam )?(?:Nam|Bắc|Trung) Bộ")


@cache
def _region_names() -> frozenset[str]:
    """The folded names and phrases of the regions (patterns/regions.jsonl)."""
    return frozenset(
        fold(p) for row in patterns.load("regions") for p in [row["name"], *row.get("phrase", [])]
    )


@cache
def place_blockers() -> frozenset[str]:
    return frozenset(
        w.lower()
        for rule in patterns.load("place_blockers")
        if not rule.get("country_only")
        for w in rule["words"]
    )


@cache
def _village_defined() -> regex.Pattern[str]:
    """ "Thành Tín là thôn …", "Trung Hạ là một bản …": a name of two capitalized syllables or
    more that opens a sentence and is said to be a village, by a one-word village level of
    patterns/levels.jsonl (not "Đây là thôn …": one word; not a person, "Hồ Văn Lai là thôn
    trưởng …": a middle name, or a village head's title)."""
    words = sorted(
        {
            phrase
            for rule in patterns.load("levels")
            if rule["level"] == "village"
            for phrase in rule["phrase"]
            if " " not in phrase and phrase.islower()
        }
    )
    return regex.compile(
        r"(?:^|(?<=[.!?:]\s{1,3})|(?<=\n))"
        r"(?P<name>(?-i:(?!\p{Lu}\p{Ll}+\s(?:Văn|Thị)\b)\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,3}))"
        rf"\s+là\s+(?:một\s+)?(?:{'|'.join(words)})\b(?!\s+(?:trưởng|phó))",
        regex.M,
    )


def _a_blocker_before(text: str, at: int) -> bool:
    """Whether the one to three words right before offset `at` are a place blocker (an
    institution's or a product's head word: "công ty", "trường", "sâm")."""
    words = regex.findall(r"\p{L}+", text[max(0, at - 30) : at].lower())
    return any(" ".join(words[-n:]) in place_blockers() for n in (1, 2, 3) if len(words) >= n)


# the people or things a country's name qualifies ("Chiến lược phát triển gia đình Việt Nam",
# "phụ nữ Việt Nam"): Vietnamese families, no place a figure is about
_QUALIFIED_BY_THE_COUNTRY = regex.compile(
    r"(?<!\p{L})(?:"
    + "|".join(
        regex.escape(w)
        for rule in patterns.load("place_blockers")
        if rule.get("country_only")
        for w in sorted(rule["words"], key=len, reverse=True)
    )
    + r")[ \t]+$",  # (on the same line: a heading's last word is no qualifier)
    regex.IGNORECASE,
)


def is_name_syllable(tok: Token) -> bool:
    text = tok.text
    return (text[:1].isupper() and text.isalpha()) or (text.isdigit() and len(text) <= 2)


# a unit named right after a number ("thôn 7 xã Đoàn Kết"): the number is a name's, no count
_PARENT_UNIT_NAMED_AFTER = regex.compile(r"\s+(?:xã|phường|thị trấn|huyện)\s+\p{Lu}")


def _a_figure_follows(doc: Doc, i: int) -> bool:
    """The number at token i is a figure the number recogniser reads with its unit or as a
    share ("38 hộ", "5%"), not a name's number ("thôn Tân Lập 2")."""
    text, at = text_of(doc), doc[i].idx
    figures = find_figures(text, at, min(len(text), at + FIGURE_LOOKAHEAD_CHARS))
    return (
        bool(figures)
        and figures[0].start == at
        and (figures[0].type == "PERCENT" or figures[0].attrs.get("unit") is not None)
    )


def _verb_then_a_count(doc: Doc, i: int | None) -> bool:
    """ "có 14 thôn", "hiện có 10.000 đơn vị": the verbs of an opening unit, then a count (not
    "Huyện có số trường hợp … nhiều nhất là Hoài Nhơn": a ranking, no unit of the passage)."""
    words = 0
    while i is not None and i < len(doc) and doc[i].lower_ in VERBS_AFTER_AN_OPENING_UNIT:
        i, words = _next_word(doc, i), words + 1
    return bool(words) and i is not None and doc[i].like_num


def _next_word(doc: Doc, i: int) -> int | None:
    """Index of the token after token i on the same line, or None."""
    j = i + 1
    if j >= len(doc) or doc[j].is_space:
        return None
    return j


def name_run(doc: Doc, i: int, limit: int, allow_number: bool = False) -> list[Token]:
    """Capitalized syllables from token i on, joined by single spaces ("Lai Châu"),
    or by an apostrophe inside a syllable group ("Ea H'leo"); "Phường 1" with allow_number."""
    run: list[Token] = []
    syllables = 0
    j = i
    while j < len(doc) and doc[j].idx < limit and syllables < MAX_NAME_SYLLABLES:
        tok = doc[j]
        if not is_name_syllable(tok) or (tok.text.isdigit() and not (run or allow_number)):
            break
        if (
            tok.text.isdigit()
            and _a_figure_follows(doc, j)
            # ("thôn 7 xã Đoàn Kết": the village's number, then its commune by name)
            and not (not run and _PARENT_UNIT_NAMED_AFTER.match(text_of(doc), tok.idx + len(tok)))
        ):
            break  # "xã Ch'ơm 38 hộ": the figure of the item, not "thôn Tân Lập 2"
        run.append(tok)
        syllables += 1
        if tok.text.isdigit():
            if (
                not tok.whitespace_
                and j + 1 < len(doc)
                and len(doc[j + 1].text) == 1
                and doc[j + 1].text.isalpha()
            ):
                run.append(doc[j + 1])  # "ấp 7A", "ấp 7a": a letter written onto the number
            break  # a number ends the name
        if _dash_follows(doc, tok) and _dash_inside_name(doc, j, limit):
            # "Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm": one name joined by a dash
            run.append(doc[j + 1])
            j += 2
            continue
        if tok.whitespace_:
            j += 1
            continue
        if (
            j + 2 < len(doc)
            and doc[j + 1].text in "'’"
            and not doc[j + 1].whitespace_
            # "Ea H'leo", "Cư M'gar", "Đắk R'lấp": the syllable after it is often lower case
            and doc[j + 2].text.isalpha()
        ):
            run.extend((doc[j + 1], doc[j + 2]))
            syllables += 1
            if doc[j + 2].whitespace_:
                j += 3
                continue
        break
    return run


def _dash_follows(doc: Doc, tok: Token) -> bool:
    """A dash right after the token or after one space: a cheap look at the text before
    indexing the doc (most syllables are followed by none)."""
    text = text_of(doc)
    at = tok.idx + len(tok.text)
    return text[at : at + 1] in _NAME_DASHES or (
        text[at : at + 1] == " " and text[at + 1 : at + 2] in _NAME_DASHES
    )


def _dash_inside_name(doc: Doc, j: int, limit: int) -> bool:
    """Token j is followed by a dash, written tight or spaced on both sides, and a
    capitalized syllable: the two halves may be one unit's name."""
    if j + 2 >= len(doc) or doc[j + 2].idx >= limit:
        return False
    dash, after = doc[j + 1], doc[j + 2]
    return (
        dash.text in _NAME_DASHES
        and bool(doc[j].whitespace_) == bool(dash.whitespace_)
        and is_name_syllable(after)
        and not after.text.isdigit()
    )


def run_text(doc: Doc, run: list[Token]) -> str:
    return text_of(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]


def _gaz_levels(level: str) -> tuple[str, ...]:
    """Gazetteer levels a place's level may stand for: "city" (thành phố) is a province or a
    district; "unit" (a bare name that is a district and a commune at once) either of those."""
    return {"city": ("province", "district"), "unit": ("district", "commune")}.get(level, (level,))


@cache
def _province_names(era: str) -> frozenset[str]:
    """The folded names of the provinces of an era, to look a bare name up in it cheaply."""
    return frozenset(fold(n) for n in get_gazetteer().province_names(era=era))


def units_named(name: str, level: str | None, era: str, parent: str | None = None) -> list[Unit]:
    """Current units called `name` in the article's era, else in the other one."""
    gaz = get_gazetteer()
    levels = _gaz_levels(level) if level else (None,)
    for which in (era, "2025" if era == "pre2025" else "pre2025"):
        found: list[Unit] = []
        for lv in levels:
            found.extend(gaz.lookup(name, level=lv, parent=parent, era=which, include_former=False))
        if found:
            return found
    return []


def longest_known_prefix(
    doc: Doc, run: list[Token], level: str, era: str, unaccented: bool = False
) -> list[Token] | None:
    """The longest prefix of `run` that names a unit of `level` ("Lai Châu" of "Lai Châu Lê
    Văn"); with `unaccented`, a province or district whose name is written with its syllables
    joined or its marks off ("huyện Đakrông" for Đa Krông, "Mù Càng Chải"), resolved to the
    unit by `_candidates`."""
    gaz = get_gazetteer()
    for n in range(len(run), 0, -1):
        if not is_name_syllable(run[n - 1]):
            continue
        name = run_text(doc, run[:n])
        if unaccented:
            if gaz.lookup_unaccented(name, level, era):
                return run[:n]
        elif units_named(name, level, era) or (
            # "xã Quế Trung", merged in 2019: a whole former name, never a shorter current
            # unit it starts with ("Quế" of another province); a yes or no, from the bits
            n >= 2 and any(gaz.is_name(name, lv, include_former=True) for lv in _gaz_levels(level))
        ):
            return run[:n]
    return None


def _former_units_named(name: str, level: str) -> list[Unit]:
    """Units merged away before 2025 called `name` ("xã Quế Trung", merged in 2019)."""
    gaz = get_gazetteer()
    return [
        u
        for lv in _gaz_levels(level)
        for u in gaz.lookup(name, level=lv, era="pre2025", include_former=True)
        if u.former
    ]


def _extended_by_lower_case(doc: Doc, run: list[Token], level: str, era: str) -> list[Token] | None:
    """A unit's name whose last syllables are written in lower case after a level word
    ("tỉnh Bà Rịa-Vũng tàu", "huyện Mù Cang chải"): the run and one or two syllables more,
    when together they name a unit of that level."""
    last = run[-1].i
    for extra in (2, 1):
        tokens = [doc[j] for j in range(last + 1, last + 1 + extra) if j < len(doc)]
        if (
            len(tokens) == extra
            and all(t.text.isalpha() and t.text[:1].islower() for t in tokens)
            and all(doc[j].whitespace_ == " " for j in range(last, last + extra))
            and units_named(run_text(doc, [*run, *tokens]), level, era)
        ):
            return [*run, *tokens]
    return None


def _parent_after(doc: Doc, tok_i: int, limit: int) -> tuple[str | None, int]:
    """A parent written right after a name: `(Bạch Thông)`, `(huyện Bát Xát)`, `, tỉnh Lạng Sơn`."""
    j = tok_i
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and doc[k].idx < limit and doc[k].text != ")" and k - j < 10:
            k += 1
        if k < len(doc) and doc[k].text == ")":
            inner = [t for t in doc[j + 1 : k] if not t.is_space]
            words = [t for t in inner if is_name_syllable(t)]
            if words:
                return text_of(doc)[words[0].idx : words[-1].idx + len(words[-1].text)], k + 1
    return None, tok_i


@dataclass
class LocalityFinder:
    """Finds the places of one document; `resolve_level` answers `toàn tỉnh`."""

    doc: Doc
    ranges: list[tuple[int, int]]  # content blocks (start, end)
    era: str = "pre2025"  # the gazetteer era of the article (by its date)
    places: list[Place] = field(default_factory=list)
    # Indexes over `places`, brought up to date on each query (other finders append to the
    # list directly), so each query costs O(log n) or the span's length, not a scan.
    _cover: SpanCover = field(default_factory=SpanCover, init=False, repr=False)
    _by_start: dict[int, list[Place]] = field(default_factory=dict, init=False, repr=False)
    _indexed: int = field(default=0, init=False, repr=False)
    _indexed_list: list[Place] | None = field(default=None, init=False, repr=False)
    # bumped whenever `resolve` may change levels and units, and when an anaphor is resolved
    _generation: int = field(default=0, init=False, repr=False)
    _anaphors_resolved: int = field(default=0, init=False, repr=False)
    _memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, init=False, repr=False)

    # ----------------------------------------------------------------- indexes
    def _sync(self) -> None:
        """Index the places appended since the last query (all of them if the list was
        replaced or shortened). Offsets of a place never change once it is made."""
        places = self.places
        if self._indexed_list is not places or self._indexed > len(places):
            self._cover = SpanCover(len(text_of(self.doc)))
            self._by_start = {}
            self._indexed = 0
            self._indexed_list = places
            self._memo.clear()
        for p in places[self._indexed :]:
            self._cover.add(p.start, p.end)
            self._by_start.setdefault(p.start, []).append(p)
        self._indexed = len(places)

    def starting_at(self, offset: int) -> list[Place]:
        """The places that start at `offset`, in the order they were found."""
        self._sync()
        return self._by_start.get(offset, [])

    def covers(self, offset: int) -> bool:
        """Whether a place found so far contains the character at `offset`."""
        self._sync()
        return self._cover.covers(offset)

    def _state(self) -> tuple[int, int, int]:
        """What the memoized answers depend on: the list, its length, the resolutions."""
        self._sync()
        return id(self.places), len(self.places), self._generation

    # ----------------------------------------------------------------- pass 1: level words
    def find_with_level_words(self) -> None:
        doc = self.doc
        for start, end in self.ranges:
            covered_to = -1
            for hit in find_phrases(doc, "levels", start, end):
                if hit.start < covered_to:
                    continue  # "xã Bản Hồ": "Bản" is part of the commune's name here
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if span is None:
                    continue
                prev = doc[span.start - 1] if span.start > 0 else None
                if (
                    prev is not None
                    and not prev.is_space
                    and prev.lower_ in hit.rule.get("not_after", ())
                ):
                    continue
                nxt = _next_word(doc, span.end - 1)
                if nxt is not None and doc[nxt].text in hit.rule.get("not_before", ()):
                    # "tổng vốn đầu tư toàn xã hội": society, no commune (in lower case: "xã
                    # Hội Xuân" is one)
                    continue
                level = hit.rule["level"]
                numbered = level in ("commune", "district") or (
                    # "ấp 7", "thôn 2": not "hai thôn 2 và 4", "các thôn 2, 4 và 6" (several
                    # villages, the figure their commune's)
                    level == "village"
                    and not (prev is not None and prev.lower_ in PLURAL_BEFORE_A_LEVEL)
                    and not _NUMBERED_LIST_AFTER.match(text_of(doc), hit.end)
                    and not _NUMBERED_LIST_BEFORE.search(
                        text_of(doc), max(0, hit.start - 12), hit.start
                    )
                )
                run = (
                    name_run(doc, nxt, end, numbered)
                    if nxt is not None and doc[span.end - 1].whitespace_
                    else []
                )
                if not run and doc[span.end - 1].text == "." and nxt is not None:
                    run = name_run(doc, nxt, end)  # "TP.Hồ Chí Minh"
                if (
                    not run
                    and level in ADMIN_LEVELS
                    # (not "các xã biên giới Hà Giang": units of a kind, then their province)
                    and not (prev is not None and prev.lower_ in PLURAL_BEFORE_A_LEVEL)
                    and not (prev is not None and prev.like_num)
                ):
                    run = self._name_after_a_descriptor(hit.end, level, end)
                if not run:
                    opens_sentence = (
                        (prev is None or prev.is_space or prev.text in _SENTENCE_OPENERS)
                        and doc[span.start].text[:1].isupper()
                        and _verb_then_a_count(doc, nxt)
                    )
                    if hit.rule.get("anaphor") and (
                        (prev is not None and prev.lower_ in ANAPHOR_CUES) or opens_sentence
                    ):
                        self.places.append(
                            Place(
                                hit.start,
                                hit.end,
                                "",
                                level,
                                f"rule:{hit.rule['id']}:anaphor",
                                anaphor=True,
                            )
                        )
                    continue
                if level == "village":
                    if prev is not None and prev.lower_ in TITLE_BEFORE_A_VILLAGE:
                        from vnfacts.recognize.officials import surnames  # (it imports this)

                        if run[0].text in surnames() and len(run) >= 2:
                            continue  # "Trưởng thôn Điểu Ngọc cho hay": a person, by title
                    whole = self._unit_spelled_with(hit, run)
                    if (
                        whole is not None
                    ):  # "Sóc Sơn", "Bản Hồ": the level word is the name's first syllable
                        self.places.append(whole)
                        covered_to = whole.end
                        continue
                else:
                    if (
                        run[0].text.isdigit()
                        and run[-1].i + 1 < len(doc)
                        and doc[run[-1].i + 1].text[:1].islower()
                    ):
                        continue  # "mỗi xã 5 ha": a number and its unit, not "Phường 5"
                    if hit.rule.get("requires_gazetteer") and len(run_text(doc, run)) < 2:
                        continue  # "P.V" in a byline
                    known = (
                        _extended_by_lower_case(doc, run, level, self.era)
                        or longest_known_prefix(doc, run, level, self.era)
                        or longest_known_prefix(doc, run, level, self.era, unaccented=True)
                    )
                    if known:
                        run = known
                    elif not self._plausible_unknown_name(run, hit.rule):
                        continue
                    elif len(run) > 4:
                        run = run[:4]
                name_end = run[-1].idx + len(run[-1].text)
                parent, _ = _parent_after(doc, run[-1].i + 1, end)
                place = Place(
                    hit.start,
                    name_end,
                    # "Plei Sar": a word of the people's own language for a village that stays
                    # in the name, as in Plei Kần, Pleiku (written lower case, "plei Ia Mơ
                    # Nông", it is the common noun)
                    text_of(doc)[hit.start : name_end]
                    if hit.rule.get("in_name") and text_of(doc)[hit.start].isupper()
                    else run_text(doc, run),
                    level,
                    f"rule:{hit.rule['id']}",
                    parents=[parent] if parent else [],
                )
                self.places.append(place)
                covered_to = name_end
                covered_to = max(
                    covered_to, self._list_after(run[-1].i + 1, place, end, hit.rule["id"])
                )

    def _name_after_a_descriptor(self, after: int, level: str, end: int) -> list[Token]:
        """ "huyện nghèo Trà Cú", "xã đặc biệt khó khăn Trà Leng": a unit's name after words
        that describe it (patterns/level_descriptors.jsonl), when the gazetteer knows it (and
        it is no province's name: "xã ven biển Thái Bình" are the province's communes)."""
        m = _DESCRIBED.match(self.doc.text, after, end)
        if m is None:
            return []
        span = self.doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None:
            return []
        run = name_run(self.doc, span.start, end)
        known = (
            longest_known_prefix(self.doc, run, level, self.era)
            or longest_known_prefix(self.doc, run, level, self.era, unaccented=True)
            or []
        )
        if known and run_text(self.doc, known) in _province_names(self.era):
            return []
        return known

    def _plausible_unknown_name(self, run: list[Token], rule: dict[str, Any]) -> bool:
        """A unit name the gazetteer does not know: not an abbreviation's guess, not a person
        ("UBND thành phố Lê Văn Hòa"), not one syllable or an acronym ("xã NTM", "tỉnh ĐT")."""
        if rule.get("requires_gazetteer"):
            return False
        if len(run) == 1:
            return False
        if any(t.text.isupper() and len(t.text) > 1 for t in run):
            return False
        written = " ".join(t.text for t in run)
        if fold(written) in _region_names() or _PART_OF_THE_COUNTRY.fullmatch(written):
            return False  # "Tỉnh Nam Bộ 'trắng hộ nghèo'": a province of the region, unnamed
        from vnfacts.recognize.officials import surnames  # the same cue data the people rules use

        return run[0].text not in surnames()

    def _unit_spelled_with(self, hit: PhraseHit, run: list[Token]) -> Place | None:
        """A gazetteer unit whose name begins with a village word: "Sóc Sơn", "Làng Mô"."""
        doc = self.doc
        for n in range(len(run), 0, -1):
            name = text_of(doc)[hit.start : run[n - 1].idx + len(run[n - 1].text)]
            if not text_of(doc)[hit.start : hit.start + 1].isupper():
                return None  # "sóc Sơn": a level word, then a name
            units = [u for u in units_named(name, None, self.era) if u.level in ADMIN_LEVELS]
            if units:
                levels = {u.level for u in units}
                level = (
                    "province"
                    if "province" in levels
                    else units[0].level
                    if len(levels) == 1
                    else "unit"
                )
                end = run[n - 1].idx + len(run[n - 1].text)
                return Place(hit.start, end, name, level, "gazetteer:name-with-level-syllable")
        return None

    def _list_after(self, i: int, first: Place, limit: int, rule_id: str) -> int:
        """`các xã Pa Cheo, Y Tý và A Lù`, `02 thôn Nam Lanh Chang, Bắc Lanh Chang`: one level
        word, several names. A name after a comma that is a unit above the first one and
        contains it is its parent (`xã Tân Lập, Đan Phượng`). Returns where the list ends."""
        doc = self.doc
        level = first.level
        end_at = -1
        while i < len(doc) and doc[i].idx < limit:
            if doc[i].text == "," or doc[i].lower_ == "và":
                j = i + 1
            else:
                break
            if j >= len(doc) or not is_name_syllable(doc[j]) or doc[j].text.isdigit():
                break
            run = name_run(doc, j, limit)
            if not run or len(run) > 4:
                break
            name = run_text(doc, run)
            s, e = run[0].idx, run[-1].idx + len(run[-1].text)
            if level != "village" and doc[i].text == ",":
                parent_level = self._parent_level(first, name)
                if parent_level is not None:
                    first.parents.append(name)
                    self.places.append(Place(s, e, name, parent_level, f"rule:{rule_id}:parent"))
                    end_at = e
                    i = run[-1].i + 1
                    continue
            if level != "village":
                # (as after the level word: "huyện Trạm Tấu và Mù Càng Chải", a tone mark
                # off)
                known = max(
                    longest_known_prefix(doc, run, level, self.era) or [],
                    longest_known_prefix(doc, run, level, self.era, unaccented=True) or [],
                    key=len,
                )  # (the longer: "huyện An Lão và Vinh Thanh" is Vĩnh Thạnh, not Vinh)
                if len(known) != len(run):
                    break
            self.places.append(Place(s, e, name, level, f"rule:{rule_id}:list"))
            end_at = e
            i = run[-1].i + 1
        return end_at

    def _parent_level(self, child: Place, name: str) -> str | None:
        """The level of `name` if it is a unit above `child` that one of its candidates lies in."""
        child_units = units_named(child.name, child.level, self.era)
        above = {"commune": ("district", "province"), "district": ("province",)}.get(
            child.level, ()
        )
        for level in above:
            for u in units_named(name, level, self.era):
                if any(_same(u.name, c.district) or _same(u.name, c.province) for c in child_units):
                    return level
        return None

    # ----------------------------------------------------------------- regions, country
    def find_regions(self) -> None:
        text = text_of(self.doc)
        for start, end in self.ranges:
            for hit in find_phrases(self.doc, "regions", start, end):
                if self._covered(hit.start, hit.end):
                    continue
                if _COMPASS_BEFORE.search(text, max(0, hit.start - 8), hit.start) or (
                    _BORDER_AFTER.match(text, hit.end)
                ):
                    continue  # "phía Tây Bắc giáp huyện Ia Grai": a direction, no region
                if (
                    hit.rule["level"] == "country"
                    and text[hit.start : hit.start + 1].isupper()
                    and _QUALIFIED_BY_THE_COUNTRY.search(text, max(0, hit.start - 16), hit.start)
                ):
                    continue  # "gia đình Việt Nam": Vietnamese families, no place
                campaign = hit.rule.get("campaign_name")
                if (
                    campaign
                    and regex.search(
                        campaign["before"], text[max(0, hit.start - 30) : hit.start], regex.I
                    )
                    and regex.match(campaign["after"], text[hit.end : hit.end + 40], regex.I)
                ):
                    continue  # "phong trào Cả nước chung tay …": a campaign's name
                p = Place(
                    hit.start,
                    hit.end,
                    hit.rule["name"],
                    hit.rule["level"],
                    f"rule:{hit.rule['id']}",
                )
                self.places.append(p)

    def drop_organisation_name_parts(self, orgs: list[tuple[int, int]]) -> None:
        """ "Bảo hiểm xã hội Việt Nam", "Ngân hàng Chính sách xã hội Việt Nam": the country
        or region written right after an organisation named for a unit (`takes_locality`) is
        part of its name, not a place the text speaks of (a source's name must not make a
        province's figure the country's); "Quốc hội Việt Nam" is the country's own body."""
        ends = {end for _, end in orgs}
        text = text_of(self.doc)

        def after_an_organisation(start: int) -> bool:
            i = start
            while i > 0 and text[i - 1] == " ":
                i -= 1
            return i in ends

        def inside_an_organisation(p: Place) -> bool:
            # "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": an organisation whose name holds it
            return any(s < p.start and p.end <= e for s, e in orgs)

        def ends_an_institutions_name(p: Place) -> bool:
            # "Ngân hàng TMCP Kỹ thương Việt Nam", "Tập đoàn Điện lực Việt Nam": an
            # institution's head word earlier in the same phrase
            m = _INSTITUTION_BEFORE.search(text, max(0, p.start - 70), p.start)
            return (
                p.level == "country"
                and m is not None
                and all(
                    w.lower() in INSTITUTION_NAME_LOWER_WORDS
                    for w in m.group("name").split()
                    if w[:1].islower()
                )
            )

        self.places = [
            p
            for p in self.places
            if not (
                p.level in ("country", "region")
                and text[p.start : p.start + 1].isupper()
                and (
                    after_an_organisation(p.start)
                    or inside_an_organisation(p)
                    or ends_an_institutions_name(p)
                )
            )
        ]

    # ----------------------------------------------------------------- pass 2: bare names
    def find_bare_names(self, blocked: list[tuple[int, int]]) -> None:
        """Gazetteer names written without a level word, outside people's names and orgs."""
        doc = self.doc
        text = text_of(doc)
        provinces = self.article_provinces()
        blocked_cover = SpanCover(len(text))
        for bs, be in blocked:
            blocked_cover.add(bs, be)
        # levels written for each name so far (levels do not change during this pass)
        named_levels: dict[str, set[str]] = {}
        for p in self.places:
            named_levels.setdefault(fold(p.name), set()).add(p.level)
        for start, end in self.ranges:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            i = span.start
            lead_end: int | None = None  # the run's end after a sentence's opening word
            while i < span.end:
                tok = doc[i]
                if (
                    not is_name_syllable(tok)
                    or tok.text.isdigit()
                    or self._covered(tok.idx, tok.idx + 1)
                    or blocked_cover.covers(tok.idx)
                ):
                    i += 1
                    continue
                if self._blocked_by_word_before(i):
                    i += 1
                    continue
                run = name_run(doc, i, end)
                if all(t.text in _COMPASS_WORDS for t in run) and (
                    _COMPASS_BEFORE.search(text, max(0, tok.idx - 8), tok.idx)
                    or _BORDER_AFTER.match(text, run[-1].idx + len(run[-1].text))
                ):
                    i += len(run)
                    continue  # "Đông Bắc giáp xã Ia Dơk": a direction, not xã Đông
                best: tuple[list[Token], list[Unit]] | None = None
                # after a sentence's opening word, only the whole rest of the run, of two
                # syllables or more, is a name ("Tại Lai Châu", not "Theo Vũ Quang| Hải")
                whole_rest_only = lead_end is not None and run[-1].i == lead_end
                lead_end = None
                for n in range(len(run), 0, -1):
                    if not is_name_syllable(run[n - 1]):
                        continue
                    name = run_text(doc, run[:n])
                    # "Tại Huế, …", "ở Huế": a province's one-syllable name is a name even when
                    # short, after a word that places (not "chị Huế", a person)
                    a_province = (
                        n == 1
                        and fold(name) in _province_names(self.era)
                        and bool(_PLACING_WORD_BEFORE.search(text, max(0, tok.idx - 12), tok.idx))
                    )
                    if whole_rest_only and (n != len(run) or (n < 2 and not a_province)):
                        continue
                    if n == 1 and not a_province and (len(name) < 4 or len(run) > 1):
                        # (one syllable that opens a longer capitalized run is a person's or
                        # another name's: "Ảnh: Thanh Thủy", "Bộ trưởng Phùng Xuân Nhạ")
                        continue
                    units = [
                        u for u in units_named(name, None, self.era) if u.level in ADMIN_LEVELS
                    ]
                    if units and all(u.level == "commune" for u in units):
                        # a headline's bare name that only a town bears: the town, and the
                        # district it is the seat of where the data spells that one otherwise
                        seats = {u.district for u in units}
                        units += [
                            d
                            for d in get_gazetteer().lookup_unaccented(name, "district", self.era)
                            if d.name in seats
                        ]
                    inside = [u for u in units if u.level == "province" or u.province in provinces]
                    if not inside and units:
                        # "Bắc Hà (Lào Cai) - Năm 2023, …": the province in parentheses right
                        # after the name, before the article names it anywhere else
                        after_n = run[n - 1].i + 1
                        if after_n < len(doc) and doc[after_n].text == " ":
                            after_n += 1
                        written, _ = _parent_after(doc, after_n, end)
                        if written is not None and fold(written) in _province_names(self.era):
                            inside = [u for u in units if _same(u.province, written)]
                    districts = (
                        {
                            d.province
                            for d in get_gazetteer().lookup(name, "district", era="pre2025")
                        }
                        if not inside
                        and units
                        and not provinces
                        and n > 1
                        and run[0].idx < LEAD_CHARS
                        else set()
                    )
                    if (
                        len(districts) == 1
                        and {u.level for u in units} <= {"district", "commune"}
                        # (a name many provinces' communes bear is a common name, a person's or
                        # a firm's as often: "Kim Sơn", "Thanh Sơn", "Bình Minh")
                        and len({u.province for u in units} - districts) <= _ELSEWHERE_AT_MOST
                    ):
                        # "Khởi sắc ở vùng dân tộc thiểu số của Thạch Thất" opening an article
                        # that has named no province yet: a district's name only one province
                        # has, in the headline or the lead, with its communes of that name (a
                        # commune of the name in one other province is the lesser reading:
                        # "Mường Tè" is a district of Lai Châu and a commune of Sơn La); not a
                        # commune's name only ("Hòa Phát", "Quang Minh" are firms' and people's
                        # names too; a byline's "Thu Thủy" is no commune)
                        inside = [u for u in units if u.province in districts]
                    units = inside
                    if not units and n > 1:
                        # "Tam Đàn: 1,51%; … Tam Vinh: 0,44%" in a report on huyện Phú Ninh: a
                        # commune merged away before 2025, inside a district the text names
                        units = [
                            u
                            for u in get_gazetteer().lookup(name, "commune", era="pre2025")
                            if u.former and u.district in self._named_districts()
                        ]
                    other = "2025" if self.era == "pre2025" else "pre2025"
                    if not units and fold(name) in _province_names(other):
                        # "Bình Dương còn 100 hộ nghèo" in a text of 2026: a province merged in
                        # 2025 whose name a new ward took is still the province, written bare
                        units = get_gazetteer().lookup(
                            name, "province", era=other, include_former=False
                        )
                    if units:
                        best = (run[:n], units)
                        break
                if best is None:
                    # "Tại Lai Châu, …", "Riêng Bình Dương không còn …": a word capitalized only
                    # because it opens the sentence, then the name
                    lead = len(run) > 1 and run[0].lower_ in LEADING_WORDS_BEFORE_A_NAME
                    lead_end = run[-1].i if lead else None
                    i += 1 if lead else max(1, len(run))
                    continue
                run, units = best
                s, e = run[0].idx, run[-1].idx + len(run[-1].text)
                if blocked_cover.overlaps(s, e):
                    i = run[-1].i + 1
                    continue
                after = run[-1].i + 1
                if after < len(doc) and doc[after].text == " ":
                    after += 1
                parent, _ = _parent_after(doc, after, end)
                found_levels = {u.level for u in units}
                if "province" in found_levels:
                    level = "province"  # a bare province name means the province
                    # ("Hưng Yên: 880 hộ … ¶ … gồm các huyện: Khoái Châu 211 hộ, …": its units
                    # named bare after it are the article's)
                    provinces[next(u.name for u in units if u.level == "province")] += 1
                elif len(found_levels) == 1:
                    level = units[0].level
                else:
                    # a district and a commune of one name: the level the article writes
                    # with a level word elsewhere, else the district (the larger unit)
                    named = named_levels.get(fold(run_text(doc, run)), set())
                    level = next((lv for lv in ("district", "commune") if lv in named), "district")
                self.places.append(
                    Place(
                        s,
                        e,
                        run_text(doc, run),
                        level,
                        "gazetteer:bare-name",
                        parents=[parent] if parent else [],
                    )
                )
                named_levels.setdefault(fold(run_text(doc, run)), set()).add(level)
                i = run[-1].i + 1

    def find_introduced_villages(self, blocked: list[tuple[int, int]]) -> None:
        """ "thôn Trung Hạ (xã Quế Trung) tổ chức … ¶ Trung Hạ là thôn có dân số đông với
        395 hộ": a village the text introduced with its level word, written bare later, is
        that village (villages are in no gazetteer, so the bare-name pass cannot know them).
        A name of two capitalized syllables or more, standing alone (no capitalized word
        right before or after it), outside people's names and organisations."""
        text = text_of(self.doc)
        blocked_cover = SpanCover(len(text))
        for bs, be in blocked:
            blocked_cover.add(bs, be)
        for m in _village_defined().finditer(text):
            # "Thành Tín là thôn đồng bào dân tộc Chăm thuộc xã Phước Hải": a sentence that
            # opens by saying what a name is introduces that village too
            s, e = m.span("name")
            if not (
                _a_blocker_before(text, s)
                or self._covered(s, e)
                or blocked_cover.overlaps(s, e)
                or not any(rs <= s and e <= re_ for rs, re_ in self.ranges)
            ):
                self.places.append(
                    Place(s, e, m.group("name"), "village", "rule:level-defined", parent_place=None)
                )
        introduced: dict[str, Place] = {}
        for p in sorted(self.places, key=lambda q: q.start):
            words_ = p.name.split()
            if (
                p.level == "village"
                and p.method.startswith("rule:level")
                and len(words_) >= 2
                and all(w[:1].isupper() and w.isalpha() for w in words_)
            ):
                introduced.setdefault(p.name, p)
        for name, first in introduced.items():
            pattern = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}])(?<!\p{{Lu}}\p{{Ll}}*\s){regex.escape(name)}"
                rf"(?![\p{{L}}\p{{N}}])(?!\s\p{{Lu}})"
            )
            for m in pattern.finditer(text, first.end):
                s, e = m.start(), m.end()
                if (
                    # ("Công ty Tân Lập trao 6 căn nhà": a firm's name, patterns/place_blockers)
                    _a_blocker_before(text, s)
                    or self._covered(s, e)
                    or blocked_cover.overlaps(s, e)
                    or not any(rs <= s and e <= re_ for rs, re_ in self.ranges)
                ):
                    continue
                self.places.append(
                    Place(s, e, name, "village", "rule:introduced-village", parent_place=None)
                )

    def _named_districts(self) -> frozenset[str]:
        """The districts the text names so far (by their gazetteer names)."""
        return frozenset(p.name for p in self.places if p.level == "district" and p.name)

    def _blocked_by_word_before(self, i: int) -> bool:
        """ "sâm Ngọc Linh", "phong cách Hồ Chí Minh": the name is a product's, a person's…"""
        doc = self.doc
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            words = " ".join(t.lower_ for t in doc[i - n : i] if not t.is_space)
            if words in place_blockers():
                return True
        return False

    def _covered(self, start: int, end: int) -> bool:
        if start >= end:
            return any(p.start < end and start < p.end for p in self.places)
        self._sync()
        return self._cover.overlaps(start, end)

    # ----------------------------------------------------------------- resolution
    def article_provinces(self) -> Counter[str]:
        """Provinces the article is about: named ones, and parents of unambiguous units
        (a copy of the answer memoized until places are added or resolved again: `toàn
        tỉnh` asks it once per mention)."""
        key = ("provinces", *self._state())
        if key not in self._memo:
            self._memo[key] = self._count_article_provinces()
        return Counter(self._memo[key])

    def _count_article_provinces(self) -> Counter[str]:
        votes: Counter[str] = Counter()
        for p in self.places:
            if p.anaphor or p.level in ("village", "region", "country"):
                continue
            units = self._candidates(p, former=False)
            if p.level in ("province", "city"):
                provs = [u for u in units if u.level == "province"]
                if provs:
                    votes[provs[0].name] += 2
                    continue
            provinces = {u.province for u in units if u.province}
            if len(provinces) == 1:
                votes[provinces.pop()] += 1
            for parent in p.parents:
                for u in units_named(parent, "province", self.era):
                    votes[u.name] += 1
        return votes

    def _candidates(self, p: Place, former: bool = True) -> list[Unit]:
        units = units_named(p.name, p.level, self.era)
        if (
            not units
            and p.level in ("province", "district")
            and p.method.startswith(("rule:level", "gazetteer:bare-name"))
        ):
            # "huyện Mù Càng Chải": a unit written with its level word, its diacritics off
            units = get_gazetteer().lookup_unaccented(p.name, p.level, self.era)
            p.unaccented = bool(units)
        if former and not units and p.level in ADMIN_LEVELS and len(p.name.split()) >= 2:
            # "xã Quế Trung", merged in 2019: former names are kept without their marks, so a
            # current commune written with a tone mark dropped may spell one of another
            # province ("xã Đức Hoa (huyện Sóc Sơn)"); only a former unit inside the parent
            # written with it, or in a province the article is about, is the one meant
            provinces = self.article_provinces()
            units = [
                u
                for u in _former_units_named(p.name, p.level)
                if _inside_a_parent(u, p) or (not p.parents and u.province in provinces)
            ]
        if p.level == "city":
            # "TP. Lào Cai" is the city, not the province; "TP. Cần Thơ" is both at once
            cities = [u for u in units if (u.type or "").lower() == "thành phố"]
            units = cities or units
        if p.parents:
            narrowed = [u for u in units if _inside_a_parent(u, p)]
            units = narrowed or units
        if len(units) > 1:
            # "TX. Cai Lậy" / "huyện Cai Lậy", "thị trấn Trạm Tấu" / "xã Trạm Tấu": the level
            # word written tells apart two units of one name
            written = _written_type(text_of(self.doc)[p.start : p.end])
            typed = [u for u in units if written is not None and u.type == written]
            units = typed or units
        return units

    def resolve(self) -> None:
        provinces = self.article_provinces()
        districts: Counter[str] = Counter()
        for p in self.places:
            if not p.anaphor and p.level in (*ADMIN_LEVELS, "city"):
                units = self._candidates(p)
                if len(units) == 1 and units[0].level == "district":
                    districts[units[0].name] += 1
        for p in self.places:
            if p.anaphor or p.level in ("region", "country"):
                continue
            if p.level == "village":
                continue
            units = self._candidates(p)
            p.candidates = units
            if not units:
                if p.level in ("city", "unit"):
                    p.level = "district"
                continue
            if len(units) > 1:

                def score(u: Unit) -> tuple[int, int, int]:
                    return (
                        provinces.get(u.province or u.name, 0)
                        if u.level != "province"
                        else provinces.get(u.name, 0),
                        districts.get(u.district or "", 0),
                        u.era == self.era,
                    )

                units = sorted(units, key=score, reverse=True)
                top = score(units[0])
                if len(units) > 1 and score(units[1]) == top and top[0] == 0:
                    # no evidence picks one: keep the level, leave the unit open
                    if p.level in ("city", "unit"):
                        p.level = units[0].level
                    continue
            p.unit = units[0]
            p.level = p.unit.level
        self._attach_villages()
        self._changed()

    def _changed(self) -> None:
        """Levels or units changed: forget the memoized answers that read them."""
        self._generation += 1
        self._memo.clear()

    def _attach_villages(self) -> None:
        """A village's commune: the one written right after it (`thôn Đông, xã Tam Hưng`),
        else the last one named before it."""
        ordered = sorted(self.places, key=lambda q: q.start)
        # the first non-village place after each position, found once from the end
        next_other: list[Place | None] = [None] * len(ordered)
        following: Place | None = None
        for k in range(len(ordered) - 1, -1, -1):
            next_other[k] = following
            if ordered[k].level != "village":
                following = ordered[k]
        last_commune: Place | None = None
        for k, p in enumerate(ordered):
            if p.level == "commune" and not p.anaphor:
                last_commune = p
            elif p.level == "village":
                nxt = next_other[k]
                gap = text_of(self.doc)[p.end : nxt.start] if nxt is not None else ""
                if (
                    nxt is not None
                    and nxt.level == "commune"
                    and not nxt.anaphor
                    and gap.strip() in (",", "-", "–")
                ):
                    p.parent_place = nxt
                elif last_commune is not None:
                    p.parent_place = last_commune

    def _city_named_last(self, at: int) -> Place | None:
        """The last unit written as a city ("thành phố Đà Lạt", "TP. Hà Tĩnh") before `at`."""
        text = text_of(self.doc)
        cities = [
            q
            for q in self.places
            if not q.anaphor
            and q.end <= at
            and q.level in ("province", "district")
            and not q.method.endswith(NEIGHBOUR)
            and _written_type(text[q.start : q.end]) == "thành phố"
        ]
        return max(cities, key=lambda q: q.start) if cities else None

    def resolve_level(self, level: str, at: int) -> Place | None:
        """The unit of `level` a passage at offset `at` is about: the last one named before it,
        else the one the article names most."""
        starts, same, most_named = self._named_of_level(level)
        k = bisect.bisect_left(starts, at)
        if k:
            return same[k - 1]
        if level == "province" and not (
            most_named is not None and sum(p.name == most_named.name for p in same) >= 2
        ):
            # "huyện Đức Huệ … từ nguồn vận động của tỉnh và các nhà hảo tâm ở Thành phố Hồ Chí
            # Minh": the province of the unit named last before it, not one named once later
            # (a province the text names again and again is the text's)
            above = self._province_of_the_unit_before(at)
            if above is not None:
                return above
        if most_named is not None:
            return most_named
        if level == "province":
            provinces = self.article_provinces()
            if provinces:
                name = provinces.most_common(1)[0][0]
                units = units_named(name, "province", self.era)
                if units:
                    return Place(
                        at, at, units[0].name, "province", "context:article-province", unit=units[0]
                    )
        if level == "district":
            found = self._commune_parent_district()
            if found is not None:
                return Place(at, at, found.name, "district", "context:commune-parent", unit=found)
        return None

    def _province_of_the_unit_before(self, at: int) -> Place | None:
        """The province of the last district or commune named before `at`, where the gazetteer
        places it in one province (the units' starts memoized like `_named_of_level`)."""
        key = ("units-below-province", *self._state())
        if key not in self._memo:
            below = sorted(
                (p for p in self.places if not p.anaphor and p.level in ("district", "commune")),
                key=lambda p: p.start,
            )
            self._memo[key] = ([p.start for p in below], below)
        starts, below = self._memo[key]
        k = bisect.bisect_left(starts, at)
        if not k:
            return None
        provinces = {u.province for u in self._candidates(below[k - 1]) if u.province}
        if len(provinces) != 1:
            return None
        units = units_named(next(iter(provinces)), "province", self.era)
        if not units:
            return None
        return Place(at, at, units[0].name, "province", "context:unit-before", unit=units[0])

    def _named_of_level(self, level: str) -> tuple[list[int], list[Place], Place | None]:
        """The places of `level` named in the text (not anaphors), sorted by start (ties in
        the order found), their starts, and the first of the name written most often;
        memoized until places are added or resolved again."""
        key = ("level", level, *self._state())
        if key not in self._memo:
            same = sorted(
                (
                    p
                    for p in self.places
                    if not p.anaphor
                    and p.level == level
                    and p.name
                    and not p.method.endswith(NEIGHBOUR)
                ),
                key=lambda p: p.start,
            )
            most_named = None
            if same:
                counts = Counter(p.name for p in same)
                name = counts.most_common(1)[0][0]
                most_named = next(p for p in same if p.name == name)
            self._memo[key] = ([p.start for p in same], same, most_named)
        return self._memo[key]

    def _commune_parent_district(self) -> Unit | None:
        """The district of the first commune the gazetteer placed (memoized likewise)."""
        key = ("commune-parent", self._anaphors_resolved, *self._state())
        if key not in self._memo:
            found = None
            for p in self.places:
                if p.unit is not None and p.unit.district and p.level == "commune":
                    units = units_named(
                        p.unit.district, "district", self.era, parent=p.unit.province
                    )
                    if units:
                        found = units[0]
                        break
            self._memo[key] = found
        return self._memo[key]

    def mark_neighbours(self) -> None:
        """ "phía Nam giáp huyện Yên Minh, phía Đông giáp huyện Mèo Vạc": a unit named as a
        neighbour on the border is no antecedent and no subject (its method ends in
        `:neighbour`)."""
        text = text_of(self.doc)
        for p in self.places:
            if p.anaphor:
                continue
            if (
                _BORDERS_BEFORE.search(text, max(0, p.start - 200), p.start)
                or _COMPARED_OR_GIVING_BEFORE.search(text, max(0, p.start - 30), p.start)
            ) or (
                _MERGED_FROM_BEFORE.search(text, max(0, p.start - 200), p.start)
                # (not "Sau khi sáp nhập 3 xã A, B và C, xã C mới có …": a unit written with
                # its level word after the list's comma opens the sentence's clause)
                and not _CLAUSE_AFTER_THE_LIST.match(text, p.end)
            ):
                p.method += NEIGHBOUR

    def resolve_anaphors(self) -> None:
        for p in self.places:
            if p.anaphor:
                level = "province" if p.level == "city" else p.level
                target = self.resolve_level(level, p.start)
                if p.level == "city":
                    # "toàn thành phố" after "thành phố Đà Lạt (Lâm Đồng)": the city named last,
                    # a province's or a district's
                    target = self._city_named_last(p.start) or target
                if target is not None:
                    was_commune = p.level == "commune"
                    p.name, p.level, p.unit = target.name, target.level, target.unit
                    p.unaccented = target.unaccented  # "huyện" after "huyện Mù Càng Chải"
                    if was_commune or p.level == "commune":
                        # it may now be (or no longer be) the commune whose district is asked;
                        # anaphors count for nothing else that is memoized
                        self._anaphors_resolved += 1


def _inside_a_parent(u: Unit, p: Place) -> bool:
    """Whether a unit lies in a district or province written with the place ("xã X (huyện
    Y)", "xã X, tỉnh Z")."""
    return any(_same(parent, u.district) or _same(parent, u.province) for parent in p.parents)


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return fold(a) == fold(b)


_WRITTEN_TYPES = (
    ("thị xã", "thị xã"),
    ("tx", "thị xã"),
    ("thị trấn", "thị trấn"),
    ("tt", "thị trấn"),
    ("thành phố", "thành phố"),
    ("tp", "thành phố"),
    ("huyện", "huyện"),
    ("quận", "quận"),
    ("phường", "phường"),
    ("xã", "xã"),
)


def _written_type(written: str) -> str | None:
    """The unit type a place's level word names ("TX. Cai Lậy" → thị xã), if any."""
    head = written.lower().lstrip()
    for word, unit_type in _WRITTEN_TYPES:
        if head.startswith(word) and not head[len(word) : len(word) + 1].isalpha():
            return unit_type
    return None


def _name_in_its_own_case(p: Place) -> str:
    """A name written in capitals ("HUYỆN BẢO LÂM" in a title) in the case the gazetteer
    spells it, or else with each syllable capitalized: one place, one name, however a
    headline is set."""
    letters = [ch for ch in p.name if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or p.name[:1].isdigit():
        return p.name  # ("ấp 7A": a number's letter is no headline's capitals)
    for unit in p.candidates:
        # (not a unit made from the written name: a former district the text names under
        # its commune, "XÃ MỸ PHÚC HUYỆN MỸ LỘC", is spelt as the headline sets it)
        if fold(unit.name) == fold(p.name) and unit.name != p.name:
            return unit.name
    return " ".join(word[:1] + word[1:].lower() for word in p.name.split(" "))


def locality_object(p: Place) -> dict[str, Any]:
    """The normalized fields of a LOCALITY (FACTS.md), also used inside roles and facts."""
    out: dict[str, Any] = {"name": _name_in_its_own_case(p), "level": p.level}
    unit = p.unit
    if p.level == "village" and p.parent_place is not None:
        parent = p.parent_place
        out["commune"] = parent.name
        unit = parent.unit
        out["district"] = unit.district if unit else None
        out["province"] = unit.province if unit else None
        out["code"] = None
        out["after_2025"] = None
        return out
    if unit is not None and not unit.former and not p.unaccented:
        # the unit's own name, whatever the spelling written ("TP.HCM" → Hồ Chí Minh,
        # "Đăk Lăk" → Đắk Lắk), so that one unit has one name across articles; a former
        # unit's name is kept as written (the source stores those without diacritics), and
        # so is a name that matched only with its diacritics dropped ("Chư Pah" for Chư Păh,
        # "M'Drắk" for M'Đrắk): the code says which unit, the name says what the text wrote
        out["name"] = unit.name
    out["district"] = unit.district if unit else None
    out["province"] = unit.province if unit and unit.level != "province" else None
    out["code"] = unit.code if unit else None
    out["after_2025"] = unit.after_2025 if unit else None
    return out


# "tỉnh Bạc Liêu (cũ)", "Cần Thơ cũ": a unit as it was before a merger
_FORMER_AFTER = regex.compile(r"[ \t]*(?:\([ \t]*cũ[ \t]*\)|cũ\b)")
# "bến xe Bạc Liêu cũ": the old bus station, named after the unit, not the former unit
_FACILITY_BEFORE = regex.compile(
    r"\b(?:bến xe|chợ|trụ sở|trường|bệnh viện|sân bay|nhà ga|ga|cầu|đường|quốc lộ|cảng)\s+$",
    regex.I,
)


def to_mention(doc: Doc, p: Place) -> Mention:
    attrs = locality_object(p)
    if p.anaphor:
        attrs["anaphor"] = True
    if _FORMER_AFTER.match(text_of(doc), p.end) and not _FACILITY_BEFORE.search(
        text_of(doc), max(0, p.start - 20), p.start
    ):
        attrs["former"] = True
    return Mention("LOCALITY", p.start, p.end, text_of(doc)[p.start : p.end], attrs, p.method)
