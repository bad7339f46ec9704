"""The counts and open flags the screen asks after every key are kept by each action, and equal a recount."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from review.document import load_document
from review.model import Category, Flag, Severity
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path
from review.undo import History


def recount(session: Session) -> dict[str, int]:
    """The counts worked out from scratch, the way they were before they were kept."""
    state = session.state
    return {
        "segments": len(session.document.cut_segments),  # an article still being cut counts what is cut
        "reviewed": len(state.reviewed | set(state.texts)),
        "corrected": len(state.texts),
        "flags": sum(flag.id not in state.dismissed for flag in session.flags),
    }


def flag_on(session: Session, index: int, start: int = 0, severity: Severity = Severity.MAJOR) -> Flag:
    segment = session.segments[index]
    return Flag(segment_id=segment.id, start=start, end=start + 3, detector="lexicon",
                category=Category.MISTRANSLATION.value, severity=severity, message="a test flag",
                span_text=segment.text[start:start + 3])


@pytest.fixture
def session(article: Path) -> Session:
    log = ReviewLog(default_log_path(article))
    log.acquire()
    opened = Session.open(load_document(article), log)
    opened.set_flags([flag_on(opened, 0), flag_on(opened, 0, 5, Severity.MINOR), flag_on(opened, 2),
                      flag_on(opened, 4, 2, Severity.CRITICAL)])
    yield opened
    log.release()


def edit(session: Session, index: int) -> None:
    segment = session.segments[index]
    session.correct(segment, session.text(segment) + " (revu)")


def put_back(session: Session, index: int) -> None:
    """Correct a segment back to its machine French: it stops being corrected."""
    segment = session.segments[index]
    session.correct(segment, segment.text)


def check(index: int) -> Callable[[History], object]:
    return lambda history: history.session.toggle_reviewed(history.session.segments[index])


def dismiss(index: int) -> Callable[[History], object]:
    return lambda history: history.session.dismiss(history.session.flags[index])


def restore(index: int) -> Callable[[History], object]:
    return lambda history: history.session.restore(history.session.flags[index])


def undo(history: History) -> object:
    return history.session.undo()


STEPS: dict[str, list[Callable[[History], object]]] = {
    "edits": [lambda h: edit(h.session, 0), lambda h: edit(h.session, 1), lambda h: edit(h.session, 0)],
    "edit then put back": [lambda h: edit(h.session, 3), lambda h: put_back(h.session, 3)],
    "undo of edits": [lambda h: edit(h.session, 0), lambda h: edit(h.session, 0), undo, undo, undo],
    "checked marks": [check(1), check(2), check(1)],
    "checked then corrected": [check(1), lambda h: edit(h.session, 1), check(1), undo],
    "corrected then checked": [lambda h: edit(h.session, 2), check(2), undo, check(2)],
    "dismiss and restore": [dismiss(0), dismiss(0), dismiss(2), restore(0), restore(0)],
    "undo and redo of every kind": [lambda h: h.correct(h.session.segments[0], "Autre texte."),
                                    lambda h: h.dismiss(h.session.flags[1]),
                                    lambda h: h.toggle_reviewed(h.session.segments[5]),
                                    History.undo, History.undo, History.undo,
                                    History.redo, History.redo, History.redo],
    "new flags": [dismiss(3), lambda h: h.session.set_flags([*h.session.flags, flag_on(h.session, 6)]),
                  lambda h: h.session.set_flags(h.session.flags[2:])],
    "position": [lambda h: h.session.remember_position(h.session.segments[7]), lambda h: edit(h.session, 7)],
}


@pytest.mark.parametrize("steps", STEPS.values(), ids=STEPS.keys())
def test_kept_counts_equal_a_recount_after_each_action(session: Session,
                                                       steps: list[Callable[[History], object]]) -> None:
    history = History(session)
    assert session.counts() == recount(session)
    for step in steps:
        step(history)
        assert session.counts() == recount(session)


def test_counts_follow_a_state_replaced_from_outside(session: Session, article: Path) -> None:
    edit(session, 0)
    assert session.counts()["corrected"] == 1
    session.state = replay(default_log_path(article), session.document)  # what a reload of the log does
    session.state = replace(session.state, reviewed=session.state.reviewed | {session.segments[9].id})
    assert session.counts() == recount(session)
    session.toggle_reviewed(session.segments[9])  # an action after the replacement starts from the recount
    assert session.counts() == recount(session)


def test_the_articles_open_flags_follow_dismissals_and_new_flags(session: Session) -> None:
    first = session.open_flags()
    assert first[0].severity is Severity.CRITICAL  # riskiest first
    first.clear()  # a caller's copy: the session's list is untouched
    assert len(session.open_flags()) == 4
    dismissed = session.flags[2]
    session.dismiss(dismissed)
    assert dismissed not in session.open_flags()
    assert len(session.open_flags()) == 3
    session.restore(dismissed)
    assert dismissed in session.open_flags()
    session.set_flags(session.flags[:1])
    assert session.open_flags() == session.flags


def test_a_segment_is_found_by_id_as_a_scan_finds_it(session: Session) -> None:
    document = session.document
    for segment in document.segments:
        assert document.segment(segment.id) is segment
        assert session.segment(segment.id) is segment
    with pytest.raises(KeyError, match="no segment 'p99s1'"):
        document.segment("p99s1")
    session.remember_position(document.segments[-1])
    assert session.start_index() == document.segments[-1].index
