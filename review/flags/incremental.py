"""Flag an article again after each correction without redoing the slow work.

The rule detectors are fast once spaCy is loaded and some of them (consistency)
look across the whole article, so they run over every segment each time.  The
model-signal detectors cost a forward pass or more per segment; their flags are
kept per (segment, French text) and only segments whose text changed go back
through the models.  The reference-aware detector aligns the whole article with
its source, so it too runs over every segment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from review.flags import FlagOptions, Status
from review.flags.rank import rank, run_flags
from review.model import Document, Flag

PER_SEGMENT = frozenset({"confidence", "fluency", "roundtrip"})
MODEL_DETECTORS = PER_SEGMENT | {"reference"}
"""Detectors that need a model; the others (rules, lexicon, spaCy) run without one, so never wait for one."""

Kind = Literal["offline", "model", "all"]


@dataclass
class IncrementalFlagger:
    """Runs ``names`` with ``options``; remembers the per-segment model flags it has computed.

    names: None means the offline detectors plus each model detector whose model is
    downloaded, decided on the first run (in a worker, off the screen's start-up path).
    """

    names: Sequence[str] | None
    options: FlagOptions
    cache: dict[tuple[str, str], list[Flag]] = field(default_factory=dict)

    def chosen(self) -> Sequence[str]:
        if self.names is None:
            from review.flags import DEFAULT_DETECTORS  # noqa: PLC0415
            from review.flags.signals import ready_model_detectors  # noqa: PLC0415 - imports huggingface_hub

            self.names = [*DEFAULT_DETECTORS, *ready_model_detectors(self.options)]
        return self.names

    def names_of(self, kind: Kind) -> Sequence[str]:
        """The detectors of one kind; the offline ones are known without looking for models."""
        if kind == "offline":
            from review.flags import DEFAULT_DETECTORS  # noqa: PLC0415

            names = DEFAULT_DETECTORS if self.names is None else self.names
            return [name for name in names if name not in MODEL_DETECTORS]
        if kind == "model":
            return [name for name in self.chosen() if name in MODEL_DETECTORS]
        return self.chosen()

    def flags(self, document: Document, texts: Mapping[str, str], renderings: Mapping[str, str] | None = None,
              status: Status | None = None, kind: Kind = "all") -> list[Flag]:
        """Flags of ``kind``'s detectors: "offline" ones first on a screen, "model" ones as they come."""
        names = self.names_of(kind)
        whole = [name for name in names if name not in PER_SEGMENT]
        per_segment = [name for name in names if name in PER_SEGMENT]
        found = run_flags(document, texts, whole, self.options, renderings=renderings, status=status) if whole else []
        if per_segment:
            key = {segment.id: (segment.id, texts.get(segment.id, segment.text)) for segment in document.segments}
            todo = tuple(segment for segment in document.segments if key[segment.id] not in self.cache)
            if todo:
                fresh = run_flags(replace(document, segments=todo), texts, per_segment, self.options,
                                  renderings=renderings, status=status)
                for segment in todo:
                    self.cache[key[segment.id]] = [flag for flag in fresh if flag.segment_id == segment.id]
            for segment in document.segments:
                found.extend(self.cache[key[segment.id]])
        order = {segment.id: segment.index for segment in document.segments}
        return rank(found, order)
