"""Locutions, second verbs, demonstratives and quoted phrases of technical French (stop 59).

Each shape was flagged in the read blocks of Debian's package descriptions or of the manual pages:

- a verb and the bare noun of its locution, where the lemmatizer leaves the verb as its form (« tire profit de »,
  « pose problème », « garde trace de »; :func:`review.flags.bare_objects._idiom`);
- a second verb after « et », « mais » or « ou », which shares the subject of the first one (« Il convertit les
  symboles et peut être utilisé »; :func:`review.flags.subject_verb._second_verb`);
- a demonstrative pronoun cut at its hyphen, then its verb (« Celui-ci lit »);
- a short phrase between French quotes, named as written (« (« catch-all rule ») »;
  :func:`review.flags.spelling._in_quoted_phrase`);
- a determined noun, its adjective, then the name of what it is (« le vérificateur orthographique Aspell »), where
  the parser cuts the sentence (:func:`review.flags.breaks._names_the_thing`);
- a compound cut at its hyphen (« une plate-forme logicielle ») and a present participle after a noun;
- a coined name opening on one letter in lower case (« iODBC », « jUnit ») and a noun in « -eur » made on a French
  verb (« un notifieur »), which no dictionary holds;
- an argument a manual page names bare after « si » or « lorsque » (« Si commande est une commande composée »);
- what a name follows (« les agents akonadi »), a hyphenated adjective cut at its hyphen (« magnéto-optiques ») and
  an enumeration of three bare nouns or more after a bare preposition (« de polynômes, matrices et fonctions »).

The sentences are written for the test after the shape of those; the MT shapes beside them keep their flags.
"""

from __future__ import annotations

import pytest
from flag_helpers import shown_by_the_flagger

G, S = "grammar", "spelling"


def _cases(detector: str, shape: str, *texts: str) -> list[object]:
    return [pytest.param(detector, text, id=f"{shape}-{number}") for number, text in enumerate(texts, 1)]


# correct French of each shape: no flag from the detector that flagged it at 41ead10
CORRECT = [
    *_cases(G, "locution",
            "Ce programme tire profit du biais observé dans les régions codantes.",
            "Si cela pose problème, alors cet outil est la solution.",
            "Le démon ne garde pas trace du contenu de l'écran.",
            "Puisqu'il tire avantage de l'algorithme de rsync, la copie est rapide.",
            "Le programme prend grand soin de préserver les valeurs qui lui sont données.",
            "Il est possible de parcourir, commenter et accuser réception des évènements collectés."),
    *_cases(G, "second-verb",
            "Il convertit (demangle) les symboles C++ et peut (probablement) être utilisé pour de nombreuses langues.",
            "Il reçoit les nouvelles, les enregistre et les passe à d'éventuels sites de niveau inférieur.",
            "EMBOSS::ACD analyse les fichiers de définition des commandes et fournit un accès aux données.",
            "TinyFugue pèse plus que les autres clients MUD mais possède plus de fonctionnalités."),
    *_cases(G, "demonstrative", "Celui-ci lit des expressions et exécute sur elles des calculs."),
    *_cases(S, "quoted-phrase",
            ("Le démon nécessite une règle acceptant tous les courriels (« catch-all rule ») dans le répertoire "
             "personnel."),
            "Il crée une représentation hiérarchique avec une approche descendante (« top down »).",
            "Cet assistant permet de « docker push » des images de conteneurs."),
    *_cases(G, "hyphen-participle-gloss",
            "BOINC est une plate-forme logicielle pour le calcul distribué.",
            ("Pour tenir compte des taux variants de l'évolution à travers les sites, le programme utilise un taux "
             "unique."),
            "Les symboles (appels système) qui sont exportés par le vDSO n’apparaîtront pas dans la sortie.",
            "Les partitions ne sont pas nécessaires sur les disques magnéto-optiques."),
    *_cases(G, "coined-name-after-adjective",
            ("Ce dictionnaire contient des listes de mots russes pour le vérificateur orthographique Aspell "
             "actuellement supporté par les applications GNOME."),
            "BEAST est un programme multiplateforme pour l'analyse bayésienne MCMC de séquences moléculaires.",
            "Il analyse l’expression mathématique LaTeX et émet immédiatement le résultat.",
            "Elle est principalement destinée aux machines virtuelles KVM mais elle gère aussi Xen."),
    *_cases(S, "coined-name-agent-noun",
            "Les applications liées avec le gestionnaire de pilotes iODBC peuvent accéder aux bases.",
            "Le générateur traduit les programmes en code Java jUnit qui peuvent être compilés.",
            "Il s’agit d’un notifieur standardisé pour la journalisation des applications.",
            "Il s'agit d'un enveloppeur simple pour des requêtes chiffrées."),
    *_cases(G, "manual-page-argument",
            "Si commande est une commande composée, NOM est optionnel.",
            "Lorsque cible est un périphérique, le programme ne défragmente pas les fichiers."),
    *_cases(G, "named-after",
            "Ce paquet contient les agents akonadi basés sur les bibliothèques de la plate-forme.",
            "Ce paquet contient les musiques officielles du jeu warzone 2100.",
            "Il ne faut créer un lien que lorsque rien à partir des dorsaux ebl n'est nécessaire.",
            "Ce paquet installe un indicateur d'application pour le bureau budgie."),
    *_cases(G, "bare-enumeration",
            ("Il dispose de toutes les fonctionnalités pour le calcul formel de polynômes, matrices et fonctions "
             "rationnelles."),
            "Scribus peut être utilisé pour la conception de brochures, journaux, magazines, lettres et affiches."),
]

