"""``review translate``: every segment with its English rendering, for scripts."""

from __future__ import annotations

import argparse
import json
import sys

from review.commands.common import add_article, add_model
from review.document import load_document
from review.terminal import escape_controls
from review.translate.pool import ModelPool


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("translate", help="print each segment with its English rendering",
                            description="Render every segment in English with the model, for scripts.")
    add_article(parser)
    add_model(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: French and English lines per segment; json: one object per segment")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    document = load_document(args.article, source_lang=args.source_lang)
    renderer = ModelPool().renderer(args.model, args.engine)
    texts = [segment.text for segment in document.segments]
    english = renderer.render(texts)
    if args.format == "json":
        records = [
            {"id": segment.id, "start": segment.start, "end": segment.end, "french": segment.text,
             "english": rendering}
            for segment, rendering in zip(document.segments, english, strict=True)
        ]
        json.dump({"article": str(args.article), "model": renderer.ref.name, "revision": renderer.ref.revision,
                   "engine": renderer.engine_name, "segments": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for segment, rendering in zip(document.segments, english, strict=True):
            shown = escape_controls(segment.text), escape_controls(rendering)
            sys.stdout.write(f"[{segment.id}] {shown[0]}\n        {shown[1]}\n\n")
    return 0
