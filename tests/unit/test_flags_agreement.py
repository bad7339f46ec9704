"""Agreement read against what the determiner and the endings show (issue 11, branch agree).

Every sentence is written for the test: for each rule added or changed, sentences that
must get a flag the reviewer sees and sentences of correct French that must not.
"""

from __future__ import annotations

import pytest
from flag_helpers import assert_flagged as assert_flagged_among
from flag_helpers import detect, spans

from review.flags.phrase_agreement import agreed, shape
from review.flags.rank import MIN_CONFIDENCE
from review.model import Flag

pytestmark = pytest.mark.slow  # parses with spaCy


def shown(text: str) -> list[Flag]:
    return [flag for flag in detect("grammar", text) if flag.confidence >= MIN_CONFIDENCE]


def assert_flagged(text: str, span: str, suggestion: str | None) -> None:
    """``span`` is shown as a flag in ``text`` (above the floor), offering ``suggestion`` when one is given."""
    assert_flagged_among(shown(text), span, suggestion)


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Elle a choisi une veste noir pour la soirée.", "noir", "noire"),
        ("Il porte un manteau légère tout l'hiver.", "légère", "léger"),
        ("Nous avons acheté un tapis lourds pour le salon.", "lourds", "lourd"),
        ("Elle a acheté une lampe solide et léger.", "léger", "légère"),
        ("La lampe est froid au toucher.", "froid", "froide"),
        ("Les sangles sont solides et légère.", "légère", "légères"),
        ("Le kit contient trois couteau de cuisine.", "trois couteau", "trois couteaux"),
        ("Il range la sac dans le coffre.", "la sac", "le sac"),
        ("Les enfants aime jouer dehors le dimanche.", "aime", None),
        ("Le chien du voisin aboient toute la nuit.", "aboient", None),
        ("Cette lanterne a sa propre lumière de nuit intégré.", "intégré", "intégrée"),
        ("C'est la planche à roulettes d'entrée de gamme parfait.", "parfait", "parfaite"),
        ("Les gants doivent être lavée à la main.", "lavée", "lavés"),
        ("Les maillots de bain étaient fragiles parce qu'elles ont duré une saison.", "elles", "ils"),
        ("Sa précision rend il parfait pour le golf.", "rend il", None),
        ("Ce percolateur a ce que vous avez besoin pour démarrer.", "que vous avez besoin", "dont vous avez besoin"),
        ("La lampe est conçu pour durer.", "conçu", "conçue"),
        ("Les pointes sont en caoutchouc naturel et sont renforcé en métal.", "renforcé", "renforcées"),
        ("Choisissez une housse qui est conçu pour le froid.", "conçu", "conçue"),
    ],
    ids=["epithet-masculine", "epithet-feminine", "epithet-number", "epithet-second-of-two", "attribute-gender",
         "attribute-in-a-list", "counted-noun", "feminine-determiner", "verb-plural-subject", "verb-singular-subject",
         "no-noun-of-the-phrase", "no-noun-of-a-long-phrase", "participle-after-a-modal", "plural-pronoun-gender",
         "it-after-its-verb", "what-you-need",
         "participle-before-an-infinitive", "participle-of-a-second-verb", "participle-of-a-relative"],
)
def test_flags(text: str, span: str, suggestion: str | None) -> None:
    assert_flagged(text, span, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "Une housse de couteau noir est vendue avec l'ensemble.",
        "La lame est idéale pour la cuisine et le jardin.",
        "Ce produit convient aux enfants de trois ans.",
        "Une des boules porte un motif doré.",
        "Le fusil Mossberg 500 calibre 12 est vendu seul.",
        "Elle vit ici depuis deux ans, et il y a trois semaines elle a déménagé.",
        "Une pente allant vers le haut rend la course plus difficile.",
        "Elle porte des chaussures de marche légères et une veste rouge.",
        "Cette veste rapide à enfiler est vendue avec sa housse.",
        "Le programme de remise en forme dure six semaines.",
        "Il a une lampe solide et un fauteuil léger.",
        "La commodité de ce sac est appréciable.",
        "Le sac est léger, et la ceinture les garde à portée de main.",
        "Une précision abordable, ils sont calibrés pour les distances courtes.",
        "Il boit une tasse de café noir.",
        "Elle range une boîte de carton ondulé.",
        "Les gants doivent être lavés à la main.",
        "Les tentes sont légères et elles se montent vite.",
        "Les sacs sont solides car ils sont cousus deux fois.",
        "Quand vous le rangez il tient dans une poche.",
        "La société a été créée il y a cinquante ans.",
        "Voici ce que vous avez besoin de savoir, et tout ce dont vous avez besoin.",
        "La lampe est conçue pour durer.",
        "Il est conseillé de laver la housse à la main.",
        "Les pointes sont en caoutchouc naturel et sont renforcées en métal.",
        "La housse est lavable et elle est conçue pour durer.",
        "Choisissez une housse qui est conçue pour le froid.",
        "La tente du campeur qui est arrivé hier est neuve.",
    ],
    ids=["adjective-of-the-other-noun", "attribute-agrees", "convient-is-singular", "one-of-several",
         "model-number", "il-y-a", "present-participle", "agreeing-adjectives", "both-genders", "remise-en-forme",
         "adjective-of-the-second-noun", "feminine-noun-in-te",
         "les-object-pronoun", "participle-of-the-auxiliary-s-subject", "adjective-of-the-bare-noun",
         "participle-of-the-bare-noun", "participle-after-a-modal", "pronoun-of-its-noun",
         "pronoun-of-a-masculine-noun", "pronoun-opening-its-clause", "il-y-a-after-a-participle",
         "what-you-need-to-know", "participle-before-an-infinitive", "impersonal-il-before-an-infinitive",
         "participle-of-a-second-verb", "second-verb-with-its-own-subject",
         "participle-of-a-relative", "relative-of-the-nearer-noun"],
)
def test_leaves_correct_french_alone(text: str) -> None:
    assert spans(shown(text)) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [("Il aime les chaises noirs du salon.", "noirs"), ("Ce gril est essentielle pour les grillades.", "essentielle")],
    ids=["gender-after-les", "attribute-wanting-a-masculine"],
)
def test_measured_below_the_floor(text: str, span: str) -> None:
    """Rules right about half the time on the tuning split: made, but below the floor a reviewer sees."""
    found = [flag.confidence for flag in detect("grammar", text) if flag.span_text == span]
    assert found, f"no flag on {span!r}"
    assert max(found) < MIN_CONFIDENCE


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("noir", ("Masc", "Sing")), ("noires", ("Fem", "Plur")), ("légère", ("Fem", "Sing")),
        ("normaux", ("Masc", "Plur")), ("rouge", (None, None)), ("gris", ("Masc", None)),
        ("standard", (None, None)),
    ],
    ids=["masculine", "feminine-plural", "feminine-er", "plural-in-aux", "both-genders", "both-numbers",
         "invariable"],
)
def test_shape_reads_the_ending(form: str, expected: tuple[str | None, str | None]) -> None:
    assert shape(form) == expected


