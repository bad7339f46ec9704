"""English word order around a phrase inside French noun phrases.

Rules of the grammar detector for English order that a whole phrase keeps: « facile à utiliser » before
its noun, two joined adjectives or an adjective in -able, -ant or a participle before it, an adverb before
a bare infinitive (« Facilement planquer »), a model number before the noun it names.  They share the
tests of :mod:`review.flags.word_order`; each one's precision, measured on professionally annotated MT
(WMT20 QE en-fr, tuning split, before ranking), is written next to it and sets its confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import (
    COLOURS,
    POSTNOMINAL_ENDINGS,
    PRENOMINAL,
    SAID,
    masculine_forms,
    set_first_by_choice,
)
from review.flags.compounds import MIN_LENGTH, UNITS
from review.flags.determiners import ARTICLES, noun_preposition
from review.flags.nlp import FlagMaker, can_be_verb, feature, known, lower_form
from review.flags.structure import NAMING, light_idiom
from review.flags.word_order import (
    GRADING,
    LOCUTIONS,
    MISTAGGED_AFTER_ADJECTIVE,
    adjectival,
    head_noun,
    next_to,
)
from review.model import Category, Flag, Severity

# adjectives whose infinitive after « à » has the noun they describe as its object (« facile à utiliser »: the
# boutons are used): an object after the infinitive, or a determiner before the adjective, is the English
# "easy-to-use buttons" in English order
EASY = frozenset(
    "facile faciles simple simples difficile difficiles pratique pratiques agréable agréables impossible "
    "impossibles aisé aisée aisés aisées commode commodes confortable confortables léger légère légers légères "
    "lourd lourde lourds lourdes dur dure durs dures compliqué compliquée compliqués compliquées rapide rapides "
    "amusant amusante amusants amusantes".split()
)
EASY_PARTS = frozenset({"ADJ", "NOUN"})  # « un facile à utiliser … »: the tagger calls it a noun
# endings of adjectives French puts after the noun, that structure.adjective_before does not read: verbal
# adjectives in -able, -ible, -uble (« réglable », « amovible ») and present participles used as adjectives
# (« flottant », « pliante »)
AFTER_ENDINGS = ("able", "ables", "ible", "ibles", "uble", "ubles", "ant", "ante", "ants", "antes")
# adjectives with those endings that French also puts before the noun (« une agréable surprise », « un puissant
# mélange », « de faible luminosité »)
FIRST_TOO = frozenset(
    "agréable remarquable considérable redoutable adorable admirable aimable notable inévitable indéniable "
    "innombrable incroyable formidable véritable inoubliable impeccable imbattable inégalable incomparable "
    "inestimable appréciable honorable respectable misérable minable valable probable possible impossible "
    "horrible terrible sensible visible invisible incontestable irréprochable indispensable inimitable capable "
    "responsable faible confortable charmant puissant brillant élégant important intéressant étonnant surprenant "
    "abondant suffisant imposant fascinant passionnant épatant plaisant méchant vaillant savant galant constant "
    "ardent éclatant".split()
)
MAY_GO_FIRST = PRENOMINAL | FIRST_TOO
# a word in lower case glued to a number
GLUED = re.compile(r"[a-zà-ÿ]{3,}\d")
# words a model number may follow inside a French noun phrase (« modèle 1911 », « classe 2 ») or that are units
LABELS = frozenset(
    "x mesure modèle série numéro taille version type classe niveau catégorie calibre article référence page "
    "chapitre étape an année oz lb lbs g mil po pi ft in m km mm cm degrés pintes gallons grammes livres onces "
    "point points fois ans mois semaines jours heures".split()
)
# the months, which French dates set after their day's number (« le vendredi 21 décembre »: Debian's package
# descriptions; on the tuning split no flag of the rule holds one)
MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())
NOT_NAMED = LABELS | UNITS | MONTHS

# an ordinal in letters (« septième », « vingt-et-unièmes »), which French sets before its noun
ORDINAL = re.compile(r"[a-zà-ÿ-]+ièmes?")


def easy_to_use_first(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« facile à utiliser cinq boutons », « un facile à utiliser … »: English "easy-to-use" before its noun.

    French says « cinq boutons faciles à utiliser »: after « facile à » + infinitive the noun the adjective
    describes is the infinitive's object, so no object follows it (« le rendent facile à ajuster les sangles »
    is English too: « facile d'ajuster »), and no determiner comes before the adjective.  Measured on WMT20 QE
    en-fr (tuning split): 36 flags at 0.72 before ranking, none on an error-free segment; most of the flags
    counted wrong repeat one sentence of a product sold in several documents, annotated in some of them only.
    """
    doc = word.doc
    if word.lower_ not in EASY or word.i + 3 > len(doc):  # no apostrophe in these words: the plain form
        return
    to, verb = doc[word.i + 1], doc[word.i + 2]
    if lower_form(to) != "à" or verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Inf":
        return
    previous = doc[word.i - 1] if word.i > word.sent.start else None
    following = doc[word.i + 3] if word.i + 3 < len(doc) else None
    if previous is not None and (previous.pos_ == "DET" or lower_form(previous) in {"de", "d'"}):
        start, end = previous, verb
    elif following is not None and following.pos_ in {"DET", "NUM", "NOUN"}:
        start = word
        end = doc[following.i + 1] if following.pos_ != "NOUN" and following.i + 1 < len(doc) else following
    else:
        return
    yield make(start.idx, end.idx + len(end.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {word.text} à {verb.text} » before the noun it describes is English word order (easy-to-use …): "
               f"French puts the noun first (« … {word.text} à {verb.text} ») or says « {word.text} de {verb.text} … »",
               (), 0.7)


def joined_adjectives_first(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """« stable et sûr transport », « un très commun et populaire modèle »: two joined adjectives before the noun.

    French puts a pair of adjectives after the noun (« transport stable et sûr »), unless both are of the few
    that go first (« une grande et belle maison »).  Measured on WMT20 QE en-fr (tuning split): 27 flags at
    0.85 before ranking, none on an error-free segment.
    """
    doc = adj.doc
    if adj.i + 1 >= len(doc) or adj.i < 2 or not adj.is_lower or not adj.is_alpha:
        return
    noun = doc[adj.i + 1]
    if noun.pos_ != "NOUN" or not noun.is_lower or not next_to(adj, noun) or lower_form(noun) in LOCUTIONS:
        return
    if lower_form(adj) in PRENOMINAL or adj.lemma_.lower() in PRENOMINAL or ORDINAL.fullmatch(lower_form(adj)):
        return  # « les septième et huitième livres »: ordinals come first (Stellarium's sky cultures)
    joint = adj.i - 1
    if lower_form(doc[joint]) in GRADING:
        joint -= 1  # « plus puissante et plus forte poitrine »
    if joint < 1 or lower_form(doc[joint]) not in {"et", "ou", ","}:
        return
    first = doc[joint - 1]
    if first.pos_ != "ADJ" or not first.is_lower or not masculine_forms(lower_form(first)).isdisjoint(PRENOMINAL):
        return  # « en bonne et due forme », « leur courte et misérable existence »: the pair opens as French does
    yield make(first.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {doc.text[first.idx:adj.idx + len(adj.text)]} » before « {noun.text} » is English word order: "
               f"French puts the adjectives after the noun", (), 0.8)


def adverb_before_infinitive(adv: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Facilement planquer vos trucs », « aider la main naturellement saisir »: "-ly" + verb kept in English order.

    An English imperative opened by an adverb ("Easily stash your gear") comes out as an infinitive after the
    adverb; after a noun, the adverb stands where English has it and the infinitive has lost its « à » or
    « de ».  French puts the adverb after the verb (« Rangez facilement », « aider la main à saisir
    naturellement »).  After a verb or a preposition the infinitive is governed and the adverb may stand
    before it (« peut facilement saisir »): left alone.  Measured on WMT20 QE en-fr (tuning split): 12 flags
    at 1.00 before ranking, none on an error-free segment.
    """
    doc = adv.doc
    lower = lower_form(adv)
    if adv.i + 1 >= len(doc) or not lower.endswith("ment") or lower == "comment" or not adv.is_alpha:
        return
    verb = doc[adv.i + 1]
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Inf" or not verb.is_lower \
            or lower_form(verb).endswith(("é", "ée", "és", "ées")):
        # « les mots actuellement configurés »: a participle the tagger took for an infinitive (KDE's help); a
        # present it took so is MT's (« facilement ajuste », right on the tuning split)
        return
    if adv.i > adv.sent.start:
        previous = doc[adv.i - 1]
        if previous.pos_ not in {"NOUN", "ADJ"} or not previous.is_alpha:
            return
    yield make(adv.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {adv.text} {verb.text} »: an adverb before a bare infinitive is English word order; French "
               f"puts it after the verb, and links the infinitive with « à » or « de » after a noun", (), 0.8)


def ending_after_first(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """« lavable tissu », « une flottant glacière »: an adjective in -able, -ible, -ant before its noun.

    French puts verbal adjectives after the noun (« tissu lavable »); :data:`FIRST_TOO` lists those with
    these endings that may come first.  After a determiner too: unlike any adjective there (134 flags at 0.31,
    branch order), these endings decide.  Measured on WMT20 QE en-fr (tuning split): 73 flags at 0.97 before
    ranking, none on an error-free segment (« acier inoxydable chirurgical », where the adjective belongs to
    the noun before, is left out).
    """
    doc = adj.doc
    if adj.i + 1 >= len(doc) or not adj.is_alpha or not adj.is_lower:
        return
    lower, lemma = lower_form(adj), adj.lemma_.lower()
    if not lower.endswith(AFTER_ENDINGS) or lower.endswith(POSTNOMINAL_ENDINGS):
        return
    noun = doc[adj.i + 1]
    if noun.pos_ != "NOUN" or not noun.is_lower or not noun.is_alpha or not next_to(adj, noun) \
            or _verb_before_det(noun) or set_first_by_choice(adj, noun) or noun_preposition(noun):
        # « la commande suivante relance la configuration »: a verb the tagger took for a noun; « des effets
        # époustouflants grâce à … »: a locution of a preposition (Debian's package descriptions)
        return
    bare = lower.removesuffix("s").removesuffix("e")
    if not {lower, lemma, bare, lower.removesuffix("s")}.isdisjoint(MAY_GO_FIRST):
        return
    if lemma in COLOURS or feature(adj, "VerbForm") == "Part":
        return
    if (adj.i > 0 and (doc[adj.i - 1].pos_ == "ADV" or lower_form(doc[adj.i - 1]) == "acier")) \
            or _chosen_after_article(adj):
        return  # « le très apprécié modèle », « acier inoxydable chirurgical », « une insatiable faim »
    yield make(adj.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {adj.text} » before « {noun.text} » is English word order: French puts this adjective after "
               "the noun", [f"{noun.text} {adj.text}"], 0.8)


def _chosen_after_article(adj: Any) -> bool:
    """« une insatiable faim », « ces florissantes contrées », « le paisible bourg »: an adjective in -able, -ant
    between an article or a demonstrative and its noun, set first by the writer's choice as narrative French does.

    MT leaves these endings first without a determiner (« lavable tissu »), or with one it does not agree with
    (« une flottant glacière »), which stays flagged.  Measured on WMT20 QE en-fr (tuning split): 1 shown flag fewer,
    its error found by another flag (« un impressionnant implements »); on correct French, 9 flags in the read
    sets (games' narration and item descriptions, Debian's package descriptions).
    """
    doc = adj.doc
    if adj.i == 0:
        return False
    shown = ARTICLES.get(lower_form(doc[adj.i - 1]))  # an article or a demonstrative, and the gender it shows
    if shown is None:
        return False
    return not (shown[0] == "Fem" and lower_form(adj).endswith(("ant", "ants")))


def _verb_before_det(word: Any) -> bool:
    """A word that may be a verb, with a determiner after it: the verb of a clause (« relance la configuration »)."""
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return after is not None and after.pos_ == "DET" and can_be_verb(lower_form(word))


def model_number_between(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« barre stabilisatrice 1200 système », « bord 325Grit finitions »: a model number before the noun.

    English puts a model number or a code before the noun it names ("1200 system"); French after it
    (« système 1200 »).  A number counting a plural noun, a measure (« 3,5 pouces »), a unit and the words
    that take a number after them in French (« modèle 1911 », « classe 2 ») are left out.  Measured on WMT20
    QE en-fr (tuning split): 16 flags at 0.94 before ranking, none on an error-free segment (117 at 0.78,
    a fifth of them on units, with any number and noun).
    """
    doc = noun.doc
    if noun.i < 2 or not noun.is_lower or not noun.is_alpha or len(noun.text) < MIN_LENGTH:
        return
    code = doc[noun.i - 1]
    if not any(character.isdigit() for character in code.text) or not next_to(code, noun) \
            or "," in code.text or "." in code.text or GLUED.match(code.text):
        return  # tested first, being the rarest; « valve86 », « activité2 »: a word glued to a number
    lower = lower_form(noun)
    if (code.text.isdigit() and lower.endswith(("s", "x"))) or not {lower, lower.removesuffix("s")}.isdisjoint(
            NOT_NAMED) or adjectival(noun):
        return  # « 3 brûleurs », « 32 pouces », « étui de vitesse V70 brevetée »
    before = doc[noun.i - 2]
    if before.pos_ not in {"NOUN", "ADJ"} or not before.is_lower or not before.is_alpha \
            or not next_to(before, code) or lower_form(before) in LABELS:
        return
    yield make(before.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {code.text} » before « {noun.text} » is English word order: French puts a model number after "
               f"the noun it names (« {noun.text} {code.text} »)", (), 0.8)


def participle_first(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« par accéléré livraison », « et teinté chêne miel », « fermé longueur »: a past participle before a bare noun.

    English puts a participle before its noun ("expedited shipping", "stained oak"); French after it.  The
    tagger reads the participle as a verb, so :func:`review.flags.word_order.adjective_first` does not see
    it; after a noun it is :func:`review.flags.word_order.participle_stack`'s.  A participle with its
    auxiliary, after a pronoun or an adverb (« a vendu arbalètes »: a determiner left out, not the order), or
    one French puts first (« prétendu », « soi-disant ») is left alone, and so are « excepté », « vu »,
    « passé » used as prepositions.  Measured on WMT20 QE en-fr (tuning split): 33 flags at 0.94 before
    ranking, none on an error-free segment (79 at 0.86 and
    one error-free segment with a noun before, many of them participle_stack's already).
    """
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not verb.is_lower or not verb.is_alpha or feature(verb, "VerbForm") != "Part":
        return
    lower = lower_form(verb)
    if lower.endswith(("ant", "ants", "ante", "antes", "ième", "ièmes")) or lower in SAID:
        return  # « les quatrièmes et cinquièmes sections »: an ordinal the tagger took for a participle (TeXworks)
    noun = doc[verb.i + 1]
    if not noun.is_lower or not noun.is_alpha or not next_to(verb, noun) \
            or not head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if adjectival(noun) or lower_form(noun) in LOCUTIONS or not known(noun) or noun_preposition(noun) \
            or any(child.dep_.startswith("aux") for child in verb.children) \
            or light_idiom(verb, noun) or verb.lemma_.lower() in NAMING:
        # « fait appel à »; « des zones appelées points actifs » (LilyPond's manual, LibreOffice's help); « envoyé
        # suite à l'action »: a locution (KDE's messages; no flag of the tuning split has one)
        return
    if verb.i > 0:
        previous = doc[verb.i - 1]
        if previous.pos_ in {"AUX", "PRON", "ADV", "NOUN"} or previous.lemma_ in {"avoir", "être"}:
            return
    yield make(verb.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {verb.text} » before « {noun.text} » is English word order: French puts the participle after the "
               "noun", [f"{noun.text} {verb.text}"], 0.95,
               precedence=0.8)  # 31 shown at 0.97 at stop 49, ranked at the 0.8 it had
