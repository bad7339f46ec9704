"""Scores of translations: sacrebleu metrics, paired tests, HTER, MQM and English-side drift.

Pure core: no UI, no model.  Every number carries its signature, unit and
sample size.  The reports of :mod:`review.scoring.report` are what ``review score``
prints and what the TUI's scores screen shows.
"""

from review.scoring.align import DriftReport, DriftSegment, align_variant, drift_report
from review.scoring.hter import HterReport, SegmentEdit, edit_distance, hter_report
from review.scoring.metrics import (
    BLEU,
    CHRF,
    METRICS,
    TER,
    MetricScore,
    SentenceScore,
    corpus_scores,
    sentence_scores,
    sentence_signatures,
    worst_first,
)
from review.scoring.mqm import MqmCount, MqmReport, MqmWeights, mqm_report
from review.scoring.report import Measure, ScoreReport, render
from review.scoring.report_drift import DriftSummary, drift_summary
from review.scoring.report_post_edit import PostEditReport, post_edit_report
from review.scoring.report_reference import PairedOptions, ReferenceReport, SystemScores, reference_report
from review.scoring.significance import Comparison, PairedResult, compare_variants

__all__ = [
    "BLEU", "CHRF", "METRICS", "TER", "Comparison", "DriftReport", "DriftSegment", "DriftSummary", "HterReport",
    "Measure", "MetricScore", "MqmCount", "MqmReport", "MqmWeights", "PairedOptions", "PairedResult",
    "PostEditReport", "ReferenceReport", "ScoreReport", "SegmentEdit", "SentenceScore", "SystemScores",
    "align_variant", "compare_variants", "corpus_scores", "drift_report", "drift_summary", "edit_distance",
    "hter_report", "mqm_report", "post_edit_report", "reference_report", "render", "sentence_scores",
    "sentence_signatures", "worst_first",
]
