"""Flags measured on machine translation annotated by professional translators.

Reads a JSON-lines file of segments in the WMT20 quality-estimation task 3 layout
(one segment a line: ``doc``, ``seg``, ``mt``, ``src`` and ``errors``, each error
with character ``spans`` into ``mt``, a ``severity`` and a ``category``). Nothing
here ships the data: the path is an argument.

Each document becomes one article, one segment a paragraph, and goes through
the same :class:`Flagger` as the TUI (ranking, per-segment cap, confidence floor). A flag
is right when its span overlaps an error span; a span of 0-1 characters marks
something missing and is widened to the words on both sides. An error is found
when some flag overlaps one of its spans.

Documents are split by a hash of their id, 80 % tuning and 20 % validation, so
that the validation part holds documents never looked at while tuning.

The validation part is small (a few hundred documents), so each figure of the main
table comes with a 95 % bootstrap interval: whole documents are drawn with
replacement, as the split itself draws whole documents, from counts kept per
document during the run (``--bootstrap N`` resamples, 0 for none).

    python benchmarks/real_errors.py DATA.jsonl [--split validation] [--detectors a,b|+a,-b]
        [--source] [--min-confidence X] [--format table|json] [--show false|missed --detector NAME]
        [--bootstrap N]
    python benchmarks/real_errors.py --french PATH [PATH ...] [--leave-out PATH ...] [--skip N]   # correct French
"""

from __future__ import annotations

import argparse
import bz2
import hashlib
import html
import json
import re
import struct
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.commands.common import confidence
from review.errors import ReviewError
from review.flags import FlagOptions, default_detectors, parse_detectors, resolved
from review.flags.incremental import Flagger
from review.flags.rank import MIN_CONFIDENCE
from review.model import Document, Flag, Segment, Severity
from review.translate.pool import ModelPool

VALIDATION_SHARE = 20  # percent of documents held out
# calibration bins; the first holds only flags a lowered --min-confidence lets through, and shows only then
BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
SERIOUS = frozenset({"major", "critical"})
WORD = re.compile(r"\w+")
# a rule whose flags of one confidence, this many or more, are right this much more or less often than the
# confidence says is listed as drifted: its confidence no longer means what it says (issue 11, item 5)
DRIFT_FLAGS = 25
DRIFT = 0.15
BOOTSTRAP = 1000  # resamples of the documents for the intervals
SEED = 12345  # the same documents drawn on every run: an interval moves only when the flags do


def split_of(doc_id: str) -> str:
    digest = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16)
    return "validation" if digest % 100 < VALIDATION_SHARE else "tune"


class DataError(ValueError):
    """The data file is not JSON lines in the WMT20 QE task 3 layout: the message names the line."""


