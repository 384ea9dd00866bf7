"""Fuzzing the batch path: whatever the input, one record per document, nothing escapes.

Random bytes under every supported file ending, random JSON on JSON Lines, and random
Vietnamese-like text (syllables, figures of any size, punctuation, stray surrogates) go
through ingest → pipeline → the writer → `export.to_frames`. Each example must give
exactly the records its input holds, each a line that parses back as JSON, and no
exception may leave a document.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vnfacts.batch import write_record
from vnfacts.export import to_frames
from vnfacts.ingest import IngestOptions, iter_documents
from vnfacts.runner import Pipeline

PIPELINE = Pipeline()
FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples every run: a failure is reproducible
)

SYLLABLES = [
    "tỷ",
    "lệ",
    "hộ",
    "nghèo",
    "cận",
    "giảm",
    "còn",
    "tăng",
    "năm",
    "xã",
    "huyện",
    "tỉnh",
    "thôn",
    "bản",
    "Lục",
    "Bình",
    "Mèo",
    "Vạc",
    "Bắc",
    "Kạn",
    "Chủ",
    "tịch",
    "UBND",
    "ông",
    "bà",
    "Nguyễn",
    "Văn",
    "Hậu",
    "Lò",
    "Thị",
    "Mai",
    "triệu",
    "tỷ",
    "đồng",
    "người",
    "nhân",
    "khẩu",
    "giai",
    "đoạn",
    "quý",
    "tháng",
    "đến",
    "nay",
    "khoảng",
    "gần",
    "hơn",
    "đạt",
    "kế",
    "hoạch",
    "giải",
    "ngân",
    "thu",
    "nhập",
    "bình",
    "quân",
]
FIGURES = st.one_of(
    st.integers(0, 10**6).map(str),
    st.builds(lambda a, b: f"{a},{b}%", st.integers(0, 100), st.integers(0, 99)),
    st.builds(lambda a, b: f"{a}.{b:03d}", st.integers(1, 999), st.integers(0, 999)),
    st.integers(1990, 2030).map(str),
    st.just("9" * 5000),  # more digits than Python turns into text
)
PIECES = st.one_of(
    st.sampled_from(SYLLABLES),
    FIGURES,
    st.sampled_from([".", ",", ":", ";", "(", ")", "-", "\n", "\n\n", "%", "\ud800", "\t"]),
)
VIETNAMESE = st.lists(PIECES, min_size=1, max_size=60).map(" ".join)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | VIETNAMESE,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
RECORD = st.one_of(
    JSON,
    st.fixed_dictionaries(
        {"text": st.one_of(VIETNAMESE, JSON)},
        optional={"id": JSON, "title": JSON, "published": JSON, "html": JSON, "url": JSON},
    ),
)
ENDINGS = [".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".bin"]


def _through(docs: list) -> list[dict]:
    """Documents → pipeline → writer → parsed lines, and the lines into tables."""
    buf = io.BytesIO()
    for doc in docs:
        if not doc.errors:
            doc = PIPELINE(doc)
        write_record(buf, doc.to_json())
    lines = buf.getvalue().decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    frames = to_frames(records)
    assert len(frames["documents"]) == len(records)
    return records


@FUZZ
@given(data=st.binary(max_size=3000), ending=st.sampled_from(ENDINGS))
def test_random_bytes_under_any_ending(data: bytes, ending: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"tin{ending}"
        path.write_bytes(data)
        docs = list(iter_documents([path], IngestOptions(fmt=None)))
    if ending in (".txt", ".html", ".bin"):
        assert len(docs) == 1
    elif ending == ".jsonl":
        lines = [line for line in data.split(b"\n") if line.strip()]
        assert len(docs) == max(1, len(lines))
    else:
        assert len(docs) >= 1
    assert len(_through(docs)) == len(docs)


@FUZZ
@given(records=st.lists(RECORD, min_size=1, max_size=6))
def test_random_json_lines_give_one_record_each(records: list):
    payload = "".join(json.dumps(r) + "\n" for r in records)  # \ud800 stays escaped
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tin.jsonl"
        path.write_text(payload, encoding="utf-8")
        docs = list(iter_documents([path]))
    assert len(docs) == len(records)
    out = _through(docs)
    assert len(out) == len(records)
    ids = [r["doc_id"] for r in out]
    assert len(set(ids)) == len(ids)  # unique within the run


@FUZZ
@given(texts=st.lists(VIETNAMESE, min_size=1, max_size=3))
def test_random_vietnamese_text_files(texts: list[str]):
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            (Path(tmp) / f"bai-{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        docs = list(iter_documents([tmp]))
    assert len(docs) == len(texts)
    out = _through(docs)
    assert [r["doc_id"] for r in out] == [f"bai-{i}" for i in range(len(texts))]
