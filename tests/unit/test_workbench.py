"""The workbench: one model instance per (model, engine), shared by rendering and every model detector.

These drive the real engines on the tests' tiny models and count what the
model pool actually loads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main
from review.flags import FlagOptions
from review.translate import pool as pool_module
from review.workbench import Workbench

SOURCE = (
    "Iran, Pakistan agree to boost security cooperation after missile strikes against militants.\n\n"
    "JAKARTA - Iran and Pakistan agreed to improve relations.\n"
)


def first_segments(article: Path, count: int) -> Path:
    """The sample cut to its first ``count`` paragraphs (model detectors are slow on CPU)."""
    text = article.read_text(encoding="utf-8")
    article.write_text("\n\n".join(text.split("\n\n")[:count]) + "\n", encoding="utf-8")
    return article


@pytest.mark.parametrize("engine", ["marian", "ct2"])
def test_rendering_and_every_model_detector_share_one_model(engine: str, article: Path, tiny_marian: Path,
                                                            tmp_path: Path) -> None:
    source = tmp_path / "source.en.txt"
    source.write_text(SOURCE, encoding="utf-8")
    options = FlagOptions(model=str(tiny_marian), engine=engine, source=source)
    bench = Workbench.open(first_segments(article, 2), options=options, detectors=("confidence", "reference"))
    bench.render_all()
    flags = bench.flag()
    assert {flag.detector for flag in flags} <= {"confidence", "reference"}
    assert [(key.kind, key.engine) for key in bench.pool.loads] == [("translation", engine)]
    assert bench.renderer.model_calls > 1  # rendered and scored, on the one instance


def test_review_flag_with_ct2_loads_one_ct2_model(article: Path, tiny_marian: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    loads: list[str] = []
    real = pool_module.load_engine

    def counting(ref, engine="marian", *, device="auto"):
        loads.append(engine)
        return real(ref, engine, device=device)

    monkeypatch.setattr(pool_module, "load_engine", counting)
    code = main(["flag", str(first_segments(article, 2)), "--model", str(tiny_marian), "--engine", "ct2",
                 "--detectors", "confidence", "--format", "json", "--render"])
    assert code == 0
    assert '"detector": "confidence"' in capsys.readouterr().out
    assert loads == ["ct2"]


def test_cli_and_workbench_exports_are_identical(article: Path, tiny_marian: Path, tmp_path: Path) -> None:
    bench = Workbench.open(article, options=FlagOptions(model=str(tiny_marian)), read_only=False, lock=True)
    try:
        segment = bench.document.segments[0]
        bench.correct(segment, segment.text.replace("accusent", "conviennent"), category="accuracy/mistranslation",
                      severity="critical")
        bench.toggle_reviewed(bench.document.segments[1])
        bench.render_all()
        screen = {fmt: bench.export(fmt) for fmt in ("txt", "tmx", "xliff", "po", "csv", "jsonl")}
    finally:
        bench.session.log.release()
    for fmt, data in screen.items():
        out = tmp_path / f"cli.{fmt}"
        assert main(["export", str(article), "--model", str(tiny_marian), "-o", str(out)]) == 0
        assert _without_dates(out.read_bytes()) == _without_dates(data), fmt


def _without_dates(data: bytes) -> bytes:
    """Exports stamp the time they were written; everything else must match."""
    import re  # noqa: PLC0415

    stamped = re.sub(rb'(creationdate|date|"exported")(="|": ")[^"]*"', rb"\1\2\"", data)
    # the PO header's dates are to the minute: two exports a minute apart differ there
    return re.sub(rb"(PO-Revision-Date|POT-Creation-Date): [^\\\n]*", rb"\1: ", stamped)


def test_emptying_a_segment_is_an_input_error_and_nothing_is_logged(article: Path) -> None:
    from review.errors import InputError  # noqa: PLC0415

    bench = Workbench.open(article, read_only=False, lock=True)
    try:
        with pytest.raises(InputError, match="cannot be emptied"):
            bench.correct(bench.document.segments[0], "   ")
    finally:
        bench.session.log.release()
    assert not bench.session.log.path.exists()


def test_a_bad_sacrebleu_seed_only_matters_to_review_score(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SACREBLEU_SEED", "abc")
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    with pytest.raises(SystemExit) as score:
        main(["score", "--ref", "a.txt", "b.txt"])
    assert score.value.code == 2
    assert "seed 'abc' is not a whole number" in capsys.readouterr().err
