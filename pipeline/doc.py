"""The one data model every stage reads and writes.

A `Document` holds the decoded input text exactly as given; every span in it
(blocks, sentences, tokens, mentions, evidence) is a pair of character offsets
into that text, so `doc.text[start:end]` is always the quoted span. Stages add
to a document; none of them rewrites the text.

`Document.to_json()` writes the shape of the output contract (FACTS.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of text block. Only the first three carry article content; the others
# are page furniture that must never yield facts.
CONTENT_KINDS = frozenset({"title", "heading", "body"})
BLOCK_KINDS = CONTENT_KINDS | frozenset({"caption", "byline", "dateline", "boilerplate"})


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
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "source": self.source,
            "meta": self.meta.to_json(),
            "mentions": [m.to_json() for m in self.mentions],
            "facts": list(self.facts),
            "checks": list(self.checks),
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
