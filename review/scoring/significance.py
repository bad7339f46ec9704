"""Paired significance tests of variants against a baseline, as ``sacrebleu --paired-bs/--paired-ar``.

The random draws, the confidence interval and the p-value come from sacrebleu's
own code (:mod:`sacrebleu.significance`), so the numbers equal those of the
``sacrebleu`` command with the same seed (but seed 0, which sacrebleu takes for
"draw one" in each comparison; here it is a seed like any other).  What differs is how resampled
statistics are summed: sacrebleu materialises every resample
(``stats[idxs]``, samples × segments × statistics floats: gigabytes for 10,000
segments); here the draws become a count matrix and the sums a matrix product,
done in chunks.  Statistics are integer counts, so the sums are the same numbers.
The draws themselves are made at once, as sacrebleu makes them (samples × segments
indices, 8 bytes each): too many for memory is refused in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from review.errors import ScoreError
from review.scoring.extract import extract_statistics
from review.scoring.metrics import METRICS, MetricScore, Statistics, check_pair

DEFAULT_SEED = 12345  # sacrebleu's default for SACREBLEU_SEED
DEFAULT_SAMPLES = {"bs": 1000, "ar": 10000}
TESTS = {"bs": "paired bootstrap resampling", "ar": "paired approximate randomization"}
_CHUNK = 64  # resamples summed at once: bounds memory to 64 × segments floats


@dataclass(frozen=True, slots=True)
class PairedResult:
    """One system's score for one metric in a paired test.

    score: the actual corpus score.
    mean, ci: bootstrap estimate of the true mean and the half-width of its 95% confidence
        interval (None for an approximate randomization test without confidence resampling).
    p_value: probability of a difference at least this large by chance; None for the baseline.
    """

    system: str
    metric: str
    score: float
    mean: float | None = None
    ci: float | None = None
    p_value: float | None = None

    @property
    def significant(self) -> bool:
        """Whether the difference to the baseline is significant at p < 0.05."""
        return self.p_value is not None and self.p_value < 0.05


@dataclass(frozen=True, slots=True)
class Comparison:
    """A paired test of variants against a baseline on the same references.

    test: "bs" (paired bootstrap resampling) or "ar" (approximate randomization).
    samples: bootstrap resamples or randomization trials.
    seed: seed of the random draws (None: drawn from the operating system).
    segments: segment pairs per system (the sample size).
    systems: names, baseline first.
    scores: corpus scores (with signatures) per system, in ``systems`` order.
    results: one per system and metric; the baseline's have no p-value.
    signatures: per metric, sacrebleu's signature with the test's settings added.
    notes: facts a reader should know (a variant identical to the baseline, ...).
    """

    test: str
    samples: int
    seed: int | None
    segments: int
    systems: tuple[str, ...]
    scores: tuple[tuple[MetricScore, ...], ...]
    results: tuple[PairedResult, ...]
    signatures: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def baseline(self) -> str:
        return self.systems[0]

    @property
    def description(self) -> str:
        return f"{TESTS[self.test]}, {self.samples} samples, seed {self.seed}, {self.segments} segments"

    def result(self, system: str, metric: str) -> PairedResult:
        for result in self.results:
            if result.system == system and result.metric == metric:
                return result
        msg = f"no result for {system!r} / {metric!r}"
        raise KeyError(msg)


def _numpy() -> Any:
    import numpy as np  # noqa: PLC0415 - numpy comes with sacrebleu; loaded when a test runs

    return np


def _sacrebleu_significance() -> Any:
    from sacrebleu import significance  # noqa: PLC0415

    return significance


def _draws(seed: int, total: int, draw: Callable[[Any, int], Any]) -> Iterator[Any]:
    """A test's ``total`` rows of draws, ``_CHUNK`` at a time, from a generator seeded afresh.

    numpy's generator gives the same rows whatever the chunks (checked in the tests), so every
    metric and system reads the very draws one array of them would hold, without the array:
    1,000 resamples of 100,000 segments were 800 MB, 10,000 randomization trials 1 GB.
    """
    rng = _numpy().random.default_rng(seed)
    for start in range(0, total, _CHUNK):
        yield draw(rng, min(_CHUNK, total - start))


def _fixed(seed: int | None) -> int:
    """``seed``, or for None one drawn from the system once: every metric and system must share the draws."""
    if seed is not None:
        return seed
    return int(_numpy().random.SeedSequence().generate_state(1)[0])


def _in_chunks(idxs: Any) -> Iterator[Any]:
    return (idxs[start : start + _CHUNK] for start in range(0, idxs.shape[0], _CHUNK))


def _count_chunks(blocks: Iterable[Any], size: int) -> Iterator[Any]:
    """For each chunk of resamples, how many times each segment was drawn (rows: resamples)."""
    np = _numpy()
    for block in blocks:
        offsets = (np.arange(block.shape[0]) * size)[:, None]
        counts = np.bincount((block + offsets).ravel(), minlength=block.shape[0] * size)
        yield counts.reshape(block.shape[0], size).astype(np.float64)


def _resampled_scores(metric: Any, rows: Any, blocks: Iterable[Any],
                      tick: Callable[[int], object] = lambda _: None) -> Any:
    """Scores of every bootstrap resample, as sacrebleu's ``stats[idxs].sum(0)`` would give them.

    ``blocks``: the resampled indices, a chunk of rows at a time; ``tick`` is told how many resamples each
    chunk scored (a progress bar).
    """
    np = _numpy()
    stats = np.asarray(rows, dtype=np.float64)
    scores: list[float] = []
    for counts in _count_chunks(blocks, stats.shape[0]):
        # sacrebleu sums float32 statistics: cast the (integer-valued) sums to the same type
        sums = (counts @ stats).astype(np.float32)
        scores.extend(metric.score_totals(row).score for row in sums)
        tick(len(sums))
    return np.array(scores)


def _check_test(test: str, variants: Mapping[str, object]) -> None:
    if test not in TESTS:
        msg = f"unknown paired test {test!r}: use 'bs' (bootstrap) or 'ar' (approximate randomization)"
        raise ScoreError(msg)
    if not variants:
        msg = "a paired test needs at least one variant beside the baseline"
        raise ScoreError(msg)


def compare_variants(baseline: Sequence[str], variants: Mapping[str, Sequence[str]], reference: Sequence[str], *,  # noqa: PLR0913 - keyword-only options
                     baseline_name: str = "baseline", test: str = "bs", samples: int | None = None,
                     seed: int | None = DEFAULT_SEED, ar_confidence: int = -1,
                     metrics: Sequence[str] = METRICS, jobs: int = 1) -> Comparison:
    """Score each variant and test its difference to the baseline, metric by metric.

    ``test`` is "bs" or "ar"; ``samples`` defaults to sacrebleu's (1000 resamples, 10,000 trials).
    ``ar_confidence`` > 0 adds bootstrap confidence intervals to an "ar" test (sacrebleu's
    ``n_ar_confidence``; the command line leaves it off).  ``jobs`` worker processes extract
    the statistics (0: one per CPU; see :func:`review.scoring.extract.extract_statistics`).
    """
    _check_test(test, variants)
    check_pair(baseline, reference, what=baseline_name)
    for name, hyps in variants.items():
        check_pair(hyps, reference, what=name)
    if baseline_name in variants:
        msg = f"a variant is named {baseline_name!r} like the baseline: give each system its own name"
        raise ScoreError(msg)
    extracted = extract_statistics({baseline_name: baseline, **variants}, reference, metrics, jobs=jobs)
    base = extracted.pop(baseline_name)
    return paired_test(base, extracted, baseline_name=baseline_name, test=test, samples=samples, seed=seed,
                       ar_confidence=ar_confidence)


def paired_test(base: Statistics, systems: Mapping[str, Statistics], *, baseline_name: str = "baseline",
                test: str = "bs", samples: int | None = None, seed: int | None = DEFAULT_SEED,
                ar_confidence: int = -1, advance: Callable[[int, int], object] | None = None) -> Comparison:
    """The paired test of :func:`compare_variants` on statistics already extracted.

    ``advance(count, total)`` is told of each chunk of draws scored, out of all the test makes (a progress bar:
    on 100,000 segments a test runs for minutes).
    """
    _check_test(test, systems)
    n_samples = samples if samples and samples > 0 else DEFAULT_SAMPLES[test]
    metrics = tuple(base.objects)
    total = n_samples * len(metrics) * (len(systems) + (1 if test == "bs" else 0))

    def tick(count: int) -> None:
        if advance is not None:
            advance(count, total)

    np = _numpy()
    significance = _sacrebleu_significance()
    n = len(base.references)
    for name, stats in systems.items():
        check_pair(stats.hypotheses, base.references, what=name)
    results: list[PairedResult] = []
    signatures: dict[str, str] = {}
    for name in metrics:
        metric = base.objects[name]
        signature = metric.get_signature()
        signature.update("seed", str(seed).lower())
        signature.update(test, n_samples)
        if test == "ar" and ar_confidence > 0:
            signature.update("bs", ar_confidence)
        signatures[name] = signature.format()
    if test == "bs":
        # the baseline's CI and every comparison draw the same indices from the same seed (sacrebleu draws them
        # anew for each comparison when its seed is 0, so that seed 0 gave other p-values on each run: here
        # 0 is a seed like any other)
        drawn = _fixed(seed)

        def idxs() -> Iterator[Any]:
            return _draws(drawn, n_samples, lambda rng, rows: rng.choice(n, size=(rows, n), replace=True))

        for name in metrics:
            metric = base.objects[name]
            base_score = base.corpus(name).score
            base_scores = _resampled_scores(metric, base.rows[name], idxs(), tick)
            mean, ci = significance.estimate_ci(base_scores)
            results.append(PairedResult(baseline_name, name, base_score, float(mean), float(ci)))
            for system, stats in systems.items():
                score = stats.corpus(name).score
                sys_scores = _resampled_scores(stats.objects[name], stats.rows[name], idxs(), tick)
                sys_mean, sys_ci = significance.estimate_ci(sys_scores)
                diffs = np.abs(sys_scores - base_scores)
                p_value = significance._compute_p_value(diffs - diffs.mean(), abs(base_score - score))  # noqa: SLF001
                results.append(PairedResult(system, name, score, float(sys_mean), float(sys_ci), float(p_value)))
    else:
        results = _approximate_randomization(base, systems, baseline_name, metrics, n_samples, seed, ar_confidence,
                                             tick)
    ordered = sorted(results, key=lambda item: (metrics.index(item.metric),
                                                [baseline_name, *systems].index(item.system)))
    scores = (base.scores(), *(stats.scores() for stats in systems.values()))
    # sacrebleu counts only differences strictly above the real one (0 here), so it reports the smallest
    # p-value it can: say so rather than let "significant" stand unexplained
    notes = tuple(f"{name} is identical to the baseline {baseline_name}: every difference is 0, disregard its p-values"
                  for name, stats in systems.items() if stats.hypotheses == base.hypotheses)
    return Comparison(test=test, samples=n_samples, seed=seed, segments=n, systems=(baseline_name, *systems),
                      scores=scores, results=tuple(ordered), signatures=signatures, notes=notes)


def _approximate_randomization(base: Statistics, systems: Mapping[str, Statistics], baseline_name: str,  # noqa: PLR0917 - sacrebleu's own parameters
                               metrics: Sequence[str], n_samples: int, seed: int | None,
                               ar_confidence: int, tick: Callable[[int], object]) -> list[PairedResult]:
    """sacrebleu's ``_paired_ar_test``, with the trials summed in chunks to bound memory."""
    np = _numpy()
    significance = _sacrebleu_significance()
    n = len(base.hypotheses)
    results: list[PairedResult] = []
    for name in metrics:
        metric = base.objects[name]
        base_score = base.corpus(name).score
        mean = ci = None
        if ar_confidence > 0:
            idxs = np.random.default_rng(seed).choice(n, size=(ar_confidence, n), replace=True)
            mean, ci = (float(x) for x in significance.estimate_ci(_resampled_scores(metric, base.rows[name],
                                                                                       _in_chunks(idxs))))
        results.append(PairedResult(baseline_name, name, base_score, mean, ci))
    drawn = _fixed(seed)

    def trials() -> Iterator[Any]:
        return _draws(drawn, n_samples, lambda rng, rows: rng.integers(2, size=(rows, n), dtype=bool))

    for system, stats in systems.items():
        bs_idxs = None
        if ar_confidence > 0:  # drawn after the trials' draws, from the same generator, as sacrebleu draws them
            rng = np.random.default_rng(drawn)
            for start in range(0, n_samples, _CHUNK):
                rng.integers(2, size=(min(_CHUNK, n_samples - start), n), dtype=bool)
            bs_idxs = rng.choice(n, size=(ar_confidence, n), replace=True)
        for name in metrics:
            metric = stats.objects[name]
            base_rows = np.array(base.rows[name])  # same conversion (and dtype) as sacrebleu's `bool @ list`
            sys_rows = np.array(stats.rows[name])
            score = stats.corpus(name).score
            scores_a: list[float] = []
            scores_b: list[float] = []
            for pos in trials():
                neg = ~pos
                shuf_a = pos @ base_rows + neg @ sys_rows
                shuf_b = neg @ base_rows + pos @ sys_rows
                scores_a.extend(metric.score_segments(x).score for x in shuf_a[:, None])
                scores_b.extend(metric.score_segments(x).score for x in shuf_b[:, None])
                tick(len(pos))
            p_value = significance._compute_p_value(  # noqa: SLF001
                np.abs(np.array(scores_a) - np.array(scores_b)), abs(base.corpus(name).score - score))
            mean = ci = None
            if bs_idxs is not None:
                mean, ci = (float(x) for x in significance.estimate_ci(
                    _resampled_scores(metric, stats.rows[name], _in_chunks(bs_idxs))))
            results.append(PairedResult(system, name, score, mean, ci, float(p_value)))
    return results
