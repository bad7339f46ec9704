"""The review screen keeps full collections away from the keys and hands the collector back on exit."""

from __future__ import annotations

import gc


async def test_the_screen_defers_full_collections_and_restores_them(open_app) -> None:
    before = gc.get_threshold()
    app = open_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[2] >= 1000
        assert gc.get_freeze_count() > 0
        stamp = app.pauses.last_key
        await pilot.press("j")
        assert app.pauses.last_key > stamp
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
