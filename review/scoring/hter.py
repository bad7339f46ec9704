"""HTER and edit statistics: how much the reviewer changed the machine output.

HTER is TER of the machine output with its own post-edit as the reference
(Snover et al. 2006): word edits (insertions, deletions, substitutions, shifts
of word sequences) per word of the post-edit.  Computed with sacrebleu's TER,
case-sensitive so that a reviewer's capitalisation fix counts as the edit it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.model import Document, ReviewState

if TYPE_CHECKING:
    from review.scoring.fast_metrics import FastTER

HTER_SIGNATURE_NOTE = "TER of the machine output against its post-edit, case-sensitive"


@dataclass(frozen=True, slots=True)
class SegmentEdit:
    """What the review changed in one segment.

    machine, post_edited: the article's French and the reviewed French (equal when untouched).
    edits: TER edits (shifts count one); post_edit_words: words of the post-edit (TER's reference length).
    hter: 100 × edits / post_edit_words (0 for an untouched segment).
    words_changed: word-level edit distance (insert, delete, substitute a whitespace-separated word).
    chars_changed: character edit distance (Levenshtein, code points).
    """

    segment_id: str
    machine: str
    post_edited: str
    edits: float
    post_edit_words: float
    hter: float
    words_changed: int
    chars_changed: int

    @property
    def touched(self) -> bool:
        return self.machine != self.post_edited


@dataclass(frozen=True, slots=True)
class HterReport:
    """HTER per segment and for the whole article.

    hter: corpus HTER, 100 × all edits / all post-edit words (untouched segments included).
    signature: sacrebleu's TER signature of the computation.
    segments: every segment of the article, in order.
    words, chars: size of the machine output (whitespace words, code points).
    """

    hter: float
    signature: str
    segments: tuple[SegmentEdit, ...]
    words: int
    chars: int

    @property
    def touched(self) -> int:
        return sum(1 for segment in self.segments if segment.touched)

    @property
    def words_changed(self) -> int:
        return sum(segment.words_changed for segment in self.segments)

    @property
    def chars_changed(self) -> int:
        return sum(segment.chars_changed for segment in self.segments)

    def worst_first(self) -> list[SegmentEdit]:
        """Touched segments, most edited (highest HTER) first."""
        touched = [segment for segment in self.segments if segment.touched]
        return sorted(touched, key=lambda item: (-item.hter, -item.chars_changed))


def edit_distance(left: Sequence[object], right: Sequence[object]) -> int:
    """Levenshtein distance between two sequences (characters or words); unit costs.

    The common start and end are left out first (they cost nothing): a correction changes a few words of
    a sentence, and the full table of two 250-character sentences took 40 ms of Python each, an hour for
    the HTER of an article with 90,000 corrections.
    """
    start = 0
    while start < min(len(left), len(right)) and left[start] == right[start]:
        start += 1
    end = 0
    while end < min(len(left), len(right)) - start and left[-1 - end] == right[-1 - end]:
        end += 1
    left, right = left[start : len(left) - end], right[start : len(right) - end]
    if len(left) < len(right):
        left, right = right, left
    previous = list(range(len(right) + 1))
    for i, item in enumerate(left, start=1):
        current = [i]
        for j, other in enumerate(right, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (item != other)))
        previous = current
    return previous[-1]


def _ter() -> FastTER:
    from review.scoring.fast_metrics import FastTER  # noqa: PLC0415 - imports sacrebleu

    return FastTER(case_sensitive=True)


def hter_report(document: Document, state: ReviewState) -> HterReport:
    """HTER and edit counts of the article's segments against their reviewed text in ``state``."""
    machine = [segment.text for segment in document.segments]
    edited = [state.text_of(segment) for segment in document.segments]
    ter = _ter()
    rows = ter.segment_statistics(machine, edited)
    segments = []
    for segment, mt, pe, (edits, length) in zip(document.segments, machine, edited, rows, strict=True):
        touched = mt != pe
        segments.append(SegmentEdit(
            segment_id=segment.id, machine=mt, post_edited=pe, edits=float(edits), post_edit_words=float(length),
            hter=float(ter.score_totals([edits, length]).score),
            words_changed=edit_distance(mt.split(), pe.split()) if touched else 0,
            chars_changed=edit_distance(mt, pe) if touched else 0,
        ))
    corpus = ter.score_segments(rows)
    return HterReport(hter=float(corpus.score), signature=ter.get_signature().format(),
                      segments=tuple(segments), words=sum(len(text.split()) for text in machine),
                      chars=sum(len(text) for text in machine))
