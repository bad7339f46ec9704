"""Programs an article introduces by their kind (« la commande interne wait ») are kept terms in the whole article."""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import shown_in_article

from review.document import load_document
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.introduced import article_terms, introduced_names
from review.translate.pool import ModelPool


@pytest.mark.parametrize(("text", "names"), [
    ("Les attributs sont affectés avec la commande interne declare.", {"declare"}),
    ("Les commandes internes declare, local et readonly acceptent une option.", {"declare", "readonly"}),
    ("Ce paquet contient la bibliothèque readline.", {"readline"}),
    ("Il dépend du paquet bash-completion.", {"bash-completion"}),
    ("Les bibliothèques libfoo et libbar sont liées.", {"libfoo", "libbar"}),
    ("La commande jobs montre les tâches.", set()),  # « jobs » is in the French word list
    ("La commande vocale composition appelle vos amis.", set()),  # a French adjective: nothing named
    ("Le paquet contient xyzzy et plugh.", set()),  # the kind's verb, not a name
    ("La commande Wait est utile.", set()),  # a capital: a name the spelling rules already leave
    ("Suivez le programme d'entraînement.", set()),  # an apostrophe ends no name
    ("Le moteur brushless tourne.", set()),  # a kind things have too: product texts leave English there
    ("C'est un composant logiciel enfichable.", set()),  # an adjective the lemmatizer's tables know
    ("Fish est un interpréteur de commandes.", {"fish"}),  # a definition: the capital of its first word dropped
    ("MatchIt est un programme R.", {"MatchIt"}),  # capitals inside: kept as written
    ("Il le dit. Growl est un système de notifications.", {"growl"}),
    ("Moon-buggy est un jeu simple en mode caractère.", {"moon-buggy"}),
    ("Hickory est un bois dur.", set()),  # not a program
    ("Ceci est un programme.", set()),  # a French word
    ("Voir tail(1) et malloc(3) pour les détails.", {"tail", "malloc"}),  # a manual page's reference
    ("Il faut des piles (2) et un chargeur.", set()),  # a count, not a manual's section
    ("Il fournit les en-têtes d'expat, une bibliothèque en C d'analyse XML.", {"expat"}),  # an apposition
    ("Fondée par Coleman, une entreprise familiale.", set()),  # not a program
], ids=["qualified", "listed", "library", "hyphen", "two-libraries", "french-word", "adjective", "verb",
        "capital", "apostrophe", "product-kind", "adjective-after-a-kind", "definition", "inner-capitals",
        "second-sentence", "hyphenated", "no-program", "french-subject", "manual-page", "count", "apposition",
        "apposed-company"])
def test_the_names_an_article_introduces(text: str, names: set[str]) -> None:
    assert introduced_names([text]) == names


WAIT = "Quand le contrôle des tâches est activé, wait rendra la main quand la tâche changera d'état."
INTRODUCTION = "La commande interne wait attend la fin d'un processus."


@pytest.mark.slow  # parses with spaCy
def test_a_name_introduced_in_another_paragraph_is_kept(tmp_path: Path) -> None:
    """The real detectors and vetting: « wait » alone reads as English left in; after « la commande interne wait »
    elsewhere in the article it is the command's name."""
    assert "wait" in shown_in_article(tmp_path, WAIT)
    assert "wait" not in shown_in_article(tmp_path, INTRODUCTION, WAIT)


@pytest.mark.slow  # parses with spaCy
def test_only_the_article_that_introduces_a_name_keeps_it(tmp_path: Path) -> None:
    """One flagger, two articles: the name kept in the first is flagged again in the second."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(f"{INTRODUCTION}\n\n{WAIT}\n", encoding="utf-8")
    second.write_text(f"{WAIT}\n", encoding="utf-8")
    flagger = Flagger(None, FlagOptions(), ModelPool())
    assert "wait" not in [flag.span_text for flag in flagger.flags(load_document(first), {})]
    assert "wait" in [flag.span_text for flag in flagger.flags(load_document(second), {})]


@pytest.mark.slow  # parses with spaCy
def test_the_current_text_decides(tmp_path: Path) -> None:
    """A correction that takes the introduction out brings the flag back: the names are read from the current
    French, not the file's."""
    article = tmp_path / "a.txt"
    article.write_text(f"{INTRODUCTION}\n\n{WAIT}\n", encoding="utf-8")
    document = load_document(article)
    flagger = Flagger(None, FlagOptions(), ModelPool())
    first = document.segments[0].id
    assert "wait" not in [flag.span_text for flag in flagger.flags(document, {})]
    edited = {first: "Cette commande attend la fin d'un processus."}
    assert "wait" in [flag.span_text for flag in flagger.flags(document, edited)]


@pytest.mark.slow  # parses with spaCy
def test_a_program_the_article_defines_is_kept(tmp_path: Path) -> None:
    """« Fish est un interpréteur de commandes » says what « fish » is: the later « fish lit » is the program."""
    later = "Au démarrage, fish lit ses réglages dans le répertoire de l'utilisateur."
    assert "fish" in shown_in_article(tmp_path, later)
    definition = "Fish est un interpréteur de commandes conçu pour l'utilisation interactive."
    assert "fish" not in shown_in_article(tmp_path, definition, later)


def test_an_article_that_introduces_a_program_keeps_the_english_of_software() -> None:
    assert {"threads", "bindings"} <= article_terms(introduced_names([INTRODUCTION]))
    assert article_terms(introduced_names(["Le fil est solide et les threads sont en acier."])) == frozenset()


@pytest.mark.slow  # parses with spaCy
def test_threads_are_kept_in_an_article_about_software_only(tmp_path: Path) -> None:
    """« les threads d'un processus » is French written about software; in a product text « threads » is English
    left in."""
    threads = "Tous les threads d'un processus partagent les mêmes identifiants."
    assert "threads" in shown_in_article(tmp_path, threads)
    assert "threads" not in shown_in_article(tmp_path, INTRODUCTION, threads)


@pytest.mark.slow  # parses with spaCy
def test_english_words_run_together_are_identifiers_in_an_article_about_software(tmp_path: Path) -> None:
    """« showmount affiche la liste »: in an article that introduces a program, a word in lower case that runs
    English words together names a command; elsewhere it is English left in, and a glued capital (a lost line
    break) keeps its flag in both."""
    showmount = "Exécuté sans aucune option, showmount affiche la liste des clients."
    assert "showmount" in shown_in_article(tmp_path, showmount)
    assert "showmount" not in shown_in_article(tmp_path, INTRODUCTION, showmount)
    glued = "Le sac a une poche latérale et un mechanismPortable de trois kilos."
    assert "mechanismPortable" in shown_in_article(tmp_path, INTRODUCTION, glued)
