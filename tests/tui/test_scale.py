"""A 100,000-segment article on the real review screen: open, move to the end, walk flags, edit, undo, quit, reopen.

The article is generated here (numbered sentences, so every segment differs).
No model is loaded: the English worker stops at once on a missing model folder,
which the screen survives as it would for a reviewer.

The screen opens on the segments around where the reviewer starts and cuts the
rest of the article in a worker.  Most sittings here hold that worker back
(:class:`HeldBack`), so every key is pressed before the rest is cut and has to
cut what it needs itself; the last one lets it run and presses keys while it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import cell, list_on_screen, status, wait_until

from review.document import load_document
from review.flags import FlagOptions
from review.model import Category, Flag, Severity
from review.replay import replay
from review.store import ReviewLog, default_log_path
from review.tui.app import ReviewApp, make_app
from review.tui.widgets.segment_list import SegmentList
from review.workbench import Workbench

SIZE = (150, 45)
SEGMENTS = 100_000
PER_PARAGRAPH = 4
LAST = f"p{SEGMENTS // PER_PARAGRAPH}s{PER_PARAGRAPH}"
MIDDLE = f"p{SEGMENTS // PER_PARAGRAPH // 2}s2"  # segment 49,998


def sentence(number: int) -> str:
    return f"Le rapport {number} décrit la région {number % 97}."  # one line on the screen


class HeldBack(ReviewApp):
    """The review screen with its worker that cuts the rest of the article held back: keys must cut what they need."""

    def start_reading(self) -> None:
        return


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long.fr.txt"
    paragraphs = (" ".join(sentence(number) for number in range(start, start + PER_PARAGRAPH))
                  for start in range(1, SEGMENTS + 1, PER_PARAGRAPH))
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def open_long(article: Path, logs: list[ReviewLog], *, reading: bool = True) -> ReviewApp:
    for earlier in logs:
        earlier.release()
    log = ReviewLog(default_log_path(article))
    log.acquire()
    logs.append(log)
    document = load_document(article, source_lang="fr")
    options = FlagOptions(model=str(article.parent / "no-model-here"), engine="marian")
    bench = Workbench.of(document, log, options=options, detectors=())
    return make_app(bench) if reading else HeldBack(bench)


def flag_on(segment_id: str, severity: Severity = Severity.MAJOR) -> Flag:
    return Flag(segment_id=segment_id, start=3, end=10, detector="lexicon", category=Category.MISTRANSLATION.value,
                severity=severity, message="a test flag", span_text="rapport")


def rows(app: ReviewApp) -> int:
    """The rows the list holds (the segments cut so far)."""
    return len(app.query_one(SegmentList).order)


async def test_a_hundred_thousand_segments(long_article: Path) -> None:
    logs: list[ReviewLog] = []
    try:
        await first_sitting(open_long(long_article, logs, reading=False))
        state = replay(default_log_path(long_article), load_document(long_article, source_lang="fr"))
        assert set(state.texts) == {MIDDLE}
        assert state.position == f"p{SEGMENTS // PER_PARAGRAPH // 2}s3"

        await reopen_where_left(open_long(long_article, logs, reading=False), state.position)
        state = replay(default_log_path(long_article), load_document(long_article, source_lang="fr"))
        assert state.texts == {}
        assert state.position == "p18750s4"  # segment 75,000

        await read_while_reviewing(open_long(long_article, logs), state.position)
    finally:
        for log in logs:
            log.release()


async def first_sitting(app: ReviewApp) -> None:
    """Open on the first rows cut; n within them, n across the rest (it cuts it), G, edit, undo, edit, quit."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        document = app.session.document
        assert not document.fully_cut
        assert rows(app) < SEGMENTS // 100
        assert sentence(1) in list_on_screen(app)
        assert "reading 0% · " in status(app)

        app.post_message(app.FlagsReady([flag_on("p1s3"), flag_on(MIDDLE), flag_on(LAST, Severity.MINOR)], []))
        await wait_until(pilot, lambda: app.session.flags)
        assert not document.fully_cut  # flags on segments not cut yet wait for them
        await pilot.press("n")
        assert app.segment.id == "p1s3"
        assert not document.fully_cut  # found in the rows cut
        await pilot.press("n")  # no flag after p1s3 in the rows cut: the rest is cut, not skipped
        assert app.segment.id == MIDDLE
        assert document.fully_cut
        assert rows(app) == SEGMENTS
        assert "100,000 segments" in status(app)
        assert sentence(SEGMENTS // 2 - 2) in list_on_screen(app)
        await pilot.press("n")
        assert app.segment.id == LAST
        await pilot.press("n")
        assert app.segment.id == "p1s3"  # round the article

        await pilot.press("G")
        assert app.segment.id == LAST
        assert sentence(SEGMENTS) in list_on_screen(app)
        await pilot.press("k", "pageup", "pagedown", "pagedown")
        assert app.segment.id == LAST
        assert sentence(SEGMENTS) in list_on_screen(app)

        await pilot.press("N")  # from the last row, before its flag
        assert app.segment.id == MIDDLE
        assert cell(app, MIDDLE, "flags") == "1"
        await pilot.press("e", "space", "o", "k", "enter")
        await wait_until(pilot, lambda: "1 corrected" in status(app))
        assert cell(app, MIDDLE, "french").endswith(f"{(SEGMENTS // 2 - 2) % 97}. ok")
        assert f"{sentence(SEGMENTS // 2 - 2)} ok" in list_on_screen(app)
        await pilot.press("u")
        assert "0 corrected" in status(app)
        assert cell(app, MIDDLE, "french") == sentence(SEGMENTS // 2 - 2)
        await pilot.press("e", "space", "b", "i", "s", "enter")
        await wait_until(pilot, lambda: "1 corrected" in status(app))
        await pilot.press("j", "q")


async def reopen_where_left(reopened: ReviewApp, position: str | None) -> None:
    """The reopened article shows the remembered segment, cut through it only; undo reaches back; `:` jumps."""
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        document = reopened.session.document
        assert reopened.segment.id == position
        assert sentence(SEGMENTS // 2 - 1) in list_on_screen(reopened)
        assert not document.fully_cut
        assert rows(reopened) < SEGMENTS * 3 // 4
        assert "1 corrected" in status(reopened)

        await pilot.press("u")  # the correction of the last sitting, on a row before this one
        assert reopened.segment.id == MIDDLE
        assert "0 corrected" in status(reopened)
        assert cell(reopened, MIDDLE, "french") == sentence(SEGMENTS // 2 - 2)

        await pilot.press("colon", *"75000", "enter")
        assert reopened.segment.index == 74_999
        assert sentence(75_000) in list_on_screen(reopened)
        await pilot.press("q")


async def read_while_reviewing(reopened: ReviewApp, position: str | None) -> None:
    """With the worker cutting the rest: keys work at once, the rows and the status follow, then all is there."""
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "k")  # pressed as the screen opens, before the rest is cut
        assert reopened.segment.index == 75_000
        assert sentence(75_001) in list_on_screen(reopened)
        await wait_until(pilot, lambda: rows(reopened) == SEGMENTS)
        await wait_until(pilot, lambda: "100,000 segments" in status(reopened))
        assert reopened.query_one(SegmentList).number_width == len(str(SEGMENTS)) + 1
        await pilot.press("G")
        assert reopened.segment.id == LAST
        assert sentence(SEGMENTS) in list_on_screen(reopened)
        assert position is not None
        await pilot.press("q")
