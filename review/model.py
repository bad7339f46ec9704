"""The records every part of `review` passes around.

All are frozen, slotted dataclasses: a segment, a correction or a flag never
changes once made; a new state is a new record.  Offsets are counted in Python
characters (code points) of the decoded article text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of the article, as the reviewer sees it.

    id: stable name ``p<paragraph>s<sentence>`` (1-based), the key of the log.
    index: position of the segment in the article (0-based).
    paragraph: paragraph number (0-based).
    start, end: character offsets of ``text`` in :attr:`Document.text`.
    text: the machine-translated French, exactly as in the file.
    """

    id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@runtime_checkable
class Cutting(Protocol):
    """Segments cut from the text as they are asked for (see :class:`review.cutting.ArticleSegments`)."""

    @property
    def complete(self) -> bool: ...

    @property
    def cut(self) -> Sequence[Segment]: ...

    @property
    def share_cut(self) -> float: ...

    def cut_to(self, count: int) -> int: ...

    def find(self, segment_id: str) -> Segment | None: ...


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded article.

    text: the decoded text without its BOM; line ends kept as they were.
    segments: the sentences, in order; together with the text between them
        they make up ``text`` exactly.  A document read from a file cuts them
        as they are asked for (:class:`Cutting`): ``len(segments)`` or a slice
        cuts the whole article, ``segments[i]`` and :meth:`segment` only as far
        as they need, and :attr:`cut_segments` is what is cut so far.
    language: the detected (or overridden) ISO 639-1 code of the text.
    bom: whether the file started with a UTF-8 byte order mark.
    """

    path: Path | None
    text: str
    segments: Sequence[Segment]
    language: str
    bom: bool = False
    # segment id -> position, made on the first look-up, so finding a segment never scans the article
    _positions: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cutting: Cutting | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.segments, Cutting):
            object.__setattr__(self, "_cutting", self.segments)

    def __reduce__(self) -> tuple[type[Document], tuple[Path | None, str, tuple[Segment, ...], str, bool]]:
        """Sent to another process (or copied) with every segment cut: a cutter's lock does not travel."""
        return (Document, (self.path, self.text, tuple(self.segments), self.language, self.bom))

    @property
    def name(self) -> str:
        return self.path.name if self.path else "<text>"

    def segment(self, segment_id: str) -> Segment:
        if self._cutting is not None:
            found = self._cutting.find(segment_id)  # cuts no further than the segment's paragraph
            if found is None:
                msg = f"no segment {segment_id!r}"
                raise KeyError(msg)
            return found
        if not self._positions and self.segments:
            built: dict[str, int] = {}
            for position, segment in enumerate(self.segments):
                built.setdefault(segment.id, position)  # the first of a repeated id, as a scan finds
            # filled in one step, so a worker thread never sees half an index
            self._positions.update(built)
        try:
            return self.segments[self._positions[segment_id]]
        except KeyError:
            msg = f"no segment {segment_id!r}"
            raise KeyError(msg) from None

    # -- a document still being cut -----------------------------------------------

    @property
    def fully_cut(self) -> bool:
        """Whether every segment is cut (asking for all of them costs nothing more)."""
        return self._cutting is None or self._cutting.complete

    @property
    def cut_segments(self) -> Sequence[Segment]:
        """The segments cut so far, in order (all of them once :attr:`fully_cut`); the sequence only grows."""
        return self.segments if self._cutting is None else self._cutting.cut

    @property
    def share_cut(self) -> float:
        """How much of the text is cut into segments, from 0 to 1."""
        return 1.0 if self._cutting is None else self._cutting.share_cut

    def cut_to(self, count: int) -> int:
        """Cut at least ``count`` segments (all there are, if fewer); returns how many are cut."""
        return len(self.segments) if self._cutting is None else self._cutting.cut_to(count)

    def paragraphs(self) -> list[list[Segment]]:
        grouped: dict[int, list[Segment]] = {}
        for segment in self.segments:
            grouped.setdefault(segment.paragraph, []).append(segment)
        return [grouped[key] for key in sorted(grouped)]

    def word_count(self) -> int:
        return sum(len(segment.text.split()) for segment in self.segments)


