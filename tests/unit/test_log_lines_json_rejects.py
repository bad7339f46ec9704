"""A log or JSON Lines line that Python's json decoder rejects with something else than JSONDecodeError
(nesting too deep, an integer too long) is a bad line like any other, never an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.cli import main
from review.document import load_document
from review.errors import InputError, LogError
from review.formats import read_texts
from review.replay import replay
from review.store import default_log_path
from review.workbench import Workbench

DEEP = "[" * 100_000  # RecursionError in json.loads
LONG_INT = '{"type": "position", "segment": "p1s1", "n": ' + "1" * 5000 + "}"  # ValueError: int too long


@pytest.mark.parametrize("line", [DEEP, LONG_INT], ids=["deep-nesting", "long-integer"])
def test_a_log_line_json_rejects_is_skipped_and_the_log_kept(line: str, article: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document(article)
    good = {"type": "correction", "segment": "p1s1", "original": document.segments[0].text, "text": "Titre corrigé."}
    log_path = default_log_path(article)
    content = (json.dumps(good) + "\n" + line + "\n").encode()
    log_path.write_bytes(content)
    state = replay(log_path, document)
    assert state.texts == {"p1s1": "Titre corrigé."}
    assert len(state.problems) == 1
    assert "line 2" in state.problems[0]
    out = article.with_name("out.txt")
    assert main(["export", str(article), "-o", str(out)]) == 0
    assert "Titre corrigé." in out.read_text(encoding="utf-8")
    assert "internal error" not in capsys.readouterr().err
    assert log_path.read_bytes() == content


@pytest.mark.parametrize("line", [DEEP, LONG_INT], ids=["deep-nesting", "long-integer"])
def test_a_jsonl_line_json_rejects_is_one_input_error(line: str, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1 is not JSON"):
        read_texts(path, "fr")


@pytest.mark.parametrize("what", ["another-article", "jsonl-export"])
def test_a_log_option_naming_a_file_that_is_no_log_is_refused_and_left_as_it_is(
        what: str, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / ("other.txt" if what == "another-article" else "export.jsonl")
    if what == "another-article":
        other.write_bytes(article.read_bytes())  # `--log other.txt` for `--log other.txt.review.jsonl`
    else:
        assert main(["export", str(article), "-o", str(other)]) == 0
    before = other.read_bytes()
    out = tmp_path / "out.txt"
    assert main(["export", str(article), "--log", str(other), "-o", str(out)]) == 5
    assert "not a corrections log" in capsys.readouterr().err
    with pytest.raises(LogError, match="not a corrections log"):
        Workbench.open(article, log=other, read_only=False, lock=True, detectors=())
    assert other.read_bytes() == before


def test_a_log_whose_only_line_was_torn_still_opens(article: Path) -> None:
    log_path = default_log_path(article)
    log_path.write_text('{"type": "correction", "segment": "p1s1", "orig', encoding="utf-8")
    state = replay(log_path, load_document(article))
    assert state.texts == {}
    assert "torn" in state.problems[0]


def test_a_log_that_cannot_be_written_is_refused_when_the_session_opens(
        article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not at the first correction, after the reviewer's work: at opening, with exit 5 and the way out."""
    import errno  # noqa: PLC0415
    import os  # noqa: PLC0415

    log_path = default_log_path(article)
    log_path.write_text('{"type": "position", "segment": "p1s1"}\n', encoding="utf-8")
    real_open = os.open

    def read_only_log(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == log_path and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("review.store.os.open", read_only_log)
    with pytest.raises(LogError, match=r"cannot be written .*--read-only") as raised:
        Workbench.open(article, read_only=False, lock=True, detectors=())
    assert raised.value.exit_code == 5
    monkeypatch.setattr("review.store.os.open", real_open)
    again = Workbench.open(article, read_only=False, lock=True, detectors=())  # the lock was given back
    again.session.log.release()
