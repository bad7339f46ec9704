"""MT-error lexicon: calques, false friends and anglicisms matched on lemmas.

Entries live in a plain text file (``data/lexicon.txt``; its header documents
the format) that users extend with ``--lexicon FILE``.  A pattern word matches
a token by lemma or by lower-case form, so one entry covers every inflection.
Entries of severity ``neutral`` name correct phrases: they silence the flagged
entries they contain (``faire la différence`` is fine, ``faire une différence``
is not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.document import modified, read_option_file
from review.errors import InputError
from review.flags import DetectorSpec, FlagContext, FlagOptions, Option
from review.flags.conjugate import conjugate
from review.flags.nlp import CLITICS, FlagMaker, is_infinitive, is_name, lower_form, parse_many, verb_form, verb_lemmas
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "lexicon"
BUILTIN = Path(__file__).parent / "data" / "lexicon.txt"
FIELDS = 7
GAP = 3  # tokens a ``*`` may skip
# negation and degree words that may stand inside any pattern: "ne fait pas du sens"
INSERTABLE = frozenset({"pas", "plus", "jamais", "guère", "point", "vraiment", "toujours", "aucunement"})

CATEGORIES = {
    "mistranslation": Category.MISTRANSLATION, "unidiomatic": Category.UNIDIOMATIC,
    "terminology": Category.TERMINOLOGY, "grammar": Category.GRAMMAR, "untranslated": Category.UNTRANSLATED,
}


@dataclass(frozen=True, slots=True)
class Word:
    """One pattern position: any of ``forms`` (lemma or lower case), optionally of one part of speech."""

    forms: frozenset[str]
    pos: str | None = None
    marked: bool = False  # written in [brackets]: part of the flagged span

    def matches(self, token: TokenView) -> bool:
        if self.pos is not None and token.pos != self.pos:
            return False
        if token.lower in self.forms or token.lemma in self.forms:
            return True
        # the tagger may have missed a verb: try the forms' verb readings too
        return self.pos in {None, "VERB"} and token.pos != "VERB" and token.alpha \
            and not self.forms.isdisjoint(verb_lemmas(token.lower))


@dataclass(frozen=True, slots=True)
class TokenView:
    """What a pattern word looks at in a token, read from spaCy once per token, not once per pattern tried."""

    lower: str
    lemma: str
    pos: str
    alpha: bool
    sent_start: bool
    sent_end: bool

    @classmethod
    def of(cls, token: Any) -> TokenView:
        return cls(_norm(token.lower_), _norm(token.lemma_.lower()), token.pos_, token.is_alpha,
                   bool(token.is_sent_start), bool(token.is_sent_end))


@dataclass(frozen=True, slots=True)
class Entry:
    pattern: tuple[Word | None, ...]  # None is a ``*`` gap
    english: str
    category: Category
    severity: Severity
    confidence: float
    suggestions: tuple[str, ...]
    explanation: str
    source: str


# the universal parts of speech spaCy's French tagger gives: a word:POS with another would never match
PARTS_OF_SPEECH = frozenset("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())


def _norm(word: str) -> str:
    return word.replace("’", "'")


def _words(pattern: str) -> tuple[Word | None, ...]:
    words: list[Word | None] = []
    inside = False
    for part in pattern.split():
        opens, closes = part.startswith("["), part.endswith("]")
        text = part.strip("[]")
        if text == "*":
            words.append(None)
            continue
        forms, _, pos = text.partition(":")
        words.append(Word(frozenset(_norm(form) for form in forms.lower().split(",") if form), pos or None,
                          marked=inside or opens))
        inside = (inside or opens) and not closes
    return tuple(words)


# a field separator: a bar with a space before it and a space (or the line's end) after it, so that an
# empty field may be written "| |" as well as "|  |"
_SEPARATOR = re.compile(r"\s\|(?=\s|$)")


def parse_line(line: str, where: str) -> Entry:
    fields = [field.strip() for field in _SEPARATOR.split(line.rstrip())]
    if len(fields) != FIELDS:
        msg = f"{where}: expected {FIELDS} fields separated by ' | ', found {len(fields)}"
        raise InputError(msg)
    pattern, english, category, severity, confidence, suggestions, explanation = fields
    words = _words(pattern)
    if not words:
        msg = f"{where}: the pattern (the first field) is empty"
        raise InputError(msg)
    unknown = sorted({word.pos for word in words if word is not None and word.pos is not None
                      and word.pos not in PARTS_OF_SPEECH})
    if unknown:
        msg = (f"{where}: {unknown[0]!r} is not a part of speech the tagger gives (word:POS takes one of "
               f"{', '.join(sorted(PARTS_OF_SPEECH))})")
        raise InputError(msg)
    if words[0] is None or words[-1] is None:
        msg = f"{where}: a pattern must start and end with a word, not '*'"
        raise InputError(msg)
    if category not in CATEGORIES:
        msg = f"{where}: unknown category {category!r}; use one of {', '.join(CATEGORIES)}"
        raise InputError(msg)
    try:
        level = Severity(severity)
        score = float(confidence)
    except ValueError:
        msg = (f"{where}: severity must be neutral/minor/major/critical and confidence a number, "
               f"not {severity!r}, {confidence!r}")
        raise InputError(msg) from None
    if not 0.0 <= score <= 1.0:  # nan fails this too: an entry that could never be shown
        msg = f"{where}: confidence must be a number from 0 to 1, not {confidence!r}"
        raise InputError(msg)
    return Entry(pattern=words, english=english, category=CATEGORIES[category], severity=level,
                 confidence=score,
                 suggestions=tuple(s.strip() for s in suggestions.split(";") if s.strip()),
                 explanation=explanation, source=where)


def read_lexicon(path: Path) -> tuple[Entry, ...]:
    """The entries of a lexicon file, read again only when the file changed."""
    return _read_lexicon(path, modified(path, what="lexicon"))


@cache
def _read_lexicon(path: Path, stamp: int) -> tuple[Entry, ...]:  # noqa: ARG001 - stamp is the cache key
    text = read_option_file(path, what="lexicon", option="--lexicon")
    return tuple(
        parse_line(line, f"lexicon {path.name}:{number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    tokens: tuple[Any, ...]

    @property
    def start(self) -> int:
        return int(self.tokens[0].idx)

    @property
    def end(self) -> int:
        return int(self.tokens[-1].idx + len(self.tokens[-1].text))


class Lexicon:
    """An index of entries by the forms of their first word."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = tuple(entries)
        self.index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            first = entry.pattern[0]
            assert first is not None  # noqa: S101 - parse_line guarantees it
            for form in first.forms:
                self.index.setdefault(form, []).append(entry)

    def matches(self, doc: Any) -> list[Match]:
        views = [TokenView.of(token) for token in doc]
        found: list[Match] = []
        for position, view in enumerate(views):
            keys = {view.lower, view.lemma}
            if view.pos != "VERB" and view.alpha:
                keys |= verb_lemmas(view.lower)
            # keys in a fixed order: of two equal matches, the same one wins whatever the hash seed
            candidates = {id(e): e for key in sorted(keys) for e in self.index.get(key, ())}
            for entry in candidates.values():
                positions = _match(entry.pattern, views, position)
                if positions is not None:
                    found.append(Match(entry, tuple(doc[i] for i in positions)))
        return _keep_specific(found)


