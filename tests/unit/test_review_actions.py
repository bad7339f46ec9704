"""Word diffs, undo/redo of any action, what an applied fix does to the next flags, message elision."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.diff import Change, word_changes
from review.document import load_document
from review.flags.refixed import applied_fix, raised_by_change, relocated, without_refixed
from review.model import Flag, Severity
from review.replay import replay
from review.scoring.report import segmentation_note
from review.session import Session
from review.store import ReviewLog, default_log_path
from review.undo import History


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("a b c", "a b c", []),
    ("Iran et le Pakistan accusent de renforcer", "Iran et le Pakistan conviennent de renforcer",
     [Change(20, 31, "accusent")]),
    ("le chat dort", "le chat noir dort", [Change(8, 12, "")]),
    ("le chat noir dort", "le chat dort", [Change(8, 8, "noir")]),
    ("le chat dort ici", "le chat dort", [Change(12, 12, "ici")]),
    ("a  b", "a b", [Change(0, 3, "")]),
], ids=["same", "replaced", "inserted", "deleted", "deleted-at-end", "spacing-only"])
def test_word_changes(old: str, new: str, expected: list[Change]) -> None:
    assert word_changes(old, new) == expected


@pytest.fixture
def history(article: Path) -> History:
    log = ReviewLog(default_log_path(article))
    log.acquire()
    yield History(Session.open(load_document(article), log))
    log.release()


def _flag(segment_id: str, text: str, span: str, detector: str = "lexicon", message: str = "m") -> Flag:
    start = text.index(span)
    return Flag(segment_id, start, start + len(span), detector, "accuracy/mistranslation", Severity.MAJOR, message,
                ("conviennent de",), 0.8, span)


def test_undo_takes_back_the_last_action_whatever_it_was(history: History, article: Path) -> None:
    session = history.session
    first = session.segments[0]
    flag = _flag(first.id, first.text, "accusent de")
    history.correct(first, first.text.replace("accusent", "conviennent"))
    history.dismiss(flag)
    history.toggle_reviewed(session.segments[1])
    assert history.undo().kind == "reviewed"
    assert not session.is_reviewed(session.segments[1])
    assert history.undo().kind == "dismiss"
    assert flag.id not in session.state.dismissed
    assert history.undo().kind == "correction"
    assert session.text(first) == first.text
    assert history.undo() is None
    assert history.redo().kind == "correction"
    assert history.redo().kind == "dismiss"
    state = replay(default_log_path(article), load_document(article))
    assert state.texts == {first.id: first.text.replace("accusent", "conviennent")}
    assert state.dismissed == {flag.id}
    assert history.redo().kind == "reviewed"
    assert history.redo() is None


def test_a_new_action_clears_redo(history: History) -> None:
    first = history.session.segments[0]
    history.toggle_reviewed(first)
    history.undo()
    history.toggle_reviewed(history.session.segments[1])
    assert history.redo() is None


def test_undo_after_reopening_takes_back_the_last_correction(article: Path) -> None:
    document = load_document(article)
    with ReviewLog(default_log_path(article)) as log:
        Session.open(document, log).correct(document.segments[0], "Titre corrigé")
    with ReviewLog(default_log_path(article)) as log:
        history = History(Session.open(document, log))
        action = history.undo()
        assert action is not None
        assert action.kind == "correction"
        assert history.session.text(document.segments[0]) == document.segments[0].text


TEXT = "Iran et le Pakistan accusent de renforcer leur coopération"
FIXED = "Iran et le Pakistan conviennent de renforcer leur coopération"


def test_a_detector_does_not_flag_its_own_suggestion_again() -> None:
    fix = applied_fix(_flag("p1s1", TEXT, "accusent de"), "conviennent de")
    again = [_flag("p1s1", FIXED, "conviennent de"), _flag("p1s1", FIXED, "conviennent de", detector="grammar"),
             _flag("p1s1", FIXED, "renforcer")]
    kept = without_refixed(again, [fix], {"p1s1": FIXED})
    assert [(flag.detector, flag.span_text) for flag in kept] == [("grammar", "conviennent de"),
                                                                   ("lexicon", "renforcer")]
    assert without_refixed(again, [fix], {"p1s1": TEXT}) == again  # the fix was undone: it counts no more


def test_flags_raised_by_a_change_are_the_new_ones() -> None:
    before = [_flag("p1s1", TEXT, "coopération", message="old")]
    after = [_flag("p1s1", FIXED, "coopération", message="old"), _flag("p1s1", FIXED, "renforcer", message="new")]
    assert [flag.span_text for flag in raised_by_change(before, after)] == ["renforcer"]


def test_flags_follow_their_words_or_go_after_a_change() -> None:
    flags = [_flag("p1s1", TEXT, "accusent de"), _flag("p1s1", TEXT, "coopération"), _flag("p2s1", "x y", "y")]
    moved = relocated(flags, "p1s1", FIXED)
    assert [(flag.segment_id, flag.span_text, flag.start) for flag in moved] == [
        ("p1s1", "coopération", FIXED.index("coopération")), ("p2s1", "y", 2)]


@pytest.mark.parametrize(("unit", "needle"), [("sentences", "--lines"), ("lines", "same")], ids=["sentences", "lines"])
def test_score_says_which_segments_it_used(unit: str, needle: str) -> None:
    note = segmentation_note(unit, 16)
    assert f"16 {unit}" in note
    assert needle in note


def test_a_dismissal_survives_a_reworded_message_and_a_log_from_review_0_1(article: Path) -> None:
    import dataclasses  # noqa: PLC0415

    document = load_document(article)
    first = document.segments[0]
    flag = _flag(first.id, first.text, "accusent de", message="« accusent de » likely mistranslates")
    reworded = dataclasses.replace(flag, message="« accusent de » probably means something else here")
    other_span = _flag(first.id, first.text, "Pakistan" if "Pakistan" in first.text else first.text.split()[0])
    assert reworded.id == flag.id != other_span.id
    assert reworded.legacy_id != flag.legacy_id
    with ReviewLog(default_log_path(article)) as log:
        log.record_dismiss(flag.legacy_id, first.id)  # what review 0.1 wrote: the message was in the id
        session = Session.open(document, log)
        session.set_flags([flag, other_span])
        assert session.open_flags(first) == [other_span]
        session.restore(flag)
        assert set(session.open_flags(first)) == {flag, other_span}
        session.dismiss(reworded)
    state = replay(default_log_path(article), document)
    assert state.is_dismissed(flag)
    assert state.is_dismissed(reworded)
    assert not state.is_dismissed(other_span)
    assert flag.legacy_id not in state.dismissed  # restored for good, then dismissed under the stable id
