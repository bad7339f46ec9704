"""Exchange formats: the review out to CAT tools and spreadsheets, and texts back in.

Export: :func:`export_document` turns a document, its replayed log, the English
renderings at hand and the flags into the bytes of one format.  One module per
format, each with ``chunks(view)`` (the file's bytes in pieces, so a long
article's export is written as it is made and never held whole) and
``read(data, lang, source=...)``.

Which side is which: the French article is the document under review; the
English is the model's back-translation of it.  Bilingual files (TMX, XLIFF,
PO) put the English in the *source* slot (``en``) and the reviewed French in
the *target* slot, because the team's memory serves en→fr translation; that the
English is a machine back-translation is recorded in each file.

Import: :func:`read_texts` gives the segments of a file in one language, so
``--variant`` (French) and ``--source`` (English) accept these formats too:

========  ==============================================================
txt       the whole text, cut into sentences like an article
tmx       the ``<seg>`` of the ``<tuv xml:lang=LANG>`` of every ``<tu>``
xliff     ``<source>`` if LANG is srcLang (1.2: source-language), ``<target>`` if trgLang
po        ``msgstr`` if LANG is the header's Language, else ``msgid``
csv       the column whose header is LANG (``fr``, ``en``, ``fr-CA``)
jsonl     current French for the article's language, English renderings for ``en``
========  ==============================================================
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from review.document import exchange_root, read_bytes
from review.errors import ExportError, InputError
from review.formats.common import (
    SURROGATE,
    ExportOptions,
    ReviewView,
    Status,
    build_view,
    check_encodable,
    codepoint,
)
from review.model import Document, Flag, ReviewState

__all__ = ["BILINGUAL", "EXTENSIONS", "FORMATS", "ExportOptions", "Status", "export_chunks", "export_document",
           "format_for_path", "read_texts", "read_units"]

# format name -> module
FORMATS: dict[str, str] = {
    "txt": "review.formats.txt",
    "tmx": "review.formats.tmx",
    "xliff": "review.formats.xliff",
    "po": "review.formats.po",
    "csv": "review.formats.csvreport",
    "jsonl": "review.formats.jsonl",
}
# Formats whose source side is the English rendering: they need one for every segment.
BILINGUAL = frozenset({"tmx", "xliff", "po"})
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".tmx": "tmx",
    ".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff",
    ".po": "po", ".pot": "po",
    ".csv": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


class _Format(Protocol):
    def chunks(self, view: ReviewView) -> Iterator[bytes]: ...

    def read(self, data: bytes, lang: str, *, source: str) -> list[str]: ...

    def read_ids(self, data: bytes, *, source: str) -> list[str | None]: ...


def _module(fmt: str) -> _Format:
    try:
        name = FORMATS[fmt]
    except KeyError:
        msg = f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}"
        raise ExportError(msg) from None
    module: _Format = importlib.import_module(name)
    return module


def format_for_path(path: Path | str) -> str | None:
    """The format a file name's extension implies, or None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def export_document(
    fmt: str, document: Document, state: ReviewState, *, renderings: Mapping[str, str] | None = None,
    flags: Iterable[Flag] = (), model_name: str | None = None, options: ExportOptions | None = None,
) -> bytes:
    """The review of ``document`` in format ``fmt``, whole (see :func:`export_chunks`)."""
    return b"".join(export_chunks(fmt, document, state, renderings=renderings, flags=flags, model_name=model_name,
                                  options=options))


def export_chunks(
    fmt: str, document: Document, state: ReviewState, *, renderings: Mapping[str, str] | None = None,
    flags: Iterable[Flag] = (), model_name: str | None = None, options: ExportOptions | None = None,
) -> Iterator[bytes]:
    """The review of ``document`` in format ``fmt``, in pieces to write one after the other.

    Whatever refuses the export (a missing rendering, a character the format
    cannot carry) is raised here, before the first piece.

    renderings: English per segment id (needed by tmx, xliff and po for every
        segment; an :class:`ExportError` says how to get them otherwise).
    flags: the detectors' flags on the current French; those whose id is in
        ``state.dismissed`` count as dismissed, the rest as open.
    model_name: the rendering model's id, recorded in tmx, po and jsonl.
    """
    module = _module(fmt)
    view = build_view(document, state, renderings=renderings, flags=flags, model_name=model_name, options=options)
    check_encodable(view)
    return module.chunks(view)


def _sniff(data: bytes, path: Path) -> str:
    root = exchange_root(data[:2048])
    if root == "xml":
        msg = f"{path} is XML but neither TMX nor XLIFF: give a .tmx, .xlf, .po, .csv or text file"
        raise InputError(msg)
    return root or "txt"


def read_texts(path: Path | str, lang: str) -> list[str]:
    """The segments of ``path`` in language ``lang``, in order.

    The format comes from the extension (``.tmx``, ``.xlf``/``.xliff``, ``.po``,
    ``.csv``, ``.jsonl``), else from the content (TMX or XLIFF XML), else plain
    text, which is cut into sentences with :mod:`review.document`.
    """
    path = Path(path)
    data = read_bytes(path, wanted="a text, TMX, XLIFF, PO or CSV file")
    fmt = format_for_path(path) or _sniff(data, path)
    texts = _module(fmt).read(data, lang, source=str(path))
    check_texts(texts, source=str(path))
    return texts


def check_texts(texts: Sequence[object], *, source: str) -> None:
    """Refuse anything but text made of Unicode scalar values (a lone surrogate cannot be shown or saved)."""
    for number, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            msg = f"{source} segment {number} is not text ({type(text).__name__}): fix the file or export it again"
            raise InputError(msg)
        if found := SURROGATE.search(text):
            msg = (f"{source} segment {number} holds {codepoint(found.group())}, a lone surrogate, which is not a "
                   "character: fix the file or export it again")
            raise InputError(msg)


def read_units(path: Path | str, lang: str) -> list[tuple[str | None, str]]:
    """Like :func:`read_texts`, each text with the id the file gives its unit (``tuid``, XLIFF segment or
    trans-unit id, PO ``msgctxt``, a CSV ``segment`` column), or None; plain text has no ids."""
    path = Path(path)
    texts = read_texts(path, lang)
    data = read_bytes(path, wanted="a text, TMX, XLIFF, PO or CSV file")
    fmt = format_for_path(path) or _sniff(data, path)
    ids = _module(fmt).read_ids(data, source=str(path))
    if len(ids) != len(texts):  # e.g. an XLIFF 1.2 with files in other languages: ids cannot be paired
        ids = [None] * len(texts)
    return list(zip(ids, texts, strict=True))
