"""The notebooks run end to end on the bundled corpus (a broken notebook fails CI)."""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))
ARCHIVE = ROOT.parent / "shared" / "archive" / "baomoi-2017.jsonl.gz"


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {
        "explore_corpus.py",
        "sqlite_question.py",
        "poverty_over_time.py",
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_takes_a_results_file(path: Path):
    nb = jupytext.read(path)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and "RESULTS = None" in params[0].source


def _with_parameters(nb: nbformat.NotebookNode, source: str) -> None:
    """Inserts `source` after the cell tagged `parameters` (papermill's convention)."""
    k = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(k + 1, nbformat.v4.new_code_cell(source))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path: Path, tmp_path: Path):
    nb = jupytext.read(path)
    if path.stem == "poverty_over_time":  # the archive is read where it lies, as in CI
        _with_parameters(nb, f"ARCHIVE = {str(ARCHIVE)!r}")
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    # the notebooks find corpus/ from the repository root
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert outputs, "the notebook shows results"


def test_a_notebook_reads_a_given_results_file(tmp_path: Path):
    """RESULTS at the top replaces the corpus run: a results file of one article."""
    from vnfacts import extract

    record = extract(
        "Giảm nghèo ở Mèo Vạc\nNăm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%.\n"
    ).to_json()
    results = tmp_path / "one.jsonl"
    results.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    nb = jupytext.read(ROOT / "notebooks" / "explore_corpus.py")
    _with_parameters(nb, f"RESULTS = {str(results)!r}")
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    shown = json.dumps([c.get("outputs", []) for c in nb.cells if c.cell_type == "code"])
    assert "Mèo Vạc" in shown or "M\\u00e8o V\\u1ea1c" in shown
    assert "Bình Gia" not in shown and "B\\u00ecnh Gia" not in shown  # not the corpus
