"""One browser tab of ``review serve``: the article list, or a review session on one article.

``review.serve`` runs ``python -m review.tui.served list PATH...`` or
``python -m review.tui.served open KEY [open options] -- PATH...`` for each tab.
``open`` is ``review open`` itself (same lock, same log, same screen); when the
article is locked by another session, or cannot be opened, the tab shows why
instead of ending blank, and for a lock it offers the read-only address.
Each process runs exactly one Textual app: textual-serve ends the tab when an
app exits, so the list hands over to an article by sending the browser to its
address rather than by starting a second app here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from textual.app import App
from textual.screen import Screen

from review.articles import find_articles
from review.errors import InputError, LogLocked, ReviewError
from review.tui.screens.articles import ArticlesScreen
from review.tui.screens.locked import NoticeScreen

# A reloaded page's new session can start before the old one has quit: wait that long for the lock
# before offering to look read-only.
LOCK_GRACE_SECONDS = 5


class ServedApp(App[None]):
    """A one-screen app for the list and the notices of a served tab."""

    CSS_PATH = Path(__file__).with_name("served.tcss")  # absolute: subclasses live elsewhere (tests)
    TITLE = "review"

    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first_screen = screen

    def get_default_screen(self) -> Screen[None]:
        return self.first_screen


def notice_for(error: ReviewError, key: str) -> NoticeScreen:
    """Why the tab's article did not open; a lock held by another session comes with the read-only offer."""
    if isinstance(error, LogLocked):
        holder = error.message.split(";")[0]
        return NoticeScreen(f"{holder}.\n\nYou can look at it here without saving, or close this tab.",
                            read_only_url=f"/read-only/{quote(key)}")
    return NoticeScreen(f"review: {error.message}")


def open_article(key: str, options: Sequence[str], paths: Sequence[Path]) -> int:
    from review.cli import build_parser  # noqa: PLC0415 - the CLI's own parser, so options mean the same
    from review.commands import open as open_command  # noqa: PLC0415

    path = find_articles(paths).get(key)
    deadline = time.monotonic() + LOCK_GRACE_SECONDS
    try:
        if path is None:
            msg = f"no article {key!r} is served here"
            raise InputError(msg)
        while True:
            try:
                return open_command.run(build_parser().parse_args(["open", str(path), *options]))
            except LogLocked:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.25)
    except ReviewError as error:
        ServedApp(notice_for(error, key)).run()
        return error.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["list"]:
        ServedApp(ArticlesScreen([Path(word) for word in words[1:]])).run()
        return 0
    if words[:1] == ["open"] and len(words) >= 2 and "--" in words:
        split = words.index("--")
        return open_article(words[1], words[2:split], [Path(word) for word in words[split + 1 :]])
    print("usage: python -m review.tui.served list PATH... | open KEY [OPTIONS] -- PATH...", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
