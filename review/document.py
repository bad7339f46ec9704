"""Turn an article file into paragraphs and sentences.

Pure text handling: no model, no UI.  Offsets always point into the decoded
text exactly as it was in the file (line ends kept), so that writing the
segments back in place reproduces the file byte for byte.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from bisect import bisect_right
from pathlib import Path

from review.errors import InputError
from review.model import Document, Segment

BOM = "\ufeff"

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

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)\s*")
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


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 by their byte order mark, or by the zero bytes ASCII text has in them."""
    for mark, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                       (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(mark):
            return name
    head = data[:4096]
    pairs = len(head) // 2
    if pairs >= 8:
        even_zeros = head[0::2].count(0)
        odd_zeros = head[1::2].count(0)
        if max(even_zeros, odd_zeros) > 0.4 * pairs and min(even_zeros, odd_zeros) < 0.05 * pairs:
            return "UTF-16LE" if odd_zeros > even_zeros else "UTF-16BE"  # "a\0" is little-endian
    return None


def decode(data: bytes, *, source: str) -> tuple[str, bool]:
    """Decode an article's bytes; return the text (without BOM) and whether it had one."""
    if wide := _wide_encoding(data):
        msg = (f"{source} is {wide} text, not UTF-8: convert it first, e.g. "
               f"`iconv -f {wide} -t UTF-8 {source} > {source}.utf8.txt`")
        raise InputError(msg)
    if b"\x00" in data[:8192]:
        msg = f"{source} looks like a binary file, not text: give a UTF-8 text article"
        raise InputError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        msg = (
            f"{source} is not valid UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        )
        raise InputError(msg) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    return text, bom


MAX_INPUT_ENV = "REVIEW_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 64


def max_input_bytes() -> int:
    """The largest input file read, from ``$REVIEW_MAX_INPUT_MB`` (default 64 MB)."""
    text = os.environ.get(MAX_INPUT_ENV, "").strip()
    if not text:
        return DEFAULT_MAX_INPUT_MB * 1_000_000
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < 1_000_000:  # also refuses nan and inf
        msg = f"{MAX_INPUT_ENV}={text!r} is not a number of megabytes: set it to e.g. 200"
        raise InputError(msg)
    return int(megabytes * 1_000_000)


def read_bytes(path: Path, *, wanted: str = "a text article") -> bytes:
    """A regular file's bytes, or an :class:`InputError` saying why not.

    The one place input files are read: missing, a directory, a pipe or device
    (which could block or never end), unreadable, or larger than
    :func:`max_input_bytes` (the message says how to raise the limit).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once instead of waiting for a writer
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise InputError(msg) from None
    except IsADirectoryError:
        msg = f"{path} is a directory: give the path of {wanted} inside it"
        raise InputError(msg) from None
    except OSError as error:
        msg = f"{path}: cannot read ({error.strerror})"
        raise InputError(msg) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            msg = f"{path} is a directory: give the path of {wanted} inside it"
        else:
            msg = f"{path} is not a regular file (a pipe, socket or device): save it to a file and give that"
        raise InputError(msg)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as stream:
        limit = max_input_bytes()
        try:
            data = stream.read(limit + 1)  # a file growing while read stops at the limit too
        except OSError as error:
            msg = f"{path}: cannot read ({error.strerror})"
            raise InputError(msg) from None
    if len(data) > limit:
        msg = (f"{path} is larger than {limit / 1e6:g} MB, the most review reads: "
               f"set {MAX_INPUT_ENV} to a bigger number of megabytes to open it anyway")
        raise InputError(msg)
    return data


def read_article(path: Path) -> tuple[str, bool]:
    """Read and decode an article file, with errors a user can act on."""
    text, bom = decode(read_bytes(path), source=str(path))
    if not text.strip():
        msg = f"{path} is empty: there is nothing to review"
        raise InputError(msg)
    return text, bom


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip()]


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


def segment_text(text: str) -> tuple[Segment, ...]:
    """Cut an article's text into segments with stable ids and exact offsets."""
    segments: list[Segment] = []
    for paragraph, (para_start, para_end) in enumerate(_paragraph_spans(text)):
        body = text[para_start:para_end]
        for number, (start, end) in enumerate(split_sentences(body), start=1):
            segments.append(
                Segment(
                    id=f"p{paragraph + 1}s{number}",
                    index=len(segments),
                    paragraph=paragraph,
                    start=para_start + start,
                    end=para_start + end,
                    text=body[start:end],
                )
            )
    return tuple(segments)


def from_text(text: str, *, path: Path | None = None, language: str = "fr", bom: bool = False) -> Document:
    """Build a document from text already in memory (no language check)."""
    return Document(path=path, text=text, segments=segment_text(text), language=language, bom=bom)


def load_document(path: Path, *, source_lang: str | None = None, expected: str = "fr") -> Document:
    """Load an article, checking that it is in ``expected`` unless ``source_lang`` overrides.

    Raises :class:`InputError` with a one-line reason for anything a reviewer
    could not work with.
    """
    from review.langid import detect_language  # noqa: PLC0415 - langdetect loads profiles on import

    text, bom = read_article(path)
    if source_lang is not None:
        language = source_lang
    else:
        guess = detect_language(text)
        if guess is not None and guess.language != expected:
            msg = (
                f"{path} looks like {guess.name} ({guess.language}, p={guess.probability:.2f}), not "
                f"{expected}: pass --source-lang {guess.language} to review it anyway"
            )
            raise InputError(msg)
        language = expected
    return from_text(text, path=path, language=language, bom=bom)


def apply_corrections(document: Document, texts: dict[str, str]) -> str:
    """The article's text with corrected segments put in place, all else untouched."""
    pieces: list[str] = []
    position = 0
    for segment in document.segments:
        pieces.append(document.text[position : segment.start])
        pieces.append(texts.get(segment.id, segment.text))
        position = segment.end
    pieces.append(document.text[position:])
    return "".join(pieces)
