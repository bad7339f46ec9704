"""How well files without ids line up by their English side, and at what threshold.

``review.matching.match_english`` pairs each segment's English rendering (a
model's back-translation of the French) with the unit of a file whose English is
most like it.  No fr→en model runs here, so a rendering is stood in for by the
original English with a share of its words replaced by words of other sentences
or dropped (a back-translation keeps the names, numbers and most content words,
and rewords the rest).  For each document of WMT20 QE en-fr (English product
texts, 4 to 60 segments) and each threshold this reports:

- right: segments matched to their own sentence (or an identical one);
- wrong: segments matched to another sentence;
- foreign: segments matched to a sentence of another document, when the file
  holds another document's sentences only (what a threshold must refuse).

Usage::

    python benchmarks/align_threshold.py PATH/train.jsonl [--docs 150] [--noise 0.3 0.5]
    python benchmarks/align_threshold.py PATH/train.jsonl --scale 1000 8000   # seconds for one big file
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from pathlib import Path

from review.matching import match_english


def documents(path: Path, minimum: int = 4) -> list[list[str]]:
    by_doc: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            by_doc[row["doc"]].append(row["src"])
    return [texts for texts in by_doc.values() if len(texts) >= minimum]


def reworded(text: str, share: float, pool: list[str], rng: random.Random) -> str:
    """``text`` with about ``share`` of its words changed: two thirds replaced by other words, a third dropped."""
    words: list[str] = []
    for word in text.split():
        roll = rng.random()
        if roll < share / 2:
            words.append(rng.choice(pool))
        elif roll < share * 0.75:
            continue
        else:
            words.append(word)
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="WMT20 QE task 3 en-fr train.jsonl")
    parser.add_argument("--docs", type=int, default=150, help="documents to use (default 150)")
    parser.add_argument("--noise", type=float, nargs="+", default=[0.3, 0.5], help="shares of words reworded")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.25, 0.3, 0.35, 0.4])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, nargs="+", metavar="N",
                        help="instead: time one file of the first N segments, 30%% reworded, against them")
    args = parser.parse_args()
    if args.scale:
        scale(args.data, args.scale, args.seed)
        return
    docs = documents(args.data)
    pool = [word for doc in docs for text in doc for word in text.split()]
    used = docs[: args.docs]
    print(f"{len(used)} documents, {sum(map(len, used))} segments; foreign files from documents {args.docs}+")
    print(f"{'noise':>5} {'threshold':>9} {'right':>7} {'wrong':>7} {'foreign':>8} {'seconds':>8}")
    for noise in args.noise:
        for threshold in args.thresholds:
            rng = random.Random(args.seed)
            right = wrong = foreign = total = 0
            started = time.perf_counter()
            for number, doc in enumerate(used):
                renderings = {str(index): reworded(text, noise, pool, rng) for index, text in enumerate(doc)}
                found = match_english(renderings, dict(enumerate(doc)), threshold=threshold)
                total += len(doc)
                for segment, unit in found.items():
                    if doc[unit] == doc[int(segment)]:
                        right += 1
                    else:
                        wrong += 1
                other = docs[(args.docs + number) % len(docs)]
                foreign += len(match_english(renderings, dict(enumerate(other)), threshold=threshold))
            seconds = time.perf_counter() - started
            print(f"{noise:>5.2f} {threshold:>9.2f} {right / total:>7.1%} {wrong / total:>7.1%} "
                  f"{foreign / total:>8.1%} {seconds:>8.1f}")


def scale(path: Path, sizes: list[int], seed: int) -> None:
    texts = [text for doc in documents(path, minimum=1) for text in doc]
    rng = random.Random(seed)
    pool = [word for text in texts for word in text.split()]
    print(f"{'units':>6} {'right':>7} {'seconds':>8}")
    for size in sizes:
        chosen = texts[:size]
        renderings = {str(index): reworded(text, 0.3, pool, rng) for index, text in enumerate(chosen)}
        started = time.perf_counter()
        found = match_english(renderings, dict(enumerate(chosen)))
        seconds = time.perf_counter() - started
        right = sum(1 for segment, unit in found.items() if chosen[unit] == chosen[int(segment)])
        print(f"{size:>6} {right / size:>7.1%} {seconds:>8.1f}")


if __name__ == "__main__":
    main()
