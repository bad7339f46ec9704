"""The articles of a folder and how far their review is, for the list ``review serve`` shows first.

Counting must stay cheap for a folder of many articles: each article is split
into segments and its log replayed, nothing more.  No language detection, no
model and no detector runs here; the number of open flags is the one the last
review session of the article wrote into its log (a ``flags`` record) when it
closed, and unknown until an article has been open once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from review.document import LOG_SUFFIX, from_text, read_article
from review.errors import InputError, LogError, ReviewError
from review.replay import replay
from review.store import ReviewLog, default_log_path, read_records

ARTICLE_SUFFIX = ".txt"
# the name the review screen suggests for its export (« story.fr.txt » -> « story.reviewed.txt »): such a file in a
# served folder is the review's output, not an article to review, and stays off the list unless named
EXPORT_SUFFIX = ".reviewed.txt"


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the list.

    key: the article's name in the served addresses (unique among the served articles).
    segments, reviewed, corrected: counts from the article and its log.
    open_flags: open flags when its last session closed; None if no session recorded them.
    problem: why the article or its log cannot be read (the counts are then zero).
    """

    key: str
    path: Path
    segments: int = 0
    reviewed: int = 0
    corrected: int = 0
    open_flags: int | None = None
    problem: str | None = None


def find_articles(paths: Sequence[Path]) -> dict[str, Path]:
    """Articles to serve by key: files as given, and the ``*.txt`` files of each folder, sorted, less the
    exports the review screen names ``*.reviewed.txt``.

    Keys are file names; when two articles share a name, the folder name is put in front,
    and a number after that if it is still not unique.  The same paths give the same keys.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(child for child in path.iterdir()
                                if child.suffix == ARTICLE_SUFFIX and child.is_file()
                                and not child.name.startswith(".") and not child.name.endswith(LOG_SUFFIX)
                                and not child.name.endswith(EXPORT_SUFFIX)))
        else:
            found.append(path)
    keys: dict[str, Path] = {}
    for path in found:
        if any(path == known for known in keys.values()):
            continue
        key = path.name
        if key in keys:
            key = f"{path.parent.name}-{path.name}"
        number = 2
        while key in keys:
            key = f"{path.parent.name}-{number}-{path.name}"
            number += 1
        keys[key] = path
    return keys


def check_paths(paths: Iterable[Path]) -> None:
    """Refuse, in one line, a path that is neither an article file nor a folder.

    A file named on the command line is read as ``review open`` reads it (empty, binary, not UTF-8, an
    exchange file): served, it would only fail in every tab.  A folder's files are shown on its list,
    each unreadable one with its reason.
    """
    for path in paths:
        if not path.exists():
            msg = f"{path}: no such file or folder"
            raise InputError(msg)
        if path.name.endswith(LOG_SUFFIX):
            msg = f"{path} is a corrections log: serve the article it belongs to"
            raise InputError(msg)
        if not path.is_dir():
            read_article(path)


def last_open_flags(log_path: Path) -> int | None:
    """The open-flag count of the last ``flags`` record, or None when there is none."""
    lines, _problems = read_records(log_path)
    count: int | None = None
    for line in lines:
        if line.record["type"] == "flags" and isinstance(line.record.get("open"), int):
            count = line.record["open"]
    return count


def summarize(key: str, path: Path) -> ArticleSummary:
    """Counts for one article from its file and log; a file that cannot be read gives its reason."""
    try:
        text, bom = read_article(path)
        document = from_text(text, path=path, bom=bom)
        log_path = default_log_path(path)
        state = replay(log_path, document)
        open_flags = last_open_flags(log_path)
    except ReviewError as error:
        return ArticleSummary(key=key, path=path, problem=error.message)
    reviewed = set(state.reviewed) | set(state.texts)
    return ArticleSummary(key=key, path=path, segments=len(document.segments), reviewed=len(reviewed),
                          corrected=len(state.texts), open_flags=open_flags)


def summaries(paths: Sequence[Path]) -> list[ArticleSummary]:
    return [summarize(key, path) for key, path in find_articles(paths).items()]


def record_open_flags(log: ReviewLog, count: int) -> None:
    """Write the open-flag count a closing session saw, for the article list; a read-only log writes nothing."""
    if log.read_only:
        return
    try:
        if last_open_flags(log.path) == count:
            return  # unchanged since the last session: keep the log short
        log.append({"type": "flags", "open": count})
    except LogError:
        return  # the count is a convenience; the corrections themselves were saved or reported already
