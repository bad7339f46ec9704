"""The Marian engine on a tiny local model, through the same code path as the real one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from review.errors import ModelError
from review.translate.cache import RenderingCache
from review.translate.marian import batches_by_length
from review.translate.models import resolve_model
from review.translate.render import Renderer

FRENCH = ["Les deux pays voisins ont des relations difficiles.", "Bonjour.", "Le groupe militant opère.",
          "Bonjour."]


@pytest.mark.parametrize(
    ("lengths", "size", "expected"),
    [
        pytest.param([3, 10, 1, 7], 2, [[1, 3], [0, 2]], id="two-batches"),
        pytest.param([5], 8, [[0]], id="one"),
        pytest.param([], 4, [], id="none"),
    ],
)
def test_batches_are_sorted_by_length(lengths: list[int], size: int, expected: list[list[int]]) -> None:
    assert batches_by_length(["x" * n for n in lengths], size) == expected


def test_tiny_model_renders_every_segment_in_order(tiny_marian: Path) -> None:
    renderer = Renderer(str(tiny_marian), device="cpu")  # the label names a GPU where one is used
    english = renderer.render(FRENCH)
    assert len(english) == len(FRENCH)
    assert all(isinstance(text, str) and text for text in english)
    assert english[1] == english[3]  # the same French gives the same English
    assert renderer.loaded
    assert renderer.label.endswith("(transformers)")


def test_reopening_makes_no_model_call(tiny_marian: Path) -> None:
    first = Renderer(str(tiny_marian))
    expected = first.render(FRENCH)
    assert first.model_calls > 0
    again = Renderer(str(tiny_marian), cache=RenderingCache())
    assert again.render(FRENCH) == expected
    assert again.model_calls == 0
    assert not again.loaded  # not even loaded


def test_changed_model_folder_does_not_reuse_renderings(tiny_marian: Path, tmp_path: Path) -> None:
    from tiny_models import build_tiny_marian  # noqa: PLC0415

    other = build_tiny_marian(tmp_path / "other", seed=7)
    Renderer(str(tiny_marian)).render(FRENCH)
    assert resolve_model(str(other)).revision != resolve_model(str(tiny_marian)).revision
    fresh = Renderer(str(other))
    fresh.render(FRENCH)
    assert fresh.model_calls > 0


def test_local_model_makes_no_network_connection(tiny_marian: Path, no_network: list[object]) -> None:
    renderer = Renderer(str(tiny_marian))
    assert len(renderer.render(["Une phrase neuve pour ce test réseau."])) == 1
    assert no_network == []


def test_missing_hub_model_says_how_to_fetch_it_quickly() -> None:
    started = time.monotonic()
    renderer = Renderer("Helsinki-NLP/opus-mt-xx-yy")
    with pytest.raises(ModelError, match=r"review models pull Helsinki-NLP/opus-mt-xx-yy") as raised:
        renderer.render(["Bonjour."])
    assert "\n" not in raised.value.message
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda base: base / "absent", "does not exist", id="absent-folder"),
        pytest.param(lambda base: base, "no config.json", id="folder-without-config"),
        pytest.param(lambda base: (base / "a.txt").write_text("x") and base / "a.txt", "is a file, not a model folder",
                     id="a-file"),
        pytest.param(lambda base: (base / "config.json").write_text("{") and base, "cannot be read as JSON",
                     id="config-not-json"),
        pytest.param(lambda base: (base / "config.json").write_text("[1]") and base, "is not a JSON object",
                     id="config-not-an-object"),
    ],
)
def test_bad_model_folder(tmp_path: Path, make: object, message: str) -> None:
    folder = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ModelError, match=message):
        resolve_model(str(folder) if str(folder).startswith("/") else f"./{folder}")


def test_broken_weights_are_reported(tiny_marian: Path, tmp_path: Path) -> None:
    import shutil  # noqa: PLC0415

    broken = tmp_path / "broken"
    shutil.copytree(tiny_marian, broken)
    (broken / "model.safetensors").write_bytes(b"not safetensors")
    with pytest.raises(ModelError, match="cannot load model from"):
        Renderer(str(broken)).render(["Bonjour."])


@pytest.mark.parametrize("missing", ["source.spm", "vocab.json"])
def test_a_missing_tokenizer_file_is_named_as_missing(tiny_marian: Path, tmp_path: Path, missing: str) -> None:
    import shutil  # noqa: PLC0415

    broken = tmp_path / "broken"
    shutil.copytree(tiny_marian, broken)
    (broken / missing).unlink()
    with pytest.raises(ModelError, match="a file it needs is missing") as raised:
        Renderer(str(broken), engine="marian").render(["Bonjour."])
    assert "NoneType" not in raised.value.message


def test_pull_without_network_is_one_clear_error(tmp_path: Path) -> None:
    from review.translate.hub import pull  # noqa: PLC0415

    with pytest.raises(ModelError, match="cannot reach the hub"):
        pull("Helsinki-NLP/opus-mt-fr-en", tmp_path / "m")


def test_pytorch_bin_is_converted_to_safetensors(tiny_marian: Path, tmp_path: Path) -> None:
    import shutil  # noqa: PLC0415

    import torch  # noqa: PLC0415
    from safetensors.torch import load_file  # noqa: PLC0415

    from review.translate.hub import _to_safetensors  # noqa: PLC0415

    folder = tmp_path / "bin-only"
    shutil.copytree(tiny_marian, folder)
    weights = load_file(folder / "model.safetensors")
    (folder / "model.safetensors").unlink()
    torch.save(weights, folder / "pytorch_model.bin")
    _to_safetensors(folder)
    assert not (folder / "pytorch_model.bin").exists()
    assert set(load_file(folder / "model.safetensors")) == set(weights)
    assert len(Renderer(str(folder)).render(["Bonjour."])) == 1


def test_a_loaded_engine_sets_the_renderer_batch(tiny_marian: Path) -> None:
    """The engine's own batch (64 for transformers on a GPU) sizes the renderer's model calls once it loads."""
    from dataclasses import replace  # noqa: PLC0415

    from review.translate import load_engine  # noqa: PLC0415
    from review.translate.marian import BATCH_SIZE  # noqa: PLC0415

    renderer = Renderer(str(tiny_marian), loader=lambda ref, name: replace(load_engine(ref, name, device="cpu"),
                                                                           batch_size=3))
    assert renderer.batch_size == BATCH_SIZE  # before the load: the engine's usual batch
    texts = [f"Les {count} pays voisins ont des relations difficiles." for count in range(7)]
    assert all(renderer.render(texts))
    assert renderer.batch_size == 3
    assert renderer.model_calls == 3  # 3 + 3 + 1
    assert Renderer(str(tiny_marian), batch_size=5, loader=lambda ref, name: replace(
        load_engine(ref, name, device="cpu"), batch_size=3)).batch_size == 5  # as given wins


def test_cpu_engines_keep_their_batch(tiny_marian: Path) -> None:
    from review.translate import load_engine  # noqa: PLC0415
    from review.translate.marian import BATCH_SIZE  # noqa: PLC0415

    engine = load_engine(resolve_model(str(tiny_marian)), "marian", device="cpu")
    assert engine.batch_size == BATCH_SIZE  # type: ignore[attr-defined]


def test_translate_sizes_its_chunks_again_once_the_model_loads(tiny_marian: Path) -> None:
    from dataclasses import replace  # noqa: PLC0415

    from review.commands.translate import CHUNK_BATCHES, _chunks  # noqa: PLC0415
    from review.translate import load_engine  # noqa: PLC0415
    from review.translate.marian import BATCH_SIZE  # noqa: PLC0415

    renderer = Renderer(str(tiny_marian), loader=lambda ref, name: replace(load_engine(ref, name, device="cpu"),
                                                                           batch_size=2))
    sizes = []
    for chunk in _chunks(list(range(50)), renderer):  # type: ignore[arg-type]
        sizes.append(len(chunk))
        renderer.engine()
    assert sizes == [BATCH_SIZE * CHUNK_BATCHES, *[2 * CHUNK_BATCHES] * 2, 50 - BATCH_SIZE * CHUNK_BATCHES - 16]
