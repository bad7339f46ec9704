"""Grammalecte's French grammar checker as one more detector, when it is installed.

Grammalecte is not on PyPI; Debian ships it (``apt-get install
python3-grammalecte``) under ``/usr/lib/python3/dist-packages``, which a
virtual environment or a non-Debian Python does not see.  That folder is
searched too, for this import only.  Without Grammalecte, ``make`` raises
:class:`DetectorUnavailable` and every other detector still runs.
Typography options are turned off: the typography detector covers them.

Each of Grammalecte's rules belongs to a family (number or gender agreement
in a noun phrase, a participle's agreement, a conjugation, an imperative…),
and a flag's confidence is the share of that family's flags that overlapped an
error annotated by professional translators (WMT20 QE en-fr, tuning split,
beside the default detectors): see :func:`family` and the constants above it.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from review.flags import DetectorSpec, DetectorUnavailable, FlagContext, FlagOptions
from review.flags.nlp import FlagMaker
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "grammalecte"
SYSTEM_PATHS = ("/usr/lib/python3/dist-packages", "/usr/share/grammalecte")
OFF = ("apos", "esp", "nbsp", "typo", "unit", "num", "maj", "eepi", "tu", "latex", "md")
MAJOR_TYPES = frozenset({"gn", "conj", "infi", "ppas", "imp", "vmode", "conf", "sgpl", "gender"})
_lock = threading.Lock()


def _import() -> Any:
    try:
        return importlib.import_module("grammalecte")
    except ImportError:
        pass
    added = [path for path in SYSTEM_PATHS if path not in sys.path]
    sys.path.extend(added)
    try:
        return importlib.import_module("grammalecte")
    except ImportError:
        msg = "Grammalecte is not installed (Debian/Ubuntu: apt-get install python3-grammalecte)"
        raise DetectorUnavailable(msg) from None
    finally:
        for path in added:
            sys.path.remove(path)


@cache
def checker() -> Any:
    module = _import()
    grammar = module.GrammarChecker("fr")
    engine = grammar.getGCEngine()
    engine.setOptions(dict.fromkeys(OFF, False))
    return grammar


@dataclass(frozen=True, slots=True)
class Family:
    """Grammalecte's rules of one kind, and how often their flags were right on annotated MT."""

    name: str
    confidence: float


# Measured on WMT20 QE en-fr (tuning split, 6,869 segments), beside the default detectors and the
# source ones (``benchmarks/real_errors.py --source --detectors …,grammalecte``), every flag then at 0.6:
# the share of each family's shown flags that overlapped an annotated error.  A family right about half the
# time or less stays below the confidence floor (0.3), as in the other detectors; --min-confidence 0.25
# shows those measured above a quarter.
NUMBER = Family("number agreement in a noun phrase", 0.75)  # 345 flags at 0.76, 2 of them on error-free segments
GENDER = Family("gender agreement in a noun phrase", 0.6)  # 296 at 0.61, 4 of them on error-free segments
PARTICIPLE = Family("a participle's agreement", 0.65)  # 17 at 0.65
ELISION = Family("an elision", 0.85)  # 19 at 0.89: an elision where French writes the whole word
CONJUGATION = Family("a conjugation", 0.29)  # 23 at 0.44
MOOD = Family("an infinitive or a mood", 0.29)  # 19 at 0.48
IMPERATIVE = Family("an imperative's ending", 0.25)  # 42 at 0.36: « Comprend un tableau » opens a description
CONFUSION = Family("a confusion of homophones", 0.25)  # 35 at 0.34: « A partir de là » is « À »
OTHER = Family("another rule", 0.2)  # 69 at 0.20: abbreviations with dots, commas, chemical formulas
# A capitalised word inside the sentence among the words a rule reads (« Total Gym », « 3 Mile », « Boys »):
# a name or English left in, which agreement rules read as French.  Number 38 at 0.71 and gender 21 at 0.52,
# but 9 of them on error-free segments: kept below the floor, as the source detector's capitals the English lacks.
NAMES = 0.29
FAMILIES = {"ppas": PARTICIPLE, "conj": CONJUGATION, "eleu": ELISION, "imp": IMPERATIVE, "conf": CONFUSION,
            "infi": MOOD, "vmode": MOOD}
WORD = re.compile(r"[^\W\d_]+")
QUOTED = re.compile(r"[«“]\s*([^»”]+?)\s*[»”]")
OPENERS = '.!?:;«"(\u2026'


def family(kind: str, message: str) -> Family:
    """The family of a Grammalecte error from its type (``sType``) and message."""
    if kind == "gn":
        return GENDER if "genre" in message else NUMBER
    return FAMILIES.get(kind, OTHER)


def reads_a_name(text: str, start: int, end: int, message: str) -> bool:
    """Whether the flagged words or those the message quotes hold a capitalised word inside a sentence of ``text``."""
    words = WORD.findall(text[start:end]) + [word for piece in QUOTED.findall(message) for word in WORD.findall(piece)]
    for word in {word for word in words if word[:1].isupper() and len(word) > 1}:
        for match in re.finditer(rf"\b{re.escape(word)}\b", text):
            before = text[:match.start()].rstrip()
            if before and before[-1] not in OPENERS:
                return True
    return False


def _category(kind: str) -> Category:
    if kind in {"typo", "esp", "nbsp", "apos", "virg", "poncfin"}:
        return Category.PUNCTUATION
    if kind in {"maj", "eleu", "tu"}:
        return Category.SPELLING
    if kind in {"conf", "loc", "bs", "pleo"}:
        return Category.UNIDIOMATIC
    return Category.GRAMMAR


class GrammalecteDetector:
    name = NAME

    def __init__(self, grammar: Any) -> None:
        # the grammar engine alone: the checker's getParagraphErrors also spell-checks every word, a tenth of
        # the time, for errors this detector leaves to the spelling detector
        self.engine = grammar.getGCEngine()

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        for segment in segments:
            make = FlagMaker(NAME, segment.id, segment.text)
            with _lock:  # the engine keeps state between calls
                errors = self.engine.parse(segment.text, "FR")
            for error in errors:
                kind = str(error.get("sType", ""))
                start, end = int(error["nStart"]), int(error["nEnd"])
                if not 0 <= start < end <= len(segment.text):
                    continue
                message = str(error.get("sMessage", "Grammalecte")).replace("\u00a0", " ")
                confidence = family(kind, message).confidence
                if reads_a_name(segment.text, start, end, message):
                    confidence = min(confidence, NAMES)
                yield make(start, end, _category(kind),
                           Severity.MAJOR if kind in MAJOR_TYPES else Severity.MINOR,
                           message, [str(s) for s in error.get("aSuggestions", ())][:4], confidence)


def make(options: FlagOptions, pool: ModelPool) -> GrammalecteDetector:  # noqa: ARG001
    with _lock:
        return GrammalecteDetector(checker())


DETECTOR = DetectorSpec(
    name=NAME, summary="Grammalecte's grammar checker (Debian's python3-grammalecte)", make=make, order=70,
    default=False, per_segment=True,
)
