"""The corrections log: durable records, replay, torn lines, locking."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from review.document import load_document
from review.errors import LogError
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path, read_records


@pytest.fixture
def session(article: Path) -> Session:
    document = load_document(article)
    log = ReviewLog(default_log_path(article))
    log.acquire()
    yield Session.open(document, log)
    log.release()


def test_corrections_survive_reopening(session: Session, article: Path) -> None:
    first, second = session.segments[0], session.segments[1]
    session.correct(first, "L'Iran et le Pakistan conviennent de renforcer leur coopération.",
                    category="accuracy/mistranslation", severity="critical", note="agree, not accuse")
    session.correct(second, second.text.replace("respectifs", "respectif"))
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {first.id: "L'Iran et le Pakistan conviennent de renforcer leur coopération.",
                           second.id: second.text.replace("respectifs", "respectif")}
    assert state.history[0].category == "accuracy/mistranslation"
    assert state.history[0].severity == "critical"
    assert state.history[0].note == "agree, not accuse"
    assert state.problems == ()


def test_undo_restores_the_previous_text(session: Session, article: Path) -> None:
    first = session.segments[0]
    session.correct(first, "Version une.")
    session.correct(first, "Version deux.")
    assert session.undo() is not None
    assert session.text(first) == "Version une."
    assert session.undo() is not None
    assert session.text(first) == first.text
    assert session.undo() is None
    state = replay(default_log_path(article), session.document)
    assert state.texts == {}
    kinds = [line.record["type"] for line in read_records(default_log_path(article))[0]]
    assert kinds == ["correction", "correction", "undo", "undo"]


def test_every_record_is_on_disk_when_correct_returns(session: Session, article: Path) -> None:
    session.correct(session.segments[2], "Texte corrigé.")
    lines = default_log_path(article).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    assert record["type"] == "correction"
    assert record["segment"] == session.segments[2].id
    assert record["original"] == session.segments[2].text
    assert record["text"] == "Texte corrigé."
    assert "time" in record


def test_torn_last_line_is_reported_skipped_and_kept(session: Session, article: Path) -> None:
    session.correct(session.segments[0], "Bonne correction.")
    log_path = default_log_path(article)
    torn = '{"type": "correction", "segment": "p2s1", "orig'
    with log_path.open("a", encoding="utf-8") as handle:
        handle.write(torn)
    before = log_path.read_bytes()
    state = replay(log_path, session.document)
    assert state.texts == {"p1s1": "Bonne correction."}
    assert len(state.problems) == 1
    assert "torn" in state.problems[0]
    assert log_path.read_bytes() == before  # reading never rewrites
    # a later record is written on its own line, the torn bytes stay as they were
    session.correct(session.segments[2], "Après la coupure.")
    raw = log_path.read_text(encoding="utf-8")
    assert torn + "\n" in raw
    assert replay(log_path, session.document).texts["p3s1"] == "Après la coupure."


def test_correction_of_a_changed_article_is_not_applied(session: Session, article: Path) -> None:
    session.correct(session.segments[0], "Correction.")
    article.write_text(article.read_text(encoding="utf-8").replace("accusent", "conviennent"), encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {}
    assert "no longer reads" in state.problems[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"\xff\xfe\x00garbage", "not UTF-8", id="not-utf8"),
        pytest.param("dir", "is a directory", id="directory"),
    ],
)
def test_unreadable_log_is_refused_and_left_alone(article: Path, content: bytes | str, message: str) -> None:
    log_path = default_log_path(article)
    if content == "dir":
        log_path.mkdir()
    else:
        log_path.write_bytes(content)
    with pytest.raises(LogError, match=message):
        replay(log_path, load_document(article))
    if content != "dir":
        assert log_path.read_bytes() == content


def _try_lock(path: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        ReviewLog(Path(path)).acquire()
        queue.put("acquired")
    except LogError as error:
        queue.put(error.message)


def test_second_session_is_refused(article: Path) -> None:
    log_path = default_log_path(article)
    with ReviewLog(log_path):
        queue: multiprocessing.Queue[str] = multiprocessing.Queue()
        other = multiprocessing.get_context("fork").Process(target=_try_lock, args=(str(log_path), queue))
        other.start()
        other.join(10)
        answer = queue.get(timeout=5)
    assert "open in another review session" in answer
    assert "--read-only" in answer
    # once released, a new session may take it
    with ReviewLog(log_path) as again:
        assert again.lock_path.exists()


def test_read_only_log_refuses_to_write(article: Path) -> None:
    log = ReviewLog(default_log_path(article), read_only=True)
    session = Session.open(load_document(article), log)
    with pytest.raises(LogError, match="read-only"):
        session.correct(session.segments[0], "Nouveau texte.")
    assert not default_log_path(article).exists()


def test_dismissals_reviewed_marks_and_position_are_replayed(session: Session, article: Path) -> None:
    from review.model import Flag, Severity  # noqa: PLC0415

    flag = Flag("p1s1", 20, 28, "lexicon", "accuracy/mistranslation", Severity.CRITICAL, "why", span_text="accusent")
    session.dismiss(flag)
    session.toggle_reviewed(session.segments[3])
    session.remember_position(session.segments[5])
    state = replay(default_log_path(article), session.document)
    assert state.dismissed == {flag.id}
    assert state.reviewed == {session.segments[3].id}
    assert state.position == session.segments[5].id


def test_the_open_flag_count_a_session_writes_replays_without_a_warning(session: Session, article: Path) -> None:
    """`review open` writes a ``flags`` record when it quits; reopening must not call it unknown (it did)."""
    from review.articles import last_open_flags, record_open_flags  # noqa: PLC0415

    record_open_flags(session.log, 5)
    state = replay(default_log_path(article), session.document)
    assert state.problems == ()
    assert last_open_flags(default_log_path(article)) == 5


def test_a_flags_record_whose_count_is_not_an_integer_is_reported(session: Session, article: Path) -> None:
    session.log.append({"type": "flags", "open": "five"})
    state = replay(default_log_path(article), session.document)
    assert len(state.problems) == 1
    assert "flags record's 'open' is \"five\", not an integer" in state.problems[0]
