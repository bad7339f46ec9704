"""The articles of a batch: files, every ``*.txt`` under a directory, or ``@list.txt`` files of paths.

Each article gets a name that is unique in the run and stable between runs over
the same inputs (the path under the directory it was found in), which names its
files in the output directory, so a second run finds what the first one did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from review.errors import InputError


@dataclass(frozen=True, slots=True)
class Article:
    """One article to check.

    path: the French article file.
    name: its name in the output directory (relative path, ``/`` kept), unique in the run.
    relative: its path under the folder it was found in, as spelled there ("" for the file's own name):
        where its English original or reference lies in a folder laid out like the articles'.
    """

    path: Path
    name: str
    relative: str = ""


_UNSAFE = re.compile(r"[^\w.\-/]+")


def _listed(listing: Path) -> list[tuple[Path, Path | None]]:
    try:
        lines = listing.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"@{listing}: cannot read the list of articles ({error})"
        raise InputError(msg) from None
    # relative paths in a list are relative to the list's own folder, as a playlist's are; a line whose
    # first visible character is # is a comment (a path may hold a #, so there are no comments after one)
    listed = [(number, listing.parent / line.strip()) for number, line in enumerate(lines, start=1)
              if line.strip() and not line.lstrip().startswith("#")]
    for number, path in listed:
        if not path.is_file():
            why = "is a folder: list files" if path.is_dir() else "no such file"
            msg = f"@{listing} line {number}: {path}: {why}"
            raise InputError(msg)
    return [(path, None) for _, path in listed]


def _expand(word: str) -> list[tuple[Path, Path | None]]:
    """(file, folder it was found under) for one INPUT word."""
    if word.startswith("@"):
        return _listed(Path(word[1:]))
    path = Path(word)
    if path.is_dir():
        return [(found, path) for found in sorted(path.rglob("*.txt")) if found.is_file()]
    if not path.exists():
        msg = f"{path}: no such file or directory"
        raise InputError(msg)
    return [(path, None)]


def _name(path: Path, root: Path | None) -> str:
    relative = path.relative_to(root).as_posix() if root is not None else path.name
    relative = relative.removesuffix(".txt")
    return _UNSAFE.sub("_", relative).strip("/.") or "article"


def collect(words: Sequence[str]) -> list[Article]:
    """Every article the INPUT words name, each once, in the order given (directories sorted)."""
    articles: list[Article] = []
    seen_paths: set[Path] = set()
    taken: set[str] = set()
    for word in words:
        for path, root in _expand(word):
            resolved = path.resolve()
            if resolved in seen_paths:
                continue
            seen_paths.add(resolved)
            base = name = _name(path, root)
            number = 2
            while name.casefold() in taken:
                name = f"{base}~{number}"
                number += 1
            taken.add(name.casefold())
            relative = path.relative_to(root).as_posix() if root is not None else path.name
            articles.append(Article(path=path, name=name, relative=relative))
    if not articles:
        msg = f"no article found in {' '.join(words)}: give .txt files, folders holding them, or @list.txt"
        raise InputError(msg)
    return articles


def _mapping(listing: Path) -> dict[str, Path]:
    """``ARTICLE<TAB>FILE`` lines (paths relative to the mapping file's folder), keyed by resolved article path."""
    try:
        lines = listing.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{listing}: cannot read the mapping file ({error})"
        raise InputError(msg) from None
    found: dict[str, Path] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        article, tab, other = line.partition("\t")
        if not tab:
            msg = f"{listing}:{number}: expected ARTICLE<TAB>FILE, got {line[:60]!r}"
            raise InputError(msg)
        named, english = listing.parent / article.strip(), listing.parent / other.strip()
        # a path that names no file is a typo: refused here, not found missing article by article mid-run
        for path, what in ((named, "article"), (english, "file")):
            if not path.is_file():
                msg = f"{listing}:{number}: no such {what} {path} (paths are relative to the mapping file's folder)"
                raise InputError(msg)
        key = str(named.resolve())
        if key in found and found[key].resolve() != english.resolve():
            msg = f"{listing}:{number}: {article.strip()} is already paired with {found[key]} on an earlier line"
            raise InputError(msg)
        found[key] = english
    return found


def pair(articles: Sequence[Article], where: Path | None) -> dict[str, Path | None]:
    """The file that goes with each article (an English original or a reference), by article name.

    ``where`` is a folder, looked up by the article's path under its own folder as spelled there
    (``sub/a b.txt``), that path with ``.fr.`` changed to ``.en.``, then its name (``NAME.txt``, the
    name in the output directory); or a mapping file of ``ARTICLE<TAB>FILE`` lines.  The spelled path
    comes first: two articles whose names clean up alike (« a b.txt », « a_b.txt ») each get their own.
    """
    if where is None:
        return {article.name: None for article in articles}
    if not where.exists():
        msg = f"{where}: no such folder or mapping file"
        raise InputError(msg)
    if where.is_file():
        mapping = _mapping(where)
        return {article.name: mapping.get(str(article.path.resolve())) for article in articles}
    found: dict[str, Path | None] = {}
    for article in articles:
        spelled = article.relative or article.path.name
        english = Path(spelled).with_name(Path(spelled).name.replace(".fr.", ".en."))
        candidates = [where / spelled, where / english, where / f"{article.name}.txt"]
        found[article.name] = next((path for path in candidates if path.is_file()), None)
    return found
