"""Reference and hypothesis files for the scoring tests, made from the shipped sample article."""

from __future__ import annotations

from pathlib import Path

from review.document import from_text

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iran-pakistan.fr.txt"


def sample_segments() -> list[str]:
    return [segment.text for segment in from_text(SAMPLE.read_text(encoding="utf-8")).segments]


def drop_every(text: str, step: int) -> str:
    """The sentence with every ``step``-th word left out."""
    return " ".join(word for index, word in enumerate(text.split(), start=1) if index % step)


def swap_pairs(text: str) -> str:
    """The sentence with its first two words swapped and the last one upper-cased."""
    words = text.split()
    if len(words) > 2:
        words[0], words[1] = words[1], words[0]
        words[-1] = words[-1].upper()
    return " ".join(words)


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def systems(tmp: Path) -> tuple[Path, list[Path]]:
    """A reference file and three hypothesis files, one segment a line."""
    reference = sample_segments()
    ref = write_lines(tmp / "ref.txt", reference)
    hyps = [
        write_lines(tmp / "drop4.txt", [drop_every(text, 4) for text in reference]),
        write_lines(tmp / "drop7.txt", [drop_every(text, 7) for text in reference]),
        write_lines(tmp / "swap.txt", [swap_pairs(text) for text in reference]),
    ]
    return ref, hyps