def read(path: Path, split: str) -> dict[str, list[dict[str, Any]]]:
    documents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                document = str(item["doc"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                msg = f"{path}:{number}: not a segment in the WMT20 QE task 3 layout ({error})"
                raise DataError(msg) from None
            if split == "all" or split_of(document) == split:
                documents[document].append(item)
    for items in documents.values():
        items.sort(key=lambda item: item["seg"])
    return documents


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A 0-1 character span marks a gap: stretch it over the words on both sides."""
    if end - start > 1:
        return start, end
    left = start
    while left > 0 and text[left - 1].isspace():
        left -= 1
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and text[right].isspace():
        right += 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return left, max(right, start + 1)


QUOTED = re.compile(r"« [^»]*»")


def rule_of(flag: Flag) -> str:
    """The rule behind a flag: its message with the quoted words taken out."""
    return f"{flag.detector}: {QUOTED.sub('…', flag.message)[:90]}"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def article(doc_id: str, texts: Sequence[str]) -> Document:
    segments, offset = [], 0
    for index, text in enumerate(texts):
        segments.append(Segment(id=f"p{index + 1}s1", index=index, paragraph=index, start=offset,
                                end=offset + len(text), text=text))
        offset += len(text) + 2
    return Document(path=Path(f"{doc_id}.txt"), text="\n\n".join(texts), segments=tuple(segments), language="fr")


@dataclass
class Tally:
    flags: int = 0
    right: int = 0
    serious_flags: int = 0
    serious_right: int = 0
    found: Counter[str] = field(default_factory=Counter)  # by severity, "all"
    bins: Counter[tuple[int, bool]] = field(default_factory=Counter)
    rules: Counter[tuple[str, bool]] = field(default_factory=Counter)
    confidences: Counter[tuple[str, float, bool]] = field(default_factory=Counter)  # (rule, confidence, right)

    def add_flag(self, flag: Flag, right: bool) -> None:
        self.flags += 1
        self.right += right
        if flag.severity in {Severity.MAJOR, Severity.CRITICAL}:
            self.serious_flags += 1
            self.serious_right += right
        index = next(i for i, top in enumerate(BINS[1:]) if flag.confidence < top)
        self.bins[index, right] += 1
        self.rules[rule_of(flag), right] += 1
        self.confidences[rule_of(flag), flag.confidence, right] += 1


@dataclass
class Result:
    segments: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # by severity and "all"
    category_errors: Counter[str] = field(default_factory=Counter)
    category_found: Counter[str] = field(default_factory=Counter)
    overall: Tally = field(default_factory=Tally)
    detectors: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    serious_segments: int = 0
    serious_flagged: int = 0
    clean_segments: int = 0
    clean_flagged: int = 0
    seconds: float = 0.0
    shown: list[str] = field(default_factory=list)
    # right flags by (the flag's severity, the worst severity of the annotated errors it overlaps)
    severities: Counter[tuple[str, str]] = field(default_factory=Counter)
    rule_severities: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rule, worst annotated)
    # one row a document: each figure's part and whole in that document, in the order of FIGURES
    documents: list[tuple[int, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Figure:
    """A row of the main table: a share of two counts, each summed over the documents."""

    key: str  # its name in --format json
    label: str  # its row in the table
    part: Callable[[Result], int]
    whole: Callable[[Result], int]


FIGURES = (
    Figure("recall_critical", "recall, critical errors",
           lambda r: r.overall.found["critical"], lambda r: r.errors["critical"]),
    Figure("recall_major", "recall, major errors", lambda r: r.overall.found["major"], lambda r: r.errors["major"]),
    Figure("recall_all", "recall, all errors", lambda r: r.overall.found["all"], lambda r: r.errors["all"]),
    Figure("precision", "precision, all flags", lambda r: r.overall.right, lambda r: r.overall.flags),
    Figure("serious_precision", "precision, major/critical flags",
           lambda r: r.overall.serious_right, lambda r: r.overall.serious_flags),
    Figure("serious_segments_flagged", "segments with a major/critical error that get a flag",
           lambda r: r.serious_flagged, lambda r: r.serious_segments),
    Figure("clean_segments_flagged", "error-free segments that get a flag",
           lambda r: r.clean_flagged, lambda r: r.clean_segments),
)


def counts(result: Result) -> tuple[int, ...]:
    """Each figure's part and whole so far, in the order of FIGURES."""
    return tuple(count(result) for figure in FIGURES for count in (figure.part, figure.whole))


def _source_file(items: Sequence[dict[str, Any]]) -> Path:
    handle = tempfile.NamedTemporaryFile("w", suffix=".en.txt", delete=False, encoding="utf-8")  # noqa: SIM115
    with handle:
        handle.write("\n\n".join(str(item["src"]).replace("\n", " ") for item in items))
    return Path(handle.name)


# what a caller may do with each segment once it is flagged: its segment, annotated item and flags
Observer = Callable[[Segment, dict[str, Any], list[Flag]], None]


def evaluate(path: Path, split: str, detectors: Sequence[str], *, source: bool,
             show: str | None = None, show_detector: str | None = None,
             min_confidence: float = MIN_CONFIDENCE, observe: Observer | None = None) -> Result:
    result = Result()
    documents = read(path, split)
    pool = ModelPool()
    flagger: Flagger | None = None
    started = time.perf_counter()
    for doc_id, items in sorted(documents.items()):
        document = article(doc_id, [str(item["mt"]) for item in items])
        options = FlagOptions(min_confidence=min_confidence)
        source_path = None
        if source:
            source_path = _source_file(items)
            options = FlagOptions(source=source_path, min_confidence=min_confidence)
        try:
            flagger = flagger if source_path is None and flagger is not None else Flagger(detectors, options, pool)
            flags = flagger.flags(document, {}, status=lambda line: print(line, file=sys.stderr))
        finally:
            if source_path is not None:
                source_path.unlink()
        by_segment: dict[str, list[Flag]] = defaultdict(list)
        for flag in flags:
            by_segment[flag.segment_id].append(flag)
        before = counts(result)
        for segment, item in zip(document.segments, items, strict=True):
            _score(result, segment, item, by_segment[segment.id], show, show_detector)
            if observe is not None:
                observe(segment, item, by_segment[segment.id])
        result.documents.append(tuple(after - so_far for after, so_far in zip(counts(result), before, strict=True)))
    result.seconds = time.perf_counter() - started
    return result


def _score(result: Result, segment: Segment, item: dict[str, Any], flags: list[Flag],
           show: str | None, show_detector: str | None) -> None:
    text = segment.text
    result.segments += 1
    errors = [(error, [widened(text, start, end) for start, end in error["spans"]]) for error in item["errors"]]
    spans = [(flag.start, flag.end) for flag in flags]
    for flag, span in zip(flags, spans, strict=True):
        overlapped = [str(error["severity"]) for error, golds in errors if any(overlaps(span, g) for g in golds)]
        right = bool(overlapped)
        if overlapped:
            worst = max(overlapped, key=SEVERITIES.index)
            result.severities[flag.severity.value, worst] += 1
            result.rule_severities[rule_of(flag), worst] += 1
        result.overall.add_flag(flag, right)
        result.detectors[flag.detector].add_flag(flag, right)
        if show == "false" and not right and flag.detector == (show_detector or flag.detector):
            result.shown.append(f"{flag.detector} {flag.confidence:.2f} « {flag.span_text} » {flag.message} || {text}")
    for error, golds in errors:
        severity, category = str(error["severity"]), str(error["category"])
        result.errors[severity] += 1
        result.errors["all"] += 1
        result.category_errors[category] += 1
        hit = [flag for flag, span in zip(flags, spans, strict=True) if any(overlaps(span, g) for g in golds)]
        if hit:
            result.overall.found[severity] += 1
            result.overall.found["all"] += 1
            result.category_found[category] += 1
            for name in {flag.detector for flag in hit}:
                result.detectors[name].found[severity] += 1
                result.detectors[name].found["all"] += 1
        elif show == "missed" and (show_detector is None or category == show_detector):
            pieces = " / ".join(text[a:b] for a, b in golds)
            result.shown.append(f"{category} {severity} « {pieces} » || {text}")
    if any(str(error["severity"]) in SERIOUS for error in item["errors"]):
        result.serious_segments += 1
        result.serious_flagged += bool(flags)
    if not item["errors"]:
        result.clean_segments += 1
        result.clean_flagged += bool(flags)
        if show == "clean":
            result.shown.extend(f"{flag.detector} {flag.confidence:.2f} « {flag.span_text} » {flag.message} || {text}"
                                for flag in flags if flag.detector == (show_detector or flag.detector))


SEVERITIES = ("minor", "major", "critical")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "-"


Interval = tuple[float, float]


def intervals(documents: Sequence[Sequence[int]], resamples: int = BOOTSTRAP,
              seed: int = SEED) -> list[Interval | None]:
    """The 95 % percentile bootstrap interval of each share, documents drawn with replacement.

    ``documents``: one row a document, holding pairs of counts (part, whole), one pair a share.
    A resample whose whole is 0 says nothing about that share and is left out; a share with no
    resample left gets None.
    """
    import numpy as np  # noqa: PLC0415  (the benchmark's own need; sacrebleu brings it)

    rows = np.asarray(documents, dtype=np.int64)
    size = rows.shape[0]
    # how many times each document is drawn, one row a resample: the same as drawing `size` indices
    drawn = np.random.default_rng(seed).multinomial(size, np.full(size, 1 / size), size=resamples)
    sums = drawn @ rows
    parts, wholes = sums[:, 0::2], sums[:, 1::2]
    found: list[Interval | None] = []
    for part, whole in zip(parts.T, wholes.T, strict=True):
        kept = whole > 0
        if not kept.any():
            found.append(None)
            continue
        low, high = np.percentile(part[kept] / whole[kept], [2.5, 97.5])
        found.append((float(low), float(high)))
    return found


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """Each figure's 95 % interval by its key (fractions, None for a share with nothing to divide by)."""

    resamples: int
    seed: int
    documents: int
    intervals: dict[str, Interval | None]

    def shown(self, key: str) -> str:
        interval = self.intervals.get(key)
        return f" [{100 * interval[0]:.1f}–{100 * interval[1]:.1f}]" if interval else ""


def bootstrap(result: Result, resamples: int = BOOTSTRAP, seed: int = SEED) -> Bootstrap | None:
    """The intervals of the main table's figures; None when ``resamples`` is 0."""
    if resamples <= 0:
        return None
    found = intervals(result.documents, resamples, seed) if result.documents else [None] * len(FIGURES)
    return Bootstrap(resamples, seed, len(result.documents),
                     {figure.key: interval for figure, interval in zip(FIGURES, found, strict=True)})


def drifted(tally: Tally) -> list[tuple[str, float, int, float]]:
    """(rule, confidence, flags, precision) for each rule's flags of one confidence, :data:`DRIFT_FLAGS` or more,
    whose precision is :data:`DRIFT` or more from that confidence; most flags first."""
    groups = {(rule, given) for rule, given, _ in tally.confidences}
    rows = []
    for rule, given in groups:
        right, wrong = tally.confidences[rule, given, True], tally.confidences[rule, given, False]
        if right + wrong >= DRIFT_FLAGS and abs(right / (right + wrong) - given) >= DRIFT - 1e-9:
            rows.append((rule, given, right + wrong, right / (right + wrong)))
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))


