"""Word-level changes drawn into a text: new words marked, replaced or deleted words struck through beside them."""

from __future__ import annotations

from rich.text import Text

from review.diff import word_changes

INSERTED = "bold green"
REMOVED = "strike red"


def with_changes(shown: Text, before: str) -> Text:
    """``shown`` (already styled, e.g. with flagged spans) with its differences from ``before`` marked.

    The removed words are written struck through just before the words that replaced them,
    so the reader sees both; ``shown``'s own styles stay where they were.
    """
    changes = word_changes(before, shown.plain)
    if not changes:
        return shown
    result = Text()
    cursor = 0
    for change in changes:
        result.append_text(shown[cursor : change.start])
        if change.removed:
            if change.start == change.end and result.plain[-1:] not in {"", " "}:
                result.append(" ")  # words deleted after the last word stand apart from it
            result.append(change.removed, style=REMOVED)
            if change.start < change.end or shown.plain[change.end : change.end + 1] not in {"", " "}:
                result.append(" ")
        piece = shown[change.start : change.end]
        piece.stylize(INSERTED)
        result.append_text(piece)
        cursor = change.end
    result.append_text(shown[cursor:])
    return result
