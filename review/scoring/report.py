"""Score reports: typed results that print as a table, JSON or CSV rows.

``review score`` prints these objects and the TUI's scores screen shows the same
ones, so a number means the same thing wherever it appears.  Each report is built
by one function (:func:`reference_report`, :func:`post_edit_report`,
:func:`drift_summary`) and carries, with every number, its signature, unit and
sample size: the CSV rows (:class:`Measure`) say them for each value.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from review.errors import ScoreError
from review.model import Document, ReviewState
from review.scoring.align import DriftReport, drift_report
from review.scoring.hter import HterReport, hter_report
from review.scoring.metrics import METRICS, MetricScore, SentenceScore, Statistics, sentence_signatures, worst_first
from review.scoring.mqm import MqmReport, MqmWeights, mqm_report
from review.scoring.significance import DEFAULT_SEED, Comparison, paired_test

POINTS = "points (0-100)"
HTER_UNIT = "TER edits per 100 words of the post-edit"
DRIFT_UNIT = "chrF points (0-100) of the rendering against the English original"
CSV_HEADER = ("system", "segment", "measure", "value", "unit", "sample", "signature")
FORMATS = ("table", "json", "csv")


@dataclass(frozen=True, slots=True)
class Measure:
    """One number and what it means: a row of the CSV output.

    system: what was scored (a hypothesis file, "article", "renderings").
    segment: "corpus", a segment's number or id, or a category/severity.
    sample: how many segments (or words) the number was computed on.
    signature: sacrebleu's signature, or what else defines the computation.
    """

    system: str
    segment: str | int
    measure: str
    value: float
    unit: str
    sample: int
    signature: str

    def row(self) -> list[Any]:
        return [self.system, self.segment, self.measure, self.value, self.unit, self.sample, self.signature]


class ScoreReport(Protocol):
    """What ``review score`` needs of a report."""

    def table(self, width: int = 1) -> list[str]: ...

    def to_json(self) -> dict[str, Any]: ...

    def measures(self) -> list[Measure]: ...


def csv_rows(report: ScoreReport) -> list[list[Any]]:
    """The CSV rows of a report, header first."""
    return [list(CSV_HEADER), *(measure.row() for measure in report.measures())]


def render(report: ScoreReport, fmt: str = "table", width: int = 1) -> str:
    """The report as ``review score --format FMT`` prints it (table, json or csv), ending with a newline."""
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(csv_rows(report))
        return out.getvalue()
    if fmt == "table":
        return "\n".join(report.table(width)) + "\n"
    msg = f"unknown report format {fmt!r}: choose from {', '.join(FORMATS)}"
    raise ScoreError(msg)


def fmt_number(value: float | None, width: int) -> str:
    return "-" if value is None else f"{value:.{width}f}"


def columns(rows: list[list[str]]) -> list[str]:
    """Rows of cells as lines of left-aligned columns two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---- hypotheses against a reference ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SystemScores:
    """Corpus scores of one hypothesis (a system, a variant)."""

    name: str
    scores: tuple[MetricScore, ...]


@dataclass(frozen=True, slots=True)
class PairedOptions:
    """The paired test to run when there are several systems: "bs" (bootstrap) or "ar" (randomization).

    samples: resamples or trials (None: sacrebleu's 1000 or 10,000); seed: None draws one from the system.
    """

    test: str = "bs"
    samples: int | None = None
    seed: int | None = DEFAULT_SEED


