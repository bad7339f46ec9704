"""Every key of the review screen and of the segment editor, as one table of actions.

The app's bindings, the footer, the help screen and the command palette are all
generated from these rows, so adding a key is adding one row (and the
``action_*`` method it names).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.binding import Binding

NUMBERED = "{key}"  # in ``Action.action``: one binding per key, the key passed as the argument


@dataclass(frozen=True, slots=True)
class Action:
    """One row of the key table.

    keys: Textual key names, comma-separated (``"down,j"``); the first is the one the footer shows.
    action: the action string run by the key, with arguments (``"move(1)"``); ``{key}`` in it makes
        one binding per key with the key as the argument (``"apply({key})"`` on ``1`` … ``9``).
    label: the footer's short word.
    description: what the key does, in the help screen, the tooltip and the palette.
    group: the help screen's section.
    footer: shown in the footer.
    palette: the command palette's title; "" keeps the action out of the palette.
    also: keys that do the same without a binding (Enter in the editor's text area), shown in help.
    priority: checked before the focused widget's own keys (the editor's, over the text area).
    """

    keys: str
    action: str
    label: str
    description: str
    group: str
    footer: bool = False
    palette: str = ""
    also: str = ""
    priority: bool = False

    @property
    def key_list(self) -> list[str]:
        return [key.strip() for key in self.keys.split(",")]

    @property
    def shown_keys(self) -> str:
        """The keys as the help screen writes them: ``down,j``, ``1 … 9``, ``?``."""
        keys = self.key_list
        if NUMBERED in self.action:
            return f"{keys[0]} … {keys[-1]}"
        shown = ",".join(keys).replace("question_mark", "?").replace("right_square_bracket", "]").replace(
            "left_square_bracket", "[").replace("colon", ":")
        return f"{self.also}, {shown}" if self.also else shown

    def bindings(self) -> list[Binding]:
        if NUMBERED in self.action:
            return [Binding(key, self.action.replace(NUMBERED, key), f"{self.label} {key}", show=False,
                            tooltip=self.description, priority=self.priority) for key in self.key_list]
        return [Binding(self.keys, self.action, self.label, show=self.footer, tooltip=self.description,
                        priority=self.priority)]


MOVE, CORRECT, VIEW, EDITING = "moving", "correcting", "the review", "editing a segment"

REVIEW_ACTIONS: tuple[Action, ...] = (
    Action("down,j", "move(1)", "down", "next segment", MOVE),
    Action("up,k", "move(-1)", "up", "previous segment", MOVE),
    Action("pagedown", "page(1)", "page", "a screenful down", MOVE),
    Action("pageup", "page(-1)", "page", "a screenful up", MOVE),
    Action("home,g", "jump_to(0)", "first", "first segment", MOVE),
    Action("end,G", "jump_to(-1)", "last", "last segment", MOVE),
    Action("colon", "go_to", "go to", "go to a segment by its number", MOVE, palette="Go to segment"),
    Action("n", "next_flag(1)", "next flag",
           "next flag in the article's order (the flag panel's order); past the last it wraps, saying so", MOVE,
           footer=True, palette="Next flag"),
    Action("N", "next_flag(-1)", "prev flag", "previous flag in the same order", MOVE, footer=True),
    Action("e", "edit", "edit", "edit the segment's French", CORRECT, footer=True, palette="Edit segment"),
    Action("a", "apply(1)", "apply", "apply the flag's first suggestion", CORRECT, footer=True,
           palette="Apply suggestion"),
    Action("1,2,3,4,5,6,7,8,9", f"apply({NUMBERED})", "apply suggestion",
           "apply the flag's suggestion with that number", CORRECT),
    Action("i", "dismiss_flag", "dismiss", "dismiss the flag as a false alarm", CORRECT, footer=True,
           palette="Dismiss flag"),
    Action("w", "keep_word", "keep word",
           "keep the flag's word (or name) as written: its flags in every segment are dismissed", CORRECT,
           palette="Keep word as written"),
    Action("v", "take_variant", "variant", "take a variant's text as the correction", CORRECT,
           palette="Take variant"),
    Action("u", "undo", "undo", "undo the last action: correction, dismissal, kept word, restore or check mark",
           CORRECT, footer=True, palette="Undo"),
    Action("U", "redo", "redo", "redo what u undid", CORRECT, palette="Redo"),
    Action("I", "restore", "restore", "list the dismissed flags; choose one to restore it", CORRECT,
           palette="Dismissed flags"),
    Action("space,r", "toggle_reviewed", "checked", "mark the segment checked / unchecked", VIEW,
           palette="Mark reviewed"),
    Action("E", "toggle_english", "English", "hide or show the English column", VIEW, palette="Toggle English"),
    Action("right_square_bracket", "scroll_flags(3)", "panel down", "scroll the flag panel down", VIEW),
    Action("left_square_bracket", "scroll_flags(-3)", "panel up", "scroll the flag panel up", VIEW),
    Action("t", "triage", "triage", "toggle triage order (riskiest first)", VIEW, footer=True,
           palette="Triage order"),
    Action("s", "scores", "scores", "scores of the review: HTER, MQM, variants, drift", VIEW, palette="Scores"),
    Action("x", "export", "export", "export the reviewed article", VIEW, footer=True, palette="Export"),
    Action("question_mark", "help", "keys", "show all keys", VIEW, footer=True, palette="Keys"),
    Action("q", "quit", "quit", "quit (everything is already saved)", VIEW, footer=True),
)
"""The review screen's keys, in the help screen's order."""

NARROW_HIDDEN = frozenset({"next_flag(-1)", "triage", "export"})
"""Footer keys (by action) left out below 120 columns, so that ``q quit`` and ``? keys`` always show."""

EDITOR_ACTIONS: tuple[Action, ...] = (
    Action("ctrl+s", "save", "save", "save the edited French", EDITING, also="enter", priority=True),
    Action("escape", "cancel", "cancel", "cancel the edit", EDITING, priority=True),
    Action("ctrl+t", "cycle_category", "category", "cycle the correction's MQM category", EDITING, priority=True),
    Action("ctrl+r", "cycle_severity", "severity", "cycle the correction's severity", EDITING, priority=True),
)
"""The segment editor's keys (its text area also saves on Enter)."""


def key_bindings(actions: Iterable[Action]) -> list[Binding]:
    """Textual bindings of the rows, in order."""
    return [binding for action in actions for binding in action.bindings()]


def palette_actions(actions: Iterable[Action]) -> list[Action]:
    """The rows offered in the command palette."""
    return [action for action in actions if action.palette]


def groups(actions: Sequence[Action]) -> dict[str, list[Action]]:
    """Rows by help-screen section, sections and rows in table order."""
    grouped: dict[str, list[Action]] = {}
    for action in actions:
        grouped.setdefault(action.group, []).append(action)
    return grouped


def sentence(text: str) -> str:
    """``edit the segment`` -> ``Edit the segment`` (the palette's help line)."""
    return text[:1].upper() + text[1:]
