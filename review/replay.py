"""Replaying a corrections log onto its article: each record checked, then put where its text now is.

Corrections, undos, dismissals, kept words and check marks are applied in the log's order.  Each record is
checked against its type's fields first (a record that does not fit is reported and skipped), and
each follows the segment text it was made on: a paragraph inserted or removed above it renumbers the
segments, and the record goes to the one segment that still reads as its ``original``, or is
reported and not applied.  An undo takes back the correction record it names by that record's text
and time, not whatever its segment id names now.  Reading the file itself is
:func:`review.store.read_records`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from review.model import Correction, Document, ReviewState, Segment, Severity, flag_id_of
from review.store import read_records

# The schema of each record type: field -> (accepted JSON types, required).  Anything else in a
# record is ignored (newer versions may add fields); a record that breaks this is reported and skipped.
_TEXT = (str,)
_MAYBE_TEXT = (str, type(None))
SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "correction": {"segment": (_TEXT, True), "original": (_TEXT, True), "text": (_TEXT, True),
                   "previous": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False), "note": (_MAYBE_TEXT, False),
                   "category": (_MAYBE_TEXT, False), "severity": (_MAYBE_TEXT, False), "flag": (_MAYBE_TEXT, False)},
    # an undo names the correction it takes back by that record's original, text and time ("made"); one an
    # older version wrote holds the segment id alone (or nothing: the latest correction)
    "undo": {"segment": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False), "original": (_MAYBE_TEXT, False),
             "text": (_MAYBE_TEXT, False), "made": (_MAYBE_TEXT, False)},
    # a dismissal carries its segment's text and the flag's key since 0.2, so that it follows that text when the
    # article changes (and never lands on another sentence's flag); older ones hold the flag id alone
    "dismiss": {"flag": (_TEXT, True), "segment": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False),
                "original": (_MAYBE_TEXT, False), "key": (_MAYBE_TEXT, False)},
    "restore": {"flag": (_TEXT, True), "segment": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False),
                "original": (_MAYBE_TEXT, False), "key": (_MAYBE_TEXT, False)},
    # a word kept as written (a name) hides its flags in every segment, so it holds no segment
    "keep": {"term": (_TEXT, True), "time": (_MAYBE_TEXT, False)},
    "unkeep": {"term": (_TEXT, True), "time": (_MAYBE_TEXT, False)},
    "reviewed": {"segment": (_TEXT, True), "original": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False)},
    "unreviewed": {"segment": (_TEXT, True), "original": (_MAYBE_TEXT, False), "time": (_MAYBE_TEXT, False)},
    "position": {"segment": (_TEXT, True), "time": (_MAYBE_TEXT, False)},
    # the open-flag count a closing session saw (review serve's article list shows it); replay skips it
    "flags": {"open": ((int,), True), "time": (_MAYBE_TEXT, False)},
}
_JSON_NAMES = {str: "a string", type(None): "null", int: "an integer"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_record(record: dict[str, Any]) -> str | None:
    """What is wrong with a log record (one phrase), or None when it fits :data:`SCHEMA`."""
    kind = record.get("type")
    if not isinstance(kind, str) or kind not in SCHEMA:
        shown = json.dumps(kind, ensure_ascii=True)[:40]
        return f"has an unknown type {shown} (known: {', '.join(SCHEMA)})"
    for name, (types, required) in SCHEMA[kind].items():
        if name not in record:
            if required:
                return f"{kind} record lacks {name!r}"
            continue
        value = record[name]
        if not isinstance(value, types) or isinstance(value, bool):
            wanted = " or ".join(_JSON_NAMES[kind_of] for kind_of in types)
            return f"{kind} record's {name!r} is {json.dumps(value, ensure_ascii=True)[:40]}, not {wanted}"
        if isinstance(value, str) and _SURROGATE.search(value):
            return f"{kind} record's {name!r} holds a lone surrogate, which is not text"
    severity = record.get("severity")
    if kind == "correction" and severity is not None and severity not in {level.value for level in Severity}:
        return f"correction record's severity {json.dumps(severity)[:40]} is not one of {', '.join(Severity)}"
    return None


def _correction(record: dict[str, Any]) -> Correction:
    return Correction(
        segment_id=str(record["segment"]),
        original=str(record["original"]),
        text=str(record["text"]),
        timestamp=record.get("time") or "",
        previous=record.get("previous"),
        note=record.get("note"),
        category=record.get("category"),
        severity=record.get("severity"),
        flag_id=record.get("flag"),
    )


def _known(document: Document, segment_id: str | None) -> Segment | None:
    """The segment with this id, found through the document's index (no copy of the article's ids)."""
    if segment_id is None:
        return None
    try:
        return document.segment(segment_id)
    except KeyError:
        return None


class _Anchors:
    """Where a logged segment is now: its id if the text there is unchanged, else the one segment with that text.

    A paragraph inserted or removed above renumbers the segments after it; a record that carries the
    text it was made on follows that text to its new id.  Text found in no segment, or in several,
    anchors nowhere.  The text index is built on the first segment that moved, not before.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._by_text: dict[str, list[Segment]] | None = None

    def find(self, segment_id: str, original: str) -> Segment | None:
        segment = _known(self.document, segment_id)
        if segment is not None and segment.text == original:
            return segment
        if self._by_text is None:
            self._by_text = {}
            for each in self.document.segments:
                self._by_text.setdefault(each.text, []).append(each)
        found = self._by_text.get(original, [])
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class _Entry:
    """A correction record as replayed: the id it was logged under, and the correction (None: not applied).

    A correction that cannot be applied keeps its place, so that the undo logged after it undoes it
    and not the valid correction before it.  ``identity`` is what an undo names it by (its original,
    text and time); None for a record too malformed to be named.
    """

    logged_id: str
    correction: Correction | None
    identity: tuple[str, str, str] | None = None


