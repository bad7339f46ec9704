"""Shapes of correct French that Debian's package descriptions, the manual pages and a game's item descriptions
showed (stop 53), which the rules flagged:

- programmers' names that begin with a prefix in lower case (« wxPython », « libXpm ») or are written with a capital
  inside (« Mais KStars propose »), or in lower case (« basé sur ncurses », « jmeters possède »);
- a program's kind before its name, with or without its adjective (« le célèbre programme festival », « la commande
  interne set »), and « torrent » in apposition;
- two nouns of action joined after a bare « de », which name a field (« une bibliothèque d'encodage et décodage »);
- English and hyphenated names opening a sentence (« Report Magic utilise … », « T-Code est »), acronyms French
  uses as nouns (« une API pratique »), a name's verb before an adverb (« Lzip décompresse presque »);
- plural adjectives after a noun's complements (« les paquets liés à l'astronomie utilisables »), a country in
  parentheses after the variety it places (« la localisation portugaise (Brésil) »), enumerations of verbs the parse
  cut (« vérifiera …, complétera … et extraira »);
- « fin » and « épais » set first after their determiner (« un fin lacet », « un épais livre »).

Every sentence is written for the test, after the shape of one the correct French got flagged for; the last list
keeps the machine-translation French the same rules must still flag.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_messages

pytestmark = pytest.mark.slow  # parses with spaCy

GLUED = "runs two words together"
SIDE_BY_SIDE = ("side by side", "right after a noun")
LIST = "cannot serve it"
OPENING = "opens the sentence"
PLURAL = "is plural but"
COUNTRY = "the country name"
TWO_VERBS = "two verbs for one subject"
NAME_FIRST = "a name before the noun"
BREAK = "the sentence breaks"


def _messages(text: str, rules: tuple[str, ...]) -> list[tuple[str, str]]:
    return [found for found in shown_messages("grammar", text) if any(rule in found[1] for rule in rules)]


@pytest.mark.parametrize(
    "text",
    [
        "Ce paquet fournit les liaisons de wxPython pour la boîte à outils.",
        "Le programme lit les images avec libXpm et les affiche à l'écran.",
        "Le rendu des formules passe par jsMath dans le navigateur.",
        "Le module s'appuie sur pyScss pour compiler les feuilles de style.",
        "Ce jeu de Monopoly, gtkAtlantic, se joue en réseau.",
    ],
    ids=["wx", "lib", "js", "py", "gtk"],
)
def test_a_programmer_s_name_with_its_prefix_is_no_lost_line_break(text: str) -> None:
    assert _messages(text, (GLUED,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Il peut télécharger les fichiers torrent et leurs données en tâche de fond.",
        "Ce client crée des fichiers torrent pour partager des dossiers.",
    ],
    ids=["les-fichiers-torrent", "des-fichiers-torrent"],
)
def test_torrent_in_apposition_gets_no_flag(text: str) -> None:
    assert _messages(text, SIDE_BY_SIDE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le grand rebord vous protège les yeux du soleil, un fin lacet s'accroche sous votre menton.",
        "Ils se sont engagés à rester à la fine pointe de la technique.",
        "Un épais casque en mousse, conçu pour protéger contre les commotions.",
    ],
    ids=["un-fin-lacet", "la-fine-pointe", "un-epais-casque"],
)
def test_fin_and_epais_set_first_after_their_determiner_are_adjectives(text: str) -> None:
    assert _messages(text, (*SIDE_BY_SIDE, "English word order")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Babel est une bibliothèque d'encodage et décodage de jeux de caractères.",
        "Les paquets fournissent un système de calcul et visualisation pour la recherche.",
        "Cette bibliothèque fournit les fonctionnalités de recherche et gestion de paquets.",
        "Il fournit les fonctionnalités principales de compression et décompression utilisées ailleurs.",
    ],
    ids=["encodage-et-decodage", "calcul-et-visualisation", "recherche-et-gestion", "compression-et-decompression"],
)
def test_two_actions_after_a_bare_de_name_a_field(text: str) -> None:
    assert _messages(text, (LIST,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Brutal Chess propose des graphismes en 3D et un moteur de particules.",
        "Report Magic for Analog utilise le format de sortie lisible par une machine.",
        "Type Detect est un module pour détecter le type d'un objet donné.",
        "Rock Dodger est un jeu d'action à défilement horizontal.",
        "Font Manager permet de gérer facilement les fontes du bureau.",
        "Apache Axiom fournit une implémentation d'un ensemble d'informations XML.",
        "T-Code est une méthode de saisie japonaise.",
        "Command-T est ainsi dénommé parce qu'il est inspiré de la fenêtre.",
    ],
    ids=["brutal-chess", "report-magic", "type-detect", "rock-dodger", "font-manager", "apache-axiom", "t-code",
         "command-t"],
)
def test_an_english_name_opening_a_sentence_takes_no_article(text: str) -> None:
    assert _messages(text, (OPENING,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hexcompare est un utilitaire basé sur curses pour comparer des fichiers binaires.",
        "Audtty est une interface texte basée sur ncurses pour le lecteur de musique.",
        "Ce paquet contient ce qu'il faut pour les programmes compilés avec ncurses.",
        "Les outils propriétaires liés avec readline ne peuvent pas être distribués.",
        "Il affiche les résultats mis à jour en utilisant curses, en colonnes.",
    ],
    ids=["base-sur", "basee-sur", "compiles-avec", "lies-avec", "en-utilisant"],
)
def test_what_a_program_is_built_on_is_a_name(text: str) -> None:
    assert shown_messages("spelling", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ce paquet fournit les fichiers d'en-tête indépendants de l'architecture nécessaires à la compilation.",
        "Ce métapaquet installe les paquets liés à l'astronomie utilisables avec GDL.",
        "Ce paquet contient l'ensemble des en-têtes du noyau nécessaires à la compilation.",
    ],
    ids=["through-an-adjective", "through-a-participle", "through-du"],
)
def test_a_plural_adjective_may_describe_the_noun_before_the_complements(text: str) -> None:
    assert _messages(text, (PLURAL,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ce greffon fait interface avec le célèbre programme festival.",
        "Il faut le générateur d'analyseur Bison (paquet bison) pour les sorties C.",
        "Ce paquet fournit une bibliothèque client telnet pour les programmes Ruby.",
        "C'est un bon remplaçant à tous ces processus getty démarrés depuis init.",
    ],
    ids=["programme-festival", "paquet-bison", "client-telnet", "processus-getty"],
)
def test_a_program_s_kind_before_its_name_gets_no_flag(text: str) -> None:
    assert _messages(text, SIDE_BY_SIDE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ils peuvent être réaffectés avec la commande interne set.",
        "Ce paquet fournit la bibliothèque statique c-client et les en-têtes.",
        "L'implémentation recommandée est indiquée par le paquet virtuel default-dbus-session-bus.",
    ],
    ids=["commande-interne", "bibliotheque-statique", "paquet-virtuel"],
)
def test_a_program_s_kind_and_its_adjective_before_its_name_get_no_flag(text: str) -> None:
    assert _messages(text, ("English word order",)) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ce paquet fournit la localisation portugaise (Brésil) pour le navigateur.", COUNTRY),
        ("Il s'agit du dictionnaire anglais (Canada) pour le vérificateur orthographique.", COUNTRY),
        ("Il vérifiera leur validité, complétera les nombres partiels, fournira des sommes et extraira des chiffres.",
         TWO_VERBS),
        ("Le moteur gère les données, reçoit les messages, prend en charge les abonnements et envoie les réponses.",
         TWO_VERBS),
    ],
    ids=["portugaise-bresil", "anglais-canada", "future-enumeration", "present-enumeration"],
)
def test_a_country_in_parentheses_and_an_enumeration_of_verbs_get_no_flag(text: str, rule: str) -> None:
    assert _messages(text, (rule,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Une API pratique existe pour gérer les données analysées.",
        "Ce paquet fournit une API client Java pour le service.",
        "Le programme permet de créer des DVD vidéo à partir d'un flux.",
        "Lzip décompresse presque aussi rapidement que gzip.",
    ],
    ids=["une-api-pratique", "une-api-client", "des-dvd-video", "name-verb-adverb"],
)
def test_an_acronym_used_as_a_noun_and_a_name_s_verb_get_no_flag(text: str) -> None:
    assert _messages(text, (NAME_FIRST,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mais KStars propose aussi une interface pour contrôler des télescopes.",
        "KIO GDrive autorise les applications à accéder aux fichiers.",
        "Comme psgml analyse la DTD pour vous, vous devez avoir la DTD installée.",
    ],
    ids=["inner-capital", "inner-capital-after-a-name", "lower-case-name"],
)
def test_a_program_s_name_before_its_verb_is_no_broken_sentence(text: str) -> None:
    assert _messages(text, (BREAK,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "La principale différence avec meterbridge est que jmeters possède une balistique correcte.",
        "De plus, xcolmix permet de retrouver les valeurs RVB de la base de données.",
    ],
    ids=["jmeters", "xcolmix"],
)
def test_a_program_s_name_as_a_subject_has_no_number_to_read(text: str) -> None:
    assert _messages(text, ("does not agree with its",)) == []


@pytest.mark.parametrize(
    ("text", "rules", "words"),
    [
        ("Poids : 12 poundsBlack couleur du cadre.", (GLUED,), "poundsBlack"),
        ("Charge maximale : 420 lb 69 ozRecommended utilisation : fixation des pneus.", (GLUED,), "ozRecommended"),
        ("Ces combinaisons intemporelles de rack et panier sont idéales.", (LIST,), "panier"),
        ("Les bottes offrent une tenue incroyable, le confort et construction durable.", (LIST,), "construction"),
        ("Porte-vélos arrière universel Delta panier Mega", SIDE_BY_SIDE, "panier"),
        ("Casque Giro est porté par des coureurs du monde entier.", (OPENING,), "Casque"),
        ("Valises Pelican sont faites avec soin.", (OPENING,), "Valises"),
        ("Un système de coordonnées local permet une flexibilité supplémentaires dans le dessin.", (PLURAL,),
         "supplémentaires"),
        ("Il assure la création de tailles de sac différents afin d'assurer un confort adapté.", (PLURAL,),
         "différents"),
        ("Il a parcouru plus de 104 yards à Niigata (Japon), le 5 novembre.", (COUNTRY,), "Japon"),
        ("Ces troncs, maintenant connus comme des troncs de boxer, devient immédiatement populaires.", (TWO_VERBS,),
         "devient"),
        ("L'armée américaine standard - question Holster d'epaule répond à l'appel du devoir !", (BREAK,), "répond"),
        ("Les enfants aime le vélo.", ("does not agree with its",), "aime"),
        ("Outils inclus : Hex clé, ouvert fin clef de direction.", SIDE_BY_SIDE, "fin clef"),
        ("Gants épais cuir pour le jardin.", ("English word order",), "épais cuir"),
        ("Le groupe militaire interarmées élite est arrivé.", ("English word order",), "interarmées élite"),
        ("Vitesse Everlast corde à sauter", (NAME_FIRST,), "corde"),
        ("Construire des pales réglables avec l'eau Fan pagaies, mettant en vedette un brevet.", (NAME_FIRST,),
         "pagaies"),
    ],
    ids=["pounds-black", "oz-recommended", "rack-et-panier", "confort-et-construction", "delta-panier",
         "casque-giro", "valises-pelican", "flexibilite-supplementaires", "tailles-de-sac-differents",
         "niigata-japon", "troncs-devient", "epaule-repond", "enfants-aime", "fin-clef", "gants-epais-cuir",
         "groupe-militaire-elite", "everlast-corde", "fan-pagaies"],
)
def test_machine_translation_keeps_its_flags(text: str, rules: tuple[str, ...], words: str) -> None:
    assert any(words in span for span, _ in _messages(text, rules))
