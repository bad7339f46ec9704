"""Line up another version of an article with it, segment by segment, and check the English side.

A variant (another French translation of the same article) or the English
original is cut into paragraphs and sentences exactly like the article; the two
line up only when both have the same structure.  When they do not, the error
says where they first part ways, so the reviewer can fix the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from review.document import from_text
from review.errors import ScoreError
from review.model import Document


def align_variant(document: Document, variant: str | Document, *, name: str = "the variant") -> list[str]:
    """The variant's segment texts, one per segment of ``document``, in order.

    Raises :class:`ScoreError` naming the first paragraph whose sentence count
    differs (or the paragraph counts) when the structures do not match.
    """
    other = variant if isinstance(variant, Document) else from_text(variant)
    if not other.segments:
        msg = f"{name} is empty: nothing to line up with {document.name}"
        raise ScoreError(msg)
    ours, theirs = document.paragraphs(), other.paragraphs()
    if len(ours) != len(theirs):
        msg = (f"{name} has {len(theirs)} paragraphs but {document.name} has {len(ours)}: "
               "give a version with the same paragraphs (blank-line separated)")
        raise ScoreError(msg)
    for number, (mine, its) in enumerate(zip(ours, theirs, strict=True), start=1):
        if len(mine) != len(its):
            msg = (f"paragraph {number} has {len(its)} sentences in {name} but {len(mine)} in {document.name} "
                   f"(starting {_start(mine[0].text)!r}): split or join sentences there so they match")
            raise ScoreError(msg)
    return [segment.text for segment in other.segments]


def _start(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class DriftSegment:
    """How far one segment's English rendering is from the English original.

    chrf: sentence chrF (character 6-grams, β = 2) of the rendering against the source, 0-100;
        low means the French may have drifted from the original's meaning.
    """

    index: int
    segment_id: str
    rendering: str
    source: str
    chrf: float


@dataclass(frozen=True, slots=True)
class DriftReport:
    """Renderings scored against the English original, segment by segment.

    corpus_chrf: corpus chrF of all renderings against the source.
    signature: sacrebleu's chrF signature.
    """

    segments: tuple[DriftSegment, ...]
    corpus_chrf: float
    signature: str

    def worst(self, count: int | None = None) -> list[DriftSegment]:
        """Segments by rising chrF (most drifted first), at most ``count`` of them."""
        ranked = sorted(self.segments, key=lambda item: (item.chrf, item.index))
        return ranked if count is None else ranked[:count]


def drift_report(renderings: Sequence[str], source_sentences: Sequence[str],
                 segment_ids: Sequence[str] | None = None) -> DriftReport:
    """Score each English rendering against its source sentence with chrF."""
    from review.scoring.fast_metrics import FastCHRF  # noqa: PLC0415 - imports sacrebleu
    from review.scoring.metrics import check_pair  # noqa: PLC0415

    check_pair(renderings, source_sentences, what="set of renderings", against="English original")
    ids = list(segment_ids) if segment_ids is not None else [str(index + 1) for index in range(len(renderings))]
    if len(ids) != len(renderings):
        msg = f"{len(ids)} segment ids for {len(renderings)} renderings: pass one id a rendering"
        raise ScoreError(msg)
    metric = FastCHRF()
    rows = metric.segment_statistics(renderings, source_sentences)
    segments = tuple(
        DriftSegment(index=index, segment_id=ids[index], rendering=rendering, source=source,
                     chrf=float(metric.score_totals(row).score))
        for index, (rendering, source, row) in enumerate(zip(renderings, source_sentences, rows, strict=True))
    )
    corpus = metric.score_segments(rows)
    return DriftReport(segments=segments, corpus_chrf=float(corpus.score), signature=metric.get_signature().format())
