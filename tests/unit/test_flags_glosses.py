"""English glosses: the English term technical French gives beside its own, in parentheses or quotes.

A flag inside one goes below the confidence floor (``review.flags.vetting.set_apart``); the same words
outside a gloss, or a parenthesis that holds French or opens the segment, keep their flags.  The detectors,
the Flagger and the parse are the real ones.
"""

from __future__ import annotations

import pytest

from review.document import from_text
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.vetting import glosses, setting_labels
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

DETECTORS = ("grammar", "spelling")


def shown(text: str, *, floor: float | None = None, corrected: str | None = None) -> list[str]:
    """The spans the Flagger shows for ``text`` (one segment), or for its correction ``corrected``."""
    options = FlagOptions() if floor is None else FlagOptions(min_confidence=floor)
    document = from_text(text + "\n")
    texts = {} if corrected is None else {document.segments[0].id: corrected}
    return [flag.span_text for flag in Flagger(DETECTORS, options, ModelPool()).flags(document, texts)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Les images, aussi appelées lames virtuelles (virtual slides), sont grandes.", []),
        ("Les virtual slides sont des images de grande taille.", ["virtual slides"]),
        ("Un célomètre (« ceilometer ») est un instrument.", []),
        ("Un ceilometer est un instrument.", ["ceilometer"]),
        ("Il prend en charge le protocole « checksum offload ».", []),
        ("Il gère la charge (répartition serial de la charge) dans le noyau.", ["répartition serial"]),
        ("Les processus très légers (fiber – fibre) sont une forme de coroutine.", []),
        ("Les processus très légers fiber sont une forme de coroutine.", ["fiber"]),
        ("(bounce) fait rebondir la balle.", ["bounce"]),
    ],
    ids=["english-in-parentheses", "the-same-words-in-the-sentence", "quoted-in-parentheses", "the-word-alone",
         "english-in-quotes", "parentheses-that-hold-french", "english-beside-its-french", "english-in-the-sentence",
         "parentheses-opening-the-segment"],
)
def test_a_flag_inside_an_english_gloss_is_below_the_floor(text: str, flagged: list[str]) -> None:
    assert shown(text) == flagged


def test_a_lowered_floor_still_shows_a_flag_inside_a_gloss() -> None:
    assert shown("Les images sont des lames virtuelles (virtual slides).", floor=0.25) == ["virtual slides"]


def test_the_gloss_is_read_in_the_reviewers_correction() -> None:
    text = "Un ceilometer est un instrument."
    assert shown(text) == ["ceilometer"]
    assert shown(text, corrected="Un appareil (« ceilometer ») mesure les nuages.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("lames virtuelles (virtual slides)", ["virtual slides"]),
        ("le mode « lookahead »", [" lookahead "]),
        ("le mode \u201clookahead\u201d", ["lookahead"]),
        ('un panneau de 12" x 18" (noir)', []),
        ('un panneau de 12" x "18', []),
        ("(virtual slides) en tête", []),
        ("la charge (serial line, répartition de charge)", ["serial line,"]),
        ("les processus (fiber – fibre)", ["fiber – "]),
        ("la charge (répartition serial de la charge)", []),
        ("le modèle (2024)", []),
        ("les trains d'impulsions (spike train)", ["spike train"]),  # « train » is French too
        ("les gants (Pack of two)", []),  # function words: a phrase, not a term
        ("l'article « An efficient algorithm to build the graph »", [" An efficient algorithm to build the graph "]),
        ("le réglage « dot the i »", []),  # three words
    ],
    ids=["parentheses", "french-quotes", "curly-quotes", "french-inside", "straight-quotes-are-inches",
         "opening-parenthesis", "english-part-then-french", "english-beside-a-dash", "english-among-french",
         "no-word", "english-term-with-a-french-word", "english-phrase-in-parentheses", "english-phrase-quoted",
         "three-quoted-words"],
)
def test_where_a_gloss_stands(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in glosses(text)] == found


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Il appelle calendar() qui renvoie une structure.", []),
        ("Il appelle calendar qui renvoie une structure.", ["calendar"]),
    ],
    ids=["called-as-a-function", "the-same-word-in-the-sentence"],
)
def test_a_word_called_as_a_function_is_code(text: str, flagged: list[str]) -> None:
    assert shown(text) == flagged


# -- stop 54: English terms French shares a word with, English phrases quoted whole, options' words -----------


