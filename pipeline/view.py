"""The review page: one self-contained HTML file of articles, their facts and checks.

A journalist without a terminal reads the same verdicts `vnfacts check` prints: each
article's text with its figures, places and officials highlighted, every fact with its
evidence (click a fact, its sentence lights up), failing checks in red with their
computation and likely typo, filters by indicator and by status, and places the
gazetteer could not resolve marked as such. The page needs no network: its style and
script are inlined, and every piece of article text goes through Jinja2's escaping
(an article's `<script>` is shown, never run).

It sits above the runner (like the CLI): it reads `extract` output, or runs the
pipeline on texts.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from vnfacts.check import (
    KIND_NAMES,
    STATUS_NAMES,
    find_contradictions,
    kind_name,
    quote_around,
    vn_number,
)
from vnfacts.doc import Document
from vnfacts.ingest import IngestOptions, iter_documents

RESULT_SUFFIXES = (".jsonl", ".jsonl.gz")

INDICATOR_NAMES: dict[str, dict[str, str]] = {
    "poverty_rate": {"vi": "tỷ lệ hộ nghèo", "en": "poverty rate"},
    "near_poverty_rate": {"vi": "tỷ lệ hộ cận nghèo", "en": "near-poverty rate"},
    "multidim_poverty_rate": {"vi": "tỷ lệ nghèo đa chiều", "en": "multidimensional poverty rate"},
    "poor_households": {"vi": "số hộ nghèo", "en": "poor households"},
    "near_poor_households": {"vi": "số hộ cận nghèo", "en": "near-poor households"},
    "poverty_rate_reduction": {"vi": "mức giảm tỷ lệ hộ nghèo", "en": "fall of the poverty rate"},
    "poor_households_reduction": {"vi": "số hộ thoát nghèo", "en": "households out of poverty"},
    "average_income": {"vi": "thu nhập bình quân", "en": "average income"},
    "budget": {"vi": "nguồn vốn", "en": "budget"},
    "budget_disbursed": {"vi": "vốn đã giải ngân", "en": "budget disbursed"},
    "disbursement_rate": {"vi": "tỷ lệ giải ngân", "en": "disbursement rate"},
    "houses_supported": {"vi": "nhà được hỗ trợ", "en": "houses supported"},
    "total_households": {"vi": "tổng số hộ", "en": "total households"},
    "population": {"vi": "dân số", "en": "population"},
}
UNIT_WORDS = {"households": "hộ", "persons": "người", "houses": "căn", "VND": "đồng", "%": "%"}

TEXTS: dict[str, dict[str, str]] = {
    "title": {"vi": "Kiểm tra số liệu", "en": "Checking the figures"},
    "articles": {"vi": "bài", "en": "articles"},
    "checks": {"vi": "Phép kiểm tra", "en": "Checks"},
    "facts": {"vi": "Số liệu", "en": "Facts"},
    "text": {"vi": "Nội dung bài", "en": "Article text"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "all": {"vi": "Tất cả", "en": "All"},
    "place": {"vi": "Địa phương", "en": "Place"},
    "year": {"vi": "Năm", "en": "Year"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "unresolved": {"vi": "chưa xác định đơn vị hành chính", "en": "not resolved to one unit"},
    "target": {"vi": "mục tiêu", "en": "target"},
    "no_checks": {"vi": "Không có phép kiểm tra nào.", "en": "No checks."},
    "no_facts": {"vi": "Không có số liệu nào.", "en": "No facts."},
    "no_text": {
        "vi": "Không có nội dung bài (chạy extract với --include-text).",
        "en": "No article text in the results (run extract with --include-text).",
    },
    "computed": {"vi": "tính được", "en": "computed"},
    "stated": {"vi": "bài ghi", "en": "stated"},
    "typo": {"vi": "Có thể gõ nhầm", "en": "Likely typo"},
    "errors": {"vi": "Lỗi", "en": "Errors"},
    "contradictions": {"vi": "Mâu thuẫn giữa các bài", "en": "Contradictions between articles"},
    "evidence": {"vi": "Câu chứa số liệu", "en": "Evidence"},
    "click_fact": {
        "vi": "Bấm vào một số liệu để xem câu của nó.",
        "en": "Click a fact to see its sentence.",
    },
    "paste": {"vi": "Dán nội dung bài báo", "en": "Paste an article"},
    "upload": {"vi": "hoặc tải lên tệp .txt / .html", "en": "or upload a .txt / .html file"},
    "submit": {"vi": "Kiểm tra", "en": "Check"},
    "summary": {
        "vi": "{n} bài, {total} phép kiểm tra: {bad} không khớp, {ok} khớp, {cannot} không kiểm tra được",
        "en": "{n} articles, {total} checks: {bad} inconsistent, {ok} consistent, {cannot} cannot be checked",
    },
}


class InputError(Exception):
    """An input that cannot be read (a missing path, a results file that is not JSON)."""


def tr(key: str, lang: str) -> str:
    return TEXTS[key].get(lang, TEXTS[key]["en"])


def indicator_name(indicator: str, lang: str = "vi") -> str:
    return INDICATOR_NAMES.get(indicator, {}).get(lang, indicator.replace("_", " "))


def is_results_file(path: str | Path) -> bool:
    """Whether `path` holds `extract` output (records with `doc_id` and `checks`), not
    articles to read: its first line says so."""
    p = Path(path)
    if not p.is_file() or not str(p).endswith(RESULT_SUFFIXES):
        return False
    opener = gzip.open if str(p).endswith(".gz") else open
    try:
        with opener(p, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    first = json.loads(line)
                    return isinstance(first, dict) and "doc_id" in first and "checks" in first
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return False


def _text_of(record: dict[str, Any]) -> str | None:
    """The article's text: in the record, or the source file when it is still the one
    the record was made from (same length)."""
    if isinstance(record.get("text"), str):
        return record["text"]
    source = record.get("source")
    if not source or record.get("origin", "text") != "text":
        return None
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return text if len(text) == record.get("n_chars", len(text)) else None


def read_results(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of an `extract` output, each with its `text` where it can be had."""
    opener = gzip.open if str(path).endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise InputError(f"{path}, line {n}: not a JSON record ({exc})") from exc
                if not isinstance(record, dict) or "doc_id" not in record:
                    raise InputError(f"{path}, line {n}: not a vnfacts record")
                record["text"] = _text_of(record)
                yield record
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def record_of(doc: Document) -> dict[str, Any]:
    return doc.to_json(include_text=True, include_blocks=False)


