"""Scores predicted records against gold records with the matching rules of FACTS.md.

- A fact matches when indicator, folded locality name and year are equal and the
  value is within 0.5 % of the gold value; each gold fact matches at most once.
  Facts about a sub-population (`group`) are scored apart from the others.
- An OFFICIAL matches on name and on the locality of one of its roles.
- A LOCALITY matches on name and level, counted once per document.

Beside the pipeline it scores a baseline: underthesea's NER alone (PER → officials,
LOC → localities) on the same documents.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonlines
from vnfacts import gazetteer, patterns

VALUE_TOLERANCE = 0.005


def fold(text: str | None) -> str:
    """Case, spacing and Unicode form folded, as the matching rules ask."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Miss:
    doc_id: str
    kind: str  # "miss" (in gold, not predicted) or "false" (predicted, not in gold)
    what: str
    evidence: str


@dataclass
class Report:
    facts: Score = field(default_factory=Score)
    target_facts: Score = field(default_factory=Score)
    group_facts: Score = field(default_factory=Score)
    target_by_indicator: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    group_by_indicator: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    # why facts were missed or spurious: indicator, place, year, status, no fact, spurious
    diagnosis: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_indicator: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_mention: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    baseline: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[Miss] = field(default_factory=list)
    documents: int = 0
    missing_predictions: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "facts": self.facts.to_json(),
            "target_facts": self.target_facts.to_json(),
            "group_facts": self.group_facts.to_json(),
            "target_by_indicator": {
                k: v.to_json() for k, v in sorted(self.target_by_indicator.items())
            },
            "group_by_indicator": {
                k: v.to_json() for k, v in sorted(self.group_by_indicator.items())
            },
            "diagnosis": dict(sorted(self.diagnosis.items())),
            "by_indicator": {k: v.to_json() for k, v in sorted(self.by_indicator.items())},
            "by_mention": {k: v.to_json() for k, v in sorted(self.by_mention.items())},
            "baseline": {k: v.to_json() for k, v in sorted(self.baseline.items())},
            "missing_predictions": self.missing_predictions,
        }


# ------------------------------------------------------------------------------- facts


@cache
def _region_names() -> dict[str, str]:
    """Folded common names of a region (and of the country) → its one folded name."""
    out = {"cả nước": "việt nam", "toàn quốc": "việt nam"}
    for rule in patterns.load("regions"):
        for phrase in rule.get("phrase", []):
            out[fold(phrase).removeprefix("vùng ")] = fold(rule["name"])
    return out


def place_key(name: str | None) -> str:
    """A locality name as matching compares it (FACTS.md): case, spacing, Unicode form and
    tone-mark placement folded (`Đa Krông` = `Đakrông`, `Hoà` = `Hòa`), a region's common
    names as one."""
    key = fold(name).removeprefix("vùng ")
    key = _region_names().get(key, key)
    return gazetteer.fold(key).replace(" ", "") if key else ""


def _fact_key(f: dict[str, Any]) -> tuple[str, str, Any]:
    return f.get("indicator", ""), place_key((f.get("locality") or {}).get("name")), f.get("year")


def _value_close(pred: Any, gold: Any) -> bool:
    try:
        p, g = float(pred), float(gold)
    except (TypeError, ValueError):
        return False
    if g == 0:
        return p == 0
    return abs(p - g) <= VALUE_TOLERANCE * abs(g)


def match_facts(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching: (pairs, unmatched pred indexes, unmatched gold indexes)."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if (
                pi in used
                or _fact_key(p) != _fact_key(g)
                or not _value_close(p.get("value"), g.get("value"))
            ):
                continue
            used.add(pi)
            pairs.append((pi, gi))
            break
    matched_gold = {gi for _, gi in pairs}
    return (
        pairs,
        [i for i in range(len(pred)) if i not in used],
        [i for i in range(len(gold)) if i not in matched_gold],
    )


def _describe_fact(f: dict[str, Any]) -> str:
    loc = f.get("locality") or {}
    group = f" [{f['group']}]" if f.get("group") else ""
    plan = " (target)" if f.get("status") == "target" else ""  # a [status] miss shows which
    return (
        f"{f.get('indicator')} {loc.get('name')} {f.get('year')} = {f.get('value')} "
        f"{f.get('unit') or ''}{group}{plan}"
    )


def fact_class(f: dict[str, Any]) -> str:
    """Scored apart: whole-unit actual facts, targets, and sub-population (group) facts."""
    if f.get("group"):
        return "group"
    return "target" if f.get("status") == "target" else "whole"


def diagnose(p: dict[str, Any] | None, g: dict[str, Any]) -> str:
    """What a near miss got wrong: the first of indicator, place, year, status that differs."""
    if p is None:
        return "no fact"
    if p.get("indicator") != g.get("indicator"):
        return "indicator"
    if place_key((p.get("locality") or {}).get("name")) != place_key(
        (g.get("locality") or {}).get("name")
    ):
        return "place"
    if p.get("year") != g.get("year"):
        return "year"
    if (p.get("status") or "actual") != (g.get("status") or "actual"):
        return "status"
    return "group"


