"""One reviewer's session on one article: the state the screen shows, kept in step with the log.

Every change goes to the log first (flushed and fsynced) and only then into
memory, so what the screen shows as saved is on disk.  No textual here: the
TUI calls these methods, tests call them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from review.errors import InputError
from review.model import Correction, Document, Flag, ReviewState, Segment
from review.store import ReviewLog, now, replay


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
    _by_id: dict[str, Segment] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, document: Document, log: ReviewLog) -> Session:
        return cls(document=document, log=log, state=replay(log.path, document))

    # -- what the screen asks -------------------------------------------------

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self.document.segments

    def segment(self, segment_id: str) -> Segment:
        """The segment with this id, found without scanning the article."""
        if not self._by_id:
            self._by_id = {segment.id: segment for segment in self.segments}
        try:
            return self._by_id[segment_id]
        except KeyError:
            msg = f"no segment {segment_id!r}"
            raise KeyError(msg) from None

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
        """Flags not dismissed, for one segment or all, riskiest first."""
        candidates = self.flags if segment is None else self._flags_by_segment.get(segment.id, [])
        chosen = [flag for flag in candidates if not self.state.is_dismissed(flag)]
        return sorted(chosen, key=lambda flag: (-flag.severity.rank, -flag.confidence, flag.start))

    def risk(self, segment: Segment) -> tuple[int, float]:
        """Triage key: highest severity, then summed confidence of the open flags."""
        flags = self.open_flags(segment)
        if not flags:
            return (-1, 0.0)
        return (max(flag.severity.rank for flag in flags), sum(flag.confidence for flag in flags))

    def counts(self) -> dict[str, int]:
        return {
            "segments": len(self.segments),
            "reviewed": len(self.state.reviewed | set(self.state.texts)),
            "corrected": len(self.state.texts),
            "flags": len(self.open_flags()),
        }

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
        again = replace(correction, timestamp=now(), previous=self.text(self.document.segment(correction.segment_id)))
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
        self.state = replace(
            self.state, texts=texts, history=(*self.state.history, correction),
        )

    def undo(self) -> Correction | None:
        """Take back the last correction still in force; None when there is none."""
        if not self.state.history:
            return None
        last = self.state.history[-1]
        self.log.record_undo(last.segment_id)
        history = self.state.history[:-1]
        texts = {correction.segment_id: correction.text for correction in history}
        texts = {key: value for key, value in texts.items() if value != self.segment(key).text}
        self.state = replace(self.state, texts=texts, history=history)
        return last

    def dismiss(self, flag: Flag) -> None:
        self.log.record_dismiss(flag.id, flag.segment_id)
        self.state = replace(self.state, dismissed=self.state.dismissed | {flag.id})

    def restore(self, flag: Flag) -> None:
        ids = [flag_id for flag_id in (flag.id, flag.legacy_id) if flag_id in self.state.dismissed] or [flag.id]
        for flag_id in ids:  # a dismissal logged by review 0.1 carries the legacy id
            self.log.record_restore(flag_id, flag.segment_id)
        self.state = replace(self.state, dismissed=self.state.dismissed - set(ids))

    def toggle_reviewed(self, segment: Segment) -> bool:
        """Mark the segment checked (or not); returns the new mark."""
        mark = segment.id not in self.state.reviewed
        self.log.record_reviewed(segment.id, reviewed=mark)
        reviewed = self.state.reviewed | {segment.id} if mark else self.state.reviewed - {segment.id}
        self.state = replace(self.state, reviewed=reviewed)
        return mark

    def remember_position(self, segment: Segment) -> None:
        if not self.log.read_only and segment.id != self.state.position:
            self.log.record_position(segment.id)
            self.state = replace(self.state, position=segment.id)

    def set_flags(self, flags: Iterable[Flag]) -> None:
        self.flags = list(flags)
        self._flags_by_segment = {}
        for flag in self.flags:
            self._flags_by_segment.setdefault(flag.segment_id, []).append(flag)

    def flagged(self) -> list[str]:
        """Ids of the segments with at least one open flag."""
        return [segment_id for segment_id, flags in self._flags_by_segment.items()
                if any(not self.state.is_dismissed(flag) for flag in flags)]

    def start_index(self) -> int:
        """Where the reviewer left off, or the top."""
        if self.state.position is not None:
            for segment in self.segments:
                if segment.id == self.state.position:
                    return segment.index
        return 0

