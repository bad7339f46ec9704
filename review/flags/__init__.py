"""Detectors that point at likely errors in the French.

Every module of this package that defines ``DETECTOR`` (a :class:`DetectorSpec`)
is a detector: the spec says its name, whether it runs offline or needs a model
(which), whether its flags depend on one segment alone (so they are cached and
re-computed only for segments whose text changed), whether it is in the default
set, and which command-line options it takes.  The registry, the default set,
the per-segment set, readiness and the options are all derived from the specs,
so a new detector is one new module.  Detectors are pure: segments and context
in, :class:`review.model.Flag` records out.  A detector whose model or package
is missing raises :class:`DetectorUnavailable` from ``make``; the run goes on
without it and says so once.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from review.errors import ModelError, ReviewError
from review.model import Document, Flag, Segment
from review.translate.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from review.translate.pool import ModelPool


class DetectorUnavailable(ReviewError):
    """A detector cannot run here (model not downloaded, package missing)."""


def _default_floor() -> float:
    """The ranking's floor, the one constant (rank.py imports this package, so it is read on first use)."""
    from review.flags.rank import MIN_CONFIDENCE  # noqa: PLC0415

    return MIN_CONFIDENCE


@dataclass(frozen=True, slots=True)
class FlagOptions:
    """What the user chose on the command line or in the TUI.

    model: the fr→en translation model (hub id or folder), for rendering and every model detector.
    engine: what runs it (``marian``, ``ct2``, ``auto``); reaches every detector through the model pool.
    device: where the models run (``auto``, ``cpu``, ``cuda``): the model pool a front end makes for these options.
    source: the English original, when the reviewer has it (``--source``).
    settings: each detector option's value by its ``dest`` (see :class:`Option`).
    original: the English original already read, sentences by paragraph (one group for a TMX, XLIFF, PO or
        CSV file); front ends fill it with :func:`review.variants.read_original`.  None: ``source`` is read as
        plain text.
    min_confidence: the confidence floor (``--min-confidence``): flags less confident are left out when
        ranked.  Default :data:`review.flags.rank.MIN_CONFIDENCE`; lower shows more flags, more of them wrong.
    """

    model: str = DEFAULT_MODEL
    engine: str = "marian"
    device: str = "auto"
    source: Path | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    original: tuple[tuple[str, ...], ...] | None = None
    min_confidence: float = field(default_factory=_default_floor)

    def setting(self, dest: str, default: Any = None) -> Any:
        value = self.settings.get(dest)
        return default if value is None else value

    def with_settings(self, **values: Any) -> FlagOptions:
        return replace(self, settings={**self.settings, **values})


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


@dataclass(frozen=True, slots=True)
class Option:
    """A command-line option a detector takes.

    flag: as typed (``--fluency-model``); dest: its key in :attr:`FlagOptions.settings`.
    kind: ``text``, ``path`` (a file that must exist) or ``paths`` (repeatable files).
    check: for a file option, reads one file the way the detector will and raises a :class:`ReviewError`
        saying what is wrong with it; the commands call it before any work, so a file the detector
        cannot use stops the command in one line instead of silencing the detector once it runs.
    """

    flag: str
    dest: str
    help: str
    metavar: str = "ID|DIR"
    kind: Literal["text", "path", "paths"] = "text"
    check: Callable[[Path], object] | None = None


def _no_models(options: FlagOptions) -> tuple[str, ...]:  # noqa: ARG001 - the signature of DetectorSpec.models
    return ()


@dataclass(frozen=True, slots=True)
class DetectorSpec:
    """What a detector module says about itself (its ``DETECTOR``).

    name: as given to ``--detectors``.
    summary: one line for ``--help`` and the README.
    make: builds the detector; models come from the pool, never loaded by the module itself.
    order: detectors run in this order (an earlier one wins ties between equal flags).
    default: in the default, offline set.
    per_segment: its flags for a segment depend on that segment alone (its text, its machine translation, its
        rendering).
    models: the models it needs for these options; none means it runs offline.
    needs_source: it needs the English original (``--source``).
    options: its own command-line options.
    automatic: a model or source detector that runs by itself once ready; False: only when named.
    """

    name: str
    summary: str
    make: Callable[[FlagOptions, ModelPool], Detector]
    order: int
    default: bool = False
    per_segment: bool = False
    models: Callable[[FlagOptions], tuple[str, ...]] = _no_models
    needs_source: bool = False
    options: tuple[Option, ...] = ()
    automatic: bool = True

    @property
    def offline(self) -> bool:
        return not self.models(FlagOptions()) and not self.needs_source

    def ready(self, options: FlagOptions) -> bool:
        """Whether its models are on disk and its inputs given (cheap: nothing is loaded)."""
        from review.translate.models import model_on_disk  # noqa: PLC0415

        if self.needs_source and options.source is None:
            return False
        return all(model_on_disk(model) for model in self.models(options))


@functools.cache
def specs() -> dict[str, DetectorSpec]:
    """Every detector of this package, in run order."""
    found: list[DetectorSpec] = []
    for module in pkgutil.iter_modules(__path__):
        spec = getattr(importlib.import_module(f"{__name__}.{module.name}"), "DETECTOR", None)
        if isinstance(spec, DetectorSpec):
            found.append(spec)
    return {spec.name: spec for spec in sorted(found, key=lambda spec: (spec.order, spec.name))}


def needs_models(names: Iterable[str], options: FlagOptions) -> bool:
    """Whether any of the named detectors loads a model with these options."""
    chosen = set(names)
    return any(spec.models(options) for name, spec in specs().items() if name in chosen)


