"""The rate and the estimate the status line shows for long renders, on a clock the test drives."""

from __future__ import annotations

import pytest

from review.eta import STEADY_STEPS, Meter, duration, rate_text


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.2, "~1 s"), (7.4, "~7 s"), (42, "~40 s"), (59, "~60 s"), (90, "~2 min"), (1200, "~20 min"),
     (7500, "~2 h 05")],
    ids=["under-a-second", "seconds", "to-five-seconds", "almost-a-minute", "minutes", "twenty-minutes", "hours"],
)
def test_duration_in_words(seconds: float, words: str) -> None:
    assert duration(seconds) == words


@pytest.mark.parametrize(("rate", "text"), [(2.44, "2.4/s"), (37.2, "37/s"), (1234.0, "1,234/s")],
                         ids=["slow", "fast", "thousands"])
def test_rate_text(rate: float, text: str) -> None:
    assert rate_text(rate) == text


def test_no_rate_until_a_few_steps_have_made_it_steady() -> None:
    meter = Meter(total=3000, done=100)  # 100 came from the cache
    meter.start(now=10.0)
    for step in range(1, STEADY_STEPS):
        meter.step(12, now=10.0 + 5 * step)
        assert meter.rate() is None
        assert meter.remaining() is None
    meter.step(12, now=10.0 + 5 * STEADY_STEPS)
    assert meter.rate() == pytest.approx(12 / 5)  # the cached hundred do not count towards the rate
    assert meter.remaining() == pytest.approx((3000 - 100 - 12 * STEADY_STEPS) / (12 / 5))


def test_a_burst_in_under_two_seconds_is_not_a_rate() -> None:
    meter = Meter(total=100)
    for step in range(STEADY_STEPS + 2):
        meter.step(10, now=step * 0.1)
    assert meter.rate() is None
