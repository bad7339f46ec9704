"""The one owner of loaded models: each is loaded at most once and shared.

A front end (the review screen, a command, a batch worker) makes one
:class:`ModelPool` and hands it down.  Rendering, MT confidence, the round
trip and the reference-aware checks all ask it for the same
:class:`~review.translate.render.Renderer`, so a model named with one engine is
in memory once, whoever uses it.  Models are keyed by what makes them
different: the files (folder or hub id and revision), the engine and the
device.  Each model has its own lock, so two workers that want the same model
wait for one load instead of loading it twice, and workers that want different
models do not wait for each other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from review.translate import Engine, load_engine, resolve_engine
from review.translate.models import ModelRef, resolve_model

if TYPE_CHECKING:
    from review.translate.cache import RenderingCache
    from review.translate.masked import MaskedLM
    from review.translate.render import Renderer

@dataclass(frozen=True, slots=True)
class ModelKey:
    """What tells two loaded models apart.

    kind: ``translation`` or ``masked-lm``.
    model: the folder holding the files, or the hub id.
    revision: the files' revision (a hub commit or a local fingerprint), when known.
    engine: the engine that runs it (``marian``, ``ct2``); empty for masked LMs.
    device: where it runs, as asked (``auto``, ``cpu``, ``cuda``; see :mod:`review.translate.device`).
    """

    kind: str
    model: str
    revision: str | None
    engine: str = ""
    device: str = "auto"


def key_for(ref: ModelRef, *, kind: str, engine: str = "", device: str = "auto") -> ModelKey:
    return ModelKey(kind=kind, model=str(ref.path) if ref.path is not None else ref.name, revision=ref.revision,
                    engine=engine, device=device)


@dataclass
class ModelPool:
    """Loaded models of one process (or one batch worker), shared by every user.

    cache: the rendering cache every renderer of this pool reads and fills
    (opened on first use when not given).
    device: where its models run: ``auto`` (a CUDA GPU when the engine's library sees one), ``cpu`` or
    ``cuda`` (``--device``); checked when a model loads.
    loads: the key of every model actually loaded, in order; tests count them.
    """

    cache: RenderingCache | None = None
    device: str = "auto"
    loads: list[ModelKey] = field(default_factory=list)
    _renderers: dict[ModelKey, Renderer] = field(default_factory=dict)
    _masked: dict[ModelKey, MaskedLM] = field(default_factory=dict)
    _locks: dict[ModelKey, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def _lock(self, key: ModelKey) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def rendering_cache(self) -> RenderingCache:
        from review.translate.cache import RenderingCache  # noqa: PLC0415

        with self._guard:
            if self.cache is None:
                self.cache = RenderingCache()
            return self.cache

    def renderer(self, model: str, engine: str = "marian") -> Renderer:
        """The renderer of ``model`` run by ``engine``: made once, its model loaded on first use.

        Cheap: nothing is loaded here, so a screen can hold the renderer at once
        and its first call (in a worker) does the loading.
        """
        from review.translate.render import Renderer  # noqa: PLC0415

        ref = resolve_model(model)
        key = key_for(ref, kind="translation", engine=resolve_engine(engine), device=self.device)
        with self._lock(key):
            if key not in self._renderers:
                self._renderers[key] = Renderer(ref, engine=key.engine, cache=self.rendering_cache(),
                                                loader=self._load_translation)
            return self._renderers[key]

    def adopt(self, renderer: Renderer) -> Renderer:
        """Put a renderer made elsewhere (a test's) in the pool, so every user gets that one."""
        key = key_for(renderer.ref, kind="translation", engine=renderer.engine_name, device=self.device)
        with self._lock(key):
            return self._renderers.setdefault(key, renderer)

    def _load_translation(self, ref: ModelRef, engine: str) -> Engine:
        self.loads.append(key_for(ref, kind="translation", engine=engine, device=self.device))
        return load_engine(ref, engine, device=self.device)

    def masked_lm(self, model: str) -> MaskedLM:
        """The masked language model ``model``, loaded now unless it already is (slow the first time)."""
        from review.translate import masked  # noqa: PLC0415

        ref = resolve_model(model)
        key = key_for(ref, kind="masked-lm", device=self.device)
        with self._lock(key):
            if key not in self._masked:
                self.loads.append(key)
                self._masked[key] = masked.load(ref, device=self.device)
            return self._masked[key]

    def loaded(self) -> list[ModelKey]:
        """Keys of the models in memory now."""
        renderers = [key for key, renderer in self._renderers.items() if renderer.loaded]
        return [*renderers, *self._masked]
