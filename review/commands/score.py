"""``review score``: sacrebleu scores with significance, HTER and MQM of a review, English-side drift."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from review.commands.common import add_log, add_model, log_path_for
from review.document import decode, from_text, load_document, read_bytes
from review.errors import ScoreError
from review.ranges import int_in
from review.scoring import (
    METRICS,
    MetricScore,
    MqmWeights,
    drift_report,
    hter_report,
    mqm_report,
    sentence_signatures,
    worst_first,
)
from review.scoring.extract import extract_statistics
from review.scoring.significance import DEFAULT_SEED, paired_test
from review.store import replay
from review.terminal import escape_controls
from review.variants import load_aligned

USAGE = """
  review score --ref REF HYP [HYP ...]     BLEU, chrF2++, TER (+ paired test against the first HYP)
  review score --post-edited ARTICLE       HTER and MQM of the article's corrections log
  review score --source EN.txt ARTICLE     chrF of each English rendering against the original"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "score", help="score translations (sacrebleu), a review (HTER, MQM) or English-side drift",
        description="Score translations against a reference with sacrebleu, a review by HTER and MQM, "
                    "or each segment's English rendering against the English original.",
        usage=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--ref", type=Path, metavar="REF", help="reference translation to score HYP files against")
    mode.add_argument("--post-edited", type=Path, metavar="ARTICLE",
                      help="article whose corrections log is scored (HTER, edits, MQM)")
    mode.add_argument("--source", type=Path, metavar="EN",
                      help="English original of ARTICLE (drift check): txt, tmx, xliff, po or csv")
    parser.add_argument("files", nargs="*", type=Path, metavar="HYP|ARTICLE",
                        help="with --ref: hypotheses, the first is the baseline; with --source: the article")
    parser.add_argument("--lines", action="store_true",
                        help="files hold one segment a line (default: cut into sentences like an article)")
    parser.add_argument("--sentences", action="store_true", help="add per-segment scores, worst first")
    parser.add_argument("--paired-ar", action="store_true",
                        help="approximate randomization instead of paired bootstrap resampling")
    parser.add_argument("--paired-bs-n", type=int_in(1, 100_000), default=1000, metavar="N",
                        help="bootstrap resamples, 1 to 100000 (1000)")
    parser.add_argument("--paired-ar-n", type=int_in(1, 1_000_000), default=10000, metavar="N",
                        help="randomization trials, 1 to 1000000 (10000)")
    parser.add_argument("--seed", type=_seed, default=os.environ.get("SACREBLEU_SEED", str(DEFAULT_SEED)),
                        help="seed of the paired test, 'none' for a random one (default: $SACREBLEU_SEED or 12345)")
    parser.add_argument("--jobs", type=int_in(0, 1024), default=0, metavar="N",
                        help="worker processes for large corpora, 0 to 1024 (default 0: one per CPU; 1: none)")
    parser.add_argument("--weights", type=_weights, default=MqmWeights(), metavar="minor=1,major=5,critical=25",
                        help="MQM penalty points per severity (neutral=0,minor=1,major=5,critical=25)")
    parser.add_argument("--top", type=int_in(0, 1_000_000), default=10, metavar="N",
                        help="with --source: segments listed (10)")
    parser.add_argument("--width", type=int_in(0, 12), default=1, metavar="N",
                        help="decimals in the table, 0 to 12 (1)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format")
    parser.add_argument("--source-lang", metavar="LANG", help="language of ARTICLE when detection gets it wrong")
    add_log(parser)
    add_model(parser)
    parser.set_defaults(run=run)


def _seed(text: str) -> int | None:
    if text.strip().lower() == "none":
        return None
    try:
        seed = int(text)
    except ValueError:
        msg = f"seed {text!r} is not a whole number or 'none'"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0 <= seed < 2**63:
        msg = f"seed {seed} is out of range: give a whole number from 0 to {2**63 - 1}, or 'none'"
        raise argparse.ArgumentTypeError(msg)
    return seed


def _weights(text: str) -> MqmWeights:
    try:
        return MqmWeights.parse(text)
    except ScoreError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def read_segments(path: Path, *, lines: bool) -> list[str]:
    """A file's segments: its lines, or its sentences cut like an article's."""
    text, _ = decode(read_bytes(path, wanted="a file to score"), source=str(path))
    if not text.strip():
        msg = f"{path} is empty: give a file with the text to score"
        raise ScoreError(msg)
    if lines:
        return text.splitlines()
    return [segment.text for segment in from_text(text, path=path).segments]


def run(args: argparse.Namespace) -> int:
    if args.ref is not None:
        return _run_reference(args)
    if args.post_edited is not None:
        return _run_post_edited(args)
    return _run_source(args)


