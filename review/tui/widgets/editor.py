"""Edit the current segment's French in place; the original stays visible above."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from review.model import Category, Severity
from review.terminal import for_screen
from review.tui.keys import EDITOR_ACTIONS, key_bindings

CATEGORIES: list[str | None] = [None, *[category.value for category in Category]]
SEVERITIES: list[str | None] = [None, Severity.MINOR.value, Severity.MAJOR.value, Severity.CRITICAL.value,
                                Severity.NEUTRAL.value]


class _FrenchArea(TextArea):
    """A text area where Enter saves instead of breaking the line (segments are one sentence)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.post_message(SegmentEditor.Save())
            return
        await super()._on_key(event)


class SegmentEditor(Vertical):
    """Editing panel: original French, the editable text, and the correction's MQM tags."""

    BINDINGS: ClassVar[list[BindingType]] = list(key_bindings(EDITOR_ACTIONS))

    @dataclass
    class Save(Message):
        """Enter or ctrl+s in the text area."""

    @dataclass
    class Saved(Message):
        segment_id: str
        text: str
        category: str | None
        severity: str | None

    @dataclass
    class Cancelled(Message):
        segment_id: str

    def __init__(self, segment_id: str, original: str, current: str, *, category: str | None = None,
                 severity: str | None = None) -> None:
        super().__init__(id="editor")
        self.segment_id = segment_id
        self.original = original
        self.current = current
        self.category = category
        self.severity = severity

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("original  ", "dim"), for_screen(self.original)), id="editor-original")
        area = _FrenchArea(self.current, id="editor-text", soft_wrap=True, show_line_numbers=False)
        yield area
        yield Static(self._tags_line(), id="editor-tags")

    def on_mount(self) -> None:
        area = self.query_one(_FrenchArea)
        area.focus()
        area.move_cursor(area.document.end)

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

    @on(Save)
    def action_save(self) -> None:
        text = self.query_one(_FrenchArea).text.replace("\n", " ").strip()
        self.post_message(self.Saved(self.segment_id, text, self.category, self.severity))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self.segment_id))
