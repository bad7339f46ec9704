"""Paths and small stand-ins the tests share."""

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "iran-pakistan.fr.txt"


class Terminal(io.StringIO):
    """A stream that says it is a terminal: where review draws its progress bars."""

    def isatty(self) -> bool:
        return True
