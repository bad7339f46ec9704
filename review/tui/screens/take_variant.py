"""Pick a variant's text as the current segment's correction: a digit takes it, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from review.tui.widgets.changes import with_changes


class TakeVariantScreen(ModalScreen[str | None]):
    """Returns the chosen variant's name, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "cancel"),
        *(Binding(str(number), f"take({number})", f"take variant {number}", show=False) for number in range(1, 10)),
    ]

    def __init__(self, segment_id: str, choices: list[tuple[str, str]], *, current: str = "") -> None:
        """``choices``: (variant name, its French for the segment), numbered from 1; ``current``: the
        reviewer's text, against which each choice's differences are marked."""
        super().__init__()
        self.segment_id = segment_id
        self.choices = choices[:9]
        self.current = current

    def compose(self) -> ComposeResult:
        listing = Text()
        listing.append(f"Take a variant's text as the correction of {self.segment_id}\n\n", style="bold")
        for number, (name, text) in enumerate(self.choices, start=1):
            listing.append(f"{number} ", style="bold")
            listing.append(f"{name}: ", style="bold")
            listing.append_text(with_changes(Text(text), self.current) if self.current else Text(text))
            listing.append("\n")
        with Vertical(id="take-variant-box"):
            yield Static(listing)
            yield Static(f"1-{len(self.choices)} takes that text · esc cancels", classes="dim")

    def action_take(self, number: int) -> None:
        if 1 <= number <= len(self.choices):
            self.dismiss(self.choices[number - 1][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
