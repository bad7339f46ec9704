"""Programs an article introduces by their kind, read as kept terms in the whole article.

Technical French names a program once with its kind (« le paquet bash », « la bibliothèque readline », « la
commande interne wait », « les commandes internes declare et readonly ») and from then on by its name alone
(« readline affiche l'élément suivant », « wait rendra la main », « consultez declare »).  The sentence with the
kind tells the name apart (:func:`review.flags.spelling.named_command` and its neighbours); the later ones do not,
and a bare word no dictionary holds reads as English left untranslated.  A sentence that says what a program is
introduces its name too (« Fish est un interpréteur de commandes », « MatchIt est un programme R », « d'expat, une
bibliothèque en C »), and so does a reference to its manual page (« tail(1) »).  So the names
an article introduces are read as its own kept terms (:mod:`review.flags.terms`), for that article only.

Only the kinds of program that only software has count, and only a word in lower case without accents that no
French word list holds is a name: after « la commande vocale » nothing is introduced.  The surface is read, no
parse: an article of 100,000 segments is read in one pass each time it is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# the kinds of program only software has (« moteur », « pilote », « client », « module », « processus » name parts of
# things too: « le moteur brushless », « le processus cryogénique » of product texts)
SOFTWARE = frozenset("paquet programme bibliothèque utilitaire commande éditeur démon greffon compilateur logiciel "
                     "interpréteur".split())
_KINDS = sorted({*SOFTWARE, *(kind + "s" for kind in SOFTWARE)}, key=len, reverse=True)
# the adjectives that stand between a command's kind and its name (« la commande interne wait »)
_QUALIFIERS = "internes?|externes?|intégrées?|composées?"
# a name: letters in lower case without accents, digits, « + », « . », « - » (« g++ », « bash-completion »,
# « python3.11 »); French words bear accents (« le logiciel intégré »), and an apostrophe ends no name
# (« le programme d'entraînement »)
_NAME = r"[a-z][a-z0-9+.-]*[a-z0-9+]|[a-z]"
_AFTER = r"(?![\w'’-])"
# a kind, maybe its qualifier, a name and the names listed after it (« les commandes internes declare, local et
# readonly »)
INTRODUCTION = re.compile(rf"(?<![\w-])(?:{'|'.join(_KINDS)})\s+(?:(?:{_QUALIFIERS})\s+)?((?:{_NAME}){_AFTER}"
                          rf"(?:(?:\s*,\s*|\s+(?:et|ou)\s+)(?:{_NAME}){_AFTER})*)")
LISTED = re.compile(rf"(?:{_NAME}){_AFTER}")
LIST_WORDS = frozenset({"et", "ou"})
# what a program is said to be, opening its sentence (« Fish est un interpréteur de commandes », « MatchIt est un
# programme R », « Tumbler est un service D-Bus »): the software kinds and, after « est un », nouns things share
# (« moteur », « pilote », « module »)
DEFINED_AS = SOFTWARE | frozenset("outil service jeu serveur client module système environnement gestionnaire "
                                  "émulateur langage cadriciel visionneur lecteur navigateur script pilote moteur "
                                  "interface frontal extension application".split())
# a program named with its manual's section (« tail(1) », « malloc(3) »: Debian's package descriptions write 231)
MANUAL_PAGE = re.compile(rf"(?<![\w-])({_NAME})\(\d[a-z]*\)")
_DEFINED = "|".join(sorted(DEFINED_AS | {kind + "s" for kind in DEFINED_AS}, key=len, reverse=True))
_PROGRAM = r"[A-Za-z][A-Za-z0-9+.-]*[A-Za-z0-9+]"
DEFINITION = re.compile(rf"(?:^|(?<=[.!?] ))({_PROGRAM}) (?:est|sont) (?:un|une|des) (?:[a-zà-ÿ-]+ )?"
                        rf"(?:{_DEFINED}){_AFTER}")
# the same said in apposition, inside a sentence (« les bibliothèques d'expat, une bibliothèque en C », « Xcos, un
# éditeur graphique »: Debian's package descriptions write 445; no segment of the tuning split does)
APPOSITION = re.compile(rf"(?<![\w-])({_PROGRAM}), (?:un|une) (?:[a-zà-ÿ-]+ )?(?:{_DEFINED}){_AFTER}")


# the English words French writes about software (« les threads POSIX », « les bindings Python 3 », « un timeout »),
# kept in an article that introduces a program: in product texts they are English left in (« 8/32 threads » is a
# screw's, a right flag of the tuning split, none of whose 1,147 articles introduces a program)
SOFTWARE_LOANWORDS = frozenset({*("thread threads binding bindings handler handlers callback callbacks timeout "
                                    "timeouts slot slots hash patch patches tag tags log logs broadcast forwarding "
                                    "scriptable").split(), "open source"})


def article_terms(names: frozenset[str]) -> frozenset[str]:
    """What an article that introduces the programs ``names`` keeps as its own terms: those names and, where it
    introduces one, the English words French writes about software (:data:`SOFTWARE_LOANWORDS`)."""
    return names | SOFTWARE_LOANWORDS if names else names


def introduced_names(texts: Iterable[str]) -> frozenset[str]:
    """The programs' names ``texts`` introduce after their kind or define as one (see the module)."""
    names: set[str] = set()
    for text in texts:
        names.update(names_in(text))
    return frozenset(names)


def _adjective(word: str) -> bool:
    """A French adjective the lemmatizer's tables know and pyspellchecker's list lacks (« enfichable »: the tuning
    split's only article that seemed to introduce a program, « un composant logiciel enfichable »).  Looked up only
    for a word after a kind of program that pyspellchecker's list lacks: most product texts load no parser for it."""
    from review.flags.nlp import adjective_forms  # noqa: PLC0415 - spaCy's tables load on first use

    return word in adjective_forms()


@lru_cache(maxsize=1 << 18)  # an article of 100,000 segments flagged again after a correction reads one text anew
def names_in(text: str) -> tuple[str, ...]:
    """The names one text introduces."""
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - its word lists load on first use

    names: list[str] = []
    for introduction in INTRODUCTION.finditer(text):
        words = LISTED.findall(introduction.group(1))
        if words[0] in LIST_WORDS or in_french_list(words[0]) or _adjective(words[0]):
            # « le paquet contient x et y », « le paquet et ses greffons », « un logiciel enfichable »: no name
            continue
        # a French word in the list may be a name too (« les commandes internes declare, local et readonly »)
        names.extend(word for word in words if word not in LIST_WORDS and not in_french_list(word))
    # each pattern below is looked for only where a plain substring says it may be (an article is read whole
    # each time it is flagged: about a second for 100,000 segments without that, a third of it with)
    if "(" in text:
        names.extend(page.group(1) for page in MANUAL_PAGE.finditer(text) if not in_french_list(page.group(1)))
    if " est " in text or " sont " in text:
        for definition in DEFINITION.finditer(text):
            name = definition.group(1)
            if not in_french_list(name):
                # the capital of a sentence's first word: the name is written in lower case elsewhere (« fish »),
                # and a term in lower case matches both
                names.append(name.lower() if name[1:].islower() else name)
    if ", un" in text:
        names.extend(apposed.group(1) for apposed in APPOSITION.finditer(text)
                     if not in_french_list(apposed.group(1)))
    return tuple(names)
