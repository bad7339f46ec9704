"""Forced decoding: how sure a MarianMT model is of a given English rendering.

The model is fed the French and, token by token, the English we already have
(the rendering, or the reviewer's English original).  For each English token we
keep its log-probability and the decoder's cross-attention over the French,
summed per French word, so an unlikely English word can be pointed back at the
French word it came from.

Cross-attention is taken from the penultimate decoder layer (the last one
when there is only one), averaged over heads: the middle-to-late layers of a
transformer translation model attend most like a word aligner.  The French
end-of-sentence token is left out, since models park spare attention there.

The engines (``marian``, ``ct2``) run the model and hand their raw pieces,
log-probabilities and attention rows to :func:`token_scores`; everything here is
plain Python and tested on hand-made numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from review.errors import ModelError

WORD = re.compile(r"\S+")
PIECE_START = "▁"  # sentencepiece's mark for "a new word starts here"


def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the whitespace-separated words of ``text``."""
    return tuple((match.start(), match.end()) for match in WORD.finditer(text))


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``start:end`` to its letters and digits (drop quotes, commas, full stops around a word)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def pieces_to_words(pieces: Sequence[str], word_count: int) -> list[int]:
    """The word index of each sentencepiece piece; -1 for special tokens.

    A piece starting with ``▁`` opens the next whitespace word.  Sentencepiece
    normalisation can split or join words the way ``str.split`` does not (rare);
    indices are clamped so they always point at a real word.
    """
    words: list[int] = []
    current = -1
    for piece in pieces:
        if piece.startswith("<") and piece.endswith(">"):
            words.append(-1)
            continue
        if piece.startswith(PIECE_START) or current < 0:
            current += 1
        words.append(min(current, word_count - 1) if word_count else -1)
    return words


@dataclass(frozen=True, slots=True)
class TokenScores:
    """One English text force-decoded against one French text.

    french_words, english_words: character spans of the words of each text.
    tokens: the English tokens (sentencepiece pieces), end-of-sentence last.
    token_words: the English word each token belongs to (-1 for end-of-sentence).
    logprobs: natural log-probability of each token given the French and the tokens before it.
    attention: per token, the cross-attention mass on each French word (sums to 1 or is all 0).
    """

    french: str
    english: str
    french_words: tuple[tuple[int, int], ...]
    english_words: tuple[tuple[int, int], ...]
    tokens: tuple[str, ...]
    token_words: tuple[int, ...]
    logprobs: tuple[float, ...]
    attention: tuple[tuple[float, ...], ...]

    def word_logprobs(self) -> list[float]:
        """Log-probability of each English word (the sum over its tokens)."""
        totals = [0.0] * len(self.english_words)
        for word, logprob in zip(self.token_words, self.logprobs, strict=True):
            if word >= 0:
                totals[word] += logprob
        return totals

    def word_alignment(self) -> list[int]:
        """The French word each English word attends to most (-1 when it attends to none)."""
        mass = [[0.0] * len(self.french_words) for _ in self.english_words]
        for word, row in zip(self.token_words, self.attention, strict=True):
            if word >= 0:
                for index, weight in enumerate(row):
                    mass[word][index] += weight
        return [max(range(len(row)), key=row.__getitem__) if row and max(row) > 0 else -1 for row in mass]


def word_attention(token_rows: Sequence[Sequence[float]], source_words: Sequence[int],
                   word_count: int) -> list[list[float]]:
    """Sum token-level attention rows into French-word columns, renormalised to 1."""
    rows: list[list[float]] = []
    for row in token_rows:
        mass = [0.0] * word_count
        for weight, word in zip(row, source_words, strict=True):
            if word >= 0:
                mass[word] += weight
        total = sum(mass)
        rows.append([value / total for value in mass] if total > 0 else mass)
    return rows


def token_scores(french: str, english: str, *, source_pieces: Sequence[str], target_pieces: Sequence[str],
                 logprobs: Sequence[float], attention: Sequence[Sequence[float]]) -> TokenScores:
    """Assemble :class:`TokenScores` from an engine's raw output.

    source_pieces, target_pieces: the sentencepiece tokens of each side (end-of-sentence included).
    logprobs: one per target piece; attention: one row per target piece, one column per source piece.
    """
    french_words = word_spans(french)
    english_words = word_spans(english)
    source_word_of = pieces_to_words(source_pieces, len(french_words))
    return TokenScores(
        french=french,
        english=english,
        french_words=french_words,
        english_words=english_words,
        tokens=tuple(target_pieces),
        token_words=tuple(pieces_to_words(target_pieces, len(english_words))),
        logprobs=tuple(float(value) for value in logprobs),
        attention=tuple(tuple(row) for row in word_attention(attention, source_word_of, len(french_words))),
    )


def score_rendering(engine: object, french: str, english: str) -> TokenScores:
    """Force-decode ``english`` against ``french`` with a loaded engine (or a renderer) that can score."""
    score = getattr(engine, "score", None)
    if score is None:
        msg = "this engine cannot score a rendering: use --engine marian or ct2"
        raise ModelError(msg)
    scores: TokenScores = score(french, english)
    return scores
