"""Officials, people and organizations.

An official is a person's name joined to one or more roles, each a title, an
organization and the unit it governs. The ways reports write it:

- role chain, then the name: `Chủ tịch UBND tỉnh Lai Châu Lê Văn Lương`,
  `Chủ tịch UBND xã Lục Bình, ông Nguyễn Văn Hậu`; several roles joined by commas
  (`Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh …`);
- the name, then the role chain: `ông Nông Ngọc Nam, Phó Chủ tịch UBND huyện Bình Gia`,
  `đồng chí Hà Văn Sơn – Chủ tịch UBND huyện Nậm Nhùn`;
- an interview or profile layout: the name on one line, the role on the next;
- later, `ông Hậu` refers back to the full name.

Titles, organizations, honorifics and surnames are data in `patterns/`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from vnfacts import patterns
from vnfacts.doc import Mention
from vnfacts.recognize.places import (
    LocalityFinder,
    Place,
    SpanCover,
    is_name_syllable,
    locality_object,
    longest_known_prefix,
    name_run,
    run_text,
)
from vnfacts.recognize.spacy_doc import PhraseHit, find_phrases, text_of

MAX_NAME = 5
ORG_NAME_MAX_TOKENS = 10
# Words that end an organization's name written after its head word ("Sở …", "Phòng …").
ORG_NAME_STOP = frozenset(
    [
        "đã",
        "cho",
        "biết",
        "tại",
        "trên",
        "về",
        "với",
        "của",
        "là",
        "được",
        "có",
        "đang",
        "sẽ",
        "để",
        "theo",
        "trong",
        "khi",
        "thì",
        "này",
        "đó",
        "các",
        "những",
        "cùng",
        "nhằm",
        "vừa",
        "mới",
        "tiếp",
        "cũng",
        "luôn",
        "quan",
        "phối",
        "chỉ",
        "hướng",
        "hỗ",
        "tổ",
        "ban",
        "đề",
        "kiểm",
        "báo",
        "tham",
        "thực",
        "triển",
        "cấp",
        "giao",
        "đầu",
        "phê",
        "trao",
        "tặng",
        "tập",
        "đẩy",
        "tăng",
        "chủ",
        "yêu",
        "tiếp",
    ]
)
NOT_LEVEL_WORDS = frozenset(
    {"xã hội", "thành phần", "thành viên", "thành lập", "thành công", "thị trường"}
)
LEVEL_WORDS = {
    "tỉnh": "province",
    "huyện": "district",
    "quận": "district",
    "xã": "commune",
    "phường": "commune",
}
JOINERS = frozenset({",", "–", "-", "—", ":"})
PLACE_PREPOSITIONS = frozenset({"tại", "ở", "từ", "đến", "về", "thăm", "quốc", "nước"})
# Capitalized words that end a name: "Nguyễn Văn Sơn Sáng 5/6, …" (a dateline after a caption)
NOT_NAME_WORDS = frozenset(
    [
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Ngày",
        "Hôm",
        "Tại",
        "Theo",
        "Trong",
        "Sau",
        "Khi",
        "Năm",
        "Tháng",
        "Thứ",
        "Chủ",
        "Từ",
        "Với",
        "Đến",
        "Ảnh",
        "Nguồn",
    ]
)


@cache
def surnames() -> frozenset[str]:
    names: set[str] = set()
    for rule in patterns.load("person_cues"):
        names.update(rule.get("surnames", ()))
    return frozenset(names)


@cache
def honorifics() -> frozenset[str]:
    words: set[str] = set()
    for rule in patterns.load("person_cues"):
        words.update(w.lower() for w in rule.get("honorifics", ()))
    return frozenset(words)


@dataclass
class Role:
    title: str
    start: int
    end: int
    organization: str | None = None
    org_kind: str | None = None
    org_span: tuple[int, int] | None = None
    place: Place | None = None
    implied_level: str | None = None  # "Tỉnh ủy" governs a province even when unnamed

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "locality": locality_object(self.place) if self.place is not None else None,
        }


@dataclass
class Chain:
    """Roles written one after another; `end` is where the last role's words stop."""

    roles: list[Role]
    start: int
    end: int
    end_token: int  # index of the first token after the chain


