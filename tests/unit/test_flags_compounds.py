"""The grammar detector's compound rules: a noun glued to the noun or the measure that qualifies it."""

from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.compounds import noun_only
from review.flags.nlp import parse

pytestmark = pytest.mark.slow  # parses with spaCy

STACK = "English compound order"
FIRST = "a noun right before a noun"
MEASURE = "a measure after a noun"
TITLE = "two nouns side by side"
ATTRIBUTE = "English compound adjective"


def _found(text: str, rule: str) -> list[str]:
    return spans([flag for flag in detect("grammar", text) if rule in flag.message and flag.confidence >= 0.3])


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Le couteau serrures ouvert pour la sécurité.", STACK, "couteau serrures"),
        (
            "Il intègre un cylindre à goupilles gobelet et est livré avec deux clés en laiton.",
            STACK,
            "goupilles gobelet",
        ),
        ("Boîtier chrome vanadium lames sont connus pour leur tenue.", FIRST, "vanadium lames"),
        ("Un adaptateur 12 volts inclus s'inscrit dans une prise allume-cigare.", MEASURE, "adaptateur 12 volts"),
        ("Son puissant récepteur 12 canaux suit jusqu'à 12 satellites.", MEASURE, "récepteur 12 canaux"),
        ("Un récepteur portable 12 canaux suit les satellites.", MEASURE, "récepteur portable 12 canaux"),
        ("Coussin siège pour le camping", TITLE, "Coussin siège"),
        ("Le chariot détient une glacière 32 pintes dans son compartiment.", MEASURE, "glacière 32 pintes"),
        ("La cage métallique est vinyle enduit pour une durabilité accrue.", ATTRIBUTE, "vinyle enduit"),
        ("Chaque bande est couleur codée pour la facilité d'utilisation.", ATTRIBUTE, "couleur codée"),
    ],
    ids=[
        "noun-tagged-adjective",
        "noun-after-plural-noun",
        "first-noun-tagged-adjective",
        "volts-after-a-noun",
        "channels-after-a-noun",
        "channels-after-a-noun-and-its-adjective",
        "title-opening-with-two-nouns",
        "pints-after-a-noun",
        "noun-then-participle-after-etre",
        "noun-then-participle-after-etre-feminine",
    ],
)
def test_flags(text: str, rule: str, span: str) -> None:
    assert span in _found(text, rule), spans(detect("grammar", text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Il assure une adhérence maximale dans des conditions humides.", STACK),
        ("Les matières premières sont choisies avec soin.", STACK),
        ("Elle regarde des images nettes et sans distorsion.", STACK),
        ("Le téléphone se met en mode veille après une minute.", STACK),
        ("Profil bas, conception hic", STACK),
        ("Il faut répondre à quelques questions relatives au serveur mandataire.", STACK),
        ("Un seul passage desserre les grosses particules.", FIRST),
        ("Tout ce que vous pourriez avoir besoin pour jouer.", FIRST),
        ("Un adaptateur de 12 volts est inclus.", MEASURE),
        ("La cage mesure 11 pouces de haut.", MEASURE),
        ("La tente mesure 6 pieds 6 pouces de long.", MEASURE),
        ("Un récepteur portable à 12 canaux suit les satellites.", MEASURE),
        ("Le chariot détient une glacière de 32 pintes.", MEASURE),
        ("Le couteau mesure 3,5 pouces.", MEASURE),
        ("Chaise sac à dos pliante", TITLE),
        ("Mode veille activée", TITLE),
        ("La cage est enduite de vinyle pour une durabilité accrue.", ATTRIBUTE),
        ("Il est avocat spécialisé en droit du travail.", ATTRIBUTE),
        ("Ce genre de panne est monnaie courante en hiver.", ATTRIBUTE),
        ("La housse est en toile enduite.", ATTRIBUTE),
    ],
    ids=[
        "feminine-adjective",
        "plural-feminine-adjective",
        "plural-adjective",
        "kind-head",
        "short-word",
        "adjective-by-its-ending",
        "adjective-french-puts-first",
        "infinitive-listed-as-a-noun",
        "measure-after-de",
        "verb-taken-for-a-noun",
        "feet-then-inches",
        "measure-after-an-adjective-and-a",
        "pints-after-de",
        "verb-tagged-as-an-adjective",
        "title-noun-then-a-compound",
        "title-kind-head",
        "participle-first",
        "a-trade-after-a-pronoun",
        "a-phrase-french-sets-bare",
        "noun-after-a-preposition",
    ],
)
def test_leaves_correct_french_alone(text: str, rule: str) -> None:
    assert not _found(text, rule)


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Le couteau serrures ouvert.", 2, True),
        ("Une adhérence maximale.", 2, False),
        ("Des couleurs vives.", 2, False),
    ],
    ids=["noun", "feminine-adjective", "feminine-plural-adjective-in-ive"],
)
def test_noun_only_reads_the_lemmatizer_tables(text: str, index: int, *, expected: bool) -> None:
    assert noun_only(parse(text)[index]) is expected
