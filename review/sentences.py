"""Where an article's paragraphs and sentences begin and end: pure text, offsets only.

No model, no records: :mod:`review.cutting` turns the spans into segments, a
paragraph at a time, and :mod:`review.document` reads the files.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator

# Words after which a full stop does not end a French sentence.  Compared in
# lower case, without the final dot.
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles dr drs pr me mgr st ste sts stes
    av apr j.-c jc env etc cf ex p pp vol chap fig éd ed coll art al
    no nos n° tél tel fax réf ref janv févr fév avr juil sept oct nov déc
    lun mar mer jeu ven sam dim hab min max approx adj adv var gén gal col cdt lt cne
    ibid op cit vs
    """.split()
)

# a lone \r is an old Mac line end; the \r of a CRLF is not one on its own (a wrapped CRLF line is no break)
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\u00a0]*(?:\r\n|\r|\n)\s*")
_VISIBLE = re.compile(r"\S")
# A sentence ends at . ! ? or … (possibly repeated), optionally followed by
# closing quotes or brackets, then whitespace.
_END = re.compile(r"[.!?…]+[\"»”’)\]\u00a0 ]*?(?=\s)")
_OPENERS = '«“"([—–-'
_GUILLEMET = re.compile("[«»]")
_FIRST_VISIBLE = re.compile(r"\s*(\S)")
# The word before a full stop: the run of characters back to a space or an opening mark.  Searched
# between a bounded start and the stop, the leftmost match is where the word starts.
_WORD_BEFORE = re.compile(r"[^\s«(\"“]*\Z")
_INITIALS = re.compile(r"(?:[A-Za-zÀ-ÿ]\.)+[A-Za-zÀ-ÿ]")

# No segment is longer than this: every parse, detector and model call sees a
# bounded input, whatever the file holds (a 1 MB line with no sentence end).
# Sentences at or under the limit are never cut, so the ids of ordinary
# articles do not change.
MAX_SEGMENT = 1000
# Where a long sentence may be cut, best first: after a clause mark, then
# after a comma, then at any space; a hard cut when none falls in the window.
_CLAUSE_BREAKS = (re.compile(r"[;:—–](?=\s)"), re.compile(r",(?=\s)"), re.compile(r"\s"))
# A cut is looked for in the last half of the allowed length, so pieces are
# never tiny.
_MIN_PIECE = MAX_SEGMENT // 2
# An abbreviation or initial is short; looking further back than this for the
# word before a full stop would make a space-less line quadratic.
_LONGEST_WORD = 24


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the non-blank paragraphs, in order, each found when it is asked for.

    Nothing past the last paragraph asked for is scanned, so the first screen of a long
    article does not wait for the paragraph breaks of the rest.
    """
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if _VISIBLE.search(text, position, match.start()):  # `\S` is exactly what str.strip() keeps
            yield position, match.start()
        position = match.end()
    if _VISIBLE.search(text, position):
        yield position, len(text)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial."""
    found = _WORD_BEFORE.search(text, max(0, dot - _LONGEST_WORD), dot)
    word_start = found.start() if found is not None else dot
    if dot - word_start >= _LONGEST_WORD:
        return False  # a word this long is no abbreviation
    word = text[word_start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith"
    if _INITIALS.fullmatch(word):
        return True  # "p.ex", "U.S", "J.-C" minus the last dot
    return word.lower() in ABBREVIATIONS


def _next_starts_sentence(text: str, position: int) -> bool:
    found = _FIRST_VISIBLE.match(text, position)
    if found is None:
        return True
    first = found.group(1)
    return first.isupper() or first.isdigit() or first in _OPENERS


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """The insides of guillemet pairs, merged and in order; unclosed openers are ignored.

    Only the guillemets are visited, so a long paragraph costs a regex scan.
    """
    if "«" not in text:
        return []  # nothing opens: nothing is inside
    opened: list[int] = []
    insides: list[tuple[int, int]] = []
    for match in _GUILLEMET.finditer(text):
        if match.group() == "«":
            opened.append(match.start())
        elif opened:
            insides.append((opened.pop() + 1, match.start()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(insides):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _is_quoted(ranges: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(ranges, (position, sys.maxsize)) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans (offsets into ``text``)."""
    quoted = _quoted_ranges(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        first_mark, end = match.span()
        if quoted and _is_quoted(quoted, first_mark):
            continue
        # a single full stop (not "..") may close an abbreviation
        if text[first_mark] == "." and text[first_mark + 1] != "." and _is_abbreviation(text, first_mark):
            continue
        if not _next_starts_sentence(text, end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    pieces: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        chunk = text[span_start:span_end]
        stripped = chunk.lstrip()
        if not stripped:
            continue
        left = span_start + len(chunk) - len(stripped)
        right = span_start + len(stripped.rstrip()) + (len(chunk) - len(stripped))
        if right - left > MAX_SEGMENT:
            pieces.extend(cut_long(text, left, right))
        else:
            pieces.append((left, right))
    return pieces


def cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut the span ``text[start:end]`` into pieces of at most :data:`MAX_SEGMENT` characters.

    Each cut falls after the last clause mark in the allowed window, else the
    last comma, else the last space; with none of them the span is cut hard.
    Pieces are trimmed of the spaces at the cut.
    """
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SEGMENT:
        cut = start + MAX_SEGMENT
        for pattern in _CLAUSE_BREAKS:
            found = [match.end() for match in pattern.finditer(text, start + _MIN_PIECE, start + MAX_SEGMENT)]
            if found:
                cut = found[-1]
                break
        right = cut
        while right > start and text[right - 1].isspace():
            right -= 1
        pieces.append((start, right))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces
