"""Cross-article flags join the per-segment ones without taking any back (what lets review flag stream)."""

from __future__ import annotations

import pytest

from review.document import from_text
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.rank import MAX_PER_SEGMENT, join
from review.model import Flag, Severity
from review.translate.pool import ModelPool

ORDER = {"p1s1": 0, "p1s2": 1}


def flag(start: int, end: int, severity: Severity = Severity.MINOR, confidence: float = 0.5,
         segment: str = "p1s1") -> Flag:
    return Flag(segment_id=segment, start=start, end=end, detector="test", category="other", severity=severity,
                message=f"{segment}:{start}-{end}", confidence=confidence)


@pytest.mark.parametrize(
    ("kept", "later", "joined"),
    [
        ([flag(0, 5)], [flag(10, 15)], ["p1s1:10-15"]),
        ([flag(0, 5)], [flag(3, 8, Severity.CRITICAL, 0.9)], []),
        ([flag(0, 5)], [flag(0, 5, segment="p1s2")], ["p1s2:0-5"]),
        ([flag(i * 10, i * 10 + 5) for i in range(MAX_PER_SEGMENT)], [flag(100, 105)], []),
        ([flag(i * 10, i * 10 + 5) for i in range(MAX_PER_SEGMENT - 1)],
         [flag(100, 105, confidence=0.4), flag(200, 205, confidence=0.9)], ["p1s1:200-205"]),
        ([], [flag(20, 25), flag(0, 5), flag(2, 4, confidence=0.9)], ["p1s1:2-4", "p1s1:20-25"]),
        ([], [flag(0, 5, confidence=0.1)], []),
    ],
    ids=["beside", "overlapping-a-kept-flag", "other-segment", "segment-full", "strongest-takes-the-last-room",
         "ranked-among-themselves", "below-the-floor"],
)
def test_join(kept: list[Flag], later: list[Flag], joined: list[str]) -> None:
    assert [item.message for item in join(kept, later, ORDER)] == joined


@pytest.mark.slow  # parses with spaCy
def test_stream_is_flags_in_batches_whatever_the_chunks() -> None:
    article = " ".join(["Iran et le Pakistan accusent de renforcer leur coopération."] * 3
                       + ["Le Pakistân a répondu mardi au Pakistan."] + ["Le Pakistan a répondu."] * 2)
    document = from_text(article + "\n\nIls ont convenu de se revoir.\n")
    texts = {segment.id: segment.text for segment in document.segments}
    flagger = Flagger(("grammar", "consistency"), FlagOptions(), ModelPool())
    whole = flagger.flags(document, texts)
    segments = list(document.segments)
    chunks = [segments[3:5], segments[:3], segments[5:]]  # rows on screen first, then outward
    batches = list(Flagger(("grammar", "consistency"), FlagOptions(), ModelPool()).stream(document, texts,
                                                                                            chunks=chunks))
    assert [batch.segments for batch in batches] == [2, 3, len(segments) - 5, 0]
    for batch, chunk in zip(batches, chunks, strict=False):
        assert {item.segment_id for item in batch.flags} <= {segment.id for segment in chunk}
    assert sorted(item.id for batch in batches for item in batch.flags) == sorted(item.id for item in whole)
    assert {item.detector for item in batches[-1].flags} == {"consistency"}
