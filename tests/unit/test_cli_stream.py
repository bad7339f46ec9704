"""``review translate`` streams: JSON Lines one segment a line, JSON written as it grows, the engine named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import ROOT

from review.document import load_document


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "review", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)


def test_translate_jsonl_is_one_segment_a_line_in_order(article: Path, tiny_marian: Path) -> None:
    result = run_cli("translate", str(article), "--model", str(tiny_marian), "--format", "jsonl",
                     "--engine", "marian")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [segment.id for segment in load_document(article).segments]
    assert {line["engine"] for line in lines} == {"marian"}
    assert all(line["english"] for line in lines)
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal


def test_translate_json_names_the_engine_of_every_segment(article: Path, tiny_marian: Path) -> None:
    result = run_cli("translate", str(article), "--model", str(tiny_marian), "--format", "json",
                     "--engine", "marian")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["engine"] == "marian"
    assert {item["engine"] for item in data["segments"]} == {"marian"}


def test_a_missing_model_writes_no_partial_json(article: Path) -> None:
    result = run_cli("translate", str(article), "--model", "Helsinki-NLP/opus-mt-zz-qq", "--format", "json")
    assert result.returncode != 0
    assert result.stdout == ""
