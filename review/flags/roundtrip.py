"""Round trip: the English rendering translated back to French, compared with the French.

Where the back-translation (opus-mt-en-fr) drifts far from the French, the
English probably does not say what the French says, or the French was
garbled to begin with.  Segments are compared with chrF (sacrebleu's
``sentence_chrf``); those that diverge most are flagged on the French words
the round trip did not bring back.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions, Option
from review.flags.signals import group_runs, pooled_renderer, renderings_for, text_of
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool
    from review.translate.render import Renderer

NAME = "roundtrip"
THRESHOLD = 50.0  # chrF under which a segment may be flagged
FLOOR = 30.0  # chrF under which a segment is always flagged (major)
WORST_SHARE = 0.25  # between FLOOR and THRESHOLD, only this share of the article's worst segments
WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def chrf(back: str, french: str) -> float:
    """chrF of the back-translation against the French (0..100)."""
    from sacrebleu import sentence_chrf  # noqa: PLC0415

    return float(sentence_chrf(back, [french]).score)


def divergent(scores: Mapping[str, float], *, threshold: float = THRESHOLD, floor: float = FLOOR,
              share: float = WORST_SHARE) -> dict[str, Severity]:
    """Segments to flag and how severely, from their round-trip chrF.

    Under ``floor``: always, MAJOR.  Under ``threshold``: MINOR, if among the
    ``share`` worst of the article (at least one), so a fairly loose article
    does not light up everywhere.
    """
    ranked = sorted(scores, key=lambda key: scores[key])
    allowed = set(ranked[: max(1, math.ceil(share * len(ranked)))])
    chosen: dict[str, Severity] = {}
    for key in ranked:
        if scores[key] < floor:
            chosen[key] = Severity.MAJOR
        elif scores[key] < threshold and key in allowed:
            chosen[key] = Severity.MINOR
    return chosen


def diverging_spans(french: str, back: str) -> list[tuple[int, int]]:
    """Spans of ``french`` whose words the round trip did not bring back (in order, merged when adjacent)."""
    words = [(match.start(), match.end()) for match in WORD.finditer(french)]
    ours = [french[start:end].casefold() for start, end in words]
    theirs = [match.group().casefold() for match in WORD.finditer(back)]
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    lost: list[int] = []
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag in {"replace", "delete"}:
            lost.extend(range(first, last))
    return [(words[run[0]][0], words[run[-1]][1]) for run in group_runs(lost)]


def flags_for(segment_id: str, french: str, back: str, score: float, severity: Severity) -> list[Flag]:
    spans = diverging_spans(french, back) or [(0, len(french))]
    return [
        Flag(segment_id=segment_id, start=start, end=end, detector=NAME, category=Category.MISTRANSLATION,
             severity=severity, span_text=french[start:end], confidence=round(1 - score / 100, 3),
             message=f"the round trip through English comes back as “{back}” (chrF {score:.0f}): "
                     "this part may not have come across")
        for start, end in spans
    ]


class RoundTripDetector:
    name = NAME

    def __init__(self, forward: Renderer, back: Renderer) -> None:
        self.forward = forward
        self.back = back

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        renderings = renderings_for(segments, context, self.forward.render)
        judged = [segment for segment in segments if renderings.get(segment.id) and text_of(segment, context).strip()]
        if not judged:
            return []
        backs = self.back.render([renderings[segment.id] for segment in judged])
        frenchs = {segment.id: text_of(segment, context) for segment in judged}
        back_of = {segment.id: back for segment, back in zip(judged, backs, strict=True)}
        scores = {key: chrf(back_of[key], frenchs[key]) for key in frenchs}
        found: list[Flag] = []
        for key, severity in divergent(scores).items():
            found.extend(flags_for(key, frenchs[key], back_of[key], scores[key], severity))
        return found


def back_model(options: FlagOptions) -> str:
    from review.translate.models import BACK_MODEL  # noqa: PLC0415

    return str(options.setting("back_model", BACK_MODEL))


def make(options: FlagOptions, pool: ModelPool) -> RoundTripDetector:
    # the renderers load on first use: with the English given (or cached), the forward model is never needed
    back = pooled_renderer(NAME, options, pool, model=back_model(options), option="--back-model")
    return RoundTripDetector(pool.renderer(options.model, options.engine), back)


DETECTOR = DetectorSpec(
    name=NAME, summary="the English back into French (opus-mt-en-fr): segments whose round trip diverges",
    make=make, order=130, per_segment=True, models=lambda options: (back_model(options),),
    options=(Option("--back-model", "back_model",
                    "en→fr model for round trips (default: Helsinki-NLP/opus-mt-en-fr)"),),
)
