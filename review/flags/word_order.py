"""English word order inside French noun phrases.

Rules of the grammar detector for the noun phrases English→French MT copies
word for word: a name or a model number before the noun it qualifies
(« Coleman tente », « Harbinger 1250 gant »), an adjective before a noun with
no determiner in front of it (« poignée réglable doigt », « rapide séchage »,
« Confortable fermeture »),
a participle between two nouns (« brûleur fermé chaleur »), and an adjective
French puts before the noun left after it (« GPS nouveau »).  English order
around a phrase is :mod:`review.flags.phrase_order`'s.
Each rule reads the parse the grammar detector already has, and its precision,
measured on professionally annotated MT (WMT20 QE en-fr, tuning split, before
ranking), is written next to it and sets its confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import (
    COLOURS,
    CONTRACTED,
    POSTNOMINAL_ENDINGS,
    PRENOMINAL,
    SHADES,
    masculine_forms,
    may_be_adjective,
    singular,
)
from review.flags.compounds import MIN_LENGTH, noun_only
from review.flags.determiners import BARE_OBJECT_IDIOMS, noun_preposition, step_by_step
from review.flags.government import CLITICS
from review.flags.nlp import (
    FlagMaker,
    adjective_forms,
    adjective_lemmas,
    can_be_verb,
    feature,
    known,
    lexicon_words,
    lower_form,
    noun_lemmas,
)
from review.flags.structure import (
    APPOSITIVE,
    NAMING,
    PLACE_ADVERBS,
    light_idiom,
    noun_adjective,
    opens_a_clause,
    participle,
    participle_clause,
    present_form,
    program_kind,
    verb_only,
)
from review.flags.verb_reading import before_a_clause, the_verb
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
# those adjectives as the first word of a locution that follows the noun (« des pièces bon marché », « l'utilisateur
# grand public », « un objectif grand angle », « l'architecture petit boutiste »)
LOCUTION_HEADS = frozenset({("bon", "marché"), ("grand", "public"), ("grand", "angle"), ("petit", "boutiste"),
                            ("gros", "boutiste"), ("grand", "format"), ("petit", "format"), ("grand", "écran")})
# (« une carte grand format », « un téléviseur grand écran »: 0 A.D.'s maps; on the tuning split no flag holds them)
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
# nouns of a fixed phrase after an adjective or before a preposition (« grâce à », « nulle part », « quelque part »)
LOCUTIONS = frozenset("grâce face faute part côté".split())
ACRONYM_LENGTH = 6
GLOSS_LENGTH = 8  # a gloss in brackets after an adjective: « (-small) » is 4 tokens
# the determiners that open a question, capitalised at its start (« Quelle profondeur pour… »), and no name
INTERROGATIVE = frozenset({"quel", "quelle", "quels", "quelles"})
# an ordinal in Roman numerals (« XIXe », « XIXème », « Ier », « IIIᵉ »)
# number words the tagger may call adjectives (« neuf », nine; « zéro jour »)
NUMBER_WORDS = frozenset("un deux trois quatre cinq six sept huit neuf dix".split())
# adjectives French sets before their noun, opening a program's label with their capital: « la boîte de dialogue
# Nouvelle liste d'adresses », « Insertion ▸ Autres champs » (LibreOffice's interface messages: 6 flags, stop 51)
LABEL_OPENERS = frozenset("nouveau nouvel nouvelle nouveaux nouvelles autre autres".split())
ROMAN_ORDINAL = re.compile(r"[IVXLCDM]+(?:e|è|ème|eme|er|re|ère|ᵉ|ᵉʳ)")
# nouns of time that follow a place as adjuncts (« à Madrid dimanche »), not as its head
WHEN = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche matin midi soir nuit".split())


def name_before_noun(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """A name, or a name and its model number, before a common noun: English compound order.

    « Coleman tente dôme », « Harbinger 1250 gant », « Kraton poignée »: French puts the noun first
    and the name after it (« tente dôme Coleman »).  Measured on WMT20 QE en-fr (tuning split):
    551 flags at 0.89 before ranking, 411 shown at 0.87 after it; a name then a noun then a model
    number (« Wilson A360 série 14" ») is a label: 21 flags at 0.38, left out.  With a brand opening a
    title that the tagger calls a noun and a head noun it calls an adjective or a name (:func:`head_noun`),
    176 flags more at 0.92 before ranking; shown in the whole default set, 418 -> 549 at 0.88.
    """
    doc = noun.doc
    if not noun.is_lower or not noun.is_alpha or len(noun.text) < 3 or noun.i < 1 or not head_noun(noun):
        return
    previous = doc[noun.i - 1]
    if not next_to(previous, noun):
        return
    if _name(previous):
        name = previous
    elif noun.i >= 2 and _model_number(previous) and _name(doc[noun.i - 2]) and next_to(doc[noun.i - 2], previous):
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
    if participle(noun) or the_verb(noun) or verb_only(noun) or lower_form(noun) in LOCUTIONS | WHEN \
            or before_a_clause(noun) or _acronym_described(name, noun) or _describes_the_noun_before(name, noun) \
            or _the_name_s_verb(noun) or participle_clause(noun):
        # « WristWrap breveté », « La Balance Board mesure … », « LDAP grâce à », « à Madrid dimanche »; « le
        # Conseil contacta les tribus »: a simple past, no noun
        return
    yield make(name.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {doc.text[name.idx:noun.idx + len(noun.text)]} »: a name before the noun it qualifies is "
               f"English word order; French puts the noun first (« {noun.text} … {name.text} »)", (), 0.85)


# what opens the object of a verb right after it (« ScottFree lit et exécute les fichiers »)
OBJECT_OPENERS = frozenset("le la les l' un une des".split())
# possessives open an object too (« Password Gorilla copie son nom »: Debian's package descriptions, stop 55)
POSSESSIVE_OPENERS = frozenset("son sa ses leur leurs mon ma mes ton ta tes notre nos votre vos".split())
# prepositions a verb goes on with, read after a verb form no noun table lists (« LilyPond recourt à »); not « avec »,
# « pour »: a title goes on so after its noun (« PWC Dock lignes avec crochets », a right flag of the tuning split)
VERB_PREPOSITIONS = frozenset({"à", "au", "aux", "en"})


def _the_name_s_verb(word: Any) -> bool:
    """« Le module Encode::Locale recherche le jeu de caractères », « ScottFree lit et exécute les fichiers »: a verb
    form after a name, before an article or « et » and another verb form, is the name's verb (Debian's package
    descriptions: 3 flags in 10,500 sentences, stop 52; on the tuning split 2 wrong flags fewer, « Greg Cook
    déverrouille la dynamique », « l'Alpen Optics produit une gamme »); so is a verb no noun table lists before an
    adverb (« Lzip décompresse presque », stop 53) or a preposition (« LilyPond recourt à », stop 55), and any verb
    form before a possessive (« Password Gorilla copie son nom », stop 55).

    Not :func:`review.flags.bare_objects._verb_and_its_object`, which judges a noun of a list: it leaves out « du »
    and « des » (there they open the noun's complement, « et trame du tissu ») and takes possessives; after a name
    « des » opens the verb's object.
    """
    doc = word.doc
    if word.i + 1 >= len(doc) or not can_be_verb(lower_form(word)):
        return False
    following = doc[word.i + 1]
    if lower_form(following) in OBJECT_OPENERS | POSSESSIVE_OPENERS:
        return True
    if lower_form(following) == "et":
        return word.i + 2 < len(doc) and can_be_verb(lower_form(doc[word.i + 2]))
    # « Lzip décompresse presque aussi vite »: an adverb after a verb no noun table lists, in either number (Debian's
    # package descriptions, stop 53); a comma there was tried, and lost « l'eau Fan pagaies, mettant en vedette » and
    # « CF & RC jumelles, noir », MT's word order (right flags of the tuning split)
    lower = lower_form(word)
    return (following.pos_ == "ADV" or lower_form(following) in VERB_PREPOSITIONS) \
        and {lower, singular(lower)}.isdisjoint(noun_lemmas())


def _describes_the_noun_before(name: Any, word: Any) -> bool:
    """« des serveurs SMTP distants », « les clés USB amorçables »: an adjective after a name that qualifies the
    noun before it, of that noun's number (Debian's package descriptions: 10 flags in 12,000 sentences, stop 52; on the
    tuning split two flags change rule, none is lost)."""
    if name.i == 0 or name.i != word.i - 1 or not may_be_adjective(word) \
            or (word.pos_ != "ADJ" and lower_form(word) in noun_lemmas()):
        return False  # « le kit Nikon éliminateur », « le vélo Schwinn 418 elliptique »: a noun, a model's label
    before = name.doc[name.i - 1]
    if before.pos_ != "NOUN" or not before.is_alpha or not before.is_lower:
        return False
    return lower_form(before).endswith(("s", "x")) == lower_form(word).endswith(("s", "x"))


def adjective_first(adj: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """An adjective before a noun that has no determiner: the English stack « poignée réglable doigt ».

    French puts a prenominal adjective after a determiner or a preposition (« une solide réputation »,
    « de faible luminosité »: 134 flags at 0.31 with those, left out); after a noun, a name, a comma
    or at the head of a title the adjective is English order (« doigt réglable poignée »,
    « Intégré indicateur », « rapide séchage »).  Measured on WMT20 QE en-fr (tuning split):
    465 flags at 0.89 before ranking, 357 shown at 0.89 after it.  With a head noun the tagger calls an
    adjective, a name or a verb (« pliables réchaud »: :func:`head_noun`), 72 flags more at 0.94 before
    ranking (one on an error-free segment, « batterie rechargeable plomb », left out below); shown in the
    whole default set, 362 -> 405 at 0.90.
    """
    doc = adj.doc
    if adj.pos_ != "ADJ" or adj.i + 1 >= len(doc) or not adj.is_alpha or not adj.is_lower:
        return
    noun = doc[adj.i + 1]
    if not noun.is_lower or not noun.is_alpha or not next_to(adj, noun) \
            or not head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    lower = lower_form(adj)
    counted = lower == "zéro" or (lower in NUMBER_WORDS and (adj.i == 0 or doc[adj.i - 1].pos_ not in {"ADJ", "NOUN"}))
    if lower.endswith("ième") or counted:
        # « la troisième et quatrième ligne »: an ordinal comes first (GNOME's help); « sept, huit ou neuf pixels »,
        # « les failles zéro jour »: a number, not the adjective (Debian's package descriptions, stop 51); after
        # an adjective or a noun it stays the English stack (« un complet neuf manches », a right flag of the tuning
        # split)
        return
    if lower_form(noun).endswith("ment") and lower_form(noun) not in noun_lemmas():
        return  # « un logiciel libre, disponible gratuitement »: an adverb, no noun (Debian's package descriptions)
    if lower in BORROWED or adj.lemma_.lower() in PRENOMINAL or not masculine_forms(lower).isdisjoint(PRENOMINAL) \
            or _after_the_noun(adj, noun):
        return  # French order (« nulle part », « maintes fois »), or a case of structure.adjective_before
    previous = doc[adj.i - 1] if adj.i > adj.sent.start else None
    if previous is not None and (previous.pos_ in {"DET", "ADP"} or _second_set_first(adj)
                                 or (previous.pos_ == "NUM" and adj.i >= 2 and _determines_a_number(doc[adj.i - 2]))):
        # « les quatre puissants ports »: a number after its determiner (Widelands' maps), or after a preposition (« la
        # synchronisation de deux importants dépôts », « à deux minuscules serrures »: Debian's package descriptions,
        # Wesnoth, stop 55; not after « x »: « 20 x 80 jumelles supergéante », a right flag of the tuning split)
        return
    if (previous is not None and previous.pos_ == "PRON" and lower_form(previous) in CLITICS) or lower in CLITICS:
        # « cette dernière se ferme automatiquement », « vous les sélectionnez ensemble »: a verb; « la dispersion la
        # rend précise »: the pronoun itself (Cataclysm's items)
        return
    if (previous is not None and lower_form(previous) == "si") or step_by_step(noun) \
            or (lower in {"bas", "haut"} and lower_form(noun) == "niveau"):
        # « et si possible automatiquement » (Debian's Handbook); « des guides détaillés étape par étape »; « une
        # couche bas niveau », « l'accès bas niveau » (Debian's package descriptions; no flag on the tuning split)
        return
    if previous is not None and lower_form(previous) in GRADING and adj.i - 2 >= adj.sent.start \
            and doc[adj.i - 2].pos_ in {"DET", "ADP"}:
        return  # « le plus novateur appareil »: a superlative
    if previous is not None and previous.lemma_ in {"avoir", "faire"}:
        # « vous avez juste besoin », « ils ont fière allure »: a locution of « avoir » (KDE's help; on the tuning
        # split the one such flag, « ont fière allure », was wrong)
        return
    if adjectival(noun) or the_verb(noun) or lower_form(noun) in LOCUTIONS or not known(noun) \
            or (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NUM") \
            or (previous is not None and previous.pos_ == "NOUN"
                and (_adjective_only(noun) or _determined_pair(previous, adj, noun))):
        # « ressorts métalliques bruyants », « une tribu turque mineure »: two adjectives after their noun, the
        # second tagged a noun;
        # « blocage automatique brevetée », « cage massive mesure », « randonnées bancales grâce à »,
        # « le lecteur Flash libre gnash » (a name in lower case: 2 flags lost on tuning); « batterie rechargeable
        # plomb 36 volts », a noun before its measure: 11 flags at 0.91, one of them on an error-free segment (in
        # the whole default set, 14 errors fewer found to keep that segment clean)
        return
    if _agent_participle(noun) or _subject_then_verb(adj, noun) or light_idiom(adj, noun) or _shade(adj, noun):
        # « un ensemble d'outils graphiques écrits pour … », « des modèles produits par le JPL », « un système de
        # fichiers virtuel représentant … »: a participle with its complement, no head noun (Debian's package
        # descriptions, stop 55: 7 flags in 22,500 sentences); « mais une brise froide souffle »: the subject's
        # adjective, then its verb; « plaqué or », « bleu marine »: a locution, a shade
        return
    if previous is not None and program_kind(previous):
        # « la commande interne set », « le paquet virtuel default-dbus », « la bibliothèque statique c-client »: a
        # program's kind, its adjective, then the program's name (the manual pages: 19 flags in 500 sentences;
        # Debian's package descriptions: 5 in 12,000; stop 53; on the tuning split no flag stands after such a kind)
        return
    # the flag starts at the noun or the adjective stacked before (« populaire pliables réchaud »: 14 errors more
    # found on the tuning split, at 0.92)
    stacked = previous is not None and next_to(previous, adj) and (previous.pos_ == "NOUN" or (
        previous.pos_ == "ADJ" and previous.is_lower and lower_form(previous) not in PRENOMINAL))
    start = previous if stacked and previous is not None else adj
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {adj.text} » before « {noun.text} » with no determiner is English word order: French says "
               f"« {noun.text} {adj.text} » or links the nouns with a preposition", (), 0.85)


# the prepositions a participle's complement opens on (« écrits par », « conçus pour »)
AGENT_PREPOSITIONS = frozenset({"par", "pour"})
# the endings of past participles the verb tables may hold (« produits », « écrits », « conçues »)
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "it", "its", "ite",
                      "ites", "t", "ts", "te", "tes")


def _agent_participle(word: Any) -> bool:
    """« écrits pour », « produits par », « représentant l'image »: a word after an adjective that is a participle, a
    past one before « par » or « pour » or a present one, by the verb tables, whatever the tagger called it."""
    doc, lower = word.doc, lower_form(word)
    following = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if lower.endswith("ant") and can_be_verb(lower) \
            and (lower not in noun_lemmas() or (following is not None and following.pos_ == "DET")):
        return True  # « représentant l'image »: a noun too, but its object's determiner follows
    return following is not None and lower_form(following) in AGENT_PREPOSITIONS \
        and lower.endswith(PARTICIPLE_ENDINGS) and can_be_verb(lower)


def _determined_pair(first: Any, adj: Any, word: Any) -> bool:
    """« une tribu turque mineure », « des paramètres linguistiques particuliers »: a second adjective after a noun
    and its adjective, the noun after its determiner, all three agreeing where the tagger gives a gender or number.

    The tagger reads the second adjective as a noun when it can be one (« mineure », « particuliers »).  English
    stacks have no determiner before their first noun (« vie limitée garantie », « corps solide machines »): stop
    38 left the determiner out and lost 14 right flags.  With it, measured on WMT20 QE en-fr (tuning split, the
    whole default set against the commit before): 1 right flag fewer (« la luminosité supérieure garantie », the
    English verb "guarantee" read as a participle; the segment keeps a right flag) and 1 wrong one; correct French
    of the read sets, 9 sentences fewer flagged.
    """
    doc = first.doc
    if first.i < 1 or (doc[first.i - 1].pos_ != "DET" and lower_form(doc[first.i - 1]) not in CONTRACTED | PARTITIVE):
        return False
    if not may_be_adjective(word) or not may_be_adjective(adj):
        return False
    return all(not feature(first, key) or feature(other, key) in {None, feature(first, key)}
               for key in ("Gender", "Number") for other in (adj, word))


# what a number set before an adjective may follow: a determiner or a preposition, but « x » of dimensions
DIMENSIONS = frozenset({"x", "×"})
# the tags of what a verb in the present goes on with, after its subject: its object's determiner, a preposition…
FOLLOWER_TAGS = frozenset({"DET", "ADP", "ADV", "PUNCT", "PRON", "CCONJ", "SCONJ"})


def _shade(adj: Any, noun: Any) -> bool:
    """« un short bleu marine », « vert olive », « bleu ciel »: a colour and the noun of its shade, one colour
    (Cataclysm's items, stop 55: 1 flag; no colour before such a noun on the tuning split)."""
    return adj.lemma_.lower() in COLOURS and lower_form(noun) in SHADES


def _determines_a_number(word: Any) -> bool:
    """« les quatre … », « de deux … », « à deux … »: a determiner or a preposition before a number."""
    return word.pos_ == "DET" or (word.pos_ == "ADP" and lower_form(word) not in DIMENSIONS) \
        or lower_form(word) in PARTITIVE


def _subject_then_verb(adj: Any, word: Any) -> bool:
    """« mais une brise froide souffle », « alors que la saison froide approche », « , l'histogramme linéaire risque de
    … »: a determiner opening a clause, its noun, its adjective, then a word that can be a verb in the present,
    followed by what a verb goes on with; the tagger read the verb as a noun (LilyPond's and GIMP's manuals,
    Wesnoth: 6 flags, stop 55).  Without the clause's opening it cost 6 right flags on the tuning split, where a
    verb or a preposition stands before the determiner (« Comprend un capuchon étanche boucle »)."""
    doc = adj.doc
    if adj.i < 2 or doc[adj.i - 1].pos_ != "NOUN" or doc[adj.i - 2].pos_ != "DET":
        return False
    if not opens_a_clause(doc[adj.i - 2]):
        return False  # « Comprend un capuchon étanche boucle », « avec le pélican limitée garantie »: no clause opens
    following = doc[word.i + 1] if word.i + 1 < len(doc) else None
    return present_form(word) and (following is None or following.pos_ in FOLLOWER_TAGS)


# « de » before a plural or a noun's complement (« les modèles de périphériques électriques compacts », « une forme de
# base linguistique commune »: Debian's package descriptions, stop 55)
PARTITIVE = frozenset({"de", "d'"})


def _second_set_first(adj: Any) -> bool:
    """« de fines et noires colonnes »: the second of two adjectives set first after their determiner."""
    doc, link = adj.doc, adj.i - 1
    while link > adj.sent.start and doc[link].pos_ == "ADV":
        link -= 1  # « un rapide et peu coûteux mur », « sa célèbre et très précieuse monnaie » (0 A.D.'s descriptions)
    # the first adjective may be tagged a noun or a pronoun (« une brusque et importante variation », « aux
    # légendaires et imprenables fortifications »: LibreOffice's help, Wesnoth's campaigns, stop 55), but not a colour,
    # which French never sets first (« entre le rouge et blanc éclairage », a right flag of the tuning split)
    return link - 2 >= adj.sent.start and lower_form(doc[link]) in {"et", "ou"} \
        and (doc[link - 1].pos_ == "ADJ" or (doc[link - 1].is_lower and may_be_adjective(doc[link - 1])
                                             and singular(lower_form(doc[link - 1])) not in COLOURS)) \
        and doc[link - 2].pos_ in {"DET", "ADP"}


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
    if not noun.is_lower or not noun.is_alpha or not next_to(adj, noun) \
            or not head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if adjectival(noun) or lower_form(noun) in LOCUTIONS or not known(noun) \
            or (lower, lower_form(noun)) in BARE_OBJECT_IDIOMS:
        return  # « Demander confirmation lors de … »: a verb and its bare object (KDE's messages)
    if adj.i > adj.sent.start:
        previous = doc[adj.i - 1]
        if previous.pos_ in {"DET", "ADP"} or previous.text in OPENERS:
            return
    elif any(word.pos_ in {"VERB", "AUX"} and feature(word, "VerbForm") == "Fin" for word in adj.sent):
        return
    yield make(adj.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
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
    if first.pos_ != "NOUN" or not first.is_lower or not first.is_alpha or not next_to(first, verb):
        return  # tested first: most words do not follow a noun, and this costs less than the participle's tests
    if not (participle(verb) or feature(verb, "VerbForm") == "Part") or verb_only(verb):
        return  # « le compte à rebours atteindra zéro »: a future the tagger called a participle
    if not next_to(verb, noun) or not noun.is_lower or not noun.is_alpha \
            or not head_noun(noun, MISTAGGED_AFTER_ADJECTIVE):
        return
    if adjectival(noun) or lower_form(noun) in LOCUTIONS or not known(noun) or noun_preposition(noun):
        return  # « air comprimé standard », « fibres recyclées grâce à », « le courrier envoyé suite à » (KDE)
    if lower_form(verb) == "ayant" or verb_only(noun) or lower_form(noun).endswith(("aît", "oît")) \
            or lower_form(noun) in PLACE_ADVERBS or verb.lemma_.lower() in NAMING \
            or light_idiom(verb, noun) \
            or (noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "DET"):
        # « des éléments ayant trait à »: « avoir trait à »; « la langue sélectionnée influence l'affichage », « le
        # niveau suivant apparaît »: the noun is the sentence's verb (LibreOffice's and GNOME's help)
        return
    yield make(first.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
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
    if noun.pos_ not in {"NOUN", "PROPN"} or not noun.is_alpha or not next_to(noun, adj) \
            or _describes_an_earlier(adj, noun):
        return
    following = adj.doc[adj.i + 1] if adj.i + 1 < len(adj.doc) else None
    if following is not None and ((lower_form(adj), lower_form(following)) in LOCUTION_HEADS
                                   or adj.doc.text[adj.idx + len(adj.text):][:1] == "-"):
        return  # « des armes bon marché »; « un agneau nouveau-né »: the first part of a compound (correct French of
        # Debian's package descriptions and three games: 12 sentences; none on the tuning split)
    if lower_form(adj) in AFTER_A_NAME_TOO:
        if not noun.is_lower or (following is not None and lower_form(following) in JOINING):
            return  # « Slumberjack grand lit »: the adjective of the noun after the brand; « grande et solide »
        following = None
    if following is not None and following.text == "(":
        # « des versions petite (-small) et énorme (-huge) »: past a gloss in brackets (Debian's package descriptions)
        following = next((word for word in adj.doc[adj.i + 2:adj.i + GLOSS_LENGTH] if word.text == ")"), None)
        following = adj.doc[following.i + 1] if following is not None and following.i + 1 < len(adj.doc) else None
    if following is not None and lower_form(following) in {"et", "ou", ","} and following.i + 1 < len(adj.doc) \
            and any(_joined_adjective(head, adj, adj.doc[following.i + 1]) for head in _heads(noun)) \
            and (following.text != "," or _listed(adj.doc[following.i + 1])):
        return  # « une application petite et simple », « les systèmes petits ou embarqués », « un éditeur de texte
        # petit, rapide et puissant »: joined to an adjective that follows the noun, it follows too (Debian's package
        # descriptions: 6 sentences)
    yield make(noun.idx, adj.idx + len(adj.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {adj.text} » after « {noun.text} » is English word order: French puts this adjective before "
               "the noun", [f"{adj.text} {noun.text}"], 0.95,
               precedence=0.8)  # 41 shown at 0.95 at stop 49, ranked at the 0.8 it had


def _describes_an_earlier(adj: Any, noun: Any) -> bool:
    """« Les améliorations par IA nouvelles et existantes »: the parse hangs the adjective on an earlier noun whose
    number it shares and ``noun``'s it does not (Firefox's messages; on the tuning split no flag of this rule)."""
    head = adj.head
    plural = lower_form(adj).endswith(("s", "x"))
    return head.pos_ == "NOUN" and head.i < noun.i and lower_form(head).endswith(("s", "x")) == plural \
        and lower_form(noun).endswith(("s", "x")) != plural


def _heads(noun: Any) -> list[Any]:
    """``noun``, and the noun whose complement it is after « de » (« un lecteur de musique petit, clair et rapide »,
    « un lanceur d'applications petit, rapide »: Debian's package descriptions, stop 55)."""
    doc = noun.doc
    if noun.i >= 2 and lower_form(doc[noun.i - 1]) in {"de", "d'"} and doc[noun.i - 2].pos_ == "NOUN":
        return [noun, doc[noun.i - 2]]
    return [noun]


def _listed(word: Any) -> bool:
    """``word`` goes on with « et », « ou » or a comma: a list of adjectives (« petit, rapide et puissant »)."""
    return word.i + 1 < len(word.doc) and lower_form(word.doc[word.i + 1]) in {"et", "ou", ","}


def _joined_adjective(noun: Any, adj: Any, other: Any) -> bool:
    """``other`` is an adjective or a participle of the number of ``adj`` and ``noun`` (« systèmes petits ou
    embarqués »; in « produits petites et concentrée » the two describe different nouns)."""
    if other.pos_ != "ADJ" and feature(other, "VerbForm") != "Part" \
            and adjective_forms().isdisjoint({lower_form(other), singular(lower_form(other))}):
        return False
    plural = {lower_form(word).endswith(("s", "x")) for word in (noun, adj, other)}
    if plural == {True, False} and lower_form(noun).endswith(("s", "x")) and other.pos_ == "ADJ" \
            and not lower_form(adj).endswith(("s", "x")) and not lower_form(other).endswith(("s", "x")):
        # « des versions petite (-small) et énorme (-huge) »: one adjective for each (not « bel et bien », an adverb)
        plural = {True}
    # the tagger's gender of a word it did not call an adjective is a guess (« corrompus » a feminine name,
    # « pratique » a feminine noun)
    genders = {feature(word, "Gender") for word in (noun, adj, other)
               if word is not other or word.pos_ == "ADJ"} - {None, ""}
    return len(plural) == 1 and len(genders) <= 1  # « boîtier aluminium belle et robuste »: not the noun's


def _acronym_described(name: Any, word: Any) -> bool:
    """« un client XMPP multiplateforme », « la bibliothèque HTTP asynchrone »: French uses an acronym as a noun, and
    an adjective after it is its own (Debian's package descriptions: 4 sentences; « IPSC cibles » stays flagged); so
    is a word in no French word list after it, a program's name (« GNU grep », « l'API fanotify »)."""
    lower = lower_form(word)
    if not (name.is_upper and name.is_alpha and 2 <= len(name.text) <= ACRONYM_LENGTH):
        return False
    if (lower in adjective_forms() and singular(lower) not in noun_lemmas()) or noun_adjective(lower):
        return True
    determined = name.i > 0 and name.doc[name.i - 1].pos_ == "DET"
    if determined and (lower in adjective_forms() or (lower in APPOSITIVE and not lower.endswith(("s", "x")))):
        # « une API pratique », « une API client », « des DVD vidéo »: after its determiner the acronym is the head
        # noun, and a word that may be an adjective or an apposition is its own (Debian's package descriptions: 3
        # flags in 12,000 sentences with a name's verb before an adverb, stop 53; on the tuning split no flag of the
        # rule has a determiner before the acronym); not a plural noun, the head of an English stack (« les IPSC
        # cibles », MT's order, which a test keeps)
        return True
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word list loads on first use

    return lower not in lexicon_words() and not in_french_list(lower)


def next_to(first: Any, second: Any) -> bool:
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
    titles into sentences at odd places (« Coleman 2000008063 Stratus | sac de couchage »).  An ordinal in Roman
    numerals is no name (« au XIXe siècle »): 191 of the 199 flags of this rule on the encyclopedic French of
    Freeciv's nations, none on the WMT tuning split.
    """
    if not token.text[:1].isupper() or len(token.text) < 2 or token.pos_ not in {"PROPN", "X", "NOUN", "ADJ"} \
            or ROMAN_ORDINAL.fullmatch(token.text) or lower_form(token) in INTERROGATIVE:
        # « au XIXe siècle », « le IIIe millénaire »: an ordinal in Roman numerals; « Quelle profondeur pour faire des
        # rivières »: a determiner opening a question (Minetest's settings)
        return False
    if token.i != token.sent.start:
        previous = token.doc[token.i - 1]
        if lower_form(token) in LABEL_OPENERS:
            return False  # « la boîte de dialogue Nouvelle liste d'adresses »: a label set first, as French does
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


def head_noun(word: Any, mistagged: frozenset[str] = MISTAGGED) -> bool:
    """A noun, or a word the tagger took for something else that the lemmatizer's tables know as a noun only.

    After a name or an adjective the tagger often reads the head noun of an English-order title as an
    adjective, a name or a verb (« Wald 1216 vélo », « Coleman 5008C700T Camping cafetière », « populaire
    pliables réchaud »); :func:`review.flags.compounds.noun_only` says it is none of these.
    """
    if word.pos_ == "NOUN":
        return True
    return word.pos_ in mistagged and len(word.text) >= MIN_LENGTH and noun_only(word)


def _model_number(token: Any) -> bool:
    """« 1250 », « LG6530 », « 94DSPT »: digits, and letters joined to them."""
    return token.text[:1].isalnum() and any(character.isdigit() for character in token.text)


def adjectival(noun: Any) -> bool:
    """A word tagged noun that French uses as an adjective here: a participle, or a noun in apposition."""
    lower = lower_form(noun)
    return participle(noun) or lower in APPOSITIVE or lower.removesuffix("s") in APPOSITIVE \
        or lower in adjective_lemmas()


def _adjective_only(word: Any) -> bool:
    """A word tagged noun that the lemmatizer's tables list as an adjective (in the singular) and not as a noun.

    After a noun and an adjective it is a second adjective (« ressorts métalliques bruyants »), not the head
    of an English stack; measured on WMT20 QE en-fr (tuning split), before ranking: 3 flags at 0.33.  A word that may be
    either (« horaires », « particuliers »: 17 flags at 0.94, « corps solide machines ») stays flagged.
    """
    lower = lower_form(word)
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("x")}
    return not forms.isdisjoint(adjective_forms()) and forms.isdisjoint(noun_lemmas())


def _after_the_noun(adj: Any, noun: Any) -> bool:
    """The adjectives structure.adjective_before already flags before their noun (participles, colours, -ique…)."""
    if adj.dep_ != "amod" or adj.head.i != noun.i:
        return False
    return lower_form(adj).endswith(POSTNOMINAL_ENDINGS) or adj.lemma_.lower() in COLOURS \
        or feature(adj, "VerbForm") == "Part"