def _undo(history: list[_Entry], record: dict[str, Any]) -> bool:
    """Take back the correction an undo record stands for; False when it names one the log does not hold.

    An undo names its correction's record, found wherever the article has since moved that record's
    sentence, or not at all.  One an older version wrote names the segment (the latest correction
    logged or now applied there) or nothing (the latest correction of all), and does what it always did.
    """
    identity = _undone(record)
    segment_id = record.get("segment")
    if identity is None:
        index = next((index for index in range(len(history) - 1, -1, -1)
                      if segment_id is None or segment_id in _ids(history[index])), None)
    else:
        index = _named(history, identity, segment_id)
    if index is None:
        return identity is None  # an older undo with nothing to take back was always passed over silently
    del history[index]
    return True


def _undone(record: dict[str, Any]) -> tuple[str, str, str] | None:
    """The original, text and time of the correction an undo takes back; None for an undo of an older log."""
    original, text = record.get("original"), record.get("text")
    if original is None or text is None:
        return None
    return (str(original), str(text), str(record.get("made") or ""))


def _ids(entry: _Entry) -> set[str]:
    """The ids an older undo may name a correction by: the one it was logged under, and where it applies now."""
    return {entry.logged_id} if entry.correction is None else {entry.logged_id, entry.correction.segment_id}


def _named(history: list[_Entry], identity: tuple[str, str, str], segment_id: str | None) -> int | None:
    """Where the latest correction with this identity lies in the history; None when nowhere.

    Two records can share one (the same fix typed into two identical sentences within a millisecond):
    the one on the undo's segment is taken back then, as the session did.
    """
    same = [index for index in range(len(history) - 1, -1, -1) if history[index].identity == identity]
    on_segment = [index for index in same if segment_id in _ids(history[index])]
    return next(iter(on_segment or same), None)


