"""Shapes of encyclopedic, game, technical and interface French that correct French writes (stop 50).

Every sentence is written for the test, after the shape of one that Stellarium's sky cultures, the games
Hedgewars, Minetest and SuperTux, Scilab's help, Firefox's and Thunderbird's messages or the manual pages got
flagged for: the first list must get
no flag a reviewer sees from the rule named; the last keeps the machine-translation French the same rules must
still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Quelle vitesse pour faire tourner les moulins.", "a name before the noun"),
        ("Dans les cinquième et sixième chapitres, l'auteur décrit les constellations.", "English word order"),
        ("Cette partie de la légende a été oubliée faute d'avoir été écrite.", "without a determiner"),
        ("Chaque saison est représentée par un arbre, lui-même associé à une étoile du ciel.", "without its auxiliary"),
        ("Limite Z du plus bas terrain et des lacs.", "side by side"),
        ("Les contrôleurs ne conviennent pas pour des applications temps réel critiques.", "should be plural"),
        ("Ces noyaux sont prévus pour des systèmes temps réel embarqués.", "should be plural"),
        ("À l'instant t, la sortie vaut l'entrée retardée.", "side by side"),
        ("Heure de la journée lorsqu'une nouvelle carte est créée, en minutes.", "opens the sentence"),
        ("Fraction de la hauteur à partir de laquelle la neige commence à tomber.", "opens the sentence"),
        ("Si l’authentification échoue, la clé vous sera demandée.", "without its auxiliary"),
        ("Davantage de fenêtres ouvertes peut ralentir le navigateur.", "opens the sentence"),
        ("Les suggestions par IA nouvelles et existantes sont masquées par défaut.", "English word order"),
        ("L'entreprise publie ses règles sur son site intranet depuis cette année.", "compound order"),
        ("Cette balise meta doit être placée au début du document.", "side by side"),
        ("Un cadre possédant un attribut sandbox vide est isolé.", "side by side"),
        ("L’utilisation de la méthode drawWindow de ce contexte est obsolète.", "runs two words together"),
        ("La fonction getValue renvoie une chaîne vide.", "runs two words together"),
        ("Le processus fils hérite des descripteurs du processus père.", "compound order"),
        ("Un cpuset enfant hérite des nœuds mémoire du cpuset père.", "compound order"),
        ("Seuls les membres du groupe crontab peuvent écrire dans ce répertoire.", "side by side"),
        ("La boucle while est nécessaire pour lire chaque ligne.", "side by side"),
        ("Si seul un deux-points est indiqué, rien ne change.", "with plural"),
        ("Les unités sont K, M, G, T et P (puissances de 1024).", "after être"),
    ],
    ids=["quelle-opening-a-question", "two-ordinals-first", "faute-de", "lui-meme-apposition",
         "le-plus-then-an-adjective", "temps-reel-after-a-noun", "temps-reel-tagged-an-adjective", "instant-t",
         "label-then-lorsque", "label-then-a-relative", "present-in-oue", "davantage-de",
         "adjectives-of-an-earlier-noun", "site-intranet", "balise-named", "attribut-named",
         "method-name", "function-name", "processus-pere", "cpuset-pere", "groupe-named", "boucle-named",
         "un-deux-points", "letter-after-etre"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Sunlite bicyclette panier en osier", "Sunlite bicyclette"),
        ("Ce modèle offre un stable et sûr transport.", "stable et sûr transport"),
        ("Le support maintient cartouches solidement.", "cartouches"),
        ("La société a grandi quand les fabricants MacRae étendu la fabrication.", "étendu"),
        ("Rasoir associé la construction aluminium traditionnelle.", "construction aluminium"),
        ("Il vend des applications réel.", "réel"),
        ("La tente de 11 pieds x accueille six personnes.", "pieds x"),
        ("Intégré témoin vire du vert au rouge quand réactivation est nécessaire.", "Intégré témoin"),
        ("Il a vendu des pièces d'auto petit hier.", "auto petit"),
        ("Le modèle pèse 3 kilos et fourni avec une housse.", "fourni"),
        ("L'attribut poids du fichier est ignoré par le serveur.", "attribut poids"),
        ("Zoom variable magnificationDigital caméra adaptable", "magnificationDigital"),
        ("Pack de 3 poundsBlack et rouge", "poundsBlack"),
        ("Le sac a une boucle fermetures éclair.", "boucle fermetures"),
        ("Elle porte une chaussures rouges.", "une chaussures"),
        ("Les tentes sont monté en cinq minutes.", "monté"),
    ],
    ids=["name-opening-a-title", "two-adjectives-first", "bare-object", "participle-without-auxiliary",
         "two-nouns-after-an-article", "plural-noun-singular-adjective", "letter-of-a-dimension",
         "bare-subject-then-its-verb-then-quand", "adjective-after-its-noun", "participle-after-a-present",
         "attribut-then-a-french-noun", "glued-after-an-adjective", "glued-list-items",
         "boucle-then-a-french-noun", "singular-article-plural-noun", "participle-after-etre"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    shown = shown_messages("grammar", text)
    assert span in [found for found, _ in shown], shown


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Content-Security-Policy : la directive est ignorée.", []),
        ("Access-Control-Allow-Origin : la valeur donnée est invalide.", []),
        ("Fisher-Price porte-bébé avec casque pour tout-petits", ["Price"]),
    ],
    ids=["three-capitalised-words-hyphened", "four-capitalised-words-hyphened", "two-capitalised-words-hyphened"],
)
def test_an_english_word_in_a_hyphened_name(text: str, flagged: list[str]) -> None:
    """Three capitalised words joined by hyphens are a name (an HTTP header); two may be English left in."""
    assert [span for span, message in shown_messages("spelling", text) if "English word" in message] == flagged
