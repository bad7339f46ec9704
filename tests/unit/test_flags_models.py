"""The model-signal detectors on tiny models built by the tests, through the real loading code.

Random weights give arbitrary English and arbitrary scores, so these tests
assert on structure: spans inside the segment and on word boundaries,
suggestions that are words, unavailable models reported with the pull command.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from review.document import from_text
from review.flags import DetectorUnavailable, FlagContext, FlagOptions, make_detectors, ready_model_detectors, specs
from review.flags.fluency import render_suggestions
from review.model import Category, Document, Flag, Severity
from review.translate.attention import score_rendering
from review.translate.pool import ModelPool
from review.translate.render import Renderer

ARTICLE = (
    "Iran et le Pakistan accusent de renforcer leur coopération.\n\n"
    "Les deux pays voisins ont des relations difficiles. Le président se rendra bientôt au Pakistan.\n"
)
SOURCE = (
    "Iran, Pakistan agree to boost security cooperation.\n\n"
    "The two neighbouring countries have difficult relations. The president will soon visit Pakistan.\n"
)
MODEL_NAMES = ("confidence", "fluency", "roundtrip", "reference")
RENDERINGS = {
    "p1s1": "Iran and Pakistan accuse of strengthening their cooperation.",
    "p2s1": "The two neighbouring countries have difficult relations.",
    "p2s2": "The president will soon visit Pakistan.",
}


@pytest.fixture
def options(tiny_marian: Path, tiny_marian_back: Path, tiny_camembert: Path, tmp_path: Path) -> FlagOptions:
    source = tmp_path / "source.en.txt"
    source.write_text(SOURCE, encoding="utf-8")
    return FlagOptions(model=str(tiny_marian), source=source,
                       settings={"back_model": str(tiny_marian_back), "fluency_model": str(tiny_camembert)})


def changed(options: FlagOptions, field: str, value: str | None) -> FlagOptions:
    """``options`` with one option changed, whether it is a common one or a detector's own."""
    from dataclasses import replace  # noqa: PLC0415

    if field in {"model", "source", "engine"}:
        return replace(options, **{field: value})
    return options.with_settings(**{field: value})


def made(names: list[str], options: FlagOptions, pool: ModelPool | None = None, status=None) -> list:
    return make_detectors(names, options, pool or ModelPool(), status)


@pytest.fixture
def document() -> Document:
    return from_text(ARTICLE)


def assert_well_placed(flag: Flag, document: Document, detector: str) -> None:
    text = document.segment(flag.segment_id).text
    assert flag.detector == detector
    assert 0 <= flag.start < flag.end <= len(text)
    assert flag.span_text == text[flag.start:flag.end]
    assert flag.start == 0 or not text[flag.start - 1].isalnum()
    assert flag.end == len(text) or not text[flag.end].isalnum()
    assert text[flag.start].isalnum()
    assert text[flag.end - 1].isalnum()
    assert flag.category in set(Category)
    assert isinstance(flag.severity, Severity)
    assert 0 <= flag.confidence <= 1
    assert flag.message


def test_forced_decoding_gives_a_probability_and_a_french_word_per_english_token(tiny_marian: Path) -> None:
    french, english = "Les deux pays voisins ont des relations difficiles.", "The two countries."
    scores = score_rendering(ModelPool().renderer(str(tiny_marian)), french, english)
    assert scores.tokens[-1] == "</s>"
    assert len(scores.tokens) == len(scores.logprobs) == len(scores.token_words) == len(scores.attention)
    assert all(value <= 0 for value in scores.logprobs)
    assert set(scores.token_words[:-1]) == set(range(len(english.split())))
    for row in scores.attention[:-1]:
        assert len(row) == len(french.split())
        assert math.isclose(sum(row), 1.0, abs_tol=1e-4)
    assert all(0 <= word < len(french.split()) for word in scores.word_alignment())


def test_a_pool_loads_each_model_once(tiny_marian: Path, tiny_camembert: Path) -> None:
    pool = ModelPool()
    assert pool.renderer(str(tiny_marian)) is pool.renderer(str(tiny_marian))
    assert pool.masked_lm(str(tiny_camembert)) is pool.masked_lm(str(tiny_camembert))
    pool.renderer(str(tiny_marian)).render(["Les deux pays voisins."])
    pool.renderer(str(tiny_marian)).score("Les deux pays voisins.", "The two countries.")
    assert [key.kind for key in pool.loads] == ["masked-lm", "translation"]


