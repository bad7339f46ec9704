"""What an applied suggestion does to the next round of flags.

A fix taken from a detector's own suggestion must not be flagged again by the
same detector at the same place (the reviewer did what it asked), and a flag
that the fix brought in — one the segment did not have before — is worth a
word on the screen.  Pure functions over flags, so the screen and the tests
share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
