"""Cutting the rest of a long article into segments once the first screen is up.

The screen opens on the segments around where the reviewer starts
(:data:`review.tui.base.FIRST_ROWS`); a thread worker cuts the rest, and the
rows join the end of the list as it goes while the status line says how far
it has got.  A key that needs rows not cut yet (``G``, ``n`` past the last row
cut, a move off the end) cuts them itself at once; the workers that need every
segment (English, flags) cut the rest in their own thread
(:meth:`Reading.full_order`).  Cutting is the document's, under its lock,
so whoever cuts first, the segments are the same.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.worker import get_current_worker

from review.model import Segment
from review.tui.status import StatusLine

READ_STEP = 200
"""Segments cut at a time by the worker (2-3 ms): a key waits for one step at most for the lock."""
READ_PAUSE = 0.002
"""Seconds the worker sleeps between two steps, leaving the interpreter to the screen's thread: without
it, a key handled while the worker cuts waits for the interpreter at every turn of the event loop."""
READ_POSTS = 0.25
"""Seconds between two updates of the rows and the status line while the article is being cut."""


class Reading(StatusLine):
    """Cuts the rest of the article in a worker and adds its rows to the list."""

    @dataclass
    class ArticleRead(Message):
        """How far the article is cut; only the latest matters (the rows are taken from the document)."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, Reading.ArticleRead)

    def _positions(self) -> dict[str, int]:
        """Segment id -> position in the order on screen (rebuilt when the order changes, added to as it grows).

        Every segment cut so far is in it: a look-up by id may have cut further than the rows.
        """
        self.catch_up()
        if self._positions_of is not self.order:
            self._position_by_id = {segment.id: position for position, segment in enumerate(self.order)}
            self._positions_of = self.order
        elif len(self._position_by_id) < len(self.order):
            start = len(self._position_by_id)
            self._position_by_id.update((segment.id, start + number)
                                        for number, segment in enumerate(self.order[start:]))
        return self._position_by_id

    # -- an article still being cut ----------------------------------------------------

    def catch_up(self) -> None:
        """Add the segments cut since the rows were last brought up to date at the end of the list.

        Only in the article's order: triage sorts every segment, so the article is cut by then.
        """
        cut = self.session.document.cut_segments
        if self.triage or len(cut) <= len(self.order):
            return
        added = list(cut[len(self.order):])
        self.order.extend(added)
        if not self._showing():
            return  # before the list is composed (it is made from the order), or after the screen closed
        segments = self.segment_list
        segments.extend(added)
        if self.session.document.fully_cut:  # the number column was sized on a guess of the last number
            self.pauses.settle()  # the segments cut since the first screen live as long as it, too
            width = len(str(len(self.order))) + 1
            if width != segments.number_width:
                segments.set_number_width(width)
                self.main.query_one("#headings .col-number").styles.width = width
        self.refresh_status()

    def last_number_guess(self) -> int:
        """The article's number of segments, or a guess from the share of its text cut so far."""
        document = self.session.document
        if document.fully_cut:
            return len(self.order)
        return max(len(self.order), round(len(document.cut_segments) / max(document.share_cut, 1e-9)))

    def read_to(self, count: int) -> None:
        """Cut the article (here, on the screen's thread) until ``count`` rows exist, and show them."""
        if len(self.order) < count and not self.session.document.fully_cut:
            self.session.document.cut_to(count)
        self.catch_up()

    def read_all(self) -> None:
        """Cut the rest of the article now: for what needs every segment (G, n past the end, triage, go to)."""
        self.read_to(sys.maxsize)

    def full_order(self) -> Sequence[Segment]:
        """Every segment in the order on screen, for a worker; cuts the rest of the article first (in the worker).

        Positions in it are those of the screen's rows: the article's order, or triage's (which holds all).
        """
        document = self.session.document
        if not document.fully_cut:
            document.cut_to(sys.maxsize)
            self.post_message(self.ArticleRead())  # the screen's rows follow
        return self.order if self.triage else document.cut_segments

    def start_reading(self) -> None:
        """Cut the rest of the article in a worker, unless it is all cut (by another worker, say)."""
        if self.session.document.fully_cut:
            self.catch_up()
        else:
            self.read_rest()

    @work(thread=True, exclusive=True, group="read", exit_on_error=False)
    def read_rest(self) -> None:
        document = self.session.document
        worker = get_current_worker()
        posted = time.monotonic()
        while not document.fully_cut:
            if worker.is_cancelled:
                return
            document.cut_to(len(document.cut_segments) + READ_STEP)
            time.sleep(READ_PAUSE)
            if time.monotonic() - posted >= READ_POSTS:
                posted = time.monotonic()
                self.post_message(self.ArticleRead())
        self.post_message(self.ArticleRead())

    @on(ArticleRead)
    def article_read(self, _message: ArticleRead) -> None:
        if self._showing():
            self.catch_up()
