"""``review export``: the corrected article (and, later, interchange formats)."""

from __future__ import annotations

import argparse
import sys

from review.commands.common import add_article, add_log, load, refuse_article_as_log
from review.export import corrected_bytes, write_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export", help="write the corrected article",
                            description="Write the article with every logged correction applied.")
    add_article(parser)
    add_log(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write, or - for stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    refuse_article_as_log(args)
    loaded = load(args)
    for problem in loaded.state.problems:
        print(f"review: warning: {problem}", file=sys.stderr)
    write_output(args.output, corrected_bytes(loaded.document, loaded.state), protect=(args.article,))
    if args.output != "-":
        print(f"wrote {args.output}: {len(loaded.state.texts)} corrected segments of "
              f"{len(loaded.document.segments)}", file=sys.stderr)
    return 0
