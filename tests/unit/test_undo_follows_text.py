"""An undo takes back the very correction the reviewer undid, however the article changed before or after it.

A segment id names whatever sentence stands there in the article as it is now: an undo made after a
paragraph was inserted names the correction's new id, which the next change gives to another sentence
(or to none), and a correction logged under that id may lie after it in the log without applying.  So
an undo names its correction's record (its original, text and time); the undos older versions wrote,
by segment id or by nothing, replay as they always did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from review.document import load_document
from review.model import Correction
from review.replay import replay
from review.store import ReviewLog, default_log_path
from review.undo import History
from review.workbench import Workbench

PARAGRAPHS = {
    "A": "Le gouvernement a annoncé hier une réforme des retraites.",
    "B": "Les syndicats ont immédiatement appelé à la grève générale.",
    "C": "Le ministre a défendu son projet devant les députés.",
    "D": "La réforme doit entrer en vigueur au début de l'année prochaine.",
    "N": "Un nouveau paragraphe ajouté par la rédaction.",
    "c": "Le ministre a défendu sa réforme devant les députés.",  # C as the newsroom edited it
}


def _fixed(key: str) -> str:
    return PARAGRAPHS[key].replace(".", " (corrigé).")


def _write(article: Path, keys: str) -> None:
    article.write_text("\n\n".join(PARAGRAPHS[key] for key in keys) + "\n", encoding="utf-8")


def _open(article: Path) -> Workbench:
    return Workbench.open(article, read_only=False, lock=True, detectors=())


def _corrected(article: Path) -> str:
    """The paragraphs a fresh replay of the log shows corrected, by key, in the article's order."""
    document = load_document(article)
    state = replay(default_log_path(article), document)
    return "".join(key for segment in document.segments if segment.id in state.texts
                   for key, text in PARAGRAPHS.items() if text == segment.text)


@dataclass(frozen=True, slots=True)
class Case:
    """One arrangement: the article of each sitting (a letter a paragraph) and what the reviewer did.

    corrected: the paragraphs corrected in the first sitting, in that order.
    undos: how many times the second sitting, on the article ``second``, presses u (``redo``: then U once).
    third: the article the log is finally replayed on; expected: the paragraphs shown corrected there.
    """

    first: str
    corrected: str
    second: str
    undos: int
    third: str
    expected: str
    redo: bool = False


