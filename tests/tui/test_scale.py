"""A 100,000-segment article on the real review screen: open, move to the end, walk flags, edit, undo, quit, reopen.

The article is generated here (numbered sentences, so every segment differs).
No model is loaded: the English worker stops at once on a missing model folder,
which the screen survives as it would for a reviewer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import cell, list_on_screen, status, wait_until

from review.document import load_document
from review.flags import FlagOptions
from review.model import Category, Flag, Severity
from review.store import ReviewLog, default_log_path, replay
from review.tui.app import ReviewApp, make_app
from review.workbench import Workbench

SIZE = (150, 45)
SEGMENTS = 100_000
PER_PARAGRAPH = 4


def sentence(number: int) -> str:
    return f"Le rapport {number} décrit la région {number % 97}."  # one line on the screen


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.fr.txt"
    paragraphs = (" ".join(sentence(number) for number in range(start, start + PER_PARAGRAPH))
                  for start in range(1, SEGMENTS + 1, PER_PARAGRAPH))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def open_long(article: Path, logs: list[ReviewLog]) -> ReviewApp:
    for earlier in logs:
        earlier.release()
    log = ReviewLog(default_log_path(article))
    log.acquire()
    logs.append(log)
    document = load_document(article, source_lang="fr")
    options = FlagOptions(model=str(article.parent / "no-model-here"), engine="marian")
    return make_app(Workbench.of(document, log, options=options, detectors=()))


def flag_on(segment_id: str, severity: Severity = Severity.MAJOR) -> Flag:
    return Flag(segment_id=segment_id, start=3, end=10, detector="lexicon", category=Category.MISTRANSLATION.value,
                severity=severity, message="a test flag", span_text="rapport")


async def test_a_hundred_thousand_segments(long_article: Path) -> None:
    logs: list[ReviewLog] = []
    app = open_long(long_article, logs)
    last = f"p{SEGMENTS // PER_PARAGRAPH}s{PER_PARAGRAPH}"
    middle = f"p{SEGMENTS // PER_PARAGRAPH // 2}s2"
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert len(app.session.segments) == SEGMENTS
            assert sentence(1) in list_on_screen(app)
            assert "100000 segments" in status(app)

            await pilot.press("G")
            assert app.segment.id == last
            assert sentence(SEGMENTS) in list_on_screen(app)
            await pilot.press("k", "pageup", "pagedown", "pagedown")
            assert app.segment.id == last
            assert sentence(SEGMENTS) in list_on_screen(app)

            app.post_message(app.FlagsReady([flag_on("p1s3"), flag_on(middle), flag_on(last, Severity.MINOR)], []))
            await wait_until(pilot, lambda: app.session.flags)
            await pilot.press("g", "n")
            assert app.segment.id == "p1s3"
            await pilot.press("n")
            assert app.segment.id == middle
            assert sentence(SEGMENTS // 2 - 2) in list_on_screen(app)
            await pilot.press("n")
            assert app.segment.id == last
            await pilot.press("n")
            assert app.segment.id == "p1s3"  # round the article
            await pilot.press("N", "N")
            assert app.segment.id == middle
            assert cell(app, middle, "flags") == "1"

            await pilot.press("e", "space", "o", "k", "enter")
            await wait_until(pilot, lambda: "1 corrected" in status(app))
            assert cell(app, middle, "french").endswith(f"{(SEGMENTS // 2 - 2) % 97}. ok")
            assert f"{sentence(SEGMENTS // 2 - 2)} ok" in list_on_screen(app)
            await pilot.press("u")
            assert "0 corrected" in status(app)
            assert cell(app, middle, "french") == sentence(SEGMENTS // 2 - 2)
            await pilot.press("j", "q")
        state = replay(default_log_path(long_article), load_document(long_article, source_lang="fr"))
        assert state.texts == {}
        assert state.position == f"p{SEGMENTS // PER_PARAGRAPH // 2}s3"

        await reopen_where_left(open_long(long_article, logs), state.position)
    finally:
        for log in logs:
            log.release()


async def reopen_where_left(reopened: ReviewApp, position: str | None) -> None:
    """The reopened article shows the remembered segment, and `:` jumps by number."""
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reopened.segment.id == position
        assert sentence(SEGMENTS // 2 - 1) in list_on_screen(reopened)
        await pilot.press("colon", *"75000", "enter")
        assert reopened.segment.index == 74_999
        assert sentence(75_000) in list_on_screen(reopened)
        await pilot.press("q")
