"""Scores screen, variant panel and taking a variant, driven through Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import unstruck, wait_until

from review.document import load_document
from review.flags import FlagOptions
from review.replay import replay
from review.scoring import drift_report, hter_report, mqm_report, post_edit_report, sentence_scores
from review.store import ReviewLog, default_log_path
from review.tui.app import ReviewApp, make_app
from review.tui.screens.scores import ScoresScreen
from review.tui.screens.take_variant import TakeVariantScreen
from review.tui.widgets.variant_panel import VariantPanel
from review.workbench import Workbench

SIZE = (150, 50)
NEW_P1S1 = "L'Iran et le Pakistan conviennent de renforcer leur coopération en matière de sécurité"


def _variant(article: Path, old: str, new: str) -> list[str]:
    """The article's segments with one word replaced in the first segment."""
    document = load_document(article)
    texts = [segment.text for segment in document.segments]
    assert old in texts[0]
    texts[0] = texts[0].replace(old, new)
    return texts


@pytest.fixture
def build(article: Path, tiny_marian: Path):
    """make_app as `review open --variant ... --source ...` calls it."""
    logs: list[ReviewLog] = []

    def make(*, variants: dict[str, list[str]] | None = None, source: Path | None = None) -> ReviewApp:
        log = ReviewLog(default_log_path(article))
        log.acquire()
        logs.append(log)
        bench = Workbench.of(load_document(article), log, options=FlagOptions(model=str(tiny_marian)),
                             detectors=())
        return make_app(bench, variants=variants, source=source)

    yield make
    for log in logs:
        log.release()


def _computed(screen: ScoresScreen, *names: str) -> Callable[[], bool]:
    return lambda: all("computing" not in screen.section(name) for name in names)


def _panel(app: ReviewApp) -> str:
    return unstruck(app.query_one(VariantPanel).content)


@pytest.mark.parametrize(("category", "severity"), [
    ("accuracy/mistranslation", "critical"),
    ("fluency/grammar", "minor"),
], ids=["critical-mistranslation", "minor-grammar"])
async def test_scores_screen_shows_the_scoring_numbers(build, category: str, severity: str) -> None:
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        segment = app.session.document.segment("p1s1")
        app.session.correct(segment, NEW_P1S1, category=category, severity=severity)
        app.after_change(segment, "saved")
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, ScoresScreen)
        await wait_until(pilot, _computed(screen, "hter", "mqm"))
        hter = hter_report(app.session.document, app.session.state)
        mqm = mqm_report(app.session.document, app.session.state)
        # the screen shows the very report `review score --post-edited` prints
        assert screen.review == post_edit_report(app.session.document, app.session.state)
        assert f"HTER {hter.hter:.2f}" in screen.section("hter")
        assert hter.signature in screen.section("hter")
        assert f"segments touched 1 of {len(hter.segments)}" in screen.section("hter")
        assert f"characters changed {hter.chars_changed:,} of {hter.chars:,}" in screen.section("hter")
        assert "p1s1" in screen.section("hter")
        text = screen.section("mqm")
        assert f"quality score (OQS) {mqm.quality:.2f}" in text
        assert f"penalty (APT) {mqm.penalty:g} points" in text
        assert f"{mqm.per_thousand:.2f} per 1,000 words" in text
        assert f"{category:<26} {severity:<8} count 1" in text
        assert str(mqm.weights) in text
        assert mqm.model in text
        assert not screen.query_one("#scores-variants").display  # no variants loaded
        await pilot.press("s")
        assert not isinstance(app.screen, ScoresScreen)


@pytest.mark.parametrize("key", ["escape", "q", "s"], ids=["escape", "q", "s"])
async def test_scores_screen_closes(build, key: str) -> None:
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ScoresScreen)
        await pilot.press(key)
        assert not isinstance(app.screen, ScoresScreen)
        assert app.is_running  # q closed the screen, not the app


