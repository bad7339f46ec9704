"""English word order inside French noun phrases.

Rules of the grammar detector for the noun phrases English→French MT copies
word for word: a name or a model number before the noun it qualifies
(« Coleman tente », « Harbinger 1250 gant »), an adjective before a noun with
no determiner in front of it (« poignée réglable doigt », « rapide séchage »,
« Confortable fermeture »),
a participle between two nouns (« brûleur fermé chaleur »), an adjective
French puts before the noun left after it (« GPS nouveau »), and English order
around a phrase: « facile à utiliser » before its noun, two joined adjectives
or an adjective in -able, -ant or a participle before it, an adverb before a bare infinitive
(« Facilement planquer »), a model number before the noun it names.
Each rule reads the parse the grammar detector already has, and its precision,
measured on professionally annotated MT (WMT20 QE en-fr, tuning split, before
ranking), is written next to it and sets its confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from review.flags.compounds import MIN_LENGTH, UNITS, noun_only
from review.flags.nlp import FlagMaker, adjective_lemmas, feature, lexicon_words, lower_form
from review.flags.structure import APPOSITIVE, COLOURS, POSTNOMINAL_ENDINGS, PRENOMINAL, participle, the_verb
from review.model import Category, Flag, Severity

# adjectives French almost always puts before the noun (the « BAGS » of the grammars): after it, they are
# English order kept (« GPS nouveau », « pochette jolie »); « haut », « meilleur » are left out, being common
# after a noun too (« le prix le meilleur »: 3 flags at 0.67 on the tuning split, one on an error-free segment),
# and « grands », « grandes » (« les hommes grands »: 3 flags, none right); « grand », « grande » and « bon »
# after a noun, 17 flags at 1.00 (« ciseaux à ongles grande lame », « rétention de bord bonne »)
BEFORE_ONLY = frozenset(
    "nouveau nouvel nouvelle nouveaux nouvelles petit petite petits petites beau bel belle beaux belles joli jolie "
    "jolis jolies vieux vieil vieille vieilles gros grosse grosses mauvais mauvaise mauvaises grand grande "
    "bon bonne bons bonnes".split()
)
# of those, the ones that open a noun phrase after a brand (« Slumberjack grand lit », on error-free segments)
AFTER_A_NAME_TOO = frozenset("grand grande bon bonne bons bonnes".split())
# words after which « grand », « bon » may stand after the noun in French (« une canne grande et solide »)
JOINING = frozenset("et ou , de d' que qu' à pour en".split())
# tags the tagger gives a head noun it misreads, that name_before_noun and adjective_first still take for one when
# the lemmatizer's tables know the word as a noun only (tuning split: after a name, 110 flags more at 0.95; after an
# adjective, 72 more at 0.94); after a name, a word read as a verb is left out (22 flags at 0.77, 2 on error-free
# segments: a brand is often the subject of a verb there)
MISTAGGED = frozenset({"PROPN", "X", "ADJ"})
MISTAGGED_AFTER_ADJECTIVE = MISTAGGED | {"VERB"}
# what opens a quotation, a bracket or a list item: the word after it takes a capital of its own
OPENERS = frozenset({"«", '"', "“", "(", "[", ":", "-", "–", "—", "/", "•"})
# short English adjectives French keeps in front, like « super » or « mini » (« pro scooter »)
BORROWED = frozenset({"pro"})
# words that grade the adjective after them (« très rapide séchage »): they leave the order question open
GRADING = frozenset("très plus moins si aussi trop assez fort bien".split())
# nouns that, right after an adjective, start a locution (« bancales grâce à »), not a noun phrase
LOCUTIONS = frozenset("grâce face faute".split())
# nouns of time that follow a place as adjuncts (« à Madrid dimanche »), not as its head
WHEN = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche matin midi soir nuit".split())
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
# participles French puts before the noun, and those used as prepositions (« excepté dimanche », « passé minuit »)
SAID = frozenset("prétendu prétendue prétendus prétendues soi-disant dit dite susdit susdite maudit maudite "
                 "excepté vu attendu passé".split())
# a word in lower case glued to a number
GLUED = re.compile(r"[a-zà-ÿ]{3,}\d")
# words a model number may follow inside a French noun phrase (« modèle 1911 », « classe 2 ») or that are units
LABELS = frozenset(
    "x mesure modèle série numéro taille version type classe niveau catégorie calibre article référence page "
    "chapitre étape an année oz lb lbs g mil po pi ft in m km mm cm degrés pintes gallons grammes livres onces "
    "point points fois ans mois semaines jours heures".split()
)
NOT_NAMED = LABELS | UNITS


def name_before_noun(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """A name, or a name and its model number, before a common noun: English compound order.

    « Coleman tente dôme », « Harbinger 1250 gant », « Kraton poignée »: French puts the noun first
    and the name after it (« tente dôme Coleman »).  Measured on WMT20 QE en-fr (tuning split):
    551 flags at 0.89 before ranking, 411 shown at 0.87 after it; a name then a noun then a model
    number (« Wilson A360 série 14" ») is a label: 21 flags at 0.38, left out.  With a brand opening a
    title that the tagger calls a noun and a head noun it calls an adjective or a name (:func:`_head_noun`),
    176 flags more at 0.92 before ranking; shown in the whole default set, 418 -> 549 at 0.88.
    """
    doc = noun.doc
    if not noun.is_lower or not noun.is_alpha or len(noun.text) < 3 or noun.i < 1 or not _head_noun(noun):
        return
    previous = doc[noun.i - 1]
    if not _next_to(previous, noun):
        return
    if _name(previous):
        name = previous
    elif noun.i >= 2 and _model_number(previous) and _name(doc[noun.i - 2]) and _next_to(doc[noun.i - 2], previous):
        name = doc[noun.i - 2]
        if previous.is_digit and feature(noun, "Number") == "Plur":
            return  # « PC 32 bits »: a number counting the noun, not a model number
    else:
        return
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if (following is not None and (_model_number(following) or (
            following.text in {",", "et"} and lower_form(noun) in adjective_lemmas()))) \
            or (noun.pos_ != "NOUN" and name.i > 0 and _model_number(doc[name.i - 1])):
        # « Wilson A360 série 14" », « ITF stade 2 »: a label and its number, 21 flags at 0.38; « la sécurité
        # du Pakistan ami, frère et voisin »: an adjective opening a list, 3 flags at 0.33; « Sportline 340 Strider
        # podomètre », « B8250 DuoBase banc »: a model number, a name, then a word the tagger did not call a noun,
        # 10 flags at 0.80, 2 of them on error-free segments
        return
    if participle(noun) or the_verb(noun) or lower_form(noun) in LOCUTIONS | WHEN:
        return  # « WristWrap breveté », « La Balance Board mesure … », « LDAP grâce à », « à Madrid dimanche »
    yield make(name.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {doc.text[name.idx:noun.idx + len(noun.text)]} »: a name before the noun it qualifies is "
               f"English word order; French puts the noun first (« {noun.text} … {name.text} »)", (), 0.85)


def adjective_first(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """An adjective before a noun that has no determiner: the English stack « poignée réglable doigt ».

    French puts a prenominal adjective after a determiner or a preposition (« une solide réputation »,
    « de faible luminosité »: 134 flags at 0.31 with those, left out); after a noun, a name, a comma
    or at the head of a title the adjective is English order (« doigt réglable poignée »,
    « Intégré indicateur », « rapide séchage »).  Measured on WMT20 QE en-fr (tuning split):
    465 flags at 0.89 before ranking, 357 shown at 0.89 after it.  With a head noun the tagger calls an
    adjective, a name or a verb (« pliables réchaud »: :func:`_head_noun`), 72 flags more at 0.94 before
    ranking (one on an error-free segment, « batterie rechargeable plomb », left out below); shown in the
    whole default set, 362 -> 405 at 0.90.
    """
    doc = adj.doc
    if adj.pos_ != "ADJ" or adj.i + 1 >= len(doc) or not adj.is_alpha or not adj.is_lower:
        return
    noun = doc[adj.i + 1]
    if not noun.is_lower or not noun.is_alpha or not _next_to(adj, noun) \
            or not _head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    lower = lower_form(adj)
    if lower in PRENOMINAL | BORROWED or adj.lemma_.lower() in PRENOMINAL or _after_the_noun(adj, noun):
        return  # French order, or a case of structure.adjective_before
    previous = doc[adj.i - 1] if adj.i > adj.sent.start else None
    if previous is not None and previous.pos_ in {"DET", "ADP"}:
        return
    if previous is not None and lower_form(previous) in GRADING and adj.i - 2 >= adj.sent.start \
            and doc[adj.i - 2].pos_ in {"DET", "ADP"}:
        return  # « le plus novateur appareil »: a superlative
    if _adjectival(noun) or the_verb(noun) or lower_form(noun) in LOCUTIONS or not _known(noun) \
            or (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NUM"):
        # « blocage automatique brevetée », « cage massive mesure », « randonnées bancales grâce à »,
        # « le lecteur Flash libre gnash » (a name in lower case: 2 flags lost on tuning); « batterie rechargeable
        # plomb 36 volts », a noun before its measure: 11 flags at 0.91, one of them on an error-free segment (in
        # the whole default set, 14 errors fewer found to keep that segment clean)
        return
    # the flag starts at the noun or the adjective stacked before (« populaire pliables réchaud »: 14 errors more
    # found on the tuning split, at 0.92)
    stacked = previous is not None and _next_to(previous, adj) and (previous.pos_ == "NOUN" or (
        previous.pos_ == "ADJ" and previous.is_lower and lower_form(previous) not in PRENOMINAL))
    start = previous if stacked and previous is not None else adj
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {adj.text} » before « {noun.text} » with no determiner is English word order: French says "
               f"« {noun.text} {adj.text} » or links the nouns with a preposition", (), 0.85)


def capitalised_adjective_first(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Confortable fermeture », « Programmable tapis »: an adjective in title case before a bare noun.

    Product titles keep the English capitals and the English order; the tagger reads such an adjective as
    a name or a noun, so :func:`adjective_first` does not see it.  The adjective is one by the lemmatizer's
    tables, French does not put it first (:data:`PRENOMINAL`), and no determiner or preposition stands
    before it; at the head of a sentence with a conjugated verb, a capital is only the sentence's.  Measured
    on WMT20 QE en-fr (tuning split): 40 flags at 0.95 before ranking, none on an error-free segment (some
    of them mark the determiner missing before the phrase, as « Légendaire qualité de Fisher-Price »); 36
    shown at 0.97.
    """
    doc = adj.doc
    if adj.i + 1 >= len(doc) or not adj.is_alpha or not adj.is_title or len(adj.text) < MIN_LENGTH:
        return
    lower, lemma = lower_form(adj), adj.lemma_.lower()
    if adj.pos_ not in {"ADJ", "PROPN", "NOUN", "X", "VERB"} or {lower, lemma}.isdisjoint(adjective_lemmas()) \
            or lower in PRENOMINAL | BORROWED or lemma in PRENOMINAL:
        return
    noun = doc[adj.i + 1]
    if not noun.is_lower or not noun.is_alpha or not _next_to(adj, noun) \
            or not _head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if _adjectival(noun) or lower_form(noun) in LOCUTIONS or not _known(noun):
        return
    if adj.i > adj.sent.start:
        previous = doc[adj.i - 1]
        if previous.pos_ in {"DET", "ADP"} or previous.text in OPENERS:
            return
    elif any(word.pos_ in {"VERB", "AUX"} and feature(word, "VerbForm") == "Fin" for word in adj.sent):
        return
    yield make(adj.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {adj.text} » before « {noun.text} » with no determiner is English word order: French says "
               f"« {noun.text} {lower} » (after a determiner where the phrase needs one)", (), 0.85)


def participle_stack(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """A noun, a participle, a noun: « brûleur fermé chaleur », « poids pondéré bandes ».

    English stacks a participle and two nouns ("enclosed burner heat box"); MT translates each word in its
    place, and the participle then stands between the noun it qualifies and the head noun.  The tagger
    reads the participle as a verb, so :func:`adjective_first` does not see it.  Measured on WMT20 QE
    en-fr (tuning split): 58 flags at 0.95 before ranking, none on an error-free segment; 42 shown at 0.93.
    """
    doc = verb.doc
    if verb.i < 1 or verb.i + 1 >= len(doc) or verb.pos_ == "ADJ" or not verb.is_lower or not verb.is_alpha:
        return
    first, noun = doc[verb.i - 1], doc[verb.i + 1]
    if first.pos_ != "NOUN" or not first.is_lower or not first.is_alpha or not _next_to(first, verb):
        return  # tested first: most words do not follow a noun, and this costs less than the participle's tests
    if not (participle(verb) or feature(verb, "VerbForm") == "Part"):
        return
    if not _next_to(verb, noun) or not noun.is_lower or not noun.is_alpha \
            or not _head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if _adjectival(noun) or lower_form(noun) in LOCUTIONS or not _known(noun):
        return  # « air comprimé standard », « fibres recyclées grâce à »
    yield make(first.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {doc.text[first.idx:noun.idx + len(noun.text)]} »: a participle between two nouns is English "
               f"word order; French puts the head noun first (« {noun.text} en {first.text} {verb.text} », "
               f"« {noun.text} de {first.text} {verb.text} »)", (), 0.85)


def before_only_after(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """« GPS nouveau », « pochette jolie »: an adjective French puts before the noun, left after it.

    Measured on WMT20 QE en-fr (tuning split): 32 flags at 0.94 before ranking, 26 shown at 0.92; with
    « grand », « grande » and « bon » (not after a brand, nor joined to another word: « grande et solide »)
    49 flags at 0.96 before ranking, the one error-free segment flagged being « pièces d'auto petit », as before.
    """
    if adj.pos_ != "ADJ" or lower_form(adj) not in BEFORE_ONLY or adj.i == 0:
        return
    noun = adj.doc[adj.i - 1]
    if noun.pos_ not in {"NOUN", "PROPN"} or not noun.is_alpha or not _next_to(noun, adj):
        return
    if lower_form(adj) in AFTER_A_NAME_TOO:
        following = adj.doc[adj.i + 1] if adj.i + 1 < len(adj.doc) else None
        if not noun.is_lower or (following is not None and lower_form(following) in JOINING):
            return  # « Slumberjack grand lit »: the adjective of the noun after the brand; « grande et solide »
    yield make(noun.idx, adj.idx + len(adj.text), Category.GRAMMAR, Severity.MINOR,
               f"« {adj.text} » after « {noun.text} » is English word order: French puts this adjective before "
               "the noun", [f"{adj.text} {noun.text}"], 0.8)


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
    yield make(start.idx, end.idx + len(end.text), Category.GRAMMAR, Severity.MINOR,
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
    if noun.pos_ != "NOUN" or not noun.is_lower or not _next_to(adj, noun) or lower_form(noun) in LOCUTIONS:
        return
    if lower_form(adj) in PRENOMINAL or adj.lemma_.lower() in PRENOMINAL:
        return
    joint = adj.i - 1
    if lower_form(doc[joint]) in GRADING:
        joint -= 1  # « plus puissante et plus forte poitrine »
    if joint < 1 or lower_form(doc[joint]) not in {"et", "ou", ","}:
        return
    first = doc[joint - 1]
    if first.pos_ != "ADJ" or not first.is_lower:
        return
    yield make(first.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
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
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Inf" or not verb.is_lower:
        return
    if adv.i > adv.sent.start:
        previous = doc[adv.i - 1]
        if previous.pos_ not in {"NOUN", "ADJ"} or not previous.is_alpha:
            return
    yield make(adv.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MINOR,
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
    if noun.pos_ != "NOUN" or not noun.is_lower or not noun.is_alpha or not _next_to(adj, noun):
        return
    bare = lower.removesuffix("s").removesuffix("e")
    if not {lower, lemma, bare, lower.removesuffix("s")}.isdisjoint(MAY_GO_FIRST):
        return
    if lemma in COLOURS or feature(adj, "VerbForm") == "Part":
        return
    if adj.i > 0 and (doc[adj.i - 1].pos_ == "ADV" or lower_form(doc[adj.i - 1]) == "acier"):
        return  # « le très apprécié modèle », « acier inoxydable chirurgical »
    yield make(adj.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {adj.text} » before « {noun.text} » is English word order: French puts this adjective after "
               "the noun", [f"{noun.text} {adj.text}"], 0.8)


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
    if not any(character.isdigit() for character in code.text) or not _next_to(code, noun) \
            or "," in code.text or "." in code.text or GLUED.match(code.text):
        return  # tested first, being the rarest; « valve86 », « activité2 »: a word glued to a number
    lower = lower_form(noun)
    if (code.text.isdigit() and lower.endswith(("s", "x"))) or not {lower, lower.removesuffix("s")}.isdisjoint(
            NOT_NAMED) or _adjectival(noun):
        return  # « 3 brûleurs », « 32 pouces », « étui de vitesse V70 brevetée »
    before = doc[noun.i - 2]
    if before.pos_ not in {"NOUN", "ADJ"} or not before.is_lower or not before.is_alpha \
            or not _next_to(before, code) or lower_form(before) in LABELS:
        return
    yield make(before.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {code.text} » before « {noun.text} » is English word order: French puts a model number after "
               f"the noun it names (« {noun.text} {code.text} »)", (), 0.8)


def participle_first(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« par accéléré livraison », « et teinté chêne miel », « fermé longueur »: a past participle before a bare noun.

    English puts a participle before its noun ("expedited shipping", "stained oak"); French after it.  The
    tagger reads the participle as a verb, so :func:`adjective_first` does not see it; after a noun it is
    :func:`participle_stack`'s.  A participle with its auxiliary, after a pronoun or an adverb (« a vendu
    arbalètes »: a determiner left out, not the order), or one French puts first (« prétendu », « soi-disant »)
    is left alone, and so are « excepté », « vu », « passé » used as prepositions.  Measured on WMT20 QE
    en-fr (tuning split): 33 flags at 0.94 before ranking, none on an error-free segment (79 at 0.86 and
    one error-free segment with a noun before, many of them participle_stack's already).
    """
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not verb.is_lower or not verb.is_alpha or feature(verb, "VerbForm") != "Part":
        return
    lower = lower_form(verb)
    if lower.endswith(("ant", "ants", "ante", "antes")) or lower in SAID:
        return
    noun = doc[verb.i + 1]
    if not noun.is_lower or not noun.is_alpha or not _next_to(verb, noun) \
            or not _head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if _adjectival(noun) or lower_form(noun) in LOCUTIONS or not _known(noun) \
            or any(child.dep_.startswith("aux") for child in verb.children):
        return
    if verb.i > 0:
        previous = doc[verb.i - 1]
        if previous.pos_ in {"AUX", "PRON", "ADV", "NOUN"} or previous.lemma_ in {"avoir", "être"}:
            return
    yield make(verb.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MINOR,
               f"« {verb.text} » before « {noun.text} » is English word order: French puts the participle after the "
               "noun", [f"{noun.text} {verb.text}"], 0.8)


def _next_to(first: Any, second: Any) -> bool:
    """The two tokens are separated by one space (not a line break, a hyphen or nothing).

    spaCy keeps one trailing space on a token and makes a token of any other white space.
    """
    return bool(second.i == first.i + 1 and first.whitespace_ == " ")


def _name(token: Any) -> bool:
    """A capitalised word inside the sentence: a brand, a model or a name left in English.

    Not the first word of a quotation or a bracket (« Paramètres système »), nor an adjective of a
    title after its determiner (« le Premier ministre »).  The first word of a
    sentence takes a capital anyway: it counts only in a title (no conjugated verb), tagged a name and
    unknown to the lemmatizer's tables (« Coleman », not « Montre »), since the parser cuts product
    titles into sentences at odd places (« Coleman 2000008063 Stratus | sac de couchage »).
    """
    if not token.text[:1].isupper() or len(token.text) < 2 or token.pos_ not in {"PROPN", "X", "NOUN", "ADJ"}:
        return False
    if token.i != token.sent.start:
        previous = token.doc[token.i - 1]
        # « le Premier ministre »: a title's adjective after its determiner (2 flags at 0.50 on tuning)
        return previous.text not in OPENERS and not (previous.pos_ == "DET" and lower_form(token) in PRENOMINAL)
    words = lexicon_words()
    lower = lower_form(token)
    if not {lower, lower.removesuffix("s"), token.lemma_.lower()}.isdisjoint(words):
        return False
    if token.pos_ not in {"PROPN", "X"} and lower.endswith("s"):
        # the tagger calls many a brand opening a title a noun or an adjective (« Sunlite bicyclette »,
        # « Sportline 340 podomètre »): 65 flags at 0.86 on the tuning split; a plural is a French noun the
        # tables lack (« Lingettes nettoyage », on an error-free segment)
        return False
    return not any(word.pos_ in {"VERB", "AUX"} and feature(word, "VerbForm") == "Fin" for word in token.sent)


def _head_noun(word: Any, mistagged: frozenset[str] = MISTAGGED) -> bool:
    """A noun, or a word the tagger took for something else that the lemmatizer's tables know as a noun only.

    After a name or an adjective the tagger often reads the head noun of an English-order title as an
    adjective, a name or a verb (« Wald 1216 vélo », « Coleman 5008C700T Camping cafetière », « populaire
    pliables réchaud »); :func:`review.flags.compounds.noun_only` says it is none of these.
    """
    if word.pos_ == "NOUN":
        return True
    return word.pos_ in mistagged and len(word.text) >= MIN_LENGTH and noun_only(word)


def _known(word: Any) -> bool:
    """A word the pipeline has a vector for or the lemmatizer's tables list (not the name « gnash »)."""
    return bool(word.has_vector) or lower_form(word) in lexicon_words()


def _model_number(token: Any) -> bool:
    """« 1250 », « LG6530 », « 94DSPT »: digits, and letters joined to them."""
    return token.text[:1].isalnum() and any(character.isdigit() for character in token.text)


def _adjectival(noun: Any) -> bool:
    """A word tagged noun that French uses as an adjective here: a participle, or a noun in apposition."""
    lower = lower_form(noun)
    return participle(noun) or lower in APPOSITIVE or lower.removesuffix("s") in APPOSITIVE \
        or lower in adjective_lemmas()


def _after_the_noun(adj: Any, noun: Any) -> bool:
    """The adjectives structure.adjective_before already flags before their noun (participles, colours, -ique…)."""
    if adj.dep_ != "amod" or adj.head.i != noun.i:
        return False
    return lower_form(adj).endswith(POSTNOMINAL_ENDINGS) or adj.lemma_.lower() in COLOURS \
        or feature(adj, "VerbForm") == "Part"
