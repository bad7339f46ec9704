"""Wrong senses the French context alone shows: « cas » for a carrying case, « pôles » for tent poles..."""

from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


def shown(text: str) -> list[str]:
    return [flag.span_text for flag in detect("lexicon", text) if flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Le cas de transport protège vos jumelles de la pluie.", "cas", "étui"),
        ("Il est livré avec un cas rigide et un trépied.", "cas", "étui"),
        ("Ce cas en nylon se range facilement dans le coffre.", "cas", "étui"),
        ("Les pôles de tente sont en aluminium léger.", "pôles", "arceaux"),
        ("Le pôle télescopique s'allonge jusqu'à deux mètres.", "pôle", "mât"),
        ("Ces troncs de bain sèchent en quelques minutes.", "troncs", "maillot de bain"),
        ("Rangez vos engins de camping dans le coffre.", "engins", "équipement"),
        ("Le sac d'engins se porte à l'épaule.", "d'engins", "d'équipement"),
        ("Le manteau de gel résiste aux rayures.", "manteau", "couche"),
        ("Ce sac caractéristiques deux poches latérales.", "caractéristiques", "comporte"),
        ("La pluie-mouche couvre toute la tente.", "pluie-mouche", "double-toit"),
        ("Le lit d'air se gonfle en deux minutes.", "lit d'air", "matelas gonflable"),
        ("Mon fils, collège senior, l'utilise tous les jours.", "collège senior", "étudiant"),
        ("Prenez ces chiffres avec un grain de sel.", "avec un grain de sel", "avec des pincettes"),
        ("Deux choix : oie vers le bas ou synthétique.", "oie vers le bas", "duvet d'oie"),
        ("Des chaussettes équipage en coton.", "équipage", "mi-mollet"),
        ("Trois paires de chaussettes d'équipage.", "d'équipage", "mi-mollet"),
        ("Une surveillance autour de l'horloge.", "autour de l'horloge", "24 heures sur 24"),
    ],
    ids=["cas-de-transport", "cas-rigide", "cas-en-nylon", "poles-de-tente", "pole-telescopique",
         "troncs-de-bain", "engins-de-camping", "sac-d-engins", "manteau-de-gel", "caracteristiques-verb",
         "pluie-mouche", "lit-d-air", "college-senior", "grain-de-sel", "oie-vers-le-bas", "chaussettes-equipage",
         "chaussettes-d-equipage", "autour-de-l-horloge"],
)
def test_flags_wrong_senses(text: str, span: str, suggestion: str) -> None:
    flags = detect("lexicon", text)
    found = [flag for flag in flags if flag.span_text.lower() == span.lower()]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    assert found[0].confidence >= MIN_CONFIDENCE
    assert any(s.lower().startswith(suggestion.lower()) for s in found[0].suggestions), found[0].suggestions


@pytest.mark.parametrize(
    "text",
    [
        "En cas de transport par avion, videz la bouteille.",
        "Au cas où il pleuvrait, emportez une veste.",
        "Dans ce cas, la garantie ne s'applique pas.",
        "L'expédition a atteint le pôle Sud en janvier.",
        "La ville est devenue un pôle de recherche européen.",
        "Les muscles du tronc soutiennent le dos.",
        "Les troncs d'arbres bloquaient la route.",
        "Les engins de chantier ont quitté la rue.",
        "Les engins de pêche sont contrôlés dans le port.",
        "Elle a mis son manteau d'hiver.",
        "Les caractéristiques des deux modèles sont proches.",
        "La pluie tombait et une mouche tournait dans la tente.",
        "Le lit de la rivière manquait d'air frais.",
        "Il est entré au collège en septembre.",
        "Ajoutez un grain de sel et remuez.",
        "L'oie regarde vers le bas du lac.",
        "L'équipage a rangé ses chaussettes.",
        "Il tourne les aiguilles de l'horloge.",
    ],
    ids=["en-cas-de", "au-cas-ou", "dans-ce-cas", "pole-sud", "pole-de-recherche", "muscles-du-tronc",
         "troncs-d-arbres", "engins-de-chantier", "engins-de-peche", "manteau-d-hiver", "caracteristiques-des",
         "pluie-et-mouche", "lit-de-riviere", "college", "un-grain-de-sel", "oie-regarde-vers-le-bas",
         "equipage-et-chaussettes", "aiguilles-de-l-horloge"],
)
def test_leaves_the_right_senses_alone(text: str) -> None:
    assert shown(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "La coloration est créée dans le processus d'anodisation.",
        "Plusieurs sonneries sont préchargées sur le téléphone.",
        "Deux blasters Laser Challenge sont fournis.",
    ],
    ids=["processus-d-anodisation", "sur-le-telephone", "laser-challenge"],
)
def test_weak_entries_stay_below_the_floor(text: str) -> None:
    assert shown(text) == []
