"""Exports keep the whole review: reviewed marks in every format, the same open flags everywhere, and a
round trip through Translate Toolkit and back through --variant loses nothing the format can hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample, translate_toolkit_units
from lxml import etree

from review.cli import main
from review.formats import export_document, read_texts
from review.formats.jsonl import load
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path

NS20 = "{urn:oasis:names:tc:xliff:document:2.0}"
NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture
def review(article: Path):  # type: ignore[no-untyped-def]
    """The shared reviewed sample plus: segment 7 marked checked (with an open flag on it), segment 8 marked and
    unmarked, and a correction of segment 9 undone."""
    sample = reviewed_sample(article)
    document = sample.document
    log = ReviewLog(default_log_path(article))
    with log:
        session = Session.open(document, log)
        session.toggle_reviewed(document.segments[6])
        session.toggle_reviewed(document.segments[7])
        session.toggle_reviewed(document.segments[7])
        session.correct(document.segments[8], "Une phrase annulée ensuite.")
        session.undo()
    state = replay(default_log_path(article), document)
    from review.model import Flag, Severity  # noqa: PLC0415

    checked = document.segments[6]
    flags = (*sample.flags, Flag(checked.id, 0, 3, "rules", "terminology", Severity.MINOR, "still open",
                                 (), 0.5, checked.text[0:3]))
    return sample.__class__(document, state, sample.renderings, flags)


def export(review, fmt: str, **options: object) -> bytes:  # type: ignore[no-untyped-def]
    from dataclasses import replace  # noqa: PLC0415

    return export_document(fmt, review.document, review.state, renderings=review.renderings, flags=review.flags,
                           model_name="tiny", options=replace(FIXED, **options))


def test_checked_segment_is_final_in_xliff_20(review) -> None:  # type: ignore[no-untyped-def]
    states = [segment.get("state") for segment in etree.fromstring(export(review, "xliff")).iter(f"{NS20}segment")]
    assert states[6] == "final"
    assert states[7] == "translated"  # marked, then unmarked
    assert states[0] == "reviewed"


def test_xliff_12_approves_only_reviewed_segments(review) -> None:  # type: ignore[no-untyped-def]
    data = export(review, "xliff", xliff_version="1.2")
    units = list(etree.fromstring(data).iter(f"{NS12}trans-unit"))
    approved = [unit.get("approved") == "yes" for unit in units]
    assert approved[0]  # corrected
    assert approved[3]  # its only flag dismissed
    assert approved[6]  # checked
    assert not approved[7]  # untouched
    assert not approved[1]  # open flag, not reviewed
    assert units[6].find(f"{NS12}target").get("state") == "final"
    fuzzy = [unit.fuzzy for unit in translate_toolkit_units("xliff", data, xliff_version="1.2")]
    assert fuzzy[6] is False
    assert fuzzy[7] is True


def test_po_checked_segment_is_not_fuzzy_and_says_so(review) -> None:  # type: ignore[no-untyped-def]
    data = export(review, "po")
    units = translate_toolkit_units("po", data)
    assert units[6].fuzzy is False  # checked although a flag is still open
    assert units[1].fuzzy is True
    assert "review: checked by the reviewer" in data.decode("utf-8")


def test_tmx_carries_the_review_status(review) -> None:  # type: ignore[no-untyped-def]
    root = etree.fromstring(export(review, "tmx"))
    statuses = [unit.find("prop[@type='x-review-status']").text for unit in root.iter("tu")]
    assert statuses[6] == "final"
    assert statuses[0] == "reviewed"


def test_jsonl_keeps_the_marks_and_reads_them_back(review) -> None:  # type: ignore[no-untyped-def]
    data = export(review, "jsonl")
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert records[0]["reviewed"] == [review.document.segments[6].id]
    assert [record["checked"] for record in records if record["type"] == "segment"][6] is True
    loaded = load(data)
    assert loaded.state.reviewed == review.state.reviewed
    assert loaded.state.texts == review.state.texts
    assert loaded.state.dismissed == review.state.dismissed


def test_every_export_lists_the_same_open_flags(review) -> None:  # type: ignore[no-untyped-def]
    open_ids = {flag.id for flag in review.flags if flag.id not in review.state.dismissed}
    jsonl = [json.loads(line) for line in export(review, "jsonl").decode("utf-8").splitlines()]
    assert {record["id"] for record in jsonl if record["type"] == "flag" and record["open"]} == open_ids
    csv_rows = export(review, "csv").decode("utf-8").splitlines()
    assert sum(1 for row in csv_rows if ",flag:" in row) == len(open_ids)
    po = export(review, "po").decode("utf-8")
    assert po.count("# flag: ") == len(open_ids)
    tmx = export(review, "tmx").decode("utf-8")
    assert tmx.count("open flag: ") == len(open_ids)


@pytest.mark.parametrize(("fmt", "suffix", "options"), [
    ("tmx", ".tmx", {}), ("xliff", ".xlf", {}), ("xliff", ".xlf", {"xliff_version": "1.2"}), ("po", ".po", {}),
    ("jsonl", ".jsonl", {}),
], ids=["tmx", "xliff-2.0", "xliff-1.2", "po", "jsonl"])
def test_round_trip_through_translate_toolkit_and_variant(review, fmt: str, suffix: str, options: dict[str, str],
                                                          tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = export(review, fmt, **options)
    current = [review.state.text_of(segment) for segment in review.document.segments]
    if fmt != "jsonl":
        units = translate_toolkit_units(fmt, data, xliff_version=options.get("xliff_version", "2.0"))
        assert [unit.target for unit in units] == current
        assert [unit.source for unit in units] == [review.renderings[s.id] for s in review.document.segments]
    path = tmp_path / f"back{suffix}"
    path.write_bytes(data)
    assert read_texts(path, "fr") == current
    assert read_texts(path, "en") == [review.renderings[s.id] for s in review.document.segments]


@pytest.mark.slow
def test_csv_export_gets_the_renderings_its_flags_need(article: Path, tmp_path: Path, tiny_marian: Path) -> None:
    assert main(["translate", str(article), "--model", str(tiny_marian), "--format", "json"]) == 0
    out_csv, out_jsonl = tmp_path / "r.csv", tmp_path / "r.jsonl"
    assert main(["export", str(article), "--model", str(tiny_marian), "-o", str(out_csv)]) == 0
    assert main(["export", str(article), "--model", str(tiny_marian), "-o", str(out_jsonl)]) == 0
    records = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    jsonl_flags = sorted((r["segment_id"], f"{r['start']}-{r['end']}", f"flag:{r['detector']}") for r in records
                         if r["type"] == "flag" and r["open"])
    import csv  # noqa: PLC0415

    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8").splitlines()))
    csv_flags = sorted((row["segment"], row["span"], row["kind"]) for row in rows if row["kind"].startswith("flag:"))
    assert csv_flags == jsonl_flags


def test_an_export_of_a_long_reviewed_article_reads_the_history_and_flags_once() -> None:
    """Each segment's corrections and flags are gathered in one pass, not looked for segment by segment.

    build_view scanned the whole history and every flag for each segment: a txt export of a
    100,000-segment article with 90,000 corrections took 293 s instead of a few.
    """
    import time  # noqa: PLC0415

    from review.document import from_text  # noqa: PLC0415
    from review.formats.common import build_view  # noqa: PLC0415
    from review.model import Correction, Flag, ReviewState, Severity  # noqa: PLC0415

    class Counted(tuple):  # type: ignore[type-arg]
        __slots__ = ()
        iterations = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            Counted.iterations += 1
            return super().__iter__()

    document = from_text(" ".join(f"Le rapport {number} est long." for number in range(20_000)))
    segments = document.segments
    history = Counted(Correction(segment_id=segment.id, original=segment.text, text=segment.text + " ok",
                                 timestamp="")
                      for segment in segments)
    flags = [Flag(segment_id=segment.id, start=0, end=2, detector="lexicon", category="fluency/grammar",
                  severity=Severity.MINOR, message="m", span_text="Le") for segment in segments]
    state = ReviewState(texts={c.segment_id: c.text for c in history}, history=history)
    Counted.iterations = 0
    started = time.perf_counter()
    view = build_view(document, state, flags=flags)
    seconds = time.perf_counter() - started
    assert [segment.corrections for segment in view.segments[:2]] == [(history[0],), (history[1],)]
    assert view.segments[-1].flags == (flags[-1],)
    assert Counted.iterations == 1
    assert seconds < 5  # about 0.2 s; every segment scanning 40,000 items took half a minute and more
