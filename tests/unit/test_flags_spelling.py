from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.document import from_text
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.rank import MIN_CONFIDENCE
from review.flags.spelling import typed_words
from review.model import Category
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "category", "suggestion"),
    [
        ("Le gouvernment a refusé de commenter.", "gouvernment", Category.SPELLING, "gouvernement"),
        ("Il est venu dela capitale hier.", "dela", Category.SPELLING, "de la"),
        ("Le ministre a publié un statement hier soir.", "statement", Category.UNTRANSLATED, None),
        ("Ils ont signé signé l'accord à Paris.", "signé signé", Category.GRAMMAR, "signé"),
        ("Le accord a été signé à Paris.", "Le accord", Category.SPELLING, "L'accord"),
        ("Il a dit que il viendrait demain.", "que il", Category.SPELLING, "qu'il"),
    ],
    ids=["typo", "glued", "english-word", "doubled", "elision-article", "elision-que"],
)
def test_flags(text: str, span: str, category: Category, suggestion: str | None) -> None:
    flags = detect("spelling", text)
    found = [flag for flag in flags if flag.span_text == span]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    assert found[0].category == category
    if suggestion is not None:
        assert suggestion in found[0].suggestions


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre Hossein Amir Abdollahian a rencontré Jalil Abbas Jilani à Islamabad.",
        "Le président iranien Ebrahim Raisi se rendra bientôt au Pakistan.",
        "Le groupe Jaish al Adl (JAA) opère dans la province du Sistan-Balochistan.",
        "Nous nous sommes vus à Téhéran.",
        "Elles ont des relations intersectorielles anciennes.",
        "Le ou la responsable sera nommé demain.",
    ],
    ids=["names", "adjective-of-country", "acronym-and-hyphenated-name", "nous-nous", "rare-real-word", "le-ou-la"],
)
def test_leaves_correct_french_alone(text: str) -> None:
    assert spans(detect("spelling", text)) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Kit de nettoyage Care", True),
        ("Gril Coleman Start", False),
    ],
    ids=["english-word-in-a-title", "after-a-name"],
)
def test_an_english_word_in_capitals_after_a_name_is_below_the_floor(text: str, shown: bool) -> None:
    """« Coleman PerfectFlow Insta Start »: a capitalised word after another belongs to the name (0.52 on real MT)."""
    flags = [flag for flag in detect("spelling", text) if "part of a brand or title" in flag.message]
    assert flags
    assert all((flag.confidence >= MIN_CONFIDENCE) is shown for flag in flags)


def _shown(document_text: str, corrections: dict[int, str]) -> list[tuple[str, str]]:
    """(span, message) of the spelling flags a reviewer sees, with ``corrections`` by segment index applied."""
    document = from_text(document_text)
    texts = {document.segments[index].id: text for index, text in corrections.items()}
    flagger = Flagger(("spelling",), FlagOptions(), ModelPool())
    return [(flag.span_text, flag.message) for flag in flagger.flags(document, texts)]


def test_a_typo_typed_in_a_correction_is_shown() -> None:
    shown = _shown("Le gouvernement a publié un décret.\n\nLe parlement a voté.",
                   {0: "Le gouvernment a publié un décret."})
    assert [span for span, _ in shown] == ["gouvernment"]
    assert "typed in a correction" in shown[0][1]


def test_the_same_word_left_by_the_machine_translation_stays_below_the_floor() -> None:
    # on annotated MT such words were rare names and trade words about half the time
    assert _shown("Le gouvernment a publié un décret.", {}) == []
    assert _shown("Le gouvernment a publié un décret hier.", {0: "Le gouvernment a publié un décret ce matin."}) == []


def test_a_correct_correction_gets_no_spelling_flag() -> None:
    assert _shown("Le gouvernment a publié un décret.", {0: "Le gouvernement a publié un décret."}) == []


def test_a_typed_word_is_judged_again_for_another_machine_translation() -> None:
    flagger = Flagger(("spelling",), FlagOptions(), ModelPool())
    edited = from_text("Le gouvernement a publié un décret.")
    assert flagger.flags(edited, {edited.segments[0].id: "Le gouvernment a publié un décret."})
    # same segment id and text, but this time the machine translation wrote it: not a typed word
    unedited = from_text("Le gouvernment a publié un décret.")
    assert flagger.flags(unedited, {}) == []


@pytest.mark.parametrize(
    ("original", "current", "expected"),
    [("Le budget est voté.", "Le budget est voté.", set()),
     ("Le budget est voté.", "Le budjet est voté.", {"budjet"}),
     ("Le Budget est voté.", "le budget est adopté.", {"adopté"})],
    ids=["unchanged", "typo", "case-only-and-a-new-word"],
)
def test_typed_words(original: str, current: str, expected: set[str]) -> None:
    assert typed_words(original, current) == expected
