from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import detect, spans

from review.errors import InputError
from review.flags import FlagOptions
from review.flags.lexicon import BUILTIN, read_lexicon
from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Il a finalement réalisé que la situation était grave.", "réalisé que", "se rendre compte que"),
        ("Le gouvernement doit adresser ce problème sans tarder.", "adresser", "traiter"),
        ("Les ministres ont adressé la question des réfugiés.", "adressé", "traité"),
        ("Pour eux, cela fait du sens depuis le début.", "fait du sens", "avoir du sens"),
        ("Le sommet prendra place à Genève en mars.", "prendra place", "avoir lieu"),
        ("Il sera définitivement présent à la réunion de demain.", "définitivement", "certainement"),
        ("La transformation digitale des administrations avance lentement.", "digitale", "numérique"),
        ("Un large nombre de manifestants se sont rassemblés devant le parlement.", "large nombre", "grand nombre"),
        ("Le directeur en charge de la sécurité a démissionné hier.", "en charge de", "chargé de"),
        ("Cette analyse est basée sur des données officielles.", "basée sur", "fondée sur"),
        ("Le Sénat a passé une loi sur l'immigration.", "passé une loi", "adopté une loi"),
        ("Les démonstrateurs ont bloqué la route principale.", "démonstrateurs", "manifestant"),
    ],
    ids=["realiser-que", "adresser-probleme", "adresser-inflected", "faire-du-sens", "prendre-place",
         "definitivement", "digitale", "large-nombre", "en-charge-de", "base-sur", "passer-loi", "demonstrateurs"],
)
def test_flags_calques(text: str, span: str, suggestion: str) -> None:
    flags = detect("lexicon", text)
    found = [flag for flag in flags if flag.span_text.lower() == span.lower()]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    assert any(s.lower().startswith(suggestion.lower()) for s in found[0].suggestions), found[0].suggestions


@pytest.mark.parametrize(
    "text",
    [
        "Le projet a été réalisé en deux ans par une équipe locale.",
        "Ils ont fait la différence dans les dernières minutes du match.",
        "Le ministre a pris une décision importante hier soir.",
        "La Maison Blanche a publié un communiqué.",
        "Les enquêteurs travaillent sur le terrain depuis lundi.",
    ],
    ids=["realiser-accomplish", "faire-la-difference", "prendre-decision", "maison-blanche", "sur-le-terrain"],
)
def test_leaves_correct_french_alone(text: str) -> None:
    flags = [flag for flag in detect("lexicon", text) if flag.confidence >= MIN_CONFIDENCE]
    assert flags == [], spans(flags)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Il a finalement réalisé que la situation était grave.", "réalisé que"),
        ("Le directeur en charge du projet est parti.", "en charge du"),
        ("Nous verrons dans le futur si cela fonctionne.", "dans le futur"),
        ("Le sommet prendra place à Genève en mars.", "prendra place"),
        ("Ce programme sert aux investigations numériques.", "investigations"),
        ("L'outil est utile en tant que tel.", "en tant que tel"),
        ("Le programme repose sur une base de données SQL.", "sur une base de"),
        ("Les frais de location du serveur sont partagés.", "location"),
        ("Reliez vos comptes en ligne avec votre bureau.", "en ligne avec"),
        ("De nombreuses agences gouvernementales l'utilisent.", "agences"),
        ("Ce paquet fournit le module XTEST pour le clavier input-pad.", "input"),
        ("XML-RPC permet de faire des appels de procédure par Internet.", "faire des appels"),
    ],
    ids=["realiser-que", "en-charge-de", "dans-le-futur", "prendre-place", "investigation", "en-tant-que-tel",
         "sur-une-base-de-donnees", "location-as-rental", "en-ligne-avec-as-online", "agence-gouvernementale",
         "input-in-a-name", "faire-des-appels-de-procedure"],
)
def test_calques_correct_french_writes_too_stay_below_the_floor(text: str, span: str) -> None:
    """Stops 41 and 46: flagged in correct French only, never on the MT tuning split; a reviewer sees them by
    lowering --min-confidence."""
    found = [flag for flag in detect("lexicon", text) if flag.span_text.lower() == span.lower()]
    assert found, f"no flag on {span!r}"
    assert all(flag.confidence < MIN_CONFIDENCE for flag in found), [flag.confidence for flag in found]


@pytest.mark.parametrize(
    "text",
    ["Vous pouvez enregistrer une empreinte digitale pour vous connecter.",
     "Ce n'est pas une manière tout à fait sûre de vérifier la réception."],
    ids=["empreinte-digitale", "tout-a-fait-sur"],
)
def test_french_senses_get_no_calque_flag(text: str) -> None:
    assert spans(detect("lexicon", text)) == []


