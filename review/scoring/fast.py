"""BLEU and chrF2++ statistics equal to sacrebleu 2.6's, with the per-n-gram work done in C.

sacrebleu counts n-grams with ``collections.Counter`` but builds them and
matches them in Python loops.  Here n-grams are cut with ``map`` over slices
and zips, and matched with ``min`` over the set of n-grams both sides share
(``sum(min(h, r))`` over the common keys is sacrebleu's clipped count), so the
statistics are the same numbers, several times faster.  References are prepared
once and reused for every system.  TER is in :mod:`review.scoring.fast_ter`; the
sacrebleu metric classes that use both are in :mod:`review.scoring.fast_metrics`.
This module knows no metric names and imports nothing of the package.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

CHAR_ORDER = 6  # chrF2++ = CHRF(word_order=2): character 1..6-grams, word 1..2-grams; chrF: no words
WORD_ORDERS = (0, 1, 2)  # the word n-gram orders computed here
BLEU_ORDER = 4
_PUNCTS = frozenset('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')  # sacrebleu's chrF punctuation

# sacrebleu's 13a tokenizer: its first rule pads every character of one class with
# spaces, one character at a time, which str.translate does without regex callbacks
_PAD_CLASS = re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])")
_PAD = str.maketrans({chr(code): f" {chr(code)} " for code in range(128) if _PAD_CLASS.fullmatch(chr(code))})
_RULES = (
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),  # period and comma unless preceded by a digit
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),  # period and comma unless followed by a digit
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),  # dash after a digit
)

_slices: dict[int, list[slice]] = {}


def _ngrams(line: str, n: int) -> Counter[str]:
    """Counts of the character n-grams of ``line`` (sacrebleu's extract_char_ngrams)."""
    count = len(line) - n + 1
    if count <= 0:
        return Counter()
    if n == 1:
        return Counter(line)
    cuts = _slices.setdefault(n, [])
    if len(cuts) < count:
        cuts.extend(slice(i, i + n) for i in range(len(cuts), 2 * count + 64))
    return Counter(map(line.__getitem__, cuts[:count]))  # no Python bytecode per n-gram


def _matches(hyp: Counter[Any], ref: Counter[Any]) -> int:
    common = hyp.keys() & ref.keys()
    return sum(map(min, map(hyp.__getitem__, common), map(ref.__getitem__, common)))


# ---------------------------------------------------------------- chrF2++


def chrf_words(sentence: str) -> list[str]:
    """sacrebleu chrF's word split: punctuation cut off the end (else the start) of a word."""
    words: list[str] = []
    for word in sentence.split():
        if len(word) == 1:
            words.append(word)
        elif word[-1] in _PUNCTS:
            words += (word[:-1], word[-1])
        elif word[0] in _PUNCTS:
            words += (word[0], word[1:])
        else:
            words.append(word)
    return words


def _chrf_counts(sentence: str, word_order: int) -> tuple[list[Counter[Any]], list[int]]:
    """Each order's n-gram counts and number of n-grams: characters 1..6, then words 1..word_order."""
    line = "".join(sentence.split())
    counters = [_ngrams(line, n) for n in range(1, CHAR_ORDER + 1)]
    totals = [max(0, len(line) - n + 1) for n in range(1, CHAR_ORDER + 1)]
    if word_order:
        words = chrf_words(sentence)
        counters.append(Counter(words))
        totals.append(len(words))
    if word_order == 2:
        counters.append(Counter[Any](itertools.pairwise(words)))
        totals.append(max(0, len(words) - 1))
    return counters, totals


def chrf_references(references: Sequence[str], word_order: int = 2) -> list[tuple[list[Counter[Any]], list[int]]]:
    return [_chrf_counts(ref, word_order) for ref in references]


def chrf_statistics(hypotheses: Sequence[str], prepared: Sequence[tuple[list[Counter[Any]], list[int]]],
                    word_order: int = 2) -> list[list[int]]:
    """sacrebleu CHRF(word_order=...)'s per-segment statistics: [hyp, ref, match] for each order."""
    rows = []
    for hyp, (ref_counts, ref_totals) in zip(hypotheses, prepared, strict=True):
        hyp_counts, hyp_totals = _chrf_counts(hyp, word_order)
        row: list[int] = []
        for h, r, h_total, r_total in zip(hyp_counts, ref_counts, hyp_totals, ref_totals, strict=True):
            # sacrebleu counts no hypothesis n-grams of an order the reference has none of
            row += (h_total if r_total else 0, r_total, _matches(h, r) if r_total and h_total else 0)
        rows.append(row)
    return rows


# ---------------------------------------------------------------- BLEU


def tokenize_13a(line: str) -> str:
    """sacrebleu's 13a tokenizer (mteval-v13a), the same output."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = f" {line} ".translate(_PAD)
    for pattern, replacement in _RULES:
        line = pattern.sub(replacement, line)
    return " ".join(line.split())


def _bleu_counts(sentence: str) -> tuple[list[Counter[Any]], int]:
    tokens = tokenize_13a(sentence.rstrip()).split()
    counters = [Counter(zip(*(tokens[k:] for k in range(n)), strict=False)) for n in range(1, BLEU_ORDER + 1)]
    return counters, len(tokens)


def bleu_references(references: Sequence[str]) -> list[tuple[list[Counter[Any]], int]]:
    return [_bleu_counts(ref) for ref in references]


def bleu_statistics(hypotheses: Sequence[str], prepared: Sequence[tuple[list[Counter[Any]], int]]
                    ) -> list[list[int]]:
    """sacrebleu BLEU()'s per-segment statistics: [hyp length, ref length, 4 matches, 4 totals]."""
    rows = []
    for hyp, (ref_counts, ref_len) in zip(hypotheses, prepared, strict=True):
        hyp_counts, hyp_len = _bleu_counts(hyp)
        correct = [_matches(h, r) for h, r in zip(hyp_counts, ref_counts, strict=True)]
        total = [max(0, hyp_len - n) for n in range(BLEU_ORDER)]
        rows.append([hyp_len, ref_len, *correct, *total])
    return rows


# ---------------------------------------------------------------- one reference a segment


def bleu_rows(hypotheses: Sequence[str], references: Sequence[str], *, warn: bool = True) -> list[list[int]]:
    """sacrebleu BLEU()'s statistics of each segment; each distinct reference is prepared once.

    warn: log sacrebleu's warning about tokenized hypotheses (off with BLEU(force=True)).
    """
    if warn:
        warn_tokenized(hypotheses)
    distinct = list(dict.fromkeys(references))
    prepared = dict(zip(distinct, bleu_references(distinct), strict=True))
    return bleu_statistics(hypotheses, [prepared[ref] for ref in references])


def chrf_rows(hypotheses: Sequence[str], references: Sequence[str], *, word_order: int = 2) -> list[list[int]]:
    """sacrebleu CHRF(word_order=...)'s statistics of each segment; each distinct reference prepared once."""
    if word_order not in WORD_ORDERS:
        msg = f"word n-grams of order {word_order} are not computed here: use one of {WORD_ORDERS}"
        raise ValueError(msg)
    distinct = list(dict.fromkeys(references))
    prepared = dict(zip(distinct, chrf_references(distinct, word_order), strict=True))
    return chrf_statistics(hypotheses, [prepared[ref] for ref in references], word_order)


def warn_tokenized(hypotheses: Sequence[str]) -> None:
    """sacrebleu BLEU's warning about hypotheses that look tokenized (100 lines ending in ' .')."""
    if sum(hyp.endswith(" .") for hyp in hypotheses) >= 100:
        import logging  # noqa: PLC0415

        sacrelogger = logging.getLogger("sacrebleu")

        sacrelogger.warning("That's 100 lines that end in a tokenized period ('.')")
        sacrelogger.warning("It looks like you forgot to detokenize your test data, which may hurt your score.")
        sacrelogger.warning("If you insist your data is detokenized, or don't care, you can suppress this "
                            "message with the `force` parameter.")
