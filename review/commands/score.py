"""``review score``: sacrebleu scores with significance, HTER and MQM of a review, English-side drift."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from review.commands.common import add_log, add_model, check_device, language_tag, log_path_for
from review.commands.progress import Progress
from review.document import NOT_ARTICLES, decode, exchange_root, from_text, load_document, read_bytes
from review.errors import InputError, ScoreError, UsageError
from review.ranges import int_in
from review.replay import replay
from review.scoring import MetricScore, MqmWeights
from review.scoring.extract import extract_statistics
from review.scoring.report import FORMATS, ScoreReport, render
from review.scoring.report_drift import drift_summary
from review.scoring.report_post_edit import post_edit_report
from review.scoring.report_reference import PairedOptions, reference_report
from review.scoring.significance import DEFAULT_SEED
from review.store import log_exists
from review.terminal import escape_controls
from review.variants import load_aligned
from review.wording import counted

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
    mode.add_argument("--ref", type=Path, metavar="REF", action=OneReference,
                      help="reference translation to score HYP files against (one)")
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
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument("--source-lang", metavar="LANG", type=language_tag,
                        help="language of ARTICLE when detection gets it wrong")
    add_log(parser)
    add_model(parser)
    parser.set_defaults(run=run, parser=parser)


# options that change one mode only, by their ``dest``; given to another mode they would be passed over in silence
_MODE_OF: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("lines", "sentences", "paired_ar", "paired_bs_n", "paired_ar_n", "seed", "jobs"), ("ref",)),
    **dict.fromkeys(("weights", "log"), ("post_edited",)),
    **dict.fromkeys(("top", "model", "engine", "device"), ("source",)),
    "source_lang": ("post_edited", "source"),
}
_MODE_NAMES = {"ref": "--ref", "post_edited": "--post-edited", "source": "--source"}


def _refuse_other_modes(args: argparse.Namespace, mode: str) -> None:
    """A wrong command line when an option of another mode is given (its value differs from its default)."""
    defaults = vars(args.parser.parse_args(["--ref", "REF"]))  # as parsed: "12345" is the seed 12345
    for dest, modes in _MODE_OF.items():
        if mode not in modes and getattr(args, dest) != defaults[dest]:
            option = "--" + dest.replace("_", "-")
            msg = (f"{option} applies to {' and '.join(_MODE_NAMES[m] for m in modes)} only, not to "
                   f"{_MODE_NAMES[mode]}: remove it")
            raise UsageError(msg)


class OneReference(argparse.Action):
    """``--ref`` given once: a second one would silently replace the first (several references are not scored)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,  # noqa: ARG002
                 option_string: str | None = None) -> None:  # noqa: ARG002 - argparse's signature
        if getattr(namespace, self.dest, None) is not None:
            msg = ("--ref is given twice: scores take one reference; score against each in its own run "
                   "(several references are not supported)")
            raise argparse.ArgumentError(self, msg)
        setattr(namespace, self.dest, values)


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


MAX_SEGMENT_WORDS = 2_000
"""The longest paragraph scored as one segment when sentences do not line up (TER on 8,000 words took 12 s)."""


@dataclass(frozen=True, slots=True)
class ScoredFile:
    """A file to score: its paragraphs, each a list of segments (with --lines: one paragraph of lines).

    bom: the file starts with a byte-order mark (dropped here; the sacrebleu command reads it as text).
    """

    paragraphs: tuple[tuple[str, ...], ...]
    bom: bool = False

    @property
    def segments(self) -> list[str]:
        return [segment for paragraph in self.paragraphs for segment in paragraph]

    def shape(self) -> list[int]:
        return [len(paragraph) for paragraph in self.paragraphs]


