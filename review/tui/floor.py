"""The confidence floor, changed from the command palette while reviewing.

``--min-confidence`` (or ``$REVIEW_MIN_CONFIDENCE``) sets the floor the screen opens with; the
palette (ctrl+p) offers the floors of :data:`FLOORS`, all but the one in force.  Choosing one
ranks the flags again: the flagger keeps them unranked per segment, so no detector runs again
over a segment it has already seen.  Dismissals, the position, corrections and the log are the
session's and do not depend on which flags are shown, so a floor change leaves them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from review.flags.rank import MIN_CONFIDENCE
from review.tui.workers import Workers


@dataclass(frozen=True, slots=True)
class Floor:
    """One palette entry: a floor and what it gives the reviewer.

    value: the confidence floor (a flag's confidence is its kind's precision on annotated MT).
    name: the entry's words, after "Flags:".
    help: the palette's line under it.
    """

    value: float
    name: str
    help: str

    @property
    def title(self) -> str:
        return f"Flags: {self.name} (confidence ≥ {self.value:g})"


FLOORS: tuple[Floor, ...] = (
    Floor(0.25, "show more", "Also the less sure flags (confidence 0.25 to 0.3): more errors found, more false alarms"),
    Floor(MIN_CONFIDENCE, "default", "The floor review opens with, unless --min-confidence or its variable sets one"),
    Floor(0.5, "fewer, surer", "Only the surer flags: fewer false alarms, but some real errors go unflagged"),
)
"""The floors the palette offers, lowest first (the benchmarks measured 0.25 to 0.6: benchmarks/README.md)."""


class Floors(Workers):
    """Palette entries that set the flagger's floor, and the re-flagging that follows."""

    def floor_choices(self) -> list[Floor]:
        """The palette's floors less the one in force; none while flagging is off."""
        if self.flagger is None:
            return []
        return [floor for floor in FLOORS if floor.value != self.flagger.options.min_confidence]

    def set_floor(self, value: float) -> None:
        """Flag with ``value`` as the floor: the flags shown change, nothing the reviewer did does."""
        if self.flagger is None or value == self.flagger.options.min_confidence:
            return
        self.bench.set_floor(value)  # the export's own flagger too, when the screen runs other detectors
        self.flag_all()  # a new run: whatever the earlier one still posts is dropped (flag_run)
        self.refresh_status()  # the floor, and the rules flagging again
        self.notify(f"flags of confidence ≥ {value:g}" + ("" if value == MIN_CONFIDENCE else " · ctrl+p changes it"),
                    timeout=2)
