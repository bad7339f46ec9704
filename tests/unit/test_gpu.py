"""--device cuda on a machine with a GPU: every model the tool loads runs there and says what the CPU says.

These tests run only where torch (or CTranslate2, for its engine) sees a CUDA
GPU; CI has none, so they are skipped there and run on a GPU machine with
``python -m pytest tests/unit/test_gpu.py``.  The tiny models have random
weights, so the GPU is checked against the CPU on the same model: the same
English from greedy decoding, the same forced-decoding scores and masked-LM
scores within float tolerance, the same flags.
"""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from review.cli import main
from review.document import from_text
from review.errors import ModelError
from review.flags import FlagContext, FlagOptions, make_detectors
from review.translate import load_engine
from review.translate.marian import GPU_BATCH_SIZE
from review.translate.models import resolve_model
from review.translate.pool import ModelPool


def _torch_has_gpu() -> bool:
    import torch  # noqa: PLC0415

    return bool(torch.cuda.is_available())


def _ct2_has_gpu() -> bool:
    if importlib.util.find_spec("ctranslate2") is None:
        return False
    import ctranslate2  # noqa: PLC0415

    return bool(ctranslate2.get_cuda_device_count() > 0)


pytestmark = pytest.mark.skipif(not _torch_has_gpu(), reason="torch sees no CUDA GPU on this machine")

# Short and long sentences in one batch: padding on the GPU must not change a shorter one's English.
SENTENCES = [
    "Iran et le Pakistan accusent de renforcer leur coopération.",
    "Les deux pays voisins ont des relations difficiles.",
    "Le président se rendra bientôt au Pakistan, a annoncé jeudi le ministère des affaires étrangères.",
    "Merci.",
]
ARTICLE = "\n\n".join(SENTENCES[:3]) + "\n"
SOURCE = ("Iran, Pakistan agree to boost security cooperation.\n\n"
          "The two neighbouring countries have difficult relations.\n\n"
          "The president will soon visit Pakistan, the foreign ministry said on Thursday.\n")


def test_marian_loads_on_the_gpu_and_translates_like_the_cpu(tiny_marian: Path) -> None:
    ref = resolve_model(str(tiny_marian))
    gpu = load_engine(ref, "marian", device="cuda")
    cpu = load_engine(ref, "marian", device="cpu")
    assert gpu.model.device.type == "cuda"  # type: ignore[attr-defined]
    assert "cuda" in gpu.label
    assert gpu.batch_size == GPU_BATCH_SIZE  # type: ignore[attr-defined]
    assert gpu.translate(SENTENCES) == cpu.translate(SENTENCES)


def test_auto_takes_the_gpu(tiny_marian: Path) -> None:
    engine = load_engine(resolve_model(str(tiny_marian)), "marian", device="auto")
    assert engine.model.device.type == "cuda"  # type: ignore[attr-defined]


def test_forced_decoding_on_the_gpu_scores_like_the_cpu(tiny_marian: Path) -> None:
    french, english = SENTENCES[1], "The two neighbouring countries have difficult relations."
    on_gpu = ModelPool(device="cuda").renderer(str(tiny_marian)).score(french, english)
    on_cpu = ModelPool(device="cpu").renderer(str(tiny_marian)).score(french, english)
    assert on_gpu.tokens == on_cpu.tokens
    assert len(on_gpu.logprobs) == len(on_cpu.logprobs) > 2
    for got, expected in zip(on_gpu.logprobs, on_cpu.logprobs, strict=True):
        assert math.isclose(got, expected, abs_tol=1e-3)
    for got_row, expected_row in zip(on_gpu.attention, on_cpu.attention, strict=True):
        assert all(math.isclose(got, expected, abs_tol=1e-3)
                   for got, expected in zip(got_row, expected_row, strict=True))


def test_masked_lm_scores_on_the_gpu_like_the_cpu(tiny_camembert: Path) -> None:
    text = "« Tous ces canaux fonctionnent », a déclaré le ministre."
    gpu_model = ModelPool(device="cuda").masked_lm(str(tiny_camembert))
    assert gpu_model.model.device.type == "cuda"
    on_gpu = gpu_model.score_words(text)
    on_cpu = ModelPool(device="cpu").masked_lm(str(tiny_camembert)).score_words(text)
    assert [score.word for score in on_gpu] == [score.word for score in on_cpu]
    for got, expected in zip(on_gpu, on_cpu, strict=True):
        assert math.isclose(got.logprob, expected.logprob, abs_tol=1e-3)
        assert [word for word, _ in got.alternatives][:1] == [word for word, _ in expected.alternatives][:1]