class Severity(StrEnum):
    """MQM severities, lowest first."""

    NEUTRAL = "neutral"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Category(StrEnum):
    """MQM top-level error categories (with the sub-type most flags need)."""

    MISTRANSLATION = "accuracy/mistranslation"
    OMISSION = "accuracy/omission"
    ADDITION = "accuracy/addition"
    UNTRANSLATED = "accuracy/untranslated"
    GRAMMAR = "fluency/grammar"
    SPELLING = "fluency/spelling"
    PUNCTUATION = "fluency/punctuation"
    ENCODING = "fluency/character-encoding"
    INCONSISTENCY = "fluency/inconsistency"
    UNIDIOMATIC = "style/unidiomatic"
    TERMINOLOGY = "terminology"
    LOCALE = "locale"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Correction:
    """One reviewer action that changed a segment's French.

    original: the segment's text in the article (what the MT produced).
    text: the corrected French.
    previous: the text the segment had just before this correction.
    flag_id: the flag whose suggestion was applied, if any.
    """

    segment_id: str
    original: str
    text: str
    timestamp: str
    previous: str | None = None
    note: str | None = None
    category: str | None = None
    severity: str | None = None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A place in a segment's French that a detector thinks is wrong.

    start, end: character span in the segment's text (not the article's).
    suggestions: replacements for the span, best first.
    confidence: how sure the detector is, 0..1: the rule's precision measured on annotated MT; flags under the
        floor are left out, and among overlapping flags of one severity the most confident claims the span.
    _precedence: for a rule whose measured precision rose above the value it used to rank by, that value: it
        keeps the rule's place among overlapping flags (:attr:`precedence`), so the span keeps the clearer message.
    """

    segment_id: str
    start: int
    end: int
    detector: str
    category: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 0.5
    span_text: str = ""
    _precedence: float | None = field(default=None, repr=False, compare=False)

    # Worked out once: the screen asks every flag's ids whenever it counts the open ones.
    _id: str = field(init=False, repr=False, compare=False)
    _legacy_id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stable = flag_key(self.segment_id, self.detector, self.category, self.start, self.end, self.span_text)
        legacy = f"{self.segment_id}|{self.detector}|{self.start}|{self.end}|{self.span_text}|{self.message}"
        object.__setattr__(self, "_id", _digest(stable))
        object.__setattr__(self, "_legacy_id", _digest(legacy))

    @property
    def precedence(self) -> float:
        """What the flag ranks by among overlapping ones of its severity: its confidence, unless its rule set one.

        Never more than the confidence: a flag demoted later (below the floor, by the vetting) ranks as demoted.
        """
        return self.confidence if self._precedence is None else min(self._precedence, self.confidence)

    @property
    def id(self) -> str:
        """What a dismissal in the log refers to: stable across runs, and across rewordings of the message."""
        return self._id

    @property
    def legacy_id(self) -> str:
        """The id review 0.1 wrote into logs, which hashed the message too: its dismissals still count."""
        return self._legacy_id


def flag_key(segment_id: str, detector: str, category: str, start: int, end: int, span_text: str) -> str:
    """What a flag's stable id hashes: so a dismissal whose segment moved can be given the id there."""
    return f"{segment_id}|{detector}|{category}|{start}|{end}|{span_text}"


def flag_id_of(key: str) -> str:
    """The stable id of a :func:`flag_key`."""
    return _digest(key)


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class ReviewState:
    """What the corrections log says about an article after replay.

    texts: current French per segment id, for corrected segments only.
    history: the corrections still in force, oldest first.
    dismissed: ids of flags dismissed as false positives.
    kept: words the reviewer keeps as written (a program's or a product's name): every flag on one of them
        counts as dismissed, in every segment (see :func:`kept_word`).
    reviewed: ids of segments the reviewer marked as checked (see Session.is_reviewed).
    position: the segment id the reviewer was last on.
    problems: one line per log line that could not be read.
    """

    texts: dict[str, str] = field(default_factory=dict)
    history: tuple[Correction, ...] = ()
    dismissed: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()
    reviewed: frozenset[str] = frozenset()
    position: str | None = None
    problems: tuple[str, ...] = ()

    def text_of(self, segment: Segment) -> str:
        return self.texts.get(segment.id, segment.text)

    def is_dismissed(self, flag: Flag) -> bool:
        """Dismissed, or on a word the reviewer keeps."""
        return (bool(self.dismissed) and (flag.id in self.dismissed or flag.legacy_id in self.dismissed)) or (
            bool(self.kept) and self.keeps(flag))

    def keeps(self, flag: Flag) -> bool:
        """The flag is on a word the reviewer keeps (a consistency flag never is: a name spelt two ways)."""
        return flag.category != Category.INCONSISTENCY and kept_word(flag.span_text) in self.kept

    def hidden_by_kept_word(self, flag: Flag) -> bool:
        """The flag is hidden by a kept word alone, not dismissed itself: restoring it means no longer keeping the
        word."""
        return self.keeps(flag) and flag.id not in self.dismissed and flag.legacy_id not in self.dismissed


# what may stand before a kept word inside a flag's span: a determiner or a preposition (« la printf »)
_LEADING = re.compile(r"(?:[ld]['\u2019]|(?:le|la|les|un|une|des|du|de|au|aux|à|en|pour|par|avec|sur|dans|"
                      r"ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|vos)\s+)", re.IGNORECASE)


def kept_word(span_text: str) -> str:
    """The word a flag is about, as a kept term: its span less a determiner or preposition in front."""
    lead = _LEADING.match(span_text)
    return span_text[lead.end():] if lead and lead.end() < len(span_text) else span_text


def keepable(flag: Flag) -> str | None:
    """The word the review screen's ``w`` would keep for this flag: one word, or a name of capitalised words
    (« Garmin Forerunner »); None for a phrase (« accusent de »: ``i`` dismisses that) and for a name the article
    spells two ways (keeping it would not say which spelling is right)."""
    word = kept_word(flag.span_text)
    words = word.split()
    if flag.category == Category.INCONSISTENCY or not words:
        return None
    return word if len(words) == 1 or all(part[:1].isupper() for part in words) else None
