"""Reference-aware mode: compare each rendering with the English original.

When the reviewer has the article's English original (``--source``), each
segment's rendering is set beside the source sentence it translates:

1. sentences are paired by paragraph, then by sentence; where the counts
   differ, by a small length-based dynamic programme that allows one sentence
   to match two (:func:`align_sentences`);
2. the rendering and the source sentence are word-aligned by a deterministic
   lexical match (lower case, crude English stemming) in order, then across
   order (:func:`align_words`); the unmatched stretches are candidate
   divergences;
3. a paraphrase ("boost" for "strengthen") is told from a wrong meaning
   ("agree" for "accuse") by force-decoding the source sentence against the
   French with the fr→en model: a source word the French makes far less likely
   than the rendering's own words is not what the French says.  Its
   cross-attention points at the French word to flag ("accusent").
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from review.errors import InputError
from review.flags import DetectorSpec, DetectorUnavailable, FlagContext, FlagOptions
from review.flags.signals import group_runs, pooled_renderer, renderings_for, text_of
from review.model import Category, Document, Flag, Segment, Severity
from review.translate.attention import core_span, word_spans

if TYPE_CHECKING:
    from review.translate.pool import ModelPool
    from review.translate.render import Renderer

NAME = "reference"
GAP = 4.0  # nats: the source word is over e^4 ≈ 55 times less likely than the rendering's words
MAJOR_GAP = 7.0
MERGE_COST = 0.6  # cost of pairing one sentence with two, in log length-ratio units
SUFFIXES = ("ingly", "edly", "ing", "ed", "es", "s", "ly", "e")
_STOP_TEXT = (
    """a an the and or but of to in on at by for from with without as into onto over under about after before
    against between through during among upon within
    is are was were be been being has have had do does did will would shall should can could may might must
    it its this that these those their his her our your my he she we they them him us i you not no so than
    then there here which who whom whose what when where while also very more most such same other"""
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def stem(word: str) -> str:
    """A crude English stem: lower case, one common suffix off ("strikes", "strike" -> "strik")."""
    lowered = word.casefold()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 3:
            return lowered[: -len(suffix)]
    return lowered


def _keys(text: str) -> list[str]:
    """One comparison key per whitespace word of ``text`` ("" for punctuation)."""
    keys = []
    for start, end in word_spans(text):
        core_start, core_end = core_span(text, start, end)
        keys.append(stem(text[core_start:core_end]) if core_end > core_start else "")
    return keys


def is_content(key: str) -> bool:
    return bool(key) and key not in STOP_WORDS and not key.isdigit()


@dataclass(frozen=True, slots=True)
class Divergence:
    """A stretch where the rendering and the source say different words.

    rendering, source: word indices (whitespace words) in each; either may be empty.
    """

    rendering: tuple[int, ...]
    source: tuple[int, ...]


def align_words(rendering: str, source: str) -> list[Divergence]:
    """Unmatched stretches between ``rendering`` and ``source``, holding at least one content word.

    Words are matched in order first (difflib on stems); a word left over on
    one side that matches a left-over word on the other (the same stem, moved)
    is then taken out too.
    """
    ours, theirs = _keys(rendering), _keys(source)
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    blocks = [(list(range(first, last)), list(range(left, right)))
              for tag, first, last, left, right in matcher.get_opcodes() if tag != "equal"]
    spare_ours = [index for block, _ in blocks for index in block]
    spare_theirs = [index for _, block in blocks for index in block]
    moved_ours: set[int] = set()
    moved_theirs: set[int] = set()
    for index in spare_ours:
        for other in spare_theirs:
            if other not in moved_theirs and ours[index] and ours[index] == theirs[other]:
                moved_ours.add(index)
                moved_theirs.add(other)
                break
    found = []
    for mine, yours in blocks:
        kept_mine = tuple(index for index in mine if index not in moved_ours and is_content(ours[index]))
        kept_yours = tuple(index for index in yours if index not in moved_theirs and is_content(theirs[index]))
        if kept_mine or kept_yours:
            found.append(Divergence(rendering=kept_mine, source=kept_yours))
    return found


@dataclass(frozen=True, slots=True)
class Miss:
    """A source word the French does not seem to say, and where in the French.

    french_word: index of the French (whitespace) word it points at.
    gap: how much less likely (nats) the source word is than the rendering's words there.
    """

    divergence: Divergence
    source_word: int
    french_word: int
    gap: float


def misses(
        divergences: Sequence[Divergence], rendering_logprobs: Sequence[float],
           source_logprobs: Sequence[float], source_alignment: Sequence[int],
           rendering_alignment: Sequence[int], *, gap: float = GAP) -> list[Miss]:
    """Source words in ``divergences`` whose log-probability under the French falls ``gap`` below the rendering's.

    The rendering's words there set the bar (their mean log-probability, or 0
    for an omission); the French word is the source word's own cross-attention
    target, else the first rendering word's.
    """
    found: list[Miss] = []
    for divergence in divergences:
        bar = (sum(rendering_logprobs[index] for index in divergence.rendering) / len(divergence.rendering)
               if divergence.rendering else 0.0)
        for word in divergence.source:
            distance = bar - source_logprobs[word]
            if distance < gap:
                continue
            french = source_alignment[word]
            if french < 0 and divergence.rendering:
                french = rendering_alignment[divergence.rendering[0]]
            if french >= 0:
                found.append(Miss(divergence=divergence, source_word=word, french_word=french, gap=distance))
    return found


def _lengths_cost(french: int, english: int, ratio: float) -> float:
    return abs(math.log((french + 1) / (ratio * english + 1)))


def align_sentences(french: Sequence[Sequence[str]], english: Sequence[Sequence[str]]) -> list[str]:
    """The English original of each French sentence, paragraphs given as lists of sentences.

    Same paragraph count: paragraph by paragraph; otherwise across the whole
    article.  Equal sentence counts pair one to one; else a dynamic programme
    on lengths pairs sentences 1-1, 1-2 or 2-1.  Raises :class:`InputError`
    when the texts cannot be paired that way.
    """
    total_french = sum(len(sentence) for paragraph in french for sentence in paragraph)
    total_english = sum(len(sentence) for paragraph in english for sentence in paragraph)
    ratio = total_french / total_english if total_english else 1.0
    if len(french) == len(english):
        pairs = zip(french, english, strict=True)
    else:
        pairs = zip([[s for p in french for s in p]], [[s for p in english for s in p]], strict=True)
    found: list[str] = []
    for number, (ours, theirs) in enumerate(pairs, start=1):
        if len(ours) == len(theirs):
            found.extend(theirs)
            continue
        matched = _dynamic_alignment(list(ours), list(theirs), ratio)
        if matched is None:
            where = f"paragraph {number}" if len(french) == len(english) else "the article"
            msg = (f"cannot pair the English original with {where}: {len(ours)} French sentences against "
                   f"{len(theirs)} English ones; give the original of this article, paragraph for paragraph")
            raise InputError(msg)
        found.extend(matched)
    return found


def _dynamic_alignment(french: list[str], english: list[str], ratio: float) -> list[str] | None:
    moves = ((1, 1, 0.0), (1, 2, MERGE_COST), (2, 1, MERGE_COST))
    inf = float("inf")
    cost = [[inf] * (len(english) + 1) for _ in range(len(french) + 1)]
    back: dict[tuple[int, int], tuple[int, int]] = {}
    cost[0][0] = 0.0
    for i in range(len(french) + 1):
        for j in range(len(english) + 1):
            if cost[i][j] == inf:
                continue
            for step_i, step_j, penalty in moves:
                ni, nj = i + step_i, j + step_j
                if ni > len(french) or nj > len(english):
                    continue
                length_fr = sum(len(text) for text in french[i:ni])
                length_en = sum(len(text) for text in english[j:nj])
                value = cost[i][j] + penalty + _lengths_cost(length_fr, length_en, ratio)
                if value < cost[ni][nj]:
                    cost[ni][nj] = value
                    back[ni, nj] = (i, j)
    if cost[len(french)][len(english)] == inf:
        return None
    result = [""] * len(french)
    position = (len(french), len(english))
    while position != (0, 0):
        i, j = back[position]
        for index in range(i, position[0]):
            result[index] = " ".join(english[j : position[1]])
        position = (i, j)
    return result


def read_source(path: Path) -> list[list[str]]:
    """The English original's sentences, grouped by paragraph, from plain text.

    Front ends read the other formats (TMX, XLIFF, PO, CSV) into
    :attr:`FlagOptions.original` with :func:`review.variants.read_original`.
    """
    from review.document import read_article, segment_text  # noqa: PLC0415

    text, _ = read_article(path)
    paragraphs: dict[int, list[str]] = {}
    for segment in segment_text(text):
        paragraphs.setdefault(segment.paragraph, []).append(segment.text)
    return [paragraphs[key] for key in sorted(paragraphs)]


class ReferenceDetector:
    name = NAME

    def __init__(self, renderer: Renderer, source: list[list[str]]) -> None:
        self.renderer = renderer
        self.source = source
        self._paired: tuple[Document, dict[str, str]] | None = None

    def ready(self, document: Document) -> None:
        """Pair the original with ``document`` and load the model before any flag: both fail in one line, and a
        command that streams its flags has written none when they do (this detector's own flags come last)."""
        self._originals(document)
        self.renderer.engine()

    def _originals(self, document: Document) -> dict[str, str]:
        if self._paired is None or self._paired[0] is not document:
            paragraphs = [[segment.text for segment in paragraph] for paragraph in document.paragraphs()]
            self._paired = (document, dict(zip((segment.id for segment in document.segments),
                                               align_sentences(paragraphs, self.source), strict=True)))
        return self._paired[1]

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:
        originals = self._originals(context.document)
        renderings = renderings_for(segments, context, self.renderer.render)
        for segment in segments:
            french, english, source = text_of(segment, context), renderings.get(segment.id), originals[segment.id]
            if not english or not source or not french.strip():
                continue
            divergences = align_words(english, source)
            if not divergences:
                continue
            rendered = self.renderer.score(french, english)
            original = self.renderer.score(french, source)
            found = misses(divergences, rendered.word_logprobs(), original.word_logprobs(),
                           original.word_alignment(), rendered.word_alignment())
            yield from flags_for(segment.id, french, english, source, found)


def _words(text: str, indices: Iterable[int]) -> str:
    spans = word_spans(text)
    return " ".join(text[slice(*core_span(text, *spans[index]))] for index in indices)


def flags_for(segment_id: str, french: str, rendering: str, source: str, found: Sequence[Miss]) -> list[Flag]:
    """One flag per divergence and run of neighbouring French words it points at."""
    french_words = word_spans(french)
    flags: list[Flag] = []
    by_divergence: dict[Divergence, list[Miss]] = {}
    for miss in found:
        by_divergence.setdefault(miss.divergence, []).append(miss)
    for divergence, group in by_divergence.items():
        said = _words(rendering, divergence.rendering)
        for run in group_runs(miss.french_word for miss in group):
            inside = [miss for miss in group if miss.french_word in run]
            start, _ = core_span(french, *french_words[run[0]])
            _, end = core_span(french, *french_words[run[-1]])
            if start >= end:
                continue  # attention parked on a lone quote or dash: nothing to point at
            worst = max(miss.gap for miss in inside)
            meant = _words(source, sorted({miss.source_word for miss in inside}))
            if said:
                message = f"the English original says “{meant}” where the rendering says “{said}”"
                category = Category.MISTRANSLATION
            else:
                message = f"the English original says “{meant}”, which the French does not seem to say"
                category = Category.OMISSION
            flags.append(Flag(
                segment_id=segment_id, start=start, end=end, detector=NAME, category=category,
                severity=Severity.MAJOR if worst >= MAJOR_GAP else Severity.MINOR, message=message,
                span_text=french[start:end], confidence=round(min(0.95, 0.5 + worst / 20), 3),
            ))
    return flags


def make(options: FlagOptions, pool: ModelPool) -> ReferenceDetector:
    if options.source is None:
        msg = "reference needs the English original: pass --source FILE (txt, tmx, xliff, po or csv)"
        raise DetectorUnavailable(msg)
    original = ([list(paragraph) for paragraph in options.original] if options.original is not None
                else read_source(options.source))
    return ReferenceDetector(pooled_renderer(NAME, options, pool), original)


DETECTOR = DetectorSpec(
    name=NAME, summary="with --source: spans whose rendering diverges from the English original",
    make=make, order=140, per_segment=False, models=lambda options: (options.model,), needs_source=True,
)