def _match(pattern: Sequence[Word | None], views: Sequence[TokenView], position: int) -> tuple[int, ...] | None:
    """The token positions the pattern matches from ``position`` (gaps left out), or None."""
    if not pattern:
        return ()
    word = pattern[0]
    if word is None:
        for skip in range(GAP + 1):
            found = _match(pattern[1:], views, position + skip)
            if found is not None:
                return found
        return None
    while 0 < position < len(views) and views[position].lower in INSERTABLE and not word.matches(views[position]):
        position += 1
    if position >= len(views) or not word.matches(views[position]):
        return None
    if views[position].sent_end and len(pattern) > 1 and position + 1 < len(views) \
            and views[position + 1].sent_start:
        return None
    rest = _match(pattern[1:], views, position + 1)
    return None if rest is None else (position, *rest)


def _keep_specific(matches: list[Match]) -> list[Match]:
    """Longer matches win over the shorter ones inside them; neutral ones silence what they cover."""
    matches.sort(key=lambda m: (-(m.end - m.start), -len(m.entry.pattern)))
    kept: list[Match] = []
    for match in matches:
        if any(other.start <= match.start and match.end <= other.end for other in kept):
            continue
        kept.append(match)
    return [match for match in kept if match.entry.severity != Severity.NEUTRAL]


