"""`scripts/gold.py take`: refilling the page cache from search results saved as JSON."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Xã Nậm Cang giảm nghèo nhanh\n"
    "Năm 2023, tỷ lệ hộ nghèo của xã Nậm Cang giảm còn 12,4%, giảm 5,1% so với năm 2022."
)
URL = "https://example.vn/nam-cang-giam-ngheo.html"


@pytest.fixture()
def gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    spec = importlib.util.spec_from_file_location("gold_script", ROOT / "scripts" / "gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "REPORTS", tmp_path / "reports")
    monkeypatch.setenv("VNFACTS_CACHE_DIR", str(tmp_path / "cache"))
    doc_id = module.page_doc_id(URL)
    module.write_gold(
        {
            "doc_id": doc_id,
            "origin": {
                "kind": "page",
                "url": URL,
                "query": "Nậm Cang giảm nghèo",
                "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
                "chars": len(TEXT),
            },
            "meta": {"url": URL},
            "facts": [{"indicator": "poverty_rate", "evidence": {"quote": "giảm còn 12,4%"}}],
        }
    )
    return module


def _saved(tmp_path: Path, url: str, excerpt: str) -> str:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"url": url, "excerpt": excerpt}, ensure_ascii=False), "utf-8")
    return str(path)


def test_an_exact_excerpt_is_cached(gold: Any, tmp_path: Path) -> None:
    assert gold.main(["take", _saved(tmp_path, URL, TEXT)]) == 0
    assert (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").read_text("utf-8") == TEXT


def test_a_copy_that_gained_a_final_newline_is_still_the_annotated_text(
    gold: Any, tmp_path: Path
) -> None:
    assert gold.main(["take", _saved(tmp_path, URL, TEXT + "\n")]) == 0
    assert (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").read_text("utf-8") == TEXT


def test_a_copy_that_lost_the_annotated_final_newline_is_still_the_annotated_text(
    gold: Any, tmp_path: Path
) -> None:
    with_newline = TEXT + "\n"
    record = json.loads(gold.gold_path(gold.page_doc_id(URL)).read_text("utf-8"))
    record["origin"]["sha256"] = hashlib.sha256(with_newline.encode("utf-8")).hexdigest()
    gold.write_gold(record)
    assert gold.main(["take", _saved(tmp_path, URL, TEXT)]) == 0
    cached = gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt"
    assert cached.read_text("utf-8") == with_newline


def test_a_copy_missing_a_quote_is_refused_and_not_cached(
    gold: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = TEXT.replace("12,4%", "12.4%")
    assert gold.main(["take", _saved(tmp_path, URL, wrong)]) == 1
    assert "refused" in capsys.readouterr().out
    assert not (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").exists()


def test_a_copy_that_differs_elsewhere_is_left_for_put(
    gold: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    longer = TEXT + " Xã phấn đấu năm 2024 giảm thêm 4%."
    saved = _saved(tmp_path, URL, longer)
    assert gold.main(["take", saved]) == 0
    out = capsys.readouterr().out
    assert f"gold.py put {gold.page_doc_id(URL)} {Path(saved).with_suffix('.txt')}" in out
    assert Path(saved).with_suffix(".txt").read_text("utf-8") == longer
    assert not (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").exists()


def test_a_result_no_gold_page_has_is_skipped(
    gold: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gold.main(["take", _saved(tmp_path, "https://example.vn/other.html", TEXT)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_file_that_is_no_saved_result_is_refused_and_the_others_still_taken(
    gold: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"url": "https://example.vn/x.html"', "utf-8")
    good = _saved(tmp_path, "  " + URL + "\n", TEXT)  # a url pasted with spaces around it
    assert gold.main(["take", str(broken), good]) == 1
    out = capsys.readouterr().out
    assert "broken.json: refused, not a saved result" in out
    assert "1 cached, 0 for put, 0 skipped, 1 refused" in out
    assert (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").read_text("utf-8") == TEXT


def test_a_list_of_results_is_taken_item_by_item(gold: Any, tmp_path: Path) -> None:
    """One search's wanted results saved at once: each item is taken like a file of its own."""
    path = tmp_path / "b1.json"
    path.write_text(
        json.dumps(
            [
                {"url": "https://example.vn/other.html", "excerpt": "x"},
                {"url": URL, "excerpt": TEXT},
            ],
            ensure_ascii=False,
        ),
        "utf-8",
    )
    assert gold.main(["take", str(path)]) == 0
    assert (gold.cache_dir() / f"{gold.page_doc_id(URL)}.txt").read_text("utf-8") == TEXT


def test_a_shared_queue_hands_each_query_once_and_stops_at_the_cap(
    gold: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`queue` lists the missing pages' queries; `next` hands a query to one helper only,
    skips a query whose pages someone cached meanwhile, and stops a helper at its cap;
    `wanted` says which result urls are gold pages still missing."""
    second = "https://example.vn/muong-te.html"
    gold.write_gold(
        {
            "doc_id": gold.page_doc_id(second),
            "origin": {
                "kind": "page",
                "url": second,
                "query": "Mường Tè giảm nghèo",
                "sha256": "0" * 64,
                "chars": 1,
            },
            "meta": {"url": second},
            "facts": [],
        }
    )
    assert gold.main(["queue"]) == 0
    capsys.readouterr()
    assert gold.main(["wanted", URL, "https://example.vn/not-gold.html"]) == 0
    assert capsys.readouterr().out.split() == ["WANTED", gold.page_doc_id(URL), URL]
    assert gold.main(["next", "h1", "--cap", "1"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["search"] == 1 and len(first["pages"]) == 1
    assert gold.main(["next", "h1", "--cap", "1"]) == 0
    assert capsys.readouterr().out.startswith("STOP: h1 has used its 1 searches")
    # the other query goes to another helper, once
    assert gold.main(["next", "h2", "--count", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert json.loads(out[0])["query"] != first["query"] and out[1] == "STOP: the queue is empty"
