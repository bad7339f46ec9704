"""MarianMT through transformers: the reference engine.

transformers 5 has no translation pipeline, so this calls ``generate`` and
``batch_decode`` itself.  Segments are sorted by length before batching (less
padding, same output) and put back in order afterwards.  Weights load from
safetensors only and no remote code is ever run.  The model and every input
go to the device chosen at load (``--device``; see :mod:`review.translate.device`).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from review.errors import ModelError
from review.translate.attention import TokenScores
from review.translate.models import ModelRef, missing_model_message, quiet_transformers

BATCH_SIZE = 8
# On a GPU one generate call costs about the same for 8 sentences as for 64 (its time is the
# per-step overhead, not the arithmetic): an opus-mt-fr-en-sized model on an H200 rendered
# 20 sentences/s at batch 8, 74 at 32 and 166 at 64 (benchmarks/README.md, Translation engines).
GPU_BATCH_SIZE = 64


def batches_by_length(texts: Sequence[str], size: int) -> list[list[int]]:
    """Indices of ``texts`` grouped into batches of similar length, longest first."""
    order = sorted(range(len(texts)), key=lambda index: len(texts[index]), reverse=True)
    return [order[start : start + size] for start in range(0, len(order), size)]


LOADING = threading.RLock()
"""Held while a model loads: transformers cannot load two models at once in one process (two threads
loading, say the screen's English model and a detector's, fail now and then with « Cannot copy out of
meta tensor » or a lazy import that is not there yet)."""

Loaded = TypeVar("Loaded")


def one_load_at_a_time(load: Callable[..., Loaded]) -> Callable[..., Loaded]:
    """``load`` run under :data:`LOADING`: another thread's load waits for this one to end."""

    @functools.wraps(load)
    def serialized(*args: Any, **kwargs: Any) -> Loaded:
        with LOADING:
            return load(*args, **kwargs)

    return serialized


def load_pretrained(ref: ModelRef, loader: Any, **options: Any) -> Any:
    """Call a transformers ``from_pretrained`` with safe options and clear errors."""
    from safetensors import SafetensorError  # noqa: PLC0415

    if ref.path is None:
        # Hub ids load from the local cache only: fetching is `review models pull`'s job,
        # and an unreachable hub would otherwise be retried for most of a minute.
        options["local_files_only"] = True
    try:
        return loader.from_pretrained(ref.source, trust_remote_code=False, **options)
    except (OSError, ValueError, TypeError, AssertionError, RuntimeError, SafetensorError) as error:
        if ref.path is None:
            raise ModelError(missing_model_message(ref.name)) from None
        why = str(error).splitlines()[0] if str(error).strip() else type(error).__name__
        if isinstance(error, TypeError) and "NoneType" in why:  # a file the loader looked for is not there
            why = ("a file it needs is missing (a Marian folder holds config.json, the weights, source.spm, "
                   "target.spm and vocab.json)")
        msg = f"cannot load model from {ref.path}: {why}"
        raise ModelError(msg) from None


@dataclass
class MarianEngine:
    """A loaded MarianMT model and its tokenizer."""

    ref: ModelRef
    model: Any
    tokenizer: Any
    batch_size: int = BATCH_SIZE
    device: str = "cpu"

    @property
    def label(self) -> str:
        return f"{self.ref.short} (transformers{', ' + self.device if self.device != 'cpu' else ''})"

    def translate(self, texts: Sequence[str], *, progress: Any = None) -> list[str]:
        import torch  # noqa: PLC0415

        results: list[str] = [""] * len(texts)
        done = 0
        for batch in batches_by_length(texts, self.batch_size):
            inputs = self.tokenizer([texts[index] for index in batch], return_tensors="pt", padding=True,
                                    truncation=True, max_length=self.model.config.max_position_embeddings,
                                    ).to(self.device)
            longest = int(inputs["input_ids"].shape[1])
            limit = min(512, 2 * longest + 10, self.model.config.max_position_embeddings - 2)
            with torch.inference_mode():
                output = self.model.generate(**inputs, max_new_tokens=limit)
            for index, text in zip(batch, self.tokenizer.batch_decode(output, skip_special_tokens=True),
                                   strict=True):
                results[index] = text.strip()
            done += len(batch)
            if progress is not None:
                progress(done, len(texts))
        return results

    def score(self, french: str, english: str) -> TokenScores:
        """Force-decode ``english`` against ``french``: each token's log-probability and cross-attention.

        Cross-attention comes from the penultimate decoder layer (the last when
        there is one), averaged over heads.  sdpa attention returns no weights,
        so the model switches to eager attention (the same numbers) the first time.
        """
        import torch  # noqa: PLC0415

        from review.translate.attention import token_scores  # noqa: PLC0415

        model, tokenizer = self.model, self.tokenizer
        limit = min(int(tokenizer.model_max_length), int(model.config.max_position_embeddings))
        inputs = tokenizer([french], return_tensors="pt", truncation=True, max_length=limit).to(self.device)
        labels = tokenizer(text_target=[english], return_tensors="pt", truncation=True,
                           max_length=limit)["input_ids"].to(self.device)
        with torch.inference_mode():
            output = model(**inputs, labels=labels, output_attentions=True)
            if not output.cross_attentions:
                model.set_attn_implementation("eager")
                output = model(**inputs, labels=labels, output_attentions=True)
            logprobs = torch.log_softmax(output.logits[0].float(), dim=-1)
            picked = logprobs.gather(1, labels[0].unsqueeze(1)).squeeze(1).tolist()
            layers = output.cross_attentions
            layer = layers[-2] if len(layers) > 1 else layers[-1]
            attention = layer[0].float().mean(dim=0).tolist()  # (english tokens, french tokens)
        return token_scores(
            french, english,
            source_pieces=tokenizer.convert_ids_to_tokens(inputs["input_ids"][0].tolist()),
            target_pieces=tokenizer.convert_ids_to_tokens(labels[0].tolist()),
            logprobs=picked, attention=attention,
        )


@one_load_at_a_time
def load(ref: ModelRef, *, device: str = "auto") -> MarianEngine:
    """Load tokenizer and model on ``device``; raise :class:`ModelError` with the fix when missing."""
    try:
        from transformers import MarianMTModel, MarianTokenizer  # noqa: PLC0415
    except ImportError:
        msg = "transformers is not installed: pip install transformers (or reinstall review)"
        raise ModelError(msg) from None
    from review.translate.device import torch_device  # noqa: PLC0415

    device = torch_device(device)  # before the slow part: a missing GPU is said at once
    quiet_transformers()
    tokenizer = load_pretrained(ref, MarianTokenizer)
    model = load_pretrained(ref, MarianMTModel, use_safetensors=True)
    model.eval()
    model.to(device)
    if ref.revision is None:
        commit = getattr(model.config, "_commit_hash", None)
        ref = ModelRef(name=ref.name, path=ref.path, revision=commit or "unknown")
    return MarianEngine(ref=ref, model=model, tokenizer=tokenizer, device=device,
                        batch_size=GPU_BATCH_SIZE if device == "cuda" else BATCH_SIZE)
