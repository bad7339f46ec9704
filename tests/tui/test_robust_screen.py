"""The screen on a full disk and with hostile text: every failed write said and survived, controls shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_helpers import cell, status

from review.document import load_document
from review.flags import FlagOptions
from review.replay import replay
from review.store import ReviewLog, default_log_path
from review.tui.app import make_app
from review.tui.widgets.editor import SegmentEditor
from review.workbench import Workbench

SIZE = (140, 40)
FULL = Path("/dev/full")  # every write to it fails with ENOSPC, as on a full disk


def notes(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_full_disk_is_said_and_survived(article: Path, tiny_marian: Path) -> None:
    log = ReviewLog(default_log_path(article))
    log.acquire()
    try:
        app = make_app(Workbench.of(load_document(article), log, options=FlagOptions(model=str(tiny_marian)),
                                    detectors=()))
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("e")
            app.query_one(SegmentEditor).query_one("#editor-text").text = "Titre enregistré."
            await pilot.press("ctrl+s")
            assert "1 corrected" in status(app)
            log.path = FULL  # the disk fills up
            await pilot.press("j", "space")
            assert "✓" not in cell(app, "p2s1", "flags")
            assert any("checked mark was NOT saved" in note and "No space left" in note for note in notes(app))
            await pilot.press("u")
            assert "1 corrected" in status(app)  # the undo did not happen, and the screen says so
            assert any("undo was NOT saved" in note for note in notes(app))
            await pilot.press("e")
            app.query_one(SegmentEditor).query_one("#editor-text").text = "Jamais écrit."
            await pilot.press("ctrl+s")
            assert app.editing  # the editor stays open with the text, so nothing typed is lost
            assert any("not saved" in note for note in notes(app))
            await pilot.press("escape")
            await pilot.press("q")
        assert app.return_code == 0
    finally:
        log.path = default_log_path(article)
        log.release()
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {"p1s1": "Titre enregistré."}
    assert state.problems == ()


async def test_control_characters_are_shown_not_obeyed(article: Path, tiny_marian: Path) -> None:
    article.write_text("Titre \x1b]0;PIRATE\x07 et \x1b[31mrouge\x1b[0m.\n\nDeuxième phrase ici.\n", encoding="utf-8")
    log = ReviewLog(default_log_path(article))
    log.acquire()
    try:
        app = make_app(Workbench.of(load_document(article, source_lang="fr"), log,
                                    options=FlagOptions(model=str(tiny_marian)), detectors=()))
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            french = cell(app, "p1s1", "french")
            assert "\x1b" not in french
            assert "\x07" not in french
            assert "␛]0;PIRATE␇" in french
            for static in app.query(Static):
                assert "\x1b" not in str(static.content)
    finally:
        log.release()
