"""Shapes of Debian's package descriptions that correct French writes (stop 52): nouns in apposition after an
adjective, « divers » or a list, an adjective after a name that qualifies the noun before it, English titles
and names, Latin words French dictionaries hold, present participles after a noun the parse took for a verb, and
« les » as an object pronoun.

Every sentence is written for the test, after the shape of one the package descriptions got flagged for; the last
lists keep the machine-translation French the same rules must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ce jeu est sans doute le premier jeu vidéo écrit pour ce terminal.", "side by side"),
        ("Il s'agit de simples fichiers texte que l'on modifie à la main.", "side by side"),
        ("Le protocole offre un très faible temps système, des messages signés et chiffrés.", "side by side"),
        ("La tâche compile divers langages source et produit des exécutables.", "side by side"),
        ("L'outil montre les processus et ressources système les plus chargés.", "side by side"),
        ("Vous pouvez changer à la volée les raccourcis clavier des éléments des menus en appuyant sur une touche.",
         "French puts this adjective after"),
    ],
    ids=["adjective-then-apposition", "simples-fichiers-texte", "adverb-adjective-then-apposition",
         "divers-as-determiner", "joined-to-a-noun-with-its-article", "noun-read-as-a-participle"],
)
def test_a_noun_in_apposition_gets_no_flag(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ce paquet sait relayer le courrier vers des serveurs SMTP distants.",
        "Il gère les périphériques RF courants comme le WiFi et le Bluetooth.",
        "La bibliothèque garde la trace des objets GtkWidget actifs dans la fenêtre.",
        "Il en tire des fichiers PDF imprimables pour la revue.",
    ],
    ids=["smtp-distants", "rf-courants", "gtkwidget-actifs", "pdf-imprimables"],
)
def test_an_adjective_after_a_name_qualifies_the_noun_before_it(text: str) -> None:
    assert [found for found in shown_messages("grammar", text) if "a name before" in found[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Dans cette séance, le motivateur Greg Cook déverrouille la dynamique du ballon afin de maximiser vos efforts.",
        "Fondée en 1997, l'Alpen Optics produit une gamme complète de jumelles.",
        "Authen::SASL fournit des chaînes Unicode représentant les noms d'utilisateur.",
    ],
    ids=["verb-before-its-article", "verb-before-un", "participle-before-its-object"],
)
def test_a_name_before_its_verb_is_a_subject(text: str) -> None:
    assert [found for found in shown_messages("grammar", text) if "a name before" in found[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ces listes viennent du travail de l'Institute of the Estonian Language sur l'orthographe.",
        "Flight of the Amazon Queen est un jeu d'aventure en deux dimensions.",
        "Le format a été publié par le « Committee for the Advancement of DICOM » en 2002.",
    ],
    ids=["institute-of-the", "title-opening-the-sentence", "committee-for-the"],
)
def test_an_english_name_in_title_case_is_no_untranslated_english(text: str) -> None:
    assert shown_messages("language", text) == []
    assert [found for found in shown_messages("spelling", text) if "English word" in found[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Un thesaurus classe les termes d'un domaine par leurs relations.",
        "Le programme repère chaque locus connu dans l'assemblage du génome.",
        "Cette version est compilée pour un quantum de seize bits.",
        "Le jeu pose un quiz à chaque niveau.",
    ],
    ids=["thesaurus", "locus", "quantum", "quiz"],
)
def test_latin_words_french_holds_are_no_english(text: str) -> None:
    assert [found for found in shown_messages("spelling", text) if "English word" in found[1]] == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ce module ajoute un script d'interpréteur permettant de lancer une commande sur plusieurs hôtes.",
         '"-ing" form'),
        ("Il s'agit d'un greffon pour Vagrant aidant à partager un cache entre les machines.", '"-ing" form'),
        ("Ce paquet fournit les bibliothèques partagées permettant d'accéder aux bases de données.", '"-ing" form'),
        ("Une personne mal intentionnée disposant de moyens modestes peut lire les données.", '"-ing" form'),
        ("Certaines fonctions sont absentes, parce que personne ne les demande.", "plural « les »"),
        ("Il lit des phrases depuis l'entrée standard, les segmente en morphèmes puis les écrit sur la sortie.",
         "plural « les »"),
    ],
    ids=["noun-read-as-a-verb", "name-read-as-a-verb", "participle-of-the-noun", "participle-after-an-adverb",
         "les-after-ne", "les-after-a-comma"],
)
def test_participles_and_object_pronouns_french_writes(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "span", "detector"),
    [
        ("Ce porte-vélos peut accueillir des enfants et vélos adultes, vélos de descente et bien plus.",
         "vélos adultes", "grammar"),
        ("Pour les sacs et poches ceinture, voyez notre gamme.", "poches ceinture", "grammar"),
        ("Un authentique grill flamme nue se replie pour le transport.", "authentique grill", "grammar"),
        ("Le kit Nikon éliminateur de brouillard comprend trois lingettes.", "Nikon éliminateur", "grammar"),
        ("Le vélo Schwinn 418 elliptique accueille une grande variété d'utilisateurs.", "Schwinn 418 elliptique",
         "grammar"),
        ("Tonifier votre corps with the best exercise of the year.", "with", "spelling"),
        ("Le pistolet a aussi une étoile spécialement conçu contenant jusqu'à six bandes.", "contenant", "grammar"),
        ("Nous vous recommandons engageant un guide pour la randonnée.", "engageant", "grammar"),
        ("Le verrouillage décourage les vol et protège les précieux objets.", "les vol", "grammar"),
        ("C'est la boussole de carte en miroir original modèle de la marque.", "original modèle", "grammar"),
    ],
    ids=["joined-noun-not-in-apposition", "joined-noun-without-its-article", "adjective-before-two-nouns",
         "name-before-a-noun-in-eur", "name-and-model-number", "english-words-in-lower-case",
         "participle-disagreeing-with-its-noun", "participle-after-a-verb", "les-before-a-noun",
         "adjective-before-an-apposition"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str, detector: str) -> None:
    shown = shown_messages(detector, text)
    assert any(span in found for found, _ in shown), shown
