"""``review open``: the review screen (and plain ``review``, on the shipped sample)."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from review.commands.common import (
    add_article,
    add_flag_models,
    add_log,
    add_model,
    flag_options,
    log_path_for,
    refuse_article_as_log,
)
from review.document import load_document
from review.errors import InputError
from review.store import ReviewLog
from review.variants import load_variants

if TYPE_CHECKING:
    from review.flags.incremental import IncrementalFlagger

SAMPLE_NAME = "iran-pakistan.fr.txt"


def shipped_sample() -> Path:
    """The sample article: in a source checkout's seeds/, or bundled in the wheel."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "seeds" / SAMPLE_NAME, package / "_seeds" / SAMPLE_NAME):
        if candidate.is_file():
            return candidate
    msg = "the shipped sample article is missing from this installation"
    raise FileNotFoundError(msg)


def sample_working_copy() -> Path:
    """A copy of the sample in the user's review folder, so the shipped file is never edited."""
    home = Path(os.environ.get("REVIEW_HOME", Path.home() / ".local" / "share" / "review"))
    copy = home / "sample" / SAMPLE_NAME
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shipped_sample(), copy)
    return copy


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("open", help="review an article in the terminal (default: the shipped sample)",
                            description="Open the review screen: French beside the model's English.")
    add_article(parser)
    parser.set_defaults(article=None)
    parser._actions[-2].nargs = "?"  # noqa: SLF001 - ARTICLE is optional here only
    add_model(parser)
    add_log(parser)
    add_flag_models(parser)
    parser.add_argument("--detectors", metavar="A,B",
                        help="detectors to run (default: the offline ones, plus each model detector whose model "
                             "is downloaded); 'none' turns flagging off")
    parser.add_argument("--read-only", action="store_true", help="look without saving corrections")
    parser.add_argument("--variant", type=Path, action="append", default=[], metavar="FILE",
                        help="another French version of the article (txt, tmx, xliff, po, csv), "
                             "aligned segment by segment; repeatable")
    parser.set_defaults(run=run)


def flagger(args: argparse.Namespace) -> IncrementalFlagger | None:
    """The detectors the screen runs, checked before the screen opens so a typo is one line, not a crash."""
    from review.flags import DETECTORS  # noqa: PLC0415
    from review.flags.incremental import IncrementalFlagger  # noqa: PLC0415

    options = flag_options(args)
    if args.detectors == "none":
        return None
    names: list[str] | None
    if args.detectors:
        names = [name.strip() for name in args.detectors.split(",") if name.strip()]
        unknown = [name for name in names if name not in DETECTORS]
        if unknown:
            msg = f"unknown detector {unknown[0]!r}: choose from {', '.join(DETECTORS)}"
            raise InputError(msg)
    else:
        names = None  # the offline set plus the model detectors whose models are here, decided in the worker
    for path in (*options.lexicon, *((options.source,) if options.source else ())):
        if not path.is_file():
            msg = f"{path}: no such file"
            raise InputError(msg)
    return IncrementalFlagger(names=names, options=options)


def run(args: argparse.Namespace) -> int:
    if args.article is None:
        args.article = sample_working_copy()
    refuse_article_as_log(args)
    document = load_document(args.article, source_lang=args.source_lang)
    variants = load_variants(document, args.variant)  # before the screen: a misaligned file is one line
    detectors = flagger(args)
    log = ReviewLog(log_path_for(args), read_only=args.read_only)
    log.acquire()
    try:
        from review.tui.app import make_app  # noqa: PLC0415 - textual loads only for the TUI

        app = make_app(document=document, log=log, model=args.model, engine=args.engine, flagger=detectors,
                       variants=variants, source=args.source)
        app.run()
    finally:
        log.release()
    return app.return_code or 0
