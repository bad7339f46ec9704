"""Whether a word the tagger may call a noun is a verb where it stands.

A name and a word that is both a noun and a verb (« Assimp charge les modèles », « Coleman tente dôme ») read as
English word order or as a sentence and its verb: what follows tells them apart.  The rules of word order
(:mod:`review.flags.word_order`, :mod:`review.flags.structure`), of broken parses (:mod:`review.flags.breaks`)
and the dictionary detector ask here.
"""

from __future__ import annotations

from typing import Any

from review.flags.government import CLITICS
from review.flags.nlp import can_be_verb, feature, is_infinitive, lower_form

PARTITIVES = frozenset({"du", "des"})
# what opens a verb's complement and no noun's: « lit de la musique » (Debian's package descriptions)
VERB_LINKS = frozenset({("de", "la"), ("de", "l'")})


def object_next(verb: Any) -> bool:
    """What follows a verb, not a noun: a determiner or a partitive (« lit de la musique »), « à » and an infinitive
    (« aide à conserver »), or an adverb in lower case before a determiner (« analyse aussi l'automate »)."""
    doc = verb.doc
    following = doc[verb.i + 1:verb.i + 3]
    if following and following[0].text.lower().replace("’", "'") == "l'":
        return True  # « Xcalib charge l'argument » (Debian's package descriptions)
    if not following or not following[0].is_alpha:
        return False
    first = following[0]
    second = lower_form(following[1]) if len(following) == 2 else ""
    if first.pos_ == "DET" or lower_form(first) in PARTITIVES or (lower_form(first), second) in VERB_LINKS:
        return True  # not « de » alone: « Speedo lunettes de natation » is a title
    if lower_form(first) == "à" and second and is_infinitive(second):
        return True  # « KookBook aide à conserver » (Debian's package descriptions)
    return first.pos_ == "ADV" and first.is_lower and len(following) == 2 and following[1].pos_ == "DET"


def before_a_clause(word: Any) -> bool:
    """« veille à ce que », « tient à ce que »: a verb form before « à ce », which opens a clause a noun never takes
    (« Procédé … du SOG veille à ce que … »: on the tuning split, an error-free segment; Debian's package
    descriptions)."""
    doc = word.doc
    return can_be_verb(lower_form(word)) and [lower_form(w) for w in doc[word.i + 1:word.i + 3]] == ["à", "ce"]


def the_verb(noun: Any) -> bool:
    """A noun that can be a verb form in a sentence with no other conjugated verb (« La cage massive mesure … »).

    The sentence opens with its subject's determiner: product titles, which have no verb at all, do not.  Or it
    opens with a name, right before the verb, and its object's determiner follows (« Assimp charge les modèles »,
    « Mopidy lit de la musique », « MONA analyse aussi l'automate »: Debian's package descriptions).
    """
    lower = lower_form(noun)
    if not can_be_verb(lower):
        return False
    doc = noun.doc
    # the parser may cut a sentence between the name and its verb: the name opens the text or follows punctuation
    named = noun.i > 0 and doc[noun.i - 1].text[:1].isupper() and (noun.i == 1 or doc[noun.i - 2].is_punct) \
        and object_next(noun)
    if named:
        return True  # its object follows: another verb later is a clause's (« Augeas analyse des fichiers …, qu'il »)
    if doc[noun.sent.start].pos_ != "DET":
        return False
    return not any(word.pos_ in {"VERB", "AUX"} and feature(word, "VerbForm") == "Fin"
                   for word in noun.sent if word.i != noun.i)



def before_its_infinitive(word: Any) -> bool:
    """« la cause du problème risque de se trouver », « et risque de toucher »: a verb form, with no determiner of
    its own, before « de » and an infinitive is that verb (KDE's help).  A noun that governs an infinitive so has its
    determiner (« le risque de tomber »), and no rule asks this of a determined noun."""
    if not can_be_verb(lower_form(word)):
        return False
    doc, index = word.doc, word.i + 1
    if index >= len(doc) or lower_form(doc[index]) not in {"de", "d'"}:
        return False
    index += 1
    while index < len(doc) and lower_form(doc[index]) in CLITICS:  # « risque de se trouver », « de l'abîmer »
        index += 1
    return index < len(doc) and is_infinitive(lower_form(doc[index]))
