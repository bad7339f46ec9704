"""Counts in printed lines agree with their number: « 1 flag », « 0 flags », « 2 corrected segments »."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main
from review.document import load_document
from review.model import Correction
from review.store import ReviewLog, default_log_path
from review.wording import counted


@pytest.mark.parametrize(("count", "noun", "plural", "said"), [
    (1, "flag", None, "1 flag"), (0, "flag", None, "0 flags"), (2, "flag", None, "2 flags"),
    (1.0, "penalty point", None, "1 penalty point"), (2.5, "penalty point", None, "2.5 penalty points"),
    (3, "analysis", "analyses", "3 analyses"),
])
def test_counted(count: float, noun: str, plural: str | None, said: str) -> None:
    assert counted(count, noun, plural) == said


def test_export_says_one_corrected_segment(article: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(article), "-o", str(tmp_path / "none.txt")]) == 0
    assert "0 corrected segments of 16" in capsys.readouterr().err
    first = load_document(article).segments[0]
    with ReviewLog(default_log_path(article)) as log:
        log.record_correction(Correction(segment_id=first.id, original=first.text,
                                         text=first.text.replace("accusent", "conviennent"), timestamp=""))
    assert main(["export", str(article), "-o", str(tmp_path / "one.txt")]) == 0
    assert "1 corrected segment of 16" in capsys.readouterr().err


def test_flag_table_counts_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "une.txt"
    article.write_text("Le ministre a parlé aux journalistes,puis il est parti de la capitale.\n", encoding="utf-8")
    assert main(["flag", str(article), "--detectors", "typography"]) == 0
    err = capsys.readouterr().err
    assert "1 flag in 1 segment" in err, err
