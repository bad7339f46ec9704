"""English glosses: the English term technical French gives beside its own, in parentheses or quotes.

A flag inside one goes below the confidence floor (``review.flags.vetting.set_apart``); the same words
outside a gloss, or a parenthesis that holds French or opens the segment, keep their flags.  The detectors,
the Flagger and the parse are the real ones.
"""

from __future__ import annotations

import pytest

from review.document import from_text
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.vetting import glosses
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

DETECTORS = ("grammar", "spelling")


def shown(text: str, *, floor: float | None = None, corrected: str | None = None) -> list[str]:
    """The spans the Flagger shows for ``text`` (one segment), or for its correction ``corrected``."""
    options = FlagOptions() if floor is None else FlagOptions(min_confidence=floor)
    document = from_text(text + "\n")
    texts = {} if corrected is None else {document.segments[0].id: corrected}
    return [flag.span_text for flag in Flagger(DETECTORS, options, ModelPool()).flags(document, texts)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Les images, aussi appelées lames virtuelles (virtual slides), sont grandes.", []),
        ("Les virtual slides sont des images de grande taille.", ["virtual slides"]),
        ("Un célomètre (« ceilometer ») est un instrument.", []),
        ("Un ceilometer est un instrument.", ["ceilometer"]),
        ("Il prend en charge le protocole « checksum offload ».", []),
        ("Il gère la charge (répartition serial de la charge) dans le noyau.", ["répartition serial"]),
        ("Les processus très légers (fiber – fibre) sont une forme de coroutine.", []),
        ("Les processus très légers fiber sont une forme de coroutine.", ["fiber"]),
        ("(bounce) fait rebondir la balle.", ["bounce"]),
    ],
    ids=["english-in-parentheses", "the-same-words-in-the-sentence", "quoted-in-parentheses", "the-word-alone",
         "english-in-quotes", "parentheses-that-hold-french", "english-beside-its-french", "english-in-the-sentence",
         "parentheses-opening-the-segment"],
)
def test_a_flag_inside_an_english_gloss_is_below_the_floor(text: str, flagged: list[str]) -> None:
    assert shown(text) == flagged


def test_a_lowered_floor_still_shows_a_flag_inside_a_gloss() -> None:
    assert shown("Les images sont des lames virtuelles (virtual slides).", floor=0.25) == ["virtual slides"]


def test_the_gloss_is_read_in_the_reviewers_correction() -> None:
    text = "Un ceilometer est un instrument."
    assert shown(text) == ["ceilometer"]
    assert shown(text, corrected="Un appareil (« ceilometer ») mesure les nuages.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("lames virtuelles (virtual slides)", ["virtual slides"]),
        ("le mode « lookahead »", [" lookahead "]),
        ("le mode \u201clookahead\u201d", ["lookahead"]),
        ('un panneau de 12" x 18" (noir)', []),
        ('un panneau de 12" x "18', []),
        ("(virtual slides) en tête", []),
        ("la charge (serial line, répartition de charge)", ["serial line,"]),
        ("les processus (fiber – fibre)", ["fiber – "]),
        ("la charge (répartition serial de la charge)", []),
        ("le modèle (2024)", []),
    ],
    ids=["parentheses", "french-quotes", "curly-quotes", "french-inside", "straight-quotes-are-inches",
         "opening-parenthesis", "english-part-then-french", "english-beside-a-dash", "english-among-french",
         "no-word"],
)
def test_where_a_gloss_stands(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in glosses(text)] == found


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Il appelle calendar() qui renvoie une structure.", []),
        ("Il appelle calendar qui renvoie une structure.", ["calendar"]),
    ],
    ids=["called-as-a-function", "the-same-word-in-the-sentence"],
)
def test_a_word_called_as_a_function_is_code(text: str, flagged: list[str]) -> None:
    assert shown(text) == flagged
