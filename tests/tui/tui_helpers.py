"""Helpers to drive the real app with Pilot and read what the screen holds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from review.document import load_document
from review.flags import FlagOptions
from review.store import ReviewLog, default_log_path
from review.translate.render import Renderer
from review.tui.app import ReviewApp, make_app
from review.tui.widgets.segment_list import SegmentList
from review.workbench import Workbench


def cell(app: ReviewApp, segment_id: str, column: str) -> str:
    """Plain text of one column of a segment's row, as it now reads (without the struck-out words of a diff)."""
    if column != "french":
        return app.query_one(SegmentList).cell(segment_id, column)
    return unstruck(app.row_content(app.session.segment(segment_id)).french)


def unstruck(content: object) -> str:
    """The plain text of ``content`` less the words a diff shows struck out (and the space after them)."""
    from rich.text import Text  # noqa: PLC0415

    if not isinstance(content, Text):
        return str(content)
    plain = content.plain
    for span in sorted(content.spans, key=lambda span: -span.start):  # from the end, so offsets hold
        if "strike" not in str(span.style):
            continue
        start, end = span.start, span.end
        if plain[end : end + 1] == " ":
            end += 1  # the space that kept the struck words apart from the next ones
        elif plain[start - 1 : start] == " ":
            start -= 1  # struck words at the end stand after a space of their own
        plain = plain[:start] + plain[end:]
    return plain


def status(app: ReviewApp) -> str:
    return str(app.query_one("#status", Static).content)


async def wait_until(pilot, condition, timeout: float = 60) -> None:
    """Let the app run until ``condition()`` holds (workers post their results as messages)."""
    import time  # noqa: PLC0415

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            msg = "the screen never reached the expected state"
            raise AssertionError(msg)
        await pilot.pause(0.05)


class GatedRenderer(Renderer):
    """A real renderer whose model load waits until the test opens the gate."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.gate = threading.Event()

    def engine(self):  # type: ignore[no-untyped-def]
        self.gate.wait(30)
        return super().engine()


@pytest.fixture
def open_app(article: Path, tiny_marian: Path):
    """Build the app the way `review open` does, on a private copy of the sample."""
    logs: list[ReviewLog] = []
    built: list[Workbench] = []

    def build(*, model: str | None = None, renderer: Renderer | None = None, read_only: bool = False,
              detectors: tuple[str, ...] | None = (), settings: dict[str, object] | None = None,
              engine: str = "marian") -> ReviewApp:
        """``detectors``: () turns flagging off (the default here), None is `review open`'s default set."""
        for earlier in logs:
            earlier.release()  # the previous app has quit, as a reviewer's would before reopening
        log = ReviewLog(default_log_path(article), read_only=read_only)
        log.acquire()
        logs.append(log)
        chosen = FlagOptions(model=model or str(tiny_marian), engine=engine, settings=settings or {})
        bench = Workbench.of(load_document(article), log, options=chosen, detectors=detectors)
        if renderer is not None:
            bench.pool.adopt(renderer)
        built.append(bench)
        return make_app(bench)

    yield build
    for log in logs:
        log.release()


def list_on_screen(app: ReviewApp) -> str:
    """The lines the segment list draws now, as plain text (what the reviewer sees of it)."""
    segments = app.query_one(SegmentList)
    return "\n".join(segments.render_line(y).text for y in range(segments.size.height))
