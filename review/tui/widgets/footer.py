"""The review screen's footer, which drops the less used keys on a narrow terminal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from review.tui.keys import NARROW_HIDDEN

NARROW = 120
"""Below this many columns the status line and the footer take their short forms."""


class ReviewFooter(Footer):
    """The footer, less the keys a narrow terminal has no room for (the help screen lists them all) and those
    the screen refuses (``x export`` in a read-only tab of ``review serve``)."""

    _narrow: bool | None = None

    async def on_resize(self) -> None:
        """Recompose (in the footer's own context, as its keys bind to it) when the width crosses NARROW."""
        narrow = self.app.size.width < NARROW
        if self._narrow is not None and narrow != self._narrow:
            await self.recompose()

    def compose(self) -> ComposeResult:
        narrow = self._narrow = self.app.size.width < NARROW
        off: frozenset[str] = getattr(self.app, "actions_off", frozenset())  # keys the screen refuses are not offered
        shown = 0
        for widget in super().compose():
            if isinstance(widget, FooterKey) and (widget.action in off or (narrow and widget.action in NARROW_HIDDEN)):
                continue
            shown += isinstance(widget, FooterKey)
            yield widget
        self.styles.grid_size_columns = max(1, shown)
