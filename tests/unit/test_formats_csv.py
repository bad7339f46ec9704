"""CSV error report: rows, RFC 4180 quoting, BOM, Translate Toolkit; CSV import by language column."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample, translate_toolkit_units

from review.errors import InputError
from review.formats import export_document, read_texts
from review.formats.csvreport import COLUMNS, changed_span


@pytest.fixture
def review(article: Path):
    return reviewed_sample(article)


def _csv(review, *, bom: bool = False) -> bytes:
    return export_document("csv", review.document, review.state, flags=review.flags,
                           options=replace(FIXED, bom=bom))


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_correction_and_open_flag(review) -> None:
    rows = _rows(_csv(review))
    corrections = [row for row in rows if row["kind"] == "correction"]
    flags = [row for row in rows if row["kind"].startswith("flag:")]
    assert [row["segment"] for row in corrections] == [c.segment_id for c in review.state.history]
    open_flags = [flag for flag in review.flags if flag.id not in review.state.dismissed]
    assert [(row["segment"], row["message"]) for row in flags] == [(f.segment_id, f.message) for f in open_flags]


@pytest.mark.parametrize(("column", "expected"), [
    pytest.param("original", "accusent", id="original-words"),
    pytest.param("corrected", "conviennent", id="corrected-words"),
    pytest.param("category", "accuracy/mistranslation", id="category"),
    pytest.param("severity", "critical", id="severity"),
    pytest.param("message", "« accuser » needs an object", id="note-as-message"),
    pytest.param("span", "20-28", id="span-in-segment"),
])
def test_correction_row(review, column: str, expected: str) -> None:
    assert _rows(_csv(review))[0][column] == expected


def test_rfc_4180_line_ends_and_quoting(review) -> None:
    data = _csv(review)
    assert data.decode().split("\r\n")[0] == ",".join(COLUMNS)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert '"« accuser » needs an object"' not in data.decode()  # quoted only when needed
    assert '"dash after a dateline"' not in data.decode()


@pytest.mark.parametrize("text", [
    pytest.param('a "quoted", word', id="quote-comma"),
    pytest.param("two\nlines\r\nhere", id="line-breaks"),
    pytest.param("=SUM(A1) \u200f😀", id="formula-like-rtl-emoji"),
])
def test_awkward_text_round_trips(review, text: str) -> None:
    segment = review.document.segments[2]
    state = replace(review.state, texts={**review.state.texts, segment.id: text}, history=(
        *review.state.history, replace(review.state.history[0], segment_id=segment.id, original=segment.text,
                                       previous=segment.text, text=text, note=text)))
    data = export_document("csv", review.document, state, options=FIXED)
    row = [row for row in _rows(data) if row["segment"] == segment.id][-1]
    assert row["corrected"] == text
    assert row["message"] == text


@pytest.mark.parametrize(("bom", "start"), [
    pytest.param(True, b"\xef\xbb\xbfsegment,", id="bom"),
    pytest.param(False, b"segment,", id="no-bom"),
])
def test_bom_option(review, bom: bool, start: bytes) -> None:
    assert _csv(review, bom=bom).startswith(start)


def test_translate_toolkit_reads_the_report(review) -> None:
    units = translate_toolkit_units("csv", _csv(review, bom=True))
    assert [unit.source for unit in units] == [row["original"] for row in _rows(_csv(review))]


@pytest.mark.parametrize(("before", "after", "expected"), [
    pytest.param("a bc d", "a xy d", (2, 4, "bc", "xy"), id="one-word"),
    pytest.param("accusent de", "conviennent de", (0, 8, "accusent", "conviennent"), id="widened-to-word"),
    pytest.param("abc", "abc", (3, 3, "", ""), id="no-change"),
    pytest.param("fin", "fin.", (0, 3, "fin", "fin."), id="appended"),
])
def test_changed_span(before: str, after: str, expected: tuple[int, int, str, str]) -> None:
    assert changed_span(before, after) == expected


@pytest.mark.parametrize(("header", "lang", "expected"), [
    pytest.param("id,en,fr", "fr", ["b", "d"], id="fr-column"),
    pytest.param("id,en,fr", "en", ["a", "c"], id="en-column"),
    pytest.param("id,EN-us,fr-CA", "en", ["a", "c"], id="regions"),
])
def test_read_texts_by_language_column(tmp_path: Path, header: str, lang: str, expected: list[str]) -> None:
    path = tmp_path / "texts.csv"
    path.write_text(f"{header}\r\n1,a,b\r\n2,c,d\r\n", encoding="utf-8-sig")
    assert read_texts(path, lang) == expected


def test_read_texts_without_the_language_column_says_what_to_name(tmp_path: Path) -> None:
    path = tmp_path / "texts.csv"
    path.write_text("source,target\r\na,b\r\n", encoding="utf-8")
    with pytest.raises(InputError, match="column named 'fr'"):
        read_texts(path, "fr")


@pytest.mark.parametrize(("separator", "ending"), [(";", ""), ("\t", ""), (",", ",,\n\n")],
                         ids=["semicolons", "tabs", "trailing-empty-rows"])
def test_spreadsheet_csv_is_read(tmp_path: Path, separator: str, ending: str) -> None:
    from review.formats.csvreport import read_ids  # noqa: PLC0415

    path = tmp_path / "variant.csv"
    rows = [["id", "en", "fr"], ["1", "They agree.", "Ils conviennent, dit-il."], ["2", "Talks.", "Des pourparlers."]]
    path.write_text("\n".join(separator.join(f'"{field}"' if separator in field else field for field in row)
                              for row in rows) + "\n" + ending, encoding="utf-8")
    assert read_texts(path, "fr") == ["Ils conviennent, dit-il.", "Des pourparlers."]
    assert read_ids(path.read_bytes(), source=str(path)) == ["1", "2"]
