"""``review export``: the corrected article, or the review in an exchange format.

The format is ``--format``, else the ``-o`` file's extension, else txt.  TMX,
XLIFF and PO need the English rendering of every segment: they take it from
the rendering cache (``review translate`` or the TUI fill it) and load the
model only with ``--render``.  The open flags are those of the default offline
detectors, the same set the review screen's export writes, unless ``--no-flags``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from review.commands.common import add_article, add_log, add_min_confidence, add_model, add_terms, workbench
from review.commands.progress import Progress
from review.export import STDOUT_NAMES, write_output
from review.formats import FORMATS, ExportOptions, format_for_path
from review.formats.xliff import VERSIONS
from review.terminal import escape_controls
from review.wording import counted


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export", help="write the corrected article, or the review as TMX, XLIFF, PO, CSV or JSON Lines",
        description="Write the article with every logged correction applied (txt), or the review in an exchange "
                    "format: tmx (translation memory), xliff (CAT tools), po, csv (error report for a spreadsheet), "
                    "jsonl (everything, lossless).",
    )
    add_article(parser)
    add_log(parser)
    add_model(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write, or - for stdout")
    parser.add_argument("--format", choices=tuple(FORMATS), metavar="FORMAT",
                        help=f"one of {', '.join(FORMATS)} (default: from OUT's extension, else txt)")
    parser.add_argument("--xliff-version", choices=VERSIONS, default="2.0",
                        help="XLIFF version: 2.0 (default) or 1.2 for older CAT tools")
    parser.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 BOM so spreadsheets read UTF-8")
    parser.add_argument("--render", action="store_true",
                        help="tmx/xliff/po: render segments missing from the cache with the model (slow)")
    parser.add_argument("--no-flags", action="store_true", help="leave detectors' flags out of the export")
    add_min_confidence(parser)  # the flags listed: as review open with the same floor shows them
    add_terms(parser)  # and with the same kept terms
    parser.set_defaults(run=run)


# a name's last part that is a language tag (« story.fr », « story.pt-BR »): plain text without a word
_LANGUAGE_TAG = re.compile(r"\.[a-z]{2,3}(?:[-_][A-Za-z]{2})?")


def choose_format(args: argparse.Namespace) -> str:
    implied = format_for_path(args.output) if args.output not in STDOUT_NAMES else None
    if args.format and implied and implied != args.format:
        print(f"review: warning: {args.output} looks like {implied}, writing {args.format} as asked", file=sys.stderr)
    fmt: str = args.format or implied or "txt"
    suffix = Path(args.output).suffix if args.output not in STDOUT_NAMES else ""
    if not args.format and not implied and suffix and not _LANGUAGE_TAG.fullmatch(suffix):
        # « report.docx » would hold plain text a word processor then refuses; « story.fr » is a language
        shown = escape_controls(str(args.output))
        print(f"review: warning: {escape_controls(suffix)} is not a format review writes: writing plain text to "
              f"{shown} (--format picks one of {', '.join(FORMATS)})", file=sys.stderr)
    if args.bom and fmt != "csv":
        print("review: warning: --bom only applies to csv; ignored", file=sys.stderr)
    return fmt


def run(args: argparse.Namespace) -> int:
    fmt = choose_format(args)
    bench = workbench(args)
    options = ExportOptions(xliff_version=args.xliff_version, bom=args.bom)
    # flagging a long article takes minutes: a bar on a terminal says how far (txt lists no flags)
    progress = Progress(len(bench.document.segments), "segments flagged")
    try:
        data = bench.export_chunks(fmt, options=options, render=args.render, flags=not args.no_flags,
                                   status=lambda line: progress.note(f"review: {line}"), advance=progress.advance)
    finally:
        progress.close()
    write_output(args.output, data, protect=bench.protected_paths())
    if args.output not in STDOUT_NAMES:
        corrected = counted(len(bench.session.state.texts), "corrected segment")
        print(f"wrote {escape_controls(str(args.output))} ({fmt}): {corrected} of {len(bench.document.segments)}",
              file=sys.stderr)
    return 0
