"""English renderings of segments: from the cache first, then from the model.

The model is loaded only when some text is missing from the cache, and
renderings come back batch by batch so a screen can fill in as they arrive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from review.errors import ModelError
from review.translate import Engine, load_engine, resolve_engine
from review.translate.cache import RenderingCache
from review.translate.models import ModelRef, resolve_model

if TYPE_CHECKING:
    from review.translate.attention import TokenScores

BATCH = 8  # transformers: sentences per generate call
# CTranslate2 int8, one thread, on an opus-mt-fr-en-sized model with realistic lengths (benchmarks/engines.py):
# CPU per sentence 0.144 s at 8, 0.118 s at 16, 0.113 s at 32; 16 keeps a batch short enough for the screen.
ENGINE_BATCH = {"marian": BATCH, "ct2": 16}
# (model, engine name) -> loaded engine; the model pool passes one that counts loads
Loader = Callable[[ModelRef, str], Engine]


class Renderer:
    """Renders French texts with one model, remembering every rendering."""

    def __init__(self, model: str | ModelRef, *, engine: str = "marian", cache: RenderingCache | None = None,
                 batch_size: int | None = None, loader: Loader | None = None, device: str = "auto") -> None:
        self.ref = model if isinstance(model, ModelRef) else resolve_model(model)
        self.engine_name = resolve_engine(engine)  # "auto" never keys the cache: renderings differ by engine
        self.cache = cache if cache is not None else RenderingCache()
        self._batch_size = batch_size
        self._engine: Engine | None = None
        # device: where the default loader puts the model (a pool passes its own loader, with its device)
        self._loader = loader or (lambda ref, name: load_engine(ref, name, device=device))
        self.model_calls = 0
        # The TUI renders from more than one worker thread; the model and the
        # SQLite connection are used by one at a time.
        self._lock = threading.RLock()

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    @property
    def batch_size(self) -> int:
        """Texts per model call: as given, else the loaded engine's own (larger on a GPU), else the engine's usual."""
        if self._batch_size:
            return self._batch_size
        own = getattr(self._engine, "batch_size", None) if self._engine is not None else None
        return own if isinstance(own, int) and own > 0 else ENGINE_BATCH.get(self.engine_name, BATCH)

    @property
    def label(self) -> str:
        return self._engine.label if self._engine else self.ref.short

    def engine(self) -> Engine:
        """Load the model (slow; call from a worker thread)."""
        with self._lock:
            return self._load()

    def _load(self) -> Engine:
        if self._engine is None:
            self._engine = self._loader(self.ref, self.engine_name)
            if self.ref.revision is None:
                self.ref = self._engine.ref
            elif self._engine.ref.revision != self.ref.revision:
                self.ref = replace(self.ref, revision=self._engine.ref.revision)
        return self._engine

    def cached(self, texts: Sequence[str]) -> dict[str, str]:
        if self.ref.revision is None:
            return {}
        with self._lock:
            return self.cache.get_many(self._key, self.ref.revision, texts)

    @property
    def _key(self) -> str:
        return f"{self.engine_name}:{self.ref.name}"

    def iter_render(self, texts: Sequence[str], *, cancelled: Callable[[], bool] = lambda: False,
                    ) -> Iterator[dict[str, str]]:
        """Yield ``{french: english}`` maps: the cached ones first, then batch by batch."""
        found = self.cached(texts)
        if found:
            yield found
        missing = [text for text in dict.fromkeys(texts) if text not in found and text.strip()]
        if not missing:
            return
        engine = self.engine()
        if self.ref.revision is not None and not found:
            again = self.cached(missing)  # the load may have revealed the revision
            if again:
                yield again
                missing = [text for text in missing if text not in again]
        missing.sort(key=len, reverse=True)
        size = self.batch_size
        for start in range(0, len(missing), size):
            if cancelled():
                return
            chunk = missing[start : start + size]
            with self._lock:
                english = engine.translate(chunk)
                self.model_calls += 1
                pairs = dict(zip(chunk, english, strict=True))
                self.cache.put_many(self._key, self.ref.revision or "unknown", pairs.items())
            yield pairs

    def score(self, french: str, english: str) -> TokenScores:
        """How sure the model is of ``english`` for ``french``, token by token (loads the model)."""
        with self._lock:
            engine = self._load()
            score = getattr(engine, "score", None)
            if score is None:
                msg = f"the {self.engine_name} engine cannot score a rendering: use --engine marian or ct2"
                raise ModelError(msg)
            scores: TokenScores = score(french, english)
            self.model_calls += 1
            return scores

    def render(self, texts: Sequence[str]) -> list[str]:
        """Every text's rendering, in order (blocking)."""
        merged: dict[str, str] = {}
        for part in self.iter_render(texts):
            merged.update(part)
        return [merged.get(text, "") for text in texts]
