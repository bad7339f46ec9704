"""XLIFF 2.0 core (default) and XLIFF 1.2: the review as a bilingual file for CAT tools.

Source is the English rendering (``srcLang="en"``), target the reviewed French,
as in the TMX.  One ``<unit>`` per paragraph, one ``<segment>`` per sentence;
the segment's ``state`` says where the review stands (see
:class:`review.formats.common.Status`); the machine French and the flags travel
as ``<notes>``.  XLIFF 1.2 gets one ``<group>`` per paragraph and one
``<trans-unit>`` per sentence, states mapped to ``needs-review-translation``,
``translated``, ``signed-off`` and ``final``; ``approved="yes"`` only on the
segments a person reviewed (corrected, flags dismissed, or marked checked).

Characters XML cannot carry: XLIFF 2.0 has ``<cp hex="..."/>`` for them and it
is used; XLIFF 1.2 has no such element, so the export is refused with the
segment and the character named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.errors import ExportError, InputError
from review.formats.common import (
    SOURCE_LANG,
    TOOL,
    TOOL_VERSION,
    ReviewView,
    SegmentView,
    Status,
    check_xml_segments,
    describe_correction,
    describe_flag,
    no_language,
    same_language,
    split_xml_invalid,
    visible,
)
from review.formats.xml import XML_LANG, XML_SPACE, holding, indented, local, parse, streamed, text_of
from review.model import Severity

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
VERSIONS = ("2.0", "1.2")

# XLIFF note priority: 1 is the most important, 10 the least.
PRIORITY = {Severity.CRITICAL: "1", Severity.MAJOR: "3", Severity.MINOR: "6", Severity.NEUTRAL: "9"}
STATE_12 = {Status.INITIAL: "needs-review-translation", Status.TRANSLATED: "translated",
            Status.REVIEWED: "signed-off", Status.FINAL: "final"}


def _q(name: str) -> str:
    return f"{{{NS20}}}{name}"


def _fill(element: Any, text: str) -> None:
    """Put text in a 2.0 <source>/<target>, with <cp/> for what XML cannot carry."""
    from lxml import etree  # noqa: PLC0415

    last: Any = None
    for piece in split_xml_invalid(text):
        if isinstance(piece, int):
            last = etree.SubElement(element, "cp", hex=f"{piece:04X}")
        elif last is None:
            element.text = piece
        else:
            last.tail = piece


def _notes_20(unit: Any, segments: list[SegmentView]) -> None:
    from lxml import etree  # noqa: PLC0415

    entries: list[tuple[dict[str, str], str]] = []
    for segment in segments:
        if segment.corrected:
            entries.append(({"category": "machine-translation", "appliesTo": "target"},
                            f"{segment.id}: {segment.machine}"))
        entries.extend(({"category": "correction", "appliesTo": "target"},
                        f"{segment.id}: {describe_correction(correction)}")
                       for correction in segment.corrections)
        entries.extend(({"category": flag.category, "appliesTo": "target", "priority": PRIORITY[flag.severity]},
                        f"{segment.id}: {describe_flag(flag)}")
                       for flag in segment.flags)
    if not entries:
        return
    notes = etree.SubElement(unit, "notes")
    for attributes, text in entries:
        etree.SubElement(notes, "note", attributes).text = visible(text)


def _unit_20(number: int, paragraph: list[SegmentView]) -> Any:
    """One paragraph's ``<unit>``, detached and without a namespace (see :func:`streamed`)."""
    from lxml import etree  # noqa: PLC0415

    # Order inside <unit>: notes?, originalData?, (segment | ignorable)+.
    unit = etree.Element("unit", id=f"p{number}")
    _notes_20(unit, paragraph)
    fills: list[tuple[Any, str]] = []
    for segment in paragraph:
        element = etree.SubElement(unit, "segment", id=segment.id, state=segment.status)
        fills.append((etree.SubElement(element, "source"), segment.english or ""))
        fills.append((etree.SubElement(element, "target"), segment.current))
    # laid out before the text goes in: a <source> holding only <cp/> would be indented inside, changing the text
    indented(unit, level=2)
    for element, text in fills:
        _fill(element, text)
    return unit


