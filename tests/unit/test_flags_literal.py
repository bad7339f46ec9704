"""The grammar detector's calque rules: English constructions carried word for word into French (and the
conjugated verb after an auxiliary, in :mod:`review.flags.mood`)."""

from __future__ import annotations

import pytest
from flag_helpers import assert_flagged, detect, spans

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Les tentes autoportantes peuvent se lever sur leurs propres, sans piquets.", "leurs propres", None),
        ("Le gant caractéristiques un bracelet réglable en néoprène.", "caractéristiques", "comporte"),
        ("Pour commencer, nous vous recommandons engageant un propulseur pour chaque cavalier.", "engageant",
         "engager"),
        ("Un sac de couchage en vers le bas reste chaud et léger.", "vers le bas", None),
        ("Les gants sont distinguent par un jeu de coussinets en gel.", "sont distinguent", None),
        ("Une tente de qualité aura une pluie-mouche et des arceaux légers.", "pluie-mouche", "mouche de pluie"),
        ("Les bandes aident avec des exercices vous pouvez faire à la maison.", "exercices vous", "exercices que vous"),
    ],
    ids=["on-their-own", "features-as-a-verb", "ing-complement", "down-as-a-noun", "conjugated-after-auxiliary",
         "hyphen-compound", "relative-without-que"],
)
def test_flags(text: str, span: str, suggestion: str | None) -> None:
    assert_flagged(detect("grammar", text), span, suggestion)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Les enfants apportent leurs propres jouets à la garderie.", "leurs propres"),
        ("Les caractéristiques techniques figurent sur la boîte.", "caractéristiques"),
        ("Autres caractéristiques : une poignée réglable et un sac de transport.", "caractéristiques"),
        ("Vous pourrez pêcher en toute confiance, sachant que le moulinet tient bon.", "sachant"),
        ("Il a terminé la course en gardant son avance.", "gardant"),
        ("Il choisit automatiquement un identifiant qui n'existe pas déjà.", "identifiant"),
        ("L'air circule vers le bas à l'intérieur de la visière.", "vers le bas"),
        ("Repliez le guidon vers le haut pour le ranger.", "vers le haut"),
        ("Ce gant est excellent et les coutures sont présentes.", "est excellent"),
        ("Les gants se distinguent par un jeu de coussinets en gel.", "se distinguent"),
        ("Le chou-fleur et le coupe-fil sont dans la cuisine.", "chou-fleur"),
        ("Le chou-fleur et le coupe-fil sont dans la cuisine.", "coupe-fil"),
        ("Les bagages rétro-éclairés ont un design ultra-léger.", "rétro-éclairés"),
        ("Un ciel gris-bleu couvre la ville.", "gris-bleu"),
        ("Les bandes aident avec des exercices que vous pouvez faire à la maison.", "que vous"),
        ("Avec sa mire, ce pistolet vous tiendra sur la cible.", "pistolet vous"),
        ("Cette année nous avons lancé un nouveau modèle.", "année nous"),
        ("Si par hasard vous connaissez la réponse, partagez-la.", "hasard vous"),
    ],
    ids=["own-with-its-noun", "features-the-noun", "features-a-label", "participle-after-a-comma",
         "gerund-with-en", "noun-in-ant", "down-after-a-verb", "up-after-its-object", "adjective-after-etre",
         "conjugated-alone", "compound-in-the-tables", "verb-noun-compound", "prefix", "two-adjectives",
         "relative-with-que", "object-pronoun", "time-first",
         "set-phrase"],
)
def test_leaves_correct_french_alone(text: str, span: str) -> None:
    assert span not in spans(detect("grammar", text))
