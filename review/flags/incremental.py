"""Flag an article, and flag it again after each correction without redoing the slow work.

A :class:`Flagger` owns its detectors: they are made once, with their models
from the model pool.  Detectors that declare themselves per segment have their
flags kept per (segment, French text), so after a correction only the changed
segment goes through them again; the others (consistency, the reference-aware
alignment) look across the article and run over every segment each time.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from review.flags import (
    Detector,
    FlagOptions,
    Status,
    check_names,
    default_detectors,
    make_detectors,
    ready_model_detectors,
    specs,
)
from review.flags.rank import rank, run_flags
from review.model import Document, Flag

if TYPE_CHECKING:
    from review.translate.pool import ModelPool


@dataclass
class Flagger:
    """Runs ``names`` with ``options``, models from ``pool``; remembers per-segment flags.

    names: None means the offline detectors plus each model detector whose model is
    downloaded, decided on the first run (in a worker, off the screen's start-up path).
    """

    names: Sequence[str] | None
    options: FlagOptions
    pool: ModelPool
    cache: dict[tuple[str, str, str], list[Flag]] = field(default_factory=dict)
    _detectors: list[Detector] | None = None
    _notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.names is not None:
            self.names = check_names(self.names)

    def chosen(self) -> tuple[str, ...]:
        if self.names is None:
            self.names = (*default_detectors(), *ready_model_detectors(self.options))
        return tuple(self.names)

    def detectors(self, status: Status | None = None) -> list[Detector]:
        """The detectors, made on first use (that loads spaCy and any models); unavailable ones said once."""
        with self._lock:
            if self._detectors is None:
                self._detectors = make_detectors(self.chosen(), self.options, self.pool, self._notes.append)
            if status is not None:
                for note in self._notes:
                    status(note)
            return self._detectors

    def flags(self, document: Document, texts: Mapping[str, str], renderings: Mapping[str, str] | None = None,
              status: Status | None = None, *, only: Collection[str] | None = None) -> list[Flag]:
        """Ranked flags of the whole article.

        only: run just these of the chosen detectors (None: all of them, ranked together).
        """
        detectors = [detector for detector in self.detectors(status) if only is None or detector.name in only]
        found: list[Flag] = []
        for detector in detectors:  # in the specs' order: an earlier detector wins ties in the ranking
            if specs()[detector.name].per_segment:
                found.extend(self._per_segment(detector, document, texts, renderings, status))
            else:
                found.extend(run_flags(document, texts, [detector], renderings=renderings, status=status))
        order = {segment.id: segment.index for segment in document.segments}
        return rank(found, order)

    def _per_segment(self, detector: Detector, document: Document, texts: Mapping[str, str],
                     renderings: Mapping[str, str] | None, status: Status | None) -> list[Flag]:
        """``detector``'s flags, from the cache for segments whose text it has seen."""
        key = {segment.id: (detector.name, segment.id, texts.get(segment.id, segment.text))
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
