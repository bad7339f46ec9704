"""TMX 1.4b: a translation memory of the reviewed article, for the team's CAT tool.

Direction: ``srclang="en"``.  The French was machine-translated from an
English original the reviewer usually does not have; the team's memory serves
that en→fr direction, so the English rendering stands in the source slot and the
reviewed French in the target slot.  That the English is a machine
back-translation (and by which model) is said in ``<prop>``s of its ``<tuv>``,
so a TM manager can weigh or filter such units.  Each ``<tu>`` carries the
review's status (``x-review-status``: initial, translated, reviewed, or final
for a segment the reviewer marked checked).

Characters XML cannot carry (C0 controls other than tab, LF and CR; U+FFFE,
U+FFFF) have no escape in TMX 1.4b: the export is refused with the segment and
the character named.  In ``<prop>`` and ``<note>`` text they are spelled out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.errors import InputError
from review.formats.common import (
    SOURCE_LANG,
    TOOL,
    TOOL_VERSION,
    ReviewView,
    SegmentView,
    check_xml_segments,
    describe_flag,
    no_language,
    same_language,
    tmx_date,
    visible,
)
from review.formats.xml import XML_LANG, holding, indented, parse, streamed, text_of

# Prop types; TMX reserves names starting "x-" for user-defined ones.
ORIGIN = "x-origin"
BACK_TRANSLATION = "machine back-translation"
MACHINE_TRANSLATION = "machine translation"
POST_EDITED = "machine translation, post-edited"


def _prop(parent: Any, kind: str, value: str) -> None:
    from lxml import etree  # noqa: PLC0415

    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = visible(value)


def _note(parent: Any, value: str) -> None:
    from lxml import etree  # noqa: PLC0415

    etree.SubElement(parent, "note").text = visible(value)


def _describe(unit: Any, segment: SegmentView) -> None:
    """The unit's props and notes; they come before its <tuv>s: (note | prop)*, tuv+."""
    _prop(unit, "x-segment", segment.id)
    _prop(unit, "x-review-status", segment.status)
    for correction in segment.corrections:
        if correction.category:
            _prop(unit, "x-category", correction.category)
        if correction.severity:
            _prop(unit, "x-severity", correction.severity)
    for correction in segment.corrections:
        if correction.note:
            _note(unit, correction.note)
    for flag in segment.flags:
        _note(unit, f"open flag: {describe_flag(flag)}")


def _unit(view: ReviewView, segment: SegmentView) -> Any:
    """One ``<tu>``, detached, laid out for its place in ``<body>``."""
    from lxml import etree  # noqa: PLC0415

    english = segment.english or ""
    unit = etree.Element("tu", tuid=segment.id)
    changed = tmx_date(segment.last_changed)
    if changed:
        unit.set("changedate", changed)
    _describe(unit, segment)

    source = etree.SubElement(unit, "tuv")
    source.set(XML_LANG, SOURCE_LANG)
    _prop(source, ORIGIN, BACK_TRANSLATION)
    if view.model_name:
        _prop(source, "x-model", view.model_name)
    holding(etree.SubElement(source, "seg"), english)

    target = etree.SubElement(unit, "tuv")
    target.set(XML_LANG, view.target_lang)
    if changed:
        target.set("changedate", changed)
    _prop(target, ORIGIN, POST_EDITED if segment.corrected else MACHINE_TRANSLATION)
    if segment.corrected:
        _prop(target, "x-machine-translation", segment.machine)
    holding(etree.SubElement(target, "seg"), segment.current)
    return indented(unit, level=2)


def chunks(view: ReviewView) -> Iterator[bytes]:
    """The TMX in pieces, one ``<tu>`` at a time; what would refuse it is checked before the first piece."""
    view.require_english("TMX")
    check_xml_segments(view, "TMX")
    return _pieces(view)


def _pieces(view: ReviewView) -> Iterator[bytes]:
    from lxml import etree  # noqa: PLC0415

    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": TOOL,
        "creationtoolversion": TOOL_VERSION,
        "segtype": "sentence",
        "o-tmf": "review-jsonl",
        "adminlang": "en",
        "srclang": SOURCE_LANG,
        "datatype": "plaintext",
        "creationdate": tmx_date(view.options.timestamp()) or "",
    })
    _prop(header, "x-article", view.name)
    if view.model_name:
        _prop(header, "x-model", view.model_name)
    body = etree.SubElement(root, "body")
    yield from streamed(root, body, (_unit(view, segment) for segment in view.segments), level=2)


def read(data: bytes, lang: str, *, source: str) -> list[str]:
    """The ``<seg>`` text in ``lang`` of every ``<tu>``, in order ("" where a unit lacks that language)."""
    root = parse(data, source=source)
    if root.tag != "tmx":
        msg = f"{source} is not a TMX file (root element <{root.tag}>): give a .tmx file"
        raise InputError(msg)
    texts: list[str] = []
    seen: set[str] = set()
    matched = False
    for unit in root.iterfind("body/tu"):
        found = ""
        for variant in unit.iterfind("tuv"):
            declared = variant.get(XML_LANG) or variant.get("lang")
            seen.add(declared or "")
            if same_language(declared, lang):
                seg = variant.find("seg")
                found = text_of(seg) if seg is not None else ""
                matched = True
                break
        texts.append(found)
    if not matched:
        raise no_language(source, lang, seen)
    return texts


def read_ids(data: bytes, *, source: str) -> list[str | None]:
    """The ``tuid`` of every ``<tu>``, in the order :func:`read` gives their text (None where a unit has none)."""
    root = parse(data, source=source)
    return [unit.get("tuid") for unit in root.iterfind("body/tu")]
