"""Marks page furniture and reads the title, publication date and author.

Scraped pages carry more than the article: site headers and clocks, breadcrumbs,
audio players, image file names, repeated captions, related-news lists and
comment boxes. Cleaning gives every line a kind (`Block.kind`) instead of cutting
it out, so offsets into the original text never shift; later stages read only
content blocks. The cues are data in `patterns/boilerplate.jsonl`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache

import regex
from vnfacts import patterns
from vnfacts.doc import Block, Document, Meta
from vnfacts.gazetteer import get_gazetteer
from vnfacts.registry import stage

HEADER_SCAN_LINES = 12  # the title and dateline sit within the first lines of a page
MIN_TITLE_WORDS = 5
MIN_BODY_WORDS = 12  # a line this long (or ending a sentence) opens the article body
MAX_HEADING_WORDS = 16
MAX_HEADLINE_WORDS = 20  # a news headline's length, at most (a long one: "Ninh Thuận xóa …")
MAX_SECTION_LABEL_WORDS = 8  # a site's section name or banner over a headline, at most
MAX_CAPTION_WORDS = 60
MAX_TAIL_CUE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    kind: str
    pattern: regex.Pattern[str]
    max_words: int
    inline_box: bool = False


@cache
def cues() -> tuple[Cue, ...]:
    """`patterns/boilerplate.jsonl`; a cue's `example` must match it and its
    `counter_example` must not (checked on load)."""
    loaded = []
    for rule in patterns.load("boilerplate"):
        cue = Cue(
            rule["id"],
            rule["kind"],
            regex.compile(rule["regex"], regex.IGNORECASE | regex.V1),
            int(rule.get("max_words", MAX_TAIL_CUE_WORDS if rule["kind"] == "tail" else 10_000)),
            bool(rule.get("inline_box", False)),
        )
        if "example" in rule and not cue.pattern.search(rule["example"]):
            raise patterns.PatternError(f"boilerplate cue {cue.id!r} does not match its example")
        if "counter_example" in rule and cue.pattern.search(rule["counter_example"]):
            raise patterns.PatternError(f"boilerplate cue {cue.id!r} matches its counter_example")
        loaded.append(cue)
    return tuple(loaded)


def match_cue(line: str, kind: str) -> Cue | None:
    n_words = len(words(line))
    for cue in cues():
        if cue.kind == kind and n_words <= cue.max_words and cue.pattern.search(line):
            return cue
    return None


# --------------------------------------------------------------------------- dates

_TIME = r"(?P<hh>\d{1,2})[:h](?P<mi>\d{2})(?::(?P<ss>\d{2}))?\s*(?P<ampm>AM|PM|SA|CH)?"
_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
_VERBAL = (
    r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+năm\s+)(?P<y>(?:19|20)\d{2})"
)
_ISO = r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
# months written as words: "30 Tháng Mười Hai 2011" (a portal's stamp), "Sunday, August 11,
# 2019" (a site in English letters)
_MONTH_WORDS = {
    "một": 1,
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_ENGLISH_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
# (capitalized, as portals stamp them: "6 tháng năm 2024" is a half-year, no date)
_VIETNAMESE_MONTH_NAME = (
    r"(?:ngày\s+)?(?P<d>\d{1,2})\s+(?-i:Tháng\s+(?P<mw>Mười\s+Một|Mười\s+Hai|Một|Giêng|Hai|Ba|"
    r"Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười|Chạp))\s*,?\s+(?:năm\s+)?(?P<y>(?:19|20)\d{2})"
    # the month first, as WordPress stamps a Vietnamese site ("Tháng Sáu 17, 2024")
    r"|(?-i:Tháng\s+(?P<mw>Mười\s+Một|Mười\s+Hai|Một|Giêng|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín|"
    r"Mười|Chạp))\s+(?P<d>\d{1,2})\s*,\s*(?P<y>(?:19|20)\d{2})"
)
_ENGLISH_DATE = (
    rf"(?P<me>{'|'.join(_ENGLISH_MONTHS)})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*"
    r"(?P<y>(?:19|20)\d{2})"
)
DATE_RE = regex.compile(
    rf"(?:{_DMY}|{_VERBAL}|{_VIETNAMESE_MONTH_NAME}|{_ENGLISH_DATE}|{_ISO})", regex.IGNORECASE
)
TIME_RE = regex.compile(_TIME, regex.IGNORECASE)
WEEKDAY_RE = regex.compile(
    r"^\s*(thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b", regex.IGNORECASE
)
# what else a dateline may hold beside its date and time: a weekday after a byline
# ("Tuệ Linh - Phạm Hoài Thứ bảy, ngày 01/04/2023 11:42 AM (GMT+7)"), a time zone, an
# English weekday
_DATELINE_WORDS = regex.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|ngày|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?",
    regex.IGNORECASE,
)


def parse_date(line: str) -> dt.date | None:
    m = DATE_RE.search(line)
    if not m:
        return None
    if m["mw"]:
        month = _MONTH_WORDS[" ".join(m["mw"].lower().split())]
    elif m["me"]:
        month = _ENGLISH_MONTHS[m["me"].lower()]
    else:
        month = int(m["m"])
    try:
        return dt.date(int(m["y"]), month, int(m["d"]))
    except ValueError:
        return None


# a date line's words at most: a date and a time in words, a weekday, a time zone and a
# byline of a few names ("Minh Anh - Quốc Toàn Thứ năm, ngày 07/03/2024 10:15 AM (GMT+7)");
# a longer line is a paragraph, not searched for dates (the search is the costly part)
MAX_DATE_LINE_WORDS = 40


@cache
def _file_name() -> regex.Pattern[str]:
    """The furniture cue of a file's name alone on its line ("vlcsnap-2023-11-28-09h57m33s517
    .png", a video still): its digits are no date or time of the text."""
    return next(c.pattern for c in cues() if c.id == "line-image-file")


