"""``review batch``: flag, render and score a day's articles into one output folder."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from review.batch import ARTICLES_FAILED
from review.commands.common import add_detector_options, add_min_confidence, add_model, language_tag
from review.commands.flag import FAIL_LEVELS, add_detector_choice, chosen_detectors, named_detectors
from review.errors import ModelError


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"{text!r} is not a whole number of 1 or more"
        raise argparse.ArgumentTypeError(msg)
    return value


def _gpus(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        msg = f"{text!r} is not a number of GPUs (0 or more, fractions share one)"
        raise argparse.ArgumentTypeError(msg)
    return value


def _absolute(value: object) -> object:
    """Paths made absolute: workers (and Ray actors) may not start in this folder."""
    if isinstance(value, Path):
        return value.resolve()
    if isinstance(value, list):
        return [_absolute(item) for item in value]
    return value


def _check_model(model: str) -> None:
    """Refuse at once, not in every worker, when the model to render with is not here."""
    from review.translate.models import missing_model_message, resolve_model  # noqa: PLC0415

    ref = resolve_model(model)  # a folder that is not a model says so itself
    if ref.path is None and ref.revision is None:
        raise ModelError(missing_model_message(model) + "; or pass --no-english for flags only")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from review.batch.executors import EXECUTORS  # noqa: PLC0415

    parser = sub.add_parser(
        "batch", help="check many articles in one run: flags, English, scores, summary.csv, report.html",
        description="Render, flag and score every article into OUTDIR: ARTICLE.flags.jsonl (the records of "
                    "review flag --format json) and ARTICLE.json under OUTDIR/articles, summary.csv and "
                    "report.html. A second run with the same OUTDIR skips the articles already done. "
                    f"Exit 1 when a flag reaches --fail-on, {ARTICLES_FAILED} when some article could not be "
                    "checked (see summary.csv).")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="article files, folders (every *.txt under them) or @list.txt (one path a line)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR", help="output folder")
    parser.add_argument("--executor", choices=tuple(EXECUTORS), default="local",
                        help="local: worker processes here (default); ray: Ray Data actors "
                             "(pip install 'review[ray]')")
    parser.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                        help="worker processes (local) or CPUs of the local Ray cluster (default: the cores)")
    parser.add_argument("--ray-address", metavar="auto|HOST:PORT",
                        help="join a running Ray cluster (default: start a local one for the run)")
    parser.add_argument("--concurrency", type=_positive, metavar="N",
                        help="Ray actors, each holding the models (default: one per CPU of the cluster)")
    parser.add_argument("--num-gpus", type=_gpus, default=0.0, metavar="G",
                        help="GPUs per Ray actor, e.g. 1 or 0.25 to share one between four (default 0); the actors' "
                             "models then run on cuda unless --device says cpu")
    add_model(parser)
    parser.add_argument("--no-english", dest="english", action="store_false",
                        help="do not render with the model: flags only, from cached renderings as review flag")
    add_detector_choice(parser)
    parser.add_argument("--source", type=Path, metavar="DIR|MAP",
                        help="English originals: a folder (NAME.txt, the article's file name, or .fr. → .en.) "
                             "or a file of ARTICLE<TAB>EN lines; adds drift scores, and feeds the source, "
                             "dictionary and reference detectors when --detectors names them")
    parser.add_argument("--ref", type=Path, metavar="DIR|MAP",
                        help="reference French translations, found like --source: BLEU, chrF2++, TER per article")
    add_min_confidence(parser)
    add_detector_options(parser)  # as review flag takes them, declared by each detector
    parser.add_argument("--source-lang", metavar="LANG", type=language_tag,
                        help="language of the articles when detection is wrong")
    parser.add_argument("--title", default="review batch", help="title of report.html")
    parser.set_defaults(run=run)


def _say_unpaired(found: dict[str, Path | None], where: Path | None, what: str) -> None:
    """One line naming the articles for which ``where`` holds no file: they are checked without it."""
    missing = [name for name, path in found.items() if path is None]
    if where is None or not missing:
        return
    shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    print(f"review: no {what} in {where} for {len(missing)} of {len(found)} articles ({shown}): "
          "they are checked without it", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from review.batch.executors import ExecutorSettings, executor  # noqa: PLC0415
    from review.batch.inputs import collect, pair  # noqa: PLC0415
    from review.batch.job import BatchOptions, forwarded_env, make_task  # noqa: PLC0415
    from review.batch.outputs import OutDir  # noqa: PLC0415
    from review.batch.run import run_batch  # noqa: PLC0415
    from review.commands.common import check_device, check_files, flag_options  # noqa: PLC0415

    settings = ExecutorSettings(jobs=args.jobs, ray_address=args.ray_address, concurrency=args.concurrency,
                                num_gpus=args.num_gpus)
    executor(args.executor).check(settings)  # Ray missing, or no cluster at the address: before any file
    chosen = flag_options(argparse.Namespace(**{**vars(args), "source": None}))  # each article has its own
    check_files(chosen)
    if args.executor == "local":  # Ray's actors may have GPUs this machine lacks: they check for themselves
        check_device(args)
    if args.english:
        _check_model(args.model)
    articles = collect(args.inputs)
    cores = os.cpu_count() or 1
    workers = args.jobs if args.executor == "local" else (args.concurrency or args.jobs)
    options = BatchOptions(
        detectors=chosen_detectors(args, with_source=False), model=args.model, engine=args.engine, device=chosen.device,
        english=args.english, min_confidence=chosen.min_confidence,
        settings={key: _absolute(value) for key, value in chosen.settings.items()}, source_lang=args.source_lang,
        threads=max(1, cores // max(1, workers)), env=forwarded_env(),
        named=tuple(sorted(named_detectors(args.detectors))))
    sources, refs = pair(articles, args.source), pair(articles, args.ref)
    _say_unpaired(sources, args.source, "English original")
    _say_unpaired(refs, args.ref, "reference")
    fingerprint = options.fingerprint()  # reads the lexicons and the model folder once, not once an article
    tasks = [make_task(article, options, sources[article.name], refs[article.name], fingerprint=fingerprint)
             for article in articles]
    outdir = OutDir(args.output)
    # kill (SIGTERM) stops the run like ctrl+c: workers are ended and every finished article is kept
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        done = run_batch(tasks, options, outdir, executor_name=args.executor, settings=settings, title=args.title)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if done.failed:
        print(f"review: {len(done.failed)} of {len(tasks)} articles could not be checked: see "
              f"{outdir.root / 'summary.csv'}", file=sys.stderr)
        return ARTICLES_FAILED
    if args.fail_on is not None and done.reached(FAIL_LEVELS.index(args.fail_on), FAIL_LEVELS):
        return 1
    return 0