def load(paths: Iterable[str | Path], pipeline: Any = None) -> Iterator[dict[str, Any]]:
    """Records for `paths`: `extract` output is read as it is; articles (files,
    directories, JSONL of articles) go through the pipeline (without NER, for speed)."""
    articles: list[str | Path] = []
    for p in paths:
        if str(p) != "-" and not Path(p).exists():
            raise InputError(f"no such file or directory: {p}")
        if is_results_file(p):
            yield from read_results(p)
        else:
            articles.append(p)
    if articles:
        if pipeline is None:
            from vnfacts.runner import Pipeline

            pipeline = Pipeline(options={"recognize": {"ner": "off"}})
        for doc in pipeline.run(iter_documents(articles, IngestOptions())):
            yield record_of(doc)


# ------------------------------------------------------------------------ the page


def show_value(fact: dict[str, Any]) -> str:
    """A fact's value the Vietnamese way, in its unit (money in tỷ or triệu đồng)."""
    value, unit = fact.get("value"), str(fact.get("unit") or "")
    if not isinstance(value, int | float):
        return str(value)
    if unit.startswith("VND"):
        rest = (
            unit[3:]
            .replace("/person", "/người")
            .replace("/year", "/năm")
            .replace("/month", "/tháng")
        )
        for size, word in ((1e9, "tỷ đồng"), (1e6, "triệu đồng")):
            if abs(value) >= size:
                return f"{vn_number(value / size, 2).rstrip('0').rstrip(',')} {word}{rest}"
        return f"{vn_number(value)} đồng{rest}"
    decimals = 0 if float(value).is_integer() else 2
    number = vn_number(value, decimals)
    if decimals:
        number = number.rstrip("0").rstrip(",")
    if unit.startswith("%") or unit.startswith("pp"):
        return f"{number} %" + ("/năm" if unit.endswith("/year") else "")
    return f"{number} {UNIT_WORDS.get(unit, unit)}".strip()


