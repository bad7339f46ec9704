"""Flags as the JSON records scripts read: ``review flag --format json`` and ``review batch`` write these."""

from __future__ import annotations

from typing import Any

from review.model import Document, Flag, ReviewState


def article_offsets(document: Document, state: ReviewState) -> dict[str, int]:
    """Where each segment starts in the current article text (corrections shift what follows them)."""
    shift = 0
    starts = {}
    for segment in document.segments:
        starts[segment.id] = segment.start + shift
        shift += len(state.text_of(segment)) - len(segment.text)
    return starts


def record(flag: Flag, start: int) -> dict[str, Any]:
    """One flag, with offsets in its segment and (from the segment's ``start``) in the article."""
    return {
        "id": flag.id, "segment": flag.segment_id, "start": flag.start, "end": flag.end,
        "article_start": start + flag.start, "article_end": start + flag.end, "text": flag.span_text,
        "detector": flag.detector, "category": flag.category, "severity": str(flag.severity),
        "confidence": flag.confidence, "message": flag.message, "suggestions": list(flag.suggestions),
    }
