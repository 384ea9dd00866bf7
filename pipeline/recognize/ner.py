"""underthesea's CRF named-entity tagger as one signal among the rules.

It runs on body sentences only. The rules come first: its PER spans become PERSON
mentions only where no rule found a person, and its LOC spans are offered to the
gazetteer, never taken on their own word (it tags `Chủ tịch UBND xã Hoàng Thu Phố`
as a location and `đồng chí Lý Bình Minh` too).
"""

from __future__ import annotations

import regex
from vnfacts.textalign import align_indexed

# underthesea's `ner()` is quadratic in the length of what it is given (measured: 0.2 ms
# a character at 250 characters, 1.4 ms at 4,000): a run-on sentence (a flattened table,
# a list with no full stop) is tagged in pieces of at most this many characters, cut at
# clause punctuation, else at a space. Ordinary sentences are shorter and stay whole.
MAX_CHARS = 400
_CLAUSE_END = regex.compile(r"[,;:]\s+|\s[-–—]\s+")


def pieces(text: str, start: int, end: int, limit: int = MAX_CHARS) -> list[tuple[int, int]]:
    """text[start:end] as consecutive spans of at most `limit` characters, each cut after
    the last clause mark of its window (in its second half), else at its last space."""
    out: list[tuple[int, int]] = []
    while end - start > limit:
        window_end = start + limit
        cut = None
        for m in _CLAUSE_END.finditer(text, start + limit // 2, window_end):
            cut = m.end()
        if cut is None:
            space = text.rfind(" ", start + limit // 2, window_end)
            cut = space + 1 if space > start else window_end
        out.append((start, cut))
        start = cut
    if start < end:
        out.append((start, end))
    return out


def ner_spans(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(label, start, end) of PER/LOC/ORG entities in text[start:end], offsets absolute;
    a span longer than MAX_CHARS is tagged piece by piece, so the cost stays linear."""
    spans: list[tuple[str, int, int]] = []
    for s, e in pieces(text, start, end):
        if text[s:e].strip():
            spans.extend(_ner_piece(text, s, e))
    return spans


def _ner_piece(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    from underthesea import ner

    rows = ner(text[start:end])
    spans: list[tuple[str, int, int]] = []
    label: str | None = None
    s0 = e0 = 0
    prev_i = -2
    for i, s, e in align_indexed(text, [row[0] for row in rows], start, end):
        tag = rows[i][-1]
        continues = tag.startswith("I-") and label == tag[2:] and prev_i == i - 1
        if continues:
            e0 = e
        else:
            if label is not None:
                spans.append((label, s0, e0))
            label, s0, e0 = (tag[2:], s, e) if tag != "O" else (None, 0, 0)
        prev_i = i
    if label is not None:
        spans.append((label, s0, e0))
    return spans
