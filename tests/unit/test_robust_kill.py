"""kill -9 at random moments never loses an acknowledged correction, and never leaves the lock held.

A writer process corrects segments in a loop and prints each correction only after ``Session.correct``
returned (the record is fsynced).  It is killed with SIGKILL after a random delay, a few dozen times; after
each kill the log is replayed and must hold every correction the writer acknowledged, and the next writer
must get the lock at once.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from support import ROOT

from review.document import load_document
from review.replay import replay
from review.store import default_log_path

WRITER = """
import sys
from pathlib import Path
from review.document import load_document
from review.session import Session
from review.store import ReviewLog, default_log_path

article, run = Path(sys.argv[1]), sys.argv[2]
log = ReviewLog(default_log_path(article))
log.acquire()
session = Session.open(load_document(article, source_lang="fr"), log)
print("ready", flush=True)
step = 0
while True:
    segment = session.segments[step % len(session.segments)]
    text = f"Correction {run}-{step}."
    session.correct(segment, text)
    print(f"{segment.id}\\t{text}", flush=True)
    if step % 5 == 2:
        session.toggle_reviewed(segment)
    step += 1
"""
KILLS = 25


def _read_lines(stream, into: list[str]) -> None:  # type: ignore[no-untyped-def]
    for line in stream:
        if line.endswith("\n"):
            into.append(line.rstrip("\n"))  # noqa: PERF401 - one by one, so the test sees lines as they come


def _line_number(problem: str) -> int:
    """The line number in a replay problem (« NAME line 12 is … »)."""
    return int(problem.split(" line ", 1)[1].split(" ", 1)[0])


def test_kill_9_loses_no_acknowledged_correction(article: Path) -> None:
    chance = random.Random(20261203)  # noqa: S311 - timing jitter, not security
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged: list[tuple[str, str]] = []
    torn: set[int] = set()  # lines a kill cut short in an earlier run
    document = load_document(article, source_lang="fr")
    for run in range(KILLS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(article), str(run)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        lines: list[str] = []
        reader = threading.Thread(target=_read_lines, args=(writer.stdout, lines), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while "ready" not in lines and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "ready" in lines, writer.stderr.read() if writer.stderr else ""
        time.sleep(chance.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
        reader.join(10)
        assert writer.stderr is not None
        writer.stderr.close()
        acknowledged += [tuple(line.split("\t", 1)) for line in lines if line != "ready"]  # type: ignore[misc]
        state = replay(default_log_path(article), document)
        logged = {(correction.segment_id, correction.text) for correction in state.history}
        missing = [item for item in acknowledged if item not in logged]
        assert missing == [], f"run {run}: acknowledged but lost: {missing[:3]}"
        # the only damage is a torn last record; once the next writer appends after it, that line
        # sits inside the file and reads as "not valid JSON", at the number it was torn at
        torn_now = {_line_number(problem) for problem in state.problems if "cut short" in problem}
        assert all("cut short" in problem or _line_number(problem) in torn for problem in state.problems), \
            state.problems
        torn |= torn_now
    assert len(acknowledged) > KILLS  # the writers did write between the kills
