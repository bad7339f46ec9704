"""Keys typed in a burst go where the reviewer meant them: into the editor or dialog that the first key opened.

A terminal delivers a fast typist's keys together; the test posts them the same
way, all at once, before the app has handled the first one.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from tui_helpers import cell, status, wait_until

from review.document import load_document
from review.replay import replay
from review.store import default_log_path
from review.tui.app import ReviewApp
from review.tui.screens.export import ExportScreen

SIZE = (150, 45)
NAMED = {" ": "space", "?": "question_mark"}


def burst(app: ReviewApp, keys: list[str]) -> None:
    """Queue every key at once, as a terminal does when they arrive together."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(NAMED.get(key, key), character))


async def test_letters_typed_right_after_e_are_the_editor_s(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = cell(app, "p1s1", "french")
        burst(app, ["e", " ", "a", "i", "u", "j", "x", "q", "ctrl+s"])
        await wait_until(pilot, lambda: "1 corrected" in status(app), timeout=20)
        assert cell(app, "p1s1", "french") == f"{original} aiujxq"
        assert app.segment.id == "p1s1"  # j moved nothing
        assert not app.editing
        assert app.screen is app.main  # x opened no export dialog
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {"p1s1": f"{original} aiujxq"}
    assert not state.dismissed


async def test_every_burst_of_edits_keeps_every_character(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected = {}
        for number, word in enumerate(["un", "deux", "trois", "quatre", "cinq"]):
            segment = app.segment
            expected[segment.id] = f"{cell(app, segment.id, 'french')} {word}"
            burst(app, ["e", " ", *word, "enter", "j"])
            await wait_until(pilot, lambda n=number: f"{n + 1} corrected" in status(app), timeout=20)
        await wait_until(pilot, lambda: app.current == 5, timeout=20)
    assert replay(default_log_path(article), load_document(article)).texts == expected


async def test_keys_typed_while_a_dialog_opens_never_reach_the_list(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, ["x", "j", "u", "i", "a", "e"])
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), timeout=20)
        await pilot.pause()
        assert app.current == 0
        assert not app.editing
        await pilot.press("escape")
        assert app.screen is app.main
    assert not default_log_path(article).exists() or not replay(default_log_path(article),
                                                                load_document(article)).texts
