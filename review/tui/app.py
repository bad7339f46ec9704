"""The review screen: French beside English, segment by segment.

A thin layer over :class:`review.workbench.Workbench`: bindings, workers and
error handling.  Everything slow (importing torch, loading a model, rendering,
flagging) runs in thread workers that post messages back; the French is on
screen before any of it starts.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey
from textual.worker import Worker, WorkerState, get_current_worker

from review.errors import ReviewError
from review.flags.incremental import Kind
from review.flags.refixed import AppliedFix, applied_fix, raised_by_change, relocated, without_refixed
from review.model import Flag, Segment
from review.priority import batches, in_priority_order
from review.translate.render import Renderer
from review.tui.commands import DismissedFlags
from review.tui.flag_walk import next_flag
from review.tui.keys import NARROW_HIDDEN, REVIEW_ACTIONS, Action, key_bindings, palette_actions, sentence
from review.tui.screens.export import ExportScreen
from review.tui.screens.goto import GoToScreen
from review.tui.screens.help import HelpScreen
from review.tui.screens.scores import ScoreInputs, ScoresScreen
from review.tui.screens.take_variant import TakeVariantScreen
from review.tui.widgets.changes import with_changes
from review.tui.widgets.editor import SegmentEditor
from review.tui.widgets.flag_panel import FlagPanel, elide, in_article_order
from review.tui.widgets.notice import NoticeLine
from review.tui.widgets.segment_list import RowContent, SegmentList, marked_french
from review.tui.widgets.variant_panel import VariantPanel
from review.undo import Action as DoneAction
from review.undo import History
from review.workbench import Workbench

StatusPart = str | tuple[str, str]

NARROW = 120
"""Below this many columns the status line and the footer take their short forms."""

NOTICE_SECONDS: dict[str, float] = {"information": 3, "warning": 6, "error": 10}
"""The longest a notice of each severity stays on the notice line."""


class ReviewFooter(Footer):
    """The footer, less the keys a narrow terminal has no room for (the help screen lists them all)."""

    _narrow: bool | None = None

    async def on_resize(self) -> None:
        """Recompose (in the footer's own context, as its keys bind to it) when the width crosses NARROW."""
        narrow = self.app.size.width < NARROW
        if self._narrow is not None and narrow != self._narrow:
            await self.recompose()

    def compose(self) -> ComposeResult:
        narrow = self._narrow = self.app.size.width < NARROW
        shown = 0
        for widget in super().compose():
            if narrow and isinstance(widget, FooterKey) and widget.action in NARROW_HIDDEN:
                continue
            shown += isinstance(widget, FooterKey)
            yield widget
        self.styles.grid_size_columns = max(1, shown)




class ReviewApp(App[int]):
    """Built by :func:`make_app`, for the CLI and the tests alike."""

    CSS_PATH = "app.tcss"
    TITLE = "review"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {DismissedFlags}
    ACTIONS: ClassVar[tuple[Action, ...]] = REVIEW_ACTIONS  # bindings, help screen and palette all come from it
    # The review screen's keys are priority bindings: the app acts on them as it takes the key from
    # the terminal, before any later key is passed on.  So `e` has opened and focused the editor
    # before the next key is routed, and the keys typed right after it land in the editor.
    # check_action lets them through to the editor or a dialog while one is open.
    BINDINGS: ClassVar[list[BindingType]] = list(key_bindings(replace(action, priority=True) for action in ACTIONS))
    LIST_ACTIONS: ClassVar[frozenset[str]] = frozenset(action.action.split("(")[0] for action in ACTIONS)

    @dataclass
    class RenderingsArrived(Message):
        """A batch of English renderings, French text -> English."""

        pairs: dict[str, str]

    @dataclass
    class Progress(Message):
        """How far the English rendering is; only the latest matters."""

        done: int
        total: int
        note: str = ""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReviewApp.Progress)

    @dataclass
    class FlagsReady(Message):
        """Flags of the whole article by one kind of detector; notes say which detectors could not run.

        kind: "offline" (rules, lexicon, spaCy: no model) or "model"; each replaces only its own kind.
        """

        flags: list[Flag]
        notes: list[str]
        kind: str = "all"


    @dataclass
    class SuggestionsRendered(Message):
        """English of the segment with each suggestion of one flag applied."""

        flag_id: str
        english: dict[str, str]

    def __init__(self, bench: Workbench, *, variants: dict[str, list[str]] | None = None,
                 source: Path | None = None) -> None:
        super().__init__()
        self.variants = variants or {}
        self.source = source
        self.bench = bench
        self.session = bench.session
        self.model_name = bench.options.model
        self.flagger = bench.flagger
        self.order: list[Segment] = list(self.session.segments)
        self.triage = False
        self.current = self.session.start_index()
        self.flag_cursor: Flag | None = None
        self.model_label = Path(self.model_name.rstrip("/")).name
        self.english_note = "waiting for the model…"
        self.progress_text = "English: starting"
        self.flag_note = "flagging…" if self.flagger is not None else "flagging is off"
        self.flag_notes_shown: set[str] = set()
        self.suggestion_english: dict[str, dict[str, str]] = {}
        self.history = History(self.session)
        self.flags_by_kind: dict[str, list[Flag]] = {}
        self.flagging: set[str] = set()  # kinds of detectors still running
        self.fixes: list[AppliedFix] = []
        self.pending_fix: tuple[str, list[Flag]] | None = None  # segment id, its flags before the fix
        self.walk_anchor: tuple[int, int] = (self.current, -1)  # where n/N go from when no flag is selected
        self.show_english = True
        self.errors_shown: set[str] = set()

        self._positions_of: list[Segment] | None = None
        self._position_by_id: dict[str, int] = {}
        self._flagged_key: tuple[object, ...] | None = None
        self._flagged: list[int] = []

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield NoticeLine(id="notice")
        with Horizontal(id="headings"):
            yield Static("#", classes="col-number")
            yield Static("⚑", classes="col-flags")
            yield Static("Français (machine translation)", classes="col-french")
            yield Static("English (model rendering)", classes="col-english")
        yield SegmentList(self.order, self.row_content, self.row_length, current=self.current, id="segments")
        yield SegmentEditor()
        yield VariantPanel(self.variants, lambda: self.bench.renderer, id="variants",
                           classes="shown" if self.variants else "")
        yield FlagPanel(id="flags")
        yield ReviewFooter()

    def on_mount(self) -> None:
        # The article, its segments and the replayed log live as long as the screen: moved out of the
        # collector's generations, a full collection no longer walks 100,000 segments between two keys.
        gc.freeze()
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
        self.render_all()
        if self.flagger is not None:
            self.flag_all()

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

    def refresh_all(self) -> None:
        self.segment_list.refresh_rows()
        self.refresh_status()
        self.highlight()

    def flag_counts(self) -> str:
        """Open flags, and of which kind: "25 flags open (20 rules · 5 model)", with what is still running."""
        state = self.session.state
        by_kind = {kind: sum(not state.is_dismissed(flag) for flag in flags)
                   for kind, flags in self.flags_by_kind.items()}
        parts = [f"{by_kind[kind]} {'rules' if kind == 'offline' else kind}" for kind in ("offline", "model")
                 if kind in by_kind and (by_kind[kind] or kind == "offline")]  # no "0 model" without model detectors
        parts.extend(f"{'rules' if kind == 'offline' else 'model'} flagging…" for kind in ("offline", "model")
                     if kind in self.flagging)
        total = self.session.counts()["flags"]
        return f"{total} flags open" + (f" ({' · '.join(parts)})" if parts else "")

    def status_text(self, width: int) -> Text:
        """The status line, in the longest of its forms that fits ``width`` columns."""
        counts = self.session.counts()
        document = self.session.document
        flags = self.flag_counts()
        off = len(self.flag_notes_shown)
        head: list[StatusPart] = [
            (" review ", "bold reverse"), ("read-only " if self.session.log.read_only else "", "bold red"),
        ]
        tail: list[StatusPart] = [(" · triage" if self.triage else "", "bold")]
        forms: list[list[StatusPart]] = [
            [f" {document.name} · {document.language}→en · {self.model_label} · ", (self.progress_text, "italic"),
             f" · {counts['segments']} segments · {counts['reviewed']} reviewed · {counts['corrected']} corrected · ",
             flags, (f" ({off} detector{'s' if off > 1 else ''} off)" if off else "", "dim")],
            [f" {elide(document.name, 24)} · {self.model_label} · ", (self.progress_text, "italic"),
             f" · {counts['reviewed']}/{counts['segments']} reviewed · {counts['corrected']} corrected · ", flags,
             (f" ({off} off)" if off else "", "dim")],
            [" ", (self.progress_text.replace("English: ", "EN "), "italic"),
             f" · {counts['reviewed']}/{counts['segments']}✓ · {counts['corrected']}✎ · {counts['flags']} flags"
             + (" …" if self.flagging else "")],
        ]
        for form in forms:
            text = Text.assemble(*head, *form, *tail)
            if text.cell_len <= width:
                return text
        return text

    def refresh_status(self) -> None:
        self.main.query_one("#status", Static).update(self.status_text(self.size.width))

    def on_resize(self) -> None:
        if self._showing():
            self._fit_panels()
            self.refresh_status()

    def _fit_panels(self) -> None:
        """A third of the terminal for the flag panel at most, so the list keeps its rows (the panel scrolls)."""
        self.main.query_one(FlagPanel).styles.max_height = max(4, min(16, (self.size.height - 3) // 3))

    def highlight(self) -> None:
        self.segment_list.show(self.current)
        self.refresh_flag_panel()

    def refresh_flag_panel(self) -> None:
        flags = self.session.open_flags(self.segment)
        selected = self.selected_flag()
        english = self.suggestion_english.get(selected.id) if selected else None
        self.main.query_one(FlagPanel).show(flags, selected, note=self.flag_note, suggestions_english=english)
        if selected is not None and selected.suggestions and english is None:
            self.suggestion_english[selected.id] = {}  # asked for once
            self.render_suggestions(selected, self.session.text(self.segment))
        self.refresh_variant_panel()

    # -- workers ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="render", exit_on_error=False)
    def render_all(self) -> None:
        """Fill in the English, the rows on screen first: the cache at once, then the model batch by batch."""
        worker = get_current_worker()
        renderer = self.renderer
        if renderer.cache.problem:
            self.call_from_thread(self.notify, renderer.cache.problem, title="rendering cache", severity="warning",
                                  timeout=10)
        order = self.order
        visible = self.call_from_thread(self.segment_list.visible_positions)
        texts = list(dict.fromkeys(self.session.text(order[position])
                                   for position in in_priority_order(len(order), visible)))
        total = len(texts)
        done = 0
        found = renderer.cached(texts)
        if found:
            done = len(found)
            self.post_message(self.RenderingsArrived(found))
        if done < total:
            self.post_message(self.Progress(done, total, f"loading {renderer.ref.short}…"))
            renderer.engine()
        self.post_message(self.Progress(done, total))
        # one batch at a time in priority order: iter_render sorts what it is given by length
        for chunk in batches((text for text in texts if text not in found), renderer.batch_size):
            for pairs in renderer.iter_render(chunk, cancelled=lambda: worker.is_cancelled):
                done += len(pairs)
                self.post_message(self.RenderingsArrived(pairs))
                self.post_message(self.Progress(done, total))
            if worker.is_cancelled:
                return

    @work(thread=True, group="render-one", exit_on_error=False)
    def render_texts(self, texts: list[str]) -> None:
        """Render the French of segments just corrected."""
        for pairs in self.renderer.iter_render(texts):
            self.post_message(self.RenderingsArrived(pairs))

    def flag_all(self) -> None:
        """Flag the current French: the offline detectors and the model ones in workers of their own."""
        if self.flagger is None:
            return
        self.flagging = {"offline", "model"}
        for kind in ("offline", "model"):
            self.run_worker(partial(self._flag_kind, kind), thread=True, exclusive=True, group=f"flags-{kind}",
                            exit_on_error=False)

    def _flag_kind(self, kind: Kind) -> None:
        """Run one kind of detector over the current French (the first run loads spaCy, or the models).

        The rules never wait for a model: they run in their own worker and their flags show
        as soon as they are found; the model detectors' flags join them when they come.
        """
        if self.flagger is None:
            return
        names = self.flagger.names_of(kind)
        if not names:
            self.post_message(self.FlagsReady([], [], kind))
            return
        notes: list[str] = []
        flags = self.bench.flag(status=notes.append, only=names)
        self.post_message(self.FlagsReady(flags, notes, kind))

    @work(thread=True, exclusive=True, group="suggestions", exit_on_error=False)
    def render_suggestions(self, flag: Flag, text: str) -> None:
        """The English each suggestion would give, so the reviewer sees which one says what was meant."""
        variants = {suggestion: text[: flag.start] + suggestion + text[flag.end :] for suggestion in flag.suggestions}
        english: dict[str, str] = {}
        for pairs in self.renderer.iter_render(list(variants.values())):
            english.update(pairs)
        self.post_message(self.SuggestionsRendered(
            flag.id, {suggestion: english[variant] for suggestion, variant in variants.items() if variant in english},
        ))

    @on(RenderingsArrived)
    def renderings_arrived(self, message: RenderingsArrived) -> None:
        if not self._showing():
            return
        self.session.renderings.update(message.pairs)
        self.model_label = self.renderer.label
        self.segment_list.refresh_rows()  # only the rows in view are drawn again

    @on(Progress)
    def progress(self, message: Progress) -> None:
        if not self._showing():
            return
        if message.note:
            self.progress_text = message.note
        elif message.done >= message.total:
            self.progress_text = f"English: {message.total}/{message.total} ✓"
        else:
            self.progress_text = f"English: {message.done}/{message.total}"
        self.model_label = self.renderer.label
        self.refresh_status()

    @on(FlagsReady)
    def flags_ready(self, message: FlagsReady) -> None:
        if not self._showing():
            return
        texts = self.session.texts()
        self.flags_by_kind[message.kind] = without_refixed(message.flags, self.fixes, texts)
        self.flagging.discard(message.kind)
        if message.kind == "all":
            self.flagging.clear()
        flags = [flag for kind_flags in self.flags_by_kind.values() for flag in kind_flags]
        self.session.set_flags(flags)
        if self.flag_cursor is not None and self.flag_cursor not in flags:
            self.move_flag_cursor(None)
        self.flag_note = ("flagging…" if "offline" in self.flagging else
                          "model flags coming…" if self.flagging else "")
        for note in message.notes:
            if note not in self.flag_notes_shown:
                self.flag_notes_shown.add(note)
                self.notify(note, title="flags", severity="warning")
        self._announce_raised()
        self.refresh_all()

    def _announce_raised(self) -> None:
        """Say when the fix just applied brought in a flag the segment did not have."""
        if self.pending_fix is None:
            return
        segment_id, before = self.pending_fix
        if not self.flagging:
            self.pending_fix = None
        segment = self.session.document.segment(segment_id)
        raised = raised_by_change(before, self.session.open_flags(segment))
        if raised:
            before.extend(raised)  # announced once, even when the other kind's flags come later
            flag = raised[0]
            more = f" (and {len(raised) - 1} more)" if len(raised) > 1 else ""
            self.notify(f"the fix raised a new flag in {segment_id}: «{elide(flag.span_text, 30)}» "
                        f"({flag.detector}){more}", severity="warning")

    @on(SuggestionsRendered)
    def suggestions_rendered(self, message: SuggestionsRendered) -> None:
        if not self._showing():
            return
        self.suggestion_english[message.flag_id] = message.english
        self.refresh_flag_panel()

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        if not self._showing():
            return
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = error.message if isinstance(error, ReviewError) else f"{type(error).__name__}: {error}"
        if event.worker.group in {"render", "render-one"}:
            fix = re.search(r"`(review models pull [^`]+)`", text)
            self.english_note = f"no English yet: run {fix.group(1)}" if fix else "no English rendering"
            self.progress_text = "English: unavailable"
            self.segment_list.refresh_rows()
        elif event.worker.group == "suggestions":
            return  # the flag panel simply shows the suggestions without their English
        elif event.worker.group.startswith("flags"):
            self.flagging.discard(event.worker.group.removeprefix("flags-"))
            self.flag_note = f"flagging stopped: {text}"
            self.refresh_flag_panel()
        self.refresh_status()
        if text not in self.errors_shown:  # a model that is missing says so once, not after every edit
            self.errors_shown.add(text)
            self.notify(text, title="error", severity="error")

    # -- actions --------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.editing:
            return
        self.current = max(0, min(len(self.order) - 1, self.current + step))
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_page(self, direction: int) -> None:
        """A screenful down (1) or up (-1), whatever the rows' heights."""
        if self.editing:
            return
        target = self.segment_list.page(direction)
        self.action_move(target - self.current if target != self.current else direction)

    def action_jump_to(self, index: int) -> None:
        self.current = index % len(self.order)
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()

    def action_go_to(self) -> None:
        self.push_screen(GoToScreen(len(self.session.segments)), self._go_to)

    def _go_to(self, number: int | None) -> None:
        if number is None:
            return
        self.current = self._positions()[self.session.segments[number - 1].id]  # in triage order too
        self.move_flag_cursor(None)
        self.highlight()

    def move_flag_cursor(self, flag: Flag | None) -> None:
        """Select a flag (or none); only the rows that showed or now show the cursor are drawn again."""
        for changed in (self.flag_cursor, flag):
            if changed is not None:
                self.segment_list.refresh_segment(changed.segment_id)
        self.flag_cursor = flag

    def action_next_flag(self, step: int) -> None:
        """Walk the flags in the article's order: segment by segment, and by position within one.

        The flag panel lists a segment's flags in the same order.  With no flag selected (after
        moving, applying or dismissing), ``n`` goes to the first flag at or after where the
        reviewer is and ``N`` to the last one before it.  Going past either end wraps, and says so.
        The segments with flags are found by bisection, so a key costs the same at any size.
        """
        flagged = self._flagged_positions()
        if not flagged:
            self.notify("no open flags", timeout=3)
            return
        def count_at(position: int) -> int:
            return len(self._flags_in_order(self.order[position]))

        target: tuple[int, int] | None = None
        before: tuple[int, int]
        cursor = None
        if self.flag_cursor is not None:
            position = self._positions().get(self.flag_cursor.segment_id)
            flags = self._flags_in_order(self.order[position]) if position is not None else []
            if self.flag_cursor in flags and position is not None:
                cursor = (position, flags.index(self.flag_cursor))
        if cursor is not None:
            before = (cursor[0], self.flag_cursor.start if self.flag_cursor else -1)
            target = next_flag(flagged, count_at, here=self.current, cursor=cursor, step=step)
        else:
            here, offset = self.walk_anchor
            before = (here, offset)
            flags = self._flags_in_order(self.order[here]) if 0 <= here < len(self.order) else []
            inside = [index for index, flag in enumerate(flags) if (flag.start >= offset if step > 0
                                                                    else flag.start < offset)]
            if inside:
                target = (here, inside[0] if step > 0 else inside[-1])
            else:  # past this segment: a cursor on its last (or first) flag moves on to the next segment
                edge = (here, count_at(here) - 1) if step > 0 else (here, 0)
                target = next_flag(flagged, count_at, here=here, cursor=edge, step=step)
        if target is None:
            self.notify("no open flags", timeout=3)
            return
        position, number = target
        flag = self._flags_in_order(self.order[position])[number]
        after = (position, flag.start)
        if (after < before if step > 0 else after > before) and len(self.session.open_flags()) > 1:
            self.notify(f"wrapped to the {'first' if step > 0 else 'last'} flag of the article", timeout=2)
        self.move_flag_cursor(flag)
        self.current = position
        self.walk_anchor = (position, flag.start)
        self.highlight()

    def _position_of(self, flag: Flag) -> int:
        return self._positions().get(flag.segment_id, 0)

    def _flags_in_order(self, segment: Segment) -> list[Flag]:
        return in_article_order(self.session.open_flags(segment))

    def _positions(self) -> dict[str, int]:
        """Segment id -> position in the order on screen (rebuilt when the order changes)."""
        if self._positions_of is not self.order:
            self._position_by_id = {segment.id: position for position, segment in enumerate(self.order)}
            self._positions_of = self.order
        return self._position_by_id

    def _flagged_positions(self) -> list[int]:
        """Sorted positions of the segments with open flags (rebuilt when flags, dismissals or order change)."""
        key = (self.session.flags, self.session.state.dismissed, self.order)
        if self._flagged_key is None or any(a is not b for a, b in zip(key, self._flagged_key, strict=True)):
            positions = self._positions()
            self._flagged = sorted(positions[segment_id] for segment_id in self.session.flagged())
            self._flagged_key = key
        return self._flagged

    def selected_flag(self) -> Flag | None:
        """The flag the keys act on: the one n/N chose, else the segment's first in article order."""
        flags = in_article_order(self.session.open_flags(self.segment))
        if self.flag_cursor in flags:
            return self.flag_cursor
        return flags[0] if flags else None

    def _writable(self) -> bool:
        if self.session.log.read_only:
            self.notify("read-only session: reopen without --read-only to make corrections", severity="warning")
            return False
        return True

    def action_edit(self) -> None:
        if self.editing or not self._writable():
            return
        segment = self.segment
        flag = self.selected_flag()
        self.editor.open(
            segment.id, segment.text, self.session.text(segment),
            category=flag.category if flag else None, severity=flag.severity.value if flag else None,
            back_to=self.segment_list,
        )

    @on(SegmentEditor.Saved)
    def editor_saved(self, message: SegmentEditor.Saved) -> None:
        """Record an edit; the editor has already closed, so a failed save reopens it with the text typed."""
        segment = self.session.segment(message.segment_id)
        flag = self.flag_cursor if self.flag_cursor is not None and self.flag_cursor.segment_id == segment.id \
            else next(iter(self.session.open_flags(segment)), None)
        try:
            correction = self.history.correct(segment, message.text, category=message.category,
                                              severity=message.severity,
                                              flag=flag if flag and message.category == flag.category else None)
        except ReviewError as error:
            self.notify(f"not saved: {error.message}", title="not saved", severity="error", timeout=15)
            if not self.editing:
                self.editor.open(segment.id, segment.text, message.text, category=message.category,
                                 severity=message.severity, back_to=self.segment_list)
            return
        if correction is None:
            self.notify(f"{segment.id} unchanged: nothing to save", timeout=3)
        else:
            self.after_change(segment, f"saved {segment.id}")

    def after_change(self, segment: Segment, note: str) -> None:
        """Show a changed segment and send its new French to the model."""
        text = self.session.text(segment)
        self.flags_by_kind = {kind: relocated(flags, segment.id, text) for kind, flags in self.flags_by_kind.items()}
        self.session.set_flags(flag for flags in self.flags_by_kind.values() for flag in flags)
        self.refresh_row(segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(note, timeout=2)
        if text not in self.session.renderings:
            self.render_texts([text])
        if self.flagger is not None:
            self.flag_all()

    def action_apply(self, number: int) -> None:
        if self.editing or not self._writable():
            return
        flag = self.selected_flag()
        if flag is None or not flag.suggestions:
            self.notify("no suggestion to apply here", timeout=3)
            return
        if not 1 <= number <= len(flag.suggestions):
            self.notify(f"this flag has {len(flag.suggestions)} suggestions", timeout=3)
            return
        segment = self.segment
        suggestion = flag.suggestions[number - 1]
        before = list(self.session.open_flags(segment))
        try:
            self.history.corrected(self.bench.apply_suggestion(flag, number))
        except ReviewError as error:
            self.notify(error.message, severity="warning")
            return
        self.fixes.append(applied_fix(flag, suggestion))
        self.pending_fix = (segment.id, before)
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, flag.start + len(suggestion))
        self.after_change(segment, f"applied «{suggestion}» to {segment.id}")

    def action_dismiss_flag(self) -> None:
        if self.editing or not self._writable():
            return
        flag = self.selected_flag()
        if flag is None:
            self.notify("no open flag on this segment", timeout=3)
            return
        if not self._saved("the dismissal", lambda: self.history.dismiss(flag)):
            return
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, flag.start + 1)
        self.refresh_row(self.segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(f"dismissed «{elide(flag.span_text, 30)}» ({flag.detector}) · u undoes", timeout=2)

    def action_toggle_reviewed(self) -> None:
        if self.editing or not self._writable():
            return
        segment = self.segment
        if not self._saved("the checked mark", lambda: self.history.toggle_reviewed(segment)):
            return
        self.refresh_row(self.segment)
        self.refresh_status()

    def action_undo(self) -> None:
        """Take back the last action, whatever it was: a correction, a dismissal, a restore, a check mark."""
        if self.editing or not self._writable():
            return
        done: list[DoneAction | None] = []
        if not self._saved("the undo", lambda: done.append(self.history.undo())):
            return
        if done[0] is None:
            self.notify("nothing to undo", timeout=3)
            return
        self._show_action(done[0], f"undid {done[0].describe()} · U redoes")

    def action_redo(self) -> None:
        if self.editing or not self._writable():
            return
        done: list[DoneAction | None] = []
        if not self._saved("the redo", lambda: done.append(self.history.redo())):
            return
        if done[0] is None:
            self.notify("nothing to redo", timeout=3)
            return
        self._show_action(done[0], f"redid {done[0].describe()}")

    def _show_action(self, action: DoneAction, note: str) -> None:
        """Go to the segment an undo or redo touched and show it as it now is."""
        segment = self.session.segment(action.segment_id)
        self.current = self._positions()[segment.id]
        self.move_flag_cursor(None)
        self.walk_anchor = (self.current, -1)
        self.highlight()
        if action.kind == "correction":
            self.after_change(segment, note)
            return
        self.refresh_row(segment)
        self.refresh_status()
        self.refresh_flag_panel()
        self.notify(note, timeout=2)

    def dismissed_flags(self) -> list[Flag]:
        """The flags the detectors still raise that the reviewer dismissed, in article order."""
        state = self.session.state
        order = {segment.id: segment.index for segment in self.session.segments}
        return sorted((flag for flag in self.session.flags if state.is_dismissed(flag)),
                      key=lambda flag: (order.get(flag.segment_id, 0), flag.start))

    def restore_flag(self, flag: Flag) -> None:
        """Bring a dismissed flag back (undoable like a dismissal)."""
        if not self._writable() or not self._saved("the restore", lambda: self.history.restore(flag)):
            return
        segment = self.session.segment(flag.segment_id)
        self.current = self._positions()[segment.id]
        self.move_flag_cursor(flag)
        self.walk_anchor = (self.current, flag.start)
        self.highlight()
        self.refresh_row(segment)
        self.refresh_status()
        self.notify(f"restored «{elide(flag.span_text, 30)}» ({flag.detector}) in {segment.id}", timeout=2)

    def action_restore(self) -> None:
        """List the dismissed flags in the palette; choosing one restores it."""
        if not self.dismissed_flags():
            self.notify("no dismissed flags", timeout=3)
            return
        from textual.command import CommandPalette  # noqa: PLC0415

        self.push_screen(CommandPalette(providers=[DismissedFlags], placeholder="restore a dismissed flag…"))

    def action_toggle_english(self) -> None:
        """Show or hide the English column (more room for the French on a narrow terminal)."""
        self.show_english = not self.show_english
        self.main.set_class(not self.show_english, "-no-english")
        self.segment_list.set_show_english(self.show_english)
        self.notify("English column " + ("shown" if self.show_english else "hidden · E shows it"), timeout=2)

    def action_scroll_flags(self, lines: int) -> None:
        self.main.query_one(FlagPanel).scroll_lines(lines)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notices go to the notice line (in place of the column headings), never over the text.

        Each lasts no longer than its severity needs (:data:`NOTICE_SECONDS`), whatever was asked.
        """
        limit = NOTICE_SECONDS.get(severity, 3)
        timeout = limit if timeout is None else min(timeout, limit)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        self.call_later(self._say, message, title, severity, timeout)

    def clear_notifications(self) -> None:
        super().clear_notifications()
        if self._showing():
            notice = self.main.query_one(NoticeLine)
            notice.notices.clear()
            notice.redraw()

    def _say(self, message: str, title: str, severity: str, timeout: float) -> None:
        if self._showing():
            self.main.query_one(NoticeLine).say(message, title=title, severity=severity, timeout=timeout)

    def action_triage(self) -> None:
        current = self.segment
        self.triage = not self.triage
        if self.triage:
            self.order = sorted(self.session.segments, key=lambda seg: (tuple(-x for x in self.session.risk(seg)),
                                                                        seg.index))
        else:
            self.order = list(self.session.segments)
        self.segment_list.set_order(self.order)
        self.current = self._positions()[current.id]
        self.highlight()
        self.refresh_status()

    def action_export(self) -> None:
        path = self.session.document.path or Path("article.txt")
        default = path.with_name(f"{path.name.split('.')[0]}.reviewed.txt")
        self.push_screen(ExportScreen(default), self._export_to)

    def _export_to(self, choice: tuple[Path, str] | None) -> None:
        if choice is not None:
            self.export_to(*choice)

    @work(thread=True, group="export", exit_on_error=False)
    def export_to(self, target: Path, fmt: str) -> None:
        """Write the export the way ``review export`` does (same flags, same renderings, same bytes)."""
        from review.export import atomic_write  # noqa: PLC0415

        try:
            data = self.bench.export(fmt)
            atomic_write(target, data, protect=self.bench.protected_paths())
        except ReviewError as error:
            self.call_from_thread(self.notify, error.message, severity="error", timeout=10)
            return
        self.call_from_thread(self.notify, f"wrote {target} ({fmt})", title="export")

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.ACTIONS))

    async def action_quit(self) -> None:
        try:
            self.session.remember_position(self.segment)
        except ReviewError as error:
            # every correction is already on disk; only where the reviewer stopped is lost
            self.exit(0, message=f"review: warning: {error.message} (the position in the article was not saved)")
            return
        self.exit(0)

    def _saved(self, what: str, write: Callable[[], object]) -> bool:
        """Run one write to the log; when it fails (full disk, log gone), say what was not saved and go on."""
        try:
            write()
        except ReviewError as error:
            self.notify(f"{what} was NOT saved: {error.message}", title="not saved", severity="error", timeout=15)
            return False
        return True

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for action in palette_actions(self.ACTIONS):
            yield SystemCommand(action.palette, sentence(action.description), partial(self.run_action, action.action))

    # -- scores and variants ---------------------------------------------------------------

    def refresh_variant_panel(self) -> None:
        if self.variants:
            self.main.query_one(VariantPanel).show_segment(self.segment, self.session.text(self.segment),
                                                           self.session.renderings)

    def action_scores(self) -> None:
        if isinstance(self.screen, ScoresScreen):
            return
        session = self.session
        self.push_screen(ScoresScreen(ScoreInputs(
            document=session.document, state=session.state,
            current=tuple(session.text(segment) for segment in session.segments),
            renderings=dict(session.renderings), variants=self.variants, source=self.source,
        )))

    def action_take_variant(self) -> None:
        if not self.variants:
            self.notify("no variants loaded: open the article with --variant FILE", timeout=3)
            return
        if self.editing or not self._writable():
            return
        segment = self.segment
        current = self.session.text(segment)
        choices = [(name, text) for name, text in self.main.query_one(VariantPanel).texts(segment) if text != current]
        if not choices:
            self.notify(f"every variant of {segment.id} reads as your text: nothing to take", timeout=3)
            return
        self.push_screen(TakeVariantScreen(segment.id, choices, current=current),
                         lambda name: self._take_variant(segment, name))

    def _take_variant(self, segment: Segment, name: str | None) -> None:
        if name is None:
            return
        text = self.variants[name][segment.index]
        try:
            correction = self.history.correct(segment, text, note=f"taken from variant {name}")
        except ReviewError as error:
            self.notify(error.message, severity="error")
            return
        if correction is None:
            self.notify(f"{segment.id} already reads as {name}", timeout=3)
            return
        self.after_change(segment, f"took {name} for {segment.id}")


def make_app(bench: Workbench, *, variants: dict[str, list[str]] | None = None,
             source: Path | None = None) -> ReviewApp:
    """The one way to build the app: used by ``review open`` and by the tests.

    bench: the article, its log, options and model pool (see :meth:`review.workbench.Workbench.open`).
    variants: name -> French per segment, aligned with the document (see :func:`review.variants.load_variants`).
    source: the English original (``--source``), read for the drift list of the scores screen.
    """
    return ReviewApp(bench, variants=variants, source=source)
