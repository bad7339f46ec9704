"""Flags the English original explains, kept below the confidence floor when a source is given.

Each case is one French text flagged against two English originals: one that
explains the flag (it goes below the floor) and one that does not (it stays).
The detectors, the Flagger and the parse are the real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import detect

from review.document import from_text
from review.flags import FlagContext, FlagOptions
from review.flags import dictionary as dictionary_module
from review.flags.bilingual import Bilingual
from review.flags.incremental import Flagger
from review.flags.rank import MIN_CONFIDENCE
from review.flags.source import SourceDetector
from review.flags.spelling import UNEXPLAINED, UNEXPLAINED_MESSAGE
from review.flags.vetting import UNEXPLAINED as VETTED_UNEXPLAINED
from review.flags.vetting import explained
from review.model import Category, Flag, Severity
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

GLOCK_FRENCH = "Glock fabrique des pistolets.\n\nLe pistolet Glock est léger.\n\nLe Glock 17 est solide.\n\n"
GLOCK_ENGLISH = ("Glock makes pistols.", "The Glock pistol is light.", "The Glock 17 is sturdy.")


def shown(names: tuple[str, ...], french: str, english: tuple[str, ...] | None) -> list[str]:
    """What the Flagger shows for ``french``, one English paragraph per French one (None: no source)."""
    options = FlagOptions() if english is None else FlagOptions(original=tuple((text,) for text in english))
    return [flag.span_text for flag in Flagger(names, options, ModelPool()).flags(from_text(french), {})]


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("« Glöck » est une marque de Glock, Inc.", None, ["Glöck"]),
        ("La marque Glöck appartient à Glock, Inc.", "The trademark belongs to Glock, Inc.", ["Glöck"]),
        ("« Glöck » est une marque de Glock, Inc.", '"Glöck" is a trademark of Glock, Inc.', []),
    ],
    ids=["no-source", "the-english-writes-it-otherwise", "the-english-writes-both"],
)
def test_a_spelling_the_english_itself_writes_is_no_inconsistency(french: str, english: str | None,
                                                                  flagged: list[str]) -> None:
    originals = None if english is None else (*GLOCK_ENGLISH, english)
    assert shown(("consistency",), GLOCK_FRENCH + french, originals) == flagged


@pytest.mark.parametrize(
    ("english", "flagged"),
    [
        ("You will have zorglux tires for the road.", ["zorglux"]),
        ("You will have road tires.", []),
    ],
    ids=["unknown-word-copied-from-the-english", "unknown-word-the-english-lacks"],
)
def test_an_unknown_word_the_english_lacks_is_below_the_floor(english: str, flagged: list[str]) -> None:
    assert shown(("spelling",), "Vous aurez des pneus zorglux pour la route.", (english,)) == flagged


@pytest.mark.parametrize(
    ("text", "original", "category", "expected"),
    [
        ("10,000", "Rated for 10,000 cycles.", Category.LOCALE, True),
        ("10,000", "Rated for ten thousand cycles.", Category.LOCALE, False),
        ("GLOCK", "", Category.INCONSISTENCY, False),
    ],
    ids=["number-written-so-in-the-english", "number-the-english-spells-out", "no-original"],
)
def test_what_the_original_explains(text: str, original: str, category: Category, expected: bool) -> None:
    flag = Flag(segment_id="p1s1", start=0, end=len(text), detector="numbers", category=str(category),
                severity=Severity.MAJOR, message=f"« {text} »", confidence=0.8, span_text=text)
    assert explained(flag, original) is expected


NAMES = Bilingual({"tissu": frozenset({"fabric"}), "couteau": frozenset({"knife"})})


def name_flags(french: str, english: str) -> list[Flag]:
    document = from_text(french)
    detector = SourceDetector([[english]], NAMES)
    context = FlagContext(document=document, texts={s.id: s.text for s in document.segments}, renderings={})
    return [flag for flag in detector.check(document.segments, context) if flag.span_text == "tissu"]


@pytest.mark.parametrize(
    ("english", "shown_flag"),
    [
        ("The Fabric DryTek repels moisture with a protective coating.", True),
        ("The DryTek Fabric repels moisture with a protective coating.", False),
    ],
    ids=["english-order-kept", "put-before-the-name-the-french-way"],
)
def test_a_word_put_before_the_name_the_french_way_is_below_the_floor(english: str, shown_flag: bool) -> None:
    flags = name_flags("Le tissu DryTek repousse l'humidité avec une couche protectrice.", english)
    assert flags
    assert any(flag.confidence >= MIN_CONFIDENCE for flag in flags) is shown_flag


@pytest.mark.parametrize(
    ("french", "english", "shown_flag"),
    [
        ("Sac de toile Duty lourd", "Heavy Duty canvas bag", True),
        ("Poignée Kraton de Cold Steel", "Cold Steel Kraton Handle", False),
    ],
    ids=["one-capital-copied", "two-capitals-copied-side-by-side"],
)
def test_capitals_copied_side_by_side_are_a_name(french: str, english: str, shown_flag: bool,
                                                 tmp_path: Path) -> None:
    original = tmp_path / "original.en.txt"
    original.write_text(english, encoding="utf-8")
    word = "Duty" if shown_flag else "Steel"
    flags = [flag for flag in detect("source", french, options=FlagOptions(source=original))
             if flag.span_text == word]
    assert flags
    assert any(flag.confidence >= MIN_CONFIDENCE for flag in flags) is shown_flag


@pytest.mark.parametrize(
    ("french", "english", "shown_flag"),
    [
        ("Il vend trois classique couteau.", "He sells three classic knife.", True),
        ("Il vend trois classique Knife.", "He sells three classic Knife.", False),
    ],
    ids=["english-order-kept", "before-a-name-the-english-writes-so"],
)
def test_an_order_ending_on_a_copied_name_is_below_the_floor(french: str, english: str, shown_flag: bool,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dictionary_module, "load", lambda: NAMES)  # a few entries instead of FreeDict's
    flags = [flag for flag in detect("dictionary", french, options=FlagOptions(original=((english,),)))
             if "order of the English" in flag.message]
    assert flags
    assert any(flag.confidence >= MIN_CONFIDENCE for flag in flags) is shown_flag


def test_vetting_knows_the_spelling_detector_s_message_for_an_unexplained_word() -> None:
    """Vetting reads flags by their message; the spelling detector's own wording must be the one it looks for."""
    assert VETTED_UNEXPLAINED == ("spelling", UNEXPLAINED_MESSAGE)
    assert UNEXPLAINED < MIN_CONFIDENCE