async def test_variant_panel_shows_text_english_and_scores(build, article: Path) -> None:
    variant = _variant(article, "accusent", "conviennent")
    app = build(variants={"alt.fr.txt": variant})
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: variant[0] in app.main.query_one(VariantPanel).english)
        await wait_until(pilot, lambda: "scores…" not in _panel(app))
        expected = sentence_scores([variant[0]], [app.session.text(app.segment)])[0]
        panel = _panel(app)
        assert variant[0] in panel
        assert app.main.query_one(VariantPanel).english[variant[0]] in panel
        assert f"chrF2++ {expected.chrf:.1f} · BLEU {expected.bleu:.1f} · TER {expected.ter:.1f}" in panel
        await pilot.press("j")
        await wait_until(pilot, lambda: "same as your text" in _panel(app))
        assert "p2s1" in _panel(app)


async def test_without_variants_the_panel_is_hidden_and_v_only_explains(build) -> None:
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query_one(VariantPanel).display
        await pilot.press("v")
        assert not isinstance(app.screen, TakeVariantScreen)
        assert any("--variant" in str(note.message) for note in app._notifications)


async def test_scores_and_take_variant_are_in_the_palette_and_the_help(build) -> None:
    app = build()
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
    assert {"Scores", "Take variant"} <= titles
    actions = {row.action for row in app.ACTIONS}
    assert {"scores", "take_variant"} <= actions


@pytest.mark.parametrize(("keys", "taken"), [(("v", "2"), True), (("v", "escape"), False), (("v", "7"), False)],
                         ids=["take-second", "escape-cancels", "no-such-number"])
async def test_v_then_digit_takes_the_variant(build, article: Path, keys: tuple[str, ...], taken: bool) -> None:
    first = _variant(article, "accusent", "conviennent")
    second = _variant(article, "accusent", "s'engagent")
    app = build(variants={"one.fr.txt": first, "two.fr.txt": second})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(keys[0])
        assert isinstance(app.screen, TakeVariantScreen)
        await pilot.press(*keys[1:])
        if keys[-1] == "7":
            assert isinstance(app.screen, TakeVariantScreen)
            await pilot.press("escape")
        assert not isinstance(app.screen, TakeVariantScreen)
        assert app.session.text(app.segment) == (second[0] if taken else app.segment.text)
        await app.workers.wait_for_complete()
    state = replay(default_log_path(article), load_document(article))
    if taken:
        assert state.texts == {"p1s1": second[0]}
        assert state.history[-1].note == "taken from variant two.fr.txt"
    else:
        assert state.texts == {}


async def test_scores_compare_variants_and_list_drift(build, article: Path) -> None:
    first = _variant(article, "accusent", "conviennent")
    second = _variant(article, "accusent", "s'engagent")
    app = build(variants={"one.fr.txt": first, "two.fr.txt": second}, source=article)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.session.renderings) >= len(app.session.segments))
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, ScoresScreen)
        await wait_until(pilot, lambda: _computed(screen, "variants", "drift")() and screen.comparison is not None
                         and "paired bootstrap" in screen.section("variants") and "p=" in screen.section("variants"))
        variants = screen.section("variants")
        for name in ("one.fr.txt", "two.fr.txt"):
            assert name in variants
        assert f"{screen.comparison.segments} segments" in variants
        result = screen.comparison.result("two.fr.txt", "chrF2++")
        assert f"p={result.p_value:.4f}" in variants
        segments = app.session.segments
        report = drift_report([app.session.english(segment) for segment in segments],
                              [segment.text for segment in segments], [segment.id for segment in segments])
        drift = screen.section("drift")
        assert screen.drift is not None
        assert screen.drift.drift == report
        assert [system.name for system in screen.variants.systems] == ["one.fr.txt", "two.fr.txt"]
        assert f"corpus chrF {report.corpus_chrf:.2f}" in drift
        assert f"on {len(segments)} of {len(segments)} segments" in drift
        assert report.worst(1)[0].segment_id in drift
