"""The grammar detector's rules on a verb left unconjugated: a past participle without its auxiliary and
« lorsque » with no clause (:mod:`review.flags.omissions`), an infinitive where French conjugates
(:mod:`review.flags.mood`)."""

from __future__ import annotations

import pytest
from flag_helpers import assert_flagged, detect, spans

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Quand les fabricants de bonneterie, fondés en 1914, étendu la fabrication, la société a grandi.",
         "étendu"),
        ("Le couteau pèse 3,2 onces et assorti d'une garantie à vie.", "assorti"),
        ("Il faut des jambes amovibles qui dévisser sans outils.", "dévisser"),
        ("Avec sa double détection de mouvement, il est exact que vous faire du jogging ou de la marche.",
         "vous faire"),
        ("Le matériel ne se sépare pas ou se détériorer avec le temps.", "détériorer"),
        ("Outils ouverts individuellement, s'enclenche et plier avec un bouton poussoir.", "plier"),
    ],
    ids=["participle-with-a-subject", "participle-coordinated", "infinitive-after-qui",
         "infinitive-after-a-subject-pronoun", "infinitive-coordinated", "infinitive-coordinated-no-subject"],
)
def test_flags(text: str, span: str) -> None:
    assert_flagged(detect("grammar", text), span)


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Le couteau est compact lorsque fermé.", "lorsque fermé", "une fois fermé"),
        ("Lorsque fermé, le couteau tient dans la poche.", "Lorsque fermé", "Une fois fermé"),
        ("La chaussette reste sèche même lorsque pataugeant dans l'eau.", "lorsque pataugeant", "en pataugeant"),
    ],
    ids=["participle", "opening-the-sentence", "present-participle"],
)
def test_when_without_a_clause(text: str, span: str, suggestion: str) -> None:
    assert_flagged(detect("grammar", text), span, suggestion)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Quand les fabricants de bonneterie, fondés en 1914, ont étendu la fabrication, la société a grandi.",
         "étendu"),
        ("Le couteau pèse 3,2 onces et il est assorti d'une garantie à vie.", "assorti"),
        ("La sangle permet un ajustement serré et sécurisé.", "sécurisé"),
        ("Une fois que vous vous faites une idée, vous allez l'adorer.", "faites"),
        ("C'est la garantie que Visor fait avec sa mire.", "fait"),
        ("Il faut des jambes amovibles qui se dévissent sans outils.", "dévissent"),
        ("Le chapeau a été testé sous les averses que le monde a à offrir.", "offrir"),
        ("Ce guide va vous faire gagner du temps.", "vous faire"),
        ("Le support peut stocker et suspendre les vélos au plafond.", "suspendre"),
        ("C'est pas comment vous roulez, mais comment le trajet vous fait sentir.", "sentir"),
        ("Le couteau est compact une fois fermé.", "une fois fermé"),
        ("Utilisez la rallonge lorsque nécessaire.", "lorsque nécessaire"),
        ("La chaussette reste sèche même lorsque vous pataugez dans l'eau.", "lorsque vous"),
        ("Cette section décrit comment manipuler la liste des paquets et comment installer de nouveaux paquets.",
         "installer"),
        ("Le noyau en cours d'utilisation est plus ancien que le noyau installé le plus récent.", "installé"),
    ],
    ids=["participle-with-its-auxiliary", "participle-with-a-subject-and-auxiliary", "two-adjectives",
         "present-like-a-participle", "third-person-like-a-participle", "relative-conjugated",
         "infinitive-after-a", "object-pronoun", "after-a-modal", "after-faire", "une-fois", "when-necessary",
         "when-with-a-clause", "infinitive-after-comment", "participle-before-a-superlative"],
)
def test_leaves_correct_french_alone(text: str, span: str) -> None:
    assert span not in spans(detect("grammar", text))
