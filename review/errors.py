"""Errors a user can act on.

The core raises these; the CLI prints the message on one line and exits with
the subclass's code, the TUI shows it as a notification.  Codes are listed in
``review --help`` (see :data:`EXIT_CODES`).
"""

from __future__ import annotations


class ReviewError(Exception):
    """Base class: ``message`` says what is wrong and what to do about it."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(ReviewError):
    """The command cannot run the way it was started (``review open`` with no terminal to draw on)."""

    exit_code = 2


class InputError(ReviewError):
    """An article or other input file cannot be used as given."""

    exit_code = 3


class ModelError(ReviewError):
    """A translation or scoring model is missing or cannot be loaded."""

    exit_code = 4


class LogError(ReviewError):
    """The corrections log cannot be read, written or locked."""

    exit_code = 5


class LogLocked(LogError):
    """Another session holds the log's lock (``review serve`` offers to open the article read-only)."""


class ExportError(ReviewError):
    """An export cannot be written where it was asked for."""

    exit_code = 6


class ScoreError(ReviewError):
    """Inputs to scoring do not fit together (lengths, empty files, ...)."""

    exit_code = 7


EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "flags at or above --fail-on were found (review flag, review batch)",
    2: "the command line itself is wrong (unknown option, missing argument), or review open has no terminal",
    3: "an input file is missing, unreadable, empty, binary or not text",
    4: "a model or an optional part (ctranslate2, textual-serve, Ray or its cluster) is missing or cannot be "
       "loaded, or --device cuda (--num-gpus) finds no GPU",
    5: "the corrections log is unreadable, locked by another session, or cannot be written (a full disk)",
    6: "an export or a command's output cannot be written (a missing folder, a full disk)",
    7: "files to score do not fit together",
    8: "review batch: some articles could not be checked (each one's error is in summary.csv)",
    70: "internal error: a bug in review; the line printed names the file holding the traceback",
    130: "interrupted (ctrl+c)",
}
