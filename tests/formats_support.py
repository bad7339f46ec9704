"""Shared by the tests of review.formats: a reviewed sample, spec checks, Translate Toolkit readers.

No package we can install ships the official TMX 1.4b DTD or the XLIFF 2.0
core XSD, so the checks here are written from the specifications: a DTD of
TMX 1.4b's element structure (tests/data/tmx14b-structure.dtd) and Python
checks of XLIFF 2.0 core and 1.2 (namespace, required attributes, allowed
values, element order).  Each returns a list of problems, empty when valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree

from review.document import load_document
from review.formats import ExportOptions
from review.model import Correction, Document, Flag, ReviewState, Severity
from review.replay import replay
from review.store import ReviewLog

DATA = Path(__file__).parent / "data"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FIXED = ExportOptions(created=datetime(2026, 1, 30, 9, 0, tzinfo=UTC))


@dataclass(frozen=True)
class Review:
    document: Document
    state: ReviewState
    renderings: dict[str, str]
    flags: tuple[Flag, ...]


def reviewed_sample(article: Path) -> Review:
    """The shipped sample after three corrections and one dismissal, logged and replayed like a real session."""
    document = load_document(article)
    first, second, third = document.segments[0], document.segments[1], document.segments[4]
    flags = (
        Flag(second.id, 0, 7, "rules", "fluency/punctuation", Severity.MINOR, "dash after a dateline",
             ("JAKARTA —",), 0.6, second.text[0:7]),
        Flag(document.segments[2].id, 4, 13, "rules", "terminology", Severity.MAJOR, "title is lower case",
             ("Ministres",), 0.4, document.segments[2].text[4:13]),
        Flag(document.segments[3].id, 0, 2, "rules", "style/unidiomatic", Severity.NEUTRAL, "dismissed one",
             (), 0.1, document.segments[3].text[0:2]),
    )
    log_path = article.with_name(article.name + ".review.jsonl")
    with ReviewLog(log_path) as log:
        fixed = first.text.replace("accusent de", "conviennent de")
        log.record_correction(Correction(first.id, first.text, fixed, "2026-01-30T08:00:00.000+00:00",
                                         previous=first.text, category="accuracy/mistranslation",
                                         severity="critical", note="« accuser » needs an object"))
        better = third.text.replace("apporter tout problème", "régler tout problème")
        log.record_correction(Correction(third.id, third.text, better, "2026-01-30T08:05:00.000+00:00",
                                         previous=third.text, category="style/unidiomatic", severity="minor"))
        log.record_correction(Correction(
            document.segments[5].id, document.segments[5].text, document.segments[5].text.replace(
                "intersectoriels", "intersectoriels <& ]]>"), "2026-01-30T08:06:00.000+00:00",
            previous=document.segments[5].text, category="fluency/grammar", severity="major"))
        log.record_dismiss(flags[2].id, flags[2].segment_id)
    state = replay(log_path, document)
    renderings = {segment.id: f"English of {segment.id}: «{segment.text[:20]}» & <b>" for segment in document.segments}
    return Review(document, state, renderings, flags)


# --- TMX 1.4b ------------------------------------------------------------------------------------------------------

_TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")
_LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


def tmx_problems(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    dtd = etree.DTD(str(DATA / "tmx14b-structure.dtd"))
    problems = [] if dtd.validate(root) else [str(error) for error in dtd.error_log.filter_from_errors()]
    header = root.find("header")
    if header is None:
        return [*problems, "no header"]
    srclang = header.get("srclang", "")
    if srclang != "*all*" and not _LANG.match(srclang):
        problems.append(f"srclang {srclang!r} is not a language code")
    for element in root.iter():
        for name in ("creationdate", "changedate", "lastusagedate"):
            value = element.get(name)
            if value is not None and not _TMX_DATE.match(value):
                problems.append(f"{element.tag} {name}={value!r} is not YYYYMMDDThhmmssZ")
    for unit in root.iter("tu"):
        langs = [variant.get(XML_LANG) for variant in unit.iter("tuv")]
        if srclang != "*all*" and srclang not in langs:
            problems.append(f"tu {unit.get('tuid')} has no tuv in srclang {srclang}")
        problems.extend(f"tuv xml:lang {lang!r} is not a language code" for lang in langs
                        if not _LANG.match(lang or ""))
    return problems


# --- XLIFF 2.0 core ------------------------------------------------------------------------------------------------

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
_STATES_20 = {"initial", "translated", "reviewed", "final"}
_INLINE_20 = {"cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"}
_ALLOWED_ATTRIBUTES_20 = {
    "xliff": {"version", "srcLang", "trgLang", XML_SPACE},
    "file": {"id", "canResegment", "original", "translate", "srcDir", "trgDir", XML_SPACE},
    "unit": {"id", "name", "canResegment", "translate", "srcDir", "trgDir", XML_SPACE, "type"},
    "notes": set(),
    "note": {"id", "appliesTo", "category", "priority"},
    "segment": {"id", "canResegment", "state", "subState"},
    "source": {XML_LANG, XML_SPACE},
    "target": {XML_LANG, XML_SPACE, "order"},
    "cp": {"hex"},
}


def _local(element: Any) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _core(element: Any, namespace: str) -> bool:
    return isinstance(element.tag, str) and etree.QName(element).namespace == namespace


def _order(children: list[str], pattern: str) -> bool:
    return re.fullmatch(pattern, "".join(f"<{name}>" for name in children)) is not None


def xliff20_problems(data: bytes) -> list[str]:  # noqa: C901, PLR0912, PLR0915 - one check per rule of the spec
    root = etree.fromstring(data)
    problems: list[str] = []
    if root.tag != f"{{{NS20}}}xliff":
        return [f"root is {root.tag}, not xliff in {NS20}"]
    if root.get("version") != "2.0":
        problems.append("xliff version is not 2.0")
    if not root.get("srcLang"):
        problems.append("xliff lacks srcLang")
    has_target = any(True for _ in root.iter(f"{{{NS20}}}target"))
    if has_target and not root.get("trgLang"):
        problems.append("targets present but xliff lacks trgLang")
    for element in root.iter():
        if not _core(element, NS20):
            continue
        name = _local(element)
        allowed = _ALLOWED_ATTRIBUTES_20.get(name)
        if allowed is not None:
            extra = set(element.attrib) - allowed
            if extra:
                problems.append(f"<{name}> has attributes the core does not define: {sorted(extra)}")
    file_ids: set[str] = set()
    files = [child for child in root if _core(child, NS20)]
    if not files or any(_local(child) != "file" for child in files):
        problems.append("xliff must hold one or more <file> and nothing else from the core")
    for file in files:
        file_id = file.get("id")
        if not file_id or file_id in file_ids:
            problems.append(f"file id {file_id!r} missing or repeated")
        file_ids.add(file_id or "")
        children = [_local(child) for child in file if _core(child, NS20)]
        if not _order(children, r"(<skeleton>)?(<notes>)?(<unit>|<group>)+"):
            problems.append(f"file children out of order: {children}")
        unit_ids: set[str] = set()
        for unit in file.iter(f"{{{NS20}}}unit"):
            unit_id = unit.get("id")
            if not unit_id or unit_id in unit_ids:
                problems.append(f"unit id {unit_id!r} missing or repeated")
            unit_ids.add(unit_id or "")
            children = [_local(child) for child in unit if _core(child, NS20)]
            if not _order(children, r"(<notes>)?(<originalData>)?(<segment>|<ignorable>)+") or \
                    "segment" not in children:
                problems.append(f"unit {unit_id} children out of order: {children}")
            segment_ids = [segment.get("id") for segment in unit.iter(f"{{{NS20}}}segment") if segment.get("id")]
            if len(segment_ids) != len(set(segment_ids)):
                problems.append(f"unit {unit_id} repeats a segment id")
        for notes in file.iter(f"{{{NS20}}}notes"):
            if not len(notes) or any(_local(note) != "note" for note in notes):
                problems.append("<notes> must hold one or more <note>")  # noqa: PERF401 - one of several checks
        for note in file.iter(f"{{{NS20}}}note"):
            if len(note):
                problems.append("<note> holds elements; it is text only")
            if note.get("appliesTo") not in {None, "source", "target"}:
                problems.append(f"note appliesTo={note.get('appliesTo')!r}")
            priority = note.get("priority")
            if priority is not None and not (priority.isdigit() and 1 <= int(priority) <= 10):
                problems.append(f"note priority={priority!r} is not 1..10")
        for segment in file.iter(f"{{{NS20}}}segment"):
            children = [_local(child) for child in segment if _core(child, NS20)]
            if not _order(children, r"<source>(<target>)?"):
                problems.append(f"segment {segment.get('id')} children: {children}")
            state = segment.get("state", "initial")
            if state not in _STATES_20:
                problems.append(f"segment state {state!r}")
            if state != "initial" and "target" not in children:
                problems.append(f"segment {segment.get('id')} is {state} without a target")
            for content in segment:
                for inline in content.iterdescendants():
                    if _local(inline) not in _INLINE_20:
                        problems.append(f"<{_local(inline)}> is not inline content")
                    if _local(inline) == "cp" and not re.fullmatch(r"[0-9A-Fa-f]{1,6}", inline.get("hex", "")):
                        problems.append(f"cp hex={inline.get('hex')!r}")
    return problems


# --- XLIFF 1.2 -----------------------------------------------------------------------------------------------------

_STATES_12 = {"final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
              "needs-review-translation", "needs-translation", "new", "signed-off", "translated"}


def xliff12_problems(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    problems: list[str] = []
    if root.tag != f"{{{NS12}}}xliff" or root.get("version") != "1.2":
        return [f"root is {root.tag} version {root.get('version')}, not XLIFF 1.2"]
    for file in root:
        if _local(file) != "file":
            problems.append(f"<{_local(file)}> directly under <xliff>")
            continue
        for name in ("original", "source-language", "datatype"):
            if not file.get(name):
                problems.append(f"file lacks {name}")  # noqa: PERF401 - one of several checks
        children = [_local(child) for child in file]
        if not _order(children, r"(<header>)?<body>"):
            problems.append(f"file children: {children}")
        for unit in file.iter(f"{{{NS12}}}trans-unit"):
            if not unit.get("id"):
                problems.append("trans-unit lacks id")
            children = [_local(child) for child in unit if _core(child, NS12)]
            if not _order(children, r"<source>(<seg-source>)?(<target>)?(<context-group>|<count-group>|"
                                    r"<prop-group>|<note>|<alt-trans>)*"):
                problems.append(f"trans-unit {unit.get('id')} children: {children}")
            target = unit.find(f"{{{NS12}}}target")
            if target is not None and target.get("state") not in {None, *_STATES_12}:
                problems.append(f"target state {target.get('state')!r}")
            if unit.get("approved") not in {None, "yes", "no"}:
                problems.append(f"approved={unit.get('approved')!r}")
        for group in file.iter(f"{{{NS12}}}group"):
            if not any(_local(child) in {"trans-unit", "group", "bin-unit"} for child in group):
                problems.append(f"group {group.get('id')} is empty")  # noqa: PERF401 - one of several checks
    return problems


# --- Translate Toolkit ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    id: str
    source: str
    target: str
    fuzzy: bool
    notes: str


def translate_toolkit_units(fmt: str, data: bytes, *, xliff_version: str = "2.0") -> list[Unit]:
    """The units Translate Toolkit reads from an export (PO header left out)."""

    from translate.storage import csvl10n, po, tmx, xliff, xliff2  # noqa: PLC0415

    if fmt == "tmx":
        store: Any = tmx.tmxfile.parsestring(data)
    elif fmt == "xliff":
        store = (xliff2.Xliff2File if xliff_version == "2.0" else xliff.xlifffile).parsestring(data)
    elif fmt == "po":
        store = po.pofile.parsestring(data)
    elif fmt == "csv":
        # Its encoding and dialect guesses can misread odd text (NULs, quotes in the first KiB): say both,
        # as a spreadsheet's import dialog would: UTF-8, RFC 4180 ("excel").
        store = csvl10n.csvfile(encoding="utf-8-sig")
        store.parse(data, dialect="excel")
    else:
        raise ValueError(fmt)
    units = [unit for unit in store.units if not unit.isheader()]
    return [Unit(str(unit.getid()), str(unit.source), str(unit.target or ""), bool(unit.isfuzzy()),
                 str(unit.getnotes() or "")) for unit in units]
