"""Rules alone vs rules + a small learned classifier (issue 13, item 3): does a logistic
regression trained on the dev gold decide better than the linker's bag of exceptions?

    .venv/bin/python bench/learned.py             # dev CV, then test once: the table
    .venv/bin/python bench/learned.py --dev-only  # cross-validation on dev only

Needs scikit-learn (the optional extra `learn`). Three learned decisions are measured:

- **filter**: every fact the rules produce is a candidate; a classifier keeps or drops it.
- **exceptions**: the linker is run with its named exceptions and topic gate turned off
  (patched here, `pipeline/link.py` is not changed), so every figure an exception or the
  gate stopped becomes a candidate too, with the id of the exception that would have
  fired as a feature; the classifier alone decides. This replaces the bag of exceptions.
- **indicator**: for a candidate whose value, place and year meet a gold fact, a
  multinomial model predicts the gold indicator; the rule's indicator is changed where
  the model is sure enough.

A candidate is labelled by the evaluator's own matching (`match_facts` per class), so
"keep" means "would be a true positive". Features follow the language: syllable words
and bigrams around the figure (window, clause), the indicator, unit, status, group,
whether a year and a place were found and how, the rule, the exception id, the figure's
place in its sentence. C and the threshold are chosen by cross-validation on dev
(documents grouped by fold); test is scored once, at the end.

Measured 2026-11-30 (whole-unit F1, dev CV / test): rules alone 0.722 / 0.705; rules +
filter 0.727 / 0.703 (targets 0.547 / 0.421 against 0.536 / 0.571); learned exceptions
instead of the named ones 0.709 / 0.680; no indicator change nor rescue of a no-cue figure
wins on dev. The rules stay; this script is the measurement (README, Evaluation).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from vnfacts import extract
from vnfacts import link as vlink
from vnfacts.evaluate import Report, Score, fact_class, match_facts, score_facts

ROOT = Path(__file__).resolve().parent.parent
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))
FOLDS = 5
LEFT_CHARS = 80
RIGHT_CHARS = 40
WORD = regex.compile(r"[\p{L}\p{N}%]+")

# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    fact: dict[str, Any]
    features: dict[str, float]
    keep: bool = False  # matches a gold fact (the evaluator's matching)
    gold_indicator: str | None = None  # the indicator of the gold fact it meets, if any


@dataclass
class DocCandidates:
    doc_id: str
    gold: list[dict[str, Any]]
    candidates: list[Candidate] = field(default_factory=list)


OPEN = "unknown"  # the indicator of a candidate the rules found no cue for


@contextlib.contextmanager
def instrumented(mode: str) -> Iterator[None]:
    """The linker with what a candidate's features need kept on each fact: the year's and
    place's basis (which merging drops), the figure's place among the sentence's figures.

    `mode` "rules": the linker as it is. "open": every figure with a digit is a candidate;
    one the rules would have dropped says why in `_learn_stopped` (an exception's id,
    `off-topic`, or `no-indicator-cue`, whose candidate has the indicator `unknown`)."""
    original_merge = vlink.merge_restatements
    original_fact = vlink.Linker._fact
    original_classify = vlink.Linker.classify

    def merge(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for f in facts:
            f["_learn_basis"] = list(f.get("_basis") or ("", "", ""))
        return original_merge(facts)

    def fact(self: vlink.Linker, view: Any, fig: Any, *args: Any, **kw: Any) -> dict[str, Any]:
        out = original_fact(self, view, fig, *args, **kw)
        figures = view.of("QUANTITY", "PERCENT")
        out["_learn_stopped"] = fig.attrs.get("_learn_stopped")
        out["_learn_figures"] = [len(figures), figures.index(fig) if fig in figures else 0]
        return out

    def classify(
        self: vlink.Linker,
        view: Any,
        fig: Any,
        cues: list[Any],
        carried: Any = None,
        read: list[Any] | None = None,
    ) -> tuple[str, str, Any] | None:
        # the rules' own reading (Linker.read_figure), with what stops a figure recorded
        # instead of applied
        got = self.read_figure(view, fig, cues, carried, read)
        if got is None:
            if not any(ch.isdigit() for ch in fig.text):
                return None
            fig.attrs["_learn_stopped"] = "no-indicator-cue"
            return OPEN, "open", None
        indicator, _, subject = got
        stopped = None
        if not self.on_topic and self._gated(view, indicator):
            stopped = "off-topic"
        else:
            stopped = vlink.stopping_exception(self.doc.text, view, fig, indicator, subject)
        fig.attrs["_learn_stopped"] = stopped
        return got

    vlink.merge_restatements = merge  # type: ignore[assignment]
    vlink.Linker._fact = fact  # type: ignore[method-assign]
    if mode == "open":
        vlink.Linker.classify = classify  # type: ignore[method-assign]
    try:
        yield
    finally:
        vlink.merge_restatements = original_merge
        vlink.Linker._fact = original_fact  # type: ignore[method-assign]
        vlink.Linker.classify = original_classify  # type: ignore[method-assign]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _bin(value: float, edges: Sequence[float]) -> str:
    return str(sum(1 for e in edges if value >= e))


def features(text: str, fact: dict[str, Any]) -> dict[str, float]:
    """A candidate fact's features: what the rules decided and the words around its figure."""
    out: dict[str, float] = {"bias": 1.0}
    ind, unit = fact.get("indicator") or "?", fact.get("unit") or "?"
    status = fact.get("status") or "actual"
    out[f"ind={ind}"] = 1
    out[f"unit={unit}"] = 1
    out[f"status={status}"] = 1
    out[f"ind*status={ind}|{status}"] = 1
    group = fact.get("group")
    out[f"group={'yes' if group else 'no'}"] = 1
    if group:
        out[f"group:{group}"] = 1
    loc = fact.get("locality") or {}
    out[f"level={loc.get('level') or 'none'}"] = 1
    out[f"ind*level={ind}|{loc.get('level') or 'none'}"] = 1
    out[f"year={'yes' if fact.get('year') else 'no'}"] = 1
    out[f"period={'yes' if fact.get('period') else 'no'}"] = 1
    out[f"approx={fact.get('approx') or 'none'}"] = 1
    out[f"range={'yes' if fact.get('range') else 'no'}"] = 1
    out[f"change={'yes' if fact.get('change') else 'no'}"] = 1
    out[f"also={'yes' if fact.get('also_evidence') else 'no'}"] = 1
    method = str(fact.get("method") or "")
    rule, _, subject = method.partition("+")
    out[f"rule={rule}"] = 1
    out[f"subject={subject or 'none'}"] = 1
    year_basis, where, block = (fact.get("_learn_basis") or ["", "", ""])[:3]
    out[f"year_basis={year_basis}"] = 1
    out[f"where={where}"] = 1
    out[f"block={block}"] = 1
    out[f"stopped={fact.get('_learn_stopped') or 'none'}"] = 1
    n_figs, fig_index = fact.get("_learn_figures") or [1, 0]
    out[f"figures={_bin(n_figs, (2, 3, 5, 9))}"] = 1
    out[f"figure_index={_bin(fig_index, (1, 2, 4))}"] = 1
    value = fact.get("value")
    if isinstance(value, int | float) and value > 0:
        out[f"magnitude={ind}|{_bin(math.log10(value), (0, 1, 2, 3, 4, 6, 9, 12))}"] = 1
        out[f"integer={float(value).is_integer()}"] = 1
    ev = fact.get("evidence") or {}
    fig = fact.get("figure") or {}
    s0, s1 = int(ev.get("start", 0)), int(ev.get("end", 0))
    f0, f1 = int(fig.get("start", s0)), int(fig.get("end", s0))
    if s1 > s0:
        out[f"position={_bin((f0 - s0) / (s1 - s0), (0.25, 0.5, 0.75))}"] = 1
        out[f"sentence_len={_bin(s1 - s0, (80, 160, 320, 640))}"] = 1
    left = _words(text[max(s0, f0 - LEFT_CHARS) : f0])[-8:]
    right = _words(text[f1 : min(s1, f1 + RIGHT_CHARS)])[:5]
    for i, w in enumerate(reversed(left[-3:])):
        out[f"L{i + 1}={w}"] = 1
    for w in left:
        out[f"L:{w}"] = 1
    for a, b in itertools.pairwise(left):
        out[f"L:{a}_{b}"] = 1
    for i, w in enumerate(right[:2]):
        out[f"R{i + 1}={w}"] = 1
    for w in right:
        out[f"R:{w}"] = 1
    for a, b in itertools.pairwise(right):
        out[f"R:{a}_{b}"] = 1
    clause = _words(text[s0:f0])
    for w in set(clause) - set(left):
        out[f"S:{w}"] = 1
    return out


