"""benchmarks/real_errors.py lists the rules whose confidence no longer says how often they are right.

The typography detector alone runs (regular expressions, no model): its "a space is missing after" rule says 0.8.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmark_helpers import load_script, write_annotated

real_errors = load_script("real_errors")

GLUED_RIGHT = {"mt": "Il attend,puis part.", "errors": [{"spans": [[9, 10]], "severity": "minor",
                                                         "category": "Punctuation"}]}
GLUED_WRONG = {"mt": "Oui,vraiment.", "errors": []}  # a false alarm: nothing annotated


def _run(tmp_path: Path, right: int, wrong: int) -> Any:
    documents = [[GLUED_RIGHT]] * right + [[GLUED_WRONG]] * wrong
    return real_errors.evaluate(write_annotated(tmp_path / "data.jsonl", documents), "all", ("typography",),
                                source=False)


def test_a_rule_right_less_often_than_it_says_is_listed(tmp_path: Path) -> None:
    result = _run(tmp_path, right=10, wrong=20)  # right a third of the time, at 0.8
    rows = real_errors.drifted(result.overall)
    assert [(rule, given, flags, round(measured, 2)) for rule, given, flags, measured in rows] == [
        ("typography: a space is missing after …", 0.8, 30, 0.33)]
    table = list(real_errors.table(result))
    assert "| typography: a space is missing after … | 0.80 | 30 | 0.33 |" in table
    assert real_errors.summary(result)["drifted"] == [
        {"rule": "typography: a space is missing after …", "confidence": 0.8, "flags": 30, "precision": 1 / 3}]


def test_a_rule_right_about_as_often_as_it_says_is_not(tmp_path: Path) -> None:
    result = _run(tmp_path, right=24, wrong=6)  # 0.8 at 0.8
    assert real_errors.drifted(result.overall) == []
    assert any(line.endswith("confidence): none") for line in real_errors.table(result))


def test_too_few_flags_to_tell_are_not_listed(tmp_path: Path) -> None:
    result = _run(tmp_path, right=0, wrong=real_errors.DRIFT_FLAGS - 1)
    assert real_errors.drifted(result.overall) == []
