"""Counts in the lines review prints: « 1 flag », « 2 flags », never « 1 flags »."""

from __future__ import annotations


def counted(count: float, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural (``noun + "s"`` unless ``plural`` is given) for any count but 1."""
    return f"{count:g} {noun if count == 1 else plural or noun + 's'}"
