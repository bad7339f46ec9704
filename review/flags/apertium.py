"""Apertium's bilingual dictionaries, read through Spanish and Catalan, where Debian installs them.

FreeDict (:mod:`review.flags.bilingual`) knows one or two senses of 8,500 French
words.  Apertium's translation pairs are larger and well kept (GPL-2+): no
English–French pair is packaged, so French is read through the two languages
both sides share, French→Spanish with English→Spanish (``apertium-fr-es``,
``apertium-eng-spa``) and French→Catalan with English→Catalan
(``apertium-fra-cat``, ``apertium-eng-cat``).  A French lemma translates the
English lemmas that go to the same Spanish or Catalan lemma with the same part of
speech: 20,000 French lemmas, twice FreeDict's.

The packages hold compiled transducers only; lttoolbox's ``lt-print`` (package
``lttoolbox-dev`` on Debian 12) writes one as text in the AT&T layout, one arc a
line.  Walking every path takes 40 s, so the table is written once to the user's
cache folder and read from there (0.2 s) until a dictionary changes.  Without
the packages or ``lt-print`` the table is empty and FreeDict alone is used.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from review.places import cache_home, write_cache

SYSTEM_FOLDER = Path("/usr/share/apertium")
# (French→pivot, English→pivot) transducers, each the left language to the right one
PIVOTS = (("apertium-fr-es/fr-es.autobil.bin", "apertium-eng-spa/eng-spa.autobil.bin"),
          ("apertium-fra-cat/fra-cat.autobil.bin", "apertium-eng-cat/eng-cat.autobil.bin"))
INSTALL = "apt-get install apertium-fr-es apertium-eng-spa apertium-fra-cat apertium-eng-cat lttoolbox-dev"
EMPTY = frozenset({"@0@", "ε"})  # lt-print's empty symbol, by version
CONTENT_TAGS = frozenset({"<n>", "<adj>", "<vblex>", "<adv>"})
Pair = tuple[str, str, str]  # left lemma, right lemma, part of speech


def _is_tag(symbol: str) -> bool:
    return len(symbol) > 2 and symbol[0] == "<" and symbol[-1] == ">"


def _cyclic(arcs: dict[int, list[tuple[int, str, str]]]) -> set[int]:
    """The states on a cycle (Tarjan's strongly connected components, without recursion).

    The dictionaries hold a few patterns (numbers, any word left as it is) that loop;
    the words are the paths that never enter one.
    """
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    looped = {state for state, out in arcs.items() if any(target == state for target, _, _ in out)}
    for root in list(arcs):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            state, position = work.pop()
            if position == 0:
                index[state] = low[state] = len(index)
                stack.append(state)
                on_stack.add(state)
            out = arcs.get(state, [])
            descended = False
            while position < len(out):
                target = out[position][0]
                position += 1
                if target not in index:
                    work.extend(((state, position), (target, 0)))
                    descended = True
                    break
                if target in on_stack:
                    low[state] = min(low[state], index[target])
            if descended:
                continue
            if low[state] == index[state]:
                component = _component(stack, state)
                on_stack.difference_update(component)
                if len(component) > 1:
                    looped.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[state])
    return looped


def _component(stack: list[int], root: int) -> list[int]:
    """The states of ``root``'s component: those above it on the stack, taken off."""
    at = len(stack) - 1 - stack[::-1].index(root)
    component = stack[at:]
    del stack[at:]
    return component


def _sections(att: str) -> Iterator[dict[int, list[tuple[int, str, str]]]]:
    arcs: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for line in att.splitlines():
        if line == "--":  # lt-print separates the dictionary's sections
            yield arcs
            arcs = defaultdict(list)
            continue
        fields = line.split("\t")
        if len(fields) >= 4:
            arcs[int(fields[0])].append((int(fields[1]), fields[2], fields[3]))
    yield arcs


def pairs(att: str) -> set[Pair]:
    """Each (left lemma, right lemma, left part of speech) a transducer in lt-print's layout holds.

    A path spells a lemma on each side, then tags; the walk stops at the first tag of both
    sides, so the inflection tags that follow are never spelled out.
    """
    found: set[Pair] = set()
    for arcs in _sections(att):
        looped = _cyclic(arcs)
        todo: list[tuple[int, str, str, str | None, str | None]] = [(0, "", "", None, None)]
        while todo:
            state, left, right, left_tag, right_tag = todo.pop()
            if left_tag is not None and right_tag is not None:
                found.add((left, right, left_tag))
                continue
            for target, upper, lower in arcs.get(state, []):
                if target in looped:
                    continue
                step = _step(left, left_tag, upper)
                other = _step(right, right_tag, lower)
                if step is not None and other is not None:
                    todo.append((target, *step[:1], *other[:1], step[1], other[1]))
    return found


def _step(spelled: str, tag: str | None, symbol: str) -> tuple[str, str | None] | None:
    """One side after one more symbol: its lemma and first tag, or None where the path leaves a word."""
    if symbol in EMPTY:
        return spelled, tag
    if tag is not None:
        return (spelled, tag) if _is_tag(symbol) else None
    return (spelled, symbol) if _is_tag(symbol) else (spelled + symbol, None)


def through(french_pivot: Iterable[Pair], english_pivot: Iterable[Pair]) -> dict[str, set[str]]:
    """French lemma → the English lemmas that share a translation and part of speech with it."""
    english_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for english, pivot, tag in english_pivot:
        if tag in CONTENT_TAGS:
            english_of[pivot, tag].add(english)
    table: dict[str, set[str]] = defaultdict(set)
    for french, pivot, tag in french_pivot:
        table[french.lower()] |= english_of.get((pivot, tag), set())
    return {french: english for french, english in table.items() if english}


def _printed(path: Path, printer: str) -> str:
    done = subprocess.run([printer, str(path)], capture_output=True, check=True, text=True)  # noqa: S603 - a dictionary path
    return done.stdout


def cache_file() -> Path:
    return cache_home() / "apertium-en-fr.json"


def load(folder: Path | None = None, cache: Path | None = None) -> dict[str, set[str]]:
    """French word → English words from the installed Apertium pairs (empty without them or lt-print).

    The table is written to ``cache`` (the user's cache folder by default) with the dictionaries'
    modification times, and read from there while they are unchanged.
    """
    folder = SYSTEM_FOLDER if folder is None else folder
    cache = cache_file() if cache is None else cache
    printer = shutil.which("lt-print")
    present = [(folder / french, folder / english) for french, english in PIVOTS
               if (folder / french).is_file() and (folder / english).is_file()]
    if not present:
        return {}
    versions = [[str(path), path.stat().st_mtime_ns] for both in present for path in both]
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("versions") == versions:
            return {french: set(english) for french, english in stored["table"].items()}
    except (OSError, ValueError, AttributeError):
        pass  # no cache yet, or one unreadable: made again below
    if printer is None:
        return {}
    table: dict[str, set[str]] = defaultdict(set)
    try:
        for french, english in present:
            both = through(pairs(_printed(french, printer)), pairs(_printed(english, printer)))
            for word, translations in both.items():
                table[word] |= translations
    except subprocess.CalledProcessError:
        return {}  # a dictionary lt-print cannot read: FreeDict alone
    text = json.dumps({"versions": versions, "table": {word: sorted(found) for word, found in table.items()}},
                      ensure_ascii=False)
    write_cache(cache, text.encode())  # a read-only cache folder: the table is made again next time
    return dict(table)
