"""The contraction rule of review/flags/omissions.py: « de le » is « du », but not before an infinitive."""

from __future__ import annotations

import pytest
from flag_helpers import detect, rule_spans

pytestmark = pytest.mark.slow  # parses with spaCy

CONTRACTED = "is contracted in French"


def test_de_le_before_a_noun_is_flagged() -> None:
    flags = [flag for flag in detect("grammar", "Nous avons parlé de le projet.") if CONTRACTED in flag.message]
    assert [flag.span_text for flag in flags] == ["de le"]
    assert flags[0].suggestions == ("du",)


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons parlé du projet.",
        "Nous avons parlé des projets.",
        "Il a refusé de le faire hier.",
    ],
    ids=["contracted", "contracted-plural", "pronoun-before-an-infinitive"],
)
def test_contracted_articles_and_object_pronouns_are_left_alone(text: str) -> None:
    assert rule_spans("grammar", text, CONTRACTED) == []
