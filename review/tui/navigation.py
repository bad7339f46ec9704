"""Moving through the article: segment by segment, by screenfuls, to a number, flag by flag, in triage order."""

from __future__ import annotations

from review.model import Flag
from review.tui.base import FIRST_ROWS
from review.tui.flag_walk import next_flag
from review.tui.panels import Panels
from review.tui.screens.goto import GoToScreen


class Navigation(Panels):
    """The keys that move the current segment or the selected flag."""

    def action_move(self, step: int) -> None:
        if self.editing:
            return
        if self.current + step + FIRST_ROWS > len(self.order):  # near the last row cut: cut a screenful more
            self.read_to(self.current + step + FIRST_ROWS)
        self.current = max(0, min(len(self.order) - 1, self.current + step))
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_page(self, direction: int) -> None:
        """A screenful down (1) or up (-1), whatever the rows' heights."""
        if self.editing:
            return
        if self.current + FIRST_ROWS > len(self.order):
            self.read_to(self.current + FIRST_ROWS)
        target = self.segment_list.page(direction)
        self.action_move(target - self.current if target != self.current else direction)

    def action_jump_to(self, index: int) -> None:
        if not 0 <= index < len(self.order):  # the end (G) is the article's, not the last row cut
            self.read_all()
        self.current = index % len(self.order)
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_go_to(self) -> None:
        self.read_all()  # any number may be asked for
        self.push_screen(GoToScreen(len(self.order)), self._go_to)

    def _go_to(self, number: int | None) -> None:
        if number is None:
            return
        self.current = self._positions()[self.session.segments[number - 1].id]  # in triage order too
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)  # n and N walk on from here, as after any other move
        self.highlight()

    def action_next_flag(self, step: int) -> None:
        """Walk the flags in the article's order: segment by segment, and by position within one.

        The flag panel lists a segment's flags in the same order.  With no flag selected (after
        moving, applying or dismissing), ``n`` goes to the first flag at or after where the
        reviewer is and ``N`` to the last one before it.  Going past either end wraps, and says so.
        The segments with flags are found by bisection, so a key costs the same at any size.
        While the article is still being cut, a walk that would wrap past the last row cut (or
        finds no flag in the rows cut) cuts the rest first: no segment is skipped unseen.
        """
        found = self._flag_target(step)
        if not self.session.document.fully_cut and (found is None or self._wraps(found, step)
                                                    or found[0] is self.flag_cursor):  # round to where it stands
            self.read_all()
            found = self._flag_target(step)
        if found is None:
            self.notify("no open flags", timeout=3)
            return
        flag, position = found
        if self._wraps(found, step) and len(self.session.open_flags()) > 1:
            self.notify(f"wrapped to the {'first' if step > 0 else 'last'} flag of the article", timeout=2)
        self.move_flag_cursor(flag)
        self.current = position
        self.walk_anchor = (position, flag.start)
        self.highlight()

    def _wraps(self, found: tuple[Flag, int], step: int) -> bool:
        """Whether going to ``found`` (a flag and its row) from where the walk stands goes past an end."""
        flag, position = found
        before = self._walk_from()
        after = (position, flag.start)
        return after < before if step > 0 else after > before

    def _walk_from(self) -> tuple[int, int]:
        """Where ``n``/``N`` start from: the selected flag (row, start), else the walk's anchor."""
        cursor = self._cursor()
        if cursor is not None and self.flag_cursor is not None:
            return (cursor[0], self.flag_cursor.start)
        return self.walk_anchor

    def _cursor(self) -> tuple[int, int] | None:
        """The selected flag as (row, number among its segment's flags), when it is still open."""
        if self.flag_cursor is None:
            return None
        position = self._positions().get(self.flag_cursor.segment_id)
        flags = self._flags_in_order(self.order[position]) if position is not None else []
        if self.flag_cursor in flags and position is not None:
            return (position, flags.index(self.flag_cursor))
        return None

    def _flag_target(self, step: int) -> tuple[Flag, int] | None:
        """The flag ``n`` (1) or ``N`` (-1) goes to, and its row; None without open flags in the rows."""
        flagged = self._flagged_positions()
        if not flagged:
            return None

        def count_at(position: int) -> int:
            return len(self._flags_in_order(self.order[position]))

        target: tuple[int, int] | None = None
        cursor = self._cursor()
        if cursor is not None:
            target = next_flag(flagged, count_at, here=self.current, cursor=cursor, step=step)
        else:
            here, offset = self.walk_anchor
            flags = self._flags_in_order(self.order[here]) if 0 <= here < len(self.order) else []
            inside = [index for index, flag in enumerate(flags) if (flag.start >= offset if step > 0
                                                                    else flag.start < offset)]
            if inside:
                target = (here, inside[0] if step > 0 else inside[-1])
            else:  # past this segment: a cursor on its last (or first) flag moves on to the next segment
                edge = (here, count_at(here) - 1) if step > 0 else (here, 0)
                target = next_flag(flagged, count_at, here=here, cursor=edge, step=step)
        if target is None:
            return None
        position, number = target
        return self._flags_in_order(self.order[position])[number], position

    def _flagged_positions(self) -> list[int]:
        """Sorted positions of the segments with open flags, among the rows cut so far.

        Rebuilt when the flags, the dismissals or the order change, or rows are added.
        """
        positions = self._positions()  # brings the rows up to date with what is cut first
        key = (self.session.flags, self.session.state.dismissed, self.order, len(self.order))
        if self._flagged_key is None or key[3] != self._flagged_key[3] or any(
                a is not b for a, b in zip(key[:3], self._flagged_key[:3], strict=True)):
            self._flagged = sorted(position for segment_id in self.session.flagged()
                                   if (position := positions.get(segment_id)) is not None)
            self._flagged_key = key
        return self._flagged

    def action_triage(self) -> None:
        self.read_all()  # triage sorts every segment
        current = self.segment
        self.triage = not self.triage
        if self.triage:
            self.order = sorted(self.session.segments, key=lambda seg: (tuple(-x for x in self.session.risk(seg)),
                                                                        seg.index))
        else:
            self.order = list(self.session.segments)
        self.segment_list.set_order(self.order)
        self.current = self._positions()[current.id]
        self.highlight()
        self.refresh_status()
