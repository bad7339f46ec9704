"""Time the model-signal detectors on an article and print what they flag.

    python benchmarks/flags_models.py seeds/iran-pakistan.fr.txt
    python benchmarks/flags_models.py ARTICLE --source ORIGINAL.en.txt --model FOLDER --fluency-model FOLDER

With the real models pulled (`review models pull Helsinki-NLP/opus-mt-fr-en`,
`... opus-mt-en-fr`, `... almanach/camembert-base`) this is the check of the
thresholds in review/flags/{confidence,fluency,roundtrip,reference}.py on real
text.  Load time and flagging time are reported apart; renderings come from
the rendering cache when there.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from review.document import load_document
from review.errors import ReviewError
from review.flags import FlagContext, FlagOptions, detector_names, make_detectors
from review.translate.models import DEFAULT_MODEL
from review.translate.pool import ModelPool


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--source", type=Path)
    parser.add_argument("--model")
    parser.add_argument("--back-model")
    parser.add_argument("--fluency-model")
    parser.add_argument("--engine", default="marian", choices=("marian", "ct2"))
    parser.add_argument("--detectors", default="confidence,fluency,roundtrip,reference")
    args = parser.parse_args()
    document = load_document(args.article)
    settings = {"back_model": args.back_model, "fluency_model": args.fluency_model}
    options = FlagOptions(model=args.model or DEFAULT_MODEL, engine=args.engine, source=args.source,
                          settings={key: value for key, value in settings.items() if value})
    pool = ModelPool()  # one model pool, as the workbench has: rendering and the detectors share the fr→en model
    started = time.perf_counter()
    renderings = dict(zip((segment.id for segment in document.segments),
                          pool.renderer(options.model, options.engine).render(
                              [segment.text for segment in document.segments]), strict=True))
    print(f"renderings: {time.perf_counter() - started:.1f} s for {len(document.segments)} segments")
    context = FlagContext(document=document, texts={}, renderings=renderings)
    for name in args.detectors.split(","):
        if name not in detector_names():
            parser.error(f"unknown detector {name}")
        started = time.perf_counter()
        made = make_detectors([name], options, pool, status=print)
        loaded = time.perf_counter()
        if not made:
            continue
        try:
            flags = list(made[0].check(document.segments, context))
        except ReviewError as error:
            print(f"{name}: {error.message}")
            continue
        done = time.perf_counter()
        print(f"{name}: load {loaded - started:.1f} s, flag {done - loaded:.1f} s, {len(flags)} flags")
        for flag in flags:
            print(f"  {flag.segment_id} {flag.severity:<8} {flag.span_text!r}: {flag.message}"
                  + (f" -> {', '.join(flag.suggestions)}" if flag.suggestions else ""))
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except ReviewError as error:
        print(f"error: {error.message}")
        raise SystemExit(error.exit_code) from None
