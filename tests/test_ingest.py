"""Ingest: every input becomes a document or an error record with its reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from vnfacts.ingest import SKIP_UNSUPPORTED, IngestOptions, iter_documents, read_stdin

ARTICLE = (
    "Lục Bình thực hiện hiệu quả công tác giảm nghèo\n\n"
    "Theo Chủ tịch UBND xã Lục Bình, ông Nguyễn Văn Hậu, tỷ lệ hộ nghèo của xã hiện còn 8,9%.\n"
)


def codes(docs) -> list[list[str]]:
    return [[e.code for e in d.errors] for d in docs]


def test_text_file_keeps_crlf_offsets(tmp_path: Path):
    path = tmp_path / "bai-viet.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    [doc] = iter_documents([path])
    assert doc.doc_id == "bai-viet"
    assert doc.text == ARTICLE.replace("\n", "\r\n")  # no newline translation
    assert not doc.errors


def test_missing_path_is_an_error_record(tmp_path: Path):
    docs = list(iter_documents([tmp_path / "khong-co.txt"]))
    assert codes(docs) == [["not_found"]]
    assert "khong-co.txt" in docs[0].errors[0].message


def test_directory_without_documents(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    skipped: list[tuple[Path, str]] = []
    docs = list(iter_documents([tmp_path], on_skip=lambda p, why: skipped.append((p, why))))
    assert codes(docs) == [["no_documents"]]
    assert [(p.name, why) for p, why in skipped] == [("notes.docx", SKIP_UNSUPPORTED)]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        ("Tỷ lệ hộ nghèo".encode() + b"\xff\xfe\xfa giam", "not_utf8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_bad_files_become_error_records(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    [doc] = iter_documents([path])
    assert [e.code for e in doc.errors] == [code]
    assert doc.errors[0].stage == "ingest"


def test_invalid_utf8_message_names_the_byte(tmp_path: Path):
    path = tmp_path / "doc.txt"
    good = "Hộ nghèo".encode()
    path.write_bytes(good + b"\xc3\x28")
    [doc] = iter_documents([path])
    assert f"byte {len(good)} (c3 28)" in doc.errors[0].message


def test_fifty_megabyte_file_is_refused_without_reading(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    [doc] = iter_documents([path])
    assert [e.code for e in doc.errors] == ["too_large"]
    assert str(50 * 1024 * 1024) in doc.errors[0].message


def test_batch_goes_on_after_bad_documents(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02")
    docs = list(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == ["a", "b", "c"]
    assert codes(docs) == [["empty"], [], ["binary"]]


def test_jsonl_with_malformed_lines(tmp_path: Path):
    lines = [
        json.dumps(
            {
                "id": "ok-1",
                "text": ARTICLE,
                "url": "https://example.vn/a",
                "published": "2024-08-12",
            }
        ),
        '{"id": "broken", "text": "thiếu ngoặc"',
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "x"}),
        "",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"text": ARTICLE}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(iter_documents([path]))
    assert [d.doc_id for d in docs] == ["ok-1", "batch:2", "batch:3", "no-text", "empty", "batch:7"]
    assert codes(docs) == [[], ["bad_json"], ["bad_record"], ["bad_record"], ["empty"], []]
    assert docs[0].meta.url == "https://example.vn/a"
    assert docs[0].meta.published == "2024-08-12"
    assert docs[1].source.endswith("batch.jsonl:2")
    assert "line 2" in docs[1].errors[0].message


def test_jsonl_gz_and_oversized_line(tmp_path: Path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "hộ nghèo " * 5000}) + "\n")
        fh.write(json.dumps({"id": "small", "text": ARTICLE}) + "\n")
    docs = list(iter_documents([path], IngestOptions(max_bytes=10_000)))
    assert [d.doc_id for d in docs] == ["batch:1", "small"]
    assert codes(docs) == [["too_large"], []]


def test_html_file_uses_main_content_extractor(tmp_path: Path):
    html = """<html><head><title>Lục Bình giảm nghèo</title>
    <meta property="article:published_time" content="2024-01-15"></head><body>
    <nav><a href="/">Trang chủ</a> / <a href="/xa-hoi">Xã hội</a></nav>
    <article><h1>Lục Bình giảm nghèo</h1>
    <p>Tỷ lệ hộ nghèo của xã Lục Bình giảm còn 8,9%, giảm 4,7% so với thời điểm cuối năm 2022.
    Đây là kết quả của sự nỗ lực chung của cấp ủy, chính quyền và người dân.</p>
    <p>Chủ tịch UBND xã Lục Bình, ông Nguyễn Văn Hậu cho biết xã sẽ tiếp tục hỗ trợ sinh kế.</p>
    </article><footer>Tin khác: Bắc Kạn đẩy mạnh xây dựng nông thôn mới</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [doc] = iter_documents([path])
    assert not doc.errors
    assert doc.origin == "html"
    assert "giảm còn 8,9%" in doc.text
    assert "Trang chủ" not in doc.text
    assert doc.meta.title == "Lục Bình giảm nghèo"
    assert doc.meta.published == "2024-01-15"


def test_html_without_content(tmp_path: Path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><body><script>var a=1;</script></body></html>", encoding="utf-8")
    [doc] = iter_documents([path])
    assert [e.code for e in doc.errors] == ["no_content"]


def test_stdin_sniffs_jsonl_and_text():
    import io

    jsonl = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode()
    [doc] = read_stdin(IngestOptions(), io.BufferedReader(io.BytesIO(jsonl)))
    assert doc.doc_id == "s1"
    [doc] = read_stdin(IngestOptions(), io.BufferedReader(io.BytesIO(ARTICLE.encode())))
    assert doc.doc_id == "stdin" and doc.text == ARTICLE


def _write_warc(path: Path, pages: list[tuple[str, bytes, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
        req = writer.create_warc_record(
            "https://baodientu.vn/", "request", payload=BytesIO(b"GET / HTTP/1.0\r\n\r\n")
        )
        writer.write_record(req)


PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2023-12-20"></head><body>
<nav>Trang chủ | Xã hội</nav><article><h1>{title}</h1>
<p>Năm 2023, tỷ lệ hộ nghèo của huyện Mèo Vạc giảm còn 25,2%, giảm 5,3% so với năm 2022.
Đây là kết quả của sự vào cuộc quyết liệt của cả hệ thống chính trị.</p>
<p>Chủ tịch UBND huyện Mèo Vạc, ông Nguyễn Văn Sơn cho biết huyện sẽ tiếp tục hỗ trợ sinh kế cho người dân.</p>
</article></body></html>"""


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_documents(tmp_path: Path, name: str):
    path = tmp_path / name
    _write_warc(
        path,
        [
            (
                "https://baodientu.vn/meo-vac",
                PAGE.format(title="Mèo Vạc giảm nghèo").encode(),
                "text/html; charset=utf-8",
            ),
            ("https://baodientu.vn/logo.png", b"\x89PNG\r\n", "image/png"),
            (
                "https://baodientu.vn/trong",
                b"<html><body><script>1</script></body></html>",
                "text/html",
            ),
        ],
    )
    docs = list(iter_documents([path]))
    assert len(docs) == 2  # the image and the request are not documents
    page, empty = docs
    assert not page.errors and page.origin == "html"
    assert page.meta.url == "https://baodientu.vn/meo-vac"
    assert page.meta.published == "2023-12-20"
    assert "giảm còn 25,2%" in page.text
    assert page.source.startswith(str(path) + "#")
    assert [e.code for e in empty.errors] == ["no_content"]
