"""Names and title words of the English translated word for word (the source detector, review/flags/names.py).

The bilingual dictionary is built here, a few entries, so the tests need no FreeDict.
"""

from __future__ import annotations

import pytest

from review.document import from_text
from review.flags import FlagContext
from review.flags.bilingual import Bilingual
from review.flags.names import Capitals, capitals, copied_whole, lower_sentence_start
from review.flags.nlp import FlagMaker
from review.flags.rank import MIN_CONFIDENCE
from review.flags.source import SourceDetector
from review.flags.wordmap import English
from review.model import Flag, Severity

pytestmark = pytest.mark.slow  # parses with spaCy

DICTIONARY = Bilingual({
    "poireau": frozenset({"leek"}), "couteau": frozenset({"knife"}), "pliant": frozenset({"folding"}),
    "haut": frozenset({"top", "high"}), "tronc": frozenset({"trunk"}), "sac": frozenset({"bag"}),
    "émail": frozenset({"enamel"}), "faitout": frozenset({"oven"}), "vélo": frozenset({"bike", "bicycle"}),
    "casque": frozenset({"helmet"}), "pompe": frozenset({"pump"}), "bleu": frozenset({"blue"}),
    "explorateur": frozenset({"explorer"}), "bricoleur": frozenset({"tinker"}),
    "classique": frozenset({"classic"}), "grand": frozenset({"big"}), "lit": frozenset({"bed"}),
})


def names_flags(french: str, english: str) -> list[Flag]:
    """The source detector's flags on names and capitals, one paragraph of French against its English."""
    document = from_text(french)
    detector = SourceDetector([[english]], DICTIONARY)
    context = FlagContext(document=document, texts={s.id: s.text for s in document.segments}, renderings={})
    return [flag for flag in detector.check(document.segments, context) if "has not" in flag.message
            or "translates" in flag.message]


def shown(flags: list[Flag]) -> list[str]:
    return [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("french", "english", "span"),
    [
        ("Kershaw Ken Onion poireau couteau", "Kershaw Ken Onion Leek Knife", "poireau"),
        ("Gardez votre matériel sec et rangé avec le sac compact Delta haut tronc.",
         "Keep your gear dry and safely stowed with the compact Delta Top Trunk bicycle bag.", "tronc"),
    ],
    ids=["title-in-english-order", "name-in-prose"],
)
def test_flags_a_name_translated_beside_the_words_it_keeps(french: str, english: str, span: str) -> None:
    assert span in shown(names_flags(french, english))


def test_a_name_the_prose_shows_is_major_and_suggests_the_english() -> None:
    flags = names_flags("Gardez votre matériel sec et rangé avec le sac compact Delta haut tronc.",
                        "Keep your gear dry and safely stowed with the compact Delta Top Trunk bicycle bag.")
    trunk = next(flag for flag in flags if flag.span_text == "tronc")
    assert trunk.severity == Severity.MAJOR
    assert trunk.suggestions == ("Trunk",)


def test_a_title_word_in_lower_case_keeps_its_capital() -> None:
    """Major, as measured: annotators marked what this rule finds major 141 times, minor 31 (tuning split)."""
    flags = names_flags("Lodge émail Dutch Oven, Liberty bleu", "Lodge Enamel Dutch Oven, Liberty Blue")
    enamel = next(flag for flag in flags if flag.span_text == "émail")
    assert enamel.confidence >= MIN_CONFIDENCE
    assert enamel.severity == Severity.MAJOR
    assert enamel.suggestions == ("Émail",)


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Casque de vélo Bell Radar", "Bell Radar Bike Helmet"),
        ("Le couteau pliant est léger.", "The folding knife is light."),
        ("Le sac Kershaw Ken Onion Leek", "The Kershaw Ken Onion Leek bag"),
        ("Casque bleu de Bell Radar Pro", "Bell Radar Pro Blue Helmet"),
    ],
    ids=["rebuilt-after-de", "no-capitals-in-the-english", "name-kept", "name-across-de"],
)
def test_leaves_names_kept_and_phrases_rebuilt_alone(french: str, english: str) -> None:
    assert shown(names_flags(french, english)) == []


@pytest.mark.parametrize(
    ("french", "english", "word", "is_shown"),
    [
        ("Haltères PowerBlock classique", "PowerBlock Classic Dumbbells", "classique", False),
        ("Kershaw Ken Onion poireau couteau", "Kershaw Ken Onion Leek Knife", "poireau", True),
        ("Slumberjack grand lit XL", "Slumberjack Big Bed XL", "grand", False),
        ("Slumberjack grand lit XL", "Slumberjack Big Bed XL", "lit", True),
        ("Delta Top sac de vélo", "Delta Top Bike Bag", "sac", False),
        ("Delta Top Trunk 3 vélos", "Delta Top Trunk Three Bikes", "vélos", False),
        ("Delta Top Trunk vélos", "Delta Top Trunk Bikes", "vélos", True),
    ],
    ids=["adjective-after-its-noun", "adjective-for-the-tagger-only", "adjective-french-puts-first",
         "noun-after-it", "head-of-a-phrase-with-de", "unit-after-its-number", "no-number"],
)
def test_words_the_french_places_its_own_way_are_below_the_floor(french: str, english: str, word: str,
                                                                 is_shown: bool) -> None:
    """« PowerBlock classique », « grand lit », « sac de vélo », « 3 vélos »: French order, French lower case."""
    flags = names_flags(french, english)
    assert word in [flag.span_text for flag in flags]
    assert (word in shown(flags)) is is_shown


