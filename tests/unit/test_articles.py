"""The article list of ``review serve``: which files are served, under which key, with which counts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import SAMPLE

from review.articles import find_articles, record_open_flags, summaries, summarize
from review.document import load_document
from review.session import Session
from review.store import ReviewLog, default_log_path, read_records


def write(path: Path, text: str = "Une phrase.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "given", "keys"),
    [
        pytest.param(["a/b.txt", "a/a.txt"], ["a"], ["a.txt", "b.txt"], id="folder-sorted"),
        pytest.param(["a/a.txt", "a/notes.md", "a/.hidden.txt", "a/a.txt.review.jsonl"], ["a"], ["a.txt"],
                     id="only-visible-txt"),
        pytest.param(["a/x.txt", "b/x.txt"], ["a", "b"], ["x.txt", "b-x.txt"], id="same-name-two-folders"),
        pytest.param(["a/x.txt", "a/y.md"], ["a", "a/y.md"], ["x.txt", "y.md"], id="file-given-as-is"),
        pytest.param(["a/x.txt"], ["a/x.txt", "a"], ["x.txt"], id="same-file-once"),
        pytest.param(["a/notes.md"], ["a"], [], id="no-article"),
        pytest.param(["a/story.fr.txt", "a/story.reviewed.txt"], ["a"], ["story.fr.txt"], id="not-the-exports"),
        pytest.param(["a/story.reviewed.txt"], ["a/story.reviewed.txt"], ["story.reviewed.txt"],
                     id="an-export-named-is-served"),
    ],
)
def test_find_articles(tmp_path: Path, files: list[str], given: list[str], keys: list[str]) -> None:
    for name in files:
        write(tmp_path / name)
    assert list(find_articles([tmp_path / name for name in given])) == keys


def test_counts_come_from_the_log(tmp_path: Path) -> None:
    article = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, article)
    fresh = summarize("sample", article)
    assert (fresh.segments, fresh.reviewed, fresh.corrected, fresh.open_flags, fresh.problem) == (16, 0, 0, None, None)

    log = ReviewLog(default_log_path(article))
    with log:
        session = Session.open(load_document(article), log)
        session.correct(session.segments[0], "L'Iran et le Pakistan conviennent de renforcer leur coopération")
        session.toggle_reviewed(session.segments[1])
        record_open_flags(log, 5)
    after = summarize("sample", article)
    assert (after.segments, after.reviewed, after.corrected, after.open_flags) == (16, 2, 1, 5)


def test_open_flag_count_written_only_when_it_changes(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt")
    log = ReviewLog(default_log_path(article))
    for count in (3, 3, 2):
        record_open_flags(log, count)
    records, _ = read_records(log.path)
    assert [line.record["open"] for line in records] == [3, 2]
    assert summarize("a.txt", article).open_flags == 2


def test_read_only_session_records_nothing(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt")
    record_open_flags(ReviewLog(default_log_path(article), read_only=True), 4)
    assert not default_log_path(article).exists()


def test_unreadable_article_is_listed_with_its_reason(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "good.txt")
    listed = {summary.key: summary for summary in summaries([tmp_path])}
    assert listed["empty.txt"].problem is not None
    assert "empty" in listed["empty.txt"].problem
    assert listed["good.txt"].problem is None
    assert listed["good.txt"].segments == 1
