"""Other versions of an article, lined up with it segment by segment.

A *variant* is another French translation of the same article (``review open
--variant FILE``); the *source* is its English original (``--source EN``).
Plain text is cut into paragraphs and sentences like the article and must have
the same structure (:func:`review.scoring.align_variant`); a segment-list
format (TMX, XLIFF, PO, CSV, JSONL) is aligned by its segment ids when they
line up, else by its units' French side or English side (:func:`align_units`).
Anything else is refused with one line that says where the two part ways or
how many segments matched and by what.  No textual here: ``review open`` calls
this before the screen starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from review.document import decode, read_bytes, segment_text
from review.errors import InputError, ScoreError
from review.formats import format_for_path, read_texts, read_units
from review.matching import french_key, match_english, match_french, share_duplicates
from review.model import Document
from review.scoring import align_variant


def is_plain_text(path: Path, data: bytes) -> bool:
    """Whether a file is read as plain text (by its extension, else because it does not start with XML)."""
    fmt = format_for_path(path)
    if fmt is not None:
        return fmt == "txt"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return not head.startswith(b"<")


# segment id -> the model's English rendering of the segment's French, from the rendering cache;
# asked only when a file's ids do not line it up (it may open the cache)
Renderings = Callable[[], Mapping[str, str]]


def load_aligned(document: Document, path: Path, lang: str, *, name: str | None = None,
                 renderings: Renderings | None = None) -> list[str]:
    """The texts of ``path`` in language ``lang``, one per segment of ``document``, in order.

    renderings: the cached English of the article's segments, for files without usable ids
    (see :func:`align_units`).  Raises :class:`InputError` when the file cannot be read and
    :class:`ScoreError` when it does not line up with the article.
    """
    name = name or path.name
    data = read_bytes(path, wanted="a text, TMX, XLIFF, PO or CSV file")
    if is_plain_text(path, data):
        text, _ = decode(data, source=str(path))
        return align_variant(document, text, name=name)
    texts = align_units(document, path, lang, name=name, renderings=renderings)
    empty = [index + 1 for index, text in enumerate(texts) if not text.strip()]
    if empty:
        msg = f"{name} has no {lang} text for segment {empty[0]}: fill it in or give another version"
        raise ScoreError(msg)
    return texts


MIN_ALIGNED = 0.9  # below this share of the article's segments matched, a file is refused


def _side(path: Path, lang: str, count: int) -> list[str] | None:
    """The units' text in ``lang``, or None when the file has no such side (or it cannot be paired unit by unit)."""
    try:
        texts = read_texts(path, lang)
    except InputError:  # no such language in the file: that side cannot help
        return None
    return texts if len(texts) == count else None


