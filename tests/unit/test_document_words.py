"""The word before a full stop, found by a bounded regex search, is the word a walk back finds."""

from __future__ import annotations

import pytest

from review.sentences import _LONGEST_WORD, _WORD_BEFORE, _is_abbreviation, split_sentences


def walked_start(text: str, dot: int) -> int:
    """Where the word before ``text[dot]`` starts, walking back one character at a time (the first splitter's way)."""
    start = dot
    limit = max(0, dot - _LONGEST_WORD)
    while start > limit and not text[start - 1].isspace() and text[start - 1] not in '«("“':
        start -= 1
    return start


TEXTS = {
    "title": "Il a vu M. Dupont hier.",
    "initials": "J. R. R. Tolkien est né en 1892.",
    "opening marks": "Il dit «M. X» puis (cf. p. 3) et “etc. ” ici.",
    "no space before": "x.y.z. a.b. U.S.A. J.-C. fin.",
    "start of text": "etc. Puis.",
    "long word": "Anticonstitutionnellement" * 2 + ". Oui. " + "a" * 23 + ". " + "b" * 24 + ".",
    "odd spaces": "Av.\u00a0J.\u2003Dr.\x1cM.\tMme. Fin.",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_the_word_before_each_full_stop(text: str) -> None:
    for dot, char in enumerate(text):
        if char != ".":
            continue
        found = _WORD_BEFORE.search(text, max(0, dot - _LONGEST_WORD), dot)
        assert found is not None
        assert found.start() == walked_start(text, dot), (text, dot)


ABBREVIATIONS = {  # the text, and whether its first full stop closes an abbreviation
    "a title": ("Il a vu M. Dupont", True),
    "an initial": ("J. Smith", True),
    "dotted letters": ("les U.S. et", True),
    "a listed word": ("(etc. Oui", True),
    "an ordinary word": ("Il est venu. Puis", False),
    "a word too long": ("a" * 30 + ". B", False),
    "nothing before": (". B", False),
}


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS.values(), ids=ABBREVIATIONS.keys())
def test_abbreviations(text: str, expected: bool) -> None:
    assert _is_abbreviation(text, text.index(".")) is expected


def test_sentences_after_abbreviations_and_quotes() -> None:
    text = "M. Dupont est arrivé. Il a dit « Non. Jamais. » puis il est parti ! Fin…  Oui."
    assert [text[start:end] for start, end in split_sentences(text)] == [
        "M. Dupont est arrivé.", "Il a dit « Non. Jamais. » puis il est parti !", "Fin…", "Oui.",
    ]
