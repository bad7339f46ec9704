"""The append-only corrections log: where it lives, reading its lines, writing them (replay: :mod:`review.replay`).

One JSON object a line, beside the article (``ARTICLE.review.jsonl``).  Each
record is flushed and fsynced before the caller is told it is saved, so closing
the terminal at any moment loses nothing.  A line that cannot be read (a crash
mid-write leaves a torn last line) is reported and skipped on replay; the file
itself is never rewritten.  A lock file held with ``flock`` for the whole
session keeps a second session from interleaving its records; the lock file
stays beside the log after the session (a file nobody holds locks nothing).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import stat
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Self

from review.document import LOG_SUFFIX, read_bytes
from review.errors import InputError, LogError, LogLocked
from review.model import Correction, Flag, Segment, flag_key


def default_log_path(article: Path) -> Path:
    """``ARTICLE.review.jsonl`` beside the article; for a symbolic link, beside the file it points to.

    Opened through a link, the article's corrections and its session lock are the target's own, so a
    session through the link and one on the file block each other and see the same work.  A log
    already beside the link (written before links were followed) is kept in use, never hidden.
    """
    beside = article.with_name(article.name + LOG_SUFFIX)
    if not article.is_symlink() or beside.exists():
        return beside
    try:
        target = article.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop: reading the article reports it
        return beside
    return target.with_name(target.name + LOG_SUFFIX)


def lock_path_of(log_path: Path) -> Path:
    """The session lock beside a log: ``ARTICLE.review.jsonl.lock``.

    A log reached through a symbolic link is locked beside the file it points to, so that
    ``--log link.jsonl`` and the log itself share one lock.
    """
    with contextlib.suppress(OSError, RuntimeError):  # a symbolic link loop: the open that follows reports it
        log_path = log_path.resolve()
    return log_path.with_name(log_path.name + ".lock")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class LogLine:
    """One readable record of the log, with its 1-based line number."""

    number: int
    record: dict[str, Any]


def log_exists(path: Path) -> bool:
    """Whether there is a log to read; a symbolic link that loops is an error, not "no log yet"."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False  # no log yet (a link to a log still to be written counts as none)
    except OSError as error:
        msg = f"corrections log {path} cannot be reached ({error.strerror}); it was left as it is: fix it or pass --log"
        raise LogError(msg) from None
    return True


LOG_SCALE = 8
"""How many times the input limit a log may reach: each correction record holds its segment's text three times
(original, previous, text), each undo twice and each check mark once, so reviewing every segment of an article
near the limit (a 100,000-segment article is about 25 MB) writes a log several times its size, which must open
again."""


def read_records(path: Path) -> tuple[list[LogLine], list[str]]:
    """Every readable record of the log and a sentence for each unreadable line."""
    if not log_exists(path):
        return [], []
    if path.is_dir():
        msg = f"corrections log {path} is a directory: pass --log with a file path"
        raise LogError(msg)
    try:
        data = read_bytes(path, wanted="the corrections log", scale=LOG_SCALE)
    except InputError as error:
        msg = f"corrections log: {error.message}; it was left as it is"
        raise LogError(msg) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        msg = f"corrections log {path} is not UTF-8 text; it was left as it is: move it away or pass --log"
        raise LogError(msg) from None
    records: list[LogLine] = []
    problems: list[str] = []
    whole_lines_unread = 0  # lines that are no record and were not torn by a crash
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):  # also nesting too deep and integers too long, not only JSONDecodeError
            torn = number == len(lines) and not text.endswith("\n")
            whole_lines_unread += not torn
            what = "is cut short (torn write)" if torn else "is not valid JSON"
            problems.append(f"{path.name} line {number} {what}; skipped, file left as it is")
            continue
        if not isinstance(record, dict) or "type" not in record:
            whole_lines_unread += 1
            problems.append(f"{path.name} line {number} is not a review record; skipped")
            continue
        records.append(LogLine(number, record))
    _refuse_what_is_no_log(path, records, whole_lines_unread)
    return records, problems


