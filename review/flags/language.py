"""Text left in another language (most often English the MT did not translate).

Two checks: a whole segment that langdetect places in another language than
the article's, with its probability; and, inside a French segment, a run of
English words (function words such as "the", "of", "with" mark it).  Segments
that are short or made of names are not judged.  langdetect is slow, so it only
runs on segments whose share of French function words is low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions
from review.flags.nlp import FlagMaker
from review.langid import NAMES, detect_language
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "language"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
FRENCH_MARKERS = frozenset(
    "le la les l' un une des du de d' et est sont à au aux en dans pour par sur avec que qu' qui ne pas "
    "il elle ils elles nous vous se s' ce cette ces son sa ses leur leurs a ont été était plus".split()
)
ENGLISH_MARKERS = frozenset(
    "the of and to is are was were with that this these those have has had will would should could from "
    "by which who what when where it its they their there be been not into about than our we you he she "
    "his her them after under over between because while said says".split()
)
MIN_RUN = 3  # words in an English run (« Made With industry »: 4 missed 12 critical errors on the tuning split)
MIN_MARKERS = 2  # English function words in it
FRENCH_SHARE = 0.15  # above this share of French function words, the segment is French
MIN_PROBABILITY = 0.9
MIN_WORDS = 5
# langdetect judges a segment of this many words or more.  On a short title of names and a few French words
# (« Tente Sundome Coleman (10 pieds x 10 pieds) » read as English, « TMobile postpayé motorola razr v3 » as
# Czech) it guesses from the names: on WMT20 QE en-fr (tuning split, every detector with --source, branch
# clean2) titles of 5 to 7 words gave 11 flags, none on a segment left in another language (9 counted right
# only for overlapping an error inside), 2 on error-free segments; without them 3 errors fewer found
DETECT_WORDS = 8


def _words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def _names_only(words: Sequence[re.Match[str]]) -> bool:
    capitalised = sum(1 for word in words if word.group()[:1].isupper())
    return capitalised >= 0.6 * len(words)


def _title_cased(words: Sequence[re.Match[str]]) -> bool:
    """Every word of the run but English function words starts with a capital, as in a name or a title."""
    content = [word.group() for word in words if word.group().lower() not in ENGLISH_MARKERS]
    return bool(content) and all(word[:1].isupper() for word in content)


def _english_runs(words: Sequence[re.Match[str]]) -> Iterator[tuple[int, int, int]]:
    """(first word, last word, markers) of each run of English-looking words."""
    run: list[int] = []
    markers = 0

    def close() -> Iterator[tuple[int, int, int]]:
        if len(run) >= MIN_RUN and markers >= MIN_MARKERS:
            yield run[0], run[-1], markers

    for position, word in enumerate(words):
        lower = word.group().lower()
        english_like = lower in ENGLISH_MARKERS or (lower.isascii() and lower not in FRENCH_MARKERS
                                                     and bool(run))
        if lower in FRENCH_MARKERS or not english_like:
            yield from close()
            run, markers = [], 0
            if lower in ENGLISH_MARKERS:
                run, markers = [position], 1
            continue
        run.append(position)
        markers += lower in ENGLISH_MARKERS
    yield from close()


OPENING_QUOTES = ("«", '"', "“")
CLOSING_QUOTES = ("»", '"', "”")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the run opens after a quotation mark that closes inside it or right after it, or lies inside a
    quotation (« le message "Datatype is not supported" »: Scilab's help quotes a program's English message; on the
    tuning split no English run stands inside quotes)."""
    if text[:start].rstrip().endswith(OPENING_QUOTES):
        return any(mark in text[start:end] for mark in CLOSING_QUOTES) \
            or text[end:].lstrip().startswith(CLOSING_QUOTES)
    before, after = text[:start], text[end:]
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    opened = max(before.rfind("«"), before.rfind("“"))
    return opened > max(before.rfind("»"), before.rfind("”")) and any(mark in after for mark in ("»", "”"))


class LanguageDetector:
    name = NAME

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        expected = context.document.language
        for segment in segments:
            make = FlagMaker(NAME, segment.id, segment.text)
            words = _words(segment.text)
            if len(words) < MIN_WORDS - 2 or _names_only(words):
                continue
            french = sum(1 for word in words if word.group().lower().replace("’", "'") in FRENCH_MARKERS)
            if french < FRENCH_SHARE * len(words) and len(words) >= DETECT_WORDS:
                guess = detect_language(segment.text)
                if guess is not None and guess.language != expected and guess.probability >= MIN_PROBABILITY:
                    start = words[0].start()
                    end = words[-1].end()
                    yield make(start, end, Category.UNTRANSLATED, Severity.MAJOR,
                               f"this segment reads as {guess.name}, not {NAMES.get(expected, expected)} "
                               f"(langdetect p={guess.probability:.2f})", (), guess.probability)
                    continue
            if expected != "fr":
                continue
            for first, last, markers in _english_runs(words):
                if _quoted(segment.text, words[first].start(), words[last].end()) \
                        or _title_cased(words[first:last + 1]):
                    # « Of Mice and Men »: a title, quoted as it was published; « l'Institute of the Estonian
                    # Language », « Flight of the Amazon Queen est un jeu »: a name, every word but the small ones
                    # capitalised (Debian's package descriptions: 8 flags in 12,000 sentences, stop 52; no flag of
                    # the tuning split)
                    continue
                yield make(words[first].start(), words[last].end(), Category.UNTRANSLATED, Severity.MAJOR,
                           "these words read as English left untranslated",
                           (), min(0.5 + 0.1 * markers, 0.9))


def make(options: FlagOptions, pool: ModelPool) -> LanguageDetector:  # noqa: ARG001
    return LanguageDetector()


DETECTOR = DetectorSpec(
    name=NAME, summary="untranslated English inside the French", make=make, order=50,
    default=True, per_segment=True,
)
