"""Hypotheses against a reference: BLEU, chrF2++ and TER of each system, the paired test, sentence scores."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from review.errors import ScoreError
from review.scoring.metrics import METRICS, MetricScore, SentenceScore, Statistics, sentence_signatures, worst_first
from review.scoring.report import (
    POINTS,
    Measure,
    clip,
    columns,
    fmt_number,
    segmentation_note,
)
from review.scoring.significance import DEFAULT_SEED, Comparison, paired_test
from review.wording import counted


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
        lines = [f"Scores against {self.reference} ({counted(self.segments, self.unit.removesuffix('s'))})", ""]
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


def _identical(name: str, stats: Statistics) -> str:
    """The note on a system identical to the reference, true of its BLEU too.

    BLEU counts up to four-word n-grams over the corpus: a text with no four-word stretch has none to
    match, and scores 0 even against itself (chrF2++ 100 and TER 0 still say it is the same).
    """
    bleu = next((score.score for score in stats.scores() if score.metric == "BLEU"), None)
    if bleu is None or bleu >= 100 - 1e-9:
        return f"{name} is identical to the reference: scores are the maximum"
    return (f"{name} is identical to the reference (chrF2++ 100, TER 0); its BLEU is {fmt_number(bleu, 1)}, not "
            "100, because its segments are too short for BLEU's four-word n-grams")


def reference_report(statistics: Mapping[str, Statistics], *, reference: str, unit: str = "segments",
                     paired: PairedOptions | None = None, sentences: bool = False,
                     notes: Sequence[str] = (), advance: Callable[[int, int], object] | None = None) -> ReferenceReport:
    """Scores of every system's statistics (extracted against the same reference), first system the baseline.

    With ``paired`` and two systems or more, the others are tested against the baseline.
    notes: what the reader should know of how the files were read (joined to the report's own).
    advance: how far the paired test is (see :func:`review.scoring.significance.paired_test`).
    """
    if not statistics:
        msg = "no system to score: give at least one hypothesis"
        raise ScoreError(msg)
    baseline, *others = statistics
    first = statistics[baseline]
    told = list(notes)
    notes = [*told, *(_identical(name, stats) for name, stats in statistics.items()
                      if stats.hypotheses == stats.references)]
    comparison = None
    if paired is not None and others:
        comparison = paired_test(first, {name: statistics[name] for name in others}, baseline_name=baseline,
                                 test=paired.test, samples=paired.samples, seed=paired.seed, advance=advance)
        notes.extend(comparison.notes)
        systems = tuple(SystemScores(name, scores)
                        for name, scores in zip(comparison.systems, comparison.scores, strict=True))
    else:
        systems = tuple(SystemScores(name, stats.scores()) for name, stats in statistics.items())
    return ReferenceReport(
        reference=reference, segments=len(first.references), unit=unit, systems=systems, paired=comparison,
        sentences=tuple((name, tuple(worst_first(stats.sentences()))) for name, stats in statistics.items())
        if sentences else (),
        sentence_signatures=sentence_signatures() if sentences else {},
        notes=(*notes, segmentation_note(unit, len(first.references))),
    )
