"""An English original that cannot be paired with the article is said, once, not silently worked around."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main


def test_an_original_that_cannot_be_paired_is_said_in_one_note(article: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    english = tmp_path / "other.en.txt"
    english.write_text("The cat sat on the mat.\n\nHello world.\n", encoding="utf-8")
    assert main(["flag", str(article), "--source", str(english), "--detectors", "source"]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "cannot pair the English original" in line]
    assert len(notes) == 1
    assert "16 French sentences against 2 English ones" in notes[0]
    assert "whole English text" in notes[0]


def test_an_original_that_pairs_says_nothing(article: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    english = tmp_path / "same-shape.en.txt"
    english.write_text("\n\n".join("An English sentence." for _ in paragraphs), encoding="utf-8")
    assert main(["flag", str(article), "--source", str(english), "--detectors", "source"]) == 0
    assert "cannot pair" not in capsys.readouterr().err


def test_an_original_with_a_paragraph_less_is_said_though_its_sentences_pair(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Iran et le Pakistan conviennent de coopérer. Les ministres ont parlé à Islamabad.\n\n"
                       "Les deux pays voisins ont des relations difficiles.\n", encoding="utf-8")
    english = tmp_path / "a.en.txt"  # the second paragraph is missing
    english.write_text("Iran and Pakistan agree to cooperate. The ministers talked in Islamabad.\n", encoding="utf-8")
    assert main(["flag", str(article), "--source", str(english), "--detectors", "source"]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "review: note:" in line]
    assert len(notes) == 1
    assert "the English original has 1 paragraph and a.txt 2" in notes[0]
