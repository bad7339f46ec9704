"""Command line: argument parsing and exit codes only.

Each sub-command lives in ``review.commands.<name>`` with ``register(sub)``;
the work itself is done by the core.  The TUI is imported only by ``open``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from review import __version__
from review.errors import EXIT_CODES, ReviewError

COMMANDS = ("open", "translate", "flag", "score", "export", "models", "batch")


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return (
        "With no command, `review [ARTICLE] [options]` is `review open`: the shipped sample by default.\n"
        "Run `review COMMAND --help` for each command's options.\n\n"
        f"exit codes:\n{codes}"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="review",
        description="Review machine-translated French in the terminal, beside a model's English rendering.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"review {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"review.commands.{name}").register(sub)
    return parser




def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0] not in COMMANDS and words[0] not in {"-h", "--help", "--version"}):
        words = ["open", *words]  # `review`, `review ARTICLE` and `review --model X` all open the screen
    args = parser.parse_args(words)
    try:
        code: int = args.run(args)
    except ReviewError as error:
        print(f"review: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("review: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of stdout went away (review export -o - | head): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
