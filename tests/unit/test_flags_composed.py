"""Decomposed accents (NFD, as some macOS applications paste them) get the flags composed text gets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from review.document import load_document
from review.flags import FlagOptions
from review.flags.composed import composed_view
from review.flags.incremental import Flagger
from review.translate.pool import ModelPool

OFFLINE = ("lexicon", "grammar", "spelling", "typography", "numbers")


def _flags(path: Path) -> list[tuple[str, str, str]]:
    document = load_document(path)
    flagger = Flagger(OFFLINE, FlagOptions(), ModelPool())
    return [(flag.segment_id, flag.span_text, flag.message) for flag in flagger.flags(document, {})]


def test_a_decomposed_article_gets_the_flags_of_the_composed_one(article: Path, tmp_path: Path) -> None:
    decomposed = tmp_path / "nfd.txt"
    decomposed.write_text(unicodedata.normalize("NFD", article.read_text(encoding="utf-8")), encoding="utf-8")
    composed = _flags(article)
    assert composed  # the sample has flags to compare
    spans = [(segment, unicodedata.normalize("NFC", span), message)
             for segment, span, message in _flags(decomposed)]
    assert spans == composed


def test_flag_spans_land_on_the_written_characters(tmp_path: Path) -> None:
    written = unicodedata.normalize("NFD", "Les ministres étrangères sont arrivé hier à la réunion.")
    path = tmp_path / "a.txt"
    path.write_text(written + "\n", encoding="utf-8")
    document = load_document(path)
    flags = Flagger(OFFLINE, FlagOptions(), ModelPool()).flags(document, {})
    assert flags
    for flag in flags:
        assert written[flag.start:flag.end] == flag.span_text
        assert not unicodedata.combining(written[flag.start])  # never from the middle of a letter


@pytest.mark.parametrize(("text", "expected"), [("déjà", None), ("de\u0301ja\u0300", "déjà")], ids=["nfc", "nfd"])
def test_only_decomposed_segments_are_read_composed(tmp_path: Path, text: str, expected: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Il est {text} parti.\n", encoding="utf-8")
    document = load_document(path)
    view = composed_view(document, {})
    if expected is None:
        assert view is None
    else:
        assert view is not None
        assert view.texts[document.segments[0].id] == f"Il est {expected} parti."
