"""Dismissing a flag, keeping its word as written, undo and redo of any action, and restoring dismissed flags from
the palette."""

from __future__ import annotations

from review.model import Category, Flag, keepable, kept_word
from review.tui.commands import DismissedFlags
from review.tui.corrections import Corrections
from review.tui.widgets.flag_panel import elide
from review.undo import Action as DoneAction


class Undoing(Corrections):
    """Every action the reviewer takes can be taken back (``u``) and done again (``U``)."""

    def _flag_to_act_on(self) -> Flag | None:
        """The selected flag, when the session may write and the editor is closed; else None, said why."""
        if self.editing or not self._writable():
            return None
        flag = self.selected_flag()
        if flag is None:
            self.notify("no open flag on this segment", timeout=3)
        return flag

    def action_dismiss_flag(self) -> None:
        flag = self._flag_to_act_on()
        if flag is None:
            return
        if not self._saved("the dismissal", lambda: self.history.dismiss(flag)):
            return
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, flag.start + 1)
        self.refresh_row(self.segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(f"dismissed «{elide(flag.span_text, 30)}» ({flag.detector}) · u undoes", timeout=2)

    def action_keep_word(self) -> None:
        """Keep the selected flag's word as written (a name): every flag on it, in every segment, is dismissed."""
        flag = self._flag_to_act_on()
        if flag is None:
            return
        term = keepable(flag)
        if term is None:
            why = ("the article spells this name two ways: keeping it would not settle which"
                   if flag.category == Category.INCONSISTENCY else "w keeps one word or a name, not a phrase")
            self.notify(f"{why}; i dismisses the flag", timeout=5)
            return
        before = self.session.counts()["flags"]
        if not self._saved("the kept word", lambda: self.history.keep(term, flag.segment_id)):
            return
        hidden = before - self.session.counts()["flags"]
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, flag.start + 1)
        self.refresh_all()
        self.refresh_flag_panel()
        self.notify(f"kept «{elide(term, 30)}» as written: {hidden} flag{'s' if hidden != 1 else ''} on it "
                    "hidden in the article · u undoes", timeout=3)

    def action_undo(self) -> None:
        """Take back the last action, whatever it was: a correction, a dismissal, a kept word, a restore, a check
        mark."""
        self._replay("undo")

    def action_redo(self) -> None:
        self._replay("redo")

    def _replay(self, way: str) -> None:
        """Undo or redo through the history, and show the segment it touched."""
        if self.editing or not self._writable():
            return
        step = self.history.undo if way == "undo" else self.history.redo
        done: list[DoneAction | None] = []
        if not self._saved(f"the {way}", lambda: done.append(step())):
            return
        action = done[0]
        if action is None:
            self.notify(f"nothing to {way}", timeout=3)
            return
        note = f"undid {action.describe()} · U redoes" if way == "undo" else f"redid {action.describe()}"
        self._show_action(action, note)

    def _show_action(self, action: DoneAction, note: str) -> None:
        """Go to the segment an undo or redo touched and show it as it now is."""
        segment = self.session.segment(action.segment_id)
        self.current = self._positions()[segment.id]
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()
        if action.kind == "correction":
            self.after_change(segment, note)
            return
        if action.kind in {"keep", "unkeep"}:
            self.segment_list.refresh_rows()  # a kept word's flags may be in any segment
        self.refresh_row(segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(note, timeout=2)

    def dismissed_flags(self) -> list[Flag]:
        """The flags the detectors still raise that the reviewer dismissed, in article order."""
        state = self.session.state
        order = {segment.id: segment.index for segment in self.session.segments}
        return sorted((flag for flag in self.session.flags if state.is_dismissed(flag)),
                      key=lambda flag: (order.get(flag.segment_id, 0), flag.start))

    def restore_flag(self, flag: Flag) -> None:
        """Bring a dismissed flag back (undoable like a dismissal); a flag on a kept word brings the word's flags
        back: the word is no longer kept."""
        if self.session.state.hidden_by_kept_word(flag):
            term = kept_word(flag.span_text)
            if not self._writable() or not self._saved(
                    "the restore", lambda: self.history.keep(term, flag.segment_id, keep=False)):
                return
            self.segment_list.refresh_rows()
        elif not self._writable() or not self._saved("the restore", lambda: self.history.restore(flag)):
            return
        segment = self.session.segment(flag.segment_id)
        self.current = self._positions()[segment.id]
        self.move_flag_cursor(flag)
        self.walk_anchor = (self.current, flag.start)
        self.highlight()
        self.refresh_row(segment)
        self.refresh_status()
        self.notify(f"restored «{elide(flag.span_text, 30)}» ({flag.detector}) in {segment.id}", timeout=2)

    def action_restore(self) -> None:
        """List the dismissed flags in the palette; choosing one restores it."""
        if not self.dismissed_flags():
            self.notify("no dismissed flags", timeout=3)
            return
        from textual.command import CommandPalette  # noqa: PLC0415

        self.push_screen(CommandPalette(providers=[DismissedFlags], placeholder="restore a dismissed flag…"))
