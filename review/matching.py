"""Lining up a file's units with the article's segments by what they say, when their ids say nothing.

OmegaT's project memory (TMX 1.1, sorted by the English, no ``tuid``) and
files from tools that renumber or drop ids still hold each segment's French
and English.  Two ways to find a unit's segment without ids:

* **French side** (:func:`match_french`): a memory of this very article has
  the article's French, exactly or after spacing, quotes and apostrophes are
  evened out (:func:`french_key`).  Exact, so it never guesses.
* **English side** (:func:`match_english`): the unit's English (the original)
  is compared with the model's English rendering of each segment from the
  rendering cache.  A rendering is a back-translation, not the original, so
  this is a similarity match: character 3-gram Dice (:func:`similarity`),
  assigned one to one, best pair first, above :data:`MIN_SIMILARITY`.

Pure functions: no file, cache or model here (see :mod:`review.variants`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

# Tuned with benchmarks/align_threshold.py on the English of WMT20 QE en-fr (150 documents, 1,251 segments),
# 30% or 50% of each sentence's words replaced or dropped standing in for the renderings: at 0.30, 98.3-99.3%
# of segments found their own sentence, 0-0.2% another one, and 0.2% of a foreign document's sentences passed
# (1.0% at 0.25, 7% at 0.20); at 0.40 only 95.4% of the 50%-reworded sentences were found.
MIN_SIMILARITY = 0.30
GRAM = 3

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",  # apostrophes
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"',  # « » “ ” „
    "\u2013": "-", "\u2014": "-", "\u2011": "-",  # dashes
})


def french_key(text: str) -> str:
    """``text`` with Unicode composed, quotes, apostrophes and dashes made plain and every space removed.

    So « Oui », dit-il and "Oui", dit-il (or a non-breaking space lost on the way) are the same key.
    """
    return _SPACES.sub("", unicodedata.normalize("NFC", text).translate(_QUOTES))


def grams(text: str) -> Counter[str]:
    """The character 3-grams of ``text`` lower-cased with spaces collapsed (a multiset)."""
    flat = " " + _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()).strip() + " "
    return Counter(flat[index : index + GRAM] for index in range(len(flat) - GRAM + 1))


def similarity(left: Counter[str], right: Counter[str]) -> float:
    """Dice coefficient of two 3-gram multisets: 1.0 same text, 0.0 nothing in common."""
    total = left.total() + right.total()
    return 2 * (left & right).total() / total if total else 0.0


def match_french(segments: Mapping[str, str], units: Sequence[str]) -> dict[str, int]:
    """Segment id -> index of the unit whose French is the segment's (see :func:`french_key`).

    segments: the article's French per segment id, in article order.  Segments
    with the same French take that French's units in file order; when there are
    fewer units than such segments (OmegaT keeps one unit per distinct text) the
    last one serves the rest.
    """
    by_key: dict[str, list[int]] = {}
    for index, text in enumerate(units):
        if text.strip():
            by_key.setdefault(french_key(text), []).append(index)
    taken: dict[str, int] = {}
    found: dict[str, int] = {}
    for segment_id, text in segments.items():
        key = french_key(text)
        candidates = by_key.get(key)
        if not candidates:
            continue
        turn = taken.get(key, 0)
        found[segment_id] = candidates[min(turn, len(candidates) - 1)]
        taken[key] = turn + 1
    return found


def match_english(renderings: Mapping[str, str], units: Mapping[int, str], *,
                  threshold: float = MIN_SIMILARITY) -> dict[str, int]:
    """Segment id -> index of the unit whose English is most like the segment's rendering.

    renderings: the model's English per segment id (segments without one are left out).
    units: the English of the units still free, by unit index.
    One to one, best-scoring pair first; a pair below ``threshold`` is never taken,
    so the units of another article stay unmatched.  Each rendering is scored
    against the :data:`CANDIDATES` units that share most of its rarer 3-grams
    (every unit, for an article of a few hundred segments), so a file of
    thousands of units is matched in seconds, not hours.
    """
    unit_grams = {index: grams(text) for index, text in units.items() if text.strip()}
    candidates = _candidates(unit_grams)
    scored: list[tuple[float, str, int]] = []
    for segment_id, english in renderings.items():
        mine = grams(english)
        for index in candidates(mine):
            score = similarity(mine, unit_grams[index])
            if score >= threshold:
                scored.append((score, segment_id, index))
    order = {segment_id: position for position, segment_id in enumerate(renderings)}
    # best first; ties go to the earlier segment and unit, so the result does not depend on dict order
    scored.sort(key=lambda item: (-item[0], order[item[1]], item[2]))
    found: dict[str, int] = {}
    used: set[int] = set()
    for _, segment_id, index in scored:
        if segment_id not in found and index not in used:
            found[segment_id] = index
            used.add(index)
    return found


CANDIDATES = 25  # units scored per rendering when there are more than this
COMMON = 0.02  # a 3-gram in more than this share of the units (" th", "the") does not pick candidates


def _candidates(unit_grams: Mapping[int, Counter[str]]) -> Callable[[Counter[str]], Iterable[int]]:
    """For a rendering's 3-grams, the units worth scoring: all of them, or those sharing most rarer 3-grams."""
    if len(unit_grams) <= CANDIDATES:
        return lambda _: unit_grams.keys()
    postings: dict[str, list[int]] = {}
    for index, found in unit_grams.items():
        for gram in found:
            postings.setdefault(gram, []).append(index)
    limit = max(CANDIDATES, int(COMMON * len(unit_grams)))
    rare = {gram: indices for gram, indices in postings.items() if len(indices) <= limit}

    def best(mine: Counter[str]) -> Iterable[int]:
        shared: Counter[int] = Counter()
        for gram in mine:
            if gram in rare:
                shared.update(rare[gram])
        return [index for index, _ in shared.most_common(CANDIDATES)]

    return best


def share_duplicates(segments: Mapping[str, str], found: dict[str, int]) -> dict[str, int]:
    """Segments left out whose French is that of a matched segment take the same unit (deduplicated memories)."""
    by_key = {french_key(segments[segment_id]): index for segment_id, index in found.items()}
    extra = {segment_id: by_key[key] for segment_id, text in segments.items()
             if segment_id not in found and (key := french_key(text)) in by_key}
    return {**found, **extra}
