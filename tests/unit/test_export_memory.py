"""Exports are written a piece at a time: a long article's export is never held whole, nor half written.

At 100,000 segments the whole TMX tree took about a gigabyte and the joined
JSON Lines three copies of the file; the writers now hand out one unit at a
time.  What is measured is Python's own allocations while the pieces are made
(tracemalloc): a writer that builds the file whole allocates at least its size, one that
writes it unit by unit a few units' worth and the csv module's own buffer (128 kB).
"""

from __future__ import annotations

import importlib
import os
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree  # imported before measuring: importing it the first time allocates more than a unit

from review.document import from_text
from review.errors import ExportError
from review.export import atomic_write
from review.formats import FORMATS, ExportOptions, export_chunks
from review.formats.common import ReviewView, build_view
from review.model import Correction, ReviewState

SEGMENTS = 6_000


def _review(options: ExportOptions) -> ReviewView:
    """A review of ``SEGMENTS`` sentences, each corrected and rendered, so every format has a row for each."""
    sentences = [f"Le ministre {number} a déclaré à Lyon que « l'accord » tiendra jusqu'aux élections de l'automne "
                 f"prochain, selon l'agence, qui cite une source proche du dossier (dépêche {number})."
                 for number in range(SEGMENTS)]
    text = "\n\n".join(" ".join(sentences[start:start + 5]) for start in range(0, SEGMENTS, 5)) + "\n"
    document = from_text(text)
    history = tuple(Correction(segment.id, segment.text, segment.text.replace("tiendra", "durera"),
                               "2026-01-30T08:00:00.000+00:00", previous=segment.text, category="fluency/grammar",
                               severity="minor", note="temps du verbe : « durer » dit mieux ce qui reste en place")
                    for segment in document.segments)
    state = ReviewState(texts={correction.segment_id: correction.text for correction in history}, history=history)
    renderings = {segment.id: f"The minister {segment.id} said the agreement would hold until the elections."
                  for segment in document.segments}
    return build_view(document, state, renderings=renderings, model_name="tiny-model", options=options)


FORMATS_TO_WRITE = [
    pytest.param("tmx", ExportOptions(), id="tmx"),
    pytest.param("xliff", ExportOptions(), id="xliff-2.0"),
    pytest.param("xliff", ExportOptions(xliff_version="1.2"), id="xliff-1.2"),
    pytest.param("po", ExportOptions(), id="po"),
    pytest.param("jsonl", ExportOptions(), id="jsonl"),
    pytest.param("csv", ExportOptions(bom=True), id="csv"),
    pytest.param("txt", ExportOptions(), id="txt"),
]


@pytest.mark.parametrize(("fmt", "options"), FORMATS_TO_WRITE)
def test_a_writer_never_holds_the_whole_file(fmt: str, options: ExportOptions, tmp_path: Path) -> None:
    view = _review(options)
    module = importlib.import_module(FORMATS[fmt])
    target = tmp_path / f"out.{fmt}"
    assert etree.LXML_VERSION
    tracemalloc.start()
    try:
        atomic_write(target, module.chunks(view))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = target.stat().st_size
    assert size > 500_000  # large enough that a whole copy stands out from one unit's worth
    assert peak < size / 3, f"{fmt}: {peak:,} bytes allocated at once for a {size:,}-byte file"


def _failing_after(pieces: int, error: BaseException) -> Iterator[bytes]:
    for _ in range(pieces):
        yield b"x" * 1000
    raise error


@pytest.mark.parametrize("error", [ExportError("no English for p3s2"), KeyboardInterrupt()],
                         ids=["refusal", "ctrl+c"])
def test_a_write_stopped_midway_leaves_the_old_file_and_no_temporary(error: BaseException, tmp_path: Path) -> None:
    target = tmp_path / "delivered.tmx"
    target.write_bytes(b"the version sent to the client\n")
    with pytest.raises(type(error)):
        atomic_write(target, _failing_after(50, error))
    assert target.read_bytes() == b"the version sent to the client\n"
    assert os.listdir(tmp_path) == ["delivered.tmx"]


@pytest.mark.parametrize(("fmt", "options"), [
    pytest.param("tmx", ExportOptions(), id="tmx"),
    pytest.param("xliff", ExportOptions(xliff_version="1.2"), id="xliff-1.2"),
])
def test_a_character_xml_cannot_carry_refuses_before_the_first_piece(fmt: str, options: ExportOptions) -> None:
    """Streamed to stdout, a refusal halfway would leave half a file in the pipe: the last segment is checked
    before anything is made."""
    view = _review(options)
    last = view.document.segments[-1]
    state = replace(view.state, texts={**view.state.texts, last.id: "un \x01 caractère"})
    with pytest.raises(ExportError, match=last.id):
        export_chunks(fmt, view.document, state, renderings=view.renderings, options=options)
