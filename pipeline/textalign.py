"""Finding the pieces a tokenizer returned back in the text, as offsets.

underthesea's sentence and word tokenizers (and its NER) return strings, not
offsets; every span vnfacts outputs must satisfy `text[start:end] == piece`.
A ground-floor helper: stages import it, it imports nothing of the project.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

_SPACE_RE = regex.compile(r"\s+")


def align(
    text: str, pieces: list[str], start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int, str]]:
    """(start, end, piece) for each piece found in order in text[start:end].

    A piece whose inner spaces differ from the text's (underthesea joins
    syllables with one space) is matched with flexible whitespace. A piece that
    cannot be found (the tokenizer changed it) is skipped, never invented.
    """
    for i, s, e in align_indexed(text, pieces, start, end):
        yield s, e, pieces[i].strip()


def align_indexed(
    text: str, pieces: list[str], start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int, int]]:
    """Like `align`, yielding the index of each piece found."""
    end = len(text) if end is None else end
    cursor = start
    for i, raw in enumerate(pieces):
        piece = raw.strip()
        if not piece:
            continue
        at = text.find(piece, cursor, end)
        if at >= 0 and not text[cursor:at].strip():
            yield i, at, at + len(piece)
            cursor = at + len(piece)
            continue
        pattern = r"\s+".join(regex.escape(part) for part in _SPACE_RE.split(piece))
        m = regex.compile(pattern).search(text, cursor, end)
        if m is None:
            continue
        yield i, m.start(), m.end()
        cursor = m.end()


# a few spaces inside a line, or one space that is not ASCII (no-break, thin, ideographic);
# four or more are left alone: they align the columns of a table turned into text
_LOOSE_SPACE = regex.compile(r"(?<=\S)(?:[ \t]{2,3}(?![ \t])|[\u00a0\u2000-\u200a\u202f\u3000])")


# a yearbook table's row turned into text (`2018  3,10   3.120`): a year, then cells two or
# more spaces apart (the shape of pipeline/tables.py's `_YEAR_ROW`, which reads such runs of
# rows and their column titles in pieces on the lines above, split at two spaces)
_ALIGNED_YEAR_ROW = regex.compile(r"^[ \t]*(?:19|20)\d{2}(?:[ \t]{2,}\S+)+[ \t]*$", regex.M)
ALIGNED_HEADER_LINES = 8  # how far above its first row an aligned table's header may start
_ROWS_APART = 3  # rows at most this many lines apart are one table


def _yearbook_table_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of two or more year rows, with the lines of its header
    above: spans whose spaces align columns."""
    rows = list(_ALIGNED_YEAR_ROW.finditer(text))
    if len(rows) < 2:
        return []
    runs: list[list[regex.Match[str]]] = [[rows[0]]]
    for m in rows[1:]:
        if text.count("\n", runs[-1][-1].end(), m.start()) <= _ROWS_APART:
            runs[-1].append(m)
        else:
            runs.append([m])
    spans = []
    for run in runs:
        if len(run) < 2:
            continue
        start = run[0].start()
        for _ in range(ALIGNED_HEADER_LINES):
            if start == 0:
                break
            start = text.rfind("\n", 0, start - 1) + 1
        spans.append((start, run[-1].end()))
    return spans


def reading_copy(text: str) -> tuple[str, list[int]] | None:
    """The text the stages read: composed to NFC (see `nfc_with_positions`), and two or
    three spaces between words (`thu  nhập  bình quân`, as pages copied from PDFs and
    editors write them) or a no-break space read as one space, with each offset's
    position in `text`; None when there is nothing to change (the usual case).

    Why: the rules are written with one space between words; a report that puts two
    gives no fact. Four or more spaces are kept, and so is every space of a yearbook
    table and its header: they align the columns."""
    composed = nfc_with_positions(text)
    base, positions = composed if composed is not None else (text, None)
    if not _LOOSE_SPACE.search(base):
        return composed
    tables = _yearbook_table_spans(base)
    parts: list[str] = []
    moved: list[int] = []
    cursor = 0
    for m in _LOOSE_SPACE.finditer(base):
        if any(a <= m.start() < b for a, b in tables):
            continue
        parts.append(base[cursor : m.start()])
        moved.extend(range(cursor, m.start()))
        parts.append(" ")
        moved.append(m.start())
        cursor = m.end()
    parts.append(base[cursor:])
    moved.extend(range(cursor, len(base) + 1))
    if positions is not None:
        moved = [positions[k] for k in moved]
    return "".join(parts), moved


def nfc_with_positions(text: str) -> tuple[str, list[int]] | None:
    """The text composed to NFC, with each composed offset's position in `text`
    (`positions[k]` for k in 0..len(composed), the last being len(text)); None when the
    text is NFC already (the usual case, and the cheap test).

    Why: the rules and the gazetteer are written in composed letters, so a text in
    decomposed form ("ệ" as "e" + two marks, as some editors and macOS file names write
    it) would give no facts; spans found in the composed text map back to the input's
    own offsets through `positions`. Each letter is composed with the marks that follow
    it, so an offset between two letters maps to the same boundary in the input.
    """
    if unicodedata.is_normalized("NFC", text):
        return None
    parts: list[str] = []
    positions: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        parts.append(piece)
        positions.extend([i] * len(piece))
        i = j
    positions.append(n)
    return "".join(parts), positions
