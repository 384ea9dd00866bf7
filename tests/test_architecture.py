"""The floors of DESIGN.md: stages import only the ground floor (and their own package)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

GROUND = {
    "vnfacts.doc",
    "vnfacts.patterns",
    "vnfacts.gazetteer",
    "vnfacts.registry",
    "vnfacts.textalign",
}
STAGES = {
    "vnfacts.ingest": ROOT / "pipeline" / "ingest.py",
    "vnfacts.clean": ROOT / "pipeline" / "clean.py",
    "vnfacts.segment": ROOT / "pipeline" / "segment.py",
    "vnfacts.recognize": ROOT / "pipeline" / "recognize",
    "vnfacts.link": ROOT / "pipeline" / "link.py",
    "vnfacts.tables": ROOT / "pipeline" / "tables.py",
    "vnfacts.check": ROOT / "pipeline" / "check.py",
}
# a stage's modules besides its main one, which may import each other (the link stage's
# table reader uses the linker's indicator cues and specs)
STAGE_PARTS = {"vnfacts.link": {"vnfacts.tables"}}


def _same_stage(stage: str) -> set[str]:
    for owner, parts in STAGE_PARTS.items():
        if stage == owner or stage in parts:
            return {owner, *parts}
    return {stage}


def imports_of(path: Path) -> set[str]:
    files = sorted(path.glob("*.py")) if path.is_dir() else [path]
    found: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("vnfacts")
            ):
                names = (
                    [node.module]
                    if node.module != "vnfacts"
                    else [f"vnfacts.{a.name}" for a in node.names]
                )
                found.update(names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("vnfacts"))
    return found


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_imports_only_the_ground_floor(stage: str):
    allowed = GROUND | _same_stage(stage)
    wrong = {
        m for m in imports_of(STAGES[stage]) if m not in allowed and not m.startswith(stage + ".")
    }
    assert not wrong, f"{stage} imports {sorted(wrong)}"


def test_ground_floor_imports_nothing_above_it():
    for module in GROUND:
        path = ROOT / "pipeline" / Path(*module.split(".")[1:]).with_suffix(".py")
        assert imports_of(path) <= GROUND, module
