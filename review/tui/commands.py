"""Palette entries for the dismissed flags (and those on kept words): listed with their segment and span, a choice
restores one."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from review.model import Flag

if TYPE_CHECKING:
    from review.tui.app import ReviewApp


def _title(flag: Flag) -> str:
    return f"Restore flag {flag.segment_id} «{flag.span_text}» ({flag.detector})"


def _help(app: ReviewApp, flag: Flag) -> str:
    """The flag's message; for a flag hidden by a kept word, what restoring it does."""
    if app.session.state.hidden_by_kept_word(flag):
        return f"{flag.message} · its word is kept as written: restoring it brings back every flag on the word"
    return flag.message


class DismissedFlags(Provider):
    """One entry per dismissed flag the detectors still raise; choosing it restores the flag."""

    def _dismissed(self) -> list[Flag]:
        app: ReviewApp = self.app  # type: ignore[assignment]
        return app.dismissed_flags()

    async def discover(self) -> Hits:
        app: ReviewApp = self.app  # type: ignore[assignment]
        for flag in self._dismissed():
            yield DiscoveryHit(_title(flag), partial(app.restore_flag, flag), help=_help(app, flag))

    async def search(self, query: str) -> Hits:
        app: ReviewApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for flag in self._dismissed():
            title = _title(flag)
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(app.restore_flag, flag), help=_help(app, flag))
