"""The Spark engine (local[2]) gives what the local engine gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from vnfacts.cli import main

from tests.conftest import CORPUS, SEED_IDS

pyspark = pytest.importorskip("pyspark", reason="install the spark extra: pip install '.[spark]'")


@pytest.fixture(scope="module")
def spark():
    from vnfacts.spark import local_session

    session = local_session("local[2]", "vnfacts-tests")
    yield session
    session.stop()


def test_spark_engine_matches_local_engine_on_the_corpus(tmp_path: Path, spark):
    local, remote = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(local), "-w", "1", "-q"]) == 0
    assert main(["extract", str(CORPUS), "-o", str(remote), "--engine", "spark", "-q"]) == 0
    assert remote.read_bytes() == local.read_bytes()
    assert [
        json.loads(line)["doc_id"] for line in remote.read_text(encoding="utf-8").splitlines()
    ] == list(SEED_IDS)


def test_extract_dataframe_maps_documents_to_results(spark):
    from vnfacts.spark import extract_dataframe

    text = (CORPUS / f"{SEED_IDS[3]}.txt").read_text(encoding="utf-8")
    rows = [
        {
            "id": "bai-1",
            "text": text,
            "url": "https://example.vn/1",
            "published": None,
            "html": None,
        },
        {"id": "trong", "text": "   ", "url": None, "published": None, "html": None},
    ]
    df = spark.createDataFrame(
        rows, "id string, text string, url string, published string, html string"
    )
    out = {r["doc_id"]: json.loads(r["record"]) for r in extract_dataframe(df).collect()}
    assert set(out) == {"bai-1", "trong"}
    assert out["bai-1"]["meta"]["url"] == "https://example.vn/1"
    assert any(
        f["indicator"] == "poverty_rate" and f["value"] == 14.78 for f in out["bai-1"]["facts"]
    )
    assert [e["code"] for e in out["trong"]["errors"]] == ["empty"]
