"""Imperial units left in French, with their metric value as the fix.

English product texts measure in inches, feet, pounds, ounces, miles, gallons and
degrees Fahrenheit; a French reader measures in centimetres, metres, kilograms,
grams, kilometres, litres and degrees Celsius.  Machine translation renders the
unit word for word (« pèse 10 onces ») or copies its abbreviation (« 40 lbs »,
« 12" »), and the localised text should give the metric value instead.

Left alone, because French keeps the imperial unit there or the reader already has
the metric value:

- the sizes French states in inches: screens, disks, wheels, tyres, bicycles and pipe
  threads (« écran de 15 pouces », « vélo de 26" »);
- a unit with its metric value beside it, in brackets or after a slash
  (« 7,1 mm (0,28 po) », « 6 gallons (23 litres) », « 4 oz/112 g »);
- « pi » alone (« 2 pi » is the number); it is a foot only before its inches (« 5 pi 6 po »);
  « quart » is never read as a unit (« les 3 quarts »).  « livre » after a number is read as a
  pound: in product texts it is one, in a text about books it is not.

Whether measures are converted is the client's call, so the detector runs only when named
(``--detectors +units``).  On WMT20 QE en-fr's tuning split, 44% of the measures it finds lie in
an error the annotators marked (mostly "Unit Conversion"): they converted the units of some
documents and left those of others.  Added to the default set it finds about 1.4 more errors in a
hundred, and twice as many error-free segments get a flag (benchmarks/README.md, "Stop 43").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from review.flags import DetectorSpec, FlagContext, FlagOptions
from review.flags.nlp import FlagMaker
from review.flags.numbers import NNBSP
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "units"

CONFIDENCE = 0.45
SIGNIFICANT = 3
"""Significant digits of a converted value: « 11,4 cm » for 4 ½ inches, not « 11,43 cm »."""
GROUPED_FROM = 10_000
"""French groups the digits of a number from five digits on: « 8 992 » but « 12 400 »."""

Scale = tuple[tuple[float, str], ...]
LENGTH: Scale = ((100_000, "km"), (100, "m"), (1, "cm"), (0.1, "mm"))
MASS: Scale = ((1000, "kg"), (1, "g"))
VOLUME: Scale = ((1000, "l"), (1, "ml"))


@dataclass(frozen=True, slots=True)
class Unit:
    """An imperial unit: ``factor`` of the smallest metric unit of ``scale`` (after ``offset``, for °F)."""

    factor: float
    scale: Scale
    offset: float = 0.0

    def metric(self, value: float) -> float:
        """``value`` in the smallest metric unit of the scale."""
        return (value + self.offset) * self.factor


def scaled(values: list[float], scale: Scale) -> tuple[list[float], str]:
    """``values`` (in the smallest unit of ``scale``) in the unit the largest reads best in: 183 cm « 1,83 m »."""
    largest = max(abs(value) for value in values)
    size, name = next(((size, name) for size, name in scale if largest >= size), scale[-1])
    return [value / size for value in values], name


INCH = Unit(2.54, LENGTH)
FOOT = Unit(30.48, LENGTH)
YARD = Unit(91.44, LENGTH)
MILE = Unit(1.609344, ((1, "km"),))
SPEED = Unit(1.609344, ((1, "km/h"),))
POUND = Unit(453.59237, MASS)
OUNCE = Unit(28.349523, MASS)
FLUID_OUNCE = Unit(29.573530, VOLUME)
GALLON = Unit(3785.411784, VOLUME)
PINT = Unit(473.176473, VOLUME)
SQUARE_INCH = Unit(6.4516, ((1, "cm²"),))
SQUARE_FOOT = Unit(0.09290304, ((1, "m²"),))
CUBIC_INCH = Unit(16.387064, ((1000, "l"), (1, "cm³")))
CUBIC_FOOT = Unit(28.316847, ((1, "l"),))
FAHRENHEIT = Unit(5 / 9, ((1, "°C"),), offset=-32)
UNITS: dict[str, Unit] = {
    "pouce": INCH, "pouces": INCH, "po": INCH, '"': INCH,
    "pied": FOOT, "pieds": FOOT, "pi": FOOT, "ft": FOOT,
    "yard": YARD, "yards": YARD, "verge": YARD, "verges": YARD,
    "mile": MILE, "miles": MILE, "mi/h": SPEED, "mph": SPEED,
    "livre": POUND, "livres": POUND, "lb": POUND, "lbs": POUND,
    "once": OUNCE, "onces": OUNCE, "oz": OUNCE,
    "onces liquides": FLUID_OUNCE, "once liquide": FLUID_OUNCE, "fl oz": FLUID_OUNCE,
    "gallon": GALLON, "gallons": GALLON, "pinte": PINT, "pintes": PINT,
    "pouces carrés": SQUARE_INCH, "pieds carrés": SQUARE_FOOT, "pouces cubes": CUBIC_INCH, "pieds cubes": CUBIC_FOOT,
    "pouce carré": SQUARE_INCH, "pied carré": SQUARE_FOOT, "pouce cube": CUBIC_INCH, "pied cube": CUBIC_FOOT,
    "°f": FAHRENHEIT, "° f": FAHRENHEIT, "degrés f": FAHRENHEIT, "degrés fahrenheit": FAHRENHEIT,
}
# the longest names first, so that « onces liquides » is not read as « onces »
_NAMES = "|".join(re.escape(name).replace(r"\ ", r"\s+")
                  for name in sorted(UNITS, key=len, reverse=True) if name != '"')
# 10, 10,5, 10.5, 29 500, 4-1/2, 1 1/4, 1/2: not the tail of a longer number, a word or an attribute (val="0")
_QUANTITY = r"(?<![\w.,/=\"'-])(\d+(?:[-\s]\d+/\d+|/\d+|(?:[\s\u202f]\d{3})+(?!\d)|[.,]\d+)?)"
IMPERIAL = re.compile(rf"{_QUANTITY}(?:\s?({_NAMES})(?![\w°²³]|/[^\W\d])|(\")(?![\w\"]))", re.IGNORECASE)
# « 24 à 32 pouces », « 31,5 par 6,25 par 10 pouces », « 72 x 19" »: the numbers the unit also measures
_SERIES = re.compile(r"(\d+(?:[.,]\d+)?(?:-\d+/\d+)?)\"?\s*(à|-|–|et|x|×|par)\s*$", re.IGNORECASE)
JOINERS = {"-": "à", "–": "à", "×": "x"}
_METRIC = (r"\d+(?:[.,]\d+)?\s?(?:mm|cm|m|km|g|kg|l|ml|cl|litres?|°\s?C|km/h|grammes?|kilos?|mètres?|centimètres?"
           r"|millimètres?|kilogrammes?)(?!\w)")
# the same measure in metric just before, with the imperial one in brackets or after a slash, or just after
METRIC_BEFORE = re.compile(rf"{_METRIC}\s*[(/]\s*$", re.IGNORECASE)
METRIC_AFTER = re.compile(rf"\s*[(/]\s*(?:env(?:iron|\.)\s*)?{_METRIC}", re.IGNORECASE)
# sizes French gives in inches: screens, disks, wheels, tyres, bicycles, pipe threads
KEPT_AFTER = frozenset("écran écrans moniteur moniteurs téléviseur téléviseurs télévision tv tablette tablettes "
                       "disquette disquettes disque disques roue roues jante jantes pneu pneus vélo vélos vtt "
                       "bmx filetage".split())
BEFORE_WORDS = 3


def imperial(text: str, make: FlagMaker) -> Iterator[Flag]:
    """Flags on quantities in imperial units, each with the metric value as its suggestion."""
    closing = _closing_quotes(text)
    matches = [(match, unit) for match in IMPERIAL.finditer(text)
               if (unit := _unit(match)) is not None and _value(match.group(1)) is not None
               and match.end() - 1 not in closing]
    index = 0
    while index < len(matches):
        parts = [matches[index]]
        # « 6 pieds 2 pouces », « 1 lb 4 oz »: one measure in two units
        while index + 1 < len(matches) and _continues(text, parts[-1], matches[index + 1]):
            index += 1
            parts.append(matches[index])
        index += 1
        first, unit = parts[0]
        end = parts[-1][0].end()
        start, numbers, joiners = (first.start(), [], []) if len(parts) > 1 else \
            _series(text, first.start(), first.group(1))
        if _metric_beside(text, start, end) or _kept(text, start) or _alone(first, parts):
            continue
        if numbers:
            suggestion = _measure([unit.metric(_value(number) or 0) for number in numbers], joiners, unit.scale)
        else:  # one measure in two units: their sum
            total = sum(part_unit.metric(_value(match.group(1)) or 0) for match, part_unit in parts)
            suggestion = _measure([total], [], unit.scale)
        yield make(start, end, Category.LOCALE, Severity.MINOR,
                   f"« {text[start:end]} » is an imperial measure: French readers expect metric ({suggestion})",
                   [suggestion], CONFIDENCE)


def _closing_quotes(text: str) -> set[int]:
    """Where a straight double quote closes a quotation: after a number too it is no inch mark (« le style
    "Titre 1" », « un numéro ("#1") »), while « 72" L x 19" W » are two inches.

    A quote right after a digit is an inch mark unless a quotation is open; any other quote opens or closes one.
    """
    closing, quoted = set(), False
    for index, char in enumerate(text):
        if char != '"':
            continue
        if quoted:
            closing.add(index)
            quoted = False
        elif not (index and text[index - 1].isdigit()):
            quoted = True
    return closing


def _unit(match: re.Match[str]) -> Unit | None:
    name = match.group(2) or match.group(3)
    return UNITS.get(" ".join(name.lower().split()))


def _alone(first: re.Match[str], parts: list[tuple[re.Match[str], Unit]]) -> bool:
    """« pi » is a foot only before its inches (« 5 pi 6 po »): alone it is the number (« 2 pi »)."""
    return len(parts) == 1 and first.group(2) is not None and first.group(2).lower() == "pi"


def _continues(text: str, previous: tuple[re.Match[str], Unit], following: tuple[re.Match[str], Unit]) -> bool:
    """Whether ``following`` is the rest of the same measure: a smaller unit of the same kind just after."""
    return (following[1].scale is previous[1].scale and following[1].factor < previous[1].factor
            and text[previous[0].end():following[0].start()].strip() in {"", "et"})


def _metric_beside(text: str, start: int, end: int) -> bool:
    """« 7,1 mm (0,28 po) », « 4 oz/112 g », « 6 gallons (23 litres) »: the metric value is already given."""
    return bool(METRIC_BEFORE.search(text, 0, start) or METRIC_AFTER.match(text, end))


def _kept(text: str, start: int) -> bool:
    """A screen, disk, wheel or thread size, which French too gives in inches."""
    words = re.findall(r"[\w-]+", text[:start].lower())[-BEFORE_WORDS:]
    return any(word in KEPT_AFTER for word in words)


def _series(text: str, start: int, last: str) -> tuple[int, list[str], list[str]]:
    """Where the measure starts, its numbers and the words between them: « 24 à 32 pouces » is 24 and 32 inches."""
    numbers, joiners = [last], list[str]()
    while (match := _SERIES.search(text, 0, start)) is not None:
        start = match.start()
        numbers.insert(0, match.group(1))
        joiners.insert(0, JOINERS.get(match.group(2), match.group(2).lower()))
    return start, numbers, joiners


def _value(number: str) -> float | None:
    """« 4-1/2 » 4.5, « 1 1/4 » 1.25, « 10,5 » 10.5, « 29 500 » 29500, « 29,000 » 29000; None for what is not a
    number."""
    number = number.replace("\u202f", " ").replace("\u00a0", " ")
    whole_and_part = re.fullmatch(r"(\d+)[- ](\d+)/(\d+)", number)
    if whole_and_part:
        whole, top, bottom = (int(group) for group in whole_and_part.groups())
        return float(whole + Fraction(top, bottom)) if bottom else None
    fraction = re.fullmatch(r"(\d+)/(\d+)", number)
    if fraction:
        return float(Fraction(int(fraction.group(1)), int(fraction.group(2)))) if int(fraction.group(2)) else None
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", number) or re.fullmatch(r"[1-9]\d{0,2},000", number):
        # « 29 500 »; « 1,000 yards »: English thousands, as the numbers detector reads them (« 1,625 » is a decimal)
        return float(number.replace(" ", "").replace(",", ""))
    try:
        return float(number.replace(",", "."))
    except ValueError:
        return None


def _measure(values: list[float], joiners: list[str], scale: Scale) -> str:
    """The measure in metric, French style: « 11,4 cm », « 61 à 81,3 cm », « 80 x 15,9 cm », « 4,44 °C »."""
    values, name = scaled(values, scale)
    words = [_rounded(values[0])]
    for joiner, value in zip(joiners, values[1:], strict=True):
        words += [joiner, _rounded(value)]
    return f"{' '.join(words)} {name}"


def _rounded(value: float) -> str:
    """``value`` to three significant digits with a decimal comma: 283.495 « 283 », 11.43 « 11,4 », 0.635 « 0,635 »."""
    if value == 0:
        return "0"
    digits = SIGNIFICANT - 1 - math.floor(math.log10(abs(value)))
    text = f"{round(value, digits):.{max(0, digits)}f}"
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    if abs(value) >= GROUPED_FROM:
        whole = f"{int(whole):,}".replace(",", NNBSP)
    return f"{whole},{decimals}" if decimals else whole


class UnitsDetector:
    name = NAME

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        for segment in segments:
            yield from imperial(segment.text, FlagMaker(NAME, segment.id, segment.text))


def make(options: FlagOptions, pool: ModelPool) -> UnitsDetector:  # noqa: ARG001 - offline: no model, no option
    return UnitsDetector()


DETECTOR = DetectorSpec(
    name=NAME,
    summary='imperial measures left in the French (« 10 onces », « 12" »), with their metric value',
    make=make,
    order=46,
    per_segment=True,
)
