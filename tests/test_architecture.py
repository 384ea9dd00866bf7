"""The floors of DESIGN.md: stages import only the ground floor (and their own package)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

GROUND = {
    "pipeline.doc",
    "pipeline.patterns",
    "pipeline.gazetteer",
    "pipeline.registry",
    "pipeline.textalign",
}
STAGES = {
    "pipeline.ingest": ROOT / "pipeline" / "ingest.py",
    "pipeline.clean": ROOT / "pipeline" / "clean.py",
    "pipeline.segment": ROOT / "pipeline" / "segment.py",
    "pipeline.recognize": ROOT / "pipeline" / "recognize",
    "pipeline.link": ROOT / "pipeline" / "link.py",
    "pipeline.check": ROOT / "pipeline" / "check.py",
}


def imports_of(path: Path) -> set[str]:
    files = sorted(path.glob("*.py")) if path.is_dir() else [path]
    found: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("pipeline")
            ):
                names = (
                    [node.module]
                    if node.module != "pipeline"
                    else [f"pipeline.{a.name}" for a in node.names]
                )
                found.update(names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("pipeline"))
    return found


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_imports_only_the_ground_floor(stage: str):
    allowed = GROUND | {stage}
    wrong = {
        m for m in imports_of(STAGES[stage]) if m not in allowed and not m.startswith(stage + ".")
    }
    assert not wrong, f"{stage} imports {sorted(wrong)}"


def test_ground_floor_imports_nothing_above_it():
    for module in GROUND:
        path = ROOT / Path(*module.split(".")).with_suffix(".py")
        assert imports_of(path) <= GROUND, module
