"""Log records are checked against their schema on replay: a bad one is reported and skipped, never applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.cli import main
from review.document import load_document
from review.replay import replay
from review.store import ReviewLog, default_log_path

GOOD = {"type": "correction", "segment": "p1s1", "original": "ORIGINAL", "text": "Titre corrigé.",
        "previous": None, "time": "2026-01-01T00:00:00.000+00:00"}

BAD = {
    "text-is-object": {**GOOD, "text": {"a": 1}},
    "text-is-number": {**GOOD, "text": 12},
    "text-is-null": {**GOOD, "text": None},
    "text-is-list": {**GOOD, "text": ["a"]},
    "segment-is-bool": {**GOOD, "segment": True},
    "original-missing": {key: value for key, value in GOOD.items() if key != "original"},
    "severity-unknown": {**GOOD, "severity": "apocalyptic"},
    "note-is-object": {**GOOD, "note": {"x": 1}},
    "lone-surrogate": {**GOOD, "text": "\ud800"},
    "dismiss-flag-null": {"type": "dismiss", "flag": None},
    "dismiss-flag-missing": {"type": "dismiss", "segment": "p1s1"},
    "restore-flag-number": {"type": "restore", "flag": 3},
    "reviewed-segment-list": {"type": "reviewed", "segment": ["p1s1"]},
    "position-segment-null": {"type": "position", "segment": None},
    "unknown-type": {"type": "rewrite-everything"},
    "type-not-string": {"type": 7},
}


@pytest.mark.parametrize("record", BAD.values(), ids=BAD.keys())
def test_invalid_record_is_reported_skipped_and_the_log_kept(record: dict[str, object], article: Path) -> None:
    document = load_document(article)
    good = {**GOOD, "original": document.segments[0].text}
    log_path = default_log_path(article)
    if "original" in record:
        record = {**record, "original": document.segments[0].text}
    content = (json.dumps(good) + "\n" + json.dumps(record) + "\n").encode()
    log_path.write_bytes(content)
    state = replay(log_path, document)
    assert state.texts == {"p1s1": "Titre corrigé."}
    assert state.dismissed == frozenset()
    assert state.reviewed == frozenset()
    assert state.position is None
    assert len(state.problems) == 1
    assert "line 2" in state.problems[0]
    assert "skipped" in state.problems[0]
    assert log_path.read_bytes() == content


def test_export_never_writes_an_invalid_text(article: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document(article)
    log_path = default_log_path(article)
    log_path.write_text(json.dumps({**GOOD, "original": document.segments[0].text, "text": {"a": 1}}) + "\n",
                        encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["export", str(article), "-o", str(out)]) == 0
    assert out.read_bytes() == article.read_bytes()
    assert "not a string" in capsys.readouterr().err


def test_records_written_by_the_log_pass_the_schema(article: Path) -> None:
    document = load_document(article)
    log = ReviewLog(default_log_path(article))
    from review.session import Session  # noqa: PLC0415

    with log:
        session = Session.open(document, log)
        session.correct(session.segments[0], "Un titre.")
        session.toggle_reviewed(session.segments[1])
        session.remember_position(session.segments[2])
        session.undo()
    assert replay(log.path, document).problems == ()
