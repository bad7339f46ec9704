"""A flag's confidence is its rule's precision measured on annotated MT (issue 11, item 5).

Some rules were written at one confidence and made more precise later; their confidence is now what was
measured, while the order in which overlapping flags claim a span stays the one the rules were tuned with
(``Flag.precedence``): a more precise number must not hand a span to a worse message.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect

from review.document import from_text
from review.flags import FlagOptions, default_detectors
from review.flags.incremental import Flagger
from review.model import Flag
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy


def shown(text: str, floor: float) -> list[Flag]:
    document = from_text(text)
    flagger = Flagger(tuple(default_detectors()), FlagOptions(min_confidence=floor), ModelPool())
    return flagger.flags(document, {segment.id: segment.text for segment in document.segments})


@pytest.mark.parametrize(
    ("text", "span", "confidence"),
    [
        ("Il porte une veste imperméables.", "imperméables", 0.7),  # plural adjective, singular noun: 68 at 0.71
        ("La lame est solide.Voir la vidéo pour la démonstration.", ".V", 0.8),  # a space missing: 26 at 0.81
    ],
    ids=["plural-adjective-singular-noun", "space-missing-after-a-full-stop"],
)
def test_a_raised_floor_keeps_a_rule_right_more_often_than_its_old_confidence_said(text: str, span: str,
                                                                                    confidence: float) -> None:
    # at --min-confidence 0.7 these showed nothing when they said 0.45 and 0.6
    flags = [flag for flag in shown(text, 0.7) if flag.span_text == span]
    assert [flag.confidence for flag in flags] == [confidence]


def test_the_measured_confidence_does_not_take_a_span_from_the_flag_that_held_it() -> None:
    text = "Ces chaussures sont livrées avec des lacets noir."
    agreement = [flag for flag in detect("grammar", text)
                 if flag.message.endswith("should agree with plural « lacets »")]
    assert [(flag.confidence, flag.precedence) for flag in agreement] == [(0.8, 0.45)]
    # the determiner's rule (0.65) names the cause, « des » before the noun, and keeps the word at the default floor
    assert [flag.message for flag in shown(text, 0.3)] == [
        "the adjective « noir » should be plural like the noun « lacets » after its determiner"]
    # above its floor the agreement flag is the one left
    assert [flag.message for flag in shown(text, 0.7)] == ["« noir » should agree with plural « lacets »"]
