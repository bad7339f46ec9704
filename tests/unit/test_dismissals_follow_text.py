"""A dismissal follows the text its flag was on, like corrections and check marks: when the article
changes between sessions it never hides the flag of another sentence that took its segment's id."""

from __future__ import annotations

import json
from pathlib import Path

from review.document import load_document
from review.model import Flag, Severity
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path

FIRST = "Iran et le Pakistan accusent de renforcer leur coopération."
SECOND = "Iran et la Turquie accusent de signer un accord."
THIRD = "Le ministre a déclaré que les deux pays avaient plusieurs canaux de communication."


def _iran(segment_id: str) -> Flag:
    return Flag(segment_id=segment_id, start=0, end=4, detector="grammar", category="fluency/grammar",
                severity=Severity.MAJOR, message="the country name « Iran » needs its article here",
                suggestions=("L'Iran",), confidence=0.7, span_text="Iran")


def _dismiss_the_first_iran(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(f"{FIRST}\n\n{SECOND}\n\n{THIRD}\n", encoding="utf-8")
    with ReviewLog(default_log_path(article)) as log:
        session = Session.open(load_document(article), log)
        session.set_flags([_iran("p1s1"), _iran("p2s1")])
        session.dismiss(_iran("p1s1"))
        assert session.open_flags() == [_iran("p2s1")]
    return article


def test_a_dismissal_never_lands_on_the_sentence_that_took_its_segments_id(tmp_path: Path) -> None:
    article = _dismiss_the_first_iran(tmp_path)
    article.write_text(f"{SECOND}\n\n{THIRD}\n", encoding="utf-8")  # the first paragraph removed on disk
    state = replay(default_log_path(article), load_document(article))
    assert not state.is_dismissed(_iran("p1s1"))  # now the Turkish sentence's flag: never judged
    assert any("dismissal not applied" in problem for problem in state.problems)


def test_a_dismissal_follows_its_sentence_to_its_new_id(tmp_path: Path) -> None:
    article = _dismiss_the_first_iran(tmp_path)
    article.write_text(f"Un chapeau ajouté.\n\n{FIRST}\n\n{SECOND}\n\n{THIRD}\n", encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.is_dismissed(_iran("p2s1"))  # the Pakistani sentence, moved down
    assert not state.is_dismissed(_iran("p3s1"))
    assert not state.is_dismissed(_iran("p1s1"))
    assert state.problems == ()


def test_a_dismissal_of_an_older_log_without_its_text_keeps_its_id(tmp_path: Path) -> None:
    article = _dismiss_the_first_iran(tmp_path)
    log_path = default_log_path(article)
    records = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()]
    older = [{key: value for key, value in record.items() if key not in {"original", "key"}} for record in records]
    log_path.write_text("".join(json.dumps(record) + "\n" for record in older), encoding="utf-8")
    state = replay(log_path, load_document(article))
    assert state.is_dismissed(_iran("p1s1"))
    assert not state.is_dismissed(_iran("p2s1"))


def test_a_restore_undoes_a_moved_dismissal(tmp_path: Path) -> None:
    article = _dismiss_the_first_iran(tmp_path)
    with ReviewLog(default_log_path(article)) as log:
        session = Session.open(load_document(article), log)
        session.set_flags([_iran("p1s1"), _iran("p2s1")])
        session.restore(_iran("p1s1"))
    article.write_text(f"Un chapeau ajouté.\n\n{FIRST}\n\n{SECOND}\n\n{THIRD}\n", encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.dismissed == frozenset()
