"""The segment list: number, flag count, French (spans marked), English, one row per segment.

A line-API widget (``ScrollView`` + ``render_line``, as Textual's ``Log`` and
``DataTable`` do): only the rows on screen are wrapped and drawn, so opening,
moving and quitting cost the same at 16 segments and at 100,000.  A row's
height is estimated from its length until the row is first drawn, then kept
exact (:class:`RowHeights`).  The app says what a row shows through a
callback; the list asks for it only when the row comes into view, and
:mod:`review.tui.widgets.rows` draws it.

A key costs the same at any size: a row's wrapped lines are kept with what
they show (:meth:`RowContent.key`) and the width, so a row that scrolls back
into view, or that is asked for again after the app said "rows may have
changed", is wrapped again only if its content did change; a move that does
not scroll redraws just the two rows whose highlight changed.  Between keys,
the rows of the screenful below the view are wrapped ahead, one row a step, so
that PgDn, ``j`` and ``n`` mostly find their rows ready.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from review.model import Segment
from review.terminal import for_screen
from review.tui.widgets.row_heights import RowHeights
from review.tui.widgets.rows import FLAGS_WIDTH, Columns, RowContent, row_lines, wrap

ROWS_KEPT = 512  # rendered rows kept for scrolling back; the rest are drawn again when seen


@dataclass(slots=True)
class _Drawn:
    """A row's lines, what they show, and the generation of the list they were last checked in."""

    key: Hashable
    lines: list[Strip]
    generation: int


