"""Worker processes on this machine, each holding its own models, fed from one queue of articles.

Workers start with ``forkserver`` (``spawn`` where there is none): a fork of a
process that already holds torch or spaCy threads can hang, and a fresh
interpreter loads only what a worker needs.  Each worker builds one
:class:`ArticleChecker` in its initializer, so spaCy and the models load once
per worker, not once per article.  ctrl+c is the command's to handle: workers
ignore it and are terminated.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from review.batch.executors import ExecutorInfo, ExecutorSettings
from review.batch.job import ArticleChecker, BatchOptions, Task
from review.flags.nlp import without_torch

INFO = ExecutorInfo(name="local", summary="worker processes on this machine (--jobs)")

_checker: ArticleChecker | None = None


def _watch(command: int) -> None:
    """End this worker when the command is gone (killed with -9): nobody would read its results."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(command, 0)
        except ProcessLookupError:
            os._exit(1)


def _start(options: BatchOptions, command: int) -> None:
    global _checker  # noqa: PLW0603 - one checker per worker process, made by the pool's initializer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(command,), daemon=True, name="watch-command").start()
    if not options.needs_models():  # this process is the worker's own: nothing else will want torch
        without_torch()
    _checker = ArticleChecker(options)


def _check(task: Task) -> dict[str, Any]:
    if _checker is None:  # pragma: no cover - the initializer always runs first
        msg = "worker used before its initializer ran"
        raise RuntimeError(msg)
    return _checker.check(task)


def check(settings: ExecutorSettings) -> None:
    """Nothing to check before the run: the command has checked the device and the model already."""
    del settings


def run(tasks: Sequence[Task], options: BatchOptions, settings: ExecutorSettings) -> Iterator[dict[str, Any]]:
    if not tasks:
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = context.Pool(processes=max(1, min(settings.jobs, len(tasks))), initializer=_start,
                        initargs=(options, os.getpid()))
    try:
        yield from pool.imap_unordered(_check, tasks, chunksize=1)
        pool.close()
    finally:
        pool.terminate()
        pool.join()
