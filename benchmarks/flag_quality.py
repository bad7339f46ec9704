"""Precision and recall of the offline detectors on hand-annotated MT errors.

benchmarks/data/annotated.jsonl holds French sentences written in the manner of
English→French machine translation (none from the shipped sample), each with
its error spans; about a third are clean.  A flag is right when its span
overlaps an annotated error; an error is found when some flag overlaps it.
Flags go through the Flagger the TUI uses, so ranking, caps and the confidence
floor apply as the reviewer would see them.

    python benchmarks/flag_quality.py [--detectors a,b|+a,-b] [--data FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.document import from_text
from review.flags import FlagOptions, default_detectors, parse_detectors, resolved
from review.flags.incremental import Flagger
from review.translate.pool import ModelPool

DATA = Path(__file__).parent / "data" / "annotated.jsonl"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: Path, detectors: tuple[str, ...]) -> dict[str, object]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = right = errors = found = clean = clean_flagged = 0
    by_detector: Counter[str] = Counter()
    right_by_detector: Counter[str] = Counter()
    misses: list[str] = []
    false_alarms: list[str] = []
    flagger = Flagger(detectors, FlagOptions(), ModelPool())
    for item in items:
        document = from_text(item["text"])
        flags = flagger.flags(document, {}, status=print)
        gold = [(error["start"], error["end"]) for error in item["errors"]]
        # offsets are per segment; the annotated sentences are one segment each, or offsets shift
        spans = []
        for flag in flags:
            segment = document.segment(flag.segment_id)
            spans.append((flag, (segment.start + flag.start, segment.start + flag.end)))
        for flag, span in spans:
            flagged += 1
            by_detector[flag.detector] += 1
            if any(overlaps(span, g) for g in gold):
                right += 1
                right_by_detector[flag.detector] += 1
            else:
                false_alarms.append(f"{item['id']} {flag.detector}: « {flag.span_text} »")
        for error, g in zip(item["errors"], gold, strict=True):
            errors += 1
            if any(overlaps(span, g) for _, span in spans):
                found += 1
            else:
                misses.append(f"{item['id']} {error['category']}: « {error['text']} »")
        if not gold:
            clean += 1
            clean_flagged += bool(flags)
    return {
        "sentences": len(items), "errors": errors, "flags": flagged,
        "precision": right / flagged if flagged else 0.0, "recall": found / errors if errors else 0.0,
        "clean_sentences": clean, "clean_sentences_flagged": clean_flagged,
        "per_detector": {name: {"flags": count, "precision": right_by_detector[name] / count}
                         for name, count in sorted(by_detector.items())},
        "misses": misses, "false_alarms": false_alarms,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--detectors", default=",".join(default_detectors()))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args()
    # a,b or, as review takes them, +a,-b on the default set
    names = resolved(parse_detectors(args.detectors), default_detectors())
    result = evaluate(args.data, names)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"detectors: {','.join(names)}")
    print(f"{result['sentences']} sentences, {result['errors']} annotated errors, {result['flags']} flags")
    print(f"precision {result['precision']:.2f}  recall {result['recall']:.2f}  "
          f"clean sentences flagged {result['clean_sentences_flagged']}/{result['clean_sentences']}")
    for name, numbers in result["per_detector"].items():  # type: ignore[attr-defined]
        print(f"  {name:<12} {numbers['flags']:>3} flags  precision {numbers['precision']:.2f}")
    print("missed:", *cast("list[str]", result["misses"]), sep="\n  ")
    print("false alarms:", *cast("list[str]", result["false_alarms"]), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