class SegmentList(ScrollView, can_focus=True, inherit_bindings=False):
    """Every segment of the article in display order, drawn a screenful at a time.

    content: the row of a segment, asked when the row comes into view.
    length: the characters of a segment's French and English (English unknown: 0), for
        estimating heights of rows not yet drawn.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-list--current", "segment-list--flags", "segment-list--corrected", "segment-list--waiting",
    }
    DEFAULT_CSS = """
    SegmentList > .segment-list--current { background: $accent 25%; }
    SegmentList > .segment-list--flags { color: $warning; }
    SegmentList > .segment-list--corrected { color: $success; }
    SegmentList > .segment-list--waiting { color: $text-muted; text-style: italic; }
    """

    def __init__(self, order: Sequence[Segment], content: Callable[[Segment], RowContent],
                 length: Callable[[Segment], tuple[int, int]], *, current: int = 0, last_number: int | None = None,
                 id: str | None = None) -> None:  # noqa: A002 - textual's name
        super().__init__(id=id)
        self._order = list(order)
        self._content = content
        self._length = length
        self.current = current
        self._width = 0
        self._heights = RowHeights([])
        # segment id -> its lines at this width; up to date when their generation is the list's
        self._rows: OrderedDict[str, _Drawn] = OrderedDict()
        self._generation = 0
        self._lengths: list[tuple[int, int]] | None = None  # French and English lengths, for the estimates
        self._current_lines: tuple[int, list[Strip], list[Strip]] | None = None  # the current row, highlighted
        self._base: Style = Style()
        self._styles: tuple[Style, ...] = ()  # the component styles the kept lines were drawn with
        self._restyled = True
        self._grew = False  # a row's height changed while drawing a frame
        self._position_of: dict[str, int] | None = None  # segment id -> position in the order
        self._ahead = False  # a step of wrapping ahead is queued
        self._waiting_lines: tuple[tuple[str, int, Style], list[list[RichSegment]]] | None = None
        # last_number: the article's number of segments, or a guess while it is still being cut
        self.number_width = len(str(last_number or max((segment.index + 1 for segment in self._order), default=1))) + 1
        self.show_english = True

    def set_show_english(self, shown: bool) -> None:
        """Show the English column, or give its room to the French (rows are wrapped again)."""
        if shown != self.show_english:
            self.show_english = shown
            self._width = 0  # the next frame lays every row out again
            self._rows.clear()
            self.refresh()

    # -- what the app calls ---------------------------------------------------------

    @property
    def order(self) -> list[Segment]:
        return self._order

    def set_order(self, order: Sequence[Segment]) -> None:
        """Show the segments in a new order (triage), keeping what was measured."""
        heights = {segment.id: self._heights.height(position) for position, segment in enumerate(self._order)}
        self._order = list(order)
        self._lengths = None
        self._current_lines = None
        self._position_of = None
        if self._width:
            self._heights = RowHeights([heights[segment.id] for segment in self._order])
            self._update_virtual_size()
        self.refresh()

    def extend(self, segments: Sequence[Segment]) -> None:
        """Add rows at the end (the rest of an article being cut); the rows in view stay where they are."""
        if not segments:
            return
        start = len(self._order)
        lines = self._heights.total if self._width else 0
        self._order.extend(segments)
        if self._position_of is not None:
            self._position_of.update((segment.id, start + number) for number, segment in enumerate(segments))
        if self._width and self._lengths is not None and len(self._lengths) == start:
            self._lengths.extend(self._length(segment) for segment in segments)
            self._heights.extend(self._estimates_of(self._lengths[start:]))
            self._update_virtual_size()  # the scroll bar follows
            if self.scroll_offset.y + self.size.height <= lines:
                return  # the new rows are below the view: nothing on screen changes
        else:
            self._lengths = None
            self._width = 0  # the next frame estimates every row again
        self.refresh()

    def set_number_width(self, width: int) -> None:
        """Give the number column ``width`` cells (the article turned out longer or shorter than guessed)."""
        if width != self.number_width:
            self.number_width = width
            self._width = 0  # the columns move: every row is wrapped again
            self._rows.clear()
            self.refresh()

    def refresh_segment(self, segment_id: str) -> None:
        """Check one segment's row when next seen (its text, English, flags or marks may have changed).

        Only the row's own lines are drawn again; should its height change, the frame that
        draws it asks for the whole list.
        """
        drawn = self._rows.get(segment_id)
        if drawn is None:
            return  # never drawn at this width: its content is asked for when it comes into view
        drawn.generation = -1
        if not self._width:
            self.refresh()
            return
        for position in self.visible_positions():  # a row out of view is checked when it comes into view
            if self._order[position].id == segment_id:
                self.refresh_lines(self._heights.top(position), self._heights.height(position))

    def _positions(self) -> dict[str, int]:
        if self._position_of is None:
            self._position_of = {segment.id: position for position, segment in enumerate(self._order)}
        return self._position_of

    def notify_style_update(self) -> None:
        """Styles were applied again (a theme, focus, hover): the next frame checks the rows' colours."""
        super().notify_style_update()
        self._restyled = True

    def _check_styles(self) -> None:
        """Rows drawn with other colours than the component styles' now are drawn again."""
        if not self._restyled:
            return
        self._restyled = False
        styles = tuple(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES))
        if styles != self._styles:
            self._styles = styles
            self._rows.clear()
            self._current_lines = None

    def refresh_rows(self) -> None:
        """Check every row when next seen (new flags, renderings): only rows whose content changed are wrapped again."""
        self._generation += 1
        self._lengths = None  # English lengths may have changed: the next width's estimates ask again
        self.refresh()

    def show(self, position: int) -> None:
        """Make ``position`` the current row and scroll so that all of it (or its top) is in view.

        Without a scroll, only the lines of the rows that lose and gain the highlight are drawn again.
        """
        before = self.current
        self.current = position
        if self.scroll_to_current() or not self._width or not self._order:
            self.refresh()
            return
        for row in {before, position}:
            if 0 <= row < len(self._order):
                self.refresh_lines(self._heights.top(row), self._heights.height(row))

    def on_resize(self) -> None:
        self.scroll_to_current()  # the first size, or a new one: the current row stays in view

    def scroll_to_current(self) -> bool:
        """Scroll the current row into view; whether the list scrolls."""
        if not self._prepare():
            return False
        view = max(1, self.scrollable_content_region.height)
        # measure the row and a screenful from it first, so an estimate does not move it after the scroll
        self._measure_from(self.current, lines=view)
        top = self._heights.top(self.current)
        height = self._heights.height(self.current)
        y = self.scroll_offset.y
        if top < y or height > view:
            y = top
        elif top + height > y + view:
            y = top + height - view
        if y != self.scroll_offset.y:
            self.scroll_to(y=y, animate=False, force=True)
            return True
        return False

    def page(self, direction: int) -> int:
        """The position a screenful away from the current row (for PgUp/PgDn)."""
        if not self._prepare():
            return self.current
        view = max(1, self.scrollable_content_region.height)
        top = self._heights.top(self.current)
        line = max(0, min(self._heights.total - 1, top + direction * view))
        return self._heights.row_at(line)

    def cell(self, segment_id: str, column: str) -> str:
        """What a segment's row shows in one column (number, flags, french, english)."""
        position = self._positions().get(segment_id)
        if position is None:
            msg = f"no segment {segment_id!r}"
            raise KeyError(msg)
        return self._content(self._order[position]).plain(column)

    def visible_positions(self) -> range:
        """Positions of the rows on screen now (for workers that serve them first)."""
        if not self._prepare():  # no size yet: the current row and a screenful's guess below it
            return range(self.current, min(len(self._order), self.current + 40))
        y = self.scroll_offset.y
        first = self._heights.row_at(y)
        last = self._heights.row_at(y + max(1, self.scrollable_content_region.height) - 1)
        return range(first, last + 1)

    # -- drawing ----------------------------------------------------------------------

    def _columns(self, width: int) -> Columns:
        rest = max(2, width - self.number_width - FLAGS_WIDTH)
        if not self.show_english:
            return Columns(self.number_width, rest, 0)
        return Columns(self.number_width, rest // 2, rest - rest // 2)

    def _prepare(self) -> bool:
        """Set up heights for the current width; False before the widget has a size."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return False
        if width != self._width:
            self._width = width
            self._rows.clear()
            self._current_lines = None
            self._heights = RowHeights(self._estimates())
            self._update_virtual_size()
        return True

    def _estimates(self) -> list[int]:
        """Every row's height guessed from its lengths at the current width (lengths asked once, then kept)."""
        if self._lengths is None or len(self._lengths) != len(self._order):
            self._lengths = [self._length(segment) for segment in self._order]
        return self._estimates_of(self._lengths)

    def _estimates_of(self, lengths: Sequence[tuple[int, int]]) -> list[int]:
        """The heights of rows of these French and English lengths at the current width."""
        columns = self._columns(self._width)
        french_width = columns.french_text
        if not self.show_english:
            return [-(-french // french_width) + 1 for french, _english in lengths]
        english_width = columns.english_text
        return [max(-(-french // french_width), -(-english // english_width), 1) + 1
                for french, english in lengths]

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._width, self._heights.total)

    def _row(self, position: int) -> list[Strip]:
        """The row's lines at the current width, drawn now if its content changed; its height becomes exact."""
        segment = self._order[position]
        drawn = self._rows.get(segment.id)
        if drawn is not None and drawn.generation == self._generation:
            self._rows.move_to_end(segment.id)
            return drawn.lines
        content = self._content(segment)
        key = content.key()
        if drawn is None or drawn.key != key:
            drawn = _Drawn(key, self._draw(content), self._generation)
        drawn.generation = self._generation
        self._rows[segment.id] = drawn
        self._rows.move_to_end(segment.id)
        if len(self._rows) > ROWS_KEPT:
            self._rows.popitem(last=False)
        if self._heights.set(position, len(drawn.lines)):
            self._update_virtual_size()
            self._grew = True
        return drawn.lines

    def _measure_from(self, position: int, *, lines: int) -> None:
        covered = 0
        while position < len(self._order) and covered < lines:
            covered += len(self._row(position))
            position += 1

    def _draw(self, row: RowContent) -> list[Strip]:
        columns = self._columns(self._width)
        console = self.app.console
        french = wrap(console, row.french, columns.french_text)
        english: list[list[RichSegment]] | None
        if not self.show_english:
            english = None
        elif row.english is None:
            english = self._waiting(console, row.waiting, columns.english_text)
        else:
            english = wrap(console, Text(for_screen(row.english)), columns.english_text)
        number_style = self.get_component_rich_style("segment-list--corrected") if row.corrected else Style()
        return row_lines(row, columns, self._width, french, english, number_style=number_style,
                         flags_style=self.get_component_rich_style("segment-list--flags"))

    def _waiting(self, console: Console, waiting: str, width: int) -> list[list[RichSegment]]:
        """The note shown in place of missing English, wrapped once per note, width and style (every row shares it)."""
        style = self.get_component_rich_style("segment-list--waiting")
        key = (waiting, width, style)
        if self._waiting_lines is None or self._waiting_lines[0] != key:
            self._waiting_lines = (key, wrap(console, Text(waiting, style=style), width))
        return self._waiting_lines[1]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style  # once a frame, not once a line
        self._grew = False
        self._check_styles()
        if self._prepare() and self._order:
            # draw the rows in view first: their exact heights place every line below them
            first = self._heights.row_at(self.scroll_offset.y)
            self._measure_from(first, lines=self.scroll_offset.y - self._heights.top(first) + self.size.height)
        strips = super().render_lines(crop)
        if self._grew:
            self.refresh()  # the lines below a row that changed height moved: a partial frame left them behind
        if not self._ahead:
            self._ahead = True
            self.call_later(self._wrap_ahead)
        return strips

    def _wrap_ahead(self) -> None:
        """Wrap the first row not yet drawn in the screenful below the view; queue the next step.

        One row a step, so a key that arrives meanwhile waits for one row at most.  Rows
        above the view are left alone: measuring them would move the rows in view.
        """
        self._ahead = False
        if not self._width or not self._order:
            return
        view = max(1, self.scrollable_content_region.height)
        bottom = self.scroll_offset.y + view
        position = self._heights.row_at(bottom - 1) + 1
        while position < len(self._order) and self._heights.top(position) < bottom + view:
            drawn = self._rows.get(self._order[position].id)
            if drawn is None or drawn.generation != self._generation:
                self._row(position)
                self._ahead = True
                self.call_later(self._wrap_ahead)
                return
            position += 1

    def render_line(self, y: int) -> Strip:
        base = self._base
        if not self._prepare() or not self._order:
            return Strip.blank(self.size.width, base)
        line = self.scroll_offset.y + y
        if line >= self._heights.total:
            return Strip.blank(self._width, base)
        position = self._heights.row_at(line)
        lines = self._row(position)
        if position == self.current:
            lines = self._highlighted(position, lines)
        strip = lines[min(len(lines) - 1, line - self._heights.top(position))]
        return strip.apply_style(base).apply_offsets(0, line)

    def _highlighted(self, position: int, lines: list[Strip]) -> list[Strip]:
        """The current row's lines with the highlight, made once per row and kept while it stays current."""
        kept = self._current_lines
        if kept is None or kept[0] != position or kept[1] is not lines:
            style = self.get_component_rich_style("segment-list--current")
            kept = (position, lines, [strip.apply_style(style) for strip in lines])
            self._current_lines = kept
        return kept[2]
