"""One article under review and everything it needs: the use cases every front end calls.

A :class:`Workbench` owns the article (document and session state kept in step
with the corrections log), the model pool (each model loaded once, shared by
rendering and every model detector) and the flagger.  The commands, the review
screen and batch runs all go through its methods: render, flag, correct,
undo, dismiss, export.  So an option given on the command line reaches every
detector, the CLI's export and the screen's export write the same bytes for
the same state, and a batch worker can keep one pool across articles.
Nothing here imports textual; the slow methods are blocking and meant for a
worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from review.document import load_document
from review.flags import DetectorChoice, DetectorEdit, FlagOptions, Status, default_detectors
from review.flags.incremental import FlagBatch, Flagger
from review.session import Session
from review.store import ReviewLog, default_log_path

if TYPE_CHECKING:
    from review.formats import ExportOptions
    from review.model import Correction, Document, Flag, Segment
    from review.translate.pool import ModelPool
    from review.translate.render import Renderer


def _new_pool(device: str = "auto") -> ModelPool:
    from review.translate.pool import ModelPool  # noqa: PLC0415

    return ModelPool(device=device)


def cached_english(document: Document, options: FlagOptions, pool: ModelPool) -> Callable[[], dict[str, str]]:
    """Segment id -> the cached English of its machine French, looked up when called (no model is loaded)."""

    def lookup() -> dict[str, str]:
        found = pool.renderer(options.model, options.engine).cached([segment.text for segment in document.segments])
        return {segment.id: found[segment.text] for segment in document.segments if segment.text in found}

    return lookup


@dataclass
class Workbench:
    """The session of one article, with its models and detectors.

    session: the document, its log and the review state.
    options: the model, engine, source and detector options chosen.
    detectors: the detector names; None for the offline set plus each model detector whose model is here,
    a :class:`DetectorEdit` for that set changed; an empty tuple turns flagging off.
    pool: the models; pass one in to share it between articles (batch runs); a new one runs them on
    ``options.device``.
    """

    session: Session
    options: FlagOptions = field(default_factory=FlagOptions)
    detectors: DetectorChoice = None
    pool: ModelPool = field(default_factory=_new_pool)
    flagger: Flagger | None = field(init=False)
    _export_flagger: Flagger | None = field(init=False, default=None)
    _renderer: Renderer | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        empty = not isinstance(self.detectors, DetectorEdit | None) and not tuple(self.detectors)
        self.flagger = None if empty else Flagger(self.detectors, self.options, self.pool)

    @classmethod
    def open(cls, article: Path, *, options: FlagOptions | None = None,
             detectors: DetectorChoice = None,
             log: Path | None = None, read_only: bool = True, lock: bool = False, source_lang: str | None = None,
             pool: ModelPool | None = None) -> Workbench:
        """Read the article and replay its log.

        lock: take the session lock first (a review session that saves; release it with
        ``workbench.session.log.release()``), so no other session writes between the replay and our edits.
        """
        document = load_document(article, source_lang=source_lang)
        review_log = ReviewLog(log or default_log_path(article), read_only=read_only)
        if lock:
            review_log.acquire()
        try:
            return cls.of(document, review_log, options=options, detectors=detectors, pool=pool)
        except BaseException:
            review_log.release()
            raise

    @classmethod
    def of(cls, document: Document, log: ReviewLog, *, options: FlagOptions | None = None,
           detectors: DetectorChoice = None, pool: ModelPool | None = None) -> Workbench:
        """A workbench on a document already read; ``--source`` is read here and aligned with it.

        A segment-list source without usable ids is matched by its French side, else by its
        English side against the cached renderings (see :func:`review.variants.align_units`).
        """
        options = options or FlagOptions()
        pool = pool or _new_pool(options.device)
        if options.source is not None and options.original is None:
            from review.variants import read_original  # noqa: PLC0415 - reads the formats

            original = read_original(options.source, document, renderings=cached_english(document, options, pool))
            options = replace(options, original=original)
        return cls(session=Session.open(document, log), options=options, detectors=detectors, pool=pool)

    # -- what it holds -------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def renderer(self) -> Renderer:
        """The renderer of the chosen model and engine; its model loads on first use.

        The first call resolves the model on disk (a worker's job in the TUI); later ones are free.
        """
        if self._renderer is None:
            self._renderer = self.pool.renderer(self.options.model, self.options.engine)
        return self._renderer

    def texts(self) -> dict[str, str]:
        return self.session.texts()

    # -- rendering ------------------------------------------------------------------

    def cached_renderings(self, texts: Sequence[str] | None = None, *, keep: bool = True) -> dict[str, str]:
        """French -> English already in the cache for ``texts`` (default: current and machine French).

        keep: also keep them in the session (not from a screen's worker: the screen owns its state).
        """
        wanted = texts if texts is not None else self._all_french()
        found = self.renderer.cached(wanted)
        if keep:
            self.session.renderings.update(found)
        return found

    def render(self, texts: Sequence[str] | None = None, *, cancelled: Callable[[], bool] = lambda: False,
               keep: bool = True) -> Iterator[dict[str, str]]:
        """Render ``texts`` (default: every segment's current French): the cache first, then batch by batch.

        keep: also keep each batch in the session, so the detectors see it (the screen
        keeps them itself, on its own thread).
        """
        wanted = list(texts) if texts is not None else list(dict.fromkeys(self.texts().values()))
        for pairs in self.renderer.iter_render(wanted, cancelled=cancelled):
            if keep:
                self.session.renderings.update(pairs)
            yield pairs

    def render_all(self, texts: Sequence[str] | None = None) -> dict[str, str]:
        merged: dict[str, str] = {}
        for pairs in self.render(texts):
            merged.update(pairs)
        return merged

    def current_renderings(self) -> dict[str, str]:
        """English per segment id, of the current French only (what the detectors judge)."""
        return {segment.id: english for segment in self.document.segments
                if (english := self.session.english(segment)) is not None}

    def _all_french(self) -> list[str]:
        current = [self.session.text(segment) for segment in self.document.segments]
        machine = [segment.text for segment in self.document.segments]
        return list(dict.fromkeys([*current, *machine]))

    # -- flags ----------------------------------------------------------------------

    def flag(self, *, status: Status | None = None, only: Sequence[str] | None = None) -> list[Flag]:
        """Ranked flags of the current French, dismissed ones included (spaCy and models load on the first call).

        only: run just these of the chosen detectors.  The session's flags are the
        caller's to set (the screen does it on its own thread).
        """
        if self.flagger is None:
            return []
        return self.flagger.flags(self.document, self.texts(), self.current_renderings(), status=status, only=only)

    def stream_flags(self, *, status: Status | None = None, only: Sequence[str] | None = None,
                     chunks: Iterable[Sequence[Segment]] | None = None,
                     english_read: Callable[[], None] | None = None) -> Iterator[FlagBatch]:
        """:meth:`flag`'s flags batch by batch as they are found (see :meth:`Flagger.stream`).

        The cross-article detectors, which come last, see the English the session holds by then;
        english_read is called just before it is read (a screen notes how much of it had come).
        """
        if self.flagger is None:
            return iter(())

        def english_now() -> dict[str, str]:
            if english_read is not None:
                english_read()
            return self.current_renderings()

        return self.flagger.stream(self.document, self.texts(), self.current_renderings(), status=status, only=only,
                                   chunks=chunks, late_renderings=english_now)

    def set_floor(self, floor: float) -> None:
        """Rank every flag from now on with ``floor`` as the confidence floor: the screen's and the exports'.

        The flaggers keep their flags unranked, so the next run ranks them again without a detector
        running over a segment it has seen.
        """
        self.options = replace(self.options, min_confidence=floor)
        for flagger in (self.flagger, self._export_flagger):
            if flagger is not None:
                flagger.set_floor(floor)

    def open_flags(self, flags: Sequence[Flag]) -> list[Flag]:
        """``flags`` less the dismissed ones, in the order given."""
        return [flag for flag in flags if not self.session.state.is_dismissed(flag)]

    def export_flags(self, *, status: Status | None = None,
                     advance: Callable[[int], object] | None = None) -> list[Flag]:
        """The open flags every export lists: the default offline detectors' on the current French.

        They see the English from the rendering cache, not whatever a screen holds in
        memory, so exports of one review state are identical whichever front end writes them.
        """
        found = self.cached_renderings(keep=False)
        renderings = {segment.id: found[text] for segment in self.document.segments
                      if (text := self.session.text(segment)) in found}
        names = default_detectors()
        flagger = self.flagger
        if flagger is None or not set(names) <= set(flagger.chosen()):
            if self._export_flagger is None:
                self._export_flagger = Flagger(names, self.options, self.pool)
            flagger = self._export_flagger
        return self.open_flags(flagger.flags(self.document, self.texts(), renderings, status=status, only=names,
                                             advance=advance))

    # -- what the reviewer does ------------------------------------------------------

    def correct(self, segment: Segment, text: str, *, category: str | None = None, severity: str | None = None,
                note: str | None = None, flag: Flag | None = None) -> Correction | None:
        return self.session.correct(segment, text, category=category, severity=severity, note=note, flag=flag)

    def apply_suggestion(self, flag: Flag, number: int) -> Correction | None:
        """Put the flag's suggestion ``number`` (from 1) in place of its span."""
        from review.errors import InputError  # noqa: PLC0415

        segment = self.document.segment(flag.segment_id)
        text = self.session.text(segment)
        if not 1 <= number <= len(flag.suggestions):
            msg = f"this flag has {len(flag.suggestions)} suggestions"
            raise InputError(msg)
        if text[flag.start : flag.end] != flag.span_text:
            msg = "the text changed since this flag was made; edit it with e"
            raise InputError(msg)
        new = text[: flag.start] + flag.suggestions[number - 1] + text[flag.end :]
        return self.session.correct(segment, new, flag=flag)

    def undo(self) -> Correction | None:
        return self.session.undo()

    def dismiss(self, flag: Flag) -> None:
        self.session.dismiss(flag)

    def toggle_reviewed(self, segment: Segment) -> bool:
        return self.session.toggle_reviewed(segment)

    # -- export ----------------------------------------------------------------------

    def export(self, fmt: str, *, options: ExportOptions | None = None, render: bool = False, flags: bool = True,
               status: Status | None = None, advance: Callable[[int], object] | None = None) -> bytes:
        """The review in ``fmt`` (see :data:`review.formats.FORMATS`), as bytes (see :meth:`export_chunks`)."""
        return b"".join(self.export_chunks(fmt, options=options, render=render, flags=flags, status=status,
                                           advance=advance))

    def export_chunks(self, fmt: str, *, options: ExportOptions | None = None, render: bool = False,
                      flags: bool = True, status: Status | None = None,
                      advance: Callable[[int], object] | None = None) -> Iterator[bytes]:
        """The review in ``fmt``, in pieces to write one after the other (a long article's is never held whole).

        English renderings come from the cache (``render`` renders the missing
        ones); a corrected segment gets the English of its corrected French when
        there is one, else that of the machine French the reviewer saw.  The
        flagging and every refusal happen here, before the first piece.
        """
        from review.formats import BILINGUAL, ExportOptions, export_chunks  # noqa: PLC0415

        renderings: dict[str, str] = {}
        model_name: str | None = None
        if fmt not in {"txt", "csv"}:
            if render and fmt in BILINGUAL:
                self.render_all()
            found = self.cached_renderings(keep=False)
            for segment in self.document.segments:
                english = found.get(self.session.text(segment), found.get(segment.text))
                if english is not None:
                    renderings[segment.id] = english
            model_name = self.renderer.ref.name
        chosen = self.export_flags(status=status, advance=advance) if flags and fmt != "txt" else []
        return export_chunks(fmt, self.document, self.session.state, renderings=renderings, flags=chosen,
                             model_name=model_name, options=options or ExportOptions())

    def protected_paths(self) -> dict[Path, str]:
        """Files an export must never replace, with what each is called: the article, its log and the lock."""
        from review.export import review_files  # noqa: PLC0415

        return review_files(self.document.path, self.session.log.path, self.session.log.lock_path)
