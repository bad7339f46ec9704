"""Renderings cached on disk, so reopening an article makes no model call.

SQLite from the standard library, one row per (model, revision, French text).
The revision comes from :func:`review.translate.models.resolve_model`, so a
new download or a retrained local model never serves stale English.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS renderings (
    model TEXT NOT NULL,
    revision TEXT NOT NULL,
    source TEXT NOT NULL,
    rendering TEXT NOT NULL,
    PRIMARY KEY (model, revision, source)
)
"""


def default_cache_path() -> Path:
    if env := os.environ.get("REVIEW_CACHE"):
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "review" / "renderings.sqlite"


class RenderingCache:
    """Look up and store renderings; safe to use from one thread at a time."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get_many(self, model: str, revision: str, sources: Sequence[str]) -> dict[str, str]:
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

    def put_many(self, model: str, revision: str, pairs: Iterable[tuple[str, str]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO renderings (model, revision, source, rendering) VALUES (?, ?, ?, ?)",
                [(model, revision, source, rendering) for source, rendering in pairs],
            )

    def close(self) -> None:
        self._db.close()
