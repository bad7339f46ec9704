"""The key table drives the bindings, the help screen and the command palette together."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from tui_helpers import wait_until

from review.tui import app as app_module
from review.tui.app import ReviewApp
from review.tui.keys import EDITOR_ACTIONS, REVIEW_ACTIONS, Action, key_bindings
from review.tui.screens.help import HelpScreen
from review.tui.screens.scores import ScoresScreen
from review.tui.widgets.editor import SegmentEditor

SIZE = (150, 45)
GREETING = Action("ctrl+y", "greet('bonjour')", "greet", "say hello to the reviewer", "the review", footer=True,
                  palette="Greet")


class GreetingApp(ReviewApp):
    """The review app with one more row in its key table, and the action that row names."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # Textual resolves it beside the subclass
    ACTIONS: ClassVar[tuple[Action, ...]] = (*REVIEW_ACTIONS, GREETING)
    BINDINGS: ClassVar[Any] = key_bindings(ACTIONS)

    greeted: list[str]

    def action_greet(self, word: str) -> None:
        self.greeted = [*getattr(self, "greeted", []), word]


def _bound(app: ReviewApp, key: str) -> set[str]:
    return {binding.action for binding in app._bindings.key_to_bindings.get(key, [])}


def _palette(app: ReviewApp) -> dict[str, Any]:
    return {command.title: command for command in app.get_system_commands(app.screen)}


async def test_every_row_is_bound_helped_and_in_the_palette(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        palette = _palette(app)
        for row in REVIEW_ACTIONS:
            for key in row.key_list:
                assert _bound(app, key) == {row.action.replace("{key}", key)}, key
            shown = {binding.show for key in row.key_list for binding in app._bindings.key_to_bindings[key]}
            assert shown == {row.footer}, row.keys
            if row.palette:
                assert palette[row.palette].help.lower() == row.description.lower()
        assert {row.palette for row in REVIEW_ACTIONS if row.palette} <= set(palette)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows()
        assert [(row.group, row.shown_keys, row.description) for row in REVIEW_ACTIONS] == rows[:len(REVIEW_ACTIONS)]


async def test_the_editor_keys_are_bound_and_in_the_help(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        editor = app.query_one(SegmentEditor)
        for row in EDITOR_ACTIONS:
            assert {binding.action for binding in editor._bindings.key_to_bindings[row.keys]} == {row.action}
        await pilot.press("escape")
        assert not app.editing
        await pilot.press("question_mark")
        assert {(row.group, row.shown_keys, row.description) for row in EDITOR_ACTIONS} <= set(app.screen.rows())
    assert ("editing a segment", "enter, ctrl+s", "save the edited French") in HelpScreen(()).rows()


async def test_a_palette_command_runs_its_action(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SIZE) as pilot:
        command = _palette(app)["Scores"]
        app.call_later(command.callback)
        await wait_until(pilot, lambda: isinstance(app.screen, ScoresScreen))


async def test_a_new_row_is_bound_helped_and_in_the_palette(open_app) -> None:
    app = open_app()
    greeting = GreetingApp(app.bench)
    async with greeting.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+y")
        assert greeting.greeted == ["bonjour"]
        assert "greet" in {binding.description for binding in greeting.active_bindings.values()
                           for binding in [binding.binding] if binding.show}
        command = _palette(greeting)["Greet"]
        assert command.help == "Say hello to the reviewer"
        greeting.call_later(command.callback)
        await wait_until(pilot, lambda: len(greeting.greeted) == 2)
        await pilot.press("question_mark")
        assert ("the review", "ctrl+y", "say hello to the reviewer") in greeting.screen.rows()
    async with open_app().run_test(size=SIZE):
        pass  # the review app itself is untouched by the subclass's table
    assert GREETING not in ReviewApp.ACTIONS
