"""An article about software names its commands bare, again and again (stop 58).

« Quand bash fonctionne de façon interactive, bash affiche l'invite » is French: the manual pages name the program
with no article, as a subject, after a preposition.  In an article that introduces a program, a word in lower case
that no French list holds and that its stretch writes three times or more is such a term
(:func:`review.flags.vetting.repeated_words`).  The sentences are written for the test after the shape of those the
manual pages' read blocks were flagged for; the same sentences with no program introduced keep their flags.

Also here: « ces deux appels système » (an apposition after a number) and « les signaux temps réel » (an adjective
that describes « temps »), two shapes of the same pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import shown_by_the_flagger, shown_in_article

from review.document import load_document
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.vetting import HIDDEN, repeated_words
from review.model import Category, Flag, Severity
from review.translate.pool import ModelPool

INTRODUCTION = "La commande interne wait attend la fin d'un processus."
BASH = (
    "Quand bash fonctionne de façon interactive, il ignore le signal de fin.",
    "Si le contrôle des tâches est actif, bash ignore les signaux d'arrêt.",
    "Normalement bash attend la fin de la commande avant d'afficher l'invite.",
)


def _flag(span: str, confidence: float = 0.8, category: Category = Category.GRAMMAR) -> Flag:
    return Flag(segment_id="p1s1", start=0, end=len(span), detector="grammar", category=str(category),
                severity=Severity.MAJOR, message="a message", confidence=confidence, span_text=span)


def _confidences(flags: list[Flag], texts: list[str]) -> list[float]:
    return [flag.confidence for flag in repeated_words(flags, texts)]


def test_a_word_the_stretch_writes_three_times_is_a_term() -> None:
    texts = ["bash lit la ligne.", "Puis bash affiche l'invite.", "Enfin bash attend."]
    assert _confidences([_flag("bash"), _flag("Bash lit")], texts) == [HIDDEN, HIDDEN]
    assert _confidences([_flag("bash")], texts[:2]) == [0.8]  # twice: still a word left in English


def test_what_a_term_does_not_hide() -> None:
    texts = ["the bash shell reads the line and the bash prompt shows and the bash history grows."]
    # a sentence left in English is flagged whole: more words than a term's flag
    assert _confidences([_flag("the bash shell reads the line")], texts) == [0.8]
    # a short English function word is never a term; nor is a name spelt two ways
    assert _confidences([_flag("the")], texts) == [0.8]
    assert _confidences([_flag("bash", category=Category.INCONSISTENCY)], texts) == [0.8]
    # a French word is no term, however often it comes back
    assert _confidences([_flag("commande")], ["la commande", "une commande", "cette commande"]) == [0.8]


def test_a_longer_stop_word_may_name_a_keyword() -> None:
    """« appeler next », « le mot only »: spaCy lists them among English stop words, but a stretch that writes them
    three times names a callback or a keyword."""
    texts = ["on appelle next", "l'appel de next", "avec (data, next)"]
    assert _confidences([_flag("next")], texts) == [HIDDEN]


def test_elisions_single_letters_and_names_inside_others_are_not_counted() -> None:
    # « n'est », « n'a »: the « n » of an elision is no word; « bash-completion » is another name
    assert _confidences([_flag("n bits")], ["Il n'est pas.", "Il n'a rien.", "Ce n'est rien."]) == [0.8]
    assert _confidences([_flag("bash")], ["bash-completion", "le paquet bash-completion", "bash."]) == [0.8]


def test_singular_and_plural_count_together() -> None:
    texts = ["un socket flux", "les sockets chemin", "le socket ouvert"]
    assert _confidences([_flag("sockets chemin")], texts) == [HIDDEN]


@pytest.mark.slow  # parses with spaCy
def test_a_command_named_bare_in_an_article_about_software(tmp_path: Path) -> None:
    """The real detectors and vetting: « bash » written three times is a command where the article introduces a
    program, and English left in where it does not."""
    assert "bash" in shown_in_article(tmp_path, *BASH)
    assert "bash" not in shown_in_article(tmp_path, INTRODUCTION, *BASH)
    assert "bash" in shown_in_article(tmp_path, INTRODUCTION, *BASH[:2])  # written twice


@pytest.mark.slow  # parses with spaCy
def test_a_term_a_correction_takes_out_comes_back(tmp_path: Path) -> None:
    """The count is of the current French: once a correction leaves « bash » twice, its flags come back."""
    article = tmp_path / "a.txt"
    article.write_text("\n\n".join((INTRODUCTION, *BASH)) + "\n", encoding="utf-8")
    document = load_document(article)
    flagger = Flagger(None, FlagOptions(), ModelPool())
    assert "bash" not in [flag.span_text for flag in flagger.flags(document, {})]
    third = document.segments[-1]
    corrected = {third.id: "Normalement le programme attend la fin de la commande avant d'afficher l'invite."}
    assert "bash" in [flag.span_text for flag in flagger.flags(document, corrected)]


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize("text", [
    "Certains autres appels système suivent éventuellement les liens symboliques.",
    "Ces deux appels système liés à la politique mémoire semblent se comporter de la même façon.",
    "Contrairement aux signaux standard, les signaux temps réel n'ont pas de signification prédéfinie.",
    "Les programmes doivent être liés à la bibliothèque temps-réel du système.",
], ids=["certains-autres", "ces-deux", "temps-reel-plural", "temps-reel-feminine"])
def test_appositions_after_a_number_and_adjectives_of_temps(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize(("text", "span"), [
    (("Le Nevatear stratifiée de la couverture de cuir est conçu pour survivre à la brigade plus lourd et le "
     "remplissage."), "lourd"),
    ("Avec sa construction très résistant et confortable, ce pied est prêt pour les pêches de gros gibier.",
     "résistant"),
], ids=["plus", "tres"])
def test_an_adverb_that_grades_the_adjective_is_no_temps(text: str, span: str) -> None:
    """« plus lourd », « très résistant »: the tagger's adverbs end in « s » like « temps », but grade the adjective,
    which still agrees with its noun (the first is a right flag of the tuning split)."""
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize("text", [
    "Le démon reçoit les paquets M-SEARCH et répond pour les périphériques UPnP tournant sur la machine.",
    "Ce greffon gère les composants de KAccounts écrits en QML.",
], ids=["tournant-sur", "ecrits-en"])
def test_a_participle_and_its_complement_after_a_name(text: str) -> None:
    """The participle describes the noun before the name: no English compound, and no sentence cut off."""
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.slow  # parses with spaCy
def test_a_past_participle_where_the_parse_breaks_keeps_its_flag() -> None:
    """Where the parser cuts the sentence before a past participle, the flag stays: on the tuning split that cut is
    mostly MT's (« Mini Covert dentelée en acier », a right flag)."""
    assert "Covert dentelée" in shown_by_the_flagger(
        "grammar", "Couteau à lame Gerber 46924 Mini Covert dentelée en acier inoxydable")


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize(("text", "span"), [
    (("Ski & Snowboarding Goggles, Airsoft & Paintball masques de plongée et les masques de pompier, sont également "
     "disponibles sur Amazon."), "Paintball masques"),
    ("Bell casque de vélo solaire", "Bell casque"),
], ids=["masques-de", "casque-de"])
def test_a_name_before_its_noun_keeps_its_flag_before_de(text: str, span: str) -> None:
    """Right flags of the tuning split: « masques » has a participle's ending and a verb's reading (« masquer »),
    but a title goes on with « de » after its noun."""
    assert span in shown_by_the_flagger("grammar", text)


