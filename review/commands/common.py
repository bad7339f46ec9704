"""Options and loading steps several commands share."""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from review.document import read_bytes
from review.errors import InputError
from review.store import default_log_path
from review.terminal import escape_controls
from review.translate import ENGINES
from review.translate.device import DEVICES
from review.translate.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from review.flags import DetectorChoice, FlagOptions, Option
    from review.workbench import Workbench


def add_article(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="the machine-translated French article (UTF-8 text)")
    parser.add_argument("--source-lang", metavar="LANG", type=language_tag,
                        help="language of the article when detection gets it wrong (default: detect, expect fr)")


def add_log(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log", type=Path, metavar="PATH",
                        help="corrections log (default: ARTICLE.review.jsonl beside the article)")


def one_of(names: Sequence[str], variable: str) -> Callable[[str], str]:
    """An argparse type for a name from ``names``: argparse runs a default taken from ``$variable`` through it,
    but never checks ``choices`` against a default, so a misspelt variable would otherwise pass."""
    def checked(text: str) -> str:
        if text in names:
            return text
        given = f"${variable} is {text!r}" if text == os.environ.get(variable) else repr(text)
        msg = f"{given}: choose from {', '.join(names)}"
        raise argparse.ArgumentTypeError(msg)

    return checked


def add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=os.environ.get("REVIEW_MODEL", DEFAULT_MODEL), metavar="ID|DIR",
                        help=f"translation model: hub id or local folder (default: {DEFAULT_MODEL}, or $REVIEW_MODEL)")
    # auto: CTranslate2 when installed (several times faster on CPU; int8 may change a few renderings)
    parser.add_argument("--engine", default=os.environ.get("REVIEW_ENGINE", "auto"),
                        type=one_of((*ENGINES, "auto"), "REVIEW_ENGINE"), metavar="NAME",
                        help="engine that runs the model: auto (ct2 when installed, else marian), marian "
                             "(transformers) or ct2 (CTranslate2 int8, faster on CPU) "
                             "(default: auto, or $REVIEW_ENGINE)")
    parser.add_argument("--device", default=os.environ.get("REVIEW_DEVICE", "auto"),
                        type=one_of(DEVICES, "REVIEW_DEVICE"), metavar="NAME",
                        help="where the models run: auto (a CUDA GPU when the engine sees one and can run on it, "
                             "else the CPU), cpu or cuda (default: auto, or $REVIEW_DEVICE)")


def check_device(args: argparse.Namespace) -> str:
    """``--device`` (or ``$REVIEW_DEVICE``) checked now: ``cuda`` without a GPU is one line before any work.

    Only ``cuda`` asks the engine's library (torch, or CTranslate2 for ``--engine ct2``); ``auto`` is
    decided when a model loads, so commands that load none stay quick.
    """
    from review.translate import resolve_engine  # noqa: PLC0415
    from review.translate.device import check_name, ct2_device, torch_device  # noqa: PLC0415

    device: str = check_name(args.device)
    if device == "cuda":
        (ct2_device if resolve_engine(args.engine) == "ct2" else torch_device)(device)
    return device


def log_path_for(args: argparse.Namespace) -> Path:
    path: Path = args.log or default_log_path(args.article)
    return path


def refuse_article_as_log(args: argparse.Namespace) -> None:
    log_path = log_path_for(args)
    if log_path.exists() and args.article.exists() and os.path.samefile(log_path, args.article):
        msg = "--log points at the article itself: give the log its own file"
        raise InputError(msg)


def add_flag_models(parser: argparse.ArgumentParser) -> None:
    """``--source``, ``--min-confidence`` and every detector's own options (as each detector module declares them)."""

    parser.add_argument("--source", type=Path, metavar="EN",
                        help="the English original (txt, tmx, xliff, po, csv), aligned by paragraph and sentence")
    add_min_confidence(parser)
    add_detector_options(parser)


MIN_CONFIDENCE_ENV = "REVIEW_MIN_CONFIDENCE"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(text: str) -> str:
    """An argparse type: a language code (``fr``, ``fr-CA``), which exports write into XLIFF, TMX and PO as given."""
    if not _LANGUAGE_TAG.fullmatch(text.strip()):
        msg = f"{text!r} is not a language code: give one like fr, fr-CA or pt_BR"
        raise argparse.ArgumentTypeError(msg)
    return text.strip()


