"""An export never lands on a corrections log, and output that cannot be written is exit 6, not a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from review.cli import main
from review.store import default_log_path


def test_an_export_through_a_link_to_the_article_spares_the_articles_own_log(
        article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = default_log_path(article)
    log.write_text('{"type": "position", "segment": "p3s1"}\n', encoding="utf-8")
    before = log.read_bytes()
    link = article.with_name("link.txt")
    link.symlink_to(article.name)
    assert main(["export", str(link), "-o", str(log)]) == 6
    assert log.read_bytes() == before
    assert "refusing to overwrite the corrections log" in capsys.readouterr().err  # the link's log is the file's


def test_an_export_never_writes_a_file_named_like_a_log(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = article.with_name("other.txt.review.jsonl")
    assert main(["export", str(article), "-o", str(target), "--format", "jsonl"]) == 6
    assert not target.exists()
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("spelling", ["direct", "link"])
def test_an_export_never_replaces_another_article_under_review(article: Path, spelling: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """An article with a log beside it is a reviewer's work: replaced, its machine French was gone and its log's
    corrections no longer applied ("segment p1s1 no longer reads as it did")."""
    other = article.with_name("other.fr.txt")
    other.write_text("Une autre dépêche, en cours de relecture.\n", encoding="utf-8")
    default_log_path(other).write_text('{"type": "position", "segment": "p1s1"}\n', encoding="utf-8")
    target = other
    if spelling == "link":
        target = article.with_name("shortcut.txt")
        target.symlink_to(other.name)
    assert main(["export", str(article), "-o", str(target)]) == 6
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is an article under review (its corrections log other.fr.txt.review.jsonl is beside it)" in err
    assert other.read_text(encoding="utf-8") == "Une autre dépêche, en cours de relecture.\n"
    default_log_path(other).unlink()  # a file without a log is an ordinary existing output: replaced
    assert main(["export", str(article), "-o", str(target)]) == 0
    assert other.read_text(encoding="utf-8") == article.read_text(encoding="utf-8")


def test_an_export_into_a_file_taken_for_a_folder_says_so(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = article.with_name("afile")
    taken.write_text("", encoding="utf-8")
    assert main(["export", str(article), "-o", str(taken / "x.txt")]) == 6
    assert f"{taken} is a file, not a folder" in capsys.readouterr().err


def test_a_csv_without_the_language_column_says_what_it_found(article: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    flags_csv = tmp_path / "flags.csv"
    flags_csv.write_text("segment,span,message\np1s1,0-4,« Iran » needs its article here and much more text\n",
                         encoding="utf-8")
    assert main(["flag", str(article), "--source", str(flags_csv), "--detectors", "source"]) == 3
    err = capsys.readouterr().err
    assert "has no 'en' column (its first row: 'segment', 'span', 'message')" in err
    assert "languages found" not in err


@pytest.mark.parametrize("command", [["export", "{article}", "-o", "-"], ["flag", "{article}"]],
                         ids=["export-stdout", "flag"])
def test_stdout_on_a_full_disk_is_exit_6_in_one_line(article: Path, command: list[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    words = [word.replace("{article}", str(article)) for word in command]
    with Path("/dev/full").open("w") as full:
        done = subprocess.run([sys.executable, "-m", "review", *words], stdout=full, stderr=subprocess.PIPE,
                              text=True, check=False, timeout=120,
                              env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin", "HOME": str(article.parent)})
    assert done.returncode == 6, done.stderr
    assert done.stderr.strip().splitlines() == [
        "review: cannot write the output (No space left on device): free some space, or write elsewhere"]


@pytest.mark.parametrize(("name", "warned"), [("report.docx", True), ("story.fr", False), ("story.pt-BR", False),
                                               ("story", False), ("story.TXT", False)])
def test_an_extension_review_does_not_write_is_said(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    name: str, warned: bool) -> None:
    """« -o report.docx » wrote plain text a word processor then refuses, and said only 'wrote report.docx (txt)'."""
    assert main(["export", str(article), "-o", str(tmp_path / name), "--no-flags"]) == 0
    err = capsys.readouterr().err
    assert ("is not a format review writes: writing plain text" in err) == warned
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(article.read_text(encoding="utf-8")[:20])