def _refuse_what_is_no_log(path: Path, records: list[LogLine], whole_lines_unread: int) -> None:
    """A file of which no line is a review record (an article, notes: ``--log`` mistyped), or a JSON Lines
    export, is no corrections log: a session would append its records to it.  A log whose only line
    was torn by a crash is still a log.
    """
    if not records and whole_lines_unread:
        msg = (f"{path} is not a corrections log (none of its lines is a review record); it was left as it is: "
               "pass --log with a new file or an existing log")
        raise LogError(msg)
    if records and records[0].record.get("type") == "review":
        msg = (f"{path} is a review JSON Lines export, not a corrections log; it was left as it is: "
               "pass --log with a new file or an existing log")
        raise LogError(msg)


class ReviewLog:
    """The log of one article, opened for writing by one session at a time."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock: IO[str] | None = None

    @property
    def lock_path(self) -> Path:
        return lock_path_of(self.path)

    def acquire(self) -> None:
        """Take the session lock; raise :class:`LogError` if another session holds it.

        The lock file is never deleted: a process that unlinked it while another
        waited on the same file would let a third create a new one, and two
        sessions would each hold "the" lock.  After ``flock`` succeeds the file
        is checked to still be the one at :attr:`lock_path` (someone may have
        removed or replaced it by hand); if not, the lock is taken again.
        """
        if self.read_only or self._lock is not None:
            return
        for _attempt in range(10):
            handle = self._open_lock()
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = self._holder(handle)
                handle.close()
                msg = (
                    f"{self.path.name} is open in another review session ({holder}); "
                    "close it first, or pass --read-only to look without editing"
                )
                raise LogLocked(msg) from None
            except OSError as error:
                handle.close()
                msg = f"cannot lock {self.lock_path} ({error.strerror}); pass --log with a path on a local disk"
                raise LogError(msg) from None
            if self._still_in_place(handle):
                break
            handle.close()  # closing drops the flock on the stray file
        else:
            msg = f"{self.lock_path} keeps being replaced by another program: stop it, then open again"
            raise LogError(msg)
        try:
            self._check_writable()
        except LogError:
            handle.close()  # drops the flock
            raise
        try:
            # unbuffered, so a failed write leaves nothing in a buffer for close() to retry
            os.ftruncate(handle.fileno(), 0)
            os.pwrite(handle.fileno(), f"pid {os.getpid()}".encode(), 0)
            os.fsync(handle.fileno())
        except OSError as error:
            with contextlib.suppress(OSError):
                handle.close()
            msg = (f"cannot write lock {self.lock_path} ({error.strerror}); nothing was changed: "
                   "free some space or pass --log with a path on another disk")
            raise LogError(msg) from None
        self._lock = handle

    def _check_writable(self) -> None:
        """Refuse a session whose existing log cannot be appended to (read-only file or disk), before any edit."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK)
        except FileNotFoundError:
            return  # written on the first correction, in a folder the lock was just created in
        except IsADirectoryError:
            return  # replay says what is wrong with it
        except OSError as error:
            msg = (f"corrections log {self.path} cannot be written ({error.strerror}); it was left as it is: "
                   "make it writable, or pass --read-only to look without editing")
            raise LogError(msg) from None
        os.close(fd)

    def _open_lock(self) -> IO[str]:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        except OSError as error:
            msg = f"cannot create lock {self.lock_path} ({error.strerror}); pass --log with a writable path"
            raise LogError(msg) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            msg = f"{self.lock_path} is not a regular file: move it away so the session can lock the log"
            raise LogError(msg)
        os.set_blocking(fd, True)
        return open(fd, "r+", encoding="utf-8", errors="replace")

    @staticmethod
    def _holder(handle: IO[str]) -> str:
        with contextlib.suppress(OSError):
            handle.seek(0)
            text = handle.read(64).strip()
            if text.startswith("pid ") and text[4:].isdigit():
                return text
        return "another process"

    def _still_in_place(self, handle: IO[str]) -> bool:
        try:
            here = os.stat(self.lock_path, follow_symlinks=False)
        except OSError:
            return False
        mine = os.fstat(handle.fileno())
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        """Give the lock up.  The file stays (see :meth:`acquire`); only the flock says who holds it."""
        if self._lock is None:
            return
        handle, self._lock = self._lock, None
        with contextlib.suppress(OSError):
            handle.seek(0)
            handle.truncate()
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        handle.close()

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def append(self, record: dict[str, Any]) -> None:
        """Write one record and make it durable before returning."""
        if self.read_only:
            msg = "this session is read-only: reopen without --read-only to save corrections"
            raise LogError(msg)
        record = {"time": now(), **record}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        try:
            needs_newline = self.path.exists() and self.path.stat().st_size > 0 and not self._ends_with_newline()
            with self.path.open("a", encoding="utf-8") as handle:
                if needs_newline:
                    handle.write("\n")  # keep a torn line apart from the new record
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            msg = f"cannot write corrections log {self.path} ({error.strerror}); the correction was not saved"
            raise LogError(msg) from None

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def record_correction(self, correction: Correction) -> None:
        fields = asdict(correction)
        record: dict[str, Any] = {
            "type": "correction",
            "segment": fields.pop("segment_id"),
            "original": fields.pop("original"),
            "previous": fields.pop("previous"),
            "text": fields.pop("text"),
        }
        record["time"] = fields.pop("timestamp") or now()
        flag = fields.pop("flag_id")
        if flag:
            record["flag"] = flag
        record.update({key: value for key, value in fields.items() if value})
        self.append(record)

    def record_undo(self, segment_id: str, *, correction: Correction | None = None) -> None:
        """An undo; with the correction it takes back, also that record's text and time.

        The segment id alone names the sentence that stood there when the undo was made: once the article
        changes again it may name another sentence, or none.  The text and time name the record itself.
        """
        self.append({"type": "undo", "segment": segment_id, **_undone_fields(correction)})

    def record_dismiss(self, flag_id: str, segment_id: str, *, flag: Flag | None = None,
                       segment: Segment | None = None) -> None:
        """A dismissal; with the flag and its segment, also their text and key, so that it follows that text."""
        self.append({"type": "dismiss", "flag": flag_id, "segment": segment_id, **_dismissal_fields(flag, segment)})

    def record_restore(self, flag_id: str, segment_id: str, *, flag: Flag | None = None,
                       segment: Segment | None = None) -> None:
        self.append({"type": "restore", "flag": flag_id, "segment": segment_id, **_dismissal_fields(flag, segment)})

    def record_keep(self, term: str, *, keep: bool = True) -> None:
        """A word kept as written (a name), or no longer kept: its flags count as dismissed in every segment."""
        self.append({"type": "keep" if keep else "unkeep", "term": term})

    def record_reviewed(self, segment: Segment, *, reviewed: bool = True) -> None:
        """The check mark with the text it was given on, so that it follows that text if the article changes."""
        self.append({"type": "reviewed" if reviewed else "unreviewed", "segment": segment.id,
                     "original": segment.text})

    def record_position(self, segment_id: str) -> None:
        self.append({"type": "position", "segment": segment_id})


def _dismissal_fields(flag: Flag | None, segment: Segment | None) -> dict[str, str]:
    if flag is None or segment is None:
        return {}
    return {"original": segment.text, "key": flag_key(flag.segment_id, flag.detector, flag.category, flag.start,
                                                       flag.end, flag.span_text)}


def _undone_fields(correction: Correction | None) -> dict[str, str]:
    if correction is None:
        return {}
    return {"original": correction.original, "text": correction.text, "made": correction.timestamp}