def confidence(text: str) -> float:
    """An argparse type: a confidence floor, a number from 0 to 1 (``$REVIEW_MIN_CONFIDENCE`` goes through it too)."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if 0.0 <= number <= 1.0:  # nan (and so any word) fails this too
        return number
    # argparse runs the environment's value through here when the option is not given: say which it was
    given = f"${MIN_CONFIDENCE_ENV} is {text.strip()!r}" if text == os.environ.get(MIN_CONFIDENCE_ENV) else (
        f"{text.strip()!r} is not a number" if math.isnan(number) else f"{text.strip()} is out of range")
    msg = f"{given}: give a confidence from 0 to 1"
    raise argparse.ArgumentTypeError(msg)


def add_min_confidence(parser: argparse.ArgumentParser) -> None:
    """``--min-confidence``: the floor under which flags are left out, default the ranking's own.

    The environment's value is a string default, so argparse checks it like a typed one: a bad value is
    a usage error (exit 2) naming the variable, before any file is read.
    """
    from review.flags.rank import MIN_CONFIDENCE  # noqa: PLC0415

    parser.add_argument("--min-confidence", type=confidence, metavar="X",
                        default=os.environ.get(MIN_CONFIDENCE_ENV) or str(MIN_CONFIDENCE),
                        help="leave out flags less confident than X, 0 to 1: lower shows more flags, more of them "
                             "false alarms; higher, fewer and surer (confidence is a flag's measured precision; "
                             f"default: {MIN_CONFIDENCE}, or ${MIN_CONFIDENCE_ENV})")


def add_terms(parser: argparse.ArgumentParser) -> None:
    """``--terms FILE`` alone, for a command that passes it on (``review serve`` to each tab's ``review open``)."""
    from review.flags.terms import TERMS_OPTION  # noqa: PLC0415

    add_option(parser, TERMS_OPTION)


def checked_terms(paths: list[Path]) -> tuple[str, ...]:
    """The ``--terms`` words to pass on, each file checked and made absolute (one line when one cannot be read)."""
    from review.flags.terms import read_terms  # noqa: PLC0415

    words: list[str] = []
    for path in paths:
        read_terms(path)
        words += ["--terms", str(path.resolve())]
    return tuple(words)


def add_detector_options(parser: argparse.ArgumentParser) -> None:
    """Every detector's own options, as each detector module declares them."""
    from review.flags import detector_options  # noqa: PLC0415

    for option in detector_options():
        add_option(parser, option)


def add_option(parser: argparse.ArgumentParser, option: Option) -> None:
    """One detector option on the command line, as its kind asks (``paths`` repeatable)."""
    if option.kind == "paths":
        parser.add_argument(option.flag, dest=option.dest, type=Path, action="append", default=[],
                            metavar=option.metavar, help=option.help)
    else:
        parser.add_argument(option.flag, dest=option.dest, type=Path if option.kind == "path" else str,
                            metavar=option.metavar, help=option.help)


def flag_options(args: argparse.Namespace) -> FlagOptions:
    """The model, engine, device, source, confidence floor and detector options the command line gave."""
    from review.flags import FlagOptions, detector_options  # noqa: PLC0415
    from review.translate.device import check_name  # noqa: PLC0415

    settings = {option.dest: getattr(args, option.dest, None) for option in detector_options()}
    options = FlagOptions(model=args.model, engine=args.engine, device=check_name(args.device),
                          source=getattr(args, "source", None),
                          settings={key: value for key, value in settings.items() if value not in (None, [])})
    floor: float | None = getattr(args, "min_confidence", None)  # a command without the option keeps the default
    return options if floor is None else replace(options, min_confidence=floor)


def check_files(options: FlagOptions) -> None:
    """The files named by ``--source`` and the detectors' path options exist and read as their detector reads them:
    one line otherwise.

    A lexicon with a bad line used to pass here and fail inside the rule flagging of the review screen, which
    then showed no rule flag at all (and every article of a batch failed alike).
    """
    from review.flags import detector_options  # noqa: PLC0415

    if options.source is not None:
        read_bytes(options.source, wanted="a file")  # missing, a folder, a pipe or too big: one line, exit 3
    for option in detector_options():
        value = options.settings.get(option.dest)
        if option.kind == "text" or not value:
            continue
        for path in value if option.kind == "paths" else [value]:
            read_bytes(path, wanted="a file")
            if option.check is not None:
                option.check(path)


def workbench(args: argparse.Namespace, *, detectors: DetectorChoice = None,
              read_only: bool = True, lock: bool = False) -> Workbench:
    """The article of ``args`` opened with its log, options and a fresh model pool (``lock``: see Workbench.open)."""
    from review.workbench import Workbench  # noqa: PLC0415

    refuse_article_as_log(args)
    check_device(args)
    options = flag_options(args)
    check_files(options)
    bench = Workbench.open(args.article, options=options, detectors=detectors, log=log_path_for(args),
                           read_only=read_only, lock=lock, source_lang=args.source_lang)
    for problem in bench.session.state.problems:
        print(f"review: warning: {escape_controls(problem)}", file=sys.stderr)
    return bench
