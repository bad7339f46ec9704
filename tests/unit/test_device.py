"""--device: the engines and the masked LM run where they are asked to, and a missing GPU is one line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from review.batch.executors import ExecutorSettings
from review.batch.executors.ray import actor_options
from review.batch.job import BatchOptions
from review.cli import main
from review.errors import ModelError
from review.translate import load_engine
from review.translate.device import ct2_device, torch_device
from review.translate.models import resolve_model
from review.translate.pool import ModelPool

HAS_CT2 = importlib.util.find_spec("ctranslate2") is not None


def _torch_has_gpu() -> bool:
    import torch  # noqa: PLC0415

    return bool(torch.cuda.is_available())


def _ct2_has_gpu() -> bool:
    import ctranslate2  # noqa: PLC0415

    return bool(ctranslate2.get_cuda_device_count() > 0)


def _short(article: Path) -> Path:
    """The sample's first two paragraphs: enough to run the model, quick on a CPU."""
    text = article.read_text(encoding="utf-8")
    article.write_text("\n\n".join(text.split("\n\n")[:2]) + "\n", encoding="utf-8")
    return article


def test_auto_takes_a_gpu_only_when_torch_sees_one() -> None:
    assert torch_device("auto") == ("cuda" if _torch_has_gpu() else "cpu")
    assert torch_device("cpu") == "cpu"


@pytest.mark.skipif(not HAS_CT2, reason="ctranslate2 is not installed")
def test_auto_takes_a_gpu_only_when_ctranslate2_counts_one() -> None:
    assert ct2_device("auto") == ("cuda" if _ct2_has_gpu() else "cpu")


@pytest.mark.parametrize("engine", ["marian", pytest.param("ct2", marks=pytest.mark.skipif(
    not HAS_CT2, reason="ctranslate2 is not installed"))])
def test_cpu_renders_through_the_pool(engine: str, tiny_marian: Path) -> None:
    pool = ModelPool(device="cpu")
    renderer = pool.renderer(str(tiny_marian), engine)
    english = renderer.render(["Les deux pays ont convenu de lutter contre le terrorisme."])
    assert english[0]
    assert [key.device for key in pool.loads] == ["cpu"]
    loaded = renderer.engine()
    if engine == "marian":
        assert loaded.model.device.type == "cpu"  # type: ignore[attr-defined]
    else:
        assert loaded.translator.device == "cpu"  # type: ignore[attr-defined]
    assert "cuda" not in loaded.label


def test_masked_lm_runs_on_the_pool_device(tiny_camembert: Path) -> None:
    pool = ModelPool(device="cpu")
    model = pool.masked_lm(str(tiny_camembert))
    assert model.model.device.type == "cpu"
    assert model.score_words("Les deux pays voisins ont des relations difficiles.")


def test_the_same_model_on_two_devices_is_two_models(tiny_marian: Path) -> None:
    """The device is part of a model's key: a pool never hands out a model loaded elsewhere."""
    cpu = ModelPool(device="cpu").renderer(str(tiny_marian))
    auto = ModelPool(device="auto").renderer(str(tiny_marian))
    assert cpu is not auto
    pool = ModelPool(device="cpu")
    assert pool.renderer(str(tiny_marian)) is pool.renderer(str(tiny_marian))


@pytest.mark.skipif(_torch_has_gpu(), reason="this machine has a GPU")
def test_cuda_without_a_gpu_refuses_to_load_the_model(tiny_marian: Path) -> None:
    with pytest.raises(ModelError, match="sees no CUDA GPU"):
        load_engine(resolve_model(str(tiny_marian)), "marian", device="cuda")


