"""English word order in French noun phrases: review.flags.word_order and structure.noun_stack's exceptions.

Each rule has sentences written for the test that must be flagged, on the span
named, and sentences in correct French (or French the rule must leave to
others) that must not be.  A flag counts as shown when its confidence reaches
the floor run_flags applies.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import detect

from review.flags.rank import MIN_CONFIDENCE
from review.model import Flag

pytestmark = pytest.mark.slow  # parses with spaCy

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iran-pakistan.fr.txt"
ORDER_MESSAGES = ("English word order", "a name before the noun")


def order_flags(text: str) -> list[Flag]:
    return [flag for flag in detect("grammar", text)
            if flag.confidence >= MIN_CONFIDENCE and any(words in flag.message for words in ORDER_MESSAGES)]


@pytest.mark.parametrize(
    ("text", "span", "message"),
    [
        ("Sac à dos pour la randonnée avec Osprey housse de pluie", "Osprey housse", "a name before the noun"),
        ("Kit de réparation Park 1200 pompe", "Park 1200 pompe", "a name before the noun"),
        # the parser starts a sentence at « Redwing »: in a title, a name unknown to the lexicon still counts
        ("Kelty Redwing sac à dos", "Redwing sac", "a name before the noun"),
        # the tagger calls the brand opening a title a noun, and the head noun after a name an adjective
        ("Sunlite bicyclette pompe", "Sunlite bicyclette", "a name before the noun"),
        ("Sac de couchage Voltix cafetière", "Voltix cafetière", "a name before the noun"),
        ("Poignée réglable doigt en caoutchouc", "Poignée réglable doigt", "with no determiner"),
        # the tagger calls « réchaud » an adjective; the lemmatizer's tables know it as a noun only
        ("Le célèbre pliable réchaud de camping", "pliable réchaud", "with no determiner"),
        # the flag starts at the adjective stacked before
        ("Un réchaud très populaire pliable réchaud de camping", "populaire pliable réchaud", "with no determiner"),
        ("Serviette de plage légère, rapide séchage", "rapide séchage", "with no determiner"),
        ("Le kit comprend un brûleur fermé chaleur boîte.", "brûleur fermé chaleur", "a participle between two nouns"),
        ("Lampe frontale Programmable minuterie", "Programmable minuterie", "with no determiner"),
        ("Le GPS nouveau de Garmin est arrivé.", "GPS nouveau", "French puts this adjective before"),
        ("Une gamme de produits petites et robustes.", "produits petites", "French puts this adjective before"),
    ],
    ids=["name-then-noun", "name-and-model-number-then-noun", "name-opening-a-parsed-sentence",
         "name-tagged-noun-opening-a-title", "head-noun-tagged-adjective-after-a-name", "noun-adjective-noun",
         "head-noun-tagged-adjective-after-an-adjective", "adjectives-stacked-before", "participle-between-two-nouns",
         "adjective-in-title-case",
         "adjective-after-comma", "nouveau-after-noun", "petites-after-noun"],
)
def test_flags_english_order(text: str, span: str, message: str) -> None:
    found = [flag for flag in order_flags(text) if flag.span_text == span]
    assert found, f"no flag on {span!r}; got {[flag.span_text for flag in order_flags(text)]}"
    assert message in found[0].message


def test_before_only_adjective_suggests_the_french_order() -> None:
    (flag,) = [flag for flag in order_flags("Le GPS nouveau de Garmin est arrivé.") if flag.span_text == "GPS nouveau"]
    assert flag.suggestions == ("nouveau GPS",)


@pytest.mark.parametrize(
    "text",
    [
        "Le président Macron annonce une réforme.",
        "Montre bracelet en cuir noir",
        "Il a parlé de la sécurité du Mexique ami, frère et voisin.",
        "Le Premier ministre belge a démissionné hier.",
        "Les ministres se sont réunis à Lisbonne samedi.",
        "Le WristWrap breveté stabilise le poignet.",
        "Spécification de l'ITF stade 2.",
        "La prise en charge des PC 32 bits est terminée.",
        "Elle a bâti une solide réputation.",
        "C'est le plus novateur appareil du marché.",
        "La cage massive mesure douze pouces.",
        "Un nouveau GPS est arrivé.",
        "Des athlètes pro scooter.",
        "Installez le lecteur Flash libre gnash.",
        # a plural opening a title is a French noun the tables lack, not a brand
        "Lingettes nettoyage avec un chiffon humide.",
        # a model number, a name, then a word the tagger did not call a noun: a label, left alone
        "Trekmax 340 Voltix podomètre",
        "Kettler propose des vélos.",
        # a participle after its noun, then the verb or a locution
        "Le brûleur fermé chauffe vite.",
        "Des fibres recyclées grâce à un procédé breveté.",
        # an adjective in title case after a determiner, opening a sentence with a verb, or one French puts first
        "Le Programmable tapis de course",
        "Confortable fauteuil est livré monté.",
        "Superbe maison à vendre",
        # a noun before its measure is left to the measure's rule
        "Elle porte une batterie rechargeable plomb 12 volts.",
        # structure.noun_stack: a noun and its participle, a noun and its adjective after an article
        "Pistolet à air comprimé Benjamin HB22 avec lunette",
        "Sac de voyage avec poches zippées de côté",
        "Débardeur de base coton Russell Athletic",
    ],
    ids=["name-then-verb", "french-word-opening-a-title", "name-then-adjectives", "title-after-determiner",
         "place-then-day", "name-then-participle", "label-and-its-number", "number-counting-the-noun",
         "adjective-after-determiner", "superlative", "noun-that-is-the-verb", "nouveau-before-noun",
         "borrowed-pro", "name-in-lower-case", "plural-opening-a-title", "number-name-then-mistagged-noun",
         "name-then-verb-opening-a-sentence", "participle-then-verb", "participle-then-locution",
         "title-case-adjective-after-determiner", "title-case-adjective-opening-prose", "title-case-prenominal",
         "noun-before-its-measure",
         "noun-and-participle", "noun-and-participle-plural",
         "adjective-after-article-in-title"],
)
def test_leaves_french_order_alone(text: str) -> None:
    assert [flag.span_text for flag in order_flags(text)] == []


def test_leaves_the_shipped_sample_alone() -> None:
    """The sample is correct French news: « la sécurité du Pakistan ami, frère et voisin » is no title."""
    assert [flag.span_text for flag in order_flags(SAMPLE.read_text(encoding="utf-8"))] == []
