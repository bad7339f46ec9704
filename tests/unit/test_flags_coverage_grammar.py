"""The valency rule of review/flags/grammar.py for a transitive verb left without its object (below the floor)."""

from __future__ import annotations

import pytest
from flag_helpers import detect, rule_spans

pytestmark = pytest.mark.slow  # parses with spaCy

NO_OBJECT = "normally takes a direct object and has none here"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le ministre a mentionné pendant la réunion.", "mentionné"),
        ("Le gouvernement veut améliorer rapidement.", "améliorer"),
    ],
    ids=["participle-with-avoir", "infinitive"],
)
def test_a_transitive_verb_without_an_object_is_flagged_below_the_floor(text: str, span: str) -> None:
    flags = [flag for flag in detect("grammar", text) if NO_OBJECT in flag.message]
    assert [flag.span_text for flag in flags] == [span]
    assert flags[0].confidence < 0.3


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a mentionné le problème pendant la réunion.",
        "Le ministre l'a mentionné pendant la réunion.",
        "Le projet a été mentionné pendant la réunion.",
        "Le gouvernement veut améliorer la situation rapidement.",
        "Le ministre s'est adressé à la foule.",
    ],
    ids=["object", "clitic-object", "passive", "infinitive-with-object", "pronominal"],
)
def test_a_transitive_verb_with_its_object_is_left_alone(text: str) -> None:
    assert rule_spans("grammar", text, NO_OBJECT) == []
