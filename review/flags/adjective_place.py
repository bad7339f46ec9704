"""Where French puts an adjective: before the noun, after it, or either.

The word-order rules (:mod:`review.flags.structure`, :mod:`review.flags.word_order`,
:mod:`review.flags.phrase_order`, :mod:`review.flags.compounds`) ask these lists and tests whether an adjective
they find before a noun is English order or French.
"""

from __future__ import annotations

import re
from typing import Any

from review.flags.nlp import adjective_forms, adjective_lemmas, lower_form, noun_lemmas

# adjectives French places before the noun (BAGS and a few frequent others): anything else
# in that place is English order.
PRENOMINAL = frozenset(
    "beau bel bon grand gros haut jeune joli long mauvais meilleur moindre nouveau nouvel petit vieux vieil vrai "
    "faux premier dernier deuxième second troisième autre même seul simple certain divers différent plusieurs "
    "éventuel tel tout chaque quelque quel quelconque nombreux principal prochain ancien double triple unique parfait "
    "véritable excellent "
    "immense énorme large léger fort pur plein demi mi super ultra extra mini maxi haut-de-gamme entier "
    "incroyable superbe magnifique fameux célèbre rare lourd court bref sacré cher pauvre propre sale sombre "
    "brillant formidable idéal incomparable remarquable splendide étonnant excellent sublime terrible "
    "nul maint étrange".split()
)
# adjective endings French places after the noun: relations, nationalities, participles, colours
POSTNOMINAL_ENDINGS = ("ique", "iques", "aire", "aires", "é", "ée", "és", "ées", "ien", "ienne", "iens", "iennes",
                       "ais", "aise", "aises", "ois", "oise", "oises", "al", "ale", "aux", "ales", "el", "elle",
                       "els", "elles", "if", "ive", "ifs", "ives", "u", "ue", "us", "ues", "i", "ie", "is", "ies")
COLOURS = frozenset("blanc noir rouge bleu vert jaune gris rose violet orange marron brun beige kaki argenté doré"
                    .split())
# the words that name a shade after a colour, which makes the pair invariable (« un short bleu marine », « des vestes
# vert olive »: Cataclysm's items, stop 55; no colour stands before one on the tuning split)
SHADES = frozenset("marine ciel nuit roi pétrole canard turquoise olive pomme bouteille émeraude cerise framboise "
                   "citron saumon chocolat clair foncé pâle vif".split())
# adjectives that, after their determiner, journalism and history set first for their sense or their weight
# (« une antique tribu », « sa totale indépendance », « une farouche résistance », « au moyen âge »); with no
# determiner they are English order as any other (« action moyenne toundra »); « l'actuel joueur », « ce génial
# dispositif », « le fichu droïde », « un violent orage » (Widelands' and FreedroidRPG's French; none of the four
# after a determiner on the tuning split); « un fin lacet », « la fine pointe », « un épais livre » (Cataclysm's items,
# stop 53: 4 flags; on the tuning split « à la fine pointe de » twice, wrong flags, and no « épais » set first)
AFTER_A_DETERMINER = frozenset("antique farouche réel total vague moyen actuel génial fichu violent fin épais".split())
# participles French puts before the noun, and those used as prepositions (« excepté dimanche », « passé minuit »)
SAID = frozenset("prétendu prétendue prétendus prétendues soi-disant dit dite susdit susdite maudit maudite "
                 "damné excepté vu attendu passé".split())
# feminine and plural endings and their masculine singular (« générales », « nouveaux », « épaisse »)
ADJECTIVE_ENDINGS = ((re.compile(r"ales?$"), "al"), (re.compile(r"aux$"), "al"), (re.compile(r"elles?$"), "el"),
                     (re.compile(r"ières?$"), "ier"), (re.compile(r"euses?$"), "eux"), (re.compile(r"ives?$"), "if"),
                     (re.compile(r"sses?$"), "s"))
