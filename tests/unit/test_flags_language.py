from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.model import Category


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le ministre a parlé. The minister said that the talks would continue next week.",
         "The minister said that the talks would continue next week"),
        ("Le ministre a dit que the situation is under control.", "the situation is under control"),
    ],
    ids=["whole-segment", "run-inside-french"],
)
def test_flags_english_left_in(text: str, span: str) -> None:
    flags = detect("language", text)
    assert span in spans(flags)
    assert all(flag.category == Category.UNTRANSLATED for flag in flags)


def test_segment_flag_carries_langdetect_probability() -> None:
    flags = detect("language", "The minister said that the talks would continue next week in Geneva.")
    assert len(flags) == 1
    assert 0.9 <= flags[0].confidence <= 1.0
    assert "p=" in flags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Les deux pays ont convenu de lutter contre le terrorisme dans leurs régions respectives.",
        "Jalil Abbas Jilani, Hossein Amir Abdollahian.",
        "OK.",
        "Le think tank Carnegie Endowment a publié un rapport.",
        "Il a cité le New York Times et le Washington Post.",
        "Tente Sundome Coleman (10 pieds x 10 pieds)",
        "TMobile postpayé motorola razr v3",
    ],
    ids=["french", "names-only", "too-short", "english-name-inside-french", "newspaper-names",
         "short-title-read-as-english", "short-title-read-as-czech"],
)
def test_leaves_french_alone(text: str) -> None:
    assert spans(detect("language", text)) == []
