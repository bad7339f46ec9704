"""Moving through the article: segment by segment, by screenfuls, to a number, flag by flag, in triage order."""

from __future__ import annotations

from review.tui.flag_walk import next_flag
from review.tui.panels import Panels
from review.tui.screens.goto import GoToScreen


class Navigation(Panels):
    """The keys that move the current segment or the selected flag."""

    def action_move(self, step: int) -> None:
        if self.editing:
            return
        self.current = max(0, min(len(self.order) - 1, self.current + step))
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_page(self, direction: int) -> None:
        """A screenful down (1) or up (-1), whatever the rows' heights."""
        if self.editing:
            return
        target = self.segment_list.page(direction)
        self.action_move(target - self.current if target != self.current else direction)

    def action_jump_to(self, index: int) -> None:
        self.current = index % len(self.order)
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_go_to(self) -> None:
        self.push_screen(GoToScreen(len(self.session.segments)), self._go_to)

    def _go_to(self, number: int | None) -> None:
        if number is None:
            return
        self.current = self._positions()[self.session.segments[number - 1].id]  # in triage order too
        self.move_flag_cursor(None)
        self.highlight()

    def action_next_flag(self, step: int) -> None:
        """Walk the flags in the article's order: segment by segment, and by position within one.

        The flag panel lists a segment's flags in the same order.  With no flag selected (after
        moving, applying or dismissing), ``n`` goes to the first flag at or after where the
        reviewer is and ``N`` to the last one before it.  Going past either end wraps, and says so.
        The segments with flags are found by bisection, so a key costs the same at any size.
        """
        flagged = self._flagged_positions()
        if not flagged:
            self.notify("no open flags", timeout=3)
            return
        def count_at(position: int) -> int:
            return len(self._flags_in_order(self.order[position]))

        target: tuple[int, int] | None = None
        before: tuple[int, int]
        cursor = None
        if self.flag_cursor is not None:
            position = self._positions().get(self.flag_cursor.segment_id)
            flags = self._flags_in_order(self.order[position]) if position is not None else []
            if self.flag_cursor in flags and position is not None:
                cursor = (position, flags.index(self.flag_cursor))
        if cursor is not None:
            before = (cursor[0], self.flag_cursor.start if self.flag_cursor else -1)
            target = next_flag(flagged, count_at, here=self.current, cursor=cursor, step=step)
        else:
            here, offset = self.walk_anchor
            before = (here, offset)
            flags = self._flags_in_order(self.order[here]) if 0 <= here < len(self.order) else []
            inside = [index for index, flag in enumerate(flags) if (flag.start >= offset if step > 0
                                                                    else flag.start < offset)]
            if inside:
                target = (here, inside[0] if step > 0 else inside[-1])
            else:  # past this segment: a cursor on its last (or first) flag moves on to the next segment
                edge = (here, count_at(here) - 1) if step > 0 else (here, 0)
                target = next_flag(flagged, count_at, here=here, cursor=edge, step=step)
        if target is None:
            self.notify("no open flags", timeout=3)
            return
        position, number = target
        flag = self._flags_in_order(self.order[position])[number]
        after = (position, flag.start)
        if (after < before if step > 0 else after > before) and len(self.session.open_flags()) > 1:
            self.notify(f"wrapped to the {'first' if step > 0 else 'last'} flag of the article", timeout=2)
        self.move_flag_cursor(flag)
        self.current = position
        self.walk_anchor = (position, flag.start)
        self.highlight()

    def _flagged_positions(self) -> list[int]:
        """Sorted positions of the segments with open flags (rebuilt when flags, dismissals or order change)."""
        key = (self.session.flags, self.session.state.dismissed, self.order)
        if self._flagged_key is None or any(a is not b for a, b in zip(key, self._flagged_key, strict=True)):
            positions = self._positions()
            self._flagged = sorted(positions[segment_id] for segment_id in self.session.flagged())
            self._flagged_key = key
        return self._flagged

    def action_triage(self) -> None:
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
