"""The export dialog's suggested name is the article's own: two articles of one folder never share it,
so pressing x then Enter never silently replaces another article's export."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from review.document import load_document
from review.flags import FlagOptions
from review.store import ReviewLog, default_log_path
from review.tui.app import make_app
from review.tui.dialogs import EXPORT_OFF
from review.tui.screens.export import ExportScreen
from review.workbench import Workbench


async def _suggested(article: Path, tiny_marian: Path) -> str:
    with ReviewLog(default_log_path(article)) as log:
        bench = Workbench.of(load_document(article), log, options=FlagOptions(model=str(tiny_marian), engine="marian"),
                             detectors=())
        app = make_app(bench)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "export" in {key.action for key in app.query(FooterKey)}  # offered where it works
            await pilot.press("x")
            assert isinstance(app.screen, ExportScreen)
            value: str = app.screen.query_one("#export-path").value  # type: ignore[attr-defined]
            await pilot.press("escape")
    return value


@pytest.mark.parametrize(("names", "wanted"), [
    (("2024.01.05-iran.txt", "2024.01.06-gaza.txt"), ("2024.01.05-iran.reviewed.txt", "2024.01.06-gaza.reviewed.txt")),
    (("story.v1.txt", "story.v2.txt"), ("story.v1.reviewed.txt", "story.v2.reviewed.txt")),
    (("iran-pakistan.fr.txt",), ("iran-pakistan.reviewed.txt",)),  # the language tag goes, as the README shows
])
async def test_articles_of_one_folder_get_export_names_of_their_own(names: tuple[str, ...], wanted: tuple[str, ...],
                                                                   article: Path, tiny_marian: Path) -> None:
    suggested = []
    for name in names:
        copy = article.with_name(name)
        if copy != article:
            shutil.copyfile(article, copy)
        suggested.append(Path(await _suggested(copy, tiny_marian)).name)
    assert tuple(suggested) == wanted


async def test_read_only_server_tab_writes_no_export(article: Path, tiny_marian: Path) -> None:
    # a tab of `review serve --read-only`: anyone reaching the server would otherwise write files anywhere
    with ReviewLog(default_log_path(article), read_only=True) as log:
        bench = Workbench.of(load_document(article), log, options=FlagOptions(model=str(tiny_marian), engine="marian"),
                             detectors=())
        app = make_app(bench, exports=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            # the footer and the palette do not offer what the tab refuses; the key still says why
            assert "export" not in {key.action for key in app.query(FooterKey)}
            assert "quit" in {key.action for key in app.query(FooterKey)}
            assert "Export" not in {command.title for command in app.get_system_commands(app.screen)}
            await pilot.press("x")
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)
            assert any(EXPORT_OFF in str(notice.message) for notice in app._notifications)
            await pilot.press("enter")
    assert sorted(path.name for path in article.parent.iterdir()) == [article.name]
