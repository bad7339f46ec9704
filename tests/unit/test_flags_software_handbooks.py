"""Shapes of software handbooks and messages that correct French writes (stop 47).

Every sentence is written for the test, after the shape of one that KDE's handbooks and messages, a school physics
manual (expEYES) or Tux Paint's documentation got flagged for: the first list must get no flag a reviewer sees from
the rule named; the second keeps the machine-translation French the same rules must still flag (most of them from
WMT20 QE en-fr's tuning split, written again).
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Voici les filtres actuellement configurés pour ce compte.", "adverb before a bare infinitive"),
        ("Utilisez la commande lire pour relancer la vidéo.", "an infinitive after a noun"),
        ("Cliquez sur le bouton valider une fois la saisie finie.", "an infinitive after a noun"),
        ("Afficher la trame des pixels : bascule la trame des pixels.", "opens the sentence"),
        ("La couleur du crayon utilisé pour dessiner sur les pages en mode édition.", "determiner"),
        ("Dessinez sur les pages en mode diaporama.", "side by side"),
        ("Un bon conseil : utiliser un disque externe pour les copies.", "infinitive with a subject"),
        ("En cliquant sur un idéogramme vous obtenez la liste de ses lectures.", "relative clause without"),
        ("Une fois tout ceci terminé, la carte peut afficher le ciel.", "without its auxiliary"),
        ("L'objet se déplace dans la direction de l'axe x positif.", "side by side"),
        ("Le curseur avance de x pixels à chaque pas.", "side by side"),
        ("Vous avez juste besoin d'un câble pour brancher l'appareil.", "English word order"),
        ("Vous avez juste besoin d'un câble pour brancher l'appareil.", "determiner"),
        ("Ces chaussures ont fière allure.", "English word order"),
        ("Le programme attend une seconde fonction débutant par « y ».", "masculine"),
        ("Il vaut mieux ne pas tout activer, car la cause du problème risque de se trouver noyée.", "side by side"),
        ("La monture peut pivoter vers une position dangereuse et risque de toucher le trépied.",
         "repeats the article"),
        ("Les fichiers index se trouvent dans le dossier de données.", "compound order"),
        ("Ouvrez les dossiers parents un par un.", "side by side"),
        ("La partie droite de l'écran montre les valeurs de chaque réglage.", "determiner"),
        ("Les réglages sont enregistrés dans les fichiers si nécessaire.", "should agree"),
        ("Le calibre voulu se choisit dans le menu déroulant.", "should be an infinitive"),
        ("Si on agite une feuille de carton d'avant en arrière dans l'air on peut produire ce type d'ondes.",
         "relative clause without"),
        ("Le haut à droite sert au mouvement vers le haut, et vers la droite.", "word for word"),
        ("Rien sur l'image d'origine n'est conservé à part la transparence.", "opens the sentence"),
        ("L'outil Pinceau vous permet de dessiner à main levée, en utilisant différents pinceaux et couleurs.",
         "determiner"),
        ("Disposez chaque image sur une grande feuille PNG.", "preposition is missing"),
        ("Dessinez simplement une image noir et blanc avec un contour dans un programme de dessin.", "masculine"),
        ("Inversez la sélection, et coloriez-la avec l'outil crayon.", "compound order"),
        ("Des caractères jokers peuvent servir dans le nom recherché.", "compound order"),
        ("Demander confirmation lors de la fermeture des onglets dans lesquels une page est en cours de chargement.",
         "determiner"),
        ("Demander confirmation lors de la suppression des fichiers.", "English word order"),
        ("Ceci est le texte du message envoyé suite à l'action « Signer et envoyer ».", "between two nouns"),
        ("Certifier signifie que vous avez vérifié l'empreinte de la clé.", "opens the sentence"),
        ("Vous pouvez vérifier ici, et si besoin modifier, les réglages du serveur.", "an infinitive after a noun"),
        ("Si vous décochez un dossier il pourra toujours être relevé à la main.", "relative clause without"),
        ("Pour économiser de l'espace sur l'écran vous pouvez masquer la barre latérale.", "relative clause without"),
        ("Utiliser le nom du fichier source lors du renommage de celui-ci.", "determiner"),
        ("Séparer la sortie standard et la sortie erreur dans deux fenêtres.", "side by side"),
        ("Fichier journal par défaut des alarmes.", "side by side"),
    ],
    ids=["adverb-before-a-participle", "command-named-by-its-verb", "button-named-by-its-verb", "menu-item-label",
         "en-mode-bare", "en-mode-pair", "instruction-after-a-label", "gerund-first", "une-fois-tout",
         "axis-variable", "count-variable", "avoir-juste-besoin-order", "avoir-juste-besoin-determiner",
         "avoir-fiere-allure", "participle-before-par", "risque-de-after-its-subject", "risque-de-after-et",
         "fichiers-index", "dossiers-parents", "droite-after-its-noun", "si-necessaire", "participle-of-vouloir",
         "on-after-a-phrase", "a-movement-upwards", "rien", "a-main-levee", "disposez-to-arrange", "noir-et-blanc",
         "outil-crayon", "caracteres-jokers", "demander-confirmation-determiner", "demander-confirmation-order",
         "suite-a", "infinitive-as-subject", "si-besoin", "si-clause-first", "pour-clause-first", "du-fichier-source",
         "sortie-erreur", "fichier-journal"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("La sangle facilement ajuste à votre taille.", "facilement ajuste"),
        ("Dimensions assemblées : 46 L x 45W x pouces 87H.", "x pouces"),
        ("Le kayak est facile entrer et sortir.", "facile entrer"),
        ("Le sac offre protection contre la pluie.", "protection"),
        ("Faits saillants : Tasse de café légère est parfaite pour le camping.", "Faits"),
        ("Voici des exercices vous pouvez faire à la maison.", "exercices vous"),
        ("La société a vendu des lampes et la cause problème fut réglée.", "cause problème"),
        ("Une veste résistant à l'eau protège du vent.", "résistant"),
        ("Un sac vers le bas est très compressible.", "vers le bas"),
        ("Le TF-5 dispose exclusive poignée du SOG pour une manipulation sûre.", "dispose exclusive"),
        ("Arborant une couleur noir élégante, la poêle semble bonne.", "noir"),
    ],
    ids=["adverb-before-a-present", "letter-in-dimensions", "infinitive-after-an-adjective", "bare-object",
         "bare-subject-after-a-label", "relative-without-que", "noun-pair", "adjective-before-a", "down-feathers",
         "dispose-features", "noir-alone"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    shown = shown_messages("grammar", text)
    assert span in [found for found, _ in shown], shown


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("La fonction renvoie le timbre à date de l'ordinateur et la tension mesurée.", []),
        ("Nous avons vendu trois lampes à date.", ["à date"]),
    ],
    ids=["date-stamp", "to-date"],
)
def test_a_date_stamp_is_no_calque(text: str, flagged: list[str]) -> None:
    """« le timbre à date » is a date stamp; « à date » alone stays the calque of "to date"."""
    assert [span for span, _ in shown_messages("lexicon", text)] == flagged