def score_facts(
    report: Report, doc_id: str, pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    totals = {"whole": report.facts, "target": report.target_facts, "group": report.group_facts}
    by_ind = {
        "whole": report.by_indicator,
        "target": report.target_by_indicator,
        "group": report.group_by_indicator,
    }
    unmatched_pred: list[dict[str, Any]] = []
    unmatched_gold: list[dict[str, Any]] = []
    for cls, total in totals.items():
        p = [f for f in pred if fact_class(f) == cls]
        g = [f for f in gold if fact_class(f) == cls]
        pairs, false_hits, misses = match_facts(p, g)
        total.tp += len(pairs)
        total.fp += len(false_hits)
        total.fn += len(misses)
        for pi, _ in pairs:
            by_ind[cls][p[pi]["indicator"]].tp += 1
        for pi in false_hits:
            by_ind[cls][p[pi].get("indicator", "?")].fp += 1
        for gi in misses:
            by_ind[cls][g[gi].get("indicator", "?")].fn += 1
        unmatched_pred += [p[i] for i in false_hits]
        unmatched_gold += [g[i] for i in misses]
    # a miss and a false hit of the same value are one fact read wrong in one respect
    used: set[int] = set()
    for g in unmatched_gold:
        near = next(
            (
                i
                for i, p in enumerate(unmatched_pred)
                if i not in used and _value_close(p.get("value"), g.get("value"))
            ),
            None,
        )
        if near is not None:
            used.add(near)
        why = diagnose(unmatched_pred[near] if near is not None else None, g)
        report.diagnosis[why] += 1
        report.errors.append(
            Miss(
                doc_id,
                "miss",
                f"[{why}] {_describe_fact(g)}"
                + (
                    f"  (predicted: {_describe_fact(unmatched_pred[near])})"
                    if near is not None
                    else ""
                ),
                (g.get("evidence") or {}).get("text") or (g.get("evidence") or {}).get("quote", ""),
            )
        )
    for i, p in enumerate(unmatched_pred):
        if i in used:
            continue
        report.diagnosis["spurious"] += 1
        report.errors.append(
            Miss(
                doc_id,
                "false",
                f"[spurious] {_describe_fact(p)}",
                (p.get("evidence") or {}).get("text", ""),
            )
        )


# ------------------------------------------------------------------------------- mentions


def locality_keys(mentions: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    return {
        (fold(m.get("name")), m.get("level") or "")
        for m in mentions
        if m.get("type") == "LOCALITY" and m.get("name")
    }


def official_entries(mentions: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """Folded name → folded names of the localities of all its roles."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.get("type") != "OFFICIAL" or not m.get("name"):
            continue
        places = out[fold(m["name"])]
        for role in m.get("roles") or []:
            loc = role.get("locality") or {}
            if loc.get("name"):
                places.add(fold(loc["name"]))
    return out


def score_localities(
    score: Score, pred: set[tuple[str, str]], gold: set[tuple[str, str]]
) -> tuple[set, set]:
    score.tp += len(pred & gold)
    score.fp += len(pred - gold)
    score.fn += len(gold - pred)
    return gold - pred, pred - gold


def score_officials(
    score: Score, pred: dict[str, set[str]], gold: dict[str, set[str]], name_only: bool = False
) -> tuple[list, list]:
    misses, falses = [], []
    matched_pred: set[str] = set()
    for name, places in gold.items():
        if name in pred and (name_only or not places or pred[name] & places):
            score.tp += 1
            matched_pred.add(name)
        else:
            score.fn += 1
            misses.append(name)
    for name in pred:
        if name not in matched_pred:
            score.fp += 1
            falses.append(name)
    return misses, falses


# ------------------------------------------------------------------------------- baseline


def ner_baseline(text: str) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """underthesea's NER alone: LOC spans → localities (level from a leading level word),
    PER spans → officials (no roles, so they can match on name only)."""
    from underthesea import ner

    levels = {
        "tỉnh": "province",
        "huyện": "district",
        "quận": "district",
        "thị xã": "district",
        "thành phố": "district",
        "xã": "commune",
        "phường": "commune",
        "thị trấn": "commune",
        "thôn": "village",
        "bản": "village",
    }
    locs: set[tuple[str, str]] = set()
    people: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        entity: list[str] = []
        label = None
        rows = ner(line)
        for word, *_, tag in [*rows, ("", "", "", "O")]:
            if tag.startswith("I-") and label == tag[2:]:
                entity.append(word)
                continue
            if label and entity:
                span = " ".join(entity)
                if label == "LOC":
                    level = ""
                    for lw, lv in levels.items():
                        if fold(span).startswith(lw + " "):
                            span, level = span[len(lw) + 1 :], lv
                            break
                    locs.add((fold(span), level))
                elif label == "PER":
                    people[fold(span)] = set()
            entity, label = ([word], tag[2:]) if tag.startswith(("B-", "I-")) else ([], None)
    return locs, people


# ------------------------------------------------------------------------------- driver


def load_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records by doc_id from a JSONL file, or from a directory of .json/.jsonl gold files."""
    records: dict[str, dict[str, Any]] = {}
    files = sorted(path.glob("*.json")) + sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        text = file.read_text(encoding="utf-8")
        if file.suffix == ".json":
            data = json.loads(text)
            for rec in data if isinstance(data, list) else [data]:
                records[rec["doc_id"]] = rec
        else:
            with jsonlines.open(file) as reader:
                for rec in reader.iter(type=dict, skip_empty=True):
                    records[rec["doc_id"]] = rec
    return records


def evaluate(
    pred_path: Path, gold_dir: Path, *, baseline: bool = True, root: Path | None = None
) -> Report:
    pred = load_records(pred_path)
    gold = load_records(gold_dir)
    report = Report()
    for doc_id, g in sorted(gold.items()):
        report.documents += 1
        p = pred.get(doc_id)
        if p is None:
            report.missing_predictions.append(doc_id)
            p = {"facts": [], "mentions": []}
        score_facts(report, doc_id, p.get("facts") or [], g.get("facts") or [])
        misses, falses = score_localities(
            report.by_mention["LOCALITY"],
            locality_keys(p.get("mentions") or []),
            locality_keys(g.get("mentions") or []),
        )
        report.errors += [
            Miss(doc_id, "miss", f"LOCALITY {n} ({lv})", "") for n, lv in sorted(misses)
        ]
        report.errors += [
            Miss(doc_id, "false", f"LOCALITY {n} ({lv})", "") for n, lv in sorted(falses)
        ]
        gold_officials = official_entries(g.get("mentions") or [])
        pred_officials = official_entries(p.get("mentions") or [])
        misses_o, falses_o = score_officials(
            report.by_mention["OFFICIAL"], pred_officials, gold_officials
        )
        score_officials(
            report.by_mention["OFFICIAL (name only)"],
            pred_officials,
            gold_officials,
            name_only=True,
        )
        report.errors += [Miss(doc_id, "miss", f"OFFICIAL {n}", "") for n in misses_o]
        report.errors += [Miss(doc_id, "false", f"OFFICIAL {n}", "") for n in falses_o]
        if baseline:
            text = _document_text(g, p, root)
            if text:
                b_locs, b_people = ner_baseline(text)
                score_localities(
                    report.baseline["LOCALITY"], b_locs, locality_keys(g.get("mentions") or [])
                )
                score_officials(
                    report.baseline["OFFICIAL (name only)"],
                    b_people,
                    gold_officials,
                    name_only=True,
                )
    return report


def _document_text(gold: dict[str, Any], pred: dict[str, Any], root: Path | None) -> str | None:
    for rec in (gold, pred):
        if rec.get("text"):
            return str(rec["text"])
    source = gold.get("source") or pred.get("source")
    if source:
        path = Path(source)
        if not path.is_absolute() and root is not None:
            path = root / path
        if path.is_file():
            return path.read_bytes().decode("utf-8")
    return None


def format_report(report: Report, show_errors: bool = False) -> str:
    def row(name: str, s: Score) -> str:
        return f"{name:32} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   tp={s.tp} fp={s.fp} fn={s.fn}"

    lines = [
        f"{'':32} {'P':>6} {'R':>6} {'F1':>6}   ({report.documents} documents)",
        row("facts", report.facts),
    ]
    lines += [row(f"  {k}", v) for k, v in sorted(report.by_indicator.items())]
    lines.append(row("targets (apart)", report.target_facts))
    lines += [row(f"  {k}", v) for k, v in sorted(report.target_by_indicator.items())]
    lines.append(row("facts with a group (apart)", report.group_facts))
    lines += [row(f"  {k}", v) for k, v in sorted(report.group_by_indicator.items())]
    if report.diagnosis:
        lines.append(
            "where facts go wrong: "
            + ", ".join(
                f"{k} {v}" for k, v in sorted(report.diagnosis.items(), key=lambda kv: -kv[1])
            )
        )
    lines += [row(f"mention {k}", v) for k, v in sorted(report.by_mention.items())]
    lines += [row(f"baseline NER {k}", v) for k, v in sorted(report.baseline.items())]
    if report.missing_predictions:
        lines.append(f"no prediction for: {', '.join(report.missing_predictions)}")
    if show_errors:
        for e in report.errors:
            lines.append(
                f"{e.kind:5} {e.doc_id}: {e.what}"
                + (f"\n        « {e.evidence[:160]} »" if e.evidence else "")
            )
    return "\n".join(lines)