CASES = {
    # the undo names B's new id, p3s1, under which C was logged: C's record no longer applies
    "a paragraph inserted above and the next one edited": Case("ABCD", "BC", "ANBcD", 1, "ANBcD", ""),
    # the undo of C names p4s1, which is D's id again once N is gone
    "the inserted paragraph removed again after the undo": Case("ABCD", "DC", "ABNCD", 1, "ABCD", "D"),
    "both undone, then the inserted paragraph removed": Case("ABCD", "BC", "ANBCD", 2, "ABCD", ""),
    # the undo of C names p4s1, which no sentence holds once A is gone too
    "a paragraph removed above after the undo": Case("ABCD", "C", "ABNCD", 1, "BNCD", ""),
    "undone and redone, then the inserted paragraph removed": Case("ABCD", "DC", "ABNCD", 1, "ABCD", "CD",
                                                                    redo=True),
    "the undone sentence edited afterwards": Case("ABCD", "BC", "ABCD", 1, "ABcD", "B"),
    "the undone sentence later in the article twice": Case("ABCD", "BC", "ABCD", 1, "ACBCD", "B"),
    "the sentence kept, moved and now in the article twice": Case("ABCD", "BC", "ABCD", 1, "NABCDB", ""),
    "an undo made on the article as it was, then a paragraph inserted": Case("ABCD", "CB", "ABCD", 1, "NABCD", "C"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_an_undo_takes_back_the_correction_the_reviewer_undid(tmp_path: Path, case: Case) -> None:
    article = tmp_path / "article.txt"
    _write(article, case.first)
    bench = _open(article)
    for key in case.corrected:
        bench.correct(next(s for s in bench.document.segments if s.text == PARAGRAPHS[key]), _fixed(key))
    bench.session.log.release()
    _write(article, case.second)
    bench = _open(article)
    history = History(bench.session)
    for _ in range(case.undos):
        assert history.undo() is not None
    if case.redo:
        assert history.redo() is not None
    shown = "".join(key for segment in bench.document.segments if bench.session.is_corrected(segment)
                    for key, text in PARAGRAPHS.items() if text == segment.text)
    bench.session.log.release()
    assert _corrected(article) == shown  # reopened on the article it was made on, it shows what the screen showed
    _write(article, case.third)
    assert _corrected(article) == case.expected


def _log(article: Path, *records: dict[str, object]) -> None:
    with default_log_path(article).open("a", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _correction(segment: str, key: str, time: str) -> dict[str, object]:
    return {"type": "correction", "segment": segment, "original": PARAGRAPHS[key], "previous": PARAGRAPHS[key],
            "text": _fixed(key), "time": time}


OLDER_UNDOS = {
    # by the id the correction was logged under, wherever its sentence went
    "by segment, after a paragraph was inserted": ({"type": "undo", "segment": "p3s1"}, "ANBCD", "B"),
    # by the id the correction applies at now
    "by its present segment": ({"type": "undo", "segment": "p4s1"}, "ANBCD", "B"),
    "by nothing: the latest correction": ({"type": "undo"}, "ANBCD", "B"),
    "by a segment no correction names": ({"type": "undo", "segment": "p9s1"}, "ABCD", "BC"),
}


@pytest.mark.parametrize(("undo", "article_now", "expected"), OLDER_UNDOS.values(), ids=OLDER_UNDOS.keys())
def test_an_undo_an_older_version_wrote_replays_as_it_did(tmp_path: Path, undo: dict[str, object],
                                                          article_now: str, expected: str) -> None:
    article = tmp_path / "article.txt"
    _write(article, article_now)
    _log(article, _correction("p2s1", "B", "2025-01-01T00:00:00Z"), _correction("p3s1", "C", "2025-01-01T00:01:00Z"),
         undo)
    assert _corrected(article) == expected
    assert replay(default_log_path(article), load_document(article)).problems == ()


def test_an_undo_of_a_correction_the_log_does_not_hold_is_reported_and_undoes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    _write(article, "ABCD")
    _log(article, _correction("p2s1", "B", "2025-01-01T00:00:00Z"),
         {"type": "undo", "segment": "p2s1", "original": PARAGRAPHS["B"], "text": "autre chose",
          "made": "2025-01-01T00:00:00Z"})
    state = replay(default_log_path(article), load_document(article))
    assert set(state.texts) == {"p2s1"}
    assert "undo of a correction the log does not hold" in state.problems[0]


def test_of_two_identical_corrections_the_undo_takes_back_the_one_on_its_segment(tmp_path: Path) -> None:
    """The same fix put into two identical sentences within one millisecond: both records read the same.

    A paragraph inserted between them leaves the first in place and the second nowhere to apply (its
    sentence is now in the article twice); the undo takes back the first, the one the screen showed.
    """
    article = tmp_path / "article.txt"
    _write(article, "ABCB")
    log = ReviewLog(default_log_path(article))
    for segment in load_document(article).segments[1::2]:
        log.record_correction(Correction(segment.id, segment.text, _fixed("B"), "2025-01-01T00:00:00.000+00:00"))
    _write(article, "ABNCB")
    bench = _open(article)
    assert [segment.id for segment in bench.document.segments if bench.session.is_corrected(segment)] == ["p2s1"]
    undone = bench.undo()
    bench.session.log.release()
    assert undone is not None
    assert replay(default_log_path(article), load_document(article)).texts == {}
