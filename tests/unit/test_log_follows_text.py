"""The log's records follow the text they were made on; a log reached by a link shares its lock.

A paragraph inserted above renumbers every segment after it: a correction or a check mark stays with
its sentence, a new paragraph is never taken as checked, and an undo after a correction that cannot
be applied undoes that one, not the valid correction before it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.document import load_document
from review.errors import LogLocked
from review.model import Correction
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path

NEW_PARAGRAPH = "Un nouveau paragraphe ajouté après coup."


@pytest.fixture
def session(article: Path) -> Session:
    log = ReviewLog(default_log_path(article))
    log.acquire()
    yield Session.open(load_document(article), log)
    log.release()


def _insert_after_headline(article: Path) -> None:
    headline, rest = article.read_text(encoding="utf-8").split("\n\n", 1)
    article.write_text(f"{headline}\n\n{NEW_PARAGRAPH}\n\n{rest}", encoding="utf-8")


def _append(article: Path, *records: dict[str, object]) -> None:
    with default_log_path(article).open("a", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_an_undo_after_a_correction_that_no_longer_applies_leaves_the_earlier_one(
        session: Session, article: Path) -> None:
    first, fifth = session.segments[0], session.segments[4]
    session.correct(first, "L'Iran et le Pakistan conviennent de renforcer leur coopération.")
    session.correct(fifth, fifth.text.replace("assez rapidement", "très vite"))
    session.undo()
    article.write_text(article.read_text(encoding="utf-8").replace("assez rapidement", "très rapidement"),
                       encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {first.id: "L'Iran et le Pakistan conviennent de renforcer leur coopération."}
    assert len(state.problems) == 1
    assert fifth.id in state.problems[0]


def test_an_undo_after_a_malformed_correction_undoes_that_record(session: Session, article: Path) -> None:
    first, second = session.segments[0], session.segments[1]
    session.correct(first, "Première correction.")
    _append(article,
            {"type": "correction", "segment": second.id, "original": second.text, "text": "x", "severity": "huge"},
            {"type": "undo", "segment": second.id})
    state = replay(default_log_path(article), session.document)
    assert state.texts == {first.id: "Première correction."}
    assert "severity" in state.problems[0]


def test_corrections_and_check_marks_follow_their_sentence_when_a_paragraph_is_inserted(
        session: Session, article: Path) -> None:
    second, third = session.segments[1], session.segments[2]
    session.correct(second, second.text.replace("respectifs", "respectif"))
    session.toggle_reviewed(second)
    session.toggle_reviewed(third)
    _insert_after_headline(article)
    document = load_document(article)
    state = replay(default_log_path(article), document)
    assert document.segments[1].text == NEW_PARAGRAPH
    moved_second, moved_third = document.segments[2], document.segments[3]
    assert (moved_second.text, moved_third.text) == (second.text, third.text)
    assert state.texts == {moved_second.id: second.text.replace("respectifs", "respectif")}
    assert state.history[0].segment_id == moved_second.id
    assert state.reviewed == frozenset({moved_second.id, moved_third.id})
    assert document.segments[1].id not in state.reviewed
    assert state.problems == ()


def test_a_check_mark_on_a_sentence_that_changed_is_reported_not_applied(session: Session, article: Path) -> None:
    first = session.segments[0]
    session.toggle_reviewed(first)
    article.write_text(article.read_text(encoding="utf-8").replace("accusent", "conviennent"), encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.reviewed == frozenset()
    assert "check mark not applied" in state.problems[0]


def test_an_unchecked_mark_follows_its_sentence_too(session: Session, article: Path) -> None:
    third = session.segments[2]
    session.toggle_reviewed(third)
    session.toggle_reviewed(third)
    _insert_after_headline(article)
    assert replay(default_log_path(article), load_document(article)).reviewed == frozenset()


def test_a_check_mark_an_older_log_wrote_without_its_text_keeps_its_id(article: Path) -> None:
    _append(article, {"type": "reviewed", "segment": "p3s1"})
    state = replay(default_log_path(article), load_document(article))
    assert state.reviewed == frozenset({"p3s1"})


def test_a_sentence_the_article_now_holds_twice_anchors_nowhere(session: Session, article: Path) -> None:
    second = session.segments[1]
    session.correct(second, "Corrigé.")
    headline, rest = article.read_text(encoding="utf-8").split("\n\n", 1)
    article.write_text(f"{headline}\n\n{NEW_PARAGRAPH}\n\n{second.text}\n\n{rest}", encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {}
    assert "no longer reads" in state.problems[0]


def test_an_undo_made_after_the_article_changed_takes_back_what_the_session_showed(article: Path) -> None:
    log = ReviewLog(default_log_path(article))
    log.acquire()
    session = Session.open(load_document(article), log)
    first, fifth = session.segments[0], session.segments[4]
    session.correct(first, "Première correction.")
    session.correct(fifth, fifth.text.replace("assez rapidement", "très vite"))
    log.release()
    article.write_text(article.read_text(encoding="utf-8").replace("assez rapidement", "très rapidement"),
                       encoding="utf-8")
    log.acquire()
    reopened = Session.open(load_document(article), log)
    assert reopened.text(reopened.segments[0]) == "Première correction."
    undone = reopened.undo()
    log.release()
    assert undone is not None
    assert undone.segment_id == first.id
    assert replay(default_log_path(article), load_document(article)).texts == {}


def test_a_log_reached_through_a_symbolic_link_shares_the_logs_lock(article: Path) -> None:
    log_path = default_log_path(article)
    log_path.touch()
    link = article.with_name("link.jsonl")
    link.symlink_to(log_path.name)
    first = ReviewLog(log_path)
    first.acquire()
    try:
        with pytest.raises(LogLocked, match="open in another review session"):
            ReviewLog(link).acquire()
    finally:
        first.release()
    second = ReviewLog(link)
    second.acquire()  # free again once the first session closed
    second.release()


def test_a_log_that_is_a_symbolic_link_loop_is_an_unreadable_log(article: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from review.cli import main  # noqa: PLC0415

    loop_one, loop_two = tmp_path / "l1.jsonl", tmp_path / "l2.jsonl"
    loop_one.symlink_to(loop_two.name)
    loop_two.symlink_to(loop_one.name)
    assert main(["export", str(article), "--log", str(loop_one), "-o", str(tmp_path / "out.txt")]) == 5
    assert "cannot be reached" in capsys.readouterr().err
    assert not (tmp_path / "out.txt").exists()
    default_log_path(article).symlink_to(loop_one.name)
    assert main(["score", "--post-edited", str(article)]) == 5


def test_an_article_opened_through_a_link_keeps_its_work_beside_the_file(article: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from review.cli import main  # noqa: PLC0415

    (tmp_path / "desk").mkdir()
    link = tmp_path / "desk" / "today.txt"
    link.symlink_to(article)
    assert default_log_path(link) == default_log_path(article)
    first = ReviewLog(default_log_path(article))
    first.acquire()
    try:  # a session through the link and one on the file itself: one lock
        with pytest.raises(LogLocked, match="open in another review session"):
            ReviewLog(default_log_path(link)).acquire()
        segment = load_document(article).segments[0]
        fixed = Correction(segment.id, segment.text, "Corrigé par le relecteur.", "2026-12-05T03:00:00Z")
        first.record_correction(fixed)
    finally:
        first.release()
    assert main(["export", str(link), "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("Corrigé par le relecteur.")
    assert not (tmp_path / "desk" / "today.txt.review.jsonl").exists()
    capsys.readouterr()


def test_a_log_already_beside_a_link_stays_in_use(article: Path, tmp_path: Path) -> None:
    link = tmp_path / "today.txt"
    link.symlink_to(article)
    beside = tmp_path / "today.txt.review.jsonl"
    beside.write_text('{"type": "position", "segment": "p1s1"}\n', encoding="utf-8")
    assert default_log_path(link) == beside
