"""Adverbial locutions built on a noun (« en effet », « par défaut », « à leur tour »), whose noun the agreement,
noun-pair and relative-clause rules leave alone."""

from __future__ import annotations

from typing import Any

from review.flags.adjective_place import POSSESSIVES
from review.flags.nlp import lower_form

# the nouns of adverbial locutions, after the preposition that makes them one (« en effet », « par défaut »)
ADVERBIAL_LOCUTIONS = frozenset({
    ("en", "effet"), ("en", "général"), ("en", "fait"), ("en", "principe"), ("en", "revanche"), ("en", "outre"),
    ("en", "moyenne"), ("en", "pratique"), ("en", "théorie"), ("en", "réalité"), ("en", "somme"), ("en", "bref"),
    ("en", "définitive"), ("en", "permanence"), ("en", "priorité"), ("par", "défaut"), ("par", "exemple"),
    ("par", "contre"), ("par", "conséquent"), ("par", "extension"), ("par", "ailleurs"), ("du", "coup"),
    ("au", "départ"), ("au", "total"), ("au", "contraire"), ("à", "terme"), ("à", "priori"), ("a", "priori"),
})


def adverbial_noun(word: Any) -> bool:
    """The noun of an adverbial locution: « en effet », « par défaut », « à leur tour », « la plupart du temps ».

    Nothing agrees with it, nothing hangs on it (the Debian Administrator's Handbook: « des problèmes en général
    difficiles », « font à leur tour appel à »)."""
    doc, lower = word.doc, lower_form(word)
    if word.i == 0:
        return False
    before = lower_form(doc[word.i - 1])
    if (before, lower) in ADVERBIAL_LOCUTIONS:
        return True
    earlier = lower_form(doc[word.i - 2]) if word.i >= 2 else ""
    return (lower == "tour" and before in POSSESSIVES and earlier == "à") \
        or (lower == "temps" and before == "du" and earlier == "plupart")
