"""Detectors that point at likely errors in the French.

Each detector is a small module named in :data:`DETECTORS` that defines
``make(options: FlagOptions) -> Detector``.  Detectors are pure: segments and
context in, :class:`review.model.Flag` records out.  A detector whose model or
package is missing raises :class:`DetectorUnavailable` from ``make``; the run
goes on without it and says so once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from review.errors import ReviewError
from review.model import Document, Flag, Segment


class DetectorUnavailable(ReviewError):
    """A detector cannot run here (model not downloaded, package missing)."""


@dataclass(frozen=True, slots=True)
class FlagOptions:
    """What the user chose on the command line or in the TUI.

    lexicon: extra lexicon files (``--lexicon``).
    model: the fr→en translation model (hub id or folder).
    back_model: the en→fr model for round trips.
    fluency_model: the masked language model for French fluency.
    source: the English original, when the reviewer has it (``--source``).
    """

    lexicon: tuple[Path, ...] = ()
    model: str | None = None
    back_model: str | None = None
    fluency_model: str | None = None
    source: Path | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FlagContext:
    """What a detector may look at besides the segments.

    document: the whole article (for consistency across segments).
    texts: the current French of each segment id (corrections applied).
    renderings: English rendering of each segment id, when known.
    """

    document: Document
    texts: Mapping[str, str]
    renderings: Mapping[str, str] = field(default_factory=dict)


class Detector(Protocol):
    name: str

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        """Flags for ``segments`` (whose ``text`` is the current French)."""
        ...


# detector name -> module; the default set is the offline one.
DETECTORS: dict[str, str] = {
    "lexicon": "review.flags.lexicon",
    "grammar": "review.flags.grammar",
    "spelling": "review.flags.spelling",
    "typography": "review.flags.typography",
    "language": "review.flags.language",
    "consistency": "review.flags.consistency",
    "grammalecte": "review.flags.grammalecte",
    "source": "review.flags.source",  # offline, needs --source: copied English words, changed numbers
    # model-based detectors (MT confidence, masked-LM fluency, round trip, reference-aware)
    "confidence": "review.flags.confidence",
    "fluency": "review.flags.fluency",
    "roundtrip": "review.flags.roundtrip",
    "reference": "review.flags.reference",
}
DEFAULT_DETECTORS: tuple[str, ...] = ("lexicon", "grammar", "spelling", "typography", "language", "consistency")

Status = Callable[[str], None]


def make_detectors(names: Sequence[str], options: FlagOptions, status: Status | None = None) -> list[Detector]:
    """Instantiate the named detectors; unavailable ones are reported through ``status`` and left out."""
    made: list[Detector] = []
    for name in names:
        if name not in DETECTORS:
            msg = f"unknown detector {name!r}: choose from {', '.join(DETECTORS)}"
            raise ReviewError(msg)
        try:
            module = importlib.import_module(DETECTORS[name])
        except ModuleNotFoundError as missing:
            if missing.name != DETECTORS[name]:
                raise
            if status is not None:
                status(f"{name} detector off: this installation does not include it")
            continue
        try:
            made.append(module.make(options))
        except DetectorUnavailable as why:
            if status is not None:
                status(f"{name} detector off: {why.message}")
    return made
