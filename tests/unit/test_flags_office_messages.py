"""Shapes of an office suite's interface French, and of Debian's package descriptions, that correct French writes
(stop 51).

Every sentence is written for the test, after the shape of one that LibreOffice's interface messages or Debian's
package descriptions got flagged for: the first lists must get no flag a reviewer sees from the rule named; the last
keeps the machine-translation French the same rules must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_by_the_flagger, shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Signale que les cellules ne contenant pas de formule sont protégées.", '"-ing" form'),
        ("Déplace la colonne choisie d'un cran vers le bas dans le tableau.", "word for word"),
        ("Déplace le tableau d'une page vers le haut dans le document.", "word for word"),
        ("Fait correspondre les colonnes du fichier avec les champs du formulaire.", "takes its object"),
        ("Fait défiler le document d'une page à chaque clic.", "infinitive with a subject"),
        ("Ouvre la fenêtre Nouvelle requête dans laquelle vous pouvez écrire une requête.", "a name before"),
        ("Ouvre la boîte de dialogue Nouveau modèle pour créer un modèle.", "a name before"),
        ("Les tailles disponibles sont fonction du modèle choisi dans la liste Modèle.", "participle"),
        ("Chaque titre de la liste devient une diapo de la présentation.", "masculine"),
        ("Saisissez un remplacement proposé pour la ligne qui est sélectionnée dans le tableau.", "participle"),
    ],
    ids=["negated-participle", "moved-down", "shifted-up", "causative-fait", "causative-fait-opening",
         "label-nouvelle", "label-nouveau", "etre-fonction-de", "une-diapo", "relative-of-the-noun-before-qui"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Cet outil aide au diagnostic post mortem des plantages du noyau.", "side by side"),
        ("Il peut servir à demander à l'imprimante d'imprimer recto-verso.", "compound order"),
        ("La largeur doit être de sept, huit ou neuf pixels pour ces polices.", "with no determiner"),
        ("Il protège des failles zéro jour les services exposés.", "with no determiner"),
        ("Frescobaldi est un logiciel libre, disponible gratuitement avec la licence GPL.", "with no determiner"),
        ("Ce paquet fournit les outils a2b et b2a pour convertir des fichiers XML en WBXML et inversement.",
         "cannot serve it"),
        ("Il sait interroger un serveur CDDB pour des métadonnées et étiqueter les fichiers.", "cannot serve it"),
        ("Ce faisant il replace celui-ci dans le rôle auquel il est destiné : la lecture.", "English word order"),
        ("Il installe l'interpréteur Parser 3 côté serveur sur la machine.", "side by side"),
        ("Il fonctionne sur des terminaux noir & blanc ou couleur.", "should be plural"),
        ("Le client FUSE ayant certaines limites, il est recommandé d'utiliser le client du noyau.", '"-ing" form'),
        (("Il peut aussi créer une chaîne de texte représentant le code-barre dont on peut obtenir le rendu avec un "
          "autre logiciel si besoin est."), "has no determiner"),
    ],
    ids=["post-mortem", "infinitive-before-a-hyphened-word", "neuf-counting", "zero-day", "adverb-after-adjective",
         "inversement-closing", "infinitive-in-a-list", "ce-faisant", "cote-after-a-number", "noir-et-blanc-ampersand",
         "ayant-absolute", "participle-and-its-object"],
)
def test_package_descriptions_get_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Outils ▸ Options ▸ Sécurité permet de choisir le niveau de protection.",
        "Choisissez Affichage ▸ Barres d'outils ▸ Info document pour l'afficher.",
    ],
    ids=["label-opening-the-sentence", "label-of-two-words"],
)
def test_the_labels_of_a_menu_path_are_set_apart(text: str) -> None:
    """The grammar detector's own flags are there; the vetting keeps them under the floor."""
    assert shown_messages("grammar", text)
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Nous vous recommandons engageant un guide pour la randonnée.", "engageant"),
        ("Le sac est livré avec un rembourrage vers le bas très chaud.", "vers le bas"),
        ("Une housse de la nouvelle gamme qui est conçu pour le froid.", "conçu"),
        ("Le réchaud dispose plusieurs brûleurs.", "dispose plusieurs"),
        ("Coleman lanterne pour le camping", "Coleman lanterne"),
        ("Un complet neuf manches se joue en une demi-heure.", "complet neuf manches"),
        ("Profitez de repas ensemble au camping avec cette table.", "repas ensemble"),
        ("Leur gamme comprend des supports à vélos, kayak transporteurs, griller accessoires et bien plus encore.",
         "griller accessoires"),
    ],
    ids=["ing-complement", "down-feathers", "relative-participle", "dispose-without-de", "name-before-noun",
         "nine-after-an-adjective", "ensemble-after-a-noun", "infinitive-as-a-noun"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    shown = shown_messages("grammar", text)
    assert span in [found for found, _ in shown], shown


def test_a_participle_no_longer_ends_like_a_noun() -> None:
    """« calibre.17 » (a calibre glued to its number) ends like no past participle: the tuning split's one wrong
    flag of the rule that this stop's guard took away."""
    text = "Guide d'entretien : la brosse est calibre.17 et le tube est laiton."
    assert [found for found in shown_messages("grammar", text) if "after être" in found[1]] == []
