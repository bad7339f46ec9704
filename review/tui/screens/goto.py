"""Ask for a segment number to jump to (the numbers of the list's first column)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class GoToScreen(ModalScreen[int | None]):
    """Returns the segment number typed (1-based, within the article), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, last: int) -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box"):
            yield Static(f"Go to segment number (1 … {self.last}):")
            yield Input(type="integer", id="goto-number")
            yield Static("enter jumps · esc cancels", classes="dim")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        if not (value.isascii() and value.lstrip("+-").isdigit()):  # the field lets a lone sign through
            self.notify(f"{value!r} is not a segment number: type 1 to {self.last}", severity="warning", timeout=4)
            return
        self.dismiss(max(1, min(self.last, int(value))))

    def action_cancel(self) -> None:
        self.dismiss(None)
