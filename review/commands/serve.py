"""``review serve``: the review screen in a browser, one session per tab (needs ``review[serve]``)."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from review.articles import check_paths, find_articles
from review.commands.common import add_min_confidence, add_model, add_terms, checked_terms
from review.commands.open import chosen_detectors, sample_working_copy
from review.errors import InputError, ModelError

INSTALL_HINT = "textual-serve is not installed: pip install 'review[serve]'"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="serve the review screen to a web browser",
                            description="Serve the review screen to web browsers: each tab is a review session. "
                                        "A folder opens on the list of its *.txt articles.")
    parser.add_argument("paths", type=Path, nargs="*", metavar="ARTICLE_OR_DIR",
                        help="articles and folders of articles (default: the shipped sample)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--read-only", action="store_true", help="serve without saving any correction")
    add_model(parser)
    parser.add_argument("--detectors", metavar="A,B", help="detectors each session runs (as in review open)")
    add_min_confidence(parser)
    add_terms(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        print(f"review: --port {args.port} is not a port number (1-65535)", file=sys.stderr)
        return 2
    paths = tuple(args.paths) or (sample_working_copy(),)
    check_paths(paths)
    chosen_detectors(args.detectors)  # a typo is one line here, not an error in every tab
    terms = checked_terms(args.terms)  # so is a list of terms that cannot be read
    if not find_articles(paths):
        msg = f"no *.txt article in {', '.join(map(str, paths))}"
        raise InputError(msg)
    if importlib.util.find_spec("textual_serve") is None:
        raise ModelError(INSTALL_HINT)
    from review.serve import ServeOptions, is_local, open_options, serve, try_address  # noqa: PLC0415

    try:
        try_address(args.host, args.port)  # a port in use is said first, never after the "serving" line
    except OSError as error:
        return _cannot_listen(args, error)
    if not is_local(args.host):
        can = "read" if args.read_only else "read and edit"
        print(f"review: warning: listening on {args.host}:{args.port}: anyone who can reach this port can {can} "
              "the served articles" + ("" if args.read_only else " (--read-only serves without saving)"),
              file=sys.stderr)
    options = ServeOptions(paths=tuple(path.resolve() for path in paths), read_only=args.read_only,
                           open_options=(*open_options(args.model, args.engine, args.detectors, args.device),
                                         "--min-confidence", repr(args.min_confidence), *terms))
    try:
        serve(options, host=args.host, port=args.port)
    except OSError as error:
        return _cannot_listen(args, error)
    return 0


def _cannot_listen(args: argparse.Namespace, error: OSError) -> int:
    print(f"review: cannot listen on {args.host}:{args.port} ({error.strerror or error}): "
          "pass another --port or --host", file=sys.stderr)
    return 2
