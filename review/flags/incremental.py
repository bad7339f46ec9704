"""Flag an article, and flag it again after each correction without redoing the slow work.

A :class:`Flagger` owns its detectors: they are made once, with their models
from the model pool.  Detectors that declare themselves per segment have their
flags kept per (segment, French text), so after a correction only the changed
segment goes through them again; the others (consistency, the reference-aware
alignment) look across the article and run over every segment each time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from review.flags import (
    Detector,
    DetectorChoice,
    DetectorEdit,
    FlagOptions,
    Status,
    check_names,
    default_detectors,
    make_detectors,
    ready_model_detectors,
    resolved,
    specs,
)
from review.flags.composed import composed_view
from review.flags.introduced import article_terms, introduced_names
from review.flags.rank import in_reading_order, join, rank, run_flags
from review.flags.source import EnglishBySegment
from review.flags.terms import Terms, keep_terms, load_terms, make_terms
from review.flags.vetting import Vetting, for_options, identifiers, repeated_terms, repeated_words, set_apart
from review.model import Document, Flag, Segment
from review.priority import batches

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

CHUNK = 64
"""Segments flagged together when nobody chose the chunks: enough for spaCy to batch, few enough to stream."""

Kind = Literal["offline", "model"]
"""Offline detectors (rules, lexicon, spaCy) need no model, so a screen never makes them wait for one."""


@dataclass(frozen=True, slots=True)
class FlagBatch:
    """Some of an article's flags, as :meth:`Flagger.stream` finds them.

    segments: how many segments this batch completes for the per-segment detectors
        (0 for the last batch, the cross-article detectors' flags).
    flags: ranked, in reading order.
    """

    segments: int
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class Kept:
    """What one article's flags are vetted with (:meth:`Flagger._kept`).

    vetting: the English original's reading (:mod:`review.flags.vetting`), None without one.
    terms: the reviewer's kept terms (``--terms``).
    introduced: the article's own: the programs it introduces by their kind and, in such an article, the English
        words French writes about software (:mod:`review.flags.introduced`).
    software: the article introduces a program; its words in lower case that run English words together are then
        names of commands, options or functions (:func:`review.flags.vetting.identifiers`).
    """

    vetting: Vetting | None
    terms: Terms
    introduced: Terms
    software: bool


def _once(status: Status | None) -> Status | None:
    """``status`` telling each line once: a detector that cannot run says so once, not once per chunk."""
    if status is None:
        return None
    told: set[str] = set()
    tell = status

    def once(line: str) -> None:
        if line not in told:
            told.add(line)
            tell(line)

    return once


@dataclass
class Flagger:
    """Runs ``names`` with ``options``, models from ``pool``; remembers per-segment flags.

    names: None means the offline detectors plus each model detector whose model is
    downloaded, decided on the first run (in a worker, off the screen's start-up path);
    a :class:`DetectorEdit` changes that set (``--detectors +grammalecte``).
    Flags are ranked with ``options.min_confidence`` as the floor; the cache keeps them unranked.
    """

    names: DetectorChoice
    options: FlagOptions
    pool: ModelPool
    cache: dict[tuple[str, str, str, str], list[Flag]] = field(default_factory=dict)
    _made: dict[str, Detector] = field(default_factory=dict)
    _tried: set[str] = field(default_factory=set)
    _notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _making: dict[frozenset[str], threading.Lock] = field(default_factory=dict)
    _vetting: list[Vetting | None] = field(default_factory=list)
    _terms: list[Terms] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.names, DetectorEdit):
            if self.names.added or self.names.removed:
                check_names((*self.names.added, *self.names.removed))
        elif self.names is not None:
            self.names = check_names(self.names)

    def _kept(self, document: Document, texts: Mapping[str, str]) -> Kept:
        """What this article's flags are vetted with (:class:`Kept`); ``texts``: the current French."""
        with self._lock:
            if not self._vetting:  # read on first use, in the worker that flags
                self._vetting.append(for_options(self.options))
                self._terms.append(load_terms(tuple(self.options.setting("terms", ()))))
            vetting, terms = self._vetting[0], self._terms[0]
        names = introduced_names(texts.get(segment.id, segment.text) for segment in document.segments)
        return Kept(vetting, terms, make_terms(article_terms(names)), software=bool(names))

    def _vetted(self, flags: list[Flag], document: Document, texts: Mapping[str, str], kept: Kept,
                stretch: Sequence[Segment] | None = None) -> list[Flag]:
        """Unknown words repeated as terms, flags on words set apart (English glosses, code) or on kept terms,
        identifiers and the stretch's repeated English terms in an article about software (:class:`Kept`), and with
        the English original every detector's flags, read again (:mod:`review.flags.vetting`,
        :mod:`review.flags.terms`); ``texts``: the current French by segment id; ``stretch``: the segments whose
        flags these are (the whole article when None)."""

        def text_of(segment_id: str) -> str:
            return texts[segment_id] if segment_id in texts else document.segment(segment_id).text

        flags = keep_terms(keep_terms(set_apart(repeated_terms(flags), text_of), kept.terms, text_of), kept.introduced,
                           text_of)
        if kept.software:
            segments = document.segments if stretch is None else stretch
            flags = repeated_words(identifiers(flags), [text_of(segment.id) for segment in segments])
        return flags if kept.vetting is None else kept.vetting(flags, document)

    def set_floor(self, floor: float) -> None:
        """Rank with ``floor`` as ``options.min_confidence`` from the next run on (a screen's floor change).

        The cache keeps flags unranked and the vetting does not depend on the floor, so flagging
        again re-ranks the kept flags without running a detector over a segment it has seen.
        ``options`` is replaced whole, never changed in place; a run already under way may still
        rank some of its chunks with the earlier floor, so the caller flags again after setting it
        and drops what the earlier run posts (the review screen's ``flag_run``).
        """
        self.options = replace(self.options, min_confidence=floor)

    def chosen(self) -> tuple[str, ...]:
        if self.names is None or isinstance(self.names, DetectorEdit):
            self.names = resolved(self.names, (*default_detectors(), *ready_model_detectors(self.options)))
        return tuple(self.names)

    def names_of(self, kind: Kind) -> tuple[str, ...]:
        """The chosen detectors of one kind; the offline ones are known without looking for models."""
        if kind == "offline":
            return tuple(name for name in resolved(self.names, default_detectors()) if specs()[name].offline)
        return tuple(name for name in self.chosen() if not specs()[name].offline)

    def detectors(self, status: Status | None = None, only: Collection[str] | None = None) -> list[Detector]:
        """The detectors (of ``only``), made on first use (that loads spaCy and any models); unavailable ones
        said once.  Detectors asked for together are made together; other sets are made meanwhile, so the
        offline detectors never wait for the models of the others."""
        wanted = [name for name in self.chosen() if only is None or name in only]
        with self._lock:
            missing = frozenset(name for name in wanted if name not in self._tried)
            making = self._making.setdefault(missing, threading.Lock())
        with making:
            with self._lock:
                missing = frozenset(name for name in missing if name not in self._tried)
            if missing:
                notes: list[str] = []
                made = make_detectors([name for name in wanted if name in missing], self.options, self.pool,
                                      notes.append)
                with self._lock:
                    self._made.update((detector.name, detector) for detector in made)
                    self._tried.update(missing)
                    self._notes.extend(notes)
        with self._lock:
            if status is not None:
                for note in self._notes:
                    status(note)
            return [self._made[name] for name in wanted if name in self._made]

    def flags(self, document: Document, texts: Mapping[str, str], renderings: Mapping[str, str] | None = None,
              status: Status | None = None, *, only: Collection[str] | None = None,
              advance: Callable[[int], object] | None = None) -> list[Flag]:
        """Ranked flags of the whole article, in reading order: :meth:`stream`'s, all at once.

        only: run just these of the chosen detectors (None: all of them, ranked together).
        advance: told how many segments each batch flagged (a progress bar).
        """
        order = {segment.id: segment.index for segment in document.segments}
        found: list[Flag] = []
        for batch in self.stream(document, texts, renderings, status, only=only):
            found.extend(batch.flags)
            if advance is not None:
                advance(batch.segments)
        return in_reading_order(found, order)

    def stream(self, document: Document, texts: Mapping[str, str], renderings: Mapping[str, str] | None = None,
               status: Status | None = None, *, only: Collection[str] | None = None,
               chunks: Iterable[Sequence[Segment]] | None = None,
               late_renderings: Callable[[], Mapping[str, str]] | None = None) -> Iterator[FlagBatch]:
        """The flags of :meth:`flags` batch by batch, as they are found.

        chunks: the segments to flag, in the order and groups wanted (a screen puts the
        rows in view first); every segment of the article once.  Default: the article in
        order, :data:`CHUNK` segments at a time.
        Each chunk gives one batch of the per-segment detectors' ranked flags; the
        cross-article detectors (consistency, ...) need every segment, so their flags come
        last, in one batch that joins the others (:func:`review.flags.rank.join`).
        late_renderings: the English to give the cross-article detectors, asked for when they
        run (a screen's English may still be arriving while the segments are flagged);
        default ``renderings``.
        """
        detectors = self.detectors(status, only)
        status = _once(status)
        self._tell_pairing(detectors, document, status)
        for detector in detectors:  # what would fail at the end of the article fails before its first flag
            ready = getattr(detector, "ready", None)
            if callable(ready):
                ready(document)
        view = composed_view(document, texts)  # decomposed accents are read composed, flagged as written
        if view is not None:
            texts = view.texts
        order = {segment.id: segment.index for segment in document.segments}
        kept_here = self._kept(document, texts)
        per_segment = [detector for detector in detectors if specs()[detector.name].per_segment]
        across = [detector for detector in detectors if not specs()[detector.name].per_segment]
        kept: list[Flag] = []
        for chunk in batches(document.segments, CHUNK) if chunks is None else chunks:
            if not chunk:
                continue
            part = replace(document, segments=tuple(chunk))
            found: list[Flag] = []
            for detector in per_segment:  # in the specs' order: an earlier detector wins ties in the ranking
                found.extend(self._per_segment(detector, part, texts, renderings, status))
            ranked = rank(self._vetted(found, document, texts, kept_here, part.segments), order,
                          min_confidence=self.options.min_confidence)
            if across:
                kept.extend(ranked)
            yield FlagBatch(len(chunk), tuple(ranked if view is None else view.back(ranked)))
        if across:
            english = renderings if late_renderings is None else late_renderings()
            later = self._vetted(run_flags(document, texts, across, renderings=english, status=status), document,
                                 texts, kept_here)
            joined = join(kept, later, order, min_confidence=self.options.min_confidence)
            yield FlagBatch(0, tuple(joined if view is None else view.back(joined)))

    def _tell_pairing(self, detectors: Sequence[Detector], document: Document, status: Status | None) -> None:
        """Say once, before any flag, that the English original could not be paired with the article."""
        for detector in detectors:
            english_of = getattr(detector, "english_of", None)
            if isinstance(english_of, EnglishBySegment):
                note = english_of.note(document)
                if note is None:
                    return
                with self._lock:
                    told = note in self._notes
                    if not told:
                        self._notes.append(note)  # told again with the detectors' notes on each later run
                if not told and status is not None:
                    status(note)
                return

    def _per_segment(self, detector: Detector, document: Document, texts: Mapping[str, str],
                     renderings: Mapping[str, str] | None, status: Status | None) -> list[Flag]:
        """``detector``'s flags, from the cache for segments whose text it has seen."""
        # the machine translation is in the key too: a word the reviewer typed is judged as typed (spelling)
        key = {segment.id: (detector.name, segment.id, texts.get(segment.id, segment.text), segment.text)
               for segment in document.segments}
        todo = tuple(segment for segment in document.segments if key[segment.id] not in self.cache)
        if todo:
            fresh = run_flags(replace(document, segments=todo), texts, [detector], renderings=renderings,
                              status=status)
            by_segment: dict[str, list[Flag]] = {segment.id: [] for segment in todo}
            for flag in fresh:
                by_segment[flag.segment_id].append(flag)
            for segment in todo:
                self.cache[key[segment.id]] = by_segment[segment.id]
        return [flag for segment in document.segments for flag in self.cache[key[segment.id]]]
