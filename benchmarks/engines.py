"""Sentences per second: the transformers engine against CTranslate2 (int8), on CPU.

    python benchmarks/engines.py                  # the tiny test model, built in a temp folder
    python benchmarks/engines.py --model DIR      # also a real model folder (review models pull)
    python benchmarks/engines.py --threads 1 2    # CTranslate2 at several thread counts

Each engine renders every segment of the shipped sample article; the best of
--repeat runs is kept (the first run is a warm-up).  Load and conversion times
are reported apart, and so is how many renderings the two engines agree on.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

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
    args = parser.parse_args()

    from tiny_models import build_tiny_marian  # noqa: PLC0415

    from review.document import load_document  # noqa: PLC0415

    texts = [segment.text for segment in load_document(ROOT / "seeds" / "iran-pakistan.fr.txt").segments]
    texts = texts[: args.segments or None]
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["REVIEW_MODELS"] = str(Path(scratch) / "models")  # conversions land here, then vanish
        print(f"cpu cores: {os.cpu_count()}")
        tiny = build_tiny_marian(Path(scratch) / "tiny-opus-mt-fr-en")
        sized = [build_opus_sized(tiny, Path(scratch) / "random-opus-size")] if args.opus_size else []
        for model in [tiny, *sized, *args.model]:
            bench(model, texts, args.threads, args.repeat)


if __name__ == "__main__":
    main()
