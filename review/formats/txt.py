"""Plain text: the corrected article, byte for byte as read where nothing was corrected."""

from __future__ import annotations

from collections.abc import Iterator

from review.document import decode, from_text
from review.errors import InputError
from review.export import corrected_chunks
from review.formats.common import ReviewView


def chunks(view: ReviewView) -> Iterator[bytes]:
    return corrected_chunks(view.document, view.state)


def read(data: bytes, lang: str, *, source: str) -> list[str]:  # noqa: ARG001 - plain text names no language
    """The sentences of a plain text, cut as articles are (paragraphs, then sentences)."""
    text, _ = decode(data, source=source)
    if not text.strip():
        msg = f"{source} is empty: there are no segments in it"
        raise InputError(msg)
    return [segment.text for segment in from_text(text).segments]


def read_ids(data: bytes, *, source: str) -> list[str | None]:  # noqa: ARG001 - plain text has no ids
    return []