def label(cands: list[Candidate], gold: list[dict[str, Any]]) -> None:
    """`keep` by the evaluator's matching within each class (whole, target, group);
    `gold_indicator` from a gold fact of the same class, place, year and value."""
    for cls in ("whole", "target", "group"):
        own = [c for c in cands if fact_class(c.fact) == cls]
        g = [f for f in gold if fact_class(f) == cls]
        pairs, _, _ = match_facts([c.fact for c in own], g)
        for pi, _gi in pairs:
            own[pi].keep = True
            own[pi].gold_indicator = own[pi].fact["indicator"]
        for c in own:
            if c.keep:
                continue
            probe = dict(c.fact)
            for gf in g:
                probe["indicator"] = gf.get("indicator")
                if match_facts([probe], [gf])[0]:
                    c.gold_indicator = gf.get("indicator")
                    break


def candidates_of(
    doc_id: str, text: str, gold: list[dict[str, Any]], url: str | None, mode: str
) -> DocCandidates:
    with instrumented(mode):
        doc = extract(text, doc_id=doc_id, url=url)
    facts = doc.to_json()["facts"]
    out = DocCandidates(doc_id, gold, [Candidate(f, features(text, f)) for f in facts])
    label(out.candidates, gold)
    return out


def collect(documents: list[tuple[dict[str, Any], str]], mode: str) -> list[DocCandidates]:
    return [
        candidates_of(r["doc_id"], t, r["facts"], r["meta"].get("url"), mode) for r, t in documents
    ]


