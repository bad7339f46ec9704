"""Shapes of correct technical French that Debian's package descriptions and the manual pages showed (stop 54),
which the rules flagged:

- a command's name after its kind and an adjective (« la commande interne wait », « la commande composée
  select »), and the second of two names so introduced (« les commandes internes declare et readonly »);
- a one-letter variable before « ne » elided (« si n n'est pas indiqué »), an operator's name in capitals before the
  same word in lower case (« les listes ET et OU »): no word written twice;
- « cents » and « mille » after a number (« deux cents outils »): a number, not two nouns;
- programmers' names with a prefix in lower case (« libXmu », « jsMath »), which the spelling rules read too;
- a program's English message quoted in French (« le message "Datatype is not supported" »);
- an imperative's pronoun written without its hyphen before a preposition (« dépose les dans la zone »), which the
  parse takes for a plural article;
- English words that French dictionaries hold (« joystick », « sushi », « replay »);
- the instrument a piece is written for, bare after « pour » (« une partition pour piano »).

English glosses, English phrases quoted whole and command-line options, which the vetting sets apart, are in
test_flags_glosses.py.

Every sentence is written for the test, after the shape of one the correct French got flagged for; the last tests
keep the machine-translation French the same rules must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy

SIDE_BY_SIDE = ("side by side", "right after a noun")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Notez que la commande interne exec remplace l'interpréteur en cours.", "exec"),
        ("Elle est utilisée par la commande composée select pour afficher un menu.", "select"),
        ("Les commandes internes declare et readonly acceptent toutes deux cette option.", "readonly"),
        ("La variable est déclarée avec les commandes internes local ou declare.", "declare"),
        ("Le programme externe whatis cherche dans les pages de manuel.", "whatis"),
    ],
    ids=["internal", "compound", "and", "or", "external"],
)
def test_a_command_s_name_after_its_kind_and_adjective_is_kept(text: str, name: str) -> None:
    assert [span for span, _message in shown_messages("spelling", text) if name in span] == []


@pytest.mark.parametrize(
    "text",
    [
        "Si n n'est pas indiqué, la sortie standard est utilisée.",
        "La redirection ouvre le descripteur n n’ayant pas d'autre usage.",
        "L'état renvoyé par des listes ET et OU est celui de la dernière commande.",
    ],
    ids=["elided-ne", "elided-ne-curly", "operator-in-capitals"],
)
def test_a_variable_or_an_operator_before_the_same_word_is_not_a_doubled_word(text: str) -> None:
    assert [span for span, message in shown_messages("spelling", text) if "written twice" in message] == []


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("Le le chien dort devant la porte.", "Le le"),
        ("Il a rangé les les gants dans le sac.", "les les"),
        ("Chaque outil comprend une une poignée texturée.", "une une"),
    ],
    ids=["capital-first", "lower-case", "mt-tuning-split"],
)
def test_a_word_written_twice_is_still_flagged(text: str, doubled: str) -> None:
    assert doubled in [span for span, message in shown_messages("spelling", text) if "written twice" in message]


@pytest.mark.parametrize(
    "text",
    [
        "Le frontal graphique donne accès à plus de deux cents outils de réseau.",
        "Le logiciel propose trois cents réglages pour les experts.",
    ],
    ids=["deux-cents", "trois-cents"],
)
def test_hundreds_after_a_number_are_a_number(text: str) -> None:
    assert [found for found in shown_messages("grammar", text) if any(rule in found[1] for rule in SIDE_BY_SIDE)] \
        == []


@pytest.mark.parametrize(
    "text",
    [
        "Ce paquet fournit la bibliothèque libXmu pour les programmes de X11.",
        "Le rendu des formules passe par jsMath dans le navigateur.",
        "Le module s'appuie sur pyScss pour compiler les feuilles de style.",
    ],
    ids=["lib", "js", "py"],
)
def test_a_programmer_s_name_with_its_prefix_is_no_misspelling(text: str) -> None:
    assert shown_messages("spelling", text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Si on entre une autre valeur, le programme affiche le message "Datatype is not supported".',
        "Le programme affiche alors « Datatype is not supported » et s'arrête.",
    ],
    ids=["straight-quotes", "guillemets"],
)
def test_a_program_s_english_message_quoted_in_french_is_not_untranslated(text: str) -> None:
    assert shown_messages("language", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gardez les pentes à l'esprit et utilisez les à votre avantage.",
        "Fais glisser les mots et dépose les dans la zone supérieure.",
        "Inversez la sélection et coloriez les avec l'outil crayon.",
        "Synchronisez maintenant et récupérez-les à tout moment.",
    ],
    ids=["à", "dans", "avec", "hyphened"],
)
def test_an_imperative_s_pronoun_before_a_preposition_is_no_determiner(text: str) -> None:
    assert shown_messages("grammar", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Utilise le joystick pour déplacer le personnage dans le labyrinthe.",
        "Des légumes enrobés de riz à sushi et roulés dans une algue.",
        "Des pancakes légers avec du vrai sirop d'érable.",
        "Résous la grille de sudoku en plaçant les chiffres.",
        "Le réglage par défaut peut causer des soucis de synchro en sortie.",
        "Les replays sont enregistrés dans le dossier de la partie.",
        "Le ferry traverse le détroit deux fois par jour.",
    ],
    ids=["joystick", "sushi", "pancakes", "sudoku", "synchro", "replays", "ferry"],
)
def test_english_words_french_dictionaries_hold_are_french(text: str) -> None:
    assert shown_messages("spelling", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On peut aussi éditer de la polyphonie ou une partition pour piano.",
        "La notation pour guitare est en règle générale présentée sur deux portées.",
        "Voici des arrangements plus complexes de partition pour chœur mixte.",
        "Regardons maintenant une partie écrite pour violon.",
    ],
    ids=["piano", "guitare", "chœur", "violon"],
)
def test_the_instrument_a_piece_is_written_for_takes_no_article(text: str) -> None:
    assert shown_messages("grammar", text) == []


# -- machine translation the same rules must still flag ------------------------------------------------------


def test_a_bare_noun_after_pour_is_still_flagged() -> None:
    text = "Le sac est conçu pour étanchéité améliorée et confort durable."
    assert "pour étanchéité" in [span for span, _message in shown_messages("grammar", text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Si vous n'avez pas besoin de protection de bug, prenez la tente légère.", "bug"),
        ("Tout chasseur vous dira que plus tags sont remplis à l'aube qu'à midi.", "tags"),
    ],
    ids=["bug", "tags"],
)
def test_english_words_left_in_product_text_are_still_flagged(text: str, word: str) -> None:
    assert word in [span for span, _message in shown_messages("spelling", text)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Les modification que vous appliquez sont perdues.", "Les modification"),
        ("Utilise les de luminance des pixels.", "les de luminance"),  # a noun lost before « de »
        ("Le sac est livré avec les sangle à fixer au cadre.", "les sangle"),
    ],
    ids=["plural-determiner", "before-de", "before-a-preposition-later"],
)
def test_a_plural_determiner_before_a_singular_noun_is_still_flagged(text: str, span: str) -> None:
    assert span in [found for found, _message in shown_messages("grammar", text)]


def test_english_left_outside_quotes_is_still_flagged() -> None:
    text = "Le sac est fait pour the people who like it and want to use it every day."
    assert shown_messages("language", text) != []
