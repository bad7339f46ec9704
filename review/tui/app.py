"""The review screen: French beside English, segment by segment.

A thin App over :class:`review.workbench.Workbench`: the bindings, the layout and
the start-up.  Its parts live in modules of their own, one mixin each, built on
:class:`review.tui.base.ReviewBase` (the screen's state):

- :mod:`review.tui.status`: the status line;
- :mod:`review.tui.reading`: cutting the rest of a long article once the first screen is up;
- :mod:`review.tui.panels`: the flag and variant panels under the list;
- :mod:`review.tui.workers`: rendering and flagging in thread workers, and their messages;
- :mod:`review.tui.navigation`: moves, pages, ``n``/``N`` and triage;
- :mod:`review.tui.corrections`: editing, applying suggestions, variants, checked marks;
- :mod:`review.tui.undoing`: dismissing, undo/redo, restoring dismissed flags;
- :mod:`review.tui.dialogs`: export, scores and help;
- :mod:`review.tui.floor`: the confidence floor, changed from the command palette.

Everything slow runs in workers; the French is on screen before any of it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from review.errors import ReviewError
from review.tui.commands import DismissedFlags
from review.tui.dialogs import Dialogs
from review.tui.floor import Floors
from review.tui.keys import key_bindings, palette_actions, sentence
from review.tui.navigation import Navigation
from review.tui.undoing import Undoing
from review.tui.widgets.editor import SegmentEditor
from review.tui.widgets.flag_panel import FlagPanel
from review.tui.widgets.footer import NARROW, ReviewFooter
from review.tui.widgets.notice import NoticeLine
from review.tui.widgets.segment_list import SegmentList
from review.tui.widgets.variant_panel import VariantPanel
from review.workbench import Workbench

__all__ = ["NARROW", "ReviewApp", "ReviewFooter", "make_app"]


class ReviewApp(Undoing, Navigation, Dialogs, Floors):
    """Built by :func:`make_app`, for the CLI and the tests alike."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere (tests)
    TITLE = "review"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {DismissedFlags}
    # The review screen's keys are priority bindings: the app acts on them as it takes the key from
    # the terminal, before any later key is passed on.  So `e` has opened and focused the editor
    # before the next key is routed, and the keys typed right after it land in the editor.
    # check_action lets them through to the editor or a dialog while one is open.
    BINDINGS: ClassVar[list[BindingType]] = list(key_bindings(replace(action, priority=True)
                                                              for action in Undoing.ACTIONS))
    _before_kill: Callable[[int, Any], Any] | int | None = None  # SIGTERM's handler before the screen took it

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield NoticeLine(id="notice")
        with Horizontal(id="headings"):
            yield Static("#", classes="col-number")
            yield Static("⚑", classes="col-flags")
            yield Static("Français (machine translation)", classes="col-french")
            yield Static("English (model rendering)", classes="col-english")
        yield SegmentList(self.order, self.row_content, self.row_length, current=self.current,
                          last_number=self.last_number_guess(), id="segments")
        yield SegmentEditor()
        yield VariantPanel(self.variants, lambda: self.bench.renderer, id="variants",
                           classes="shown" if self.variants else "")
        yield FlagPanel(id="flags")
        yield ReviewFooter()

    def on_mount(self) -> None:
        # The article, its segments and the replayed log live as long as the screen: frozen, a full
        # collection no longer walks 100,000 segments; the full collections themselves wait for a
        # pause in the typing (review/tui/pauses.py says what they cost the keys).
        self.pauses.start()
        self.set_interval(0.25, self.pauses.tick)
        segments = self.segment_list
        self.main.query_one("#headings .col-number").styles.width = segments.number_width
        segments.focus()
        self.screen.add_class("-main")
        self._fit_panels()
        for problem in self.session.state.problems:
            self.notify(problem, title="corrections log", severity="warning", timeout=10)
        if self.session.log.read_only:
            self.notify("read-only: corrections will not be saved", severity="warning")
        self.refresh_all()
        # the workers start once the first screen is drawn: cutting the rest, importing torch or spaCy
        # in a thread would take the interpreter from the screen's thread while it lays out and paints
        self.call_after_refresh(self.start_workers)
        self._on_kill(install=True)

    def _on_kill(self, *, install: bool) -> None:
        """kill (SIGTERM) quits as ``q`` does: the terminal is put back and the position saved.

        Where the loop cannot take signals (not the main thread, not Unix) the default stays.
        """
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            if install:
                self._before_kill = signal.getsignal(signal.SIGTERM)
                loop.add_signal_handler(signal.SIGTERM, lambda: self.call_next(self.action_quit))
            elif loop.remove_signal_handler(signal.SIGTERM) and self._before_kill is not None:
                signal.signal(signal.SIGTERM, self._before_kill)  # a caller's own handler, as it was

    def start_workers(self) -> None:
        self.start_reading()
        self.render_all()
        if self.flagger is not None:
            self.flag_all()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.pauses.key()
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.pauses.stop()
        self._on_kill(install=False)

    def action_toggle_english(self) -> None:
        """Show or hide the English column (more room for the French on a narrow terminal)."""
        self.show_english = not self.show_english
        self.main.set_class(not self.show_english, "-no-english")
        self.segment_list.set_show_english(self.show_english)
        self.notify("English column " + ("shown" if self.show_english else "hidden · E shows it"), timeout=2)

    def action_scroll_flags(self, lines: int) -> None:
        self.main.query_one(FlagPanel).scroll_lines(lines)

    async def action_quit(self) -> None:
        try:
            self.session.remember_position(self.segment)
        except ReviewError as error:
            # every correction is already on disk; only where the reviewer stopped is lost
            self.exit(0, message=f"review: warning: {error.message} (the position in the article was not saved)")
            return
        self.exit(0)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for action in palette_actions(self.ACTIONS):
            if action.action in self.actions_off:
                continue
            yield SystemCommand(action.palette, sentence(action.description), partial(self.run_action, action.action))
        for floor in self.floor_choices():  # the one in force is left out
            yield SystemCommand(floor.title, floor.help, partial(self.set_floor, floor.value))


def make_app(bench: Workbench, *, variants: dict[str, list[str]] | None = None,
             source: Path | None = None, exports: bool = True) -> ReviewApp:
    """The one way to build the app: used by ``review open`` and by the tests.

    bench: the article, its log, options and model pool (see :meth:`review.workbench.Workbench.open`).
    variants: name -> French per segment, aligned with the document (see :func:`review.variants.load_variants`).
    source: the English original (``--source``), read for the drift list of the scores screen.
    exports: False refuses ``x`` (a tab of ``review serve --read-only``).
    """
    return ReviewApp(bench, variants=variants, source=source, exports=exports)