def is_date_line(line: str) -> bool:
    """A line that is (almost) only a date, a time, a weekday and maybe a byline."""
    if len(line) > MAX_DATE_LINE_WORDS * 8 or len(words(line)) > MAX_DATE_LINE_WORDS:
        return False
    if _file_name().search(line.strip()):
        return False
    m = DATE_RE.search(line)
    if not m:
        return _clock_line(line)
    rest = DATE_RE.sub(" ", line)
    rest = TIME_RE.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", rest)
    return len(words(rest)) <= 6


def _clock_line(line: str) -> bool:
    """ "Chủ nhật, 14-9-25 14:20:36": a weekday and a time to the second, whatever the
    format of the date beside them (a two-digit year), is a site's clock line, no title."""
    clock = TIME_RE.search(line)
    if not (clock and clock["ss"] and WEEKDAY_RE.search(line)):
        return False
    rest = WEEKDAY_RE.sub(" ", TIME_RE.sub(" ", line))
    rest = regex.sub(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", " ", rest)
    return len(words(rest)) <= 2


# --------------------------------------------------------------------------- helpers

_WORD_RE = regex.compile(r"[\p{L}\p{N}]+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def fold(text: str) -> str:
    """Comparable form of a line: NFC, case-folded, letters and digits only."""
    return " ".join(words(unicodedata.normalize("NFC", text).casefold()))


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", ":", ";", "…", '"', "”", "/.", ")."))


_NAME_RE = regex.compile(
    r"^(?:(?:PV|Phóng viên|Nhóm PV|Bài(?: và ảnh)?|Theo)\s*:?\s*)?"
    r"(?P<name>\p{Lu}[\p{L}]*(?:[ \t]+\p{Lu}[\p{L}]*){0,4}"
    r"(?:\s*[-–,&]\s*\p{Lu}[\p{L}]*(?:[ \t]+\p{Lu}[\p{L}]*){0,4})*)"
    r"\s*(?:\((?P<note>[^()]{1,30})\))?\s*\.?$"
)


def author_name(line: str) -> str | None:
    """The name in a byline such as 'Khánh Linh', 'Kim Thanh (T/h)', 'Theo TTXVN'."""
    m = _NAME_RE.match(line.strip())
    if not m:
        return None
    name = m["name"].strip()
    if len(words(name)) > 10 or any(ch.isdigit() for ch in name):
        return None
    return name


def _line_blocks(text: str) -> list[Block]:
    """One block per non-blank line, offsets trimmed of surrounding whitespace."""
    blocks: list[Block] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            blocks.append(Block(start, start + len(stripped)))
        pos += len(line)
    return blocks


# --------------------------------------------------------------------------- the stage


class _Page:
    """The lines of one document and what has been decided about them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.blocks = _join_wrapped_lines(doc.text, _line_blocks(doc.text))
        self.lines = [doc.text[b.start : b.end] for b in self.blocks]

    def mark(self, i: int, kind: str, reason: str) -> None:
        self.blocks[i].kind = kind
        self.blocks[i].reason = reason

    def body_like(self, i: int) -> bool:
        line = self.lines[i]
        return len(words(line)) >= MIN_BODY_WORDS or (ends_sentence(line) and len(words(line)) >= 6)

    def long_paragraph(self, i: int) -> bool:
        """A long paragraph right after an image is body, not the image's caption."""
        return len(words(self.lines[i])) > 30


def _mark_lines(page: _Page) -> None:
    for i, line in enumerate(page.lines):
        cue = match_cue(line, "line")
        if cue:
            page.mark(i, "boilerplate", cue.id)
        elif len(words(line)) <= MAX_CAPTION_WORDS and (cue := match_cue(line, "caption")):
            page.mark(i, "caption", cue.id)


def _mark_tail(page: _Page, start: int) -> int:
    """Finds where the article ends; returns the index of the first tail line. A tail cue
    above any paragraph of the article ("Chia sẻ · Bình luận · In bài viết" under the title)
    is the page's toolbar: that line only is furniture."""
    for i in range(start, len(page.lines)):
        cue = match_cue(page.lines[i], "tail")
        if cue:
            if not any(
                page.long_paragraph(k)
                or (ends_sentence(page.lines[k]) and len(words(page.lines[k])) >= 8)
                for k in range(max(0, start - 1), i)
            ):
                page.mark(i, "boilerplate", f"toolbar:{cue.id}")
                continue
            resumes = _article_resumes_after(page, i) if cue.inline_box else None
            if resumes is not None:
                for j in range(i, resumes):
                    page.mark(j, "boilerplate", f"box:{cue.id}")
                continue
            for j in range(i, len(page.lines)):
                page.mark(j, "boilerplate", f"after:{cue.id}")
            return i
    return len(page.lines)


# an inline box of links ("Bài liên quan", "Tags: …") is a few short lines long
INLINE_BOX_LINES = 8
# prose paragraphs after a box that say the article goes on
PROSE_AFTER_A_BOX = 2
# a box set inside an article stands after its first paragraphs, not after the whole of it
PROSE_BEFORE_A_BOX = 3


def _article_resumes_after(page: _Page, i: int) -> int | None:
    """ "Bài liên quan ¶ <3 headlines> ¶ <the article's next paragraphs>": where the article
    resumes after a box of links set inside it, or None when the cue opens the page's tail
    (only headlines, links or short lines follow)."""

    def prose(k: int) -> bool:
        line = page.lines[k].rstrip()
        return page.long_paragraph(k) and line.endswith((".", ":", ";"))

    if sum(1 for k in range(i) if prose(k)) > PROSE_BEFORE_A_BOX:
        return None  # (after a whole article, a box of links is the page's tail)
    first = next(
        (k for k in range(i + 1, min(len(page.lines), i + 1 + INLINE_BOX_LINES)) if prose(k)),
        None,
    )
    if first is None:
        return None
    # (up to the next cue of the page's tail)
    end = next(
        (k for k in range(first, len(page.lines)) if match_cue(page.lines[k], "tail")),
        len(page.lines),
    )
    rest = [k for k in range(first, end) if page.lines[k].strip()]
    paragraphs = sum(1 for k in rest if prose(k))
    # (a sidebar of related news gives each item a headline, then its lead: as many short
    # lines as paragraphs; an article goes on in paragraphs)
    if paragraphs < PROSE_AFTER_A_BOX or paragraphs <= len(rest) - paragraphs:
        return None
    return first


def _reads_as_prose(line: str, n_lines: int) -> bool:
    """A line that is a sentence of prose, not a headline: a text of one line, or a long
    line that ends a sentence with a full stop (headlines carry no final period)."""
    stripped = line.rstrip()
    if n_lines == 1:
        return True
    return stripped.endswith(".") and not stripped.endswith("..") and len(words(line)) > 25


# a list item line: of a site menu ("- Tin tức - Sự kiện") or of a report ("+ Tỷ lệ hộ nghèo: …")
_MENU_ITEM = regex.compile(r"^\s*[-–•*+]\s+\S")
# a site menu's item: a short label, no figure ("- Tin tức - Sự kiện"), unlike a bulleted lead
_MENU_LABEL = regex.compile(r"^\s*[-–•*+]\s+[^\d]{1,60}$")


LABELS_ABOVE_A_HEADLINE = 2  # a site's section name and a menu entry, at most, over a headline
SHORT_LABEL_WORDS = 4  # a section's name ("Xã Hội", "Tin tức - Sự kiện") is this short


def _section_label_shaped(line: str, next_line: str) -> bool:
    """ "Kinh tế", "VĂN HÓA - XÃ HỘI", "Nông Thôn Mới - Gương Sản Xuất Giỏi", "Cơ quan Đảng,
    Nhà nước", "Hội Chữ thập đỏ Phú Yên:", "Tuyên truyền về giảm nghèo bền vững" (no name in
    it), a label repeated: a site's section or banner, not a headline that names a place in
    sentence case ("Mường Nhé giảm nghèo bền vững")."""
    ws = words(line)
    letters = [w for w in ws if not w.isdigit()]
    half = len(ws) // 2
    return (
        len(ws) <= SHORT_LABEL_WORDS
        or all(w.isupper() for w in letters)
        or all(w[0].isupper() for w in letters)
        or not any(w[0].isupper() for w in letters[1:])
        or bool(regex.search(r"\s[-–|»›>]\s|,|:\s*$", line))
        or fold(line) == fold(next_line)
        or (len(ws) % 2 == 0 and ws[:half] == ws[half:])  # "Logo of Phú Thọ Logo of Phú Thọ"
        or _SITE_BANNER.search(line) is not None
    )


def _headline_over_its_dateline(page: _Page, first: int, limit: int) -> int | None:
    """ "Xã Hội" / "Hơn 29,5 triệu đồng ủng hộ Quỹ Vì người nghèo tỉnh" / "Thứ Năm,
    01/11/2018": under a first line shaped like a site's section (maybe repeated), a line of
    a headline's length, longer than the first, that its dateline follows is the headline
    (it would otherwise read as the lead of a label taken for the title). A byline under
    the first line makes that one the headline ("Giảm nghèo ở Hướng Hóa" / "Trần Tuyền" /
    "Từ nguồn vốn …, tỷ lệ hộ nghèo … còn 21,3%" / "12/01/2024"), and so does a first line
    in sentence case: the line under it is its subtitle."""
    lines = page.lines
    if first + 1 >= len(lines) or not _section_label_shaped(lines[first], lines[first + 1]):
        return None
    for k in range(first + 1, min(limit, first + 1 + LABELS_ABOVE_A_HEADLINE)):
        if page.blocks[k].is_boilerplate or fold(lines[k]) == fold(lines[first]):
            continue
        if is_date_line(lines[k]) or author_name(lines[k]) is not None:
            return None  # the first line over its own dateline, or over its byline
        n = len(words(lines[k]))
        if (
            MIN_TITLE_WORDS <= n <= MAX_HEADLINE_WORDS
            and len(words(lines[first])) < n
            and not ends_sentence(lines[k])
            and "|" not in lines[k]  # "Chuyên mục: Phim tài liệu | Lượt xem: 10.365"
            and not _SECTION_HEADING.match(lines[k])
            and k + 1 < len(lines)
            and is_date_line(lines[k + 1])
        ):
            return k
        if n > MAX_SECTION_LABEL_WORDS:
            return None  # a paragraph
    return None


def _headline_above_the_lead(page: _Page, first: int, limit: int) -> int | None:
    """ "Mừng Đảng mừng Xuân 2026" / "Logo" / "Đăng ký | Đăng nhập" / "Sơn La: tỷ lệ hộ nghèo
    giảm còn 11,11%" / lead: a long line the site's furniture follows is a banner when a
    later line of the header, long enough for a title, sits right above the lead (not a
    section heading of the report under its title: "2. Tỷ lệ hộ nghèo …", "Trong đó, …:")."""
    lines = page.lines
    furniture = False
    # (a long headline may stand only under a site's banner, not under a short headline or a
    # first line that is itself a paragraph of the article)
    under_a_banner = _SITE_BANNER.search(lines[first]) is not None and not page.body_like(first)
    for k in range(first + 1, limit):
        if page.blocks[k].is_boilerplate or 0 < len(words(lines[k])) < 3:
            furniture = True  # "Logo", "Đăng nhập", "Chia sẻ"
            continue
        if is_date_line(lines[k]) or not lines[k].strip():
            continue
        # (under a banner, a headline of a heading's length that ends no sentence may be long
        # enough to read as body: "Khánh Hòa xóa hơn 1.300 căn nhà tạm, nhà dột nát trước
        # ngày 30/4")
        headline_shaped = (
            under_a_banner
            and len(words(lines[k])) <= MAX_HEADLINE_WORDS
            and not ends_sentence(lines[k])
            and not lines[k].rstrip().endswith(",")
        )
        if page.body_like(k) and not (furniture and headline_shaped):
            return None  # the body began: the first long line was the title after all
        # the lead right under it, or under its dateline ("Bàn giao 10 căn nhà …" /
        # "19/08/2022 16:10" / "(KGO) - Ngày 18 và 19-8, …")
        lead = k + 1
        while lead < len(lines) and lead <= k + 2 and is_date_line(lines[lead]):
            lead += 1
        if (
            furniture
            and len(words(lines[k])) >= MIN_TITLE_WORDS
            and not _SECTION_HEADING.match(lines[k])
            and lead < len(lines)
            and page.body_like(lead)
            and not is_date_line(lines[lead])
        ):
            return k
    return None


# a site's banner over its furniture, not an article's short headline: a greeting of the
# season or an event ("Mừng Đảng mừng Xuân 2026", "Chào mừng Đại hội …"), the outlet's or
# portal's own name ("Báo Kiên Giang", "Cổng thông tin điện tử …", "baotayninh.vn")
_SITE_BANNER = regex.compile(
    r"^\s*(?:(?:nhiệt liệt\s+)?chào mừng|mừng|chúc mừng|báo|tạp chí|cổng thông tin|trang tin|"
    r"đài phát thanh|welcome)\b|\.vn\b",
    regex.I,
)

# a report's own section heading or list opener ("2. Tỷ lệ hộ nghèo …", "- Về …", "… có:")
_SECTION_HEADING = regex.compile(r"^\s*(?:(?:\d{1,2}|[IVX]{1,4}|[a-dđ])[.)]|[-–•*+])\s|.*:\s*$")


def _mark_header(page: _Page, meta: Meta) -> int:
    """Title, dateline and site labels above the body; returns the body's first line."""
    lines = page.lines
    top = lines[: HEADER_SCAN_LINES * 3]
    menu = sum(
        1
        for i, line in enumerate(top)
        if _MENU_LABEL.match(line)
        and any(0 <= j < len(top) and _MENU_LABEL.match(top[j]) for j in (i - 1, i + 1))
    )  # a site menu's items push the title down the page
    limit = min(len(lines), HEADER_SCAN_LINES + menu)
    title_i: int | None = None
    given = fold(meta.title) if meta.title else None
    for i in range(limit):
        if page.blocks[i].is_boilerplate or is_date_line(lines[i]):
            continue
        if given is not None:
            if fold(lines[i]) == given:
                title_i = i
                break
            continue
        if _MENU_LABEL.match(lines[i]) and any(
            0 <= j < len(lines) and _MENU_LABEL.match(lines[j]) for j in (i - 1, i + 1)
        ):
            continue  # "- Tin tức - Sự kiện" by "- Lịch sử Đảng": a site menu, no title
        if _reads_as_prose(lines[i], len(lines)):
            break  # an excerpt or a pasted paragraph has no title line: it is all body
        over_its_dateline = _headline_over_its_dateline(page, i, limit)
        if over_its_dateline is not None:
            title_i = over_its_dateline
            break
        # A title is a long line, or a short one right above the lead paragraph.
        lead_follows = (
            i + 1 < len(lines) and page.body_like(i + 1) and not is_date_line(lines[i + 1])
        )
        if len(words(lines[i])) >= MIN_TITLE_WORDS or (lead_follows and len(words(lines[i])) >= 2):
            title_i = i
            if not lead_follows:
                title_i = _headline_above_the_lead(page, i, limit) or i
            break
    if title_i is None:
        # No title found at the top (e.g. a JSONL record whose title is a field):
        # the body starts at the first body-like line.
        return next((i for i in range(len(lines)) if page.body_like(i)), 0)

    page.mark(title_i, "title", "title")
    if not meta.title:
        meta.title = lines[title_i]

    # Lines before the title are site furniture (section names, clocks, menus).
    for i in range(title_i):
        if not page.blocks[i].is_boilerplate:
            page.mark(i, "boilerplate", "above-title")

    # Between the title and the body: section labels, datelines, bylines.
    body_start = len(lines)
    for i in range(title_i + 1, len(lines)):
        if page.blocks[i].is_boilerplate:
            continue
        if page.body_like(i) and not is_date_line(lines[i]):
            body_start = i
            break
        if is_date_line(lines[i]):
            page.mark(i, "dateline", "dateline")
        elif i - title_i <= 4 and len(words(lines[i])) <= 5:
            page.mark(i, "boilerplate", "section-label")
        else:
            body_start = i
            break
    return body_start


def _pick_date(page: _Page, body_start: int) -> str | None:
    """The article's own date: a dateline under the title beats a site clock above it."""
    best: tuple[int, int, dt.date] | None = None
    for i in range(min(body_start, len(page.lines))):
        line = page.lines[i]
        date = parse_date(line)
        if date is None or not is_date_line(line):
            continue
        score = 0
        kind = page.blocks[i].kind
        if kind == "dateline":
            score += 2  # under the title
        if WEEKDAY_RE.search(line) and kind != "dateline":
            score -= 1  # "Thứ Sáu, ngày …": the site's clock
        if _site_clock(line) and kind != "dateline":
            continue  # a clock to the second above the title: the page's, not the article's
        if best is None or score > best[0]:
            best = (score, -i, date)
    return best[2].isoformat() if best else None


# a date stated as the article's own near the top: " date 2025-09-15 …" (an archive's
# stamp before the lead), "Ngày đăng bài: 10/12/2019", "Đã đăng vào 01/11/2024 lúc 17:14",
# "Cập nhật lúc 08:41, Thứ Sáu, 06/10/2017", a byline's "T.Hợp - 14:56, 24/03/2021", a title
# ending in "01-09-2017" or "(13/12/2023)", "Sáng nay 12.11.2019, UBND huyện …"
_OWN_DATE_CUE = regex.compile(
    rf"(?:^\s*(?:date\s+)?(?={_ISO})|(?:ngày đăng(?: bài)?|(?:đã\s+)?đăng (?:ngày|vào|lúc)|"
    rf"cập nhật(?: lúc| ngày)?|ngày xuất bản|(?:sáng|chiều|tối|trưa|hôm) nay\s*\(?|\s[-–](?=\s*\d{{1,2}}:\d{{2}}))"
    rf"\s*:?\s*(?:\d{{1,2}}[:h]\d{{2}}\s*,?\s*)?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?"
    rf"(?=(?:{_DMY}|{_ISO}))|(?=(?:{_DMY})\s*$|\((?:{_DMY})\)\s*$))",
    regex.IGNORECASE,
)
TOP_LINES = 6
# a date its cue says is the article's own may stand lower, under a site's menu or the lead
CUED_DATE_LINES = 25
CUED_DATE_LINE_TAIL = 40  # what may follow the cue on its line (the date, a time, a zone)
# (a byline's name: "T.Hợp", "Diệp Khánh-CĐ", its agency after a dash)
_BYLINE_BEFORE_A_DATE = regex.compile(r"\s*(?:\p{Lu}[\p{L}.'-]*\s*){0,4}")


def _site_clock(line: str) -> bool:
    """A date with a time to the second ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27"):
    above the title, the page's own clock at the moment it was saved (under the title, some
    sites stamp the article so)."""
    m = TIME_RE.search(DATE_RE.sub(" ", line))
    return bool(m and m["ss"])


# how a headline looks: a line of a few words that ends no sentence
HEADLINE_WORDS = (5, 30)


def _dateline_under_a_headline(page: _Page, i: int) -> bool:
    """ "Hoàn Kiếm không còn hộ nghèo trên địa bàn ¶ 02/07/2019 | 11:30 | Lượt xem: 558":
    a line that is a date (and a time, a view count), right under a line that reads as a
    headline, is the article's dateline however far down a site's menus put it."""
    line = page.lines[i]
    if not is_date_line(line) or _site_clock(line) or page.blocks[i].is_boilerplate:
        return False  # (not a date under a headline of the page's tail: "Tin cùng chuyên mục")
    if any(page.long_paragraph(k) and page.lines[k].rstrip().endswith(".") for k in range(i)):
        return False  # (a headline after the article's paragraphs is another item's)
    k = i - 1
    while k >= 0 and not page.lines[k].strip():
        k -= 1
    if k < 0:
        return False
    above = page.lines[k].strip()
    n = len(words(above))
    return HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] and not above.endswith((".", ":", ";"))


LINES_AFTER_THE_LEAD = 2  # how far below the body's first line such a dateline may stand


def _dateline_after_the_lead(page: _Page, body_start: int) -> str | None:
    """ "Tỷ lệ hộ nghèo … còn 1,28% ¶ (Chinhphu.vn) - Chiều 9/10, … ¶ 10/10/2024 09:34": a
    date and a time alone on the line right after the lead is the article's dateline (some
    sites print it there), when nothing above gave one."""
    seen = 0
    for line in page.lines[body_start + 1 :]:
        if not line.strip():
            continue
        if is_date_line(line) and TIME_RE.search(line) and not _site_clock(line):
            date = parse_date(line)
            return date.isoformat() if date else None
        seen += 1  # (the lead, or a title the header did not find)
        if seen >= LINES_AFTER_THE_LEAD:
            break
    return None


def _date_near_the_top(page: _Page) -> str | None:
    """When no dateline stands under the title: a date the first lines state as the
    article's own, by a cue or by its place at the start or the end of a line."""
    for i in range(min(CUED_DATE_LINES, len(page.lines))):
        line = page.lines[i]
        if _file_name().search(line.strip()):
            continue  # "2023-11-28-anh-1.jpg": a file's name, no date of the text
        if i >= TOP_LINES:
            if _dateline_under_a_headline(page, i):
                date = parse_date(line)
                if date is not None:
                    return date.isoformat()
            # lower down, a cue word that opens its line, or a byline's name before it
            # ("Đăng ngày: 04/12/2017", "T.Hợp - 14:56, 24/03/2021"), not a date in a
            # sentence ("Theo số liệu cập nhật 31/12/2022, …")
            cue = _OWN_DATE_CUE.search(line)
            if (
                cue is not None
                and cue.end() > cue.start()
                and _BYLINE_BEFORE_A_DATE.fullmatch(line[: cue.start()])
                and len(line) - cue.end() <= CUED_DATE_LINE_TAIL
            ):
                date = parse_date(line[cue.end() :])
                if date is not None:
                    return date.isoformat()
            continue
        if is_date_line(line) and not _site_clock(line):
            # a dateline the header did not reach ("13/08/2019 16:00 CH")
            date = parse_date(line)
            if date is not None:
                return date.isoformat()
        cue = _OWN_DATE_CUE.search(line)
        if cue is None:
            continue
        date = parse_date(line[cue.end() :])
        if date is not None:
            return date.isoformat()
    return None


# a full sentence of this many words that states a figure, printed twice in a row, is a
# paragraph shown twice (a lead or a target repeated by the page), not an image's caption
# doubled as its alt text
SENTENCE_SHOWN_TWICE_WORDS = 15
_FIGURE = regex.compile(r"\d+(?:[.,]\d+)?\s*%|\d[\d.,]*\s*(?:hộ|người|tỷ|triệu|căn|nhà)\b")
# how a photo's caption opens ("Lãnh đạo huyện trao …", "Đoàn công tác thăm …"): such a line
# doubled as alt text is a caption however long
_CAPTION_OPENING = regex.compile(
    r"^\s*(?:Lãnh đạo|Đồng chí|Ông|Bà|Đoàn công tác|Chủ tịch|Phó Chủ tịch|Bí thư|"
    r"Các đại biểu|Đại biểu)\b"
)


def _mark_captions(page: _Page, tail: int) -> None:
    """Image captions: a short line after an image file, and repeated lines."""
    # A line that repeats the title or an earlier line is an image's alt text or caption.
    seen: dict[str, int] = {
        fold(page.lines[i]): i for i in range(tail) if page.blocks[i].kind == "title"
    }
    prev: int | None = None
    for i in range(tail):
        b = page.blocks[i]
        line = page.lines[i]
        if b.kind == "boilerplate" and b.reason in ("line-image-file", "line-local-path"):
            nxt = i + 1
            if nxt < tail and page.blocks[nxt].kind == "body" and not page.long_paragraph(nxt):
                page.mark(nxt, "caption", "after-image")
            prev = i
            continue
        if b.kind not in ("body", "heading", "caption"):
            prev = i
            continue
        key = fold(line)
        if b.kind == "caption":
            seen.setdefault(key, i)
            prev = i
            continue
        if key in seen and len(words(line)) >= 3:
            page.mark(i, "caption", "repeated-line")
            first = seen[key]
            # a caption doubled as the image's alt text goes with its copy; a long paragraph
            # shown twice (a lead repeated under the title) keeps its first copy
            if (
                prev == first
                and page.blocks[first].kind != "title"
                and not page.long_paragraph(first)
                and not (
                    ends_sentence(line)
                    and len(words(line)) >= SENTENCE_SHOWN_TWICE_WORDS
                    and _FIGURE.search(line)
                    and not _CAPTION_OPENING.match(line)
                )
            ):
                page.mark(first, "caption", "repeated-line")
        elif prev is not None and page.blocks[prev].kind in ("body", "heading", "caption"):
            a, c = fold(page.lines[prev]), key
            shorter = min(len(a), len(c))
            common = len(_common_prefix(a, c))
            if (
                shorter >= 20
                and common >= 0.6 * shorter
                and not ends_sentence(page.lines[prev])
                # a headline over a lead that restates it ("Thành phố Huế phấn đấu giảm tỷ lệ
                # hộ nghèo còn dưới 1,5% …" over a paragraph opening the same way): no caption
                and not page.long_paragraph(i)
                # items of a list ("– Tỷ lệ hộ nghèo, cận nghèo: …" over "+ Tỷ lệ hộ nghèo: 20,12%")
                and not _MENU_ITEM.match(page.lines[prev])
                and not _MENU_ITEM.match(line)
            ):
                page.mark(prev, "caption", "caption-pair")
                page.mark(i, "caption", "caption-pair")
        if key:
            seen.setdefault(key, i)
        prev = i


RELATED_HEADLINES = 2  # such lines in a row, at least, make a widget of other articles
MAX_RELATED_HEADLINE_WORDS = 30


def _placed_headline(line: str) -> bool:
    """A line that reads as another article's headline filed under a unit's name ("Đà
    Nẵng: Đại hội …", "MTTQ Hải Phòng: Tập hợp …"; not the article's own "Huyện X: …")."""
    m = next(
        (
            found
            for cue in cues()
            if cue.kind == "related-headline" and (found := cue.pattern.match(line))
        ),
        None,
    )
    if (
        m is None
        or len(words(line)) > MAX_RELATED_HEADLINE_WORDS
        or ends_sentence(line)
        or _FIGURE.search(line)
    ):
        return False
    who = words(m.group("who"))
    gazetteer = get_gazetteer()
    return any(
        gazetteer.is_name(" ".join(who[k:]), level)
        for k in range(max(0, len(who) - 4), len(who))
        for level in ("province", "district")
    )


def _mark_related_headlines(page: _Page, body_start: int, tail: int) -> None:
    """Headlines of other articles, each filed under a unit's name, listed inside the body
    ("Đà Nẵng: Đại hội …", "Bình Định: Tuyên dương …", "Nghệ An: …"): a widget, not the
    article's content (one such line alone may be a heading of the article's own)."""
    run: list[int] = []
    for i in range(body_start + 1, tail + 1):
        if (
            i < tail
            and page.blocks[i].kind in ("body", "heading")
            and _placed_headline(page.lines[i])
        ):
            run.append(i)
            continue
        if len(run) >= RELATED_HEADLINES:
            for k in run:
                page.mark(k, "boilerplate", "related-headlines")
        run = []


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _mark_headings_and_author(page: _Page, body_start: int, tail: int, meta: Meta) -> None:
    last_content: int | None = None
    for i in range(body_start, tail):
        b = page.blocks[i]
        if b.kind != "body":
            continue
        last_content = i
        line = page.lines[i]
        if len(words(line)) <= MAX_HEADING_WORDS and not ends_sentence(line):
            b.kind, b.reason = "heading", "short-line"
    if last_content is not None and last_content > body_start:
        name = author_name(page.lines[last_content])
        if name and len(words(page.lines[last_content])) <= 8:
            page.mark(last_content, "byline", "author-line")
            if not meta.author:
                meta.author = name
    if not meta.author:
        for i in range(body_start):
            if page.blocks[i].kind == "dateline":
                rest = TIME_RE.sub(" ", DATE_RE.sub(" ", page.lines[i]))
                rest = regex.sub(r"[-–|,]+\s*$", "", rest.strip()).strip(" -–|,")
                name = author_name(rest) if rest else None
                if name:
                    meta.author = name
                    break


VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)


