"""``review serve`` in a real headless browser: Debian's chromium driven by Playwright.

textual.js draws the terminal into a canvas, so there is no text in the page to read.
The test reads xterm.js's own screen buffer instead (what the canvas shows): when the
browser fetches textual.js, one statement is added that keeps the page's terminal objects
in ``window.reviewTerminals``.  Nothing else of the page is changed.

Skipped with the reason when Playwright, textual-serve or chromium is missing
(``.ci/run`` installs chromium with apt where it can).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from review.document import load_document
from review.errors import LogLocked
from review.replay import replay
from review.store import ReviewLog, default_log_path

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'")
pytest.importorskip("textual_serve", reason="textual-serve is not installed: pip install -e '.[serve]'")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium): browser tests skipped",
                allow_module_level=True)

SAMPLE = Path(__file__).parents[2] / "seeds" / "iran-pakistan.fr.txt"
TIMEOUT_MS = 60_000
ADDED = " Corrigé dans le navigateur."
# textual.js builds one terminal object per page and keeps no reference to it; keep one
KEEP_TERMINAL = ("t.fit(),s||t.connect()",
                 "(window.reviewTerminals=window.reviewTerminals||[]).push(t),t.fit(),s||t.connect()")
SCREEN_TEXT = """() => {
    const kept = window.reviewTerminals;
    if (!kept || !kept.length) return "";
    const terminal = kept[0].terminal, buffer = terminal.buffer.active, lines = [];
    for (let y = 0; y < terminal.rows; y++) {
        const line = buffer.getLine(buffer.viewportY + y);
        lines.push(line ? line.translateToString(true) : "");
    }
    return lines.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def article(tmp_path: Path) -> Path:
    copy = tmp_path / "articles" / SAMPLE.name
    copy.parent.mkdir()
    shutil.copyfile(SAMPLE, copy)
    return copy


def start_server(paths: list[Path], port: int) -> subprocess.Popen[bytes]:
    # No detectors and a model folder that is not there: each session shows the French at once and
    # loads no model library, so the test waits on the browser and the server, not on torch.
    no_model = paths[0].parent / "no-model" if paths[0].is_file() else paths[0] / "no-model"
    command = [sys.executable, "-m", "review", "serve", *map(str, paths), "--port", str(port),
               "--detectors", "none", "--model", str(no_model)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    # a process group of its own, as at a terminal: ctrl+c there reaches the server and its tabs alike
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            output = server.stdout.read().decode() if server.stdout else ""
            pytest.fail(f"review serve exited with {server.returncode}: {output}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.2)
        else:
            return server
    server.kill()
    pytest.fail("review serve did not listen within 30 s")


@pytest.fixture
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], timeout=TIMEOUT_MS)
        yield launched
        launched.close()


def keep_terminal(route: sync_api.Route) -> None:
    script = route.fetch().text()
    if KEEP_TERMINAL[0] not in script:
        pytest.fail("textual-serve's textual.js changed: the test cannot find where it creates the terminal")
    route.fulfill(body=script.replace(KEEP_TERMINAL[0], KEEP_TERMINAL[1]), content_type="application/javascript")


def open_page(browser: sync_api.Browser, url: str, fetched: list[str] | None = None) -> sync_api.Page:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    if fetched is not None:
        page.on("request", lambda request: fetched.append(request.url))
    page.set_default_timeout(TIMEOUT_MS)
    page.route("**/static/js/textual.js", keep_terminal)
    page.goto(url)
    return page


def wait_for_text(page: sync_api.Page, text: str) -> str:
    page.wait_for_function(f"(text) => ({SCREEN_TEXT})().includes(text)", arg=text, timeout=TIMEOUT_MS)
    screen: str = page.evaluate(SCREEN_TEXT)
    return screen


def wait_unlocked(article: Path) -> None:
    """Closing the tab quits its session, which releases the log's lock on the way out."""
    deadline = time.monotonic() + 60
    while True:
        log = ReviewLog(default_log_path(article))
        try:
            log.acquire()
        except LogLocked:
            if time.monotonic() > deadline:
                pytest.fail("the session of the closed tab still holds the lock after 60 s")
            time.sleep(0.1)
        else:
            log.release()
            return


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def test_correct_in_browser_then_reopen(browser: sync_api.Browser, article: Path) -> None:
    assert "Corrigé" not in SAMPLE.read_text(encoding="utf-8")
    assert "navigateur" not in SAMPLE.read_text(encoding="utf-8")
    port = free_port()
    server = start_server([article], port)
    try:
        fetched: list[str] = []
        page = open_page(browser, f"http://127.0.0.1:{port}/", fetched)
        wait_for_text(page, "Iran et le Pakistan accusent")
        # offline: the page, its script, its styles and its font all come from the server itself
        assert fetched
        assert [url for url in fetched if not url.startswith(f"http://127.0.0.1:{port}/")] == []
        page.locator(".textual-terminal").click()
        page.keyboard.press("j")
        page.keyboard.press("e")
        wait_for_text(page, "esc cancel")  # the editor's help line; the cursor is at the end of the French
        page.keyboard.type(ADDED)
        page.keyboard.press("Enter")
        wait_for_text(page, "1 corrected")
        page.close()
        wait_unlocked(article)

        document = load_document(article)
        state = replay(default_log_path(article), document)
        assert state.texts == {"p2s1": document.segment("p2s1").text + ADDED}

        again = open_page(browser, f"http://127.0.0.1:{port}/")
        screen = wait_for_text(again, "1 corrected")
        assert "Corrigé" in screen  # words are wrapped whole, so each word of the correction is on screen
        assert "navigateur." in screen
        again.close()
    finally:
        stop(server)


def test_second_tab_gets_the_read_only_offer(browser: sync_api.Browser, article: Path) -> None:
    other = article.with_name("autre.txt")
    shutil.copyfile(article, other)
    port = free_port()
    server = start_server([article.parent], port)
    try:
        first = open_page(browser, f"http://127.0.0.1:{port}/")
        screen = wait_for_text(first, "autre.txt")
        assert "not flagged yet" in screen
        first.locator(".textual-terminal").click()
        first.keyboard.press("j")  # the list is sorted: autre.txt, then the sample
        first.keyboard.press("Enter")
        first.wait_for_url(f"**/open/{article.name}")
        wait_for_text(first, "Iran et le Pakistan accusent")

        second = open_page(browser, f"http://127.0.0.1:{port}/open/{article.name}")
        wait_for_text(second, "look read-only")
        second.locator(".textual-terminal").click()
        second.keyboard.press("r")
        second.wait_for_url(f"**/read-only/{article.name}")
        screen = wait_for_text(second, "read-only")
        assert "Iran et le Pakistan accusent" in screen
        second.close()
        first.close()
        wait_unlocked(article)
    finally:
        stop(server)


def test_closed_tab_keeps_the_reviewers_place(browser: sync_api.Browser, article: Path) -> None:
    port = free_port()
    server = start_server([article], port)
    try:
        page = open_page(browser, f"http://127.0.0.1:{port}/")
        wait_for_text(page, "Iran et le Pakistan accusent")
        page.locator(".textual-terminal").click()
        for _ in range(3):
            page.keyboard.press("j")
        page.keyboard.press("e")  # the editor shows the current segment: the moves have landed
        wait_for_text(page, "esc cancel")
        page.keyboard.press("Escape")
        page.close()  # no q: closing the tab is how a browser session ends
        wait_unlocked(article)
        document = load_document(article)
        assert replay(default_log_path(article), document).position == document.segments[3].id
    finally:
        stop(server)


def test_ctrl_c_with_a_tab_waiting_for_the_lock(browser: sync_api.Browser, article: Path) -> None:
    """ctrl+c at the server's terminal reaches every tab too; a tab still waiting for its lock died of it."""
    port = free_port()
    server = start_server([article], port)
    try:
        with ReviewLog(default_log_path(article)):  # held by another session, as a terminal's review open would
            page = open_page(browser, f"http://127.0.0.1:{port}/")
            time.sleep(2)  # its tab is in the lock's grace wait now
            os.killpg(server.pid, signal.SIGINT)
            assert server.wait(timeout=60) == 0
            page.close()
        output = server.stdout.read().decode() if server.stdout else ""
        assert "Traceback" not in output
        assert "KeyboardInterrupt" not in output
    finally:
        stop(server)
