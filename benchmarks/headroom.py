"""Where the errors the flags miss sit, and whether a simple pattern of words points at them.

Runs the default detectors over an annotated file as ``real_errors.py`` does (same split, same
Flagger, same matching of flags to errors), then reads every word that no shown flag covers. Each
such word is described three ways, from the French parse alone:

- ``words``: the word's class with its neighbours' (« de NOUN ADJ »: function words by their
  form, other words by their part of speech, ``^`` for a capital);
- ``relation``: its part of speech, its dependency relation, its head's part of speech and on which
  side the head stands;
- ``after``: the class of the word before it, its part of speech and its relation.

For each description it counts the uncovered words, the share of them inside an annotated error,
and the errors no flag found that they reach. A description whose words are inside an error most
of the time, and that reaches many missed errors, is a candidate rule; the table lists those
above ``--share`` and ``--errors``, and its last line says how many missed errors all of them
together reach. When that number is small, no rule of this kind is left to write: the missed
errors sit in words that look like the correct ones around them.

``--examples N`` prints, under the table, up to N of each listed description's words in their segment
(« » around the word), the first found: enough to see whether a description is one rule, several, or one
sentence repeated across documents.

    python benchmarks/headroom.py DATA.jsonl [--split tune] [--source] [--share 0.7] [--errors 15] [--examples N]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from real_errors import DataError, detector_names, evaluate, overlaps, widened

from review.flags import default_detectors
from review.flags.nlp import parse_many
from review.model import Flag, Segment

# function words named by their form: the patterns MT gets wrong turn on them (« de », « à », « est »)
FUNCTION_WORDS = frozenset("de d' du des le la les l' un une à au aux en et ou pour avec sur dans par sans qui que "
                           "est sont a ont".split())
SHARE = 0.7  # the precision a rule needs to be shown
ERRORS = 15  # missed errors a pattern must reach to be listed
CONTEXT = 40  # characters of the segment on each side of an example's word


def word_class(token: Any | None) -> str:
    """A function word by its form, another word by its part of speech (``^``: it starts with a capital)."""
    if token is None:
        return "|"
    lower, tag = str(token.lower_), str(token.pos_)
    if lower in FUNCTION_WORDS:
        return lower
    return tag + ("^" if token.is_alpha and not token.is_lower else "")


def descriptions(token: Any) -> tuple[tuple[str, ...], ...]:
    """The three descriptions of ``token`` the patterns are counted by."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    side = "head before" if token.head.i < token.i else "head after" if token.head.i > token.i else "root"
    return (
        ("words", word_class(before), word_class(token), word_class(after)),
        ("relation", token.pos_, token.dep_, token.head.pos_, side),
        ("after", word_class(before), word_class(token), token.dep_),
    )


@dataclass
class Pattern:
    words: int = 0  # uncovered words with this description
    inside: int = 0  # of them, inside an annotated error
    reached: set[tuple[str, int, int]] = field(default_factory=set)  # missed errors: (document, segment, error)
    examples: list[str] = field(default_factory=list)  # the first words found, in their segment


@dataclass
class Headroom:
    patterns: dict[tuple[str, ...], Pattern] = field(default_factory=lambda: defaultdict(Pattern))
    missed: int = 0  # annotated errors no flag found
    uncovered: int = 0  # words no flag covers
    examples: int = 0  # words kept per description to show

    def observe(self, segment: Segment, item: dict[str, Any], flags: list[Flag]) -> None:
        text = segment.text
        shown = [(flag.start, flag.end) for flag in flags]
        golds = [[widened(text, start, end) for start, end in error["spans"]] for error in item["errors"]]
        found = [any(overlaps(span, gold) for span in shown for gold in spans) for spans in golds]
        self.missed += found.count(False)
        for token in parse_many([text])[0]:
            span = (token.idx, token.idx + len(token.text))
            if token.is_space or token.is_punct or any(overlaps(span, flagged) for flagged in shown):
                continue
            self.uncovered += 1
            inside = [index for index, spans in enumerate(golds) if any(overlaps(span, gold) for gold in spans)]
            reached = {(str(item["doc"]), int(item["seg"]), index) for index in inside if not found[index]}
            for description in descriptions(token):
                pattern = self.patterns[description]
                pattern.words += 1
                pattern.inside += bool(inside)
                pattern.reached |= reached
                if len(pattern.examples) < self.examples:
                    pattern.examples.append(example(text, *span, inside=bool(inside)))

    def candidates(self, share: float = SHARE, errors: int = ERRORS) -> list[tuple[tuple[str, ...], Pattern]]:
        """The descriptions whose words are inside an error ``share`` of the time and reach ``errors`` missed ones."""
        chosen = [(description, pattern) for description, pattern in self.patterns.items()
                  if pattern.inside >= share * pattern.words and len(pattern.reached) >= errors]
        return sorted(chosen, key=lambda pair: (-len(pair[1].reached), pair[0]))


def example(text: str, start: int, end: int, *, inside: bool) -> str:
    """The word at ``start``-``end`` in its segment, marked « », after ``+`` when it is inside an error, else ``-``."""
    before = text[max(0, start - CONTEXT):start].replace("\n", " ")
    after = text[end:end + CONTEXT].replace("\n", " ")
    return f"{'+' if inside else '-'} …{before}« {text[start:end]} »{after}…"


def table(headroom: Headroom, share: float = SHARE, errors: int = ERRORS) -> Iterator[str]:
    chosen = headroom.candidates(share, errors)
    yield f"{headroom.missed} errors no flag found; {headroom.uncovered} words no flag covers"
    yield ""
    yield "| pattern | uncovered words | inside an error | missed errors reached |"
    yield "|---|---:|---:|---:|"
    for description, pattern in chosen:
        yield (f"| {description[0]}: {' '.join(description[1:])} | {pattern.words} | "
               f"{pattern.inside / pattern.words:.2f} | {len(pattern.reached)} |")
    together: set[tuple[str, int, int]] = set()
    for _, pattern in chosen:
        together |= pattern.reached
    share_text = f"{100 * len(together) / headroom.missed:.1f}%" if headroom.missed else "-"
    yield ""
    yield (f"{len(chosen)} patterns inside an error at least {share:.2f} of the time reach {len(together)} "
           f"missed errors together ({share_text} of the missed ones)")
    for description, pattern in chosen:
        if pattern.examples:
            yield ""
            yield f"{description[0]}: {' '.join(description[1:])}"
            yield from (f"  {line}" for line in pattern.examples)


def main(arguments: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="WMT20 QE task 3 style JSON lines")
    parser.add_argument("--split", choices=("tune", "validation", "all"), default="tune")
    parser.add_argument("--source", action="store_true", help="give the detectors the English source")
    parser.add_argument("--detectors", default=",".join(default_detectors()))
    parser.add_argument("--share", type=float, default=SHARE, help="the share of words inside an error to list")
    parser.add_argument("--errors", type=int, default=ERRORS, help="the missed errors a pattern must reach")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="show up to N words of each listed pattern in their segment")
    args = parser.parse_args(None if arguments is None else list(arguments))
    if not args.data.is_file():
        parser.error(f"{args.data}: not a file")
    headroom = Headroom(examples=max(0, args.examples))
    names = detector_names(args.detectors, source=args.source)
    try:
        evaluate(args.data, args.split, names, source=args.source, observe=headroom.observe)
    except (DataError, OSError, UnicodeDecodeError) as error:
        parser.error(str(error))
    print(f"detectors: {','.join(names)}; split: {args.split}; source: {'yes' if args.source else 'no'}")
    for line in table(headroom, args.share, args.errors):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
