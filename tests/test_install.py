"""The wheel is a complete package: built, installed into a fresh virtualenv and run
from another folder, it extracts the corpus with nothing of the checkout on its path.

An editable install hides missing package data (rule files, schemas) because it reads
them from the checkout; only an installed wheel shows what a user gets.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

# what the build needs: the configuration, the readme it names, the code and the rule data
SOURCES = ("pyproject.toml", "README.md", "pipeline", "patterns")


def _run(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the sources, so a stale build/ in the checkout cannot leak in."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)], src)
    (built,) = out.glob("vnfacts-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel; the dependencies come from the dev venv's
    site-packages through a .pth line (which adds the folder but not its own .pth files,
    so the dev venv's editable finder for vnfacts stays inactive)."""
    new = tmp_path_factory.mktemp("venv") / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", str(new)], new.parent)
    python = new / "bin" / "python"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        new,
    )
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], new
    )
    Path(site.stdout.strip(), "dev-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return new


def test_the_wheel_carries_rule_data_and_schemas(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    patterns = {Path(n).name for n in names if n.startswith("vnfacts/pattern_data/")}
    expected = {p.name for p in (ROOT / "patterns").glob("*.jsonl")}
    assert expected and expected <= patterns
    assert "vnfacts/schemas/document.schema.json" in names
    assert {"vnfacts/templates/review.html", "vnfacts/static/review.js"} <= set(names)
    assert "vnfacts/cli.py" in names and "vnfacts/recognize/numbers.py" in names
    assert not [n for n in names if n.startswith(("pipeline/", "patterns/", "tests/"))]


def test_installed_vnfacts_runs_from_another_folder(venv: Path, tmp_path: Path):
    work = tmp_path / "project"
    work.mkdir()
    # a user's own module named like the code folder: it must not shadow anything
    (work / "pipeline.py").write_text(
        "raise SystemExit('wrong pipeline imported')\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["VNFACTS_CACHE_DIR"] = str(tmp_path / "cache")
    out = work / "out.jsonl"
    proc = subprocess.run(
        [str(venv / "bin" / "vnfacts"), "extract", str(CORPUS), "-o", str(out), "-w", "1", "-q"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert not [r["errors"] for r in records if r["errors"]]
    assert sum(len(r["facts"]) for r in records) >= 40
    assert {r["vnfacts_version"] for r in records} == {"0.1.0"}
    probe = (
        "import vnfacts, json; from vnfacts import extract; "
        "from importlib.resources import files; "
        "doc = extract('Mèo Vạc thoát nghèo\\nNăm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%.'); "
        "print(json.dumps([vnfacts.__file__, [f['value'] for f in doc.facts], "
        "files('vnfacts.schemas').joinpath('document.schema.json').is_file()]))"
    )
    proc = _run([str(venv / "bin" / "python"), "-c", probe], work, env)
    where, values, has_schema = json.loads(proc.stdout.strip().splitlines()[-1])
    assert Path(where).is_relative_to(venv), where  # the wheel's copy, not the checkout
    assert values == [25.2] and has_schema
