"""Typed score reports: what `review score` prints is the report objects, in three formats that agree."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from score_data import systems

from review.cli import main
from review.commands.score import read_segments
from review.document import from_text, load_document
from review.errors import ScoreError
from review.model import Correction
from review.replay import replay
from review.scoring import (
    DriftSummary,
    PairedOptions,
    PostEditReport,
    ReferenceReport,
    ScoreReport,
    drift_summary,
    post_edit_report,
    reference_report,
    render,
)
from review.scoring.extract import extract_statistics
from review.scoring.report import CSV_HEADER, FORMATS
from review.store import ReviewLog, default_log_path


def _reference(tmp_path: Path, *, paired: bool) -> tuple[ReferenceReport, list[str]]:
    ref, hyps = systems(tmp_path)
    chosen = hyps if paired else hyps[:1]
    statistics = extract_statistics({path.name: read_segments(path, lines=True) for path in chosen},
                                    read_segments(ref, lines=True))
    report = reference_report(statistics, reference=str(ref), unit="lines",
                              paired=PairedOptions("bs", samples=40), sentences=True)
    argv = ["--ref", str(ref), *map(str, chosen), "--lines", "--paired-bs-n", "40", "--sentences"]
    return report, argv


def _post_edit(article: Path) -> tuple[PostEditReport, list[str]]:
    document = load_document(article)
    first, third = document.segments[0], document.segments[2]
    with ReviewLog(default_log_path(article)) as log:
        log.record_correction(Correction(segment_id=first.id, original=first.text, timestamp="",
                                         text=first.text.replace("accusent", "acceptent"),
                                         category="accuracy/mistranslation", severity="major"))
        log.record_correction(Correction(segment_id=third.id, original=third.text, text=third.text.upper(),
                                         timestamp=""))
    state = replay(default_log_path(article), document)
    report = post_edit_report(document, state, article=str(article), log=str(default_log_path(article)))
    return report, ["--post-edited", str(article)]


def _drift(article: Path) -> DriftSummary:
    document = load_document(article)
    english = {segment.id: segment.text.replace("Pakistan", "Pakistani") for segment in document.segments[:5]}
    return drift_summary(document, [segment.text for segment in document.segments], english, source="en.txt",
                         model="tiny", top=3)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("mode", ["one-hypothesis", "paired", "post-edited"])
def test_the_cli_prints_the_report_objects(tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str],
                                           mode: str, fmt: str) -> None:
    if mode == "post-edited":
        report, argv = _post_edit(article)
    else:
        report, argv = _reference(tmp_path, paired=mode == "paired")
    assert main(["score", *argv, "--format", fmt, "--width", "2"]) == 0
    assert capsys.readouterr().out == render(report, fmt, width=2)


@pytest.mark.parametrize("make", [
    lambda tmp, _article: _reference(tmp, paired=True)[0],
    lambda tmp, _article: _reference(tmp, paired=False)[0],
    lambda _tmp, article: _post_edit(article)[0],
    lambda _tmp, article: _drift(article),
], ids=["paired", "one-hypothesis", "post-edited", "drift"])
def test_formats_agree_and_every_number_says_what_it_is(tmp_path: Path, article: Path, make: object) -> None:
    report: ScoreReport = make(tmp_path, article)  # type: ignore[operator]
    assert json.loads(render(report, "json")) == report.to_json()
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) - 1 == len(report.measures()) > 0
    for measure in report.measures():
        assert measure.unit
        assert measure.sample >= 1
        assert measure.measure
    corpus = [measure for measure in report.measures() if measure.segment == "corpus"]
    assert corpus
    assert all(measure.signature for measure in corpus if measure.unit.startswith(("points", "TER")))
    table = "\n".join(report.table(width=3))
    assert f"{corpus[0].value:.3f}" in table


def test_reports_are_frozen_and_slotted(tmp_path: Path, article: Path) -> None:
    for report in (_reference(tmp_path, paired=True)[0], _post_edit(article)[0], _drift(article)):
        assert not hasattr(report, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(report, dataclasses.fields(report)[0].name, "changed")


def test_paired_report_keeps_the_baseline_first_and_signs_the_test(tmp_path: Path) -> None:
    report, _ = _reference(tmp_path, paired=True)
    assert report.paired is not None
    assert [system.name for system in report.systems] == ["drop4.txt", "drop7.txt", "swap.txt"]
    assert report.baseline == "drop4.txt"
    assert all("bs:40" in signature for signature in report.signatures().values())
    assert [name for name, _ in report.sentences] == ["drop4.txt", "drop7.txt", "swap.txt"]


def test_an_unpaired_report_has_no_test(tmp_path: Path) -> None:
    ref, hyps = systems(tmp_path)
    statistics = extract_statistics({"a": read_segments(hyps[0], lines=True), "b": read_segments(hyps[1], lines=True)},
                                    read_segments(ref, lines=True))
    report = reference_report(statistics, reference="ref")
    assert report.paired is None
    assert "paired" not in report.to_json()
    assert [system.name for system in report.systems] == ["a", "b"]
    assert report.signatures() == {score.metric: score.signature for score in report.systems[0].scores}


def test_drift_counts_only_rendered_segments(article: Path) -> None:
    summary = _drift(article)
    assert summary.rendered == 5
    assert summary.article_segments == len(load_document(article).segments)
    assert len(summary.to_json()["worst"]) == 3
    document = from_text("Une phrase.")
    with pytest.raises(ScoreError, match="no segment has an English rendering"):
        drift_summary(document, ["A sentence."], {}, source="en.txt", model="tiny")


def test_an_unknown_format_is_refused(article: Path) -> None:
    with pytest.raises(ScoreError, match="unknown report format"):
        render(_drift(article), "xml")


def test_a_correction_with_a_line_break_stays_on_its_table_row(article: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from review.model import Correction  # noqa: PLC0415
    from review.store import ReviewLog, default_log_path  # noqa: PLC0415

    first = load_document(article).segments[0]
    with ReviewLog(default_log_path(article)) as log:
        log.record_correction(Correction(first.id, first.text, "Iran et le Pakistan\nconviennent", "t",
                                         severity="major"))
    assert main(["score", "--post-edited", str(article)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith(first.id)]
    assert len(rows) == 1
    assert rows[0].endswith("Iran et le Pakistan↵conviennent")
