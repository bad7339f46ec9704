"""Extracting statistics holds what it prepares for a stretch of lines only, not for the whole file.

chrF2++'s n-gram counters of every reference of a 100,000-line file, prepared at
once, took 2.2 GB in each worker of ``review score --lines``; BLEU's and TER's
working sets grew with the file too.  What a metric keeps for the whole file is
its statistics, a few hundred bytes a line: tripling the lines must leave the
peak of Python's allocations (tracemalloc; numpy's arrays are counted too)
nearly where it was.
"""

from __future__ import annotations

import tracemalloc

import pytest

from review.scoring.metrics import BLEU, CHRF, TER, segment_statistics


def _lines(count: int) -> tuple[list[str], list[str]]:
    references = [f"The minister {number} said on Tuesday that the agreement would hold until the elections."
                  for number in range(count)]
    hypotheses = [line.replace("would hold", "will last").replace("Tuesday", "Monday") for line in references]
    return hypotheses, references


def _peak(name: str, count: int) -> int:
    hypotheses, references = _lines(count)
    segment_statistics(name, hypotheses[:10], references[:10])  # imports and caches, before measuring
    tracemalloc.start()
    try:
        segment_statistics(name, hypotheses, references)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(("name", "count"), [(BLEU, 1_000), (CHRF, 1_000), (TER, 5_000)], ids=["bleu", "chrf", "ter"])
def test_three_times_the_lines_take_about_the_same_memory(name: str, count: int) -> None:
    few, many = _peak(name, count), _peak(name, 3 * count)
    assert many < 1.5 * few, f"{name}: {few:,} bytes at most for {count:,} lines, {many:,} for {3 * count:,}"
