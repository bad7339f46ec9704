"""review batch end to end: worker processes, Ray, review flag's records, resuming after kill -9.

Every run here starts real workers that load spaCy and a tiny Marian model, as
a user's run loads the real ones.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from batch_support import ARTICLES, BAD, outputs, write_articles

from review.batch import ARTICLES_FAILED
from review.cli import main

pytestmark = pytest.mark.slow  # worker processes load spaCy and a model


@dataclass(frozen=True)
class Day:
    folder: Path
    outdir: Path
    cache: Path
    code: int


def _batch(folder: Path, outdir: Path, cache: Path, model: Path, *extra: str) -> int:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVIEW_CACHE", str(cache))
        patch.setenv("REVIEW_ENGINE", "marian")  # module fixtures run outside the autouse fixture that sets it
        return main(["batch", str(folder), "-o", str(outdir), "--model", str(model), *extra])


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory, tiny_marian: Path) -> Day:
    """The articles checked once by a single worker: what every other run is compared with."""
    base = tmp_path_factory.mktemp("day")
    folder = write_articles(base / "in")
    code = _batch(folder, base / "out-1", base / "cache-1.sqlite", tiny_marian, "--jobs", "1")
    return Day(folder=folder, outdir=base / "out-1", cache=base / "cache-1.sqlite", code=code)


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[None]:
    """One local Ray cluster for the session: starting one takes seconds."""
    ray = pytest.importorskip("ray", reason="the ray executor needs pip install 'review[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _summary(outdir: Path) -> dict[str, dict[str, str]]:
    with (outdir / "summary.csv").open(encoding="utf-8") as stream:
        return {row["name"]: row for row in csv.DictReader(stream)}


def test_every_article_has_its_files_and_bad_ones_their_error(day: Day) -> None:
    assert day.code == ARTICLES_FAILED
    rows = _summary(day.outdir)
    assert set(rows) == {name.removesuffix(".txt") for name in [*ARTICLES, *BAD]}
    for name in BAD:
        assert rows[name.removesuffix(".txt")]["error"]
    assert "empty" in rows["empty"]["error"]
    assert "binary" in rows["binary"]["error"]
    assert "English" in rows["english"]["error"]
    for name in ARTICLES:
        key = name.removesuffix(".txt")
        assert rows[key]["error"] == ""
        result = json.loads((day.outdir / "articles" / f"{key}.json").read_text(encoding="utf-8"))
        assert result["segments"] == int(rows[key]["segments"]) > 0
        assert all(segment["english"] for segment in result["flagged"])  # rendered by the model
    assert int(rows["risky"]["flags"]) > 0
    assert float(rows["risky"]["risk"]) > float(rows["calm"]["risk"])


def test_two_workers_write_the_same_files_as_one(day: Day, tiny_marian: Path, tmp_path: Path) -> None:
    code = _batch(day.folder, tmp_path / "out-2", tmp_path / "cache-2.sqlite", tiny_marian, "--jobs", "2")
    assert code == ARTICLES_FAILED
    assert outputs(tmp_path / "out-2") == outputs(day.outdir)


@pytest.mark.parametrize("name", sorted(ARTICLES), ids=sorted(ARTICLES))
def test_flags_are_review_flags_own(day: Day, tiny_marian: Path, name: str, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEW_CACHE", str(day.cache))  # the renderings the batch left in the cache
    capsys.readouterr()
    assert main(["flag", str(day.folder / name), "--format", "json", "--model", str(tiny_marian)]) == 0
    expected = json.loads(capsys.readouterr().out)["flags"]
    written = (day.outdir / "articles" / f"{name.removesuffix('.txt')}.flags.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line) for line in written.splitlines()] == expected


def test_ray_writes_the_same_files_as_local_workers(day: Day, tiny_marian: Path, tmp_path: Path,
                                                    ray_cluster: None) -> None:
    del ray_cluster
    code = _batch(day.folder, tmp_path / "out-ray", tmp_path / "cache-ray.sqlite", tiny_marian,
                  "--executor", "ray", "--concurrency", "2")
    assert code == ARTICLES_FAILED
    assert outputs(tmp_path / "out-ray") == outputs(day.outdir)


def test_ray_actors_asking_for_more_gpus_than_the_cluster_has_are_refused(day: Day, tiny_marian: Path,
                                                                         tmp_path: Path, ray_cluster: None) -> None:
    del ray_cluster
    import ray  # noqa: PLC0415

    gpus = ray.cluster_resources().get("GPU", 0)
    code = _batch(day.folder, tmp_path / "out-gpu", tmp_path / "cache-gpu.sqlite", tiny_marian,
                  "--executor", "ray", "--num-gpus", str(gpus + 1))
    assert code == 4  # at once: the actors would have waited for ever for a GPU


@pytest.mark.parametrize("executor", ["local", "ray"])
def test_a_detector_named_by_hand_that_cannot_run_stops_the_batch(day: Day, tiny_marian: Path, tmp_path: Path,
                                                                  executor: str, request: pytest.FixtureRequest,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    if executor == "ray":
        request.getfixturevalue("ray_cluster")
    capsys.readouterr()
    code = _batch(day.folder, tmp_path / "out", tmp_path / "cache.sqlite", tiny_marian, "--executor", executor,
                  "--no-english", "--detectors", "+fluency", "--fluency-model", str(tmp_path / "no-such-model"))
    assert code == 4
    assert "the fluency detector cannot run" in capsys.readouterr().err
    written = [json.loads(path.read_text(encoding="utf-8")) for path in (tmp_path / "out").glob("articles/*.json")]
    assert all(result["error"] for result in written)  # no article passes for checked without the detector


def _results(outdir: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in (outdir / "articles").glob("*.json")}


def test_a_killed_run_resumes_without_redoing_finished_articles(tiny_marian: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sentences = list(ARTICLES.values())
    for number in range(8):
        (folder / f"story{number}.txt").write_text(" ".join(sentences[number % 4].split(". ")[::-1]) + "\n"
                                                   + sentences[(number + 1) % 4], encoding="utf-8")
    outdir = tmp_path / "out"
    env = {**os.environ, "REVIEW_CACHE": str(tmp_path / "cache.sqlite"), "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "review", "batch", str(folder), "-o", str(outdir), "--jobs", "1",
               "--model", str(tiny_marian)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 600
    while not _results(outdir) if outdir.exists() else True:
        assert process.poll() is None, "the run ended before any article was done"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its worker, mid-run
    process.wait()
    before = _results(outdir)
    assert 1 <= len(before) < 8, "kill -9 came too late to leave work undone"
    for name in before:  # whole files only
        json.loads((outdir / "articles" / name).read_text(encoding="utf-8"))
    code = _batch(folder, outdir, tmp_path / "cache.sqlite", tiny_marian, "--jobs", "1", "--fail-on", "major")
    assert code == 1  # the risky sentences carry major flags
    after = _results(outdir)
    assert len(after) == 8
    assert {name: after[name] for name in before} == before  # finished articles were not redone
    assert not list((outdir / "articles").glob(".*.tmp"))
    assert len(_summary(outdir)) == 8
