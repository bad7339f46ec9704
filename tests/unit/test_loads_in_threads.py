"""Two threads loading models at once (the screen's English model and a detector's) both get their model."""

from __future__ import annotations

import threading
from pathlib import Path

from review.translate import marian, masked
from review.translate.models import resolve_model

LOADS = 6


def test_models_loaded_from_two_threads_at_once_all_load(tiny_marian: Path, tiny_camembert: Path) -> None:
    failures: list[str] = []
    loaded: list[str] = []
    start = threading.Barrier(2)

    def loads(load, folder: Path) -> None:  # type: ignore[no-untyped-def]
        start.wait()
        for _ in range(LOADS):
            try:
                engine = load(resolve_model(str(folder)), device="cpu")
            except Exception as error:  # noqa: BLE001 - every failure is what this test counts
                failures.append(f"{type(error).__name__}: {error}")
            else:
                loaded.append(type(engine).__name__)

    threads = [threading.Thread(target=loads, args=(marian.load, tiny_marian)),
               threading.Thread(target=loads, args=(masked.load, tiny_camembert))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(loaded) == sorted(["MarianEngine"] * LOADS + ["MaskedLM"] * LOADS)
