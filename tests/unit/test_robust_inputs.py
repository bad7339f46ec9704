"""Special files and sizes: regular files only, a size limit that says how to raise it, never a hang."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from review.cli import main
from review.document import MAX_INPUT_ENV, read_bytes
from review.errors import InputError


def run_with_deadline(words: list[str], seconds: float = 60) -> int:
    """main(words), failing the test instead of hanging when it blocks."""
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(words)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"review {' '.join(words)} did not finish in {seconds} s"
    return result[0]


def test_fifo_article_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    assert run_with_deadline(["export", str(fifo), "-o", str(tmp_path / "out.txt")]) == 3
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused(device: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_with_deadline(["flag", device]) == 3
    assert "not a regular file" in capsys.readouterr().err


def test_fifo_variant_and_log_are_refused(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    assert run_with_deadline(["score", "--ref", str(fifo), str(article)]) == 3
    assert run_with_deadline(["export", str(article), "--log", str(fifo), "-o", str(tmp_path / "o.txt")]) == 5
    err = capsys.readouterr().err
    assert err.count("not a regular file") == 2


def test_size_limit_names_the_variable_that_raises_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Une phrase.\n" * 200_000)  # 2.4 MB
    monkeypatch.setenv(MAX_INPUT_ENV, "1")
    with pytest.raises(InputError, match=f"larger than 1 MB.*set {MAX_INPUT_ENV}"):
        read_bytes(big)
    monkeypatch.setenv(MAX_INPUT_ENV, "3")
    assert len(read_bytes(big)) == big.stat().st_size


@pytest.mark.parametrize("value", ["abc", "-1", "0", "nan", "inf"])
def test_bad_size_limit_is_one_line(value: str, article: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(MAX_INPUT_ENV, value)
    assert main(["export", str(article), "-o", "-"]) == 3
    assert MAX_INPUT_ENV in capsys.readouterr().err


@pytest.mark.parametrize(("encoding", "named"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"),
                                                 ("utf-16-be", "UTF-16BE"), ("utf-32", "UTF-32")])
def test_wide_encodings_are_named_with_a_conversion(encoding: str, named: str, article: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    article.write_bytes(article.read_text(encoding="utf-8").encode(encoding))
    assert main(["export", str(article), "-o", "-"]) == 3
    err = capsys.readouterr().err
    assert f"is {named} text" in err
    assert f"iconv -f {named} -t UTF-8" in err
    assert "binary" not in err