def reads_source(names: Iterable[str]) -> bool:
    """Whether any of the named detectors reads the English original (``reference``, ``source``, ``dictionary``)."""
    chosen = set(names)
    return any(spec.needs_source for name, spec in specs().items() if name in chosen)


def detector_names() -> tuple[str, ...]:
    return tuple(specs())


def default_detectors() -> tuple[str, ...]:
    """The offline set that runs when nobody chose."""
    return tuple(name for name, spec in specs().items() if spec.default)


def source_detectors() -> tuple[str, ...]:
    """The offline detectors that read the English original: they join the default set when ``--source`` is given."""
    return tuple(name for name, spec in specs().items()
                 if spec.needs_source and spec.automatic and not spec.models(FlagOptions()))


def per_segment() -> frozenset[str]:
    return frozenset(name for name, spec in specs().items() if spec.per_segment)


def ready_model_detectors(options: FlagOptions) -> tuple[str, ...]:
    """The model detectors whose models (and source) are here; for a screen choosing what to run."""
    return tuple(name for name, spec in specs().items()
                 if not spec.offline and spec.automatic and spec.ready(options))


def detector_options() -> list[Option]:
    """Every detector's options, each once (two detectors may share one), after the one every detector shares:
    the reviewer's kept terms (``--terms``, :mod:`review.flags.terms`)."""
    from review.flags.terms import TERMS_OPTION  # noqa: PLC0415 - it imports this package

    seen: dict[str, Option] = {TERMS_OPTION.flag: TERMS_OPTION}
    for spec in specs().values():
        for option in spec.options:
            seen.setdefault(option.flag, option)
    return list(seen.values())


def check_names(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as given, or a :class:`ReviewError` naming the unknown one and the choices."""
    chosen = tuple(names)
    unknown = [name for name in chosen if name not in specs()]
    if unknown or not chosen:
        msg = f"unknown detector {', '.join(unknown) or '(none given)'}: choose from {', '.join(specs())}"
        raise ReviewError(msg)
    return chosen


@dataclass(frozen=True, slots=True)
class DetectorEdit:
    """``--detectors +a,-b``: the set that would run anyway, with ``added`` joined and ``removed`` left out.

    What "would run anyway" depends on the command: the default set (with the source detectors when
    ``review flag`` has ``--source``), or, on the review screen, the offline set plus each model detector
    whose model is here.
    """

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def applied(self, base: Iterable[str]) -> tuple[str, ...]:
        kept = tuple(name for name in base if name not in self.removed)
        return (*kept, *(name for name in self.added if name not in kept))


# what --detectors chose: names, a change to the usual set, or None for the usual set itself
DetectorChoice = Sequence[str] | DetectorEdit | None


def resolved(choice: DetectorChoice, usual: Iterable[str]) -> tuple[str, ...]:
    """The detectors ``choice`` runs where ``usual`` would run without one."""
    if choice is None:
        return tuple(usual)
    return choice.applied(usual) if isinstance(choice, DetectorEdit) else tuple(choice)


def parse_detectors(value: str) -> tuple[str, ...] | DetectorEdit:
    """``--detectors``: names (``a,b``) run just those; signed names (``+a,-b``) change the usual set.

    A :class:`ReviewError` names an unknown detector, an empty list, or plain and signed names mixed.
    """
    items = [item.strip() for item in value.split(",") if item.strip()]
    signed = [item for item in items if item[0] in "+-"]
    if not signed:
        return check_names(items)
    if len(signed) != len(items):
        msg = (f"--detectors {value}: either name the detectors to run (a,b) or change the usual set "
               "(+a to add, -b to leave out), not both")
        raise ReviewError(msg)
    check_names(item[1:] for item in signed)
    return DetectorEdit(added=tuple(item[1:] for item in signed if item[0] == "+"),
                        removed=tuple(item[1:] for item in signed if item[0] == "-"))


Status = Callable[[str], None]


OFF = " detector off: "
"""What joins a detector's name to the reason it cannot run, in the note that says so."""


def off_note(name: str, why: str) -> str:
    """The note saying detector ``name`` cannot run, and why."""
    return f"{name}{OFF}{why}"


def detector_off(note: str) -> tuple[str, str] | None:
    """(name, why) when ``note`` says a detector cannot run (see :func:`off_note`); else None."""
    name, found, why = note.partition(OFF)
    return (name, why) if found and name in specs() else None


class NamedOff:
    """Notes the detectors that cannot run; one the reviewer named by hand stops the command (exit 4).

    A detector of the default set that cannot run is a note: the others' flags are still worth having.
    One named in ``--detectors`` was asked for: its silence would read as "no such error here".
    """

    def __init__(self, named: frozenset[str], tell: Callable[[str], None]) -> None:
        self.named = named
        self.tell = tell
        self.off: dict[str, str] = {}

    def __call__(self, note: str) -> None:
        found = detector_off(note)
        if found is not None and found[0] in self.named:
            self.off.setdefault(*found)
            return
        self.tell(note)

    def check(self) -> None:
        """Raise :class:`ModelError` (exit 4) for the first named detector found unable to run."""
        for name, why in self.off.items():
            msg = f"the {name} detector cannot run: {why}"
            raise ModelError(msg)


def make_detectors(names: Sequence[str], options: FlagOptions, pool: ModelPool,
                   status: Status | None = None) -> list[Detector]:
    """Instantiate the named detectors; unavailable ones are reported through ``status`` and left out."""
    made: list[Detector] = []
    for name in check_names(names):
        try:
            made.append(specs()[name].make(options, pool))
        except DetectorUnavailable as why:
            if status is not None:
                status(off_note(name, why.message))
    return made