def test_model_detectors_flag_the_same_on_the_gpu(tiny_marian: Path, tiny_marian_back: Path,
                                                  tiny_camembert: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.en.txt"
    source.write_text(SOURCE, encoding="utf-8")
    options = FlagOptions(model=str(tiny_marian), source=source,
                          settings={"back_model": str(tiny_marian_back), "fluency_model": str(tiny_camembert)})
    names = ["confidence", "fluency", "roundtrip", "reference"]
    document = from_text(ARTICLE)

    def flags(device: str) -> list[tuple[str, str, int, int]]:
        pool = ModelPool(device=device)
        found = []
        for detector in make_detectors(names, options, pool, None):
            context = FlagContext(document=document, texts={})
            found += [(flag.detector, flag.segment_id, flag.start, flag.end)
                      for flag in detector.check(document.segments, context)]
        assert {key.device for key in pool.loads} == {device}
        return sorted(found)

    on_gpu = flags("cuda")
    assert on_gpu
    assert on_gpu == flags("cpu")


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "article.fr.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_translate_on_the_command_line(tmp_path: Path, tiny_marian: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _article(tmp_path)
    args = ["translate", str(article), "--model", str(tiny_marian), "--engine", "marian", "--format", "jsonl"]
    assert main([*args, "--device", "cuda"]) == 0
    on_gpu = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(on_gpu) == 3
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("REVIEW_CACHE", str(tmp_path / "cpu-cache.sqlite"))  # the CPU renders, not the cache
    try:
        assert main([*args, "--device", "cpu"]) == 0
    finally:
        monkeypatch.undo()
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == on_gpu


def test_batch_workers_each_load_the_model_on_the_gpu(tmp_path: Path, tiny_marian: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index, sentence in enumerate(SENTENCES[:3]):
        (folder / f"a{index}.fr.txt").write_text(f"{sentence}\n\n{SENTENCES[(index + 1) % 3]}\n", encoding="utf-8")
    outdir = tmp_path / "out"
    code = main(["batch", str(folder), "-o", str(outdir), "--model", str(tiny_marian), "--engine", "marian",
                 "--device", "cuda", "--jobs", "2", "--detectors", "typography"])
    assert code == 0
    for index in range(3):
        result = json.loads((outdir / "articles" / f"a{index}.fr.json").read_text(encoding="utf-8"))
        assert result["segments"] == 2


@pytest.mark.skipif(not _ct2_has_gpu(), reason="CTranslate2 counts no CUDA GPU (not installed, or a CPU build)")
def test_ct2_runs_on_the_gpu_or_says_why_in_one_line(tiny_marian: Path) -> None:
    """CTranslate2 counts the GPU before it knows it can use it: a wheel built for CUDA 12 on a machine
    with CUDA 13's libraries alone sees the GPU, then cannot load cuBLAS at the first decode."""
    ref = resolve_model(str(tiny_marian))
    refused = ""
    try:
        gpu = load_engine(ref, "ct2", device="cuda")
    except ModelError as error:
        refused = str(error)
    if refused:
        assert refused.startswith("--device cuda: CTranslate2 sees a GPU but cannot run on it (")
        assert "\n" not in refused
        auto = load_engine(ref, "ct2", device="auto")  # auto takes the CPU instead
        assert auto.translator.device == "cpu"  # type: ignore[attr-defined]
        assert "cuda" not in auto.label
        assert all(auto.translate(SENTENCES))
        return
    assert gpu.translator.device == "cuda"  # type: ignore[attr-defined]
    assert "cuda" in gpu.label
    english = gpu.translate(SENTENCES)
    assert len(english) == len(SENTENCES)
    # int8 kernels differ between CPU and GPU; most sentences still decode alike on the same weights
    cpu = load_engine(ref, "ct2", device="cpu").translate(SENTENCES)
    assert sum(got == expected for got, expected in zip(english, cpu, strict=True)) >= len(SENTENCES) - 1


def test_translate_with_the_default_engine_and_device(tmp_path: Path, tiny_marian: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """What a user with a GPU gets from the README's command: no option, CTranslate2 when installed."""
    monkeypatch.delenv("REVIEW_ENGINE")
    assert main(["translate", str(_article(tmp_path)), "--model", str(tiny_marian), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
