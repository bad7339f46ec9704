"""review flag streams: records written chunk by chunk, a progress bar on stderr only for a terminal.

The article is the sample repeated (a dozen times, so several chunks) with a last
paragraph that spells two names another way: the consistency detector, which
needs the whole article, has flags to add at the end.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from support import SAMPLE

from review.cli import main
from review.document import load_document
from review.flags import FlagOptions, default_detectors
from review.flags.incremental import CHUNK
from review.flags.records import article_offsets, record
from review.workbench import Workbench

pytestmark = pytest.mark.slow  # parses with spaCy

ROOT = Path(__file__).resolve().parents[2]
COPIES = 12
VARIANT = "Le Pakistân et l'Irân ont répondu mardi."


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "long.fr.txt"
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    path.write_text("\n\n".join([sample] * COPIES + [VARIANT]) + "\n", encoding="utf-8")
    return path


def flag_json(article: Path, capsys: pytest.CaptureFixture[str], fmt: str = "json") -> str:
    capsys.readouterr()
    assert main(["flag", str(article), "--format", fmt]) == 0
    return capsys.readouterr().out


def at_once(article: Path) -> list[dict[str, object]]:
    """The records of the whole article flagged in one call, as review flag printed them before it streamed."""
    bench = Workbench.open(article, options=FlagOptions(), detectors=default_detectors())
    flags = bench.open_flags(bench.flag())
    starts = article_offsets(bench.document, bench.session.state)
    return [record(flag, starts[flag.segment_id]) for flag in flags]


def test_streamed_json_is_the_same_object(long_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(flag_json(long_article, capsys))
    expected = at_once(long_article)
    assert len(load_document(long_article).segments) > 2 * CHUNK  # several chunks were written one after the other
    assert data["article"] == str(long_article)
    assert data["detectors"] == list(default_detectors())

    def key(item: dict[str, object]) -> tuple[object, ...]:
        return item["article_start"], item["id"]

    assert sorted(data["flags"], key=key) == sorted(expected, key=key)
    severities = [item["severity"] for item in expected]
    assert data["counts"] == {level: severities.count(level) for level in ("minor", "major", "critical")}
    detectors = [item["detector"] for item in data["flags"]]
    assert "consistency" in detectors
    first = detectors.index("consistency")
    assert set(detectors[first:]) == {"consistency"}  # the cross-article detector's records come last
    assert [item["article_start"] for item in data["flags"][:first]] == sorted(
        item["article_start"] for item in data["flags"][:first])  # the rest in article order


def test_jsonl_and_csv_hold_the_json_records(long_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = json.loads(flag_json(long_article, capsys))["flags"]
    lines = flag_json(long_article, capsys, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == records
    rows = list(csv.DictReader(io.StringIO(flag_json(long_article, capsys, "csv"))))
    assert [row["id"] for row in rows] == [item["id"] for item in records]
    assert [row["suggestions"] for row in rows] == [" | ".join(item["suggestions"]) for item in records]


def test_json_of_an_article_without_flags_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("L'Iran et le Pakistan ont convenu de renforcer leur coopération.\n", encoding="utf-8")
    data = json.loads(flag_json(clean, capsys))
    assert data["flags"] == []
    assert data["counts"] == {"minor": 0, "major": 0, "critical": 0}


def stderr_of(article: Path, *, terminal: bool) -> str:
    """review flag's stderr, written to a terminal (a pty) or to a pipe."""
    command = [sys.executable, "-m", "review", "flag", str(article), "--format", "jsonl"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=True)
        return done.stderr
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    received = []
    while True:  # read as it comes: a full terminal buffer would stop the command
        try:
            data = os.read(master, 4096)
        except OSError:  # the command has closed the terminal
            break
        if not data:
            break
        received.append(data)
    os.close(master)
    assert process.wait(timeout=600) == 0
    return b"".join(received).decode("utf-8", "replace")


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "pipe"])
def test_progress_bar_only_on_a_terminal(long_article: Path, terminal: bool) -> None:
    stderr = stderr_of(long_article, terminal=terminal)
    segments = len(load_document(long_article).segments)
    drawn = f"{segments}/{segments} segments" in stderr and "[#" in stderr
    assert drawn == terminal
    assert ("\r" in stderr) == terminal
