"""The screens opened over the review screen: export, scores and help."""

from __future__ import annotations

from pathlib import Path

from textual import work

from review.errors import ReviewError
from review.tui.panels import Panels
from review.tui.screens.export import ExportScreen
from review.tui.screens.help import HelpScreen
from review.tui.screens.scores import ScoreInputs, ScoresScreen


class Dialogs(Panels):
    """Opens the dialogs and does what they return (writing an export in a worker)."""

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

    def action_scores(self) -> None:
        if isinstance(self.screen, ScoresScreen):
            return
        session = self.session
        self.push_screen(ScoresScreen(ScoreInputs(
            document=session.document, state=session.state,
            current=tuple(session.text(segment) for segment in session.segments),
            renderings=dict(session.renderings), variants=self.variants, source=self.source,
        )))
