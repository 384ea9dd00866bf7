"""spaCy as the document model and phrase-rule engine of the recognize stage.

`spacy.blank("vi")` would need pyvi for word segmentation; vnfacts gives it its
own syllable tokenizer instead, which keeps `doc.text` identical to the input
(whitespace runs become whitespace tokens), so `Doc.char_span` works with the
offsets every other stage uses. Phrase rules (titles, organizations, level words,
indicator cues) are JSONL data in `patterns/`, compiled once into PhraseMatchers
that match case-insensitively on syllables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab
from vnfacts import patterns

# A syllable (letters/digits, with decimal and thousands marks inside numbers),
# a run of whitespace, or any other single character.
_TOKEN_RE = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}\p{N}_]+|\s+|.", regex.DOTALL)


# Longest text `make_doc` accepts: above any `--max-bytes` a batch would reasonably use.
MAX_LENGTH = 1 << 30


class SyllableTokenizer:
    """Text → Doc of syllables and punctuation; `doc.text` is the text unchanged."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN_RE.finditer(text):
            piece = m.group()
            if piece.isspace() and words and not words[-1].isspace() and piece[0] == " ":
                spaces[-1] = True  # one plain space after a word is spaCy's `whitespace_`
                piece = piece[1:]
                if not piece:
                    continue
            words.append(piece)
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@cache
def nlp() -> Language:
    """A blank Vietnamese pipeline with the syllable tokenizer (no pyvi, no model)."""
    lang = spacy.blank("xx")  # language-neutral defaults; Vietnamese needs no stop list here
    lang.tokenizer = SyllableTokenizer(lang.vocab)
    # spaCy refuses texts over 1,000,000 characters (E088) to protect its parser and NER
    # models, whose memory grows with the text; here the tokenizer and the PhraseMatchers
    # are linear in it, and the batch's own `--max-bytes` bounds a document already.
    lang.max_length = MAX_LENGTH
    return lang


def make_doc(text: str) -> Doc:
    doc = nlp().make_doc(text)
    doc.user_data["text"] = text  # spaCy rebuilds `Doc.text` on every access: keep the string
    return doc


def text_of(doc: Doc) -> str:
    """The document's text, without spaCy's O(n) rebuild of `Doc.text`."""
    text = doc.user_data.get("text")
    return text if isinstance(text, str) else doc.text


@dataclass(frozen=True, slots=True)
class PhraseHit:
    rule: dict[str, Any]
    start: int  # character offsets into the text
    end: int


@cache
def phrase_matcher(
    pattern_file: str, field: str = "phrase"
) -> tuple[PhraseMatcher, dict[str, dict[str, Any]]]:
    """A PhraseMatcher over `patterns/<pattern_file>.jsonl`, matching lower-cased syllables."""
    lang = nlp()
    matcher = PhraseMatcher(lang.vocab, attr="LOWER")
    rules: dict[str, dict[str, Any]] = {}
    for rule in patterns.load(pattern_file):
        phrases = rule[field] if isinstance(rule[field], list) else [rule[field]]
        matcher.add(rule["id"], [lang.make_doc(p) for p in phrases])
        rules[rule["id"]] = rule
    return matcher, rules


def find_phrases(
    doc: Doc, pattern_file: str, start: int = 0, end: int | None = None
) -> list[PhraseHit]:
    """Longest non-overlapping matches of a pattern file inside doc.text[start:end]."""
    end = len(text_of(doc)) if end is None else end
    matcher, rules = phrase_matcher(pattern_file)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    hits = []
    for match_id, s, e in matcher(span):  # positions are the doc's, not the span's
        tok_s, tok_e = doc[s], doc[e - 1]
        hits.append(
            PhraseHit(rules[doc.vocab.strings[match_id]], tok_s.idx, tok_e.idx + len(tok_e.text))
        )
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[PhraseHit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen
