"""One name, one spelling; the same numbers as the English rendering.

Names (entities and proper nouns) are grouped across the whole article by a
key that ignores case, accents, hyphens and spaces, word order for names of
several words, and, for single words, the vowels of a transliteration
(Baloch / Baloutche).  When a group holds several spellings, the rarer ones are
flagged with the most frequent as suggestion.  Numbers and months that the
French has but its English rendering lacks are flagged when renderings are
known; without renderings that check is skipped.  A capitalised word with a
capital inside that the article writes only once is two words glued by a lost
line break, not a brand (brands come back).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from review.flags import DetectorSpec, FlagContext, FlagOptions
from review.flags.glued import glued_message, glued_parts
from review.flags.nlp import FlagMaker, is_name, keep_from_parses, kept, parse_many
from review.model import Category, Flag, Segment, Severity
from review.priority import batches

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "consistency"
MIN_SKELETON = 3
PARSE_CHUNK = 256  # segments parsed together; their parses are dropped once their names are listed
FR_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?")
EN_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")
# both words of a glued pair this long at least (« MacRae », « DuoBase » are names), and the pair this long
# unless its first word is a plural (« TrackBack », « QuickPump » are names; « FeaturesWater » is not)
GLUED_PART = 4
GLUED_LENGTH = 11
# a second word this frequent in English (« MattersAsk », « WarrantyOne », « LeatherHow »: a sentence or a list
# item starting) marks a lost line break whatever the lengths, as brands are seldom built on such words
GLUED_TAIL_FREQUENCY = 200_000
# except the particles that brands end with (« TrackBack », « GearUp », « StowAway »)
BRAND_PARTICLES = frozenset("back up out off on away over down in".split())
MONTHS = dict(zip(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "january february march april may june july august september october november december".split(),
    strict=True,
))


def plain(text: str) -> str:
    """Lower case, no accents, no hyphens, spaces or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


def skeleton(word: str) -> str:
    """A transliteration key: the consonants, with common French/English spellings of one sound merged."""
    key = plain(word)
    for french, english in (("tch", "ch"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k")):
        key = key.replace(french, english)
    consonants = [char for char in key if char not in "aeiouy"]
    merged = [char for position, char in enumerate(consonants) if position == 0 or consonants[position - 1] != char]
    return key[:1] + "".join(merged[1:] if key[:1] not in "aeiouy" else merged)


@dataclass(frozen=True, slots=True)
class Mention:
    segment: Segment
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.segment.text[self.start:self.end]


Span = tuple[str, int, int]
"""A name in a text: the kind of key (``entity`` or ``word``), its start and its end."""


def _names(doc: Any) -> tuple[Span, ...]:
    """Every name of a parse: whole entities and single name words."""
    found: list[Span] = [("entity", entity.start_char, entity.end_char) for entity in doc.ents
                         if len(entity) > 1 and entity.label_ in {"PER", "LOC", "ORG", "MISC"}]
    found.extend(("word", token.idx, token.idx + len(token.text)) for token in doc
                 if token.is_alpha and len(token.text) > 2 and is_name(token) and token.text[:1].isupper())
    return tuple(found)


def _entity_key(text: str) -> str:
    words = [plain(word) for word in re.split(r"[\s\-–’']+", text) if len(plain(word)) > 2]
    return " ".join(sorted(words))


def _groups(mentions: Iterable[tuple[str, Mention]]) -> list[list[Mention]]:
    by_key: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for kind, mention in mentions:
        if kind == "entity":
            by_key["entity", _entity_key(mention.text)].append(mention)
        else:
            by_key["plain", plain(mention.text)].append(mention)
            key = skeleton(mention.text)
            if len(key) >= MIN_SKELETON:
                by_key["skeleton", key].append(mention)
    return [group for group in by_key.values() if len({m.text for m in group}) > 1]


def _name_flags(mentions: Iterable[tuple[str, Mention]]) -> Iterator[Flag]:
    for group in _groups(mentions):
        counts = Counter(mention.text for mention in group)
        # one spelling a prefix of another is a different word (Baloch / Balochistan), not a variant
        spellings = list(counts)
        if any(a != b and plain(b).startswith(plain(a)) and len(plain(b)) > len(plain(a)) + 2
               for a in spellings for b in spellings):
            continue
        best, best_count = counts.most_common(1)[0]
        exact = len({plain(text) for text in counts}) == 1
        for mention in group:
            if mention.text == best:
                continue
            make = FlagMaker(NAME, mention.segment.id, mention.segment.text)
            yield make(mention.start, mention.end, Category.INCONSISTENCY, Severity.MAJOR,
                       f"« {mention.text} » is written « {best} » elsewhere in the article "
                       f"({best_count} time{'s' if best_count > 1 else ''})",
                       [best], _name_confidence(exact=exact, count=best_count, shouted=_shouted(mention.text, best)))


def _shouted(text: str, best: str) -> bool:
    """« GLOCK » beside « Glock »: the capitals of a trademark notice or a logo, not a second spelling."""
    return len(text) > 1 and text.isupper() and not best.isupper()


def _name_confidence(*, exact: bool, count: int, shouted: bool = False) -> float:
    """Measured on WMT20 QE en-fr (tuning split): against a spelling seen once or twice the variant
    was an error 0.38 of the time (135 flags; product names mix cases freely), against three or
    more 0.71: the rare cases fall below the confidence floor.  A name in capitals beside its usual
    spelling (« GLOCK », « SPALDING » in trademark notices) was an error 0.45 of the time (20 flags, 3 of
    them on error-free segments): below the floor too."""
    if count < 3 or shouted:
        return 0.25
    return 0.6 if exact else 0.4


def _glued_once(segments: Sequence[Segment], wanted: Collection[str]) -> Iterator[Flag]:
    """« SpecificationsFinish », « WarrantyLifetime »: a capitalised word with a capital inside, written once.

    A brand written that way (« WaterRower », « QuickPump ») comes back in its article; two words glued by a
    lost line break in a product sheet do not.  Measured on WMT20 QE en-fr (tuning split), on the words of
    the grammar detector's rule that it keeps below the floor (797 flags at 0.52): written twice or more in
    the article, 345 at 0.21; once, both words of four letters or more, 332 flags at 0.83, 6 of them on
    error-free segments (« TrackBack », « FuelBelt », « QuickPump »: brands named once); of those, eleven
    letters or more or a plural first word (« TunnelsTents »), 239 at 0.89 and none on an error-free segment.
    A second word among the most frequent English words (« MattersAsk », « WarrantyOne »), particles that
    end brands left out (« TrackBack »), adds 131 flags at 0.82 whatever the lengths, one of them on an
    error-free segment (« BladesOf », where the annotators missed the glue): critical recall 51.9% -> 52.7%.
    """
    counts: Counter[str] = Counter()
    for segment in segments:
        counts.update(match.group() for match in WORD.finditer(segment.text))
    for segment in segments:
        if segment.id not in wanted:
            continue
        make = FlagMaker(NAME, segment.id, segment.text)
        for match in WORD.finditer(segment.text):
            word = match.group()
            parts = None if not word[:1].isupper() or counts[word] > 1 else glued_parts(word)
            if parts is not None and (_sentence_word(parts[1]) or _glued_long(word, parts)):
                yield make(match.start(), match.end(), Category.UNTRANSLATED, Severity.MAJOR, glued_message(word),
                           [" ".join(parts)], 0.8)


def _glued_long(word: str, parts: tuple[str, str]) -> bool:
    return min(len(part) for part in parts) >= GLUED_PART and (len(word) >= GLUED_LENGTH or parts[0].endswith("s"))


def _sentence_word(word: str) -> bool:
    """Whether ``word`` is among the most frequent English words (« Ask », « One », « How », « More »)."""
    from review.flags.spelling import dictionaries  # noqa: PLC0415 - the word list loads on first use

    lower = word.lower()
    english = dictionaries()[1]
    frequency = english.word_usage_frequency(lower) * english.word_frequency.total_words
    return lower not in BRAND_PARTICLES and bool(frequency >= GLUED_TAIL_FREQUENCY)


def _french_numbers(text: str) -> Iterator[tuple[re.Match[str], str]]:
    for match in FR_NUMBER.finditer(text):
        value = re.sub(r"[ \u00a0\u202f.]", "", match.group()).replace(",", ".")
        yield match, value.rstrip("0").rstrip(".") if "." in value else value


def _english_numbers(text: str) -> set[str]:
    values = set()
    for match in EN_NUMBER.finditer(text):
        value = match.group().replace(",", "")
        values.add(value.rstrip("0").rstrip(".") if "." in value else value)
    return values


def _number_flags(segment: Segment, english: str) -> Iterator[Flag]:
    make = FlagMaker(NAME, segment.id, segment.text)
    found = _english_numbers(english)
    for match, value in _french_numbers(segment.text):
        if value not in found:
            yield make(match.start(), match.end(), Category.MISTRANSLATION, Severity.MINOR,
                       f"the number {match.group()} is not in the English rendering: check it against the source",
                       (), 0.35)
    lower_english = english.lower()
    for month, english_month in MONTHS.items():
        for match in re.finditer(rf"\b{month}\b", segment.text, re.IGNORECASE):
            if english_month not in lower_english:
                yield make(match.start(), match.end(), Category.MISTRANSLATION, Severity.MINOR,
                           f"« {match.group()} » is not in the English rendering: check the date", (), 0.35)


class ConsistencyDetector:
    """Compares the names of the whole article on every run.

    The names found in each text are kept between runs (the parses themselves are not: 100,000 of
    them do not fit in memory), so a run after an edit parses the edited segments only.  Without
    them every run parsed the whole article again: on the review screen, each correction of a
    100,000-segment article cost minutes of parsing before the consistency flags came back.
    """

    name = NAME

    def __init__(self) -> None:
        self._names: dict[str, tuple[Span, ...]] = {}  # French text -> its names, for the article's texts
        self._lock = threading.Lock()  # the screen's worker and an export may run the same detector

    def names_of(self, texts: Sequence[str]) -> list[tuple[Span, ...]]:
        """The names of each text: read as the per-segment detectors parsed it, else parsed a few hundred at
        a time for texts not seen by an earlier run."""
        with self._lock:
            known = self._names
            distinct = dict.fromkeys(texts)
            missing = []
            for text in distinct:
                if text not in known:
                    found = kept(NAME, text)
                    if found is None:
                        missing.append(text)
                    else:
                        known[text] = found
            for chunk in batches(missing, PARSE_CHUNK):  # the parses go, only the names stay
                known.update(zip(chunk, map(_names, parse_many(chunk)), strict=True))
            if len(known) > len(distinct):  # texts edited away: keep the article's only
                self._names = known = {text: known[text] for text in distinct}
            return [known[text] for text in texts]

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        # names are compared across the whole article, but flagged only in the segments asked for
        asked = {segment.id: segment for segment in segments}  # with their current French
        wanted = set(asked)
        everything = [asked.get(segment.id) or _current(segment, context) for segment in context.document.segments]
        if not wanted.issubset({segment.id for segment in everything}):
            everything = list(segments)
        names = self.names_of([segment.text for segment in everything])
        mentions = [(kind, Mention(segment, start, end))
                    for segment, spans in zip(everything, names, strict=True) for kind, start, end in spans]
        for flag in _name_flags(mentions):
            if flag.segment_id in wanted:
                yield flag
        yield from _glued_once(everything, wanted)
        for segment in segments:
            english = context.renderings.get(segment.id)
            if english:
                yield from _number_flags(segment, english)


def _current(segment: Segment, context: FlagContext) -> Segment:
    text = context.texts.get(segment.id, segment.text)
    if text == segment.text:
        return segment
    return Segment(segment.id, segment.index, segment.paragraph, segment.start, segment.end, text)


def make(options: FlagOptions, pool: ModelPool) -> ConsistencyDetector:  # noqa: ARG001
    keep_from_parses(NAME, _names)  # the names of each text the other detectors parse from now on
    return ConsistencyDetector()


DETECTOR = DetectorSpec(
    name=NAME, summary="names spelt two ways; words glued once; numbers and dates that differ from the English",
    make=make, order=60,
    default=True, per_segment=False,
)
