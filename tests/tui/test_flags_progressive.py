"""Offline flags on a long article come to the rows on screen first, then outward, and end as review flag's.

The article is the sample repeated twenty times (320 segments); no model is
loaded, so only the offline detectors run, in the screen's own worker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import SAMPLE
from tui_helpers import status

from review.cli import main
from review.document import load_document
from review.flags import FlagOptions
from review.flags.nlp import pipeline
from review.store import ReviewLog, default_log_path
from review.tui.app import make_app
from review.workbench import Workbench

pytestmark = pytest.mark.slow  # parses with spaCy

SIZE = (150, 40)
COPIES = 20


@pytest.fixture
def long_article(tmp_path: Path) -> Path:
    path = tmp_path / "long.fr.txt"
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    path.write_text("\n\n".join([sample] * COPIES) + "\n", encoding="utf-8")
    return path


async def test_rows_on_screen_are_flagged_first_and_the_end_is_review_flags(
        long_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["flag", str(long_article), "--format", "json"]) == 0
    expected = {item["id"] for item in json.loads(capsys.readouterr().out)["flags"]}
    log = ReviewLog(default_log_path(long_article))
    log.acquire()
    try:
        options = FlagOptions(model=str(long_article.parent / "no-model-here"), engine="marian")
        app = make_app(Workbench.of(load_document(long_article), log, options=options, detectors=None))
        counts: list[tuple[int, int]] = []  # (segments flagged, of how many) as the status line said them
        first: list[set[str]] = []  # the segments with flags when the first part arrived
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(6000):
                if "offline" in app.flag_progress:
                    done, total = app.flag_progress["offline"]
                    if not counts or counts[-1] != (done, total):
                        counts.append((done, total))
                        assert f"rules flagging {done:,}/{total:,}" in status(app)
                    if not first:
                        first.append({flag.segment_id for flag in app.session.flags})
                if app.session.flags and not app.flagging:
                    break
                await pilot.pause(0.02)
            assert not app.flagging, "the offline flags never finished"
            assert counts, "no partial flags came before the whole article was done"
            done, total = counts[0]
            assert done < total == len(app.order)
            assert first[0], "the rows on screen had no flags in the first part"
            position = {segment.id: number for number, segment in enumerate(app.order)}
            # the rows on screen (the top of the article) first: flags only there, though the article has more
            assert {position[segment_id] for segment_id in first[0]} <= set(range(done))
            assert [done for done, _ in counts] == sorted(done for done, _ in counts)
            assert {flag.id for flag in app.session.flags} == expected
            assert "flagging" not in status(app)
    finally:
        log.release()


async def test_keys_hold_the_offline_flags_back_until_the_reviewer_pauses(long_article: Path) -> None:
    pipeline()  # loaded: without the hold the first chunk's flags would come within a second
    log = ReviewLog(default_log_path(long_article))
    log.acquire()
    try:
        options = FlagOptions(model=str(long_article.parent / "no-model-here"), engine="marian")
        app = make_app(Workbench.of(load_document(long_article), log, options=options, detectors=None))
        app.pauses.pause_s = 3600  # the reviewer never stops typing
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(40):
                await pilot.press("j")
                await pilot.pause(0.05)
            assert "offline" in app.flagging
            assert "offline" not in app.flag_progress
            assert not app.session.flags
            app.pauses.pause_s = 0  # a pause: the first chunk goes, then the rest
            for _ in range(6000):
                if app.session.flags and not app.flagging:
                    break
                await pilot.pause(0.02)
            assert not app.flagging, "the offline flags never came once the reviewer paused"
            assert app.session.flags
    finally:
        log.release()
