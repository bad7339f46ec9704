"""Nouns and adjectives shared out: one determiner or adjective for several nouns, or several for one.

A plural determiner for two singular words, one thing each (« les date et heure »); a plural adjective after two
nouns each with its determiner (« une adresse et une vivacité impressionnantes »); a plural adjective of the plural
noun a singular one completes (« les éléments de boîte de dialogue suivants »); a plural adjective after a list
(« les fichiers d'en-tête et la documentation nécessaires »).  The agreement rules ask these
before they flag a number that looks wrong.
"""

from __future__ import annotations

from typing import Any

from review.flags.nlp import feature, lower_form


def distributive(word: Any) -> bool:
    """« les dernières date et heure », « les marges droite et gauche »: a plural determiner shared by two singular
    words joined by « et » or « ou », one thing each.

    Found in correct French (LibreOffice's help: 2 sentences); on WMT20 QE en-fr (tuning split) no flag changed
    (« Réunir les style et la fonctionnalité », where the second word has its own article, is still flagged).
    """
    doc = word.doc
    if word.i + 2 >= len(doc) or lower_form(doc[word.i + 1]) not in {"et", "ou"}:
        return False
    second = doc[word.i + 2]
    return second.is_alpha and second.is_lower and second.pos_ in {"NOUN", "ADJ"} \
        and not lower_form(second).endswith(("s", "x"))


def plural_governor(noun: Any) -> bool:
    """« les éléments de boîte de dialogue suivants », « les systèmes Logo précédents »: a plural noun the singular
    one completes, through « de » or set beside it, which a plural adjective after both may describe
    (LibreOffice's help: 3 sentences)."""
    doc = noun.doc
    if noun.i > 0 and doc[noun.i - 1].pos_ in {"NOUN", "PROPN"} and lower_form(doc[noun.i - 1]).endswith(("s", "x")):
        return True
    word = noun
    for _ in range(3):
        if word.dep_ != "nmod" or word.head.pos_ != "NOUN" or word.head.i > word.i:
            return False
        word = word.head
        if feature(word, "Number") == "Plur" and lower_form(word).endswith(("s", "x")):
            return True
    return False


def shared_by_a_pair(adj: Any, noun: Any) -> bool:
    """« une adresse et une vivacité impressionnantes », « des coutumes et un langage communs »: a plural adjective
    after two nouns joined by « et » or « ou », each with its own determiner (and preposition: « de la langue et de
    la région sélectionnées », LibreOffice's help), describes both (the parse hangs it on the second alone)."""
    doc = adj.doc
    if not lower_form(adj).endswith(("s", "x")) or not noun.i < adj.i <= noun.i + 3 \
            or any(word.pos_ not in {"ADV", "ADJ"} for word in doc[noun.i + 1:adj.i]):
        return False
    start = _determined_from(noun)
    if start is None and noun.i >= 2 and lower_form(doc[noun.i - 1]) in {"et", "ou"}:
        start = noun.i  # « l'heure et date actuelles »: the first article serves both (GNOME's help)
    if start is not None and start >= 3 and lower_form(doc[start - 1]) in {"de", "d'", "à"}:
        start -= 1  # « de la langue et de la région sélectionnées »: each noun has its preposition
    if start is None or start < 2 or lower_form(doc[start - 1]) not in {"et", "ou"}:
        return False
    first = doc[start - 2]
    while first.pos_ == "ADJ" and first.i > 0:  # « la résistance physique et l'habileté nécessaires »
        first = doc[first.i - 1]
    if first.i >= 2 and lower_form(doc[first.i - 1]) in {"de", "d'"} and doc[first.i - 2].pos_ == "NOUN":
        first = doc[first.i - 2]  # « les fichiers de développement et la documentation nécessaires »: its head
    # a noun in lower case the tagger called a name counts (« la résistance et l'habileté nécessaires »)
    return (first.pos_ == "NOUN" or (first.pos_ == "PROPN" and first.is_lower)) and _determined_from(first) is not None


def _determined_from(noun: Any) -> int | None:
    """Where the noun's phrase starts when its determiner stands in it, right before it or before one adjective."""
    det = next((child for child in noun.children if child.dep_ == "det" and 0 < noun.i - child.i <= 2), None)
    return None if det is None else int(det.i)


# how far back from a noun the « et » or « ou » of its list may stand, and how far before that its first noun
LIST_REACH = 6
FIRST_REACH = 4
LIST_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–"})


def closes_a_list(noun: Any) -> bool:
    """« les fichiers d'en-tête et la documentation nécessaires », « de lecture et écriture aléatoires »: the noun
    ends a list joined by « et » or « ou » whose first part holds a noun, and a plural adjective after it describes
    the whole list; its last part is the noun itself, with no other noun between it and « et ».  Read on the
    words, not the parse, which hangs such lists on either noun or on neither.
    Debian's package descriptions: 38 flags in the 16 blocks read.  On WMT20 QE en-fr (tuning split) 3 right flags
    fewer and 2 errors fewer found: noun stacks the rule read as adjectives (« pique-nique et vin connaisseurs »,
    « canots et float tubes »), which it flagged for the wrong reason.
    """
    doc = noun.doc
    start = noun.sent.start
    for word in reversed(doc[max(start, noun.i - LIST_REACH):noun.i]):
        if lower_form(word) in {"et", "ou"}:
            return any(earlier.pos_ == "NOUN" for earlier in doc[max(start, word.i - FIRST_REACH):word.i])
        if word.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} or word.text in LIST_BREAKS:
            # « la souveraineté et l'intégrité du territoire respectifs »: the noun completes the list's last part,
            # it does not end the list (the sample article)
            return False
    return False
