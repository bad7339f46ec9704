"""Language detection answers the same for a long article as for its start, and stops counting letters early."""

from __future__ import annotations

import pytest

from review.langid import MIN_LETTERS, _has_letters, detect_language

LETTERS = {
    "none": ("12 345 — !?", 1, False),
    "exactly enough": ("a1b2c3", 3, True),
    "one short": ("a1b2", 3, False),
    "accented": ("été", 3, True),
    "letters after much else": ("9" * 10_000 + "abc", 3, True),
}


@pytest.mark.parametrize(("text", "count", "expected"), LETTERS.values(), ids=LETTERS.keys())
def test_has_letters(text: str, count: int, expected: bool) -> None:
    assert _has_letters(text, count) is expected


def test_a_long_article_is_judged_by_its_start() -> None:
    sentence = "Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs de la région. "
    short = detect_language(sentence * 3)
    long = detect_language(sentence * 50_000)
    assert short is not None
    assert long is not None
    assert (long.language, short.language) == ("fr", "fr")


def test_too_few_letters_are_not_judged() -> None:
    assert detect_language("1234 " * 1000 + "a" * (MIN_LETTERS - 1)) is None