class LexiconDetector:
    name = NAME

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        docs = parse_many([segment.text for segment in segments])
        for segment, doc in zip(segments, docs, strict=True):
            make = FlagMaker(NAME, segment.id, segment.text)
            for match in self.lexicon.matches(doc):
                if any(is_name(token) and token.pos_ == "PROPN" for token in match.tokens) or _purpose(match):
                    continue
                entry = match.entry
                head_tokens = _head(match)
                start, end = head_tokens[0].idx, head_tokens[-1].idx + len(head_tokens[-1].text)
                span = segment.text[start:end]
                head = f"« {span} » looks like a calque of English “{entry.english}”"
                message = f"{head}: {entry.explanation}" if entry.explanation else head
                suggestions = [_case_like(span, _inflect(s, head_tokens[0])) for s in entry.suggestions]
                yield make(start, end, entry.category, entry.severity, message, suggestions, entry.confidence)


def _purpose(match: Match) -> bool:
    """« un décalage a été appliqué pour les décoller », « une confirmation sera demandée pour éviter »: a calque
    ending on « pour » (“apply for”, “ask for”) followed by an infinitive, which makes « pour » say a purpose."""
    last = match.tokens[-1]
    if lower_form(last) != "pour":
        return False
    doc, position = last.doc, last.i + 1
    while position < len(doc) and lower_form(doc[position]) in CLITICS:
        position += 1
    return position < len(doc) and is_infinitive(lower_form(doc[position]))


def _head(match: Match) -> tuple[Any, ...]:
    """The tokens suggestions replace: the [marked] ones, else those before the first ``*``, else all."""
    words = [word for word in match.entry.pattern if word is not None]
    marked = [token for word, token in zip(words, match.tokens, strict=True) if word.marked]
    if marked:
        return tuple(marked)
    if None not in match.entry.pattern:
        return match.tokens
    return match.tokens[: match.entry.pattern.index(None)]


def _inflect(suggestion: str, token: Any) -> str:
    """A regular -er infinitive suggested for a conjugated verb, put in the verb's form."""
    first, _, rest = suggestion.partition(" ")
    if token.pos_ in {"ADJ", "NOUN"} and " " not in suggestion and token.lower_.endswith("s") \
            and not suggestion.endswith(("s", "x")) and token.morph.get("Number") == ["Plur"]:
        return suggestion + _plural_ending(suggestion)
    if token.pos_ not in {"VERB", "AUX"} or not first.endswith("er") or "'" in first or first in {"se", "s'"}:
        return suggestion
    if token.lower_.endswith("er"):
        return suggestion
    form = verb_form(token)
    if form.verb_form == "Inf":
        return suggestion
    inflected = conjugate(first, form)
    if form.verb_form == "Part":
        ending = token.lower_[len(token.lemma_) - 2:] if token.lower_.startswith(token.lemma_[:-2]) else "é"
        inflected = first[:-2] + ending
    return f"{inflected} {rest}".rstrip()


# the -au and -eu nouns whose plural takes an s, not an x
PLURAL_IN_S = frozenset({"landau", "sarrau", "pneu", "bleu", "émeu"})


def _plural_ending(noun: str) -> str:
    """« arceau » -> « arceaux », « pneu » -> « pneus »."""
    return "x" if noun.endswith(("au", "eu")) and noun not in PLURAL_IN_S else "s"


def _case_like(original: str, suggestion: str) -> str:
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    entries: list[Entry] = list(read_lexicon(BUILTIN))
    for path in extra:
        entries.extend(read_lexicon(Path(path)))
    return Lexicon(entries)


def make(options: FlagOptions, pool: ModelPool) -> LexiconDetector:  # noqa: ARG001 - offline: no model
    return LexiconDetector(load_lexicon(tuple(options.setting("lexicon", ()))))


DETECTOR = DetectorSpec(
    name=NAME, summary="MT calques, false friends and anglicisms, matched on lemmas", make=make, order=10,
    default=True, per_segment=True,
    options=(Option("--lexicon", "lexicon", "extra MT-error lexicon (format: see README); repeatable",
                    metavar="FILE", kind="paths", check=read_lexicon),),
)