# a doubled consonant before the feminine « e » (« bonne », « nulle », « sotte »)
DOUBLED = re.compile(r"([lnt])\1es?$")
def singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def masculine_forms(lower: str) -> set[str]:
    """The masculine singular ``lower`` may be a form of (« sacrées » → « sacré », « nulle » → « nul »), itself too."""
    one = singular(lower)
    forms = {lower, one, one.removesuffix("e"), DOUBLED.sub(r"\1", lower)}
    return forms | {pattern.sub(masculine, lower) for pattern, masculine in ADJECTIVE_ENDINGS}



def may_be_adjective(token: Any) -> bool:
    """A form the lemmatizer's tables list as an adjective, or whose masculine singular they list (« mineure »,
    « abdominaux »): the tables hold lemmas and irregular forms only."""
    lower = lower_form(token)
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("x")}
    return not forms.isdisjoint(adjective_forms()) or not masculine_forms(lower).isdisjoint(adjective_lemmas())

# the articles contracted with « à » or « de », which the tagger reads as prepositions
CONTRACTED = frozenset({"au", "aux", "du", "des"})
# the adverbs of a comparative or a superlative (« le plus bas », « la moins chère »)
COMPARING = frozenset({"plus", "moins"})
POSSESSIVES = frozenset("mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs".split())


def set_first_by_choice(adj: Any, noun: Any) -> bool:
    """« leur exceptionnelle résilience », « de gigantesques créatures », « un si loyal compagnon »: an adjective a
    writer chose to set before its noun, as narrative and history do with most adjectives.

    Three places tell it: after a possessive; after « de » with the adjective and its noun plural, the « de »
    that French puts for « des » before an adjective set first; after « si ».  Measured on WMT20 QE en-fr
    (tuning split): the two adjective-before-noun rules gave no flag in these places but 3 wrong ones
    (« sous couvert d'épais nuages »); correct narrative and technical French, 11 wrong flags.
    """
    if adj.i == 0:
        return False
    before = lower_form(adj.doc[adj.i - 1])
    plural = lower_form(adj).endswith(("s", "x")) and lower_form(noun).endswith(("s", "x"))
    return before in POSSESSIVES or before == "si" or (before in {"de", "d'"} and plural)


def _determines(word: Any) -> bool:
    """A determiner, or an article contracted with its preposition (« du », « aux »)."""
    return bool(word.pos_ == "DET" or lower_form(word) in CONTRACTED)


def preposed_adjective(word: Any) -> bool:
    """« l'épaisse obscurité », « un large éventail », « ces maudits trolls »: an adjective between its determiner
    and its noun, which the tagger took for a noun.

    French sets there the adjectives of :data:`PRENOMINAL` and :data:`SAID`, and any other a writer chooses to
    put first (« une soudaine rafale », « d'étranges pays »); an English stack left by MT there has a relational
    adjective (« le traditionnel essence »), which :data:`POSTNOMINAL_ENDINGS` tells.  A word the lemmatizer
    also knows as a noun is left to the rules.  Measured on WMT20 QE en-fr (tuning split), before ranking: 37 flags
    of :func:`noun_stack` and :func:`review.flags.compounds.mistagged_stack` at 0.16 on such a first word.
    """
    if word.i == 0:
        return False
    before, lower = lower_form(word.doc[word.i - 1]), lower_form(word)
    if before in COMPARING and word.i >= 2 and _determines(word.doc[word.i - 2]):
        # « du plus bas terrain », « la moins chère option »: a comparative or a superlative grades an adjective,
        # never a noun (Minetest's settings; on the tuning split no flag has a determiner and « plus » before it)
        return may_be_adjective(word)
    # « au moyen âge », « du vieux port »: an article contracted with its preposition; « de maigres quantités »: the
    # plural article « des » becomes « de » before an adjective (Widelands' scenarios)
    if not _determines(word.doc[word.i - 1]) \
            and not (before in {"de", "d'"} and lower.endswith(("s", "x"))):
        return False
    masculine = masculine_forms(lower)
    if not masculine.isdisjoint(PRENOMINAL | SAID | AFTER_A_DETERMINER):
        return True
    if lower.endswith(POSTNOMINAL_ENDINGS) or not {lower, singular(lower)}.isdisjoint(noun_lemmas()):
        return False
    return not masculine.isdisjoint(adjective_forms())
