"""HTER and edit counts of a corrections log, against hand-computed cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from review.document import load_document
from review.model import Correction, Document
from review.replay import replay
from review.scoring import edit_distance, hter_report
from review.store import ReviewLog, default_log_path

FIRST = "p1s1"  # "Iran et le Pakistan accusent de renforcer ... contre des militants": 21 words


def correct(log: ReviewLog, document: Document, segment_id: str, text: str) -> None:
    segment = document.segment(segment_id)
    log.record_correction(Correction(segment_id=segment_id, original=segment.text, text=text, timestamp=""))


def words(document: Document, segment_id: str) -> list[str]:
    return document.segment(segment_id).text.split()


def substitute(document: Document) -> dict[str, str]:
    return {FIRST: document.segment(FIRST).text.replace("accusent", "acceptent")}


def delete_word(document: Document) -> dict[str, str]:
    return {FIRST: document.segment(FIRST).text.replace("Iran et le Pakistan", "Iran et Pakistan")}


def move_first_word(document: Document) -> dict[str, str]:
    first = words(document, FIRST)
    return {FIRST: " ".join([*first[1:], first[0]])}


def lower_case(document: Document) -> dict[str, str]:
    return {FIRST: document.segment(FIRST).text.replace("Iran", "iran", 1)}


def two_segments(document: Document) -> dict[str, str]:
    second = document.segments[1]
    return {**substitute(document), second.id: second.text + " Fin de citation."}


# (name, edits, expected per segment: (edits, post-edit words, words changed, chars changed))
CASES: list[tuple[str, Callable[[Document], dict[str, str]], dict[str, tuple[float, int, int, int]]]] = [
    ("nothing", lambda _: {}, {}),
    # one word replaced: one TER edit; accusent -> acceptent is 3 character edits
    ("substitution", substitute, {FIRST: (1, 21, 1, 3)}),
    # one word deleted: one edit over 20 post-edit words; "le " is 3 characters
    ("deletion", delete_word, {FIRST: (1, 20, 1, 3)}),
    # the first word moved to the end: one TER shift, but a delete and an insert for word edit distance;
    # characters: "Iran " deleted (5) and " Iran" inserted (5)
    ("shift", move_first_word, {FIRST: (1, 21, 2, 10)}),
    # HTER is case-sensitive: a capital fixed is an edit
    ("case", lower_case, {FIRST: (1, 21, 1, 1)}),
    # two segments: three words appended to the second ("Fin de citation.") plus a space in characters
    ("two-segments", two_segments, {FIRST: (1, 21, 1, 3), "p2s1": (3, None, 3, 17)}),  # type: ignore[dict-item]
]


@pytest.mark.parametrize(("make", "expected"), [(case[1], case[2]) for case in CASES],
                         ids=[case[0] for case in CASES])
def test_hter_of_a_log(article: Path, make: Callable[[Document], dict[str, str]],
                       expected: dict[str, tuple[float, int | None, int, int]]) -> None:
    document = load_document(article)
    log_path = default_log_path(article)
    with ReviewLog(log_path) as log:
        for segment_id, text in make(document).items():
            correct(log, document, segment_id, text)
    state = replay(log_path, document)
    report = hter_report(document, state)
    edits_total = 0.0
    words_total = 0.0
    for item in report.segments:
        edits, length, words_changed, chars_changed = expected.get(item.segment_id, (0, None, 0, 0))
        length = length if length is not None else len(item.post_edited.split())
        assert (item.edits, item.post_edit_words, item.words_changed, item.chars_changed) == (
            edits, length, words_changed, chars_changed), item.segment_id
        assert item.hter == pytest.approx(100 * edits / length)
        edits_total += edits
        words_total += length
    assert report.hter == pytest.approx(100 * edits_total / words_total)
    assert report.touched == len(expected)
    assert report.words_changed == sum(case[2] for case in expected.values())
    assert report.chars_changed == sum(case[3] for case in expected.values())
    assert report.words == document.word_count()
    assert "case:mixed" in report.signature
    assert [item.segment_id for item in report.worst_first()] == sorted(
        expected, key=lambda key: -expected[key][0] / (expected[key][1] or len(state.texts[key].split())))


def test_undone_correction_leaves_the_segment_untouched(article: Path) -> None:
    document = load_document(article)
    log_path = default_log_path(article)
    with ReviewLog(log_path) as log:
        correct(log, document, FIRST, substitute(document)[FIRST])
        log.record_undo(FIRST)
    report = hter_report(document, replay(log_path, document))
    assert (report.hter, report.touched, report.chars_changed) == (0.0, 0, 0)


@pytest.mark.parametrize(("left", "right", "distance"), [
    ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("chat", "chats", 1), ("kitten", "sitting", 3),
    ("été", "ete", 2), (["le", "chat"], ["un", "chat", "noir"], 2),
], ids=["empty", "delete-all", "insert-all", "append", "classic", "accents", "words"])
def test_edit_distance(left: str | list[str], right: str | list[str], distance: int) -> None:
    assert edit_distance(left, right) == distance
    assert edit_distance(right, left) == distance


@pytest.mark.parametrize(("left", "right", "distance"), [
    ("abc", "abc", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("aaa", "aa", 1),
    ("abcabc", "abc", 3), ("la maison bleue", "la maison verte", 4), ("xab", "ab", 1), ("aba", "a", 2),
])
def test_edit_distance_with_the_common_ends_left_out(left: str, right: str, distance: int) -> None:
    assert edit_distance(left, right) == edit_distance(right, left) == distance
    assert edit_distance(left.split(), right.split()) == edit_distance(right.split(), left.split())


def test_edit_distance_of_a_long_segment_with_one_word_changed_is_quick() -> None:
    """The HTER of an article computes it for every corrected segment, in characters too.

    The full table took 40 ms of Python for two 250-character sentences: the scores screen and
    ``review score --post-edited`` of a 100,000-segment article with 90,000 corrections ran for an hour.
    """
    import time  # noqa: PLC0415

    text = "Le rapport décrit la situation de la région avec beaucoup de détails. " * 40  # 2,880 characters
    edited = text[:1400] + "XYZ" + text[1403:]
    started = time.perf_counter()
    assert edit_distance(text, edited) == 3
    assert time.perf_counter() - started < 0.5  # 8 million cells took several seconds