def subset(docs: list[DocCandidates], which: Callable[[Candidate], bool]) -> list[DocCandidates]:
    return [DocCandidates(d.doc_id, d.gold, [x for x in d.candidates if which(x)]) for d in docs]


# --------------------------------------------------------------------------- models


def _strip(f: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if not k.startswith("_learn")}


def score(
    docs: list[DocCandidates],
    keep: Callable[[Candidate], bool],
    relabel: Callable[[Candidate], str] | None = None,
) -> Report:
    report = Report()
    for d in docs:
        report.documents += 1
        pred = []
        for c in d.candidates:
            if not keep(c):
                continue
            f = _strip(c.fact)
            if relabel is not None:
                f["indicator"] = relabel(c)
            pred.append(f)
        score_facts(report, d.doc_id, pred, d.gold)
    return report


def rules_keep(c: Candidate) -> bool:
    """What the rules alone keep (in a relaxed run: what no exception stopped)."""
    return not c.fact.get("_learn_stopped")


def _fit(xs: list[dict[str, float]], ys: list[Any], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(
        DictVectorizer(), LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    )
    model.fit(xs, ys)
    return model


def fit_filter(docs: list[DocCandidates], c: float) -> Any:
    cands = [x for d in docs for x in d.candidates]
    return _fit([x.features for x in cands], [int(x.keep) for x in cands], c)


def keep_probabilities(model: Any, docs: list[DocCandidates]) -> dict[int, float]:
    cands = [x for d in docs for x in d.candidates]
    if not cands:
        return {}
    probs = model.predict_proba([x.features for x in cands])[:, 1]
    return {id(x): float(p) for x, p in zip(cands, probs, strict=True)}


def folds(docs: list[DocCandidates], k: int) -> list[tuple[list[int], list[int]]]:
    """Documents dealt into k folds by index (deterministic: the split file's order)."""
    out = []
    for i in range(k):
        held = [j for j in range(len(docs)) if j % k == i]
        out.append(([j for j in range(len(docs)) if j % k != i], held))
    return out


def out_of_fold(docs: list[DocCandidates], c: float, k: int = FOLDS) -> dict[int, float]:
    probs: dict[int, float] = {}
    for train, held in folds(docs, k):
        tr = [docs[j] for j in train]
        if len({x.keep for d in tr for x in d.candidates}) < 2:
            continue
        probs.update(keep_probabilities(fit_filter(tr, c), [docs[j] for j in held]))
    return probs


def choose_filter(docs: list[DocCandidates]) -> tuple[float, float, float, dict[int, float]]:
    """(C, threshold, out-of-fold whole-unit F1, out-of-fold probabilities) best on dev."""
    best: tuple[float, float, float, dict[int, float]] = (CS[0], 0.5, -1.0, {})
    for c in CS:
        probs = out_of_fold(docs, c)
        for t in THRESHOLDS:
            f1 = score(docs, lambda x, p=probs, t=t: p.get(id(x), 1.0) >= t).facts.f1
            if f1 > best[2]:
                best = (c, t, f1, probs)
    return best


NONE = "none"


def no_cue(x: Candidate) -> bool:
    return x.fact.get("_learn_stopped") == "no-indicator-cue"


def fit_indicator(docs: list[DocCandidates], c: float, rescue: bool = False) -> Any | None:
    """Multinomial: the gold indicator of a rule fact that meets a gold fact in all but
    (perhaps) its indicator; with `rescue`, of a figure the rules found no cue for, or
    `none`."""
    if rescue:
        cands = [x for d in docs for x in d.candidates if no_cue(x)]
        ys = [x.gold_indicator or NONE for x in cands]
    else:
        cands = [x for d in docs for x in d.candidates if x.gold_indicator and not no_cue(x)]
        ys = [str(x.gold_indicator) for x in cands]
    if len(set(ys)) < 2:
        return None
    return _fit([x.features for x in cands], ys, c)


def indicator_predictions(
    model: Any | None, docs: list[DocCandidates], which: Callable[[Candidate], bool]
) -> dict[int, tuple[str, float]]:
    """Candidate id → (predicted indicator, its probability)."""
    cands = [x for d in docs for x in d.candidates if which(x)]
    if model is None or not cands:
        return {}
    probs = model.predict_proba([x.features for x in cands])
    classes = list(model.classes_)
    out = {}
    for x, row in zip(cands, probs, strict=True):
        best = max(range(len(classes)), key=lambda i: row[i])
        out[id(x)] = (str(classes[best]), float(row[best]))
    return out


def relabeller(preds: dict[int, tuple[str, float]], t: float) -> Callable[[Candidate], str]:
    def relabel(x: Candidate) -> str:
        ind, p = preds.get(id(x), (x.fact["indicator"], 0.0))
        return ind if p >= t and ind != NONE else x.fact["indicator"]

    return relabel


def rescuer(
    preds: dict[int, tuple[str, float]], t: float, keep: Callable[[Candidate], bool] = rules_keep
) -> Callable[[Candidate], bool]:
    """Keeps what `keep` keeps, and a no-cue figure the model gives an indicator to."""

    def rescued(x: Candidate) -> bool:
        if not no_cue(x):
            return keep(x)
        ind, p = preds.get(id(x), (NONE, 0.0))
        return ind != NONE and p >= t

    return rescued


def oof_indicator(
    docs: list[DocCandidates], c: float, rescue: bool
) -> dict[int, tuple[str, float]]:
    preds: dict[int, tuple[str, float]] = {}
    which = no_cue if rescue else (lambda x: not no_cue(x))
    for train, held in folds(docs, FOLDS):
        model = fit_indicator([docs[j] for j in train], c, rescue)
        preds.update(indicator_predictions(model, [docs[j] for j in held], which))
    return preds


def choose_indicator(
    docs: list[DocCandidates], rescue: bool
) -> tuple[float, float, float, dict[int, tuple[str, float]]]:
    """(C, threshold, out-of-fold whole F1, out-of-fold predictions) best on dev; the
    threshold 1.01 (change nothing) unless a change wins."""
    best: tuple[float, float, float, dict[int, tuple[str, float]]] = (
        CS[0],
        1.01,
        score(docs, rules_keep).facts.f1,
        {},
    )
    for c in CS:
        preds = oof_indicator(docs, c, rescue)
        for t in THRESHOLDS:
            if rescue:
                f1 = score(docs, rescuer(preds, t), relabeller(preds, t)).facts.f1
            else:
                f1 = score(docs, rules_keep, relabeller(preds, t)).facts.f1
            if f1 > best[2]:
                best = (c, t, f1, preds)
    return best


# --------------------------------------------------------------------------- report


def row(name: str, r: Report) -> str:
    def cell(s: Score) -> str:
        return f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}"

    return f"{name:44} {cell(r.facts)}   {cell(r.target_facts)}   {cell(r.group_facts)}"


