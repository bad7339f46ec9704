"""The English side: the model's renderings scored against the English original, segment by segment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from review.errors import ScoreError
from review.model import Document
from review.scoring.align import DriftReport, drift_report
from review.scoring.report import (
    DRIFT_UNIT,
    POINTS,
    Measure,
    one_line,
)


@dataclass(frozen=True, slots=True)
class DriftSummary:
    """The model's English renderings of an article scored against the English original, segment by segment.

    article, source: the article and the English original, as given.
    model, revision: the model that rendered the French.
    drift: the chrF scores of the rendered segments.
    top: how many of the most drifted segments the report lists.
    article_segments: segments of the article; more than ``drift`` has when some have no rendering yet.
    """

    article: str
    source: str
    model: str
    revision: str | None
    drift: DriftReport
    top: int
    article_segments: int

    @property
    def rendered(self) -> int:
        return len(self.drift.segments)

    def to_json(self) -> dict[str, Any]:
        return {"article": self.article, "source": self.source, "model": self.model, "revision": self.revision,
                "corpus_chrf": self.drift.corpus_chrf, "signature": self.drift.signature, "unit": DRIFT_UNIT,
                "segments": self.rendered, "worst": [asdict(item) for item in self.drift.worst(self.top)]}

    def table(self, width: int = 1) -> list[str]:
        drift = self.drift
        lines = [f"English renderings of {self.article} ({self.model}) against {self.source}",
                 (f"corpus chrF {drift.corpus_chrf:.{width}f} over {self.rendered} segments; "
                  f"signature {drift.signature}"), "", "Segments that drifted most (lowest chrF first):"]
        for item in drift.worst(self.top):
            lines.append(f"  [{item.segment_id}] chrF {item.chrf:.{width}f}")
            lines.append(f"      original:  {one_line(item.source)}")
            lines.append(f"      rendering: {one_line(item.rendering)}")
        return lines

    def measures(self) -> list[Measure]:
        drift = self.drift
        rows = [Measure("renderings", "corpus", "chrF", drift.corpus_chrf, POINTS, self.rendered, drift.signature)]
        rows.extend(Measure("renderings", item.segment_id, "chrF", item.chrf, POINTS, 1, drift.signature)
                    for item in drift.worst(self.top))
        return rows


def drift_summary(document: Document, sources: Sequence[str], renderings: Mapping[str, str], *,
                  source: str, model: str, revision: str | None = None, top: int = 10,
                  article: str = "") -> DriftSummary:
    """chrF of each segment's English rendering against its sentence of the original.

    sources: the original's sentences, one per segment (see :func:`review.scoring.align.align_variant`).
    renderings: segment id -> English rendering; segments without one are left out.
    """
    rows = [(segment.id, renderings[segment.id], original)
            for segment, original in zip(document.segments, sources, strict=True) if segment.id in renderings]
    if not rows:
        msg = "no segment has an English rendering yet: nothing to compare with the original"
        raise ScoreError(msg)
    ids, rendered, originals = (list(column) for column in zip(*rows, strict=True))
    return DriftSummary(article=article or str(document.path or document.name), source=source, model=model,
                        revision=revision, drift=drift_report(rendered, originals, ids), top=top,
                        article_segments=len(document.segments))
