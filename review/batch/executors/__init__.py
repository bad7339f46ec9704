"""Executors spread a run's articles over workers; each is one module that declares itself.

A module named in :data:`EXECUTORS` defines ``INFO`` (an :class:`ExecutorInfo`)
and ``run(tasks, options, settings)``, an iterator of results in the order they
finish.  Executors only move tasks and results: the work is
:class:`review.batch.job.ArticleChecker`'s and the files are
:mod:`review.batch.outputs`' (written by the command as results arrive), so
every executor writes the same files for the same input.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from review.batch.job import BatchOptions, Task
from review.errors import ReviewError

EXECUTORS: dict[str, str] = {
    "local": "review.batch.executors.local",
    "ray": "review.batch.executors.ray",
}


@dataclass(frozen=True, slots=True)
class ExecutorInfo:
    """name: the --executor value; summary: one line for --help; extra: the pip extra it needs, if any."""

    name: str
    summary: str
    extra: str | None = None


@dataclass(frozen=True, slots=True)
class ExecutorSettings:
    """How to spread the work.

    jobs: local worker processes (local executor; Ray: CPUs of a local cluster it starts).
    ray_address: None starts a local Ray cluster; ``auto`` or HOST:PORT joins one.
    concurrency: Ray actors (default: one per CPU of the cluster).
    num_gpus: GPUs per Ray actor (fractions share a GPU).
    """

    jobs: int = 1
    ray_address: str | None = None
    concurrency: int | None = None
    num_gpus: float = 0.0


class Executor(Protocol):
    INFO: ExecutorInfo

    def check(self, settings: ExecutorSettings) -> None: ...

    def run(self, tasks: Sequence[Task], options: BatchOptions, settings: ExecutorSettings
            ) -> Iterator[dict[str, Any]]: ...


def executor(name: str) -> ModuleType:
    if name not in EXECUTORS:
        msg = f"unknown executor {name!r}: choose from {', '.join(EXECUTORS)}"
        raise ReviewError(msg)
    return importlib.import_module(EXECUTORS[name])


def summaries() -> str:
    """One ``name: summary`` per executor, for --help."""
    return "; ".join(f"{name}: {executor(name).INFO.summary}" for name in EXECUTORS)
