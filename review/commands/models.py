"""``review models``: fetch models once, then work offline."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from review.errors import ModelError
from review.terminal import escape_controls
from review.translate.ct2 import MARKER as CT2_MARKER
from review.translate.models import DEFAULT_MODEL, models_dir, resolve_model


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("models", help="download and list models",
                            description="Download models into the models folder, or list the ones there.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    pull = actions.add_parser("pull", help="download a model from the Hugging Face hub")
    pull.add_argument("model_id", nargs="?", default=DEFAULT_MODEL, metavar="ID",
                      help=f"hub id (default: {DEFAULT_MODEL})")
    pull.set_defaults(run=run_pull)
    listing = actions.add_parser("list", help="list downloaded models")
    listing.set_defaults(run=run_list)
    convert = actions.add_parser("convert", help="convert a model for the ct2 engine (CTranslate2, int8)",
                                 description="Convert a model once for --engine ct2, so the first translation "
                                             "does not wait for it. Converting again is a no-op while the "
                                             "model is unchanged.")
    convert.add_argument("model", nargs="?", default=os.environ.get("REVIEW_MODEL", DEFAULT_MODEL),
                         metavar="ID|DIR",
                         help=f"hub id or local model folder (default: {DEFAULT_MODEL}, or $REVIEW_MODEL)")
    convert.set_defaults(run=run_convert)


def run_pull(args: argparse.Namespace) -> int:
    from review.translate.hub import pull  # noqa: PLC0415

    if Path(args.model_id).expanduser().is_dir():
        # the hub-id check would say "or a local folder starting with ./ or /", which is what was given
        msg = (f"{escape_controls(args.model_id)[:100]} is a local folder, not a hub id (OWNER/NAME): nothing to pull; "
               "pass it to --model as it is (review models convert converts it for --engine ct2)")
        raise ModelError(msg)
    folder = pull(args.model_id)
    print(f"{args.model_id} is in {folder}", file=sys.stderr)
    return 0


def run_convert(args: argparse.Namespace) -> int:
    from review.translate.ct2 import convert, converted_folder, is_converted, source_folder  # noqa: PLC0415

    ref = resolve_model(args.model)
    if not is_converted(ref):
        print(f"converting {ref.name} from {source_folder(ref)} into {converted_folder(ref)} ...", file=sys.stderr)
    folder = convert(ref)
    print(f"{ref.name} is ready for --engine ct2 in {folder}", file=sys.stderr)
    return 0


def run_list(_args: argparse.Namespace) -> int:
    folder = models_dir()
    if folder.exists() and not folder.is_dir():  # "no models in FILE" would send the user to pull into a file
        msg = f"{folder} is not a folder: set REVIEW_MODELS to the folder that holds the models, or unset it"
        raise ModelError(msg)
    # ct2 conversions (review models convert) are derived from these and not models of their own
    found = sorted(path for path in folder.glob("*") if (path / "config.json").is_file()
                   and not (path / CT2_MARKER).exists()) if folder.is_dir() else []
    if not found:
        print(f"no models in {folder}: run `review models pull`", file=sys.stderr)
        return 0
    for path in found:
        size = sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
        print(f"{path.name.replace('--', '/')}\t{size / 1e6:.0f} MB\t{path}")
    return 0
