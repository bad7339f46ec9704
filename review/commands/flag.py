"""``review flag``: every flag the detectors raise, for reading or for pipelines."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from review.commands.common import add_article, add_flag_models, add_log, add_model, flag_options, workbench
from review.commands.progress import Progress
from review.errors import ModelError, ReviewError, UsageError
from review.flags import (
    DetectorEdit,
    NamedOff,
    default_detectors,
    detector_names,
    needs_models,
    parse_detectors,
    resolved,
    source_detectors,
)
from review.flags.nlp import without_torch
from review.flags.records import article_offsets, record
from review.model import Severity
from review.terminal import escape_controls
from review.wording import counted

if TYPE_CHECKING:
    from review.workbench import Workbench

FAIL_LEVELS = ("minor", "major", "critical")
CSV_FIELDS = ("id", "segment", "start", "end", "article_start", "article_end", "text", "detector", "category",
              "severity", "confidence", "message", "suggestions")


def detector_list(value: str) -> tuple[str, ...] | DetectorEdit:
    try:
        return parse_detectors(value)
    except ReviewError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def add_detector_choice(parser: argparse.ArgumentParser, *, with_source: bool = False) -> None:
    """``--detectors`` and ``--fail-on``, as review flag and review batch take them.

    with_source: left out, ``--detectors`` is None and :func:`chosen_detectors` adds the source detectors
    to the default set when ``--source`` is given (review flag).
    """
    extra = f", and with --source {','.join(source_detectors())}" if with_source else ""
    parser.add_argument("--detectors", type=detector_list, default=None, metavar="A,B",
                        help=f"detectors to run (default: {','.join(default_detectors())}{extra}; "
                             f"all: {','.join(detector_names())}); +A,-B adds to or leaves out of the default")
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
    parser.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table",
                        help="table for people; json (one object), jsonl (one flag a line) or csv for scripts; "
                             "all are written as the flags are found, the cross-article detectors' last "
                             "(default: table)")
    add_detector_choice(parser, with_source=True)
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


def _table_row(item: dict[str, Any]) -> str:
    where = f"{item['segment']}:{item['start']}-{item['end']}"
    # each field on its own line of the table: a flagged span across a hard-wrapped line shows its break escaped
    lines = [(f"{where:<16} {item['severity']:<8} {item['detector']:<12} « {escape_controls(item['text'])} »  "
             f"{escape_controls(item['message'])}")]
    if item["suggestions"]:
        lines.append(f"{'':<16} {'':<8} {'':<12} → {escape_controls(' | '.join(item['suggestions']))}")
    return "\n".join(lines) + "\n"


class JsonWriter:
    """One JSON object, as ``json.dump(..., indent=2)`` writes it, written as the flags come.

    The header first, then the "flags" array element by element, the counts at the end:
    a reader of the whole output gets the very object the unstreamed command printed.
    """

    def __init__(self, out: TextIO, header: dict[str, Any]) -> None:
        self.out = out
        self.count = 0
        opening = json.dumps({**header, "flags": []}, ensure_ascii=False, indent=2)
        out.write(opening.removesuffix("[]\n}") + "[")

    def write(self, item: dict[str, Any]) -> None:
        element = textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), " " * 4)
        self.out.write(("," if self.count else "") + "\n" + element)
        self.count += 1

    def close(self, counts: dict[str, int]) -> None:
        tail = json.dumps({"counts": counts}, ensure_ascii=False, indent=2).removeprefix("{")
        self.out.write(("\n  ]" if self.count else "]") + "," + tail + "\n")


def _row_writer(args: argparse.Namespace, out: TextIO) -> tuple[Callable[[dict[str, Any]], object], JsonWriter | None]:
    """What writes one record in the chosen format (and, for json, the writer that closes the object)."""
    if args.format == "json":
        # a file name that is not UTF-8 (a raw byte kept by Python as a surrogate) is shown with U+FFFD,
        # so that the JSON stays UTF-8
        name = str(args.article).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        json_out = JsonWriter(out, {"article": name, "detectors": list(args.detectors)})
        return json_out.write, json_out
    if args.format == "jsonl":
        return lambda item: out.write(json.dumps(item, ensure_ascii=False) + "\n"), None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        return lambda item: writer.writerow({**item, "suggestions": " | ".join(item["suggestions"])}), None
    return lambda item: out.write(_table_row(item)), None


def chosen_detectors(args: argparse.Namespace, *, with_source: bool = True) -> tuple[str, ...]:
    """``--detectors`` as given; left out, the default set, with the source detectors when ``--source`` is given
    (``with_source``: review flag; review batch keeps the default set); ``+a,-b`` changes that default."""
    usual = default_detectors()
    if with_source and getattr(args, "source", None) is not None:
        usual = (*usual, *source_detectors())
    chosen = resolved(args.detectors, usual)
    if not chosen:
        msg = f"--detectors leaves no detector to run (the default: {','.join(usual)})"
        raise UsageError(msg)
    return chosen


def named_detectors(choice: tuple[str, ...] | DetectorEdit | None) -> frozenset[str]:
    """The detectors ``--detectors`` names to run (a,b or +a), not those the default set brings."""
    if choice is None:
        return frozenset()
    return frozenset(choice.added if isinstance(choice, DetectorEdit) else choice)


def run(args: argparse.Namespace) -> int:
    """Flag the article chunk by chunk, writing each chunk's records as soon as they are found."""
    named = named_detectors(args.detectors)
    args.detectors = chosen_detectors(args)
    if getattr(args, "own_process", False) and not args.render and not needs_models(args.detectors, flag_options(args)):
        without_torch()  # spaCy would import it for nothing: this process loads no model
    bench = workbench(args, detectors=args.detectors)
    if "consistency" in args.detectors:
        _renderings(args, bench)
    document, state = bench.document, bench.session.state
    starts = article_offsets(document, state)
    progress = Progress(len(document.segments), "segments")
    out = sys.stdout
    writer: tuple[Callable[[dict[str, Any]], object], JsonWriter | None] | None = None
    severities: Counter[str] = Counter()
    notes = NamedOff(named, lambda line: progress.note(f"review: note: {line}"))
    try:
        for batch in bench.stream_flags(status=notes):
            # nothing is written before the first chunk has been through every detector: a model that cannot
            # load stops the command with its one line, not after a JSON header or a CSV one
            notes.check()
            writer = writer or _row_writer(args, out)
            write_row = writer[0]
            flags = bench.open_flags(batch.flags)
            if flags:
                progress.clear()  # stdout may be the same terminal
            for flag in flags:
                write_row(record(flag, starts[flag.segment_id]))
                severities[str(flag.severity)] += 1
            out.flush()
            progress.advance(batch.segments)
    finally:
        progress.close()
    json_out = (writer or _row_writer(args, out))[1]
    if json_out is not None:
        json_out.close({level: severities.get(level, 0) for level in FAIL_LEVELS})
    elif args.format == "table":
        print(f"{counted(sum(severities.values()), 'flag')} in {counted(len(document.segments), 'segment')}",
              file=sys.stderr)
    notes.check()  # a cross-article detector named by hand runs last: its output is whole, its exit code says
    if args.fail_on is None:
        return 0
    threshold = Severity(args.fail_on).rank
    return 1 if any(Severity(level).rank >= threshold for level in severities) else 0
