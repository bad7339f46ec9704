"""The source detector: checks against the English original with no model."""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import detect

from review.document import from_text
from review.flags import DetectorUnavailable, FlagOptions
from review.flags import source as source_detector
from review.flags.rank import MIN_CONFIDENCE
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy


def shown(french: str, english: str, tmp_path: Path) -> list[str]:
    original = tmp_path / "original.en.txt"
    original.write_text(english, encoding="utf-8")
    flags = detect("source", french, options=FlagOptions(source=original))
    return [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("french", "english", "span"),
    [
        ("Le couteau a un handle en caoutchouc.", "The knife has a rubber handle.", "handle"),
        ("Ce vélo au frame en aluminium est léger.", "This bike with an aluminium frame is light.", "frame"),
        ("Sac de toile Duty lourd", "Heavy Duty canvas bag", "Duty"),
        ("Sangles pour la securityLined poches.", "Straps for securityLined pockets.", "securityLined"),
    ],
    ids=["copied-noun", "copied-adjective", "copied-in-capitals-in-a-title", "two-words-glued"],
)
def test_flags_english_copied_from_the_source(french: str, english: str, span: str, tmp_path: Path) -> None:
    assert span in shown(french, english, tmp_path)


def test_a_copied_word_in_lower_case_shows_its_measured_precision(tmp_path: Path) -> None:
    # shown, but at the 0.5 measured on annotated MT (137 flags right 0.48 of the time), not the 0.65 it had
    original = tmp_path / "original.en.txt"
    original.write_text("The knife has a rubber handle.", encoding="utf-8")
    flags = [flag for flag in detect("source", "Le couteau a un handle en caoutchouc.",
                                     options=FlagOptions(source=original)) if flag.span_text == "handle"]
    assert [flag.confidence for flag in flags] == [0.5]


@pytest.mark.parametrize(
    ("french", "english", "span"),
    [
        ("Le kickstand est solide.", "The kickstand is sturdy.", "kickstand"),
        ("Une coque custom pour votre téléphone.", "A custom case for your phone.", "custom"),
        ("Voir les WarrantySpecifications jointes.", "See the attached WarrantySpecifications.",
         "WarrantySpecifications"),
        ("Sac Heavy Duty en toile", "Heavy Duty canvas bag", "Heavy"),
        ("Victorinox Swiss Army Knife Tinker", "Victorinox Swiss Army Tinker Knife", "Knife"),
        ("Purple", "Purple", "Purple"),
    ],
    ids=["rare-english-word", "english-word-only-spacy-lists", "glued-in-capitals", "name-copied-whole",
         "name-copied-in-another-order", "one-word-segment"],
)
def test_copied_words_right_half_the_time_are_found_below_the_floor(french: str, english: str, span: str,
                                                                    tmp_path: Path) -> None:
    original = tmp_path / "original.en.txt"
    original.write_text(english, encoding="utf-8")
    flags = [flag for flag in detect("source", french, options=FlagOptions(source=original)) if flag.span_text == span]
    assert flags
    assert all(flag.confidence < MIN_CONFIDENCE for flag in flags)


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Le couteau a un manche en caoutchouc.", "The knife has a rubber handle."),
        ("La lampe Petzl pèse 1 250 grammes et coûte 2,5 euros.",
         "The Petzl lamp weighs 1,250 grams and costs 2.5 euros."),
        ("Le modèle 12 pèse 3 kilos.", "The 12-gauge model weighs 3 kilos."),
        ("En 1996, Planet Bike a été fondée à Madison.", "In 1996, Planet Bike was founded in Madison."),
        ("Un camp de base pour le lunch.", "A base camp for lunch."),
    ],
    ids=["translated", "name-and-numbers-kept", "number-inside-a-compound", "brand-in-capitals-in-a-sentence",
         "english-words-french-uses"],
)
def test_leaves_faithful_translations_alone(french: str, english: str, tmp_path: Path) -> None:
    assert shown(french, english, tmp_path) == []


def test_changed_number_is_found_but_below_the_floor(tmp_path: Path) -> None:
    original = tmp_path / "original.en.txt"
    original.write_text("The bottle holds 16 ounces.", encoding="utf-8")
    flags = detect("source", "La bouteille contient 12 onces.", options=FlagOptions(source=original))
    assert [flag.span_text for flag in flags] == ["12"]
    assert flags[0].confidence < MIN_CONFIDENCE  # measured precision 0.19 on annotated MT


def test_pairs_each_paragraph_with_its_original() -> None:
    document = from_text("Premier paragraphe.\n\nDeuxième paragraphe. Une autre phrase.")
    pairs = source_detector.english_pairs(document, [["First paragraph."], ["Second paragraph.", "Another one."]])
    assert list(pairs.values()) == ["First paragraph.", "Second paragraph.", "Another one."]


def test_needs_the_source() -> None:
    with pytest.raises(DetectorUnavailable, match="--source"):
        source_detector.make(FlagOptions(), ModelPool())


def test_reads_the_original_a_front_end_already_read() -> None:
    options = FlagOptions(original=(("The knife has a rubber handle.",),))
    flags = detect("source", "Le couteau a un handle en caoutchouc.", options=options)
    assert [flag.span_text for flag in flags] == ["handle"]
