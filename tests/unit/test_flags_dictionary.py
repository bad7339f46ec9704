"""The bilingual dictionary (FreeDict's dictd files) and the dictionary detector built on it.

The dictionaries are written here in dictd format, a few entries each, so the
tests read real files through the same code as Debian's without needing them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from flag_helpers import detect

from review.flags import FlagOptions, apertium
from review.flags import bilingual as bilingual_module
from review.flags import dictionary as dictionary_module
from review.flags.bilingual import B64, decode_number, load
from review.flags.rank import MIN_CONFIDENCE
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

FRENCH_ENGLISH = {"lame": "lame /lam/ <n, fem>\n1. blade\n2. wave\n", "bois": "bois /bwa/ <n, masc>\nwood, forest\n",
                  "classique": "classique /klasik/ <adj>\nclassic\n", "gant": "gant /gɑ̃/ <n, masc>\nglove\n",
                  "heure": "heure /œʁ/ <n, fem>\nhour\n", "plaisir": "plaisir /plɛziʁ/ <n, masc>\npleasure, fun\n",
                  "défense": "défense /defɑ̃s/ <n, fem>\ndefence, defense\n",
                  "rouge": "rouge /ʁuʒ/ <adj>\nred\n", "varier": "varier /vaʁje/ <v>\nvary\n",
                  "mesure": "mesure /məzyʁ/ <n, fem>\nmeasure\n"}
ENGLISH_FRENCH = {"knife": "knife /naif/\ncouteau\n", "handle": "handle /hændl/\n1. poignée\n2. manier\n"}


def _number(value: int) -> str:
    digits = ""
    while True:
        digits = B64[value % 64] + digits
        value //= 64
        if not value:
            return digits


def _write(folder: Path, name: str, entries: dict[str, str]) -> None:
    data, index = b"", []
    for headword, body in entries.items():
        raw = body.encode("utf-8")
        index.append(f"{headword}\t{_number(len(data))}\t{_number(len(raw))}")
        data += raw
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / f"{name}.dict.dz").write_bytes(gzip.compress(data))


@pytest.fixture
def freedict(tmp_path: Path) -> Path:
    _write(tmp_path, "freedict-fra-eng", FRENCH_ENGLISH)
    _write(tmp_path, "freedict-eng-fra", ENGLISH_FRENCH)
    return tmp_path


def test_dictd_numbers() -> None:
    assert decode_number("A") == 0
    assert decode_number("MVs") == 12 * 64 * 64 + 21 * 64 + 44
    assert decode_number(_number(138_301)) == 138_301


def test_both_directions_are_merged(freedict: Path) -> None:
    table = load(freedict)
    assert table is not None
    assert table.translations("lame") == {"blade", "wave"}
    assert table.translations("couteau") == {"knife"}
    assert table.translations("poignée") == {"handle"}
    assert table.translations("inconnu") == frozenset()


def test_missing_dictionary_is_none(tmp_path: Path) -> None:
    assert load(tmp_path) is None


def test_missing_dictionary_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bilingual_module, "SYSTEM_FOLDER", tmp_path)
    with pytest.raises(dictionary_module.DetectorUnavailable, match="apt-get install dict-freedict-eng-fra"):
        dictionary_module.make(FlagOptions(original=(("The knife.",),)), ModelPool())


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("Un classique bois gant.", "A classic handle glove.", [("bois", "handle", ("manier", "poignée"))]),
        ("Un classique bois gant.", "A classic wood glove.", []),
        ("Un classique bois gant.", "A classic leather glove.", []),
        ("Un classique bois gant.", "A classic glove with a handle.", []),
    ],
    ids=["other-word-in-its-place", "translation-in-its-place", "english-word-unknown", "no-word-in-its-place"],
)
def test_words_standing_for_an_english_word_they_do_not_translate(
    french: str, english: str, flagged: list[tuple[str, str, tuple[str, ...]]], freedict: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bilingual_module, "SYSTEM_FOLDER", freedict)
    flags = [flag for flag in detect("dictionary", french, options=FlagOptions(original=((english,),)))
             if "stands where the English has" in flag.message]
    assert [(flag.span_text, flag.message.split("“")[1].split("”")[0], flag.suggestions) for flag in flags] == flagged
    # measured at 0.51 precision on annotated MT: kept below the floor
    assert all(flag.confidence < MIN_CONFIDENCE for flag in flags)


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("Acheter classique gant de boxe", "Buy classic boxing glove", ["classique gant"]),
        ("Un gant de boxe classique", "A classic boxing glove", []),
        ("Ce sac offre des heures de plaisir.", "This bag offers hours of fun.", []),
        ("Ce bois de gant est solide.", "This wood glove is strong.", []),
        ("Un cours de self-défense.", "A self defense class.", []),
        # an adjective right after its determiner may come first in French (« une solide réputation »)
        ("Un classique gant de boxe", "A classic boxing glove", []),
        # the last word is the sentence's verb, not a noun
        ("Le gant rouge mesure 20 cm.", "The red glove measure is 20 cm.", []),
        # both words with a capital: a name translated in part (« Diamant Tac Gants »), below the floor
        ("Acheter Classique Gant de boxe", "Buy classic boxing glove", []),
        # an acronym taken for the noun (« tactique NY »)
        ("Gant classique TKO", "Classic TKO Glove", []),
    ],
    ids=["english-order-kept", "french-order", "linked-by-of-in-english", "joined-by-de-in-a-sentence",
         "one-hyphenated-word", "adjective-after-its-determiner", "verb-of-the-sentence", "both-capitalised",
         "acronym-as-the-noun"],
)
def test_modifier_and_noun_in_the_english_order(
    french: str, english: str, flagged: list[str], freedict: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bilingual_module, "SYSTEM_FOLDER", freedict)
    flags = detect("dictionary", french, options=FlagOptions(original=((english,),)))
    shown = [flag for flag in flags if flag.confidence >= MIN_CONFIDENCE]
    assert [flag.span_text for flag in shown] == flagged
    assert all("order of the English" in flag.message for flag in shown)


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("Gant de boxe rouge", "Classic Boxing Glove", ["rouge"]),
        ("Gant de boxe rouge", "Red Boxing Glove", []),
        # a verb with its subject: a clause (« les couleurs peuvent varier »), not a word of the title
        ("Gant de boxe, les couleurs varient", "Classic Boxing Glove, Colors Differ", []),
        ("Ce gant de boxe est rouge.", "This boxing glove is classic.", []),
        ("Gant de boxe rouge.", "Classic Boxing Glove.", []),
        ("Gant de boxe rouge pour les entraînements, les combats, les enfants et les adultes de tous les clubs",
         "Classic Boxing Glove For Training, Fights, Kids And Adults Of All Clubs", []),
    ],
    ids=["modifier-translating-no-word-of-the-title", "modifier-translating-a-word-of-the-title",
         "verb-with-its-subject", "in-a-sentence", "full-stop-after-a-title-case-sentence", "title-too-long-to-judge"],
)
def test_modifier_translating_no_word_of_a_short_title(
    french: str, english: str, flagged: list[str], freedict: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bilingual_module, "SYSTEM_FOLDER", freedict)
    flags = [flag for flag in detect("dictionary", french, options=FlagOptions(original=((english,),)))
             if "none of the words of the English title" in flag.message and flag.confidence >= MIN_CONFIDENCE]
    assert [flag.span_text for flag in flags] == flagged


def test_apertium_pairs_are_merged(freedict: Path, tmp_path: Path) -> None:
    folder = tmp_path / "apertium"
    versions: list[list[str | int]] = []
    for name in apertium.PIVOTS[0]:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"compiled")
        versions.append([str(path), path.stat().st_mtime_ns])
    cache = apertium.cache_file()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"versions": versions, "table": {"lame": ["razor"], "poignée": ["knob"]}}),
                     encoding="utf-8")
    table = load(freedict, folder)
    assert table is not None
    assert table.translations("lame") == {"blade", "wave", "razor"}
    assert table.translations("poignée") == {"handle", "knob"}
    assert table.translations_of("knobs") == {"poignée"}