def replay(path: Path, document: Document) -> ReviewState:
    """Rebuild the review state from the log, checking it against the article."""
    lines, problems = read_records(path)
    anchors = _Anchors(document)
    history: list[_Entry] = []
    dismissed: set[str] = set()
    kept: set[str] = set()
    reviewed: set[str] = set()
    position: str | None = None
    for line in lines:
        record = line.record
        kind = record["type"]
        if (wrong := check_record(record)) is not None:
            problems.append(f"{path.name} line {line.number} {wrong}; skipped, file left as it is")
            if kind == "correction":
                history.append(_Entry(str(record.get("segment")), None))
            continue
        try:
            if kind == "correction":
                history.append(entry := _entry(anchors, record))
                if entry.correction is None:
                    problems.append(f"{path.name} line {line.number}: segment {entry.logged_id} no longer reads "
                                    "as it did when corrected (the article changed?); correction not applied")
            elif kind == "undo" and not _undo(history, record):
                problems.append(f"{path.name} line {line.number}: undo of a correction the log does not hold "
                                f"(of segment {record.get('segment')}); nothing undone")
            elif kind in {"dismiss", "restore"} and not _dismiss_or_restore(dismissed, anchors, record):
                problems.append(f"{path.name} line {line.number}: segment {record.get('segment')} no longer "
                                "reads as it did when its flag was dismissed (the article changed?); "
                                "dismissal not applied")
            elif kind in {"reviewed", "unreviewed"} and not _mark(reviewed, anchors, record):
                problems.append(f"{path.name} line {line.number}: segment {record['segment']} no longer reads "
                                "as it did when checked (the article changed?); check mark not applied")
            elif kind == "keep":
                kept.add(str(record["term"]))
            elif kind == "unkeep":
                kept.discard(str(record["term"]))
            elif kind == "position":
                position = str(record["segment"])
        except KeyError as missing:
            problems.append(f"{path.name} line {line.number}: {kind} record lacks {missing}; skipped")
            if kind == "correction":
                history.append(_Entry(str(record.get("segment")), None))
    applied = [entry.correction for entry in history if entry.correction is not None]
    texts = {correction.segment_id: correction.text for correction in applied}
    texts = {key: value for key, value in texts.items() if value != document.segment(key).text}
    return ReviewState(
        texts=texts,
        history=tuple(applied),
        dismissed=frozenset(dismissed),
        kept=frozenset(kept),
        reviewed=frozenset(segment_id for segment_id in reviewed if _known(document, segment_id)),
        position=position if _known(document, position) else None,
        problems=tuple(problems),
    )


def _entry(anchors: _Anchors, record: dict[str, Any]) -> _Entry:
    """A correction record, moved to where its original text now is (not applied when that is nowhere)."""
    correction = _correction(record)
    segment = anchors.find(correction.segment_id, correction.original)
    identity = (correction.original, correction.text, correction.timestamp)
    return _Entry(correction.segment_id, None if segment is None else replace(correction, segment_id=segment.id),
                  identity)


def _dismiss_or_restore(dismissed: set[str], anchors: _Anchors, record: dict[str, Any]) -> bool:
    """Apply a dismissal or a restore where its flag now is; False when a dismissal has nowhere to go."""
    flag_id = _dismissal(anchors, record)
    if record["type"] == "dismiss":
        if flag_id is None:
            return False
        dismissed.add(flag_id)
        return True
    dismissed.discard(str(record["flag"]))  # un-hiding a flag is always safe
    if flag_id is not None:
        dismissed.discard(flag_id)
    return True


def _dismissal(anchors: _Anchors, record: dict[str, Any]) -> str | None:
    """The id a dismissal (or restore) stands for now; None when its segment's text is nowhere, or moved
    without the flag's key to name it there.  A record of an older log, without its text, keeps its id.
    """
    flag_id = str(record["flag"])
    original = record.get("original")
    if original is None:
        return flag_id
    logged = record.get("segment")
    segment = anchors.find(str(logged or ""), str(original))
    if segment is None:
        return None
    if segment.id == logged:
        return flag_id
    key = record.get("key")
    if key is None or not str(key).startswith(f"{logged}|"):
        return None
    moved = f"{segment.id}|{str(key).removeprefix(f'{logged}|')}"
    return flag_id_of(moved) if flag_id_of(str(key)) == flag_id else None


def _mark(reviewed: set[str], anchors: _Anchors, record: dict[str, Any]) -> bool:
    """Apply a check mark (or its removal) where its text now is; False when that is nowhere.

    A mark an older log holds without its text keeps its id.
    """
    original = record.get("original")
    segment_id: str | None = str(record["segment"])
    if original is not None:
        segment = anchors.find(str(record["segment"]), str(original))
        segment_id = None if segment is None else segment.id
    if segment_id is None:
        return False
    if record["type"] == "reviewed":
        reviewed.add(segment_id)
    else:
        reviewed.discard(segment_id)
    return True
