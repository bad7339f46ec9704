"""The confidence floor changed from the command palette while reviewing (real app, real lexicon detector)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from tui_helpers import status, wait_until

from review.cli import build_parser
from review.commands.common import workbench
from review.flags.rank import MIN_CONFIDENCE
from review.tui.app import ReviewApp, make_app
from review.workbench import Workbench

SIZE = (150, 45)
pytestmark = pytest.mark.slow  # the lexicon parses with spaCy

# the lexicon's « finaliser » is an anglicism right a quarter of the time: confidence 0.25, under the default floor
ARTICLE = "Le contrat est prêt.\n\nL'entreprise va finaliser le contrat demain.\n"


@pytest.fixture
def bench(tmp_path: Path, tiny_marian: Path) -> Iterator[Workbench]:
    """The article opened as `review open ARTICLE --detectors lexicon` does, with a log it may write."""
    article = tmp_path / "anglicism.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = build_parser("open").parse_args(["open", str(article), "--model", str(tiny_marian)])
    opened = workbench(args, detectors=("lexicon",), read_only=False, lock=True)
    yield opened
    opened.session.log.release()


def shown(app: ReviewApp) -> list[str]:
    return [flag.span_text for flag in app.session.open_flags()]


def floor_titles(app: ReviewApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen) if command.title.startswith("Flags:")]


async def choose(app: ReviewApp, pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    """Open the palette, type ``words`` and take the first entry, as a reviewer would."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*words)
    await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
    await pilot.press("down", "enter")
    await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette))


async def flagged_with(app: ReviewApp, pilot, floor: float) -> None:  # type: ignore[no-untyped-def]
    """Wait until the flags on screen are those of a run with ``floor``."""
    assert app.flagger is not None
    await wait_until(pilot, lambda: app.flagger.options.min_confidence == floor and not app.flagging, timeout=120)


async def test_show_more_shows_the_flag_the_default_hides_and_default_hides_it_again(bench: Workbench) -> None:
    app = make_app(bench)
    async with app.run_test(size=SIZE) as pilot:
        await flagged_with(app, pilot, MIN_CONFIDENCE)
        assert shown(app) == []
        assert floor_titles(app) == ["Flags: show more (confidence ≥ 0.25)", "Flags: fewer, surer (confidence ≥ 0.5)"]
        await choose(app, pilot, "show more")
        await wait_until(pilot, lambda: shown(app) == ["finaliser"])
        assert "Flags: default (confidence ≥ 0.3)" in floor_titles(app)
        assert "Flags: show more (confidence ≥ 0.25)" not in floor_titles(app)  # the one in force is left out
        await choose(app, pilot, "default")
        await wait_until(pilot, lambda: shown(app) == [])
        assert app.flagger is not None
        assert app.flagger.options.min_confidence == MIN_CONFIDENCE


async def test_a_dismissed_flag_stays_dismissed_across_floor_changes_and_nothing_moves(bench: Workbench) -> None:
    app = make_app(bench)
    async with app.run_test(size=SIZE) as pilot:
        await flagged_with(app, pilot, MIN_CONFIDENCE)
        await choose(app, pilot, "show more")
        await wait_until(pilot, lambda: shown(app) == ["finaliser"])
        await pilot.press("n", "i")  # to the flag, and dismiss it
        assert shown(app) == []
        position, log = app.current, app.session.log.path.read_bytes()
        await choose(app, pilot, "default")
        await flagged_with(app, pilot, MIN_CONFIDENCE)
        await choose(app, pilot, "show more")
        await flagged_with(app, pilot, 0.25)
        assert shown(app) == []
        assert [flag.span_text for flag in app.dismissed_flags()] == ["finaliser"]  # raised again, still dismissed
        assert app.current == position
        assert app.segment.id == "p2s1"
        assert app.session.log.path.read_bytes() == log  # a floor is a view: nothing written


async def test_the_status_line_shows_a_floor_that_is_not_the_default(bench: Workbench) -> None:
    app = make_app(bench)
    async with app.run_test(size=SIZE) as pilot:
        await flagged_with(app, pilot, MIN_CONFIDENCE)
        assert "≥" not in status(app)
        await choose(app, pilot, "show more")
        await flagged_with(app, pilot, 0.25)
        assert "1 flags ≥0.25 open" in status(app)
        await choose(app, pilot, "default")
        await flagged_with(app, pilot, MIN_CONFIDENCE)
        assert "≥" not in status(app)
