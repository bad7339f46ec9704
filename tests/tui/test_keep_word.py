"""``w`` on the review screen: the selected flag's word kept as written, its flags dismissed in every segment, the
kept word saved to the log, taken back with ``u`` and brought back from the dismissed flags' palette."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from tui_helpers import wait_until

from review.document import load_document
from review.model import Category, Flag, Severity
from review.replay import replay
from review.store import default_log_path
from review.tui.widgets.flag_panel import FlagPanel
from review.tui.widgets.notice import NoticeLine


def _with(app, word: str) -> list[str]:
    """The ids of the segments that write ``word``."""
    return [segment.id for segment in app.session.segments if word in app.session.text(segment)]


def _on(app, segment_id: str, word: str, *, category: str = str(Category.UNTRANSLATED)) -> Flag:
    text = app.session.text(app.session.segment(segment_id))
    start = text.index(word)
    return Flag(segment_id=segment_id, start=start, end=start + len(word), detector="spelling", category=category,
                severity=Severity.MAJOR, message=f"« {word} » is not French", confidence=0.7, span_text=word)


async def _given(app, pilot, flags: list[Flag]) -> None:
    app.post_message(app.FlagsReady(flags, [], "offline"))
    await wait_until(pilot, lambda: app.session.flags == flags)
    await pilot.pause()


async def test_w_keeps_the_word_across_the_article_and_u_takes_it_back(open_app, article) -> None:
    app = open_app()
    async with app.run_test(size=(120, 36)) as pilot:
        first, second = _with(app, "Pakistan")[:2]
        flags = [_on(app, first, "Pakistan"), _on(app, second, "Pakistan"), _on(app, second, "Iran")]
        await _given(app, pilot, flags)
        assert "w keep word" in str(app.query_one(FlagPanel).content)
        await pilot.press("w")
        await wait_until(pilot, lambda: app.session.counts()["flags"] == 1)
        assert app.session.open_flags() == [flags[2]]
        assert any("kept «Pakistan» as written: 2 flags" in said for said in app.query_one(NoticeLine).said)
        state = replay(default_log_path(article), load_document(article))
        assert state.kept == {"Pakistan"}  # on disk before the screen shows it
        await pilot.press("u")
        await wait_until(pilot, lambda: app.session.counts()["flags"] == 3)
        assert replay(default_log_path(article), load_document(article)).kept == frozenset()


async def test_a_flag_on_a_kept_word_restored_from_the_palette_brings_the_word_back(open_app) -> None:
    app = open_app()
    async with app.run_test(size=(120, 36)) as pilot:
        flags = [_on(app, segment_id, "Pakistan") for segment_id in _with(app, "Pakistan")[:2]]
        await _given(app, pilot, flags)
        await pilot.press("w")
        await wait_until(pilot, lambda: app.session.counts()["flags"] == 0)
        assert app.dismissed_flags() == flags
        app.restore_flag(flags[1])
        await pilot.pause()
        assert app.session.counts()["flags"] == 2  # the word is no longer kept: both flags are back
        assert app.session.state.kept == frozenset()
        await pilot.press("I")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)  # nothing dismissed is left to list


@pytest.mark.parametrize(("span", "category", "why"), [
    ("Pakistan", str(Category.INCONSISTENCY), "spells this name two ways"),
    ("accusent de", str(Category.MISTRANSLATION), "not a phrase"),
], ids=["spelt-two-ways", "a-phrase"])
async def test_a_name_spelt_two_ways_or_a_phrase_is_not_kept(open_app, span: str, category: str, why: str) -> None:
    app = open_app()
    async with app.run_test(size=(120, 36)) as pilot:
        flags = [_on(app, "p1s1", span, category=category)]
        await _given(app, pilot, flags)
        assert "w keep word" not in str(app.query_one(FlagPanel).content)
        await pilot.press("w")
        await pilot.pause()
        assert app.session.counts()["flags"] == 1
        assert app.session.state.kept == frozenset()
        assert any(why in said for said in app.query_one(NoticeLine).said)