@pytest.mark.parametrize(
    "text",
    [
        "C'est une bibliothèque pour l'analyse de similarité de trains d'impulsions (spike train).",
        "Il s'agit d'une extension pour le magasin de mots de passe (password store) qui affiche les métadonnées.",
        "Le texte supprimé est conservé dans un tampon circulaire (« kill ring »).",
        "Le paquet fournit le guide de sécurité (SSG, SCAP security guide) et ses pages de manuel.",
        "Le processus prend un fichier de contrôle (Debian source control) et l'importe dans CVS.",
        "Elle prend en charge les « tableaux avec cache » (masked arrays).",
    ],
    ids=["two-words", "before-a-clause", "in-quotes", "with-an-acronym", "with-a-name", "after-quotes"],
)
def test_an_english_term_that_shares_words_with_french_is_a_gloss(text: str) -> None:
    assert shown(text) == []


@pytest.mark.parametrize(
    "text",
    [
        ("C'est l'algorithme décrit dans l'article « An efficient algorithm to build the compacted graph from many "
         "genomes »."),
        "YASnippet (« yet another snippet extension for Emacs ») est un système de modèles.",
        "SCIM (« Smart Common Input Method » : méthode commune de saisie) est une plate-forme.",
    ],
    ids=["article-title", "quoted-in-parentheses", "title-case"],
)
def test_an_english_phrase_quoted_whole_is_set_apart(text: str) -> None:
    assert shown(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pour arrêter l'édition de ligne, utiliser l'option +o emacs ou +o vi de la commande interne set.",
        "Quand l'option -o history de la commande interne set est activée, l'historique est gardé.",
    ],
    ids=["plus-o", "minus-o"],
)
def test_a_command_line_option_s_word_is_code(text: str) -> None:
    assert shown(text) == []


def test_a_lowered_floor_shows_what_an_english_term_holds() -> None:
    text = "Il s'agit d'une extension pour le magasin de mots de passe (password store) qui affiche les données."
    assert "password store" in shown(text, floor=0.25)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Les gants de boxe (set of two gloves) sont solides.", "gloves"),  # a phrase, with its function words
        ("Les gants de boxe (Pack of two) sont solides.", "two"),
        ("Pour les régler juste, « dot the i ».", "the"),  # three words: the tuning split's one right flag
        ("Le vendeur dit que ce sac « est vraiment super cool » et solide.", "cool"),  # a French quotation
        ("Sac de vitesse (sac couleur peut varier).", "sac couleur"),  # French words in parentheses
    ],
    ids=["phrase-in-parentheses", "pack-of", "three-words", "french-quotation", "french-in-parentheses"],
)
def test_english_left_in_mt_stays_flagged(text: str, flagged: str) -> None:
    assert flagged in shown(text)


# -- stop 55: an English phrase in straight double quotes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('le message "Datatype is not supported".', ["Datatype is not supported"]),
        ('la boîte : Sportview 782061 "Spotting Scope", trépied', []),  # two words: MT's English left in
        ('une lame de 4" et un manche "de 2 pouces de long"', []),  # inches, and French with a number
        ('il dit "est vraiment super cool" et part', []),  # French words
        ('cocher "Installer les utilitaires hérités (par ex. convert)" avant', ["par ex. convert"]),
    ],
    ids=["english-phrase", "two-words", "inches", "french-quotation", "parenthesis-inside"],
)
def test_where_a_phrase_in_straight_quotes_stands(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in glosses(text)] == found


def test_an_english_message_in_straight_quotes_is_set_apart() -> None:
    assert shown('Si on entre une autre valeur, Xcos affiche le message "Datatype is not supported".') == []


def test_a_french_quotation_in_straight_quotes_keeps_its_flag() -> None:
    assert "cool" in shown('Le vendeur dit que ce sac "est vraiment super cool" et solide.')


# -- stop 56: the labels of settings and controls ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Si les paramètres Lower limit et Upper limit ont la même valeur.", ["Lower limit", "Upper limit"]),
        ("Cochez la case Use system settings puis validez.", ["Use system settings"]),
        ("L'option Show hidden files affiche les fichiers cachés.", ["Show hidden"]),  # « files » is French
        ("Les paramètres sont lus au démarrage.", []),  # no label
        ("Le bouton de lecture est sur le côté.", []),
    ],
    ids=["two-labels", "checkbox", "french-word-ends-it", "no-label", "lower-case"],
)
def test_where_a_setting_s_label_stands(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in setting_labels(text)] == found


def test_an_english_label_of_a_setting_is_set_apart() -> None:
    text = "Quand le signal est entre les paramètres Lower limit et Upper limit, il traverse le bloc."
    assert shown(text) == []
    assert "limit" in shown(text.replace("paramètres Lower limit et Upper limit", "bornes lower limit et upper limit"))
