"""The one data model every stage reads and writes.

A `Document` holds the decoded input text exactly as given; every span in it
(blocks, sentences, tokens, mentions, evidence) is a pair of character offsets
into that text, so `doc.text[start:end]` is always the quoted span. Stages add
to a document; none of them rewrites the text.

`Document.to_json()` writes the shape of the output contract (FACTS.md): the
serialization boundary is where ids are given and optional fields filled with null,
so stages may leave out what they do not know and every record still has one shape.
The id functions live here, on the ground floor, so that the JSON output and the
table exports (`vnfacts.export`) always compute the same ids.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from typing import Any

# Kinds of text block. Only the first three carry article content; the others
# are page furniture that must never yield facts.
CONTENT_KINDS = frozenset({"title", "heading", "body"})
BLOCK_KINDS = CONTENT_KINDS | frozenset({"caption", "byline", "dateline", "boilerplate"})

# The version of the record's shape (document.schema.json). Major: a field renamed,
# dropped or retyped; minor: a field added.
SCHEMA_VERSION = "2.0"

# Optional fact fields: always written, with these values when a stage left them out.
FACT_DEFAULTS: dict[str, Any] = {
    "status": "actual",
    "group": None,
    "range": None,
    "approx": None,
    "period": None,
    "change": None,
    "year_guess": None,
    "year_basis": None,
    "standard": None,
    "also_evidence": None,
}

# The normalized fields of each mention type (FACTS.md), written as null when unknown.
MENTION_FIELDS: dict[str, tuple[str, ...]] = {
    "LOCALITY": ("name", "level", "commune", "district", "province", "code", "after_2025"),
    "PERSON": ("name",),
    "OFFICIAL": ("name", "roles"),
    "ORG": ("name", "kind", "locality"),
    "QUANTITY": ("value", "unit", "approx", "range"),
    "PERCENT": ("value", "per_year", "approx", "range"),
    "TIME": ("year", "period", "month", "day", "relative"),
}


@cache
def vnfacts_version() -> str:
    """The installed distribution's version, so a record says which code wrote it."""
    try:
        return metadata.version("vnfacts")
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return "0+unknown"


# ---------------------------------------------------------------------------------- ids


def stable_id(*parts: Any) -> str:
    """A short id that depends only on `parts`, so a re-run gives the same id."""
    raw = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fact_id(doc_id: str, fact: dict[str, Any]) -> str:
    """A fact's id: its document, indicator, locality, year, evidence and figure offsets.

    The value is left out on purpose: a fix that changes a value keeps the fact's key.
    """
    loc = fact.get("locality") or {}
    ev = fact.get("evidence") or {}
    fig = fact.get("figure") or {}
    return stable_id(
        doc_id,
        fact.get("indicator"),
        loc.get("code") or loc.get("name"),
        fact.get("year"),
        ev.get("start"),
        ev.get("end"),
        fig.get("start"),
    )


def mention_ids(doc_id: str, mentions: list[dict[str, Any]] | list[Mention]) -> list[str]:
    """The ids of a document's mentions, in order: document, type and offsets.

    Two mentions of one type on one span (a list read two ways) get a counter, so
    ids stay unique; the first keeps the plain id, as it had before counters existed.
    """
    seen: dict[tuple[Any, ...], int] = {}
    out = []
    for m in mentions:
        if isinstance(m, Mention):
            key: tuple[Any, ...] = (m.type, m.start, m.end)
        else:
            key = (m.get("type"), m.get("start"), m.get("end"))
        seen[key] = seen.get(key, -1) + 1
        out.append(stable_id(doc_id, *key, *([seen[key]] if seen[key] else [])))
    return out


def official_id(mention_id: str, role_index: int) -> str:
    """One official row per person and role."""
    return stable_id(mention_id, role_index)


def check_id(doc_id: str, check: dict[str, Any], index: int) -> str:
    """A check's id: its document, kind, the figures it reads and its place in the list."""
    ev = check.get("evidence") or []
    return stable_id(doc_id, check.get("kind"), [e.get("start") for e in ev], index)


@dataclass(slots=True)
class Block:
    """One line of the input (a paragraph, heading, caption or widget line)."""

    start: int
    end: int
    kind: str = "body"
    reason: str | None = None  # why cleaning gave it a non-body kind

    @property
    def is_boilerplate(self) -> bool:
        return self.kind not in CONTENT_KINDS

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind}
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(slots=True)
class Token:
    """A word in underthesea's sense: may span several syllables ("Chủ tịch")."""

    start: int
    end: int
    text: str
    sentence: int  # index into Document.sentences


