"""An export never replaces a file its owner made read-only, though the rename into place would."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from review.cli import main


def test_an_export_over_a_read_only_file_is_refused_and_the_file_kept(
        article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "delivered.txt"
    target.parent.mkdir()
    target.write_text("the version sent to the client\n", encoding="utf-8")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: let the check see the file as its owner would
        real_access = os.access
        monkeypatch.setattr("review.export.os.access", lambda path, mode, **kw: (
            False if Path(path) == target and mode & os.W_OK else real_access(path, mode, **kw)))
    assert main(["export", str(article), "-o", str(target)]) == 6
    assert "read-only" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "the version sent to the client\n"
    assert [path.name for path in target.parent.iterdir()] == ["delivered.txt"]  # no temporary file left either