def summary(result: Result, drawn: Bootstrap | None = None) -> dict[str, Any]:
    """Everything as JSON; ``drawn`` (from :func:`bootstrap`) adds each figure's 95 % interval."""
    overall = result.overall
    errors = result.errors

    def tally(t: Tally) -> dict[str, Any]:
        return {
            "flags": t.flags, "precision": t.right / t.flags if t.flags else None,
            "serious_flags": t.serious_flags,
            "serious_precision": t.serious_right / t.serious_flags if t.serious_flags else None,
            "recall_critical": t.found["critical"] / errors["critical"] if errors["critical"] else None,
            "recall_major": t.found["major"] / errors["major"] if errors["major"] else None,
            "recall_all": t.found["all"] / errors["all"] if errors["all"] else None,
            "found": dict(t.found),
            "calibration": {f"{BINS[i]:.1f}-{min(BINS[i + 1], 1.0):.1f}":
                            {"flags": t.bins[i, True] + t.bins[i, False],
                             "precision": t.bins[i, True] / (t.bins[i, True] + t.bins[i, False])}
                            for i in range(len(BINS) - 1) if t.bins[i, True] + t.bins[i, False]},
        }

    return {
        "segments": result.segments, "errors": dict(errors), "seconds": round(result.seconds, 1),
        "overall": tally(overall),
        "serious_segments_flagged": [result.serious_flagged, result.serious_segments],
        "clean_segments_flagged": [result.clean_flagged, result.clean_segments],
        "detectors": {name: tally(t) for name, t in sorted(result.detectors.items())},
        "categories": {name: {"errors": count, "found": result.category_found[name]}
                       for name, count in result.category_errors.most_common()},
        "severities": {shown: {annotated: result.severities[shown, annotated] for annotated in SEVERITIES}
                       for shown in sorted({shown for shown, _ in result.severities})},
        "drifted": [{"rule": rule, "confidence": given, "flags": flags, "precision": measured}
                    for rule, given, flags, measured in drifted(overall)],
    } | ({"bootstrap": {"resamples": drawn.resamples, "seed": drawn.seed, "documents": drawn.documents,
                        "level": 0.95,
                        "intervals": {key: list(interval) if interval else None
                                      for key, interval in drawn.intervals.items()}}} if drawn else {})


