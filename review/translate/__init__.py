"""Translation engines behind one small interface.

An engine turns French segments into English renderings.  Engines are found by
name in :data:`ENGINES` and imported only when asked for, so that nothing here
pulls in torch until a model is actually loaded.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from typing import Protocol

from review.errors import ModelError
from review.translate.models import DEFAULT_MODEL, ModelRef, resolve_model

__all__ = [
    "DEFAULT_MODEL", "ENGINES", "Engine", "ModelRef", "Progress", "load_engine", "resolve_engine", "resolve_model",
]

# Called with (done, total) as work advances.
Progress = Callable[[int, int], None]


class Engine(Protocol):
    """What the rest of `review` needs from a translation engine."""

    ref: ModelRef
    label: str

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        """Render each text; ``progress`` is called after every batch."""
        ...


# engine name -> module defining ``load(ref, *, device) -> Engine``
ENGINES: dict[str, str] = {
    "marian": "review.translate.marian",
    "ct2": "review.translate.ct2",
}
# what ``--engine auto`` means: the first of these whose package is installed
AUTO = (("ct2", "ctranslate2"), ("marian", "transformers"))


def resolve_engine(name: str) -> str:
    """The engine ``name`` stands for: itself, or for ``auto`` the fastest one installed."""
    if name != "auto":
        return name
    for engine, package in AUTO:
        if importlib.util.find_spec(package) is not None:
            return engine
    return "marian"  # its load then says what to install


def load_engine(ref: ModelRef, engine: str = "marian", *, device: str = "auto") -> Engine:
    """Import the engine's module and load the model it names on ``device`` (see :mod:`review.translate.device`)."""
    engine = resolve_engine(engine)
    try:
        module = importlib.import_module(ENGINES[engine])
    except KeyError:
        msg = f"unknown engine {engine!r} (--engine or $REVIEW_ENGINE): choose one of {', '.join([*ENGINES, 'auto'])}"
        raise ModelError(msg) from None
    loaded: Engine = module.load(ref, device=device)
    return loaded
