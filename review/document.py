"""Read an article file into a :class:`Document` of paragraphs and sentences.

Pure text handling: no model, no UI.  Offsets always point into the decoded
text exactly as it was in the file (line ends kept), so that writing the
segments back in place reproduces the file byte for byte.  Where sentences
end is :mod:`review.sentences`' business; a document's segments are cut as
they are asked for (:mod:`review.cutting`), so opening a long article costs
reading and decoding it, not cutting it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from review.cutting import ArticleSegments
from review.errors import InputError
from review.model import Document, Segment
from review.sentences import ABBREVIATIONS, MAX_SEGMENT, cut_long, split_sentences

__all__ = [
    "ABBREVIATIONS", "BOM", "MAX_INPUT_ENV", "MAX_SEGMENT", "apply_corrections", "corrected_pieces", "cut_long",
    "decode", "from_text", "load_document", "max_input_bytes", "read_article", "read_bytes", "segment_text",
    "split_sentences",
]

BOM = "\ufeff"
_VISIBLE = re.compile(r"\S")

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
        # bytes 0x80-0x9f are printable in Windows-1252 (’ “ ” … œ) and control characters in Latin-1
        legacy = "cp1252" if any(0x80 <= byte <= 0x9F for byte in data) else "latin1"
        msg = (
            f"{source} is not valid UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r}); "
            f"convert it first, e.g. `iconv -f {legacy} -t utf-8`"
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


def modified(path: Path, *, what: str) -> int:
    """When the file was last changed (nanoseconds: a cache key for what it holds), or an :class:`InputError`
    naming it as ``what`` (« lexicon », « terms ») when it cannot be looked at."""
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        msg = f"{what} {path}: no such file"
        raise InputError(msg) from None
    except OSError as error:
        msg = f"{what} {path} cannot be read ({error.strerror})"
        raise InputError(msg) from None


def read_option_file(path: Path, *, what: str, option: str) -> str:
    """The UTF-8 text (a BOM skipped) of a file an option names (``--lexicon``, ``--terms``), or an
    :class:`InputError` naming it as ``what`` and saying how to go on without it."""
    try:
        return read_bytes(path, wanted=f"a {what} file").decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"{what} {path} cannot be read as UTF-8 text ({error}); save it as UTF-8 or leave out {option}"
        raise InputError(msg) from None


def read_bytes(path: Path, *, wanted: str = "a text article", scale: int = 1) -> bytes:
    """A regular file's bytes, or an :class:`InputError` saying why not.

    The one place input files are read: missing, a directory, a pipe or device
    (which could block or never end), unreadable, or larger than ``scale`` times
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
        limit = max_input_bytes() * scale
        try:
            # the size it has, and a byte more to see it grow: asking for the limit's 64 MB made reading
            # a 23 MB article ten times slower
            asked = min(info.st_size, limit) + 1
            data = stream.read(asked)
            if len(data) == asked <= limit:
                data += stream.read(limit + 1 - len(data))  # a file growing while read stops at the limit too
        except OSError as error:
            msg = f"{path}: cannot read ({error.strerror})"
            raise InputError(msg) from None
    if len(data) > limit:
        msg = (f"{path} is larger than {limit / 1e6:g} MB, the most review reads: "
               f"set {MAX_INPUT_ENV} to a bigger number of megabytes to open it anyway")
        raise InputError(msg)
    return data


# files review writes or reads as segment lists, which read as text would be reviewed markup and all
NOT_ARTICLES = {".tmx": "a TMX", ".xlf": "an XLIFF", ".xliff": "an XLIFF", ".xlf2": "an XLIFF",
                ".sdlxliff": "an XLIFF", ".po": "a PO", ".pot": "a PO", ".csv": "a CSV", ".jsonl": "a JSON Lines",
                ".ndjson": "a JSON Lines"}
LOG_SUFFIX = ".review.jsonl"


def exchange_root(head: bytes) -> str | None:
    """"tmx" or "xliff" when ``head`` (a file's first bytes) opens XML of that kind, "xml" for other XML, else None."""
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    lowered = head.lower()
    return "tmx" if b"<tmx" in lowered else "xliff" if b"<xliff" in lowered else "xml"


def _not_an_article(path: Path, text: str) -> str | None:
    """Why ``path`` is no article (a log, TMX, XLIFF, PO, CSV or JSON Lines), by its name or its XML root; else None."""
    if path.name.endswith(LOG_SUFFIX):
        article = path.name.removesuffix(LOG_SUFFIX)
        return f"{path} is the corrections log of {article}: open {article} itself"
    kind = NOT_ARTICLES.get(path.suffix.lower())
    if kind is None:
        root = exchange_root(text[:2048].encode())
        kind = {"tmx": "a TMX", "xliff": "an XLIFF"}.get(root or "")
    if kind is None:
        return None
    listed = "" if "JSON" in kind else " (it can be given as --variant or --source)"
    return (f"{path} is {kind} file, not an article: review reads an article as UTF-8 text, paragraphs "
            f"separated by blank lines{listed}")


def read_article(path: Path) -> tuple[str, bool]:
    """Read and decode an article file, with errors a user can act on."""
    text, bom = decode(read_bytes(path), source=str(path))
    if (why := _not_an_article(path, text)) is not None:
        raise InputError(why)
    if _VISIBLE.search(text) is None:  # not text.strip(): that copies a long article to find its first letter
        msg = f"{path} is empty: there is nothing to review"
        raise InputError(msg)
    return text, bom


def segment_text(text: str) -> tuple[Segment, ...]:
    """Cut an article's text into segments with stable ids and exact offsets, all at once."""
    return ArticleSegments(text).cut_all()


def from_text(text: str, *, path: Path | None = None, language: str = "fr", bom: bool = False) -> Document:
    """Build a document from text already in memory (no language check); its segments are cut when asked for."""
    return Document(path=path, text=text, segments=ArticleSegments(text), language=language, bom=bom)


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
    return "".join(corrected_pieces(document, texts))


def corrected_pieces(document: Document, texts: dict[str, str]) -> Iterator[str]:
    """:func:`apply_corrections` in order, piece by piece: what lies between segments, then each segment."""
    position = 0
    for segment in document.segments:
        yield document.text[position : segment.start]
        yield texts.get(segment.id, segment.text)
        position = segment.end
    yield document.text[position:]
