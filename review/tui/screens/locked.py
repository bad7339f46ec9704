"""What a browser tab shows when its article is already open in another session: the read-only offer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static


class NoticeScreen(Screen[None]):
    """A message; with ``read_only_url``, the offer to look at the article without saving.

    ``r`` (or the button) opens the read-only address in this tab; ``q`` closes the tab's session.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "read_only", "look read-only"),
        Binding("q,escape", "app.quit", "close"),
    ]

    def __init__(self, message: str, *, read_only_url: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.read_only_url = read_only_url

    def compose(self) -> ComposeResult:
        with Vertical(id="notice-box"):
            yield Static(self.message, id="notice-message")
            with Horizontal(id="notice-buttons"):
                if self.read_only_url is not None:
                    yield Button("look read-only (r)", id="read-only", variant="primary")
                yield Button("close (q)", id="close")

    @on(Button.Pressed, "#read-only")
    def action_read_only(self) -> None:
        if self.read_only_url is not None:
            self.app.open_url(self.read_only_url, new_tab=False)

    @on(Button.Pressed, "#close")
    def close(self) -> None:
        self.app.exit()