def read_file(path: Path, *, lines: bool) -> ScoredFile:
    """A file's segments: its lines as the sacrebleu command reads them, or its sentences cut like an article's."""
    data = read_bytes(path, wanted="a file to score")
    kind = NOT_ARTICLES.get(path.suffix.lower()) or {"tmx": "a TMX", "xliff": "an XLIFF"}.get(
        exchange_root(data[:2048]) or "")
    if kind is not None:  # its markup would be scored as words
        msg = (f"{path} is {kind} file: --ref and the files scored against it are plain text (one segment a "
               "line with --lines); a review's exchange files are scored with --source, or as --variant in review open")
        raise InputError(msg)
    text, bom = decode(data, source=str(path))
    if not text.strip():
        msg = f"{path} is empty: give a file with the text to score"
        raise InputError(msg)
    if lines:
        # as sacrebleu: a line ends at \n only (not at \f, U+2028 or a lone \r), its trailing blanks dropped
        found = text.split("\n")
        if found[-1] == "":
            found.pop()  # the end of the last line, not a line of its own
        return ScoredFile((tuple(line.rstrip() for line in found),), bom)
    paragraphs = from_text(text, path=path).paragraphs()
    return ScoredFile(tuple(tuple(segment.text for segment in paragraph) for paragraph in paragraphs), bom)


def read_segments(path: Path, *, lines: bool) -> list[str]:
    """A file's segments: its lines, or its sentences cut like an article's."""
    return read_file(path, lines=lines).segments


def paired_segments(reference: ScoredFile, systems: dict[str, ScoredFile], *, ref_name: str,
                    lines: bool) -> tuple[list[str], dict[str, list[str]], str, list[str]]:
    """The reference's and each system's segments, paired one to one; the unit; notes on how.

    Sentences pair when every paragraph has as many in each file. When a paragraph's sentences differ
    (two sentences joined in one translation), the files are scored paragraph by paragraph: pairing
    them by position would score a sentence against its neighbour's reference.
    """
    if lines:
        for name, hyps in systems.items():
            if len(hyps.segments) != len(reference.segments):
                msg = (f"{name} has {counted(len(hyps.segments), 'line')} but the reference {ref_name} has "
                       f"{len(reference.segments)}: score versions of the same text")
                raise ScoreError(msg)
        return reference.segments, {name: hyps.segments for name, hyps in systems.items()}, "lines", []
    for name, hyps in systems.items():
        if len(hyps.paragraphs) != len(reference.paragraphs):
            msg = (f"{name} has {counted(len(hyps.paragraphs), 'paragraph')} but the reference {ref_name} has "
                   f"{len(reference.paragraphs)}: score versions of the same text (or pass --lines if the files "
                   "hold one segment a line)")
            raise ScoreError(msg)
    uneven = {name: next(number for number, (mine, theirs) in enumerate(zip(hyps.shape(), reference.shape(),
                                                                            strict=True), 1) if mine != theirs)
              for name, hyps in systems.items() if hyps.shape() != reference.shape()}
    if not uneven:
        return reference.segments, {name: hyps.segments for name, hyps in systems.items()}, "sentences", []
    name, number = next(iter(uneven.items()))
    why = (f"the sentences of {name} do not line up with the reference's (paragraph {number} has "
           f"{counted(systems[name].shape()[number - 1], 'sentence')}, the reference {reference.shape()[number - 1]})")

    def joined(scored: ScoredFile) -> list[str]:
        return [" ".join(paragraph) for paragraph in scored.paragraphs]

    paragraphs = joined(reference), {name: joined(hyps) for name, hyps in systems.items()}
    for texts in (paragraphs[0], *paragraphs[1].values()):
        longest = max(range(len(texts)), key=lambda index: len(texts[index]))
        words = len(texts[longest].split())
        if words > MAX_SEGMENT_WORDS:
            # TER's time and memory grow with the square of a segment's length: a file of one sentence a line
            # without blank lines is one paragraph, which took 21 GB and was still running at 100,000 lines
            msg = (f"{why}, and scoring paragraph by paragraph would score paragraph {longest + 1} "
                   f"({words:,} words) as one segment, too long for TER: for files of one segment a line pass "
                   "--lines; otherwise separate the paragraphs with blank lines")
            raise ScoreError(msg)
    return paragraphs[0], paragraphs[1], "paragraphs", [f"scored paragraph by paragraph: {why}"]


def run(args: argparse.Namespace) -> int:
    mode = "ref" if args.ref is not None else "post_edited" if args.post_edited is not None else "source"
    _refuse_other_modes(args, mode)
    if mode == "ref":
        return _run_reference(args)
    if mode == "post_edited":
        return _run_post_edited(args)
    return _run_source(args)


