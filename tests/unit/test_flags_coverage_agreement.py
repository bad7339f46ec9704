"""Each agreement rule of review/flags/agreement.py and subject_verb.py: a sentence that flags, one that does not."""

from __future__ import annotations

import pytest
from flag_helpers import detect, rule_spans

pytestmark = pytest.mark.slow  # parses with spaCy

PLURAL_DETERMINER = "with singular «"
SINGULAR_DETERMINER = "with plural «"
ADJECTIVE_WANTS_PLURAL = "should agree with plural «"
ADJECTIVE_WANTS_SINGULAR = "is plural but «"


def test_a_plural_determiner_before_a_singular_noun_is_flagged() -> None:
    assert rule_spans("grammar", "Les problème de sécurité restent nombreux.", PLURAL_DETERMINER) == ["Les problème"]


def test_a_plural_determiner_before_a_plural_noun_is_left_alone() -> None:
    assert rule_spans("grammar", "Les problèmes de sécurité restent nombreux.", PLURAL_DETERMINER) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Un enfants joue dans la cour.", "Un enfants"),
        ("Cette mesures sont inutiles.", "Cette mesures"),
    ],
    ids=["article", "demonstrative"],
)
def test_a_singular_determiner_before_a_plural_noun_is_flagged(text: str, span: str) -> None:
    assert rule_spans("grammar", text, SINGULAR_DETERMINER) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Un enfant joue dans la cour.",
        "Ces mesures sont inutiles.",
        "Choisissez la ou les versions souhaitées.",
    ],
    ids=["singular-noun", "plural-determiner", "one-or-more"],
)
def test_a_singular_determiner_agreeing_with_its_noun_is_left_alone(text: str) -> None:
    assert rule_spans("grammar", text, SINGULAR_DETERMINER) == []


def test_a_singular_adjective_after_a_plural_noun_is_flagged() -> None:
    assert rule_spans("grammar", "Elle a acheté des chaussures noir.", ADJECTIVE_WANTS_PLURAL) == ["noir"]


def test_a_plural_adjective_after_a_plural_noun_is_left_alone() -> None:
    assert rule_spans("grammar", "Elle a acheté des chaussures noires.", ADJECTIVE_WANTS_PLURAL) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Il a acheté une voiture rouges.", "rouges"),
        ("Il a acheté un livre intéressants.", "intéressants"),
    ],
    ids=["feminine", "masculine"],
)
def test_a_plural_adjective_after_a_singular_noun_is_flagged(text: str, span: str) -> None:
    assert rule_spans("grammar", text, ADJECTIVE_WANTS_SINGULAR) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Il a acheté une voiture rouge.",
        "Il a vendu un tapis gris.",
    ],
    ids=["singular-adjective", "adjective-ending-in-s"],
)
def test_a_singular_adjective_or_one_ending_in_s_after_a_singular_noun_is_left_alone(text: str) -> None:
    assert rule_spans("grammar", text, ADJECTIVE_WANTS_SINGULAR) == []


@pytest.mark.parametrize(
    ("text", "word", "suggestions"),
    [
        ("Les gants rouge sont en cuir.", "rouge", ["rouges"]),
        ("Les coussinets icluded sont lavables.", "icluded", []),
    ],
    ids=["french-plural", "no-plural-for-a-word-no-list-holds"],
)
def test_the_plural_offered_is_a_french_word(text: str, word: str, suggestions: list[str]) -> None:
    flags = [flag for flag in detect("grammar", text) if ADJECTIVE_WANTS_PLURAL in flag.message]
    assert [flag.span_text for flag in flags] == [word]
    assert list(flags[0].suggestions) == suggestions
