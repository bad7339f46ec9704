"""How fast long work goes and when it will be done, in words a status line can show.

The English of a 3,000-segment article takes many minutes: the reviewer should see
``English: 120/3,000 · 2.4/s · ~20 min`` rather than a count that barely moves.
The rate is measured from the first step the meter sees (after the model has
loaded and the cache has been read), and is shown only once a few steps have made
it steady.  Pure: no UI, the clock is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STEADY_STEPS = 3
"""Steps (batches) measured before the rate is trusted."""
STEADY_SECONDS = 2.0
"""Seconds measured before the rate is trusted."""


@dataclass(slots=True)
class Meter:
    """``done`` of ``total`` items; :meth:`step` each time some more are done.

    The first step sets the starting point (what was done before it, such as cached
    renderings, does not count towards the rate).
    """

    total: int
    done: int = 0
    _start: tuple[float, int] | None = field(default=None, init=False)
    _steps: int = field(default=0, init=False)
    _last: float = field(default=0.0, init=False)

    def start(self, now: float) -> None:
        """Measure from here: what is done so far came for free (the cache)."""
        self._start = (now, self.done)
        self._steps = 0
        self._last = now

    def step(self, count: int, now: float) -> None:
        if self._start is None:
            self.start(now)
        self.done += count
        self._steps += 1
        self._last = now

    def rate(self) -> float | None:
        """Items per second, once steady; None before."""
        if self._start is None or self._steps < STEADY_STEPS:
            return None
        began, before = self._start
        seconds = self._last - began
        if seconds < STEADY_SECONDS or self.done <= before:
            return None
        return (self.done - before) / seconds

    def remaining(self) -> float | None:
        """Seconds until every item is done at the steady rate; None before the rate is steady."""
        rate = self.rate()
        return None if rate is None else max(0, self.total - self.done) / rate


def duration(seconds: float) -> str:
    """An estimate in words: ``~40 s``, ``~20 min``, ``~2 h 05``."""
    if seconds < 10:
        return f"~{max(1, round(seconds))} s"
    if seconds < 60:
        return f"~{round(seconds / 5) * 5} s"  # to five seconds: an estimate, not a countdown
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"~{minutes} min"
    return f"~{minutes // 60} h {minutes % 60:02d}"


def rate_text(rate: float) -> str:
    """``2.4/s`` below ten a second, ``37/s`` above."""
    return f"{rate:.1f}/s" if rate < 10 else f"{rate:,.0f}/s"  # a decimal stops helping above ten
