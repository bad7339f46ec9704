"""An article's segments, cut from its text a paragraph at a time as they are asked for.

Cutting 100,000 sentences takes over a second of Python, and the review screen
needs a screenful.  :class:`ArticleSegments` is the sequence a document holds:
the paragraphs are cut in order, only as far as the question asked needs
(``segments[40]`` cuts to the 41st segment, a look-up by id to that id's
paragraph), and a question about the whole article (``len``, a slice, a
negative index, equality) cuts the rest first.  So every consumer reads the
same segments, with the same ids and offsets, as if the article had been cut
at once, and one that needs only the beginning does not wait for the end.

A worker thread may cut the rest while the screen reads what is cut: cutting
takes a lock, reading what is already cut does not (the list only grows).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from review.model import Segment
from review.sentences import paragraph_spans, split_sentences

_ID = re.compile(r"p(\d+)s\d+")


class ArticleSegments(Sequence[Segment]):
    """The segments of ``text``, identical to cutting it all at once, made as far as they are asked for.

    Segment ``p<n>s<m>`` is the m-th sentence of the n-th non-blank paragraph
    (both from 1); ``index`` counts every segment before it.
    """

    __slots__ = ("_all", "_cut", "_ids", "_lock", "_paragraphs", "_position", "_spans", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans = paragraph_spans(text)
        self._paragraphs = 0  # paragraphs cut
        self._position = 0  # where the text not yet cut starts
        self._cut: list[Segment] = []
        self._ids: dict[str, int] = {}
        self._all: tuple[Segment, ...] | None = None  # every segment, once the last paragraph is cut
        self._lock = threading.Lock()

    # -- how far the cut is --------------------------------------------------------

    @property
    def complete(self) -> bool:
        return self._all is not None

    @property
    def cut(self) -> Sequence[Segment]:
        """The segments cut so far, in order: a prefix of the article's that only grows."""
        return self._cut

    @property
    def share_cut(self) -> float:
        """How much of the text is cut, from 0 to 1."""
        return 1.0 if self._all is not None or not self._text else self._position / len(self._text)

    def cut_to(self, count: int) -> int:
        """Cut until at least ``count`` segments are cut (or all there are); returns how many are."""
        return self._cut_while(lambda: len(self._cut) < count)

    def cut_all(self) -> tuple[Segment, ...]:
        self._cut_while(lambda: True)
        assert self._all is not None  # noqa: S101 - _cut_while returns only when cut to the end or told to stop
        return self._all

    def _cut_while(self, wanted: Callable[[], bool]) -> int:
        """Cut paragraph after paragraph while ``wanted()`` says so and text is left."""
        if self._all is not None or not wanted():
            return len(self._cut)
        with self._lock:  # another thread may have cut what we want while we waited
            while self._all is None and wanted():
                self._cut_paragraph()
        return len(self._cut)

    def _cut_paragraph(self) -> None:
        """Cut the next paragraph (the lock held); after the last one, the article is complete."""
        span = next(self._spans, None)
        if span is None:
            self._position = len(self._text)
            self._all = tuple(self._cut)
            return
        start, end = span
        body = self._text[start:end]
        paragraph = self._paragraphs
        made = [Segment(id=f"p{paragraph + 1}s{number}", index=len(self._cut) + number - 1,
                        paragraph=paragraph, start=start + left, end=start + right, text=body[left:right])
                for number, (left, right) in enumerate(split_sentences(body), start=1)]
        # in this order for readers on other threads, who take no lock: a segment is in the list
        # before its id leads to it, and its id before the paragraph counts as cut (find trusts that)
        self._cut.extend(made)
        for segment in made:
            self._ids.setdefault(segment.id, segment.index)
        self._paragraphs = paragraph + 1
        self._position = end

    # -- look-ups ----------------------------------------------------------------------

    def find(self, segment_id: str) -> Segment | None:
        """The segment with this id, cutting no further than its paragraph; None when the article has none."""
        position = self._ids.get(segment_id)
        if position is None and self._all is None:
            number = _ID.fullmatch(segment_id)
            if number is None:
                self.cut_all()  # not an id this cutter makes: only the whole article can say
            else:
                paragraph = int(number.group(1))
                self._cut_while(lambda: self._paragraphs < paragraph)
            position = self._ids.get(segment_id)
        return None if position is None else self._cut[position]

    # -- the sequence --------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.cut_all())

    @overload
    def __getitem__(self, index: int) -> Segment: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Segment, ...]: ...

    def __getitem__(self, index: int | slice) -> Segment | tuple[Segment, ...]:
        if isinstance(index, slice):
            return self.cut_all()[index]
        if 0 <= index < len(self._cut):
            return self._cut[index]
        if index >= 0:
            self.cut_to(index + 1)
            return self._cut[index]  # IndexError past the end, as a tuple says
        return self.cut_all()[index]

    def __iter__(self) -> Iterator[Segment]:
        """Every segment in order, cut as the iteration reaches it."""
        if self._all is not None:
            yield from self._all
            return
        position = 0
        while True:
            if position < len(self._cut) or self.cut_to(position + 1) > position:
                yield self._cut[position]
                position += 1
            else:
                return

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self.cut_all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.cut_all())

    def __repr__(self) -> str:
        state = "complete" if self._all is not None else f"{self.share_cut:.0%} of the text"
        return f"<ArticleSegments: {len(self._cut)} cut, {state}>"

    def __reduce__(self) -> tuple[type[tuple[Segment, ...]], tuple[tuple[Segment, ...]]]:
        """Pickled (sent to another process) as the finished tuple: a lock does not travel."""
        return (tuple, (self.cut_all(),))
