"""``review open`` draws in a terminal: without one it says so in one line; in a real one (a pty) it runs."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from support import ROOT

from review.store import ReviewLog, default_log_path


def test_open_without_a_terminal_says_so_and_lets_go_of_the_log(article: Path, fake_model: Path) -> None:
    before = article.read_bytes()
    result = subprocess.run([sys.executable, "-m", "review", "open", str(article), "--model", str(fake_model),
                             "--detectors", "none"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "needs a terminal, and its stdin, stdout and stderr are not one" in result.stderr
    assert article.read_bytes() == before
    with ReviewLog(default_log_path(article)):  # the refused session released its lock
        pass


def test_a_bad_article_is_named_before_the_terminal(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "review", "open", str(tmp_path / "missing.txt")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL,
                            check=False)
    assert result.returncode == 3
    assert "no such file" in result.stderr


def _read_until(master: int, wanted: bytes, seconds: float, child: subprocess.Popen[bytes] | None = None) -> bytes:
    """What the screen writes, until ``wanted`` shows, ``child`` ends or time runs out.

    The screen must be read all along: a full pty buffer would block its writes.
    """
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline and (child is None or child.poll() is None):
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
    return seen


def test_open_runs_in_a_real_terminal_and_quits_on_q(article: Path, fake_model: Path) -> None:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""}
    child = subprocess.Popen([sys.executable, "-m", "review", "open", str(article), "--model", str(fake_model),
                              "--detectors", "none", "--read-only"], stdin=slave, stdout=slave, stderr=slave,
                             cwd=ROOT, env=environment, close_fds=True)
    os.close(slave)
    try:
        screen = _read_until(master, b"Iran et le Pakistan accusent", 90)
        assert b"Iran et le Pakistan accusent" in screen, re.sub(rb"\x1b\[[0-9;?$>]*[a-zA-Z]", b"", screen)[:1500]
        os.write(master, b"q")
        _read_until(master, b"\x00never", 60, child)
        assert child.wait(timeout=5) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    assert b"needs a terminal" not in screen


def test_an_error_the_screen_did_not_handle_is_exit_70_with_its_crash_file(
        article: Path, fake_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import review.commands.open as open_command  # noqa: PLC0415
    from review.cli import main  # noqa: PLC0415
    from review.tui.app import ReviewApp  # noqa: PLC0415

    def crashes(self: ReviewApp, *_args: object, **_options: object) -> None:
        self._exception = ValueError("invalid literal for int() with base 10: '-'")  # as Textual keeps one

    monkeypatch.setattr(ReviewApp, "run", crashes)
    monkeypatch.setattr(open_command, "need_terminal", lambda: None)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert main(["open", str(article), "--model", str(fake_model), "--detectors", "none"]) == 70
    assert "internal error (ValueError" in capsys.readouterr().err
    assert list((tmp_path / "state" / "review" / "crashes").iterdir())
    with ReviewLog(default_log_path(article)):  # the crashed session released its lock
        pass
