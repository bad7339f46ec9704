"""The status line counts the English in segments: a text several segments share counts for each of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SAMPLE
from tui_helpers import GatedRenderer, status, wait_until

SEGMENTS = 32  # the sample's 16 segments, twice: 16 texts to render


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The sample twice over: every French text is shared by two segments."""
    path = tmp_path / "twice.fr.txt"
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    path.write_text(f"{sample}\n\n{sample}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("size", "before", "after"),
                         [((170, 48), f"English: 0/{SEGMENTS}", f"English: {SEGMENTS}/{SEGMENTS} ✓"),
                          ((80, 24), f"EN 0/{SEGMENTS}", f"EN {SEGMENTS}/{SEGMENTS} ✓")],
                         ids=["wide", "narrow"])
async def test_english_progress_counts_segments(open_app, tiny_marian: Path, size: tuple[int, int], before: str,
                                                after: str) -> None:
    renderer = GatedRenderer(str(tiny_marian))
    app = open_app(renderer=renderer)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: "loading" in status(app) or before in status(app))
        renderer.gate.set()
        await wait_until(pilot, lambda: after in status(app), timeout=120)
        assert len(app.session.segments) == SEGMENTS


async def test_cached_renderings_count_at_once(open_app) -> None:
    app = open_app()
    async with app.run_test(size=(170, 48)) as pilot:
        await wait_until(pilot, lambda: f"{SEGMENTS}/{SEGMENTS} ✓" in status(app), timeout=120)
    reopened = open_app()  # every text is in the rendering cache now
    async with reopened.run_test(size=(170, 48)) as pilot:
        await wait_until(pilot, lambda: f"{SEGMENTS}/{SEGMENTS} ✓" in status(reopened), timeout=30)
        assert "loading" not in status(reopened)
