"""TER statistics equal to sacrebleu 2.6's, for many segments at once.

A port of ``sacrebleu.metrics.lib_ter.translation_edit_rate`` (Tercom's greedy
shift search over a beam edit distance) with the same limits, the same
tie-breaking between edit operations and the same ranking and counting of
shift candidates, so every segment gets the same ``[edits, reference length]``.
What changes is how the work is scheduled: sacrebleu computes one edit distance
at a time in pure Python; here the shift search of every segment advances in
rounds, and each round computes the edit distances of all segments (and of all
their shift candidates) together, one numpy operation per matrix row for all
segments of the same hypothesis and reference lengths.

A segment whose edit trace would pass through a cell the beam never reached
(sacrebleu raises there) is handed to sacrebleu's own function.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

# sacrebleu.metrics.lib_ter's limits
MAX_SHIFT_SIZE = 10
MAX_SHIFT_DIST = 50
BEAM_WIDTH = 25
MAX_SHIFT_CANDIDATES = 1000

INF = 1 << 40  # stands for sacrebleu's "not computed" (every real distance is far below)
NOP, SUB, DEL, INS, UNDEF, PAD = 0, 1, 2, 3, 4, 5


def ter_words(sentence: str, *, case_sensitive: bool = False) -> list[str]:
    """TER's tokens of a segment with sacrebleu's default options (lowercased unless case-sensitive,
    split on whitespace)."""
    sentence = sentence.rstrip()
    return (sentence if case_sensitive else sentence.lower()).split()


def _beam(n_hyp: int, n_ref: int) -> list[tuple[int, int]]:
    """The columns [lo, hi) that sacrebleu's beam computes in each row 1..n_hyp."""
    ratio = n_ref / n_hyp
    width = math.ceil(ratio / 2 + BEAM_WIDTH) if ratio / 2 > BEAM_WIDTH else BEAM_WIDTH
    spans = []
    for i in range(1, n_hyp + 1):
        diagonal = math.floor(i * ratio)
        hi = n_ref + 1 if i == n_hyp else min(n_ref + 1, diagonal + width)
        spans.append((max(0, diagonal - width), hi))
    return spans


