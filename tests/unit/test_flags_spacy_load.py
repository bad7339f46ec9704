"""What spaCy recomputes in every process, kept or made cheap: the same results, from a cache or not."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from review.flags.spacy_load import PatternCache

# A pattern shaped like spaCy's TOKEN_MATCH (case-insensitive alternation of anchored words with
# large character classes), small enough to compile in milliseconds; the tests lower the threshold.
WORDS = [f"pr[eé]fix{number}[-‐][a-zà-öø-ÿ]+" for number in range(300)]
PATTERN = "(?iu)" + "|".join(f"(?:^{word}$)" for word in WORDS)
LONG = 1_000
SAMPLES = ("prefix7-truc", "PRÉFIX12‐chose", "prefix300-x", "prefix1-", "bonjour", "préfix299-àé")


def matches(pattern: re.Pattern[str]) -> list[bool]:
    return [pattern.match(text) is not None for text in SAMPLES]


def test_a_second_process_rebuilds_the_same_pattern_from_the_entry(tmp_path: Path) -> None:
    first = PatternCache(tmp_path, longer_than=LONG)
    compiled = first.compile(PATTERN, 0)
    assert (first.written, first.served) == (1, 0)
    second = PatternCache(tmp_path, longer_than=LONG)  # a new process: nothing in memory
    rebuilt = second.compile(PATTERN, 0)
    assert (second.written, second.served) == (0, 1)
    assert rebuilt is not compiled
    assert rebuilt == re.compile(PATTERN)  # patterns are equal only when their compiled code is
    assert matches(rebuilt) == matches(re.compile(PATTERN)) == [True, True, False, False, False, True]
    assert (rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (compiled.flags, compiled.groups,
                                                                   compiled.groupindex)


def test_groups_by_name_survive_the_entry(tmp_path: Path) -> None:
    pattern = "(?P<head>" + "|".join(WORDS) + r")(?P<tail>\d+)?"
    PatternCache(tmp_path, longer_than=LONG).compile(pattern, re.IGNORECASE)
    rebuilt = PatternCache(tmp_path, longer_than=LONG).compile(pattern, re.IGNORECASE)
    fresh = re.compile(pattern, re.IGNORECASE)
    assert rebuilt == fresh
    assert rebuilt.groupindex == fresh.groupindex == {"head": 1, "tail": 2}
    found = rebuilt.match("PREFIX3-abc42")
    assert found is not None
    assert found.group("head", "tail") == ("PREFIX3-abc", "42")


def test_only_long_patterns_go_through_the_cache_while_it_is_active(tmp_path: Path) -> None:
    original = re.compile
    cache = PatternCache(tmp_path, longer_than=LONG)
    with cache.active():
        assert re.compile is not original
        short = re.compile(r"\bchat\b")
        long = re.compile(PATTERN)
        again = re.compile(PATTERN)
    assert re.compile is original
    assert short == original(r"\bchat\b")
    assert long == original(PATTERN)
    assert again is long  # the second compile of a load (the tokenizer's) comes from memory
    assert cache.written == 1
    assert len(list(tmp_path.glob("*.sre"))) == 1


def test_the_original_compile_is_back_after_an_error(tmp_path: Path) -> None:
    original = re.compile
    with pytest.raises(re.error), PatternCache(tmp_path, longer_than=LONG).active():
        re.compile("[" + "a" * LONG)  # an unterminated set
    assert re.compile is original


def changed_pattern(monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:  # noqa: ARG001
    return PATTERN.replace("fix0[", "fixe0["), 0  # a new spaCy or model ships a different pattern


def changed_flags(monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:  # noqa: ARG001
    return PATTERN, re.MULTILINE


def other_python(monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    return PATTERN, 0


CHANGES: dict[str, Callable[[pytest.MonkeyPatch], tuple[str, int]]] = {
    "pattern": changed_pattern, "flags": changed_flags, "python": other_python,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_an_entry_serves_only_its_pattern_flags_and_python(
        change: Callable[[pytest.MonkeyPatch], tuple[str, int]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    PatternCache(tmp_path, longer_than=LONG).compile(PATTERN, 0)
    pattern, flags = change(monkeypatch)
    cache = PatternCache(tmp_path, longer_than=LONG)
    compiled = cache.compile(pattern, flags)
    assert (cache.served, cache.written) == (0, 1)
    assert compiled == re.compile(pattern, flags)
    assert len(list(tmp_path.glob("*.sre"))) == 2


def flip_a_code_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-7] ^= 0x01  # one byte of code: it may still be valid code, that matches something else
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-40])


def garbage_header(path: Path) -> None:
    _, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(b"{not json" + b"\n" + body)


def empty(path: Path) -> None:
    path.write_bytes(b"")


DAMAGES: dict[str, Callable[[Path], None]] = {
    "flipped-byte": flip_a_code_byte, "truncated": truncate, "garbage-header": garbage_header, "empty": empty,
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_entry_is_compiled_again_and_rewritten(damage: Callable[[Path], None], tmp_path: Path) -> None:
    PatternCache(tmp_path, longer_than=LONG).compile(PATTERN, 0)
    (entry,) = tmp_path.glob("*.sre")
    damage(entry)
    cache = PatternCache(tmp_path, longer_than=LONG)
    compiled = cache.compile(PATTERN, 0)
    assert (cache.served, cache.written) == (0, 1)
    assert compiled == re.compile(PATTERN)
    assert matches(compiled) == matches(re.compile(PATTERN))
    healed = PatternCache(tmp_path, longer_than=LONG)
    assert healed.compile(PATTERN, 0) == re.compile(PATTERN)
    assert healed.served == 1


def test_a_folder_that_cannot_be_written_only_costs_the_compile(tmp_path: Path) -> None:
    blocked = tmp_path / "patterns"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    cache = PatternCache(blocked, longer_than=LONG)
    assert cache.compile(PATTERN, 0) == re.compile(PATTERN)
    assert cache.written == 0
    assert [path.name for path in tmp_path.iterdir()] == ["patterns"]  # no temporary file left behind


def test_the_default_folder_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert PatternCache().folder == tmp_path / "review" / "patterns"


def test_the_lemmatizer_index_holds_the_models_words_as_sets() -> None:
    """Membership is all the lemmatizer and the detectors ask of the index: sets answer it the same."""
    pytest.importorskip("spacy")
    from spacy.lookups import Lookups  # noqa: PLC0415

    from review.flags.nlp import PIPELINE, pipeline  # noqa: PLC0415

    spec = importlib.util.find_spec(PIPELINE)
    if spec is None or spec.origin is None:
        pytest.skip(f"{PIPELINE} is not installed")
    (folder,) = Path(spec.origin).parent.glob("*/lemmatizer/lookups")
    on_disk = Lookups().from_disk(folder).get_table("lemma_index")
    loaded = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert sorted(loaded.keys()) == sorted(on_disk.keys())
    for key, words in on_disk.items():
        assert isinstance(loaded[key], frozenset)
        assert loaded[key] == frozenset(words)
    lemmas = [token.lemma_ for token in pipeline()("Les chats mangeaient des souris grises.")]
    assert lemmas == ["le", "chat", "manger", "un", "souris", "gris", "."]


SENTENCES = {
    "names-and-entities": "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi, selon l'AFP.",
    "elision-and-hyphens": "Qu'est-ce qu'il y a là-bas ? Aujourd'hui, c'est-à-dire demain.",
    "numbers-and-units": "Le 1er janvier 2024, 3,5 millions d'euros ont été versés à 12 h 30.",
    "agreement": "Les décisions qu'elles ont prises étaient courageuses et nécessaires.",
    "english-words": "Le meeting a été reporté car le deadline était trop short.",
    "odd-tokens": "Voir https://exemple.fr/page ou écrire à contact@exemple.fr — merci ! :-)",
}


def signature(doc: Any) -> list[tuple[object, ...]]:
    return [(token.text, token.tag_, token.pos_, str(token.morph), token.dep_, token.head.i, token.lemma_,
             token.ent_iob_, token.ent_type_, token.is_sent_start, token.norm_, token.shape_, token.is_alpha,
             token.like_num, token.vocab.has_vector(token.lower_))
            for token in doc]


def test_the_pipeline_without_its_string_table_parses_as_the_full_one() -> None:
    """A model that needs ``vocab/strings.json`` after all (a new spaCy or model) fails here, not in a flag."""
    spacy = pytest.importorskip("spacy")
    from review.flags.nlp import PIPELINE, pipeline  # noqa: PLC0415

    pipeline()  # loaded as the detectors load it (and the tokenizer's pattern cached)
    with PatternCache().active():  # else the full load would compile that pattern again (2 s)
        full = spacy.load(PIPELINE)
    texts = list(SENTENCES.values())
    for name, mine, theirs in zip(SENTENCES, pipeline().pipe(texts), full.pipe(texts), strict=True):
        assert signature(mine) == signature(theirs), name
    assert [entity.label_ for entity in pipeline()(SENTENCES["names-and-entities"]).ents] \
        == [entity.label_ for entity in full(SENTENCES["names-and-entities"]).ents]


TABLES: dict[str, dict[Any, Any]] = {
    "words": {"chats": ["chat"], "mangeaient": ["manger"], "": ["vide"], "NOUN": ["symbole"]},
    "hashes": {11901859001352538922: ["avoir"], 3: ["trois"], 2**63 + 5: ["grand"]},
    "rules": {"noun": [["aux", "al"], ["s", ""]], "verb": [["ions", "er"]]},
    "empty": {},
}


@pytest.mark.parametrize("data", TABLES.values(), ids=TABLES.keys())
def test_a_quick_table_is_the_table_spacy_builds(data: dict[Any, Any]) -> None:
    pytest.importorskip("spacy")
    from spacy.lookups import Table  # noqa: PLC0415

    from review.flags.spacy_load import quick_table  # noqa: PLC0415

    theirs, mine = Table("lemma_lookup", data), quick_table("lemma_lookup", data)
    assert type(mine) is Table
    assert mine.name == theirs.name
    assert list(mine.items()) == list(theirs.items())  # same hashed keys, same values, same order
    assert mine.bloom.to_bytes() == theirs.bloom.to_bytes()
    for key in [*data, "absent", 12345]:
        assert (key in mine) == (key in theirs)
        assert mine.get(key) == theirs.get(key)


def test_quick_tables_hands_spacy_its_table_back() -> None:
    pytest.importorskip("spacy")
    from spacy import lookups  # noqa: PLC0415

    from review.flags.spacy_load import quick_tables  # noqa: PLC0415

    original = lookups.Table
    with quick_tables():
        loaded = lookups.Lookups().from_bytes(lookups.Lookups().to_bytes())
        assert lookups.Table is not original
    assert lookups.Table is original
    assert loaded.tables == []
