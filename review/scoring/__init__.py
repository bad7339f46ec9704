"""Scores of translations: sacrebleu metrics, paired tests, HTER, MQM and English-side drift.

Pure core: no UI, no model.  Every number carries its signature, unit and
sample size.  The TUI and ``review score`` both call the functions below.
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
from review.scoring.significance import Comparison, PairedResult, compare_variants

__all__ = [
    "BLEU", "CHRF", "METRICS", "TER", "Comparison", "DriftReport", "DriftSegment", "HterReport", "MetricScore",
    "MqmCount", "MqmReport", "MqmWeights", "PairedResult", "SegmentEdit", "SentenceScore", "align_variant",
    "compare_variants", "corpus_scores", "drift_report", "edit_distance", "hter_report", "mqm_report",
    "sentence_scores", "sentence_signatures", "worst_first",
]
