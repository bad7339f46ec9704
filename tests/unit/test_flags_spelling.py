from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.rank import MIN_CONFIDENCE
from review.model import Category

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
