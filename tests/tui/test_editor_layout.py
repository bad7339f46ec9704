"""The editor saves what the reviewer changed, and only that: a hard-wrapped paragraph keeps its lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import status

from review.document import load_document
from review.replay import replay
from review.store import default_log_path
from review.tui.widgets.editor import SegmentEditor, saved_text

SIZE = (150, 45)
WRAPPED = ("Iran et le Pakistan accusent de renforcer\nleur coopération en matière de sécurité\n\n"
           "Les ministres des Affaires étrangères\ndes deux pays ont eu des pourparlers.\n")


@pytest.mark.parametrize(
    ("typed", "loaded", "saved"),
    [
        pytest.param("Une phrase.", "Une phrase.", "Une phrase.", id="untouched"),
        pytest.param("Une\nphrase.", "Un phrase.", "Une phrase.", id="pasted-break-in-a-one-line-segment"),
        pytest.param("Une  \n\n  phrase. ", "Un phrase.", "Une phrase.", id="pasted-blank-line"),
        pytest.param("Ligne un\nligne deux.", "Ligne un\nligne 2.", "Ligne un\nligne deux.", id="wrapped-lf"),
        pytest.param("Ligne un\r\nligne deux.", "Ligne un\r\nligne 2.", "Ligne un\r\nligne deux.", id="wrapped-crlf"),
        pytest.param("Ligne un\n\nligne deux.", "Ligne un\r\nligne 2.", "Ligne un\r\nligne deux.",
                     id="blank-line-closed"),
    ],
)
def test_saved_text(typed: str, loaded: str, saved: str) -> None:
    assert saved_text(typed, loaded) == saved


async def test_saving_an_untouched_wrapped_paragraph_logs_nothing(open_app, article: Path) -> None:
    article.write_text(WRAPPED, encoding="utf-8")
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "enter")
        await pilot.pause()
        assert not app.editing
        assert "0 corrected" in status(app)
    log = default_log_path(article)
    assert not log.exists() or '"correction"' not in log.read_text(encoding="utf-8")


async def test_an_edit_of_a_wrapped_paragraph_keeps_its_line_break(open_app, article: Path) -> None:
    article.write_text(WRAPPED, encoding="utf-8")
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        area = app.query_one(SegmentEditor).query_one("#editor-text")
        area.text = area.text.replace("accusent", "conviennent")
        await pilot.press("enter")
        await pilot.pause()
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {"p1s1": WRAPPED.split("\n\n", maxsplit=1)[0].replace("accusent", "conviennent")}


async def test_on_a_short_terminal_the_text_being_edited_stays_on_screen(open_app) -> None:
    app = open_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.press("j", "j", "e")  # the sample's third segment: eight lines of French at this width
        await pilot.pause()
        area = app.query_one(SegmentEditor).query_one("#editor-text").region
        visible = area.intersection(app.screen.region)
        assert visible.height >= 3


async def test_the_panels_fit_the_new_size_after_a_resize(open_app) -> None:
    from review.tui.widgets.flag_panel import FlagPanel  # noqa: PLC0415

    app = open_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        small = (app.query_one(FlagPanel).styles.max_height, app.query_one("#editor-original").styles.max_height)
        await pilot.resize_terminal(120, 45)
        await pilot.pause()
        await pilot.pause()
        large = (app.query_one(FlagPanel).styles.max_height, app.query_one("#editor-original").styles.max_height)
    assert [scalar.value for scalar in small] == [4, 2]
    assert [scalar.value for scalar in large] == [14, 10]
