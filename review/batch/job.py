"""One article's work, done by a worker that keeps its models for the whole run.

:class:`ArticleChecker` is created once per worker process (local executor) or
per actor (Ray) and checks one article at a time: the English rendering of
every segment (through the shared rendering cache), the flags exactly as
``review flag --format json`` reports them, and the scores the run's options
allow (drift against the English original, BLEU/chrF++/TER against a
reference French).  An article that cannot be checked comes back with its
error; a model that cannot be loaded stops the run, since every article would
fail the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.batch.inputs import Article
from review.errors import ModelError, ReviewError
from review.flags import NamedOff
from review.flags.rank import MIN_CONFIDENCE
from review.model import Document, Flag
from review.scoring.mqm import MqmWeights

if TYPE_CHECKING:
    from review.flags import FlagOptions
    from review.flags.incremental import Flagger
    from review.workbench import Workbench

SEVERITIES = ("minor", "major", "critical")
WORST_SEGMENTS = 3
# environment a worker needs to find the same models and cache as the command (Ray actors start elsewhere)
BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
FORWARDED_ENV = ("REVIEW_", "HF_", "TRANSFORMERS_", "XDG_CACHE_HOME")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What the command line chose for every article of the run.

    detectors: detector names, as ``review flag --detectors``.
    model, engine: the fr→en model and the engine that runs it (rendering and every model detector).
    device: where the worker's models run (``auto``, ``cpu``, ``cuda``; Ray actors with GPUs get ``cuda``).
    english: render every segment with the model (False: use cached renderings only, as ``review flag``).
    settings: the detectors' own options by ``dest`` (lexicon files, fluency and back models), as ``review flag``.
    min_confidence: the confidence floor of the flags (``--min-confidence``), as ``review flag``.
    source_lang: the article language when detection is wrong.
    threads: torch threads per worker (the cores shared out between workers).
    env: environment variables the worker sets before loading anything.
    named: the detectors ``--detectors`` names by hand (a,b or +a): one that cannot run stops the run
        (exit 4), as in review flag; one the default set brings is a note in each article's result.
    """

    detectors: tuple[str, ...]
    model: str
    engine: str = "marian"
    device: str = "auto"
    english: bool = True
    min_confidence: float = MIN_CONFIDENCE
    settings: Mapping[str, Any] = field(default_factory=dict)
    source_lang: str | None = None
    threads: int = 1
    env: Mapping[str, str] = field(default_factory=dict)
    named: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """What decides the outputs (not how they are computed): a changed option redoes the articles.

        The options as given, and what the files they name hold: a lexicon edited in place, or a
        model folder whose weights were replaced, changes the results as much as another path would.
        """
        chosen = {key: value for key, value in asdict(self).items()
                  if key not in {"threads", "env", "device", "named"}}
        named = [_content_digest(Path(value)) for value in _strings(self.settings)]
        named.append(_model_revision(self.model))
        text = json.dumps([chosen, named], sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def flag_options(self, source: Path | None = None) -> FlagOptions:
        from review.flags import FlagOptions  # noqa: PLC0415

        return FlagOptions(model=self.model, engine=self.engine, device=self.device, source=source,
                           settings=dict(self.settings), min_confidence=self.min_confidence)

    def needs_models(self) -> bool:
        """Whether a worker loads a model: it renders English, or a chosen detector needs one."""
        from review.flags import needs_models  # noqa: PLC0415

        return self.english or needs_models(self.detectors, self.flag_options())

    def reads_source(self) -> bool:
        """Whether a chosen detector reads the English original, so each article's is handed to it."""
        from review.flags import reads_source  # noqa: PLC0415

        return reads_source(self.detectors)


def forwarded_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key.startswith(FORWARDED_ENV)}


@dataclass(frozen=True, slots=True)
class Task:
    """One article with what pairs with it, and the digest that says whether it was done before.

    source: the English original (drift, reference-aware flags), if one was found.
    ref: a reference French translation (BLEU, chrF++, TER), if one was found.
    digest: hash of the article's bytes, its log, its pairs and the run's options.
    """

    article: Article
    source: str | None = None
    ref: str | None = None
    digest: str = ""