# the suffix of a LOCALITY mention's `method` for a unit named as a neighbour on the border
# ("phía Đông giáp huyện Mèo Vạc"): no antecedent and no subject
NEIGHBOUR = ":neighbour"


@dataclass(slots=True)
class Mention:
    """A recognized span with the normalized fields of its type (FACTS.md)."""

    type: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    method: str | None = None  # which rule or model produced it

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        out.update(self.attrs)
        if self.method:
            out["method"] = self.method
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mention:
        data = dict(data)
        data.pop("id", None)  # computed again on output
        return cls(
            type=data.pop("type"),
            start=data.pop("start"),
            end=data.pop("end"),
            text=data.pop("text"),
            method=data.pop("method", None),
            attrs=data,
        )


@dataclass(slots=True)
class Meta:
    title: str | None = None
    published: str | None = None  # ISO date of the article itself
    author: str | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "url": self.url,
        }


@dataclass(slots=True)
class ErrorRecord:
    """What went wrong with one document, and in which stage."""

    stage: str
    code: str  # short machine-readable reason: empty, not_utf8, binary, too_large, ...
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "code": self.code, "message": self.message}


@dataclass
class Document:
    doc_id: str
    text: str
    source: str | None = None
    meta: Meta = field(default_factory=Meta)
    # "text": the input was plain text; "html": `text` is the main content
    # extracted from the HTML input, and offsets refer to that extraction.
    origin: str = "text"
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    # Scratch space for stages (e.g. a spaCy Doc); never serialized.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def add_error(self, stage: str, code: str, message: str) -> None:
        self.errors.append(ErrorRecord(stage, code, message))

    def to_json(self, *, include_text: bool = False, include_blocks: bool = True) -> dict[str, Any]:
        """The record of FACTS.md, with ids, versions and every optional field present."""
        mids = mention_ids(self.doc_id, self.mentions)
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "schema_version": SCHEMA_VERSION,
            "vnfacts_version": vnfacts_version(),
            "source": self.source,
            "meta": self.meta.to_json(),
            "mentions": [_mention_json(m, mid) for m, mid in zip(self.mentions, mids, strict=True)],
            "facts": [_fact_json(self.doc_id, f) for f in self.facts],
            "checks": [
                {"id": check_id(self.doc_id, c, k)} | {n: v for n, v in c.items() if n != "id"}
                for k, c in enumerate(self.checks)
            ],
            "errors": [e.to_json() for e in self.errors],
            "origin": self.origin,
            "n_chars": len(self.text),
        }
        if include_blocks:
            out["blocks"] = [b.to_json() for b in self.blocks]
        if include_text or self.origin != "text":
            # Offsets of an HTML document point into the extracted text, which
            # a reader cannot rebuild from the HTML: ship it with the record.
            out["text"] = self.text
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        meta = data.get("meta") or {}
        doc = cls(
            doc_id=data["doc_id"],
            text=data.get("text", ""),
            source=data.get("source"),
            meta=Meta(
                title=meta.get("title"),
                published=meta.get("published"),
                author=meta.get("author"),
                url=meta.get("url"),
            ),
            origin=data.get("origin", "text"),
        )
        doc.blocks = [
            Block(b["start"], b["end"], b.get("kind", "body"), b.get("reason"))
            for b in data.get("blocks", [])
        ]
        doc.mentions = [Mention.from_json(m) for m in data.get("mentions", [])]
        doc.facts = list(data.get("facts", []))
        doc.checks = list(data.get("checks", []))
        doc.errors = [
            ErrorRecord(e.get("stage", "?"), e.get("code", "?"), e.get("message", ""))
            for e in data.get("errors", [])
        ]
        return doc


def _mention_json(mention: Mention, mid: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": mid}
    out.update(mention.to_json())
    for name in MENTION_FIELDS.get(mention.type, ()):
        out.setdefault(name, None)
    out.setdefault("method", None)
    return out


def _fact_json(doc_id: str, fact: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": fact_id(doc_id, fact)}
    out.update((k, v) for k, v in fact.items() if k != "id")
    for name, default in FACT_DEFAULTS.items():
        if out.get(name) is None:
            out[name] = default
    return out