def _pieces_20(view: ReviewView) -> Iterator[bytes]:
    from lxml import etree  # noqa: PLC0415

    root = etree.Element(_q("xliff"), {"version": "2.0", "srcLang": SOURCE_LANG, "trgLang": view.target_lang},
                         nsmap={None: NS20})
    file = etree.SubElement(root, _q("file"), id="f1", original=view.name)
    file.set(XML_SPACE, "preserve")
    units = (_unit_20(number, paragraph) for number, paragraph in enumerate(view.paragraphs(), start=1))
    yield from streamed(root, file, units, level=2)


def _q12(name: str) -> str:
    return f"{{{NS12}}}{name}"


def _trans_unit(group: Any, segment: SegmentView) -> None:
    from lxml import etree  # noqa: PLC0415

    # Order inside <trans-unit>: source, target, then note*.
    unit = etree.SubElement(group, "trans-unit", id=segment.id)
    if segment.status.approved:
        unit.set("approved", "yes")  # only what a person reviewed: 1.2 tools lock approved units
    unit.set(XML_SPACE, "preserve")
    holding(etree.SubElement(unit, "source"), segment.english or "")
    holding(etree.SubElement(unit, "target", state=STATE_12[segment.status]), segment.current)
    if segment.corrected:
        etree.SubElement(unit, "note", {"from": "machine-translation", "annotates": "target"}).text = \
            visible(segment.machine)
    for correction in segment.corrections:
        etree.SubElement(unit, "note", {"from": "reviewer", "annotates": "target"}).text = \
            visible(describe_correction(correction))
    for flag in segment.flags:
        etree.SubElement(unit, "note", {"from": flag.detector, "annotates": "target",
                                         "priority": PRIORITY[flag.severity]}).text = visible(describe_flag(flag))


def _group_12(number: int, paragraph: list[SegmentView]) -> Any:
    """One paragraph's ``<group>``, detached and without a namespace (see :func:`streamed`)."""
    from lxml import etree  # noqa: PLC0415

    group = etree.Element("group", id=f"p{number}")
    for segment in paragraph:
        _trans_unit(group, segment)
    return indented(group, level=3)


def _pieces_12(view: ReviewView) -> Iterator[bytes]:
    from lxml import etree  # noqa: PLC0415

    root = etree.Element(_q12("xliff"), version="1.2", nsmap={None: NS12})
    file = etree.SubElement(root, _q12("file"), {"original": view.name, "source-language": SOURCE_LANG,
                                                 "target-language": view.target_lang, "datatype": "plaintext"})
    header = etree.SubElement(file, _q12("header"))
    etree.SubElement(header, _q12("tool"), {"tool-id": TOOL, "tool-name": TOOL, "tool-version": TOOL_VERSION})
    body = etree.SubElement(file, _q12("body"))
    groups = (_group_12(number, paragraph) for number, paragraph in enumerate(view.paragraphs(), start=1))
    yield from streamed(root, body, groups, level=3)


def chunks(view: ReviewView) -> Iterator[bytes]:
    """The XLIFF in pieces, one paragraph at a time; what would refuse it is checked before the first piece."""
    version = view.options.xliff_version
    if version not in VERSIONS:
        msg = f"unknown XLIFF version {version!r}: choose {' or '.join(VERSIONS)}"
        raise ExportError(msg)
    view.require_english("XLIFF")
    if version == "2.0":
        return _pieces_20(view)
    check_xml_segments(view, "XLIFF 1.2")
    return _pieces_12(view)


