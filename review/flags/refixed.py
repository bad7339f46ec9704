"""What an applied suggestion does to the next round of flags.

A fix taken from a detector's own suggestion must not be flagged again by the
same detector at the same place (the reviewer did what it asked), and a flag
that the fix brought in — one the segment did not have before — is worth a
word on the screen.  Pure functions over flags, so the screen and the tests
share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from review.model import Flag


@dataclass(frozen=True, slots=True)
class AppliedFix:
    """A suggestion as it now stands in the segment's French.

    start, end: where the suggestion's text sits in the new French.
    text: that text; the fix counts only while the French still holds it there.
    """

    segment_id: str
    detector: str
    start: int
    end: int
    text: str


def applied_fix(flag: Flag, suggestion: str) -> AppliedFix:
    """The fix made by replacing ``flag``'s span with ``suggestion``."""
    return AppliedFix(flag.segment_id, flag.detector, flag.start, flag.start + len(suggestion), suggestion)


def without_refixed(flags: Iterable[Flag], fixes: Iterable[AppliedFix], texts: Mapping[str, str]) -> list[Flag]:
    """``flags`` less those a detector raises on the very text it suggested (texts: French by segment id)."""
    standing = [fix for fix in fixes if texts.get(fix.segment_id, "")[fix.start : fix.end] == fix.text]

    def refixed(flag: Flag) -> bool:
        return any(fix.segment_id == flag.segment_id and fix.detector == flag.detector
                   and flag.start < max(fix.end, fix.start + 1) and fix.start < max(flag.end, flag.start + 1)
                   for fix in standing)

    return [flag for flag in flags if not refixed(flag)]


def raised_by_change(before: Iterable[Flag], after: Iterable[Flag]) -> list[Flag]:
    """Flags in ``after`` that ``before`` did not have (same detector, span text and message)."""
    known = {(flag.detector, flag.span_text, flag.message) for flag in before}
    return [flag for flag in after if (flag.detector, flag.span_text, flag.message) not in known]


def relocated(flags: Iterable[Flag], segment_id: str, text: str) -> list[Flag]:
    """``flags`` after ``segment_id``'s French became ``text``, until the detectors have looked again.

    A flag whose span still reads the same stays; one whose words moved follows them (to the
    nearest place they occur); one whose words are gone (the fixed one, say) is dropped.
    """
    kept: list[Flag] = []
    for flag in flags:
        if flag.segment_id != segment_id or text[flag.start : flag.end] == flag.span_text:
            kept.append(flag)
            continue
        places = [index for index in range(len(text)) if flag.span_text and text.startswith(flag.span_text, index)]
        if places:
            start = min(places, key=lambda index: abs(index - flag.start))
            kept.append(replace(flag, start=start, end=start + len(flag.span_text)))
    return kept
