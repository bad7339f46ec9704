"""Scores of the review so far: HTER, MQM, the variants and the English side's drift.

The screen shows the report objects of :mod:`review.scoring.report` and its three builders, the ones
``review score`` prints, built by the same functions; it only lays them out with
Rich, with what each number means beside it (signature, unit, sample size).
The sections are computed in a thread worker and appear one by one; until then
each says "computing…".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import get_current_worker

from review.errors import ReviewError
from review.model import Document, ReviewState
from review.scoring import (
    Comparison,
    DriftSummary,
    HterReport,
    MetricScore,
    MqmReport,
    PairedOptions,
    PostEditReport,
    ReferenceReport,
    drift_summary,
    post_edit_report,
    reference_report,
)
from review.scoring.extract import extract_statistics
from review.scoring.metrics import Statistics

WORST = 5
SECTIONS = ("hter", "mqm", "variants", "drift")
COMPUTING = "computing…"


@dataclass(frozen=True, slots=True)
class ScoreInputs:
    """What the scores are computed from, taken from the session when the screen opens.

    current: the reviewer's French of each segment, in order.
    renderings: French text -> English rendering, as far as the model got.
    variants: name -> French per segment, aligned with the article.
    source: the English original's path (``--source``), for the drift list.
    """

    document: Document
    state: ReviewState
    current: tuple[str, ...]
    renderings: Mapping[str, str]
    variants: Mapping[str, Sequence[str]]
    source: Path | None


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _n(count: float, word: str) -> str:
    """``1 edit``, ``2 edits``, ``1,234 words``."""
    number = f"{count:,}" if isinstance(count, int) else f"{count:,g}"
    return f"{number} {word}" if count == 1 else f"{number} {word}s"


def _heading(title: str, note: str) -> Text:
    return Text.assemble((title, "bold"), (f"  {note}\n", "dim"))


def hter_text(report: HterReport) -> Text:
    segments = len(report.segments)
    text = _heading("Review edits (HTER)", "TER of the machine French against your post-edit, case-sensitive")
    text.append(f"  HTER {report.hter:.2f}", style="bold")
    text.append(f"  edits per 100 words of the post-edit, whole article ({segments} segments)\n")
    text.append(f"  signature: {report.signature}\n", style="dim")
    text.append(f"  segments touched {report.touched:,} of {segments:,}"
                f" · words changed {report.words_changed:,} of {report.words:,} (word edit distance)"
                f" · characters changed {report.chars_changed:,} of {report.chars:,} (Levenshtein)\n")
    worst = report.worst_first()[:WORST]
    if not worst:
        text.append("  no segment changed yet\n", style="dim")
        return text
    text.append(f"  most edited (highest HTER first, {len(worst)} of {report.touched} touched):\n")
    for item in worst:
        text.append(f"    {item.segment_id:<7} HTER {item.hter:6.2f}", style="bold")
        text.append(f"  {_n(item.edits, 'edit')} / {_n(item.post_edit_words, 'word')}"
                    f" · {_n(item.words_changed, 'word')}, {_n(item.chars_changed, 'character')} changed  ")
        text.append(f"{_clip(item.post_edited, 60)}\n", style="italic")
    return text


def mqm_text(report: MqmReport) -> Text:
    text = _heading("MQM", "errors are the corrections saved with a severity")
    text.append(f"  quality score (OQS) {report.quality:.2f}", style="bold")
    text.append(f" / 100 · penalty (APT) {report.penalty:g} points · {report.per_thousand:.2f} per 1,000 words"
                f" · {_n(report.errors, 'error')} in {_n(report.words, 'word')} (EWC)\n")
    severities = " · ".join(f"{name} {count}" for name, count in report.by_severity().items())
    text.append(f"  by severity: {severities}\n")
    if report.counts:
        text.append("  by category and severity:\n")
        for row in report.counts:
            text.append(f"    {row.category:<26} {row.severity:<8} count {row.count:<3} penalty {row.penalty:g}\n")
    else:
        text.append("  no errors annotated yet (save a correction with ctrl+r to give it a severity)\n", style="dim")
    text.append(f"  corrections without a severity (not counted): {report.unannotated}\n")
    text.append(f"  weights: {report.weights} · model: {report.model}\n", style="dim")
    return text


def _score_row(name: str, scores: Sequence[MetricScore]) -> str:
    values = "  ".join(f"{score.metric} {score.score:6.2f}" for score in scores)
    return f"    {name:<24} {values}\n"


def variants_text(report: ReferenceReport, pending: str | None = None) -> Text:
    """Corpus scores of each variant and, when the report has it, the paired test (``pending`` while it runs)."""
    text = _heading("Variants against your current text",
                    f"corpus scores, your reviewed French as the reference, {report.segments} segments")
    for scored in report.systems:
        text.append(_score_row(scored.name, scored.scores))
    for score in report.systems[0].scores:
        direction = "higher is better" if score.higher_is_better else "lower is better"
        text.append(f"  {score.metric} ({direction}): {score.signature}\n", style="dim")
    comparison = report.paired
    if pending is not None:
        text.append(f"  {pending}\n", style="dim")
    elif comparison is not None:
        text.append(f"  {comparison.description}, against {comparison.baseline}:\n")
        for system in comparison.systems[1:]:
            parts = []
            for metric in comparison.signatures:
                result = comparison.result(system, metric)
                mark = " *" if result.significant else ""
                parts.append(f"{metric} {result.score:.2f} ({result.mean:.2f} ± {result.ci:.2f})"
                             f" p={result.p_value:.4f}{mark}")
            text.append(f"    {system:<24} {'  '.join(parts)}\n")
        text.append("    mean ± 95% confidence interval; * p < 0.05 (a difference to the first variant this large"
                    " is unlikely by chance)\n", style="dim")
        for note in comparison.notes:
            text.append(f"    {note}\n", style="yellow")
    return text


def segmentation_line(segments: int) -> str:
    """Which segments every score here is over, and how to get the same figures from sacrebleu."""
    return (f"Segments: the article's {segments} sentences, as cut on opening, not its lines. The sacrebleu "
            "command reads one segment a line, and intervals and p-values depend on the segments: for its exact "
            "figures, put each segment on its own line and run review score --lines (or sacrebleu) on those files.")


def drift_text(summary: DriftSummary) -> Text:
    rendered, total = summary.rendered, summary.article_segments
    text = _heading("English drift", f"model renderings against the original {Path(summary.source).name}")
    text.append(f"  corpus chrF {summary.drift.corpus_chrf:.2f}", style="bold")
    text.append(f" on {rendered} of {total} segments (character 6-grams, β = 2, 0-100; low means drifted)\n")
    text.append(f"  signature: {summary.drift.signature}\n", style="dim")
    if rendered < total:
        text.append(f"  {total - rendered} segments have no rendering yet: reopen the scores when the English is in\n",
                    style="dim")
    for item in summary.drift.worst(summary.top):
        text.append(f"    {item.segment_id:<7} chrF {item.chrf:6.2f}  ", style="bold")
        text.append(f"{_clip(item.rendering)}\n", style="italic")
        text.append(f"{'':<24}original: {_clip(item.source)}\n", style="dim")
    return text


def compute_drift(inputs: ScoreInputs) -> DriftSummary | None:
    """The drift report of the renderings at hand (the source is read and aligned here); None before any."""
    from review.variants import load_aligned  # noqa: PLC0415

    assert inputs.source is not None  # noqa: S101 - only called with a source
    sources = load_aligned(inputs.document, inputs.source, "en", renderings=lambda: {
        segment.id: inputs.renderings[segment.text] for segment in inputs.document.segments
        if segment.text in inputs.renderings})
    renderings = {segment.id: inputs.renderings[french]
                  for segment, french in zip(inputs.document.segments, inputs.current, strict=True)
                  if french in inputs.renderings}
    if not renderings:
        return None
    # the screen does not name the model: the status line does
    return drift_summary(inputs.document, sources, renderings, source=str(inputs.source), model="", top=WORST)


NO_RENDERING = Text.assemble(("English drift", "bold"),
                             ("\n  no English rendering yet: wait for the model, then reopen the scores\n", "dim"))


class ScoresScreen(ModalScreen[None]):
    """Four sections of scores; esc, q or s closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,s", "close", "close")]

    def __init__(self, inputs: ScoreInputs) -> None:
        super().__init__()
        self.inputs = inputs
        self.review: PostEditReport | None = None
        self.variants: ReferenceReport | None = None
        self.drift: DriftSummary | None = None

    @property
    def hter(self) -> HterReport | None:
        return self.review.hter if self.review is not None else None

    @property
    def mqm(self) -> MqmReport | None:
        return self.review.mqm if self.review is not None else None

    @property
    def comparison(self) -> Comparison | None:
        return self.variants.paired if self.variants is not None else None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="scores-body"):
            yield Static(Text("Scores of this review", style="bold reverse"))
            yield Static(Text(segmentation_line(len(self.inputs.document.segments)), style="dim"),
                         id="scores-segmentation")
            for name in SECTIONS:
                shown = name in {"hter", "mqm"} or (name == "variants" and bool(self.inputs.variants)) or (
                    name == "drift" and self.inputs.source is not None)
                section = Static(Text(COMPUTING, style="dim"), id=f"scores-{name}", classes="scores-section")
                section.display = shown
                yield section
            yield Static("esc closes · every score is recomputed each time the screen opens", classes="dim")

    def on_mount(self) -> None:
        self.compute()

    def section(self, name: str) -> str:
        """Plain text of one section (for tests and copy-paste)."""
        return str(self.query_one(f"#scores-{name}", Static).content)

    def _show(self, texts: dict[str, Text]) -> None:
        for name, text in texts.items():
            self.query_one(f"#scores-{name}", Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compute(self) -> None:
        worker = get_current_worker()
        inputs = self.inputs

        def post(names: tuple[str, ...], make: Callable[[], tuple[Text, ...]]) -> None:
            if worker.is_cancelled:
                return
            try:
                texts = make()
            except ReviewError as error:
                texts = (Text(f"cannot compute this section: {error.message}", style="red"),) * len(names)
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show, dict(zip(names, texts, strict=True)))

        def review() -> tuple[Text, ...]:
            self.review = post_edit_report(inputs.document, inputs.state)
            return hter_text(self.review.hter), mqm_text(self.review.mqm)

        def drift() -> tuple[Text, ...]:
            self.drift = compute_drift(inputs)
            return (drift_text(self.drift) if self.drift is not None else NO_RENDERING,)

        post(("hter", "mqm"), review)
        if inputs.source is not None:
            post(("drift",), drift)
        if inputs.variants:
            self._compare(post)

    def _compare(self, post: Callable[[tuple[str, ...], Callable[[], tuple[Text, ...]]], None]) -> None:
        """Corpus scores of the variants at once, then the paired bootstrap when there are two or more."""
        inputs = self.inputs
        statistics: dict[str, Statistics] = {}

        def plain() -> tuple[Text, ...]:
            statistics.update(extract_statistics(inputs.variants, inputs.current))
            self.variants = reference_report(statistics, reference="your current text")
            pending = "paired bootstrap against the first variant: computing…" if len(statistics) > 1 else None
            return (variants_text(self.variants, pending),)

        def paired() -> tuple[Text, ...]:
            self.variants = reference_report(statistics, reference="your current text", paired=PairedOptions("bs"))
            return (variants_text(self.variants),)

        post(("variants",), plain)
        if len(statistics) > 1:
            post(("variants",), paired)

    def action_close(self) -> None:
        self.dismiss(None)