def table(result: Result, drawn: Bootstrap | None = None) -> Iterable[str]:
    """The report as Markdown tables; ``drawn`` (from :func:`bootstrap`) adds each figure's 95 % interval."""
    overall, errors = result.overall, result.errors
    yield f"{result.segments} segments, {errors['all']} errors, {overall.flags} flags, {result.seconds:.0f} s"
    yield ""
    yield "| | value [95 % interval] |" if drawn else "| | value |"
    yield "|---|---:|"
    for figure in FIGURES:
        shown = _share(figure.part(result), figure.whole(result))
        yield f"| {figure.label} | {shown}{drawn.shown(figure.key) if drawn else ''} |"
    if drawn:
        yield ""
        yield (f"95 % intervals: the {drawn.documents} documents drawn with replacement, {drawn.resamples} times "
               f"(seed {drawn.seed})")
    yield ""
    yield "| detector | flags | precision | major/critical flags | their precision | errors found | recall |"
    yield "|---|---:|---:|---:|---:|---:|---:|"
    for name, t in sorted(result.detectors.items()):
        precision = f"{t.right / t.flags:.2f}" if t.flags else "-"
        serious = f"{t.serious_right / t.serious_flags:.2f}" if t.serious_flags else "-"
        yield (f"| {name} | {t.flags} | {precision} | {t.serious_flags} | {serious} | {t.found['all']} | "
               f"{100 * t.found['all'] / errors['all']:.1f}% |")
    yield ""
    yield "| rule (message, quoted words left out) | flags | precision | right: annotated minor / major / critical |"
    yield "|---|---:|---:|---:|"
    rules = Counter[str]()
    for (rule, _), count in overall.rules.items():
        rules[rule] += count
    for rule, count in rules.most_common():
        if count >= 5:
            annotated = " / ".join(str(result.rule_severities[rule, severity]) for severity in SEVERITIES)
            yield f"| {rule} | {count} | {overall.rules[rule, True] / count:.2f} | {annotated} |"
    yield ""
    yield "| category | errors | found | recall |"
    yield "|---|---:|---:|---:|"
    for name, count in result.category_errors.most_common():
        if count >= 20:
            found = result.category_found[name]
            yield f"| {name} | {count} | {found} | {100 * found / count:.1f}% |"
    yield ""
    yield from _severity_table(result)
    yield ""
    used = [i for i in range(len(BINS) - 1)
            if any(t.bins[i, True] + t.bins[i, False] for t in result.detectors.values())]
    heads = " | ".join(f"{BINS[i]:.1f}-{min(BINS[i + 1], 1.0):.1f}" for i in used)
    yield f"| detector | {heads} |"
    yield "|---|" + "---:|" * len(used)
    for name, t in sorted(result.detectors.items()):
        cells = []
        for i in used:
            total = t.bins[i, True] + t.bins[i, False]
            cells.append(f"{t.bins[i, True] / total:.2f} ({total})" if total else "")
        yield f"| {name} | " + " | ".join(cells) + " |"
    rows = drifted(overall)
    yield ""
    yield (f"rules whose confidence is {DRIFT} or more from their precision ({DRIFT_FLAGS} flags or more of one "
           f"confidence): {len(rows) or 'none'}")
    if rows:
        yield ""
        yield "| rule | confidence | flags | precision |"
        yield "|---|---:|---:|---:|"
        for rule, given, flags, measured in rows:
            yield f"| {rule} | {given:.2f} | {flags} | {measured:.2f} |"


