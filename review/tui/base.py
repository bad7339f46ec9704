"""The review screen's state and the small services every part of it uses.

:class:`ReviewBase` holds what the screen knows (the session, the order on screen,
the selected flag, what is still running) and answers the questions every other
part asks: which widget is which, what a row shows, whether the log may be
written, where a notice goes.  The parts of the screen (status line, panels,
workers, navigation, corrections, undo, dialogs) are mixins built on it, and
:class:`review.tui.app.ReviewApp` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen

from review.errors import ReviewError
from review.flags.refixed import AppliedFix
from review.model import Flag, Segment
from review.translate.render import Renderer
from review.tui.keys import REVIEW_ACTIONS, Action
from review.tui.pauses import TypingPauses
from review.tui.widgets.changes import with_changes
from review.tui.widgets.editor import SegmentEditor
from review.tui.widgets.flag_panel import in_article_order
from review.tui.widgets.notice import NoticeLine
from review.tui.widgets.rows import RowContent, marked_french
from review.tui.widgets.segment_list import SegmentList
from review.undo import History
from review.workbench import Workbench

NOTICE_SECONDS: dict[str, float] = {"information": 3, "warning": 6, "error": 10}
"""The longest a notice of each severity stays on the notice line."""
FIRST_ROWS = 120
"""Segments cut before the screen opens, from where the reviewer starts: a tall terminal's screenful and the next."""