def looks_vietnamese(text: str) -> bool:
    """Cheap language test: Vietnamese prose is dense with its own letters."""
    sample = unicodedata.normalize("NFC", text[:20000]).lower()
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 200:
        return True  # too short to judge; let it through
    own = sum(1 for ch in letters if ch in VIETNAMESE_LETTERS)
    return own / len(letters) >= 0.05


@stage("clean", requires=("text",), provides=("blocks", "meta"))
def clean(doc: Document) -> Document:
    if not looks_vietnamese(doc.text):
        doc.add_error("clean", "not_vietnamese", "the text does not look like Vietnamese")
        return doc
    page = _Page(doc)
    _mark_lines(page)
    body_start = _mark_header(page, doc.meta)
    tail = _mark_tail(page, body_start + 1 if body_start < len(page.lines) else body_start)
    if doc.meta.published is None:
        doc.meta.published = (
            _pick_date(page, body_start)
            or _date_near_the_top(page)
            or _dateline_after_the_lead(page, body_start)
        )
    else:
        doc.meta.published = normalize_date(doc.meta.published)
    _mark_captions(page, tail)
    _mark_related_headlines(page, body_start, tail)
    _mark_headings_and_author(page, body_start, tail, doc.meta)
    doc.blocks = page.blocks
    return doc


