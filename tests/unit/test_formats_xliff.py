"""XLIFF 2.0 core and 1.2 export: spec checks, states, notes, <cp>, Translate Toolkit reading it back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from formats_support import (
    FIXED,
    NS20,
    reviewed_sample,
    translate_toolkit_units,
    xliff12_problems,
    xliff20_problems,
)
from lxml import etree

from review.errors import ExportError
from review.formats import export_document, read_texts
from review.model import ReviewState

CHECKS = {"2.0": xliff20_problems, "1.2": xliff12_problems}


@pytest.fixture
def review(article: Path):
    return reviewed_sample(article)


def _xliff(review, version: str = "2.0", state: ReviewState | None = None) -> bytes:
    return export_document("xliff", review.document, state or review.state, renderings=review.renderings,
                           flags=review.flags, options=replace(FIXED, xliff_version=version))


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_xliff_follows_the_spec(review, version: str) -> None:
    assert CHECKS[version](_xliff(review, version)) == []


def _q(name: str) -> str:
    return f"{{{NS20}}}{name}"


@pytest.mark.parametrize(("mutation", "needle"), [
    pytest.param(lambda root: root.attrib.pop("srcLang"), "srcLang", id="no-srcLang"),
    pytest.param(lambda root: root.attrib.pop("trgLang"), "trgLang", id="no-trgLang"),
    pytest.param(lambda root: root.find(_q("file")).set("bogus", "1"), "bogus", id="unknown-attribute"),
    pytest.param(lambda root: root.find(f"{_q('file')}/{_q('unit')}").append(
        root.find(f"{_q('file')}/{_q('unit')}/{_q('notes')}")), "order", id="notes-after-segments"),
    pytest.param(lambda root: next(root.iter(_q("segment"))).set("state", "approved"), "state", id="bad-state"),
    pytest.param(lambda root: next(root.iter(_q("segment"))).remove(next(root.iter(_q("target")))),
                 "without a target", id="reviewed-without-target"),
])
def test_the_checks_catch_a_broken_xliff(review, mutation, needle: str) -> None:
    root = etree.fromstring(_xliff(review))
    mutation(root)
    problems = xliff20_problems(etree.tostring(root))
    assert any(needle in problem for problem in problems), problems


def test_one_unit_per_paragraph_one_segment_per_sentence(review) -> None:
    root = etree.fromstring(_xliff(review))
    units = root.findall(f"{_q('file')}/{_q('unit')}")
    assert [[s.get("id") for s in unit.iter(_q("segment"))] for unit in units] == [
        [segment.id for segment in paragraph] for paragraph in review.document.paragraphs()]


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_translate_toolkit_reads_every_segment_back(review, version: str) -> None:
    units = translate_toolkit_units("xliff", _xliff(review, version), xliff_version=version)
    segments = review.document.segments
    assert len(units) == len(segments)
    assert [unit.id.rsplit(":", 1)[-1].rsplit("\x04", 1)[-1] for unit in units] == [s.id for s in segments]
    assert [unit.source for unit in units] == [review.renderings[s.id] for s in segments]
    assert [unit.target for unit in units] == [review.state.text_of(s) for s in segments]


@pytest.mark.parametrize(("index", "state_20", "state_12", "fuzzy"), [
    pytest.param(0, "reviewed", "signed-off", False, id="corrected"),
    pytest.param(1, "initial", "needs-review-translation", True, id="flagged-not-reviewed"),
    pytest.param(2, "initial", "needs-review-translation", True, id="flagged-again"),
    pytest.param(3, "reviewed", "signed-off", False, id="only-flag-dismissed"),
    pytest.param(6, "translated", "translated", True, id="untouched"),  # not approved: nobody reviewed it
])
def test_state_follows_the_review(review, index: int, state_20: str, state_12: str, fuzzy: bool) -> None:
    segments_20 = list(etree.fromstring(_xliff(review)).iter(_q("segment")))
    assert segments_20[index].get("state") == state_20
    root_12 = etree.fromstring(_xliff(review, "1.2"))
    targets = list(root_12.iter("{urn:oasis:names:tc:xliff:document:1.2}target"))
    assert targets[index].get("state") == state_12
    units = translate_toolkit_units("xliff", _xliff(review, "1.2"), xliff_version="1.2")
    assert units[index].fuzzy is fuzzy


@pytest.mark.parametrize(("index", "category", "contains"), [
    pytest.param(0, "machine-translation", "accusent de renforcer", id="machine-french-of-a-correction"),
    pytest.param(0, "correction", "accuser", id="correction-note"),
    pytest.param(1, "fluency/punctuation", "dash after a dateline", id="open-flag"),
])
def test_notes(review, index: int, category: str, contains: str) -> None:
    segment = review.document.segments[index]
    root = etree.fromstring(_xliff(review))
    notes = [note for note in root.iter(_q("note")) if note.text.startswith(f"{segment.id}: ")]
    assert any(note.get("category") == category and contains in note.text for note in notes), \
        [(note.get("category"), note.text) for note in notes]


def test_dismissed_flags_are_not_notes(review) -> None:
    root = etree.fromstring(_xliff(review))
    assert not any("dismissed one" in note.text for note in root.iter(_q("note")))


def test_characters_xml_cannot_carry_become_cp_in_20(review, tmp_path: Path) -> None:
    segment = review.document.segments[2]
    text = "a\x01b\x1f\ufffe c"
    state = ReviewState(texts={segment.id: text})
    data = _xliff(review, state=state)
    assert xliff20_problems(data) == []
    cps = [cp.get("hex") for cp in etree.fromstring(data).iter(_q("cp"))]
    assert cps == ["0001", "001F", "FFFE"]
    path = tmp_path / "out.xlf"
    path.write_bytes(data)
    assert read_texts(path, "fr")[2] == text


def test_12_reports_characters_xml_cannot_carry(review) -> None:
    segment = review.document.segments[2]
    with pytest.raises(ExportError, match=rf"U\+0001.*{segment.id}"):
        _xliff(review, "1.2", state=ReviewState(texts={segment.id: "a\x01b"}))


def test_unknown_version_is_refused(review) -> None:
    with pytest.raises(ExportError, match=r"1\.2"):
        _xliff(review, "2.1")


@pytest.mark.parametrize("version", ["2.0", "1.2"])
@pytest.mark.parametrize(("lang", "side"), [
    pytest.param("en", "english", id="en-is-the-source"),
    pytest.param("fr", "french", id="fr-is-the-target"),
])
def test_read_texts_picks_the_language_side(review, tmp_path: Path, version: str, lang: str, side: str) -> None:
    path = tmp_path / "review.xlf"
    path.write_bytes(_xliff(review, version))
    expected = ([review.renderings[s.id] for s in review.document.segments] if side == "english"
                else [review.state.text_of(s) for s in review.document.segments])
    assert read_texts(path, lang) == expected


def test_a_segmented_xliff_gives_each_marked_segment(tmp_path: Path) -> None:
    from review.formats import read_units  # noqa: PLC0415

    path = tmp_path / "segmented.sdlxliff.xlf"  # as SDL Trados and Okapi segment a paragraph
    path.write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="a"><body>'
        '<trans-unit id="7"><source>They agree. They talk.</source><seg-source><mrk mtype="seg" mid="1">They agree.'
        '</mrk> <mrk mtype="seg" mid="2">They talk.</mrk></seg-source><target><mrk mtype="seg" mid="1">Ils '
        'conviennent.</mrk> <mrk mtype="seg" mid="2">Ils parlent.</mrk></target></trans-unit>'
        '<trans-unit id="8"><source>Tomorrow.</source><target>Demain.</target></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    assert read_units(path, "fr") == [("7:1", "Ils conviennent."), ("7:2", "Ils parlent."), ("8", "Demain.")]
    assert [text for _, text in read_units(path, "en")] == ["They agree.", "They talk.", "Tomorrow."]


def test_targets_name_their_language_when_the_file_does_not(tmp_path: Path) -> None:
    path = tmp_path / "no-target-language.xlf"  # target-language is optional in XLIFF 1.2
    path.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    '<file source-language="en" datatype="plaintext" original="a"><body><trans-unit id="1">'
                    '<source>They agree.</source><target xml:lang="fr-FR">Ils conviennent.</target></trans-unit>'
                    "</body></file></xliff>", encoding="utf-8")
    assert read_texts(path, "fr") == ["Ils conviennent."]
