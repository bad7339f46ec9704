"""The ray executor refuses at once what would hang or fail later: no Ray, no cluster at the address."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from review.batch.executors import ExecutorSettings
from review.batch.executors import ray as ray_executor
from review.cli import main
from review.errors import ModelError, UsageError


def _closed_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the block ends: nothing listens there


def test_an_address_nothing_answers_at_is_refused_in_seconds(article: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    code = main(["batch", str(article), "-o", str(tmp_path / "out"), "--executor", "ray",
                 "--ray-address", f"127.0.0.1:{_closed_port()}"])
    assert code == 4
    assert time.monotonic() - started < 60  # before: ray.init retried for ever
    assert "nothing answers there" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("address", ["nowhere", "host:port", ":6379"])
def test_an_address_that_is_not_host_port_is_a_command_line_error(address: str) -> None:
    with pytest.raises(UsageError, match="give auto or HOST:PORT"):
        ray_executor.check(ExecutorSettings(ray_address=address))


def test_without_ray_installed_the_run_is_refused_before_writing(article: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *rest: None if name == "ray" else real(name, *rest))
    assert main(["batch", str(article), "-o", str(tmp_path / "out"), "--executor", "ray"]) == 4
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("wanted", "cluster", "refused"), [(1, 0, True), (0.5, 0, True), (0.5, 1, False),
                                                             (2, 2, False), (0, 0, False)])
def test_gpus_per_actor_are_checked_against_the_cluster(wanted: float, cluster: float, refused: bool) -> None:
    if refused:
        with pytest.raises(ModelError, match="drop --num-gpus"):
            ray_executor._enough_gpus(wanted, cluster)
    else:
        ray_executor._enough_gpus(wanted, cluster)


def test_auto_looks_the_cluster_up_before_writing(article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("ray")
    monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{_closed_port()}")  # where `auto` leads, as ray.init reads it
    code = main(["batch", str(article), "-o", str(tmp_path / "out"), "--executor", "ray", "--ray-address", "auto"])
    assert code == 4
    assert "nothing answers there" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
