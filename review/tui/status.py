"""The status line: the article, the English's progress, what is reviewed and the open flags.

The flags' confidence floor shows beside their count ("12 flags ≥0.25") when it is not the default.

It takes the longest of its forms that fits the terminal, so a narrow one still
shows the counts that matter.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from review.flags.rank import MIN_CONFIDENCE
from review.tui.base import ReviewBase
from review.tui.widgets.flag_panel import elide
from review.tui.widgets.footer import NARROW

StatusPart = str | tuple[str, str]


class StatusLine(ReviewBase):
    """The status line's text and its refresh."""

    def floor_note(self) -> str:
        """What follows the word "flags" (" ≥0.25") while the floor is not the default: it changes what they count."""
        if self.flagger is None or self.flagger.options.min_confidence == MIN_CONFIDENCE:
            return ""
        return f" ≥{self.flagger.options.min_confidence:g}"

    def flag_counts(self) -> str:
        """Open flags, and of which kind: "25 flags open (20 rules · 5 model)", with what is still running."""
        state = self.session.state
        by_kind = {kind: sum(not state.is_dismissed(flag) for flag in flags)
                   for kind, flags in self.flags_by_kind.items()}
        parts = [f"{by_kind[kind]} {'rules' if kind == 'offline' else kind}" for kind in ("offline", "model")
                 if kind in by_kind and (by_kind[kind] or kind == "offline")]  # no "0 model" without model detectors
        parts.extend(self._flagging(kind) for kind in ("offline", "model") if kind in self.flagging)
        total = self.session.counts()["flags"]
        return f"{total} flags{self.floor_note()} open" + (f" ({' · '.join(parts)})" if parts else "")

    def _flagging(self, kind: str) -> str:
        """What a running kind of detector has got through: "rules flagging 1,200/3,000" (segments)."""
        name = "rules" if kind == "offline" else "model"
        if kind not in self.flag_progress:
            return f"{name} flagging…"
        done, total = self.flag_progress[kind]
        return f"{name} flagging {done:,}/{total:,}"

    def _flagging_short(self) -> str:
        """The narrowest form of the same: " … 40%" of the rules' segments, or " …" while nothing is counted."""
        if not self.flagging:
            return ""
        if "offline" in self.flagging and "offline" in self.flag_progress:
            done, total = self.flag_progress["offline"]
            return f" … {100 * done // max(1, total)}%"
        return " …"

    def status_text(self, width: int) -> Text:
        """The status line, in the longest of its forms that fits ``width`` columns."""
        counts = self.session.counts()
        document = self.session.document
        flags = self.flag_counts()
        # while the rest of a long article is cut: how far, in place of a count that is still growing
        reading = "" if document.fully_cut else f"reading {100 * document.share_cut:.0f}% · "
        segments = f"{reading}{counts['segments']:,}"  # 22,043 as the English progress writes it
        checked = f"{reading}{counts['reviewed']:,}/{counts['segments']:,}"  # reviewed of the segments (cut so far)
        off = len(self.flag_notes_shown)
        floor = self.floor_note()
        head: list[StatusPart] = [
            (" review ", "bold reverse"), ("read-only " if self.session.log.read_only else "", "bold red"),
        ]
        tail: list[StatusPart] = [(" · triage" if self.triage else "", "bold")]
        forms: list[list[StatusPart]] = [
            [f" {document.name} · {document.language}→en · {self.model_label} · ", (self.progress_text, "italic"),
             f" · {segments} segments · {counts['reviewed']:,} reviewed · {counts['corrected']:,} corrected · ",
             flags, (f" ({off} detector{'s' if off > 1 else ''} off)" if off else "", "dim")],
            [f" {elide(document.name, 24)} · {self.model_label} · ", (self.progress_text, "italic"),
             f" · {checked} reviewed · {counts['corrected']:,} corrected · ", flags,
             (f" ({off} off)" if off else "", "dim")],
            # a wide terminal with a long status (a long render, the rules still running) keeps the rate
            [f" {elide(document.name, 24)} · ", (self.progress_text, "italic"),
             f" · {checked}✓ · {counts['corrected']:,}✎ · {counts['flags']:,} flags{floor}"
             + self._flagging_short()] if width >= NARROW else [],
            [" ", (self.progress_short, "italic"),
             f" · {checked}✓ · {counts['corrected']:,}✎ · {counts['flags']:,} flags{floor}"
             + self._flagging_short()],
        ]
        for form in filter(None, forms):
            text = Text.assemble(*head, *form, *tail)
            if text.cell_len <= width:
                return text
        return text

    def refresh_status(self) -> None:
        self.main.query_one("#status", Static).update(self.status_text(self.size.width))
