"""The CTranslate2 engine on a tiny Marian model, converted and run through the real code path."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from tiny_models import FRENCH

from review.cli import main
from review.errors import ModelError
from review.translate import ct2 as ct2_module
from review.translate import load_engine, resolve_engine
from review.translate.ct2 import beam_size, convert, converted_folder, is_converted, load
from review.translate.models import models_dir, resolve_model
from review.translate.render import Renderer


def stamp(folder: Path) -> tuple[int, int]:
    weights = (folder / "model.bin").stat()
    return weights.st_ino, weights.st_mtime_ns


@pytest.mark.parametrize("texts", [FRENCH, FRENCH[::-1], FRENCH[:1], []], ids=["all", "reversed", "one", "none"])
def test_translate_gives_one_string_per_segment(tiny_marian, texts):
    engine = load_engine(resolve_model(str(tiny_marian)), "ct2")
    seen: list[tuple[int, int]] = []

    english = engine.translate(texts, progress=lambda done, total: seen.append((done, total)))

    assert len(english) == len(texts)
    assert all(isinstance(text, str) and text for text in english)
    assert seen[-1:] == ([(len(texts), len(texts))] if texts else [])


def test_renderings_come_back_in_input_order(tiny_marian):
    # one text a batch, so each rendering depends on its own text only, wherever it stands
    engine = replace(load(resolve_model(str(tiny_marian))), batch_size=1)
    alone = {text: engine.translate([text])[0] for text in FRENCH}

    for order in (FRENCH, FRENCH[::-1], FRENCH[1::2] + FRENCH[::2]):
        assert engine.translate(order) == [alone[text] for text in order]


def test_float32_conversion_renders_exactly_like_transformers(tiny_marian):
    # Same tokenizer, length limit, beam and decoding as the marian engine: only int8
    # rounding may make the default conversion differ, so without it nothing may.
    ref = resolve_model(str(tiny_marian))
    longer_than_the_model_takes = " ".join(FRENCH * 2)  # cut at max_position_embeddings by both engines
    texts = [*FRENCH, "Oui.", FRENCH[0] + " " + FRENCH[1], longer_than_the_model_takes]

    marian = load_engine(ref, "marian")
    expected = marian.translate(texts)

    # batched alike: a batch's length limit follows its longest sentence, which random weights always reach
    assert replace(load(ref, quantization="float32"), batch_size=marian.batch_size).translate(texts) == expected


def test_label_names_the_engine(tiny_marian):
    engine = load(resolve_model(str(tiny_marian)), device="cpu")

    assert engine.label == f"{tiny_marian.name} (ct2 int8)"


def test_conversion_happens_once_into_the_models_folder(tiny_marian):
    ref = resolve_model(str(tiny_marian))
    assert not is_converted(ref)

    load(ref)
    folder = converted_folder(ref)
    first = stamp(folder)
    load(ref)

    assert folder == models_dir() / f"{tiny_marian.name}-ct2-int8"
    assert is_converted(ref)
    assert stamp(folder) == first
    assert [path.name for path in models_dir().iterdir()] == [folder.name]  # no work folder left behind


def test_a_changed_model_is_converted_again(tiny_marian):
    ref = resolve_model(str(tiny_marian))
    first = stamp(convert(ref))

    retrained = replace(ref, revision="local-retrained")

    assert not is_converted(retrained)
    assert stamp(convert(retrained)) != first
    assert is_converted(retrained)


def test_a_conversion_cut_short_since_is_converted_again(tiny_marian):
    ref = resolve_model(str(tiny_marian))
    weights = convert(ref) / "model.bin"
    whole = weights.read_bytes()
    weights.write_bytes(whole[: len(whole) // 2])  # a copy stopped half-way, a disk that filled up

    assert not is_converted(ref)
    assert (convert(ref) / "model.bin").read_bytes() == whole
    assert is_converted(ref)


def break_weights(folder: Path) -> None:
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:500])


def weights_missing(folder: Path) -> None:
    (folder / "model.safetensors").unlink()


def foreign_model(folder: Path) -> None:
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    (folder / "config.json").write_text(json.dumps({**config, "model_type": "not-a-model"}), encoding="utf-8")


@pytest.mark.parametrize("damage", [break_weights, weights_missing, foreign_model],
                         ids=["truncated-weights", "no-weights", "unknown-architecture"])
def test_a_bad_folder_fails_with_one_line_and_leaves_nothing(tiny_marian, tmp_path, damage):
    folder = tmp_path / "broken-model"
    shutil.copytree(tiny_marian, folder)
    damage(folder)

    with pytest.raises(ModelError, match=r"^cannot convert .*broken-model for CTranslate2: ") as caught:
        load(resolve_model(str(folder)))

    assert "\n" not in str(caught.value)
    assert not models_dir().exists() or not any(models_dir().iterdir())


@pytest.mark.parametrize("call", [load, convert], ids=["load", "convert"])
def test_without_ctranslate2_the_error_says_what_to_install(tiny_marian, monkeypatch, call):
    for module in [name for name in sys.modules if name.split(".")[0] == "ctranslate2"]:
        monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    monkeypatch.setitem(sys.modules, "ctranslate2", None)

    with pytest.raises(ModelError, match=r"pip install ctranslate2"):
        call(resolve_model(str(tiny_marian)))


def test_a_hub_model_not_downloaded_says_how_to_get_it():
    with pytest.raises(ModelError, match=r"review models pull nobody/no-such-model"):
        load(resolve_model("nobody/no-such-model"))


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"generation_config.json": {"num_beams": 4}, "config.json": {"num_beams": 6}}, 4),
        ({"config.json": {"num_beams": 6}}, 6),
        ({"generation_config.json": {}, "config.json": {}}, 1),
        ({"generation_config.json": "{oops", "config.json": {"num_beams": 2}}, 2),
        ({"generation_config.json": {"num_beams": None}, "config.json": {"num_beams": 3}}, 3),
    ],
    ids=["generation-config", "config", "neither", "unreadable-generation-config", "null-falls-through"],
)
def test_beam_size_comes_from_the_model(tmp_path, files, expected):
    for name, content in files.items():
        (tmp_path / name).write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")

    assert beam_size(tmp_path) == expected


@pytest.mark.parametrize(
    ("name", "installed", "expected"),
    [
        ("auto", {"ctranslate2", "transformers"}, "ct2"),
        ("auto", {"transformers"}, "marian"),
        ("auto", set(), "marian"),
        ("marian", {"ctranslate2", "transformers"}, "marian"),
        ("ct2", {"transformers"}, "ct2"),
    ],
    ids=["auto-both", "auto-no-ct2", "auto-nothing", "marian-stays", "ct2-stays"],
)
def test_auto_engine_picks_ct2_when_installed(monkeypatch, name, installed, expected):
    monkeypatch.setattr("importlib.util.find_spec", lambda package: object() if package in installed else None)

    assert resolve_engine(name) == expected


def test_ct2_renderings_are_cached_apart_from_transformers_ones(tiny_marian):
    texts = FRENCH[:3]
    Renderer(str(tiny_marian), engine="marian").render(texts)

    renderer = Renderer(str(tiny_marian), engine="auto")
    renderer.render(texts)
    again = Renderer(str(tiny_marian), engine="ct2")
    again.render(texts)

    assert renderer.engine_name == "ct2"
    assert renderer.model_calls > 0
    assert again.model_calls == 0
    assert again.label == tiny_marian.name  # nothing loaded: everything came from the cache


@pytest.mark.parametrize(("engine", "calls"), [("marian", 3), ("ct2", 2)])
def test_each_engine_renders_in_batches_of_its_own_size(tiny_marian, engine, calls):
    texts = [f"{FRENCH[number % len(FRENCH)]} ({number})" for number in range(20)]
    renderer = Renderer(str(tiny_marian), engine=engine, device="cpu")  # on a GPU transformers takes 64
    found = renderer.render(texts)

    assert renderer.model_calls == calls  # 8 a call for transformers, 16 for CTranslate2, on the CPU
    assert all(found)


def test_models_convert_command(tiny_marian, capsys):
    assert main(["models", "convert", str(tiny_marian)]) == 0
    first = capsys.readouterr().err
    assert main(["models", "convert", str(tiny_marian)]) == 0
    second = capsys.readouterr().err
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr()

    folder = converted_folder(resolve_model(str(tiny_marian)))
    assert first.startswith(f"converting {tiny_marian}")
    assert "converting" not in second
    assert str(folder) in second
    assert str(folder) not in listing.out  # a conversion is not a model of its own


def test_models_convert_command_reports_a_bad_folder_on_one_line(tmp_path, capsys):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")

    code = main(["models", "convert", str(tmp_path)])

    err = capsys.readouterr().err.strip().splitlines()
    assert code == ModelError.exit_code
    assert err[-1].startswith("review: cannot convert")


def test_thread_count_can_be_set(monkeypatch):
    monkeypatch.setattr(ct2_module.os, "cpu_count", lambda: 8)
    monkeypatch.setenv("REVIEW_CT2_THREADS", "3")
    assert ct2_module.threads() == 3
    monkeypatch.setenv("REVIEW_CT2_THREADS", "many")
    assert ct2_module.threads() == ct2_module.THREADS
    monkeypatch.setenv("REVIEW_CT2_THREADS", "100000")  # hung or crashed CTranslate2: no more than the cores
    assert ct2_module.threads() == 8


@pytest.mark.parametrize(("flags", "expected"), [
    pytest.param([], "ct2", id="default-is-auto-and-auto-is-ct2"),
    pytest.param(["--engine", "marian"], "marian", id="transformers-one-flag-away"),
])
def test_translate_reports_the_engine_of_every_segment(tiny_marian, article, monkeypatch, capsys, flags, expected):
    monkeypatch.delenv("REVIEW_ENGINE")

    code = main(["translate", str(article), "--model", str(tiny_marian), "--format", "json", *flags])

    segments = json.loads(capsys.readouterr().out)["segments"]
    assert code == 0
    assert segments
    assert {segment["engine"] for segment in segments} == {expected}


def test_review_engine_sets_the_default(tiny_marian, article, monkeypatch, capsys):
    monkeypatch.setenv("REVIEW_ENGINE", "ct2")

    assert main(["translate", str(article), "--model", str(tiny_marian), "--format", "jsonl"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines
    assert {json.loads(line)["engine"] for line in lines} == {"ct2"}


def test_an_unknown_review_engine_fails_on_one_line(tiny_marian, article, monkeypatch, capsys):
    monkeypatch.setenv("REVIEW_ENGINE", "fast")

    for command in (["translate", str(article)], ["flag", str(article)]):  # flag once went on, its checks fewer
        with pytest.raises(SystemExit) as stopped:
            main([*command, "--model", str(tiny_marian)])
        assert stopped.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err[-1].endswith("error: argument --engine: $REVIEW_ENGINE is 'fast': choose from marian, ct2, auto")


def test_a_models_folder_that_cannot_be_written_is_one_line(tiny_marian, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("REVIEW_MODELS", str(blocker / "models"))
    assert main(["models", "convert", str(tiny_marian)]) == ModelError.exit_code
    assert main(["models", "pull", "Helsinki-NLP/opus-mt-fr-en"]) == ModelError.exit_code
    err = capsys.readouterr().err.strip().splitlines()
    assert [line for line in err if line.startswith("review:")] == err[-2:]
    assert all("cannot be written" in line and "internal error" not in line for line in err[-2:])


def test_conversions_started_together_convert_once(tiny_marian):
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    ref = resolve_model(str(tiny_marian))
    with ThreadPoolExecutor(4) as pool:
        folders = list(pool.map(lambda _: convert(ref), range(4)))
    assert len(set(folders)) == 1
    assert is_converted(ref)
    assert load(ref).translate(["Bonjour."])
