"""FreeDict's English–French dictionaries, read from where Debian installs them.

The dictionaries (``apt-get install dict-freedict-eng-fra dict-freedict-fra-eng``;
GPL-2+, about 8,500 headwords each) are a system resource the package reads,
never ships.  Both are merged into one table: each French word with the English
words that translate it, whichever direction listed the pair.  The files are in
dictd format: a ``.index`` of ``headword TAB offset TAB length`` (offsets in
dictd's base-64) into a ``.dict.dz`` that gzip reads whole.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from review.flags import apertium
from review.flags.wordmap import stem

SYSTEM_FOLDER = Path("/usr/share/dictd")
FRENCH_ENGLISH = "freedict-fra-eng"
ENGLISH_FRENCH = "freedict-eng-fra"
INSTALL = "apt-get install dict-freedict-eng-fra dict-freedict-fra-eng"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
NUMBERED = re.compile(r"^\d+\.\s*")
NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# English words that translate nothing by themselves
ENGLISH_STOP = frozenset(
    "a an the to of in on at for with by from and or be is are was been have has had do does did not no make "
    "get give take put go come one something someone oneself up down out off over into".split())


def decode_number(text: str) -> int:
    """A number in dictd's base-64 (« MVs » → 3,393)."""
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


def entries(stem: Path) -> Iterator[tuple[str, list[str]]]:
    """Each headword of ``stem``.index with the translations its ``stem``.dict.dz entry lists."""
    data = gzip.decompress(stem.with_name(stem.name + ".dict.dz").read_bytes())
    for line in stem.with_name(stem.name + ".index").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != len(("headword", "offset", "length")) or fields[0].startswith("00database"):
            continue
        start, length = decode_number(fields[1]), decode_number(fields[2])
        body = data[start:start + length].decode("utf-8", errors="replace").splitlines()[1:]
        translations = [NOTE.sub(" ", piece).strip()
                        for text in body for piece in NUMBERED.sub("", text).split(",")]
        yield fields[0], [text for text in translations if text]


@dataclass(frozen=True, slots=True)
class Bilingual:
    """French word (lower case) → the English words that translate it (lower case, no function words).

    ``french`` is the other way round, by English stem (:func:`review.flags.wordmap.stem`): the
    French words that translate an English word and its inflections.
    """

    english: dict[str, frozenset[str]]
    french: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, english: dict[str, frozenset[str]]) -> Bilingual:
        french: dict[str, set[str]] = defaultdict(set)
        for word, translations in english.items():
            for translation in translations:
                french[stem(translation)].add(word)
        return cls(english, {key: frozenset(words) for key, words in french.items()})

    def translations(self, french: str) -> frozenset[str]:
        return self.english.get(french.lower(), frozenset())

    def translations_of(self, english: str) -> frozenset[str]:
        """The French words that translate ``english`` or one of its inflections."""
        return self.french.get(stem(english.lower()), frozenset())


def _content_words(phrase: str) -> Iterable[str]:
    return (word for word in WORD.findall(phrase.lower()) if word not in ENGLISH_STOP)


def load(folder: Path | None = None, apertium_folder: Path | None = None) -> Bilingual | None:
    """The merged dictionary from ``folder`` (Debian's by default), or None when FreeDict is not there.

    Apertium's pairs (:mod:`review.flags.apertium`, from ``apertium_folder``) are added when installed.
    Read once per process and version of the files (0.35 s, and 0.2 s for Apertium's once cached):
    ``review batch`` and the benchmarks make the detector again for every article.
    """
    folder = SYSTEM_FOLDER if folder is None else folder
    apertium_folder = apertium.SYSTEM_FOLDER if apertium_folder is None else apertium_folder
    files = [folder / f"{name}{suffix}"
             for name in (FRENCH_ENGLISH, ENGLISH_FRENCH) for suffix in (".index", ".dict.dz")]
    if not all(path.is_file() for path in files):
        return None
    return _read(folder, tuple(path.stat().st_mtime_ns for path in files), apertium_folder)


@lru_cache(maxsize=2)
def _read(folder: Path, versions: tuple[int, ...], apertium_folder: Path) -> Bilingual:  # noqa: ARG001 - versions: the cache key
    french_english, english_french = folder / FRENCH_ENGLISH, folder / ENGLISH_FRENCH
    table: dict[str, set[str]] = defaultdict(set)
    for word, lemmas in apertium.load(apertium_folder).items():
        for lemma in lemmas:
            table[word].update(_content_words(lemma))
    for headword, translations in entries(french_english):
        for phrase in translations:
            table[headword.lower()].update(_content_words(phrase))
    for headword, translations in entries(english_french):
        words = set(_content_words(headword))
        for phrase in translations:
            french = WORD.findall(phrase.lower())
            if len(french) == 1:  # « mer Adriatique » is no translation of "Adriatic" word for word
                table[french[0]].update(words)
    return Bilingual.of({french: frozenset(english) for french, english in table.items() if english})
