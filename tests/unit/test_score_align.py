"""Variants line up with the article segment by segment; the English side is scored for drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.document import from_text, load_document
from review.errors import ScoreError
from review.scoring import align_variant, compare_variants, drift_report, sentence_scores


def paragraphs(document_text: str) -> list[str]:
    return [block for block in document_text.split("\n\n") if block.strip()]


def test_variant_with_the_same_structure_lines_up(article: Path) -> None:
    document = load_document(article)
    variant = document.text.replace("Pakistan", "Pakistán")
    aligned = align_variant(document, variant)
    assert len(aligned) == len(document.segments)
    assert aligned == [segment.text.replace("Pakistan", "Pakistán") for segment in document.segments]
    assert align_variant(document, from_text(variant)) == aligned


@pytest.mark.parametrize(("change", "message"), [
    (lambda blocks: blocks[:-1], "paragraphs"),
    (lambda blocks: [blocks[0], blocks[1] + " Une phrase de plus.", *blocks[2:]], "paragraph 2 has"),
    (lambda _: ["   "], "empty"),
], ids=["paragraph-missing", "sentence-added", "empty"])
def test_misaligned_variant_says_where(article: Path, change: object, message: str) -> None:
    document = load_document(article)
    variant = "\n\n".join(change(paragraphs(document.text)))  # type: ignore[operator]
    with pytest.raises(ScoreError, match=message):
        align_variant(document, variant)


def test_drift_ranks_the_most_changed_rendering_first() -> None:
    sources = ["The cat sat on the mat.", "It is sunny today.", "Hello world."]
    renderings = ["The cat sat on the mat.", "Bananas grow in winter.", "Hello, world."]
    report = drift_report(renderings, sources, ["a", "b", "c"])
    assert [item.segment_id for item in report.worst()] == ["b", "c", "a"]
    assert report.segments[0].chrf == pytest.approx(100.0)
    assert report.worst(1)[0].segment_id == "b"
    assert "nc:6" in report.signature
    assert 0 < report.corpus_chrf < 100


@pytest.mark.parametrize(("renderings", "sources", "message"), [
    (["a"], ["a", "b"], "1 segments but the English original has 2"),
    (["a"], [], "English original has no segments"),
    ([], ["a"], "renderings has no segments"),
], ids=["lengths", "no-source", "no-renderings"])
def test_drift_refuses_misaligned_input(renderings: list[str], sources: list[str], message: str) -> None:
    with pytest.raises(ScoreError, match=message):
        drift_report(renderings, sources)


@pytest.mark.parametrize(("hyps", "refs", "message"), [
    (["a", "b"], ["a"], "2 segments but the reference has 1"),
    ([], ["a"], "hypothesis has no segments"),
], ids=["lengths", "empty"])
def test_sentence_scores_refuse_misaligned_input(hyps: list[str], refs: list[str], message: str) -> None:
    with pytest.raises(ScoreError, match=message):
        sentence_scores(hyps, refs)


def test_variant_identical_to_baseline_is_noted_not_refused() -> None:
    reference = ["Le chat est sur le tapis.", "Il fait beau.", "Bonjour."]
    baseline = ["Le chat est sur tapis.", "Il fait beau.", "Bonjour !"]
    comparison = compare_variants(baseline, {"same": list(baseline)}, reference, samples=50)
    assert any("identical to the baseline" in note for note in comparison.notes)
    for metric in ("BLEU", "chrF2++", "TER"):
        assert comparison.result("same", metric).score == comparison.result("baseline", metric).score
        assert comparison.result("same", metric).mean == comparison.result("baseline", metric).mean
