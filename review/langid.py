"""Which language a text is in, with langdetect made deterministic.

langdetect samples n-grams at random; a seeded factory makes the same text
always give the same answer, which tests and reviewers both rely on.  The
factory loads only the profiles of the languages in :data:`NAMES` (a quarter of
langdetect's 55): loading all of them took half a second, most of the time
`review` needs before the French is on screen.
"""

from __future__ import annotations

import functools
import itertools
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NAMES = {
    "fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ca": "Catalan", "ro": "Romanian", "pl": "Polish",
    "ru": "Russian", "ar": "Arabic", "zh-cn": "Chinese", "ja": "Japanese", "id": "Indonesian",
    "tr": "Turkish", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "el": "Greek", "hu": "Hungarian", "uk": "Ukrainian", "vi": "Vietnamese", "ko": "Korean",
}

# Shorter texts give langdetect too little to go on; they are not judged.
MIN_LETTERS = 20
# langdetect reads this many characters from the start of the text, whatever its length.
SAMPLE = 5000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """language: ISO code as langdetect gives it; probability: its estimate, 0..1."""

    language: str
    probability: float

    @property
    def name(self) -> str:
        return NAMES.get(self.language, self.language)


@functools.cache
def _factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory  # noqa: PLC0415

    factory = DetectorFactory()
    profiles = [(Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8") for code in NAMES]
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


_lock = threading.Lock()


def detect_language(text: str) -> LanguageGuess | None:
    """Best guess for ``text``, or None when it is too short or has no letters."""
    from langdetect.lang_detect_exception import LangDetectException  # noqa: PLC0415

    if not _has_letters(text, MIN_LETTERS):
        return None
    with _lock:  # the factory's seed is shared: one detection at a time keeps answers reproducible
        detector = _factory().create()
        detector.append(text[:SAMPLE])
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None
    return LanguageGuess(language=best.lang, probability=float(best.prob))


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` has at least ``count`` letters; stops at the count, so a long article costs no more."""
    letters = (char for char in text if char.isalpha())
    return next(itertools.islice(letters, count - 1, None), None) is not None
