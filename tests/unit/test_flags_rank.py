from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from review.document import from_text, load_document
from review.flags import DetectorSpec, DetectorUnavailable, FlagOptions, default_detectors, specs
from review.flags.incremental import Flagger
from review.flags.rank import CAP_STRETCH, MAX_PER_SEGMENT, UNTRANSLATED_CAP, join, rank
from review.model import Category, Document, Flag, Severity
from review.translate.pool import ModelPool

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iran-pakistan.fr.txt"


def run_flags(document: Document, texts: dict[str, str], names: tuple[str, ...], options: FlagOptions,
              status=None) -> list[Flag]:
    return Flagger(names, options, ModelPool()).flags(document, texts, status=status)


def flag(
    start: int, end: int, severity: Severity = Severity.MINOR, confidence: float = 0.5, segment: str = "p1s1",
         suggestions: tuple[str, ...] = ()) -> Flag:
    return Flag(segment_id=segment, start=start, end=end, detector="test", category="other", severity=severity,
                message=f"{start}-{end}", suggestions=suggestions, confidence=confidence)


ORDER = {"p1s1": 0, "p1s2": 1}


@pytest.mark.parametrize(
    ("flags", "kept"),
    [
        ([flag(0, 5), flag(3, 8, Severity.MAJOR)], ["3-8"]),
        ([flag(0, 5, confidence=0.4), flag(0, 5, confidence=0.9)], ["0-5"]),
        ([flag(0, 5), flag(5, 9)], ["0-5", "5-9"]),
        ([flag(0, 5, confidence=0.1)], []),
        ([flag(0, 5, Severity.NEUTRAL)], []),
        ([flag(i * 10, i * 10 + 5, confidence=0.3 + i / 100) for i in range(8)],
         [f"{i * 10}-{i * 10 + 5}" for i in range(8 - MAX_PER_SEGMENT, 8)]),
        ([flag(20, 25, segment="p1s2"), flag(30, 35)], ["30-35", "20-25"]),
    ],
    ids=["overlap-severity-wins", "same-span-confidence-wins", "adjacent-both-kept", "below-floor",
         "neutral", "cap-per-segment", "reading-order"],
)
def test_rank(flags: list[Flag], kept: list[str]) -> None:
    assert [f.message for f in rank(flags, ORDER)] == kept


def test_a_flag_ranks_among_overlapping_ones_by_its_precedence_not_its_confidence() -> None:
    # a rule made more precise says so in its confidence, but keeps the place it was tuned at (Flag.precedence)
    precise = replace(flag(0, 5, confidence=0.8), _precedence=0.45)
    other = flag(3, 8, confidence=0.65)
    assert [f.message for f in rank([precise, other], ORDER)] == ["3-8"]
    assert [f.message for f in rank([replace(precise, _precedence=None), other], ORDER)] == ["0-5"]


def test_a_flag_demoted_after_its_rule_set_its_precedence_ranks_as_demoted() -> None:
    # the vetting lowers a flag's confidence under the floor; with a lowered floor it must not rank at its old place
    demoted = replace(flag(0, 5, confidence=0.9), _precedence=0.5, confidence=0.29)
    assert demoted.precedence == 0.29
    assert [f.message for f in rank([demoted, flag(3, 8, confidence=0.4)], ORDER, min_confidence=0.25)] == ["3-8"]


def test_same_span_merges_suggestions() -> None:
    merged = rank([flag(0, 5, Severity.MAJOR, suggestions=("a",)), flag(0, 5, suggestions=("b", "a"))], ORDER)
    assert merged[0].suggestions == ("a", "b")


def test_every_detector_declares_itself() -> None:
    declared = specs()
    assert set(default_detectors()) <= set(declared)
    assert default_detectors() == ("lexicon", "grammar", "spelling", "typography", "numbers", "language",
                                   "consistency")
    assert all(declared[name].offline for name in default_detectors())
    assert {name for name, spec in declared.items() if not spec.offline} == {
        "confidence", "fluency", "roundtrip", "reference", "source", "dictionary"}
    assert {name for name, spec in declared.items() if not spec.automatic} == set()
    assert not declared["consistency"].per_segment
    assert declared["confidence"].per_segment
    for spec in declared.values():
        assert callable(spec.make)
        assert spec.summary


