"""What the model-signal detectors share: loading models, renderings, spans.

A detector that needs a model loads it in ``make`` (once per process; the
loaders cache on the resolved path), so a missing model turns into
:class:`review.flags.DetectorUnavailable` with the command that fetches it,
and the other detectors run on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from review.errors import ModelError
from review.flags import DetectorUnavailable, FlagContext, FlagOptions
from review.model import Segment, Severity

T = TypeVar("T")


def unavailable_message(detector: str, model: str, option: str) -> str:
    return (
        f"{detector} needs the model {model}, which is not here: run `review models pull {model}` "
        f"(needs the network once) or pass {option} with a local model folder"
    )


def load_for(detector: str, model: str, option: str, loader: Callable[[str], T]) -> T:
    """``loader(model)``, with a missing or broken model reported as :class:`DetectorUnavailable`."""
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


@functools.cache
def _renderer(model: str, cache: Path) -> Any:
    from review.translate.cache import RenderingCache  # noqa: PLC0415
    from review.translate.render import Renderer  # noqa: PLC0415

    return Renderer(model, cache=RenderingCache(cache))


def shared_renderer(model: str) -> Any:
    """One :class:`review.translate.render.Renderer` per model name and cache file in this process.

    Its model loads once, however many detectors and checks use it.
    """
    from review.translate.cache import default_cache_path  # noqa: PLC0415

    return _renderer(model, default_cache_path())


def render_with(model: str) -> Callable[[Sequence[str]], list[str]]:
    """A function rendering texts with ``model`` through the shared renderer and its cache."""

    def render(texts: Sequence[str]) -> list[str]:
        rendered: list[str] = shared_renderer(model).render(texts)
        return rendered

    return render


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


def model_on_disk(model: str) -> bool:
    """Whether ``model`` can load without the network (pulled, in the hub cache, or a model folder); no loading."""
    from review.translate.models import resolve_model  # noqa: PLC0415

    try:
        ref = resolve_model(model)
    except ModelError:
        return False
    return ref.path is not None or ref.revision is not None


def ready_model_detectors(options: FlagOptions) -> tuple[str, ...]:
    """The model-signal detectors whose models (and, for ``reference``, source) are here, cheaply.

    For a screen deciding which detectors to offer before loading anything;
    ``make`` still has the last word.
    """
    from review.translate.masked import DEFAULT_FLUENCY_MODEL  # noqa: PLC0415
    from review.translate.models import BACK_MODEL, DEFAULT_MODEL  # noqa: PLC0415

    forward = model_on_disk(options.model or DEFAULT_MODEL)
    wanted = {
        "confidence": forward,
        "fluency": model_on_disk(options.fluency_model or DEFAULT_FLUENCY_MODEL),
        "roundtrip": model_on_disk(options.back_model or BACK_MODEL),
        "reference": forward and options.source is not None,
    }
    return tuple(name for name, ready in wanted.items() if ready)
