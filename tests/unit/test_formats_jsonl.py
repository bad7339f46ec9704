"""JSON Lines export: lossless — reading it back gives the same records."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample

from review.errors import InputError
from review.formats import export_document, read_texts
from review.formats.jsonl import load


@pytest.fixture
def review(article: Path):
    return reviewed_sample(article)


@pytest.fixture
def loaded(review):
    data = export_document("jsonl", review.document, review.state, renderings=review.renderings,
                           flags=review.flags, model_name="m", options=FIXED)
    return load(data)


@pytest.mark.parametrize("attribute", ["text", "segments", "language", "bom"])
def test_document_comes_back(review, loaded, attribute: str) -> None:
    assert getattr(loaded.document, attribute) == getattr(review.document, attribute)


@pytest.mark.parametrize("attribute", ["texts", "history", "dismissed", "position", "problems"])
def test_state_comes_back(review, loaded, attribute: str) -> None:
    assert getattr(loaded.state, attribute) == getattr(review.state, attribute)


def test_flags_renderings_and_model_come_back(review, loaded) -> None:
    assert loaded.flags == review.flags
    assert loaded.renderings == review.renderings
    assert loaded.model_name == "m"


def test_read_texts_gives_current_french_and_english(review, tmp_path: Path) -> None:
    path = tmp_path / "review.jsonl"
    path.write_bytes(export_document("jsonl", review.document, review.state, renderings=review.renderings))
    assert read_texts(path, "fr") == [review.state.text_of(s) for s in review.document.segments]
    assert read_texts(path, "en") == [review.renderings[s.id] for s in review.document.segments]


@pytest.mark.parametrize(("content", "needle"), [
    pytest.param(b'{"type": "segment"}\n', "review record", id="no-head"),
    pytest.param(b"not json\n", "not JSON", id="not-json"),
    pytest.param(b'{"type": "review"}\n', "does not fit", id="head-lacks-fields"),
])
def test_broken_jsonl_is_reported(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError, match=needle):
        read_texts(path, "fr")
