"""Grammalecte's French grammar checker as one more detector, when it is installed.

Grammalecte is not on PyPI; Debian ships it (``apt-get install
python3-grammalecte``) under ``/usr/lib/python3/dist-packages``, which a
virtual environment or a non-Debian Python does not see.  That folder is
searched too, for this import only.  Without Grammalecte, ``make`` raises
:class:`DetectorUnavailable` and every other detector still runs.
Typography options are turned off: the typography detector covers them.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterable, Sequence
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
        self.grammar = grammar

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        for segment in segments:
            make = FlagMaker(NAME, segment.id, segment.text)
            with _lock:  # the engine keeps state between calls
                errors, _spelling = self.grammar.getParagraphErrors(segment.text)
            for error in errors:
                kind = str(error.get("sType", ""))
                start, end = int(error["nStart"]), int(error["nEnd"])
                if not 0 <= start < end <= len(segment.text):
                    continue
                yield make(start, end, _category(kind),
                           Severity.MAJOR if kind in MAJOR_TYPES else Severity.MINOR,
                           str(error.get("sMessage", "Grammalecte")).replace("\u00a0", " "),
                           [str(s) for s in error.get("aSuggestions", ())][:4], 0.6)


def make(options: FlagOptions, pool: ModelPool) -> GrammalecteDetector:  # noqa: ARG001
    with _lock:
        return GrammalecteDetector(checker())


DETECTOR = DetectorSpec(
    name=NAME, summary="Grammalecte's grammar checker (Debian's python3-grammalecte)", make=make, order=70,
    default=False, per_segment=True,
)