def _pieces(record: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The text cut at every mention, evidence and check-figure boundary; each piece with
    the classes of what covers it (so a click can light any fact's sentence)."""
    text: str = record["text"]
    marks: list[tuple[int, int, str, str | None]] = []
    bad: set[tuple[int, int]] = set()
    for c in record.get("checks") or []:
        if c.get("status") == "inconsistent":
            bad.update((e["start"], e["end"]) for e in c.get("evidence") or [])
    for m in record.get("mentions") or []:
        start, end, kind = m.get("start"), m.get("end"), m.get("type")
        if (
            not isinstance(start, int)
            or not isinstance(end, int)
            or not 0 <= start < end <= len(text)
        ):
            continue
        if kind in ("QUANTITY", "PERCENT"):
            cls = "fig bad" if (start, end) in bad else "fig"
            marks.append((start, end, cls, None))
        elif kind == "LOCALITY":
            unresolved = not m.get("code") and m.get("level") not in ("country", "region")
            title = tr("unresolved", lang) if unresolved else None
            marks.append((start, end, "place unresolved" if unresolved else "place", title))
        elif kind in ("OFFICIAL", "PERSON"):
            marks.append((start, end, "person", None))
    cuts = {0, len(text)}
    for start, end, _, _ in marks:
        cuts.update((start, end))
    for f in record.get("facts") or []:
        ev = f.get("evidence") or {}
        if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            cuts.update((max(0, min(ev["start"], len(text))), max(0, min(ev["end"], len(text)))))
    order = sorted(cuts)
    index = {pos: k for k, pos in enumerate(order)}
    classes: list[set[str]] = [set() for _ in order]
    titles: list[str | None] = [None for _ in order]
    for start, end, cls, title in marks:
        for k in range(index[start], index[end]):
            classes[k].update(cls.split())
            titles[k] = title or titles[k]
    return [
        {"s": a, "e": b, "text": text[a:b], "cls": " ".join(sorted(classes[k])), "title": titles[k]}
        for k, (a, b) in enumerate(itertools.pairwise(order))
        if b > a
    ]


def _check_view(c: dict[str, Any], text: str | None, lang: str) -> dict[str, Any]:
    message = c.get("message_vi") if lang == "vi" and c.get("message_vi") else c.get("message")
    typo = c.get("likely_typo") or None
    ev = c.get("evidence") or []
    return {
        "kind": kind_name(str(c.get("kind")), lang),
        "status": c.get("status"),
        "status_name": STATUS_NAMES.get(str(c.get("status")), {}).get(lang, c.get("status")),
        "message": message,
        "typo": (typo.get("message_vi") if lang == "vi" else typo.get("message")) if typo else None,
        "starts": " ".join(str(e["start"]) for e in ev),
        "ends": " ".join(str(e["end"]) for e in ev),
        "quote": quote_around(text, ev[0]["start"], ev[0]["end"]) if text and ev else None,
    }


def _fact_view(f: dict[str, Any], lang: str) -> dict[str, Any]:
    loc = f.get("locality") or {}
    ev = f.get("evidence") or {}
    fig = f.get("figure") or {}
    return {
        "indicator": f.get("indicator"),
        "indicator_name": indicator_name(str(f.get("indicator")), lang),
        "place": loc.get("name") or "—",
        "unresolved": bool(loc.get("name"))
        and not loc.get("code")
        and loc.get("level") not in ("country", "region"),
        "year": f.get("year") if f.get("year") is not None else "—",
        "value": show_value(f),
        "target": f.get("status") == "target",
        "group": f.get("group"),
        "s": ev.get("start", -1),
        "e": ev.get("end", -1),
        "fs": fig.get("start", -1),
        "fe": fig.get("end", -1),
        "evidence": " ".join(str(ev.get("text") or "").split()),
    }


@cache
def _environment() -> jinja2.Environment:
    """Templates shipped in the package; autoescape on for every template, whatever its name."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("vnfacts", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _asset(name: str) -> Markup:
    """Our own style or script, inlined so the page needs no second request."""
    return Markup(files("vnfacts").joinpath("static", name).read_text(encoding="utf-8"))


def page_context(records: list[dict[str, Any]], lang: str = "vi") -> dict[str, Any]:
    counts: dict[str, int] = defaultdict(int)
    articles = []
    indicators: dict[str, str] = {}
    for r in records:
        text = r.get("text") if isinstance(r.get("text"), str) else None
        checks = [_check_view(c, text, lang) for c in r.get("checks") or []]
        checks.sort(
            key=lambda c: (
                ["inconsistent", "cannot_check", "consistent"].index(c["status"])
                if c["status"] in STATUS_NAMES
                else 3
            )
        )
        for c in checks:
            counts[str(c["status"])] += 1
        facts = [_fact_view(f, lang) for f in r.get("facts") or []]
        for f in facts:
            indicators[str(f["indicator"])] = str(f["indicator_name"])
        articles.append(
            {
                "doc_id": r.get("doc_id"),
                "title": (r.get("meta") or {}).get("title") or r.get("doc_id"),
                "published": (r.get("meta") or {}).get("published"),
                "source": r.get("source"),
                "errors": [
                    f"{e.get('stage')}/{e.get('code')}: {e.get('message')}"
                    for e in r.get("errors") or []
                ],
                "checks": checks,
                "facts": facts,
                "pieces": _pieces(r, lang) if text else None,
                "statuses": " ".join(sorted({str(c["status"]) for c in checks})),
                "indicators": " ".join(sorted({str(f["indicator"]) for f in facts})),
            }
        )
    contradictions = []
    for c in find_contradictions(records):
        sources = "; ".join(
            f"{show_value({'value': s['value'], 'unit': s.get('unit')})} ({s['doc_id']})"
            for s in c["sources"]
        )
        contradictions.append(
            f"{indicator_name(c['indicator'], lang)} — {c['locality']} ({c['year']}): {sources}"
        )
    total = sum(counts.values())
    return {
        "lang": lang,
        "t": {k: tr(k, lang) for k in TEXTS},
        "kind_names": {k: v.get(lang) for k, v in KIND_NAMES.items()},
        "status_names": {k: v.get(lang) for k, v in STATUS_NAMES.items()},
        "summary": tr("summary", lang).format(
            n=len(records),
            total=total,
            bad=counts["inconsistent"],
            ok=counts["consistent"],
            cannot=counts["cannot_check"],
        ),
        "articles": articles,
        "indicators": sorted(indicators.items(), key=lambda kv: kv[1]),
        "contradictions": contradictions,
        "css": _asset("review.css"),
        "js": _asset("review.js"),
        # the page runs only its own script: an injected one would not match this hash
        "script_hash": "sha256-"
        + base64.b64encode(hashlib.sha256(_asset("review.js").encode("utf-8")).digest()).decode(),
    }


def render(
    records: Iterable[dict[str, Any]], lang: str = "vi", form: dict[str, Any] | None = None
) -> str:
    """The review page of `records` (with `form`: the web app's paste-and-upload form,
    its message and the text to keep in it)."""
    context = page_context(list(records), lang)
    context["form"] = form
    return _environment().get_template("review.html").render(context)
