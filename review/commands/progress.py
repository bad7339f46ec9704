"""A progress line on stderr for long commands, drawn only when stderr is a terminal.

Scripts that capture stderr see nothing; a person at a terminal sees how far
``review translate`` or ``review flag`` has got, redrawn in place.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
EVERY = 0.1  # seconds between redraws


class Progress:
    """``done`` of ``total`` items of some ``what``, as a bar on one line."""

    def __init__(self, total: int, what: str, *, stream: TextIO | None = None) -> None:
        self.total = total
        self.what = what
        self.stream = stream if stream is not None else sys.stderr
        self.shown = self.stream.isatty()
        self.done = 0
        self._drawn = 0.0
        self._visible = False  # the bar is on the terminal's last line now
        self._start = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.shown and (now - self._drawn >= EVERY or self.done >= self.total or not self._visible):
            self._draw(now)
            self.stream.flush()

    def _draw(self, now: float) -> None:
        self._drawn = now
        self._visible = True
        filled = WIDTH * self.done // max(1, self.total)
        rate = self.done / max(now - self._start, 1e-9)
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} "
                          f"{self.what} ({rate:.0f}/s)")

    def clear(self) -> None:
        """Take the bar off its line (before other output goes to the same terminal); the next advance redraws it."""
        if self._visible:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._visible = False

    def note(self, line: str) -> None:
        """Write ``line`` on stderr on a line of its own, the bar (if shown) drawn again below it."""
        visible = self._visible
        self.clear()
        self.stream.write(line + "\n")
        if visible:
            self._draw(time.monotonic())
        self.stream.flush()

    def close(self) -> None:
        if self._visible:
            self.stream.write("\n")
            self.stream.flush()
