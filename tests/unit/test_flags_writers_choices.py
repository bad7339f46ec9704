"""Adjectives a writer sets first, locutions after a noun, and « empêcher de » (stop 46).

Every sentence is written for the test, after the shape of one that correct French (games' narration and item
descriptions, Debian's package descriptions) got flagged for: the first list must get no flag a reviewer sees from
the rule named; the second keeps the machine-translation French the same rules must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect, shown_messages

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Une insatiable faim tenaillait les voyageurs.", "English word order"),
        ("Ils traversèrent ces florissantes vallées au printemps.", "English word order"),
        ("Le paisible village s'endormit sous la neige.", "English word order"),
        ("Elle répondit avec une impitoyable rigueur.", "English word order"),
        ("Il vend des outils bon marché sur la place du village.", "English word order"),
        ("Ce logiciel s'adresse à l'utilisateur grand public.", "English word order"),
        ("Un phare de voiture grand angle éclaire la route.", "English word order"),
        ("Le format petit boutiste est lu par ce pilote.", "English word order"),
        ("Le fermier nourrit un veau nouveau-né chaque matin.", "English word order"),
        ("Le vacarme des forges empêche de dormir.", "takes a person"),
    ],
    ids=["able-after-une", "ant-after-ces", "ible-after-le", "able-after-une-feminine", "bon-marche",
         "grand-public", "grand-angle", "petit-boutiste", "nouveau-ne", "empecher-de-with-no-person"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le sac offre lavable tissu et poches.", "lavable tissu"),
        ("Le kayak a une flottant glacière intégrée.", "flottant glacière"),
        ("Bell a commencé comme un magasin de pièces d'auto petit dans une banlieue.", "auto petit"),
        ("Le GPS nouveau de la marque est livré avec une carte.", "GPS nouveau"),
        ("L'Iran et le Pakistan accusent de renforcer la sécurité.", "accusent de"),
    ],
    ids=["able-with-no-determiner", "masculine-ant-after-une", "petit-after-its-noun", "nouveau-after-its-noun",
         "accuser-de-with-no-person"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    flags = detect("grammar", text)
    assert span in [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE], \
        [(flag.span_text, flag.confidence) for flag in flags]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Il fournit les fichiers d'en-tête et la documentation nécessaires à la compilation.", []),
        ("Il charge les règles de pluriel et de translittération disponibles dans le gem.", []),
        ("Il surveille les événements du système ou du bureau relatifs à l'énergie.", []),
        ("Il repose sur du matériel et du logiciel flexibles et faciles à utiliser.", []),
        ("La pédale automatiques à l'intérieur de la cage est basée sur Shimano.", ["automatiques"]),
        ("Aucun désordre huiles nécessaires pour aiguiser la lame.", ["huiles", "nécessaires"]),
        ("Ils respecteront la souveraineté et l'intégrité du territoire respectifs.", ["respectifs"]),
    ],
    ids=["et-la", "et-de", "ou-du", "et-du", "no-list", "noun-stack", "a-complement-after-the-list"],
)
def test_a_plural_adjective_after_a_list_describes_the_list(text: str, flagged: list[str]) -> None:
    """« les fichiers d'en-tête et la documentation nécessaires »: the singular noun closes a list joined by « et »
    or « ou », and the plural adjective describes it all (Debian's package descriptions: 38 flags in the 16 blocks
    read).  A noun that completes the list's last part does not end it (the sample article's « respectifs »)."""
    assert [flag.span_text for flag in detect("grammar", text)
            if flag.confidence >= MIN_CONFIDENCE and "is plural but" in flag.message] == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Si tu arrives à le récupérer sans tuer personne, je te considérerais comme un expert.", []),
        ("Je crois que personne encore vivant n'en connaisse plus que des rumeurs.", []),
        ("Il est possible d'écouter dans un environnement bruyant sans déranger personne.", []),
        ("Le lit accueille personne seule confortablement.", ["lit accueille personne"]),
    ],
    ids=["after-sans", "ne-after-it", "sans-before-its-verb", "the-noun-without-its-article"],
)
def test_personne_with_ne_or_sans_is_the_pronoun(text: str, flagged: list[str]) -> None:
    """« personne » is "nobody" when its sentence has « ne » or « sans » before it; the noun still wants « une »."""
    assert [flag.span_text for flag in detect("grammar", text)
            if flag.confidence >= MIN_CONFIDENCE and "determiner" in flag.message] == flagged
