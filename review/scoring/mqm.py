"""MQM error counts and score from the categories and severities of corrections.

Scoring model: the linear MQM scoring model without calibration (MQM Council,
"MQM scoring models", 2.0):

- APT, absolute penalty total: the sum of the severity weights of all errors;
- per 1,000 words: APT / EWC × 1000, EWC being the evaluation word count (the article's words);
- OQS, overall quality score: 100 × (1 − APT / EWC), clipped at 0 here so that a
  very bad short text reads 0 rather than a negative number.

Weights default to the MQM 2.0 ones (neutral 0, minor 1, major 5, critical 25).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields

from review.errors import ScoreError
from review.model import Document, ReviewState, Severity
from review.ranges import finite_number

MODEL_NAME = "MQM linear scoring model, uncalibrated: OQS = 100 × (1 − APT / EWC), clipped at 0"
UNCATEGORISED = "uncategorised"


@dataclass(frozen=True, slots=True)
class MqmWeights:
    """Penalty points per error of each severity."""

    neutral: float = 0.0
    minor: float = 1.0
    major: float = 5.0
    critical: float = 25.0

    def of(self, severity: str) -> float:
        return float(getattr(self, Severity(severity).value))

    @classmethod
    def parse(cls, text: str) -> MqmWeights:
        """Weights from ``minor=1,major=5,critical=25``; severities not named keep their default."""
        names = {item.name for item in fields(cls)}
        values: dict[str, float] = {}
        for part in filter(None, (piece.strip() for piece in text.split(","))):
            name, sep, value = part.partition("=")
            name = name.strip().lower()
            if not sep or name not in names:
                msg = f"--weights: {part!r} is not SEVERITY=NUMBER with SEVERITY one of {', '.join(sorted(names))}"
                raise ScoreError(msg)
            try:
                number = finite_number(value, low=0.0, high=1e6, name=f"--weights {name}")
            except ValueError as error:
                raise ScoreError(str(error)) from None
            values[name] = number
        return cls(**values)

    def __str__(self) -> str:
        return ",".join(f"{item.name}={getattr(self, item.name):g}" for item in fields(self))


@dataclass(frozen=True, slots=True)
class MqmCount:
    """How many errors of one category and severity, and the penalty points they cost."""

    category: str
    severity: str
    count: int
    penalty: float


@dataclass(frozen=True, slots=True)
class MqmReport:
    """MQM counts and score of an article's review.

    counts: one row per (category, severity) seen, most penalised first.
    penalty: APT, the absolute penalty total.
    words: EWC, the evaluation word count (whitespace words of the article).
    unannotated: corrections without a severity (not counted as errors, no penalty).
    """

    weights: MqmWeights
    counts: tuple[MqmCount, ...]
    penalty: float
    words: int
    unannotated: int
    model: str = MODEL_NAME

    @property
    def errors(self) -> int:
        return sum(row.count for row in self.counts)

    @property
    def per_thousand(self) -> float:
        """Penalty points per 1,000 words of the article."""
        return self.penalty / self.words * 1000 if self.words else 0.0

    @property
    def quality(self) -> float:
        """OQS: 100 × (1 − APT / EWC), clipped at 0."""
        return max(0.0, 100 * (1 - self.penalty / self.words)) if self.words else 100.0

    def by_severity(self) -> dict[str, int]:
        totals = dict.fromkeys((severity.value for severity in Severity), 0)
        for row in self.counts:
            totals[row.severity] += row.count
        return totals

    def by_category(self) -> dict[str, int]:
        totals: Counter[str] = Counter()
        for row in self.counts:
            totals[row.category] += row.count
        return dict(totals.most_common())


def mqm_report(document: Document, state: ReviewState, weights: MqmWeights | None = None) -> MqmReport:
    """Count the corrections in force by category and severity and score them.

    A correction is an error annotation when it has a severity; one with a
    category but no severity is counted as unannotated, like one with neither.
    The corrections of a segment the reviewer brought back to the machine's text
    (typed back, not undone) are not in force: no error stands there.
    """
    weights = weights or MqmWeights()
    seen: Counter[tuple[str, str]] = Counter()
    unannotated = 0
    for correction in state.history:
        if correction.segment_id not in state.texts:
            continue
        if not correction.severity:
            unannotated += 1
            continue
        try:
            severity = Severity(correction.severity).value
        except ValueError:
            msg = (f"correction of {correction.segment_id} has severity {correction.severity!r}, "
                   f"not one of {', '.join(s.value for s in Severity)}: fix that line of the log")
            raise ScoreError(msg) from None
        seen[(correction.category or UNCATEGORISED, severity)] += 1
    counts = [MqmCount(category, severity, count, count * weights.of(severity))
              for (category, severity), count in seen.items()]
    counts.sort(key=lambda row: (-row.penalty, -Severity(row.severity).rank, row.category))
    return MqmReport(weights=weights, counts=tuple(counts), penalty=sum(row.penalty for row in counts),
                     words=document.word_count(), unannotated=unannotated)
