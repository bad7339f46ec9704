"""A French masked language model (CamemBERT) that scores each word in its sentence.

Each word is scored by its pseudo-log-likelihood: every token of the word is
masked in turn and the model's log-probability of the true token is summed.
Alternatives come from masking the whole word with a single ``<mask>``: the
most likely tokens there that are whole words on their own.  For a one-token
word the two numbers come from the same masked sentence, so they compare
exactly; a many-token word's pseudo-log-likelihood leans high (its later
pieces are easy to guess from the first), which errs towards flagging less.

Weights load from safetensors only, without remote code, and hub ids from the
local cache only, as for the translation models.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from review.translate.marian import one_load_at_a_time
from review.translate.models import ModelRef, quiet_transformers

DEFAULT_FLUENCY_MODEL = "almanach/camembert-base"
BATCH_ROWS = 32  # masked copies of a sentence run through the model at once
TOP_K = 40  # tokens read at a masked word before keeping the whole-word ones
# A word: letters or digits, hyphenated compounds kept whole ("dit-il"), an
# elided article or pronoun on its own ("l'", "qu'"); punctuation stays context.
WORD = re.compile(r"\w+(?:-\w+)*['\u2019]?")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` that the model scores."""
    return [(match.start(), match.end()) for match in WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class WordScore:
    """How likely one word of a sentence is, and what the model would rather see there.

    start, end: the word's character span in the sentence (see :data:`WORD`).
    logprob: pseudo-log-likelihood of the word (natural log).
    alternatives: (word, log-probability) of whole-word tokens at the masked word, best first.
    """

    start: int
    end: int
    word: str
    logprob: float
    alternatives: tuple[tuple[str, float], ...]


def tokens_per_word(offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Token positions of each word, from the tokenizer's character offsets.

    Special tokens (empty offsets) and punctuation outside every word belong to
    no word; a token belongs to the word its first character falls in.
    """
    tokens_of: list[list[int]] = [[] for _ in spans]
    for position, (start, end) in enumerate(offsets):
        if end <= start:
            continue
        for index, (word_start, word_end) in enumerate(spans):
            if word_start <= start < word_end:
                tokens_of[index].append(position)
                break
    return tokens_of


@dataclass(frozen=True, slots=True)
class MaskedRow:
    """One masked copy of a sentence.

    ids: the token ids with one ``<mask>``; position: where it is.
    word: the word it scores; token: it masks one token of a word (for the
    pseudo-log-likelihood); whole: its mask stands for the whole word (for the alternatives).
    """

    ids: tuple[int, ...]
    position: int
    word: int
    token: bool
    whole: bool


def masked_rows(ids: Sequence[int], tokens_of: Sequence[Sequence[int]], mask: int) -> list[MaskedRow]:
    """The masked copies to run: one per token of each word, plus one whole-word mask per many-token word.

    A one-token word's single row serves both purposes.
    """
    rows: list[MaskedRow] = []
    for word, positions in enumerate(tokens_of):
        for position in positions:
            masked = list(ids)
            masked[position] = mask
            rows.append(MaskedRow(ids=tuple(masked), position=position, word=word, token=True,
                                  whole=len(positions) == 1))
        if len(positions) > 1:
            first, last = positions[0], positions[-1]
            rows.append(MaskedRow(ids=(*ids[:first], mask, *ids[last + 1 :]), position=first, word=word,
                                  token=False, whole=True))
    return rows


@dataclass
class MaskedLM:
    """A loaded masked language model and its (fast) tokenizer."""

    ref: ModelRef
    model: Any
    tokenizer: Any
    device: str = "cpu"

    def score_words(self, text: str, *, top_k: int = TOP_K) -> list[WordScore]:
        """Score every word of ``text`` in context (one batch of masked copies per sentence)."""
        import torch  # noqa: PLC0415

        spans = word_spans(text)
        # RoBERTa-style models number positions from padding_idx + 1, so two positions are never used
        limit = min(int(self.tokenizer.model_max_length), int(self.model.config.max_position_embeddings) - 2)
        encoded = self.tokenizer(text, return_offsets_mapping=True, truncation=True, max_length=limit)
        ids: list[int] = encoded["input_ids"]
        tokens_of = tokens_per_word(encoded["offset_mapping"], spans)
        rows = masked_rows(ids, tokens_of, self.tokenizer.mask_token_id)
        if not rows:
            return []
        logprobs = self._logprobs(rows)
        row_of_token = {row.position: number for number, row in enumerate(rows) if row.token}
        row_of_word = {row.word: number for number, row in enumerate(rows) if row.whole}
        scores: list[WordScore] = []
        for index, positions in enumerate(tokens_of):
            if not positions:
                continue
            total = sum(float(logprobs[row_of_token[position], ids[position]]) for position in positions)
            best = torch.topk(logprobs[row_of_word[index]], top_k)
            start, end = spans[index]
            scores.append(WordScore(start=start, end=end, word=text[start:end], logprob=total,
                                    alternatives=self._whole_words(best.indices.tolist(), best.values.tolist())))
        return scores

    def _logprobs(self, rows: Sequence[MaskedRow]) -> Any:
        """Log-softmax over the vocabulary at each row's masked position: a (rows, vocabulary) tensor."""
        import torch  # noqa: PLC0415

        width = max(len(row.ids) for row in rows)
        pad = self.tokenizer.pad_token_id
        parts = []
        for first in range(0, len(rows), BATCH_ROWS):
            chunk = rows[first : first + BATCH_ROWS]
            batch = torch.tensor([[*row.ids, *[pad] * (width - len(row.ids))] for row in chunk])
            attention = torch.tensor([[1] * len(row.ids) + [0] * (width - len(row.ids)) for row in chunk])
            with torch.inference_mode():
                logits = self.model(input_ids=batch.to(self.device),
                                    attention_mask=attention.to(self.device)).logits
            at_mask = logits[torch.arange(len(chunk)), torch.tensor([row.position for row in chunk])]
            parts.append(torch.log_softmax(at_mask.float(), dim=-1).cpu())
        return torch.cat(parts)

    def _whole_words(self, ids: Sequence[int], values: Sequence[float]) -> tuple[tuple[str, float], ...]:
        found: list[tuple[str, float]] = []
        special = set(self.tokenizer.all_special_ids)
        for token_id, value in zip(ids, values, strict=True):
            if token_id in special:
                continue
            piece = self.tokenizer.convert_ids_to_tokens(token_id)
            if not piece.startswith("▁"):
                continue  # a word's middle or end, not a word
            word = piece[1:]
            if word and any(char.isalpha() for char in word):
                found.append((word, float(value)))
        return tuple(found)


@one_load_at_a_time
def load(ref: ModelRef, *, device: str = "auto") -> MaskedLM:
    """Load the masked language model ``ref`` on ``device`` (slow); the model pool calls this once per model."""
    from transformers import AutoModelForMaskedLM, AutoTokenizer  # noqa: PLC0415

    from review.translate.device import torch_device  # noqa: PLC0415
    from review.translate.marian import load_pretrained  # noqa: PLC0415

    device = torch_device(device)
    quiet_transformers()
    tokenizer = load_pretrained(ref, AutoTokenizer)
    model = load_pretrained(ref, AutoModelForMaskedLM, use_safetensors=True)
    model.eval()
    model.to(device)
    return MaskedLM(ref=ref, model=model, tokenizer=tokenizer, device=device)