# ---- --ref -----------------------------------------------------------------------------------------------

def _run_reference(args: argparse.Namespace) -> int:
    if not args.files:
        msg = "--ref needs at least one hypothesis file after it: review score --ref REF HYP [HYP ...]"
        raise ScoreError(msg)
    reference = read_segments(args.ref, lines=args.lines)
    names = _names(args.files)
    systems = {name: read_segments(path, lines=args.lines) for name, path in zip(names, args.files, strict=True)}
    for name, hyps in systems.items():
        if len(hyps) != len(reference):
            hint = "" if args.lines else " (or pass --lines if the files hold one segment a line)"
            msg = (f"{name} has {len(hyps)} segments but the reference {args.ref.name} has {len(reference)}: "
                   f"score versions of the same text{hint}")
            raise ScoreError(msg)
    notes = [f"{name} is identical to the reference: scores are the maximum" for name, hyps in systems.items()
             if hyps == reference]
    report: dict[str, Any] = {"reference": str(args.ref), "segments": len(reference), "unit": _unit(args)}
    baseline, *others = names
    statistics = extract_statistics(systems, reference, jobs=args.jobs)
    if others:
        test = "ar" if args.paired_ar else "bs"
        comparison = paired_test(statistics[baseline], {name: statistics[name] for name in others},
                                 baseline_name=baseline, test=test, seed=args.seed,
                                 samples=args.paired_ar_n if args.paired_ar else args.paired_bs_n)
        notes.extend(comparison.notes)
        report["systems"] = [{"name": name, "scores": [asdict(score) for score in scores]}
                             for name, scores in zip(comparison.systems, comparison.scores, strict=True)]
        report["paired"] = {"test": comparison.description, "baseline": baseline, "samples": comparison.samples,
                            "seed": comparison.seed, "signatures": comparison.signatures,
                            "results": [asdict(result) | {"significant": result.significant}
                                        for result in comparison.results]}
    else:
        report["systems"] = [{"name": baseline, "scores": [asdict(s) for s in statistics[baseline].scores()]}]
    if args.sentences:
        report["sentence_signatures"] = sentence_signatures()
        report["sentences"] = {name: [asdict(item) for item in worst_first(stats.sentences())]
                               for name, stats in statistics.items()}
    report["notes"] = notes
    _emit(args, report, _reference_table, _reference_rows)
    return 0


def _unit(args: argparse.Namespace) -> str:
    return "lines" if args.lines else "sentences"


def _names(paths: list[Path]) -> list[str]:
    names = [path.name for path in paths]
    if len(set(names)) != len(names):
        names = [str(path) for path in paths]
    if len(set(names)) != len(names):
        msg = "the same hypothesis file is given twice: give each system once"
        raise ScoreError(msg)
    return names


def _fmt(value: float | None, width: int) -> str:
    return "-" if value is None else f"{value:.{width}f}"


def _reference_table(report: dict[str, Any], width: int) -> list[str]:
    lines = [f"Scores against {report['reference']} ({report['segments']} {report['unit']})", ""]
    paired = report.get("paired")
    cells: dict[tuple[str, str], str] = {}
    for system in report["systems"]:
        for score in system["scores"]:
            cells[(system["name"], score["metric"])] = _fmt(score["score"], width)
    if paired:
        for result in paired["results"]:
            cell = _fmt(result["score"], width)
            if result["mean"] is not None:
                cell += f" ({_fmt(result['mean'], width)} ± {_fmt(result['ci'], width)})"
            if result["p_value"] is not None:
                cell += f" p={result['p_value']:.4f}" + ("*" if result["significant"] else "")
            cells[(result["system"], result["metric"])] = cell
    metrics = [score["metric"] for score in report["systems"][0]["scores"]]
    names = [system["name"] for system in report["systems"]]
    rows = [["system", *metrics]] + [[name, *(cells[(name, metric)] for metric in metrics)] for name in names]
    lines.extend(_columns(rows))
    lines.append("")
    if paired:
        lines.append(f"{paired['test']}; baseline {paired['baseline']}; mean ± half-width of the 95% CI;")
        lines.append("p: chance of a difference this large if both came from one process; * p < 0.05")
        signatures = paired["signatures"]
    else:
        signatures = {score["metric"]: score["signature"] for score in report["systems"][0]["scores"]}
    lines.append("signatures:")
    lines.extend(f"  {metric:<8} {signature}" for metric, signature in signatures.items())
    lines.extend(f"  {system['name']} {score['metric']}: {score['detail']}"
                 for system in report["systems"] for score in system["scores"] if score["detail"])
    for name, items in report.get("sentences", {}).items():
        lines.extend(["", f"Segments of {name}, worst first (sentence BLEU with effective order):"])
        table = [["#", "chrF2++", "BLEU", "TER", "hypothesis"]]
        table.extend([str(item["index"] + 1), _fmt(item["chrf"], width), _fmt(item["bleu"], width),
                      _fmt(item["ter"], width), _clip(item["hypothesis"])] for item in items)
        lines.extend(_columns(table))
    lines.extend(f"note: {note}" for note in report["notes"])
    return lines


