"""French fluency: words a French masked language model finds far less likely than others.

Each word is masked in its sentence (:mod:`review.translate.masked`); a word
the model rates far below its best whole-word alternatives is flagged, and
those alternatives are the suggestions.  Since a fluent word can still say the
wrong thing, :func:`render_suggestions` renders the segment with each
suggestion applied, so the reviewer reads which one says what was meant
("conviennent" → "agree").

Capitalised words (names, mostly), numbers and elisions are not judged: a language
model has seen too few of them to tell a rare name from a wrong word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions, Option
from review.flags.signals import load_for, text_of
from review.model import Category, Flag, Segment, Severity
from review.translate.masked import DEFAULT_FLUENCY_MODEL, WordScore

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "fluency"
MARGIN = 4.0  # nats: the best alternative is over e^4 ≈ 55 times likelier
FLOOR = -4.6  # nats: a word the model gives 1 chance in 100 or more is left alone
MAX_SUGGESTIONS = 3


def judged(word: str) -> bool:
    """Whether a word is one the model can judge.

    Lower-case words only: not a name, not a number, and not an elided
    article or pronoun ("l'", "qu'"), whose form the next word decides.
    """
    if word.endswith(("'", "\u2019")):
        return False
    return bool(word) and word[0].islower() and any(char.isalpha() for char in word)


def match_case(suggestion: str, word: str) -> str:
    return suggestion[:1].upper() + suggestion[1:] if word[:1].isupper() else suggestion


def verdict(score: WordScore, *, margin: float = MARGIN, floor: float = FLOOR,
            ) -> tuple[Severity, tuple[str, ...], float] | None:
    """(severity, suggestions, gap in nats) when ``score``'s word should be flagged, else None."""
    if not judged(score.word) or score.logprob >= floor:
        return None
    others = [(word, logprob) for word, logprob in score.alternatives
              if word.casefold() != score.word.casefold() and judged(word)]
    if not others:
        return None
    best = max(logprob for _, logprob in others)
    gap = best - score.logprob
    if gap < margin:
        return None
    ranked = sorted(others, key=lambda pair: pair[1], reverse=True)
    suggestions = tuple(dict.fromkeys(match_case(word, score.word) for word, logprob in ranked
                                      if logprob - score.logprob >= margin / 2))[:MAX_SUGGESTIONS]
    severity = Severity.MAJOR if gap >= 2 * margin else Severity.MINOR
    return severity, suggestions, gap


def flag_for(segment_id: str, score: WordScore, found: tuple[Severity, tuple[str, ...], float]) -> Flag:
    severity, suggestions, gap = found
    likelier = ", ".join(f"“{word}”" for word in suggestions)
    return Flag(
        segment_id=segment_id, start=score.start, end=score.end, detector=NAME, category=Category.UNIDIOMATIC,
        severity=severity, suggestions=suggestions, span_text=score.word,
        confidence=round(min(0.95, 0.5 + gap / 20), 3),
        message=f"a French language model finds {likelier} far likelier than “{score.word}” here",
    )


def render_suggestions(flag: Flag, segment_text: str, renderer: object) -> list[tuple[str, str]]:
    """(suggestion, English of the whole segment with it applied) for each of ``flag``'s suggestions.

    ``renderer`` is a :class:`review.translate.render.Renderer` (anything with
    ``render(texts) -> list[str]``); renderings go through its cache.  Blocking:
    call it from a worker thread.
    """
    render: Callable[[Sequence[str]], list[str]] = renderer.render  # type: ignore[attr-defined]
    variants = [segment_text[: flag.start] + suggestion + segment_text[flag.end :] for suggestion in flag.suggestions]
    if not variants:
        return []
    return list(zip(flag.suggestions, render(variants), strict=True))


class FluencyDetector:
    name = NAME

    def __init__(self, masked: object) -> None:
        self.masked = masked

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        for segment in segments:
            text = text_of(segment, context)
            if not text.strip():
                continue
            for score in self.masked.score_words(text):  # type: ignore[attr-defined]
                found = verdict(score)
                if found is not None:
                    yield flag_for(segment.id, score, found)


def make(options: FlagOptions, pool: ModelPool) -> FluencyDetector:
    model = options.setting("fluency_model", DEFAULT_FLUENCY_MODEL)
    return FluencyDetector(load_for(NAME, model, "--fluency-model", pool.masked_lm))


DETECTOR = DetectorSpec(
    name=NAME, summary="words a French masked language model finds unlikely, with likelier ones",
    make=make, order=120, per_segment=True,
    models=lambda options: (options.setting("fluency_model", DEFAULT_FLUENCY_MODEL),),
    options=(Option("--fluency-model", "fluency_model",
                    f"masked language model for French fluency (default: {DEFAULT_FLUENCY_MODEL})"),),
)
