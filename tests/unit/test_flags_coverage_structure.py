"""The grammar detector's rule for words run together by a lost line break (review/flags/structure.py)."""

from __future__ import annotations

import pytest
from flag_helpers import detect, rule_spans

pytestmark = pytest.mark.slow  # parses with spaCy

RUN_TOGETHER = "runs two words together"


def test_a_lower_case_word_glued_to_a_capitalised_one_is_flagged() -> None:
    flags = [flag for flag in detect("grammar", "Le colis pèse 3 poundsBlack et coûte cher.")
             if RUN_TOGETHER in flag.message]
    assert [flag.span_text for flag in flags] == ["poundsBlack"]
    assert flags[0].suggestions == ("pounds Black",)


@pytest.mark.parametrize(
    "text",
    [
        "Le colis pèse 3 livres et coûte cher.",
        "Achetez un nouvel iPhone dès aujourd'hui.",
    ],
    ids=["words-apart", "one-small-letter-before-the-capital"],
)
def test_words_apart_and_a_name_with_an_inner_capital_are_left_alone(text: str) -> None:
    assert rule_spans("grammar", text, RUN_TOGETHER) == []
