"""``review translate``: every segment with its English rendering, for scripts.

Output is written as the renderings arrive, in the article's order: a long
article's first segments can be read (or piped on) before its last ones are
rendered.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from review.commands.common import add_article, add_model, check_device
from review.commands.progress import Progress
from review.document import load_document
from review.model import Segment
from review.terminal import escape_controls
from review.translate.pool import ModelPool

if TYPE_CHECKING:
    from review.translate.render import Renderer

# Segments rendered before their output is written: several model batches, so the
# model's batches stay full while the output keeps the article's order.
CHUNK_BATCHES = 4


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("translate", help="print each segment with its English rendering",
                            description="Render every segment in English with the model, for scripts. Output "
                                        "is written as it is rendered, with a progress bar on stderr when "
                                        "stderr is a terminal.")
    add_article(parser)
    add_model(parser)
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                        help="text: French and English lines per segment; json: one object whose segments "
                             "array is written as it grows; jsonl: one object per segment per line")
    parser.set_defaults(run=run)


def record(segment: Segment, english: str, engine: str) -> dict[str, Any]:
    return {"id": segment.id, "start": segment.start, "end": segment.end, "french": segment.text,
            "english": english, "engine": engine}


def _chunks(segments: Sequence[Segment], renderer: Renderer) -> Iterator[Sequence[Segment]]:
    """``segments`` by CHUNK_BATCHES model batches, sized again after each: a model loaded on a GPU batches more."""
    start = 0
    while start < len(segments):
        size = renderer.batch_size * CHUNK_BATCHES
        yield segments[start : start + size]
        start += size


def run(args: argparse.Namespace) -> int:
    document = load_document(args.article, source_lang=args.source_lang)
    renderer = ModelPool(device=check_device(args)).renderer(args.model, args.engine)
    out = sys.stdout
    progress = Progress(len(document.segments), "segments")
    first = True
    for number, chunk in enumerate(_chunks(document.segments, renderer)):
        english = renderer.render([segment.text for segment in chunk])  # a missing model fails before any output
        if number == 0 and args.format == "json":
            out.write(f'{{"article": {json.dumps(str(args.article), ensure_ascii=False)}, "segments": [')
        for segment, rendering in zip(chunk, english, strict=True):
            if args.format == "text":
                out.write(f"[{segment.id}] {escape_controls(segment.text)}\n        {escape_controls(rendering)}\n\n")
                continue
            line = json.dumps(record(segment, rendering, renderer.engine_name), ensure_ascii=False)
            if args.format == "jsonl":
                out.write(line + "\n")
            else:
                out.write(("\n  " if first else ",\n  ") + line)
                first = False
        out.flush()
        progress.advance(len(chunk))
    progress.close()
    if args.format == "json":
        out.write(f'\n], "model": {json.dumps(renderer.ref.name)}, "revision": {json.dumps(renderer.ref.revision)}, '
                  f'"engine": {json.dumps(renderer.engine_name)}}}\n')
    return 0