def align_units(document: Document, path: Path, lang: str, *, name: str,
                renderings: Renderings | None = None) -> list[str]:
    """One text in ``lang`` per segment of ``document`` from a segment-list file (TMX, XLIFF, PO, CSV, JSONL).

    By id when the ids line up (``tuid``, XLIFF unit or segment id, PO
    ``msgctxt``, a CSV ``segment`` column; ids that are all numbers count as
    segment numbers, 1 to N or 0 to N-1).  Otherwise by what the units say
    (:mod:`review.matching`): first by their French side, equal to the
    article's French (a project memory of this article), then by their English
    side, like the model's cached English of the segments still unmatched
    (``renderings``, asked only then).  A unit serves one segment, except
    that segments with the same French share one.  When fewer than 90% of the
    segments are matched, or some are left out, the file is refused with how
    many matched and by what.
    """
    units = read_units(path, lang)
    texts = [text for _, text in units]
    wanted = [segment.id for segment in document.segments]
    french_lang = document.language or "fr"
    french = texts if lang == french_lang else _side(path, french_lang, len(units))
    found, why_not = _id_matches(document, units)
    if len(found) >= MIN_ALIGNED * len(wanted) and found:
        moved = _moved(document, units, found, french)
        if not moved:
            return _complete(document, {segment_id: texts[index] for segment_id, index in found.items()},
                             name=name, how="by id")
        why_not = (f"{len(moved)} of its units carry the id of another segment than the one whose French they hold "
                   f"(first {moved[0]}): the article changed since the file was made")
    english_side = texts if lang == "en" else _side(path, "en", len(units))
    machine = {segment.id: segment.text for segment in document.segments}
    by_french = match_french(machine, french) if french is not None else {}
    by_english: dict[str, int] = {}
    cache_note = ""
    if english_side is not None and len(by_french) < len(wanted):
        english = dict(renderings()) if renderings is not None else {}
        left = {segment_id: english[segment_id] for segment_id in wanted
                if segment_id not in by_french and english.get(segment_id, "").strip()}
        if not english:
            cache_note = (f"no English rendering of {document.name} is cached to compare the file's English with: "
                          "open the article once (review open) or run `review translate ARTICLE`, then try again")
        used = set(by_french.values())
        free = {index: text for index, text in enumerate(english_side) if index not in used}
        by_english = match_english(left, free)
    matched = share_duplicates(machine, {**by_french, **by_english})
    methods = _methods(machine, by_french, by_english, matched)
    if len(matched) < MIN_ALIGNED * len(wanted) or not matched:
        reasons = [why_not] if why_not else []
        if english_side is None:
            reasons.append("it has no English side to compare with the model's renderings")
        elif cache_note:
            reasons.append(cache_note)
        else:
            reasons.append("the rest match neither the article's French nor, closely enough, the model's English of "
                           "it: is the file a version of another article?")
        msg = (f"{name}: only {len(matched)} of {len(wanted)} segments of {document.name} could be matched "
               f"({methods}): {'; '.join(reasons)}")
        raise ScoreError(msg)
    return _complete(document, {segment_id: texts[index] for segment_id, index in matched.items()}, name=name,
                     how=methods)


def _methods(machine: Mapping[str, str], by_french: Mapping[str, int], by_english: Mapping[str, int],
             matched: Mapping[str, int]) -> str:
    """How many segments each way found, e.g. "by id 0, by French side 12, by English side 4" (ids unused here)."""
    english_keys = {french_key(machine[segment_id]) for segment_id in by_english}
    english = sum(1 for segment_id in matched
                  if segment_id in by_english or (segment_id not in by_french
                                                  and french_key(machine[segment_id]) in english_keys))
    return f"by id 0, by French side {len(matched) - english}, by English side {english}"


def _complete(document: Document, found: Mapping[str, str], *, name: str, how: str) -> list[str]:
    """The texts in article order, or a refusal naming the segments the file lacks."""
    wanted = [segment.id for segment in document.segments]
    missing = [segment_id for segment_id in wanted if segment_id not in found]
    if missing:
        shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
        msg = (f"{name} matches {len(found)} of {len(wanted)} segments of {document.name} ({how}) but lacks "
               f"{shown}: give a version with every segment")
        raise ScoreError(msg)
    return [found[segment_id] for segment_id in wanted]


def _moved(document: Document, units: Sequence[tuple[str | None, str]], found: Mapping[str, int],
           french: Sequence[str] | None) -> list[str]:
    """The ids of the units ``found`` pairs with another segment than the one whose French they hold word for word.

    A paragraph added to or taken from the article since the file was made shifts the ids after it:
    the unit named p14s1 (or numbered 14 by a CAT tool) then holds what is now p13s1.  A unit whose
    French was corrected matches no segment and says nothing either way; a file without a French
    side cannot be checked.
    """
    if french is None:
        return []
    holders: dict[str, set[str]] = {}
    for segment in document.segments:
        holders.setdefault(french_key(segment.text), set()).add(segment.id)
    numbered = {index: segment_id for segment_id, index in found.items()}  # a number names the segment it counts
    moved: list[str] = []
    for index, (unit_id, _text) in enumerate(units):
        named = (unit_id or "").strip()
        claimed = numbered.get(index) if named.isdigit() else named
        if not claimed:
            continue
        holding = holders.get(french_key(french[index]))
        if holding is not None and claimed not in holding:
            moved.append(named)
    return moved