def _severity_table(result: Result) -> Iterable[str]:
    """Right flags by their severity against the annotators' (the worst of the errors each overlaps)."""
    yield "| flag's severity | right flags | annotated minor | major | critical |"
    yield "|---|---:|---:|---:|---:|"
    agree = 0
    order = ("critical", "major", "minor", "neutral")
    for shown in sorted({shown for shown, _ in result.severities}, key=order.index):
        row = [result.severities[shown, annotated] for annotated in SEVERITIES]
        agree += result.severities[shown, shown]
        yield f"| {shown} | {sum(row)} | " + " | ".join(str(count) for count in row) + " |"
    yield ""
    yield f"severity as annotated: {_share(agree, sum(result.severities.values()))} of right flags"


# HTML's paragraphs, and Publican's (DocBook books such as the Debian Administrator's Handbook)
PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>|<div class=\"para\">(.*?)</div>", re.DOTALL)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")
CODE = re.compile(r"[/<>=_{}\[\]|~]|--|\.\w|\w\.\w")


FRENCH_WORDS = frozenset("le la les des une est sont du au aux pour dans avec qui que sur vous il elle".split())


def _reads_french(sentence: str) -> bool:
    """Manuals leave some paragraphs in English: keep sentences with French function words."""
    return len(FRENCH_WORDS.intersection(sentence.lower().split())) >= 2


MARKUP = re.compile(r"[$%{}<>@&]")
MO_MAGIC = 0x950412DE
FRENCH_LIMIT = 1500  # the set of correct French held 1,500 sentences


def _prose(text: str) -> Iterable[str]:
    """The sentences of a plain-prose passage that read as whole French sentences.

    40-250 characters, a capital first, a full stop last, two French function words, nothing that looks like a
    command, a path or a file name.
    """
    for sentence in SENTENCE.split(" ".join(text.split())):
        if (40 <= len(sentence) <= 250 and sentence[:1].isupper() and sentence.endswith(".")
                and not CODE.search(sentence) and _reads_french(sentence)):
            yield sentence


