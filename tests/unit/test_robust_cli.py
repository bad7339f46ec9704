"""Bad command lines and unexpected errors: a usage error (2) or one line and a documented code, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import review.commands.translate
from review.cli import INTERNAL_ERROR, main
from review.errors import EXIT_CODES
from review.store import default_log_path


@pytest.mark.parametrize("words", [
    ["score", "--post-edited", "ARTICLE", "--weights", "major=nan"],
    ["score", "--post-edited", "ARTICLE", "--weights", "major=inf"],
    ["score", "--post-edited", "ARTICLE", "--weights", "minor=-1"],
    ["score", "--post-edited", "ARTICLE", "--weights", "critical=1e300"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--paired-bs-n", "-5"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--paired-bs-n", "0"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--paired-ar-n", "99999999999"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--jobs", "-3"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--jobs", "1.5"],
    ["score", "--post-edited", "ARTICLE", "--width", "-1"],
    ["score", "--post-edited", "ARTICLE", "--width", "400"],
    ["score", "--source", "ARTICLE", "ARTICLE", "--top", "-2"],
    ["score", "--ref", "ARTICLE", "ARTICLE", "--seed", "-1"],
    ["export", "ARTICLE", "-o", "x.xlf", "--source-lang", "x y<"],
    ["flag", "ARTICLE", "--source-lang", "français"],
    ["batch", "ARTICLE", "-o", "out", "--source-lang", ""],
], ids=["weights-nan", "weights-inf", "weights-negative", "weights-huge", "bs-negative", "bs-zero", "ar-huge",
        "jobs-negative", "jobs-fraction", "width-negative", "width-huge", "top-negative", "seed-negative",
        "lang-markup", "lang-word", "lang-empty"])
def test_numbers_out_of_range_are_usage_errors(words: list[str], article: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([str(article) if word == "ARTICLE" else word for word in words])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "error: argument" in err
    assert "Traceback" not in err


def test_bad_seed_in_environment_is_a_usage_error(article: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SACREBLEU_SEED", "twelve")
    with pytest.raises(SystemExit) as stopped:
        main(["score", "--ref", str(article), str(article)])
    assert stopped.value.code == 2
    assert "seed 'twelve'" in capsys.readouterr().err


@pytest.mark.parametrize("model_id", ["../../etc", "a/b/c", "owner/na me", "x--y", "x-", "repo.git", "é/ü"],
                         ids=["dot-dot", "three-parts", "space", "double-dash", "trailing-dash", "dot-git", "accents"])
def test_models_pull_validates_hub_ids(model_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "pull", model_id]) == 4
    err = capsys.readouterr().err
    assert err.startswith("review: ")
    assert err.count("\n") == 1
    assert "OWNER/NAME" in err


def test_unexpected_error_is_one_line_exit_70_and_a_traceback_file(
        article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        msg = "a bug"
        raise ZeroDivisionError(msg)

    monkeypatch.setattr(review.commands.translate, "load_document", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert main(["translate", str(article)]) == INTERNAL_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (ZeroDivisionError: a bug)" in err
    saved = list((tmp_path / "state" / "review" / "crashes").glob("review-crash-*.txt"))
    assert len(saved) == 1
    assert str(saved[0]) in err
    report = saved[0].read_text(encoding="utf-8")
    assert "Traceback" in report
    assert "ZeroDivisionError: a bug" in report
    assert "review translate" in report


def test_traceback_falls_back_to_temp_folder(article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        msg = "boom"
        raise RuntimeError(msg)

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(review.commands.translate, "load_document", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile  # noqa: PLC0415

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert main(["translate", str(article)]) == INTERNAL_ERROR
    assert list((tmp_path / "tmp").glob("review-crash-*.txt"))
    assert "boom" in capsys.readouterr().err


def test_internal_error_code_is_documented() -> None:
    assert INTERNAL_ERROR in EXIT_CODES
    assert INTERNAL_ERROR != 1
    assert os.EX_SOFTWARE == INTERNAL_ERROR


@pytest.mark.parametrize("command", [
    ["flag", "ARTICLE"],
    ["open", "ARTICLE", "--detectors", "none"],
    ["batch", "ARTICLE", "-o", "OUT", "--no-english", "--jobs", "1"],
], ids=["flag", "open", "batch"])
def test_a_lexicon_with_a_bad_line_stops_the_command_before_any_work(
        command: list[str], article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One line and exit 3, as review flag said it: not a review screen whose rules flag nothing (open, even with
    flagging off, since the file is named), nor a batch in which every article fails alike."""
    lexicon = tmp_path / "extra.lex"
    lexicon.write_text("réaliser que | realize that | mistranslation | major | 0.8 | se rendre compte que | ok\n"
                       "a line without fields\n", encoding="utf-8")
    out = tmp_path / "report"
    words = [str(article) if word == "ARTICLE" else str(out) if word == "OUT" else word for word in command]
    assert main([*words, "--lexicon", str(lexicon)]) == 3
    err = capsys.readouterr().err
    assert err == "review: lexicon extra.lex:2: expected 7 fields separated by ' | ', found 1\n"
    assert not out.exists()  # the batch wrote nothing
    assert not default_log_path(article).exists()


def test_batch_refuses_an_output_folder_with_a_report_it_did_not_write(article: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    mine = out / "report.html"
    mine.write_text("<html>the report I wrote by hand</html>", encoding="utf-8")
    assert main(["batch", str(article), "-o", str(out), "--no-english", "--jobs", "1"]) == 6
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "report.html was not written by review batch" in err
    assert mine.read_text(encoding="utf-8") == "<html>the report I wrote by hand</html>"
    assert sorted(path.name for path in out.iterdir()) == ["report.html"]  # nothing written beside it
    mine.unlink()
    assert main(["batch", str(article), "-o", str(out), "--no-english", "--jobs", "1"]) == 0
    assert main(["batch", str(article), "-o", str(out), "--no-english", "--jobs", "1"]) == 0  # its own: resumed


@pytest.mark.parametrize("given", ["{folder}", "./tiny-model", "~/models/tiny"], ids=["absolute", "dot", "home"])
def test_models_pull_of_a_folder_says_it_needs_no_pull(given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Not "is not a hub model id: ... or a local folder starting with ./ or /", which is what was given."""
    monkeypatch.setenv("REVIEW_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    for folder in ("tiny-model", "models/tiny"):
        (tmp_path / folder).mkdir(parents=True)
    assert main(["models", "pull", given.format(folder=tmp_path / "tiny-model")]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is a local folder, not a hub id (OWNER/NAME): nothing to pull; pass it to --model" in err
    assert [path.name for path in (tmp_path / "models").iterdir()] == ["tiny"]  # nothing pulled beside it
