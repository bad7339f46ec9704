"""The review screen at 1,000, 10,000 and 100,000 segments: first paint, key latency, quit, memory.

Builds an article of the sample's sentences, each varied by a numbered place so
no parse or rendering is shared, then drives the real app:

- first French (Pilot): from reading the file to the first sentence drawn by the list;
- ``j`` while the rest of a long article is cut (from the first French until it is all cut), and when it is;
- first French (tmux): from starting ``review open`` in a terminal to the sentence in the pane;
- key latency: from a key reaching the app to the first screen update showing its effect,
  median and p95 over 200 presses each of ``j``, ``PgDn`` and ``n`` (a flag every 7 segments);
- quit: from ``q`` reaching the app to ``run_test`` returning;
- peak RSS of the process (one fresh process per size; no model is loaded);
- ``review flag`` throughput on the same file (default detectors, one process, its own load included).

With ``--background`` the app flags the article with the default offline detectors while the keys
are pressed (spaCy loads and parses in its worker thread from the first frame on), as a reviewer's
screen does; without it nothing runs behind the keys.

    python benchmarks/tui_scale.py SAMPLE.fr.txt [--sizes 1000,10000,100000] [--no-tmux] [--no-flag] [--background]

Prints one JSON object per size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ("à Lyon", "à Dakar", "à Québec", "à Genève", "à Bruxelles", "à Tunis", "à Montréal", "à Nantes")
SIZE = (150, 45)
PRESSES = 200


def build_article(sample: Path, count: int) -> str:
    """``count`` sentences of the sample, each made distinct; five to a paragraph."""
    from review.document import from_text, read_article  # noqa: PLC0415

    text, _ = read_article(sample)
    sentences = [segment.text.rstrip(".") for segment in from_text(text).segments]
    varied = [f"{sentences[number % len(sentences)]}, {PLACES[number % len(PLACES)]} ({number})."
              for number in range(count)]
    return "\n\n".join(" ".join(varied[start:start + 5]) for start in range(0, count, 5)) + "\n"


async def drive(article: Path, *, background: bool = False) -> dict[str, float]:  # noqa: PLR0915 - one measurement, step by step
    from textual import events  # noqa: PLC0415

    from review.document import load_document  # noqa: PLC0415
    from review.flags import FlagOptions  # noqa: PLC0415
    from review.model import Category, Flag, Severity  # noqa: PLC0415
    from review.store import ReviewLog, default_log_path  # noqa: PLC0415
    from review.tui.app import make_app  # noqa: PLC0415
    from review.tui.widgets.segment_list import SegmentList  # noqa: PLC0415
    from review.workbench import Workbench  # noqa: PLC0415

    started = time.perf_counter()
    document = load_document(article, source_lang="fr")
    log = ReviewLog(default_log_path(article))
    log.acquire()
    options = FlagOptions(model=str(article.parent / "no-model"), engine="marian")
    app = make_app(Workbench.of(document, log, options=options, detectors=None if background else ()))
    first = document.segments[0].text[:40]
    shown: list[tuple[float, int, object]] = []
    display = app._display  # noqa: SLF001 - the moment a frame is composed is what the reviewer waits for

    def spy(screen: object, renderable: object) -> None:
        shown.append((time.perf_counter(), app.current, app.flag_cursor))
        display(screen, renderable)  # type: ignore[arg-type]

    app._display = spy  # type: ignore[method-assign]  # noqa: SLF001
    result: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        segments = app.query_one(SegmentList)
        while first not in "\n".join(segments.render_line(y).text for y in range(segments.size.height)):  # noqa: ASYNC110 - polling the screen is the measurement
            await asyncio.sleep(0.005)
        result["first_french_pilot_s"] = time.perf_counter() - started

        async def latency(key: str) -> float:
            """From the key reaching the app to the first frame composed with its effect."""
            before = (app.current, app.flag_cursor)
            sent = time.perf_counter()
            app.post_message(events.Key(key, key if len(key) == 1 else None))
            while not any(at > sent and (current, cursor) != before for at, current, cursor in shown[-5:]):
                await asyncio.sleep(0.0005)
                if time.perf_counter() - sent > 10:
                    break
            return next(at for at, current, cursor in shown[-5:] if at > sent and (current, cursor) != before) - sent

        # keys while the rest of the article is cut in the background (a long article only)
        reading = [await latency("j") for _ in range(PRESSES) if not document.fully_cut]
        while not document.fully_cut:  # noqa: ASYNC110 - waiting for the app's worker is the measurement
            await asyncio.sleep(0.005)
        result["all_cut_s"] = time.perf_counter() - started
        if reading:
            reading.sort()
            result["j_while_cutting_presses"] = len(reading)
            result["j_while_cutting_median_ms"] = 1000 * statistics.median(reading)
            # p95; with fewer than 20 presses, the worst of them
            result["j_while_cutting_p95_ms"] = 1000 * reading[math.ceil(0.95 * len(reading)) - 1]
        app.action_jump_to(0)
        await pilot.pause()
        flags = [Flag(segment_id=segment.id, start=0, end=4, detector="lexicon",
                      category=Category.MISTRANSLATION.value, severity=Severity.MAJOR, message="bench",
                      span_text=segment.text[:4]) for segment in document.segments[::7]]
        app.post_message(app.FlagsReady(flags, []))
        await pilot.pause()
        for key in ("j", "pagedown", "n"):
            latencies = []
            for _ in range(PRESSES):
                latencies.append(await latency(key))
                if app.current >= len(document.segments) - 2:
                    app.action_jump_to(0)
                    await pilot.pause()
            latencies.sort()
            result[f"{key}_median_ms"] = 1000 * statistics.median(latencies)
            result[f"{key}_p95_ms"] = 1000 * latencies[int(0.95 * len(latencies)) - 1]
        quitting = time.perf_counter()
        app.post_message(events.Key("q", "q"))
    result["quit_s"] = time.perf_counter() - quitting
    log.release()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def tmux_first_paint(article: Path) -> float | None:
    if shutil.which("tmux") is None:
        return None
    session = f"review-bench-{os.getpid()}"
    command = (f"cd {ROOT} && PYTHONPATH={ROOT} HF_HUB_OFFLINE=1 {sys.executable} -m review open {article} "
               f"--source-lang fr --model {article.parent / 'no-model'} --engine marian --read-only")
    first = article.read_text(encoding="utf-8")[:30]
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session",
                    "-d", "-s", session, "-x", str(SIZE[0]), "-y", str(SIZE[1]), command],
                   check=True)
    try:
        while time.perf_counter() - started < 300:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                  capture_output=True, text=True,
                                  check=False).stdout
            if first in pane:
                return time.perf_counter() - started
            time.sleep(0.02)
        return None
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)


def flag_throughput(article: Path, count: int) -> dict[str, float]:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "review", "flag", str(article), "--source-lang", "fr",
                          "--format", "json"],
                         capture_output=True, text=True, check=False, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"})
    seconds = time.perf_counter() - started
    return {"flag_s": seconds, "flag_sentences_per_s": count / seconds, "flag_exit": float(run.returncode)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path, help="a French article whose sentences are varied and repeated")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--no-tmux", action="store_true")
    parser.add_argument("--no-flag", action="store_true")
    parser.add_argument("--background", action="store_true", help="flag the article in the app while keys are pressed")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child process measuring one article
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(asyncio.run(drive(args.one, background=args.background))))
        return
    for count in (int(size) for size in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="tui-scale-"))
        article = folder / f"scale-{count}.fr.txt"
        article.write_text(build_article(args.sample, count), encoding="utf-8")
        child = subprocess.run([sys.executable, __file__,
                                str(args.sample), "--one", str(article),
                                *(["--background"] if args.background else [])],
                               capture_output=True, text=True, check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        result: dict[str, object] = {"segments": count, **json.loads(child.stdout.strip().splitlines()[-1])}
        if not args.no_tmux:
            result["first_french_tmux_s"] = tmux_first_paint(article)
        if not args.no_flag:
            result.update(flag_throughput(article, count))
        print(json.dumps(result), flush=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
