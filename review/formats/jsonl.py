"""JSON Lines: the whole review state, lossless, for scripts.

First line ``{"type": "review", ...}`` with the article's full text (so the
article itself can be rebuilt), its language and BOM, the model, the
dismissed flag ids, the ids of segments marked checked, the position and the
log's problems; then one ``segment`` line per segment (machine and current
French, English, status, whether it is marked checked),
one ``correction`` line per correction in force, one ``flag`` line per flag
(with ``"open"``).  :func:`load` reads it back into the same records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from review.errors import InputError
from review.formats.common import TOOL, TOOL_VERSION, ReviewView, same_language
from review.model import Correction, Document, Flag, ReviewState, Segment, Severity

VERSION = 1


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def chunks(view: ReviewView) -> Iterator[bytes]:
    """The records one line at a time: joined, a 100,000-segment review was held three times over (700 MB)."""
    state = view.state
    yield from _head(view)
    for segment in view.segments:
        fields = asdict(segment.segment)
        yield _line({"type": "segment", **fields, "current": segment.current, "english": segment.english,
                     "status": str(segment.status), "checked": segment.checked})
    for correction in state.history:
        yield _line({"type": "correction", **asdict(correction)})
    for flag in view.flags:
        fields = {key: value for key, value in asdict(flag).items() if not key.startswith("_")}
        fields["severity"] = str(flag.severity)
        fields["suggestions"] = list(flag.suggestions)
        yield _line({"type": "flag", "id": flag.id, "open": not state.is_dismissed(flag), **fields})


def _head(view: ReviewView) -> Iterator[bytes]:
    """The review record, its ``text`` (the whole article) escaped a piece at a time: JSON escapes each character
    on its own, so the pieces' escapes joined are the whole text's."""
    state = view.state
    document = view.document
    record = {
        "type": "review", "version": VERSION, "tool": f"{TOOL} {TOOL_VERSION}", "article": view.name,
        "language": document.language, "bom": document.bom, "text": "", "model": view.model_name,
        "position": state.position, "dismissed": sorted(state.dismissed), "reviewed": sorted(state.reviewed),
        "problems": list(state.problems),
    }
    before, after = _line(record).split(b'"text": ""', 1)
    yield before + b'"text": "'
    for start in range(0, len(document.text), _PIECE):
        yield json.dumps(document.text[start : start + _PIECE], ensure_ascii=False)[1:-1].encode("utf-8")
    yield b'"' + after


_PIECE = 1 << 14  # characters of the article escaped at a time


@dataclass(frozen=True, slots=True)
class Loaded:
    """A review read back from JSON Lines."""

    document: Document
    state: ReviewState
    renderings: dict[str, str]
    flags: tuple[Flag, ...]
    model_name: str | None


def _records(data: bytes, source: str) -> list[dict[str, Any]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        msg = f"{source} is not UTF-8: give a review JSON Lines export"
        raise InputError(msg) from None
    records = []
    # JSON keeps U+2028 and U+0085 raw: only LF separates records.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):  # also nesting too deep and integers too long, not only JSONDecodeError
            msg = f"{source} line {number} is not JSON: give a review JSON Lines export"
            raise InputError(msg) from None
        if not isinstance(record, dict) or "type" not in record:
            msg = f"{source} line {number} is not a review record: give a review JSON Lines export"
            raise InputError(msg)
        records.append(record)
    if not records or records[0]["type"] != "review":
        msg = f"{source} does not start with a review record: give a file written by `review export --format jsonl`"
        raise InputError(msg)
    return records


def load(data: bytes, *, source: str = "<jsonl>") -> Loaded:
    records = _records(data, source)
    head = records[0]
    segments: list[Segment] = []
    renderings: dict[str, str] = {}
    history: list[Correction] = []
    flags: list[Flag] = []
    texts: dict[str, str] = {}
    try:
        for record in records[1:]:
            kind = record.pop("type")
            if kind == "segment":
                current, english = record.pop("current"), record.pop("english")
                record.pop("status")
                record.pop("checked", None)
                segment = Segment(**record)
                segments.append(segment)
                if current != segment.text:
                    texts[segment.id] = current
                if english is not None:
                    renderings[segment.id] = english
            elif kind == "correction":
                history.append(Correction(**record))
            elif kind == "flag":
                record.pop("id")
                record.pop("open")
                record["severity"] = Severity(record["severity"])
                record["suggestions"] = tuple(record["suggestions"])
                flags.append(Flag(**record))
        document = Document(path=None, text=head["text"], segments=tuple(segments), language=head["language"],
                            bom=head["bom"])
        state = ReviewState(texts=texts, history=tuple(history), dismissed=frozenset(head["dismissed"]),
                            reviewed=frozenset(head.get("reviewed", ())), position=head["position"],
                            problems=tuple(head["problems"]))
    except (KeyError, TypeError, ValueError) as error:
        msg = f"{source} has a record that does not fit ({error}): export it again with this version of review"
        raise InputError(msg) from None
    return Loaded(document=document, state=state, renderings=renderings, flags=tuple(flags),
                  model_name=head.get("model"))


def read(data: bytes, lang: str, *, source: str) -> list[str]:
    """Current French (the article's language) or the English renderings."""
    loaded = load(data, source=source)
    if same_language(loaded.document.language, lang):
        return [loaded.state.text_of(segment) for segment in loaded.document.segments]
    if same_language("en", lang):
        if len(loaded.renderings) < len(loaded.document.segments):
            msg = f"{source} lacks the English of some segments: export it again after `review translate`"
            raise InputError(msg)
        return [loaded.renderings[segment.id] for segment in loaded.document.segments]
    msg = f"{source} holds {loaded.document.language} and en, not {lang!r}: pass a file with that language"
    raise InputError(msg)


def read_ids(data: bytes, *, source: str) -> list[str | None]:
    """The segment ids, in the order :func:`read` gives their text."""
    return [segment.id for segment in load(data, source=source).document.segments]
