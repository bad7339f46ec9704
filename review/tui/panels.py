"""The panels under the list: the current segment's flags (with each suggestion's English) and variants."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.message import Message

from review.model import Flag
from review.tui.reading import Reading
from review.tui.widgets.flag_panel import FlagPanel
from review.tui.widgets.variant_panel import VariantPanel


class Panels(Reading):
    """Keeps the list's highlight, the flag panel and the variant panel on the current segment."""

    @dataclass
    class SuggestionsRendered(Message):
        """English of the segment with each suggestion of one flag applied."""

        flag_id: str
        english: dict[str, str]

    def refresh_all(self) -> None:
        self.segment_list.refresh_rows()
        self.refresh_status()
        self.highlight()

    def on_resize(self) -> None:
        # this handler runs before the App's own, which records the new size: fit to it once that is done
        self.call_later(self._after_resize)

    def _after_resize(self) -> None:
        if self._showing():
            self._fit_panels()
            self.refresh_status()

    def _fit_panels(self) -> None:
        """A third of the terminal for the flag panel at most, so the list keeps its rows (the panel scrolls)."""
        self.main.query_one(FlagPanel).styles.max_height = max(4, min(16, (self.size.height - 3) // 3))
        # the editor's machine French above the text being typed: a long one on a short terminal would push
        # the text area off the screen
        self.main.query_one("#editor-original").styles.max_height = max(1, (self.size.height - 3) // 4)

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

    def refresh_variant_panel(self) -> None:
        if self.variants:
            self.main.query_one(VariantPanel).show_segment(self.segment, self.session.text(self.segment),
                                                           self.session.renderings)

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

    @on(SuggestionsRendered)
    def suggestions_rendered(self, message: SuggestionsRendered) -> None:
        if not self._showing():
            return
        self.suggestion_english[message.flag_id] = message.english
        self.refresh_flag_panel()
