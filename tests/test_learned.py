"""bench/learned.py (rules vs a learned classifier) keeps working: its candidates, labels,
features and models, on a few invented documents."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from vnfacts import extract
from vnfacts import link as vlink

from tests.conftest import ROOT

TITLE = "Giảm nghèo bền vững ở vùng cao\n"
DOCS = [
    (
        "a",
        "Đến hết năm 2023, huyện Mường Lát còn 3.120 hộ nghèo, tỷ lệ 21,4%. "
        "Dịp Tết, huyện Mường Lát trao 80 suất quà cho 80 hộ nghèo. "
        "Huyện có 45 km đường bê tông.",
        [("poor_households", "Mường Lát", 2023, 3120), ("poverty_rate", "Mường Lát", 2023, 21.4)],
    ),
    (
        "b",
        "Năm 2023, tỷ lệ hộ nghèo của huyện Bắc Hà giảm còn 18,2%. "
        "Huyện Bắc Hà đã xây 12 phòng học mới.",
        [("poverty_rate", "Bắc Hà", 2023, 18.2)],
    ),
    (
        "c",
        "Đến cuối năm 2023, huyện Si Ma Cai còn 2.050 hộ nghèo. Trong năm, huyện trồng 300 ha rừng.",
        [("poor_households", "Si Ma Cai", 2023, 2050), ("poverty_rate", "Si Ma Cai", 2023, 9.9)],
    ),
]


def _learned() -> Any:
    spec = importlib.util.spec_from_file_location("learned", ROOT / "bench" / "learned.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["learned"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _gold(facts: list[tuple]) -> list[dict[str, Any]]:
    return [
        {
            "indicator": ind,
            "locality": {"name": place, "level": "district"},
            "year": year,
            "value": value,
            "status": "actual",
            "group": None,
        }
        for ind, place, year, value in facts
    ]


def _candidates(learned: Any, mode: str) -> list[Any]:
    return [
        learned.candidates_of(doc_id, TITLE + text, _gold(gold), None, mode)
        for doc_id, text, gold in DOCS
    ]


def test_candidates_are_labelled_by_the_evaluators_matching():
    learned = _learned()
    rules = _candidates(learned, "rules")
    first = {(c.fact["indicator"], c.fact["value"]): c for c in rules[0].candidates}
    assert first[("poor_households", 3120)].keep
    assert first[("poverty_rate", 21.4)].keep
    assert ("poor_households", 80) not in first  # the rules' exception stops the recipients
    feats = first[("poverty_rate", 21.4)].features
    assert feats["ind=poverty_rate"] == 1 and feats["year=yes"] == 1
    assert feats["L1=lệ"] == 1  # the word right before the figure ("tỷ lệ 21,4%")
    assert feats["stopped=none"] == 1


def test_the_open_run_keeps_every_figure_and_says_why_the_rules_dropped_it():
    learned = _learned()
    original = vlink.Linker.classify
    opened = _candidates(learned, "open")
    first = {(c.fact["indicator"], c.fact["value"]): c for c in opened[0].candidates}
    assert first[("poor_households", 80)].fact["_learn_stopped"] == "recipients-before"
    assert first[("poor_households", 80)].features["stopped=recipients-before"] == 1
    road = first[(learned.OPEN, 45)]
    assert learned.no_cue(road) and not road.keep and road.gold_indicator is None
    # what no exception stopped is what the rules give
    rules = _candidates(learned, "rules")
    for o, r in zip(opened, rules, strict=True):
        kept = [
            (c.fact["indicator"], c.fact["value"]) for c in o.candidates if learned.rules_keep(c)
        ]
        assert kept == [(c.fact["indicator"], c.fact["value"]) for c in r.candidates]
    # the linker is itself again afterwards
    assert vlink.Linker.classify is original
    doc = extract(TITLE + DOCS[0][1], published="2024-06-01")
    assert all(f["indicator"] != learned.OPEN for f in doc.facts)
    assert all("_learn_basis" not in f for f in doc.facts)


def test_models_train_and_score_on_tiny_documents():
    learned = _learned()
    opened = _candidates(learned, "open")
    kept = learned.subset(opened, learned.rules_keep)
    probs = learned.keep_probabilities(learned.fit_filter(opened, 1.0), kept)
    assert set(probs) == {id(c) for d in kept for c in d.candidates}
    assert all(0.0 <= p <= 1.0 for p in probs.values())
    c, t, f1, _ = learned.choose_filter(opened)
    assert c in learned.CS and 0 < t < 1 and 0.0 <= f1 <= 1.0
    rules = learned.score(opened, learned.rules_keep)
    assert rules.facts.tp == 4 and rules.facts.fn == 1
    assert learned.fit_indicator(opened, 1.0, rescue=True) is None  # no figure to rescue
    for d in opened[:2]:  # pretend the gold had a fact for each document's first no-cue figure
        next(x for x in d.candidates if learned.no_cue(x)).gold_indicator = "total_households"
    model = learned.fit_indicator(opened, 1.0, rescue=True)
    preds = learned.indicator_predictions(model, opened, learned.no_cue)
    assert preds and all(ind in model.classes_ for ind, _ in preds.values())
    report = learned.score(opened, learned.rescuer(preds, 0.5), learned.relabeller(preds, 0.5))
    assert report.documents == 3
