"""Sentences (and, on request, words) of the content blocks, with offsets into the text.

underthesea splits sentences and words (a word may be several syllables: "Chủ
tịch", "tỷ lệ") but returns strings, not offsets; `align` finds each piece back
in the text so every sentence and token satisfies `text[start:end] == piece`
(up to whitespace inside multi-syllable words). Boilerplate is not segmented:
no model time is spent on page furniture.
"""

from __future__ import annotations

from functools import cache

import regex
from vnfacts import patterns
from vnfacts.doc import Document, Sentence, Token
from vnfacts.registry import stage
from vnfacts.textalign import align

_A_CAPITAL_NEXT = regex.compile(r"\s*\p{Lu}")  # a unit's name opens with a capital


@cache
def _level_abbreviation_at_end() -> regex.Pattern[str]:
    """A sentence that ends with a level word's abbreviation (`TX.`, `TT.`, `H.`, from
    patterns/levels.jsonl) ends inside a unit's name: "… tại các huyện An Phú, TX. Tân
    Châu với tổng kinh phí 972 triệu đồng" is one sentence."""
    dotted = sorted(
        {p for rule in patterns.load("levels") for p in rule["phrase"] if p.endswith(".")},
        key=len,
        reverse=True,
    )
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(map(regex.escape, dotted)) + r")\s*$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from underthesea import sent_tokenize

    chunk = text[start:end]
    spans = [(s, e) for s, e, _ in align(text, sent_tokenize(chunk), start, end)]
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if (
            merged
            # (only the sentence's last characters can hold the abbreviation)
            and _level_abbreviation_at_end().search(
                text, max(merged[-1][0], merged[-1][1] - 12), merged[-1][1]
            )
            and _A_CAPITAL_NEXT.match(text, merged[-1][1], e)
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def split_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    from underthesea import word_tokenize

    return list(align(text, word_tokenize(text[start:end]), start, end))


@stage("segment", requires=("blocks",), provides=("sentences", "tokens"))
def segment(doc: Document, *, words: bool = False) -> Document:
    """Sentences always; underthesea's word segmentation only when asked (`words=True`):
    no later stage needs it (the recognizers match syllables), and it is the costliest
    model call of the pipeline."""
    doc.sentences = []
    doc.tokens = []
    for bi, block in enumerate(doc.blocks):
        if block.is_boilerplate:
            continue
        spans = split_sentences(doc.text, block.start, block.end) or [(block.start, block.end)]
        for s, e in spans:
            si = len(doc.sentences)
            doc.sentences.append(Sentence(s, e, bi))
            if words:
                for ts, te, _ in split_words(doc.text, s, e):
                    doc.tokens.append(Token(ts, te, doc.text[ts:te], si))
    return doc