def test_user_lexicon_extends_the_builtin(tmp_path: Path) -> None:
    extra = tmp_path / "house.txt"
    extra.write_text("# house rules\n"
                     "nonobstant | notwithstanding | unidiomatic | minor | 0.9 | malgré | Trop soutenu.\n",
                     encoding="utf-8")
    text = "Nonobstant les critiques, le projet avance."
    assert detect("lexicon", text) == []
    flags = detect("lexicon", text, options=FlagOptions(settings={"lexicon": (extra,)}))
    assert spans(flags) == ["Nonobstant"]
    assert flags[0].suggestions == ("Malgré",)


@pytest.mark.parametrize("first", ["# house rules\n", ""], ids=["comment-first", "entry-first"])
def test_a_lexicon_saved_with_a_byte_order_mark_reads_the_same(tmp_path: Path, first: str) -> None:
    extra = tmp_path / "house.txt"  # as Windows Notepad saves UTF-8
    extra.write_text(f"\ufeff{first}nonobstant | notwithstanding | unidiomatic | minor | 0.9 | malgré | Soutenu.\n",
                     encoding="utf-8")
    flags = detect("lexicon", "Nonobstant les critiques, le projet avance.",
                   options=FlagOptions(settings={"lexicon": (extra,)}))
    assert spans(flags) == ["Nonobstant"]


def test_brackets_choose_the_flagged_words(tmp_path: Path) -> None:
    extra = tmp_path / "house.txt"
    extra.write_text("plan [ambitieux:ADJ] | ambitious | unidiomatic | minor | 0.9 | audacieux | Test.\n",
                     encoding="utf-8")
    flags = detect("lexicon", "Ils ont adopté un plan ambitieux.", options=FlagOptions(settings={"lexicon": (extra,)}))
    assert spans(flags) == ["ambitieux"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("réaliser | realize | mistranslation | major | 0.5 | se rendre compte", "expected 7 fields"),
        ("* réaliser | realize | mistranslation | major | 0.5 | x | y", "start and end with a word"),
        ("réaliser | realize | wrongness | major | 0.5 | x | y", "unknown category"),
        ("réaliser | realize | mistranslation | huge | 0.5 | x | y", "severity must be"),
        ("réaliser | realize | mistranslation | major | often | x | y", "severity must be"),
        ("réaliser | realize | mistranslation | major | nan | x | y", "from 0 to 1, not 'nan'"),
        ("réaliser | realize | mistranslation | major | 2 | x | y", "from 0 to 1, not '2'"),
        ("réaliser | realize | mistranslation | major | -0.1 | x | y", "from 0 to 1"),
        (" | realize | mistranslation | major | 0.5 | x | y", "the pattern .* is empty"),
        ("relation:noun | link | mistranslation | major | 0.5 | x | y", "'noun' is not a part of speech"),
    ],
    ids=["too-few-fields", "leading-gap", "bad-category", "bad-severity", "bad-confidence", "nan-confidence",
         "confidence-above-1", "negative-confidence", "empty-pattern", "lower-case-pos"],
)
def test_bad_lexicon_lines_are_reported(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_lexicon(path)
    assert "bad.txt:1" in str(error.value)


@pytest.mark.parametrize("empty", ["| |", "|  |", "|\t|"], ids=["one-space", "two-spaces", "tab"])
def test_an_empty_field_may_be_written_with_one_space(tmp_path: Path, empty: str) -> None:
    path = tmp_path / "house.txt"
    path.write_text(f"plan ambitieux | ambitious | unidiomatic | minor | 0.9 {empty} Test.\n", encoding="utf-8")
    (entry,) = read_lexicon(path)
    assert entry.suggestions == ()
    assert entry.explanation == "Test."


def test_builtin_lexicon_is_large_and_valid() -> None:
    entries = read_lexicon(BUILTIN)
    assert len(entries) >= 300
    assert all(entry.english for entry in entries)


def test_a_theorem_prover_is_no_demonstrator_of_the_street() -> None:
    """« démonstrateur de théorème » is the French term (stop 46: 6 flags on package descriptions); the false friend
    of "demonstrators" is still flagged."""
    assert detect("lexicon", "HOL Light est un démonstrateur automatique de théorème.") == []
    assert [flag.span_text for flag in detect("lexicon", "Les démonstrateurs ont envahi la place.")] \
        == ["démonstrateurs"]
