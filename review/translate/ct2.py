"""MarianMT through CTranslate2: the same model, converted once, run faster on CPU.

The transformers folder is converted into a sibling folder of the models folder
(``<name>-ct2-int8``) the first time it is used, or ahead of time with
``review models convert``.  A marker file in the converted folder records which
source revision it came from, so a re-downloaded or retrained model is converted
again instead of serving stale weights.  Tokenising and decoding use the
model's own MarianTokenizer, exactly as the transformers engine does, and the
length limit and beam size match it, so the two engines differ only by int8
rounding (float32 conversions give the very same renderings).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from review.errors import ModelError
from review.translate.attention import TokenScores
from review.translate.marian import batches_by_length, load_pretrained, one_load_at_a_time
from review.translate.models import ModelRef, folder_name, missing_model_message, models_dir, quiet_transformers

QUANTIZATION = "int8"
# One thread per translator: measured fastest on the shared 2-core machine this was
# written on (benchmarks/engines.py, --threads).  REVIEW_CT2_THREADS overrides it.
THREADS = 1
MARKER = "review-source.json"
INSTALL_HINT = "ctranslate2 is not installed: pip install ctranslate2 (or use --engine marian)"


def source_folder(ref: ModelRef) -> Path:
    """The transformers folder holding ``ref``'s files: its own, or the hub cache's snapshot."""
    if ref.path is not None:
        return ref.path
    try:
        from huggingface_hub import try_to_load_from_cache  # noqa: PLC0415
    except ImportError:
        raise ModelError(missing_model_message(ref.name)) from None
    found = try_to_load_from_cache(ref.name, "config.json")
    if not isinstance(found, str):
        raise ModelError(missing_model_message(ref.name))
    return Path(found).parent


def converted_folder(ref: ModelRef, quantization: str = QUANTIZATION) -> Path:
    """Where the converted model for ``ref`` lives (it may not exist yet)."""
    name = ref.path.name if ref.path is not None else folder_name(ref.name)
    return models_dir() / f"{name}-ct2-{quantization}"


def _is_current(target: Path, source: Path, revision: str | None) -> bool:
    """Whether ``target`` holds a whole conversion of ``source`` at ``revision``.

    The marker written after a conversion gives model.bin's size: a file cut short since
    (a full disk, a copy stopped half-way) is converted again, not called ready.
    """
    try:
        marker = json.loads((target / MARKER).read_text(encoding="utf-8"))
        size = (target / "model.bin").stat().st_size
    except (OSError, ValueError):
        return False
    if not isinstance(marker, dict) or marker.get("bytes", size) != size:
        return False
    return {key: marker.get(key) for key in ("source", "revision")} == {"source": str(source.resolve()),
                                                                        "revision": revision}


def is_converted(ref: ModelRef, quantization: str = QUANTIZATION) -> bool:
    """Whether an up-to-date conversion of ``ref`` is already on disk."""
    return _is_current(converted_folder(ref, quantization), source_folder(ref), ref.revision)


def convert(ref: ModelRef, quantization: str = QUANTIZATION) -> Path:
    """Convert ``ref`` for CTranslate2 unless an up-to-date conversion exists; return its folder."""
    source = source_folder(ref)
    target = converted_folder(ref, quantization)
    if _is_current(target, source, ref.revision):
        return target
    try:
        from ctranslate2.converters import TransformersConverter  # noqa: PLC0415
    except ImportError:
        raise ModelError(INSTALL_HINT) from None

    class SafeConverter(TransformersConverter):  # type: ignore[misc]
        """Loads weights from safetensors only, as the transformers engine does."""

        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            return model_class.from_pretrained(model_name_or_path, use_safetensors=True, **kwargs)

    quiet_transformers()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        folder = os.open(target.parent, os.O_RDONLY)
    except OSError as error:
        msg = (f"cannot convert {ref.name} for CTranslate2: {target.parent} cannot be written ({error.strerror}): "
               "set REVIEW_MODELS to a folder you can write")
        raise ModelError(msg) from None
    try:
        # one conversion at a time (the models folder itself is the lock, so no file is left behind): a second
        # process waits, then finds the first one's conversion current instead of replacing it under its feet
        fcntl.flock(folder, fcntl.LOCK_EX)
        if not _is_current(target, source, ref.revision):
            _convert_into(SafeConverter, ref, source, target, quantization)
    finally:
        os.close(folder)
    return target


def _convert_into(converter: Any, ref: ModelRef, source: Path, target: Path, quantization: str) -> None:
    """Convert beside ``target``, then rename into place: an interrupted conversion leaves no folder a load trusts."""
    from safetensors import SafetensorError  # noqa: PLC0415

    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as error:
        msg = f"cannot convert {ref.name} for CTranslate2: {target.parent} cannot be written ({error.strerror})"
        raise ModelError(msg) from None
    try:
        converter(str(source)).convert(str(work / "model"), quantization=quantization, force=True)
        size = (work / "model" / "model.bin").stat().st_size
        (work / "model" / MARKER).write_text(
            json.dumps({"source": str(source.resolve()), "revision": ref.revision, "bytes": size}), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        (work / "model").rename(target)
    # what a missing, truncated or foreign model folder makes the converter raise
    except (OSError, ValueError, TypeError, KeyError, AttributeError, NotImplementedError, RuntimeError,
            SafetensorError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        msg = f"cannot convert {ref.name} for CTranslate2: {first}"
        raise ModelError(msg) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def generation_setting(folder: Path, key: str) -> Any:
    """A generation setting as transformers finds it: generation_config.json first, then config.json."""
    for name in ("generation_config.json", "config.json"):
        try:
            settings = json.loads((folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(settings, dict) and settings.get(key) is not None:
            return settings[key]
    return None


def beam_size(folder: Path) -> int:
    """The model's own beam size, else greedy."""
    beams = generation_setting(folder, "num_beams")
    return beams if isinstance(beams, int) and beams > 0 else 1


