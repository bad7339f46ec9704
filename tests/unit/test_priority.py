"""The order in which renderings and flags are computed: the screen first, then outward."""

from __future__ import annotations

import pytest

from review.priority import BELOW_PER_ABOVE, batches, in_priority_order


@pytest.mark.parametrize(
    ("total", "visible", "start"),
    [
        pytest.param(10, range(3, 6), [3, 4, 5, 6, 7, 2, 8, 9, 1, 0], id="middle"),
        pytest.param(6, range(3), [0, 1, 2, 3, 4, 5], id="top"),
        pytest.param(6, range(4, 9), [4, 5, 3, 2, 1, 0], id="past-the-end"),
        pytest.param(0, range(30), [], id="empty"),
        pytest.param(3, range(5, 9), [2, 1, 0], id="screen-beyond-article"),
    ],
)
def test_visible_rows_come_first_then_outward(total: int, visible: range, start: list[int]) -> None:
    order = list(in_priority_order(total, visible))
    assert order == start
    assert sorted(order) == list(range(total))


def test_every_position_once_in_a_long_article() -> None:
    order = list(in_priority_order(100_000, range(50_000, 50_030)))
    assert order[:30] == list(range(50_000, 50_030))
    assert order[30:30 + BELOW_PER_ABOVE + 1] == [*range(50_030, 50_030 + BELOW_PER_ABOVE), 49_999]
    assert len(order) == len(set(order)) == 100_000


def test_batches_are_lazy_and_complete() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert next(batches(in_priority_order(10**9, range(2)), 4)) == [0, 1, 2, 3]
