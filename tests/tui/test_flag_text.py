"""Cutting long quotes and spans in the flag panel (pure helpers of the widget)."""

from __future__ import annotations

import pytest

from review.tui.widgets.flag_panel import elide, elide_quotes


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("court", 10, "court"),
    ("abcdefghijklmnopqrstuvwxyz", 10, "abcdef…xyz"),
], ids=["short", "long"])
def test_elide(text: str, limit: int, expected: str) -> None:
    assert elide(text, limit) == expected
    assert len(elide(text, limit)) <= limit


@pytest.mark.parametrize("quoted", ["“{}”", "« {} »", '"{}"'], ids=["english", "french", "straight"])
def test_long_quotes_lose_their_middle_and_keep_their_marks(quoted: str) -> None:
    long = "Iran and Pakistan accuse of strengthening their security cooperation after missile attacks"
    message = "the model doubts " + quoted.format(long) + " here"
    shortened = elide_quotes(message, 40)
    assert shortened.startswith("the model doubts ")
    assert shortened.endswith(" here")
    assert "…" in shortened
    assert len(shortened) < len(message) - 30
    assert elide_quotes("a “short” one", 40) == "a “short” one"
