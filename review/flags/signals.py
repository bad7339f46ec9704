"""What the model-signal detectors share: their models from the pool, renderings, spans.

A detector that needs a model asks the model pool for it in ``make``, so a
missing model turns into :class:`review.flags.DetectorUnavailable` with the
command that fetches it, the other detectors run on, and a model used by the
screen and by several detectors is loaded once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from review.errors import ModelError
from review.flags import DetectorUnavailable, FlagContext, FlagOptions
from review.model import Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool
    from review.translate.render import Renderer

T = TypeVar("T")


def unavailable_message(detector: str, model: str, option: str) -> str:
    return (
        f"{detector} needs the model {model}, which is not here: run `review models pull {model}` "
        f"(needs the network once) or pass {option} with a local model folder"
    )


def load_for(detector: str, model: str, option: str, loader: Callable[[str], T]) -> T:
    """``loader(model)`` (a model pool's method), with a missing or broken model as :class:`DetectorUnavailable`."""
    from review.translate.models import resolve_model  # noqa: PLC0415

    try:
        ref = resolve_model(model)
    except ModelError as error:
        msg = f"{detector}: {error.message}"
        raise DetectorUnavailable(msg) from None
    if ref.path is None and ref.revision is None:
        raise DetectorUnavailable(unavailable_message(detector, model, option))
    try:
        return loader(model)
    except ModelError as error:
        if ref.path is None:
            raise DetectorUnavailable(unavailable_message(detector, model, option)) from None
        msg = f"{detector}: {error.message}"
        raise DetectorUnavailable(msg) from None


def pooled_renderer(detector: str, options: FlagOptions, pool: ModelPool, *, model: str | None = None,
                    option: str = "--model") -> Renderer:
    """The pool's renderer of ``model`` (default: the options' model) with the options' engine.

    Its model is checked to be on disk now and loaded on first use, once for
    every detector and the screen together.
    """
    return load_for(detector, model or options.model, option, lambda chosen: pool.renderer(chosen, options.engine))


def renderings_for(segments: Sequence[Segment], context: FlagContext,
                   render: Callable[[Sequence[str]], list[str]] | None) -> dict[str, str]:
    """English rendering per segment id: from the context, the missing ones from ``render``."""
    found = {segment.id: context.renderings[segment.id] for segment in segments
             if context.renderings.get(segment.id)}
    missing = [segment for segment in segments if segment.id not in found]
    if missing and render is not None:
        texts = [context.texts.get(segment.id, segment.text) for segment in missing]
        for segment, english in zip(missing, render(texts), strict=True):
            if english:
                found[segment.id] = english
    return found


def text_of(segment: Segment, context: FlagContext) -> str:
    return context.texts.get(segment.id, segment.text)


def group_runs(indices: Iterable[int]) -> list[list[int]]:
    """Sorted unique indices cut into runs of consecutive numbers: 1 2 3 5 -> [1 2 3] [5]."""
    runs: list[list[int]] = []
    for index in sorted(set(indices)):
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def severity_below(value: float, minor: float, major: float) -> Severity | None:
    """MAJOR when ``value`` is under ``major``, MINOR under ``minor``, else None (``major`` < ``minor``)."""
    if value < major:
        return Severity.MAJOR
    if value < minor:
        return Severity.MINOR
    return None
