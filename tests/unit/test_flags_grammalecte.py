from __future__ import annotations

import pytest
from flag_helpers import detect

from review.flags import DetectorUnavailable, FlagOptions
from review.flags import grammalecte as module
from review.translate.pool import ModelPool


def _available() -> bool:
    try:
        module.make(FlagOptions(), ModelPool())
    except DetectorUnavailable:
        return False
    return True


needs_grammalecte = pytest.mark.skipif(not _available(), reason="Grammalecte not installed (python3-grammalecte)")


@needs_grammalecte
@pytest.mark.parametrize(
    ("text", "span"),
    [("Les problème sont graves.", "problème"), ("Elles sont parti hier.", "parti")],
    ids=["noun-number", "participle"],
)
def test_flags_grammar(text: str, span: str) -> None:
    flags = detect("grammalecte", text)
    assert span in [flag.span_text for flag in flags]
    assert all(flag.detector == "grammalecte" for flag in flags)


@needs_grammalecte
def test_typography_is_left_to_the_typography_detector() -> None:
    assert detect("grammalecte", "Il a dit: «non» hier.") == []


def test_missing_grammalecte_raises_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(module.importlib, "import_module", fail)
    module.checker.cache_clear()
    try:
        with pytest.raises(DetectorUnavailable, match="apt-get install python3-grammalecte"):
            module.make(FlagOptions(), ModelPool())
    finally:
        monkeypatch.undo()
        module.checker.cache_clear()


@pytest.mark.parametrize(
    ("kind", "message", "expected"),
    [("gn", "Accord de genre erroné avec « Gym ».", module.GENDER),
     ("gn", "Accord de nombre erroné avec « 3 » : « couleur » devrait être au pluriel.", module.NUMBER),
     ("ppas", "Accord avec la forme verbale « sont ».", module.PARTICIPLE),
     ("imp", "S'il s'agit d'un impératif, ajoutez un “s”.", module.IMPERATIVE),
     ("notype", "Sigle. Il est recommandé d'ôter les points pour les sigles.", module.OTHER)],
    ids=["gender", "number", "participle", "imperative", "other"],
)
def test_family_of_an_error(kind: str, message: str, expected: module.Family) -> None:
    assert module.family(kind, message) is expected


def test_families_right_half_the_time_or_less_stay_below_the_floor() -> None:
    floor = FlagOptions().min_confidence
    assert min(module.NUMBER.confidence, module.GENDER.confidence, module.ELISION.confidence) >= floor
    for weak in (module.CONJUGATION, module.MOOD, module.IMPERATIVE, module.CONFUSION, module.OTHER):
        assert weak.confidence < floor, weak.name
    assert floor > module.NAMES


@pytest.mark.parametrize(
    ("text", "span", "message", "expected"),
    [("Total Gym 1500", "Gym", "Accord de genre erroné avec « Total ».", True),
     ("Super Fat Burning - 3 Mile Workout", "Mile", "Accord de nombre erroné avec « 3 ».", True),
     ("Une ligne électriques.", "électriques", "Accord de nombre erroné avec « Une ligne ».", False),
     ("Il pleut. Les problème sont graves.", "problème", "Accord de nombre erroné avec « Les ».", False)],
    ids=["name-quoted", "name-flagged", "sentence-start", "after-full-stop"],
)
def test_a_capitalised_word_inside_the_sentence_is_a_name(text: str, span: str, message: str,
                                                          expected: bool) -> None:
    start = text.index(span)
    assert module.reads_a_name(text, start, start + len(span), message) is expected


@needs_grammalecte
def test_agreement_flags_carry_their_measured_confidence() -> None:
    flags = detect("grammalecte", "Une ligne électriques.")
    shown = [flag for flag in flags if flag.span_text == "électriques"]
    assert shown, flags
    assert shown[0].confidence == module.NUMBER.confidence


@needs_grammalecte
@pytest.mark.parametrize("text", ["Total Gym 1500", "Comprend un tableau mural d'exercices."],
                         ids=["name-in-capitals", "description-opening-on-a-verb"])
def test_flags_usually_wrong_on_annotated_mt_stay_below_the_floor(text: str) -> None:
    flags = detect("grammalecte", text)
    assert flags, "Grammalecte should still report it, below the floor"
    assert all(flag.confidence < FlagOptions().min_confidence for flag in flags)
