"""``review open``: the review screen (and plain ``review``, on the shipped sample)."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from review.articles import record_open_flags
from review.commands.common import add_article, add_flag_models, add_log, add_model, workbench
from review.errors import InputError, ReviewError, UsageError

if TYPE_CHECKING:
    from review.flags import DetectorEdit
    from review.tui.app import ReviewApp

SAMPLE_NAME = "iran-pakistan.fr.txt"


def shipped_sample() -> Path:
    """The sample article: in a source checkout's seeds/, or bundled in the wheel."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "seeds" / SAMPLE_NAME, package / "_seeds" / SAMPLE_NAME):
        if candidate.is_file():
            return candidate
    msg = "the shipped sample article is missing from this installation: reinstall review, or name an article"
    raise InputError(msg)


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
                             "is downloaded); +A,-B adds to or leaves out of that set; 'none' turns flagging off")
    parser.add_argument("--read-only", action="store_true", help="look without saving corrections")
    parser.add_argument("--variant", type=Path, action="append", default=[], metavar="FILE",
                        help="another French version of the article (txt, tmx, xliff, po, csv), "
                             "aligned segment by segment; repeatable")
    parser.set_defaults(run=run)


def chosen_detectors(value: str | None) -> tuple[str, ...] | DetectorEdit | None:
    """``--detectors``: None (the offline set plus each model detector whose model is here), that set changed
    (``+a,-b``), or () for none."""
    from review.flags import parse_detectors  # noqa: PLC0415

    if value is None:
        return None
    if value == "none":
        return ()
    try:
        return parse_detectors(value)
    except ReviewError as error:
        raise UsageError(error.message) from None


def need_terminal() -> None:
    """The screen reads keys from stdin, draws on stderr and takes its size from stdout: each must be a terminal.

    Piped or redirected, the screen would wait for keys that never come, write escape codes into a file, or
    lay itself out for 80 columns in a wider window.
    """
    streams = {"stdin": sys.__stdin__, "stdout": sys.__stdout__, "stderr": sys.__stderr__}
    missing = [name for name, stream in streams.items() if stream is None or not stream.isatty()]
    if missing:
        named = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        msg = (f"the review screen needs a terminal, and its {named} {'is' if len(missing) == 1 else 'are'} not one: "
               "run it without pipes or redirections (in scripts: review flag, translate or export)")
        raise UsageError(msg)


def remember_open_flags(app: ReviewApp) -> None:
    """Once the screen has closed: the open flags it saw, for the article list of ``review serve``.

    Only when flagging had finished; a read-only session writes nothing.
    """
    if app.flagger is not None and not app.flag_note:
        record_open_flags(app.session.log, len(app.session.open_flags()))


def remember_position(app: ReviewApp) -> None:
    """Once the screen has closed: where the reviewer was, as ``q`` keeps it.

    A browser tab closed, or ``review serve`` stopped, ends the screen without ``q``; the next session
    then opens where this one stopped, not at the top.  After ``q`` this writes nothing (the position
    is the one kept); a log that cannot be written loses only the position, which ``q`` has said.
    """
    with contextlib.suppress(ReviewError):
        app.session.remember_position(app.segment)


def run(args: argparse.Namespace, *, terminal: bool = True, exports: bool = True) -> int:
    """``review open``; ``terminal``: the screen draws in this process's terminal (a browser tab's does not).

    ``exports``: False for a tab of ``review serve --read-only``, whose screen then writes no export either.
    """
    if args.article is None:
        args.article = sample_working_copy()
    detectors = chosen_detectors(args.detectors)  # before the screen: a typo is one line, not a crash
    bench = workbench(args, detectors=detectors, read_only=args.read_only, lock=True)
    log = bench.session.log
    try:
        variants: dict[str, list[str]] = {}
        if args.variant:
            from review.variants import load_variants  # noqa: PLC0415 - the formats and scoring, only for variants
            from review.workbench import cached_english  # noqa: PLC0415 - loaded with the workbench already

            # a misaligned file is one line too; files without ids are matched by the cached English
            variants = load_variants(bench.document, args.variant,
                                     renderings=cached_english(bench.document, bench.options, bench.pool))
        from review.tui.app import make_app  # noqa: PLC0415 - textual loads only for the TUI

        app = make_app(bench, variants=variants, source=args.source, exports=exports)
        if terminal:
            need_terminal()  # after every check of the input: a bad article or variant is still named first
        app.run()
        crashed = app._exception  # noqa: SLF001 - Textual keeps an unhandled error here, drawn as a traceback
        if crashed is not None:
            raise crashed  # review's one place for bugs: exit 70 and the traceback kept in a crash file
        remember_position(app)
        remember_open_flags(app)
    finally:
        log.release()
    return app.return_code or 0