# ---- --ref -----------------------------------------------------------------------------------------------

def _run_reference(args: argparse.Namespace) -> int:
    if not args.files:
        msg = "--ref needs at least one hypothesis file after it: review score --ref REF HYP [HYP ...]"
        raise UsageError(msg)
    reference_file = read_file(args.ref, lines=args.lines)
    names = _names(args.files)
    files = {name: read_file(path, lines=args.lines) for name, path in zip(names, args.files, strict=True)}
    reference, systems, unit, notes = paired_segments(reference_file, files, ref_name=args.ref.name, lines=args.lines)
    notes += [f"{name} starts with a byte-order mark, which is not scored; the sacrebleu command reads it as text"
              for name, scored in [(args.ref.name, reference_file), *files.items()] if scored.bom]
    paired = PairedOptions(test="ar" if args.paired_ar else "bs", seed=args.seed,
                           samples=args.paired_ar_n if args.paired_ar else args.paired_bs_n)
    # a paired test on a long file runs for minutes: a bar on a terminal says how far
    progress = Progress(0, "trials" if paired.test == "ar" else "resamples")

    def advance(count: int, total: int) -> None:
        progress.total = total
        progress.advance(count)

    try:
        report = reference_report(extract_statistics(systems, reference, jobs=args.jobs), reference=str(args.ref),
                                  unit=unit, paired=paired, sentences=args.sentences, notes=notes, advance=advance)
    finally:
        progress.close()
    _emit(args, report)
    return 0


def _names(paths: list[Path]) -> list[str]:
    names = [path.name for path in paths]
    if len(set(names)) != len(names):
        names = [str(path) for path in paths]
    if len(set(names)) != len(names):
        msg = "the same hypothesis file is given twice: give each system once"
        raise UsageError(msg)
    return names


# ---- --post-edited ------------------------------------------------------------------------------------------

def _run_post_edited(args: argparse.Namespace) -> int:
    if args.files:
        msg = f"--post-edited takes the article as its value; remove {args.files[0]} (use --log for the log)"
        raise UsageError(msg)
    args.article = args.post_edited
    document = load_document(args.article, source_lang=args.source_lang)
    log_path = log_path_for(args)
    if not log_exists(log_path):
        msg = f"no corrections log at {log_path}: review the article first, or pass --log PATH"
        raise InputError(msg)  # a missing input file, as everywhere else (exit 3)
    state = replay(log_path, document)
    _emit(args, post_edit_report(document, state, weights=args.weights, article=str(args.article),
                                 log=str(log_path)))
    return 0


# ---- --source -------------------------------------------------------------------------------------------------

def _run_source(args: argparse.Namespace) -> int:
    from review.translate.render import Renderer  # noqa: PLC0415 - loads the model machinery

    if len(args.files) != 1:
        msg = "--source needs exactly one article after it: review score --source EN.txt ARTICLE"
        raise UsageError(msg)
    article = args.files[0]
    document = load_document(article, source_lang=args.source_lang)
    renderer = Renderer(args.model, engine=args.engine, device=check_device(args))
    french = [segment.text for segment in document.segments]

    def english() -> dict[str, str]:  # a file without ids is matched by its English: rendered now, not twice
        return {segment.id: text for segment, text in zip(document.segments, renderer.render(french), strict=True)}

    sources = load_aligned(document, args.source, "en", renderings=english)  # txt, tmx, xliff, po or csv
    renderings = renderer.render(french)
    report = drift_summary(document, sources,
                           {segment.id: english for segment, english in zip(document.segments, renderings,
                                                                             strict=True)},
                           source=str(args.source), model=renderer.ref.name, revision=renderer.ref.revision,
                           top=args.top, article=str(article))
    _emit(args, report)
    return 0


# ---- output -----------------------------------------------------------------------------------------------------


def _emit(args: argparse.Namespace, report: ScoreReport) -> None:
    text = render(report, args.format, args.width)
    if args.format == "table":  # JSON and CSV escape on their own; a table goes to the terminal as it is
        text = "\n".join(escape_controls(line) for line in text.split("\n"))
    sys.stdout.write(text)


__all__ = ["MetricScore", "read_segments", "register", "run"]
