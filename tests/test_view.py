"""The review page (`vnfacts view`) and the local web app (`vnfacts serve`), without a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from vnfacts.cli import main
from vnfacts.serve import create_app
from vnfacts.view import load, render, show_value

from tests.conftest import CORPUS

SEED = CORPUS / "001_071bd52c43493f22.txt"
HOSTILE = (
    "Giảm nghèo ở Mèo Vạc <script>alert(1)</script>\n"
    "Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ). "
    '<img src=x onerror="alert(2)"> Xã Lũng Pù có 300 hộ nghèo.'
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_upload=20_000))


def test_view_writes_one_self_contained_page(tmp_path: Path, capsys):
    results = tmp_path / "out.jsonl"
    assert main(["extract", str(SEED), "-o", str(results), "-q"]) == 0
    page = tmp_path / "review.html"
    assert main(["view", str(results), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    # no network: no external script, style, font or image
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<style>" in html and "<script>" in html
    # the failing checks in red with their computation and the typo hint, in Vietnamese
    assert html.count('class="check inconsistent"') == 2
    assert "839,6 tỷ đồng" in html and "69,1 %" in html
    assert "nếu là 22,4 thì khớp" in html
    assert "tổng các phần" in html and "sum_of_parts" not in html.split("<script>")[0].split(
        "<main>"
    )[1].replace('data-status="', "")
    # the figures of failing checks are marked in the text; places and officials highlighted
    assert re.search(r'class="bad fig"[^>]*>24,4 tỷ đồng<', html)
    assert 'class="place"' in html and 'class="person"' in html
    # facts carry their evidence offsets and indicator for the page's script and filters
    assert 'data-indicator="disbursement_rate"' in html
    assert '<option value="inconsistent">không khớp</option>' in html
    capsys.readouterr()


def test_article_text_is_escaped_and_only_the_pages_script_may_run():
    record = next(load([_write(HOSTILE)]))
    html = render([record])
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=" in html
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", script_src.split()[1]]  # one hash, nothing inline
    assert script_src.split()[1].startswith("'sha256-")


def test_unresolved_places_are_marked():
    record = {
        "doc_id": "d",
        "text": "Thôn Nà Hẩu có 120 hộ nghèo.",
        "meta": {},
        "mentions": [
            {
                "type": "LOCALITY",
                "start": 0,
                "end": 10,
                "text": "Thôn Nà Hẩu",
                "code": None,
                "level": "village",
            },
        ],
        "facts": [
            {
                "indicator": "poor_households",
                "locality": {"name": "Nà Hẩu", "level": "village", "code": None},
                "value": 120,
                "unit": "households",
                "year": 2023,
                "evidence": {"start": 0, "end": 28, "text": "Thôn Nà Hẩu có 120 hộ nghèo."},
                "figure": {"start": 15, "end": 21, "text": "120 hộ"},
            }
        ],
        "checks": [],
    }
    html = render([record])
    assert 'class="place unresolved" title="chưa xác định đơn vị hành chính"' in html
    assert "(chưa xác định đơn vị hành chính)" in html


def test_values_are_written_the_vietnamese_way():
    assert show_value({"value": 1057284, "unit": "households"}) == "1.057.284 hộ"
    assert show_value({"value": 63.5, "unit": "%"}) == "63,5 %"
    assert show_value({"value": 1417300000000, "unit": "VND"}) == "1.417,3 tỷ đồng"
    assert show_value({"value": 24100000, "unit": "VND/person/year"}) == "24,1 triệu đồng/người/năm"


def test_serve_checks_a_pasted_article(client: TestClient):
    home = client.get("/")
    assert home.status_code == 200 and 'name="text"' in home.text
    assert home.headers["x-content-type-options"] == "nosniff"
    page = client.post("/check", data={"text": SEED.read_text(encoding="utf-8")})
    assert page.status_code == 200
    assert page.text.count('class="check inconsistent"') == 2
    assert "nếu là 22,4 thì khớp" in page.text
    english = client.post("/check", data={"text": SEED.read_text(encoding="utf-8"), "lang": "en"})
    assert "22,4 would fit both" in english.text and "sum of the parts" in english.text


def test_serve_reads_an_uploaded_html_file(client: TestClient):
    html = (
        "<html><head><title>Mèo Vạc giảm nghèo</title></head><body><article><h1>Mèo Vạc giảm nghèo</h1>"
        "<p>Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ). "
        "Công tác giảm nghèo của huyện được các cấp, các ngành quan tâm chỉ đạo sát sao.</p>"
        "</article></body></html>"
    )
    page = client.post("/check", files={"file": ("bai.html", html.encode("utf-8"), "text/html")})
    assert page.status_code == 200
    assert 'class="check inconsistent"' in page.text and "mức tăng, giảm" in page.text


def test_serve_escapes_article_text(client: TestClient):
    page = client.post("/check", data={"text": HOSTILE})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_serve_refuses_what_it_should_with_a_clear_message(client: TestClient):
    big = client.post("/check", data={"text": "Giảm nghèo. " * 5000})
    assert big.status_code == 413 and "giới hạn là 20000 byte" in big.text
    big_file = client.post("/check", files={"file": ("a.txt", b"x" * 30_000, "text/plain")})
    assert big_file.status_code == 413
    wrong = client.post("/check", files={"file": ("a.pdf", b"%PDF-1.4", "application/pdf")})
    assert wrong.status_code == 400 and "Chỉ nhận tệp .txt, .html" in wrong.text
    url = client.post("/check", data={"text": "https://baochinhphu.vn/giam-ngheo.htm"})
    assert url.status_code == 400 and "không tự tải trang web" in url.text
    empty = client.post("/check", data={"text": "   "})
    assert empty.status_code == 400


def test_serve_listens_on_loopback_by_default():
    from vnfacts.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


def test_view_exit_status_on_bad_input(tmp_path: Path, capsys):
    assert main(["view", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert main(["view", str(SEED), "-o", str(tmp_path)]) == 2  # a directory
    capsys.readouterr()


def _write(text: str) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = folder / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_records_without_text_read_it_back_from_the_source(tmp_path: Path, capsys):
    results = tmp_path / "out.jsonl"
    assert main(["extract", str(SEED), "-o", str(results), "-q"]) == 0
    [record] = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert "text" not in record  # extract leaves plain text out of its records
    [loaded] = list(load([results]))
    assert loaded["text"] == SEED.read_text(encoding="utf-8")
    capsys.readouterr()
