"""Edit the current segment's French below the list; the original stays visible above the text.

The editor is mounted once, hidden, with the screen.  Opening it only fills it
in, shows it and focuses its text area, all in the key handler that asked: the
keys typed right after ``e`` are already the editor's, never the list's.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TextArea

from review.model import Category, Severity
from review.terminal import for_screen
from review.tui.keys import EDITOR_ACTIONS, key_bindings

_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*")


def saved_text(typed: str, loaded: str) -> str:
    """What an edit saves: one paragraph, the segment's own layout kept.

    Untouched, the text is saved as it was loaded (nothing to save).  A line break in a segment that
    had none (a paste) becomes a space; a hard-wrapped segment keeps its line breaks, in its own
    line-end style, and a blank line, which would start a new paragraph, closes up to one break.
    """
    if typed == loaded:
        return loaded
    if not _LINE_BREAK.search(loaded):
        return _LINE_BREAK.sub(" ", typed).strip()
    newline = "\r\n" if "\r\n" in loaded else "\n" if "\n" in loaded else "\r"
    return _LINE_BREAK.sub(newline, typed.strip())


CATEGORIES: list[str | None] = [None, *[category.value for category in Category]]
SEVERITIES: list[str | None] = [None, Severity.MINOR.value, Severity.MAJOR.value, Severity.CRITICAL.value,
                                Severity.NEUTRAL.value]


class _FrenchArea(TextArea):
    """The French being edited (Enter saves: the editor's priority binding takes it first)."""


class SegmentEditor(Vertical):
    """Editing panel: original French, the editable text, and the correction's MQM tags."""

    # Priority bindings run as the app takes the key, in the order typed: saving waits for the
    # text area to take the keys typed before (see action_save) and closes the editor before the
    # app routes the keys typed after.
    # (Enter saves too: the text area never sees it, segments being one sentence.)
    BINDINGS: ClassVar[list[BindingType]] = [
        *key_bindings(EDITOR_ACTIONS),
        Binding("enter", "save", "save", show=False, priority=True),
    ]

    @dataclass
    class Saved(Message):
        segment_id: str
        text: str
        category: str | None
        severity: str | None

    @dataclass
    class Cancelled(Message):
        segment_id: str

    def __init__(self) -> None:
        super().__init__(id="editor")
        self.display = False  # shown by open(), on the segment being edited
        self._loaded = ""  # the text open() put in the text area
        self.segment_id = ""
        self.original = ""
        self.category: str | None = None
        self.severity: str | None = None
        self._back_to: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="editor-original")
        yield _FrenchArea("", id="editor-text", soft_wrap=True, show_line_numbers=False)
        yield Static(self._tags_line(), id="editor-tags")

    @property
    def is_open(self) -> bool:
        return bool(self.segment_id)

    def open(self, segment_id: str, original: str, current: str, *, category: str | None = None,
             severity: str | None = None, back_to: Widget | None = None) -> None:
        """Show the editor on a segment and take the keyboard now, not after a refresh.

        back_to: the widget that gets the keyboard back, at once, when the editor closes.
        """
        self._back_to = back_to
        self.segment_id = segment_id
        self.original = original
        self.category = category
        self.severity = severity
        self.query_one("#editor-original", Static).update(Text.assemble(("original  ", "dim"), for_screen(original)))
        self._refresh_tags()
        area = self.query_one(_FrenchArea)
        self._loaded = current
        area.load_text(current)
        area.move_cursor(area.document.end)
        self.display = True
        self.screen.set_focus(area)  # synchronous: Widget.focus() would wait for the queue to drain

    def close(self) -> None:
        """Hide the editor and hand the keyboard back in the same step."""
        self.segment_id = ""
        self.display = False
        if self._back_to is not None:
            self.screen.set_focus(self._back_to)

    def _tags_line(self) -> Text:
        return Text.assemble(
            ("enter/ctrl+s ", "bold"), "save  ", ("esc ", "bold"), "cancel  ",
            ("ctrl+t ", "bold"), f"category: {self.category or '—'}  ",
            ("ctrl+r ", "bold"), f"severity: {self.severity or '—'}",
        )

    def _refresh_tags(self) -> None:
        self.query_one("#editor-tags", Static).update(self._tags_line())

    def action_cycle_category(self) -> None:
        self.category = CATEGORIES[(CATEGORIES.index(self.category) + 1) % len(CATEGORIES)]
        self._refresh_tags()

    def action_cycle_severity(self) -> None:
        self.severity = SEVERITIES[(SEVERITIES.index(self.severity) + 1) % len(SEVERITIES)]
        self._refresh_tags()

    @property
    def text(self) -> str:
        """The French as typed so far."""
        return self.query_one(_FrenchArea).text

    @text.setter
    def text(self, value: str) -> None:
        self.query_one(_FrenchArea).load_text(value)

    async def action_save(self) -> None:
        """Save what was typed, including keys the text area has queued but not yet taken."""
        if not self.is_open:
            return
        area = self.query_one(_FrenchArea)
        taken = asyncio.get_running_loop().create_future()
        area.call_later(taken.set_result, None)  # runs once the area has handled every key before it
        await taken
        if not self.is_open:
            return
        message = self.Saved(self.segment_id, saved_text(area.text, self._loaded), self.category, self.severity)
        self.close()
        self.post_message(message)

    def action_cancel(self) -> None:
        if not self.is_open:
            return
        message = self.Cancelled(self.segment_id)
        self.close()
        self.post_message(message)