HEADER = f"{'':44} {'whole-unit P R F1':17}   {'targets P R F1':17}   {'groups P R F1':17}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dev-only", action="store_true", help="cross-validation on dev only")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    from quality import gold_documents  # bench/quality.py

    kinds = ("archive", "page")
    dev_docs = gold_documents("dev", kinds)
    dev_rules = collect(dev_docs, "rules")
    dev = collect(dev_docs, "open")  # every figure; the rules' facts are those not stopped
    kept = subset(dev, rules_keep)
    relaxed = subset(dev, lambda x: not no_cue(x))

    def count(docs: list[DocCandidates], which: Callable[[Candidate], bool]) -> str:
        xs = [x for d in docs for x in d.candidates if which(x)]
        return f"{len(xs)} ({sum(x.keep for x in xs)} keep, {sum(bool(x.gold_indicator) for x in xs)} meet gold)"

    print(
        f"dev: {len(dev)} documents. Candidates: rule facts {count(dev, rules_keep)}; "
        f"stopped by an exception or the gate {count(dev, lambda x: not rules_keep(x) and not no_cue(x))}; "
        f"figures with no indicator cue {count(dev, no_cue)}"
    )

    c_f, t_f, _, oof_f = choose_filter(kept)
    c_x, t_x, _, oof_x = choose_filter(relaxed)
    c_i, t_i, _, oof_i = choose_indicator(dev, rescue=False)
    c_r, t_r, _, oof_r = choose_indicator(dev, rescue=True)
    print(
        f"chosen by dev CV ({FOLDS} folds by document), C and threshold: filter {c_f}, {t_f}; "
        f"learned exceptions {c_x}, {t_x}; indicator {c_i}, {t_i}; rescue {c_r}, {t_r}"
    )

    def rows(
        side: str,
        rules: list[DocCandidates],
        docs: list[DocCandidates],
        pf: dict[int, float],
        px: dict[int, float],
        pi: dict[int, tuple[str, float]],
        pr: dict[int, tuple[str, float]],
    ) -> None:
        filt = lambda x: rules_keep(x) and pf.get(id(x), 1.0) >= t_f  # noqa: E731
        print(row(f"{side} rules alone", score(rules, rules_keep)))
        print(row(f"{side} rules alone (open run)", score(docs, rules_keep)))
        print(row(f"{side} no exception, no gate (open run)", score(docs, lambda x: not no_cue(x))))
        print(row(f"{side} rules + filter", score(docs, filt)))
        print(
            row(
                f"{side} learned exceptions instead of rules'",
                score(docs, lambda x: not no_cue(x) and px.get(id(x), 1.0) >= t_x),
            )
        )
        rel = relabeller(pi, t_i)
        changed = sum(
            1 for d in docs for x in d.candidates if rules_keep(x) and rel(x) != x.fact["indicator"]
        )
        print(
            row(f"{side} rules + indicator model ({changed} changed)", score(docs, rules_keep, rel))
        )
        res = rescuer(pr, t_r)
        added = sum(1 for d in docs for x in d.candidates if no_cue(x) and res(x))
        print(row(f"{side} rules + rescue ({added} added)", score(docs, res, relabeller(pr, t_r))))
        print(
            row(
                f"{side} rules + filter + rescue",
                score(docs, rescuer(pr, t_r, filt), relabeller(pr, t_r)),
            )
        )

    print()
    print(HEADER)
    rows("dev CV", dev_rules, dev, oof_f, oof_x, oof_i, oof_r)
    if args.dev_only:
        return 0

    # ---- test, once: every model fit on the whole of dev with the C chosen above
    test_docs = gold_documents("test", kinds)
    test_rules = collect(test_docs, "rules")
    test = collect(test_docs, "open")
    pf = keep_probabilities(fit_filter(kept, c_f), subset(test, rules_keep))
    px = keep_probabilities(fit_filter(relaxed, c_x), subset(test, lambda x: not no_cue(x)))
    pi = indicator_predictions(fit_indicator(dev, c_i), test, lambda x: not no_cue(x))
    pr = indicator_predictions(fit_indicator(dev, c_r, rescue=True), test, no_cue)
    print(
        f"test: {len(test)} documents. Candidates: rule facts {count(test, rules_keep)}; "
        f"figures with no indicator cue {count(test, no_cue)}"
    )
    rows("test", test_rules, test, pf, px, pi, pr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
