"""One segment on screen: number, flag count, French (spans marked), English."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

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


def marked_french(text: str, flags: list[Flag], *, current: Flag | None = None) -> Text:
    """The French with each flagged span styled by severity; the current flag reversed."""
    rendered = Text(for_screen(text))
    for flag in sorted(flags, key=lambda item: item.severity.rank):
        if 0 <= flag.start < flag.end <= len(text):
            rendered.stylize(SPAN_STYLES[flag.severity], flag.start, flag.end)
    if current is not None and 0 <= current.start < current.end <= len(text):
        rendered.stylize("reverse", current.start, current.end)
    return rendered


class SegmentRow(Horizontal):
    """A row of the segment list; the list sets its texts and marks."""

    def __init__(self, number: int, segment_id: str, french: str) -> None:
        super().__init__(id=f"row-{segment_id}", classes="segment-row")
        self.segment_id = segment_id
        self._number = number
        self._french = french

    def compose(self) -> ComposeResult:
        yield Static(str(self._number), classes="col-number")
        yield Static("", classes="col-flags")
        yield Static(Text(for_screen(self._french)), classes="col-french")
        yield Static(Text("…", style="dim italic"), classes="col-english")

    def show(self, *, french: Text, english: str | None, flags: int, corrected: bool, reviewed: bool,
             waiting: str = "…") -> None:
        mark = "✎" if corrected else ("✓" if reviewed else "")
        self.query_one(".col-flags", Static).update(f"{flags or ''}{mark}")
        self.query_one(".col-french", Static).update(french)
        if english is None:
            self.query_one(".col-english", Static).update(Text(waiting, style="dim italic"))
        else:
            self.query_one(".col-english", Static).update(Text(for_screen(english)))
        self.set_class(corrected, "corrected")
        self.refresh(layout=True)  # the English may be taller than the French it joined