def _catalogue(path: Path) -> Iterable[str]:
    """The translations of a compiled gettext catalogue (``.mo``, UTF-8) that hold no markup nor placeholder.

    The layout is GNU gettext's: a magic number that also tells the byte order, a revision, the count of
    messages, then the offsets of two tables (originals, translations) of (length, offset) pairs.
    """
    data = path.read_bytes()
    order = next((order for order in "<>" if data[:4] == struct.pack(f"{order}I", MO_MAGIC)), None)
    if order is None or len(data) < 20:
        msg = f"{path}: not a compiled gettext catalogue"
        raise OSError(msg)
    count, originals, translations = struct.unpack_from(f"{order}3I", data, 8)
    for index in range(count):
        key_length, key_at = struct.unpack_from(f"{order}2I", data, originals + 8 * index)
        length, at = struct.unpack_from(f"{order}2I", data, translations + 8 * index)
        key, text = data[key_at:key_at + key_length], data[at:at + length]
        # the header has an empty key; plural forms (NUL-separated) always hold a count's placeholder
        if key and b"\0" not in key and b"\0" not in text:
            decoded = text.decode("utf-8")
            if not MARKUP.search(decoded):
                yield decoded


def _descriptions(path: Path) -> Iterable[str]:
    """The paragraphs of Debian's translated package descriptions (a ``Translation-fr`` index, as apt fetches it
    with ``Acquire::Languages=fr``), packages in an order drawn from a hash of their names, so that the first
    sentences are a sample of the whole archive and the next ones another.

    A record's long description follows its one-line title, each line indented by one space, `` .`` between
    paragraphs. Paragraphs with a line indented further (a list, a command) are left out, and so are the titles.
    The project's translators type « ⋅ » (U+22C5) where a no-break space goes (before « : », inside « « » »):
    it is read as the space it stands for.
    """
    records = path.read_text(encoding="utf-8").replace("\u22c5", " ").split("\n\n")
    named = {record.partition("\n")[0].removeprefix("Package: "): record for record in records if record.strip()}
    for name in sorted(named, key=lambda name: hashlib.sha256(name.encode()).digest()):
        lines = named[name].split("\n")
        title = next((n for n, line in enumerate(lines)
                      if line.startswith("Description-") and not line.startswith("Description-md5")), len(lines))
        yield from _paragraphs(lines[title + 1:])


def _paragraphs(body: Sequence[str]) -> Iterable[str]:
    """The paragraphs of a Debian control file's long description (lines indented by one space, `` .`` between
    paragraphs); a paragraph with a line indented further (a list, a command) is left out."""
    for paragraph in "\n".join(body).split("\n .\n"):
        if paragraph.strip() and not any(line.startswith("  ") for line in paragraph.split("\n")):
            yield paragraph


def _templates(path: Path) -> Iterable[str]:
    """The French long descriptions of a package's debconf questions (its ``templates`` file, from the control
    archive: ``dpkg-deb --ctrl-tarfile PKG.deb | tar -xO ./templates``).

    Each question holds its translations as ``Description-fr.UTF-8:``, the short text on that line (a question, a
    title: left out), then the long one indented by one space, as package descriptions are.
    """
    for record in path.read_text(encoding="utf-8").split("\n\n"):
        lines = record.split("\n")
        start = next((n for n, line in enumerate(lines) if line.startswith(("Description-fr.UTF-8:",
                                                                             "Description-fr:"))), None)
        if start is None:
            continue
        end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines))
        yield from _paragraphs(lines[start + 1:end])


def _prose_of(texts: Iterable[str], limit: int) -> list[str]:
    """The first ``limit`` sentences :func:`_prose` keeps from ``texts``, each once."""
    return list(dict.fromkeys(sentence for text in texts for sentence in _prose(text)))[:limit]


