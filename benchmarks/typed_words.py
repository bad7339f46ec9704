"""Typos in the reviewer's own corrections: how many the spelling detector shows, and at what cost.

No annotated reviewers' edits exist here, so both sides are built from correct French (a file, one
sentence a line, or a folder of French HTML pages, as ``real_errors.py --french`` reads it):

- typos: in each sentence one word of five letters or more gets one slip of the keyboard (a letter
  dropped, doubled, swapped with the next or replaced by a neighbour on an AZERTY keyboard), and the
  sentence is given as the reviewer's correction of the original; a typo is found when a flag the
  reviewer sees (ranked, over the confidence floor) covers the word.  Slips that make another French
  word are counted apart: no spelling check can see them.
- false alarms: each correct sentence is given as a correction that replaced the whole segment, so
  every word is typed; the share of sentences that get a spelling flag.

Both with the machine translation's flags (the same words left by MT, not typed) for comparison.

    python benchmarks/typed_words.py FRENCH [--limit 1500]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_errors import article, french_sentences

from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.spelling import dictionaries, is_known
from review.translate.pool import ModelPool

WORD = re.compile(r"\b[a-zàâçéèêëîïôûùüÿœ]{5,}\b")
NEIGHBOURS = {key: row[max(0, i - 1):i] + row[i + 1:i + 2]
              for row in ("azertyuiop", "qsdfghjklm", "wxcvbn") for i, key in enumerate(row)}
BATCH = 50


def slip(word: str, rng: random.Random) -> str:
    """``word`` with one slip of the keyboard."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "neighbour"))
    if kind == "drop":
        return word[:at] + word[at + 1:]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    near = NEIGHBOURS.get(word[at], "")
    return word[:at] + rng.choice(near) + word[at + 1:] if near else word[:at] + word[at + 1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("french", type=Path, help="correct French: a file, one sentence a line, or HTML pages")
    parser.add_argument("--limit", type=int, default=1500)
    args = parser.parse_args()
    sentences = french_sentences(args.french, args.limit)
    french, _ = dictionaries()
    rng = random.Random(20261204)
    flagger = Flagger(("spelling",), FlagOptions(), ModelPool())
    typos = found_typed = found_mt = real_words = 0
    alarms_typed = alarms_mt = 0
    for start in range(0, len(sentences), BATCH):
        chunk = sentences[start:start + BATCH]
        slipped: list[tuple[str, int, int] | None] = []
        for sentence in chunk:
            words = list(WORD.finditer(sentence))
            if not words:
                slipped.append(None)
                continue
            match = rng.choice(words)
            wrong = slip(match.group(), rng)
            if is_known(wrong, french):
                real_words += 1
                slipped.append(None)
                continue
            text = sentence[:match.start()] + wrong + sentence[match.end():]
            slipped.append((text, match.start(), match.start() + len(wrong)))
        originals = article(f"typed{start}", chunk)
        corrected = {segment.id: item[0] for segment, item in zip(originals.segments, slipped, strict=True)
                     if item is not None}
        as_typed = flagger.flags(originals, corrected)
        as_mt = flagger.flags(article(f"mt{start}", [item[0] if item else s for s, item in zip(chunk, slipped,
                                                                                           strict=True)]), {})
        for segment, item in zip(originals.segments, slipped, strict=True):
            if item is None:
                continue
            typos += 1
            _, begin, end = item
            found_typed += any(f.segment_id == segment.id and f.start < end and begin < f.end for f in as_typed)
            found_mt += any(f.segment_id == segment.id and f.start < end and begin < f.end for f in as_mt)
        blank = article(f"blank{start}", ["…"] * len(chunk))
        rewritten = {segment.id: sentence for segment, sentence in zip(blank.segments, chunk, strict=True)}
        alarms_typed += len({f.segment_id for f in flagger.flags(blank, rewritten)})
        alarms_mt += len({f.segment_id for f in flagger.flags(article(f"plain{start}", chunk), {})})
    print(f"{len(sentences)} correct sentences; {typos} with a typo put in ({real_words} more slips made "
          "another French word and are left out)")
    print(f"typos shown, typed in a correction: {found_typed}/{typos} ({found_typed / max(typos, 1):.1%})")
    print(f"typos shown, the same words left by the machine translation: {found_mt}/{typos} "
          f"({found_mt / max(typos, 1):.1%})")
    print(f"correct sentences with a spelling flag, typed in full: {alarms_typed}/{len(sentences)} "
          f"({alarms_typed / max(len(sentences), 1):.1%})")
    print(f"correct sentences with a spelling flag, as machine translation: {alarms_mt}/{len(sentences)} "
          f"({alarms_mt / max(len(sentences), 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
