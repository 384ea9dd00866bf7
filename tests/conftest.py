"""Shared fixtures: the seed corpus, processed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from vnfacts import Document, extract, patterns

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_IDS = (
    "000_315fccd7b617973e",
    "001_071bd52c43493f22",
    "002_18b273a5c1c34203",
    "003_8bb7c323e6b1daaf",
    "004_4479d55d298e7c9c",
)


@pytest.fixture(scope="session")
def seeds() -> dict[str, Document]:
    return {doc_id: extract(CORPUS / f"{doc_id}.txt") for doc_id in SEED_IDS}


def block_of(doc: Document, needle: str):
    """The block whose text starts with `needle` (fails the test if none)."""
    for block in doc.blocks:
        if doc.text[block.start : block.end].startswith(needle):
            return block
    raise AssertionError(f"no block starts with {needle!r}")


@pytest.fixture
def pattern_files(tmp_path, monkeypatch):
    """Point the pattern loader at a directory of the given files; the loaders' caches are
    cleared before and after, so a malformed file never leaks into another test."""
    loaders: list = [patterns.load]

    def use(files: dict[str, str], *cached) -> None:
        for name, content in files.items():
            (tmp_path / name).write_text(content, encoding="utf-8")
        monkeypatch.setattr(patterns, "PATTERNS_DIR", tmp_path)
        loaders.extend(cached)
        for loader in loaders:
            loader.cache_clear()

    yield use
    for loader in loaders:
        loader.cache_clear()
