"""English left inside French text: runs of English words in capitals and English compounds.

Machine translation of product titles leaves the names of things in English, in
capitals, between French words (« Coleman autogonflant Camp Pad avec oreiller »,
« Montagne noire produits nouveaux Heavy Duty Bmp porte Chin Up Pull Up Bar »).
A brand alone is not an error, so a run of capitalised words is judged as a whole:
it is English left in the French when one of its words is a common English word
that no French word list knows (brands such as « Gaiam », « Victorinox » are in no
dictionary), and a French word in lower case touches it; a rarer English word alone
between French words of a title is judged the same way.  Hyphenated English
compounds (« easy-to-use », « state-of-the-art ») are known by an English function
word between their parts, and English contractions (« it's », « won't ») by what
follows the apostrophe.

The spelling detector calls these on its parse; they read the word lists it holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from review.flags.nlp import lexicon_words

# a word this frequent in pyspellchecker's English list (per its corpus) is a common English word
COMMON_ENGLISH = 5000
MISSPELT_LENGTH = 6  # letters, at least, of a word read as misspelt, English or French (« icluded », « densitée »)
MIN_PART = 3  # letters, at least, of each English word run into another (« flycasting »)
# English words that join the capitalised words of a title (« World Series of Poker »)
TITLE_JOINERS = frozenset("and of with for the".split())
# inside a hyphenated compound, these make it English (« easy-to-use », « time-of-day »)
COMPOUND_JOINERS = frozenset("of the to and for in on with".split())
COMPOUND = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?:-[^\W\d_]+)+(?![\w-])")
# « it's », « world's », « won't »: English contractions and possessives, with any apostrophe (U+0092 is
# the Windows quote that text decoded as Latin-1 carries); French elides before the apostrophe, never after
# « thickness4 », « cushions300 »: a word in lower case glued to the number of the next line of a product sheet
GLUED_NUMBER = re.compile(r"(?<![\w-])([a-zà-ÿ]{3,})\d[\d.,]*[^\W_]*")
GLUED_NUMBER_FREQUENCY = 100
# « l'architecture arm64. », « quake2, quake3arena »: a name whose number ends a clause; a lost line break's number
# goes on with its unit or text (« capacity6 pieds », « inch3.6 ounces »).  Debian's package descriptions (blocks
# read, stop 55): 10 flags in 22,500 sentences; on the tuning split of WMT20 QE en-fr none of the rule's 48 flags
# stands so
CLAUSE_END_NAME = re.compile(r"[a-zà-ÿ]+\d+[.,]")
# « 32mmReticle », « Features7x50Center », « 10About »: a capitalised word glued after a number (and its unit)
NUMBER_THEN_WORD = re.compile(r"\d(?:mm|cm|x|in|lbs|oz|g|kg|m|ft)?([A-Z][a-z]{2,})(?![a-z])")
FREQUENCY_UNITS = frozenset("hz khz mhz ghz".split())
CONTRACTION = re.compile(r"(?<![\w'’\x92])[a-zà-ÿ]{2,}['’\x92](?:s|t|ll|re|ve)(?![\w'’])")


@dataclass(frozen=True, slots=True)
class EnglishRun:
    """Capitalised English words side by side: ``start``/``end`` in the text, ``first``/``last`` token indices."""

    start: int
    end: int
    first: int
    last: int


def _capitalised(token: Any) -> bool:
    text = str(token.text)
    return bool(token.is_alpha) and text[:1].isupper() and text[1:].islower()


def _prose(doc: Any) -> bool:
    """A sentence with a conjugated verb, not a product title or a list (« Coleman autogonflant Camp Pad »)."""
    return any(token.pos_ in {"VERB", "AUX"} and "Fin" in token.morph.get("VerbForm") for token in doc)


class EnglishWords:
    """Which words are common English and not French, by pyspellchecker's two lists and spaCy's tables."""

    def __init__(self, english: Any, in_french_list: Callable[[str], bool]) -> None:
        """english: pyspellchecker's English list; in_french_list: whether its French list holds a word."""
        self.english = english
        self.total = english.word_frequency.total_words
        self.in_french_list = in_french_list

    def frequency(self, lower: str) -> float:
        return float(self.english.word_usage_frequency(lower) * self.total)

    def is_french(self, lower: str) -> bool:
        return self.in_french_list(lower) or lower in lexicon_words()

    def only_english(self, word: str) -> bool:
        """A common English word that neither French list holds (« pad », « heavy », « knife »)."""
        lower = word.lower()
        return self.frequency(lower) >= COMMON_ENGLISH and not self.is_french(lower)

    def english_runs(self, doc: Any) -> Iterator[EnglishRun]:
        """Runs of capitalised words that hold an English word and touch lower-case French; titles only.

        Measured on WMT20 QE en-fr (tuning split), one flag a run, alone: in segments without a conjugated
        verb (product titles, lists), runs of two or more capitalised words with a common English word no
        French list holds, next to a French word in lower case: 167 flags at 0.84 (240 errors found, 23
        critical), no error-free segment that had no flag.  Without the French neighbour (« Snow Peak Trek
        700 », « Master Lock 94DSPT »: brands) 0.75 with 11 error-free segments; in sentences with a
        conjugated verb (« Planet Bike a été fondée ») 0.40; a run that ends the segment on a brand or model
        rather than an English noun (« Casque de vélo Bell Radar »: 24 flags, 3 of them on error-free
        segments) is left alone.
        """
        if _prose(doc):
            return
        index, size = 0, len(doc)
        while index < size:
            if not _capitalised(doc[index]):
                index += 1
                continue
            last = index
            while last + 1 < size and (_capitalised(doc[last + 1]) or (
                    doc[last + 1].lower_ in TITLE_JOINERS and last + 2 < size and _capitalised(doc[last + 2]))):
                last += 1
            first = index
            index = last + 1
            if last == first or any(token.ent_type_ == "PER" for token in doc[first:last + 1]):
                continue
            if doc[first].is_sent_start and self.is_french(doc[first].lower_):
                first += 1  # « Cadenas Master Lock »: the capital of a French word opening the sentence
            run = doc[first:last + 1]
            words = [token for token in run if _capitalised(token)]
            if not any(self.only_english(token.text) for token in words):
                continue
            if not (self._french_beside(doc, run.start - 1) or self._french_beside(doc, run.end)):
                continue
            last_word = not any(token.is_alpha for token in doc[run.end:])
            if last_word and not self.only_english(run[-1].text):
                continue  # a French title names the kind, then the brand and model (« Casque de vélo Bell Radar »)
            yield EnglishRun(run[0].idx, run[-1].idx + len(run[-1].text), run.start, run.end - 1)

    def alone_in_title(self, token: Any) -> bool:
        """A capitalised word beside French words in lower case, in a title (« Ambassadeur C3 gauche Reel »).

        For the rarer common English words (a frequency of 5,000-50,000, where names mix in: « Reel », « Grip »),
        measured on WMT20 QE en-fr (tuning split), alone: 40 flags at 0.80, one on an error-free segment.
        """
        doc = token.doc
        if _prose(doc) or token.i == 0 or token.ent_type_ in {"PER", "LOC"}:
            return False
        if any(0 <= i < len(doc) and _capitalised(doc[i]) for i in (token.i - 1, token.i + 1)):
            return False
        return self._french_beside(doc, token.i - 1) or self._french_beside(doc, token.i + 1)

    def _french_beside(self, doc: Any, position: int) -> bool:
        if not 0 <= position < len(doc):
            return False
        token = doc[position]
        lower = str(token.lower_)
        return bool(token.is_alpha and token.is_lower) and self.in_french_list(lower)

    @staticmethod
    def contractions(text: str) -> Iterator[tuple[int, int]]:
        """« it's », « world's », « won't » in lower case: English grammar left in the French.

        Measured on WMT20 QE en-fr (tuning split): 37 flags at 0.95.  In capitals they are mostly brands
        (« Meguiar's », « Dr. Bronner's »): 21 at 0.76, left to the other rules.
        """
        for match in CONTRACTION.finditer(text):
            yield match.start(), match.end()

    def run_together(self, lower: str, parts: int = 3) -> tuple[str, ...] | None:
        """« flycasting » → ("fly", "casting"), « flyandstay » → ("fly", "and", "stay"): common English words of
        three letters or more run together, ``parts`` of them at most."""
        if self.frequency(lower) >= COMMON_ENGLISH and len(lower) >= MIN_PART:
            return (lower,)
        if parts == 1:
            return None
        for cut in range(MIN_PART, len(lower) - MIN_PART + 1):
            first = lower[:cut]
            if self.frequency(first) >= COMMON_ENGLISH:
                rest = self.run_together(lower[cut:], parts - 1)
                if rest is not None:
                    return (first, *rest)
        return None

    def misspelt(self, lower: str) -> str | None:
        """« icluded » → "included": the most frequent common English word one edit away inside the word, if any.

        The edit must keep the first and last letters, and the word be six letters or more: program names add
        a letter at either end of an English word (« xboard », « inotify », « honeyd », « uim »: 147 of 188 such
        flags in 28,500 sentences of Debian's package descriptions), misspellings seldom do (on WMT20 QE en-fr's
        tuning split 5 right flags, « saddlel », « ninex », of 8).
        """
        if len(lower) < MISSPELT_LENGTH:
            return None
        near = [word for word in self.english.candidates(lower) or () if word != lower
                and word[0] == lower[0] and word[-1] == lower[-1]
                and self.frequency(word) >= COMMON_ENGLISH and not self.is_french(word)]
        return max(near, key=lambda word: (self.frequency(word), word)) if near else None

    def english_compounds(self, text: str) -> Iterator[tuple[int, int]]:
        """« easy-to-use », « head-to-toe »: hyphenated common English words joined by an English function word.

        Measured on WMT20 QE en-fr (tuning split): 10 flags at 1.00 in lower case; in capitals they name
        products (« le tricycle Ready-to-Ride »), and compounds of English words without a function word
        inside (« King-Size », « pot-limit », « push-up ») are right only 0.51 of the time: left alone.
        """
        for match in COMPOUND.finditer(text):
            parts = match.group().lower().split("-")
            if self.is_french(match.group().lower()):
                continue
            if all(self.frequency(part) >= COMMON_ENGLISH for part in parts) and \
                    any(part in COMPOUND_JOINERS for part in parts[1:-1]):
                yield match.start(), match.end()

    def glued_to_numbers(self, text: str) -> Iterator[tuple[int, int, str]]:
        """« thickness4 », « cushions300 »: a word French does not have, glued to a number by a lost line break.

        Measured on WMT20 QE en-fr (tuning split): in lower case and in no French list, 48 at 0.88; a French
        word so glued (« cours1 ») 0.40, a capitalised one (« Coated1 », « Warranty90 ») 0.70: left alone.  The
        word must be one of pyspellchecker's English words (not « usb3 », « ddr4 », « css3 »).
        Yields the span and the word.
        """
        for match in GLUED_NUMBER.finditer(text):
            word = match.group(1)
            if not self.is_french(word) and self.frequency(word) >= GLUED_NUMBER_FREQUENCY \
                    and not CLAUSE_END_NAME.fullmatch(match.group()):
                yield match.start(), match.end(), word

    @staticmethod
    def glued_after_numbers(text: str) -> Iterator[tuple[int, int]]:
        """« 32mmReticle », « 4.5xObjective », « 10About »: the next line of a spec sheet glued to a number.

        Measured on WMT20 QE en-fr (tuning split): 51 flags at 0.82, 8 on critical errors, none on an
        error-free segment; English or French alike (« Objective », « Chrome »), as the line is left in
        English either way.  Yields the span of the word, not of the number.
        """
        for match in NUMBER_THEN_WORD.finditer(text):
            if match.group(1).lower() not in FREQUENCY_UNITS:
                yield match.start(1), match.end(1)
