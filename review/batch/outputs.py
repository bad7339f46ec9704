"""What a batch run leaves in its output directory, and how a second run knows what is done.

``OUTDIR/articles/NAME.flags.jsonl``  the article's flags, one ``review flag --format json`` record a line
``OUTDIR/articles/NAME.json``         the article's result; written last, it is the done marker
``OUTDIR/summary.csv``                one row per article
``OUTDIR/report.html``                the desk editor's page, riskiest article first

Every file is written through a temporary file renamed into place, so a run
killed at any moment leaves whole files only; a result whose digest matches the
article, its pairs and the options is not redone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from review.batch.job import SEVERITIES, Task
from review.batch.report import GENERATOR, report_html
from review.errors import ExportError
from review.export import atomic_write

SUMMARY_FIELDS = ("article", "name", "segments", "words", "flags", "critical", "major", "minor", "risk",
                  "worst_segments", "drift_chrf", "drift_worst", "BLEU", "chrF2++", "TER", "seconds", "error")


class OutDir:
    """The output directory of one run (created when missing).

    A folder that holds a ``summary.csv`` or ``report.html`` some other program wrote (``-o ~/Documents``, or
    a report made by hand) is refused before anything is written: a run replaces only its own files.
    """

    def __init__(self, root: Path) -> None:
        if root.exists() and not root.is_dir():
            msg = f"{root} is a file: give -o a directory for the batch outputs"
            raise ExportError(msg)
        self.root = root
        for name in _foreign_outputs(root):
            msg = (f"{root / name} was not written by review batch and would be replaced: give -o a folder of "
                   "its own (or move the file away)")
            raise ExportError(msg)
        self.articles = root / "articles"
        try:
            self.articles.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            msg = f"cannot create {self.articles} ({error.strerror})"
            raise ExportError(msg) from None

    def flags_path(self, name: str) -> Path:
        return self.articles / f"{name}.flags.jsonl"

    def result_path(self, name: str) -> Path:
        return self.articles / f"{name}.json"

    def done(self, task: Task) -> dict[str, Any] | None:
        """The earlier result of this very task (same bytes, pairs and options), or None."""
        path = self.result_path(task.article.name)
        try:
            result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if result.get("digest") != task.digest or not self.flags_path(task.article.name).is_file():
            return None
        return result

    def write(self, result: Mapping[str, Any]) -> None:
        """The article's flags, then its result (the done marker), each atomically."""
        name = result["name"]
        self.flags_path(name).parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in result.get("flags", []))
        atomic_write(self.flags_path(name), lines.encode("utf-8"))
        atomic_write(self.result_path(name), (json.dumps(result, ensure_ascii=False, indent=1) + "\n").encode())

    def write_summary(self, results: Sequence[Mapping[str, Any]]) -> None:
        atomic_write(self.root / "summary.csv", summary_csv(results).encode("utf-8"))

    def write_report(self, results: Sequence[Mapping[str, Any]], *, title: str) -> None:
        atomic_write(self.root / "report.html", report_html(results, title=title).encode("utf-8"))


def _head(path: Path) -> bytes | None:
    """The first bytes of a file that is there, or None."""
    try:
        with path.open("rb") as stream:
            return stream.read(2048)
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # a folder or an unreadable file in the way: not ours either


def _foreign_outputs(root: Path) -> list[str]:
    """The names of the run's files that stand in ``root`` but were written by something else.

    A summary is ours when it starts with our columns' first names (later versions add columns); a report
    when it carries our generator mark, or, written before the mark, stands beside a summary of ours.
    """
    summary = _head(root / "summary.csv")
    ours = summary is not None and summary.startswith(b"article,name,")
    report = _head(root / "report.html")
    foreign = [] if summary is None or ours else ["summary.csv"]
    if report is not None and not ours and GENERATOR.encode() not in report:
        foreign.append("report.html")
    return foreign


def summary_row(result: Mapping[str, Any]) -> dict[str, Any]:
    counts = result.get("counts", {})
    scores = result.get("scores", {})
    failed = result.get("error") is not None
    return {
        "article": result["article"], "name": result["name"],
        "segments": "" if failed else result.get("segments", ""),
        "words": "" if failed else result.get("words", ""),
        "flags": "" if failed else sum(counts.get(level, 0) for level in SEVERITIES),
        **{level: "" if failed else counts.get(level, 0) for level in ("critical", "major", "minor")},
        "risk": "" if failed else f"{result.get('risk', 0):g}",
        "worst_segments": " ".join(result.get("worst_segments", [])),
        "drift_chrf": scores.get("drift_chrf", ""), "drift_worst": scores.get("drift_worst", ""),
        "BLEU": scores.get("BLEU", ""), "chrF2++": scores.get("chrF2++", ""), "TER": scores.get("TER", ""),
        "seconds": result.get("seconds", ""), "error": result.get("error") or "",
    }


def summary_csv(results: Iterable[Mapping[str, Any]]) -> str:
    """One row per article, in input order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(summary_row(result) for result in results)
    return out.getvalue()
