"""TMX 1.4b export: structure from the spec, props, and Translate Toolkit reading it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FIXED, XML_LANG, reviewed_sample, tmx_problems, translate_toolkit_units
from lxml import etree

from review.errors import ExportError
from review.formats import export_document, read_texts
from review.model import ReviewState


@pytest.fixture
def review(article: Path):
    return reviewed_sample(article)


def _tmx(review, **kwargs) -> bytes:
    return export_document("tmx", review.document, review.state, renderings=review.renderings, flags=review.flags,
                           model_name="Helsinki-NLP/opus-mt-fr-en", options=FIXED, **kwargs)


def test_tmx_follows_the_spec(review) -> None:
    assert tmx_problems(_tmx(review)) == []


@pytest.mark.parametrize(("attribute", "expected"), [
    pytest.param("creationtool", "review", id="creationtool"),
    pytest.param("segtype", "sentence", id="segtype"),
    pytest.param("o-tmf", "review-jsonl", id="o-tmf"),
    pytest.param("adminlang", "en", id="adminlang"),
    pytest.param("srclang", "en", id="srclang-is-the-english-side"),
    pytest.param("datatype", "plaintext", id="datatype"),
    pytest.param("creationdate", "20260130T090000Z", id="creationdate"),
])
def test_header_attributes(review, attribute: str, expected: str) -> None:
    header = etree.fromstring(_tmx(review)).find("header")
    assert header.get(attribute) == expected


@pytest.mark.parametrize(("mutation", "needle"), [
    pytest.param(lambda root: root.find("header").attrib.pop("srclang"), "srclang", id="no-srclang"),
    pytest.param(lambda root: root.find("header").set("segtype", "word"), "segtype", id="bad-segtype"),
    pytest.param(lambda root: root.find("body/tu").append(etree.Element("prop", type="x")), "tu", id="prop-after-tuv"),
    pytest.param(lambda root: root.find("body/tu").set("changedate", "2026-01-30"), "changedate", id="bad-date"),
    pytest.param(lambda root: root.find("body/tu/tuv").set(XML_LANG, "de"), "srclang", id="no-source-tuv"),
])
def test_the_checks_catch_a_broken_tmx(review, mutation, needle: str) -> None:
    root = etree.fromstring(_tmx(review))
    mutation(root)
    problems = tmx_problems(etree.tostring(root))
    assert any(needle in problem for problem in problems), problems


def test_translate_toolkit_reads_every_segment_back(review) -> None:
    units = translate_toolkit_units("tmx", _tmx(review))
    assert [unit.id for unit in units] == [segment.id for segment in review.document.segments]
    assert [unit.source for unit in units] == [review.renderings[s.id] for s in review.document.segments]
    assert [unit.target for unit in units] == [review.state.text_of(s) for s in review.document.segments]


def _props(review, segment_index: int, lang: str | None = None) -> list[tuple[str, str]]:
    root = etree.fromstring(_tmx(review))
    unit = root.findall("body/tu")[segment_index]
    holder = unit if lang is None else next(v for v in unit.iter("tuv") if v.get(XML_LANG) == lang)
    return [(prop.get("type"), prop.text) for prop in holder.findall("prop")]


@pytest.mark.parametrize(("index", "lang", "expected"), [
    pytest.param(0, "en", ("x-origin", "machine back-translation"), id="english-is-a-back-translation"),
    pytest.param(0, "en", ("x-model", "Helsinki-NLP/opus-mt-fr-en"), id="model-id"),
    pytest.param(0, "fr", ("x-origin", "machine translation, post-edited"), id="corrected-french"),
    pytest.param(2, "fr", ("x-origin", "machine translation"), id="untouched-french"),
    pytest.param(0, None, ("x-category", "accuracy/mistranslation"), id="category"),
    pytest.param(0, None, ("x-severity", "critical"), id="severity"),
    pytest.param(4, None, ("x-severity", "minor"), id="severity-second-correction"),
    pytest.param(0, None, ("x-review-status", "reviewed"), id="status-corrected"),
    pytest.param(1, None, ("x-review-status", "initial"), id="status-flagged"),
    pytest.param(3, None, ("x-review-status", "reviewed"), id="status-dismissed"),
])
def test_props(review, index: int, lang: str | None, expected: tuple[str, str]) -> None:
    assert expected in _props(review, index, lang)


def test_corrected_unit_keeps_the_machine_french(review) -> None:
    machine = review.document.segments[0].text
    assert ("x-machine-translation", machine) in _props(review, 0, "fr")


def test_without_renderings_it_says_how_to_get_them(review) -> None:
    with pytest.raises(ExportError, match="review translate"):
        export_document("tmx", review.document, review.state, renderings={})


def test_a_character_xml_cannot_carry_is_reported_with_its_segment(review) -> None:
    segment = review.document.segments[2]
    state = ReviewState(texts={segment.id: "bell \x07 here"})
    with pytest.raises(ExportError, match=rf"U\+0007.*{segment.id}"):
        export_document("tmx", review.document, state, renderings=review.renderings)


@pytest.mark.parametrize(("lang", "side"), [
    pytest.param("en", "english", id="en-gives-the-renderings"),
    pytest.param("fr", "french", id="fr-gives-the-reviewed-french"),
    pytest.param("fr-FR", "french", id="region-ignored"),
])
def test_read_texts_picks_the_language_side(review, tmp_path: Path, lang: str, side: str) -> None:
    path = tmp_path / "memory.tmx"
    path.write_bytes(_tmx(review))
    expected = ([review.renderings[s.id] for s in review.document.segments] if side == "english"
                else [review.state.text_of(s) for s in review.document.segments])
    assert read_texts(path, lang) == expected
