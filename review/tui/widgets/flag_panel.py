"""The current segment's flags: reason, suggestions, and what the keys do."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from review.model import Flag
from review.terminal import for_screen
from review.tui.widgets.segment_list import SPAN_STYLES, SYMBOLS


class FlagPanel(Static):
    """Lists open flags of the segment; the selected one first and marked ▶."""

    def show(self, flags: list[Flag], selected: Flag | None, *, note: str = "",
             suggestions_english: dict[str, str] | None = None) -> None:
        if not flags:
            self.update(Text(note or "no open flags on this segment", style="dim"))
            return
        lines = Text()
        for flag in flags:
            pointer = "▶ " if flag == selected else "  "
            lines.append(pointer)
            lines.append(f"{SYMBOLS[flag.severity]} {flag.severity.value:<8}", style=SPAN_STYLES[flag.severity])
            lines.append(f" {for_screen(flag.span_text) or '…'}", style="bold")
            lines.append(f" — {for_screen(flag.message)}  ")
            lines.append(f"[{flag.category} · {flag.detector} · {flag.confidence:.0%}]\n", style="dim")
            if flag == selected and flag.suggestions:
                english = suggestions_english or {}
                # with their English each suggestion is a sentence long: one a line; without, all on one
                separator = "\n    " if english else "   "
                lines.append("    ")
                for number, suggestion in enumerate(flag.suggestions[:9], start=1):
                    lines.append(f"{number} ", style="bold")
                    lines.append(for_screen(suggestion))
                    if suggestion in english:
                        lines.append(f' → "{for_screen(english[suggestion])}"', style="italic")
                    lines.append(separator)
                lines.append("a apply · 1-9 apply that one · i dismiss", style="dim")
                lines.append("\n")
        self.update(lines)
