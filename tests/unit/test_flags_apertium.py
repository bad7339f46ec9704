"""Apertium's translation pairs read through a third language, from lt-print's text and from the cache.

The transducers are written here in lt-print's layout (one arc a line, ``--``
between sections), a few words each; where lttoolbox is installed, a tiny
dictionary is also compiled and read through ``lt-print`` itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from review.flags import apertium
from review.flags.apertium import PIVOTS, load, pairs, through


def _word(left: str, right: str, tags: list[str], first: int) -> tuple[list[str], int]:
    """Arcs spelling ``left`` over ``right`` (the shorter padded with ε), then ``tags``, from state 0."""
    width = max(len(left), len(right))
    symbols = list(zip(left.ljust(width, "\0"), right.ljust(width, "\0"), strict=True))
    symbols += [(tag, tag) for tag in tags]
    lines, state = [], 0
    for number, (upper, lower) in enumerate(symbols):
        target = first + number
        lines.append(f"{state}\t{target}\t{upper.replace(chr(0), 'ε')}\t{lower.replace(chr(0), 'ε')}\t0.000000")
        state = target
    lines.append(f"{state}\t0.000000")
    return lines, first + len(symbols)


def _transducer(words: list[tuple[str, str, list[str]]]) -> str:
    # a first section that loops (any digits, then <num>), as Apertium's dictionaries have
    lines = ["0\t1\t1\t1\t0.000000", "1\t1\t2\t2\t0.000000", "1\t2\t<num>\t<num>\t0.000000", "2\t0.000000", "--"]
    state = 1
    for left, right, tags in words:
        arcs, state = _word(left, right, tags, state)
        lines += arcs
    return "\n".join(lines) + "\n"


FRENCH_SPANISH = [("lame", "hoja", ["<n>", "<f>"]), ("sac", "bolsa", ["<n>", "<m>"]),
                  ("actuellement", "actualmente", ["<adv>"])]
ENGLISH_SPANISH = [("blade", "hoja", ["<n>"]), ("leaf", "hoja", ["<n>"]), ("bag", "bolsa", ["<n>", "<sg>"]),
                   ("leaf", "hojear", ["<vblex>"]), ("currently", "actualmente", ["<adv>"])]


def test_pairs_spell_each_word_to_its_first_tag() -> None:
    assert pairs(_transducer(FRENCH_SPANISH)) == {
        ("lame", "hoja", "<n>"), ("sac", "bolsa", "<n>"), ("actuellement", "actualmente", "<adv>")}


def test_french_reads_english_through_the_pivot() -> None:
    table = through(pairs(_transducer(FRENCH_SPANISH)), pairs(_transducer(ENGLISH_SPANISH)))
    assert table == {"lame": {"blade", "leaf"}, "sac": {"bag"}, "actuellement": {"currently"}}


def test_a_part_of_speech_that_differs_is_no_translation() -> None:
    french = pairs(_transducer([("feuilleter", "hojear", ["<vblex>"])]))
    english = pairs(_transducer([("leaf", "hoja", ["<n>"])]))
    assert through(french, english) == {}


def test_missing_packages_give_an_empty_table(tmp_path: Path) -> None:
    assert load(tmp_path, tmp_path / "cache.json") == {}


def _installed(folder: Path) -> list[list[str | int]]:
    versions: list[list[str | int]] = []
    for french, english in PIVOTS[:1]:
        for name in (french, english):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"compiled")
            versions.append([str(path), path.stat().st_mtime_ns])
    return versions


def test_the_cached_table_is_read_while_the_dictionaries_are_unchanged(tmp_path: Path) -> None:
    versions = _installed(tmp_path / "apertium")
    cache = tmp_path / "cache.json"
    cache.write_text(json.dumps({"versions": versions, "table": {"lame": ["blade"]}}), encoding="utf-8")
    assert load(tmp_path / "apertium", cache) == {"lame": {"blade"}}


def test_a_stale_cache_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = _installed(tmp_path / "apertium")
    versions[0][1] = 1  # the dictionary changed since
    cache = tmp_path / "cache.json"
    cache.write_text(json.dumps({"versions": versions, "table": {"lame": ["blade"]}}), encoding="utf-8")
    monkeypatch.setattr(apertium.shutil, "which", lambda _name: None)  # no lt-print to make it again
    assert load(tmp_path / "apertium", cache) == {}


DICTIONARY = """<dictionary><alphabet/><sdefs><sdef n="n"/><sdef n="f"/></sdefs>
<section id="main" type="standard">
{}
</section></dictionary>
"""


def _compile(path: Path, entries: list[tuple[str, str]]) -> None:
    body = "\n".join(f'<e><p><l>{left}<s n="n"/></l><r>{right}<s n="n"/><s n="f"/></r></p></e>'
                     for left, right in entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    source = path.with_suffix(".dix")
    source.write_text(DICTIONARY.format(body), encoding="utf-8")
    subprocess.run(["lt-comp", "lr", str(source), str(path)], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("lt-comp") is None or shutil.which("lt-print") is None,
                    reason="lttoolbox is not installed")
def test_compiled_dictionaries_are_read_with_lt_print_and_cached(tmp_path: Path) -> None:
    folder, cache = tmp_path / "apertium", tmp_path / "cache" / "table.json"
    french, english = PIVOTS[0]
    _compile(folder / french, [("lame", "hoja"), ("sac", "bolsa")])
    _compile(folder / english, [("blade", "hoja"), ("leaf", "hoja"), ("bag", "bolsa")])
    assert load(folder, cache) == {"lame": {"blade", "leaf"}, "sac": {"bag"}}
    assert json.loads(cache.read_text(encoding="utf-8"))["table"] == {"lame": ["blade", "leaf"], "sac": ["bag"]}
