"""Write the reviewed article out: atomically, and never over the article itself."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from review.document import BOM, LOG_SUFFIX, apply_corrections, corrected_pieces
from review.errors import ExportError
from review.model import Document, ReviewState


def corrected_text(document: Document, state: ReviewState) -> str:
    """The article with every correction in place; untouched text exactly as read."""
    return apply_corrections(document, state.texts)


def corrected_chunks(document: Document, state: ReviewState) -> Iterator[bytes]:
    """The corrected article as UTF-8 (its BOM kept), in pieces of some 16,000 characters: a long article is not
    held again as text and as bytes."""
    gathered: list[str] = [BOM] if document.bom else []
    size = 0
    for piece in corrected_pieces(document, state.texts):
        gathered.append(piece)
        size += len(piece)
        if size >= _PIECE:
            yield "".join(gathered).encode("utf-8")
            gathered, size = [], 0
    yield "".join(gathered).encode("utf-8")


_PIECE = 1 << 14  # characters to a piece


# Names that mean "this process's standard output" for -o, besides "-".
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def review_files(article: Path | None, log_path: Path | None, lock_path: Path | None = None) -> dict[Path, str]:
    """The files an export must never replace, with what each is called in the refusal."""
    guarded: dict[Path, str] = {}
    if article is not None:
        guarded[article] = "the article"
    if log_path is not None:
        guarded[log_path] = "the corrections log"
    if lock_path is not None:
        guarded[lock_path] = "the session lock of the corrections log"
    return guarded


def _same_file(one: Path, other: Path) -> bool:
    """Whether two spellings name one file: same inode when both exist, else the same resolved path."""
    with contextlib.suppress(OSError):
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
    return os.path.realpath(one) == os.path.realpath(other)


def refuse_review_files(path: Path, protect: Mapping[Path, str] | Iterable[Path]) -> None:
    """Raise :class:`ExportError` when ``path``, however spelled, is one of the review's own files."""
    guarded = protect if isinstance(protect, Mapping) else dict.fromkeys(protect, "a file of this review")
    for other, role in guarded.items():
        if _same_file(path, other):
            msg = f"refusing to overwrite {role} ({other}): choose another output path"
            raise ExportError(msg)
    for name in {path.name, Path(os.path.realpath(path)).name}:
        if name.endswith((LOG_SUFFIX, f"{LOG_SUFFIX}.lock")):  # some article's log: a reviewer's work
            msg = (f"refusing to write {path}: names ending in {LOG_SUFFIX} are kept for corrections logs; "
                   "choose another output path")
            raise ExportError(msg)
    _refuse_article_under_review(path)


def _refuse_article_under_review(path: Path) -> None:
    """Refuse an existing file with a corrections log beside it (or beside the file a link points to).

    Another article under review: written over, its machine French would be gone and its log would no
    longer match it, so every correction and check mark of that review would be lost.
    """
    if not os.path.isfile(path):
        return
    for article in (path, Path(os.path.realpath(path))):
        log = article.with_name(article.name + LOG_SUFFIX)
        if log.is_file():
            msg = (f"refusing to overwrite {path}: it is an article under review (its corrections log {log.name} "
                   "is beside it); choose another output path")
            raise ExportError(msg)


Chunks = bytes | Iterable[bytes]  # a whole file, or its pieces in order as a writer makes them


def _pieces(data: Chunks) -> Iterable[bytes]:
    return (data,) if isinstance(data, bytes) else data


def atomic_write(path: Path, data: Chunks, *, protect: Mapping[Path, str] | Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    ``data`` may come in pieces (an export written unit by unit never holds the
    whole file): whatever the pieces' maker raises midway leaves no trace of it.
    ``protect`` lists files that must never be overwritten (see :func:`review_files`),
    compared whatever the spelling (links, ``..``, hard links).  An existing
    ``path`` is replaced.  The temporary file is removed on every way out,
    ctrl+c included.
    """
    refuse_review_files(path, protect)
    target = Path(os.path.realpath(path))
    if target.is_dir():
        msg = f"{path} is a directory: give a file name for the export"
        raise ExportError(msg)
    if target.exists() and not target.is_file():
        msg = f"{path} is not a regular file (a device or a pipe): give a file name, or - for stdout"
        raise ExportError(msg)
    if target.exists() and not os.access(target, os.W_OK):
        # the rename would replace it all the same (it needs only the folder): a read-only file says "keep me"
        msg = f"cannot write {path}: it is read-only; make it writable, or choose another output path"
        raise ExportError(msg)
    folder = target.parent
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        msg = f"cannot write {path}: {folder} {what}"
        raise ExportError(msg)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            for piece in _pieces(data):
                stream.write(piece)
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
        temporary = None
    except OSError as error:
        msg = f"cannot write {path} ({error.strerror})"
        raise ExportError(msg) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def write_output(destination: str, data: Chunks, *, protect: Mapping[Path, str] | Iterable[Path] = ()) -> None:
    """Write to a file path atomically, or to stdout for ``-`` (or ``/dev/stdout``)."""
    if destination in STDOUT_NAMES:
        for piece in _pieces(data):
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        return
    atomic_write(Path(destination), data, protect=protect)
