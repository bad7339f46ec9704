"""lxml set up safely for files from elsewhere: no DTD loading, no outside entities, no network."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from review.errors import InputError

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"


def parse(data: bytes, *, source: str) -> Any:
    """The root element of an XML file, or an :class:`InputError` that says where it breaks."""
    from lxml import etree  # noqa: PLC0415 - only the XML formats need lxml

    # entities the file's own DTD defines as text (« &societe; ») are expanded, with libxml2's guard against
    # exponential expansion; an entity standing for an outside file is never read, and refused below
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        undefined = _UNDEFINED.match(error.msg or "")
        if undefined:
            msg = (f"{source} uses &{undefined.group(1)}; which its DTD does not define as text (review never reads "
                   "an entity from an outside file): replace it with the text it stands for")
        else:
            msg = f"{source} is not well-formed XML ({error.msg}): fix the file or export it again"
        raise InputError(msg) from None


_UNDEFINED = re.compile(r"Entity '([^']+)' not defined")


def serialize(root: Any, *, indented: bool = False) -> bytes:
    """The document as UTF-8 bytes; pretty-printed unless ``indented`` says the tree already is.

    libxml2's pretty printer also indents inside an element whose only content
    is child elements (``<source><cp hex="1"/></source>``), changing the text;
    such trees are indented with :func:`lxml.etree.indent` before the mixed
    content goes in, and written as they are.
    """
    from lxml import etree  # noqa: PLC0415

    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=not indented)
    # lxml's own declaration uses single quotes, which some older CAT tools' parsers reject.
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body.rstrip(b"\n") + b"\n"


# where the units go in a streamed document's frame; a comment, so no attribute value (escaped) can look like it
_PLACE = "review: the units go here"


def streamed(root: Any, container: Any, units: Iterable[Any], *, level: int) -> Iterator[bytes]:
    """The bytes :func:`serialize` gives for ``root`` with ``units`` appended to ``container``, in pieces.

    The whole tree of a 100,000-segment article took about a gigabyte; here only
    the frame (``root`` without the units) and one unit exist at a time.  Each
    unit comes detached and already indented for its depth ``level`` (see
    :func:`indented`), as :func:`lxml.etree.indent` would indent the whole tree.
    Units are built without a namespace: inside a frame whose root declares the
    default namespace they read the same, where a detached namespaced element
    would declare it again on every unit.
    """
    from lxml import etree  # noqa: PLC0415

    pending = iter(units)
    first = next(pending, None)
    if first is not None:
        container.append(etree.Comment(_PLACE))
    etree.indent(root, space="  ")
    frame = serialize(root, indented=True)
    if first is None:
        yield frame
        return
    head, tail = frame.split(f"<!--{_PLACE}-->".encode())
    yield head + etree.tostring(first, encoding="UTF-8", xml_declaration=False)
    between = b"\n" + b"  " * level
    for unit in pending:
        yield between + etree.tostring(unit, encoding="UTF-8", xml_declaration=False)
    yield tail


def indented(unit: Any, *, level: int) -> Any:
    """``unit`` laid out as :func:`lxml.etree.indent` lays it out at depth ``level`` of a whole tree."""
    from lxml import etree  # noqa: PLC0415

    etree.indent(unit, space="  ", level=level)
    return unit


def local(tag: object) -> str:
    """An element's name without its namespace (comments and PIs have none)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_HEX = re.compile(r"[0-9A-Fa-f]{1,6}")


def code_point(hex_digits: str | None, *, where: str) -> str:
    """The character an XLIFF 2.0 ``<cp hex="..."/>`` stands for, if it is a Unicode scalar value."""
    if hex_digits is None or not _HEX.fullmatch(hex_digits):
        msg = f"{where}: <cp hex={hex_digits!r}/> is not a hexadecimal code point: fix the file or export it again"
        raise InputError(msg)
    value = int(hex_digits, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        msg = (f"{where}: <cp hex={hex_digits!r}/> is not a Unicode character (a surrogate or beyond U+10FFFF): "
               "fix the file or export it again")
        raise InputError(msg)
    return chr(value)


# inline elements whose content is the original's native code (« <b> », « <br/> »), not text: TMX and XLIFF 1.2
NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})
# whitespace a pretty-printer puts around a segment's text: a run of blanks holding a line break, at either end
_LAYOUT = re.compile(r"^\s*\n\s*|\s*\n\s*$")


def text_of(element: Any, *, cp_tag: str | None = None, source: str = "XML") -> str:
    """The text inside an element: inline markup dropped, native code left out, ``cp`` elements turned back into
    characters; the layout a pretty-printer adds around it dropped unless ``xml:space="preserve"`` says otherwise."""
    text = _inner_text(element, cp_tag=cp_tag, source=source)
    return text if _preserved(element) else _LAYOUT.sub("", text)


def _inner_text(element: Any, *, cp_tag: str | None, source: str) -> str:
    pieces = [element.text or ""]
    for child in element:
        if cp_tag is not None and child.tag == cp_tag:
            pieces.append(code_point(child.get("hex"), where=f"{source} line {child.sourceline}"))
        elif isinstance(child.tag, str) and local(child.tag) not in NATIVE_CODE:
            pieces.append(_inner_text(child, cp_tag=cp_tag, source=source))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _preserved(element: Any) -> bool:
    """Whether ``xml:space="preserve"`` holds for ``element`` (set on it or on the nearest ancestor that sets it)."""
    for holder in (element, *element.iterancestors()):
        value = holder.get(XML_SPACE)
        if value is not None:
            return bool(value == "preserve")
    return False


def holding(element: Any, text: str) -> Any:
    """``element`` with ``text`` in it, marked ``xml:space="preserve"`` when a reader would otherwise take the
    line breaks at its ends for layout (:func:`text_of`)."""
    element.text = text
    if _LAYOUT.sub("", text) != text:
        element.set(XML_SPACE, "preserve")
    return element
