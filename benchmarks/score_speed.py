"""How long `review score` takes on a large corpus: 10,000 segment pairs, a baseline and three variants.

Synthetic French-like data (Zipf-distributed words: the sample article's plus
invented ones; each variant a different perturbation of the reference), so the
run needs no download.

    python benchmarks/score_speed.py                       # 10,000 segments, 1,000 resamples
    python benchmarks/score_speed.py --segments 2000 --sacrebleu   # also time sacrebleu's PairedTest
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.scoring import sentence_scores
from review.scoring.extract import extract_statistics
from review.scoring.significance import paired_test

SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "iran-pakistan.fr.txt"


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    """The sample article's words plus invented ones, with Zipf weights (rank r weighs 1/r), like real text."""
    words = list(dict.fromkeys(SAMPLE.read_text(encoding="utf-8").lower().split()))
    letters = "abcdefghijklmnopqrstuvwxyzéèàç"
    while len(words) < size:
        words.append("".join(rng.choice(letters) for _ in range(rng.randint(3, 11))))
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def corpus(segments: int, seed: int) -> tuple[list[str], dict[str, list[str]], list[str]]:
    rng = random.Random(seed)
    words, weights = vocabulary(rng)

    def sentence() -> list[str]:
        return rng.choices(words, weights, k=rng.randint(8, 40))

    reference = [" ".join(sentence()) + "." for _ in range(segments)]

    def variant(rate: float) -> list[str]:
        out = []
        for text in reference:
            tokens = text.split()
            for index in range(len(tokens)):
                if rng.random() < rate:
                    tokens[index] = rng.choices(words, weights)[0]
            if len(tokens) > 3 and rng.random() < rate:
                del tokens[rng.randrange(len(tokens))]
            out.append(" ".join(tokens))
        return out

    return variant(0.2), {"v1": variant(0.15), "v2": variant(0.25), "v3": variant(0.2)}, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: one per CPU)")
    parser.add_argument("--variants", type=int, default=3, choices=(1, 2, 3), help="variants beside the baseline")
    parser.add_argument("--sacrebleu", action="store_true", help="also time sacrebleu's own PairedTest (memory-hungry)")
    args = parser.parse_args()
    baseline, variants, reference = corpus(args.segments, seed=1)
    variants = dict(list(variants.items())[: args.variants])
    print(f"{args.segments} segments, baseline + {len(variants)} variants, {args.samples} bootstrap resamples")

    start = time.perf_counter()
    extracted = extract_statistics({"baseline": baseline, **variants}, reference, jobs=args.jobs)
    extraction = time.perf_counter() - start
    base = extracted.pop("baseline")
    start = time.perf_counter()
    comparison = paired_test(base, extracted, samples=args.samples)
    testing = time.perf_counter() - start
    print(f"per-segment statistics (BLEU, chrF2++, TER; sacrebleu's numbers), jobs={args.jobs}: {extraction:.1f} s")
    print(f"paired bootstrap, {args.samples} resamples, 3 metrics: {testing:.1f} s")
    print(f"total: {extraction + testing:.1f} s")
    for result in comparison.results:
        if result.p_value is not None:
            print(f"  {result.system} {result.metric}: {result.score:.2f} ({result.mean:.2f} ± {result.ci:.2f}) "
                  f"p={result.p_value:.4f}")

    start = time.perf_counter()
    sentence_scores(variants["v1"], reference)
    print(f"sentence_scores of one variant: {time.perf_counter() - start:.1f} s")

    if args.sacrebleu:
        from sacrebleu.metrics import BLEU, CHRF, TER  # noqa: PLC0415
        from sacrebleu.significance import PairedTest  # noqa: PLC0415

        start = time.perf_counter()
        named = [("baseline", baseline), *variants.items()]
        metrics = {"BLEU": BLEU(), "CHRF": CHRF(word_order=2), "TER": TER()}
        PairedTest(named, metrics, [reference], test_type="bs", n_samples=args.samples)()  # as `sacrebleu --paired-bs`
        print(f"sacrebleu PairedTest on the same data: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
