"""Write the reviewed article out: atomically, and never over the article itself."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from review.document import BOM, apply_corrections
from review.errors import ExportError
from review.model import Document, ReviewState


def corrected_text(document: Document, state: ReviewState) -> str:
    """The article with every correction in place; untouched text exactly as read."""
    return apply_corrections(document, state.texts)


def corrected_bytes(document: Document, state: ReviewState) -> bytes:
    text = corrected_text(document, state)
    return ((BOM if document.bom else "") + text).encode("utf-8")


def atomic_write(path: Path, data: bytes, *, protect: tuple[Path, ...] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    ``protect`` lists files that must never be overwritten (the article).
    """
    target = path.resolve() if path.exists() else path.absolute()
    for guarded in protect:
        if guarded.exists() and target.exists() and os.path.samefile(target, guarded):
            msg = f"refusing to overwrite the article {guarded}: choose another -o path"
            raise ExportError(msg)
    if target.is_dir():
        msg = f"{path} is a directory: give a file name for the export"
        raise ExportError(msg)
    folder = target.parent
    if not folder.is_dir():
        msg = f"cannot write {path}: folder {folder} does not exist"
        raise ExportError(msg)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        msg = f"cannot write in {folder} ({error.strerror})"
        raise ExportError(msg) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        msg = f"cannot write {path} ({error.strerror})"
        raise ExportError(msg) from None


def write_output(destination: str, data: bytes, *, protect: tuple[Path, ...] = ()) -> None:
    """Write to a file path atomically, or to stdout for ``-``."""
    if destination == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    atomic_write(Path(destination), data, protect=protect)
