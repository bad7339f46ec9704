"""One row of the segment list: what it shows, how wide its columns are, and its lines.

Pure drawing, no widget: :class:`review.tui.widgets.segment_list.SegmentList`
decides which rows are drawn and when, and keeps their lines; this module makes
them.  The flag panel shares the severity styles and marks.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from review.model import Flag, Severity
from review.terminal import for_screen

# Colour plus an underline style per severity, so no meaning rests on colour alone.
SPAN_STYLES = {
    Severity.CRITICAL: "bold underline red",
    Severity.MAJOR: "underline dark_orange",
    Severity.MINOR: "underline yellow",
    Severity.NEUTRAL: "underline",
}
SYMBOLS = {Severity.CRITICAL: "●", Severity.MAJOR: "▲", Severity.MINOR: "·", Severity.NEUTRAL: "·"}
FLAGS_WIDTH = 4  # the ⚑ column: a count and a mark
PADDING = 1  # cells either side of the French and of the English


def marked_french(text: str, flags: list[Flag], *, current: Flag | None = None) -> Text:
    """The French with each flagged span styled by severity; the current flag reversed."""
    rendered = Text(for_screen(text))
    for flag in sorted(flags, key=lambda item: item.severity.rank):
        if 0 <= flag.start < flag.end <= len(text):
            rendered.stylize(SPAN_STYLES[flag.severity], flag.start, flag.end)
    if current is not None and 0 <= current.start < current.end <= len(text):
        rendered.stylize("reverse", current.start, current.end)
    return rendered


@dataclass(frozen=True, slots=True)
class RowContent:
    """What one row shows.

    number: the segment's 1-based number in the article.
    french: the current French, flagged spans styled.
    english: the rendering of that French, or None while it is awaited.
    waiting: what to show in place of missing English.
    flags: open flags on the segment.
    corrected, reviewed: the marks beside the count (✎, ✓).
    """

    number: int
    french: Text
    english: str | None
    waiting: str
    flags: int
    corrected: bool
    reviewed: bool

    def plain(self, column: str) -> str:
        """A column's text as the row shows it: number, flags, french or english."""
        if column == "number":
            return str(self.number)
        if column == "flags":
            mark = "✎" if self.corrected else ("✓" if self.reviewed else "")
            return f"{self.flags or ''}{mark}"
        if column == "french":
            return self.french.plain
        return self.waiting if self.english is None else self.english

    def key(self) -> Hashable:
        """Everything the row's lines are drawn from: equal keys draw equal lines at one width."""
        spans = tuple((span.start, span.end, span.style) for span in self.french.spans)
        return (self.number, self.french.plain, self.french.style, spans, self.english,
                self.waiting if self.english is None else "", self.flags, self.corrected, self.reviewed)


@dataclass(frozen=True, slots=True)
class Columns:
    """Cell widths of a row at one widget width."""

    number: int
    french: int
    english: int

    @property
    def french_text(self) -> int:
        return max(1, self.french - 2 * PADDING)

    @property
    def english_text(self) -> int:
        return max(1, self.english - 2 * PADDING)


def wrap(console: Console, text: Text, width: int) -> list[list[RichSegment]]:
    """``text`` folded into lines of ``width`` cells, each padded to the width."""
    text.overflow = "fold"
    options = console.options.update_width(width)
    return console.render_lines(text, options, pad=True)


def row_lines(row: RowContent, columns: Columns, width: int, french: list[list[RichSegment]],
              english: list[list[RichSegment]] | None, *, number_style: Style, flags_style: Style) -> list[Strip]:
    """The row's lines at ``width`` cells, and a blank line after them.

    french, english: the columns' wrapped lines; english None when the English column is hidden.
    """
    height = max(len(french), len(english or []), 1)
    flags = RowContent.plain(row, "flags")
    pad = RichSegment(" " * PADDING)
    strips = []
    for index in range(height):
        head = [
            RichSegment(f"{row.number:>{columns.number - 1}} " if index == 0 else " " * columns.number,
                        number_style),
            RichSegment(f"{flags:<{FLAGS_WIDTH}}"[:FLAGS_WIDTH] if index == 0 else " " * FLAGS_WIDTH,
                        flags_style),
        ]
        left = french[index] if index < len(french) else [RichSegment(" " * columns.french_text)]
        if english is not None:
            right = english[index] if index < len(english) else [RichSegment(" " * columns.english_text)]
            strips.append(Strip([*head, pad, *left, pad, pad, *right, pad]).adjust_cell_length(width))
        else:
            strips.append(Strip([*head, pad, *left, pad]).adjust_cell_length(width))
    strips.append(Strip.blank(width))  # the gap between rows
    return strips
