"""Settings and sockets named by a word no French list holds, verbs that look glued, broken hyphens (stop 57).

The sentences are written for the test after the shape of those the manual pages (read blocks 2,001-4,302) and
Debian's package descriptions got flagged for: « le réglage rsize », « les sockets packet », « L'ISO 8859-1
encode », « les codes- barres ».  The machine translations after them are the tuning split's right flags, which
must stay.
"""

from __future__ import annotations

import pytest
from flag_helpers import rule_spans, shown_by_the_flagger

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("detector", "text"),
    [
        ("grammar", "Le paramètre flags doit valoir zéro."),
        ("grammar", "La taille est plus petite ou égale au réglage rsize."),
        ("grammar", "La valeur nodesize est ignorée par le noyau."),
        ("grammar", "Ces fichiers sont des scripts qui définissent des variables shell."),
        ("grammar", "Le paramètre taille indique la taille demandée du système de fichiers."),
        ("spelling", "Les sockets packet ne gèrent pas d'autres erreurs."),
        ("spelling", "Un socket raw reçoit des datagrammes bruts."),
    ],
    ids=["parametre", "reglage", "valeur", "variables", "parametre-french-noun", "sockets-packet", "socket-raw"],
)
def test_a_setting_or_a_socket_named_after_its_kind_gets_no_flag(detector: str, text: str) -> None:
    assert shown_by_the_flagger(detector, text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De plus, avec des fonctions de sécurité comme un angle de réglage sangle et poignées de maniabilité.",
         "réglage sangle"),
        ("Le couteau met en valeur engagement des couteaux de spécialité.", "valeur engagement"),
        ("LaserMax installe facilement par simple champ décapage de votre arme.", "champ décapage"),
    ],
    ids=["reglage-sangle", "valeur-engagement", "champ-decapage"],
)
def test_the_same_kinds_before_a_french_noun_keep_their_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


def test_a_verb_of_the_lemmatizer_is_not_two_words_written_together() -> None:
    assert rule_spans("spelling", "L'ISO 8859-1 encode les caractères utilisés en Europe.", "two words") == []
    assert rule_spans("spelling", "Il est allé à la plage avec sesamis.", "two words") == ["sesamis"]


@pytest.mark.parametrize(
    ("detector", "text"),
    [
        ("grammar", "ZBar est une bibliothèque permettant de décoder les codes- barres depuis diverses sources."),
        ("grammar", "Il propose la coloration syntaxique et l’auto- indentation."),
        ("spelling", "Une classe de filtre de django- compressor est fournie."),
    ],
    ids=["bare-noun-half", "elided-half", "english-half"],
)
def test_the_halves_of_a_broken_hyphenated_word_get_no_flag(detector: str, text: str) -> None:
    assert shown_by_the_flagger(detector, text) == []


def test_the_same_word_outside_the_broken_hyphen_keeps_its_flag() -> None:
    assert shown_by_the_flagger("spelling", "Ce module fonctionne avec Matchbox- keyboard ou un autre keyboard.") \
        == ["keyboard"]
