"""Stages register here by name, saying what they require and provide.

A stage is a plain function from Document to Document (like a spaCy component),
so the runner can compose them, isolate their failures per document and ship
them to worker processes or a cluster.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vnfacts.doc import Document

StageFunc = Callable[..., Document]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def configured(self, options: dict[str, Any] | None) -> Callable[[Document], Document]:
        """The stage's function with its keyword options bound (`ner="off"`)."""
        return functools.partial(self.func, **options) if options else self.func


_STAGES: dict[str, Stage] = {}


def stage(
    name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()
) -> Callable[[StageFunc], StageFunc]:
    """Decorator: registers `func` as the stage called `name`."""

    def register(func: StageFunc) -> StageFunc:
        _STAGES[name] = Stage(name, func, requires, provides)
        return func

    return register


def get_stage(name: str) -> Stage:
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES)) or "none"
        raise KeyError(f"no stage named {name!r} (registered: {known})") from None
