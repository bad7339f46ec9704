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
        self._start = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.shown and (now - self._drawn >= EVERY or self.done >= self.total):
            self._drawn = now
            filled = WIDTH * self.done // max(1, self.total)
            rate = self.done / max(now - self._start, 1e-9)
            self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} "
                              f"{self.what} ({rate:.0f}/s)")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
