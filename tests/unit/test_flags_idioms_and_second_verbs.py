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


@pytest.mark.parametrize("text", [
    "Ce programme tire profit du biais observé dans les régions codantes.",
    "Si cela pose problème, alors cet outil est la solution.",
    "Le démon ne garde pas trace du contenu de l'écran.",
    "Puisqu'il tire avantage de l'algorithme de rsync, la copie est rapide.",
    "Le programme prend grand soin de préserver les valeurs qui lui sont données.",
    "Il est possible de parcourir, commenter et accuser réception des évènements collectés.",
])
def test_a_verb_and_the_bare_noun_of_its_locution(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Le support permet meilleure traction sur la route.", "meilleure traction"),
    ("Le sac offre confort exceptionnel pour la randonnée.", "confort"),
    ("Le fusil tire balles de calibre 12 sans effort.", "balles"),
])
def test_a_bare_object_outside_a_locution_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.parametrize("text", [
    "Il convertit (demangle) les symboles C++ et peut (probablement) être utilisé pour de nombreuses langues.",
    "Il reçoit les nouvelles, les enregistre et les passe à d'éventuels sites de niveau inférieur.",
    "EMBOSS::ACD analyse les fichiers de définition des commandes et fournit un accès aux données.",
    "TinyFugue pèse plus que les autres clients MUD mais possède plus de fonctionnalités.",
])
def test_a_second_verb_shares_the_first_ones_subject(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Les enfants aime le chocolat.", "aime"),
    ("Les fichiers de configuration et peut être lu par tous.", "peut"),
    # a subject that is itself a noun of a list: MT's "exercises" (a right flag of the tuning split)
    ("La salle possède toutes les fonctionnalités, les stations et exerce vous avez besoin.", "exerce"),
])
def test_a_verb_after_its_own_plural_subject_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


def test_a_demonstrative_cut_at_its_hyphen_then_its_verb() -> None:
    assert shown_by_the_flagger("grammar", "Celui-ci lit des expressions et exécute sur elles des calculs.") == []


@pytest.mark.parametrize("text", [
    "Le démon nécessite une règle acceptant tous les courriels (« catch-all rule ») dans le répertoire personnel.",
    "Il crée une représentation hiérarchique avec une approche descendante (« top down »).",
    "Cet assistant permet de « docker push » des images de conteneurs.",
])
def test_a_short_phrase_between_french_quotes_is_named(text: str) -> None:
    assert shown_by_the_flagger("spelling", text) == []


@pytest.mark.parametrize(("text", "span"), [
    # a word left in English outside the quotes, and a quoted run too long to be a name
    ("Le démon nécessite une règle (« catch-all ») pour tous les mails de la journée, and the rule works.", "the"),
    ("Il dit « je pense que the rule is very good for every user » sans le traduire.", "the"),
])
def test_english_outside_a_short_quoted_phrase_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("spelling", text)


@pytest.mark.parametrize("text", [
    "BOINC est une plate-forme logicielle pour le calcul distribué.",
    "Pour tenir compte des taux variants de l'évolution à travers les sites, le programme utilise un taux unique.",
    "Les symboles (appels système) qui sont exportés par le vDSO n’apparaîtront pas dans la sortie.",
])
def test_a_compound_cut_at_its_hyphen_and_a_present_participle_after_a_noun(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    # right flags of the tuning split: English compounds after a hyphenated word, and a noun after a noun
    ("Une réplique à l'échelle de 1:1 d'un bolt-action rifle, le fusil est remarquablement authentique.",
     "action rifle"),
    ("Le couteau serrures ouvert pour la sécurité.", "couteau serrures"),
])
def test_english_compounds_keep_their_flags(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.parametrize("text", [
    ("Ce dictionnaire contient des listes de mots russes pour le vérificateur orthographique Aspell actuellement "
     "supporté par les applications GNOME."),
    "BEAST est un programme multiplateforme pour l'analyse bayésienne MCMC de séquences moléculaires.",
    "Il analyse l’expression mathématique LaTeX et émet immédiatement le résultat.",
    "Elle est principalement destinée aux machines virtuelles KVM mais elle gère aussi Xen.",
])
def test_a_determined_noun_its_adjective_and_the_name_of_what_it_is(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    # right flags of the tuning split: a bare noun, and an English word after the adjective
    ("Le Nikon Monarch ATB 10 x 42 est jumelles Nikon étanche.", "jumelles Nikon"),
    ("La pratique et polyvalent Harbinger Fitness striées Durafoam Mat est idéale.", "polyvalent Harbinger"),
])
def test_a_cut_before_a_capital_in_mt_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.parametrize("text", [
    "Les applications liées avec le gestionnaire de pilotes iODBC peuvent accéder aux bases.",
    "Le générateur traduit les programmes en code Java jUnit qui peuvent être compilés.",
    "Il s’agit d’un notifieur standardisé pour la journalisation des applications.",
    "Il s'agit d'un enveloppeur simple pour des requêtes chiffrées.",
])
def test_coined_names_and_agent_nouns_are_no_misspellings(text: str) -> None:
    assert shown_by_the_flagger("spelling", text) == []


