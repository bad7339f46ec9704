"""Sentences per second: the transformers engine against CTranslate2 (int8), on CPU.

    python benchmarks/engines.py                  # the tiny test model, built in a temp folder
    python benchmarks/engines.py --model DIR      # also a real model folder (review models pull)
    python benchmarks/engines.py --threads 1 2    # CTranslate2 at several thread counts
    python benchmarks/engines.py --opus-size --fixed-length   # every output 1.2 x its input's tokens
    python benchmarks/engines.py --opus-size --fixed-length --no-ct2 --torch-threads 1 2   # torch's threads
    python benchmarks/engines.py --device cuda --no-ct2 ...   # transformers on a GPU

Each engine renders every segment of the shipped sample article; the best of
--repeat runs is kept (the first run is a warm-up).  Load and conversion times
are reported apart, and so is how many renderings the two engines agree on.

Random weights never emit </s>, so by default every sentence runs to the
length limit (about 2 x its tokens + 10), far longer than a real rendering.
--fixed-length makes both engines produce exactly round(1.2 x input tokens)
per sentence (the length of a typical English rendering of French): the
sentences are grouped by token count into batches, each batch decodes the
length of its mean input, and transformers is measured at batch 1 and at
--batch-sizes, CTranslate2 at batch 1 and its best batch, per thread count.
The tiny tokenizer makes about one token of each character, four to five times
what opus-mt-fr-en's makes: --realistic-tokens feeds random ids instead, 1.3 per
word of each sentence, so lengths (and attention's share of the work) are real.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def best_rate(translate: Callable[[list[str]], list[str]], texts: list[str], repeat: int) -> tuple[float, list[str]]:
    translate(texts[:2])  # warm-up
    best = float("inf")
    english: list[str] = []
    for _ in range(repeat):
        english, seconds = timed(lambda: translate(texts))
        best = min(best, seconds)
    return len(texts) / best, english


def bench(model: Path, texts: list[str], threads: list[int], repeat: int) -> None:
    import torch  # noqa: PLC0415

    from review.translate import ct2, marian  # noqa: PLC0415
    from review.translate.models import resolve_model  # noqa: PLC0415

    torch.set_num_threads(1)
    ref = resolve_model(str(model))
    print(f"\n{model.name}: {len(texts)} segments, best of {repeat}")
    engine, load_s = timed(lambda: marian.load(ref))
    rate, reference = best_rate(engine.translate, texts, repeat)
    print(f"  {'transformers (torch, 1 thread)':34} {rate:7.2f} sentences/s   load {load_s:5.2f} s")
    _, convert_s = timed(lambda: ct2.convert(ref))
    print(f"  {'ct2 int8 conversion (once)':34} {'':19}   {convert_s:5.2f} s")
    for count in threads:
        os.environ["REVIEW_CT2_THREADS"] = str(count)
        engine_ct2, load_s = timed(lambda: ct2.load(ref))
        rate, english = best_rate(engine_ct2.translate, texts, repeat)
        same = sum(a == b for a, b in zip(english, reference, strict=True))
        label = f"ct2 int8 ({count} thread{'s' if count > 1 else ''})"
        print(f"  {label:34} {rate:7.2f} sentences/s   load {load_s:5.2f} s   "
              f"same as transformers: {same}/{len(texts)}")


TOKENS_PER_WORD = 1.3  # pieces per French word with a 59k-piece opus-mt vocabulary


def token_inputs(tokenizer: Any, texts: list[str], limit: int, realistic: bool) -> list[list[int]]:
    """Each sentence as token ids ending in </s>, at most ``limit`` long.

    The tiny test model's tokenizer has 120 pieces, about one per character, so its
    sentences are four to five times as many tokens as opus-mt-fr-en makes of them.
    ``realistic``: random ids instead, as many as the real vocabulary gives (1.3 a word);
    the work per token does not depend on which tokens they are.
    """
    if not realistic:
        return [list(ids) for ids in tokenizer(texts, truncation=True, max_length=limit)["input_ids"]]
    import math  # noqa: PLC0415
    import random  # noqa: PLC0415

    draw = random.Random(0)
    eos, size = tokenizer.eos_token_id, len(tokenizer)
    return [[draw.randrange(2, size - 2) for _ in range(min(limit - 1, math.ceil(TOKENS_PER_WORD * len(text.split()))))]
            + [eos] for text in texts]


def fixed_batches(inputs: list[list[int]], size: int, limit: int) -> list[tuple[list[list[int]], int]]:
    """``inputs`` sorted by length in batches of ``size``, each with its output length (1.2 x mean input)."""
    order = sorted(range(len(inputs)), key=lambda index: len(inputs[index]))
    groups = [order[start : start + size] for start in range(0, len(order), size)]
    return [([inputs[i] for i in group], min(limit, round(1.2 * sum(len(inputs[i]) - 1 for i in group) / len(group))))
            for group in groups]


def fixed_rate(run_batch: Callable[[list[list[int]], int], int], batches: list[tuple[list[list[int]], int]],
               repeat: int) -> tuple[float, int]:
    """Sentences/s (best of ``repeat``) and tokens produced, rendering every batch at its fixed length."""
    run_batch(batches[0][0][:1], 4)  # warm-up
    best, produced = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        produced = sum(run_batch(inputs, length) for inputs, length in batches)
        best = min(best, time.perf_counter() - start)
    return sum(len(inputs) for inputs, _ in batches) / best, produced


def bench_fixed(model: Path, texts: list[str], threads: list[int], repeat: int, sizes: list[int], *,  # noqa: PLR0913
                realistic: bool = False, device: str = "cpu", single: bool = True,
                torch_threads: tuple[int, ...] = (1,)) -> None:
    import torch  # noqa: PLC0415

    from review.translate import ct2, marian  # noqa: PLC0415
    from review.translate.models import resolve_model  # noqa: PLC0415

    torch.set_num_threads(1)
    ref = resolve_model(str(model))
    engine = marian.load(ref, device=device)
    limit = int(engine.model.config.max_position_embeddings) - 2
    inputs = token_inputs(engine.tokenizer, texts, limit, realistic)
    mean = sum(len(ids) for ids in inputs) / len(inputs)
    print(f"\n{model.name}: {len(texts)} segments of {mean:.0f} tokens on average "
          f"({'random ids, 1.3 a word' if realistic else 'its own tokenizer'}), outputs fixed at 1.2 x input "
          f"tokens, beam {engine.model.generation_config.num_beams}, best of {repeat}, on {engine.device}")
    pad = engine.model.config.pad_token_id

    def transformers_batch(batch: list[list[int]], length: int) -> int:
        longest = max(len(ids) for ids in batch)
        ids = torch.full((len(batch), longest), pad)
        mask = torch.zeros((len(batch), longest), dtype=torch.long)
        for row, sentence in enumerate(batch):
            ids[row, : len(sentence)] = torch.tensor(sentence)
            mask[row, : len(sentence)] = 1
        with torch.inference_mode():
            output = engine.model.generate(input_ids=ids.to(engine.device), attention_mask=mask.to(engine.device),
                                           min_new_tokens=length, max_new_tokens=length)
        return int(output.shape[0] * (output.shape[1] - 1))  # less the decoder start token

    rates: dict[int, float] = {}
    for count in torch_threads if engine.device == "cpu" else (1,):
        torch.set_num_threads(count)
        where = f"{count} thread{'s' if count > 1 else ''}" if engine.device == "cpu" else engine.device
        for size in [1, *sizes] if single else sizes:
            rate, produced = fixed_rate(transformers_batch, fixed_batches(inputs, size, limit), repeat)
            rates[size] = max(rate, rates.get(size, 0.0))
            print(f"  {f'transformers, {where}, batch {size}':34} {rate:7.2f} sentences/s   {produced} tokens")
    best_size = max(sizes, key=rates.__getitem__) if sizes else 1
    print(f"  transformers best batch: {best_size} ({rates[best_size]:.2f} sentences/s)")
    for count in threads:
        os.environ["REVIEW_CT2_THREADS"] = str(count)
        engine_ct2 = ct2.load(ref, device=device)

        def ct2_batch(batch: list[list[int]], length: int, engine_ct2: Any = engine_ct2) -> int:
            pieces = [engine_ct2.tokenizer.convert_ids_to_tokens(ids) for ids in batch]
            output = engine_ct2.translator.translate_batch(pieces, beam_size=engine_ct2.beam_size,
                                                           min_decoding_length=length, max_decoding_length=length)
            return sum(len(result.hypotheses[0]) for result in output)

        for size in [1, *sizes] if single else sizes:
            rate, produced = fixed_rate(ct2_batch, fixed_batches(inputs, size, limit), repeat)
            label = f"ct2 int8, {count} thread{'s' if count > 1 else ''}, batch {size}"
            print(f"  {label:34} {rate:7.2f} sentences/s   {produced} tokens   "
                  f"{rate / rates[best_size]:.1f}x transformers' best batch")


def build_opus_sized(tiny: Path, folder: Path) -> Path:
    """A random model with opus-mt-fr-en's shape (512 wide, 6+6 layers, 59k words, beam 4).

    No real model can be fetched here; random weights never stop early, so every
    sentence runs to the length limit, but the work per token is the real one.
    """
    import json  # noqa: PLC0415
    import shutil  # noqa: PLC0415

    import torch  # noqa: PLC0415
    from transformers import MarianConfig, MarianMTModel  # noqa: PLC0415

    shutil.copytree(tiny, folder, ignore=shutil.ignore_patterns("*.safetensors", "*config.json"))
    vocab = json.loads((tiny / "vocab.json").read_text(encoding="utf-8"))
    vocab.pop("<pad>")
    for index in range(len(vocab), 59513):
        vocab[f"filler{index}"] = index
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    size = len(vocab)
    torch.manual_seed(0)
    config = MarianConfig(vocab_size=size, decoder_vocab_size=size, d_model=512, encoder_layers=6, decoder_layers=6,
                          encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
                          decoder_ffn_dim=2048, max_position_embeddings=512, scale_embedding=True,
                          activation_function="swish", pad_token_id=size - 1, decoder_start_token_id=size - 1,
                          eos_token_id=0, forced_eos_token_id=0)
    MarianMTModel(config).save_pretrained(folder, safe_serialization=True)
    generation = json.loads((folder / "generation_config.json").read_text(encoding="utf-8"))
    generation.update(num_beams=4, max_length=512, bad_words_ids=[[size - 1]])  # as opus-mt-fr-en ships
    (folder / "generation_config.json").write_text(json.dumps(generation), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, action="append", default=[], help="a real model folder (repeatable)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="CTranslate2 intra_threads to try")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--segments", type=int, default=0, help="only the first N segments (default: all)")
    parser.add_argument("--opus-size", action="store_true",
                        help="also a random model the size of opus-mt-fr-en (slow: minutes on one thread)")
    parser.add_argument("--fixed-length", action="store_true",
                        help="outputs of exactly round(1.2 x input tokens), batched (see above)")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[4, 8, 16, 32],
                        help="batch sizes to try with --fixed-length (batch 1 is always measured)")
    parser.add_argument("--skip-tiny", action="store_true", help="leave out the tiny test model")
    parser.add_argument("--realistic-tokens", action="store_true",
                        help="with --fixed-length: random inputs as long as opus-mt's tokenizer makes the sample's "
                             "sentences (1.3 tokens a word) instead of the tiny tokenizer's one a character")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="with --fixed-length: where both engines run (CTranslate2 4 wheels need CUDA 12)")
    parser.add_argument("--no-ct2", action="store_true", help="with --fixed-length: transformers only")
    parser.add_argument("--copies", type=int, default=1, metavar="N",
                        help="the sample's segments N times over (a workload a GPU batches like a day's articles)")
    parser.add_argument("--skip-single", action="store_true", help="with --fixed-length: leave out batch 1")
    parser.add_argument("--torch-threads", type=int, nargs="+", default=[1], metavar="N",
                        help="with --fixed-length: torch thread counts to measure transformers at (default 1)")
    args = parser.parse_args()

    from tiny_models import build_tiny_marian  # noqa: PLC0415

    from review.document import load_document  # noqa: PLC0415

    texts = [segment.text for segment in load_document(ROOT / "seeds" / "iran-pakistan.fr.txt").segments]
    texts = texts[: args.segments or None] * args.copies
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["REVIEW_MODELS"] = str(Path(scratch) / "models")  # conversions land here, then vanish
        print(f"cpu cores: {os.cpu_count()}")
        tiny = build_tiny_marian(Path(scratch) / "tiny-opus-mt-fr-en")
        sized = [build_opus_sized(tiny, Path(scratch) / "random-opus-size")] if args.opus_size else []
        for model in [*([] if args.skip_tiny else [tiny]), *sized, *args.model]:
            if args.fixed_length:
                bench_fixed(model, texts, [] if args.no_ct2 else args.threads, args.repeat, args.batch_sizes,
                            realistic=args.realistic_tokens, device=args.device, single=not args.skip_single,
                            torch_threads=tuple(args.torch_threads))
            else:
                bench(model, texts, args.threads, args.repeat)


if __name__ == "__main__":
    main()
