"""Stop 40's shapes of correct French from software help, each taken off one rule without costing it its MT flags.

The shapes: a present participle after a determined noun; « dessus » as an adverb; « soit …, soit … »; a verb
after its clitic pronoun read as an adjective; a stressed pronoun (« elle aussi »); one plural determiner for two
singular words (« les date et heure »); an adjective shared by two nouns that each have a preposition; an indirect
question (« quel modèle utiliser »); the object of a causative; an arrow pointing down; a verb opening a help
sentence before « si »; punctuation inside a formula or a pattern; « ayant trait à »; a noun that is the
sentence's verb; a participle coordinated with an earlier one; a quoted name where the parser cut a sentence; an
adjective describing a nearer noun or the plural noun another completes; then GNOME's help: « soit » after a
modal, « le plus de », a quoted title, a verb before « à » or « de » and an infinitive, an ordinal set first, the
participle of « ceux », appositions (« système hôte », « raccourcis clavier »), « agenda » as a calendar; then
GIMP's and Inkscape's messages: Greek letters, « un peu », colours one each, « disposer » (to arrange); then
Widelands' scenarios: « pour une fois », « Demain », a vocative, « ne … personne », « bonne chance », « tu ».

The sentences are made up here, modelled on ones LibreOffice's help (the read half: Writer and the shared pages)
got flagged.  `test_correct_french_gets_no_flag_from_the_rule` names the rule that must stay quiet;
`test_the_rules_still_flag_machine_translation` holds MT French in the WMT tuning split's shapes that the same
rules must still flag at or above the floor.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect, shown_messages

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sélectionnez le texte contenant les mots à remplacer.", "-ing"),
        ("Pour éditer le tableau, double-cliquez dessus.", "has no determiner"),
        ("Vous pouvez soit enregistrer le fichier, soit le fermer sans rien changer.", "past participle"),
        ("Lorsque vous cliquez hors du menu, ce dernier se ferme automatiquement.", "with no determiner is English"),
        ("Vous pouvez redimensionner plusieurs colonnes si vous les sélectionnez ensemble.",
         "with no determiner is English"),
        ("Si vous modifiez les marges, la taille du tableau risque de changer elle aussi.",
         "English word order (makes it"),
        ("Saisissez les date et heure de début de la réunion.", "with singular"),
        ("Saisissez les date et heure de début de la réunion.", "cannot serve it"),
        ("Affiche les dernières date et heure d'impression.", "is plural but"),
        ("Le texte est centré entre les marges droite et gauche.", "with singular"),
        ("Le format des nombres varie en fonction de la langue et de la région choisies.", "should be singular"),
        ("Indiquez quel modèle utiliser pour le nouveau document.", "needs a preposition"),
        ("Il suffit de faire correspondre chaque colonne au champ voulu.", "takes its object through"),
        ("Cliquez sur la flèche vers le bas pour ouvrir la liste.", "word for word"),
        ("Faites défiler la page vers le haut et vers le bas.", "word for word"),
        ("Détermine si les pages vides doivent être imprimées.", "opens the sentence"),
        ("Un modèle contient des éléments ayant trait à la mise en page du document.", "participle between"),
        ("La langue sélectionnée influence le format des dates.", "participle between"),
        ("Par défaut, le tableau est inséré sous le paragraphe dans lequel vous avez cliqué, et centré sur la page.",
         "coordinated with the conjugated"),
        ('Le champ "Mots entiers" indique si la recherche porte sur des mots complets.', "opens the sentence"),
        ("Les courriels aux formats texte brut et HTML sont acceptés.", "should agree with plural"),
        ("Les éléments de boîte de dialogue suivants ne sont visibles que si l'option est cochée.", "is plural but"),
        ("Il reste compatible avec les systèmes Logo précédents.", "is plural but"),
        ("Les propriétés des objets individuels sont conservées une fois les objets groupés.", "with plural"),
        ("Inversement, si vous modifiez la valeur du compteur, le contenu de la cellule sera mis à jour.",
         "opens the sentence"),
        ("Insère un nouvel objet de dessin dont les dimensions correspondent à la taille par défaut.",
         "opens the sentence"),
        ("Cliquez sur l'icône d'engrenage et choisissez Ajouter pour ajouter une nouvelle barre d'outils.",
         "takes its infinitive through"),
        ("Les éléments de la liste déroulante se mettent à jour en fonction des modifications.", "does not agree"),
        ("Les scripts et les balises META dans l'en-tête d'un document HTML sont importés.", "does not agree"),
        ("Lorsque tous les conflits sont résolus, enregistrez le document.", "no subject and no verb"),
        ("Lorsque vous faites glisser une poignée, le coin opposé reste immobile tandis que les trois autres bougent.",
         "with singular"),
        ("Pour chaque champ de données sélectionné, définissez les propriétés.", "should agree with plural"),
        ("Un message est affiché indiquant que le fichier a été modifié.", "-ing"),
        ("La feuille de calcul est en mode partagé.", "after être should be"),
        ("Pour déplacer une pièce, vous pouvez soit cliquer dessus ou la faire glisser.", "past participle"),
        ("Ces instructions sont écrites comme si c'était la ligne qui avait le plus de nombres.", "with plural"),
        ("Il n'y a actuellement aucune « instructions recommandées » pour les utilisateurs.", "with plural"),
        ("Cette stratégie aide à repérer les cellules qui n'ont qu'une seule possibilité.", "side by side"),
        ("Si vous modifiez les marges, le texte du cadre risque de changer.", "side by side"),
        ("Le but est de faire disparaître le plus d'objets possible.", "should agree with plural"),
        ("Continuez de la même façon dans la deuxième, troisième et quatrième ligne.", "with no determiner"),
        ("Une fois le niveau réussi, le niveau suivant apparaît.", "participle between"),
        ("Il n'existe aucun moyen d'installer d'autres thèmes que ceux décrits ici.", "without its auxiliary"),
        ("Une boîte de dialogue apparaîtra vous demandant de confirmer la suppression.", "-ing"),
        ("Ne donnez pas toute la mémoire à la machine, car le système hôte en a besoin.", "compound order"),
        ("Les raccourcis clavier sont des combinaisons de touches.", "side by side"),
        ("Les processus reçoivent autant de temps de calcul qu'ils en ont besoin.", "takes « de »"),
        ("Une archive est constituée d'un ou plusieurs fichiers et dossiers.", "cannot serve it"),
        ("Saisissez les données de la boîte de dialogue colonne par colonne.", "side by side"),
        ("La liste montre les processus qui sont en train d'accéder au(x) fichier(s) choisi(s).",
         "takes its object through"),
        ("Un marqueur affiche l'heure et date actuelles dans la vue du jour.", "is plural but"),
        ("Vous trouverez des instructions étape par étape relatives au contrôle du module.", "compound order"),
        ("Vous trouverez des instructions étape par étape relatives au contrôle du module.", "is plural but"),
        ("Il est impossible d'exporter des images avec des canaux alpha.", "should agree with plural"),
        ("Lors de l'import, ajouter un bruit minimal pour distribuer un peu les valeurs.", "with plural"),
        ("Les valeurs sont normalisées pour les canaux rouge, vert et bleu.", "should agree with plural"),
        ("Vous devez disposer les calques pour qu'ils se recouvrent.", "takes its object through"),
        ("Ajoute des solutions pour les moteurs de rendu incompatibles avec ce format.", "should be plural"),
        ("Fichier dans lequel les échantillons audio seront écrits.", "opens the sentence"),
        ("Augmenter la priorité du processus peut consommer tout le temps processeur.", "side by side"),
        ("J'aimerais bien pour une fois avoir du pain frais au petit déjeuner.", "needs a preposition"),
        ("Demain sera le premier jour d'entraînement.", "opens the sentence"),
        ("Seigneur, n'oubliez pas les pauvres porteurs.", "opens the sentence"),
        ("Il ne laissera personne entrer ni sortir de la ville.", "has no determiner"),
        ("Je vous félicite et vous souhaite bonne chance pour votre voyage.", "has no determiner"),
        ("Ferme la fenêtre du chantier lorsque tu en auras assez vu.", "without a determiner"),
        ("Essayez d'en construire plusieurs en parallèle pour répartir le flux.", "with singular"),
        ("Les navires empruntent des chemins appelés voies navigables.", "participle between"),
        ("Une Image Map relie des adresses à des zones spécifiques, appelées points actifs, sur une image.",
         "French puts the participle after"),
        ("Tout instrument à vent, hormis le trombone à coulisse, fait appel au souffle de l'instrumentiste.",
         "French puts the participle after"),
        ("Cette opération faisant appel au greffon est lente.", "participle between"),
        ("Cette option déplace tous les points à égale distance du centre.", "French puts this adjective after"),
    ],
    ids=["participle-after-a-determined-noun", "dessus-as-an-adverb", "soit-soit", "verb-after-se",
         "verb-after-its-object-pronoun", "stressed-pronoun", "one-article-for-two-singulars",
         "one-article-for-two-singulars-list", "one-adjective-before-two-singulars", "two-adjectives-one-each",
         "adjective-of-two-nouns-after-de", "indirect-question-with-quel", "object-of-a-causative",
         "arrow-pointing-down", "up-and-down", "verb-before-si", "ayant-trait-a", "noun-that-is-the-verb",
         "participle-coordinated-with-an-earlier-one", "quoted-name-opening-a-cut-sentence",
         "adjective-of-the-nearer-singular-noun", "adjective-of-the-noun-de-completes", "adjective-after-a-name",
         "une-fois-then-a-plural", "adverb-before-its-comma", "verb-opening-before-a-determiner",
         "command-name-after-choisissez", "adjective-in-ante", "word-in-capitals", "lorsque-tous",
         "plural-verb-after-les-autres", "imperative-read-as-an-adjective", "participle-after-a-passive",
         "participle-of-the-noun-before-it", "soit-after-a-modal", "le-plus-de", "quoted-title-after-aucune",
         "verb-then-a-infinitive", "verb-then-de-infinitive", "possible-after-le-plus-de", "ordinal-set-first",
         "verb-in-ait-after-a-participle", "participle-after-ceux", "participle-after-its-object-pronoun",
         "systeme-hote", "raccourcis-clavier", "en-before-avoir-besoin", "un-ou-plusieurs", "colonne-par-colonne",
         "au-x-in-parentheses", "adjective-of-two-nouns-one-article", "etape-par-etape",
         "adjective-after-etape-par-etape", "greek-letter", "un-peu", "three-colours-one-each",
         "disposer-to-arrange", "noun-after-de-read-as-an-adjective", "label-a-relative-clause-describes",
         "temps-processeur", "pour-une-fois", "demain-opening", "vocative", "ne-personne", "souhaiter-bonne-chance",
         "tu-read-as-a-noun", "plusieurs-as-a-pronoun", "participle-that-names", "participle-that-names-first",
         "fait-appel", "faisant-appel", "a-egale-distance"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    "text",
    ["La formule renvoie #VALEUR! quand la cellule est vide.", 'Le motif "b(an)+a?" trouve les deux mots.',
     'Un lien relatif commence par "file:" dans ce champ.'],
    ids=["error-code-of-a-formula", "regular-expression", "scheme-in-quotes"],
)
def test_punctuation_inside_code_needs_no_space(text: str) -> None:
    assert detect("typography", text) == []


def test_a_greek_letter_is_a_french_word() -> None:
    assert shown_messages("spelling", "Le canal alpha du calque actif est verrouillé.") == []


def test_an_agenda_is_a_calendar_in_software_help() -> None:
    assert shown_messages("lexicon", "Les rendez-vous de chaque agenda apparaissent dans une couleur différente.") == []


def test_agenda_still_has_its_reading_below_the_floor() -> None:
    found = detect("lexicon", "Les rendez-vous de chaque agenda apparaissent dans une couleur différente.")
    assert [flag.span_text for flag in found if flag.confidence < MIN_CONFIDENCE] == ["agenda"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Nous vous recommandons engageant un guide pour la première sortie.", "engageant"),
        ("Réunir les style et la fonctionnalité avec cette montre.", "les style"),
        ("Le sac de couchage vers le bas est très chaud.", "vers le bas"),
        ("Bactéries varient de 0,2 à 5 microns.", "Bactéries"),
        ("Le sac dispose plusieurs poches.", "dispose plusieurs"),
        ("Ce gant est facile entrer dans la poche.", "facile entrer"),
        ("Il y a beaucoup de dégagement pour les bras et jambe.", "jambe"),
        ("Le poids pondéré bandes sont incluses.", "poids pondéré bandes"),
        ("Le couteau pèse 3,5 onces et assorti d'une garantie à vie.", "assorti"),
        ("Ce sont des exercices aérobies faible impact.", "faible"),
        ("Les coussins confortable protègent le dos.", "confortable"),
        ("Nous avons testé les poche de ce sac.", "les poche"),
        ("Comprend une housse de couteau et des sacs ensemble.", "sacs ensemble"),
        ("Construit pour la ville, mais avec un peu moins fioritures.", "un peu moins fioritures"),
        ("Le pilote offre des vols constamment élevée, longue balle et contrôle.", "élevée"),
        ("Le sac dispose une poche intérieure.", "dispose une"),
        ("Lorsque fermé, le couteau mesure 10 cm.", "Lorsque fermé"),
        ("La tente est conçue et les arceaux sont fabriqué en aluminium.", "fabriqué"),
    ],
    ids=["english-ing-after-a-verb", "plural-article-then-a-determined-noun", "down-feathers",
         "bare-subject-opening", "missing-preposition", "infinitive-after-an-adjective",
         "list-noun-after-a-plural", "participle-stack", "participle-coordinated-with-a-conjugated-verb",
         "singular-adjective-after-two-plural-nouns", "singular-adjective-of-a-plural-noun",
         "plural-article-before-a-singular-noun", "noun-then-ensemble", "un-peu-moins-without-de",
         "singular-adjective-in-a-list-after-a-plural", "dispose-for-features", "lorsque-and-a-participle",
         "participle-after-etre"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    flags = detect("grammar", text)
    assert span in [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE], \
        [(flag.span_text, flag.confidence) for flag in flags]


def test_typography_still_wants_a_space_before_a_mark_in_prose() -> None:
    # below the floor since stop 46, as all of France's spacing: the code exception must not reach prose
    assert [flag.span_text for flag in detect("typography", "Vraiment? Nous partons demain!")] == ["?", "!"]
