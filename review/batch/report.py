"""``report.html``: the day's articles for a desk editor, riskiest first, in one self-contained page.

No script, font or stylesheet is fetched: the page is one file that opens from
a mail attachment or a shared folder.  Every piece of text that came from an
article, a model or a file name is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from review.batch.job import SEVERITIES

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem;margin-bottom:.2rem}.lede{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f4f4f6;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.critical{color:#fff;background:#b00020}.major{color:#000;background:#ffb74d}.minor{color:#000;background:#fff176}
.tag{display:inline-block;border-radius:.25rem;padding:0 .35rem;font-size:.8rem;font-weight:600}
mark{border-bottom:2px solid #333;padding:0 .1rem}mark.critical{color:#fff}
section{border-top:2px solid #333;margin-top:2rem}
.seg{margin:1rem 0;padding:.5rem .75rem;background:#fafafa;border-left:4px solid #999}
.fr{font-size:1.05rem}.en{color:#444;font-style:italic}.flag{margin:.3rem 0 0 1rem}
.sugg{color:#0b5394}.error{color:#b00020}.top{font-size:.85rem}
"""


def _flag_spans(french: str, flags: Sequence[Mapping[str, Any]]) -> str:
    """The French with each flagged span marked (flags do not overlap once ranked)."""
    pieces: list[str] = []
    at = 0
    for item in sorted(flags, key=lambda flag: flag["start"]):
        start, end = item["start"], item["end"]
        if start < at or end > len(french):
            continue
        pieces.append(escape(french[at:start]))
        pieces.append(f'<mark class="{escape(item["severity"])}">{escape(french[start:end])}</mark>')
        at = end
    pieces.append(escape(french[at:]))
    return "".join(pieces)


def _article_section(number: int, result: Mapping[str, Any]) -> str:
    name = escape(result["name"])
    lines = [f'<section id="a{number}"><h2>{number}. {name}</h2>',
             (f'<p class="lede">{escape(result["article"])} · risk {result.get("risk", 0):g} · '
              f'{result.get("segments", 0)} segments</p>')]
    records = result.get("flags", [])
    for segment in result.get("flagged", []):
        flags = [item for item in records if item["segment"] == segment["id"]]
        english = segment.get("english")
        lines.append(f'<div class="seg" id="a{number}-{escape(segment["id"])}">')
        lines.append(f'<div class="fr"><b>{segment["number"]}</b> {_flag_spans(segment["french"], flags)}</div>')
        lines.append(f'<div class="en">{escape(english) if english else "(no English rendering)"}</div>')
        for item in flags:
            suggestions = " · ".join(escape(text) for text in item["suggestions"])
            lines.append(f'<div class="flag"><span class="tag {escape(item["severity"])}">'
                         f'{escape(item["severity"])}</span> « {escape(item["text"])} » — {escape(item["message"])} '
                         f'<small>[{escape(item["category"])} · {escape(item["detector"])}]</small>'
                         + (f'<div class="sugg">→ {suggestions}</div>' if suggestions else "") + "</div>")
        lines.append("</div>")
    if not records:
        lines.append("<p>No flags.</p>")
    lines.extend(f'<p class="lede">note: {escape(note)}</p>' for note in result.get("notes", []))
    lines.append('<p class="top"><a href="#top">back to the list</a></p></section>')
    return "\n".join(lines)


def ranked(results: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Checked articles by falling risk (then by name); the ones that failed are listed apart."""
    checked = [result for result in results if result.get("error") is None]
    return sorted(checked, key=lambda result: (-result.get("risk", 0), result["name"]))


GENERATOR = '<meta name="generator" content="review batch">'
"""Marks the page as a batch run's, so that a second run knows it may replace it (see :class:`OutDir`)."""


def report_html(results: Sequence[Mapping[str, Any]], *, title: str) -> str:
    order = ranked(results)
    failed = [result for result in results if result.get("error") is not None]
    totals = {level: sum(result["counts"][level] for result in order) for level in SEVERITIES}
    rows = []
    for number, result in enumerate(order, start=1):
        counts = result["counts"]
        scores = result.get("scores", {})
        score_text = " ".join(f"{key} {value}" for key, value in scores.items() if key != "drift_worst")
        rows.append(
            f'<tr><td class="n">{number}</td><td><a href="#a{number}">{escape(result["name"])}</a></td>'
            f'<td class="n">{result["risk"]:g}</td>'
            + "".join(f'<td class="n">{counts[level]}</td>' for level in ("critical", "major", "minor"))
            + f'<td class="n">{result["segments"]}</td>'
            f'<td>{escape(" ".join(result.get("worst_segments", [])))}</td><td>{escape(score_text)}</td></tr>')
    failed_rows = "".join(f"<tr><td>{escape(result['name'])}</td><td class=\"error\">{escape(result['error'])}</td>"
                          "</tr>" for result in failed)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', GENERATOR,
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f'<h1 id="top">{escape(title)}</h1>',
        f'<p class="lede">{len(results)} articles · {len(order)} checked · {len(failed)} could not be checked · '
        + " · ".join(f'{totals[level]} <span class="tag {level}">{level}</span>' for level in reversed(SEVERITIES))
        + " · risk = MQM penalty points of the flags (minor 1, major 5, critical 25)</p>",
    ]
    if failed:
        parts.append("<h2>Could not be checked</h2><table><tr><th>article</th><th>why</th></tr>"
                     f"{failed_rows}</table>")
    parts.append('<table id="articles"><tr><th>#</th><th>article</th><th>risk</th><th>critical</th><th>major</th>'
                 "<th>minor</th><th>segments</th><th>worst segments</th><th>scores</th></tr>"
                 + "".join(rows) + "</table>")
    parts.extend(_article_section(number, result) for number, result in enumerate(order, start=1))
    parts.append("</body></html>\n")
    return "\n".join(parts)
