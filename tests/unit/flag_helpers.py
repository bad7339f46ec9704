"""Run one detector over a few sentences, the way run_flags does."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from review.document import from_text, load_document
from review.flags import FlagContext, FlagOptions, specs
from review.model import Flag


def detect(name: str, text: str, *, options: FlagOptions | None = None,
           renderings: Mapping[str, str] | None = None) -> list[Flag]:
    from review.translate.pool import ModelPool  # noqa: PLC0415

    document = from_text(text)
    detector = specs()[name].make(options or FlagOptions(), ModelPool())
    context = FlagContext(document=document, texts={s.id: s.text for s in document.segments},
                          renderings=dict(renderings or {}))
    return list(detector.check(document.segments, context))


def shown_messages(detector: str, text: str) -> list[tuple[str, str]]:
    """The span and message of each flag of ``detector`` on ``text`` a reviewer sees (at or above the floor)."""
    from review.flags.rank import MIN_CONFIDENCE  # noqa: PLC0415

    return [(flag.span_text, flag.message) for flag in detect(detector, text) if flag.confidence >= MIN_CONFIDENCE]


def shown_by_the_flagger(detector: str, text: str) -> list[str]:
    """What a reviewer sees from ``detector`` on ``text`` (one paragraph a line), vetting and ranking included."""
    from review.flags.incremental import Flagger  # noqa: PLC0415
    from review.translate.pool import ModelPool  # noqa: PLC0415

    return [flag.span_text for flag in Flagger((detector,), FlagOptions(), ModelPool()).flags(from_text(text), {})]


def shown_in_article(folder: Path, *paragraphs: str) -> list[str]:
    """What a reviewer sees from every default detector on an article of ``paragraphs``, written to ``folder`` and
    loaded as the review command loads one."""
    from review.flags.incremental import Flagger  # noqa: PLC0415
    from review.translate.pool import ModelPool  # noqa: PLC0415

    article = folder / "a.txt"
    article.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return [flag.span_text for flag in Flagger(None, FlagOptions(), ModelPool()).flags(load_document(article), {})]


def spans(flags: list[Flag]) -> list[str]:
    return [flag.span_text for flag in flags]


def rule_spans(name: str, text: str, fragment: str) -> list[str]:
    """The spans of detector ``name``'s flags on ``text`` whose message holds ``fragment`` (one rule's flags)."""
    return [flag.span_text for flag in detect(name, text) if fragment in flag.message]


def assert_flagged(flags: list[Flag], span: str, suggestion: str | None = None, *, inside: bool = False) -> None:
    """Some flag covers ``span`` (exactly, or around it with ``inside``) and, if given, offers ``suggestion``."""
    found = [flag for flag in flags if (span in flag.span_text if inside else flag.span_text == span)]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    if suggestion is not None:
        assert suggestion in found[0].suggestions, found[0].suggestions
