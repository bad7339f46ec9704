from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags import default_detectors, specs
from review.model import Severity

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("Le couteau pèse seulement 10 onces.", "10 onces", "283 g"),
        ("Il mesure 4-1/2 pouces de long.", "4-1/2 pouces", "11,4 cm"),
        ('Une rallonge de 1 1/2" en acier.', '1 1/2"', "3,81 cm"),
        ("Il s'adapte aux portes de 24 à 32 pouces de large.", "24 à 32 pouces", "61 à 81,3 cm"),
        ("Le banc mesure 31,5 par 6,25 par 10 pouces.", "31,5 par 6,25 par 10 pouces", "80 par 15,9 par 25,4 cm"),
        ("Il supporte les utilisateurs jusqu'à 300 livres.", "300 livres", "136 kg"),
        ("Le sac pèse 1 lb 4 oz une fois plein.", "1 lb 4 oz", "567 g"),
        ("Pour les cyclistes de 5 pi 10 po et plus.", "5 pi 10 po", "1,78 m"),
        ("Le télémètre porte à 29 500 pieds.", "29 500 pieds", "8,99 km"),
        ("Le couvercle va au four jusqu'à 500 degrés F.", "500 degrés F", "260 °C"),
        ("La glacière reste froide à 40° F.", "40° F", "4,44 °C"),
        ("Le moteur pousse jusqu'à 10 mi/h.", "10 mi/h", "16,1 km/h"),
        ("Il purifie jusqu'à 200 000 gallons d'eau.", "200 000 gallons", f"757{NNBSP}000 l"),
        ("Le flacon contient 16 onces liquides.", "16 onces liquides", "473 ml"),
        ("Une lame de 0,25 pouce.", "0,25 pouce", "6,35 mm"),
        ("Un faitout de 7 pintes.", "7 pintes", "3,31 l"),
        ("La portée est de 1,000 yards.", "1,000 yards", "914 m"),
        ("Un tuyau de 1,625 pouce.", "1,625 pouce", "4,13 cm"),
        ("Un four de 0,9 pied cube.", "0,9 pied cube", "25,5 l"),
    ],
    ids=["ounces", "whole-and-fraction", "inch-mark", "range", "dimensions", "pounds", "pounds-and-ounces",
         "feet-and-inches", "kilometres", "fahrenheit-words", "fahrenheit-sign", "speed", "grouped-thousands",
         "fluid-ounces", "millimetres", "pints", "english-thousands", "french-decimal",
         "cubic-foot"],
)
def test_an_imperial_measure_gets_its_metric_value(text: str, flagged: str, suggestion: str) -> None:
    flags = detect("units", text)
    assert spans(flags) == [flagged]
    assert flags[0].suggestions == (suggestion,)
    assert suggestion in flags[0].message
    assert flags[0].severity == Severity.MINOR
    assert flags[0].category == "locale"


@pytest.mark.parametrize(
    "text",
    [
        "Un ordinateur portable avec un écran de 15 pouces.",
        'Compatible avec la plupart des vélos de 26" et 27".',
        "Pupille de sortie : 7,1 mm (0,28 po).",
        "Un jerrican de 6 gallons (23 litres).",
        "Poids : 7 oz/200 g.",
        "Il mesure 1,5 m de haut et pèse 3 kg.",
        "Les 3 quarts du temps, la surface vaut 2 pi r.",
        "Le pied de la lampe et la livre sterling.",
        "Une jauge de 100 lb/po2.",
        '<m:wrapIndent m:val="1440"></m:wrapIndent>',
        'Appliquez le style de paragraphe "Titre 1" aux titres.',
        'Le nom est repris avec un numéro ("#1" par exemple).',
    ],
    ids=["screen", "bicycle-wheels", "metric-before", "metric-in-brackets-after", "metric-after-slash", "metric",
         "quarter-and-pi", "words-without-a-number", "unit-per-unit", "markup", "number-closing-a-quotation",
         "number-in-quotes-in-brackets"],
)
def test_what_french_keeps_or_already_converted_is_not_flagged(text: str) -> None:
    assert detect("units", text) == []


def test_inch_marks_are_told_from_closing_quotes() -> None:
    flags = detect("units", 'Dimensions : 72" L x 19" W, modèle "Titre 2".')
    assert spans(flags) == ['72"', '19"']


def test_the_detector_runs_only_when_named() -> None:
    """Converting measures is the client's call: not in the default set, and no model or source needed."""
    spec = specs()["units"]
    assert "units" not in default_detectors()
    assert spec.offline
