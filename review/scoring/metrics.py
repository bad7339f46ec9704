"""Corpus and sentence scores through sacrebleu's own metric objects.

Every number leaves this module with what it means: the metric's name, its
sacrebleu signature (so it can be reproduced with the ``sacrebleu`` command)
and the number of segments it was computed on.  Sufficient statistics are
extracted once per system and reused for corpus scores, sentence scores and
the significance tests in :mod:`review.scoring.significance`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from review.errors import ScoreError

if TYPE_CHECKING:
    from review.scoring.fast_metrics import FastMetric

BLEU = "BLEU"
CHRF = "chrF2++"
TER = "TER"
METRICS = (BLEU, CHRF, TER)
HIGHER_IS_BETTER = {BLEU: True, CHRF: True, TER: False}


def make_metric(name: str, *, sentence: bool = False) -> FastMetric:
    """A fresh sacrebleu metric object with the options of ``sacrebleu -m bleu chrf ter --chrf-word-order 2``.

    ``sentence=True`` gives BLEU with effective order, as ``sacrebleu --sentence-level`` uses.
    The objects are sacrebleu's classes with the fast statistics (:mod:`review.scoring.fast_metrics`).
    """
    from review.scoring.fast_metrics import FastBLEU, FastCHRF, FastTER  # noqa: PLC0415 - imports sacrebleu (slow)

    if name == BLEU:
        return FastBLEU(effective_order=sentence)
    if name == CHRF:
        return FastCHRF(word_order=2)
    if name == TER:
        return FastTER()
    msg = f"unknown metric {name!r}: choose from {', '.join(METRICS)}"
    raise ScoreError(msg)


@dataclass(frozen=True, slots=True)
class MetricScore:
    """One corpus-level score.

    metric: BLEU, chrF2++ or TER.
    score: on sacrebleu's 0-100 scale (TER can exceed 100); see ``higher_is_better``.
    signature: sacrebleu's reproducibility signature for this score.
    detail: sacrebleu's verbose breakdown (BLEU n-gram precisions and brevity penalty), else "".
    segments: how many segment pairs the score was computed on.
    """

    metric: str
    score: float
    signature: str
    detail: str
    segments: int

    @property
    def higher_is_better(self) -> bool:
        return HIGHER_IS_BETTER[self.metric]


@dataclass(frozen=True, slots=True)
class SentenceScore:
    """Scores of one hypothesis segment against its reference (sentence BLEU uses effective order)."""

    index: int
    hypothesis: str
    reference: str
    bleu: float
    chrf: float
    ter: float


def segment_statistics(name: str, hypotheses: Sequence[str], references: Sequence[str]) -> list[list[Any]]:
    """sacrebleu's sufficient statistics of each segment for one metric (lists of counts), computed by
    :mod:`review.scoring.fast`: the same numbers as sacrebleu's own extraction, several times faster."""
    return make_metric(name).segment_statistics(hypotheses, references)


def check_pair(hypotheses: Sequence[str], references: Sequence[str], *, what: str = "hypothesis",
               against: str = "reference") -> None:
    """Raise :class:`ScoreError` unless the two sides can be scored segment by segment."""
    if not references:
        msg = f"the {against} has no segments: nothing to score against"
        raise ScoreError(msg)
    if not hypotheses:
        msg = f"the {what} has no segments: nothing to score"
        raise ScoreError(msg)
    if len(hypotheses) != len(references):
        msg = (f"the {what} has {len(hypotheses)} segments but the {against} has {len(references)}: "
               "score versions of the same text (or pass --lines for one segment a line)")
        raise ScoreError(msg)


class Statistics:
    """Per-segment sufficient statistics of one system for each metric, extracted once.

    rows: statistics already extracted (by :func:`review.scoring.extract.extract_statistics`);
        extracted here, in this process, when not given.
    """

    def __init__(self, hypotheses: Sequence[str], references: Sequence[str],
                 metrics: Sequence[str] = METRICS, rows: dict[str, list[list[Any]]] | None = None) -> None:
        check_pair(hypotheses, references)
        self.hypotheses = list(hypotheses)
        self.references = list(references)
        self.objects = {name: make_metric(name) for name in metrics}
        for metric in self.objects.values():
            metric.num_refs = 1  # one reference a segment, always (sacrebleu's signatures need it)
        if rows is None:
            rows = {name: segment_statistics(name, self.hypotheses, self.references) for name in metrics}
        self.rows: dict[str, list[list[Any]]] = rows

    def corpus(self, name: str) -> MetricScore:
        metric = self.objects[name]
        score = metric.score_segments(self.rows[name])
        detail = ""
        if name == BLEU:
            detail = score.format(signature="", width=1, score_only=False).split(" = ", 1)[1]
            detail = detail.split(" ", 1)[1] if " " in detail else ""
        return MetricScore(metric=name, score=float(score.score), signature=metric.get_signature().format(),
                           detail=detail, segments=len(self.hypotheses))

    def scores(self) -> tuple[MetricScore, ...]:
        return tuple(self.corpus(name) for name in self.objects)

    def sentences(self) -> list[SentenceScore]:
        """Each segment's scores from the statistics already extracted (needs all three metrics)."""
        sentence_bleu = make_metric(BLEU, sentence=True)
        per_metric = {
            BLEU: [sentence_bleu.score_totals(row).score for row in self.rows[BLEU]],
            CHRF: [self.objects[CHRF].score_totals(row).score for row in self.rows[CHRF]],
            TER: [self.objects[TER].score_totals(row).score for row in self.rows[TER]],
        }
        return [
            SentenceScore(index=index, hypothesis=hyp, reference=ref, bleu=float(per_metric[BLEU][index]),
                          chrf=float(per_metric[CHRF][index]), ter=float(per_metric[TER][index]))
            for index, (hyp, ref) in enumerate(zip(self.hypotheses, self.references, strict=True))
        ]


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[MetricScore, ...]:
    """Corpus BLEU, chrF2++ and TER of the hypotheses against one reference each."""
    return Statistics(hypotheses, references).scores()


def sentence_scores(hypotheses: Sequence[str], references: Sequence[str]) -> list[SentenceScore]:
    """BLEU (effective order), chrF2++ and TER of each segment, in segment order."""
    return Statistics(hypotheses, references).sentences()


def sentence_signatures() -> dict[str, str]:
    """The signatures that go with :func:`sentence_scores` (BLEU with effective order)."""
    signatures = {}
    for name in METRICS:
        metric = make_metric(name, sentence=True)
        metric.num_refs = 1  # one reference a segment, always; sacrebleu learns this only when scoring
        signatures[name] = metric.get_signature().format()
    return signatures


def worst_first(scores: Sequence[SentenceScore]) -> list[SentenceScore]:
    """Sentences ordered worst first: lowest chrF2++, then highest TER, then segment order."""
    return sorted(scores, key=lambda item: (item.chrf, -item.ter, item.index))
