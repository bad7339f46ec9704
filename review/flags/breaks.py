"""Where the parse of a sentence breaks: two words the parser could not hold in one sentence.

spaCy's parser splits a segment into sentences as it parses.  Where the French does not hold together
(« ultra compact jumelles Canon offre », « Sacs de couchage modernes offre »), it ends a sentence between
two words that have no punctuation between them, and the next "sentence" opens on a word in lower case,
which no real sentence does.  The two words on either side of such a cut hold an error far more often
than not, whatever the error is: English word order, a missing determiner or preposition, a word left in
English.  The grammar detector calls :func:`parse_break` token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.nlp import FlagMaker, RuleTable
from review.model import Category, Flag, Severity

# the parts of speech on either side of a cut that make the flag worth showing: (before, after).  Measured on
# WMT20 QE en-fr (tuning split), the flags no other rule's flag covered: an adjective before the cut, then a
# noun 33 at 0.85, a verb 23 at 0.78, an adjective 11 at 0.91; a name, then a noun 13 at 0.92, an adjective
# 10 at 0.80.  Left out: a noun before the cut, then a verb 43 at 0.70, a noun 25 at 0.68 (3 on error-free
# segments: « Lingettes nettoyage »), an adjective 23 at 0.57 (« acier inoxydable », « émail mat »); a name,
# then a verb 42 at 0.52 (« Cartes Copag résistent »)
BROKEN_PAIRS = frozenset({("ADJ", "NOUN"), ("ADJ", "ADJ"), ("ADJ", "VERB"), ("PROPN", "NOUN"), ("PROPN", "ADJ")})
QUOTES = frozenset({"«", "»", '"', "“", "”"})
BREAK_CONFIDENCE = 0.8  # the kinds kept: 90 flags at 0.86, and 0.84-0.94 each where they outrank others


def parse_break(token: Any, make: FlagMaker) -> Iterator[Flag]:
    """« compact jumelles », « robuste façons »: the parser's sentence opens on ``token`` in lower case, right
    after a word with no punctuation between them."""
    if token.i == 0 or token.i != token.sent.start or not token.is_lower or not token.is_alpha:
        return
    before = token.doc[token.i - 1]
    if before.is_punct or before.text in QUOTES or (before.pos_, token.pos_) not in BROKEN_PAIRS:
        return
    yield make(before.idx, token.idx + len(token.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {before.text} {token.text} »: the sentence breaks between these words (a word missing, out of place "
               "or left in English?)", (), BREAK_CONFIDENCE)


RULES: RuleTable = (
    (parse_break, frozenset({"NOUN", "VERB", "ADJ"})),
)
