"""Every key of the review screen and of the segment editor, from the key table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from review.tui.keys import EDITOR_ACTIONS, Action, groups

PALETTE_ROW = ("ctrl+p", "command palette: every action by name")


class HelpScreen(ModalScreen[None]):
    """A table of keys, section by section; any of esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "close")]

    def __init__(self, actions: Sequence[Action], editor: Sequence[Action] = EDITOR_ACTIONS) -> None:
        super().__init__()
        self.actions = tuple(actions)
        self.editor = tuple(editor)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, keys, what they do), in the order shown."""
        rows = [(group, action.shown_keys, action.description)
                for group, members in groups([*self.actions, *self.editor]).items() for action in members]
        return [*rows, ("", *PALETTE_ROW)]

    def compose(self) -> ComposeResult:
        table = Table(title="review — keys", expand=True, show_edge=False)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        section = None
        for group, keys, what in self.rows():
            if group != section:
                if section is not None:
                    table.add_section()
                if group:
                    table.add_row(Text(group, style="italic"), "")
                section = group
            table.add_row(keys, what)
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static("esc closes", classes="dim")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