def threads() -> int:
    """``$REVIEW_CT2_THREADS``, at most the cores (thousands of threads hang or crash CTranslate2), else THREADS."""
    value = os.environ.get("REVIEW_CT2_THREADS", "")
    if not (value.isascii() and value.isdigit() and int(value) > 0):
        return THREADS
    return min(int(value), os.cpu_count() or 1)


@dataclass
class Ct2Engine:
    """A converted model, its translator and the original Marian tokenizer."""

    ref: ModelRef
    translator: Any
    tokenizer: Any
    beam_size: int = 1
    max_positions: int = 512
    forced_eos: bool = True
    batch_size: int = 16  # see review.translate.render.ENGINE_BATCH
    quantization: str = QUANTIZATION
    device: str = "cpu"

    @property
    def label(self) -> str:
        return f"{self.ref.short} (ct2 {self.quantization}{', ' + self.device if self.device != 'cpu' else ''})"

    def translate(self, texts: Sequence[str], *, progress: Any = None) -> list[str]:
        results: list[str] = [""] * len(texts)
        done = 0
        for batch in batches_by_length(texts, self.batch_size):
            encoded = self.tokenizer([texts[index] for index in batch], truncation=True,
                                     max_length=self.max_positions)["input_ids"]
            pieces = [self.tokenizer.convert_ids_to_tokens(ids) for ids in encoded]
            longest = max(len(ids) for ids in encoded)
            # The transformers engine's limit on new tokens; when the model forces the
            # last one to </s>, that leaves one fewer word, and CTranslate2 counts words only.
            limit = min(512, 2 * longest + 10, self.max_positions - 2) - int(self.forced_eos)
            output = self.translator.translate_batch(pieces, beam_size=self.beam_size, max_decoding_length=limit,
                                                     max_batch_size=self.batch_size)
            ids = [self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in output]
            for index, text in zip(batch, self.tokenizer.batch_decode(ids, skip_special_tokens=True), strict=True):
                results[index] = text.strip()
            done += len(batch)
            if progress is not None:
                progress(done, len(texts))
        return results

    def score(self, french: str, english: str) -> TokenScores:
        """Force-decode ``english`` against ``french`` with the converted model.

        Log-probabilities come from ``score_batch``; the attention rows from
        ``translate_batch`` with the English as a forced prefix (CTranslate2
        returns its alignment layer's attention, averaged over heads).
        """
        from review.translate.attention import token_scores  # noqa: PLC0415

        source = self.tokenizer.convert_ids_to_tokens(
            self.tokenizer([french], truncation=True, max_length=self.max_positions)["input_ids"][0])
        target = self.tokenizer.convert_ids_to_tokens(
            self.tokenizer(text_target=[english], truncation=True, max_length=self.max_positions)["input_ids"][0])
        prefix = target[:-1]  # without </s>: CTranslate2 adds it when scoring
        scored = self.translator.score_batch([source], [prefix])[0]
        forced = self.translator.translate_batch([source], target_prefix=[prefix], return_attention=True,
                                                 beam_size=1, max_decoding_length=len(target))[0]
        attention = list(forced.attention[0])[: len(target)]
        attention += [[0.0] * len(source)] * (len(target) - len(attention))
        return token_scores(french, english, source_pieces=source, target_pieces=target,
                            logprobs=list(scored.log_probs)[: len(target)], attention=attention)