@pytest.mark.slow
def test_run_flags_on_the_sample() -> None:
    document = load_document(SAMPLE)
    lines: list[str] = []
    flags = run_flags(document, {}, default_detectors(), FlagOptions(), status=lines.append)
    headline = [f for f in flags if f.segment_id == "p1s1"]
    assert any("accusent" in f.span_text and "conviennent de" in f.suggestions for f in headline)
    per_segment: dict[tuple[str, int], int] = {}
    for f in flags:
        stretch = (f.segment_id, f.start // CAP_STRETCH)
        per_segment[stretch] = per_segment.get(stretch, 0) + 1
    assert max(per_segment.values()) <= MAX_PER_SEGMENT
    names = ("Jilani", "Abdollahian", "Raisi", "Islamabad", "Téhéran", "Reuters", "Jaish")
    assert not [f for f in flags if any(name in f.span_text for name in names)]


@pytest.mark.slow
def test_run_flags_reads_current_texts() -> None:
    document = from_text("Iran et le Pakistan accusent de renforcer leur coopération.")
    fixed = {"p1s1": "L'Iran et le Pakistan conviennent de renforcer leur coopération."}
    before = run_flags(document, {}, ("grammar",), FlagOptions())
    after = run_flags(document, fixed, ("grammar",), FlagOptions())
    assert before
    assert after == []


def _unavailable(options: FlagOptions, pool: ModelPool) -> object:  # noqa: ARG001 - a make's signature
    msg = "its package is missing"
    raise DetectorUnavailable(msg)


def test_a_detector_that_cannot_run_is_reported_and_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    from review.flags import make_detectors  # noqa: PLC0415

    extra = DetectorSpec(name="extra", summary="a test detector", make=_unavailable, order=999)  # type: ignore[arg-type]
    monkeypatch.setitem(specs(), "extra", extra)
    lines: list[str] = []
    made = make_detectors(["extra", "typography"], FlagOptions(), ModelPool(), status=lines.append)
    assert lines == ["extra detector off: its package is missing"]
    assert [detector.name for detector in made] == ["typography"]


def test_a_paragraph_long_segment_gets_the_cap_per_stretch() -> None:
    """Eight flags in a sentence's worth of characters keep four; two more a stretch further are kept too."""
    crowded = [flag(i * 10, i * 10 + 5, confidence=0.3 + i / 100) for i in range(8)]
    further = [flag(CAP_STRETCH + i * 10, CAP_STRETCH + i * 10 + 5) for i in range(2)]
    kept = [f.message for f in rank([*crowded, *further], ORDER)]
    assert kept == [f"{i * 10}-{i * 10 + 5}" for i in range(8 - MAX_PER_SEGMENT, 8)] + [f.message for f in further]


def test_join_fills_a_stretch_only_up_to_the_cap() -> None:
    kept = rank([flag(i * 10, i * 10 + 5) for i in range(MAX_PER_SEGMENT)], ORDER)
    later = [flag(100, 105, confidence=0.9), flag(CAP_STRETCH + 5, CAP_STRETCH + 9, confidence=0.9)]
    assert [f.message for f in join(kept, later, ORDER)] == [f"{CAP_STRETCH + 5}-{CAP_STRETCH + 9}"]


def test_english_left_in_the_french_has_a_larger_cap_of_its_own() -> None:
    """A list left in English keeps twice the cap of English flags, beside the other kinds' own cap."""
    english = [replace(flag(i * 10, i * 10 + 5, confidence=0.8), category=str(Category.UNTRANSLATED))
               for i in range(3 * MAX_PER_SEGMENT)]
    grammar = [flag(200 + i, 201 + i) for i in range(2 * MAX_PER_SEGMENT)]
    kept = rank([*english, *grammar], ORDER)
    assert sum(f.category == str(Category.UNTRANSLATED) for f in kept) == UNTRANSLATED_CAP * MAX_PER_SEGMENT
    assert sum(f.category == "other" for f in kept) == MAX_PER_SEGMENT
    later = [replace(flag(240, 245, confidence=0.9), category=str(Category.UNTRANSLATED))]
    assert join(kept, later, ORDER) == []