@pytest.mark.skipif(_torch_has_gpu(), reason="this machine has a GPU")
@pytest.mark.parametrize("command", ["translate", "flag", "score"])
def test_cuda_on_the_command_line_is_one_line_and_exit_4(command: str, article: Path, tiny_marian: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    args = {"translate": ["translate", str(article)],
            "flag": ["flag", str(article), "--detectors", "typography"],
            "score": ["score", "--source", str(article), str(article)]}[command]
    code = main([*args, "--model", str(tiny_marian), "--engine", "marian", "--device", "cuda"])
    out, err = capsys.readouterr()
    assert code == 4
    assert out == ""
    assert err.count("\n") == 1
    assert "--device cuda" in err
    assert "Traceback" not in err


@pytest.mark.skipif(_torch_has_gpu(), reason="this machine has a GPU")
def test_review_device_sets_the_default(article: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEW_DEVICE", "cuda")
    assert main(["translate", str(article), "--model", str(tiny_marian)]) == 4
    assert "--device cuda" in capsys.readouterr().err
    monkeypatch.setenv("REVIEW_DEVICE", "gpu")
    with pytest.raises(SystemExit) as stopped:  # a misspelt variable is a command-line error, as --device gpu is
        main(["translate", str(article), "--model", str(tiny_marian)])
    assert stopped.value.code == 2
    assert "$REVIEW_DEVICE is 'gpu': choose from auto, cpu, cuda" in capsys.readouterr().err


def test_translate_on_cpu_writes_every_segment(article: Path, tiny_marian: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    _short(article)
    assert main(["translate", str(article), "--model", str(tiny_marian), "--device", "cpu", "--format",
                 "jsonl"]) == 0
    assert capsys.readouterr().out.count("\n") == 2


def test_an_unknown_device_on_the_command_line_is_a_usage_error(article: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["translate", str(article), "--device", "gpu"])
    assert caught.value.code == 2


@pytest.mark.parametrize(("device", "gpus", "expected"), [
    ("auto", 0.0, "auto"), ("auto", 1.0, "cuda"), ("auto", 0.25, "cuda"), ("cpu", 1.0, "cpu"), ("cuda", 0.0, "cuda"),
], ids=["no-gpu", "one-gpu", "shared-gpu", "cpu-asked", "cuda-asked"])
def test_ray_actors_given_gpus_run_on_cuda(device: str, gpus: float, expected: str) -> None:
    options = BatchOptions(detectors=("typography",), model="m", device=device)
    assert actor_options(options, ExecutorSettings(num_gpus=gpus)).device == expected


def test_the_device_does_not_redo_a_batch() -> None:
    """Where the models ran is how, not what: a run resumed on another device keeps its finished articles."""
    assert (BatchOptions(detectors=("typography",), model="m", device="cpu").fingerprint()
            == BatchOptions(detectors=("typography",), model="m", device="cuda").fingerprint())


def test_a_gpu_that_cannot_run_the_model_leaves_auto_on_the_cpu() -> None:
    from review.translate.ct2 import settle_gpu  # noqa: PLC0415

    assert settle_gpu("auto", None) == "cuda"
    assert settle_gpu("cuda", None) == "cuda"
    assert settle_gpu("auto", "Library libcublas.so.12 is not found or cannot be loaded") == "cpu"


def test_a_gpu_that_cannot_run_the_model_is_one_line_for_cuda() -> None:
    from review.translate.ct2 import settle_gpu  # noqa: PLC0415

    with pytest.raises(ModelError) as caught:
        settle_gpu("cuda", "Library libcublas.so.12 is not found or cannot be loaded")
    message = str(caught.value)
    assert message.startswith("--device cuda: CTranslate2 sees a GPU but cannot run on it (Library libcublas.so.12")
    assert "--engine marian" in message
    assert "\n" not in message


@pytest.mark.skipif(not HAS_CT2, reason="ctranslate2 is not installed")
def test_the_gpu_probe_passes_a_translator_that_runs(tiny_marian: Path) -> None:
    """The one-token decode that checks a GPU runs on the real converted model (here on the CPU)."""
    from review.translate.ct2 import gpu_problem  # noqa: PLC0415

    engine = load_engine(resolve_model(str(tiny_marian)), "ct2", device="cpu")
    assert gpu_problem(engine.translator, engine.tokenizer) is None  # type: ignore[attr-defined]
