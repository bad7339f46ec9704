"""The screens of a ``review serve`` tab, driven with Pilot: the article list and the read-only offer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import SAMPLE
from textual.messages import ExitApp
from textual.widgets import DataTable
from tui_helpers import wait_until

from review.articles import record_open_flags, summarize
from review.commands.open import remember_open_flags, remember_position
from review.document import load_document
from review.errors import InputError, LogLocked
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path
from review.tui.screens.articles import NOT_FLAGGED, ArticlesScreen
from review.tui.screens.locked import NoticeScreen
from review.tui.served import ServedApp, notice_for

SIZE = (120, 30)


class Recording(ServedApp):
    """The served app with the browser left out: addresses it would open are kept."""

    def __init__(self, screen: ArticlesScreen | NoticeScreen) -> None:
        super().__init__(screen)
        self.opened: list[str] = []

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        assert not new_tab
        self.opened.append(url)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "autre.txt")
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    log = ReviewLog(default_log_path(folder / SAMPLE.name))
    with log:
        session = Session.open(load_document(folder / SAMPLE.name), log)
        session.correct(session.segments[0], "L'Iran et le Pakistan conviennent de renforcer leur coopération")
        record_open_flags(log, 5)
    return folder


def rows(app: ServedApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_list_counts_and_opens_by_address(folder: Path) -> None:
    app = Recording(ArticlesScreen([folder]))
    async with app.run_test(size=SIZE) as pilot:
        assert rows(app) == [["autre.txt", "16", "0", "0", NOT_FLAGGED],
                             [SAMPLE.name, "16", "1", "1", "5"]]
        await pilot.press("j", "enter")
        assert app.opened == [f"/open/{SAMPLE.name}"]
        await pilot.press("k", "enter")
        assert app.opened[-1] == "/open/autre.txt"


async def test_list_reads_the_folder_again(folder: Path) -> None:
    app = Recording(ArticlesScreen([folder]))
    async with app.run_test(size=SIZE) as pilot:
        shutil.copyfile(SAMPLE, folder / "nouveau.txt")
        await pilot.press("R")
        assert [row[0] for row in rows(app)] == ["autre.txt", SAMPLE.name, "nouveau.txt"]


async def test_locked_article_offers_read_only() -> None:
    screen = notice_for(LogLocked("a.txt.review.jsonl is open in another review session (pid 1); close it first"),
                        "a b.txt")
    app = Recording(screen)
    async with app.run_test(size=SIZE) as pilot:
        assert "open in another review session (pid 1)." in str(screen.query_one("#notice-message").render())
        await pilot.press("r")
        assert app.opened == ["/read-only/a%20b.txt"]
        await pilot.press("q")
    assert not app.is_running


async def test_other_errors_only_close(tmp_path: Path) -> None:
    screen = notice_for(InputError(f"{tmp_path}/a.txt is empty: there is nothing to review"), "a.txt")
    app = Recording(screen)
    async with app.run_test(size=SIZE) as pilot:
        assert not screen.query("#read-only")
        await pilot.press("r")
        assert app.opened == []
        await pilot.click("#close")
    assert not app.is_running


async def test_review_open_remembers_the_open_flags(open_app, article: Path) -> None:
    # detectors that load no model, on an article they have something to say about
    article.write_text("Le gouvernement a annoncé une hausse de 3.5 pour cent du budget, soit 1,200,000 euros.\n\n"
                       "Le ministre a dit: « nous verrons »!\n", encoding="utf-8")
    app = open_app(detectors=("typography", "numbers"))
    async with app.run_test(size=SIZE) as pilot:
        # the English complete, then the flag run it starts (the number checks read the English) finished
        await wait_until(pilot, lambda: "✓" in app.progress_text, timeout=120)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: app.flag_note == "" and app.session.flags, timeout=120)
        await pilot.press("n", "i")  # dismissed: no longer open
        await pilot.pause()
        still_open = len(app.session.open_flags())
        assert still_open == len(app.session.flags) - 1
    remember_open_flags(app)
    assert summarize(article.name, article).open_flags == still_open


async def test_session_without_flagging_remembers_nothing(open_app, article: Path) -> None:
    app = open_app()  # flagging off
    async with app.run_test(size=SIZE):
        pass
    remember_open_flags(app)
    assert summarize(article.name, article).open_flags is None


async def test_closed_tab_remembers_where_the_reviewer_was(open_app, article: Path) -> None:
    # a browser tab closed (or the server stopped) ends the screen as textual-serve does, without q
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j")
        await pilot.pause()
        where = app.segment.id
        app.post_message(ExitApp())
        await pilot.pause()
    remember_position(app)
    state = replay(default_log_path(article), load_document(article))
    assert state.position == where != app.session.segments[0].id
