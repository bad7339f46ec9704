"""Full collections wait for a pause in the typing, and the interpreter gets its settings back."""

from __future__ import annotations

import gc
import time

import pytest

from review.tui.pauses import FULL_EVERY, TypingPauses


@pytest.fixture
def collector() -> object:
    quiet = TypingPauses(pause_s=0.05)
    saved = gc.get_threshold()
    yield quiet
    quiet.stop()
    gc.set_threshold(*saved)


def _pile_up_young_collections(until: int) -> None:
    while gc.get_count()[2] < until:
        gc.collect(1)


def test_start_freezes_and_pushes_full_collections_apart(collector: TypingPauses) -> None:
    young, middle, _ = gc.get_threshold()
    collector.start()
    assert gc.get_threshold() == (young, middle, max(FULL_EVERY, collector._saved[2]))
    assert gc.get_freeze_count() > 0


def test_no_collection_while_keys_arrive(collector: TypingPauses) -> None:
    collector.start()
    full = collector._saved[2]
    _pile_up_young_collections(full)
    collector.key()
    assert not collector.tick()
    assert gc.get_count()[2] >= full  # still owed


def test_the_owed_collection_runs_in_a_pause(collector: TypingPauses) -> None:
    collector.start()
    _pile_up_young_collections(collector._saved[2])
    collector.key()
    time.sleep(0.06)
    assert collector.tick()
    assert collector.collections == 1
    assert gc.get_count()[2] == 0
    assert not collector.tick()  # nothing owed any more


def test_nothing_owed_nothing_run(collector: TypingPauses) -> None:
    collector.start()
    gc.collect()
    time.sleep(0.06)
    assert not collector.tick()


def test_stop_gives_everything_back(collector: TypingPauses) -> None:
    before = gc.get_threshold()
    collector.start()
    collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    collector.stop()  # twice is harmless
    assert not collector.tick()


def test_a_worker_waits_for_the_pause_or_its_cancellation(collector: TypingPauses) -> None:
    collector.key()
    started = time.monotonic()
    collector.wait_for_pause(lambda: False)
    assert time.monotonic() - started >= 0.04
    assert collector.paused()
    collector.pause_s = 60
    collector.key()
    started = time.monotonic()
    collector.wait_for_pause(lambda: time.monotonic() - started > 0.1)
    assert not collector.paused()


def test_settle_freezes_what_was_built_since_the_start(collector: TypingPauses) -> None:
    collector.settle()  # not started: nothing frozen
    assert gc.get_freeze_count() == 0
    collector.start()
    frozen = gc.get_freeze_count()
    built = [[number] for number in range(10_000)]
    collector.settle()
    assert gc.get_freeze_count() >= frozen + len(built)
