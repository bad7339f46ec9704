"""English compounds left in French: a noun glued to the noun or the measure that qualifies it.

English qualifies a noun by putting another noun or a measure before it ("bench
stone", "12-channel receiver"); MT often keeps both words side by side where
French links them with a preposition (« pierre de banc », « récepteur à 12
canaux », « adaptateur de 12 volts »).  :func:`review.flags.structure.noun_stack`
reads two words the tagger calls nouns; the rules here catch the pairs it cannot
see: a second noun the tagger took for an adjective, a verb or a name (« couteau
serrures », « technologie boussole »), two nouns opening a title, the first in
capitals (« Coussin siège »), a number with its unit right after a noun, and an English
compound adjective after « être », its noun first (« la cage est vinyle enduit »).
Rules of the grammar detector; each rule's precision, measured on professionally
annotated MT (WMT20 QE en-fr, tuning split), is written next to it and sets its
confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from review.flags.adjective_place import ADJECTIVE_ENDINGS, PRENOMINAL, preposed_adjective
from review.flags.determiners import DETERMINER_DEPS, noun_preposition
from review.flags.hyphens import hyphenated_adjective
from review.flags.nlp import (
    ON_NOUN,
    FlagMaker,
    RuleTable,
    adjective_forms,
    adjective_lemmas,
    can_be_verb,
    feature,
    is_infinitive,
    lower_form,
    noun_lemmas,
)
from review.flags.structure import (
    APPOSITIVE,
    KIND_HEADS,
    NOUN_ADJECTIVES,
    participle,
    program_kind,
)
from review.model import Category, Flag, Severity

MISTAGGED_CONFIDENCE = 0.75  # 356 flags at 0.78 on the tuning split, 2 on error-free segments
FIRST_MISTAGGED_CONFIDENCE = 0.8  # 93 flags at 0.91 on the tuning split, none on an error-free segment
TITLE_CONFIDENCE = 0.85  # 70 flags at 0.93 on the tuning split, none on an error-free segment
MEASURE_CONFIDENCE = 0.8  # 63 flags at 0.91 on the tuning split, none on an error-free segment
ATTRIBUTE_CONFIDENCE = 0.8  # 11 flags at 1.00 on the tuning split, none on an error-free segment
# « c'est chose faite », « est monnaie courante », « reste lettre morte »: French sets these phrases bare
BARE_ATTRIBUTE_IDIOMS = frozenset("chose monnaie lettre pain parole affaire légion".split())
# a person as the subject: « il est avocat spécialisé » names a trade, which French leaves bare
PERSONAL_SUBJECTS = frozenset("je j' tu il elle on nous vous ils elles c' ce ça cela ceci".split())
# shorter words are mostly abbreviations and interjections the tables list as nouns (« hic »)
MIN_LENGTH = 4
# endings of adjectives of relation and quality: a word with one of them that the tagger calls an adjective
# is one (« serveur mandataire »), even where the tables list it as a noun only
ADJECTIVE_LOOKS = ("aire", "aires", "ique", "iques", "al", "ale", "ales", "aux", "el", "elle", "els", "elles",
                   "if", "ive", "ifs", "ives", "eux", "euse", "euses", "ien", "ienne", "iens", "iennes")
# adjectives the tables lack (« gros » is in PRENOMINAL)
LOW = frozenset({"bas"})
# the feminine and plural endings of adjectives, turned back into the masculine the tables list
# units a measure after a noun is counted in (« récepteur 12 canaux », « règle 9 pouces »)
UNITS = frozenset("pouce pouces pied pieds volt volts watt watts canaux litre litres mètre mètres cm mm kg lb "
                  "livres onces ml heures ans jours minutes secondes vitesses places pièces couches broches "
                  "pintes gallons millimètres centimètres grammes lbs degrés brûleurs".split())
# nouns that may stand before a measure in correct French: a measure itself, a dimension in a list, a verb
# form the tagger took for a noun (« mesure 4 pieds »)
BEFORE_MEASURE = frozenset("x mesure poids".split())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def noun_only(word: Any) -> bool:
    """A noun by the lemmatizer's tables, and neither an adjective (any gender or number) nor a verb form."""
    return _noun_only(lower_form(word), word.lemma_.lower())


