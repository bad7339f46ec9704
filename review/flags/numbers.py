"""Numbers written the English way inside French.

French groups thousands with a (narrow no-break) space and marks decimals with
a comma: « 10 000 », « 2,5 millions ».  Machine translation often carries the
English forms over, and then the number says something else: « 10,000 » reads
as ten, to three decimals.  Only unambiguous forms are flagged: a comma
followed by groups of three digits (two groups or more is certain; one group only
when it is « 000 », since French writes three decimals for measures: « 1,625 pouce »,
which were all 5 of this rule's flags on WMT20 QE en-fr's tuning split, all wrong), and a decimal point before a
unit or a magnitude (« 3.5 millions »), which leaves times, versions and dates
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions
from review.flags.nlp import FlagMaker
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "numbers"
NNBSP = "\u202f"  # the narrow no-break space French typography puts between groups of digits
# 10,000 or 1,234,567: not inside a longer number, not a French decimal such as 3,14
THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
UNIT = r"(?:%|millions?|milliards?|billions?|km|kg|cm|mm|m|g|l|dollars?|euros?|livres?|\$|€|£)"
DECIMAL_POINT = re.compile(rf"(?<![\d.])(\d+)\.(\d+)(?=\s?{UNIT}(?!\w))")


def _flags(text: str, make: FlagMaker) -> Iterator[Flag]:
    for match in THOUSANDS.finditer(text):
        groups = match.group().split(",")
        if len(groups) == 2 and (groups[0] == "0" or groups[1] != "000"):
            continue  # « 1,625 pouce », « 0,000 »: a French decimal; « 10,000 » stays
        yield make(match.start(), match.end(), Category.LOCALE, Severity.MAJOR,
                   f"« {match.group()} » groups thousands the English way: in French it reads as a decimal",
                   [NNBSP.join(groups)], 0.8 if len(groups) > 2 else 0.6)
    for match in DECIMAL_POINT.finditer(text):
        yield make(match.start(), match.end(), Category.LOCALE, Severity.MINOR,
                   f"« {match.group()} » has an English decimal point: French writes a decimal comma",
                   [f"{match.group(1)},{match.group(2)}"], 0.7)


class NumbersDetector:
    name = NAME

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        for segment in segments:
            yield from _flags(segment.text, FlagMaker(NAME, segment.id, segment.text))


def make(options: FlagOptions, pool: ModelPool) -> NumbersDetector:  # noqa: ARG001 - offline: no model, no option
    return NumbersDetector()


DETECTOR = DetectorSpec(
    name=NAME,
    summary="numbers written the English way (10,000; 3.5 millions)",
    make=make,
    order=45,
    default=True,
    per_segment=True,
)