def _id_matches(document: Document, units: list[tuple[str | None, str]]) -> tuple[dict[str, int], str]:
    """Segment id -> unit index for the units whose id names a segment, and why the rest did not (or "")."""
    wanted = [segment.id for segment in document.segments]
    numbers = [unit_id.strip() for unit_id, _ in units if unit_id is not None and unit_id.strip().isdigit()]
    if units and len(numbers) == len(units):
        return _by_number(document, units)
    known = set(wanted)
    found: dict[str, int] = {}
    for index, (unit_id, _text) in enumerate(units):
        if unit_id is not None and unit_id.strip() in known:
            found.setdefault(unit_id.strip(), index)
    with_ids = sum(1 for unit_id, _ in units if unit_id)
    why = (f"its {with_ids} unit ids are not the article's segment ids" if with_ids
           else "its units carry no ids (tuid, XLIFF segment id, PO msgctxt, CSV 'segment' column)")
    return found, "" if len(found) == len(wanted) else why


def _by_number(document: Document, units: list[tuple[str | None, str]]) -> tuple[dict[str, int], str]:
    """Ids that are all numbers (a spreadsheet's row numbers, a CAT tool's 1..N) number the segments."""
    expected = len(document.segments)
    numbered = {int(unit_id or "0"): index for index, (unit_id, _text) in enumerate(units)}
    first = min(numbered)
    if len(units) != expected or len(numbered) != expected or sorted(numbered) != list(range(first, first + expected)):
        return {}, (f"it has {len(units)} segments numbered {first} to {max(numbered)} but {document.name} has "
                    f"{expected}")
    return {segment.id: numbered[first + index] for index, segment in enumerate(document.segments)}, ""


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


def load_variants(document: Document, paths: Iterable[Path], *,
                  renderings: Renderings | None = None) -> dict[str, list[str]]:
    """Variant name -> its French, one text per segment of ``document`` (see :func:`load_aligned`)."""
    paths = list(paths)
    return {name: load_aligned(document, path, document.language or "fr", name=name, renderings=renderings)
            for name, path in zip(variant_names(paths), paths, strict=True)}


def read_original(path: Path, document: Document | None = None, *,
                  renderings: Renderings | None = None) -> tuple[tuple[str, ...], ...]:
    """The English original (``--source``) as sentences grouped by paragraph, from any format ``--source`` takes.

    Plain text keeps its paragraphs (the detectors align them with the article's).
    A TMX, XLIFF, PO or CSV file is aligned with ``document`` by its segment ids,
    else by its French or English side (see :func:`align_units`; ``renderings``
    for the English side) and grouped as the article's paragraphs; without a
    document it is one group, in file order.
    """
    data = read_bytes(path, wanted="the English original (txt, tmx, xliff, po or csv)")
    if not is_plain_text(path, data):
        if document is None:
            return (tuple(read_texts(path, "en")),)
        texts = dict(zip((segment.id for segment in document.segments),
                         align_units(document, path, "en", name=path.name, renderings=renderings), strict=True))
        return tuple(tuple(texts[segment.id] for segment in paragraph) for paragraph in document.paragraphs())
    text, _ = decode(data, source=str(path))
    if not text.strip():
        msg = f"{path} is empty: give the English original of the article"
        raise InputError(msg)
    paragraphs: dict[int, list[str]] = {}
    for segment in segment_text(text):
        paragraphs.setdefault(segment.paragraph, []).append(segment.text)
    return tuple(tuple(paragraphs[key]) for key in sorted(paragraphs))
