"""What a reviewer types into the go-to and export dialogs never crashes the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.tui.screens.export import ExportScreen
from review.tui.screens.goto import GoToScreen

SIZE = (150, 45)


@pytest.mark.parametrize("typed", ["-", "+", "1e3", "٣"], ids=["minus", "plus", "exponent", "arabic-digit"])
async def test_go_to_refuses_what_is_no_segment_number(open_app, typed: str) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        assert isinstance(app.screen, GoToScreen)
        app.screen.query_one("#goto-number").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoToScreen)  # still asking: nothing crashed, nothing moved
        assert app.segment.id == "p1s1"
        await pilot.press("escape")
        await pilot.press("colon", "3", "enter")
        await pilot.pause()
        assert app.segment.id == app.session.segments[2].id


@pytest.mark.parametrize(("typed", "said"), [("~nosuchuser-review/x.txt", "names no home folder"),
                                             ("{folder}", "is a folder: add a file name")],
                         ids=["unknown-user", "a-folder"])
async def test_export_dialog_says_what_is_wrong_with_the_path(open_app, article: Path, typed: str, said: str) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = typed.replace("{folder}", str(article.parent))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert said in str(app.screen.query_one("#export-question").render())
