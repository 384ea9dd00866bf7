"""Assembles the stages and runs documents through them.

Failure is isolated at the document boundary: a stage that raises on one
document turns that document into an error record (stage and reason) and the
batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Importing a stage module registers its stage.
from vnfacts import check as _check  # noqa: F401
from vnfacts import clean as _clean  # noqa: F401
from vnfacts import link as _link  # noqa: F401
from vnfacts import recognize as _recognize  # noqa: F401
from vnfacts import segment as _segment  # noqa: F401
from vnfacts.doc import Document, Meta
from vnfacts.ingest import IngestOptions, iter_documents, text_to_document
from vnfacts.registry import Stage, get_stage
from vnfacts.textalign import reading_copy

DEFAULT_STAGES: tuple[str, ...] = ("clean", "segment", "recognize", "link", "check")


class Pipeline:
    """The stages to run, in order; call it on a Document."""

    def __init__(
        self,
        stages: Sequence[str] = DEFAULT_STAGES,
        options: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """`options` maps a stage name to its keyword options: {"recognize": {"ner": "off"}}."""
        self.stages: list[Stage] = [get_stage(name) for name in stages]
        options = options or {}
        self.funcs = [st.configured(options.get(st.name)) for st in self.stages]
        provided = {"text"}
        for st in self.stages:
            missing = [r for r in st.requires if r not in provided]
            if missing:
                raise ValueError(
                    f"stage {st.name!r} requires {missing}, which no earlier stage provides"
                )
            provided.update(st.provides)

    def __call__(self, doc: Document) -> Document:
        original = doc.text
        composed = reading_copy(original)
        if composed is not None:
            doc.text = composed[0]  # the stages read composed letters, one space between
            # words; offsets map back below
        for st, func in zip(self.stages, self.funcs, strict=True):
            if doc.failed:
                break
            try:
                doc = func(doc)
            except Exception as exc:  # one document's failure must not stop the batch
                code = getattr(exc, "code", "stage_failed")  # e.g. "timeout" from the batch runner
                doc.add_error(st.name, code, f"{type(exc).__name__}: {exc}")
        if doc.failed:
            doc.facts = []  # a bad document yields no facts
        if composed is not None:
            _back_to_the_input(doc, original, composed[1])
        return doc

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _back_to_the_input(doc: Document, original: str, positions: list[int]) -> None:
    """Every span of a document read in NFC moved back to the input's own offsets (and
    its text to the input's own characters), so `text[start:end]` holds for the input."""

    def span(obj: Any) -> None:
        obj.start, obj.end = positions[obj.start], positions[obj.end]

    def quoted(ev: dict[str, Any] | None) -> None:
        if ev and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            ev["start"], ev["end"] = positions[ev["start"]], positions[ev["end"]]
            if "text" in ev:
                ev["text"] = original[ev["start"] : ev["end"]]

    titles = [b for b in doc.blocks if b.kind == "title"]
    if titles and doc.meta.title == doc.text[titles[0].start : titles[0].end]:
        # a title read from the text is the input's own line, not its composed copy
        doc.meta.title = original[positions[titles[0].start] : positions[titles[0].end]]
    for items in (doc.blocks, doc.sentences):
        for item in items:
            span(item)
    for spanned in (*doc.mentions, *doc.tokens):
        span(spanned)
        spanned.text = original[spanned.start : spanned.end]
    for fact in doc.facts:
        quoted(fact.get("evidence"))
        quoted(fact.get("figure"))
        for ev in fact.get("also_evidence") or []:
            quoted(ev)
    for check in doc.checks:
        for ev in check.get("evidence") or []:
            quoted(ev)
    doc.text = original


@dataclass
class RunStats:
    documents: int = 0
    errors: int = 0
    facts: int = 0
    mentions: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.errors += bool(doc.errors)
        self.facts += len(doc.facts)
        self.mentions += len(doc.mentions)

    def add_record(self, record: dict[str, Any]) -> None:
        self.documents += 1
        self.errors += bool(record.get("errors"))
        self.facts += len(record.get("facts") or [])
        self.mentions += len(record.get("mentions") or [])

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        return (
            f"{self.documents} documents, {self.errors} errors, {self.facts} facts, "
            f"{self.mentions} mentions, {self.seconds:.1f} s"
        )


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(
    text_or_path: str | Path,
    *,
    doc_id: str = "text",
    published: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Runs the pipeline on a string (or on one file given as a `Path`).

    A `str` is always treated as the article's text; pass a `pathlib.Path` to
    read a file. For many files or directories use `extract_paths`.
    """
    pipe = pipeline or default_pipeline()
    if isinstance(text_or_path, Path):
        docs = list(iter_documents([text_or_path]))
        if len(docs) != 1:
            raise ValueError(f"{text_or_path} holds {len(docs)} documents; use extract_paths()")
        return pipe(docs[0])
    meta = Meta(published=published, url=url)
    return pipe(text_to_document(text_or_path, doc_id=doc_id, meta=meta))


def extract_paths(
    paths: Iterable[str | Path],
    *,
    options: IngestOptions | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document]:
    """Streams the processed documents of files, directories or '-' (stdin)."""
    pipe = pipeline or default_pipeline()
    return pipe.run(iter_documents(paths, options))
