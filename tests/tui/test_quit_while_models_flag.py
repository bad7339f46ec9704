"""Quitting while a model detector works through a long article stops it after its current chunk."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tui_helpers import wait_until

SIZE = (150, 45)
SENTENCES = 6_000
pytestmark = pytest.mark.slow


async def test_quit_leaves_the_rest_of_the_article_unflagged(open_app, article: Path, tiny_camembert: Path) -> None:
    article.write_text("\n\n".join(f"Le ministre numéro {number} a parlé hier soir." for number in range(SENTENCES)),
                       encoding="utf-8")
    app = open_app(detectors=("fluency",), settings={"fluency_model": str(tiny_camembert)})
    flagger = app.bench.flagger
    assert flagger is not None
    cache = flagger.cache

    def flagged() -> int:
        return sum(1 for key in list(cache) if key[0] == "fluency")

    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: flagged() > 0, timeout=120)
        app.exit()
    # the worker's thread may still finish the chunk it is in: wait until the count stays put for a while
    counts = [flagged()]
    for _ in range(240):
        await asyncio.sleep(0.5)
        counts.append(flagged())
        if len(counts) > 10 and counts[-1] == counts[-11]:
            break
    assert counts[-1] == counts[-11], "the detector went on flagging after the screen quit"
    assert counts[-1] < SENTENCES // 2
