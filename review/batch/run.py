"""A whole batch run: skip what is done, hand the rest to an executor, write as results arrive.

The command builds the tasks and options; :func:`run_batch` is what it calls,
and what tests call with any executor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from review.batch.executors import ExecutorSettings, executor
from review.batch.job import BatchOptions, Task
from review.batch.outputs import OutDir
from review.batch.progress import Progress


@dataclass(frozen=True, slots=True)
class BatchRun:
    """results: every article's result in input order; checked: the names processed in this run."""

    results: tuple[dict[str, Any], ...]
    checked: tuple[str, ...]

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [result for result in self.results if result.get("error") is not None]

    def reached(self, rank: int, severities: Sequence[str]) -> bool:
        """Whether any flag has a severity at or above ``severities[rank]`` (lowest first)."""
        wanted = set(severities[rank:])
        return any(result.get("counts", {}).get(level, 0) for result in self.results for level in wanted)


def run_batch(tasks: Sequence[Task], options: BatchOptions, outdir: OutDir, *, executor_name: str = "local",
              settings: ExecutorSettings | None = None, title: str = "review batch",
              progress: Callable[[int, int], Progress] | None = None) -> BatchRun:
    """Check every task not already done in ``outdir``, then write the summary and the report."""
    earlier: dict[str, dict[str, Any]] = {}
    todo: list[Task] = []
    for task in tasks:
        done = outdir.done(task)
        if done is None:
            todo.append(task)
        else:  # the same bytes, reached perhaps by another path (another working folder): show this run's
            earlier[task.article.name] = {**done, "article": str(task.article.path)}
    bar = (progress or (lambda total, done: Progress(total, done=done)))(len(tasks), len(earlier))
    checked: list[str] = []
    try:
        for result in executor(executor_name).run(todo, options, settings or ExecutorSettings()):
            outdir.write(result)
            earlier[result["name"]] = result
            checked.append(result["name"])
            bar.advance(failed=result.get("error") is not None)
    finally:
        bar.close()
    results = tuple(earlier[task.article.name] for task in tasks)
    outdir.write_summary(results)
    outdir.write_report(results, title=title)
    return BatchRun(results=results, checked=tuple(checked))
