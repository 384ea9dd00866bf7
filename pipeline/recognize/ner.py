"""underthesea's CRF named-entity tagger as one signal among the rules.

It runs on body sentences only. The rules come first: its PER spans become PERSON
mentions only where no rule found a person, and its LOC spans are offered to the
gazetteer, never taken on their own word (it tags `Chủ tịch UBND xã Hoàng Thu Phố`
as a location and `đồng chí Lý Bình Minh` too).
"""

from __future__ import annotations

from vnfacts.textalign import align_indexed


def ner_spans(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(label, start, end) of PER/LOC/ORG entities in text[start:end], offsets absolute."""
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