# MT shapes beside them, most of them right flags of the tuning split, which keep their flags
KEPT = [
    pytest.param(G, "Le support permet meilleure traction sur la route.", "meilleure traction", id="bare-object-1"),
    pytest.param(G, "Le sac offre confort exceptionnel pour la randonnée.", "confort", id="bare-object-2"),
    pytest.param(G, "Le fusil tire balles de calibre 12 sans effort.", "balles", id="bare-object-3"),
    pytest.param(G, "Les enfants aime le chocolat.", "aime", id="own-subject-1"),
    pytest.param(G, "Les fichiers de configuration et peut être lu par tous.", "peut", id="own-subject-2"),
    # a subject that is itself a noun of a list: MT's "exercises"
    pytest.param(G, "La salle possède toutes les fonctionnalités, les stations et exerce vous avez besoin.", "exerce",
                 id="subject-in-a-list"),
    # a word left in English outside the quotes, and a quoted run too long to be a name
    pytest.param(S, "Le démon nécessite une règle (« catch-all ») pour tous les mails de la journée, and the rule "
                 "works.", "the", id="english-outside-quotes"),
    pytest.param(S, "Il dit « je pense que the rule is very good for every user » sans le traduire.", "the",
                 id="long-quotation"),
    # English compounds after a hyphenated word, and a noun after a noun
    pytest.param(G, "Une réplique à l'échelle de 1:1 d'un bolt-action rifle, le fusil est remarquablement "
                 "authentique.", "action rifle", id="after-a-hyphenated-word"),
    pytest.param(G, "Le couteau serrures ouvert pour la sécurité.", "couteau serrures", id="noun-after-noun"),
    # a cut before a capital after a bare noun, and before an English word
    pytest.param(G, "Le Nikon Monarch ATB 10 x 42 est jumelles Nikon étanche.", "jumelles Nikon", id="bare-noun-name"),
    pytest.param(G, "La pratique et polyvalent Harbinger Fitness striées Durafoam Mat est idéale.",
                 "polyvalent Harbinger", id="english-name"),
    # a lost line break after an English possessive, and misspellings
    pytest.param(S, "Les questions de la FAQ'sReal champ de vue sont utiles.", "sReal", id="possessive-glued"),
    pytest.param(S, "Ce paquet fournit un vérificater de syntaxe pour les bases de données.", "vérificater",
                 id="misspelling-1"),
    pytest.param(S, "Ce paquet fournit la bibliothqèque nécessaire.", "bibliothqèque", id="misspelling-2"),
    pytest.param(G, "Le gonflage est rapide, quand matin roule autour vous trouverez que tout va bien.", "matin",
                 id="bare-subject-after-quand"),
    pytest.param(G, "Si produits sont endommagés, contactez-nous.", "produits", id="plural-subject-after-si"),
    # after the two nouns left out of what a name follows
    pytest.param(S, "Daisy Shatterblast. 4 cible stakes et 8 disques de cibles cassables", "stakes", id="cible"),
    pytest.param(S, "Conçu pour le pêcheur en mouvement, cette configuration tackle intelligent est livré dans son "
                 "étui.", "tackle", id="configuration"),
    # « -ant » is left out of the hyphenated adjectives' endings
    pytest.param(G, "Si vous voulez dormir dehors, ce sac bivouac imper-respirant est le bon choix.", "bivouac imper",
                 id="hyphenated-participle"),
    pytest.param(G, "La console affiche la vitesse, distance et temps.", "temps", id="list-with-its-article"),
]


@pytest.mark.parametrize(("detector", "text"), CORRECT)
def test_technical_french_of_these_shapes_is_not_flagged(detector: str, text: str) -> None:
    assert shown_by_the_flagger(detector, text) == []


@pytest.mark.parametrize(("detector", "text", "span"), KEPT)
def test_mt_errors_beside_these_shapes_keep_their_flags(detector: str, text: str, span: str) -> None:
    assert span in shown_by_the_flagger(detector, text)
