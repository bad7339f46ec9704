"""Once every segment has its English, the screen's rule flags are those `review export` lists."""

from __future__ import annotations

from tui_helpers import wait_until

SIZE = (150, 45)


def _key(flag) -> tuple[str, int, int, str]:  # type: ignore[no-untyped-def]
    return flag.segment_id, flag.start, flag.end, flag.message


async def test_the_checks_that_read_the_english_run_again_once_it_is_all_in(open_app) -> None:
    app = open_app(detectors=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "✓" in app.progress_text, timeout=120)
        for _ in range(3):  # the run the English started, and whatever it queued
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
        shown = {_key(flag) for flag in app.flags_by_kind.get("offline", [])}
        exported = {_key(flag) for flag in app.bench.export_flags()}
        assert any("English rendering" in key[3] for key in exported)  # the sample has such checks to lose
        assert shown == exported
