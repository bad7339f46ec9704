"""Other versions of an article, lined up with it segment by segment.

A *variant* is another French translation of the same article (``review open
--variant FILE``); the *source* is its English original (``--source EN``).
Plain text is cut into paragraphs and sentences like the article and must have
the same structure (:func:`review.scoring.align_variant`); a segment-list
format (TMX, XLIFF, PO, CSV, JSONL) is aligned by its segment ids (:func:`by_id`).
Anything else is refused with one line that says where the
two part ways.  No textual here: ``review open`` calls this before the screen starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from review.document import decode, read_bytes, segment_text
from review.errors import InputError, ScoreError
from review.formats import format_for_path, read_texts, read_units
from review.model import Document
from review.scoring import align_variant


def is_plain_text(path: Path, data: bytes) -> bool:
    """Whether a file is read as plain text (by its extension, else because it does not start with XML)."""
    fmt = format_for_path(path)
    if fmt is not None:
        return fmt == "txt"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return not head.startswith(b"<")


def load_aligned(document: Document, path: Path, lang: str, *, name: str | None = None) -> list[str]:
    """The texts of ``path`` in language ``lang``, one per segment of ``document``, in order.

    Raises :class:`InputError` when the file cannot be read and :class:`ScoreError`
    when it does not line up with the article.
    """
    name = name or path.name
    data = read_bytes(path, wanted="a text, TMX, XLIFF, PO or CSV file")
    if is_plain_text(path, data):
        text, _ = decode(data, source=str(path))
        return align_variant(document, text, name=name)
    texts = by_id(document, read_units(path, lang), name=name)
    empty = [index + 1 for index, text in enumerate(texts) if not text.strip()]
    if empty:
        msg = f"{name} has no {lang} text for segment {empty[0]}: fill it in or give another version"
        raise ScoreError(msg)
    return texts


MIN_ALIGNED = 0.9  # below this share of the article's segments found by id, a file is refused


def by_id(document: Document, units: list[tuple[str | None, str]], *, name: str) -> list[str]:
    """One text per segment of ``document``, taken by segment id (``tuid``, XLIFF id, PO ``msgctxt``, CSV column).

    Ids that are all numbers count as segment numbers (1 to N, or 0 to N-1).
    A segment-list file is aligned by its ids only: order says nothing once a
    tool has sorted or filtered the units (OmegaT's project memory is sorted by
    English and has no ids).  When fewer than 90% of the article's segments are
    found, or some are missing, the file is refused with how many matched.
    """
    wanted = [segment.id for segment in document.segments]
    numbers = [unit_id.strip() for unit_id, _ in units if unit_id is not None and unit_id.strip().isdigit()]
    if units and len(numbers) == len(units):
        return _by_number(document, units, name=name)
    found: dict[str, str] = {}
    for unit_id, text in units:
        if unit_id is not None and unit_id.strip() in set(wanted):
            found.setdefault(unit_id.strip(), text)
    matched = len(found)
    if matched < MIN_ALIGNED * len(wanted) or matched == 0:
        with_ids = sum(1 for unit_id, _ in units if unit_id)
        why = (f"its {with_ids} unit ids are not the article's segment ids" if with_ids
               else "its units carry no ids (tuid, XLIFF segment id, PO msgctxt, CSV 'segment' column)")
        msg = (f"{name}: only {matched} of {len(wanted)} segments of {document.name} could be matched by id: {why}; "
               "give a file exported by `review export` from this article, or the same text as plain text")
        raise ScoreError(msg)
    missing = [segment_id for segment_id in wanted if segment_id not in found]
    if missing:
        shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
        msg = (f"{name} matches {matched} of {len(wanted)} segments of {document.name} by id but lacks {shown}: "
               "give a version with every segment")
        raise ScoreError(msg)
    return [found[segment_id] for segment_id in wanted]


def _by_number(document: Document, units: list[tuple[str | None, str]], *, name: str) -> list[str]:
    """Ids that are all numbers (a spreadsheet's row numbers, a CAT tool's 1..N) number the segments."""
    expected = len(document.segments)
    numbered = {int(unit_id or "0"): text for unit_id, text in units}
    first = min(numbered)
    if len(units) != expected or len(numbered) != expected or sorted(numbered) != list(range(first, first + expected)):
        msg = (f"{name} has {len(units)} segments numbered {first} to {max(numbered)} but {document.name} has "
               f"{expected}: give a version with one segment per sentence of the article")
        raise ScoreError(msg)
    return [numbered[first + index] for index in range(expected)]


def variant_names(paths: Iterable[Path]) -> list[str]:
    """A short, distinct name per variant file: its file name, numbered when two are the same."""
    names: list[str] = []
    for path in paths:
        name = path.name
        number = 2
        while name in names:
            name = f"{path.name} ({number})"
            number += 1
        names.append(name)
    return names


def load_variants(document: Document, paths: Iterable[Path]) -> dict[str, list[str]]:
    """Variant name -> its French, one text per segment of ``document`` (see :func:`load_aligned`)."""
    paths = list(paths)
    return {name: load_aligned(document, path, document.language or "fr", name=name)
            for name, path in zip(variant_names(paths), paths, strict=True)}


def read_original(path: Path, document: Document | None = None) -> tuple[tuple[str, ...], ...]:
    """The English original (``--source``) as sentences grouped by paragraph, from any format ``--source`` takes.

    Plain text keeps its paragraphs (the detectors align them with the article's).
    A TMX, XLIFF, PO or CSV file is aligned with ``document`` by its segment ids
    (see :func:`by_id`) and grouped as the article's paragraphs; without a
    document it is one group, in file order.
    """
    data = read_bytes(path, wanted="the English original (txt, tmx, xliff, po or csv)")
    if not is_plain_text(path, data):
        if document is None:
            return (tuple(read_texts(path, "en")),)
        texts = dict(zip((segment.id for segment in document.segments),
                         by_id(document, read_units(path, "en"), name=path.name), strict=True))
        return tuple(tuple(texts[segment.id] for segment in paragraph) for paragraph in document.paragraphs())
    text, _ = decode(data, source=str(path))
    if not text.strip():
        msg = f"{path} is empty: give the English original of the article"
        raise InputError(msg)
    paragraphs: dict[int, list[str]] = {}
    for segment in segment_text(text):
        paragraphs.setdefault(segment.paragraph, []).append(segment.text)
    return tuple(tuple(paragraphs[key]) for key in sorted(paragraphs))
