"""``review models``: fetch models once, then work offline."""

from __future__ import annotations

import argparse
import sys

from review.translate.models import DEFAULT_MODEL, models_dir


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


def run_pull(args: argparse.Namespace) -> int:
    from review.translate.hub import pull  # noqa: PLC0415

    folder = pull(args.model_id)
    print(f"{args.model_id} is in {folder}", file=sys.stderr)
    return 0


def run_list(_args: argparse.Namespace) -> int:
    folder = models_dir()
    found = sorted(path for path in folder.glob("*") if (path / "config.json").is_file()) if folder.is_dir() else []
    if not found:
        print(f"no models in {folder}: run `review models pull`", file=sys.stderr)
        return 0
    for path in found:
        size = sum(file.stat().st_size for file in path.rglob("*") if file.is_file())
        print(f"{path.name.replace('--', '/')}\t{size / 1e6:.0f} MB\t{path}")
    return 0
