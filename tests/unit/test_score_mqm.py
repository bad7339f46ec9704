"""MQM counts and score against a worked example."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.document import load_document
from review.errors import ScoreError
from review.model import Category, Correction, ReviewState, Severity
from review.scoring import MqmWeights, mqm_report

# Worked example: six corrections on the sample article.
#   minor mistranslation ×2 -> 2 × 1  =  2
#   major omission        -> 1 × 5  =  5
#   critical terminology  -> 1 × 25 = 25
#   neutral style         -> 1 × 0  =  0
#   no severity           -> not an error
# APT = 32 points.
EXAMPLE = [
    (Category.MISTRANSLATION, Severity.MINOR),
    (Category.MISTRANSLATION, Severity.MINOR),
    (Category.OMISSION, Severity.MAJOR),
    (Category.TERMINOLOGY, Severity.CRITICAL),
    (Category.UNIDIOMATIC, Severity.NEUTRAL),
    (None, None),
]


def state_of(rows: list[tuple[str | None, str | None]]) -> ReviewState:
    history = tuple(Correction(segment_id=f"p{i + 1}s1", original="x", text="y", timestamp="",
                               category=category, severity=severity) for i, (category, severity) in enumerate(rows))
    return ReviewState(texts={correction.segment_id: correction.text for correction in history}, history=history)


@pytest.mark.parametrize(("weights", "penalty"), [
    (MqmWeights(), 2 * 1 + 5 + 25 + 0),
    (MqmWeights.parse("minor=2"), 2 * 2 + 5 + 25 + 0),
    (MqmWeights.parse("neutral=0.5, minor=1, major=10, critical=25"), 2 * 1 + 10 + 25 + 0.5),
    (MqmWeights.parse("critical=1000"), 2 * 1 + 5 + 1000),
], ids=["mqm-2.0-weights", "heavier-minor", "custom-all", "clipped-at-zero"])
def test_worked_example(article: Path, weights: MqmWeights, penalty: float) -> None:
    document = load_document(article)
    words = document.word_count()
    report = mqm_report(document, state_of(EXAMPLE), weights)
    assert report.penalty == pytest.approx(penalty)
    assert report.words == words
    assert report.errors == 5
    assert report.unannotated == 1
    assert report.per_thousand == pytest.approx(penalty / words * 1000)
    assert report.quality == pytest.approx(max(0.0, 100 - penalty / words * 100))
    assert report.by_severity() == {"neutral": 1, "minor": 2, "major": 1, "critical": 1}
    assert report.by_category() == {"accuracy/mistranslation": 2, "accuracy/omission": 1, "terminology": 1,
                                    "style/unidiomatic": 1}
    assert report.counts[0].penalty == max(row.penalty for row in report.counts)


def test_no_errors_scores_full_quality(article: Path) -> None:
    report = mqm_report(load_document(article), ReviewState())
    assert (report.errors, report.penalty, report.per_thousand, report.quality) == (0, 0.0, 0.0, 100.0)


@pytest.mark.parametrize("text", ["minor", "severe=3", "minor=abc", "major=-1"],
                         ids=["no-value", "unknown-severity", "not-a-number", "negative"])
def test_bad_weights_say_what_is_wrong(text: str) -> None:
    with pytest.raises(ScoreError, match="--weights"):
        MqmWeights.parse(text)


def test_unknown_severity_in_log_is_a_score_error(article: Path) -> None:
    with pytest.raises(ScoreError, match="severity 'huge'"):
        mqm_report(load_document(article), state_of([("other", "huge")]))


def test_a_segment_typed_back_to_the_machine_text_has_no_error(article: Path) -> None:
    from review.replay import replay  # noqa: PLC0415
    from review.session import Session  # noqa: PLC0415
    from review.store import ReviewLog, default_log_path  # noqa: PLC0415

    document = load_document(article)
    first, second = document.segments[0], document.segments[1]
    log = ReviewLog(default_log_path(article))
    log.acquire()
    try:
        session = Session.open(document, log)
        session.correct(first, first.text.replace("accusent", "conviennent"), category=Category.MISTRANSLATION,
                        severity=Severity.CRITICAL)
        session.correct(first, first.text)  # the reviewer types the machine's words back instead of undoing
        session.correct(second, second.text.replace("JAKARTA", "Jakarta"), category=Category.SPELLING,
                        severity=Severity.MINOR)
    finally:
        log.release()
    report = mqm_report(document, replay(default_log_path(article), document))
    assert report.errors == 1
    assert report.by_severity()["critical"] == 0
    assert report.by_severity()["minor"] == 1
