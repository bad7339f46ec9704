from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.model import Severity


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("Le pays compte 10,000 soldats à la frontière.", ["10,000"], "10\u202f000"),
        ("Le budget atteint 1,234,567 dollars.", ["1,234,567"], "1\u202f234\u202f567"),
        ("La production a atteint 3.5 millions de tonnes.", ["3.5"], "3,5"),
        ("Le taux est passé à 2.75 %.", ["2.75"], "2,75"),
    ],
    ids=["thousands", "millions-grouped", "decimal-before-magnitude", "decimal-before-percent"],
)
def test_english_number_forms_are_flagged(text: str, flagged: list[str], suggestion: str) -> None:
    flags = detect("numbers", text)
    assert spans(flags) == flagged
    assert flags[0].suggestions == (suggestion,)


@pytest.mark.parametrize(
    "text",
    [
        "Le pays compte 10 000 soldats et 3,14 % de réserves.",
        "La réunion aura lieu à 10.30 le 30.01.2024.",
        "La version 3.11 de Python est sortie.",
        "Il a cité les articles 12, 345 et 678 du code.",
        "Tuyauterie de PVC de 1,625 pouce avec un support central.",
        "La valeur par défaut du rapport est 0,000 pour un bloc carré.",
    ],
    ids=["french-forms", "times-and-dates", "version", "list-of-numbers", "three-decimals",
         "zero-with-three-decimals"],
)
def test_french_forms_and_look_alikes_are_not_flagged(text: str) -> None:
    assert detect("numbers", text) == []


def test_thousands_change_the_meaning_so_they_are_major() -> None:
    [flag] = detect("numbers", "Il y avait 25,000 manifestants.")
    assert flag.severity == Severity.MAJOR
    assert flag.category == "locale"


def test_the_readme_walks_through_this_very_detector() -> None:
    """The README's "Writing a detector" quotes numbers.py; a change to one must reach the other."""
    from support import ROOT  # noqa: PLC0415

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    module = (ROOT / "review" / "flags" / "numbers.py").read_text(encoding="utf-8")
    section = readme[readme.index("### Writing a detector"):readme.index("## Scores")]
    blocks = section.split("```python\n")[1:]
    assert len(blocks) == 3
    for block in blocks:
        assert block.split("```")[0] in module