class ReviewBase(App[int]):
    """What the review screen knows, and the questions all its parts ask."""

    ACTIONS: ClassVar[tuple[Action, ...]] = REVIEW_ACTIONS  # bindings, help screen and palette all come from it
    LIST_ACTIONS: ClassVar[frozenset[str]] = frozenset(action.action.split("(")[0] for action in ACTIONS)

    def __init__(self, bench: Workbench, *, variants: dict[str, list[str]] | None = None,
                 source: Path | None = None, exports: bool = True) -> None:
        super().__init__()
        # False in a tab of `review serve --read-only`: whoever reaches the server may write no file at all
        self.exports = exports
        self.variants = variants or {}
        self.source = source
        self.bench = bench
        self.session = bench.session
        self.model_name = bench.options.model
        self.flagger = bench.flagger
        # Where the reviewer left off is cut first (through its paragraph), then a screenful or two from
        # there; the rest of a long article is cut by a worker once the screen is up (see Reading).
        self.current = self.session.start_index()
        document = self.session.document
        document.cut_to(self.current + FIRST_ROWS)
        self.order: list[Segment] = list(document.cut_segments)  # the rows, in the order on screen
        self.triage = False
        self.flag_cursor: Flag | None = None
        self.model_label = Path(self.model_name.rstrip("/")).name
        self.english_note = "waiting for the model…"
        self.progress_text = "English: starting"
        self.progress_short = "EN starting"  # the narrowest status line's form of progress_text
        self.flag_note = "flagging…" if self.flagger is not None else "flagging is off"
        self.flag_notes_shown: set[str] = set()
        self.suggestion_english: dict[str, dict[str, str]] = {}
        self.history = History(self.session)
        self.flags_by_kind: dict[str, list[Flag]] = {}
        self.flagging: set[str] = set()  # kinds of detectors still running
        self.flag_run = 0  # flag_all's calls: a worker of an earlier call may still post a late message
        self.kind_runs: dict[str, int] = {}  # kind -> the flag_all call its running (or last) worker belongs to
        self.english_complete = False  # every segment has its English
        self.english_stale = False  # the last offline run's cross-article checks saw only part of the English
        self.flag_progress: dict[str, tuple[int, int]] = {}  # kind -> segments flagged, of how many (while running)
        self.fixes: list[AppliedFix] = []
        self.pending_fix: tuple[str, list[Flag]] | None = None  # segment id, its flags before the fix
        self.walk_anchor: tuple[int, int] = (self.current, -1)  # where n/N go from when no flag is selected
        self.show_english = True
        self.errors_shown: set[str] = set()
        self.pauses = TypingPauses()

        self._positions_of: list[Segment] | None = None
        self._position_by_id: dict[str, int] = {}
        self._flagged_key: tuple[object, ...] | None = None
        self._flagged: list[int] = []

    @property
    def renderer(self) -> Renderer:
        """The workbench's renderer (resolving the model touches the disk: first asked for in a worker)."""
        return self.bench.renderer

    @property
    def main(self) -> Screen[Any]:
        """The review screen itself, whichever modal is on top of it."""
        return self.screen_stack[0]

    def _showing(self) -> bool:
        """False while the app is closing and its widgets are gone: late worker messages are dropped."""
        return bool(self.screen_stack) and bool(self.screen_stack[0].query("#status"))

    @property
    def segment(self) -> Segment:
        return self.order[self.current]

    @property
    def actions_off(self) -> frozenset[str]:
        """Actions this screen refuses, which the footer and the palette do not offer (``x`` when read-only)."""
        return frozenset() if self.exports else frozenset({"export"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys act only on the list: not while the editor or a dialog has the keyboard."""
        if action in self.LIST_ACTIONS and (len(self.screen_stack) > 1 or self.editing):
            return False
        return super().check_action(action, parameters)

    @property
    def segment_list(self) -> SegmentList:
        return self.main.query_one(SegmentList)

    @property
    def editor(self) -> SegmentEditor:
        return self.main.query_one(SegmentEditor)

    @property
    def editing(self) -> bool:
        editors = self.main.query(SegmentEditor) if self.screen_stack else ()
        return any(editor.is_open for editor in editors)

    def row_content(self, segment: Segment) -> RowContent:
        """What the list shows for a segment; asked only for the rows coming into view."""
        flags = self.session.open_flags(segment)
        cursor = self.flag_cursor if self.flag_cursor in flags else None
        french = marked_french(self.session.text(segment), flags, current=cursor)
        if self.session.is_corrected(segment):
            french = with_changes(french, segment.text)
        return RowContent(
            number=segment.index + 1,
            french=french,
            english=self.session.english(segment),
            waiting=self.english_note,
            flags=len(flags),
            corrected=self.session.is_corrected(segment),
            reviewed=self.session.is_reviewed(segment),
        )

    def row_length(self, segment: Segment) -> tuple[int, int]:
        """Characters of a segment's French and English, for the heights of rows not yet drawn."""
        french = self.session.text(segment)
        english = self.session.renderings.get(french)
        return len(french), len(english) if english is not None else 0

    def refresh_row(self, segment: Segment) -> None:
        self.segment_list.refresh_segment(segment.id)

    def selected_flag(self) -> Flag | None:
        """The flag the keys act on: the one n/N chose, else the segment's first in article order."""
        flags = in_article_order(self.session.open_flags(self.segment))
        if self.flag_cursor in flags:
            return self.flag_cursor
        return flags[0] if flags else None

    def move_flag_cursor(self, flag: Flag | None) -> None:
        """Select a flag (or none); only the rows that showed or now show the cursor are drawn again."""
        for changed in (self.flag_cursor, flag):
            if changed is not None:
                self.segment_list.refresh_segment(changed.segment_id)
        self.flag_cursor = flag

    def _flags_in_order(self, segment: Segment) -> list[Flag]:
        return in_article_order(self.session.open_flags(segment))

    def _writable(self) -> bool:
        if self.session.log.read_only:
            self.notify("read-only session: reopen without --read-only to make corrections", severity="warning")
            return False
        return True

    def _saved(self, what: str, write: Callable[[], object]) -> bool:
        """Run one write to the log; when it fails (full disk, log gone), say what was not saved and go on."""
        try:
            write()
        except ReviewError as error:
            self.notify(f"{what} was NOT saved: {error.message}", title="not saved", severity="error", timeout=15)
            return False
        return True

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notices go to the notice line (in place of the column headings), never over the text.

        Each lasts no longer than its severity needs (:data:`NOTICE_SECONDS`), whatever was asked.
        """
        limit = NOTICE_SECONDS.get(severity, 3)
        timeout = limit if timeout is None else min(timeout, limit)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        self.call_later(self._say, message, title, severity, timeout)

    def action_help_quit(self) -> None:
        """ctrl+c, which copies in Textual, tells how to quit, in plain words (Textual's own hint is markup)."""
        keys = [key for key, active in self.active_bindings.items() if active.binding.action in {"quit", "app.quit"}]
        if keys:  # the shortest: « q » rather than « ctrl+q »
            self.notify(f"press {min(keys, key=len)} to quit (your corrections are saved as you make them)",
                        title="quit?")

    def clear_notifications(self) -> None:
        super().clear_notifications()
        if self._showing():
            notice = self.main.query_one(NoticeLine)
            notice.notices.clear()
            notice.redraw()

    def _say(self, message: str, title: str, severity: str, timeout: float) -> None:
        if self._showing():
            self.main.query_one(NoticeLine).say(message, title=title, severity=severity, timeout=timeout)
