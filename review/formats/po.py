"""Gettext PO: one entry per segment, for tools built around PO files.

``msgctxt`` is the segment id (renderings can repeat), ``msgid`` the English
rendering, ``msgstr`` the reviewed French.  Open flags are translator comments
(``# flag: ...``), the machine French of a corrected segment and each
correction's category are extracted comments (``#. ...``), and an entry is
``fuzzy`` while it has open flags and no correction.  A PO without a
``Language`` header (``txt2po``, ``xliff2po``) is read by telling its sides'
languages apart.  A segment a person
reviewed (corrected, flags dismissed, or marked checked) is never fuzzy and says
so in a ``# review: ...`` comment.

Strings escape only ``\\ " \\n \\t \\r``, as gettext writes them; other control
characters are written as they are (Translate Toolkit reads ``\\a``/``\\v`` escapes
as plain letters, raw characters exactly).  Reading also accepts ``\\a \\b \\f
\\v``, octal and ``\\x`` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.errors import InputError
from review.formats.common import (
    TOOL,
    TOOL_VERSION,
    ReviewView,
    SegmentView,
    Status,
    describe_correction,
    describe_flag,
    no_language,
    same_language,
)

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile('[\\\\"\n\t\r]')


def quote(text: str) -> str:
    return '"' + _ESCAPE.sub(lambda found: _ESCAPES[found.group()], text) + '"'


def _string(keyword: str, text: str) -> list[str]:
    """A keyword and its string; multi-line text is cut after each \\n, gettext style."""
    lines = text.split("\n")
    if len(lines) == 1:
        return [f"{keyword} {quote(text)}"]
    parts = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return [f'{keyword} ""', *(quote(part) for part in parts)]


def _comment(mark: str, text: str) -> list[str]:
    # A comment ends at the line end: every line of a multi-line text gets its own mark.
    return [f"{mark} {line}".rstrip() for line in text.splitlines() or [""]]


def _entry(view: ReviewView, segment: SegmentView) -> list[str]:
    lines: list[str] = []
    for flag in segment.flags:
        lines += _comment("#", f"flag: {describe_flag(flag)}")
    if segment.corrected:
        lines += _comment("#.", f"machine translation: {segment.machine}")
    for correction in segment.corrections:
        lines += _comment("#.", f"correction: {describe_correction(correction)}")
    if segment.status.approved:
        lines += _comment("#", f"review: {segment.status.describe()}")
    lines.append(f"#: {_BLANKS.sub('_', view.name)}:{segment.id}")
    if segment.status is Status.INITIAL:
        lines.append("#, fuzzy")
    lines += _string("msgctxt", segment.id)
    lines += _string("msgid", segment.english or "")
    lines += _string("msgstr", segment.current)
    return lines


# characters that would end a comment or a header line early: a file name may hold them
_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]+")
_BLANKS = re.compile("[\\s\x00-\x1f\x7f]+")  # a reference (#:) is a file name without spaces


def chunks(view: ReviewView) -> Iterator[bytes]:
    """The PO in pieces, one entry at a time (joined, a 100,000-segment review took 400 MB over the review)."""
    view.require_english("PO")
    return _pieces(view)


def _pieces(view: ReviewView) -> Iterator[bytes]:
    name = _BREAKS.sub(" ", view.name)
    created = view.options.timestamp().strftime("%Y-%m-%d %H:%M%z")
    header = (
        f"Project-Id-Version: {name}\n"
        f"PO-Revision-Date: {created}\n"
        f"Last-Translator: {TOOL} (machine translation, reviewed)\n"
        f"Language-Team: {view.target_lang}\n"
        f"Language: {view.target_lang}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"X-Generator: {TOOL} {TOOL_VERSION}\n"
    )
    if view.model_name:
        header += f"X-Rendering-Model: {view.model_name}\n"
    lines = [f"# Review of {name}: English is a machine back-translation, French the reviewed text.",
             'msgid ""', *_string("msgstr", header)]
    yield ("\n".join(lines) + "\n").encode("utf-8")
    for segment in view.segments:
        yield ("\n" + "\n".join(_entry(view, segment)) + "\n").encode("utf-8")


# --- reading -----------------------------------------------------------------------------------------------------

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")\s*$')
_STRING = re.compile(r'^\s*(".*")\s*$')


def _character(value: int, escape: str, where: str) -> str:
    """The character of a numeric escape, if it is a Unicode scalar value (not a surrogate, not past U+10FFFF)."""
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        msg = f"{where}: the escape {escape[:12]} is not a Unicode character: fix the PO file"
        raise InputError(msg)
    return chr(value)


def unquote(literal: str, *, where: str) -> str:
    body = literal[1:-1]
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        if index + 1 >= len(body):
            msg = f"{where}: a string ends in a lone backslash: fix the PO file"
            raise InputError(msg)
        following = body[index + 1]
        if following in _UNESCAPES:
            out.append(_UNESCAPES[following])
            index += 2
        elif following == "x":
            digits = re.match(r"[0-9a-fA-F]+", body[index + 2 :])
            if digits is None:
                msg = f"{where}: \\x without hex digits: fix the PO file"
                raise InputError(msg)
            out.append(_character(int(digits.group(), 16), f"\\x{digits.group()}", where))
            index += 2 + len(digits.group())
        elif following in "01234567":
            digits = re.match(r"[0-7]{1,3}", body[index + 1 :])
            assert digits is not None  # noqa: S101 - the first digit matched above
            out.append(_character(int(digits.group(), 8), f"\\{digits.group()}", where))
            index += 1 + len(digits.group())
        else:
            msg = f"{where}: unknown escape \\{following}: fix the PO file"
            raise InputError(msg)
    return "".join(out)


def entries(text: str, *, source: str) -> list[dict[str, str]]:
    """The entries of a PO file as ``{keyword: text}`` maps (obsolete ``#~`` entries left out)."""
    found: list[dict[str, str]] = []
    current: dict[str, str] = {}
    keyword: str | None = None
    # Only LF ends a line: str.splitlines would also cut at U+2028, U+0085 and raw controls inside strings.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        where = f"{source} line {number}"
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            if stripped.startswith("#") and keyword is not None and "msgstr" in keyword:
                found.append(current)
                current, keyword = {}, None
            continue
        if match := _KEYWORD.match(line):
            name = match.group(1)
            if name in {"msgctxt", "msgid"} and any(key.startswith("msgstr") for key in current):
                found.append(current)
                current = {}
            keyword = name
            current[keyword] = unquote(match.group(2), where=where)
        elif (match := _STRING.match(line)) and keyword is not None:
            current[keyword] += unquote(match.group(1), where=where)
        else:
            msg = f"{where} is not PO syntax: fix the file or export it again"
            raise InputError(msg)
    if current:
        found.append(current)
    return found


# a PO's msgid side is taken as the language asked for unless langdetect says otherwise, this sure, on this many words
SURE = 0.9
SURE_WORDS = 5


def _header_language(header: str) -> str | None:
    for line in header.split("\n"):
        name, _, value = line.partition(":")
        if name.strip().lower() == "language" and value.strip():
            return value.strip()
    return None


def read(data: bytes, lang: str, *, source: str) -> list[str]:
    """``msgstr`` of every entry if ``lang`` is the header's ``Language``, else ``msgid``.

    PO names only its translation's language; the ``msgid`` side is taken as the
    other one, whatever ``lang`` asks for, when the header names another language.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        msg = f"{source} is not UTF-8: convert it with msgconv --to-code=UTF-8"
        raise InputError(msg) from None
    units = entries(text, source=source)
    header = next((unit for unit in units if unit.get("msgid") == "" and "msgctxt" not in unit), None)
    body = [unit for unit in units if unit is not header]
    language = _header_language(header.get("msgstr", "")) if header else None
    if language is None:
        return _by_detection(body, lang, source=source)
    if same_language(language, lang):
        return [unit.get("msgstr", unit.get("msgstr[0]", "")) for unit in body]
    sources = [unit.get("msgid", "") for unit in body]
    if not body or not _reads_as(sources, lang):  # a German PO asked for French: its msgid is the English
        raise no_language(source, lang, [language])
    return sources


def _reads_as(texts: list[str], lang: str) -> bool:
    """Whether the msgid side may be in ``lang``: false only when it clearly reads as English and ``lang`` is not
    English (PO files keep the English in msgid: a German PO asked for French has no French side)."""
    if same_language(lang, "en"):
        return True
    from review.langid import detect_language  # noqa: PLC0415 - langdetect loads its profiles on import

    joined = "\n".join(text for text in texts if text.strip())
    if len(joined.split()) < SURE_WORDS:
        return True
    guess = detect_language(joined)
    return guess is None or not same_language(guess.language, "en") or guess.probability < SURE


def _by_detection(body: list[dict[str, str]], lang: str, *, source: str) -> list[str]:
    """The side of a PO without a ``Language`` header (txt2po, xliff2po) that is clearly in ``lang``.

    msgstr is taken when its text reads as ``lang``; msgid when it does (an
    untranslated PO holds the text in msgid only).  Anything less clear is
    refused with the header line to add.
    """
    from review.langid import detect_language  # noqa: PLC0415 - langdetect loads its profiles on import

    targets = [unit.get("msgstr", unit.get("msgstr[0]", "")) for unit in body]
    sources = [unit.get("msgid", "") for unit in body]
    for texts in (targets, sources):
        joined = "\n".join(text for text in texts if text.strip())
        guess = detect_language(joined) if joined.strip() else None
        if guess is not None and same_language(guess.language, lang) and guess.probability >= 0.9:
            return texts
    msg = (f"{source} has no Language in its header and neither side clearly reads as {lang!r}: add a "
           "'Language: fr' line (the language of msgstr) to its header")
    raise InputError(msg)


def read_ids(data: bytes, *, source: str) -> list[str | None]:
    """The ``msgctxt`` of every entry (the segment id in review's exports), header left out."""
    units = entries(data.decode("utf-8-sig", errors="replace"), source=source)
    header = next((unit for unit in units if unit.get("msgid") == "" and "msgctxt" not in unit), None)
    return [unit.get("msgctxt") for unit in units if unit is not header]
