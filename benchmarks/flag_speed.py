"""Flagging speed of the offline detectors, models loaded, on one core.

Builds an article of distinct sentences (the annotated benchmark sentences,
each varied so that no parse is reused), loads the pipeline once, then times
run_flags over the whole article, and each detector alone on fresh text.
Times are CPU seconds of this process (what the work costs, whoever else runs
on the machine), with the wall clock beside the totals.

    python benchmarks/flag_speed.py [--sentences 600]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[variable] = "1"  # one core, as the issue asks

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.document import from_text  # noqa: E402
from review.flags import FlagOptions, default_detectors, make_detectors  # noqa: E402
from review.flags import nlp as shared  # noqa: E402
from review.flags.rank import run_flags  # noqa: E402
from review.translate.pool import ModelPool  # noqa: E402

DATA = Path(__file__).parent / "data"
PLACES = ("à Lyon", "à Dakar", "à Québec", "à Genève", "à Bruxelles", "à Tunis", "à Montréal", "à Nantes")


def sentences(count: int) -> list[str]:
    base = [json.loads(line)["text"] for name in ("annotated.jsonl", "heldout.jsonl")
            for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for number in range(count):
        text = base[number % len(base)].rstrip(".")
        out.append(f"{text} {PLACES[number % len(PLACES)]} en {1900 + number}.")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=600)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    started, wall = time.process_time(), time.perf_counter()
    shared.without_torch()  # as review flag does when no model is asked for
    pool = ModelPool()
    everyone = make_detectors(default_detectors(), FlagOptions(), pool)
    run_flags(from_text("Le modèle se charge une fois."), {}, everyone)
    print(f"load (spaCy pipeline, word lists, lexicon): {time.process_time() - started:.1f} s CPU "
          f"({time.perf_counter() - wall:.1f} s wall)")

    texts = sentences(args.sentences)
    document = from_text("\n\n".join(texts))
    count = len(document.segments)
    shared.forget_parses()
    started, wall = time.process_time(), time.perf_counter()
    flags = run_flags(document, {}, everyone)
    elapsed, wall = time.process_time() - started, time.perf_counter() - wall
    print(f"all offline detectors: {count} sentences in {elapsed:.2f} s CPU = {count / elapsed:.0f} sentences/s "
          f"({count / wall:.0f} by the wall clock; {len(flags)} flags)")

    shared.forget_parses()
    started = time.process_time()
    shared.parse_many([segment.text for segment in document.segments])
    parse_time = time.process_time() - started
    print(f"  spaCy parse alone: {count / parse_time:.0f} sentences/s")
    for name, detector in zip(default_detectors(), everyone, strict=True):
        started = time.process_time()
        run_flags(document, {}, [detector])  # parses are cached: this is the detector's own time
        own = time.process_time() - started
        print(f"  {name:<12} own time {own * 1000 / count:.2f} ms/sentence")
    lines: list[str] = []
    optional = make_detectors(("grammalecte",), FlagOptions(), pool, status=lines.append)
    started = time.process_time()
    run_flags(document, {}, optional)
    if lines:
        print(f"  grammalecte  not measured: {lines[0]}")
    else:
        own = time.process_time() - started
        print(f"  grammalecte  (optional) {own * 1000 / count:.2f} ms/sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
