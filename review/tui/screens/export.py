"""Ask where to export and in which format; the format follows the file's extension.

The suggested name is there to be finished, not replaced: the cursor starts at
its end.  The format the extension implies shows beside the name as it is
typed; a name whose extension means no format asks which format to write, and
an existing file this session did not write is replaced only on a second enter.
The article, its log and its lock are refused on the dialog itself, where the
name can be changed, rather than offered for replacing and refused once it closed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class ExportScreen(ModalScreen[tuple[Path, str] | None]):
    """Returns (path, format name), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, default: Path, written: frozenset[Path] = frozenset(),
                 protected: Mapping[Path, str] | None = None) -> None:
        """``written``: the files this session exported to, replaced again without asking; ``protected``:
        the review's own files, never written (see :func:`review.export.review_files`)."""
        super().__init__()
        from review.formats import EXTENSIONS, FORMATS  # noqa: PLC0415 - keeps the screen's import light

        self.default = default
        self.written = written
        self.protected = protected or {}
        self._replacing: Path | None = None  # the existing file a second enter replaces
        self.extensions = EXTENSIONS
        self.formats = list(FORMATS)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static("Export the reviewed article to:")
            with Horizontal(id="export-row"):
                yield Input(str(self.default), id="export-path", select_on_focus=False)
                yield Static(id="export-format")
            yield Static(id="export-question")
            yield OptionList(*(Option(name, id=name) for name in self.formats), id="export-formats")
            yield Static(self._hint(), id="export-hint", classes="dim")

    def _hint(self) -> str:
        known = " ".join(sorted(self.extensions))
        return f"the extension picks the format: {known} · enter writes · esc cancels"

    def on_mount(self) -> None:
        field = self.query_one("#export-path", Input)
        field.cursor_position = len(field.value)
        field.focus()
        self.query_one("#export-formats", OptionList).display = False
        self._show_format(field.value)

    def format_of(self, value: str) -> str | None:
        """The format ``value``'s extension implies, or None."""
        return self.extensions.get(Path(value.strip()).suffix.lower())

    def _show_format(self, value: str) -> None:
        fmt = self.format_of(value)
        label = self.query_one("#export-format", Static)
        label.update(f"→ {fmt}" if fmt else "→ format?")
        label.set_class(fmt is None, "unknown")

    @on(Input.Changed, "#export-path")
    def changed(self, event: Input.Changed) -> None:
        self._show_format(event.value)
        self._replacing = None
        self.query_one("#export-question", Static).update("")
        self.query_one("#export-formats", OptionList).display = False

    @on(Input.Submitted, "#export-path")
    def submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        path = self._path(value)
        if path is None:
            return
        if path.is_dir():
            self._say(f"{path} is a folder: add a file name, e.g. {path / 'corrected.txt'}")
            return
        if (refused := self._refusal(path)) is not None:
            self._say(refused)
            return
        if path.is_file() and path.resolve() not in self.written and self._replacing != path:
            # another article's export, or one made in an earlier session: replaced only when asked twice
            self._replacing = path
            self._say(f"{path.name} exists: enter again replaces it, or change the name")
            return
        fmt = self.format_of(value)
        if fmt is not None:
            self.dismiss((path, fmt))
            return
        suffix = Path(value).suffix or "no extension"
        self._say(f"{suffix} is not an extension of a format: which format should {Path(value).name} be written in?")
        choices = self.query_one("#export-formats", OptionList)
        choices.display = True
        choices.highlighted = 0
        choices.focus()

    def _refusal(self, path: Path) -> str | None:
        """Why the export can never go to ``path`` (the article, a log, a lock), or None."""
        from review.errors import ExportError  # noqa: PLC0415
        from review.export import refuse_review_files  # noqa: PLC0415

        try:
            refuse_review_files(path, self.protected)
        except ExportError as error:
            return error.message
        return None

    @on(OptionList.OptionSelected, "#export-formats")
    def format_chosen(self, event: OptionList.OptionSelected) -> None:
        path = self._path(self.query_one("#export-path", Input).value.strip())
        if path is not None:
            self.dismiss((path, str(event.option.id)))

    def _path(self, value: str) -> Path | None:
        """The path typed, ``~`` expanded; None (and why, on the dialog) when it cannot be."""
        try:
            return Path(value).expanduser()
        except RuntimeError:  # ~someone with no such user, or no home directory to expand ~ to
            self._say(f"{value.split('/', 1)[0]} names no home folder here: type the folder in full")
            return None

    def _say(self, line: str) -> None:
        self.query_one("#export-question", Static).update(line)

    def action_cancel(self) -> None:
        self.dismiss(None)
