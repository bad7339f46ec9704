"""CSV error report: one row per correction and per open flag, for a spreadsheet.

Columns: segment, span, category, severity, original, corrected, message,
kind.  For a correction, ``span`` is the part of the segment's previous French
that changed (``start-end`` in characters), ``original``/``corrected`` that part
before and after; for a flag, the flagged span, its text and the first
suggestion.  RFC 4180: CRLF row ends, fields quoted when they hold a comma,
a quote or a line break; ``--bom`` starts the file with a UTF-8 BOM so that
spreadsheets pick UTF-8.

Reading (``--variant``/``--source``): a CSV with a header row and one column
named by the language code (``fr``, ``en``, ``fr-CA``) gives that column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from review.errors import InputError
from review.formats.common import ReviewView, same_language
from review.model import Correction

COLUMNS = ("segment", "span", "category", "severity", "original", "corrected", "message", "kind")


def _clip_name(name: str, width: int = 24) -> str:
    """A header cell for a message: a data row read as a header may hold a whole sentence."""
    return name if len(name) <= width else name[: width - 1] + "…"


def changed_span(before: str, after: str) -> tuple[int, int, str, str]:
    """The words of ``before`` that, replaced, give ``after``: (start, end, old part, new part)."""
    if before == after:
        return len(before), len(before), "", ""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]:
        suffix += 1
    # Widen to whole words: "accusent" -> "conviennent" reads better than "accus" -> "convienn".
    while prefix > 0 and not before[prefix - 1].isspace():
        prefix -= 1
    while suffix > 0 and not before[len(before) - suffix].isspace():
        suffix -= 1
    return prefix, len(before) - suffix, before[prefix : len(before) - suffix], after[prefix : len(after) - suffix]


def _correction_row(correction: Correction) -> list[str]:
    before = correction.previous if correction.previous is not None else correction.original
    start, end, old, new = changed_span(before, correction.text)
    return [correction.segment_id, f"{start}-{end}", correction.category or "", correction.severity or "", old, new,
            correction.note or "", "correction"]


def _rows(view: ReviewView) -> Iterator[list[str]]:
    for segment in view.segments:
        for correction in segment.corrections:
            yield _correction_row(correction)
        for flag in segment.flags:
            yield [flag.segment_id, f"{flag.start}-{flag.end}", flag.category, str(flag.severity),
                   flag.span_text or segment.current[flag.start : flag.end],
                   flag.suggestions[0] if flag.suggestions else "", flag.message, f"flag:{flag.detector}"]


def chunks(view: ReviewView) -> Iterator[bytes]:
    """The report some rows at a time (a report of 90,000 corrections is never held whole)."""
    rows: list[str] = ["\ufeff"] if view.options.bom else []
    writer = csv.writer(_Lines(rows), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in _rows(view):
        writer.writerow(row)
        if len(rows) >= _ROWS:
            yield "".join(rows).encode("utf-8")
            rows.clear()
    yield "".join(rows).encode("utf-8")


_ROWS = 100  # rows gathered before a piece goes out: a write a row would be slower for nothing


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where the csv writer puts each row it formats: a list the pieces are made of."""

    lines: list[str]

    def write(self, line: str) -> None:
        self.lines.append(line)


DELIMITERS = (",", ";", "\t")  # a spreadsheet in a French locale saves « ; », a TSV export tabs


def delimiter_of(text: str) -> str:
    """The field separator of a CSV: the one of :data:`DELIMITERS` its header row uses most (a comma if none)."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def without_trailing_blanks(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` less the empty rows at the end (a blank last line, a spreadsheet's « ,, »)."""
    end = len(rows)
    while end > 1 and not any(field.strip() for field in rows[end - 1]):
        end -= 1
    return rows[:end]


def read(data: bytes, lang: str, *, source: str) -> list[str]:
    """The column named ``lang`` (by language code), one text per row after the header; the separator is
    the header's (a comma, a semicolon or a tab)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        msg = f"{source} is not UTF-8: save the CSV as UTF-8"
        raise InputError(msg) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    try:
        rows = without_trailing_blanks(list(reader))
    except csv.Error as error:
        limit = csv.field_size_limit()
        why = f"a field is longer than {limit:,} characters" if "field larger" in str(error) else str(error)
        msg = f"{source} line {reader.line_num}: {why}: fix the CSV or give another format"
        raise InputError(msg) from None
    if not rows:
        msg = f"{source} is empty: there are no segments in it"
        raise InputError(msg)
    header = [name.strip() for name in rows[0]]
    exact = [index for index, name in enumerate(header) if name.lower() == lang.lower()]
    near = [index for index, name in enumerate(header) if same_language(name, lang) and len(name) <= 8]
    columns = exact or near
    if not columns:
        shown = ", ".join(repr(_clip_name(name)) for name in header[:8]) + (" …" if len(header) > 8 else "")
        msg = (f"{source} has no {lang!r} column (its first row: {shown}): a CSV of segments needs a header "
               f"row with a column named {lang!r}; review's own CSV export lists flags, not segments: "
               "give its TMX, XLIFF or PO export instead")
        raise InputError(msg)
    column = columns[0]
    return [row[column] if column < len(row) else "" for row in rows[1:]]


ID_COLUMNS = ("segment", "id")


def read_ids(data: bytes, *, source: str) -> list[str | None]:  # noqa: ARG001 - the reader reports errors
    """The ``segment`` (or ``id``) column of every row after the header; None when there is no such column."""
    text = data.decode("utf-8-sig", errors="replace")
    try:
        rows = without_trailing_blanks(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))))
    except csv.Error:
        return []
    if not rows:
        return []
    header = [name.strip().lower() for name in rows[0]]
    column = next((header.index(name) for name in ID_COLUMNS if name in header), None)
    if column is None:
        return [None] * (len(rows) - 1)
    return [row[column] if column < len(row) else None for row in rows[1:]]
