"""The keys of the review screen: one table for the bindings, the footer and the help screen."""

from __future__ import annotations

KEYS: list[tuple[str, str, str, str]] = [
    # (keys, action, footer label, what the help screen says)
    ("down,j", "move(1)", "down", "next segment"),
    ("up,k", "move(-1)", "up", "previous segment"),
    ("pagedown", "move(10)", "page", "ten segments down"),
    ("pageup", "move(-10)", "page", "ten segments up"),
    ("home,g", "jump_to(0)", "first", "first segment"),
    ("end,G", "jump_to(-1)", "last", "last segment"),
    ("n", "next_flag(1)", "next flag", "next flag in the article's order (the panel's order); wraps, saying so"),
    ("N", "next_flag(-1)", "prev flag", "previous flag in the same order"),
    ("e", "edit", "edit", "edit the segment's French"),
    ("a", "apply(1)", "apply", "apply the flag's first suggestion"),
    ("i", "dismiss_flag", "dismiss", "dismiss the flag as a false alarm"),
    ("space,r", "toggle_reviewed", "checked", "mark the segment checked / unchecked"),
    ("u", "undo", "undo", "undo the last action: correction, dismissal, restore or check mark"),
    ("U", "redo", "redo", "redo what u undid"),
    ("I", "restore", "restore", "list the dismissed flags; choose one to restore it"),
    ("E", "toggle_english", "English", "show or hide the English column"),
    ("right_square_bracket", "scroll_flags(3)", "panel down", "scroll the flag panel down"),
    ("left_square_bracket", "scroll_flags(-3)", "panel up", "scroll the flag panel up"),
    ("t", "triage", "triage", "toggle triage order (riskiest first)"),
    ("x", "export", "export", "export the reviewed article"),
    ("question_mark", "help", "keys", "show all keys"),
    ("q", "quit", "quit", "quit (everything is already saved)"),
    ("s", "scores", "scores", "scores of the review: HTER, MQM, variants, drift"),
    ("v", "take_variant", "variant", "take a variant's text as the correction"),
]
FOOTER_KEYS = {"n", "N", "e", "a", "i", "u", "t", "x", "question_mark", "q"}
NARROW_HIDDEN = {"next_flag(-1)", "triage", "export"}
"""Footer keys (by action) left out below 120 columns, so that ``q quit`` and ``? keys`` always show."""
