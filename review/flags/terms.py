"""Terms the reviewer keeps as written (``--terms FILE``): names of programs, products and trades.

Technical French names things in English: « la bibliothèque readline », « utilise curl », « Notion divise
l'écran ».  No dictionary holds such names, and in machine translation a word no dictionary holds is most
often English left untranslated, so the detectors flag it (Debian's package descriptions, stops 42 to 45: half
the sentences still flagged were flagged for such names).  A team that translates one product knows its
names; it lists them once, one a line, and every article it reviews reads them as kept.

A flag *on a kept term* is kept below the confidence floor (:data:`review.flags.vetting.HIDDEN`), where
``--min-confidence`` still shows it, like the other flags the vetting sets aside.  A flag is on a kept term
when its span, less a determiner or preposition in front (« la printf », « des tarball »), lies inside one
place where the segment writes a kept term, or when it holds the term and one word beside it where French sets
a name so (a noun before it, its verb after it: :func:`_beside_a_term`).  A flag whose span reaches further past
the term is about more than the name (« Garmin GPS nouveau »: the order of the words after it) and stays.  So
does a flag of the consistency detector: an article that spells a kept name two ways still spells it two ways.

The file: UTF-8 text, one term a line (a word, or words with their spaces: « Garmin Forerunner »); blank
lines and lines opening with ``#`` are skipped.  A term matches as written, and a term in lower case matches
with a capital first letter too, as a sentence opening on it writes it (« Curl »).  A term matches whole
words only: « git » is not kept inside « gitk ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from review.document import modified, read_option_file
from review.errors import InputError
from review.flags import Option
from review.flags.vetting import HIDDEN, INCONSISTENT
from review.model import Flag, kept_word

MAX_TERM_CHARACTERS = 200  # a longer line is prose (the article given by mistake?), not a term
FIRST_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Terms:
    """The kept terms of one or more files, as written, indexed by their first word.

    words: the terms as the files write them.
    forms: each form a term matches (as written; a term in lower case with a capital first letter too), by the
        first run of letters or digits in it, each with that run's offset in the form, longest form first.
    """

    words: frozenset[str]
    forms: Mapping[str, tuple[tuple[str, int], ...]]

    def places(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` writes a kept term as whole words: (start, end) of each place."""
        found: list[tuple[int, int]] = []
        if not self.forms:
            return found
        for word in FIRST_WORD.finditer(text):
            for form, offset in self.forms.get(word.group(), ()):
                start = word.start() - offset
                end = start + len(form)
                if start >= 0 and text.startswith(form, start) and _alone(text, start, end):
                    found.append((start, end))
                    break
        return found


def _alone(text: str, start: int, end: int) -> bool:
    """Nothing of a word (letter, digit, underscore or hyphen) touches ``text[start:end]`` on either side."""
    before, after = text[start - 1:start], text[end:end + 1]
    return not (before and (before.isalnum() or before in "_-")) and not (after and (after.isalnum() or after in "_-"))


def make_terms(words: Iterable[str]) -> Terms:
    """The terms ``words`` (each as written), ready to be found."""
    kept = frozenset(word.strip() for word in words if word.strip())
    forms: dict[str, list[tuple[str, int]]] = {}
    for form in {form for word in kept for form in (word, word[:1].upper() + word[1:] if word.islower() else word)}:
        first = FIRST_WORD.search(form)
        if first is not None:  # a term of punctuation alone is never a word of the text
            forms.setdefault(first.group(), []).append((form, first.start()))
    return Terms(kept, {key: tuple(sorted(found, key=lambda item: -len(item[0]))) for key, found in forms.items()})


def read_terms(path: Path) -> Terms:
    """The terms of one file, read again only when the file changed; an :class:`InputError` (one line) when it
    cannot be used."""
    return make_terms(_words(path))


def _words(path: Path) -> tuple[str, ...]:
    """The terms one file writes, read again only when the file changed."""
    return _read_words(path, modified(path, what="terms"))


@cache
def _read_words(path: Path, stamp: int) -> tuple[str, ...]:  # noqa: ARG001 - stamp is the cache key
    text = read_option_file(path, what="terms", option="--terms")
    words: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if len(word) > MAX_TERM_CHARACTERS:
            msg = (f"terms {path.name}:{number}: a term of {len(word)} characters; give one term a line "
                   f"(at most {MAX_TERM_CHARACTERS} characters)")
            raise InputError(msg)
        words.append(word)
    return tuple(words)


TERMS_OPTION = Option("--terms", "terms", "names to keep as written (programs, products, trades), one a line: "
                      "flags on them are kept under the confidence floor; repeatable", metavar="FILE", kind="paths",
                      check=read_terms)


def load_terms(paths: Sequence[Path]) -> Terms:
    """The terms of every file of ``paths`` together."""
    return make_terms(word for path in paths for word in _words(Path(path)))


def keep_terms(flags: Sequence[Flag], terms: Terms, text_of: Callable[[str], str]) -> list[Flag]:
    """``flags`` with those on a kept term (see the module) below the confidence floor.

    text_of: the current text of a segment, by id (the text the flags' spans index).
    """
    if not terms.forms:
        return list(flags)
    places: dict[str, list[tuple[int, int]]] = {}

    def on_a_term(flag: Flag) -> bool:
        if flag.confidence <= HIDDEN or flag.category == INCONSISTENT:
            return False
        if flag.segment_id not in places:
            places[flag.segment_id] = terms.places(text_of(flag.segment_id))
        start = flag.end - len(kept_word(flag.span_text))
        return any(begin <= start and flag.end <= end for begin, end in places[flag.segment_id]) \
            or _beside_a_term(flag, places[flag.segment_id])

    return [replace(flag, confidence=HIDDEN) if on_a_term(flag) else flag for flag in flags]


def _beside_a_term(flag: Flag, places: Sequence[tuple[int, int]]) -> bool:
    """A flag on two words, a kept term and a word in lower case, where French writes them so: a noun, then the
    name it introduces (« un travail cron », « la compression gzip »), or the name, then its verb (« porg
    enveloppe la commande », « autobox recherche la méthode »).  The parse reads two nouns side by side there.

    Debian's package descriptions read with the archive's package names kept (blocks 16,501-28,500): 37 flags.
    """
    from spacy.lang.fr.stop_words import STOP_WORDS  # noqa: PLC0415 - spaCy and the lemmatizer's tables load on use

    from review.flags.nlp import can_be_noun, can_be_verb  # noqa: PLC0415

    words = [(flag.start + word.start(), flag.start + word.end(), word.group())
             for word in re.finditer(r"\S+", flag.span_text)]
    if len(words) != 2 or not STOP_WORDS.isdisjoint(word.lower() for _start, _end, word in words):
        return False  # « les trames le données »: a list of names may hold a French word (Debian has a package « le »)
    (first_start, first_end, first), (second_start, second_end, second) = words
    if (second_start, second_end) in places:
        # a noun only: after a verb the flag is about the verb (« utilise curl »)
        return first.isalpha() and first.islower() and can_be_noun(first)
    if (first_start, first_end) in places:
        return second.isalpha() and second.islower() and can_be_verb(second)
    return False
