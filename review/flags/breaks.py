"""Where the parse of a sentence breaks: two words the parser could not hold in one sentence.

spaCy's parser splits a segment into sentences as it parses.  Where the French does not hold together
(« ultra compact jumelles Canon offre », « Sacs de couchage modernes offre »), it ends a sentence between
two words that have no punctuation between them.  The two words on either side of such a cut hold an error
far more often than not, whatever the error is: English word order, a missing determiner or preposition,
a word left in English.  The grammar detector calls :func:`parse_break` token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.nlp import FlagMaker, RuleTable, adjective_forms
from review.model import Category, Flag, Severity

# The parts of speech on either side of a cut into a word in lower case, (before, after), that make the flag
# worth showing, with its confidence.  Measured on WMT20 QE en-fr (tuning split), the flags no other rule's
# flag covered: an adjective before the cut, then a noun 37 at 0.84, a verb 30 at 0.83, an adjective 17 at
# 0.88; a name, then a noun 18 at 0.94, an adjective 13 at 0.85; a noun, then a verb 50 at 0.74 (its one
# error-free segment, « opérations de secours/survie demandent », has a slash before the cut: cuts after one
# are left alone).  Left out: a noun, then a noun 25 at 0.68 (3 on error-free segments: « Lingettes
# nettoyage »), an adjective 23 at 0.57 (« acier inoxydable », « émail mat »); a name, then a verb 42 at 0.52
# (« Cartes Copag résistent »).
BROKEN_PAIRS = {("ADJ", "NOUN"): 0.8, ("ADJ", "ADJ"): 0.8, ("ADJ", "VERB"): 0.8, ("PROPN", "NOUN"): 0.8,
                ("PROPN", "ADJ"): 0.8, ("NOUN", "VERB"): 0.7}
# A cut into a capitalised word is shown after a French adjective in lower case only (« pliante Clip »,
# « extrême Blasters »): 66 flags at 0.83, 62 errors no other flag found; in correct French it flagged
# « applications indépendantes Java ».  After a noun or a name such a cut is mostly a title running into the
# next (« Sports AfieldJoan », « Yoga Ashtanga »: 0.50-0.62), and after a word of a brand a name (« Star
# brite Premium »: 2 error-free segments before the adjective had to be French).
CAPITAL_CONFIDENCE = 0.8
QUOTES = frozenset({"«", "»", '"', "“", "”"})
SLASHES = frozenset({"/", "\\"})


def parse_break(token: Any, make: FlagMaker) -> Iterator[Flag]:
    """« compact jumelles », « robuste façons »: the parser's sentence opens on ``token``, right after a word
    with no punctuation between them."""
    if token.i == 0 or token.i != token.sent.start or not token.is_alpha:
        return
    before = token.doc[token.i - 1]
    if before.is_punct or before.text in QUOTES or (before.i > 0 and before.doc[before.i - 1].text in SLASHES):
        return  # « opérations de secours/survie demandent »: a slash leaves the parser unsure of the phrase
    if token.is_lower:
        confidence = BROKEN_PAIRS.get((before.pos_, token.pos_))
    elif before.pos_ == "ADJ" and before.is_lower and before.is_alpha and before.lower_ in adjective_forms():
        confidence = CAPITAL_CONFIDENCE
    else:
        confidence = None
    if confidence is None:
        return
    yield make(before.idx, token.idx + len(token.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {before.text} {token.text} »: the sentence breaks between these words (a word missing, out of place "
               "or left in English?)", (), confidence)


RULES: RuleTable = (
    (parse_break, frozenset({"NOUN", "VERB", "ADJ", "PROPN", "X"})),
)
