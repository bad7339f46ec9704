"""Sufficient statistics of several systems, extracted once and in parallel.

Extraction (tokenising, counting n-grams, TER's edit search) is nearly all of
the time a score takes; resampling afterwards is cheap.  Statistics are per
segment, so the corpus is cut into contiguous chunks that worker processes
handle independently, each preparing its chunk of references once for every
system.  Workers are spawned, not forked, so this is safe from a thread of the TUI.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from review.scoring.metrics import METRICS, Statistics, check_pair, segment_statistics

# below this many segment pairs in all, starting processes costs more than it saves
PARALLEL_FROM = 4000


def _chunk_statistics(name: str, references: list[str], systems: dict[str, list[str]]) -> dict[str, list[list[Any]]]:
    """One worker's job: one metric, one chunk of segments, every system.

    A (hypothesis, reference) pair that recurs (variants usually differ in a few
    segments only) is scored once, and all pairs of all systems in one batch.
    """
    pairs: dict[tuple[str, str], int] = {}
    for hyps in systems.values():
        for hyp, ref in zip(hyps, references, strict=True):
            pairs.setdefault((hyp, ref), len(pairs))
    found = segment_statistics(name, [hyp for hyp, _ in pairs], [ref for _, ref in pairs])
    return {system: [found[pairs[(hyp, ref)]] for hyp, ref in zip(hyps, references, strict=True)]
            for system, hyps in systems.items()}


def _spans(total: int, parts: int) -> list[tuple[int, int]]:
    size = -(-total // parts)
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def extract_statistics(systems: Mapping[str, Sequence[str]], references: Sequence[str],
                       metrics: Sequence[str] = METRICS, *, jobs: int = 1) -> dict[str, Statistics]:
    """Statistics of every system against the same references.

    jobs: worker processes; 0 means one per CPU; 1 (the default) works in this process.
    """
    for name, hyps in systems.items():
        check_pair(hyps, references, what=name)
    refs = list(references)
    texts = {name: list(hyps) for name, hyps in systems.items()}
    workers = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    if workers == 1 or len(refs) * len(texts) < PARALLEL_FROM:
        rows = {metric: _chunk_statistics(metric, refs, texts) for metric in metrics}
    else:
        rows = _in_parallel(texts, refs, metrics, workers)
    return {name: Statistics(texts[name], refs, metrics, rows={metric: rows[metric][name] for metric in metrics})
            for name in texts}


def _in_parallel(texts: dict[str, list[str]], refs: list[str], metrics: Sequence[str],
                 workers: int) -> dict[str, dict[str, list[list[Any]]]]:
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    # TER and chrF take several times as long as BLEU: cut finely enough for the pool to balance
    spans = _spans(len(refs), workers * 2)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {
            (metric, start): pool.submit(_chunk_statistics, metric, refs[start:end],
                                         {name: hyps[start:end] for name, hyps in texts.items()})
            for metric in metrics for start, end in spans
        }
        rows: dict[str, dict[str, list[list[Any]]]] = {metric: {name: [] for name in texts} for metric in metrics}
        for metric in metrics:
            for start, _ in spans:
                for name, part in futures[(metric, start)].result().items():
                    rows[metric][name].extend(part)
    return rows
