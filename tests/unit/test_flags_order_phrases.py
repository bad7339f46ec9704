"""English word order around a phrase: review.flags.phrase_order (branch order3).

A phrase adjective and its infinitive before the noun (« facile à utiliser cinq boutons »), two joined
adjectives, an adjective in -able or -ant or a past participle before it, an adverb before a bare
infinitive, a model number before the noun it names, and « grand », « bon » after the noun.  Each rule
has a sentence written for the test that must be flagged, on the span named, and one in correct French
that must not be.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.rank import MIN_CONFIDENCE
from review.model import Flag

pytestmark = pytest.mark.slow  # parses with spaCy

EASY = "easy-to-use"
JOINED = "French puts the adjectives after the noun"
ENDING = "French puts this adjective after the noun"
ADVERB = "an adverb before a bare infinitive"
MODEL = "French puts a model number after"
PARTICIPLE = "French puts the participle after the noun"
BEFORE = "French puts this adjective before the noun"


def shown(text: str, rule: str) -> list[Flag]:
    return [flag for flag in detect("grammar", text) if rule in flag.message and flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Le compteur a un écran et facile à utiliser cinq boutons.", EASY, "facile à utiliser cinq boutons"),
        ("Les leviers le rendent facile à ajuster les sangles.", EASY, "facile à ajuster les sangles"),
        ("Les détails incluent un facile à utiliser ordinateur.", EASY, "un facile à utiliser"),
        ("Le support offre un stable et sûr transport des vélos.", JOINED, "stable et sûr transport"),
        ("Il dispose d'un poids léger, lavable tissu en polyester.", ENDING, "lavable tissu"),
        ("Le gros bouchon flottant glacière tient douze bidons.", ENDING, "flottant glacière"),
        ("Facilement planquer vos affaires hors de la route.", ADVERB, "Facilement planquer"),
        ("Le manche aide la main naturellement saisir le couteau.", ADVERB, "naturellement saisir"),
        ("Le lot comprend une lame 420 acier trempé.", MODEL, "lame 420 acier"),
        ("Ils ne peuvent pas être expédiés par accéléré livraison.", PARTICIPLE, "accéléré livraison"),
        ("Voici une canne à pêche grande surf.", BEFORE, "pêche grande"),
        ("Il offre une rétention de bord bonne.", BEFORE, "bord bonne"),
    ],
    ids=["easy-to-use-then-its-noun", "easy-to-then-an-object", "determiner-then-easy-to-use",
         "two-joined-adjectives-first", "able-adjective-first", "ant-adjective-first", "adverb-opening-infinitive",
         "adverb-between-noun-and-infinitive", "model-number-before-noun", "participle-before-noun",
         "grande-after-noun", "bonne-after-noun"],
)
def test_flags_english_order(text: str, rule: str, span: str) -> None:
    found = shown(text, rule)
    assert span in spans(found), spans(detect("grammar", text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Le compteur a cinq boutons faciles à utiliser.", EASY),
        ("Il est facile à utiliser et à nettoyer.", EASY),
        ("Il est prêt à affronter les éléments.", EASY),
        ("Une grande et belle maison domine le village.", JOINED),
        ("Le transport est stable et sûr grâce aux sangles.", JOINED),
        ("Il dispose d'un tissu lavable en polyester.", ENDING),
        ("C'est une agréable surprise et un puissant mélange.", ENDING),
        ("Les lames en acier inoxydable chirurgical résistent.", ENDING),
        ("On peut facilement saisir le couteau.", ADVERB),
        ("Rangez facilement vos affaires.", ADVERB),
        ("La pochette du modèle 1911 convient.", MODEL),
        ("Le chariot mesure 32 pouces de long et la lampe 3 brûleurs.", MODEL),
        ("Ils ne peuvent pas être expédiés par livraison accélérée.", PARTICIPLE),
        ("Il a vendu arbalètes et flèches.", PARTICIPLE),
        ("Le prétendu expert a parlé.", PARTICIPLE),
        ("Le magasin ouvre tous les jours, excepté dimanche.", PARTICIPLE),
        ("Le sac Slumberjack grand lit est livré.", BEFORE),
        ("Une canne grande et solide.", BEFORE),
    ],
    ids=["easy-to-use-after-its-noun", "easy-to-then-a-second-infinitive", "ready-to-takes-an-object",
         "two-adjectives-that-go-first", "adjectives-after-the-verb", "able-adjective-after",
         "adjectives-that-may-go-first", "stainless-steel-then-its-adjective", "adverb-after-a-modal",
         "adverb-after-the-verb", "label-then-its-number", "measure-and-count",
         "participle-after-noun", "participle-after-its-auxiliary", "participle-french-puts-first",
         "participle-as-a-preposition",
         "grand-opening-a-phrase-after-a-brand", "grande-joined-to-another-adjective"],
)
def test_leaves_french_order_alone(text: str, rule: str) -> None:
    assert spans(shown(text, rule)) == []
