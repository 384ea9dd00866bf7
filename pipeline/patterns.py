"""Loads the rule data in `patterns/` once per process.

Every file is JSON Lines: one rule per line, each with an `id` so a reviewer can
trace an output back to the line that produced it. Blank lines and lines
starting with `//` are comments. Adding a title, unit or cue is a data edit.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def patterns_dir() -> Traversable:
    """`$VNFACTS_PATTERNS` if set, else the rule files installed with the package
    (`patterns/` of the repository, shipped as `vnfacts.pattern_data`)."""
    override = os.environ.get("VNFACTS_PATTERNS")
    return Path(override) if override else files("vnfacts.pattern_data")


PATTERNS_DIR = patterns_dir()


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and line."""


@cache
def load(name: str) -> tuple[dict[str, Any], ...]:
    """Rules of `patterns/<name>.jsonl`, in file order."""
    path = PATTERNS_DIR / f"{name}.jsonl"
    if not path.is_file():
        raise PatternError(f"pattern file not found: {path}")
    rules: list[dict[str, Any]] = []
    seen: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternError(f"{path}:{lineno}: {exc.msg}") from exc
        if not isinstance(rule, dict) or "id" not in rule:
            raise PatternError(f"{path}:{lineno}: a rule is an object with an 'id'")
        if rule["id"] in seen:
            raise PatternError(f"{path}:{lineno}: duplicate id {rule['id']!r}")
        seen.add(rule["id"])
        rules.append(rule)
    return tuple(rules)
