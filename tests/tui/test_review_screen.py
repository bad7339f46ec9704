"""The review screen driven through Pilot, as a reviewer would use it."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from support import SAMPLE
from tui_helpers import GatedRenderer, cell, status, wait_until

from review.document import load_document
from review.replay import replay
from review.store import default_log_path
from review.tui.screens.export import ExportScreen
from review.tui.screens.help import HelpScreen
from review.tui.widgets.editor import SegmentEditor

SIZE = (150, 45)


async def test_french_is_on_screen_before_the_engine_finishes(open_app, tiny_marian: Path) -> None:
    renderer = GatedRenderer(str(tiny_marian))
    app = open_app(renderer=renderer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cell(app, "p1s1", "french").startswith("Iran et le Pakistan accusent")
        assert cell(app, "p1s1", "english") in {"…", "waiting for the model…"}
        assert "loading" in status(app) or "English: 0/" in status(app)
        renderer.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert cell(app, "p1s1", "english") not in {"…", "waiting for the model…", ""}
        assert "16/16" in status(app)


async def test_move_edit_save_undo_quit_and_reopen(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("j", "j", "k")
        assert app.segment.id == "p2s1"
        await pilot.press("k", "e")
        editor = app.query_one(SegmentEditor)
        assert editor.original.startswith("Iran et le Pakistan accusent")
        area = editor.query_one("#editor-text")
        area.text = "L'Iran et le Pakistan conviennent de renforcer leur coopération"
        await pilot.press("ctrl+t", "ctrl+r", "ctrl+r", "ctrl+r", "enter")
        await pilot.pause()
        assert not app.editing
        assert cell(app, "p1s1", "french") == "L'Iran et le Pakistan conviennent de renforcer leur coopération"
        assert "1 corrected" in status(app)
        await app.workers.wait_for_complete()
        # edit the next segment, then undo it
        await pilot.press("j", "e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "Phrase remplacée."
        await pilot.press("ctrl+s")
        assert "2 corrected" in status(app)
        await pilot.press("u")
        assert "1 corrected" in status(app)
        assert cell(app, "p2s1", "french").startswith("JAKARTA - L'Iran")
        await pilot.press("j", "j", "q")
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {"p1s1": "L'Iran et le Pakistan conviennent de renforcer leur coopération"}
    assert state.history[0].category == "accuracy/mistranslation"
    assert state.history[0].severity == "critical"
    assert state.position == "p4s1"

    reopened = open_app()
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cell(reopened, "p1s1", "french").startswith("L'Iran et le Pakistan conviennent")
        assert reopened.segment.id == "p4s1"  # where the reviewer left off
        assert "1 corrected" in status(reopened)


async def test_escape_cancels_an_edit(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "Ne pas garder."
        await pilot.press("escape")
        assert not app.editing
        assert cell(app, "p1s1", "french").startswith("Iran et le Pakistan accusent")
    assert not default_log_path(article).exists() or "Ne pas garder" not in default_log_path(article).read_text()


async def test_export_after_edits(open_app, article: Path, tmp_path: Path) -> None:
    app = open_app()
    target = tmp_path / "corrected.txt"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "Titre corrigé"
        await pilot.press("enter", "x")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)  # the export runs in a worker
    original = SAMPLE.read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "Titre corrigé" + original[original.index("\n\nJAKARTA"):]
    assert article.read_bytes() == SAMPLE.read_bytes()


async def test_missing_model_still_shows_the_french(open_app) -> None:
    app = open_app(model="Helsinki-NLP/opus-mt-xx-yy")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "unavailable" in status(app))
        assert cell(app, "p1s1", "french").startswith("Iran et le Pakistan accusent")
        assert "unavailable" in status(app)
        messages = [str(notification.message) for notification in app._notifications]
        assert any("review models pull Helsinki-NLP/opus-mt-xx-yy" in message for message in messages)


async def test_help_lists_the_keys(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {keys for _, keys, _ in app.screen.rows()}
        assert {"e", "u", "x", "q", "n", "i", "down,j", "1 … 9", "?"} <= described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_read_only_session_refuses_edits(open_app, article: Path) -> None:
    app = open_app(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert not app.editing
        assert "read-only" in status(app)
    assert not default_log_path(article).exists()


async def test_commands_are_in_the_palette(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
    assert {"Edit segment", "Undo", "Redo", "Dismissed flags", "Export", "Next flag", "Dismiss flag"} <= titles


async def test_english_arriving_under_a_modal_fills_the_rows(open_app, tiny_marian: Path) -> None:
    renderer = GatedRenderer(str(tiny_marian))
    app = open_app(renderer=renderer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        renderer.gate.set()
        await wait_until(pilot, lambda: "16/16" in status(app))
        await pilot.press("escape")
        assert cell(app, app.session.segments[-1].id, "english") not in {"…", ""}


async def test_opening_with_a_local_model_makes_no_network_connection(open_app, no_network) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "16/16" in status(app))
        assert cell(app, "p1s1", "english") not in {"…", ""}
    assert no_network == []


async def test_export_format_follows_the_extension(open_app, tmp_path: Path) -> None:
    from translate.storage.tmx import tmxfile  # noqa: PLC0415

    app = open_app()
    target = tmp_path / "review.tmx"
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "16/16" in status(app))
        await pilot.press("e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "L'Iran et le Pakistan conviennent de coopérer"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.english(app.session.segments[0]) is not None)
        await pilot.press("x")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists)  # the export runs in a worker
    units = tmxfile(target.read_bytes()).units
    assert len(units) == len(app.session.segments)
    assert units[0].target == "L'Iran et le Pakistan conviennent de coopérer"
    assert units[0].source == app.session.english(app.session.segments[0])


async def test_undo_and_redo_say_what_they_did_and_when_there_is_nothing(open_app) -> None:
    app = open_app()
    notes: list[str] = []
    shown = app.notify
    app.notify = lambda message, **options: (notes.append(str(message)), shown(message, **options))[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("U")
        await pilot.press("u")
        await pilot.press("j", "e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "Phrase remplacée."
        await pilot.press("ctrl+s", "g", "u")
        assert app.segment.id == "p2s1"  # undo goes to the segment it touched
        assert app.session.text(app.segment) != "Phrase remplacée."
        await pilot.press("g", "U")
        assert app.segment.id == "p2s1"
        assert app.session.text(app.segment) == "Phrase remplacée."
        assert notes[:2] == ["nothing to redo", "nothing to undo"]
        assert any(note.startswith("undid ") and note.endswith("· U redoes") for note in notes)
        assert any(note.startswith("redid ") for note in notes)


async def test_undoing_check_marks_says_which_way_each_went(open_app) -> None:
    app = open_app()
    notes: list[str] = []
    shown = app.notify
    app.notify = lambda message, **options: (notes.append(str(message)), shown(message, **options))[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "space", "space", "u", "u")
        await pilot.pause()
    undone = [note.split(" · ")[0] for note in notes if note.startswith("undid ")]
    assert undone == ["undid the unchecking of p2s1", "undid the check mark of p2s1"]


async def test_kill_quits_like_q_and_saves_the_position(open_app, article: Path) -> None:
    killed: list[int] = []
    caller = signal.signal(signal.SIGTERM, lambda number, _frame: killed.append(number))  # never kills the tests
    try:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("j", "j")
            os.kill(os.getpid(), signal.SIGTERM)
            await wait_until(pilot, lambda: not app.is_running)
        assert killed == []  # the screen took the signal, not the handler it replaced
        assert app.return_code == 0
        assert replay(default_log_path(article), load_document(article)).position == "p3s1"
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # the caller's handler is back
    finally:
        signal.signal(signal.SIGTERM, caller)


async def test_an_existing_file_is_replaced_only_on_a_second_enter(open_app, tmp_path: Path) -> None:
    target = tmp_path / "delivered.txt"
    target.write_text("the version sent to the client\n", encoding="utf-8")
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # asked, not written
        assert "delivered.txt exists: enter again replaces it" in str(app.screen.query_one("#export-question").render())
        assert target.read_text(encoding="utf-8") == "the version sent to the client\n"
        await pilot.press("enter")
        await wait_until(pilot, lambda: target.read_text(encoding="utf-8") != "the version sent to the client\n")
        target.write_text("edited by hand after the export\n", encoding="utf-8")
        await pilot.press("x")  # a file this session wrote is written again without asking
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: target.read_text(encoding="utf-8") != "edited by hand after the export\n")
        assert not isinstance(app.screen, ExportScreen)
