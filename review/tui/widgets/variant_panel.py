"""The current segment in each variant: its French, its English, its scores against the reviewer's text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from review.scoring import SentenceScore


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

    def show(self, segment_id: str, lines: list[VariantLine], *, note: str = "") -> None:
        text = Text()
        text.append(f"variants of {segment_id}", style="bold")
        text.append("  scores against your current text (sentence chrF2++, BLEU, TER) · v takes one\n", style="dim")
        for number, line in enumerate(lines, start=1):
            text.append(f"{number} {line.name}: ", style="bold")
            text.append(line.text)
            if line.same:
                text.append("  (same as your text)", style="dim")
            text.append("\n")
            text.append("    → ", style="dim")
            text.append(line.english if line.english is not None else note or "English: waiting for the model…",
                        style="italic" if line.english is not None else "dim")
            if line.scores is not None:
                score = line.scores
                text.append(f"   chrF2++ {score.chrf:.1f} · BLEU {score.bleu:.1f} · TER {score.ter:.1f}", style="cyan")
            else:
                text.append("   scores…", style="dim")
            text.append("\n")
        self.update(text)
