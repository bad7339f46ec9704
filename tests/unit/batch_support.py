"""Articles and comparisons the batch tests share."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

# Short articles with different amounts of trouble, so the report's order means something.
ARTICLES = {
    "calm.txt": "Les deux pays voisins ont des relations difficiles. La réunion aura lieu le 30 janvier à 10 h 30.\n",
    "risky.txt": (
        "Iran et le Pakistan accusent de renforcer leur coopération.\n\n"
        "Les ministres ont discuté au sujet de la sécurité. Il a eu lieu une attaque de missiles hier soir.\n"
    ),
    "medium.txt": "Les ministres des Affaires étrangères ont eu des pourparlers à Islamabad. "
                  "Le président se rendra bientôt au Pakistan , a-t-il déclaré.\n",
    "desk/second.txt": "Elle pense que la situation est très grave et inquiétante. "
                       "Nous ne permettrons pas aux terroristes de menacer la sécurité.\n",
}
BAD = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02binary\x00",
    "english.txt": b"The foreign ministers of both countries held long talks in Islamabad about security.\n",
}


def write_articles(folder: Path, *, bad: bool = True) -> Path:
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        for name, data in BAD.items():
            (folder / name).write_bytes(data)
    return folder


def without_time(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "seconds"}


def outputs(outdir: Path) -> dict[str, object]:
    """Every output file's content, with the seconds each article took left out (they differ run to run)."""
    found: dict[str, object] = {}
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(outdir).as_posix()
        text = path.read_text(encoding="utf-8")
        if relative.endswith(".json"):
            found[relative] = without_time(json.loads(text))
        elif relative == "summary.csv":
            found[relative] = [{key: value for key, value in row.items() if key != "seconds"}
                               for row in csv.DictReader(io.StringIO(text))]
        else:
            found[relative] = text
    return found
