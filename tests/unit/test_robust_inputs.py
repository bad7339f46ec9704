"""Special files and sizes: regular files only, a size limit that says how to raise it, never a hang."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from review.cli import main
from review.document import MAX_INPUT_ENV, read_bytes
from review.errors import InputError, LogError


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


def test_a_log_may_grow_past_the_input_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A log holds each corrected sentence three times: reviewing a whole article near the limit must reopen.

    Checking and correcting every segment of a 100,000-segment article (23 MB) wrote a log of over 64 MB,
    and the next `review open` refused it (exit 5) until REVIEW_MAX_INPUT_MB was raised.
    """
    from review.document import from_text  # noqa: PLC0415
    from review.replay import replay  # noqa: PLC0415
    from review.store import LOG_SCALE  # noqa: PLC0415

    sentence = "Le rapport décrit la situation de la région avec beaucoup de détails. "
    document = from_text(sentence * 2_000)  # 144 KB
    log = tmp_path / "a.review.jsonl"
    with log.open("w", encoding="utf-8") as handle:
        for segment in document.segments[:1]:
            record = {"type": "correction", "segment": segment.id, "original": segment.text,
                      "previous": segment.text, "text": "Le rapport est détaillé."}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.write("\n" * 400_000)  # blank lines: the log is now 3.5 times the limit
    monkeypatch.setenv(MAX_INPUT_ENV, "0.12")
    assert log.stat().st_size > 3 * 120_000
    assert replay(log, document).texts == {"p1s1": "Le rapport est détaillé."}
    with log.open("a", encoding="utf-8") as handle:
        handle.write("\n" * (LOG_SCALE * 120_000))
    with pytest.raises(LogError, match=f"larger than .* MB.*set {MAX_INPUT_ENV}"):
        replay(log, document)