def _reference_rows(report: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    signatures = report.get("paired", {}).get("signatures", {})
    rows.extend(
        [system["name"], "corpus", score["metric"], score["score"], "points (0-100)",
         score["segments"], signatures.get(score["metric"], score["signature"])]
        for system in report["systems"] for score in system["scores"]
    )
    for result in report.get("paired", {}).get("results", []):
        for measure in ("mean", "ci", "p_value"):
            if result[measure] is not None:
                unit = "probability" if measure == "p_value" else "points (0-100)"
                rows.append([result["system"], "corpus", f"{result['metric']} {measure}", result[measure], unit,
                             report["segments"], report["paired"]["signatures"][result["metric"]]])
    sentence_sigs = report.get("sentence_signatures", {})
    for name, items in report.get("sentences", {}).items():
        for item in items:
            for metric, key in zip(METRICS, ("bleu", "chrf", "ter"), strict=True):
                rows.append([name, item["index"] + 1, metric, item[key], "points (0-100)", 1, sentence_sigs[metric]])
    return rows


# ---- --post-edited ------------------------------------------------------------------------------------------

def _run_post_edited(args: argparse.Namespace) -> int:
    if args.files:
        msg = f"--post-edited takes the article as its value; remove {args.files[0]} (use --log for the log)"
        raise ScoreError(msg)
    args.article = args.post_edited
    document = load_document(args.article, source_lang=args.source_lang)
    log_path = log_path_for(args)
    if not log_path.exists():
        msg = f"no corrections log at {log_path}: review the article first, or pass --log PATH"
        raise ScoreError(msg)
    state = replay(log_path, document)
    hter = hter_report(document, state)
    mqm = mqm_report(document, state, args.weights)
    report: dict[str, Any] = {
        "article": str(args.article), "log": str(log_path),
        "hter": {"hter": hter.hter, "unit": "TER edits per 100 words of the post-edit", "signature": hter.signature,
                 "segments": len(hter.segments), "touched": hter.touched, "words": hter.words,
                 "words_changed": hter.words_changed, "chars": hter.chars, "chars_changed": hter.chars_changed,
                 "per_segment": [asdict(item) for item in hter.segments]},
        "mqm": {"model": mqm.model, "weights": asdict(mqm.weights), "words": mqm.words, "errors": mqm.errors,
                "penalty": mqm.penalty, "per_thousand": mqm.per_thousand, "quality": mqm.quality,
                "unannotated": mqm.unannotated, "by_severity": mqm.by_severity(), "by_category": mqm.by_category(),
                "counts": [asdict(row) for row in mqm.counts]},
        "notes": list(state.problems),
    }
    _emit(args, report, _post_edited_table, _post_edited_rows)
    return 0


def _post_edited_table(report: dict[str, Any], width: int) -> list[str]:
    hter, mqm = report["hter"], report["mqm"]
    lines = [
        f"Review of {report['article']} (log {report['log']})", "",
        f"HTER {hter['hter']:.{width}f}  ({hter['unit']}; {hter['segments']} segments)",
        f"  signature: {hter['signature']}",
        f"  segments touched: {hter['touched']} of {hter['segments']}",
        f"  words changed: {hter['words_changed']} of {hter['words']} (word edit distance)",
        f"  characters changed: {hter['chars_changed']} of {hter['chars']} (character edit distance)",
    ]
    touched = sorted((item for item in hter["per_segment"] if item["machine"] != item["post_edited"]),
                     key=lambda item: -item["hter"])
    if touched:
        table = [["segment", "HTER", "edits", "words", "chars", "post-edit"]]
        table.extend([item["segment_id"], _fmt(item["hter"], width), f"{item['edits']:g}", str(item["words_changed"]),
                      str(item["chars_changed"]), _clip(item["post_edited"])] for item in touched)
        lines.extend(["", *_columns(table)])
    lines.extend([
        "", f"MQM: {mqm['errors']} errors, {mqm['penalty']:g} penalty points over {mqm['words']} words",
        f"  penalty per 1,000 words: {mqm['per_thousand']:.{width}f}",
        f"  quality score: {mqm['quality']:.{width}f}  ({mqm['model']})",
        "  weights: " + ",".join(f"{key}={value:g}" for key, value in mqm["weights"].items()),
        "  by severity: " + ", ".join(f"{key} {value}" for key, value in mqm["by_severity"].items()),
    ])
    if mqm["counts"]:
        table = [["category", "severity", "errors", "penalty"]]
        table.extend([row["category"], row["severity"], str(row["count"]), f"{row['penalty']:g}"]
                     for row in mqm["counts"])
        lines.extend(["", *_columns(table)])
    if mqm["unannotated"]:
        count = mqm["unannotated"]
        what = "correction has no severity and is" if count == 1 else "corrections have no severity and are"
        lines.append(f"note: {count} {what} not counted as MQM errors")
    lines.extend(f"note: {note}" for note in report["notes"])
    return lines


def _post_edited_rows(report: dict[str, Any]) -> list[list[Any]]:
    hter, mqm = report["hter"], report["mqm"]
    signature = hter["signature"]
    rows: list[list[Any]] = [
        ["article", "corpus", "HTER", hter["hter"], hter["unit"], hter["segments"], signature],
        ["article", "corpus", "segments touched", hter["touched"], "segments", hter["segments"], ""],
        ["article", "corpus", "words changed", hter["words_changed"], "words", hter["words"], "word edit distance"],
        ["article", "corpus", "characters changed", hter["chars_changed"], "characters", hter["chars"],
         "character edit distance"],
        ["article", "corpus", "MQM penalty", mqm["penalty"], "penalty points", mqm["words"], mqm["model"]],
        ["article", "corpus", "MQM penalty per 1000 words", mqm["per_thousand"], "points per 1000 words",
         mqm["words"], mqm["model"]],
        ["article", "corpus", "MQM quality score", mqm["quality"], "points (0-100)", mqm["words"], mqm["model"]],
    ]
    rows.extend(["article", f"{row['category']}/{row['severity']}", "MQM errors", row["count"], "errors",
                 mqm["words"], mqm["model"]] for row in mqm["counts"])
    rows.extend(["article", item["segment_id"], "HTER", item["hter"], hter["unit"], 1, signature]
                for item in hter["per_segment"])
    return rows


# ---- --source -------------------------------------------------------------------------------------------------

def _run_source(args: argparse.Namespace) -> int:
    from review.translate.render import Renderer  # noqa: PLC0415 - loads the model machinery

    if len(args.files) != 1:
        msg = "--source needs exactly one article after it: review score --source EN.txt ARTICLE"
        raise ScoreError(msg)
    article = args.files[0]
    document = load_document(article, source_lang=args.source_lang)
    sources = load_aligned(document, args.source, "en")  # txt, tmx, xliff, po or csv
    renderer = Renderer(args.model, engine=args.engine)
    renderings = renderer.render([segment.text for segment in document.segments])
    drift = drift_report(renderings, sources, [segment.id for segment in document.segments])
    report: dict[str, Any] = {
        "article": str(article), "source": str(args.source), "model": renderer.ref.name,
        "revision": renderer.ref.revision, "corpus_chrf": drift.corpus_chrf, "signature": drift.signature,
        "unit": "chrF points (0-100) of the rendering against the English original", "segments": len(drift.segments),
        "worst": [asdict(item) for item in drift.worst(args.top)],
    }
    _emit(args, report, _source_table, _source_rows)
    return 0


def _source_table(report: dict[str, Any], width: int) -> list[str]:
    lines = [f"English renderings of {report['article']} ({report['model']}) against {report['source']}",
             (f"corpus chrF {report['corpus_chrf']:.{width}f} over {report['segments']} segments; "
              f"signature {report['signature']}"), "", "Segments that drifted most (lowest chrF first):"]
    for item in report["worst"]:
        lines.append(f"  [{item['segment_id']}] chrF {item['chrf']:.{width}f}")
        lines.append(f"      original:  {item['source']}")
        lines.append(f"      rendering: {item['rendering']}")
    return lines


def _source_rows(report: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [["renderings", "corpus", "chrF", report["corpus_chrf"], "points (0-100)",
                              report["segments"], report["signature"]]]
    rows.extend(["renderings", item["segment_id"], "chrF", item["chrf"], "points (0-100)", 1, report["signature"]]
                for item in report["worst"])
    return rows


# ---- output -----------------------------------------------------------------------------------------------------

CSV_HEADER = ["system", "segment", "measure", "value", "unit", "sample", "signature"]


def _emit(args: argparse.Namespace, report: dict[str, Any], table: Any, rows: Any) -> None:
    if args.format == "json":
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(rows(report))
    else:
        sys.stdout.write("\n".join(escape_controls(line) for line in table(report, args.width)) + "\n")


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["MetricScore", "read_segments", "register", "run"]
