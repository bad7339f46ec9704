"""Snapshots of the main screen, the flag panel and the scores screen (pytest-textual-snapshot).

Each waits for its workers (English rendering, flagging, scores) and clears the
notifications before the picture is taken, so the image depends on nothing but
the code: the tiny model's English is deterministic and no screen shows a time.
After a deliberate change to the layout, regenerate with ``pytest --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import status, wait_until

from review.document import load_document
from review.flags import FlagOptions
from review.store import ReviewLog, default_log_path
from review.tui.app import ReviewApp, make_app
from review.tui.screens.scores import ScoresScreen
from review.workbench import Workbench

SIZE = (150, 45)


async def _settled(app: ReviewApp, pilot) -> None:
    """Every worker done, the English all in, no toast left."""
    await wait_until(pilot, lambda: "16/16" in status(app), timeout=600)
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


def test_main_screen(snap_compare, open_app) -> None:
    app = open_app()

    async def settle(pilot) -> None:
        await _settled(app, pilot)
        await pilot.press("j", "j")

    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


@pytest.fixture
def with_variants(article: Path, tiny_marian: Path):
    """The app as `review open --variant A --variant B --source EN` builds it, one correction made."""
    document = load_document(article)
    texts = [segment.text for segment in document.segments]
    one, two = list(texts), list(texts)
    one[0] = one[0].replace("accusent", "conviennent")
    two[0] = two[0].replace("accusent", "s'engagent")
    two[3] = two[3].replace("ministre", "ministère")
    log = ReviewLog(default_log_path(article))
    log.acquire()
    bench = Workbench.of(document, log, options=FlagOptions(model=str(tiny_marian)), detectors=())
    yield make_app(bench, variants={"one.fr.txt": one, "two.fr.txt": two}, source=article)
    log.release()


def test_scores_screen(snap_compare, with_variants: ReviewApp) -> None:
    app = with_variants

    async def settle(pilot) -> None:
        await _settled(app, pilot)
        segment = app.session.segments[0]
        app.session.correct(segment, segment.text.replace("accusent", "conviennent"),
                            category="accuracy/mistranslation", severity="major")
        app.after_change(segment, "saved")
        await _settled(app, pilot)
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, ScoresScreen)
        await wait_until(pilot, lambda: screen.comparison is not None and screen.drift is not None
                         and all("computing" not in screen.section(name) for name in ("hter", "mqm", "drift")),
                         timeout=120)
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(150, 60), run_before=settle)
