"""Ask where to export; the format follows the file's extension."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ExportScreen(ModalScreen[Path | None]):
    """Returns the chosen path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, default: Path, formats: str) -> None:
        super().__init__()
        self.default = default
        self.formats = formats

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Export the reviewed article to:")
            yield Input(str(self.default), id="export-path")
            yield Static(f"format from the extension: {self.formats} · enter writes · esc cancels",
                         classes="dim")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
