"""Options and loading steps several commands share."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from review.document import load_document
from review.errors import InputError
from review.model import Document, ReviewState
from review.store import default_log_path, replay
from review.translate import ENGINES
from review.translate.models import DEFAULT_MODEL

if TYPE_CHECKING:
    from review.flags import FlagOptions


def add_article(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="the machine-translated French article (UTF-8 text)")
    parser.add_argument("--source-lang", metavar="LANG",
                        help="language of the article when detection gets it wrong (default: detect, expect fr)")


def add_log(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log", type=Path, metavar="PATH",
                        help="corrections log (default: ARTICLE.review.jsonl beside the article)")


def add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=os.environ.get("REVIEW_MODEL", DEFAULT_MODEL), metavar="ID|DIR",
                        help=f"translation model: hub id or local folder (default: {DEFAULT_MODEL})")
    parser.add_argument("--engine", default="marian", choices=(*ENGINES, "auto"), metavar="NAME",
                        help="engine that runs the model: marian (transformers), ct2 (CTranslate2, faster on CPU) "
                             "or auto (ct2 when installed) (default: marian)")


@dataclass(frozen=True, slots=True)
class Loaded:
    document: Document
    state: ReviewState
    log_path: Path


def log_path_for(args: argparse.Namespace) -> Path:
    path: Path = args.log or default_log_path(args.article)
    return path


def load(args: argparse.Namespace) -> Loaded:
    """The article and the review state its log holds."""
    document = load_document(args.article, source_lang=args.source_lang)
    log_path = log_path_for(args)
    return Loaded(document=document, state=replay(log_path, document), log_path=log_path)


def refuse_article_as_log(args: argparse.Namespace) -> None:
    log_path = log_path_for(args)
    if log_path.exists() and args.article.exists() and os.path.samefile(log_path, args.article):
        msg = "--log points at the article itself: give the log its own file"
        raise InputError(msg)


def add_flag_models(parser: argparse.ArgumentParser) -> None:
    """Options of the model-signal detectors and of the reference-aware mode."""
    parser.add_argument("--fluency-model", metavar="ID|DIR",
                        help="masked language model for French fluency (default: almanach/camembert-base)")
    parser.add_argument("--back-model", metavar="ID|DIR",
                        help="en→fr model for round trips (default: Helsinki-NLP/opus-mt-en-fr)")
    parser.add_argument("--source", type=Path, metavar="EN",
                        help="the English original (txt, tmx, xliff, po, csv), aligned by paragraph and sentence")
    parser.add_argument("--lexicon", type=Path, action="append", default=[], metavar="FILE",
                        help="extra MT-error lexicon (format: see README); repeatable")


def flag_options(args: argparse.Namespace) -> FlagOptions:
    from review.flags import FlagOptions  # noqa: PLC0415

    return FlagOptions(lexicon=tuple(args.lexicon), model=args.model, back_model=args.back_model,
                       fluency_model=args.fluency_model, source=args.source)
