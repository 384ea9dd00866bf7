"""Ingest: every input becomes a document or an error record with its reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from vnfacts.ingest import (
    SKIP_DANGLING,
    SKIP_HIDDEN,
    SKIP_LOOP,
    SKIP_OUTPUT,
    SKIP_UNSUPPORTED,
    IngestOptions,
    iter_documents,
    read_stdin,
)

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


# --------------------------------------------------------------------------- unique ids


def test_repeated_file_names_get_their_path_as_id(tmp_path: Path):
    for folder in ("c1", "c2", "c3/sub"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = [tmp_path / "c1", tmp_path / "c2", tmp_path / "c3"]
    first = [d.doc_id for d in iter_documents(args)]
    assert first == ["a", "c2/a", "c3/sub/a"]
    assert [d.doc_id for d in iter_documents(args)] == first  # deterministic: resume relies on it


def test_same_file_named_twice_and_repeated_jsonl_ids(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({"id": "tin-1", "text": ARTICLE}) + "\n" for _ in range(3)),
        encoding="utf-8",
    )
    docs = list(iter_documents([tmp_path / "x" / "a.txt", tmp_path / "x" / "a.txt", feed]))
    ids = [d.doc_id for d in docs]
    assert ids[0] == "a"
    assert ids[1].endswith("x/a") and ids[1] != "a"  # the path as given
    assert ids[2:] == ["tin-1", "tin-1#2", "tin-1#3"]


# --------------------------------------------------------------------------- poison documents


def test_poison_jsonl_lines_each_give_one_record(tmp_path: Path):
    deep = "[" * 1000 + "]" * 1000
    lines = [
        '{"id": "\\ud800-tin", "title": "Gi\\udcffảm nghèo", "text": "Hộ nghèo \\udc80 còn 8,9%."}',
        '{"id": "sau", "text": "Tỷ lệ hộ nghèo còn 8,9%.", "extra": ' + deep + "}",
        '{"id": ' + "9" * 5000 + ', "text": "Tỷ lệ hộ nghèo còn 8,9%."}',
        '{"id": "tieu-de", "title": {"a": [1, 2]}, "text": "Tỷ lệ hộ nghèo còn 8,9%."}',
        json.dumps({"id": "cuoi", "text": ARTICLE}),
    ]
    path = tmp_path / "poison.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(iter_documents([path]))
    assert len(docs) == 5
    first = docs[0]
    assert first.doc_id == "\ufffd-tin" and first.meta.title == "Gi\ufffdảm nghèo"
    assert first.text == "Hộ nghèo \ufffd còn 8,9%."  # one character for one: offsets hold
    assert codes(docs) == [[], ["bad_json"], ["bad_json"], [], []]
    assert "nested too deeply" in docs[1].errors[0].message
    assert "4300 digits" in docs[2].errors[0].message
    assert docs[3].meta.title is None  # a title that is not a string is dropped, not passed on
    assert docs[4].doc_id == "cuoi"


def _gzip_broken_after(records: list[bytes]) -> bytes:
    """A .gz whose deflate stream holds `records`, then an invalid block (zlib.error)."""
    import struct
    import zlib

    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = comp.compress(b"".join(records)) + comp.flush(zlib.Z_FULL_FLUSH)
    header = b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + b"\x00\xff"
    return header + body + b"\xff\xff\xff\xff"  # BTYPE 11: "invalid block type"


def test_jsonl_gz_that_breaks_mid_stream_keeps_what_was_read(tmp_path: Path):
    import random

    rnd = random.Random(7)  # varied text: the good part must span several read buffers
    records = []
    for i in range(400):
        words = " ".join(f"hộ{rnd.randint(0, 10**6)}" for _ in range(150))
        line = json.dumps({"id": f"tin-{i}", "text": f"Xã Lục Bình: {words}."}, ensure_ascii=False)
        records.append((line + "\n").encode())
    path = tmp_path / "hong.jsonl.gz"
    path.write_bytes(_gzip_broken_after(records))
    docs = list(iter_documents([path]))
    *good, last = docs
    assert len(good) >= 100  # what was read before the damage is kept …
    assert [d.doc_id for d in good] == [f"tin-{i}" for i in range(len(good))]
    assert not any(d.errors for d in good)
    assert last.doc_id == f"hong:{len(good) + 1}"  # … then one error record
    assert codes([last]) == [["unreadable"]]
    assert "invalid block type" in last.errors[0].message


def test_file_name_that_is_not_utf8_is_read(tmp_path: Path):
    import os

    name = os.fsdecode(b"b\xe1o-c\xe1o.txt")  # Latin-1 bytes: not UTF-8
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    [doc] = iter_documents([tmp_path])
    assert not doc.errors and doc.text == ARTICLE
    assert doc.doc_id == "b\\xe1o-c\\xe1o"
    assert doc.source.endswith("b\\xe1o-c\\xe1o.txt")
    doc.doc_id.encode("utf-8")  # writable


def test_empty_jsonl_and_warc_give_one_error_record_each(tmp_path: Path):
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n\n  \n")
    (tmp_path / "c.warc").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(b"")
    docs = list(iter_documents([tmp_path]))
    assert [d.doc_id for d in docs] == ["a", "b", "c", "d"]
    assert codes(docs) == [["empty"]] * 4


def test_gzip_that_is_not_a_warc(tmp_path: Path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress("Tỷ lệ hộ nghèo còn 8,9%.\n".encode() * 50))
    [doc] = iter_documents([path])
    assert codes([doc]) == [["not_warc"]]


def _random_page(seed: int) -> bytes:
    import random

    rnd = random.Random(seed)  # random words: they compress badly, so a cut falls inside
    words = ["hộ", "nghèo", "giảm", "xã", "huyện", "Mèo", "Vạc", "năm", "thôn", "vốn"]
    body = " ".join(f"{rnd.choice(words)}{rnd.randint(0, 999)}" for _ in range(2500))
    return PAGE.replace("</article>", f"<p>{body}.</p></article>").format(title="Trang").encode()


@pytest.mark.parametrize("where", ["payload", "header"])
def test_truncated_warc_gz_does_not_pass_its_cut_record_as_an_article(tmp_path: Path, where):
    whole = tmp_path / "whole.warc.gz"
    pages = [(f"https://baodientu.vn/{i}", _random_page(i), "text/html") for i in range(3)]
    _write_warc(whole, pages)
    data = whole.read_bytes()
    from warcio.archiveiterator import ArchiveIterator

    with whole.open("rb") as fh:
        it = ArchiveIterator(fh)
        starts = []
        for _ in it:
            starts.append(it.get_record_offset())
    last = starts[2]  # the third page
    cut = last + (len(data) - last) // 3 if where == "payload" else last + 30
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:cut])
    docs = list(iter_documents([path]))
    assert [d.meta.url for d in docs[:2]] == ["https://baodientu.vn/0", "https://baodientu.vn/1"]
    assert codes(docs) == [[], [], ["truncated"]]


# --------------------------------------------------------------------------- walking folders


def test_walk_reports_every_path_that_gives_no_document(tmp_path: Path, monkeypatch):
    import os

    root = tmp_path / "bao"
    (root / "tin").mkdir(parents=True)
    (root / "tin" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "tin" / "vong").symlink_to(root)  # a loop back to the top
    (root / "gay.txt").symlink_to(tmp_path / "da-xoa.txt")  # dangling, looks like a document
    (root / "gay.png").symlink_to(tmp_path / "da-xoa.png")  # dangling, not a document
    os.mkfifo(root / "ong.txt")  # opening it would block forever
    (root / ".nhap.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "khoa").mkdir()
    (root / "khoa" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "out.jsonl").write_text('{"id": "x", "text": "ket qua cu"}\n', encoding="utf-8")

    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("khoa"):  # root ignores permissions: simulate chmod 000
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped: list[tuple[str, str]] = []
    docs = list(
        iter_documents(
            [root],
            on_skip=lambda p, why: skipped.append((p.name, why)),
            exclude=[root / "out.jsonl"],
        )
    )
    assert [(d.doc_id, [e.code for e in d.errors]) for d in docs] == [
        ("gay", ["not_found"]),
        ("bao/khoa", ["unreadable"]),
        ("ong", ["not_regular"]),
        ("a", []),
    ]
    assert sorted(skipped) == sorted(
        [
            (".nhap.txt", SKIP_HIDDEN),
            ("gay.png", SKIP_DANGLING),
            ("out.jsonl", SKIP_OUTPUT),
            ("vong", SKIP_LOOP),
        ]
    )