def _distances(hyps: np.ndarray, refs: np.ndarray, *, with_ops: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """Beam edit distances of equal-length hypotheses to equal-length references (one pair a row).

    Returns the distances and, with ``with_ops``, the operation sacrebleu records in every cell
    (lanes x (n_hyp + 1) x (n_ref + 1)), with its preference order: no-op/substitution, then
    deletion, then insertion, each taken only when strictly cheaper.
    """
    lanes, n_hyp = hyps.shape
    n_ref = refs.shape[1]
    columns = n_ref + 1
    steps = np.arange(columns + 1, dtype=np.int64)
    prev = np.broadcast_to(steps[:columns], (lanes, columns))
    ops = None
    if with_ops:
        ops = np.full((lanes, n_hyp + 1, columns), UNDEF, dtype=np.int8)
        ops[:, 0, :] = INS
    for i, (lo, hi) in enumerate(_beam(n_hyp, n_ref), start=1):
        cur = np.full((lanes, columns), INF, dtype=np.int64)
        first = lo
        if lo == 0:
            cur[:, 0] = prev[:, 0] + 1
            if ops is not None:
                ops[:, i, 0] = DEL
            first = 1
        if hi > first:
            differ = hyps[:, i - 1:i] != refs[:, first - 1:hi - 1]
            sub = prev[:, first - 1:hi - 1] + differ
            dele = prev[:, first:hi] + 1
            best = np.minimum(np.minimum(sub, dele), INF)
            chain = np.concatenate((cur[:, first - 1:first], best), axis=1)
            offsets = steps[:hi - first + 1]
            chain = np.minimum.accumulate(chain - offsets, axis=1) + offsets
            done = np.minimum(chain[:, 1:], INF)
            cur[:, first:hi] = done
            if ops is not None:
                ops[:, i, first:hi] = np.where(
                    done < best, INS,
                    np.where(dele < np.minimum(sub, INF), DEL,
                             np.where(sub < INF, np.where(differ, SUB, NOP), UNDEF)))
        prev = cur
    return prev[:, n_ref], ops


def _backtrack(ops: np.ndarray) -> list[list[int]]:
    """Each lane's edit operations from the first cell to the last (sacrebleu's trace, unflipped)."""
    lanes, rows, columns = ops.shape
    i = np.full(lanes, rows - 1)
    j = np.full(lanes, columns - 1)
    every = np.arange(lanes)
    trail = []
    for _ in range(rows + columns - 2):
        op = ops[every, i, j]
        op = np.where((i > 0) | (j > 0), op, PAD)
        trail.append(op)
        i = i - ((op == NOP) | (op == SUB) | (op == DEL))
        j = j - ((op == NOP) | (op == SUB) | (op == INS))
    if not trail:
        return [[] for _ in range(lanes)]
    traces: list[list[int]] = np.stack(trail, axis=1)[:, ::-1].tolist()
    return traces


def _alignment(trace: list[int]) -> tuple[list[int], list[int], list[int]] | None:
    """sacrebleu's trace_to_alignment of the flipped trace: align (a list: every reference word
    is aligned), prefix sums of reference errors and of hypothesis errors.  None on an UNDEF cell."""
    pos_hyp = -1
    align: list[int] = []
    ref_err = [0]
    hyp_err = [0]
    for op in trace:
        if op == PAD:
            continue
        if op in (NOP, SUB):
            pos_hyp += 1
            align.append(pos_hyp)
            hyp_err.append(hyp_err[-1] + op)
            ref_err.append(ref_err[-1] + op)
        elif op == DEL:  # consumes a hypothesis word: flipped, an insertion
            pos_hyp += 1
            hyp_err.append(hyp_err[-1] + 1)
        elif op == INS:  # consumes a reference word: flipped, a deletion
            align.append(pos_hyp)
            ref_err.append(ref_err[-1] + 1)
        else:
            return None
    return align, ref_err, hyp_err


def _perform_shift(words: tuple[int, ...], start: int, length: int, target: int) -> tuple[int, ...]:
    if target < start:
        return words[:target] + words[start:start + length] + words[target:start] + words[start + length:]
    if target > start + length:
        return words[:start] + words[start + length:target] + words[start:start + length] + words[target:]
    return (words[:start] + words[start + length:length + target] + words[start:start + length]
            + words[length + target:])


class _Segment:
    """One hypothesis's shift search in progress."""

    __slots__ = ("candidates", "checked", "ref", "ref_positions", "score", "shifts", "words")

    def __init__(self, words: tuple[int, ...], ref: tuple[int, ...]) -> None:
        self.words = words
        self.ref = ref
        positions: dict[int, list[int]] = {}
        for index, word in enumerate(ref):
            positions.setdefault(word, []).append(index)
        self.ref_positions = positions
        self.shifts = 0
        self.checked = 0
        self.score = 0
        self.candidates: list[tuple[int, int, int, tuple[int, ...]]] = []

    def propose(self, align: list[int], ref_err: list[int], hyp_err: list[int]) -> None:
        """sacrebleu's _shift up to scoring: the candidates, in its order, counted against its limit."""
        words, ref = self.words, self.ref
        n_hyp, n_ref = len(words), len(ref)
        candidates: list[tuple[int, int, int, tuple[int, ...]]] = []
        checked = self.checked
        positions = self.ref_positions
        for start_h in range(n_hyp):
            for start_r in positions.get(words[start_h], ()):
                if abs(start_r - start_h) > MAX_SHIFT_DIST:
                    continue
                length = 0
                while words[start_h + length] == ref[start_r + length] and length < MAX_SHIFT_SIZE:
                    length += 1
                    # one (start_h, start_r, length) of sacrebleu's _find_shifted_pairs
                    if (hyp_err[start_h + length] - hyp_err[start_h] != 0
                            and ref_err[start_r + length] - ref_err[start_r] != 0
                            and not start_h <= align[start_r] < start_h + length):
                        prev_idx = -1
                        for offset in range(-1, length):
                            if start_r + offset == -1:
                                idx = 0
                            elif start_r + offset < n_ref:
                                idx = align[start_r + offset] + 1
                            else:
                                break
                            if idx == prev_idx:
                                continue
                            prev_idx = idx
                            candidates.append((length, -start_h, -idx, _perform_shift(words, start_h, length, idx)))
                            checked += 1
                        if checked >= MAX_SHIFT_CANDIDATES:
                            self.candidates, self.checked = candidates, checked
                            return
                    if n_hyp == start_h + length or n_ref == start_r + length:
                        break
        self.candidates, self.checked = candidates, checked


def _group_distances(pairs: Sequence[tuple[tuple[int, ...], tuple[int, ...]]], *,
                     with_ops: bool) -> tuple[list[int], list[list[int] | None]]:
    """Distances (and traces, with_ops) of many (hypothesis, reference) id tuples, all non-empty."""
    distances = [0] * len(pairs)
    traces: list[list[int] | None] = [None] * len(pairs)
    groups: dict[tuple[int, int], list[int]] = {}
    for index, (hyp, ref) in enumerate(pairs):
        groups.setdefault((len(hyp), len(ref)), []).append(index)
    for members in groups.values():
        hyps = np.array([pairs[index][0] for index in members], dtype=np.int64)
        refs = np.array([pairs[index][1] for index in members], dtype=np.int64)
        found, ops = _distances(hyps, refs, with_ops=with_ops)
        for index, value in zip(members, found.tolist(), strict=True):
            distances[index] = value
        if ops is not None:
            for index, trace in zip(members, _backtrack(ops), strict=True):
                traces[index] = trace
    return distances, traces


def ter_statistics(hypotheses: Sequence[str], references: Sequence[str], *,
                   case_sensitive: bool = False) -> list[list[Any]]:
    """sacrebleu TER(case_sensitive=...)'s per-segment statistics ``[edits, reference length]``
    (one reference a segment)."""
    from sacrebleu.metrics.lib_ter import translation_edit_rate  # noqa: PLC0415

    vocabulary: dict[str, int] = {}

    def ids(words: list[str]) -> tuple[int, ...]:
        return tuple([vocabulary.setdefault(word, len(vocabulary)) for word in words])

    rows: list[list[Any]] = [[]] * len(hypotheses)
    active: dict[int, _Segment] = {}
    for index, (hyp, ref) in enumerate(zip(hypotheses, references, strict=True)):
        hyp_words = ter_words(hyp, case_sensitive=case_sensitive)
        ref_words = ter_words(ref, case_sensitive=case_sensitive)
        if not ref_words:
            rows[index] = [len(hyp_words), 0.0]
        elif not hyp_words:
            rows[index] = [len(ref_words), float(len(ref_words))]
        elif hyp_words == ref_words:
            rows[index] = [0, float(len(ref_words))]
        else:
            active[index] = _Segment(ids(hyp_words), ids(ref_words))
    while active:
        order = list(active)
        scores, traces = _group_distances([(active[i].words, active[i].ref) for i in order], with_ops=True)
        proposing = []
        for index, score, trace in zip(order, scores, traces, strict=True):
            segment = active[index]
            segment.score = score
            aligned = _alignment(trace or [])
            if aligned is None:  # sacrebleu would raise here; let it speak for itself
                del active[index]
                edits, length = translation_edit_rate(ter_words(hypotheses[index], case_sensitive=case_sensitive),
                                                      ter_words(references[index], case_sensitive=case_sensitive))
                rows[index] = [edits, float(length)]
                continue
            segment.propose(*aligned)
            proposing.append(index)
        flat = [(candidate[3], active[index].ref) for index in proposing for candidate in active[index].candidates]
        distances, _ = _group_distances(flat, with_ops=False)
        position = 0
        for index in proposing:
            segment = active[index]
            best = None
            for length, start, idx, words in segment.candidates:
                candidate = (segment.score - distances[position], length, start, idx)
                position += 1
                if best is None or candidate > best[0]:
                    best = (candidate, words)
            segment.candidates = []
            if segment.checked >= MAX_SHIFT_CANDIDATES or best is None or best[0][0] <= 0:
                rows[index] = [segment.shifts + segment.score, float(len(segment.ref))]
                del active[index]
            else:
                segment.shifts += 1
                segment.words = best[1]
    return rows