@dataclass(frozen=True, slots=True)
class ReferenceReport:
    """BLEU, chrF2++ and TER of systems against one reference, with the paired test and sentence scores.

    reference: the reference's name (a path on the command line).
    segments: segment pairs per system (the sample size of every corpus score).
    unit: what a segment is ("lines", "sentences", "segments").
    systems: corpus scores, baseline first.
    paired: the paired test of the others against the baseline (None with one system, or not asked).
    sentences: per system, each segment's scores, worst first (empty unless asked).
    sentence_signatures: the signatures that go with ``sentences``.
    notes: facts a reader should know (a system identical to the reference, ...).
    """

    reference: str
    segments: int
    unit: str
    systems: tuple[SystemScores, ...]
    paired: Comparison | None = None
    sentences: tuple[tuple[str, tuple[SentenceScore, ...]], ...] = ()
    sentence_signatures: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def baseline(self) -> str:
        return self.systems[0].name

    def signatures(self) -> dict[str, str]:
        """Per metric, the signature of the corpus scores (with the paired test's settings when there is one)."""
        if self.paired is not None:
            return dict(self.paired.signatures)
        return {score.metric: score.signature for score in self.systems[0].scores}

    def to_json(self) -> dict[str, Any]:
        report: dict[str, Any] = {
            "reference": self.reference, "segments": self.segments, "unit": self.unit,
            "systems": [{"name": system.name, "scores": [asdict(score) for score in system.scores]}
                        for system in self.systems],
        }
        if self.paired is not None:
            paired = self.paired
            report["paired"] = {"test": paired.description, "baseline": paired.baseline, "samples": paired.samples,
                                "seed": paired.seed, "signatures": paired.signatures,
                                "results": [asdict(result) | {"significant": result.significant}
                                            for result in paired.results]}
        if self.sentences:
            report["sentence_signatures"] = dict(self.sentence_signatures)
            report["sentences"] = {name: [asdict(item) for item in items] for name, items in self.sentences}
        report["notes"] = list(self.notes)
        return report

    def table(self, width: int = 1) -> list[str]:
        lines = [f"Scores against {self.reference} ({self.segments} {self.unit})", ""]
        cells = {(system.name, score.metric): fmt_number(score.score, width)
                 for system in self.systems for score in system.scores}
        if self.paired is not None:
            for result in self.paired.results:
                cell = fmt_number(result.score, width)
                if result.mean is not None:
                    cell += f" ({fmt_number(result.mean, width)} ± {fmt_number(result.ci, width)})"
                if result.p_value is not None:
                    cell += f" p={result.p_value:.4f}" + ("*" if result.significant else "")
                cells[(result.system, result.metric)] = cell
        metrics = [score.metric for score in self.systems[0].scores]
        rows = [["system", *metrics]]
        rows += [[system.name, *(cells[(system.name, metric)] for metric in metrics)] for system in self.systems]
        lines.extend(columns(rows))
        lines.append("")
        if self.paired is not None:
            lines.append(f"{self.paired.description}; baseline {self.baseline}; mean ± half-width of the 95% CI;")
            lines.append("p: chance of a difference this large if both came from one process; * p < 0.05")
        lines.append("signatures:")
        lines.extend(f"  {metric:<8} {signature}" for metric, signature in self.signatures().items())
        lines.extend(f"  {system.name} {score.metric}: {score.detail}"
                     for system in self.systems for score in system.scores if score.detail)
        for name, items in self.sentences:
            lines.extend(["", f"Segments of {name}, worst first (sentence BLEU with effective order):"])
            table = [["#", "chrF2++", "BLEU", "TER", "hypothesis"]]
            table.extend([str(item.index + 1), fmt_number(item.chrf, width), fmt_number(item.bleu, width),
                          fmt_number(item.ter, width), clip(item.hypothesis)] for item in items)
            lines.extend(columns(table))
        lines.extend(f"note: {note}" for note in self.notes)
        return lines

    def measures(self) -> list[Measure]:
        signatures = self.paired.signatures if self.paired is not None else {}
        rows = [Measure(system.name, "corpus", score.metric, score.score, POINTS, score.segments,
                        signatures.get(score.metric, score.signature))
                for system in self.systems for score in system.scores]
        for result in self.paired.results if self.paired is not None else ():
            for measure in ("mean", "ci", "p_value"):
                value = getattr(result, measure)
                if value is not None:
                    unit = "probability" if measure == "p_value" else POINTS
                    rows.append(Measure(result.system, "corpus", f"{result.metric} {measure}", value, unit,
                                        self.segments, signatures[result.metric]))
        for name, items in self.sentences:
            for item in items:
                for metric, value in zip(METRICS, (item.bleu, item.chrf, item.ter), strict=True):
                    rows.append(Measure(name, item.index + 1, metric, value, POINTS, 1,
                                        self.sentence_signatures[metric]))
        return rows


def reference_report(statistics: Mapping[str, Statistics], *, reference: str, unit: str = "segments",
                     paired: PairedOptions | None = None, sentences: bool = False) -> ReferenceReport:
    """Scores of every system's statistics (extracted against the same reference), first system the baseline.

    With ``paired`` and two systems or more, the others are tested against the baseline.
    """
    if not statistics:
        msg = "no system to score: give at least one hypothesis"
        raise ScoreError(msg)
    baseline, *others = statistics
    first = statistics[baseline]
    notes = [f"{name} is identical to the reference: scores are the maximum"
             for name, stats in statistics.items() if stats.hypotheses == stats.references]
    comparison = None
    if paired is not None and others:
        comparison = paired_test(first, {name: statistics[name] for name in others}, baseline_name=baseline,
                                 test=paired.test, samples=paired.samples, seed=paired.seed)
        notes.extend(comparison.notes)
        systems = tuple(SystemScores(name, scores)
                        for name, scores in zip(comparison.systems, comparison.scores, strict=True))
    else:
        systems = tuple(SystemScores(name, stats.scores()) for name, stats in statistics.items())
    return ReferenceReport(
        reference=reference, segments=len(first.references), unit=unit, systems=systems, paired=comparison,
        sentences=tuple((name, tuple(worst_first(stats.sentences()))) for name, stats in statistics.items())
        if sentences else (),
        sentence_signatures=sentence_signatures() if sentences else {}, notes=tuple(notes),
    )


# ---- a review: HTER and MQM --------------------------------------------------------------------------------


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
            "", f"MQM: {mqm.errors} errors, {mqm.penalty:g} penalty points over {mqm.words} words",
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


# ---- the English side: renderings against the original ------------------------------------------------------


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
            lines.append(f"      original:  {item.source}")
            lines.append(f"      rendering: {item.rendering}")
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
