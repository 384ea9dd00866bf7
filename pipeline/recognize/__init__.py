"""The recognize stage: figures, times, localities, officials, organizations.

Order matters and is fixed here: places written with a level word first (they
split runs like `Lai Châu Lê Văn Lương`), then officials and people (whose names
must not be read as places), then bare place names, then figures and times per
sentence, and underthesea's NER last, filling only what the rules left.
Each recognizer lives in its own module; rules are data in `patterns/`.
"""

from __future__ import annotations

from functools import cache

import regex
from vnfacts import patterns
from vnfacts.doc import Document, Mention
from vnfacts.gazetteer import era_of
from vnfacts.recognize.officials import OfficialsFinder
from vnfacts.recognize.places import LocalityFinder, SpanCover, to_mention
from vnfacts.recognize.spacy_doc import find_phrases, make_doc
from vnfacts.registry import stage

NER_MODES = ("off", "gaps", "all")


def _figures_and_times(doc: Document) -> list[Mention]:
    from vnfacts.recognize.numbers import find_figures
    from vnfacts.recognize.times import find_times

    out: list[Mention] = []
    for sent in doc.sentences:
        out.extend(find_times(doc.text, sent.start, sent.end, published=doc.meta.published))
        times = [(m.start, m.end) for m in out[-50:] if m.type == "TIME"]
        for m in find_figures(doc.text, sent.start, sent.end):
            if not any(s <= m.start and m.end <= e for s, e in times):
                out.append(m)
    return out


_CAPITALIZED_RUN = regex.compile(r"\b\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3}\b")


def _unexplained_name(
    text: str, start: int, end: int, taken: SpanCover, names: frozenset[str]
) -> bool:
    for m in _CAPITALIZED_RUN.finditer(text, start, end):
        if m.group().split()[0] in names and not taken.overlaps(m.start(), m.end()):
            return True
    return False


def _ner_people(doc: Document, taken: list[Mention], mode: str) -> list[Mention]:
    """PERSON mentions from underthesea's NER where the rules found no one.

    "gaps" runs it only on body sentences that speak of someone (a title or an
    honorific), hold no person the rules recognized, and have a surname-led capitalized
    run no rule explained; "all" on every body sentence.
    A PER span is kept from its first known surname on, as 2-4 capitalized syllables:
    the tagger's spans often swallow titles and organizations ("BCH T.Ư Hội NDVN Lại
    Xuân Môn"), and its other guesses (bylines in capitals, place names) are dropped.
    """
    from vnfacts.recognize.ner import ner_spans
    from vnfacts.recognize.officials import surnames

    out: list[Mention] = []
    taken_spans = [
        (m.start, m.end) for m in taken if m.type in ("OFFICIAL", "PERSON", "LOCALITY", "ORG")
    ]
    people = [(m.start, m.end) for m in taken if m.type in ("OFFICIAL", "PERSON")]
    # overlap tests cost the span's length, not a scan of every mention (quadratic when long)
    taken_cover, people_cover = SpanCover(len(doc.text)), SpanCover(len(doc.text))
    for ts, te in taken_spans:
        taken_cover.add(ts, te)
    for ps, pe in people:
        people_cover.add(ps, pe)
    cue_words = ("ông", "bà", "đồng chí", "chủ tịch", "bí thư", "giám đốc", "trưởng", "bộ trưởng")
    for sent in doc.sentences:
        if doc.blocks[sent.block].kind != "body":
            continue
        if mode == "gaps":
            text = doc.text[sent.start : sent.end]
            low = f" {text.lower()} "
            if (
                people_cover.overlaps(sent.start, sent.end)
                if sent.start < sent.end
                else any(ps < sent.end and sent.start < pe for ps, pe in people)
            ):
                continue
            if not any(f" {w} " in low for w in cue_words):
                continue
            # …and a surname-led run of capitalized syllables no rule explained
            if not _unexplained_name(doc.text, sent.start, sent.end, taken_cover, surnames()):
                continue
        for label, s, e in ner_spans(doc.text, sent.start, sent.end):
            if label != "PER" or (
                taken_cover.overlaps(s, e)
                if s < e
                else any(ps < e and s < pe for ps, pe in taken_spans)
            ):
                continue
            words = doc.text[s:e].split(" ")
            first = next((i for i, w in enumerate(words) if w in surnames()), None)
            if first is None:
                continue
            name_words = words[first:]
            if not 2 <= len(name_words) <= 4 or not all(
                w[:1].isupper() and w[1:].islower() for w in name_words
            ):
                continue
            start = s + len(" ".join(words[:first])) + (1 if first else 0)
            name = " ".join(name_words)
            out.append(
                Mention("PERSON", start, e, doc.text[start:e], {"name": name}, "ner:underthesea")
            )
    return out


@cache
def _organisations_named_for_a_unit() -> frozenset[str]:
    """Ids of `patterns/organizations.jsonl` entries that take a unit's name after them."""
    return frozenset(r["id"] for r in patterns.load("organizations") if r.get("takes_locality"))


def _named_for_a_unit(m: Mention) -> bool:
    return (m.method or "").removeprefix("rule:") in _organisations_named_for_a_unit()


@stage("recognize", requires=("blocks", "sentences"), provides=("mentions",))
def recognize(doc: Document, *, ner: str = "gaps") -> Document:
    if ner not in NER_MODES:
        raise ValueError(f"ner must be one of {NER_MODES}, not {ner!r}")
    # Captions carry names and places worth knowing (never facts: link reads body sentences).
    ranges = [(b.start, b.end) for b in doc.blocks if not b.is_boilerplate or b.kind == "caption"]
    sdoc = make_doc(doc.text)
    places = LocalityFinder(sdoc, ranges, era=era_of(doc.meta.published))
    places.find_with_level_words()
    places.find_regions()
    places.resolve()
    people = OfficialsFinder(sdoc, ranges, places).run()
    blocked = [(m.start, m.end) for m in people if m.type in ("PERSON",)]
    blocked += [
        (m.start, m.end) for m in people if m.type == "OFFICIAL"
    ]  # names inside official spans; places inside them were found by level words already
    # organisations named for a unit, also those inside an official's title ("Phó Chủ tịch
    # Ủy ban MTTQ Việt Nam tỉnh …"), where no ORG mention of their own is made
    orgs = [(m.start, m.end) for m in people if m.type == "ORG" and _named_for_a_unit(m)]
    if any(p.level in ("country", "region") for p in places.places):
        # (only a country or a region can be part of such a name: most texts name neither)
        orgs += [
            (hit.start, hit.end)
            for start, end in ranges
            for hit in find_phrases(sdoc, "organizations", start, end)
            if hit.rule.get("takes_locality")
        ]
    places.drop_organisation_name_parts(orgs)
    places.find_bare_names(blocked)
    places.find_introduced_villages(blocked)
    places.resolve()
    places.mark_neighbours()
    places.resolve_anaphors()
    mentions = [to_mention(sdoc, p) for p in places.places if p.name]
    mentions += people
    mentions += _figures_and_times(doc)
    if ner != "off":
        mentions += _ner_people(doc, mentions, ner)
    mentions.sort(key=lambda m: (m.start, -m.end))
    seen: set[tuple[str, int, int]] = set()
    doc.mentions = []
    for m in mentions:  # one mention per type and span
        if (m.type, m.start, m.end) not in seen:
            seen.add((m.type, m.start, m.end))
            doc.mentions.append(m)
    doc.cache["places"] = places
    return doc
