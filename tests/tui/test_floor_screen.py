"""``review open --min-confidence``: the screen shows the flags of the floor its command line chose."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import wait_until

from review.cli import build_parser
from review.commands.common import workbench
from review.tui.app import make_app

SIZE = (150, 45)
pytestmark = pytest.mark.slow

ANGLICISM = "L'entreprise va finaliser le contrat demain.\n"  # the lexicon's « finaliser », confidence 0.25


@pytest.mark.parametrize(("floor", "shown"), [([], []), (["--min-confidence", "0.25"], ["finaliser"])],
                         ids=["default", "lowered"])
async def test_the_screen_flags_with_the_floor_of_its_command_line(tmp_path: Path, tiny_marian: Path,
                                                                   floor: list[str], shown: list[str]) -> None:
    article = tmp_path / "anglicism.txt"
    article.write_text(ANGLICISM, encoding="utf-8")
    args = build_parser("open").parse_args(["open", str(article), "--model", str(tiny_marian), "--read-only", *floor])
    app = make_app(workbench(args, detectors=("lexicon",), read_only=True))  # as `review open` builds it
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.flag_note == "", timeout=120)  # flagging done
        assert [flag.span_text for flag in app.session.open_flags()] == shown
