"""Stop 44: a program's name in lower case is no common noun missing its article.

The rules that ask a noun for its determiner leave alone a word in lower case that no French list holds and that
English knows at most rarely (« utilise rsync », « rwho interroge »): in Debian's package descriptions such words
carried 222 of those rules' 851 flags. A French noun without its article keeps its flag. Made up here, modelled on
descriptions that got flagged; each no-flag case was flagged before this stop.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


def shown_without_determiner(text: str) -> list[str]:
    return [flag.span_text for flag in detect("grammar", text)
            if flag.confidence >= MIN_CONFIDENCE and "determiner" in flag.message]


@pytest.mark.parametrize(
    "text",
    [
        "Il utilise rsync pour copier les fichiers.",
        "Pour afficher les utilisateurs connectés, rwho interroge le réseau.",
        "Dans ce cas, utilisez openbox comme gestionnaire.",
    ],
    ids=["object", "subject-after-a-clause", "object-then-comme"],
)
def test_a_program_s_name_needs_no_determiner(text: str) -> None:
    assert shown_without_determiner(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ce paquet fournit la documentation pour python-matplotlib.", []),
        ("Le sac est idéal pour week-end en famille.", ["pour week"]),
    ],
    ids=["a-hyphenated-name", "a-hyphenated-french-word"],
)
def test_a_hyphenated_name_needs_no_determiner(text: str, flagged: list[str]) -> None:
    """Stop 45: « pour python-matplotlib », a package's name; the no-flag case was flagged at e0e0e02."""
    assert shown_without_determiner(text) == flagged


def test_a_french_noun_still_needs_its_determiner() -> None:
    assert shown_without_determiner("Il faut utiliser corde pour attacher le sac.") == ["corde"]


def shown_by_spelling(text: str) -> list[str]:
    return [flag.span_text for flag in detect("spelling", text) if flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Il gère divers formats, comme tar, gzip, bzip2 et zip.", []),
        ("Il prend en charge des interpréteurs tels que bash, fish, tcsh et zsh.", []),
        ("Il s'intègre bien avec des outils comme procmail et mutt.", []),
        ("Il gère des formats comme tar et des disques optiques.", ["tar"]),
        ("Le sac comprend une gourde, un sac et une rope.", ["rope"]),
    ],
    ids=["listed-with-names", "a-list-of-english-words-and-names", "two-names", "no-name-in-the-list",
         "french-words-in-the-list"],
)
def test_a_word_listed_with_programs_names_is_a_name(text: str, flagged: list[str]) -> None:
    """Stop 45: a word in lower case listed with a program's name (« gzip », « bzip2 ») names a program too; Debian's
    package descriptions held 128 English-word flags so.  Each no-flag case was flagged at 7008083."""
    assert shown_by_spelling(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Le fichier est au format info.", []),
        ("Il active le mode folding pour le texte.", []),
        ("Il ajoute la gestion de la langue persanne.", ["persanne"]),
        ("Le fichier est au info.", ["info"]),
    ],
    ids=["a-format-s-name", "a-mode-s-name", "a-french-word-misspelt-after-a-kind", "no-kind-before-it"],
)
def test_a_word_after_a_kind_names_it(text: str, flagged: list[str]) -> None:
    """Stop 45: « le format info », « le mode folding »: a word in lower case after a noun that French follows with the
    name of a kind is that name (49 spelling flags of the package descriptions), unless it is a French word misspelt.
    The no-flag cases were flagged at 8f53740."""
    assert shown_by_spelling(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ce script dépend de awk et de autoconf.", []),
        ("Ce paquet fournit une voix de eSpeak en français.", []),
        ("Peut-être devrais-je en apprendre plus sur le sujet.", []),
        ("Le bateau flotte sur de eau salée.", ["de eau"]),
        ("Il ne fait que uniquement cela.", ["que uniquement"]),
    ],
    ids=["before-a-program-s-name", "before-a-name-in-mixed-case", "je-after-its-verb", "before-a-french-noun",
         "before-a-french-adverb"],
)
def test_a_name_needs_no_elision_before_it(text: str, flagged: list[str]) -> None:
    """Stop 46: French leaves « de », « que » whole before a program's name (« de awk »: 38 flags in the package
    descriptions read); before a French word the elision is still asked for."""
    assert [flag.span_text for flag in detect("spelling", text)
            if flag.confidence >= MIN_CONFIDENCE and "elided" in flag.message] == flagged
