"""Changing the French: the editor, applying a suggestion, taking a variant, the checked mark."""

from __future__ import annotations

from textual import on

from review.errors import ReviewError
from review.flags.refixed import applied_fix, relocated
from review.model import Segment
from review.tui.screens.take_variant import TakeVariantScreen
from review.tui.widgets.editor import SegmentEditor
from review.tui.widgets.variant_panel import VariantPanel
from review.tui.workers import Workers


class Corrections(Workers):
    """Each change goes to the log through the history (so it can be undone), then to the model and detectors."""

    def action_edit(self) -> None:
        if self.editing or not self._writable():
            return
        segment = self.segment
        flag = self.selected_flag()
        self.editor.open(
            segment.id, segment.text, self.session.text(segment),
            category=flag.category if flag else None, severity=flag.severity.value if flag else None,
            back_to=self.segment_list,
        )

    @on(SegmentEditor.Saved)
    def editor_saved(self, message: SegmentEditor.Saved) -> None:
        """Record an edit; the editor has already closed, so a failed save reopens it with the text typed."""
        segment = self.session.segment(message.segment_id)
        flag = self.flag_cursor if self.flag_cursor is not None and self.flag_cursor.segment_id == segment.id \
            else next(iter(self.session.open_flags(segment)), None)
        try:
            correction = self.history.correct(segment, message.text, category=message.category,
                                              severity=message.severity,
                                              flag=flag if flag and message.category == flag.category else None)
        except ReviewError as error:
            self.notify(f"not saved: {error.message}", title="not saved", severity="error", timeout=15)
            if not self.editing:
                self.editor.open(segment.id, segment.text, message.text, category=message.category,
                                 severity=message.severity, back_to=self.segment_list)
            return
        if correction is None:
            self.notify(f"{segment.id} unchanged: nothing to save", timeout=3)
        else:
            self.after_change(segment, f"saved {segment.id}")

    def after_change(self, segment: Segment, note: str) -> None:
        """Show a changed segment and send its new French to the model."""
        text = self.session.text(segment)
        self.flags_by_kind = {kind: relocated(flags, segment.id, text) for kind, flags in self.flags_by_kind.items()}
        self.session.set_flags(flag for flags in self.flags_by_kind.values() for flag in flags)
        self.refresh_row(segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(note, timeout=2)
        if text not in self.session.renderings:
            self.render_texts([text])
        if self.flagger is not None:
            self.flag_all()

    def action_apply(self, number: int) -> None:
        if self.editing or not self._writable():
            return
        flag = self.selected_flag()
        if flag is None or not flag.suggestions:
            self.notify("no suggestion to apply here", timeout=3)
            return
        if not 1 <= number <= len(flag.suggestions):
            count = len(flag.suggestions)
            keys = "1 or a" if count == 1 else f"1 to {count}"
            self.notify(f"this flag has {count} suggestion{'s' if count > 1 else ''}: press {keys}", timeout=3)
            return
        segment = self.segment
        suggestion = flag.suggestions[number - 1]
        before = list(self.session.open_flags(segment))
        try:
            self.history.corrected(self.bench.apply_suggestion(flag, number))
        except ReviewError as error:
            self.notify(error.message, severity="warning")
            return
        self.fixes.append(applied_fix(flag, suggestion))
        self.pending_fix = (segment.id, before)
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, flag.start + len(suggestion))
        self.after_change(segment, f"applied «{suggestion}» to {segment.id}")

    def action_toggle_reviewed(self) -> None:
        if self.editing or not self._writable():
            return
        segment = self.segment
        if not self._saved("the checked mark", lambda: self.history.toggle_reviewed(segment)):
            return
        self.refresh_row(self.segment)
        self.refresh_status()

    def action_take_variant(self) -> None:
        if not self.variants:
            self.notify("no variants loaded: open the article with --variant FILE", timeout=3)
            return
        if self.editing or not self._writable():
            return
        segment = self.segment
        current = self.session.text(segment)
        choices = [(name, text) for name, text in self.main.query_one(VariantPanel).texts(segment) if text != current]
        if not choices:
            self.notify(f"every variant of {segment.id} reads as your text: nothing to take", timeout=3)
            return
        self.push_screen(TakeVariantScreen(segment.id, choices, current=current),
                         lambda name: self._take_variant(segment, name))

    def _take_variant(self, segment: Segment, name: str | None) -> None:
        if name is None:
            return
        text = self.variants[name][segment.index]
        try:
            correction = self.history.correct(segment, text, note=f"taken from variant {name}")
        except ReviewError as error:
            self.notify(error.message, severity="error")
            return
        if correction is None:
            self.notify(f"{segment.id} already reads as {name}", timeout=3)
            return
        self.after_change(segment, f"took {name} for {segment.id}")
