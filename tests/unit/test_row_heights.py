"""Rows added to the list's heights (an article still being cut) answer as if they had been there from the start."""

from __future__ import annotations

import random

import pytest

from review.tui.widgets.row_heights import RowHeights

GROWTHS = {  # the heights, and where the list grows
    "from nothing": ([2, 3, 1, 4], [0]),
    "one row at a time": ([2, 5, 1, 1, 3, 2, 2, 7, 1], [1, 2, 3, 4, 5, 6, 7, 8]),
    "past a power of two": ([1] * 8 + [3] * 9, [8]),
    "from a power of two to another": ([2] * 16 + [1] * 16, [16]),
    "odd sizes": ([4, 1, 2, 2, 1, 6, 1], [3, 5]),
}


def check(grown: RowHeights, heights: list[int]) -> None:
    built = RowHeights(heights)
    assert len(grown) == len(heights)
    assert [grown.top(row) for row in range(len(heights) + 1)] == [built.top(row) for row in range(len(heights) + 1)]
    assert [grown.row_at(line) for line in range(built.total + 2)] == [built.row_at(line)
                                                                      for line in range(built.total + 2)]


@pytest.mark.parametrize(("heights", "cuts"), GROWTHS.values(), ids=GROWTHS.keys())
def test_growing_equals_building(heights: list[int], cuts: list[int]) -> None:
    grown = RowHeights(heights[: cuts[0]])
    for start, end in zip(cuts, [*cuts[1:], len(heights)], strict=True):
        grown.extend(heights[start:end])
    check(grown, heights)


def test_random_growth_then_measured_rows() -> None:
    rng = random.Random(5)  # noqa: S311 - varied sizes, not secrets
    for _ in range(300):
        heights = [rng.randint(1, 6) for _ in range(rng.randint(1, 90))]
        grown = RowHeights([])
        position = 0
        while position < len(heights):
            step = rng.randint(1, 20)
            grown.extend(heights[position : position + step])
            position += step
        row = rng.randrange(len(heights))
        heights[row] = rng.randint(1, 9)  # a row drawn after the list grew gets its exact height
        grown.set(row, heights[row])
        check(grown, heights)
