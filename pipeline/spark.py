"""The pipeline on Apache Spark, for archives too big for one machine.

`extract_dataframe(df)` maps a DataFrame of documents — columns `id` and `text` (or
`html`), optionally `url`, `published`, `title`, `source` — to a DataFrame of results
with columns `doc_id` and `record` (the JSON line `vnfacts extract` would write). Each
executor's Python worker builds the pipeline once and keeps it for every partition it
processes. A document that fails in a stage becomes an error record as it does locally.

    from pyspark.sql import SparkSession
    from vnfacts.spark import extract_dataframe

    spark = SparkSession.builder.master("spark://host:7077").getOrCreate()
    docs = spark.read.json("hdfs:///news/*.jsonl.gz")          # id, text, url, …
    extract_dataframe(docs).select("record").write.text("hdfs:///news-facts/")

`vnfacts extract --engine spark` runs the same function on a local Spark (or on the
cluster named by `--spark-master`), reading and writing files as the local engine does.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from vnfacts.doc import Document, Meta
from vnfacts.ingest import IngestError, error_document, html_to_document

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

RESULT_SCHEMA = "doc_id string, record string"
_EXECUTOR: dict[str, Any] = {}


def _pipeline(options: dict[str, dict[str, Any]]) -> Any:
    """The executor's pipeline, built on first use and kept for the worker's lifetime."""
    key = json.dumps(options, sort_keys=True)
    if _EXECUTOR.get("key") != key:
        from vnfacts.runner import Pipeline

        _EXECUTOR["pipeline"] = Pipeline(options=options)
        _EXECUTOR["key"] = key
    return _EXECUTOR["pipeline"]


def row_to_document(row: dict[str, Any]) -> Document:
    """A DataFrame row (or a record `vnfacts extract` read locally) → Document."""
    if row.get("doc") is not None:  # a document read and decoded by the local ingest stage
        return Document.from_json(json.loads(row["doc"]))
    doc_id = str(row.get("id") or row.get("doc_id") or "")
    source = row.get("source")
    meta = Meta(title=row.get("title"), published=row.get("published"), url=row.get("url"))
    text, html = row.get("text"), row.get("html")
    if isinstance(text, str) and text.strip():
        return Document(doc_id=doc_id, text=text, source=source, meta=meta)
    if isinstance(html, str) and html.strip():
        try:
            return html_to_document(html, doc_id, source, meta)
        except IngestError as exc:
            return error_document(doc_id, source, exc.code, exc.message)
    return error_document(doc_id, source, "empty", "the row has no text or html")


def _run_partition(
    rows: Iterable[Any], options: dict[str, dict[str, Any]], include_text: bool
) -> Iterator[tuple[str, str]]:
    pipeline = _pipeline(options)
    for row in rows:
        data = row.asDict() if hasattr(row, "asDict") else dict(row)
        doc = row_to_document(data)
        if not doc.errors:
            doc = pipeline(doc)
        yield doc.doc_id, json.dumps(doc.to_json(include_text=include_text), ensure_ascii=False)


def extract_dataframe(
    df: DataFrame, *, options: dict[str, dict[str, Any]] | None = None, include_text: bool = False
) -> DataFrame:
    """Documents → results, one row per document, in the input's partition order."""
    opts = options or {}
    rdd = df.rdd.mapPartitions(lambda rows: _run_partition(rows, opts, include_text))
    return df.sparkSession.createDataFrame(rdd, RESULT_SCHEMA)


def local_session(master: str = "local[2]", app: str = "vnfacts") -> SparkSession:
    """A Spark session whose Python workers run this interpreter (with vnfacts installed).

    On a real cluster, install vnfacts in the executors' Python environment (or ship a
    packed virtualenv with `spark.archives`) and set PYSPARK_PYTHON to it."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def extract_documents(
    docs: Iterable[Document],
    *,
    master: str = "local[2]",
    options: dict[str, dict[str, Any]] | None = None,
    include_text: bool = False,
    partitions: int | None = None,
) -> Iterator[dict[str, Any]]:
    """The `--engine spark` path: documents read locally, processed on Spark, in order."""
    spark = local_session(master)
    rows = [
        (json.dumps(d.to_json(include_text=True, include_blocks=False), ensure_ascii=False),)
        for d in docs
    ]
    if not rows:
        return
    n = partitions or max(1, min(len(rows), spark.sparkContext.defaultParallelism * 4))
    df = spark.createDataFrame(spark.sparkContext.parallelize(rows, n), "doc string")
    for row in extract_dataframe(df, options=options, include_text=include_text).toLocalIterator():
        yield json.loads(row["record"])
