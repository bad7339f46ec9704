"""The screens opened over the review screen: export, scores and help."""

from __future__ import annotations

import re
from pathlib import Path

from textual import work

from review.articles import EXPORT_SUFFIX
from review.errors import ReviewError
from review.tui.panels import Panels
from review.tui.screens.export import ExportScreen
from review.tui.screens.help import HelpScreen
from review.tui.screens.scores import ScoreInputs, ScoresScreen

EXPORT_OFF = "export is off: this server is read-only (review serve --read-only writes no file)"
_LANGUAGE_TAG = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2})?")


def suggested_export(article: Path) -> Path:
    """``story.fr.txt`` -> ``story.reviewed.txt``: the name less its extension and language tag, never less.

    Cutting at the first dot gave ``2024.01.05-iran.txt`` and ``2024.01.06-gaza.txt`` one name,
    ``2024.reviewed.txt``, so exporting the second silently replaced the first one's export.
    """
    stem = article.name.removesuffix(article.suffix) if article.suffix else article.name
    suffix = Path(stem).suffix
    if suffix and _LANGUAGE_TAG.fullmatch(suffix) and stem != suffix:
        stem = stem.removesuffix(suffix)
    return article.with_name(f"{stem}{EXPORT_SUFFIX}")


class Dialogs(Panels):
    """Opens the dialogs and does what they return (writing an export in a worker)."""

    _exported: frozenset[Path] = frozenset()  # the files this session wrote: exported again without asking

    def action_export(self) -> None:
        if not self.exports:
            self.notify(EXPORT_OFF, severity="warning")
            return
        path = self.session.document.path or Path("article.txt")
        self.push_screen(ExportScreen(suggested_export(path), self._exported, self.bench.protected_paths()),
                         self._export_to)

    def _export_to(self, choice: tuple[Path, str] | None) -> None:
        if choice is not None:
            self.export_to(*choice)

    @work(thread=True, group="export", exit_on_error=False)
    def export_to(self, target: Path, fmt: str) -> None:
        """Write the export the way ``review export`` does (same flags, same renderings, same bytes)."""
        from review.export import atomic_write  # noqa: PLC0415

        try:
            data = self.bench.export_chunks(fmt)
            atomic_write(target, data, protect=self.bench.protected_paths())
        except ReviewError as error:
            self.call_from_thread(self.notify, error.message, severity="error", timeout=10)
            return
        self.call_from_thread(self._wrote, target, fmt)

    def _wrote(self, target: Path, fmt: str) -> None:
        self._exported = self._exported | {target.resolve()}
        self.notify(f"wrote {target} ({fmt})", title="export")

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
