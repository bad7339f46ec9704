"""The background work of the review screen: the English renderings and the flags.

Everything slow (importing torch, loading a model, rendering, flagging) runs in
thread workers that post messages back; the handlers here put what arrives on
screen.  One handler turns a failed worker into a notice.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice

from textual import on, work
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from review.errors import ReviewError
from review.eta import Meter, duration, rate_text
from review.flags.incremental import CHUNK, Kind
from review.flags.rank import in_reading_order
from review.flags.refixed import raised_by_change, without_refixed
from review.model import Flag, Segment
from review.priority import batches, in_priority_order
from review.tui.panels import Panels
from review.tui.widgets.flag_panel import elide

FLAG_POSTS = 0.25
"""Seconds between two posts of partial flags: each post redraws the list and recounts the flags."""


class Workers(Panels):
    """Renders the English and runs the detectors in workers; shows what they send back."""

    @dataclass
    class RenderingsArrived(Message):
        """A batch of English renderings, French text -> English."""

        pairs: dict[str, str]

    @dataclass
    class Progress(Message):
        """How far the English rendering is, in segments; only the latest matters.

        rate, remaining: segments a second and seconds left, once the rate is steady (else None).
        """

        done: int
        total: int
        note: str = ""
        rate: float | None = None
        remaining: float | None = None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, Workers.Progress)

    @dataclass
    class FlagsReady(Message):
        """Flags by one kind of detector; notes say which detectors could not run.

        kind: "offline" (rules, lexicon, spaCy: no model) or "model"; each replaces only its own kind.
        segments: the segments these flags are for (their earlier flags of this kind are replaced);
            None: the whole article, and this kind's run is over.
        done, total: segments flagged so far, of the article's (while a run is under way).
        run: the :meth:`flag_all` call that sent it; an earlier run's late message is dropped (None: always taken).
        partial_english: the cross-article checks (numbers against the English) ran before all of it had come.
        """

        flags: list[Flag]
        notes: list[str]
        kind: str = "all"
        segments: frozenset[str] | None = None
        done: int = 0
        total: int = 0
        run: int | None = None
        partial_english: bool = False

    @work(thread=True, exclusive=True, group="render", exit_on_error=False)
    def render_all(self) -> None:
        """Fill in the English, the rows on screen first: the cache at once, then the model batch by batch.

        Progress counts segments: a text several segments share counts for each of them.
        """
        worker = get_current_worker()
        renderer = self.renderer
        if renderer.cache.problem:
            self.call_from_thread(self.notify, renderer.cache.problem, title="rendering cache", severity="warning",
                                  timeout=10)
        visible = self.call_from_thread(self.segment_list.visible_positions)
        if not self.session.document.fully_cut:  # the rows on screen from the cache before the rest is cut
            rows = self.order
            shown = renderer.cached([self.session.text(rows[position]) for position in visible
                                     if position < len(rows)])
            if shown:
                self.post_message(self.RenderingsArrived(shown))
        order = self.full_order()
        sharing = Counter(self.session.text(order[position]) for position in in_priority_order(len(order), visible))
        texts = list(sharing)  # in priority order, each text once
        meter = Meter(sum(sharing.values()))
        found = renderer.cached(texts)
        if found:
            meter.done = sum(sharing[text] for text in found)
            self.post_message(self.RenderingsArrived(found))
        if meter.done < meter.total:
            self.post_message(self.Progress(meter.done, meter.total, f"loading {renderer.ref.short}…"))
            renderer.engine()
        meter.start(time.monotonic())  # the rate counts the model's work only, not the cache or the loading
        self.post_message(self.Progress(meter.done, meter.total))
        # one batch at a time in priority order: iter_render sorts what it is given by length
        for chunk in batches((text for text in texts if text not in found), renderer.batch_size):
            for pairs in renderer.iter_render(chunk, cancelled=lambda: worker.is_cancelled):
                meter.step(sum(sharing[text] for text in pairs), time.monotonic())
                self.post_message(self.RenderingsArrived(pairs))
                self.post_message(self.Progress(meter.done, meter.total, rate=meter.rate(),
                                                remaining=meter.remaining()))
            if worker.is_cancelled:
                return

    @work(thread=True, group="render-one", exit_on_error=False)
    def render_texts(self, texts: list[str]) -> None:
        """Render the French of segments just corrected."""
        for pairs in self.renderer.iter_render(texts):
            self.post_message(self.RenderingsArrived(pairs))

    def flag_all(self, kinds: tuple[Kind, ...] = ("offline", "model")) -> None:
        """Flag the current French: the offline detectors and the model ones in workers of their own.

        kinds: run just these (a kind not named keeps its running worker and its flags).
        """
        if self.flagger is None:
            return
        self.flag_run += 1
        for kind in kinds:
            self.flagging.add(kind)
            self.kind_runs[kind] = self.flag_run
            if kind == "offline":
                self.english_stale = False
            self.run_worker(partial(self._flag_kind, kind, self.flag_run), thread=True, exclusive=True,
                            group=f"flags-{kind}", exit_on_error=False)

    def _flag_kind(self, kind: Kind, run: int) -> None:
        """Run one kind of detector over the current French (the first run loads spaCy, or the models).

        The rules never wait for a model: they run in their own worker and their flags show
        as soon as they are found; the model detectors' flags join them when they come.
        """
        if self.flagger is None:
            return
        names = self.flagger.names_of(kind)
        if not names:
            self.post_message(self.FlagsReady([], [], kind, run=run))
            return
        notes: list[str] = []
        if kind == "offline":
            self._flag_visible_first(names, notes, run)
            return
        worker = get_current_worker()
        found: list[Flag] = []
        for batch in self.bench.stream_flags(status=notes.append, only=names):
            if worker.is_cancelled:  # quitting: a chunk's model calls finish, the rest of the article is left
                return
            found.extend(batch.flags)
        index = {segment.id: segment.index for segment in self.session.segments}
        self.post_message(self.FlagsReady(in_reading_order(found, index), notes, kind, run=run))

    def _flag_visible_first(self, names: tuple[str, ...], notes: list[str], run: int) -> None:
        """The offline flags of the rows on screen first, then outward, posted as they come.

        Segments already flagged with their current French come from the flagger's cache,
        so after an edit only the edited segment is flagged again.  Partial results go to
        the screen at most every :data:`FLAG_POSTS` seconds (the rows on screen at once);
        the last message holds the whole article's flags, cross-article detectors included.
        """
        worker = get_current_worker()
        order = self.full_order()
        visible = self.call_from_thread(self.segment_list.visible_positions)
        positions = in_priority_order(len(order), visible)
        shown = range(max(0, visible.start), min(len(order), visible.stop))
        on_screen = [order[position] for position in islice(positions, len(shown))]
        chunks = [chunk for chunk in (on_screen, *batches((order[position] for position in positions), CHUNK))
                  if chunk]
        covered: set[str] = set()
        waiting: list[Flag] = []
        found: list[Flag] = []
        done, posted = 0, 0.0
        partial_english: list[bool] = []  # read before the English: it is all in before english_complete is set

        def english_read() -> None:
            partial_english.append(not self.english_complete)

        between_keys = self._after_keys(chunks, lambda: worker.is_cancelled)
        stream = self.bench.stream_flags(status=notes.append, only=names, chunks=between_keys,
                                         english_read=english_read)
        for number, batch in enumerate(stream):
            if worker.is_cancelled:
                return
            found.extend(batch.flags)
            if not batch.segments:
                break  # the cross-article batch: the last one
            done += batch.segments
            covered.update(segment.id for segment in chunks[number])
            waiting.extend(batch.flags)
            now = time.monotonic()
            if number == 0 or now - posted >= FLAG_POSTS:
                self.post_message(self.FlagsReady(waiting, list(notes), "offline", frozenset(covered), done,
                                                  len(order), run))
                covered, waiting, posted = set(), [], now
        index = {segment.id: segment.index for segment in self.session.segments}
        self.post_message(self.FlagsReady(in_reading_order(found, index), notes, "offline", run=run,
                                          partial_english=any(partial_english)))

    def _after_keys(self, chunks: list[list[Segment]], cancelled: Callable[[], bool]) -> Iterator[list[Segment]]:
        """``chunks``, each handed over once the reviewer pauses: a burst of keys never waits for a parse."""
        for chunk in chunks:
            self.pauses.wait_for_pause(cancelled)
            yield chunk

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
        self.english_complete = not message.note and message.done >= message.total
        if message.note:
            self.progress_text = self.progress_short = message.note
        elif message.done >= message.total:
            self.progress_text = f"English: {message.total:,}/{message.total:,} ✓"
            self.progress_short = f"EN {message.total:,}/{message.total:,} ✓"
            if self.english_stale:  # the checks against the English ran with part of it: once more with all
                self.flag_all(("offline",))
        else:
            count = f"{message.done:,}/{message.total:,}"
            rate = "" if message.rate is None else f" · {rate_text(message.rate)}"
            left = "" if message.remaining is None else f" · {duration(message.remaining)}"
            self.progress_text = f"English: {count}{rate}{left}"
            self.progress_short = f"EN {count}{left.replace(' · ', ' ')}"
        self.model_label = self.renderer.label
        self.refresh_status()

    @on(FlagsReady)
    def flags_ready(self, message: FlagsReady) -> None:
        if not self._showing() or message.run not in {None, self.kind_runs.get(message.kind)}:
            return
        # the French of the fixed segments only: a dict of the whole article's would cost 100,000 look-ups a post
        texts = {fix.segment_id: self.session.text(self.session.segment(fix.segment_id)) for fix in self.fixes}
        arrived = without_refixed(message.flags, self.fixes, texts)
        if message.segments is None:
            self.flags_by_kind[message.kind] = arrived
            self.flagging.discard(message.kind)
            self.flag_progress.pop(message.kind, None)
            if message.kind == "offline":
                self.english_stale = message.partial_english
        else:  # part of a run: these segments' flags of this kind are new, the others stay until theirs come
            earlier = self.flags_by_kind.get(message.kind, [])
            self.flags_by_kind[message.kind] = [flag for flag in earlier if flag.segment_id not in message.segments]
            self.flags_by_kind[message.kind].extend(arrived)
            self.flag_progress[message.kind] = (message.done, message.total)
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
        if self.english_stale and self.english_complete:  # the English came while the run was ending
            self.flag_all(("offline",))

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
            self.progress_short = "EN unavailable"
            self.segment_list.refresh_rows()
        elif event.worker.group == "suggestions":
            return  # the flag panel simply shows the suggestions without their English
        elif event.worker.group.startswith("flags"):
            self.flagging.discard(event.worker.group.removeprefix("flags-"))
            self.flag_progress.pop(event.worker.group.removeprefix("flags-"), None)
            self.flag_note = f"flagging stopped: {text}"
            self.refresh_flag_panel()
        self.refresh_status()
        if text not in self.errors_shown:  # a model that is missing says so once, not after every edit
            self.errors_shown.add(text)
            self.notify(text, title="error", severity="error")