@pytest.mark.parametrize(("text", "span"), [
    # a lost line break after an English possessive (a right flag of the tuning split), and misspellings
    ("Les questions de la FAQ'sReal champ de vue sont utiles.", "sReal"),
    ("Ce paquet fournit un vérificater de syntaxe pour les bases de données.", "vérificater"),
    ("Ce paquet fournit la bibliothqèque nécessaire.", "bibliothqèque"),
])
def test_misspellings_and_glued_words_keep_their_flags(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("spelling", text)


@pytest.mark.parametrize("text", [
    "Si commande est une commande composée, NOM est optionnel.",
    "Lorsque cible est un périphérique, le programme ne défragmente pas les fichiers.",
])
def test_a_manual_page_names_its_argument_bare(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    ("Le gonflage est rapide, quand matin roule autour vous trouverez que tout va bien.", "matin"),
    ("Si produits sont endommagés, contactez-nous.", "produits"),
])
def test_a_bare_subject_of_mt_after_a_conjunction_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.parametrize("text", [
    "Ce paquet contient les agents akonadi basés sur les bibliothèques de la plate-forme.",
    "Ce paquet contient les musiques officielles du jeu warzone 2100.",
    "Il ne faut créer un lien que lorsque rien à partir des dorsaux ebl n'est nécessaire.",
    "Ce paquet installe un indicateur d'application pour le bureau budgie.",
])
def test_what_a_name_follows_in_technical_prose(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.parametrize(("text", "span"), [
    # right flags of the tuning split after the two nouns left out of the list
    ("Daisy Shatterblast. 4 cible stakes et 8 disques de cibles cassables", "stakes"),
    ("Conçu pour le pêcheur en mouvement, cette configuration tackle intelligent est livré dans son étui.", "tackle"),
])
def test_english_after_a_target_or_a_configuration_keeps_its_flag(text: str, span: str) -> None:
    assert span in shown_by_the_flagger("spelling", text)


def test_a_hyphenated_adjective_cut_at_its_hyphen() -> None:
    assert shown_by_the_flagger("grammar", "Les partitions ne sont pas nécessaires sur les disques magnéto-optiques.") \
        == []


def test_an_english_stack_before_a_hyphenated_participle_keeps_its_flag() -> None:
    # the tuning split's « sac bivouac imper-respirant »: « -ant » is left out of the adjectives' endings
    text = "Si vous voulez dormir dehors, ce sac bivouac imper-respirant est le bon choix."
    assert "bivouac imper" in shown_by_the_flagger("grammar", text)


@pytest.mark.parametrize("text", [
    "Il dispose de toutes les fonctionnalités pour le calcul formel de polynômes, matrices et fonctions rationnelles.",
    "Scribus peut être utilisé pour la conception de brochures, journaux, magazines, lettres et affiches.",
])
def test_an_enumeration_of_bare_nouns_after_a_bare_preposition(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


def test_a_list_whose_first_noun_has_its_article_keeps_its_flag() -> None:
    assert "temps" in shown_by_the_flagger("grammar", "La console affiche la vitesse, distance et temps.")
