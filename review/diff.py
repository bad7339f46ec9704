"""Word-level differences between two versions of a segment's French.

The screen marks what a correction changed against the machine French, and
where a variant differs from the reviewer's text.  Words (and runs of
punctuation) are compared, not characters: "accusent" → "conviennent" is one
change, as in Weblate's and MateCat's diff views, not a scatter of letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|[^\w\s]+")


@dataclass(frozen=True, slots=True)
class Change:
    """One difference, placed in the newer text.

    start, end: the new words' span in the newer text (start == end for a pure deletion).
    removed: the older words this change replaced or deleted ("" for a pure insertion).
    """

    start: int
    end: int
    removed: str


def word_changes(old: str, new: str) -> list[Change]:
    """What turned ``old`` into ``new``, word by word, in the order of ``new``."""
    if old == new:
        return []
    old_tokens = list(_TOKEN.finditer(old))
    new_tokens = list(_TOKEN.finditer(new))
    matcher = SequenceMatcher(a=[token.group() for token in old_tokens],
                              b=[token.group() for token in new_tokens], autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed = old[old_tokens[i1].start() : old_tokens[i2 - 1].end()] if i1 < i2 else ""
        if j1 < j2:
            start, end = new_tokens[j1].start(), new_tokens[j2 - 1].end()
        else:
            start = end = new_tokens[j1].start() if j1 < len(new_tokens) else len(new.rstrip())
        changes.append(Change(start=start, end=end, removed=removed))
    if not changes:  # only spacing differs
        changes.append(Change(start=0, end=len(new), removed=""))
    return changes
