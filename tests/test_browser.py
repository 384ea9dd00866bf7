"""A real browser on `vnfacts serve`: Debian's headless Chromium driven by Playwright
(through `executable_path`; Playwright never downloads a browser here).

It pastes seed 001, sees its two inconsistent checks highlighted in red, clicks a fact
and sees its sentence, checks that an article holding `<script>alert(1)</script>` runs
no script, and saves the screenshot the README shows (docs/review.png).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

CHROMIUM = Path(os.environ.get("VNFACTS_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOT = ROOT / "docs" / "review.png"
FLAGS = [
    "--no-sandbox",  # Chromium refuses to run as root with its sandbox
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
HOSTILE = (
    "Giảm nghèo ở Mèo Vạc <script>alert(1)</script>\n"
    "Năm 2023, huyện Mèo Vạc đã giảm 1.350 hộ nghèo (từ 6.410 hộ xuống còn 5.160 hộ). "
    '<img src=x onerror="alert(2)"><script>window.__pwned = 1</script>'
)


def _chromium() -> Path:
    """The system's Chromium, installed by the set-up script when missing."""
    if not CHROMIUM.exists():
        subprocess.run(
            ["bash", str(ROOT / "scripts" / "install-chromium.sh")], timeout=600, check=False
        )
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing and could not be installed (needs root and apt-get)")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`vnfacts serve` on a free loopback port, started and stopped here (bounded waits)."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnfacts.cli", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"vnfacts serve did not start: {err[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    chromium = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), headless=True, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


def _check(page, url: str, text: str) -> None:
    page.goto(url + "/")
    page.fill("#article", text)
    page.click("#submit")
    page.wait_for_selector("#summary")


def test_seed_001_in_a_real_browser(server: str, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _check(page, server, (CORPUS / "001_071bd52c43493f22.txt").read_text(encoding="utf-8"))

    bad = page.locator("li.check.inconsistent")
    assert bad.count() == 2
    assert "tổng các phần" in bad.nth(0).inner_text()
    assert "nếu là 22,4 thì khớp" in bad.nth(0).inner_text()
    # highlighted in red: the card's border and the figures in the text
    assert bad.nth(0).evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(179, 38, 30)"
    assert page.locator(".text .fig.bad", has_text="24,4 tỷ đồng").count() == 1

    # click the fact "tỷ lệ giải ngân 63,5 %": its sentence lights up and is shown
    row = page.locator("tr.fact", has_text="63,5 %")
    row.click()
    evidence = page.locator(".evidence-text").inner_text()
    assert "Ngân sách địa phương giải ngân 24,4 tỷ đồng, đạt 63,5% kế hoạch" in evidence
    lit = " ".join(page.locator(".text .lit").all_inner_texts())
    assert "24,4 tỷ đồng" in lit and "63,5%" in lit
    assert "Lê Văn Lương" not in lit  # only that sentence

    # the filter by status hides the consistent checks
    page.select_option("#filter-status", "inconsistent")
    assert page.locator("li.check.consistent:visible").count() == 0
    assert page.locator("li.check.inconsistent:visible").count() == 2
    page.select_option("#filter-status", "")
    row.click()
    page.locator("li.check.inconsistent").nth(0).scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    assert dialogs == []
    page.close()


def test_an_article_with_a_script_runs_no_script(server: str, browser):
    page = browser.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _check(page, server, HOSTILE)
    page.wait_for_timeout(300)  # give an injected handler (img onerror) its chance to fire
    assert dialogs == []
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img").count() == 0
    # the text is shown as text
    assert "<script>alert(1)</script>" in page.locator(".text").inner_text()
    assert page.locator("li.check.inconsistent").count() == 1
    page.close()
