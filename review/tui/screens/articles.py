"""The first screen of ``review serve`` on a folder: its articles and how far each review is."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from review.articles import ArticleSummary, summaries

NOT_FLAGGED = "not flagged yet"


def flags_cell(summary: ArticleSummary) -> str:
    if summary.problem is not None:
        return summary.problem
    return NOT_FLAGGED if summary.open_flags is None else str(summary.open_flags)


class ArticlesScreen(Screen[None]):
    """Enter opens the article under the cursor in this tab; the counts come from the logs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "open"),
        Binding("j", "move(1)", "down", show=False),
        Binding("k", "move(-1)", "up", show=False),
        Binding("R", "refresh", "read the folder again"),
        Binding("q", "app.quit", "close"),
    ]

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = tuple(paths)
        self.keys: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(id="articles-title")
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static("flags: open flags when the article was last closed; an article never opened is "
                     f"{NOT_FLAGGED!r}", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("article", "segments", "reviewed", "corrected", "flags")
        self.action_refresh()
        table.focus()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_refresh(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        found = summaries(self.paths)
        self.keys = [summary.key for summary in found]
        for summary in found:
            table.add_row(summary.key, summary.segments, summary.reviewed, summary.corrected, flags_cell(summary),
                          key=summary.key)
        where = ", ".join(str(path) for path in self.paths)
        count = f"{len(found)} article{'' if len(found) == 1 else 's'}" if found else "no *.txt article"
        self.query_one("#articles-title", Static).update(f" review · {where} · {count} · enter opens one")

    @on(DataTable.RowSelected)
    def selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_url(f"/open/{quote(event.row_key.value)}", new_tab=False)

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.keys and 0 <= table.cursor_row < len(self.keys):
            self.app.open_url(f"/open/{quote(self.keys[table.cursor_row])}", new_tab=False)
