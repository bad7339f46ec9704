"""``review serve`` on the command line: refusals, the missing extra, the warning, the tab commands."""

from __future__ import annotations

import importlib.util
import shlex
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support import SAMPLE

from review.cli import main

if TYPE_CHECKING:
    from review.serve import ServeOptions


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    shutil.copyfile(SAMPLE, tmp_path / "articles" / SAMPLE.name)
    return tmp_path / "articles"


@dataclass(frozen=True, slots=True)
class Served:
    options: ServeOptions
    host: str
    port: int


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[Served]:
    """Record what would be served instead of listening (the browser tests listen for real).

    The port is not tried either: another program (or another test run) holding 8000 would fail these
    tests; test_port_in_use_is_one_line tries one for real.
    """
    pytest.importorskip("textual_serve")
    import review.serve  # noqa: PLC0415

    calls: list[Served] = []
    monkeypatch.setattr(review.serve, "try_address", lambda *_address: None)
    monkeypatch.setattr(review.serve, "serve", lambda options, *, host, port: calls.append(Served(options, host, port)))
    return calls


def _bad_articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("L'été à Québec.\n".encode("latin-1"))
    (folder / "memory.tmx").write_text('<?xml version="1.0"?><tmx version="1.4"><body/></tmx>\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize(("args", "words"), [
    (["empty.txt"], "is empty"),
    (["binary.txt"], "binary"),
    (["{folder}", "latin1.txt"], "not valid UTF-8"),
    (["memory.tmx"], "TMX"),
], ids=["empty", "binary", "latin1-beside-a-folder", "exchange-file"])
def test_an_article_named_is_read_before_serving(folder: Path, tmp_path: Path, served: list[Served],
                                                  capsys: pytest.CaptureFixture[str], args: list[str],
                                                  words: str) -> None:
    """A file named on the command line is read as review open reads it: served, it would fail in every tab."""
    bad = _bad_articles(tmp_path / "bad")
    assert main(["serve", *(arg.format(folder=folder) if "{" in arg else str(bad / arg) for arg in args)]) == 3
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1
    assert served == []


def test_a_folder_with_unreadable_articles_is_served(tmp_path: Path, served: list[Served]) -> None:
    """In a folder, an article that cannot be read is shown on the list with its reason, not refused."""
    bad = _bad_articles(tmp_path / "bad")
    assert main(["serve", str(bad)]) == 0
    assert served[0].options.paths == (bad.resolve(),)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        pytest.param(["missing.txt"], 3, "no such file or folder", id="missing-path"),
        pytest.param(["{folder}/iran-pakistan.fr.txt.review.jsonl"], 3, "is a corrections log", id="log-given"),
        pytest.param(["{empty}"], 3, "no *.txt article", id="folder-without-articles"),
        pytest.param(["{folder}", "--port", "70000"], 2, "not a port number", id="bad-port"),
        pytest.param(["{folder}", "--detectors", "lexicn"], 2, "lexicn", id="unknown-detector"),
    ],
)
def test_refusals(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int,
                  words: str) -> None:
    (tmp_path / "empty").mkdir()
    (folder / "iran-pakistan.fr.txt.review.jsonl").write_text("", encoding="utf-8")
    filled = [arg.format(folder=folder, empty=tmp_path / "empty") for arg in args]
    assert main(["serve", *filled]) == code
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1


def test_missing_extra_says_how_to_install(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    real = importlib.util.find_spec

    def without_serve(name: str, package: str | None = None) -> ModuleSpec | None:
        return None if name == "textual_serve" else real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", without_serve)
    assert main(["serve", str(folder)]) == 4
    assert capsys.readouterr().err == "review: textual-serve is not installed: pip install 'review[serve]'\n"


def test_localhost_serves_without_warning(folder: Path, served: list[Served],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(folder), "--port", "8123"]) == 0
    assert capsys.readouterr().err == ""
    assert (served[0].host, served[0].port) == ("127.0.0.1", 8123)
    assert served[0].options.paths == (folder.resolve(),)
    assert not served[0].options.read_only


