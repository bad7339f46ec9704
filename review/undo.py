"""Undo and redo of whatever the reviewer did last: a correction, a dismissal, a restore, a kept word, a check mark.

The log keeps every step (an undone correction is an ``undo`` record, an
undone dismissal a ``restore``), so undoing is itself saved like any action.
The stacks live as long as the sitting; after reopening, ``undo`` still takes
back the last correction in force, as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from review.model import Correction, Flag, Segment
from review.session import Session

Kind = Literal["correction", "dismiss", "restore", "keep", "unkeep", "reviewed"]


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the reviewer did.

    correction: the correction made (kind "correction").
    flag: the flag dismissed or restored (kinds "dismiss" and "restore").
    marked: whether the segment was checked or unchecked (kind "reviewed").
    term: the word kept as written, or no longer kept (kinds "keep" and "unkeep"); ``segment_id`` is then the
        segment of the flag it was kept from.
    """

    kind: Kind
    segment_id: str
    correction: Correction | None = None
    flag: Flag | None = None
    marked: bool = True
    term: str = ""

    def describe(self) -> str:
        """A few words for the notice line: what was done, to what."""
        if self.kind == "correction":
            return f"the correction of {self.segment_id}"
        if self.kind == "reviewed":
            return f"the {'check mark' if self.marked else 'unchecking'} of {self.segment_id}"
        if self.kind in {"keep", "unkeep"}:
            return f"{'keeping' if self.kind == 'keep' else 'no longer keeping'} «{self.term}» as written"
        span = self.flag.span_text if self.flag is not None else ""
        return f"the {'dismissal' if self.kind == 'dismiss' else 'restore'} of «{span}» in {self.segment_id}"


@dataclass
class History:
    """The session's actions of this sitting, newest last, and those undone, for redo."""

    session: Session
    done: list[Action] = field(default_factory=list)
    undone: list[Action] = field(default_factory=list)

    def correct(self, segment: Segment, text: str, *, category: str | None = None, severity: str | None = None,
                note: str | None = None, flag: Flag | None = None) -> Correction | None:
        """:meth:`Session.correct`, remembered for undo."""
        correction = self.session.correct(segment, text, category=category, severity=severity, note=note, flag=flag)
        if correction is not None:
            self._did(Action("correction", segment.id, correction=correction))
        return correction

    def corrected(self, correction: Correction | None) -> Correction | None:
        """Remember a correction made elsewhere (the workbench applying a suggestion), for undo."""
        if correction is not None:
            self._did(Action("correction", correction.segment_id, correction=correction))
        return correction

    def dismiss(self, flag: Flag) -> None:
        self.session.dismiss(flag)
        self._did(Action("dismiss", flag.segment_id, flag=flag))

    def restore(self, flag: Flag) -> None:
        self.session.restore(flag)
        self._did(Action("restore", flag.segment_id, flag=flag))

    def keep(self, term: str, segment_id: str, *, keep: bool = True) -> None:
        """:meth:`Session.keep`, remembered for undo."""
        self.session.keep(term, keep=keep)
        self._did(Action("keep" if keep else "unkeep", segment_id, term=term))

    def toggle_reviewed(self, segment: Segment) -> bool:
        mark = self.session.toggle_reviewed(segment)
        self._did(Action("reviewed", segment.id, marked=mark))
        return mark

    def _did(self, action: Action) -> None:
        self.done.append(action)
        self.undone.clear()

    def undo(self) -> Action | None:
        """Take back the last action (or, with none this sitting, the last correction in force)."""
        if self.done:
            action = self.done.pop()
        elif self.session.state.history:
            last = self.session.state.history[-1]
            action = Action("correction", last.segment_id, correction=last)
        else:
            return None
        self._reverse(action)
        self.undone.append(action)
        return action

    def redo(self) -> Action | None:
        """Do again the last action undone; None when there is none."""
        if not self.undone:
            return None
        action = self.undone.pop()
        self._replay(action)
        self.done.append(action)
        return action

    def _reverse(self, action: Action) -> None:
        session = self.session
        if action.kind == "correction":
            session.undo()
        elif action.kind == "dismiss" and action.flag is not None:
            session.restore(action.flag)
        elif action.kind == "restore" and action.flag is not None:
            session.dismiss(action.flag)
        elif action.kind in {"keep", "unkeep"}:
            session.keep(action.term, keep=action.kind == "unkeep")
        elif action.kind == "reviewed":
            session.toggle_reviewed(session.document.segment(action.segment_id))

    def _replay(self, action: Action) -> None:
        session = self.session
        if action.kind == "correction" and action.correction is not None:
            session.reapply(action.correction)
        elif action.kind == "dismiss" and action.flag is not None:
            session.dismiss(action.flag)
        elif action.kind == "restore" and action.flag is not None:
            session.restore(action.flag)
        elif action.kind in {"keep", "unkeep"}:
            session.keep(action.term, keep=action.kind == "keep")
        elif action.kind == "reviewed":
            session.toggle_reviewed(session.document.segment(action.segment_id))