@lru_cache(maxsize=65536)
def _noun_only(lower: str, lemma: str) -> bool:
    """:func:`noun_only` of a form and its lemma: several rules ask it of the same word."""
    if {lower, _singular(lower)}.isdisjoint(noun_lemmas()):
        return False
    forms = {lower, _singular(lower), lower.removesuffix("es"), lower.removesuffix("e"),
             lower.removesuffix("s").removesuffix("e"), lemma}
    forms |= {pattern.sub(masculine, lower) for pattern, masculine in ADJECTIVE_ENDINGS}
    if not forms.isdisjoint(adjective_lemmas()) or not forms.isdisjoint(APPOSITIVE) \
            or not forms.isdisjoint(PRENOMINAL | LOW):
        return False
    return not can_be_verb(lower)


def _verb_only(lower: str) -> bool:
    """An infinitive the lemmatizer's tables know as no noun (« imprimer »; not « sortir », « devoir »)."""
    return is_infinitive(lower) and {lower, _singular(lower)}.isdisjoint(noun_lemmas())


def _present_participle(word: Any) -> bool:
    """« un vaisseau navigant dans l'espace », « des taux variants »: a present participle, or the adjective made on
    one, that the verb tables confirm (Debian's package descriptions, read blocks, stop 59: 2 flags)."""
    lower = lower_form(word)
    stem = lower.removesuffix("s").removesuffix("e")
    return stem.endswith("ant") and can_be_verb(stem)