@pytest.mark.slow  # parses with spaCy
@pytest.mark.parametrize("text", [
    "On peut aussi faire un montage au travers d'un périphérique boucle.",
    "Ne vous attendez pas à un miracle pour un périphérique caractère.",
    "Les caractères blancs sont l'espace, le retour chariot et la tabulation.",
    "Un processus ne peut pas entrer dans un espace de noms ancêtre.",
    "Ces nombres ne sont pas sûrs du point de vue chiffrement.",
    "Ce mode était conçu pour un environnement temps partagé classique.",
    "La ligne série utilise une parité paire.",
], ids=["peripherique-boucle", "peripherique-caractere", "retour-chariot", "ancetre", "point-de-vue", "temps-partage",
        "parite-paire"])
def test_pairs_french_sets_side_by_side_in_technical_prose(text: str) -> None:
    assert shown_by_the_flagger("grammar", text) == []


@pytest.mark.slow  # parses with spaCy
def test_the_pair_after_point_de_vue_in_a_title_keeps_its_flag() -> None:
    """« du point de vue X » is a locution; the nouns after X are not its (the tuning split's right flag)."""
    assert "lunettes miroir" in shown_by_the_flagger("grammar", "Cycleaware point de vue lunettes miroir, ronde")


@pytest.mark.slow  # parses with spaCy
def test_a_loop_after_another_noun_keeps_its_flag() -> None:
    """« boucle » is no apposition: after another noun than a device it is MT's English order (the tuning split's
    right flag)."""
    text = "Repousser les limites de votre bas du corps avec les extensions de hanche, jambe boucles, squats et fentes."
    assert "jambe boucles" in shown_by_the_flagger("grammar", text)
