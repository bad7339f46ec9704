"""Every key of the review screen, from the app's own bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

EDITOR_KEYS = [
    ("enter, ctrl+s", "save the edited French"),
    ("esc", "cancel the edit"),
    ("ctrl+t", "cycle the correction's MQM category"),
    ("ctrl+r", "cycle the correction's severity"),
]


class HelpScreen(ModalScreen[None]):
    """A table of keys; any of esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table(title="review — keys", expand=True, show_edge=False)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        for key, what in self.keys:
            table.add_row(key, what)
        table.add_section()
        for key, what in EDITOR_KEYS:
            table.add_row(key, f"(editing) {what}")
        table.add_row("ctrl+p", "command palette: every action by name")
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static("esc closes", classes="dim")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