def test_a_short_run_of_capitals_is_found_below_the_floor() -> None:
    flags = names_flags("Coleman pompe", "Coleman Pump")
    assert [flag.span_text for flag in flags] == ["pompe"]
    assert all(flag.confidence < MIN_CONFIDENCE for flag in flags)


def test_names_come_from_capitals_inside_prose_not_from_titles() -> None:
    known = Capitals.of(["The compact Delta Top Trunk bag attaches to your rack in seconds.",
                         "Delta Top Trunk Bicycle Bag", "Great for commuting."])
    assert known.names["trunk"] == 1
    assert known.names["bicycle"] == 0  # only a title capitalises it
    assert known.names["great"] == 0  # the first word of a sentence
    english = English.of("Delta Top Trunk Bicycle Bag")
    found = capitals(english, known)
    assert {english.tokens[i] for i in found} == {"Delta", "Top", "Trunk", "Bicycle", "Bag"}
    assert all(capital.title and capital.run == len(english.tokens) for capital in found.values())


@pytest.mark.parametrize(
    ("word", "english", "french", "whole"),
    [
        ("Peak", "Snow Peak Trek 700", "Snow Peak Trek 700", True),
        ("Duty", "Heavy Duty canvas bag", "Sac de toile Duty lourd", False),
        ("Bell", "Bell helmets", "Casques Bell", False),
        ("Alert", "The Peltor Alert has a jack.", "Peltor Alert a une prise.", True),
    ],
    ids=["run-copied", "run-split", "one-word-is-no-run", "the-opening-a-sentence"],
)
def test_a_run_of_capitals_copied_whole(word: str, english: str, french: str, whole: bool) -> None:
    assert copied_whole(word, English.of(english), french) is whole


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("Vous êtes randonneur ou l'Explorateur à vélo.", "You are a backpacker or a bike explorer.",
         ["Explorateur"]),
        ("Vous êtes randonneur ou Explorer à vélo.", "You are a backpacker or a bike Explorer.", []),
        ("Le Explorateur Delta est léger.", "The Delta Explorer is light.", []),
    ],
    ids=["capital-the-english-lacks", "copied", "capital-in-the-english"],
)
def test_a_capital_the_english_has_not_is_found_below_the_floor(french: str, english: str,
                                                                 flagged: list[str]) -> None:
    flags = [flag for flag in names_flags(french, english) if "has not" in flag.message]
    assert [flag.span_text for flag in flags] == flagged
    assert all(flag.confidence < MIN_CONFIDENCE for flag in flags)


TINKER = [("We designed the Tinker for long camping trips.", "Nous avons conçu le bricoleur pour les longs voyages."),
          ("You can carry the Tinker in any small pocket.", "Vous pouvez porter le bricoleur dans une petite poche."),
          ("Every blade of the Tinker is made of steel.", "Chaque lame du bricoleur est en acier."),
          ("Many campers take the Tinker on every hike.", "Beaucoup de campeurs prennent le bricoleur en randonnée.")]


@pytest.mark.parametrize(("sentences", "flagged"), [(4, True), (3, False)], ids=["four-times-a-name", "three-times"])
def test_a_name_the_prose_capitalises_four_times_is_flagged_alone(sentences: int, flagged: bool) -> None:
    english = " ".join(pair[0] for pair in TINKER[:sentences])
    french = " ".join(pair[1] for pair in TINKER[:sentences])
    spans = shown(names_flags(french, english))
    assert ("bricoleur" in spans) is flagged


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("Le choix est important. votre premier choix est facile.", "The choice matters. Your first choice is easy.",
         ["votre"]),
        ("Speedo (Holdings) Ltd. a été fondée.", "Speedo (Holdings) Ltd. was founded.", []),
        ("Un bon choix. votre choix.", "a good choice. your choice.", []),
    ],
    ids=["lower-case-start", "after-an-abbreviation", "the-english-in-lower-case-too"],
)
def test_a_sentence_starting_in_lower_case(french: str, english: str, flagged: list[str]) -> None:
    flags = list(lower_sentence_start(french, english, FlagMaker("source", "p1s1", french)))
    assert [flag.span_text for flag in flags] == flagged
    assert all(flag.suggestions == (flag.span_text.capitalize(),) for flag in flags)
