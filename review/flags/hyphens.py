"""Words the tagger cut at their hyphens: a demonstrative pronoun (« Celui-ci »), a hyphenated adjective
(« magnéto-optiques »).

spaCy's French tokenizer splits most hyphenated words into their pieces and a hyphen token; the rules that read two
words side by side then see a piece as a word of its own.  These helpers tell such a piece, for the rules of
:mod:`review.flags.structure`, :mod:`review.flags.compounds` and :mod:`review.flags.bare_objects`.
"""

from __future__ import annotations

from typing import Any

from review.flags.nlp import lower_form, noun_lemmas


def demonstrative_piece(word: Any) -> bool:
    """« ci » or « là » of a demonstrative pronoun the tagger cut at its hyphen (« Celui-ci lit des expressions »):
    the word after it is the pronoun's verb, no noun."""
    return lower_form(word) in {"ci", "là"} and word.i > 0 and word.doc[word.i - 1].text in {"-", "‑"}


# the endings of French adjectives, for a hyphenated one the word lists hold whole (« magnéto-optiques »)
# (not « -ant »: « un sac bivouac imper-respirant » is MT's, a right flag of the tuning split)
HYPHENATED_ADJECTIVE_ENDINGS = ("ique", "iques", "al", "aux", "ale", "ales", "el", "els", "elle", "elles", "if",
                                "ifs", "ive", "ives", "eux", "euse", "euses", "aire", "aires", "able", "ables", "ible",
                                "ibles")


def hyphenated_adjective(word: Any) -> bool:
    """« des disques magnéto-optiques », « un lecteur audio-numérique »: the first piece of a hyphenated adjective that
    a French word list holds whole, cut off at its hyphen (the manual pages, read blocks, stop 59: 2 flags)."""
    doc = word.doc
    if word.whitespace_ or word.i + 2 >= len(doc) or doc[word.i + 1].text != "-" or doc[word.i + 1].whitespace_:
        return False
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word list loads on first use

    whole = f"{lower_form(word)}-{lower_form(doc[word.i + 2])}"
    return whole.endswith(HYPHENATED_ADJECTIVE_ENDINGS) and in_french_list(whole) and whole not in noun_lemmas()
