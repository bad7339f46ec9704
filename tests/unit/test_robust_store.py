"""The session lock is airtight and the review's own files are never written over, however they are spelled."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from review.cli import main
from review.errors import ExportError, LogError
from review.export import atomic_write, review_files
from review.store import ReviewLog, default_log_path


def _hammer(log_path: str, holders: str, until: float, overlaps: multiprocessing.Value) -> None:  # type: ignore[valid-type]
    """Take and give back the lock as fast as possible; count moments when someone else also held it."""
    marker = Path(holders)
    while time.monotonic() < until:
        log = ReviewLog(Path(log_path))
        try:
            log.acquire()
        except LogError:
            continue
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            with overlaps.get_lock():
                overlaps.value += 1
        else:
            os.close(fd)
            os.unlink(marker)
        finally:
            log.release()


def test_lock_is_never_held_by_two_processes(tmp_path: Path) -> None:
    log_path = tmp_path / "article.txt.review.jsonl"
    context = multiprocessing.get_context("fork")
    overlaps = context.Value("i", 0)
    until = time.monotonic() + 3
    workers = [context.Process(target=_hammer, args=(str(log_path), str(tmp_path / "holder"), until, overlaps))
               for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert [worker.exitcode for worker in workers] == [0, 0, 0]
    assert overlaps.value == 0


def test_release_keeps_the_lock_file_and_a_new_session_takes_it(tmp_path: Path) -> None:
    log = ReviewLog(tmp_path / "a.review.jsonl")
    log.acquire()
    inode = os.stat(log.lock_path).st_ino
    log.release()
    assert log.lock_path.read_text(encoding="utf-8") == ""
    with ReviewLog(tmp_path / "a.review.jsonl") as again:
        assert os.stat(again.lock_path).st_ino == inode
        assert again.lock_path.read_text(encoding="utf-8") == f"pid {os.getpid()}"


def test_a_lock_file_replaced_under_a_waiting_session_is_taken_again(tmp_path: Path) -> None:
    log = ReviewLog(tmp_path / "a.review.jsonl")
    log.lock_path.write_text("", encoding="utf-8")
    real_stat = os.stat
    swapped = []

    def stat_once_swapped(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if path == log.lock_path and not swapped:
            swapped.append(True)
            os.unlink(log.lock_path)
            log.lock_path.write_text("", encoding="utf-8")  # another program put a new file there
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    pytest.MonkeyPatch.context()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "stat", stat_once_swapped)
        log.acquire()
    assert os.fstat(log._lock.fileno()).st_ino == os.stat(log.lock_path).st_ino  # type: ignore[union-attr]
    log.release()


def test_lock_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    log = ReviewLog(tmp_path / "a.review.jsonl")
    os.mkfifo(log.lock_path)
    with pytest.raises(LogError, match="not a regular file"):
        log.acquire()


@pytest.mark.parametrize("spelling", ["lock", "log", "article", "dotted-article", "link-to-article",
                                      "hard-link-to-log", "link-to-lock"])
def test_export_never_writes_onto_the_review_files(spelling: str, article: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    log_path = default_log_path(article)
    log = ReviewLog(log_path)
    log.acquire()
    log.record_position("p1s1")
    before = {path: path.read_bytes() for path in (article, log_path, log.lock_path)}
    targets = {
        "lock": log.lock_path, "log": log_path, "article": article,
        "dotted-article": article.parent / "." / ".." / article.parent.name / article.name,
    }
    if spelling == "link-to-article":
        (tmp_path / "link.txt").symlink_to(article)
        targets[spelling] = tmp_path / "link.txt"
    if spelling == "hard-link-to-log":
        os.link(log_path, tmp_path / "hard.jsonl")
        targets[spelling] = tmp_path / "hard.jsonl"
    if spelling == "link-to-lock":
        (tmp_path / "lock.txt").symlink_to(log.lock_path)
        targets[spelling] = tmp_path / "lock.txt"
    try:
        code = main(["export", str(article), "-o", str(targets[spelling]), "--format", "txt"])
    finally:
        log.release()
    assert code == ExportError.exit_code
    err = capsys.readouterr().err
    assert "refusing to overwrite the" in err
    if spelling in {"log", "hard-link-to-log"}:
        assert "the corrections log" in err
    assert log_path.read_bytes() == before[log_path]
    assert article.read_bytes() == before[article]


def test_export_to_dev_stdout_is_stdout(article: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", str(article), "-o", "/dev/stdout"]) == 0
    assert capsysbinary.readouterr().out == article.read_bytes()


def test_interrupted_export_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "out.txt", b"x" * 1_000_000, protect=review_files(None, None))
    assert list(tmp_path.iterdir()) == []


def test_export_onto_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ExportError, match="not a regular file"):
        atomic_write(tmp_path / "pipe", b"x")


def test_open_on_a_full_disk_is_one_line_and_exit_5(article: Path) -> None:
    """A process that may not grow any file (RLIMIT_FSIZE 0) fails to write the lock as on a full disk."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from support import ROOT  # noqa: PLC0415

    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))\n"
        "from review.cli import main\n"
        "sys.exit(main(['open', sys.argv[1], '--detectors', 'none']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(article)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
    assert result.returncode == LogError.exit_code, result.stderr
    assert result.stderr.count("\n") == 1
    assert "cannot write lock" in result.stderr
    assert not default_log_path(article).exists()
