"""``review export``: the corrected article, or the review in an exchange format.

The format is ``--format``, else the ``-o`` file's extension, else txt.  TMX,
XLIFF and PO need the English rendering of every segment: they take it from
the rendering cache (``review translate`` or the TUI fill it) and load the
model only with ``--render``.  Flags are computed when the flagging package
(``review.flags.rank``) is installed, unless ``--no-flags``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from review.commands.common import Loaded, add_article, add_log, add_model, load, refuse_article_as_log
from review.export import write_output
from review.formats import BILINGUAL, FORMATS, ExportOptions, export_document, format_for_path
from review.formats.xliff import VERSIONS
from review.model import Flag


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
    parser.set_defaults(run=run)


def choose_format(args: argparse.Namespace) -> str:
    implied = format_for_path(args.output) if args.output != "-" else None
    if args.format and implied and implied != args.format:
        print(f"review: warning: {args.output} looks like {implied}, writing {args.format} as asked", file=sys.stderr)
    fmt: str = args.format or implied or "txt"
    if args.bom and fmt != "csv":
        print("review: warning: --bom only applies to csv; ignored", file=sys.stderr)
    return fmt


def renderings_for(args: argparse.Namespace, loaded: Loaded, fmt: str) -> tuple[dict[str, str], str | None]:
    """English per segment id from the cache (rendering the rest with --render), and the model's id.

    A corrected segment gets the rendering of its corrected French when there is
    one, else that of the machine French the reviewer saw.
    """
    from review.translate.render import Renderer  # noqa: PLC0415 - the sqlite cache is only for these formats

    renderer = Renderer(args.model, engine=args.engine)
    current = {segment.id: loaded.state.text_of(segment) for segment in loaded.document.segments}
    machine = {segment.id: segment.text for segment in loaded.document.segments}
    texts = list(dict.fromkeys([*current.values(), *machine.values()]))
    if args.render and fmt in BILINGUAL:
        found = dict(zip(current.values(), renderer.render(list(current.values())), strict=True))
        found.update(renderer.cached(texts))
    else:
        found = renderer.cached(texts)
    renderings: dict[str, str] = {}
    for segment_id, text in current.items():
        english = found.get(text, found.get(machine[segment_id]))
        if english is not None:
            renderings[segment_id] = english
    return renderings, renderer.ref.name


def flags_for(args: argparse.Namespace, loaded: Loaded, renderings: dict[str, str]) -> Sequence[Flag]:
    """The open flags on the current French (offline detectors), unless --no-flags."""
    if args.no_flags:
        return ()
    from review.flags import DEFAULT_DETECTORS, FlagOptions  # noqa: PLC0415
    from review.flags.rank import run_flags  # noqa: PLC0415 - loads spaCy

    texts = {segment.id: loaded.state.text_of(segment) for segment in loaded.document.segments}
    flags = run_flags(loaded.document, texts, DEFAULT_DETECTORS, FlagOptions(model=args.model),
                      renderings=renderings or None,
                      status=lambda line: print(f"review: {line}", file=sys.stderr))
    return [flag for flag in flags if flag.id not in loaded.state.dismissed]


def run(args: argparse.Namespace) -> int:
    refuse_article_as_log(args)
    fmt = choose_format(args)
    loaded = load(args)
    for problem in loaded.state.problems:
        print(f"review: warning: {problem}", file=sys.stderr)
    renderings: dict[str, str] = {}
    model_name: str | None = None
    if fmt not in {"txt", "csv"}:
        renderings, model_name = renderings_for(args, loaded, fmt)
    flags = flags_for(args, loaded, renderings) if fmt != "txt" else ()
    options = ExportOptions(xliff_version=args.xliff_version, bom=args.bom)
    data = export_document(fmt, loaded.document, loaded.state, renderings=renderings, flags=flags,
                           model_name=model_name, options=options)
    write_output(args.output, data, protect=(args.article, loaded.log_path))
    if args.output != "-":
        print(f"wrote {args.output} ({fmt}): {len(loaded.state.texts)} corrected segments of "
              f"{len(loaded.document.segments)}", file=sys.stderr)
    return 0
