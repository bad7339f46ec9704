"""Renderings cached on disk, so reopening an article makes no model call.

SQLite from the standard library, one row per (model, revision, French text).
The revision comes from :func:`review.translate.models.resolve_model`, so a
new download or a retrained local model never serves stale English.

A broken cache never stops a review: a file that is not a database is moved
aside (renamed ``*.broken-TIME``, never deleted) and a fresh one started; a
path that cannot hold a database (a folder, a file in the way of its folder, a
full or read-only disk) leaves the renderings in memory for this run.  Either
way one line says what happened (:attr:`RenderingCache.problem`).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from review.places import cache_home

_SCHEMA = """
CREATE TABLE IF NOT EXISTS renderings (
    model TEXT NOT NULL,
    revision TEXT NOT NULL,
    source TEXT NOT NULL,
    rendering TEXT NOT NULL,
    PRIMARY KEY (model, revision, source)
)
"""
IN_MEMORY = ":memory:"
SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db", ".cache"})  # a file named so may be set aside when broken


def default_cache_path() -> Path:
    if env := os.environ.get("REVIEW_CACHE"):
        return Path(env)
    return cache_home() / "renderings.sqlite"


def _to_stderr(line: str) -> None:
    print(f"review: warning: {line}", file=sys.stderr)


def _why(error: BaseException) -> str:
    if isinstance(error, (FileExistsError, NotADirectoryError)) and error.filename is not None:
        return f"{error.filename} is a file, where a folder should be"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


class RenderingCache:
    """Look up and store renderings; safe to use from one thread at a time.

    warn: called with one line when the cache cannot be used as it is (default: stderr).
    """

    def __init__(self, path: Path | None = None, *, warn: Callable[[str], None] = _to_stderr) -> None:
        self.path = path or default_cache_path()
        self.problem: str | None = None
        self._warn = warn
        self._db = self._open()
        self._file = self._identity()

    def _connect(self, where: str) -> sqlite3.Connection:
        self._where = where
        db = sqlite3.connect(where, check_same_thread=False, timeout=10)
        try:
            if where != IN_MEMORY:
                db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and not self.path.is_file():
                msg = "it is not a regular file"
                raise sqlite3.OperationalError(msg)
            return self._connect(str(self.path))
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) or not self.path.is_file():
                return self._in_memory(error)
        except OSError as error:
            return self._in_memory(error)
        if not self._ours():  # someone else's file named by REVIEW_CACHE (an article, say): never touch it
            msg = "it is not an SQLite file, and not one a cache would be named; it was left as it is"
            return self._in_memory(sqlite3.DatabaseError(msg))
        return self._aside()

    def _ours(self) -> bool:
        """Whether the file at the cache path may be set aside: a damaged SQLite file, or one named as a cache is."""
        try:
            with self.path.open("rb") as stream:
                head = stream.read(16)
        except OSError:
            return False
        named = self.path == default_cache_path() or self.path.suffix.lower() in CACHE_SUFFIXES
        return head == SQLITE_HEADER or named

    def _aside(self) -> sqlite3.Connection:
        """Keep a damaged cache for whoever wants it (renamed ``*.broken-TIME``) and start afresh."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        number = 1
        while aside.exists():  # never replace an earlier broken file
            number += 1
            aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{number}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    os.replace(companion, aside.with_name(aside.name + suffix))
            db = self._connect(str(self.path))
        except (OSError, sqlite3.Error) as error:
            return self._in_memory(error)
        self._report(f"rendering cache {self.path} was damaged: moved aside to {aside.name}, starting a fresh one")
        return db

    def _in_memory(self, error: BaseException) -> sqlite3.Connection:
        self._report(f"rendering cache {self.path} cannot be used ({_why(error)}): renderings are kept in memory "
                     "for this run only; set REVIEW_CACHE to another file to keep them")
        return self._connect(IN_MEMORY)

    def _report(self, line: str) -> None:
        self.problem = line
        self._warn(line)

    def _fall_back(self, error: sqlite3.Error) -> None:
        """The database failed while in use: damaged inside, set aside for a fresh one; else (disk full) in memory."""
        old = self._db
        old.close()
        damaged = type(error) is sqlite3.DatabaseError and self.path.is_file() and self._ours()
        self._db = self._aside() if damaged else self._in_memory(error)
        self._file = self._identity()

    def get_many(self, model: str, revision: str, sources: Sequence[str]) -> dict[str, str]:
        try:
            return self._get_many(model, revision, sources)
        except sqlite3.Error as error:
            self._fall_back(error)
            return {}

    def _get_many(self, model: str, revision: str, sources: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sources))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, rendering FROM renderings WHERE model=? AND revision=? AND source IN ({marks})",  # noqa: S608 - only placeholders are formatted in
                (model, revision, *chunk),
            )
            found.update(dict(rows.fetchall()))
        return found

    def _identity(self) -> tuple[int, int] | None:
        """The cache file the connection writes to (device, inode); None when it is kept in memory."""
        if self._where == IN_MEMORY:
            return None
        try:
            found = self.path.stat()
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def _still_there(self) -> None:
        """Start a fresh cache file when the one in use was deleted or replaced: writes to it would be lost."""
        if self._file is None or self._identity() == self._file:
            return
        self._db.close()
        self._db = self._open()
        self._file = self._identity()
        if self._file is not None:
            self._report(f"rendering cache {self.path} was removed while in use: renderings go to a fresh one")

    def put_many(self, model: str, revision: str, pairs: Iterable[tuple[str, str]]) -> None:
        rows = [(model, revision, source, rendering) for source, rendering in pairs]
        self._still_there()
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO renderings (model, revision, source, rendering) VALUES (?, ?, ?, ?)", rows,
                )
        except sqlite3.Error as error:
            self._fall_back(error)
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO renderings VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()
