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


@pytest.mark.parametrize(("typed", "said"), [
    ("{article}", "refusing to overwrite the article"),
    ("{log}", "refusing to overwrite the corrections log"),
    ("{other_log}", "names ending in .review.jsonl are kept for corrections logs"),
    ("{other_article}", "is an article under review"),
], ids=["the-article", "its-log", "another-articles-log", "another-article-under-review"])
async def test_export_dialog_refuses_the_reviews_own_files_where_the_name_can_be_changed(
        open_app, article: Path, typed: str, said: str) -> None:
    """Not "exists: enter again replaces it", then a refusal once the dialog has closed and the name is gone."""
    other_article = article.with_name("other.txt")
    other_article.write_text("Une autre dépêche.\n", encoding="utf-8")
    other_log = article.with_name("other.txt.review.jsonl")
    other_log.write_text('{"type": "position", "segment": "p1s1"}\n', encoding="utf-8")
    before = {path: path.read_bytes() for path in (article, other_article, other_log)}
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        log = app.session.log.path
        app.screen.query_one("#export-path").value = typed.format(article=article, log=log, other_log=other_log,
                                                                     other_article=other_article)
        for _ in range(2):  # a second enter replaces an existing file: not one of these
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            question = str(app.screen.query_one("#export-question").render())
            assert said in question
            assert "replaces it" not in question
    assert {path: path.read_bytes() for path in before} == before
