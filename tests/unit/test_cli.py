"""The command line: exit codes, one-line errors, nothing written on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, SAMPLE, Terminal

from review.cli import main
from review.document import load_document
from review.session import Session
from review.store import ReviewLog, default_log_path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "review", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)


def correct_first(article: Path, text: str) -> None:
    log = ReviewLog(default_log_path(article))
    with log:
        session = Session.open(load_document(article), log)
        session.correct(session.segments[0], text)


def test_help_lists_commands_and_exit_codes() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for word in ("open", "translate", "export", "models", "exit codes", "corrections log is unreadable"):
        assert word in result.stdout


def test_export_without_corrections_is_byte_identical(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    assert main(["export", str(article), "-o", str(out)]) == 0
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_export_applies_corrections_and_keeps_layout(article: Path, tmp_path: Path) -> None:
    correct_first(article, "L'Iran et le Pakistan conviennent de renforcer leur coopération")
    out = tmp_path / "out.txt"
    assert main(["export", str(article), "-o", str(out)]) == 0
    original = SAMPLE.read_text(encoding="utf-8")
    exported = out.read_text(encoding="utf-8")
    assert exported.startswith("L'Iran et le Pakistan conviennent de renforcer leur coopération\n\nJAKARTA")
    assert exported.split("\n\n")[1:] == original.split("\n\n")[1:]


def test_export_to_stdout(article: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    correct_first(article, "Titre corrigé")
    assert main(["export", str(article), "-o", "-"]) == 0
    assert capsysbinary.readouterr().out.startswith("Titre corrigé\n\nJAKARTA".encode())


def test_export_with_explicit_log(article: Path, tmp_path: Path) -> None:
    correct_first(article, "Titre corrigé")
    moved = tmp_path / "elsewhere.jsonl"
    default_log_path(article).rename(moved)
    out = tmp_path / "out.txt"
    assert main(["export", str(article), "--log", str(moved), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Titre corrigé")


def test_export_never_overwrites_the_article(article: Path) -> None:
    before = article.read_bytes()
    assert main(["export", str(article), "-o", str(article)]) == 6
    assert article.read_bytes() == before


@pytest.mark.parametrize(
    ("setup", "code", "message"),
    [
        pytest.param(lambda d: d / "missing.txt", 3, "no such file", id="missing"),
        pytest.param(lambda d: d, 3, "is a directory", id="directory"),
        pytest.param(lambda d: _write(d / "e.txt", b""), 3, "is empty", id="empty"),
        pytest.param(lambda d: _write(d / "w.txt", b" \n \n"), 3, "is empty", id="whitespace"),
        pytest.param(lambda d: _write(d / "b.bin", b"\x00\x01\x02binary"), 3, "binary", id="binary"),
        pytest.param(lambda d: _write(d / "l.txt", "déjà vu".encode("latin-1")), 3, "UTF-8", id="undecodable"),
    ],
)
@pytest.mark.parametrize("command", ["export", "translate"])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, setup: object, code: int, message: str,
                                                  command: str, capsys: pytest.CaptureFixture[str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    target = setup(work)  # type: ignore[operator]
    before = sorted(path.name for path in work.iterdir())
    extra = ["-o", str(work / "out.txt")] if command == "export" else []
    assert main([command, str(target), *extra]) == code
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert err.startswith("review: ")
    assert sorted(path.name for path in work.iterdir()) == before


def test_bad_input_from_the_shell_has_no_traceback(tmp_path: Path) -> None:
    result = run_cli("export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out.txt"))
    assert result.returncode == 3
    assert result.stderr == f"review: {tmp_path / 'missing.txt'}: no such file\n"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_unknown_model_is_one_line_with_the_fix(article: Path) -> None:
    result = run_cli("translate", str(article), "--model", "Helsinki-NLP/opus-mt-zz-qq")
    assert result.returncode == 4
    assert "review models pull Helsinki-NLP/opus-mt-zz-qq" in result.stderr
    assert "Traceback" not in result.stderr


def test_translate_json_lists_every_segment(article: Path, tiny_marian: Path) -> None:
    result = run_cli("translate", str(article), "--model", str(tiny_marian), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    document = load_document(article)
    assert [item["id"] for item in data["segments"]] == [segment.id for segment in document.segments]
    assert all(item["english"] for item in data["segments"])
    assert data["segments"][0]["french"] == document.segments[0].text
    assert data["revision"].startswith("local-")


def test_translate_text_format(article: Path, tiny_marian: Path) -> None:
    result = run_cli("translate", str(article), "--model", str(tiny_marian))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[p1s1] Iran et le Pakistan accusent")


def test_locked_log_refuses_a_second_session(article: Path) -> None:
    with ReviewLog(default_log_path(article)):
        result = run_cli("open", str(article), "--model", "Helsinki-NLP/opus-mt-fr-en")
    assert result.returncode == 5
    assert "open in another review session" in result.stderr


def test_log_pointing_at_the_article_is_refused(article: Path) -> None:
    before = article.read_bytes()
    assert main(["export", str(article), "--log", str(article), "-o", "-"]) == 3
    assert article.read_bytes() == before


def test_models_list_on_an_empty_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    assert "review models pull" in capsys.readouterr().err


def test_models_list_on_a_file_says_it_is_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """REVIEW_MODELS naming a file said 'no models in FILE: run review models pull', which cannot work."""
    (tmp_path / "models.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("REVIEW_MODELS", str(tmp_path / "models.txt"))
    assert main(["models", "list"]) == 4
    err = capsys.readouterr().err
    assert err.startswith(f"review: {tmp_path / 'models.txt'} is not a folder: set REVIEW_MODELS to the folder")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param([], ["open"], id="bare"),
        pytest.param(["--detectors", "none"], ["open", "--detectors", "none"], id="options-only"),
        pytest.param(["article.txt"], ["open", "article.txt"], id="article"),
        pytest.param(["flag", "article.txt"], ["flag", "article.txt"], id="a-command"),
    ],
)
def test_without_a_command_review_opens_the_screen(argv: list[str], expected: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse  # noqa: PLC0415

    from review import cli  # noqa: PLC0415

    seen: list[list[str]] = []
    real = argparse.ArgumentParser.parse_args

    def record(self: argparse.ArgumentParser, args: list[str] | None = None, namespace: object = None) -> object:
        seen.append(list(args or []))
        parsed = real(self, args, namespace)  # type: ignore[arg-type]
        parsed.run = lambda _args: 0
        return parsed

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", record)
    assert cli.main(argv) == 0
    assert seen == [expected]


# an export held just before its temporary file is synced, in a process of its own (the console script's way)
HELD_EXPORT = """
import os, sys, time
from review.cli import main
def held(descriptor):
    print("ready", flush=True)
    time.sleep(60)
