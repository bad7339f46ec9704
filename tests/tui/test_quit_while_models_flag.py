"""Quitting while a model detector works through a long article stops it after its current chunk."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui_helpers import wait_until

SIZE = (150, 45)
SENTENCES = 6_000


async def test_quit_leaves_the_rest_of_the_article_unflagged(open_app, article: Path, tiny_camembert: Path) -> None:
    article.write_text("\n\n".join(f"Le ministre numéro {number} a parlé hier soir." for number in range(SENTENCES)),
                       encoding="utf-8")
    app = open_app(detectors=("fluency",), settings={"fluency_model": str(tiny_camembert)})
    cache = None
    async with app.run_test(size=SIZE) as pilot:
        flagger = app.bench.flagger
        assert flagger is not None
        cache = flagger.cache
        await wait_until(pilot, lambda: any(key[0] == "fluency" for key in list(cache)), timeout=120)
        app.exit()
        await asyncio.sleep(0)
    # thread workers run in the loop's default executor: shutting it down waits for what they still do
    await asyncio.get_running_loop().shutdown_default_executor()
    flagged = sum(1 for key in list(cache) if key[0] == "fluency")
    assert 0 < flagged < SENTENCES // 2
