"""One reviewer's session on one article: the state the screen shows, kept in step with the log.

Every change goes to the log first (flushed and fsynced) and only then into
memory, so what the screen shows as saved is on disk.  No textual here: the
TUI calls these methods, tests call them directly.

The screen asks for the counts and the open flags after every key, so those
answers cost the same at 16 segments and at 100,000: the counts are kept up
to date by each action (and worked out afresh only when the flags arrive or
the state was replaced from outside), and the article's open flags are kept
until the flags, the dismissals or the kept words change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from review.errors import InputError
from review.model import Correction, Document, Flag, ReviewState, Segment
from review.replay import replay
from review.store import ReviewLog, now


@dataclass
class Session:
    """The article, its log and what is known about each segment."""

    document: Document
    log: ReviewLog
    state: ReviewState = field(default_factory=ReviewState)
    renderings: dict[str, str] = field(default_factory=dict)  # French text -> English
    flags: list[Flag] = field(default_factory=list)
    # segment id -> its flags, so that a row or a flag walk never scans the article's flags
    _flags_by_segment: dict[str, list[Flag]] = field(default_factory=dict, repr=False)
    # the counts of :meth:`counts`, true of ``_counted`` (the state they were last brought up to date with)
    _counted: ReviewState | None = field(default=None, repr=False)
    _reviewed_count: int = field(default=0, repr=False)  # segments marked checked or corrected
    _open_count: int = field(default=0, repr=False)  # flags not dismissed
    # the article's open flags, riskiest first, with the flags list, the dismissals and kept words they were made from
    _open_all: tuple[list[Flag], tuple[frozenset[str], frozenset[str]], list[Flag]] | None = field(
        default=None, repr=False)

    @classmethod
    def open(cls, document: Document, log: ReviewLog) -> Session:
        return cls(document=document, log=log, state=replay(log.path, document))

    # -- what the screen asks -------------------------------------------------

    @property
    def segments(self) -> Sequence[Segment]:
        return self.document.segments

    def segment(self, segment_id: str) -> Segment:
        """The segment with this id, found without scanning the article."""
        return self.document.segment(segment_id)

    def text(self, segment: Segment) -> str:
        return self.state.text_of(segment)

    def texts(self) -> dict[str, str]:
        return {segment.id: self.text(segment) for segment in self.segments}

    def english(self, segment: Segment) -> str | None:
        return self.renderings.get(self.text(segment))

    def renderings_by_segment(self) -> dict[str, str]:
        """English per segment id: of the current French, else of the machine French the reviewer saw."""
        found: dict[str, str] = {}
        for segment in self.segments:
            english = self.renderings.get(self.text(segment), self.renderings.get(segment.text))
            if english is not None:
                found[segment.id] = english
        return found

    def is_corrected(self, segment: Segment) -> bool:
        return segment.id in self.state.texts

    def is_reviewed(self, segment: Segment) -> bool:
        """Marked checked, or corrected (a correction is a review)."""
        return segment.id in self.state.reviewed or segment.id in self.state.texts

    def open_flags(self, segment: Segment | None = None) -> list[Flag]:
        """Flags not dismissed, for one segment or all, riskiest first.

        The article's list is worked out once per set of flags and dismissals, then copied.
        """
        if segment is not None:
            return _riskiest_first(self._flags_by_segment.get(segment.id, []), self.state)
        cached = self._open_all
        hidden = (self.state.dismissed, self.state.kept)
        if cached is None or cached[0] is not self.flags or any(
                now is not then for now, then in zip(hidden, cached[1], strict=True)):
            cached = (self.flags, hidden, _riskiest_first(self.flags, self.state))
            self._open_all = cached
        return list(cached[2])

    def risk(self, segment: Segment) -> tuple[int, float]:
        """Triage key: highest severity, then summed confidence of the open flags."""
        flags = self.open_flags(segment)
        if not flags:
            return (-1, 0.0)
        return (max(flag.severity.rank for flag in flags), sum(flag.confidence for flag in flags))

    def counts(self) -> dict[str, int]:
        """Segments (cut so far), reviewed (checked or corrected), corrected and open flags; O(1) between changes.

        An article still being cut counts the segments cut (:attr:`Document.fully_cut` says when that is all).
        """
        self._bring_counts_up_to_date()
        return {
            "segments": len(self.document.cut_segments),
            "reviewed": self._reviewed_count,
            "corrected": len(self.state.texts),
            "flags": self._open_count,
        }

    def _bring_counts_up_to_date(self) -> None:
        """Work the counts out afresh when the state was not changed by this session's own methods."""
        if self._counted is self.state:
            return
        self._reviewed_count = len(self.state.reviewed.union(self.state.texts))
        self._open_count = sum(not self.state.is_dismissed(flag) for flag in self.flags)
        self._counted = self.state

    def _changed(self, state: ReviewState, *, reviewed: int = 0, opened: int = 0) -> None:
        """Take ``state`` as the session's, with the counts moved by what the action changed."""
        self._bring_counts_up_to_date()
        self.state = state
        self._reviewed_count += reviewed
        self._open_count += opened
        self._counted = state

    def _reviewed_change(self, segment_id: str, texts: dict[str, str]) -> int:
        """How the reviewed count moves when the corrected texts become ``texts`` for one segment."""
        if segment_id in self.state.reviewed:
            return 0  # checked either way
        return (segment_id in texts) - (segment_id in self.state.texts)

    # -- what the reviewer does --------------------------------------------------

    def correct(self, segment: Segment, text: str, *, category: str | None = None, severity: str | None = None,
                note: str | None = None, flag: Flag | None = None) -> Correction | None:
        """Save ``text`` as the segment's French; None when nothing changed."""
        previous = self.text(segment)
        if text == previous:
            return None
        if not text.strip():
            msg = "a segment cannot be emptied: write the corrected sentence, or Esc to cancel"
            raise InputError(msg)
        if flag is not None:
            category = category or flag.category
            severity = severity or flag.severity.value
        correction = Correction(
            segment_id=segment.id, original=segment.text, text=text, timestamp=now(), previous=previous,
            note=note, category=category, severity=severity, flag_id=flag.id if flag else None,
        )
        self.log.record_correction(correction)
        self._apply(correction)
        return correction

    def reapply(self, correction: Correction) -> Correction:
        """Make an undone correction again (redo): logged anew, from the segment's present text."""
        again = replace(correction, timestamp=now(), previous=self.text(self.segment(correction.segment_id)))
        self.log.record_correction(again)
        self._apply(again)
        return again

    def _apply(self, correction: Correction) -> None:
        texts = dict(self.state.texts)
        segment = self.segment(correction.segment_id)
        if correction.text == segment.text:
            texts.pop(segment.id, None)
        else:
            texts[segment.id] = correction.text
        self._changed(replace(self.state, texts=texts, history=(*self.state.history, correction)),
                      reviewed=self._reviewed_change(segment.id, texts))

    def undo(self) -> Correction | None:
        """Take back the last correction still in force; None when there is none."""
        if not self.state.history:
            return None
        last = self.state.history[-1]
        self.log.record_undo(last.segment_id, correction=last)
        history = self.state.history[:-1]
        texts = {correction.segment_id: correction.text for correction in history}
        texts = {key: value for key, value in texts.items() if value != self.segment(key).text}
        self._changed(replace(self.state, texts=texts, history=history),
                      reviewed=self._reviewed_change(last.segment_id, texts))
        return last

    def dismiss(self, flag: Flag) -> None:
        self.log.record_dismiss(flag.id, flag.segment_id, flag=flag, segment=self.segment(flag.segment_id))
        state = replace(self.state, dismissed=self.state.dismissed | {flag.id})
        self._changed(state, opened=self._opened_by(state, flag.segment_id))

    def restore(self, flag: Flag) -> None:
        ids = [flag_id for flag_id in (flag.id, flag.legacy_id) if flag_id in self.state.dismissed] or [flag.id]
        for flag_id in ids:  # a dismissal logged by review 0.1 carries the legacy id
            self.log.record_restore(flag_id, flag.segment_id, flag=flag, segment=self.segment(flag.segment_id))
        state = replace(self.state, dismissed=self.state.dismissed - set(ids))
        self._changed(state, opened=self._opened_by(state, flag.segment_id))

    def keep(self, term: str, *, keep: bool = True) -> None:
        """Keep ``term`` as written (a name): its flags count as dismissed in every segment; ``keep=False`` takes
        that back.  The open flags are counted afresh: a kept word may touch any segment."""
        if (term in self.state.kept) == keep:
            return
        self.log.record_keep(term, keep=keep)
        kept = self.state.kept | {term} if keep else self.state.kept - {term}
        self._changed(replace(self.state, kept=kept))
        self._counted = None

    def _opened_by(self, state: ReviewState, segment_id: str) -> int:
        """How many of a segment's flags ``state`` opens (negative: closes) against the session's state.

        A flag id names its segment, so a dismissal or a restore changes only that segment's flags.
        """
        flags = self._flags_by_segment.get(segment_id, [])
        before = sum(self.state.is_dismissed(other) for other in flags)
        return before - sum(state.is_dismissed(other) for other in flags)

    def toggle_reviewed(self, segment: Segment) -> bool:
        """Mark the segment checked (or not); returns the new mark."""
        mark = segment.id not in self.state.reviewed
        self.log.record_reviewed(segment, reviewed=mark)
        reviewed = self.state.reviewed | {segment.id} if mark else self.state.reviewed - {segment.id}
        change = 0 if segment.id in self.state.texts else (1 if mark else -1)
        self._changed(replace(self.state, reviewed=reviewed), reviewed=change)
        return mark

    def remember_position(self, segment: Segment) -> None:
        if not self.log.read_only and segment.id != self.state.position:
            self.log.record_position(segment.id)
            self._changed(replace(self.state, position=segment.id))

    def set_flags(self, flags: Iterable[Flag]) -> None:
        self.flags = list(flags)
        self._flags_by_segment = {}
        for flag in self.flags:
            self._flags_by_segment.setdefault(flag.segment_id, []).append(flag)
        self._counted = None  # the open flags are counted afresh, once

    def flagged(self) -> list[str]:
        """Ids of the segments with at least one open flag."""
        return [segment_id for segment_id, flags in self._flags_by_segment.items()
                if any(not self.state.is_dismissed(flag) for flag in flags)]

    def start_index(self) -> int:
        """Where the reviewer left off, or the top."""
        if self.state.position is not None:
            try:
                return self.segment(self.state.position).index
            except KeyError:
                return 0
        return 0


def _riskiest_first(flags: Iterable[Flag], state: ReviewState) -> list[Flag]:
    chosen = [flag for flag in flags if not state.is_dismissed(flag)]
    return sorted(chosen, key=lambda flag: (-flag.severity.rank, -flag.confidence, flag.start))

