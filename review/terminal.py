"""Text from files made safe for a terminal: control characters shown, never obeyed.

An article, a log or a file name can hold ``ESC ] 0 ; ... BEL`` (set the window
title), colour codes or a carriage return that hides what comes before it.
Every text output and the TUI pass such text through :func:`escape_controls`,
which writes each control character (C0, DEL, C1) as a visible ``\\xNN`` and a
lone surrogate as ``\\udNNN``; JSON output escapes them by itself.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _spelled(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every control character but those in ``keep`` (e.g. ``"\\n\\t"``) spelled out."""
    if keep:
        return _CONTROL.sub(lambda found: found.group() if found.group() in keep else _spelled(found), text)
    return _CONTROL.sub(_spelled, text)


def has_controls(text: str, *, keep: str = "") -> bool:
    return any(found.group() not in keep for found in _CONTROL.finditer(text))


_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}


def _pictured(found: re.Match[str]) -> str:
    return _PICTURES.get(ord(found.group()), "\ufffd")


def for_screen(text: str, *, keep: str = "\n\t") -> str:
    """``text`` for the review screen: each control character as its visible picture (ESC as ␛, BEL as ␇).

    One character for one, so flag offsets into the text still point at the
    same places; C1 controls and lone surrogates become U+FFFD.
    """
    return _CONTROL.sub(lambda found: found.group() if found.group() in keep else _pictured(found), text)
