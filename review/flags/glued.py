"""Words glued by a lost line break (« WarrantyThis », « poundsBlack »), told from programmers' names.

Product sheets lose their line breaks on the way to MT: the last word of a line runs into the first of the next,
which opens with a capital (« WarrantyThis », « lbsFolded »).  Technical French writes names of that shape on purpose
(« libXmu », « digiKam », « la méthode drawWindow »).  The grammar detector calls :func:`glued_words` token by token;
the spelling rules and the consistency detector use :func:`prefixed_code`, :func:`glued_parts` and
:func:`glued_message`.  Each rule's precision, measured on professionally annotated MT (WMT20 QE en-fr, tuning
split), is written next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import singular
from review.flags.nlp import FlagMaker, lower_form
from review.model import Category, Flag, Severity

# a lower-case letter followed by a capital inside a word: two words glued by a lost line break
GLUED = re.compile(r"[a-zà-ÿ]{2}[A-Z]")
# English words that start a sentence, found glued to the name that ended the one before
GLUE_TAILS = frozenset("the this these that a an in on at for with and it its our your you we they all each "
                       "if when our to from by is are was".split())
# what a name in code follows (« la méthode drawWindow »); not every noun a program's name follows: « la mémoire
# talkingPreprogrammed », « capacité capacityMeasures » are MT's lost line breaks (tuning split, 7 right flags), and
# « variable » is mostly an adjective there (« zoom variable magnificationDigital »)
CODE_KINDS = frozenset("méthode fonction propriété paramètre attribut commande classe".split())


def glued_parts(text: str) -> tuple[str, str] | None:
    """The two words of « WarrantyThis », « poundsBlack »: cut before the first capital after two small letters."""
    match = GLUED.search(text)
    if match is None:
        return None
    return text[:match.start() + 2], text[match.start() + 2:]


# the prefixes that programmers' names begin with in lower case (« libXpm », « wxPython », « jsMath », « pyScss »,
# « gtkAtlantic », « qtWebKit »): Debian's package descriptions, 22 flags in 12,000 sentences (stop 53); on the tuning
# split no glued word begins with one (its lower-case heads are English words and units: « poundsBlack »,
# « ozRecommended »)
CODE_PREFIXES = frozenset("lib wx js py gtk qt".split())


def prefixed_code(text: str) -> bool:
    """« libXpm », « pyScss »: a programmer's name that begins with one of :data:`CODE_PREFIXES`, or with a short
    head in lower case that is no word (« digiKam », « vnStat »: :func:`_no_word_head`)."""
    parts = glued_parts(text)
    return parts is not None and (parts[0] in CODE_PREFIXES or (parts[0].islower() and _no_word_head(parts[0])))


def _named_code(token: Any) -> bool:
    """« la méthode drawWindow », « la fonction getValue »: a name in code after the noun that says what it is
    (Thunderbird's messages; on the tuning split no glued word follows one of :data:`CODE_KINDS`)."""
    return token.i > 0 and singular(lower_form(token.doc[token.i - 1])) in CODE_KINDS


# how often an English word must occur in pyspellchecker's list for a glued word's head to count as one, and how
# long a head may be to pass for a name's prefix
WORD_HEAD_FREQUENCY = 100
NAME_HEAD_LENGTH = 4
# units a product sheet's line ends on, which the word lists miss (« lbsFolded »)
UNIT_HEADS = frozenset("lb lbs oz ft yd".split())


def _no_word_head(head: str) -> bool:
    """« digiKam », « vnStat », « pgRouting », « jlGui »: a name whose short lower-case head is no word, French or
    English; a lost line break ends on a word (« poundsBlack », « feetTall ») or a unit (« lbsFolded »).

    Debian's package descriptions (blocks read, stop 55): 16 flags of 31 on such glued names.  On the tuning split
    of WMT20 QE en-fr the rule's 342 flags have 12 heads that neither list holds, all but « bro » (« broManufacturer »,
    one right flag lost) longer than four letters (« prismsAll », « kickstandStorage ») or a unit.
    """
    if len(head) > NAME_HEAD_LENGTH or head in UNIT_HEADS:
        return False
    from review.flags.spelling import english_frequency, in_french_list  # noqa: PLC0415 - lists load on first use

    return not in_french_list(head) and english_frequency(head) < WORD_HEAD_FREQUENCY


def glued_message(text: str) -> str:
    return (f"« {text} » runs two words together (a lost line break?): the text around it is likely "
            "left in English or mistranslated")


def glued_words(token: Any, make: FlagMaker) -> Iterator[Flag]:
    """« WarrantyThis », « TubeCondition »: a word boundary lost in the MT input."""
    text = token.text
    if not token.is_alpha or len(text) < 5:
        return
    parts = glued_parts(text)
    if parts is None:
        return
    head, tail = parts
    if not text[:1].isupper():
        # « poundsBlack », « stakesAll »: English list items glued by a lost line break; measured on WMT20 QE
        # en-fr (tuning split): 433 flags at 0.98
        if not head.isalpha() or not head.islower() or not tail[1:].islower() or _named_code(token) \
                or prefixed_code(text):
            return
        yield make(token.idx, token.idx + len(text), Category.UNTRANSLATED, Severity.MAJOR,
                   glued_message(text), [f"{head} {tail}"], 0.9)
        return
    # « ColemanThe », « DaiwaDaiwa », « SpaldingA »: a sentence start glued to a name (0.8 precision);
    # other inner capitals are mostly brand names (« WaterRower »: 0.55), kept below the floor here: the
    # consistency detector, which sees the whole article, tells a name (written the same way again) from a
    # lost line break (written once)
    # a one-letter tail is the English « A » or « I » opening the next sentence; another capital ends a name
    # (« CalculiX », « BlueZ », « ProjectM »: Debian's package descriptions, 9 sentences of 3,000; on the tuning split
    # every one-letter tail is « A » or « I »)
    lost_break = tail.lower() in GLUE_TAILS or tail == head or tail in {"A", "I"}
    yield make(token.idx, token.idx + len(text), Category.UNTRANSLATED, Severity.MAJOR,
               glued_message(text), [f"{head} {tail}"], 0.8 if lost_break else 0.25)
