"""One progress line on stderr for the whole run: articles done, articles/s and the time left."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """Redrawn in place on a terminal; a line every 5% (and at the end) in a log file."""

    def __init__(self, total: int, *, done: int = 0, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = done
        self.skipped = done
        self.failed = 0
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.live = self.stream.isatty()
        self._step = max(1, total // 20)

    def line(self) -> str:
        fresh = self.done - self.skipped
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = fresh / elapsed
        left = self.total - self.done
        eta = _duration(left / rate) if rate > 0 else "?"
        filled = WIDTH * self.done // max(self.total, 1)
        bar = "█" * filled + "·" * (WIDTH - filled)
        failed = f" · {self.failed} failed" if self.failed else ""
        return f"review batch {bar} {self.done}/{self.total} articles · {rate:.2f} articles/s · ETA {eta}{failed}"

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self.live:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()
        elif self.done % self._step == 0 or self.done == self.total:
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
