"""Numbers range-checked where they enter: command-line options and other typed-in values.

A value out of range is a usage error: argparse prints the message and exits
with 2, before any file is read.  Limits are wide enough for any real use and
narrow enough that a typo cannot make the tool allocate without end.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def int_in(low: int, high: int, *, what: str = "a whole number") -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` inclusive."""

    def parse(text: str) -> int:
        try:
            number = int(text.strip(), 10)
        except ValueError:
            msg = f"{text!r} is not {what}"
            raise argparse.ArgumentTypeError(msg) from None
        if not low <= number <= high:
            msg = f"{number} is out of range: give {what} from {low} to {high}"
            raise argparse.ArgumentTypeError(msg)
        return number

    parse.__name__ = "number"  # argparse names the type in its error: "invalid number value"
    return parse


def plain(number: float) -> str:
    """``number`` as a person writes it: 1000000, not 1e+06; 0.25; no trailing zeros."""
    return repr(number) if number != int(number) else f"{int(number)}"


def finite_number(text: str, *, low: float = 0.0, high: float = 1e9, name: str = "value") -> float:
    """A finite decimal number in ``[low, high]``; nan, inf and words are refused."""
    try:
        number = float(text)
    except ValueError:
        msg = f"{name}: {text.strip()!r} is not a number"
        raise ValueError(msg) from None
    if not math.isfinite(number):
        msg = f"{name}: {text.strip()!r} is not a finite number"
        raise ValueError(msg)
    if not low <= number <= high:
        msg = f"{name}: {plain(number)} is out of range: give a number from {plain(low)} to {plain(high)}"
        raise ValueError(msg)
    return number
