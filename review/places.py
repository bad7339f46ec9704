"""Where review keeps what it can make again: the user's cache folder, and how a cache file is written.

Everything under :func:`cache_home` is rebuilt when missing or damaged (the renderings, spaCy's compiled
tokenizer pattern, Apertium's table), so a file there is written whole or not at all, and a folder that
cannot be written only costs the next process the work again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_home() -> Path:
    """``$XDG_CACHE_HOME/review`` (``~/.cache/review`` when the variable is unset or empty)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "review"


def write_cache(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file renamed into place; False when it cannot be written.

    A reader in another process (two batch workers) sees the old file or the new one, never half of one.
    """
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return True