@one_load_at_a_time
def load(ref: ModelRef, *, quantization: str = QUANTIZATION, device: str = "auto") -> Ct2Engine:
    """Convert ``ref`` if needed and load it on ``device`` (see :mod:`review.translate.device`); raise
    :class:`ModelError` with the fix when it cannot."""
    try:
        import ctranslate2  # noqa: PLC0415
        from transformers import MarianTokenizer  # noqa: PLC0415
    except ImportError:
        raise ModelError(INSTALL_HINT) from None
    from review.translate.device import ct2_device  # noqa: PLC0415

    asked, device = device, ct2_device(device)  # before converting: a missing GPU is said at once
    source = source_folder(ref)
    if ref.revision is None and ref.path is None:
        ref = replace(ref, revision=source.name)  # the hub snapshot folder is named by its commit
    target = convert(ref, quantization)
    tokenizer = load_pretrained(replace(ref, path=source), MarianTokenizer)
    translator = _translator(ctranslate2, target, device, quantization)
    if device == "cuda":
        device = settle_gpu(asked, gpu_problem(translator, tokenizer))
        if device == "cpu":
            translator = _translator(ctranslate2, target, device, quantization)
    return Ct2Engine(ref=ref, translator=translator, tokenizer=tokenizer, beam_size=beam_size(source),
                     max_positions=int(generation_setting(source, "max_position_embeddings") or 512),
                     forced_eos=generation_setting(source, "forced_eos_token_id") is not None,
                     quantization=quantization, device=device)


PROBE = "Les deux pays voisins ont des relations difficiles."


def _translator(ctranslate2: Any, target: Path, device: str, quantization: str) -> Any:
    try:
        return ctranslate2.Translator(str(target), device=device, compute_type=quantization, inter_threads=1,
                                      intra_threads=threads())
    except (RuntimeError, ValueError, OSError) as error:
        msg = f"cannot load the converted model in {target}: {str(error).splitlines()[0]} (delete it to convert again)"
        raise ModelError(msg) from None


def gpu_problem(translator: Any, tokenizer: Any) -> str | None:
    """Why ``translator`` cannot run on its GPU (the library's first line), or None when a short decode runs.

    CTranslate2 counts the GPUs the driver shows, but loads cuBLAS only when a
    decode first needs it: a wheel built for CUDA 12 on a machine with CUDA 13's
    libraries alone sees the GPU, then fails there ("libcublas.so.12 is not found").
    A lone end-of-sentence token does not reach cuBLAS (seen on an H200), so the
    probe is a real sentence.
    """
    pieces = tokenizer.convert_ids_to_tokens(tokenizer([PROBE])["input_ids"][0])
    try:
        translator.translate_batch([pieces], beam_size=1, max_decoding_length=8)
    except RuntimeError as error:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return None


def settle_gpu(asked: str, problem: str | None) -> str:
    """Where a model CTranslate2 put on the GPU runs: there when it works; for ``auto``, the CPU when it does not.

    ``auto`` means the GPU when it can be used, so a GPU that cannot run the model
    leaves ``auto`` on the CPU (the engine's label then says no ``cuda``); asking for
    ``cuda`` is a :class:`ModelError` that names the library's complaint and the ways out.
    """
    if problem is None:
        return "cuda"
    if asked == "auto":
        return "cpu"
    msg = (f"--device cuda: CTranslate2 sees a GPU but cannot run on it ({problem}): install the CUDA libraries "
           f"its build needs (CTranslate2 4 wheels: CUDA 12's cuBLAS and cuDNN 9), or use --engine marian or "
           f"--device cpu")
    raise ModelError(msg)
