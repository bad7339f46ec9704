"""The spelling detector's rule for two words written together (review/flags/spelling.py)."""

from __future__ import annotations

import pytest
from flag_helpers import detect, rule_spans

pytestmark = pytest.mark.slow  # parses with spaCy

GLUED = "looks like two words written together"


def test_two_french_words_written_together_are_flagged() -> None:
    flags = [flag for flag in detect("spelling", "Il est allé à la plage avec sesamis.") if GLUED in flag.message]
    assert [flag.span_text for flag in flags] == ["sesamis"]
    assert flags[0].suggestions == ("ses amis",)


@pytest.mark.parametrize(
    "text",
    [
        "Il est allé à la plage avec ses amis.",
        "Il est venu de la capitale hier.",
    ],
    ids=["possessive-apart", "article-apart"],
)
def test_the_same_words_written_apart_are_left_alone(text: str) -> None:
    assert rule_spans("spelling", text, GLUED) == []
