"""Long and odd paragraphs: no segment outgrows the limit (ordinary articles keep their ids: test_document)."""

from __future__ import annotations

import pytest

from review.document import MAX_SEGMENT, segment_text, split_sentences

CLAUSE = "le comité a examiné la demande des riverains de la vallée"


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        pytest.param("; ".join([CLAUSE] * 40), ";", id="semicolons"),
        pytest.param(", ".join([CLAUSE] * 40), ",", id="commas-only"),
        pytest.param(" — ".join([CLAUSE] * 40), "—", id="dashes"),
    ],
)
def test_a_paragraph_with_no_sentence_end_is_cut_at_clauses(text: str, ends: str) -> None:
    cut = pieces(text)
    assert len(cut) > 1
    assert all(len(piece) <= MAX_SEGMENT for piece in cut)
    assert all(piece.endswith(ends) for piece in cut[:-1])
    assert " ".join(cut) == text


def test_words_with_no_break_are_cut_hard() -> None:
    text = "x" * (MAX_SEGMENT * 3 + 7)
    assert [len(piece) for piece in pieces(text)] == [MAX_SEGMENT, MAX_SEGMENT, MAX_SEGMENT, 7]


def test_a_sentence_at_the_limit_is_not_cut() -> None:
    text = ("a" * (MAX_SEGMENT - 1)) + ". Fin."
    assert pieces(text) == ["a" * (MAX_SEGMENT - 1) + ".", "Fin."]


def test_a_megabyte_line_becomes_bounded_segments_with_exact_offsets() -> None:
    words = ("le", "chat", "mange", "la", "souris,", "puis", "dort", "«", "»", "M.", "l'école")
    text = " ".join(words[(index * 7) % len(words)] for index in range(200_000))
    segments = segment_text(text)
    assert len(segments) > len(text) // MAX_SEGMENT
    assert all(0 < len(segment.text) <= MAX_SEGMENT for segment in segments)
    assert all(text[segment.start:segment.end] == segment.text for segment in segments)
    assert [segment.id for segment in segments[:3]] == ["p1s1", "p1s2", "p1s3"]
    assert len({segment.id for segment in segments}) == len(segments)