os.fsync = held
sys.argv = ["review", "export", sys.argv[1], "-o", sys.argv[2]]
sys.exit(main())
"""


def test_kill_stops_an_export_like_ctrl_c_leaving_no_temporary_file(article: Path, tmp_path: Path) -> None:
    import signal  # noqa: PLC0415

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "fixed.txt"
    with subprocess.Popen([sys.executable, "-c", HELD_EXPORT, str(article), str(target)], cwd=ROOT, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        assert [path.suffix for path in (tmp_path / "out").iterdir()] == [".tmp"]
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "review: interrupted\n"
    assert list((tmp_path / "out").iterdir()) == []


def test_the_written_line_spells_out_control_characters_of_the_path(article: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fixed\x1b[2Jpage.txt"  # a name that would clear the reviewer's terminal
    assert main(["export", str(article), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("wrote ")
    assert "\x1b" not in err
    assert target.exists()


@pytest.mark.slow  # the default detectors load spaCy
def test_an_export_with_flags_draws_how_far_the_flagging_is_on_a_terminal(article: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["export", str(article), "-o", str(tmp_path / "report.csv")]) == 0
    drawn = terminal.getvalue()
    segments = len(load_document(article).segments)
    assert f"{segments}/{segments} segments flagged" in drawn
    assert drawn.rstrip().endswith(f"wrote {tmp_path / 'report.csv'} (csv): 0 corrected segments of {segments}")
    monkeypatch.setattr(sys, "stderr", terminal := Terminal())
    assert main(["export", str(article), "-o", str(tmp_path / "plain.txt")]) == 0
    assert "flagged" not in terminal.getvalue()  # a txt export lists no flags: nothing to wait for
