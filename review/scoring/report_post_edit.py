"""A review's own scores: HTER of the post-edit against the machine translation, and MQM of its corrections."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from review.model import Document, ReviewState
from review.scoring.hter import HterReport, hter_report
from review.scoring.mqm import MqmReport, MqmWeights, mqm_report
from review.scoring.report import (
    HTER_UNIT,
    POINTS,
    Measure,
    clip,
    columns,
    fmt_number,
)
from review.wording import counted


@dataclass(frozen=True, slots=True)
class PostEditReport:
    """How much a review changed an article (HTER, edit distances) and the MQM score of its corrections.

    article, log: the article's and its corrections log's paths, as given.
    notes: what replaying the log found wrong (lines skipped, ...).
    """

    article: str
    log: str
    hter: HterReport
    mqm: MqmReport
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        hter, mqm = self.hter, self.mqm
        return {
            "article": self.article, "log": self.log,
            "hter": {"hter": hter.hter, "unit": HTER_UNIT, "signature": hter.signature,
                     "segments": len(hter.segments), "touched": hter.touched, "words": hter.words,
                     "words_changed": hter.words_changed, "chars": hter.chars, "chars_changed": hter.chars_changed,
                     "per_segment": [asdict(item) for item in hter.segments]},
            "mqm": {"model": mqm.model, "weights": asdict(mqm.weights), "words": mqm.words, "errors": mqm.errors,
                    "penalty": mqm.penalty, "per_thousand": mqm.per_thousand, "quality": mqm.quality,
                    "unannotated": mqm.unannotated, "by_severity": mqm.by_severity(),
                    "by_category": mqm.by_category(), "counts": [asdict(row) for row in mqm.counts]},
            "notes": list(self.notes),
        }

    def table(self, width: int = 1) -> list[str]:
        hter, mqm = self.hter, self.mqm
        segments = len(hter.segments)
        lines = [
            f"Review of {self.article} (log {self.log})", "",
            f"HTER {hter.hter:.{width}f}  ({HTER_UNIT}; {segments} segments)",
            f"  signature: {hter.signature}",
            f"  segments touched: {hter.touched} of {segments}",
            f"  words changed: {hter.words_changed} of {hter.words} (word edit distance)",
            f"  characters changed: {hter.chars_changed} of {hter.chars} (character edit distance)",
        ]
        touched = sorted((item for item in hter.segments if item.touched), key=lambda item: -item.hter)
        if touched:
            table = [["segment", "HTER", "edits", "words", "chars", "post-edit"]]
            table.extend([item.segment_id, fmt_number(item.hter, width), f"{item.edits:g}", str(item.words_changed),
                          str(item.chars_changed), clip(item.post_edited)] for item in touched)
            lines.extend(["", *columns(table)])
        lines.extend([
            "", (f"MQM: {counted(mqm.errors, 'error')}, {counted(mqm.penalty, 'penalty point')} over "
                 f"{counted(mqm.words, 'word')}"),
            f"  penalty per 1,000 words: {mqm.per_thousand:.{width}f}",
            f"  quality score: {mqm.quality:.{width}f}  ({mqm.model})",
            "  weights: " + ",".join(f"{key}={value:g}" for key, value in asdict(mqm.weights).items()),
            "  by severity: " + ", ".join(f"{key} {value}" for key, value in mqm.by_severity().items()),
        ])
        if mqm.counts:
            table = [["category", "severity", "errors", "penalty"]]
            table.extend([row.category, row.severity, str(row.count), f"{row.penalty:g}"] for row in mqm.counts)
            lines.extend(["", *columns(table)])
        if mqm.unannotated:
            count = mqm.unannotated
            what = "correction has no severity and is" if count == 1 else "corrections have no severity and are"
            lines.append(f"note: {count} {what} not counted as MQM errors")
        lines.extend(f"note: {note}" for note in self.notes)
        return lines

    def measures(self) -> list[Measure]:
        hter, mqm = self.hter, self.mqm
        segments = len(hter.segments)
        rows = [
            Measure("article", "corpus", "HTER", hter.hter, HTER_UNIT, segments, hter.signature),
            Measure("article", "corpus", "segments touched", hter.touched, "segments", segments, ""),
            Measure("article", "corpus", "words changed", hter.words_changed, "words", hter.words,
                    "word edit distance"),
            Measure("article", "corpus", "characters changed", hter.chars_changed, "characters", hter.chars,
                    "character edit distance"),
            Measure("article", "corpus", "MQM penalty", mqm.penalty, "penalty points", mqm.words, mqm.model),
            Measure("article", "corpus", "MQM penalty per 1000 words", mqm.per_thousand, "points per 1000 words",
                    mqm.words, mqm.model),
            Measure("article", "corpus", "MQM quality score", mqm.quality, POINTS, mqm.words, mqm.model),
        ]
        rows.extend(Measure("article", f"{row.category}/{row.severity}", "MQM errors", row.count, "errors",
                            mqm.words, mqm.model) for row in mqm.counts)
        rows.extend(Measure("article", item.segment_id, "HTER", item.hter, HTER_UNIT, 1, hter.signature)
                    for item in hter.segments)
        return rows


def post_edit_report(document: Document, state: ReviewState, *, weights: MqmWeights | None = None,
                     article: str = "", log: str = "") -> PostEditReport:
    """HTER and MQM of the review in ``state`` (the replayed corrections log) of ``document``."""
    return PostEditReport(article=article or str(document.path or document.name), log=log,
                          hter=hter_report(document, state), mqm=mqm_report(document, state, weights),
                          notes=tuple(state.problems))
