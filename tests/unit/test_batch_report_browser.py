"""report.html in a real browser: Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_support import ARTICLES, write_articles

from review.batch.inputs import collect
from review.batch.job import ArticleChecker, BatchOptions, make_task
from review.batch.outputs import OutDir

pytestmark = pytest.mark.slow  # parses with spaCy

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    base = tmp_path_factory.mktemp("report")
    folder = write_articles(base / "in", bad=True)
    options = BatchOptions(detectors=("lexicon", "grammar", "spelling", "typography", "language", "consistency"),
                           model="Helsinki-NLP/opus-mt-fr-en", english=False)
    checker = ArticleChecker(options)
    results = [checker.check(make_task(article, options)) for article in collect([str(folder)])]
    outdir = OutDir(base / "out")
    outdir.write_report(results, title="Wire stories <today>")
    return outdir.root / "report.html", results


def test_report_opens_in_chromium_riskiest_first(report: tuple[Path, list[dict]], tmp_path: Path) -> None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    page_path, results = report
    checked = [result for result in results if result["error"] is None]
    riskiest = max(checked, key=lambda result: result["risk"])
    assert riskiest["name"] == "risky"
    flag = riskiest["flags"][0]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(page_path.as_uri())
        assert page.title() == "Wire stories <today>"
        names = page.locator("#articles tr td:nth-child(2) a").all_inner_texts()
        assert names[0] == "risky"
        assert sorted(names) == sorted(name.removesuffix(".txt") for name in ARTICLES)
        page.locator("#articles tr td:nth-child(2) a").first.click()
        assert page.url.endswith("#a1")
        section = page.locator("#a1")
        assert section.is_visible()
        text = section.inner_text()
        assert flag["text"] in text
        assert flag["message"] in text
        assert all(suggestion in text for suggestion in flag["suggestions"])
        assert page.locator("#a1 mark").first.inner_text() == flag["text"]
        assert "could not be checked" in page.locator("body").inner_text().lower()
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=False)
        browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert requested == [page_path.as_uri()]  # self-contained: nothing else fetched


def test_one_worker_loads_the_model_once_for_every_article(tiny_marian: Path, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", bad=False)
    options = BatchOptions(detectors=("lexicon", "consistency"), model=str(tiny_marian), english=True)
    checker = ArticleChecker(options)
    results = [checker.check(make_task(article, options)) for article in collect([str(folder)])]
    assert [result["error"] for result in results] == [None] * len(ARTICLES)
    assert all(segment["english"] for result in results for segment in result["flagged"])
    assert [key.kind for key in checker.pool.loads] == ["translation"]
