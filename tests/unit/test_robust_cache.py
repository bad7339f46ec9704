"""A broken rendering cache never stops a review: one line, the bad file kept aside, work goes on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from review.cli import main
from review.translate.cache import RenderingCache


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(20_000))


def damaged_database(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(20_000))


def directory(path: Path) -> None:
    path.mkdir()


def under_a_file(path: Path) -> None:
    path.parent.write_text("a file where the folder should be", encoding="utf-8")


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "random-bytes": random_bytes, "damaged-database": damaged_database, "directory": directory,
    "under-a-file": under_a_file, "empty-file": empty_file,
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_broken_cache_still_stores_and_serves(breakage: Callable[[Path], None], tmp_path: Path) -> None:
    path = tmp_path / "cache" / "renderings.sqlite"
    if breakage is not under_a_file:
        path.parent.mkdir()
    breakage(path)
    lines: list[str] = []
    cache = RenderingCache(path, warn=lines.append)
    cache.put_many("m", "r", [("Bonjour.", "Hello.")])
    assert cache.get_many("m", "r", ["Bonjour.", "Salut."]) == {"Bonjour.": "Hello."}
    assert len(lines) <= 1
    if breakage is not empty_file:
        assert lines == [cache.problem]
        assert str(path) in lines[0]
    cache.close()


@pytest.mark.parametrize("breakage", [random_bytes, damaged_database], ids=["random-bytes", "damaged-database"])
def test_damaged_file_is_moved_aside_not_deleted(breakage: Callable[[Path], None], tmp_path: Path) -> None:
    path = tmp_path / "renderings.sqlite"
    breakage(path)
    damaged = path.read_bytes()
    lines: list[str] = []
    RenderingCache(path, warn=lines.append).close()
    kept = list(tmp_path.glob("renderings.sqlite.broken-*"))
    assert [item.read_bytes() for item in kept if not item.name.endswith(("-wal", "-shm"))] == [damaged]
    assert "moved aside" in lines[0]
    with sqlite3.connect(path) as fresh:
        assert fresh.execute("SELECT count(*) FROM renderings").fetchone() == (0,)
    # a second damaged file the same second does not replace the first one kept aside
    breakage(path)
    RenderingCache(path, warn=lines.append).close()
    assert len([item for item in tmp_path.glob("renderings.sqlite.broken-*") if "-wal" not in item.name
                and "-shm" not in item.name]) == 2


def test_cache_failing_in_use_falls_back_to_memory(tmp_path: Path) -> None:
    path = tmp_path / "renderings.sqlite"
    lines: list[str] = []
    cache = RenderingCache(path, warn=lines.append)
    cache.put_many("m", "r", [("Un.", "One.")])
    cache._db.close()  # the connection dies under it (as a vanished or damaged disk would make it)
    cache.put_many("m", "r", [("Deux.", "Two.")])
    assert cache.get_many("m", "r", ["Deux."]) == {"Deux.": "Two."}
    assert "kept in memory" in lines[0]


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_export_with_broken_cache_is_one_warning(breakage: Callable[[Path], None], article: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "c" / "renderings.sqlite"
    if breakage is not under_a_file:
        cache.parent.mkdir()
    breakage(cache)
    monkeypatch.setenv("REVIEW_CACHE", str(cache))
    out = tmp_path / "out.csv"
    assert main(["export", str(article), "-o", str(out), "--format", "jsonl", "--no-flags"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert out.exists()


def test_a_file_that_is_no_cache_is_never_moved(article: Path) -> None:
    before = article.read_bytes()
    lines: list[str] = []
    cache = RenderingCache(article, warn=lines.append)  # REVIEW_CACHE set to the article by mistake
    cache.put_many("m", "r", [("Bonjour.", "Hello.")])
    assert cache.get_many("m", "r", ["Bonjour."]) == {"Bonjour.": "Hello."}  # in memory
    cache.close()
    assert article.read_bytes() == before
    assert not list(article.parent.glob("*.broken-*"))
    assert "left as it is" in lines[0]


def test_a_cache_damaged_inside_is_moved_aside_once(tmp_path: Path) -> None:
    path = tmp_path / "renderings.sqlite"
    cache = RenderingCache(path, warn=lambda _line: None)
    cache.put_many("m", "r", [(f"Phrase numéro {number} " * 20, "English.") for number in range(400)])
    cache.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as stream:  # the header stays valid, the pages behind it do not
        stream.seek(8192)
        stream.write(os.urandom(60_000))
    lines: list[str] = []
    damaged = RenderingCache(path, warn=lines.append)
    damaged.get_many("m", "r", ["Phrase numéro 3 " * 20])
    damaged.put_many("m", "r", [("Bonjour.", "Hello.")])
    assert damaged.get_many("m", "r", ["Bonjour."]) == {"Bonjour.": "Hello."}
    damaged.close()
    assert any("moved aside" in line for line in lines)
    aside = [found for found in tmp_path.glob("renderings.sqlite.broken-*")
             if not found.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1
    quiet: list[str] = []
    RenderingCache(path, warn=quiet.append).close()  # the next run starts from the fresh file, without a word
    assert quiet == []


def test_a_file_where_the_cache_folder_should_be_is_called_that(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("in the way", encoding="utf-8")
    lines: list[str] = []
    RenderingCache(blocker / "renderings.sqlite", warn=lines.append).close()
    assert f"{blocker} is a file, where a folder should be" in lines[0]


def test_a_cache_deleted_while_in_use_is_started_afresh(tmp_path: Path) -> None:
    path = tmp_path / "renderings.sqlite3"
    lines: list[str] = []
    cache = RenderingCache(path, warn=lines.append)
    cache.put_many("m", "r", [("un", "one")])
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):  # what `rm` of the cache leaves
        (tmp_path / name).unlink(missing_ok=True)

    cache.put_many("m", "r", [("deux", "two")])
    cache.close()

    assert RenderingCache(path, warn=lines.append).get_many("m", "r", ["un", "deux"]) == {"deux": "two"}
    assert len(lines) == 1
    assert "removed while in use" in lines[0]


def test_a_cache_kept_in_memory_stays_there(tmp_path: Path) -> None:
    path = tmp_path / "folder-not-file"
    path.mkdir()
    lines: list[str] = []
    cache = RenderingCache(path, warn=lines.append)
    cache.put_many("m", "r", [("un", "one")])
    cache.put_many("m", "r", [("deux", "two")])

    assert cache.get_many("m", "r", ["un", "deux"]) == {"un": "one", "deux": "two"}
    assert len(lines) == 1  # the one line saying it cannot use the folder, nothing about a removal
