"""sacrebleu's BLEU, chrF and TER, with the per-segment statistics computed by the fast code.

Subclasses of sacrebleu's own metric classes: ``corpus_score``, ``sentence_score``,
the signatures and all the score arithmetic are sacrebleu's.  Only the
extraction of sufficient statistics (the template method every sacrebleu metric
goes through) is replaced, and only where :mod:`review.scoring.fast` and
:mod:`review.scoring.fast_ter` compute the same numbers: one reference a segment
and the options they implement.  Anything else is left to sacrebleu.

Importing this module imports sacrebleu (half a second): :func:`review.scoring.metrics.make_metric`
imports it when a metric is first needed.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import Any

from sacrebleu.metrics.base import Metric, Score
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from review.scoring.fast import BLEU_ORDER, CHAR_ORDER, WORD_ORDERS, bleu_rows, chrf_rows, warn_tokenized
from review.scoring.fast_ter import ter_statistics


class FastMetric(Metric):
    """What the package needs of a metric beyond sacrebleu's public methods, in public names.

    chunk: segments whose statistics are extracted together.  What the fast code
    prepares for a stretch of segments outweighs their statistics a hundredfold
    (chrF2++'s n-gram counters of one 230-character reference take some 80 kB):
    extracted all at once, 20,000 lines held 1.7 GB.  Statistics are per
    segment, so the cut changes no number.
    """

    chunk = 1000

    def segment_statistics(self, hypotheses: Sequence[str], references: Sequence[str]) -> list[list[Any]]:
        """Sufficient statistics of each segment against its one reference."""
        return self._extract_corpus_statistics(list(hypotheses), [list(references)])  # type: ignore[no-any-return]

    def score_segments(self, rows: Any) -> Score:
        """The score of a corpus from its segments' statistics (a list of rows or an array)."""
        return self._aggregate_and_compute(rows)  # type: ignore[no-any-return]

    def score_totals(self, totals: Any) -> Score:
        """The score from statistics already summed over the segments (one row)."""
        return self._compute_score_from_stats(totals)  # type: ignore[no-any-return]

    def _extract_corpus_statistics(self, hypotheses: Sequence[str],
                                   references: Sequence[Sequence[str]] | None) -> Any:
        if references and len(references) == 1 and self.fast() and all(isinstance(r, str) for r in references[0]):
            self.num_refs = 1  # what sacrebleu's reference cache would have found (the signature shows it)
            return self._in_chunks(list(hypotheses), list(references[0]))
        return super()._extract_corpus_statistics(hypotheses, references)

    def _in_chunks(self, hypotheses: list[str], references: list[str]) -> list[list[Any]]:
        self.look_over(hypotheses)
        rows: list[list[Any]] = []
        for start in range(0, len(hypotheses), self.chunk):
            rows += self.fast_rows(hypotheses[start : start + self.chunk], references[start : start + self.chunk])
        return rows

    def look_over(self, hypotheses: list[str]) -> None:
        """What the metric says of the hypotheses as a whole, before their statistics (nothing, by default)."""

    @abstractmethod
    def fast(self) -> bool:
        """Whether the fast code implements this metric's options."""

    @abstractmethod
    def fast_rows(self, hypotheses: list[str], references: list[str]) -> list[list[Any]]:
        """The statistics sacrebleu would extract, one reference a segment."""


class FastBLEU(FastMetric, BLEU):
    """sacrebleu's BLEU; statistics by :func:`review.scoring.fast.bleu_rows` with the 13a tokenizer."""

    def fast(self) -> bool:
        return bool(self.tokenizer_signature == "13a" and not self.lowercase and self.max_ngram_order == BLEU_ORDER)

    def look_over(self, hypotheses: list[str]) -> None:
        if not self._force:  # sacrebleu's warning counts the lines of the whole file, not of a chunk
            warn_tokenized(hypotheses)

    def fast_rows(self, hypotheses: list[str], references: list[str]) -> list[list[Any]]:
        return bleu_rows(hypotheses, references, warn=False)


class FastCHRF(FastMetric, CHRF):
    """sacrebleu's chrF; statistics by :func:`review.scoring.fast.chrf_rows`."""

    def fast(self) -> bool:
        return (self.char_order == CHAR_ORDER and self.word_order in WORD_ORDERS and not self.lowercase
                and not self.whitespace)

    def fast_rows(self, hypotheses: list[str], references: list[str]) -> list[list[Any]]:
        return chrf_rows(hypotheses, references, word_order=self.word_order)


class FastTER(FastMetric, TER):
    """sacrebleu's TER; statistics by :func:`review.scoring.fast_ter.ter_statistics`."""

    # segments of the same lengths are searched in one array operation: a larger chunk keeps those batches
    # large, and a segment's search state is small (130 MB for 20,000 lines searched at once)
    chunk = 5000

    def fast(self) -> bool:
        return not (self.normalized or self.no_punct or self.asian_support)

    def fast_rows(self, hypotheses: list[str], references: list[str]) -> list[list[Any]]:
        return ter_statistics(hypotheses, references, case_sensitive=self.case_sensitive)
