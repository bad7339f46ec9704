"""Score reports: typed results that print as a table, JSON or CSV rows.

``review score`` prints these objects and the TUI's scores screen shows the same
ones, so a number means the same thing wherever it appears.  Each report is built
by one function (:func:`review.scoring.report_reference.reference_report`,
:func:`review.scoring.report_post_edit.post_edit_report`,
:func:`review.scoring.report_drift.drift_summary`) and carries, with every number, its signature, unit and
sample size: the CSV rows (:class:`Measure`) say them for each value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Protocol

from review.errors import ScoreError
from review.wording import counted

POINTS = "points (0-100)"
HTER_UNIT = "TER edits per 100 words of the post-edit"
DRIFT_UNIT = "chrF points (0-100) of the rendering against the English original"
CSV_HEADER = ("system", "segment", "measure", "value", "unit", "sample", "signature")
FORMATS = ("table", "json", "csv")


@dataclass(frozen=True, slots=True)
class Measure:
    """One number and what it means: a row of the CSV output.

    system: what was scored (a hypothesis file, "article", "renderings").
    segment: "corpus", a segment's number or id, or a category/severity.
    sample: how many segments (or words) the number was computed on.
    signature: sacrebleu's signature, or what else defines the computation.
    """

    system: str
    segment: str | int
    measure: str
    value: float
    unit: str
    sample: int
    signature: str

    def row(self) -> list[Any]:
        return [self.system, self.segment, self.measure, self.value, self.unit, self.sample, self.signature]


class ScoreReport(Protocol):
    """What ``review score`` needs of a report."""

    def table(self, width: int = 1) -> list[str]: ...

    def to_json(self) -> dict[str, Any]: ...

    def measures(self) -> list[Measure]: ...


def csv_rows(report: ScoreReport) -> list[list[Any]]:
    """The CSV rows of a report, header first."""
    return [list(CSV_HEADER), *(measure.row() for measure in report.measures())]


def render(report: ScoreReport, fmt: str = "table", width: int = 1) -> str:
    """The report as ``review score --format FMT`` prints it (table, json or csv), ending with a newline."""
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(csv_rows(report))
        return out.getvalue()
    if fmt == "table":
        return "\n".join(report.table(width)) + "\n"
    msg = f"unknown report format {fmt!r}: choose from {', '.join(FORMATS)}"
    raise ScoreError(msg)


def fmt_number(value: float | None, width: int) -> str:
    return "-" if value is None else f"{value:.{width}f}"


def columns(rows: list[list[str]]) -> list[str]:
    """Rows of cells as lines of left-aligned columns two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def one_line(text: str) -> str:
    """A text for one line of a table: its line breaks shown as ↵ (a wrapped paragraph must not end the row)."""
    return _LINE_BREAKS.sub("↵", text)


def clip(text: str, width: int = 60) -> str:
    """A text for one table cell: on one line, cut to ``width``."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


def segmentation_note(unit: str, segments: int) -> str:
    """Which segments the scores were computed over, and how to match the sacrebleu command's figures."""
    if unit == "lines":
        return (f"segments: the files' {counted(segments, 'line')}, as the sacrebleu command reads them "
                "(its figures, intervals and p-values are the same)")
    if unit == "paragraphs":
        return (f"segments: {counted(segments, 'paragraph')}; the sacrebleu command reads one segment a line, so its "
                "figures differ: for its exact figures give files of one segment a line and --lines")
    return (f"segments: {counted(segments, 'sentence')}, cut like an article; the sacrebleu command reads one "
            "segment a line, so its intervals and p-values differ: for its exact figures give files of one "
            "segment a line and --lines")
