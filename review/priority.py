"""In which order the model's work is done: what the reviewer is looking at first.

Renderings and flags for 100,000 segments take minutes; the rows on screen must
not wait for them.  Workers take segment positions from
:func:`in_priority_order`, in batches from :func:`batches`, so the screen
fills in where the reviewer looks, then around it, then everywhere.  Pure: no
model, no UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")

# Outside the screen, rows below come before rows above: a reviewer reads downwards.
BELOW_PER_ABOVE = 2


def in_priority_order(total: int, visible: range) -> Iterator[int]:
    """Every position in ``range(total)`` once: the visible rows top to bottom, then outward.

    Outward means the next rows below and above the screen, ``BELOW_PER_ABOVE``
    below for each one above, until both ends of the article are reached.
    ``visible`` may reach past the article; it is clipped.
    """
    first = max(0, min(total, visible.start))
    stop = max(first, min(total, visible.stop))
    yield from range(first, stop)
    below, above = stop, first - 1
    while below < total or above >= 0:
        for _ in range(BELOW_PER_ABOVE):
            if below < total:
                yield below
                below += 1
        if above >= 0:
            yield above
            above -= 1


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last may be shorter), taken lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
