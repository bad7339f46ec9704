"""The small app of a ``review serve`` tab that is not a review session: the article list, or why not.

The tab's process (:mod:`review.commands.serve_tab`) runs exactly one Textual
app: textual-serve ends the tab when an app exits, so the list hands over to an
article by sending the browser to its address rather than by starting a second
app, and a notice offers the read-only address the same way.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from textual.app import App
from textual.screen import Screen

from review.errors import LogLocked, ReviewError
from review.tui.screens.locked import NoticeScreen


class ServedApp(App[None]):
    """A one-screen app for the list and the notices of a served tab."""

    CSS_PATH = Path(__file__).with_name("served.tcss")  # absolute: subclasses live elsewhere (tests)
    TITLE = "review"

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first_screen = screen

    def get_default_screen(self) -> Screen[None]:
        return self.first_screen


def notice_for(error: ReviewError, key: str) -> NoticeScreen:
    """Why the tab's article did not open; a lock held by another session comes with the read-only offer."""
    if isinstance(error, LogLocked):
        holder = error.message.split(";")[0]
        return NoticeScreen(f"{holder}.\n\nYou can look at it here without saving, or close this tab.",
                            read_only_url=f"/read-only/{quote(key)}")
    return NoticeScreen(f"review: {error.message}")