@pytest.mark.parametrize(
    ("extra", "warning"),
    [
        pytest.param([], "can read and edit the served articles (--read-only serves without saving)", id="editable"),
        pytest.param(["--read-only"], "can read the served articles\n", id="read-only"),
    ],
)
def test_other_hosts_are_warned_about(folder: Path, served: list[Served],
                                      capsys: pytest.CaptureFixture[str], extra: list[str], warning: str) -> None:
    assert main(["serve", str(folder), "--host", "0.0.0.0", *extra]) == 0  # noqa: S104 - the case under test
    err = capsys.readouterr().err
    assert err.startswith("review: warning: listening on 0.0.0.0:8000: anyone who can reach this port")
    assert warning in err
    assert served[0].options.read_only == bool(extra)


def test_tab_commands_carry_the_options(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve")
    from review.serve import ServeOptions, open_options, tab_command  # noqa: PLC0415

    folder = tmp_path / "with space"
    options = ServeOptions(paths=(folder,), open_options=open_options("m", "ct2", "lexicon", "cuda"))
    listing = shlex.split(tab_command(options, None))
    assert listing[-3:] == ["review.commands.serve_tab", "list", str(folder)]
    article = shlex.split(tab_command(options, "a b.txt"))
    assert article[3] == "exec"  # after `trap '' INT;`
    assert article[7:] == ["open", "a b.txt", "--model", "m", "--engine", "ct2", "--device", "cuda",
                           "--detectors=lexicon", "--", str(folder)]
    assert "--read-only" in shlex.split(tab_command(options, "a.txt", read_only=True))
    read_only_server = ServeOptions(paths=(folder,), read_only=True)
    assert "--read-only" in shlex.split(tab_command(read_only_server, "a.txt"))


def test_tabs_ignore_ctrl_c() -> None:
    """ctrl+c reaches the tabs' processes too: they ignore it, and the server closes them (no traceback)."""
    pytest.importorskip("textual_serve")
    from review.serve import TAB_SHELL  # noqa: PLC0415

    handler = "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"
    shown = subprocess.run(["/bin/sh", "-c", TAB_SHELL + shlex.join([sys.executable, "-c", handler])],
                           capture_output=True, text=True, check=True)
    assert shown.stdout == "True\n"


def test_port_in_use_is_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("textual_serve")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(folder), "--port", str(port)]) == 2
    out, err = capsys.readouterr()
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "pass another --port" in err
    assert "serving" not in out + err  # never a "serving … on …" line before the refusal


@pytest.mark.parametrize("read_only", [False, True])
def test_read_only_server_tabs_export_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool) -> None:
    """The tab command of a read-only server reaches `review open` as no export (its x writes no file)."""
    pytest.importorskip("textual_serve")
    from review.commands import serve_tab  # noqa: PLC0415
    from review.serve import ServeOptions, tab_command  # noqa: PLC0415

    runs: list[tuple[bool, bool]] = []
    monkeypatch.setattr(serve_tab.open_command, "run",
                        lambda args, *, terminal, exports: terminal or runs.append((args.read_only, exports)) or 0)
    words = shlex.split(tab_command(ServeOptions(paths=(folder,), read_only=read_only), SAMPLE.name))
    assert serve_tab.main(words[7:]) == 0
    assert runs == [(read_only, not read_only)]


def test_second_ctrl_c_is_an_interruption(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """aiohttp lets a second ctrl+c (while the tabs close) out as exit 1 and no word: it is 130, said in a line."""
    pytest.importorskip("textual_serve")
    from aiohttp import web  # noqa: PLC0415

    import review.serve  # noqa: PLC0415

    def interrupted(_server: object) -> None:
        raise web.GracefulExit

    monkeypatch.setattr(review.serve, "try_address", lambda *_address: None)
    monkeypatch.setattr(review.serve.ReviewServer, "serve", interrupted)
    assert main(["serve", str(folder), "--port", "8765"]) == 130
    assert capsys.readouterr().err == "review: interrupted\n"
