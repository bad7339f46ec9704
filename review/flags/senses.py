"""Words translated in a sense the English context excludes (``--source``).

Machine translation picks one sense of an English word that has several, and on
product texts it often picks the wrong one: a carrying "case" becomes « cas »
(an instance), tent "poles" become « pôles » (of the Earth), "swim trunks"
become « troncs » (of a tree).  The French word is a real translation of the
English one, so the bilingual dictionaries (:mod:`review.flags.dictionary`)
cannot tell; what tells is the pair: that French word in the French while the
English has that word, and none of the English phrases in which that sense is
the right one ("in case", "North Pole", "tree trunk").

No redistributable English–French sense inventory exists, so the pairs are a
small hand-written table (``data/senses.txt``; its header documents the format):
each entry is a known error of English→French MT, says why in a comment, and
carries the precision measured on annotated MT; entries right less than about
0.7 of the time are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from review.errors import InputError
from review.flags.nlp import FlagMaker, apostrophe
from review.model import Category, Flag, Severity

BUILTIN = Path(__file__).parent / "data" / "senses.txt"
FIELDS = 6
SEPARATOR = re.compile(r" \|(?= )")  # " | " between fields, an empty one written " | | "; a pattern's "|" has no spaces


@dataclass(frozen=True, slots=True)
class Sense:
    """One wrong sense: ``french`` words where the English has ``english`` and none of ``unless``."""

    english: re.Pattern[str]
    french: frozenset[str]
    unless: re.Pattern[str] | None
    suggestions: tuple[str, ...]
    confidence: float
    explanation: str


def _pattern(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(rf"\b(?:{text})\b", re.IGNORECASE)
    except re.error as error:
        msg = f"{where}: {text!r} is not a regular expression ({error})"
        raise InputError(msg) from None


def parse_line(line: str, where: str) -> Sense:
    fields = [field.strip() for field in SEPARATOR.split(line)]
    if len(fields) != FIELDS:
        msg = f"{where}: expected {FIELDS} fields separated by ' | ', found {len(fields)}"
        raise InputError(msg)
    english, french, unless, suggestions, confidence, explanation = fields
    try:
        score = float(confidence)
    except ValueError:
        msg = f"{where}: the confidence must be a number, not {confidence!r}"
        raise InputError(msg) from None
    return Sense(english=_pattern(english, where),
                 french=frozenset(apostrophe(word.strip().lower()) for word in french.split(",") if word.strip()),
                 unless=_pattern(unless, where) if unless else None,
                 suggestions=tuple(word.strip() for word in suggestions.split(";") if word.strip()),
                 confidence=min(max(score, 0.0), 1.0), explanation=explanation)


@cache
def senses(path: Path = BUILTIN) -> tuple[Sense, ...]:
    """The table's entries (read once per process: the file ships with the package)."""
    return tuple(parse_line(line, f"{path.name}:{number}")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if line.strip() and not line.lstrip().startswith("#"))


def wrong_senses(tokens: Any, english: str, table: tuple[Sense, ...]) -> Iterator[tuple[Any, Sense]]:
    """Each token of ``tokens`` that renders a word of ``english`` in a sense the table marks wrong there."""
    present = [sense for sense in table if sense.english.search(english)
               and (sense.unless is None or not sense.unless.search(english))]
    if not present:
        return
    for token in tokens:
        forms = {apostrophe(token.lower_), apostrophe(token.lemma_.lower())}
        found = next((sense for sense in present if not sense.french.isdisjoint(forms)), None)
        if found is not None:
            yield token, found


def agreed(suggestion: str, token: Any) -> str:
    """``suggestion`` (written in the singular, masculine) in the number and gender of the word it replaces.

    « mât » for « pôles » is « mâts », « maillot de bain » for « troncs » « maillots de bain », « lesté »
    for « pondérée » « lestée »: the suggestion can then be applied as it is.  A verb's suggestion is left
    in the infinitive (« compenser » for « constituent »): a verb has no plural to copy.
    """
    first, space, rest = suggestion.partition(" ")
    lower = token.lower_
    if first.endswith("é") and lower.endswith(("ée", "és", "ées")):
        first += lower[lower.rindex("é") + 1:]
    elif (token.morph.get("Number") == ["Plur"] and token.pos_ not in {"VERB", "AUX"}
          and not first.endswith(("s", "x", "z"))):
        first += "x" if first.endswith(("eau", "eu")) else "s"
    return f"{first}{space}{rest}"


def flags(doc: Any, english: str, make: FlagMaker) -> Iterator[Flag]:
    """The wrong senses of ``doc`` (a parsed French segment) as flags, against its ``english`` original."""
    for token, sense in wrong_senses(doc, english, senses()):
        word = sense.english.search(english)
        said = word.group() if word else ""
        yield make(token.idx, token.idx + len(token.text), Category.MISTRANSLATION, Severity.MAJOR,
                   f"« {token.text} » renders “{said}” in another sense: {sense.explanation}",
                   [agreed(suggestion, token) for suggestion in sense.suggestions], sense.confidence)