def read(data: bytes, lang: str, *, source: str) -> list[str]:
    """Sources or targets of every segment (2.0) or trans-unit (1.2), by which side is in ``lang``."""
    root = parse(data, source=source)
    if local(root.tag) != "xliff":
        msg = f"{source} is not an XLIFF file (root element <{local(root.tag)}>): give a .xlf file"
        raise InputError(msg)
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if root.get("version", "").startswith("2") or namespace == NS20:
        return _read_20(root, lang, source=source)
    return _read_12(root, lang, source=source)


def _read_20(root: Any, lang: str, *, source: str) -> list[str]:
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    prefix = f"{{{ns}}}" if ns else ""
    if same_language(root.get("srcLang"), lang):
        side = "source"
    elif same_language(root.get("trgLang"), lang):
        side = "target"
    else:
        raise no_language(source, lang, [root.get("srcLang") or "", root.get("trgLang") or ""])
    texts = []
    for segment in root.iter(f"{prefix}segment"):
        element = segment.find(f"{prefix}{side}")
        texts.append(text_of(element, cp_tag=f"{prefix}cp", source=source) if element is not None else "")
    return texts


def _read_12(root: Any, lang: str, *, source: str) -> list[str]:
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    prefix = f"{{{ns}}}" if ns else ""
    texts: list[str] = []
    seen: list[str] = []
    matched = False
    for file in root.iterfind(f"{prefix}file"):
        target_language = file.get("target-language") or _targets_language(file, prefix)  # optional in 1.2
        declared = (file.get("source-language"), target_language)
        seen.extend(value or "" for value in declared)
        if same_language(declared[0], lang):
            side = "source"
        elif same_language(declared[1], lang):
            side = "target"
        else:
            continue
        matched = True
        for unit in file.iter(f"{prefix}trans-unit"):
            texts.extend(text for _, text in _unit_segments(unit, side, prefix))
    if not matched:
        raise no_language(source, lang, seen)
    return texts


def _targets_language(file: Any, prefix: str) -> str | None:
    """The ``xml:lang`` of the file's first target that has one (for a file without ``target-language``)."""
    for target in file.iter(f"{prefix}target"):
        if target.get(XML_LANG):
            return str(target.get(XML_LANG))
    return None


def _unit_segments(unit: Any, side: str, prefix: str) -> list[tuple[str | None, str]]:
    """A trans-unit's segments on ``side``, each with its id: the unit itself, or, in a segmented unit (SDLXLIFF,
    Okapi: ``<seg-source>`` and ``<mrk mtype="seg">`` in the target), each marked segment (``unitid:mid``)."""
    unit_id = unit.get("id")
    element = unit.find(f"{prefix}target")
    if side == "source":
        element = unit.find(f"{prefix}seg-source")
        if element is None:
            element = unit.find(f"{prefix}source")
    if element is None:
        return [(unit_id, "")]
    marks = [mark for mark in element.iter(f"{prefix}mrk") if mark.get("mtype") == "seg"]
    if not marks:
        return [(unit_id, text_of(element))]
    return [(f"{unit_id}:{mark.get('mid')}" if unit_id else None, text_of(mark)) for mark in marks]


def read_ids(data: bytes, *, source: str) -> list[str | None]:
    """The id of every segment (2.0) or trans-unit (1.2), in document order."""
    root = parse(data, source=source)
    namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    prefix = f"{{{namespace}}}" if namespace else ""
    if root.get("version", "").startswith("2") or namespace == NS20:
        return [element.get("id") for element in root.iter(f"{prefix}segment")]
    ids: list[str | None] = []
    for unit in root.iter(f"{prefix}trans-unit"):
        segmented = unit.find(f"{prefix}target") is not None and any(
            mark.get("mtype") == "seg" for mark in unit.find(f"{prefix}target").iter(f"{prefix}mrk"))
        ids.extend(segment_id for segment_id, _ in _unit_segments(unit, "target" if segmented else "source", prefix))
    return ids
