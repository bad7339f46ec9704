"""Pauses in the typing: the work that can wait for one waits.

Two kinds of work compete with the keys for the one interpreter lock:

- **Full garbage collections.**  One walks every tracked object that is not frozen;
  on the review screen those are mostly Textual's and the list's (strips, rows drawn
  so far, styles, caches).  Measured at 1,000 segments, 200 presses each of ``j``,
  PgDn and ``n`` set off 41 full collections of up to 284 ms each (7 s in all), and
  those were the keys' p95 (PgDn 202 ms against a median of 44 ms).  While the screen
  is up the interpreter's own full collections are pushed far apart, and :meth:`tick`
  runs the ones it would have run once the reviewer pauses.  A reviewer who types
  without a pause for minutes still gets one from the interpreter every
  ``FULL_EVERY`` young collections.
- **The offline flags**: parsing and rules are Python holding the lock; a key that
  arrives during a chunk waits for its turn.  The flag worker asks :meth:`wait_for_pause`
  before each chunk, so a burst of keys runs alone after the chunk in progress.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from time import monotonic, sleep

# Young collections (of generation 1) between two full ones once the screen is up; the
# interpreter's default is 10, which is also when a pause in the typing triggers one here.
FULL_EVERY = 1000
# No key for this long counts as a pause.
PAUSE_S = 0.3
# How often a waiting worker looks again.
POLL_S = 0.02


class TypingPauses:
    """When the last key came; full collections and background flags wait for a pause."""

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

    def settle(self) -> None:
        """Freeze again what was built since :meth:`start` (the rest of a long article, once cut)."""
        if self._saved is not None:
            gc.freeze()

    def key(self) -> None:
        """A key arrived: the waiting work waits ``pause_s`` more."""
        self.last_key = monotonic()

    def paused(self) -> bool:
        """No key for ``pause_s``."""
        return monotonic() - self.last_key >= self.pause_s

    def wait_for_pause(self, cancelled: Callable[[], bool]) -> None:
        """Block a worker thread until the reviewer pauses (or the worker is cancelled)."""
        while not self.paused() and not cancelled():
            sleep(POLL_S)

    def tick(self) -> bool:
        """Run the full collection the interpreter would have run by now, if the reviewer has paused."""
        if self._saved is None or not self.paused():
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
