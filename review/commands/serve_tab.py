"""One browser tab of ``review serve``: the article list, or ``review open`` on one article.

:mod:`review.serve` runs ``python -m review.commands.serve_tab list PATH...`` or
``python -m review.commands.serve_tab open KEY [--no-export] [open options] -- PATH...`` for each
tab.  ``open`` is ``review open`` itself (same lock, same log, same screen); when
the article is locked by another session, or cannot be opened, the tab shows why
instead of ending blank, and for a lock it offers the read-only address.  Not a
``review`` command: only the server starts it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from review.articles import find_articles
from review.commands import open as open_command
from review.errors import InputError, LogLocked, ReviewError

# A reloaded page's new session can start before the old one has quit: wait that long for the lock
# before offering to look read-only.
LOCK_GRACE_SECONDS = 5
# Right after the key: the tab of a read-only server, whose screen writes no export either
# (review.serve writes the same word).
NO_EXPORT = "--no-export"


def open_arguments(path: Path, options: Sequence[str]) -> argparse.Namespace:
    """The options as ``review open`` reads them, so they mean the same in a tab."""
    parser = argparse.ArgumentParser(prog="review")
    open_command.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["open", str(path), *options])


def open_article(key: str, options: Sequence[str], paths: Sequence[Path]) -> int:
    exports = NO_EXPORT not in options[:1]
    if not exports:
        options = options[1:]
    path = find_articles(paths).get(key)
    deadline = time.monotonic() + LOCK_GRACE_SECONDS
    try:
        if path is None:
            msg = f"no article {key!r} is served here"
            raise InputError(msg)
        while True:
            try:
                return open_command.run(open_arguments(path, options), terminal=False,  # drawn in the browser
                                        exports=exports)
            except LogLocked:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.25)
    except ReviewError as error:
        from review.tui.served import ServedApp, notice_for  # noqa: PLC0415 - textual loads only for a tab

        ServedApp(notice_for(error, key)).run()
        return error.exit_code


def show_list(paths: Sequence[Path]) -> int:
    from review.tui.screens.articles import ArticlesScreen  # noqa: PLC0415 - textual loads only for a tab
    from review.tui.served import ServedApp  # noqa: PLC0415

    ServedApp(ArticlesScreen(paths)).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["list"]:
        return show_list([Path(word) for word in words[1:]])
    if words[:1] == ["open"] and len(words) >= 2 and "--" in words:
        split = words.index("--")
        return open_article(words[1], words[2:split], [Path(word) for word in words[split + 1 :]])
    print("usage: python -m review.commands.serve_tab list PATH... | open KEY [--no-export] [OPTIONS] -- PATH...",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
