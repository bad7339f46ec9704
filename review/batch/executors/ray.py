"""Ray Data over the article list: a pool of actors, each holding one checker and its models.

Needs ``pip install 'review[ray]'``; Ray is imported only when this executor
runs.  With no ``--ray-address`` a local cluster is started for the run (and
stopped after it); ``auto`` or ``HOST:PORT`` joins a running one, whose nodes
need ``review`` installed and the models where ``--model`` says.  Results
stream back to the command, which writes the files, so the output directory
only has to exist where the command runs.  Actors given GPUs (``--num-gpus``)
run their models on ``cuda`` when ``--device`` is ``auto``.
"""

from __future__ import annotations

import importlib.util
import json
import socket
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from review.batch.executors import ExecutorInfo, ExecutorSettings
from review.batch.inputs import Article
from review.batch.job import ArticleChecker, BatchOptions, Task
from review.errors import ModelError, UsageError

CONNECT_TIMEOUT = 5.0  # seconds to wait for a cluster's head to answer

INFO = ExecutorInfo(name="ray", summary="Ray Data actors on a local or existing Ray cluster (--ray-address)",
                    extra="ray")


def _encode(task: Task) -> str:
    article = {"path": str(task.article.path), "name": task.article.name, "relative": task.article.relative}
    return json.dumps({**asdict(task), "article": article})


def _decode(payload: str) -> Task:
    data = json.loads(payload)
    article = Article(path=Path(data["article"]["path"]), name=data["article"]["name"],
                      relative=data["article"].get("relative", ""))
    return Task(article=article, source=data["source"], ref=data["ref"], digest=data["digest"])


class RayChecker:
    """The callable class Ray Data runs in each actor: models load once, in ``__init__``."""

    def __init__(self, options: BatchOptions) -> None:
        self.checker = ArticleChecker(options)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        results = []
        for payload in batch["task"]:
            try:
                result = self.checker.check(_decode(str(payload)))
            except ModelError as error:  # travels back as data: Ray would wrap the exception
                result = {"fatal": error.message}
            results.append(json.dumps(result, ensure_ascii=False))
        return {"result": results}


def check(settings: ExecutorSettings) -> None:
    """Refuse at once, before anything is written: Ray not installed, or no cluster at ``--ray-address``."""
    if importlib.util.find_spec("ray") is None:
        msg = "the ray executor needs Ray: pip install 'review[ray]'"
        raise ModelError(msg)
    if settings.ray_address is not None:
        _answers(settings.ray_address)


def _answers(address: str) -> None:
    """A HOST:PORT that nothing listens at is refused in seconds (``ray.init`` would retry it forever).

    ``auto`` is looked up as ``ray.init`` will (RAY_ADDRESS, then the clusters running on this machine)
    and the address found is tried the same way; none found is refused before any file is written.
    """
    if address == "local":
        return
    if address == "auto":
        _answers(_found_address())
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        msg = f"--ray-address {address}: give auto or HOST:PORT (the head node's GCS port, 6379 by default)"
        raise UsageError(msg)
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as error:
        msg = (f"cannot join the Ray cluster at {address}: nothing answers there ({error.strerror or error}); "
               "start one with `ray start --head`, or check the address")
        raise ModelError(msg) from None


def _found_address() -> str:
    """The cluster ``--ray-address auto`` joins, found by Ray's own look-up."""
    # Ray's own function (private, so guarded): the address ray.init(address="auto") would go to
    try:
        from ray._private.services import canonicalize_bootstrap_address  # noqa: PLC0415
    except ImportError:
        msg = "the ray executor needs Ray, which cannot be imported: pip install 'review[ray]'"
        raise ModelError(msg) from None
    try:
        found = canonicalize_bootstrap_address("auto")
    except (ConnectionError, ValueError):
        found = None
    if not found:
        msg = ("cannot join the Ray cluster at auto: no Ray cluster runs on this machine and RAY_ADDRESS is not set; "
               "start one with `ray start --head`, or give --ray-address HOST:PORT")
        raise ModelError(msg)
    return str(found)


def _connect(settings: ExecutorSettings) -> bool:
    """Join or start a cluster; True when this run started it (and must stop it)."""
    import ray  # noqa: PLC0415

    if ray.is_initialized():
        return False
    try:
        if settings.ray_address is not None:
            ray.init(address=settings.ray_address, log_to_driver=False)
            return True
        ray.init(num_cpus=settings.jobs, log_to_driver=False, include_dashboard=False)
    except ConnectionError as error:
        msg = f"cannot join the Ray cluster at {settings.ray_address}: {error}"
        raise ModelError(msg) from None
    return True


def actor_options(options: BatchOptions, settings: ExecutorSettings) -> BatchOptions:
    """The options each actor gets: with GPUs (``--num-gpus``) and ``--device auto``, models on ``cuda``.

    Explicit, not left to ``auto`` on the actor: an actor that holds a GPU its torch cannot see says so
    (a model error) instead of running on the CPU while the GPU waits.
    """
    if settings.num_gpus > 0 and options.device == "auto":
        return replace(options, device="cuda")
    return options


def _enough_gpus(wanted: float, cluster: float) -> None:
    """Actors asking for more GPUs than the cluster has would wait for ever: refuse instead."""
    if wanted > cluster:
        msg = (f"--num-gpus {wanted:g} asks each Ray actor for {wanted:g} GPU but the cluster has {cluster:g}: "
               "drop --num-gpus, or join a cluster with GPUs (--ray-address)")
        raise ModelError(msg)


def run(tasks: Sequence[Task], options: BatchOptions, settings: ExecutorSettings) -> Iterator[dict[str, Any]]:
    if not tasks:
        return
    try:
        import ray  # noqa: PLC0415
        import ray.data  # noqa: PLC0415
    except ImportError as error:
        msg = f"the ray executor needs Ray, which cannot be imported ({error}): pip install 'review[ray]'"
        raise ModelError(msg) from None
    options = actor_options(options, settings)
    started = _connect(settings)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the command draws one bar for the whole run
        context.print_on_execution_start = False
        resources = ray.cluster_resources()  # type: ignore[no-untyped-call]
        _enough_gpus(settings.num_gpus, resources.get("GPU", 0))
        cpus = resources.get("CPU", 1)
        actors = settings.concurrency or max(1, int(cpus))
        dataset = ray.data.from_items([{"task": _encode(task)} for task in tasks],
                                      override_num_blocks=len(tasks))
        results = dataset.map_batches(
            RayChecker, fn_constructor_kwargs={"options": options}, batch_size=1, batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=min(actors, len(tasks))), num_cpus=1,
            num_gpus=settings.num_gpus or None)
        for row in results.iter_rows():
            result: dict[str, Any] = json.loads(row["result"])
            if "fatal" in result:
                raise ModelError(result["fatal"])
            yield result
    finally:
        if started:
            ray.shutdown()
