"""Detectors read French with its accents composed (Unicode NFC); flags point into the text as written.

Text pasted from some macOS applications spells « é » as « e » followed by a combining acute
accent (NFD).  The dictionaries, word lists and spaCy's model know composed letters only, so
decomposed text reads as misspelt words and broken tokens (« aprè s »).  A segment whose text is
not composed is handed to the detectors composed, as if it were a correction, and each flag's span
is moved back onto the characters the reviewer sees.  Composed text, nearly all of it, costs one
check per segment.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from review.model import Document, Flag


@dataclass(frozen=True, slots=True)
class _Spelling:
    """One segment's text as written, and for each composed character where its letter starts and ends there."""

    written: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the composed text as a span of the written one."""
        if start >= len(self.starts):
            return len(self.written), len(self.written)
        return self.starts[start], self.ends[end - 1] if end > start else self.starts[start]


def _spelling(written: str) -> tuple[str, _Spelling]:
    """The composed text, and how its characters map back onto ``written``."""
    composed: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    index = 0
    while index < len(written):
        end = index + 1
        while end < len(written) and unicodedata.combining(written[end]):
            end += 1  # a letter and its combining marks compose together
        piece = unicodedata.normalize("NFC", written[index:end])
        composed.append(piece)
        starts.extend([index] * len(piece))
        ends.extend([end] * len(piece))
        index = end
    return "".join(composed), _Spelling(written, tuple(starts), tuple(ends))


@dataclass(frozen=True, slots=True)
class ComposedView:
    """The texts the detectors read (``texts``), and the way back for their flags (:meth:`back`)."""

    texts: Mapping[str, str]
    spellings: Mapping[str, _Spelling]

    def back(self, flags: Iterable[Flag]) -> list[Flag]:
        """Each flag with its span on the text as written."""
        moved = []
        for flag in flags:
            spelling = self.spellings.get(flag.segment_id)
            if spelling is None:
                moved.append(flag)
                continue
            start, end = spelling.span(flag.start, flag.end)
            moved.append(replace(flag, start=start, end=end, span_text=spelling.written[start:end]))
        return moved


def composed_view(document: Document, texts: Mapping[str, str]) -> ComposedView | None:
    """None when every segment is already composed (the usual case); else the view to flag through."""
    spellings: dict[str, _Spelling] = {}
    read = dict(texts)
    for segment in document.segments:
        written = texts.get(segment.id, segment.text)
        if unicodedata.is_normalized("NFC", written):
            continue
        read[segment.id], spellings[segment.id] = _spelling(written)
    return ComposedView(read, spellings) if spellings else None
