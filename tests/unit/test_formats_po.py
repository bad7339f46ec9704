"""PO export: entries, comments, fuzzy, and Translate Toolkit reading it back; PO import sides."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample, translate_toolkit_units
from support import SAMPLE

from review.errors import InputError
from review.formats import export_document, read_texts
from review.formats.po import entries, quote, unquote


@pytest.fixture
def review(article: Path):
    return reviewed_sample(article)


def _po(review) -> bytes:
    return export_document("po", review.document, review.state, renderings=review.renderings, flags=review.flags,
                           model_name="Helsinki-NLP/opus-mt-fr-en", options=FIXED)


def test_translate_toolkit_reads_every_entry_back(review) -> None:
    units = translate_toolkit_units("po", _po(review))
    segments = review.document.segments
    assert [unit.id.split("\x04", 1)[0] for unit in units] == [s.id for s in segments]
    assert [unit.source for unit in units] == [review.renderings[s.id] for s in segments]
    assert [unit.target for unit in units] == [review.state.text_of(s) for s in segments]


@pytest.mark.parametrize(("index", "fuzzy"), [
    pytest.param(0, False, id="corrected"),
    pytest.param(1, True, id="flagged-not-reviewed"),
    pytest.param(3, False, id="flag-dismissed"),
    pytest.param(6, False, id="untouched"),
])
def test_fuzzy_marks_flagged_segments_not_yet_reviewed(review, index: int, fuzzy: bool) -> None:
    assert translate_toolkit_units("po", _po(review))[index].fuzzy is fuzzy


@pytest.mark.parametrize(("index", "contains"), [
    pytest.param(1, "flag: minor fluency/punctuation [0:7]", id="flag-as-translator-comment"),
    pytest.param(0, "machine translation: Iran et le Pakistan accusent", id="machine-french"),
    pytest.param(0, "correction: critical accuracy/mistranslation", id="correction"),
])
def test_comments(review, index: int, contains: str) -> None:
    assert contains in translate_toolkit_units("po", _po(review))[index].notes


def test_header_names_the_language_and_charset(review) -> None:
    header = entries(_po(review).decode(), source="x")[0]
    assert header["msgid"] == ""
    assert "Language: fr\n" in header["msgstr"]
    assert "charset=UTF-8" in header["msgstr"]


@pytest.mark.parametrize("text", [
    pytest.param('quote " and \\ backslash', id="quote-backslash"),
    pytest.param("line\nbreak\r\nand\ttab", id="line-ends"),
    pytest.param("bell\x07 vt\x0b nul\x00", id="controls-raw"),
    pytest.param("\u200fאב 😀 \u2028 sep", id="rtl-emoji-separator"),
])
def test_quote_unquote(text: str) -> None:
    assert unquote(quote(text), where="t") == text


@pytest.mark.parametrize(("literal", "expected"), [
    pytest.param('"\\a\\b\\f\\v"', "\a\b\f\v", id="c-escapes"),
    pytest.param('"\\101\\x42"', "AB", id="octal-hex"),
])
def test_unquote_reads_other_escapes(literal: str, expected: str) -> None:
    assert unquote(literal, where="t") == expected


@pytest.mark.parametrize(("lang", "side"), [
    pytest.param("fr", "msgstr", id="language-of-header-gives-msgstr"),
    pytest.param("en", "msgid", id="other-language-gives-msgid"),
])
def test_read_texts_sides(review, tmp_path: Path, lang: str, side: str) -> None:
    path = tmp_path / "review.po"
    path.write_bytes(_po(review))
    expected = ([review.state.text_of(s) for s in review.document.segments] if side == "msgstr"
                else [review.renderings[s.id] for s in review.document.segments])
    assert read_texts(path, lang) == expected


@pytest.mark.parametrize(("content", "needle"), [
    pytest.param('msgid "a"\nmsgstr "b"\n', "Language", id="no-header-language"),
    pytest.param('msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "a"\nmsgstr "b\n', "not PO syntax", id="torn-string"),
    pytest.param('msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "a\\q"\nmsgstr ""\n', "unknown escape", id="bad-escape"),
])
def test_read_texts_refuses_broken_po(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "broken.po"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=needle):
        read_texts(path, "fr")


def test_a_line_break_in_the_articles_file_name_keeps_the_po_valid(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    article = folder / "art\nicle\tname.txt"
    shutil.copyfile(SAMPLE, article)
    review = reviewed_sample(article)
    data = export_document("po", review.document, review.state, renderings=review.renderings, options=FIXED)
    text = data.decode("utf-8")
    assert "# Review of art icle name.txt:" in text
    assert "#: art_icle_name.txt:p1s1" in text
    assert all(line == "" or line.startswith(("#", "msg", '"')) for line in text.splitlines())
    assert len(translate_toolkit_units("po", data)) == len(review.document.segments)


def test_a_po_in_a_third_language_has_no_french_side(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
                    'msgid "Iran and Pakistan agree to strengthen their security cooperation."\n'
                    'msgstr "Iran und Pakistan vereinbaren, ihre Sicherheitszusammenarbeit zu verstärken."\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match="'fr'"):
        read_texts(path, "fr")
    assert read_texts(path, "en") == ["Iran and Pakistan agree to strengthen their security cooperation."]
