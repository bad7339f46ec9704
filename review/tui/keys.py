"""The keys of the review screen: one table for the bindings, the footer and the help screen."""

from __future__ import annotations

KEYS: list[tuple[str, str, str, str]] = [
    # (keys, action, footer label, what the help screen says)
    ("down,j", "move(1)", "down", "next segment"),
    ("up,k", "move(-1)", "up", "previous segment"),
    ("pagedown", "page(1)", "page", "a screenful down"),
    ("pageup", "page(-1)", "page", "a screenful up"),
    ("home,g", "jump_to(0)", "first", "first segment"),
    ("end,G", "jump_to(-1)", "last", "last segment"),
    ("n", "next_flag(1)", "next flag", "next flag across the article"),
    ("N", "next_flag(-1)", "prev flag", "previous flag"),
    ("e", "edit", "edit", "edit the segment's French"),
    ("a", "apply(1)", "apply", "apply the flag's first suggestion"),
    ("i", "dismiss_flag", "dismiss", "dismiss the flag as a false alarm"),
    ("space,r", "toggle_reviewed", "checked", "mark the segment checked / unchecked"),
    ("u", "undo", "undo", "undo the last correction"),
    ("t", "triage", "triage", "toggle triage order (riskiest first)"),
    ("x", "export", "export", "export the reviewed article"),
    ("question_mark", "help", "keys", "show all keys"),
    ("q", "quit", "quit", "quit (everything is already saved)"),
    ("s", "scores", "scores", "scores of the review: HTER, MQM, variants, drift"),
    ("v", "take_variant", "variant", "take a variant's text as the correction"),
]
FOOTER_KEYS = {"n", "N", "e", "a", "i", "u", "t", "x", "question_mark", "q"}