def _strings(value: object) -> list[str]:
    """Every string among the detectors' settings (file names, model names), however nested."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [text for key in sorted(value, key=str) for text in _strings(value[key])]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


def _content_digest(path: Path) -> str:
    """What a file holds, or a model folder's revision; "" for a string that names neither."""
    try:
        if path.is_file():
            return _file_digest(path)
        if path.is_dir():
            return _model_revision(str(path))
    except (OSError, ValueError):  # ValueError: a setting with a NUL in it, which no file can be named
        return "unreadable"
    return ""


def _model_revision(model: str) -> str:
    """The revision of a model folder or of a pulled hub model ("" when it is not on disk)."""
    from review.translate.models import resolve_model  # noqa: PLC0415

    try:
        return resolve_model(model).revision or ""
    except (ReviewError, OSError):
        return ""


def _file_digest(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def make_task(article: Article, options: BatchOptions, source: Path | None = None, ref: Path | None = None, *,
              fingerprint: str | None = None) -> Task:
    """The article's task; ``fingerprint``: the options' own, worked out once for a whole run."""
    from review.store import default_log_path  # noqa: PLC0415

    parts = [fingerprint or options.fingerprint(), _file_digest(article.path),
             _file_digest(default_log_path(article.path)), _file_digest(source), _file_digest(ref)]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return Task(article=article, source=None if source is None else str(source),
                ref=None if ref is None else str(ref), digest=digest)


def risk(flags: Sequence[Flag]) -> float:
    """MQM penalty points of the flags (minor 1, major 5, critical 25): what sorts the report."""
    weights = MqmWeights()
    return sum(weights.of(str(flag.severity)) for flag in flags)


class ArticleChecker:
    """Checks articles one after another with one model pool: spaCy and each model load once per worker."""

    def __init__(self, options: BatchOptions) -> None:
        os.environ.update(options.env)
        # The worker's share of the cores, before numpy's OpenBLAS and torch (which spaCy imports) start
        # their thread pools: two workers with two BLAS threads each on two cores ran slower than one.
        for variable in BLAS_THREADS:
            os.environ.setdefault(variable, str(max(1, options.threads)))
        if options.needs_models():
            import torch  # noqa: PLC0415

            torch.set_num_threads(max(1, options.threads))
        from review.translate.pool import ModelPool  # noqa: PLC0415

        self.options = options
        self.pool = ModelPool(device=options.device)
        self._flaggers: dict[str, Flagger] = {}

    def flagger(self, options: FlagOptions) -> Flagger:
        """One flagger (its detectors made once) per set of options: one for the run unless each
        article brings its own English original for the reference-aware detector."""
        from review.flags.incremental import Flagger  # noqa: PLC0415

        key = repr(options)
        if key not in self._flaggers:
            self._flaggers.clear()
            self._flaggers[key] = Flagger(self.options.detectors, options, self.pool)
        flagger = self._flaggers[key]
        flagger.cache.clear()  # per-segment flags of the last article: no use for the next one
        return flagger

    def check(self, task: Task) -> dict[str, Any]:
        """The article's result (JSON-ready); ``error`` is set when it could not be checked."""
        started = time.perf_counter()
        result: dict[str, Any] = {"name": task.article.name, "article": str(task.article.path),
                                  "digest": task.digest, "error": None}
        try:
            result.update(self._check(task))
        except ModelError:
            raise
        except ReviewError as error:
            result["error"] = error.message
        result["seconds"] = round(time.perf_counter() - started, 3)
        return result

    def _renderings(self, bench: Workbench) -> None:
        """English of the current French into the session: rendered, or (like review flag) cached only."""
        texts = list(bench.texts().values())
        if self.options.english:
            bench.render_all(texts)
        elif "consistency" in self.options.detectors:
            with contextlib.suppress(ModelError):  # review flag goes on without the number check too
                bench.cached_renderings(texts)

    def _check(self, task: Task) -> dict[str, Any]:
        from review.flags.records import article_offsets, record  # noqa: PLC0415 - the records review flag writes
        from review.workbench import Workbench  # noqa: PLC0415

        options = self.options
        source = Path(task.source) if task.source and options.reads_source() else None
        flag_options = options.flag_options(source)
        bench = Workbench.open(task.article.path, options=flag_options, detectors=options.detectors,
                               source_lang=options.source_lang, pool=self.pool)
        bench.flagger = self.flagger(flag_options)
        self._renderings(bench)
        notes = list(bench.session.state.problems)
        # in review flag's order: the article's, the cross-article detectors' flags last
        status = NamedOff(frozenset(options.named), notes.append)
        flags = bench.open_flags([flag for batch in bench.stream_flags(status=status) for flag in batch.flags])
        status.check()
        document, state = bench.document, bench.session.state
        texts = bench.texts()
        english = bench.current_renderings()
        starts = article_offsets(document, state)
        records = [record(flag, starts[flag.segment_id]) for flag in flags]
        counts = Counter(str(flag.severity) for flag in flags)
        french = [texts[segment.id] for segment in document.segments]
        return {
            "segments": len(document.segments),
            "words": sum(len(text.split()) for text in french),
            "counts": {level: counts.get(level, 0) for level in SEVERITIES},
            "risk": risk(flags),
            "worst_segments": _worst_segments(flags),
            "flags": records,
            "flagged": _flagged(document, texts, english, records),
            "scores": _scores(task, document, french, english, notes),
            "notes": list(dict.fromkeys(notes)),
        }


def _worst_segments(flags: Sequence[Flag]) -> list[str]:
    weights = MqmWeights()
    points: dict[str, float] = {}
    for flag in flags:
        points[flag.segment_id] = points.get(flag.segment_id, 0.0) + weights.of(str(flag.severity))
    ranked = sorted(points.items(), key=lambda item: -item[1])  # stable: reading order among equals
    return [segment_id for segment_id, _ in ranked[:WORST_SEGMENTS]]


def _flagged(document: Document, texts: Mapping[str, str], english: Mapping[str, str],
             records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The flagged segments with their French and English, for the report."""
    wanted = {item["segment"] for item in records}
    return [{"id": segment.id, "number": segment.index + 1, "french": texts[segment.id],
             "english": english.get(segment.id)}
            for segment in document.segments if segment.id in wanted]


def _scores(task: Task, document: Document, french: Sequence[str], english: Mapping[str, str],
            notes: list[str]) -> dict[str, Any]:
    from review.scoring import corpus_scores, drift_report  # noqa: PLC0415
    from review.variants import load_aligned  # noqa: PLC0415 - txt, or TMX, XLIFF, PO, CSV by id or content

    scores: dict[str, Any] = {}
    ids = [segment.id for segment in document.segments]
    if task.source is not None:
        if len(english) < len(ids):
            notes.append("drift not scored: the English renderings are missing (run without --no-english)")
        else:
            try:
                sources = load_aligned(document, Path(task.source), "en", name=task.source,
                                       renderings=lambda: dict(english))
                drift = drift_report([english[segment_id] for segment_id in ids], sources, ids)
            except ReviewError as error:
                notes.append(f"drift not scored: {error.message}")
            else:
                worst = drift.worst(1)[0]
                scores.update(drift_chrf=round(drift.corpus_chrf, 2), drift_worst=worst.segment_id,
                              drift_worst_chrf=round(worst.chrf, 2))
    if task.ref is not None:
        try:
            references = load_aligned(document, Path(task.ref), document.language or "fr", name=task.ref,
                                      renderings=lambda: dict(english))
            for score in corpus_scores(french, references):
                scores[score.metric] = round(score.score, 2)
        except ReviewError as error:
            notes.append(f"reference scores not computed: {error.message}")
    return scores
