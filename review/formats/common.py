"""What every exporter sees: the review laid out segment by segment.

The exporters never read files or load models: they are handed a
:class:`ReviewView` built from the document, the replayed log, the English
renderings that were at hand and the flags, and turn it into bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from review import __version__
from review.errors import ExportError, InputError
from review.model import Correction, Document, Flag, ReviewState, Segment

TOOL = "review"
TOOL_VERSION = __version__
SOURCE_LANG = "en"

# Characters XML 1.0 cannot carry at all, even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Lone surrogates cannot be written as UTF-8 in any format.
SURROGATE = re.compile("[\ud800-\udfff]")


class Status(StrEnum):
    """Where a segment stands in the review (XLIFF 2.0's segment states).

    initial: open flags on it and the reviewer has not corrected it yet.
    translated: machine French nobody has touched and nothing flags.
    reviewed: the reviewer corrected it, or dismissed every flag on it, without marking it checked.
    final: the reviewer marked it checked (space in the screen): signed off.
    """

    INITIAL = "initial"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    FINAL = "final"

    @property
    def approved(self) -> bool:
        """Whether a person has reviewed the segment (XLIFF 1.2 ``approved``, PO not ``fuzzy``)."""
        return self in {Status.REVIEWED, Status.FINAL}

    def describe(self) -> str:
        """The status in the reviewer's words, for comments and notes."""
        return STATUS_WORDS[self]


STATUS_WORDS = {
    Status.INITIAL: "not reviewed yet, open flags",
    Status.TRANSLATED: "not reviewed (machine translation, nothing flagged)",
    Status.REVIEWED: "reviewed (corrected or flags dismissed), not marked checked",
    Status.FINAL: "checked by the reviewer",
}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices that change the bytes of an export.

    xliff_version: "2.0" (default) or "1.2" for older CAT tools.
    bom: start a CSV export with a UTF-8 byte order mark (for spreadsheets).
    created: the export's time stamp (TMX header, PO header); now when None.
    """

    xliff_version: str = "2.0"
    bom: bool = False
    created: datetime | None = None

    def timestamp(self) -> datetime:
        return self.created or datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class SegmentView:
    """One segment with everything an exporter says about it.

    machine: the French in the article (the MT output).
    current: the French after the review.
    english: the model's English rendering, when known.
    corrections: the corrections of this segment still in force, oldest first.
    flags: the flags still open on it (not dismissed).
    dismissed: the flags on it the reviewer dismissed.
    checked: the reviewer marked it checked.
    """

    segment: Segment
    machine: str
    current: str
    english: str | None
    status: Status
    corrections: tuple[Correction, ...] = ()
    flags: tuple[Flag, ...] = ()
    dismissed: tuple[Flag, ...] = ()
    checked: bool = False

    @property
    def id(self) -> str:
        return self.segment.id

    @property
    def corrected(self) -> bool:
        return self.current != self.machine

    @property
    def last_changed(self) -> str | None:
        return self.corrections[-1].timestamp if self.corrections else None


@dataclass(frozen=True, slots=True)
class ReviewView:
    """The whole review, ready to be written in any format."""

    document: Document
    state: ReviewState
    segments: tuple[SegmentView, ...]
    flags: tuple[Flag, ...]
    renderings: Mapping[str, str]
    model_name: str | None
    options: ExportOptions = field(default_factory=ExportOptions)

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def target_lang(self) -> str:
        return self.document.language

    def paragraphs(self) -> list[list[SegmentView]]:
        grouped: dict[int, list[SegmentView]] = {}
        for view in self.segments:
            grouped.setdefault(view.segment.paragraph, []).append(view)
        return [grouped[key] for key in sorted(grouped)]

    def require_english(self, fmt: str) -> None:
        """Raise if a bilingual format lacks the English of some segment."""
        missing = [view.id for view in self.segments if view.english is None]
        if missing:
            shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
            msg = (
                f"{fmt} needs the English rendering of every segment and {len(missing)} of "
                f"{len(self.segments)} have none ({shown}): run `review translate ARTICLE` to fill the cache, "
                "or pass --render"
            )
            raise ExportError(msg)


def status_of(corrections: Iterable[Correction], open_flags: Iterable[Flag], dismissed: Iterable[Flag], *,
              checked: bool = False) -> Status:
    if checked:
        return Status.FINAL
    if any(True for _ in corrections):
        return Status.REVIEWED
    if any(True for _ in open_flags):
        return Status.INITIAL
    if any(True for _ in dismissed):
        return Status.REVIEWED
    return Status.TRANSLATED


def split_flags(flags: Iterable[Flag], state: ReviewState) -> tuple[tuple[Flag, ...], tuple[Flag, ...]]:
    """The open flags and the dismissed ones: the one rule every export (and ``review flag``) follows."""
    mine = tuple(flags)
    return (tuple(flag for flag in mine if not state.is_dismissed(flag)),
            tuple(flag for flag in mine if state.is_dismissed(flag)))


def build_view(
    document: Document, state: ReviewState, *, renderings: Mapping[str, str] | None = None,
    flags: Iterable[Flag] = (), model_name: str | None = None, options: ExportOptions | None = None,
) -> ReviewView:
    renderings = dict(renderings or {})
    all_flags = tuple(flags)
    known = {segment.id for segment in document.segments}
    stray = sorted({flag.segment_id for flag in all_flags} - known)
    if stray:
        msg = f"flags name segments the article does not have ({', '.join(stray[:3])}): recompute the flags"
        raise ExportError(msg)
    # each segment's corrections and flags, in their order, gathered in one pass: looking them up segment by
    # segment scanned the whole history and every flag 100,000 times in a 100,000-segment article (minutes)
    corrections_of: dict[str, list[Correction]] = defaultdict(list)
    for correction in state.history:
        corrections_of[correction.segment_id].append(correction)
    flags_of: dict[str, list[Flag]] = defaultdict(list)
    for flag in all_flags:
        flags_of[flag.segment_id].append(flag)
    views = []
    for segment in document.segments:
        corrections = tuple(corrections_of.get(segment.id, ()))
        open_flags, dismissed = split_flags(flags_of.get(segment.id, ()), state)
        views.append(SegmentView(
            segment=segment,
            machine=segment.text,
            current=state.text_of(segment),
            english=renderings.get(segment.id),
            status=status_of(corrections, open_flags, dismissed, checked=segment.id in state.reviewed),
            checked=segment.id in state.reviewed,
            corrections=corrections,
            flags=open_flags,
            dismissed=dismissed,
        ))
    return ReviewView(document=document, state=state, segments=tuple(views), flags=all_flags,
                      renderings=renderings, model_name=model_name, options=options or ExportOptions())


# --- characters -------------------------------------------------------------------------------------------------


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_encodable(view: ReviewView) -> None:
    """Every format is UTF-8: a lone surrogate (only a broken edit makes one) cannot be written."""
    for segment in view.segments:
        for text in (segment.current, segment.english or ""):
            if found := SURROGATE.search(text):
                msg = (f"segment {segment.id} holds {codepoint(found.group())}, a lone surrogate no UTF-8 file "
                       "can hold: correct the segment first")
                raise ExportError(msg)


def check_xml_text(text: str, *, fmt: str, segment_id: str, what: str) -> None:
    """Refuse text an XML file cannot carry, naming the segment and the character."""
    if found := _NOT_XML.search(text):
        msg = (f"{fmt} cannot carry {codepoint(found.group())} ({what} of segment {segment_id}, character "
               f"{found.start() + 1}); XML forbids it: correct the segment, or export as xliff (2.0), po, csv or "
               "jsonl, which keep it")
        raise ExportError(msg)


def check_xml_segments(view: ReviewView, fmt: str) -> None:
    """Refuse the export before its first byte when some segment holds what ``fmt`` (an XML format) cannot carry."""
    for segment in view.segments:
        check_xml_text(segment.english or "", fmt=fmt, segment_id=segment.id, what="the English")
        check_xml_text(segment.current, fmt=fmt, segment_id=segment.id, what="the French")


def split_xml_invalid(text: str) -> list[str | int]:
    """Text cut into runs XML can carry (str) and code points it cannot (int)."""
    pieces: list[str | int] = []
    position = 0
    for found in _NOT_XML.finditer(text):
        if found.start() > position:
            pieces.append(text[position : found.start()])
        pieces.append(ord(found.group()))
        position = found.end()
    if position < len(text):
        pieces.append(text[position:])
    return pieces


def visible(text: str) -> str:
    """Informational text (notes, props, comments) with XML-forbidden characters spelled out as ``\\uXXXX``."""
    return _NOT_XML.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


# --- dates and descriptions --------------------------------------------------------------------------------------


def tmx_date(moment: datetime | str | None) -> str | None:
    """ISO 8601 basic UTC form TMX wants: ``YYYYMMDDThhmmssZ``."""
    if moment is None or moment == "":
        return None
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def describe_flag(flag: Flag) -> str:
    """One line about a flag, for notes and comments."""
    span = f"[{flag.start}:{flag.end}]"
    quoted = f" «{flag.span_text}»" if flag.span_text else ""
    suggestions = f" (suggestions: {' | '.join(flag.suggestions)})" if flag.suggestions else ""
    return f"{flag.severity} {flag.category} {span}{quoted}: {flag.message}{suggestions} [{flag.detector} {flag.id}]"


def describe_correction(correction: Correction) -> str:
    parts = [part for part in (correction.severity, correction.category) if part]
    head = " ".join(parts) or "correction"
    note = f": {correction.note}" if correction.note else ""
    return f"{head}{note}"


def primary(lang: str) -> str:
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


def same_language(declared: str | None, wanted: str) -> bool:
    return declared is not None and primary(declared) == primary(wanted)


def no_language(path: str, lang: str, found: Iterable[str]) -> InputError:
    have = ", ".join(sorted({value for value in found if value})) or "none"
    return InputError(f"{path} holds no text in {lang!r} (languages found: {have}): pass a file with that side")
