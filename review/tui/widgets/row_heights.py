"""Heights of the segment list's rows, and where each row starts, in O(log n).

The list cannot wrap 100,000 segments before its first paint, so a row's height
starts as an estimate from its length and becomes exact once the row is drawn.
A Fenwick tree (binary indexed tree) over the heights turns "which row holds
line y" and "on which line does row i start" into logarithmic walks, and
correcting one estimate into a logarithmic update.  Pure Python, no textual.
"""

from __future__ import annotations

from collections.abc import Sequence


class RowHeights:
    """Heights of rows 0..n-1 with prefix sums.

    heights: the initial height of every row (each at least 1).
    """

    __slots__ = ("_heights", "_step", "_tree")

    def __init__(self, heights: Sequence[int]) -> None:
        self._heights = [max(1, height) for height in heights]
        size = len(self._heights)
        tree = [0, *self._heights]
        for index in range(1, size + 1):
            parent = index + (index & -index)
            if parent <= size:
                tree[parent] += tree[index]
        self._tree = tree
        self._step = 0
        self._set_step()

    def _set_step(self) -> None:
        step = 1
        while step * 2 <= len(self._heights):
            step *= 2
        self._step = step  # the highest power of two within the size, for the descent in row_at

    def extend(self, heights: Sequence[int]) -> None:
        """Add rows at the end (a document still being cut grows), in O(k + log n) for k rows.

        A new node's sum is its own height plus its children's sums; its children are
        new nodes or old ones whose parent was past the old end (the nodes a prefix sum
        of the old end visits), so those are the only old nodes touched.
        """
        old = len(self._heights)
        self._heights.extend(max(1, height) for height in heights)
        size = len(self._heights)
        tree = self._tree
        tree.extend(self._heights[old:])
        dangling = []
        index = old
        while index > 0:
            dangling.append(index)
            index -= index & -index
        for index in [*reversed(dangling), *range(old + 1, size + 1)]:  # children before parents
            parent = index + (index & -index)
            if old < parent <= size:
                tree[parent] += tree[index]
        self._set_step()

    def __len__(self) -> int:
        return len(self._heights)

    def height(self, row: int) -> int:
        return self._heights[row]

    @property
    def total(self) -> int:
        """Lines in all rows together."""
        return self.top(len(self._heights))

    def set(self, row: int, height: int) -> int:
        """Give ``row`` its measured height; returns the change in lines."""
        height = max(1, height)
        change = height - self._heights[row]
        if change:
            self._heights[row] = height
            index = row + 1
            while index < len(self._tree):
                self._tree[index] += change
                index += index & -index
        return change

    def top(self, row: int) -> int:
        """The line on which ``row`` starts (the lines of the rows before it)."""
        total = 0
        index = row
        while index > 0:
            total += self._tree[index]
            index -= index & -index
        return total

    def row_at(self, line: int) -> int:
        """The row that holds ``line``; lines past the end give the last row."""
        if not self._heights:
            return 0
        position = 0
        remaining = line
        step = self._step
        while step:
            following = position + step
            if following < len(self._tree) and self._tree[following] <= remaining:
                position = following
                remaining -= self._tree[following]
            step //= 2
        return min(position, len(self._heights) - 1)
