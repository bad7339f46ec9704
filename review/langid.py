"""Which language a text is in, with langdetect made deterministic.

langdetect samples n-grams at random; seeding its factory once makes the same
text always give the same answer, which tests and reviewers both rely on.
"""

from __future__ import annotations

from dataclasses import dataclass

NAMES = {
    "fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ca": "Catalan", "ro": "Romanian", "pl": "Polish",
    "ru": "Russian", "ar": "Arabic", "zh-cn": "Chinese", "ja": "Japanese", "id": "Indonesian",
}

# Shorter texts give langdetect too little to go on; they are not judged.
MIN_LETTERS = 20


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """language: ISO code as langdetect gives it; probability: its estimate, 0..1."""

    language: str
    probability: float

    @property
    def name(self) -> str:
        return NAMES.get(self.language, self.language)


def detect_language(text: str) -> LanguageGuess | None:
    """Best guess for ``text``, or None when it is too short or has no letters."""
    from langdetect import DetectorFactory, detect_langs  # noqa: PLC0415 - slow import
    from langdetect.lang_detect_exception import LangDetectException  # noqa: PLC0415

    if sum(char.isalpha() for char in text) < MIN_LETTERS:
        return None
    DetectorFactory.seed = 0
    try:
        best = detect_langs(text[:5000])[0]
    except LangDetectException:
        return None
    return LanguageGuess(language=best.lang, probability=float(best.prob))
