"""The checks that read the English run again when it was not all in while they ran: the screen ends up
with the flags `review export` lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import GatedRenderer, wait_until

SIZE = (150, 45)
pytestmark = pytest.mark.slow
# a paragraph no earlier test has rendered, so its English waits for the gated model, not the cache
LATE = "Le 12 février, 3 400 agriculteurs ont manifesté à Lahore."


def _key(flag) -> tuple[str, int, int, str]:  # type: ignore[no-untyped-def]
    return flag.segment_id, flag.start, flag.end, flag.message


def _against_english(flags) -> set[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    return {_key(flag) for flag in flags if "English rendering" in flag.message}


async def test_checks_against_the_english_run_again_once_it_is_all_in(open_app, article: Path,
                                                                      tiny_marian: Path) -> None:
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{LATE}\n", encoding="utf-8")
    renderer = GatedRenderer(str(tiny_marian))
    app = open_app(detectors=None, renderer=renderer)
    async with app.run_test(size=SIZE) as pilot:
        late = app.session.segments[-1].id
        await wait_until(pilot, lambda: app.session.flags and "offline" not in app.flagging, timeout=120)
        assert not app.english_complete
        assert app.english_stale  # the numbers were checked against part of the English
        assert not {key for key in _against_english(app.session.flags) if key[0] == late}
        renderer.gate.set()
        await wait_until(pilot, lambda: app.english_complete and not app.flagging and not app.english_stale,
                         timeout=120)
        shown = {_key(flag) for flag in app.flags_by_kind["offline"]}
        exported = app.bench.export_flags()
        assert {key for key in _against_english(exported) if key[0] == late}  # the late English has such a check
        assert shown == {_key(flag) for flag in exported}


async def test_no_second_run_when_the_english_was_in_before_the_checks(open_app) -> None:
    app = open_app(detectors=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.english_complete, timeout=120)
        runs = app.flag_run
        await wait_until(pilot, lambda: app.session.flags and not app.flagging, timeout=120)
        if runs == app.flag_run:  # the English was in before the checks that read it: one run was enough
            assert not app.english_stale
        shown = {_key(flag) for flag in app.flags_by_kind["offline"]}
        assert shown == {_key(flag) for flag in app.bench.export_flags()}