def french_sentences(path: Path, limit: int = FRENCH_LIMIT) -> list[str]:
    """Sentences from a text file (one a line), a French gettext catalogue (``.mo``: a program's or a game's
    translated messages), Debian's translated package descriptions (``Translation-fr``), a package's debconf
    questions (``templates``, ``NAME.templates``) or a folder of French HTML pages (a Debian manual), Mallard pages
    (GNOME's help) or KDE's compiled handbooks (``index.cache.bz2``).

    From a catalogue, messages without markup or placeholders; from HTML, plain-prose paragraphs only; of them
    the sentences :func:`_prose` keeps.
    """
    if path.is_file() and path.suffix == ".mo":
        return _prose_of(_catalogue(path), limit)
    if path.is_file() and path.name.startswith("Translation-"):
        return _prose_of(_descriptions(path), limit)
    if path.is_file() and (path.name == "templates" or path.suffix == ".templates"):
        return _prose_of(_templates(path), limit)
    if path.is_file():
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    found: list[str] = []
    # HTML, GNOME's Mallard help pages, and KDE's handbooks, each one compressed HTML file
    for page in sorted([*path.rglob("*.html"), *path.rglob("*.page"), *path.rglob("*.cache.bz2")]):
        if not page.is_file():
            continue  # a folder named so, or a link to nothing (Debian's manuals hold some)
        if page.suffix == ".bz2":
            with bz2.open(page, "rt", encoding="utf-8", errors="replace") as compressed:
                raw = compressed.read()
        else:
            raw = page.read_text(encoding="utf-8", errors="replace")
        # only paragraphs of plain prose: one with markup inside (a command, a key) loses words when stripped
        for match in PARAGRAPH.finditer(raw):
            paragraph = match.group(1) or match.group(2) or ""
            if "<" not in paragraph:
                found.extend(_prose(html.unescape(paragraph)))
    return list(dict.fromkeys(found))[:limit]


def french_set(paths: Sequence[Path], leave_out: Sequence[Path] = (), limit: int = FRENCH_LIMIT,
               skip: int = 0) -> list[str]:
    """The sentences of ``paths`` in turn (each read as :func:`french_sentences` reads it), the first ``limit``
    after the first ``skip``.

    leave_out: other paths read the same way, as one set of ``limit`` sentences too, whose sentences are
    left out: a set held out from those a rule was fitted on, drawn from the same manuals.  ``skip`` sets aside
    more of a large source (Debian's package descriptions: a third set of 1,500 after two).
    """
    left_out = set(french_set(leave_out, limit=limit)) if leave_out else set()
    found = (sentence for path in paths for sentence in french_sentences(path, limit=sys.maxsize))
    return [sentence for sentence in dict.fromkeys(found) if sentence not in left_out][skip:skip + limit]


def correct_french(paths: Sequence[Path], detectors: Sequence[str], min_confidence: float = MIN_CONFIDENCE,
                   leave_out: Sequence[Path] = (), skip: int = 0, limit: int = FRENCH_LIMIT, *,
                   terms: Sequence[Path] = ()) -> Iterable[str]:
    """Share of well-formed French sentences that get a flag, and a major one (``terms``: as ``--terms``)."""
    sentences = french_set(paths, leave_out, limit=limit, skip=skip)
    flagged = serious = 0
    options = FlagOptions(min_confidence=min_confidence, settings={"terms": tuple(terms)} if terms else {})
    flagger = Flagger(detectors, options, ModelPool())
    by_detector: Counter[str] = Counter()
    examples: list[str] = []
    for start in range(0, len(sentences), 50):
        chunk = sentences[start:start + 50]
        flags = flagger.flags(article(f"french{start}", chunk), {})
        by_segment: dict[str, list[Flag]] = defaultdict(list)
        for flag in flags:
            by_segment[flag.segment_id].append(flag)
        for index, text in enumerate(chunk):
            found = by_segment[f"p{index + 1}s1"]
            flagged += bool(found)
            serious += any(flag.severity in {Severity.MAJOR, Severity.CRITICAL} for flag in found)
            for flag in found:
                by_detector[flag.detector] += 1
                examples.append(f"{flag.detector} {flag.confidence:.2f} « {flag.span_text} » {flag.message} || {text}")
    yield (f"{len(sentences)} correct sentences: flagged {_share(flagged, len(sentences))}, "
           f"with a major/critical flag {_share(serious, len(sentences))}")
    yield "flags by detector: " + ", ".join(f"{name} {count}" for name, count in by_detector.most_common())
    yield from examples


