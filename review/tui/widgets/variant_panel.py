"""The current segment in each variant: its French, its English, its scores against the reviewer's text.

The panel owns what it shows: the app hands it the segment and the reviewer's
current text, and the panel scores the variants and renders them in English in
its own worker, keeping the results so moving back and forth costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from review.errors import ReviewError
from review.model import Segment
from review.scoring import SentenceScore
from review.terminal import for_screen
from review.translate.render import Renderer


@dataclass(frozen=True, slots=True)
class VariantLine:
    """One variant's version of the current segment.

    english: its rendering by the app's model (None until rendered).
    scores: sentence BLEU (effective order), chrF2++ and TER against the reviewer's current
        text of the segment (None until computed).
    """

    name: str
    text: str
    english: str | None
    scores: SentenceScore | None
    same: bool


class VariantPanel(Static):
    """Shown only when variants were loaded; one block a variant, numbered as ``v`` takes them."""

    @dataclass
    class Details(Message):
        """Sentence scores or English renderings of variant texts (either may be empty)."""

        scores: dict[tuple[str, str], SentenceScore]  # (variant text, reviewer's text) -> scores
        english: dict[str, str]
        note: str = ""

    def __init__(self, variants: Mapping[str, list[str]], renderer: Callable[[], Renderer], *,
                 id: str | None = None, classes: str | None = None) -> None:  # noqa: A002 - textual's name
        super().__init__(id=id, classes=classes)
        self.variants = variants
        self._renderer = renderer
        self.scores: dict[tuple[str, str], SentenceScore] = {}
        self.english: dict[str, str] = {}
        self.note = ""
        self._requested: set[tuple[str, str]] = set()
        self._shown: tuple[Segment, str, Mapping[str, str]] | None = None

    def texts(self, segment: Segment) -> list[tuple[str, str]]:
        """(name, French) of each variant for ``segment``."""
        return [(name, texts[segment.index]) for name, texts in self.variants.items()]

    def show_segment(self, segment: Segment, current: str, renderings: Mapping[str, str]) -> None:
        """Show ``segment``'s variants against ``current``; score and render what is not known yet."""
        self._shown = (segment, current, renderings)
        self._draw()
        missing = [text for _, text in self.texts(segment) if (text, current) not in self._requested]
        if missing:
            self._requested.update((text, current) for text in missing)
            self._details(current, missing, dict(renderings))

    def _draw(self) -> None:
        if self._shown is None:
            return
        segment, current, renderings = self._shown
        lines = [VariantLine(name=name, text=text, english=self.english.get(text, renderings.get(text)),
                             scores=self.scores.get((text, current)), same=text == current)
                 for name, text in self.texts(segment)]
        text = Text()
        text.append(f"variants of {segment.id}", style="bold")
        text.append("  scores against your current text (sentence chrF2++, BLEU, TER) · v takes one\n", style="dim")
        for number, line in enumerate(lines, start=1):
            text.append(f"{number} {line.name}: ", style="bold")
            text.append(for_screen(line.text))
            if line.same:
                text.append("  (same as your text)", style="dim")
            text.append("\n")
            text.append("    → ", style="dim")
            text.append(for_screen(line.english) if line.english is not None
                        else self.note or "English: waiting for the model…",
                        style="italic" if line.english is not None else "dim")
            if line.scores is not None:
                score = line.scores
                text.append(f"   chrF2++ {score.chrf:.1f} · BLEU {score.bleu:.1f} · TER {score.ter:.1f}", style="cyan")
            else:
                text.append("   scores…", style="dim")
            text.append("\n")
        self.update(text)

    @work(thread=True, group="variants", exit_on_error=False)
    def _details(self, current: str, texts: list[str], known: dict[str, str]) -> None:
        """Score variant texts against the reviewer's text, then render them through the app's model."""
        from review.scoring import sentence_scores  # noqa: PLC0415

        worker = get_current_worker()
        scored = sentence_scores(texts, [current] * len(texts))
        self.post_message(self.Details({(item.hypothesis, current): item for item in scored}, {}))
        wanted = [text for text in dict.fromkeys(texts) if text not in known and text not in self.english]
        if not wanted or worker.is_cancelled:
            return
        try:  # the app's own renderer: its model is loaded once, by whichever worker asks first
            for pairs in self._renderer().iter_render(wanted, cancelled=lambda: worker.is_cancelled):
                self.post_message(self.Details({}, pairs))
        except ReviewError as error:
            self.post_message(self.Details({}, {}, note=f"no English: {error.message}"))

    @on(Details)
    def _arrived(self, message: Details) -> None:
        message.stop()
        self.scores.update(message.scores)
        self.english.update(message.english)
        if message.note:
            self.note = message.note
        self._draw()
