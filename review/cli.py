"""Command line: argument parsing and exit codes only.

Each sub-command lives in ``review.commands.<name>`` with ``register(sub)``;
the work itself is done by the core.  The TUI is imported only by ``open``.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import re
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from review import __version__
from review.errors import EXIT_CODES, ExportError, ReviewError
from review.terminal import escape_controls

COMMANDS = ("open", "translate", "flag", "score", "export", "models", "serve", "batch")
SCREENS = frozenset({"open", "serve"})  # they put the terminal back themselves when killed


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    return (
        "With no command, `review [ARTICLE] [options]` is `review open`: the shipped sample by default.\n"
        "Run `review COMMAND --help` for each command's options.\n\n"
        f"exit codes:\n{codes}"
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone (its module is the only one imported: a quicker start)."""
    parser = argparse.ArgumentParser(
        prog="review",
        description="Review machine-translated French in the terminal, beside a model's English rendering.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"review {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if command is None else (command,):
        importlib.import_module(f"review.commands.{name}").register(sub)
    return parser


INTERNAL_ERROR = 70  # EX_SOFTWARE in sysexits.h; exit 1 stays reserved for `review flag --fail-on`


def crash_folder() -> Path:
    """Where tracebacks of internal errors go: ``$XDG_STATE_HOME/review/crashes`` (~/.local/state)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "review" / "crashes"


def save_traceback(error: BaseException, words: Sequence[str]) -> Path | None:
    """Write the traceback of an unexpected error to a new file; None when no folder takes it."""
    report = (f"review {__version__}, Python {sys.version.split()[0]}\n"
              f"command: review {' '.join(words)}\n\n"
              + "".join(traceback.format_exception(error)))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"review-crash-{stamp}-", suffix=".txt", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as stream:
                stream.write(report)
        except OSError:
            continue
        return Path(name)
    return None


def internal_error(error: BaseException, words: Sequence[str]) -> int:
    """One line for an exception no command expected, with the traceback kept in a file."""
    saved = save_traceback(error, words)
    where = f"the traceback is in {saved}" if saved else "the traceback could not be saved (no writable folder)"
    summary = escape_controls(f"{type(error).__name__}: {error}")[:300]
    print(f"review: internal error ({summary}); {where}: please report it", file=sys.stderr)
    return INTERNAL_ERROR


LEFT_OUT = re.compile(r"-[a-z]{2,}(,.*)?")


def _signed_detectors(words: list[str]) -> list[str]:
    """``--detectors -spelling`` as ``--detectors=-spelling``: argparse would take the value for an option."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "--detectors" and LEFT_OUT.fullmatch(word):
            joined[-1] = f"--detectors={word}"
        else:
            joined.append(word)
    return joined


# a write that failed for want of room or a working disk: the output cannot be written (exit 6), not a bug
OUTPUT_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _output_failed(error: OSError) -> int:
    """Stdout (or a file) on a full or failing disk: say so, and let the exit's own flush go nowhere."""
    print(f"review: cannot write the output ({error.strerror}): free some space, or write elsewhere",
          file=sys.stderr)
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return ExportError.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0] not in COMMANDS and words[0] not in {"-h", "--help", "--version"}):
        words = ["open", *words]  # `review`, `review ARTICLE` and `review --model X` all open the screen
    words = _signed_detectors(words)
    try:
        parser = build_parser(words[0] if words[0] in COMMANDS else None)  # --help and --version list them all
        args = parser.parse_args(words)
        args.own_process = argv is None  # the console script and `python -m review`, not a caller's process
        if args.own_process and words[0] not in SCREENS:
            # kill (SIGTERM) stops a command like ctrl+c: an export's temporary file is removed, the output untouched
            signal.signal(signal.SIGTERM, signal.default_int_handler)
        code: int = args.run(args)
    except ReviewError as error:
        print(f"review: {escape_controls(error.message)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("review: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of stdout went away (review export -o - | head): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        return _output_failed(error) if error.errno in OUTPUT_FULL else internal_error(error, words)
    except SystemExit:
        raise  # argparse's usage errors (2), --help and --version (0)
    except Exception as error:  # noqa: BLE001 - the one place every unexpected error becomes exit 70
        return internal_error(error, words)
    return code

if __name__ == "__main__":
    sys.exit(main())
