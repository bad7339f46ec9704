"""The notice line: the app's notifications, one line, where the column headings were.

Toasts over the segment list or the flag panel hid what the reviewer was
reading; this line takes the place of the column headings while a notice
lasts, so nothing moves and nothing is covered.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

STYLES = {"information": "bold", "warning": "bold black on yellow", "error": "bold white on red"}


@dataclass(frozen=True, slots=True)
class Notice:
    """A notification on the line: its text, severity and when it goes."""

    text: str
    severity: str
    until: float


class NoticeLine(Static):
    """Shows the newest notice still due, and how many others are."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002 - textual's name
        super().__init__(id=id, classes=classes)
        self.notices: list[Notice] = []
        self.said: list[str] = []  # every notice of the sitting, oldest first

    def say(self, text: str, *, title: str, severity: str, timeout: float) -> None:
        line = " ".join(text.split())
        self.said.append(line)
        self.notices.append(Notice(f"{title}: {line}" if title else line, severity, time.monotonic() + timeout))
        self.set_timer(timeout + 0.05, self.redraw)
        self.redraw()

    def redraw(self) -> None:
        now = time.monotonic()
        self.notices = [notice for notice in self.notices if notice.until > now]
        self.set_class(bool(self.notices), "active")
        self.screen.set_class(bool(self.notices), "-notice")
        if not self.notices:
            self.update("")
            return
        newest = self.notices[-1]
        text = Text(f" {newest.text} ", style=STYLES.get(newest.severity, "bold"))
        if len(self.notices) > 1:
            text.append(f"  (+{len(self.notices) - 1} more)", style="dim")
        self.update(text)