def _count(value: str, what: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = -1
    if count < 0:
        msg = f"{value!r}: give a whole number of {what}, 0 for none"
        raise argparse.ArgumentTypeError(msg)
    return count


def _resamples(value: str) -> int:
    """``--bootstrap``: a count of resamples, 0 for no intervals."""
    return _count(value, "resamples")


def _skipped(value: str) -> int:
    """``--skip``: a count of sentences to set aside."""
    return _count(value, "sentences")


def _limit(value: str) -> int:
    """``--limit``: how many sentences a set holds at most, one or more."""
    count = _count(value, "sentences")
    if count == 0:
        msg = f"{value!r}: a set holds one sentence or more"
        raise argparse.ArgumentTypeError(msg)
    return count


def detector_names(spec: str, *, source: bool) -> tuple[str, ...]:
    """The detectors to run: ``spec`` as ``review`` takes it (a,b or +a,-b on the default set), with the
    source and dictionary detectors added when the English is given."""
    names = tuple(resolved(parse_detectors(spec), default_detectors()))
    if source:
        # the dictionary detector needs FreeDict (a system package): without it the run says so and goes on
        names = (*names, *(name for name in ("source", "dictionary") if name not in names))
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, nargs="?", help="WMT20 QE task 3 style JSON lines")
    parser.add_argument("--detectors", default=",".join(default_detectors()))
    parser.add_argument("--source", action="store_true",
                        help="give the detectors the English source (and add the source and dictionary detectors)")
    parser.add_argument("--split", choices=("tune", "validation", "all"), default="validation")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--show", choices=("false", "missed", "clean"),
                        help="list false alarms, missed errors, or the flags on error-free segments")
    parser.add_argument("--detector", help="with --show: only this detector (false) or category (missed)")
    parser.add_argument("--min-confidence", type=confidence, default=MIN_CONFIDENCE, metavar="X",
                        help=f"the confidence floor, as review's --min-confidence (default {MIN_CONFIDENCE})")
    parser.add_argument("--bootstrap", type=_resamples, default=BOOTSTRAP, metavar="N",
                        help=f"resample the documents N times for 95 %% intervals (default {BOOTSTRAP}; 0: none)")
    parser.add_argument("--french", type=Path, nargs="+", metavar="PATH",
                        help="correct French (files, one sentence a line, gettext catalogues (.mo), Debian's "
                             "translated package descriptions (Translation-fr), debconf templates (templates, "
                             "NAME.templates) or folders of HTML pages, Mallard "
                             "pages or KDE handbooks (index.cache.bz2), read in turn; --limit sentences at most): "
                             "count the flags")
    parser.add_argument("--leave-out", type=Path, nargs="+", default=[], metavar="PATH",
                        help="with --french: leave out the sentences these paths give, read the same way")
    parser.add_argument("--skip", type=_skipped, default=0, metavar="N",
                        help="with --french: set aside the first N sentences (after those left out)")
    parser.add_argument("--terms", type=Path, nargs="+", default=[], metavar="FILE",
                        help="with --french: names kept as written, as review's --terms (one a line)")
    parser.add_argument("--limit", type=_limit, default=FRENCH_LIMIT, metavar="N",
                        help=f"with --french: keep N sentences at most, and read --leave-out as a set of N too "
                             f"(default {FRENCH_LIMIT}): one source split in two")
    args = parser.parse_args()
    names = detector_names(args.detectors, source=args.source)
    if args.french is not None:
        for path in [*args.french, *args.leave_out]:
            if not path.exists():
                parser.error(f"{path}: no such file or folder of correct French")
        try:
            lines = list(correct_french(args.french, names, args.min_confidence, args.leave_out, args.skip,
                                       args.limit, terms=args.terms))
        except (OSError, UnicodeDecodeError, ReviewError) as error:
            parser.error(f"correct French: {error}")
        for line in lines:
            print(line)
        return 0
    if args.data is None:
        parser.error("give the data file, or --french FILE")
    try:
        result = evaluate(args.data, args.split, names, source=args.source, show=args.show,
                          show_detector=args.detector, min_confidence=args.min_confidence)
    except (DataError, OSError, UnicodeDecodeError) as error:
        parser.error(str(error))
    drawn = bootstrap(result, args.bootstrap)
    if args.format == "json":
        print(json.dumps(summary(result, drawn), ensure_ascii=False, indent=2))
    else:
        print(f"detectors: {','.join(names)}; split: {args.split}; source: {'yes' if args.source else 'no'}; "
              f"min confidence: {args.min_confidence:g}")
        for line in table(result, drawn):
            print(line)
    for line in result.shown:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
