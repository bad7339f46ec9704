"""Which words of the English original each French word may translate (no model).

A French word and an English word are taken as counterparts when the bilingual
dictionary (:mod:`review.flags.bilingual`) gives the English word among the
French word's translations, or when both share a stem (« protection » /
"protect", « aluminium » / "aluminum").  English words are compared through a
small suffix-stripping stemmer: there is no English spaCy pipeline on PyPI
(``en_core_web_sm`` is published on GitHub only), and a crude stem is what the
comparison needs (bags / bag, knives / knife, carried / carry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from review.flags.bilingual import Bilingual

MIN_STEM = 2
PREFIX = 5  # words sharing this many first letters are taken as one (protect / protection, confort / comfort)
# an English word or a punctuation mark: the words between two counterparts say whether they are one phrase
ENGLISH_TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")
# English words that join two nouns without making a compound (« hours of fun » keeps its order in French)
LINKS = frozenset("of for with to in on and or the a an at by from as per".split())
TITLE_SHARE = 0.6  # above this share of capitalised words the English is a title ("Classic Folding Knife")


def stem(word: str) -> str:
    """A crude English stem, the same for a word and its inflections (bags/bag, knives/knife, carried/carry)."""
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ives", "ife"), ("sses", "ss"), ("xes", "x"),
                                ("ches", "ch"), ("shes", "sh"), ("ing", ""), ("ed", ""), ("ly", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + replacement
    return word


def keys(word: str) -> set[str]:
    """The stem of a (lower-case) word, and its first letters when the stem is long enough to share them."""
    stemmed = stem(word)
    return {stemmed, stemmed[:PREFIX]} if len(stemmed) >= PREFIX else {stemmed}


@dataclass(frozen=True, slots=True)
class English:
    """The English sentence as tokens (words and punctuation marks), each with its stem keys."""

    tokens: tuple[str, ...]
    keys: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, text: str) -> English:
        tokens = tuple(ENGLISH_TOKEN.findall(text))
        return cls(tokens, tuple(frozenset(keys(token.lower())) if token[0].isalpha() else frozenset()
                                 for token in tokens))

    @property
    def is_title(self) -> bool:
        """Title case ("Coleman Classic Folding Knife"): product titles, where calques are most often wrong."""
        words = [token for token in self.tokens if token[0].isalpha()]
        return bool(words) and sum(word[0].isupper() for word in words) > TITLE_SHARE * len(words)

    def one_phrase(self, first: int, last: int) -> bool:
        """Whether the tokens ``first``..``last`` are words with no punctuation or linking word among them."""
        return all(self.tokens[i][0].isalpha() and self.tokens[i].lower() not in LINKS
                   for i in range(first, last + 1))


def counterparts(token: Any, english: English, bilingual: Bilingual) -> tuple[int, ...]:
    """Positions in ``english`` of the words the French ``token`` may translate (dictionary or shared stem)."""
    lower, lemma = token.lower_, token.lemma_.lower()
    wanted = keys(lower) | keys(lemma)
    for translation in bilingual.translations(lemma) | bilingual.translations(lower):
        wanted |= keys(translation)
    return tuple(i for i, found in enumerate(english.keys) if not found.isdisjoint(wanted))
