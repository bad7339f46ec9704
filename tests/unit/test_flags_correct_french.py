"""False alarms that correct French showed at stop 35 (Debian's and LilyPond's manuals), each rule's fix.

Every sentence is written for the test, after the shape of one the correct French set flagged: the
first list must get no flag a reviewer sees from the rule named; the second keeps, for each fix, a
sentence of machine-translation French the same rule must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect, shown_by_the_flagger, shown_messages

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy



@pytest.mark.parametrize(
    ("detector", "text", "rule"),
    [
        ("grammar", "Le réglage suivant permet de les imprimer sur une seule ligne.", "with singular"),
        ("grammar", "Il faut les rassembler et les imprimer juste avant la barre.", "with singular"),
        ("grammar", "La mesure est prise entre les bords gauche et droit du cadre.", "should agree with plural"),
        ("grammar", "La liaison n'est pas rattachée aux première et dernière notes.", "should agree with plural"),
        ("grammar", "La mesure est prise entre les bords gauche et droit du cadre.", "cannot serve it"),
        ("lexicon", "Les images ci-dessous mettent en évidence les différences entre les deux.", "evidence"),
        ("lexicon", "Cela met leur taille en évidence dans la marge.", "evidence"),
        ("lexicon", "On peut éditer le fichier avec n'importe quel éditeur.", "edit"),
        ("lexicon", "La fonction est implémentée dans le système de fichiers.", "implement"),
        ("grammar", "N'écrasez pas les programmes que vous avez compilés en les installant.", '"-ing" form'),
        ("grammar", "Créez une partition à partir de zéro, autrement dit en ne partant pas d'un exemple.",
         '"-ing" form'),
        ("grammar", "Les quatre croches qui suivent vont s'accélérant jusqu'à la fin.", '"-ing" form'),
        ("grammar", "Le besoin de plusieurs voix se fait sentir dès que les notes diffèrent.", "with a subject"),
        ("grammar", "Dans ces transcriptions, le récitatif fait apparaître une note brève.", "with a subject"),
        ("grammar", "Ce livre décrit la notation de la musique savante moderne.", "without its auxiliary"),
        ("grammar", "Ce style produit une portée à deux lignes pour les congas.", "without its auxiliary"),
        ("grammar", "La technologie élastique remplace les ressorts métalliques bruyants.", "word order"),
        ("grammar", "Les utilisateurs pourront tirer profit de l'installation de ces paquets.", "no determiner"),
        ("grammar", "Ces algorithmes figent bon nombre d'exceptions dans leurs règles.", "no determiner"),
        ("grammar", "Nombre de logiciels auront du mal à reproduire cet exemple.", "without a determiner"),
        ("grammar", "Vous apprendrez à les résoudre grâce au manuel de notation.", "no determiner"),
        ("grammar", "Les doigtés peuvent être saisis note par note après chaque accord.", "no determiner"),
        ("grammar", "Variables et champs de compétence sont gérés par le module.", "without a determiner"),
        ("grammar", "Réduisez les conflits, par exemple supprimer les paquets de la tâche.", "infinitive after a noun"),
        ("grammar", "Vous pouvez à votre tour utiliser le programme pour imprimer votre musique.", "infinitive after"),
        ("grammar", "Vous pouvez à votre tour utiliser le programme pour imprimer.", "« pour "),
        ("grammar", "Les outils sont de bonne qualité mais la prise en charge des formats est limitée.",
         "the attribute"),
        ("grammar", "Ses lignes sont fluides et il y a du mouvement, et c'est vivant.", "the attribute"),
        ("grammar", "La plupart des aspects sont traités dans la partie commune.", "should be feminine"),
        ("grammar", "La retouche ne s'applique à aucune des ligatures de la voix.", "singular"),
        ("grammar", "Ces consonnes sont chantées à la hauteur voulue, comme le seraient des voyelles.", "singular"),
        ("grammar", "On peut faire, au moyen de ces outils, sa propre « cuisine » à volonté.", "without a noun"),
        ("grammar", "La commande suivante relance la configuration du fuseau horaire.", "English word order"),
        ("grammar", "Les déplacements sur les axes horizontal et vertical sont de 20 pixels.", "like the noun"),
        ("grammar", "Ces rapports doivent être transmis aux développeurs amont.", "should agree with plural"),
        ("grammar", "Avec cette commande, le contenu du presse-papier est collé dans l'image.", "joins two"),
        ("grammar", "Fermez le bogue pour laisser l'utilisateur corriger son erreur.", "infinitive after"),
        ("grammar", "Cliquez sur le bouton Fermer dans la barre de titre.", "infinitive after"),
        ("grammar", ("Ils ont tendance à être importants pour garantir les mises à niveau du système et la "
                     "description devrait essayer de dissiper les doutes."), "no determiner"),
        ("spelling", "Le répertoire « unstable » contient le système en développement.", "two words"),
        ("grammar", "Ce paramètre contrôle l'adoucissement du bord de la brosse.", "two nouns side by side"),
        ("grammar", "Le processus a pour but de vérifier votre identité.", "« pour "),
        ("grammar", "Vous recevrez un message indiquant quels rapports ont été fermés.", "English word order"),
        ("grammar", "Il est distribué sans garantie pour un quelconque usage.", "English word order"),
        ("grammar", "Énormément de travail a été fait pour l'installateur Debian.", "without a determiner"),
        ("grammar", "La métrique est imprimée au début de la première ligne, et nulle part ailleurs.", "word order"),
        ("typography", "Un daltonien ne verra pas le texte écrit en rouge (255;0;0) sur fond noir.", "space before"),
    ],
    ids=["les-before-an-infinitive", "les-before-two-infinitives", "pair-of-adjectives",
         "pair-of-ordinals", "pair-of-adjectives-not-a-list", "mettre-en-evidence", "en-evidence-apart",
         "editer-in-computing", "implementer-in-computing", "gerund-with-a-pronoun", "gerund-with-ne",
         "aller-and-a-participle", "faire-sentir", "faire-apparaitre", "present-in-it", "present-produit",
         "two-adjectives-after-the-noun", "tirer-profit", "bon-nombre-de", "nombre-de", "grace-a", "note-par-note",
         "two-bare-subjects", "par-exemple", "a-votre-tour", "pour-and-an-infinitive", "attribute-with-its-own-verb",
         "c-est-and-an-adjective", "la-plupart-des", "aucune-des", "le-before-a-verb", "sa-propre-in-quotes",
         "adjective-before-a-verb", "pair-after-its-determiner", "amont-invariable", "presse-papier",
         "laisser-and-an-infinitive", "a-button-s-label", "avoir-tendance", "subject-then-its-verb",
         "avoir-pour-but", "quels-a-determiner", "un-quelconque", "enormement-de", "nulle-part",
         "a-list-of-values",
         "a-name-in-quotes"],
)
def test_correct_french_gets_no_flag_from_the_rule(detector: str, text: str, rule: str) -> None:
    assert [found for found in shown_messages(detector, text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("detector", "text", "span"),
    [
        ("grammar", "Nous avons réglé les problème de la tente.", "les problème"),
        ("grammar", "Il aime les chaises noir du salon.", "noir"),
        ("lexicon", "La police a trouvé une évidence sur les lieux du vol.", "évidence"),
        ("grammar", "Nous vous recommandons engageant un professionnel.", "engageant"),
        ("grammar", "Il est facile entrer dans la tente.", "facile entrer"),
        ("grammar", "Conçu pour durabilité améliorée en extérieur.", "pour durabilité"),
        ("grammar", "Les sangles sont calmes et forte.", "forte"),
        ("grammar", "La lampe est conçu pour durer.", "conçu"),
        ("grammar", "Le sac imperméable rapide séchage est léger.", "imperméable rapide séchage"),
        ("grammar", "Les vitesse, distance et temps sont affichés à l'écran.", "distance"),
        ("grammar", "Les sacs peuvent se lever sur leurs propres.", "leurs propres"),
        ("grammar", "Le hockey est un sport qui se joue sur une blanche glace.", "blanche glace"),
    ],
    ids=["plural-determiner-singular-noun", "adjective-of-a-plural-noun", "evidence-as-proof",
         "english-ing-form", "bare-infinitive", "bare-noun-after-pour", "second-attribute", "participle",
         "english-word-order", "list-without-articles", "on-their-own", "adjective-before-its-noun"],
)
def test_the_rules_still_flag_machine_translation(detector: str, text: str, span: str) -> None:
    flags = detect(detector, text)
    assert span in [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE], \
        [(flag.span_text, flag.confidence) for flag in flags]



TERM = "mensural"  # no dictionary knows it; the manual that uses it writes it again and again
TYPO = "entousiastes"


def test_an_unknown_word_written_three_times_is_a_term_not_a_misspelling() -> None:
    article = "\n\n".join([f"Les silences {TERM} sont compressés.", f"Un silence {TERM} est centré.",
                           f"Le texte du silence {TERM} est long.", f"Cette section s'adresse aux {TYPO}."])
    assert shown_by_the_flagger("spelling", article) == [TYPO]


def test_an_unknown_word_written_twice_is_still_flagged() -> None:
    article = "\n\n".join([f"Les silences {TERM} sont compressés.", f"Un silence {TERM} est centré."])
    assert shown_by_the_flagger("spelling", article) == [TERM, TERM]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("Les notes avancent à la queue leu leu.", "leu leu", False),
     ("Il a acheté une une poignée neuve.", "une une", True),
     ("Certains instruments, comme le ukulele, ont des cordes mêlées.", "le ukulele", False),
     ("Il range le outil dans la boîte.", "le outil", True)],
    ids=["queue-leu-leu", "word-written-twice", "le-ukulele", "le-before-a-vowel"],
)
def test_words_french_writes_twice_or_leaves_unelided(text: str, span: str, expected: bool) -> None:
    assert (span in [found for found, _ in shown_messages("spelling", text)]) is expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("Les couleurs ne sont pas toutes visibles dans des sites internet anciens.", "sites internet", False),
     ("Vérifiez la nouvelle version amont avant de la publier.", "version amont", False),
     ("On indique avant la clef deux têtes de note représentant les extrêmes.", "note représentant", False),
     ("Le kit comprend des pagaies de ventilateur eau pour le bateau.", "ventilateur eau", True)],
    ids=["sites-internet", "version-amont", "present-participle", "english-compound"],
)
def test_two_nouns_side_by_side(text: str, span: str, expected: bool) -> None:
    assert (span in [found for found, _ in shown_messages("grammar", text)]) is expected