def test_masked_lm_scores_every_word_with_whole_word_alternatives(tiny_camembert: Path) -> None:
    text = "« Tous ces canaux fonctionnent », a déclaré le ministre."
    scores = ModelPool().masked_lm(str(tiny_camembert)).score_words(text)
    assert [score.word for score in scores] == ["Tous", "ces", "canaux", "fonctionnent", "a", "déclaré", "le",
                                                "ministre"]
    for score in scores:
        assert text[score.start:score.end] == score.word
        assert score.logprob < 0
        assert all(word and "▁" not in word and " " not in word for word, _ in score.alternatives)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_detector_flags_sit_on_words_of_the_segment(name: str, options: FlagOptions, document: Document) -> None:
    [detector] = made([name], options)
    context = FlagContext(document=document, texts={}, renderings=RENDERINGS)
    flags = list(detector.check(document.segments, context))
    for flag in flags:
        assert_well_placed(flag, document, name)


def test_confidence_renders_what_it_is_not_given(options: FlagOptions, document: Document) -> None:
    # an untrained model spreads its probability over the whole vocabulary: every word is a doubt
    [detector] = made(["confidence"], options)
    segment = document.segments[1]
    flags = list(detector.check([segment], FlagContext(document=document, texts={})))
    assert flags
    assert {flag.category for flag in flags} == {Category.MISTRANSLATION}
    assert Renderer(options.model).cached([segment.text])


def test_detectors_use_the_renderings_they_are_given(options: FlagOptions, document: Document) -> None:
    [detector] = made(["roundtrip"], options)
    segment = document.segments[0]
    given = "Iran and Pakistan agree to strengthen their cooperation."
    context = FlagContext(document=document, texts={}, renderings={segment.id: given})
    list(detector.check([segment], context))
    assert Renderer(options.model).cached([segment.text]) == {}


def test_detectors_see_corrected_text(options: FlagOptions, document: Document) -> None:
    [detector] = made(["fluency"], options)
    segment = document.segments[0]
    corrected = "Iran et le Pakistan conviennent de renforcer leur coopération."
    flags = list(detector.check([segment], FlagContext(document=document, texts={segment.id: corrected})))
    for flag in flags:
        assert flag.span_text == corrected[flag.start:flag.end]


def test_fluency_suggestions_come_with_their_english(options: FlagOptions, document: Document) -> None:
    [detector] = made(["fluency"], options)
    segment = document.segments[0]
    flags = [flag for flag in detector.check([segment], FlagContext(document=document, texts={}))
             if flag.suggestions]
    assert flags, "an untrained language model finds some word unlikely"
    renderer = Renderer(options.model)
    pairs = render_suggestions(flags[0], segment.text, renderer)
    assert [suggestion for suggestion, _ in pairs] == list(flags[0].suggestions)
    assert all(isinstance(english, str) and english for _, english in pairs)
    for suggestion in flags[0].suggestions:
        assert suggestion.replace("-", "").isalpha()


@pytest.mark.parametrize(
    ("name", "field"),
    [("confidence", "model"), ("fluency", "fluency_model"), ("roundtrip", "back_model"), ("reference", "model")],
    ids=MODEL_NAMES,
)
def test_missing_model_makes_the_detector_unavailable(name: str, field: str, options: FlagOptions) -> None:
    with pytest.raises(DetectorUnavailable, match=r"`review models pull nobody/no-such-model`"):
        specs()[name].make(changed(options, field, "nobody/no-such-model"), ModelPool())


def test_a_folder_that_is_not_a_model_makes_the_detector_unavailable(options: FlagOptions, tmp_path: Path) -> None:
    with pytest.raises(DetectorUnavailable, match=r"no config\.json"):
        specs()["fluency"].make(changed(options, "fluency_model", str(tmp_path)), ModelPool())


def test_reference_needs_the_source(options: FlagOptions) -> None:
    with pytest.raises(DetectorUnavailable, match="--source"):
        specs()["reference"].make(changed(options, "source", None), ModelPool())


def test_unavailable_detectors_are_reported_and_the_others_run(options: FlagOptions) -> None:
    said: list[str] = []
    chosen = made(["roundtrip", "fluency"], changed(options, "fluency_model", "nobody/no-such-model"),
                  status=said.append)
    assert [detector.name for detector in chosen] == ["roundtrip"]
    assert len(said) == 1
    assert said[0].startswith("fluency detector off: ")


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ((), ("source", "dictionary", *MODEL_NAMES)),  # source, dictionary: the offline checks against the original
        (("fluency_model",), ("source", "dictionary", "confidence", "roundtrip", "reference")),
        (("model",), ("source", "dictionary", "fluency", "roundtrip")),
        (("source",), ("confidence", "fluency", "roundtrip")),
    ],
    ids=["all-here", "no-fluency-model", "no-forward-model", "no-source"],
)
def test_ready_model_detectors(missing: tuple[str, ...], expected: tuple[str, ...], options: FlagOptions) -> None:
    for field in missing:
        options = changed(options, field, None if field == "source" else "nobody/no-such-model")
    assert ready_model_detectors(options) == expected