@dataclass
class Name:
    text: str
    start: int
    end: int
    first_token: int
    end_token: int
    honorific: bool


@dataclass
class OfficialsFinder:
    doc: Doc
    ranges: list[tuple[int, int]]
    places: LocalityFinder
    mentions: list[Mention] = field(default_factory=list)
    names_seen: dict[str, str] = field(default_factory=dict)  # given name → full name
    _orgs_done: set[tuple[int, int]] = field(default_factory=set)
    # characters inside an OFFICIAL or PERSON mention, for `_inside_mention` without a scan
    _people_cover: SpanCover = field(default_factory=SpanCover, init=False, repr=False)
    _people_indexed: int = field(default=0, init=False, repr=False)
    _people_list: list[Mention] | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------ pieces
    def _place_at(self, tok: Token) -> Place | None:
        for p in self.places.starting_at(tok.idx):
            if not p.anaphor:
                return p
        return None

    def _skip_space(self, i: int) -> int:
        while i < len(self.doc) and self.doc[i].text == " ":
            i += 1
        return i

    def read_org_name(self, i: int, limit: int) -> int:
        """End token of a name written after an org head word ("Lao động - Thương binh và Xã hội")."""
        doc = self.doc
        j = i
        count = 0
        while j < len(doc) and doc[j].idx < limit and count < ORG_NAME_MAX_TOKENS:
            tok = doc[j]
            low = tok.lower_
            if tok.is_space or tok.text in ",.;:()":
                break
            if tok.text in "-–&" or low == "và":
                nxt = j + 1
                if nxt < len(doc) and is_name_syllable(doc[nxt]):
                    j += 1
                    continue
                break
            if not tok.text[:1].isalpha():
                break
            if count == 0 and not tok.text[:1].isupper():
                break
            after_lower = count > 0 and not doc[j - 1].text[:1].isupper()
            if (
                after_lower
                and tok.text in surnames()
                and j + 1 < len(doc)
                and is_name_syllable(doc[j + 1])
            ):
                break  # "Bộ … Phát triển nông thôn Lê Minh Hoan": the name begins
            if (
                low in ORG_NAME_STOP and after_lower and not tok.text[:1].isupper()
            ) or self._place_at(tok) is not None:
                break
            if tok.text[:1].isupper() and count > 0 and self._is_level_word(j):
                break
            if self._is_level_word(j):
                break
            count += 1
            j += 1
        return j

    def _unit_in_parentheses(self, chain: Chain, name: Name, limit: int) -> None:
        """`đại biểu Nguyễn Văn Minh (Sơn La)`: the unit a delegate stands for, written after the name."""
        doc = self.doc
        role = chain.roles[-1]
        i = name.end_token
        if role.place is not None or i >= len(doc) or doc[i].text != "(" or i + 1 >= len(doc):
            return
        self._bare_unit_at(i + 1, limit)
        place = self._place_at(doc[i + 1])
        if place is not None:
            role.place = place

    def _bare_unit_at(self, i: int, limit: int) -> None:
        """A province or district named without its level word right after an organization
        ("Hội LHPN Hà Nội Lê Thị Thu Hằng"): registered as a place so the name after it is read."""
        doc = self.doc
        if not is_name_syllable(doc[i]) or doc[i].text.isdigit():
            return
        run = name_run(doc, i, limit)
        for level in ("province", "district"):
            known = longest_known_prefix(doc, run, level, self.places.era) if run else None
            if known and len(known) >= 2:
                end = known[-1].idx + len(known[-1].text)
                place = Place(
                    known[0].idx, end, run_text(doc, known), level, "gazetteer:after-organization"
                )
                self.places.places.append(place)
                self.places.resolve()
                return

    def _is_level_word(self, i: int) -> bool:
        """A level word opening a unit's name, not a syllable of another word ("Xã hội")."""
        doc = self.doc
        if doc[i].lower_ not in {"tỉnh", "huyện", "xã", "quận", "phường", "thị", "thành", "tp"}:
            return False
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return f"{doc[i].lower_} {nxt}" not in NOT_LEVEL_WORDS

    def read_role(
        self, title: PhraseHit, orgs: dict[int, PhraseHit], heads: dict[int, PhraseHit], limit: int
    ) -> tuple[Role, int]:
        """A title and what follows it: organization, then the unit (named or implied)."""
        doc = self.doc
        span = doc.char_span(title.start, title.end, alignment_mode="expand")
        assert span is not None
        role = Role(title=text_of(doc)[title.start : title.end], start=title.start, end=title.end)
        i = span.end
        # "Trưởng thôn Nà Sài": the title ends with the level word of the place it heads
        headed = next((p for p in self.places.starting_at(doc[span.end - 1].idx) if p.name), None)
        if headed is not None:
            role.place = headed
            role.end = headed.end
            while i < len(doc) and doc[i].idx < headed.end:
                i += 1
            return role, i
        # "Trưởng phòng Lao động - Thương binh và Xã hội": the title carries its org head.
        if doc[span.end - 1].lower_ in ("phòng", "ban") and i < len(doc):
            j = self.read_org_name(i, limit)
            if j > i:
                role.organization = doc[span.end - 1].text.capitalize() + " " + doc[i:j].text
                role.org_kind = "department"
                role.end = doc[j - 1].idx + len(doc[j - 1].text)
                role.org_span = (doc[span.end - 1].idx, role.end)
                i = j
        if role.organization is None and i < len(doc) and doc[i].idx in orgs:
            org = orgs[doc[i].idx]
            role.organization = org.rule["name"]
            role.org_kind = org.rule["kind"]
            role.implied_level = org.rule.get("implied_level")
            role.end = org.end
            role.org_span = (org.start, org.end)
            org_span = doc.char_span(org.start, org.end, alignment_mode="expand")
            assert org_span is not None
            i = org_span.end
        elif role.organization is None and i < len(doc) and doc[i].idx in heads:
            head = heads[doc[i].idx]
            head_span = doc.char_span(head.start, head.end, alignment_mode="expand")
            assert head_span is not None
            j = self.read_org_name(head_span.end, limit)
            if j > head_span.end:
                role.organization = doc[head_span.start : j].text
                role.org_kind = head.rule["kind"]
                role.end = doc[j - 1].idx + len(doc[j - 1].text)
                role.org_span = (head.start, role.end)
                i = j
        # the unit: a named place, or a bare level word ("UBND tỉnh") meaning the article's one
        if i < len(doc) and role.organization is not None and self._place_at(doc[i]) is None:
            self._bare_unit_at(i, limit)
        if i < len(doc):
            place = self._place_at(doc[i])
            if place is not None:
                role.place = place
                role.end = place.end
                while i < len(doc) and doc[i].idx < place.end:
                    i += 1
                # a parent in parentheses belongs to the chain: "(Mường Khương)", "(Lai Châu)"
                if i < len(doc) and doc[i].text == "(":
                    k = i
                    while k < len(doc) and doc[k].text != ")" and k - i < 10:
                        k += 1
                    if k < len(doc):
                        role.end = doc[k].idx + 1
                        i = k + 1
            elif self._is_level_word(i) and doc[i].idx < limit:
                level = LEVEL_WORDS.get(doc[i].lower_)
                # "UBND tỉnh", and "Phó Chủ tịch huyện Hồ Thị Kim Cúc" (no place starts here:
                # the capitals that follow are the person's name)
                if level:
                    role.place = self.places.resolve_level(level, doc[i].idx)
                    role.end = doc[i].idx + len(doc[i].text)
                    i += 1
        if role.place is None and role.implied_level:
            role.place = self.places.resolve_level(role.implied_level, role.start)
        return role, i

    def read_chain(
        self, first: PhraseHit, titles: dict[int, PhraseHit], orgs, heads, limit: int
    ) -> Chain:
        doc = self.doc
        roles: list[Role] = []
        hit: PhraseHit | None = first
        i = 0
        while hit is not None:
            role, i = self.read_role(hit, orgs, heads, limit)
            roles.append(role)
            hit = None
            # ", Chủ tịch UBND …": another role of the same person
            j = i
            if j < len(doc) and doc[j].text == ",":
                j = self._skip_space(j + 1)
                if j < len(doc) and doc[j].idx in titles:
                    hit = titles[doc[j].idx]
        # the units of roles that name none (Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lai Châu)
        named = [
            r.place for r in roles if r.place is not None and r.place.method.startswith("rule")
        ]
        for r in roles:
            if r.implied_level and named:
                same = [p for p in named if p is not None and p.level == r.implied_level]
                if same:
                    r.place = same[0]
        return Chain(roles, roles[0].start, roles[-1].end, i)

    def read_name(self, i: int, limit: int, need_cue: bool) -> Name | None:
        """A person's name starting at token i, possibly after an honorific."""
        doc = self.doc
        honorific = False
        start_i = i
        if i < len(doc) and doc[i].lower_ in honorifics():
            honorific = True
            i += 1
        elif i + 1 < len(doc) and doc[i : i + 2].text.lower() in honorifics():
            honorific = True
            i += 2
        run: list[Token] = []
        j = i
        while j < len(doc) and doc[j].idx < limit and len(run) < MAX_NAME:
            tok = doc[j]
            if not (tok.text[:1].isupper() and tok.text.isalpha()) or (
                tok.text.isupper() and len(tok.text) > 1
            ):
                break
            if self.places.covers(tok.idx):
                break
            if run and tok.text in NOT_NAME_WORDS:
                break
            run.append(tok)
            if not tok.whitespace_:
                break
            j += 1
        if not run:
            return None
        if len(run) == 1:
            if not honorific:
                return None
            full = self.names_seen.get(run[0].text)
            if full is None:
                return None
            return Name(
                full, doc[start_i].idx, run[0].idx + len(run[0].text), start_i, run[-1].i + 1, True
            )
        if not honorific and (need_cue or run[0].text not in surnames()):
            return None
        text = text_of(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]
        return Name(
            text,
            doc[start_i].idx if honorific else run[0].idx,
            run[-1].idx + len(run[-1].text),
            start_i,
            run[-1].i + 1,
            honorific,
        )

    def name_before(self, chain_first_token: int, block_start: int) -> Name | None:
        """`ông Nông Ngọc Nam, Phó Chủ tịch …` / `đồng chí Hà Văn Sơn – Chủ tịch …`."""
        doc = self.doc
        k = chain_first_token - 1
        while k >= 0 and doc[k].text == " ":
            k -= 1
        if k < 0 or doc[k].text not in JOINERS or doc[k].idx < block_start:
            return None
        end_tok = k  # the joiner
        # walk back over capitalized syllables
        m = end_tok - 1
        while m >= 0 and doc[m].text == " ":
            m -= 1
        last = m
        while (
            m >= 0
            and doc[m].idx >= block_start
            and doc[m].text[:1].isupper()
            and doc[m].text.isalpha()
        ):
            m -= 1
        first = m + 1
        if first > last:
            return None
        # an honorific right before?
        if m >= 0 and doc[m].lower_ in honorifics():
            cand = self.read_name(m, doc[end_tok].idx, need_cue=False)
        elif m >= 1 and doc[m - 1 : m + 1].text.lower() in honorifics():
            cand = self.read_name(m - 1, doc[end_tok].idx, need_cue=False)
        else:
            cand = self.read_name(first, doc[end_tok].idx, need_cue=False)
        if cand is None or cand.end_token != last + 1:
            return None
        before = doc[cand.first_token - 1] if cand.first_token > 0 else None
        if before is not None and before.lower_ in PLACE_PREPOSITIONS and not cand.honorific:
            return None  # "tại Hà Nội, Phó Thủ tướng …": a place, not the person
        if self._inside_mention(cand.start):
            return None  # "… Đỗ Bá Tỵ, Trưởng Ban …": that name is the previous title's
        return cand

    # ------------------------------------------------------------------ the pass
    def run(self) -> list[Mention]:
        doc = self.doc
        block_chains: list[tuple[int, int, Chain | None, Name | None]] = []
        for start, end in self.ranges:
            titles = {h.start: h for h in find_phrases(doc, "titles", start, end)}
            orgs = {h.start: h for h in find_phrases(doc, "organizations", start, end)}
            heads = {h.start: h for h in find_phrases(doc, "org_heads", start, end)}
            consumed_until = -1
            block_chain: Chain | None = None
            for t_start in sorted(titles):
                if t_start < consumed_until:
                    continue
                chain = self.read_chain(titles[t_start], titles, orgs, heads, end)
                consumed_until = chain.end
                first_tok = doc.char_span(chain.start, chain.start + 1, alignment_mode="expand")
                assert first_tok is not None
                name = self.name_before(first_tok.start, start)
                if name is None:
                    i = chain.end_token
                    if i < len(doc) and doc[i].text == ",":
                        i = self._skip_space(i + 1)
                    name = self.read_name(i, end, need_cue=False) if i < len(doc) else None
                    if name is not None:
                        consumed_until = name.end
                        self._unit_in_parentheses(chain, name, end)
                if name is None:
                    if chain.start == start:
                        block_chain = chain  # a role line: its name may be on the line above
                    self._org_mentions(chain)
                    continue
                self._official(name, chain)
            # people named with an honorific and no role
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    two = doc[tok.i : tok.i + 2].text.lower() if tok.i + 1 < len(doc) else ""
                    if (
                        tok.lower_ in honorifics() or two in honorifics()
                    ) and not self._inside_mention(tok.idx):
                        name = self.read_name(tok.i, end, need_cue=True)
                        if name is not None and not self._inside_mention(name.start):
                            self._person(name)
            line_name = (
                self.read_name(span.start, end, need_cue=False) if span is not None else None
            )
            if line_name is not None and line_name.end_token != span.end:
                line_name = None
            block_chains.append((start, end, block_chain, line_name))
        self._profile_layout(block_chains)
        self._standalone_orgs()
        self.mentions.sort(key=lambda m: m.start)
        self._one_official_per_person()
        return self.mentions

    def _one_official_per_person(self) -> None:
        """One OFFICIAL per person and document, at the first mention, with every role the
        article gives them; later mentions of the same person become PERSON mentions that
        refer back (`refers_to`: the OFFICIAL's start), as `ông Hậu` does."""
        first: dict[str, Mention] = {}
        out: list[Mention] = []
        for m in self.mentions:
            if m.type != "OFFICIAL":
                out.append(m)
                continue
            key = " ".join(m.attrs["name"].casefold().split())
            head = first.get(key)
            if head is None:
                first[key] = m
                out.append(m)
                continue
            known = {
                (r["title"], r["organization"], (r["locality"] or {}).get("name"))
                for r in head.attrs["roles"]
            }
            for r in m.attrs["roles"]:
                if (r["title"], r["organization"], (r["locality"] or {}).get("name")) not in known:
                    head.attrs["roles"].append(r)
            out.append(
                Mention(
                    "PERSON",
                    m.start,
                    m.end,
                    m.text,
                    {"name": m.attrs["name"], "refers_to": head.start},
                    m.method,
                )
            )
        self.mentions = out

    def _standalone_orgs(self) -> None:
        """Organizations named outside a role: `UBND xã đã ban hành…`, `Sở Thông tin và Truyền thông`."""
        doc = self.doc
        spans = [(m.start, m.end) for m in self.mentions if m.type == "ORG"]
        taken = SpanCover(len(text_of(doc)))
        for s, e in spans:
            taken.add(s, e)
        for start, end in self.ranges:
            hits = find_phrases(doc, "organizations", start, end)
            for head in find_phrases(doc, "org_heads", start, end):
                head_span = doc.char_span(head.start, head.end, alignment_mode="expand")
                if head_span is None:
                    continue
                j = self.read_org_name(head_span.end, end)
                if j > head_span.end:
                    stop = doc[j - 1].idx + len(doc[j - 1].text)
                    hits.append(
                        PhraseHit(
                            {**head.rule, "name": text_of(doc)[head.start : stop]}, head.start, stop
                        )
                    )
            hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
            last = -1
            for hit in hits:
                if hit.start < last or (
                    taken.overlaps(hit.start, hit.end)
                    if hit.start < hit.end
                    else any(s < hit.end and hit.start < e for s, e in spans)
                ):
                    continue
                last = hit.end
                attrs: dict[str, Any] = {"name": hit.rule["name"], "kind": hit.rule["kind"]}
                span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if span is not None and span.end < len(doc):
                    place = self._place_at(doc[span.end])
                    level = LEVEL_WORDS.get(doc[span.end].lower_)
                    if place is not None:
                        attrs["locality"] = locality_object(place)
                    elif level and doc[span.end - 1].whitespace_:
                        implied = self.places.resolve_level(level, hit.start)  # "UBND xã đã …"
                        if implied is not None:
                            attrs["locality"] = locality_object(implied)
                    elif hit.rule.get("implied_level"):
                        implied = self.places.resolve_level(hit.rule["implied_level"], hit.start)
                        if implied is not None:
                            attrs["locality"] = locality_object(implied)
                self.mentions.append(
                    Mention(
                        "ORG",
                        hit.start,
                        hit.end,
                        text_of(doc)[hit.start : hit.end],
                        attrs,
                        f"rule:{hit.rule['id']}",
                    )
                )

    def _profile_layout(self, blocks: list[tuple[int, int, Chain | None, Name | None]]) -> None:
        """`Ông Trần Văn Cường` on one line and `Chủ tịch UBND xã Hoàng Thu Phố (Bắc Hà)` on the next.
        The PERSON mentions of those names are dropped in one pass (the OFFICIALs added here
        are never PERSONs, so dropping them first changes nothing but the cost)."""
        pairs = [
            (name, chain, end2)
            for (_, _, _, name), (_, end2, chain, _) in itertools.pairwise(blocks)
            if name is not None and chain is not None
        ]
        if not pairs:
            return
        dropped = {name.start for name, _, _ in pairs}
        self.mentions = [
            m for m in self.mentions if not (m.type == "PERSON" and m.start in dropped)
        ]
        for name, chain, end2 in pairs:
            self._official(name, chain, end=end2, method="rule:official:profile-layout")

    def _inside_mention(self, offset: int) -> bool:
        """Whether an OFFICIAL or PERSON found so far contains `offset` (mentions are indexed
        as they are appended; a replaced list is indexed afresh)."""
        mentions = self.mentions
        if self._people_list is not mentions or self._people_indexed > len(mentions):
            self._people_cover = SpanCover(len(text_of(self.doc)))
            self._people_indexed = 0
            self._people_list = mentions
        for m in mentions[self._people_indexed :]:
            if m.type in ("OFFICIAL", "PERSON"):
                self._people_cover.add(m.start, m.end)
        self._people_indexed = len(mentions)
        return self._people_cover.covers(offset)

    def _official(
        self, name: Name, chain: Chain, end: int | None = None, method: str = "rule:official"
    ) -> None:
        start = min(name.start, chain.start)
        stop = end if end is not None else max(name.end, chain.end)
        given = name.text.split()[-1]
        self.names_seen.setdefault(given, name.text)
        self.mentions.append(
            Mention(
                "OFFICIAL",
                start,
                stop,
                text_of(self.doc)[start:stop],
                {"name": name.text, "roles": [r.to_json() for r in chain.roles]},
                method,
            )
        )
        self._org_mentions(chain)

    def _person(self, name: Name) -> None:
        attrs: dict[str, Any] = {"name": name.text}
        self.mentions.append(
            Mention(
                "PERSON",
                name.start,
                name.end,
                text_of(self.doc)[name.start : name.end],
                attrs,
                "rule:person:honorific",
            )
        )

    def _org_mentions(self, chain: Chain) -> None:
        for r in chain.roles:
            if r.organization and r.org_span and r.org_span not in self._orgs_done:
                self._orgs_done.add(r.org_span)
                s, e = r.org_span
                attrs: dict[str, Any] = {"name": r.organization, "kind": r.org_kind}
                if r.place is not None:
                    attrs["locality"] = locality_object(r.place)
                self.mentions.append(
                    Mention("ORG", s, e, text_of(self.doc)[s:e], attrs, "rule:org:in-role")
                )
