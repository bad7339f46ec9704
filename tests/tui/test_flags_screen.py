"""Flags on the review screen: jump, apply, dismiss, and what survives reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import cell, status, wait_until

from review.document import load_document
from review.flags import FlagOptions, default_detectors
from review.flags.incremental import Flagger
from review.replay import replay
from review.store import default_log_path
from review.translate.pool import ModelPool
from review.tui.widgets.flag_panel import FlagPanel

SIZE = (150, 45)
pytestmark = pytest.mark.slow


def offline() -> tuple[str, ...]:
    return default_detectors()


def panel(app) -> str:
    return str(app.query_one(FlagPanel).content)


async def flagged(app, pilot) -> None:
    """The flags are in, and no second run is coming: the English was all in for the checks that read it."""
    await wait_until(pilot, lambda: app.session.flags and app.english_complete and not app.flagging, timeout=120)


async def test_flags_are_marked_and_n_walks_them(open_app) -> None:
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        assert "flags open" in status(app)
        assert cell(app, "p1s1", "flags").startswith(str(len(app.session.open_flags(app.session.segments[0]))))
        walk = [flag for segment in app.session.segments
                for flag in sorted(app.session.open_flags(segment), key=lambda f: f.start)]
        await pilot.press("n")
        assert app.flag_cursor == walk[0]
        await pilot.press("n")
        assert app.flag_cursor == walk[1]
        await pilot.press("N")
        assert app.flag_cursor == walk[0]
        await pilot.press("N")
        assert app.flag_cursor == walk[-1]  # wraps to the last flag of the article
        assert app.segment.id == walk[-1].segment_id


async def test_n_after_going_to_a_segment_walks_on_from_there(open_app) -> None:
    """``:`` 3 Enter then ``n``: the first flag at or after segment 3 (it walked on from where the reviewer was)."""
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        walk = [flag for segment in app.session.segments
                for flag in sorted(app.session.open_flags(segment), key=lambda f: f.start)]
        index = {segment.id: segment.index for segment in app.session.segments}
        after = next(flag for flag in walk if index[flag.segment_id] >= 2)
        await pilot.press("n")
        assert app.flag_cursor == walk[0]
        await pilot.press("colon", "3", "enter")
        await pilot.pause()
        assert app.segment.id == app.session.segments[2].id
        await pilot.press("n")
        assert app.flag_cursor == after


async def test_a_number_past_the_suggestions_says_how_many_there_are(open_app) -> None:
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        single = next(flag for flag in app.session.open_flags() if len(flag.suggestions) == 1)
        while app.flag_cursor != single:
            await pilot.press("n")
        await pilot.press("2")
        messages = [str(notification.message) for notification in app._notifications]
        assert "this flag has 1 suggestion: press 1 or a" in messages
        assert app.session.state.texts == {}  # nothing applied


async def test_apply_a_suggestion_fixes_accusent(open_app, article: Path) -> None:
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        accusent = next(flag for flag in app.session.open_flags() if flag.span_text.startswith("accusent"))
        while app.flag_cursor != accusent:
            await pilot.press("n")
        assert "conviennent de" in panel(app)
        number = accusent.suggestions.index("conviennent de") + 1
        await pilot.press(str(number))
        assert "conviennent de renforcer" in cell(app, "p1s1", "french")
        await wait_until(pilot, lambda: not app.flagging)  # the segment is flagged again once the keys pause
        assert "1 corrected" in status(app)
    state = replay(default_log_path(article), load_document(article))
    correction = state.history[-1]
    assert "conviennent de renforcer" in correction.text
    assert correction.flag_id == accusent.id
    assert correction.category == accusent.category
    assert correction.severity == accusent.severity.value


async def test_dismissed_flag_stays_dismissed_on_reopen(open_app, article: Path) -> None:
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        await pilot.press("n")
        dismissed = app.flag_cursor
        before = len(app.session.open_flags())
        await pilot.press("i")
        assert len(app.session.open_flags()) == before - 1
        assert dismissed not in app.session.open_flags()
        await pilot.press("q")
    assert dismissed.id in replay(default_log_path(article), load_document(article)).dismissed
    reopened = open_app(detectors=offline())
    async with reopened.run_test(size=SIZE) as pilot:
        await flagged(reopened, pilot)
        ids = {flag.id for flag in reopened.session.flags}
        assert dismissed.id in ids  # the detector still finds it…
        assert dismissed not in reopened.session.open_flags()  # …but the reviewer does not see it again


async def test_triage_puts_the_riskiest_segment_first(open_app) -> None:
    app = open_app(detectors=offline())
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        await pilot.press("t")
        risks = [app.session.risk(segment) for segment in app.order]
        assert risks == sorted(risks, reverse=True)
        assert "triage" in status(app)
        await pilot.press("t")
        assert [segment.index for segment in app.order] == list(range(len(app.order)))


def test_flagger_reruns_model_detectors_only_for_changed_segments(tiny_marian: Path) -> None:
    from support import SAMPLE  # noqa: PLC0415

    from review.document import load_document  # noqa: PLC0415

    document = load_document(SAMPLE)
    flagger = Flagger(names=["confidence"], options=FlagOptions(model=str(tiny_marian)), pool=ModelPool())
    texts = {segment.id: segment.text for segment in document.segments[:3]}
    small = type(document)(path=None, text=document.text, segments=document.segments[:3], language="fr")
    flagger.flags(small, texts)
    assert len(flagger.cache) == 3
    texts["p2s1"] = "Le texte du deuxième segment a changé."
    flagger.flags(small, texts)
    assert len(flagger.cache) == 4
    machine_translation = small.segments[1].text
    assert ("confidence", "p2s1", "Le texte du deuxième segment a changé.", machine_translation) in flagger.cache


async def test_a_detector_without_its_model_says_so_and_the_others_run(open_app) -> None:
    app = open_app(detectors=(*default_detectors(), "fluency"), settings={"fluency_model": "almanach/not-downloaded"})
    async with app.run_test(size=SIZE) as pilot:
        await flagged(app, pilot)
        assert "1 detector off" in status(app) or "1 off" in status(app)
        messages = [str(notification.message) for notification in app._notifications]
        assert any("review models pull almanach/not-downloaded" in message for message in messages)
        assert {flag.detector for flag in app.session.flags} <= set(default_detectors())


async def test_the_screen_with_ct2_loads_one_model_for_english_and_confidence(open_app) -> None:
    app = open_app(detectors=("confidence",), engine="ct2")
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "✓" in status(app), timeout=120)
        await wait_until(pilot, lambda: app.flag_note == "" and app.session.flags, timeout=120)
        assert {flag.detector for flag in app.session.flags} == {"confidence"}
        assert [(key.kind, key.engine) for key in app.bench.pool.loads] == [("translation", "ct2")]
        assert "ct2" in status(app)
