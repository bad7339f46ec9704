"""The bootstrap intervals of benchmarks/real_errors.py, on small annotated files written for the test.

Only the typography detector runs (regular expressions, no model), so each case takes milliseconds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from benchmark_helpers import load_script, write_annotated

real_errors = load_script("real_errors")

# typography flags the word glued to the comma after « attend » (right: an error is annotated there) and the one
# glued after « Oui » in an error-free segment (a false alarm); nothing flags the wrong « chien »
FLAGGED_ERROR = {"mt": "Il attend,puis part.", "errors": [{"spans": [[9, 10]], "severity": "minor",
                                                          "category": "Punctuation"}]}
MISSED_ERROR = {"mt": "Le chien mange.", "errors": [{"spans": [[3, 8]], "severity": "major",
                                                     "category": "Lexical Selection"}]}
FALSE_ALARM = {"mt": "Oui,vraiment.", "errors": []}
CLEAN = {"mt": "Le chat dort.", "errors": []}


def _varied(count: int) -> list[list[dict[str, Any]]]:
    """Documents that differ: some flagged right, some with a false alarm, some with a missed error."""
    kinds: list[list[dict[str, Any]]] = [
        [FLAGGED_ERROR, CLEAN], [FALSE_ALARM, MISSED_ERROR], [CLEAN, MISSED_ERROR], [FLAGGED_ERROR]]
    return [kinds[number % len(kinds)] for number in range(count)]


def _evaluate(path: Path) -> Any:
    return real_errors.evaluate(path, "all", ("typography",), source=False)


def _shares(result: Any) -> dict[str, float | None]:
    return {figure.key: figure.part(result) / figure.whole(result) if figure.whole(result) else None
            for figure in real_errors.FIGURES}


def test_per_document_counts_add_up_to_the_table(tmp_path: Path) -> None:
    result = _evaluate(write_annotated(tmp_path / "data.jsonl", _varied(13)))
    assert len(result.documents) == 13
    totals = tuple(sum(column) for column in zip(*result.documents, strict=True))
    assert totals == real_errors.counts(result)
    assert result.overall.flags > 0
    assert result.clean_flagged > 0


def test_each_interval_holds_its_figure_and_has_width(tmp_path: Path) -> None:
    result = _evaluate(write_annotated(tmp_path / "data.jsonl", _varied(40)))
    drawn = real_errors.bootstrap(result, 1000)
    for key, share in _shares(result).items():
        interval = drawn.intervals[key]
        if share is None:
            assert interval is None, key
            continue
        low, high = interval
        assert low <= share <= high, (key, share, interval)
    # documents that differ give a real spread, not a point
    low, high = drawn.intervals["precision"]
    assert high - low > 0.05


def test_identical_documents_collapse_the_interval_to_the_figure(tmp_path: Path) -> None:
    documents = [[FLAGGED_ERROR, FALSE_ALARM, MISSED_ERROR, CLEAN]] * 25
    result = _evaluate(write_annotated(tmp_path / "data.jsonl", documents))
    drawn = real_errors.bootstrap(result, 500)
    shares = _shares(result)
    assert shares["precision"] == 0.5
    for key, share in shares.items():
        assert drawn.intervals[key] == (None if share is None else (share, share)), key


@pytest.mark.parametrize(
    ("seed", "same"),
    [(real_errors.SEED, True), (real_errors.SEED + 1, False)],
    ids=["same-seed", "other-seed"],
)
def test_the_seed_fixes_the_draw(tmp_path: Path, seed: int, same: bool) -> None:
    result = _evaluate(write_annotated(tmp_path / "data.jsonl", _varied(30)))
    first = real_errors.bootstrap(result, 200)
    again = real_errors.bootstrap(result, 200, seed)
    assert (first.intervals == again.intervals) is same


def test_a_share_no_resample_can_divide_is_left_without_interval() -> None:
    # the second share's whole is 0 in every document; the first is 1/2 in each
    assert real_errors.intervals([(1, 2, 0, 0)] * 5, 100) == [(0.5, 0.5), None]


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    monkeypatch.setattr(sys, "argv", ["real_errors.py", *args, "--split", "all", "--detectors", "typography"])
    assert real_errors.main() == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "shown"),
    [((), True), (("--bootstrap", "100"), True), (("--bootstrap", "0"), False)],
    ids=["default", "hundred", "off"],
)
def test_table_shows_intervals_unless_bootstrap_is_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str],
                                                     option: tuple[str, ...], shown: bool) -> None:
    data = write_annotated(tmp_path / "data.jsonl", _varied(12))
    out = _main(monkeypatch, capsys, str(data), *option)
    row = next(line for line in out.splitlines() if line.startswith("| precision, all flags |"))
    assert ("[" in row) is shown, row
    assert ("95 % intervals" in out) is shown


@pytest.mark.parametrize(("option", "shown"), [((), True), (("--bootstrap", "0"), False)], ids=["default", "off"])
def test_json_carries_intervals_unless_bootstrap_is_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str],
                                                      option: tuple[str, ...], shown: bool) -> None:
    data = write_annotated(tmp_path / "data.jsonl", _varied(12))
    report = json.loads(_main(monkeypatch, capsys, str(data), "--format", "json", *option))
    assert ("bootstrap" in report) is shown
    if shown:
        assert report["bootstrap"]["resamples"] == real_errors.BOOTSTRAP
        assert report["bootstrap"]["documents"] == 12
        low, high = report["bootstrap"]["intervals"]["precision"]
        assert low <= report["overall"]["precision"] <= high