@pytest.mark.parametrize(
    ("form", "gender", "number", "expected"),
    [("noir", "Fem", "Plur", "noires"), ("légère", "Masc", None, "léger"), ("normal", None, "Plur", "normaux"),
     ("heureuse", "Masc", None, "heureux")],
    ids=["feminine-plural", "masculine", "plural-in-aux", "eux-euse"],
)
def test_agreed_form(form: str, gender: str | None, number: str | None, expected: str) -> None:
    assert agreed(form, gender, number) == expected


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Maintenez la position jusqu'à ce que vous êtes prêt.", "êtes", None),
        ("Ces pièces peuvent s'usent avec le temps.", "usent", "user"),
        ("Ce matelas ne sera pas dégonfler pendant la nuit.", "dégonfler", "dégonflé"),
    ],
    ids=["jusqu-a-ce-que", "after-a-modal", "infinitive-after-etre"],
)
def test_tense_and_mood_flags(text: str, span: str, suggestion: str | None) -> None:
    assert_flagged(text, span, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "Maintenez la position jusqu'à ce que vous soyez prêt.",
        "Ces pièces peuvent s'user avec le temps.",
        "Ce matelas ne va pas se dégonfler pendant la nuit.",
        "Elle a décidé de partir tôt.",
    ],
    ids=["subjunctive-after-jusqu-a-ce-que", "infinitive-after-a-modal", "infinitive-after-aller",
         "infinitive-after-de"],
)
def test_tense_and_mood_left_alone(text: str) -> None:
    assert spans(shown(text)) == []
