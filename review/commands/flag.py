"""``review flag``: every flag the detectors raise, for reading or for pipelines."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from review.commands.common import (
    add_article,
    add_flag_models,
    add_log,
    add_model,
    flag_options,
    load,
    refuse_article_as_log,
)
from review.errors import ModelError
from review.flags import DEFAULT_DETECTORS, DETECTORS
from review.flags.rank import run_flags
from review.model import Document, Flag, ReviewState, Severity

FAIL_LEVELS = ("minor", "major", "critical")
CSV_FIELDS = ("id", "segment", "start", "end", "article_start", "article_end", "text", "detector", "category",
              "severity", "confidence", "message", "suggestions")


def detector_names(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in DETECTORS]
    if unknown or not names:
        msg = f"unknown detector {', '.join(unknown) or '(none given)'}: choose from {', '.join(DETECTORS)}"
        raise argparse.ArgumentTypeError(msg)
    return names


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "flag", help="list likely errors in the French (for scripts and CI)",
        description="Run the error detectors over the article (corrections applied, dismissed flags left out) "
                    "and print every flag. Exit 1 when a flag at or above --fail-on is found.")
    add_article(parser)
    add_log(parser)
    add_model(parser)
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="table for people, json or csv for scripts (default: table)")
    parser.add_argument("--detectors", type=detector_names, default=DEFAULT_DETECTORS, metavar="A,B",
                        help=f"detectors to run (default: {','.join(DEFAULT_DETECTORS)}; "
                             f"all: {','.join(DETECTORS)})")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS, metavar="LEVEL",
                        help="exit 1 when a flag of this severity or worse is found: minor, major or critical")
    add_flag_models(parser)
    parser.add_argument("--render", action="store_true",
                        help="render missing English with the model (slow) for the number check; "
                             "by default only cached renderings are used")
    parser.set_defaults(run=run)


def _renderings(args: argparse.Namespace, document: Document, texts: dict[str, str]) -> dict[str, str]:
    from review.translate.render import Renderer  # noqa: PLC0415 - only when renderings are wanted

    try:
        renderer = Renderer(args.model, engine=args.engine)
        french = [texts[segment.id] for segment in document.segments]
        english = dict(zip(french, renderer.render(french), strict=True)) if args.render else renderer.cached(french)
    except ModelError as error:
        if args.render:
            raise
        print(f"review: note: number check skipped ({error.message})", file=sys.stderr)
        return {}
    return {segment.id: english[texts[segment.id]] for segment in document.segments if texts[segment.id] in english}


def article_offsets(document: Document, state: ReviewState) -> dict[str, int]:
    """Where each segment starts in the current article text (corrections shift what follows them)."""
    shift = 0
    starts = {}
    for segment in document.segments:
        starts[segment.id] = segment.start + shift
        shift += len(state.text_of(segment)) - len(segment.text)
    return starts


def record(flag: Flag, start: int) -> dict[str, Any]:
    return {
        "id": flag.id, "segment": flag.segment_id, "start": flag.start, "end": flag.end,
        "article_start": start + flag.start, "article_end": start + flag.end, "text": flag.span_text,
        "detector": flag.detector, "category": flag.category, "severity": str(flag.severity),
        "confidence": flag.confidence, "message": flag.message, "suggestions": list(flag.suggestions),
    }


def _table(records: Sequence[dict[str, Any]]) -> str:
    lines = []
    for item in records:
        where = f"{item['segment']}:{item['start']}-{item['end']}"
        lines.append(f"{where:<16} {item['severity']:<8} {item['detector']:<12} « {item['text']} »  {item['message']}")
        if item["suggestions"]:
            lines.append(f"{'':<16} {'':<8} {'':<12} → {' | '.join(item['suggestions'])}")
    return "\n".join(lines) + ("\n" if lines else "")


def run(args: argparse.Namespace) -> int:
    refuse_article_as_log(args)
    loaded = load(args)
    for problem in loaded.state.problems:
        print(f"review: warning: {problem}", file=sys.stderr)
    document, state = loaded.document, loaded.state
    texts = {segment.id: state.text_of(segment) for segment in document.segments}
    renderings = _renderings(args, document, texts) if "consistency" in args.detectors else {}
    options = flag_options(args)
    flags = run_flags(document, texts, args.detectors, options, renderings=renderings,
                      status=lambda line: print(f"review: note: {line}", file=sys.stderr))
    flags = [flag for flag in flags if flag.id not in state.dismissed]
    starts = article_offsets(document, state)
    records = [record(flag, starts[flag.segment_id]) for flag in flags]
    if args.format == "json":
        counts = Counter(str(flag.severity) for flag in flags)
        json.dump({"article": str(args.article), "detectors": list(args.detectors), "flags": records,
                   "counts": {level: counts.get(level, 0) for level in FAIL_LEVELS}},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for item in records:
            writer.writerow({**item, "suggestions": " | ".join(item["suggestions"])})
    else:
        sys.stdout.write(_table(records))
        print(f"{len(flags)} flags in {len(document.segments)} segments", file=sys.stderr)
    if args.fail_on is None:
        return 0
    threshold = Severity(args.fail_on).rank
    return 1 if any(flag.severity.rank >= threshold for flag in flags) else 0
