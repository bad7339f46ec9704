"""The current segment's flags: reason, suggestions, and what the keys do.

The flags are listed in the article's order (by where their span starts), the
order in which ``n``/``N`` walk them, so the panel and the keys never disagree.
The panel scrolls; after each change it scrolls the selected flag's block (its
line, its suggestions and the apply hint) into view.  Long quotes in a message
are cut in the middle, so one flag takes a line or two, not a screen.

The app asks the panel to show the current segment's flags after every move;
the panel draws only when what it would show changed (moving between segments
without flags costs nothing), and lays the screen out again only when its
height changed.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.visual import VisualType
from textual.widgets import Static

from review.model import Flag, keepable
from review.terminal import for_screen
from review.tui.widgets.rows import SPAN_STYLES, SYMBOLS

QUOTE_LIMIT = 40
"""Characters a quote in a flag's message keeps; longer quotes lose their middle."""

SPAN_LIMIT = 32
"""Characters of the flagged span shown before the message."""

_QUOTED = re.compile(r"(«\s?)([^»]+?)(\s?»)|(“)([^”]+?)(”)|(\")([^\"]+?)(\")")


def elide(text: str, limit: int) -> str:
    """``text`` unchanged when short, else its start and end around an ellipsis."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return f"{text[:head].rstrip()}…{text[len(text) - tail:].lstrip()}"


def elide_quotes(message: str, limit: int = QUOTE_LIMIT) -> str:
    """The message with every quoted passage longer than ``limit`` cut in the middle."""

    def shorten(match: re.Match[str]) -> str:
        groups = [group for group in match.groups() if group is not None]
        opening, quoted, closing = groups
        return f"{opening}{elide(quoted, limit)}{closing}"

    return _QUOTED.sub(shorten, message)


def in_article_order(flags: list[Flag]) -> list[Flag]:
    """The order of the panel and of n/N within a segment: by position, then riskiest first."""
    return sorted(flags, key=lambda flag: (flag.start, flag.end, -flag.severity.rank, -flag.confidence))


class FlagPanel(VerticalScroll, can_focus=False):
    """Lists the open flags of the segment in article order; the selected one marked ▶ with its suggestions."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002 - textual's name
        super().__init__(id=id, classes=classes)
        self._blocks: list[Text] = []
        self._selected_block: int | None = None
        self._shown: Hashable = None  # what the panel shows now (see show), so an unchanged panel is not drawn
        self._lines = 0  # the body's height in lines at its width, 0 when unknown
        self.body = Static(id="flags-body")

    def compose(self) -> ComposeResult:
        yield self.body

    @property
    def content(self) -> VisualType:
        """What the panel shows (for tests and copy-paste)."""
        return self.body.content

    def update(self, text: Text) -> None:
        """Show ``text``; the screen is laid out again only when the panel's height changes."""
        self._shown = None
        width = self.body.content_region.width
        lines = len(text.wrap(self.app.console, width)) if width > 0 else 0
        self.body.update(text, layout=not lines or lines != self._lines)
        self._lines = lines

    def show(self, flags: list[Flag], selected: Flag | None, *, note: str = "",
             suggestions_english: dict[str, str] | None = None) -> None:
        """List ``flags`` with ``selected`` marked; nothing is drawn when the panel already shows just that."""
        width = max(40, self.body.content_region.width or self.app.size.width - 4)
        english = tuple(sorted(suggestions_english.items())) if suggestions_english else ()
        shown = (tuple(flags), selected, note if not flags else "", english, width)
        if shown == self._shown:
            return
        self._blocks = []
        self._selected_block = None
        if not flags:
            self.update(Text(note or "no open flags on this segment", style="dim"))
            self._shown = shown
            return
        for flag in in_article_order(flags):
            if flag == selected:
                self._selected_block = len(self._blocks)
            self._blocks.append(self._block(flag, selected=flag == selected,
                                            english=suggestions_english or {}, width=width))
        text = Text("\n").join(self._blocks)
        self.update(text)
        self._shown = shown
        self.call_after_refresh(self.keep_selected_in_view)

    @staticmethod
    def _block(flag: Flag, *, selected: bool, english: dict[str, str], width: int) -> Text:
        """One flag's lines: the flag; when selected, the keys, then its suggestions (one a line with
        their English, cut to the panel's width so each takes one line)."""
        block = Text()
        block.append("▶ " if selected else "  ")
        block.append(f"{SYMBOLS[flag.severity]} {flag.severity.value:<8}", style=SPAN_STYLES[flag.severity])
        block.append(f" {elide(for_screen(flag.span_text), SPAN_LIMIT) or '…'}", style="bold")
        block.append(f" — {elide_quotes(for_screen(flag.message))}  ")
        block.append(f"[{flag.category} · {flag.detector} · {flag.confidence:.0%}]", style="dim")
        if not selected:
            return block
        keep = " · w keep word" if keepable(flag) is not None else ""
        if flag.suggestions:
            block.append(f"\n    a apply · 1-9 apply that one · i dismiss{keep} · u undo", style="dim")
            # with their English each suggestion is a sentence long: one a line; without, all on one
            block.append("\n    ")
            for number, suggestion in enumerate(flag.suggestions[:9], start=1):
                if number > 1:
                    block.append("\n    " if english else "   ")
                block.append(f"{number} ", style="bold")
                block.append(for_screen(suggestion))
                if suggestion in english:
                    room = max(12, width - 4 - len(f"{number} {suggestion} → “”"))
                    block.append(f" → “{elide(for_screen(english[suggestion]), room)}”", style="italic")
        else:
            block.append(f"\n    e edit · i dismiss{keep} · u undo", style="dim")
        return block

    def keep_selected_in_view(self) -> None:
        """Scroll so the selected flag's block shows whole (its top, when it is taller than the panel)."""
        if self._selected_block is None or not self._blocks:
            return
        width = max(1, self.body.content_region.width)
        top = sum(self._height(block, width) for block in self._blocks[: self._selected_block])
        height = self._height(self._blocks[self._selected_block], width)
        region = Region(0, top, width, min(height, max(1, self.scrollable_content_region.height)))
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def visible_lines(self) -> list[str]:
        """The panel's lines now in view, as plain text."""
        content = self.body.content
        if not isinstance(content, Text):
            return []
        lines = content.wrap(self.app.console, max(1, self.body.content_region.width))
        top = round(self.scroll_y)
        return [line.plain for line in lines[top : top + self.scrollable_content_region.height]]

    def _height(self, block: Text, width: int) -> int:
        return len(block.wrap(self.app.console, width))

    def scroll_lines(self, lines: int) -> None:
        """Scroll by ``lines`` (negative: up), for the keys that page through a long panel."""
        self.scroll_to(y=self.scroll_y + lines, animate=False)