# a line at least this many words long, cut mid-sentence, is a hard-wrapped paragraph's line
WRAPPED_LINE_MIN_WORDS = 8
_CONTINUES_IN_LOWER_CASE = regex.compile(r"[ \t]*\r?\n[ \t]*\p{Ll}")
# a lower-case line that is no paragraph's continuation: a dateline or a clock ("thứ hai,
# 15/01/2024 08:30", "cập nhật lúc …"), a site's name ("sinhho.laichau.gov.vn - …"), a row of
# an enumeration ("huyện Tủa Chùa: tỷ lệ hộ nghèo 30,1%")
_LINE_OF_ITS_OWN = regex.compile(
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}:\d{2}"
    r"|^(?:thứ\s+\w+|chủ nhật|cập nhật|đăng lúc|đăng ngày|hạn\b|ngày đăng)"
    r"|^\p{Ll}[\p{Ll}\d-]*(?:\.[\p{Ll}\d-]+)+"
    r"|^(?:xã|huyện|tỉnh|thôn|bản|ấp|phường|thị trấn|quận|thị xã)\s+\p{Lu}[^:\n]{0,30}:",
)


def _join_wrapped_lines(text: str, blocks: list[Block]) -> list[Block]:
    """A paragraph hard-wrapped at a fixed width (a document converted from PDF or Word:
    "tỷ lệ hộ nghèo⏎cả nước đã giảm từ 22% …") is one block: a long line that ends
    mid-sentence, then at once a line that goes on in lower case. The first line (the
    headline) stays apart, and so do short lines (a table's cells, a list's items), lines
    after a blank line and lower-case lines of their own (a dateline, a site's name, a row)."""
    joined: list[Block] = []
    for block in blocks:
        last = joined[-1] if joined else None
        line_start = text.rfind("\n", 0, last.end) + 1 if last is not None else 0
        if (
            last is not None
            and len(joined) > 1
            and _CONTINUES_IN_LOWER_CASE.fullmatch(text, last.end, block.start + 1)
            and not ends_sentence(text[line_start : last.end])
            and len(words(text[line_start : last.end])) >= WRAPPED_LINE_MIN_WORDS
            and not _LINE_OF_ITS_OWN.search(text[block.start : block.end][:60])
        ):
            last.end = block.end
            continue
        joined.append(block)
    return joined


def normalize_date(value: str) -> str | None:
    """An input's `published` field as an ISO date, whatever way it was written."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        date = parse_date(value)
        return date.isoformat() if date else None
