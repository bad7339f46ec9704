"""review batch hands the English original to every detector that reads it, not to the reference detector alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.cli import main

pytestmark = pytest.mark.slow  # a worker process loads spaCy

FRENCH = "Les pôles de la tente sont en aluminium.\n"  # source: « pôles » for tent poles, a sense the English excludes
ENGLISH = "The tent poles are made of aluminum.\n"


@pytest.mark.parametrize("detector", ["source", "dictionary"])
def test_the_detectors_that_read_the_english_get_it(detector: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "in" / "tent.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en" / "tent.txt").write_text(ENGLISH, encoding="utf-8")
    outdir = tmp_path / "out"
    words = ["batch", str(tmp_path / "in"), "-o", str(outdir), "--no-english", "--jobs", "1",
             "--source", str(tmp_path / "en"), "--detectors", detector]
    assert main(words) == 0
    capsys.readouterr()
    result = json.loads((outdir / "articles" / "tent.json").read_text(encoding="utf-8"))
    assert not [note for note in result["notes"] if "needs the English original" in note]
    if detector == "source":
        lines = (outdir / "articles" / "tent.flags.jsonl").read_text("utf-8").splitlines()
        flags = [json.loads(line) for line in lines]
        assert [(flag["text"], flag["detector"]) for flag in flags] == [("pôles", "source")]


def test_articles_without_an_original_in_the_folder_are_named(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "en").mkdir()
    for name in ("tent", "stove", "lamp"):
        (tmp_path / "in" / f"{name}.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "en" / "tent.txt").write_text(ENGLISH, encoding="utf-8")
    words = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-english", "--jobs", "1",
             "--source", str(tmp_path / "en"), "--detectors", "typography"]
    assert main(words) == 0
    err = capsys.readouterr().err
    assert f"no English original in {tmp_path / 'en'} for 2 of 3 articles (lamp, stove)" in err
    assert "reference" not in err
