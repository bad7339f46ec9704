"""Python's cycle collector, kept out of the way of the keys.

A full collection walks every object the process tracks that is not frozen.  On the
review screen those are mostly Textual's and the list's: the strips and rows drawn
so far, styles, caches.  Measured at 1,000 segments, 200 presses each of ``j``,
PgDn and ``n`` set off 41 full collections of up to 284 ms each (7 s in all), and
those were the keys' p95 (PgDn 202 ms against a median of 44 ms).

So while the screen is up, the interpreter's own full collections are pushed far
apart, and the app runs the ones it would have run as soon as no key has arrived
for a moment.  The young generations are collected as usual (a few ms each), and a
reviewer who types without a pause for minutes still gets a full collection from
the interpreter once ``FULL_EVERY`` of them have piled up.
"""

from __future__ import annotations

import gc
from time import monotonic

# Young collections (of generation 1) between two full ones once the screen is up; the
# interpreter's default is 10, which is also when a pause in the typing triggers one here.
FULL_EVERY = 1000
# No key for this long counts as a pause.
PAUSE_S = 1.0


class QuietCollector:
    """Defers full collections to pauses in the typing; :meth:`tick` runs them."""

    def __init__(self, *, pause_s: float = PAUSE_S) -> None:
        self.pause_s = pause_s
        self.last_key = monotonic()
        self.collections = 0
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Freeze what the article and the first screen built, and push full collections apart."""
        if self._saved is not None:
            return
        gc.freeze()
        young, middle, full = gc.get_threshold()
        self._saved = (young, middle, full)
        gc.set_threshold(young, middle, max(full, FULL_EVERY))

    def key(self) -> None:
        """A key arrived: no full collection for ``pause_s``."""
        self.last_key = monotonic()

    def tick(self) -> bool:
        """Run the full collection the interpreter would have run by now, if the reviewer has paused."""
        if self._saved is None or monotonic() - self.last_key < self.pause_s:
            return False
        due = gc.get_count()[2] >= self._saved[2]
        if due:
            gc.collect()
            self.collections += 1
        return due

    def stop(self) -> None:
        """Give the interpreter its thresholds back (the app is closing, or a test ends)."""
        if self._saved is None:
            return
        gc.set_threshold(*self._saved)
        self._saved = None
        gc.unfreeze()
