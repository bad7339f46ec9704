"""``review flag``: every flag the detectors raise, for reading or for pipelines."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from review.commands.common import add_article, add_flag_models, add_log, add_model, flag_options, workbench
from review.errors import ModelError, ReviewError
from review.flags import check_names, default_detectors, detector_names, needs_models
from review.flags.nlp import without_torch
from review.flags.records import article_offsets, record
from review.model import Severity
from review.terminal import escape_controls

if TYPE_CHECKING:
    from review.workbench import Workbench

FAIL_LEVELS = ("minor", "major", "critical")
CSV_FIELDS = ("id", "segment", "start", "end", "article_start", "article_end", "text", "detector", "category",
              "severity", "confidence", "message", "suggestions")


def detector_list(value: str) -> tuple[str, ...]:
    try:
        return check_names(name.strip() for name in value.split(",") if name.strip())
    except ReviewError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def add_detector_choice(parser: argparse.ArgumentParser) -> None:
    """``--detectors`` and ``--fail-on``, as review flag and review batch take them."""
    parser.add_argument("--detectors", type=detector_list, default=default_detectors(), metavar="A,B",
                        help=f"detectors to run (default: {','.join(default_detectors())}; "
                             f"all: {','.join(detector_names())})")
    parser.add_argument("--fail-on", choices=FAIL_LEVELS, metavar="LEVEL",
                        help="exit 1 when a flag of this severity or worse is found: minor, major or critical")


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
    add_detector_choice(parser)
    add_flag_models(parser)
    parser.add_argument("--render", action="store_true",
                        help="render missing English with the model (slow) for the number check; "
                             "by default only cached renderings are used")
    parser.set_defaults(run=run)


def _renderings(args: argparse.Namespace, bench: Workbench) -> None:
    """Put the English of the current French in the session: cached, or rendered with ``--render``."""
    texts = list(bench.texts().values())
    try:
        if args.render:
            bench.render_all(texts)
        else:
            bench.cached_renderings(texts)
    except ModelError as error:
        if args.render:
            raise
        print(f"review: note: number check skipped ({error.message})", file=sys.stderr)


def _table(records: Sequence[dict[str, Any]]) -> str:
    lines = []
    for item in records:
        where = f"{item['segment']}:{item['start']}-{item['end']}"
        lines.append(f"{where:<16} {item['severity']:<8} {item['detector']:<12} « {item['text']} »  {item['message']}")
        if item["suggestions"]:
            lines.append(f"{'':<16} {'':<8} {'':<12} → {' | '.join(item['suggestions'])}")
    return "\n".join(lines) + ("\n" if lines else "")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "own_process", False) and not args.render and not needs_models(args.detectors, flag_options(args)):
        without_torch()  # spaCy would import it for nothing: this process loads no model
    bench = workbench(args, detectors=args.detectors)
    if "consistency" in args.detectors:
        _renderings(args, bench)
    flags = bench.open_flags(bench.flag(status=lambda line: print(f"review: note: {line}", file=sys.stderr)))
    document, state = bench.document, bench.session.state
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
        sys.stdout.write(escape_controls(_table(records), keep="\n"))
        print(f"{len(flags)} flags in {len(document.segments)} segments", file=sys.stderr)
    if args.fail_on is None:
        return 0
    threshold = Severity(args.fail_on).rank
    return 1 if any(flag.severity.rank >= threshold for flag in flags) else 0
