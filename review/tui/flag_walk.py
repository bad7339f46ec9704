"""Where ``n`` / ``N`` go: the next flag across the article, in the order on screen.

Pure and logarithmic in the article's length: the walk jumps between the
sorted positions of the flagged segments instead of listing every flag, so
``n`` at the end of a 100,000-segment article costs what it costs at the top.
No textual here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence


def next_flag(flagged: Sequence[int], count_at: Callable[[int], int], *, here: int,
              cursor: tuple[int, int] | None, step: int) -> tuple[int, int] | None:
    """The (position, flag number) that ``n`` (step 1) or ``N`` (step -1) selects.

    flagged: positions (in display order, ascending) of the segments with open flags.
    count_at: how many open flags the segment at a position has.
    here: the current position.
    cursor: the selected flag as (position, number in that segment's flags, by start), if any.
    Returns None when there is no open flag.  The walk wraps around the article.
    """
    if not flagged:
        return None
    if cursor is not None:
        position, number = cursor
        if 0 <= number + step < count_at(position):
            return position, number + step
        if step > 0:
            following = bisect_right(flagged, position)
            return (flagged[following] if following < len(flagged) else flagged[0]), 0
        preceding = bisect_left(flagged, position) - 1
        target = flagged[preceding] if preceding >= 0 else flagged[-1]
        return target, count_at(target) - 1
    if step > 0:
        following = bisect_left(flagged, here)
        return (flagged[following] if following < len(flagged) else flagged[0]), 0
    preceding = bisect_right(flagged, here) - 1
    target = flagged[preceding] if preceding >= 0 else flagged[-1]
    return target, count_at(target) - 1
