"""Snapshots of the reviewer's screen at 170×48 and 80×24 (pytest-textual-snapshot).

The main screen with the flag panel holding five flags (the selected one with five
suggestions), and the export dialog.  English comes from the tiny test model, so
what is pinned is the layout: where things go and what is cut, not the words.
Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest
from test_reviewer_screen import five_suggestions, given_flags
from tui_helpers import status, wait_until

from review.tui.screens.export import ExportScreen

SIZES = [pytest.param((170, 48), id="170x48"), pytest.param((80, 24), id="80x24")]


async def _ready(app, pilot) -> None:
    await wait_until(pilot, lambda: "16/16" in status(app), timeout=600)
    await given_flags(app, pilot, five_suggestions())
    await pilot.press("n", "n")  # the flag with five suggestions
    await wait_until(pilot, lambda: app.suggestion_english.get(app.flag_cursor.id), timeout=600)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_flag_panel_with_five_suggestions(snap_compare, open_app, size) -> None:
    app = open_app()
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: _ready(app, pilot))


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, open_app, size) -> None:
    app = open_app()

    async def run_before(pilot) -> None:
        await wait_until(pilot, lambda: "16/16" in status(app), timeout=600)
        await pilot.press("x")
        field = app.screen.query_one("#export-path")
        assert isinstance(app.screen, ExportScreen)
        field.value = "iran-pakistan.reviewed.tmx"  # the suggested name holds a temporary folder
        field.cursor_position = len(field.value)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
