"""MT confidence: French words whose English the translation model itself doubts.

The rendering is force-decoded with the fr→en MarianMT model
(:func:`review.translate.attention.score_rendering`).  An English word the model
gave a low probability to is a place where it hesitated between readings, which
is where a machine-translated French sentence most often went wrong; the
word's cross-attention points at the French word responsible, and that is
what gets flagged.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions
from review.flags.signals import group_runs, pooled_renderer, renderings_for, severity_below, text_of
from review.model import Category, Flag, Segment, Severity
from review.translate.attention import TokenScores, core_span

if TYPE_CHECKING:
    from review.translate.pool import ModelPool
    from review.translate.render import Renderer

NAME = "confidence"
MINOR_BELOW = math.log(0.2)  # an English word the model gave less than 1 chance in 5
MAJOR_BELOW = math.log(0.05)


@dataclass(frozen=True, slots=True)
class Doubt:
    """A French word and the least likely English word aligned to it."""

    french_word: int
    english: str
    logprob: float


def doubts(scores: TokenScores, *, below: float = MINOR_BELOW) -> list[Doubt]:
    """French words whose aligned English has a log-probability under ``below``, in French order."""
    worst: dict[int, Doubt] = {}
    alignment = scores.word_alignment()
    for english_word, logprob in enumerate(scores.word_logprobs()):
        start, end = scores.english_words[english_word]
        text = scores.english[start:end]
        french_word = alignment[english_word]
        if logprob >= below or french_word < 0 or not any(char.isalnum() for char in text):
            continue
        french_start, french_end = scores.french_words[french_word]
        if not any(char.isalnum() for char in scores.french[french_start:french_end]):
            continue
        if french_word not in worst or logprob < worst[french_word].logprob:
            worst[french_word] = Doubt(french_word=french_word, english=text, logprob=logprob)
    return [worst[index] for index in sorted(worst)]


def flags_from_doubts(segment_id: str, scores: TokenScores, found: Sequence[Doubt], *,
                      minor: float = MINOR_BELOW, major: float = MAJOR_BELOW) -> list[Flag]:
    """One flag per run of neighbouring doubted French words, as severe as its worst word."""
    by_word = {doubt.french_word: doubt for doubt in found}
    flags: list[Flag] = []
    for run in group_runs(by_word):
        start, _ = core_span(scores.french, *scores.french_words[run[0]])
        _, end = core_span(scores.french, *scores.french_words[run[-1]])
        worst = min((by_word[index] for index in run), key=lambda doubt: doubt.logprob)
        severity = severity_below(worst.logprob, minor, major) or Severity.MINOR
        chance = math.exp(worst.logprob)
        english = ", ".join(f"“{by_word[index].english}”" for index in run)
        flags.append(Flag(
            segment_id=segment_id, start=start, end=end, detector=NAME, category=Category.MISTRANSLATION,
            severity=severity, confidence=round(1 - chance, 3), span_text=scores.french[start:end],
            message=f"the model doubts its English for this: {english} (p={chance:.2f}); check the meaning",
        ))
    return flags


class ConfidenceDetector:
    name = NAME

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        renderings = renderings_for(segments, context, self.renderer.render)
        for segment in segments:
            english = renderings.get(segment.id)
            french = text_of(segment, context)
            if not english or not french.strip():
                continue
            scores = self.renderer.score(french, english)
            yield from flags_from_doubts(segment.id, scores, doubts(scores))


def make(options: FlagOptions, pool: ModelPool) -> ConfidenceDetector:
    return ConfidenceDetector(pooled_renderer(NAME, options, pool))


DETECTOR = DetectorSpec(
    name=NAME, summary="words whose English the translation model itself doubts (token log-probabilities)",
    make=make, order=110, per_segment=True, models=lambda options: (options.model,),
)
