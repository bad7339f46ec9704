"""The background work of the review screen: the English renderings and the flags.

Everything slow (importing torch, loading a model, rendering, flagging) runs in
thread workers that post messages back; the handlers here put what arrives on
screen.  One handler turns a failed worker into a notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from textual import on, work
from textual.message import Message
from textual.worker import Worker, WorkerState, get_current_worker

from review.errors import ReviewError
from review.flags.incremental import Kind
from review.flags.refixed import raised_by_change, without_refixed
from review.model import Flag
from review.priority import batches, in_priority_order
from review.tui.panels import Panels
from review.tui.widgets.flag_panel import elide


class Workers(Panels):
    """Renders the English and runs the detectors in workers; shows what they send back."""

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
            return isinstance(message, Workers.Progress)

    @dataclass
    class FlagsReady(Message):
        """Flags of the whole article by one kind of detector; notes say which detectors could not run.

        kind: "offline" (rules, lexicon, spaCy: no model) or "model"; each replaces only its own kind.
        """

        flags: list[Flag]
        notes: list[str]
        kind: str = "all"

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
