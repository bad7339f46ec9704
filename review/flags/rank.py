"""Run detectors over an article and keep the flags worth a reviewer's time.

:func:`run_flags` runs detectors; :func:`rank` merges overlapping flags (the
most severe, then most confident, wins and inherits the others' suggestions),
leaves out flags below a confidence floor, and keeps at most a handful per
segment (per long sentence's worth of characters, in a segment that is a whole
paragraph).  Dismissed flags are the caller's to filter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from review.flags import Detector, DetectorUnavailable, FlagContext, Status, off_note
from review.model import Category, Document, Flag, Severity

MAX_PER_SEGMENT = 4
# the cap holds per stretch of this many characters (a long sentence): a segment that is a whole
# paragraph (an XLIFF unit, a product description) gets the same density of flags as its sentences would
CAP_STRETCH = 250
# below this, a flag is more often wrong than right
MIN_CONFIDENCE = 0.3
# English left in the French has a cap of its own, this many times the others': each word is an error of its
# own and the flags are right 0.88 of the time; measured on WMT20 QE en-fr (tuning split), twice the cap finds
# 41 more critical errors (40.2% -> 43.5% of them) at the same precision, three times 6 more
UNTRANSLATED_CAP = 2
MAX_SUGGESTIONS = 5


def sort_key(flag: Flag) -> tuple[int, float]:
    """Most severe first, then most confident (by :attr:`Flag.precedence`)."""
    return (-flag.severity.rank, -flag.precedence)


def _overlaps(a: Flag, b: Flag) -> bool:
    return a.start < b.end and b.start < a.end


def rank(flags: Sequence[Flag], order: Mapping[str, int], *, limit: int = MAX_PER_SEGMENT,
         min_confidence: float = MIN_CONFIDENCE) -> list[Flag]:
    """Merge overlapping flags, cap each segment at ``limit``, return them in reading order."""
    by_segment: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        if flag.severity != Severity.NEUTRAL and flag.confidence >= min_confidence and flag.start < flag.end:
            by_segment[flag.segment_id].append(flag)
    kept: list[Flag] = []
    for segment_flags in by_segment.values():
        chosen: list[Flag] = []
        for flag in sorted(segment_flags, key=sort_key):
            winner = next((index for index, other in enumerate(chosen) if _overlaps(flag, other)), None)
            if winner is None:
                chosen.append(flag)
                continue
            other = chosen[winner]
            if (other.start, other.end) == (flag.start, flag.end) and flag.suggestions:
                merged = tuple(dict.fromkeys((*other.suggestions, *flag.suggestions)))[:MAX_SUGGESTIONS]
                chosen[winner] = replace(other, suggestions=merged)
        shown: defaultdict[tuple[int, bool], int] = defaultdict(int)
        for flag in chosen:  # strongest first
            if shown[_stretch(flag)] < _cap(flag, limit):
                shown[_stretch(flag)] += 1
                kept.append(flag)
    return in_reading_order(kept, order)


def _stretch(flag: Flag) -> tuple[int, bool]:
    """Which stretch of CAP_STRETCH characters of its segment the flag starts in, and its kind.

    English left in the French has a cap of its own (:data:`UNTRANSLATED_CAP`): in a product sheet whose lists
    were left in English (« poundsBlue », « WarrantyLifetime »), the fourth glued word was dropped behind grammar
    flags, and the fifth behind the other English words.
    """
    return flag.start // CAP_STRETCH, flag.category == str(Category.UNTRANSLATED)


def _cap(flag: Flag, limit: int) -> int:
    return limit * UNTRANSLATED_CAP if _stretch(flag)[1] else limit


def in_reading_order(flags: Iterable[Flag], order: Mapping[str, int]) -> list[Flag]:
    """By segment (``order`` maps segment id to index), then position, then rank."""
    return sorted(flags, key=lambda flag: (order.get(flag.segment_id, 0), flag.start, sort_key(flag)))


def join(kept: Iterable[Flag], later: Sequence[Flag], order: Mapping[str, int], *, limit: int = MAX_PER_SEGMENT,
         min_confidence: float = MIN_CONFIDENCE) -> list[Flag]:
    """The flags of ``later`` that join the already ranked ``kept`` ones, in reading order.

    ``later`` (the cross-article detectors' flags, found once every segment has been
    seen) is ranked among itself; then each of its flags, strongest first, joins its
    segment unless it overlaps a kept flag or its stretch of the segment already has ``limit``.  Kept
    flags are never taken back, so flags written out segment by segment stay valid.
    """
    present: dict[str, list[Flag]] = defaultdict(list)
    for flag in kept:
        present[flag.segment_id].append(flag)
    joined: list[Flag] = []
    for flag in sorted(rank(later, order, limit=limit, min_confidence=min_confidence), key=sort_key):
        segment = present[flag.segment_id]
        crowded = sum(_stretch(other) == _stretch(flag) for other in segment) >= _cap(flag, limit)
        if not crowded and not any(_overlaps(flag, other) for other in segment):
            segment.append(flag)
            joined.append(flag)
    return in_reading_order(joined, order)


def run_flags(document: Document, texts: Mapping[str, str], detectors: Sequence[Detector], *,
              renderings: Mapping[str, str] | None = None, status: Status | None = None) -> list[Flag]:
    """Flags of ``detectors`` for every segment of ``document``, unranked.

    texts: current French by segment id (corrected segments; the others keep their text).
    renderings: English rendering by segment id, for the checks that compare with it.
    status: told, one line each, about detectors that cannot run here.
    """
    segments = [segment if texts.get(segment.id, segment.text) == segment.text
                else replace(segment, text=texts[segment.id]) for segment in document.segments]
    current = {segment.id: segment.text for segment in segments}
    context = FlagContext(document=document, texts=current, renderings=dict(renderings or {}))
    flags: list[Flag] = []
    for detector in detectors:
        try:
            flags.extend(detector.check(segments, context))
        except DetectorUnavailable as why:
            if status is not None:
                status(off_note(detector.name, why.message))
    return flags