def mistagged_stack(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« couteau serrures », « technologie boussole »: two nouns side by side, the second mistagged.

    The tagger calls the second noun of an English compound an adjective, a verb or a name, so
    :func:`review.flags.structure.noun_stack` does not see it; the lemmatizer's tables know it as a noun
    only.  Measured on WMT20 QE en-fr (tuning split): 660 flags at 0.58 while feminine and plural
    adjectives missing from the tables (« maximale », « premières ») passed for nouns; with them turned
    back into the masculine, 393 flags at 0.78 (3 on error-free segments, one of them « conception hic »
    alone); second words of 3 letters or fewer left out, 372 flags at 0.78 (2 on error-free segments, both
    flagged by other rules already).  An adjective by its ending that the tables list as a noun only
    (« serveur mandataire », flagged in correct French) left out too: 358 flags at 0.78; the adjectives
    French puts first (« grosse ») too: 356 at 0.78.  An adjective set first after its determiner
    (:func:`review.flags.adjective_place.preposed_adjective`, « un large éventail », « ces maudits trolls »): 12 shown
    flags fewer, 11 of them wrong.
    """
    doc = noun.doc
    if noun.i + 1 >= len(doc) or noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower:
        return
    following = doc[noun.i + 1]
    if following.pos_ not in {"PROPN", "ADJ", "VERB", "X"} or not following.is_alpha or not following.is_lower:
        return
    if doc.text[noun.idx + len(noun.text):following.idx] != " " or _verb_only(lower_form(noun)):
        return  # « d'imprimer recto-verso »: an infinitive the tagger called a noun (Debian's package descriptions)
    if participle(following) or not noun_only(following) or len(following.text) < MIN_LENGTH \
            or _singular(lower_form(following)) in NOUN_ADJECTIVES \
            or preposed_adjective(noun) or (following.pos_ == "VERB" and is_infinitive(lower_form(following))) \
            or noun_preposition(following):
        # « pourra un jour sortir »: an infinitive the tables list as a noun too (« au sortir de »); « leur rang
        # grâce au talent »: a locution after the noun
        return
    if (following.pos_ == "ADJ" and (lower_form(following).endswith(ADJECTIVE_LOOKS)
                                     or lower_form(following) in adjective_forms())) or _present_participle(following) \
            or hyphenated_adjective(following):
        return  # « des fruits frais »: an adjective form the tables know, though its lemma is a noun's (« frai »)
    previous = doc[noun.i - 1] if noun.i > 0 else None
    prose = previous is not None and previous.pos_ in {"DET", "ADP"} \
        and any(word.pos_ in {"VERB", "AUX"} for word in noun.sent)
    if (prose and (_singular(lower_form(noun)) in KIND_HEADS or lower_form(noun) == "outil")) \
            or program_kind(noun):
        # « le mode veille », « l'outil crayon » (Tux Paint's documentation; the plural stays: « outils suite »); « le
        # programme fortune », « (paquet happy) »: a program's kind before its name, in prose or not (Debian's package
        # descriptions, stop 53; on the tuning split no noun pair opens with one)
        return
    yield make(noun.idx, following.idx + len(following.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {noun.text} {following.text} »: a noun right after a noun is English compound order; French "
               "links them with a preposition (« X de Y », « X à Y », « X en Y ») or reverses them", (),
               MISTAGGED_CONFIDENCE)


def mistagged_first(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« vanadium lames », « résistance bandes »: two nouns side by side, the first mistagged.

    The tagger calls the first noun of an English compound an adjective or a name (« chrome vanadium
    lames »); the lemmatizer's tables know it as a noun only.  A first word the tagger calls a verb is left
    out (« avoir besoin », « aller »: infinitives the tables also list as nouns).  Measured on WMT20 QE
    en-fr (tuning split): 135 flags at 0.73 with verbs; without them 101 at 0.87; with « grosse »,
    « basse » known as adjectives, 93 at 0.91, none on an error-free segment.
    """
    doc = word.doc
    if word.i + 1 >= len(doc) or word.pos_ not in {"ADJ", "PROPN", "X"} or not word.is_alpha or not word.is_lower:
        return
    noun = doc[word.i + 1]
    if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower:
        return
    if doc.text[word.idx + len(word.text):noun.idx] != " " or len(word.text) < MIN_LENGTH:
        return
    if lower_form(word).endswith(ADJECTIVE_LOOKS) or participle(word) or not noun_only(word):
        return
    if _singular(lower_form(word)) in KIND_HEADS:
        # « le greffon météo »: a program's kind and its name (Debian's package descriptions, stop 55: 3 flags in
        # 22,500 sentences; on the tuning split no first word of this rule's is a kind; an apposition second, as
        # « une table de mixage vidéo », cost « engrenage arrière » its right flag)
        return
    yield make(word.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {word.text} {noun.text} »: a noun right before a noun is English compound order; French "
               "links them with a preposition (« X de Y », « X à Y », « X en Y ») or reverses them", (),
               FIRST_MISTAGGED_CONFIDENCE)


def title_stack(first: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Sac gant », « Camp siège »: a title opening with two nouns side by side, the first in capitals.

    :func:`review.flags.structure.noun_stack` reads nouns in lower case; the first word of a product title
    (or of an item after a comma) carries a capital.  It counts when the lemmatizer's tables know it as a
    noun only; the second word is a noun the tables do not list as an adjective (tagged a noun, or a
    noun only by the tables).  Measured on WMT20 QE en-fr (tuning split): 70 flags at 0.93 before
    ranking, none on an error-free segment once a second noun that opens a compound of its own
    (« Chaise sac à dos », on one) is left out; 66 shown at 0.92.
    """
    doc = first.doc
    if first.i + 1 >= len(doc) or not first.is_alpha or not first.is_title or len(first.text) < MIN_LENGTH:
        return
    if first.pos_ not in {"NOUN", "PROPN", "X"} or not _opens_an_item(first) or not noun_only(first):
        return
    noun = doc[first.i + 1]
    if not noun.is_lower or not noun.is_alpha or first.whitespace_ != " " or not (
            noun.pos_ == "NOUN" or (noun.pos_ in {"PROPN", "X", "ADJ"} and noun_only(noun))):
        return
    lower = lower_form(noun)
    forms = {lower, _singular(lower), noun.lemma_.lower(), lower.removesuffix("e"), lower.removesuffix("es")}
    if participle(noun) or not forms.isdisjoint(adjective_lemmas() | APPOSITIVE) \
            or _singular(lower_form(first)) in KIND_HEADS or lower in {"grâce", "face", "faute"}:
        return
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and lower_form(following) == "à":
        return  # « Chaise sac à dos »: « sac à dos » is a compound of its own
    yield make(first.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {first.text} {noun.text} »: two nouns side by side is English word order; French links them "
               "with a preposition (« X de Y », « X à Y ») or reverses them", (), TITLE_CONFIDENCE)


def _opens_an_item(word: Any) -> bool:
    """The first word of a sentence, of a quotation or bracket, or of an item after a comma."""
    if word.i == word.sent.start:
        return True
    return word.doc[word.i - 1].text in {"«", '"', "“", "(", "[", ":", "-", "–", "—", "/", "•", ",", ";", "|"}


def bare_measure(number: Any, make: FlagMaker) -> Iterator[Flag]:
    """« récepteur 12 canaux », « adaptateur 12 volts »: a measure right after a noun, no « de » or « à ».

    Measured on WMT20 QE en-fr (tuning split): 95 flags at 0.75 with any noun before the number; with
    units (« pieds 4 pouces »), « x » and nouns that are also verb forms (« mesure 4 pieds ») left out,
    48 flags at 0.88, none on an error-free segment.  With an adjective or a participle between the noun
    and the number (« lame brevetée 48 pouces », « fonte plancha 10,5 pouces »), 15 flags more at 1.00.
    With « pintes », « gallons », « millimètres », « grammes », « lbs », « degrés », « brûleurs » as units
    (« glacière 32 pintes »), 11 flags more at 1.00.
    """
    doc = number.doc
    if number.pos_ != "NUM" or number.i < 1 or number.i + 1 >= len(doc):
        return
    noun, unit = doc[number.i - 1], doc[number.i + 1]
    if _described(noun):
        if not participle(noun) and can_be_verb(lower_form(noun)):
            return  # « Le couteau mesure 3,5 pouces »: the sentence's verb, tagged as an adjective
        noun = doc[number.i - 2]  # « fonte plancha 10,5 pouces », « lame brevetée 48 pouces »
    if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower or lower_form(unit) not in UNITS:
        return
    lower = lower_form(noun)
    if lower in UNITS or lower in BEFORE_MEASURE or can_be_verb(lower):
        return
    yield make(noun.idx, unit.idx + len(unit.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {noun.text} {number.text} {unit.text} »: a measure after a noun needs a preposition in French "
               "(« adaptateur de 12 volts », « récepteur à 12 canaux »)",
               [f"{noun.text} de {number.text} {unit.text}", f"{noun.text} à {number.text} {unit.text}"],
               MEASURE_CONFIDENCE)


def compound_attribute(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« La cage est vinyle enduit », « Chaque bande est couleur codée »: an English compound adjective after
    « être », its noun first ("vinyl coated", "color coded", "height adjustable").

    French puts the participle or the adjective first and links the noun to it (« enduite de vinyle »,
    « à code couleur », « réglable en hauteur »).  The noun stands bare right after a conjugated « être »,
    with the adjective or participle right after it.  A person as the subject (« il est avocat spécialisé »:
    a trade) and the phrases French sets bare (« c'est chose faite », « est monnaie courante ») are left
    out.  Measured on WMT20 QE en-fr (tuning split): 11 flags at 1.00, none on an error-free segment (« est
    hauteur réglable », « sont glace trempé », « est coutures scellées »); 12 errors no other rule found.
    """
    doc = noun.doc
    if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower or noun.i < 1 or noun.i + 1 >= len(doc):
        return
    verb, described = doc[noun.i - 1], doc[noun.i + 1]
    if verb.lemma_ != "être" or feature(verb, "VerbForm") != "Fin" or lower_form(noun) in BARE_ATTRIBUTE_IDIOMS:
        return
    if not described.is_alpha or not described.is_lower:
        return
    if not (described.pos_ == "ADJ" or feature(described, "VerbForm") == "Part"):
        return
    if any(child.dep_ in DETERMINER_DEPS | {"case"} for child in noun.children):
        return
    if verb.i > 0 and lower_form(doc[verb.i - 1]) in PERSONAL_SUBJECTS:
        return
    phrase = doc.text[noun.idx:described.idx + len(described.text)]
    yield make(noun.idx, described.idx + len(described.text), Category.GRAMMAR, Severity.MAJOR,
               f'« {phrase} » after « {verb.text} » is an English compound adjective word for word ("vinyl '
               'coated", "height adjustable"): French puts the adjective first and links the noun to it '
               "(« enduit de vinyle », « réglable en hauteur »)", (), ATTRIBUTE_CONFIDENCE)


def _described(word: Any) -> bool:
    """An adjective or a participle in lower case right after a noun (« lame brevetée » before its measure)."""
    if word.i < 1 or not word.is_alpha or not word.is_lower:
        return False
    if not (word.pos_ == "ADJ" or participle(word) or feature(word, "VerbForm") == "Part"):
        return False
    return bool(word.doc[word.i - 1].whitespace_ == " ")


# Every rule of this module, with the parts of speech it looks at (the grammar detector runs them in this order).
RULES: RuleTable = (
    (mistagged_stack, ON_NOUN),
    (mistagged_first, frozenset({"ADJ", "PROPN", "X"})),
    (bare_measure, frozenset({"NUM"})),
    (title_stack, frozenset({"NOUN", "PROPN", "X"})),
    (compound_attribute, ON_NOUN),
)
