"""Every detector's flags read again against the English original (``--source``).

The offline detectors judge the French alone.  Where the English original is
given, it shows some of their flags to be the French copying what the original
itself writes, which the translation was right to keep:

- a spelling inconsistency between forms the English itself uses (« GLOCK » in
  the disclaimer, « Glock » in the prose, both so in the original);
- a number in an English layout that the English has just so (a model number,
  « 1,000 » in a product code);
- and the other way round, a word no French dictionary knows that is nowhere in
  the English either (« recsport », « ndsh »): not an English word left
  untranslated, but a rare word, a name or a code the translation kept.

Without the English too, one kind of flag is read again against the others of the same stretch of the
article (:func:`repeated_terms`): a word no dictionary knows, written the same way three times or more, is a
term of the article (« multimesure », « maqams »), which a misspelling seldom is.  And every flag is read
against its sentence (:func:`set_apart`): a word inside an English gloss (« lames virtuelles (virtual
slides) ») or written as a function call (« fork() ») is set apart from the French on purpose.

Such flags are not dropped but kept below the confidence floor
(:data:`review.flags.rank.MIN_CONFIDENCE`), where a lowered floor (``--min-confidence``) still shows them.

One flag goes the other way: a word no French word list holds and no English word explains, which the
spelling detector keeps below the floor (in technical French mostly a program's name), is shown when the
English original has it too: it was left untranslated (« glideboard »).  Only the surface is read: no parse,
no dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from review.flags.reference import read_source
from review.flags.source import EnglishBySegment
from review.model import Category, Document, Flag

if TYPE_CHECKING:
    from review.flags import FlagOptions

HIDDEN = 0.29  # below the confidence floor: right less often than not
TERM_REPEATS = 3  # an unknown word written this many times in a stretch is a term, not a misspelling
TERM_SPAN = 3  # words of a flag at most that a term of an article about software sets apart (see repeated_words)
# the longest English function word that never counts as such a term (« the », « and », « for »); spaCy's stop
# words also hold longer words that name commands and keywords (« next », « only », « show »)
FUNCTION_WORD = 3
# a word in lower case standing whole, two letters at least: not part of a hyphenated or dotted name, nor elided
# (« bash », not « set-group-ID » nor the « n » of « n'est »)
LOWER_WORD = re.compile(r"(?<![\w.-])[a-zà-ÿœæ]{2,}(?![\w'’-])")
WORD = re.compile(r"[^\W_]+")
# the kinds of flag the English original can explain, and how (see :func:`written_so`)
VETTED = frozenset({str(Category.INCONSISTENCY), str(Category.LOCALE)})
INCONSISTENT = str(Category.INCONSISTENCY)
# the spelling detector's flag for a word that no word list knows (review.flags.spelling)
UNKNOWN = ("spelling", "is not in the French dictionary")
# its flag, below the floor, for a word no French or English list knows (review.flags.spelling.UNEXPLAINED_MESSAGE)
UNEXPLAINED = ("spelling",
               "is in no French word list and is no common English word: a name, or a word left in English or misspelt")
# its flag for a word that runs English words together (« flycasting »; SpellingDetector._explained)
RUN_TOGETHER = ("spelling", "together: translate them")
COPIED = 0.5  # such a word the English original has too: left untranslated (see _read_again)
# what a gloss stands in (see glosses): parentheses, French quotes, curly quotes, and straight quotes around an English
# phrase only (they also mark inches)
ENCLOSED = re.compile(r"\(([^()]+)\)|«([^«»]+)»|\u201c([^\u201c\u201d]+)\u201d")
# the inside of straight double quotes, read apart from the rest (a parenthesis inside keeps its own reading)
STRAIGHT_QUOTED = re.compile(r"(?:(?<=\s)|^)\"([^\"\d]+)\"(?=[\s.,;:!?)]|$)")
AFTER_WORD = re.compile(r"[^\W\d_]\s?[»\u201d]?\s*$")  # a word, maybe quoted, right before a parenthesis
LETTER = re.compile(r"[^\W\d_]")
PART_BREAK = re.compile(r"[,;]|\s[–—:]\s")  # between the parts of a parenthesis, each read alone (see glosses)
LETTERS = re.compile(r"[^\W\d_]+")
QUOTED_PHRASE = 4  # the fewest words of an English phrase quoted whole (« dot the i », three, is MT's own)
# « les codes- barres », « django- compressor »: a hyphenated word a lost line join left with a space after its hyphen
BROKEN_HYPHEN = re.compile(r"[^\W_]+- [a-zà-ÿœæ][^\W_]*")
# a command-line option and the word it takes (« l'option +o emacs », « -o history », « --format json »)
OPTION_ARGUMENT = re.compile(r"(?<!\S)(?:[-+][a-zA-Z]|--[a-z][\w-]+)\s+[a-z][\w-]*")
# the nouns a help text names a setting or a control by (« les paramètres Lower limit et Upper limit », « la case Use
# system settings »), then a label opening on a capital, and a label listed after one
SETTING = re.compile(r"\b(?:paramètres?|options?|champs?|boutons?|onglets?|cases?)\s+(?=[A-Z])")
LABEL_START = re.compile(r"[A-Z][a-zA-Z]*")
LABEL_WORD = re.compile(r" ([a-z]+)(?![\w'’-])")
LABEL_LIST = re.compile(r"\s*(?:,|et|ou|and|or)\s+(?=[A-Z])")
LABEL_WORDS_MOST = 4  # words of a label at most
MENU_STEP = "\u25b8"  # « ▸ », between the labels of a menu path (« Format ▸ Conditionnel ▸ Gérer »)
MENU_LABEL = 40  # characters: how far a label runs from its « ▸ »
LABEL_WORDS = re.compile(r"[\w' \u2019-]*")  # what stands between a label and its « ▸ »: words, no punctuation


@dataclass(frozen=True, slots=True)
class Vetting:
    """Demotes the flags that the English original explains (see the module).

    english_of: the English text each segment translates, by segment id, for a whole document.
    """

    english_of: Callable[[Document], Mapping[str, str]]

    def __call__(self, flags: Sequence[Flag], document: Document) -> list[Flag]:
        """``flags`` (of ``document``'s segments) with those the English explains below the confidence floor."""
        if not any(flag.category in VETTED or _unknown(flag) or _unexplained(flag) for flag in flags):
            return list(flags)
        originals = self.english_of(document)
        return [_read_again(flag, originals.get(flag.segment_id, "")) for flag in flags]


def _read_again(flag: Flag, original: str) -> Flag:
    if explained(flag, original):
        return replace(flag, confidence=min(flag.confidence, HIDDEN))
    if _unexplained(flag) and _in_english(flag, original):
        # a word no list knows, copied from the English: left untranslated (« glideboard »), not a program's name
        return replace(flag, confidence=max(flag.confidence, COPIED))
    return flag


def repeated_terms(flags: Sequence[Flag]) -> list[Flag]:
    """``flags`` with the unknown words flagged :data:`TERM_REPEATS` times or more among them below the floor.

    ``flags`` are those of a stretch of the article (the flagger's chunk: a short article whole).  Measured on
    WMT20 QE en-fr (tuning split): unknown words a document writes three times or more, 3 flags, none right
    (names in lower case: « razr », « microshell »), twice 12 at 0.58, once 112 at 0.84; in correct French
    (Debian's and LilyPond's manuals, stop 35) they were the terms of a trade (« multimesure », « mensurale »).
    A word's singular and plural count together (stop 36: a game's creatures, « ammorite », « ammorites »; no flag
    of the tuning split changed).  Words flagged as English left in lower case are not counted: with them, 3 right
    flags of the tuning split lost (« masterlink », an English term repeated) for 4 wrong.
    """
    counts = Counter(_term(flag) for flag in flags if _unknown(flag))
    if not counts or max(counts.values()) < TERM_REPEATS:
        return list(flags)
    return [replace(flag, confidence=min(flag.confidence, HIDDEN))
            if _unknown(flag) and counts[_term(flag)] >= TERM_REPEATS else flag for flag in flags]


def set_apart(flags: Sequence[Flag], text_of: Callable[[str], str]) -> list[Flag]:
    """``flags`` with those on words the text sets apart as not its own French below the floor: inside an English
    gloss (see :func:`glosses`), called as a function (« appelle calendar() »), or a menu's label
    (:func:`in_menu_path`).  A name the article spells two
    ways (the consistency detector's « Glöck ») is inconsistent inside quotes too, and keeps its flag.

    text_of: the current text of a segment, by id (the text the flags' spans index).

    Technical French gives the English term beside its own, in parentheses or in quotes: « un célomètre
    (« ceilometer ») », « lames virtuelles (virtual slides) », « le mode « lookahead » ».  The writer chose the
    English there; a flag inside says nothing a reviewer needs.  Measured in 28,500 sentences of Debian's package
    descriptions (stop 45): 121 flags in parentheses and 214 in quotes, about one sentence in a hundred.  On WMT20
    QE en-fr (tuning split) the same places held 1 right flag in parentheses (« d'entiers (ints) »), with or without
    the English source, and 6 right ones in quotes (« groovy », « after hours », English the annotators marked):
    kept below the floor as well, where ``--min-confidence`` still shows them.  A word right before « ( » is code
    (« un mécanisme fork() », « define() »): 25 flags of the descriptions, none on the tuning split.  So is a
    command-line option's word (:func:`option_arguments`), and a hyphenated word a line join broke
    (:func:`broken_hyphens`).
    """
    read: dict[str, tuple[str, list[tuple[int, int]]]] = {}  # by segment: its text and its glosses, read once

    def apart(flag: Flag) -> bool:
        if flag.confidence <= HIDDEN or not LETTER.search(flag.span_text) or flag.category == INCONSISTENT:
            return False  # a name the article spells two ways is so inside quotes too
        if flag.segment_id not in read:
            text = text_of(flag.segment_id)
            read[flag.segment_id] = text, glosses(text) + option_arguments(text) + setting_labels(text) \
                + broken_hyphens(text)
        text, found = read[flag.segment_id]
        if text[flag.end:flag.end + 1] == "(" and flag.span_text[-1:].isalnum():
            return True  # « fork() »: code
        if MENU_STEP in text and in_menu_path(text, flag.start, flag.end):
            return True
        return any(start <= flag.start and flag.end <= end for start, end in found)

    return [replace(flag, confidence=HIDDEN) if apart(flag) else flag for flag in flags]


def in_menu_path(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens on a capital and is one of the labels of a menu path (« Données ▸ Validité vous
    permet… », « Insertion ▸ Champs ▸ Autres champs »): only words stand between it and a « ▸ » beside it.

    Software help names the menus a command sits in by their labels, set side by side without articles.  Found in
    LibreOffice's interface messages (stop 51: 8 flags in 2,003 sentences, on « Validité », « Cadre »,
    « Autres champs »…); the WMT20 QE en-fr data holds no « ▸ ».
    """
    if not text[start:start + 1].isupper():
        return False
    step = text.rfind(MENU_STEP, max(0, start - MENU_LABEL), start)
    if step >= 0 and LABEL_WORDS.fullmatch(text, step + 1, start):
        return True
    step = text.find(MENU_STEP, end, end + MENU_LABEL)
    return step >= 0 and bool(LABEL_WORDS.fullmatch(text, end, step))


def setting_labels(text: str) -> list[tuple[int, int]]:
    """« les paramètres Lower limit et Upper limit », « la case Use system settings »: the labels of a program's
    settings and controls after the noun that names them, which the text writes as the program shows them, often in
    English.

    A label opens on a capital; the words in lower case after it are its own while no French word list holds them
    (« Show hidden » in « l'option Show hidden files affiche »: « files » is French, and so is what follows), and a
    label joined to it by « et », « ou » or a comma is one too.  Scilab's help (read half, stop 56): 6 flags, 3 of its
    334 sentences; on the tuning split of WMT20 QE en-fr no flag stands in such a label.
    """
    if SETTING.search(text) is None:
        return []
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word lists load on first use

    found = []
    for setting in SETTING.finditer(text):
        at = setting.end()
        while (first := LABEL_START.match(text, at)) is not None:
            end, count = first.end(), 1
            while count < LABEL_WORDS_MOST and (word := LABEL_WORD.match(text, end)) is not None \
                    and not in_french_list(word.group(1)):
                end, count = word.end(), count + 1
            found.append((first.start(), end))
            listed = LABEL_LIST.match(text, end)
            if listed is None:
                break
            at = listed.end()
    return found


def broken_hyphens(text: str) -> list[tuple[int, int]]:
    """« les codes- barres », « l'auto- indentation », « django- compressor »: a hyphenated word whose hyphen a lost
    line join left with a space after it.  The second half reads alone as a bare noun or an English word.  Debian's
    package descriptions (read blocks, stop 57): 12 flags in 22,500 sentences; the tuning split of WMT20 QE en-fr
    holds the shape 3 times, with no flag inside."""
    return [match.span() for match in BROKEN_HYPHEN.finditer(text)] if "- " in text else []


def option_arguments(text: str) -> list[tuple[int, int]]:
    """« l'option +o emacs », « -o history »: a command-line option and the word it takes, which is code (the manual
    pages, read 500: 3 flags, stop 54; on the tuning split no word follows such an option)."""
    return [match.span() for match in OPTION_ARGUMENT.finditer(text)]


def glosses(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a gloss: the inside of parentheses right after a word, or of French or curly quotes,
    with letters and no word of two letters or more that pyspellchecker's French list holds.

    Inside parentheses each part counts alone, between commas, semicolons and spaced dashes or colons: the English
    term beside its French one (« (fiber – fibre) », « (CAS — computer algebra system) »), a list's English item
    (« (mind mapping, aussi appelées …) »).  Some English terms are French words too (« (spike train) »,
    « (password store) »): a part whose words, acronyms aside, are all English and none a function word, and not all
    French, is a gloss as well (:func:`_english_term`).  In quotes, an English title or phrase quoted whole may hold
    words French shares (« An efficient algorithm to build … de Bruijn graph »): see :func:`_english_phrase`.  Inside
    straight double quotes, only such a phrase (« le message "Datatype is not supported" »).
    """
    if "(" not in text and "«" not in text and "\u201c" not in text and '"' not in text:
        return []
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word lists load on first use

    found = []
    for match in ENCLOSED.finditer(text):
        inside = next(group for group in (1, 2, 3) if match.group(group) is not None)
        start, end = match.span(inside)
        if inside == 1 and not AFTER_WORD.search(text, 0, match.start()):
            continue  # « (5 Pack) » opening a segment or a line: not a gloss of what comes before
        cuts = [start, *(cut.end() for cut in PART_BREAK.finditer(text, start, end)), end] \
            if inside == 1 else [start, end]
        for first, last in pairwise(cuts):
            words = [word for word in LETTERS.findall(text, first, last) if len(word) > 1]
            # a term only in parentheses: « Sight Flash » in quotes is MT's English left in (the tuning split); a
            # phrase only in quotes (« (« yet another snippet extension for Emacs ») »), not bare: « (set of two
            # gloves) » is MT's English left in
            quoted = inside != 1 or text[first:last].strip()[:1] in {"«", "\u201c"}
            if (words and not any(in_french_list(word.lower()) for word in words)) \
                    or (inside == 1 and _english_term(words)) \
                    or (quoted and _english_phrase(LETTERS.findall(text, first, last))):
                found.append((first, last))
    # « le message "Datatype is not supported" »: straight quotes only around a phrase (Scilab's help, stop 55: 6
    # flags); they also mark inches (« 4" x 1" ») and MT's English left in (« "Spotting Scope" »), so a term or a word
    # alone in them keeps its flag
    found.extend(match.span(1) for match in STRAIGHT_QUOTED.finditer(text)
                 if _english_phrase(LETTERS.findall(text, *match.span(1))))
    return found


def _english_term(words: Sequence[str]) -> bool:
    """« spike train », « SCAP security guide », « Debian source control »: two words or more besides the acronyms,
    each an English word (pyspellchecker's list) and none a function word (spaCy's English stop words: « (Pack of
    two) » is a phrase left untranslated), not all of them French.

    Debian's package descriptions (blocks 16,501-28,500): 14 flags, stop 54; on the tuning split no parenthesis
    after a word holds such a part.
    """
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415 - spaCy is loaded once there are flags

    from review.flags.spelling import english_frequency, in_french_list  # noqa: PLC0415

    lower = [word.lower() for word in words if not word.isupper()]  # acronyms: « (SSG, SCAP security guide) »
    return len(lower) >= 2 and all(english_frequency(word) > 0 and word not in STOP_WORDS for word in lower) \
        and not all(in_french_list(word) for word in lower)


def _english_phrase(words: Sequence[str]) -> bool:
    """« TwoPaCo : An efficient algorithm to build the compacted de Bruijn graph », « yet another snippet extension
    for Emacs »: four words or more, each an English word or a name, half of them at least no French word.

    Debian's package descriptions (blocks 3,001-13,500): 26 flags, stop 54; on the tuning split the one English
    phrase flagged in quotes has three words (« dot the i »), and its flag is right.
    """
    from review.flags.spelling import english_frequency, in_french_list  # noqa: PLC0415

    if len(words) < QUOTED_PHRASE:
        return False
    not_french = sum(not in_french_list(word.lower()) for word in words)
    return all(english_frequency(word.lower()) > 0 or word[:1].isupper() for word in words) \
        and 2 * not_french >= len(words)


def _term(flag: Flag) -> str:
    """The word a flag marks, its singular and plural counted as one (« ammorite », « ammorites »)."""
    return _stem(flag.span_text.lower())


def _unknown(flag: Flag) -> bool:
    return flag.detector == UNKNOWN[0] and flag.message.endswith(UNKNOWN[1])


def identifiers(flags: Sequence[Flag]) -> list[Flag]:
    """``flags`` with those on a word in lower case that runs English words together below the floor: in an article
    about software, a command's, an option's or a function's name (« showmount affiche », « l'option sizelimit »,
    « renvoyés par localtime »).  The flagger calls it for an article that introduces a program
    (:mod:`review.flags.introduced`).

    The manual pages (read blocks 2,001-4,302) and the package descriptions read (stop 57): 87 flags, all but one
    on such a name (« boostrap » is « bootstrap » misspelt).  On the tuning split of WMT20 QE en-fr, where the rule is
    right 44 times in 48, none of the 1,147 articles introduces a program.
    """
    return [replace(flag, confidence=HIDDEN) if _run_together(flag) and flag.span_text.islower() else flag
            for flag in flags]


def repeated_words(flags: Sequence[Flag], texts: Iterable[str]) -> list[Flag]:
    """``flags`` with those on a word in lower case that no French list holds and that ``texts`` write
    :data:`TERM_REPEATS` times or more below the floor: in a stretch of an article about software, a command, a
    keyword or a term of the trade (« bash affiche », « la commande complete », « les sockets flux »).  The flagger
    calls it for an article that introduces a program (:mod:`review.flags.introduced`), with the texts of the
    flags' stretch (its chunk of segments).

    It is :func:`repeated_terms` for the words it leaves out: English words, and flags of any rule on them
    (« bash » as a subject with no article, « les cpuset » as a plural with a singular).  A flag of three words at
    most is read, so that a sentence left in English keeps its flag; short English function words (« the »,
    « and ») never count, nor does a name spelt two ways (the consistency detector's flag).  A word's singular and
    plural count together.  The manual pages' read blocks (stop 58): 62 flags, 49 sentences of 2,802 (« bash »
    alone 26 flags); Debian's package descriptions, the read blocks: 23 flags, 20 sentences of 22,500.  On the
    tuning split of WMT20 QE en-fr no article introduces a program (see :func:`identifiers`); there, lower-case
    English words written three times were right about as often as wrong (:func:`repeated_terms`), which is why
    product texts keep their flags.
    """
    from spacy.lang.en.stop_words import STOP_WORDS  # noqa: PLC0415 - spaCy is loaded once there are flags

    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word lists load on first use

    def words_of(flag: Flag) -> list[str]:
        words = WORD.findall(flag.span_text)
        if flag.confidence <= HIDDEN or flag.category == INCONSISTENT or len(words) > TERM_SPAN:
            return []
        return [_stem(lower) for word in words if len(word) > 1 and not in_french_list(lower := word.lower())
                and (len(lower) > FUNCTION_WORD or lower not in STOP_WORDS)]

    read = [words_of(flag) for flag in flags]  # each flag's words read once: the word lists are looked up per word
    candidates = {word for words in read for word in words}
    if not candidates:
        return list(flags)
    counts = Counter(stem for text in texts for word in LOWER_WORD.findall(text) if (stem := _stem(word)) in candidates)
    return [replace(flag, confidence=HIDDEN) if any(counts[word] >= TERM_REPEATS for word in words) else flag
            for flag, words in zip(flags, read, strict=True)]


def _stem(word: str) -> str:
    """A word with its plural's « s » or « x » cut, as :func:`_term` counts it."""
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def _run_together(flag: Flag) -> bool:
    return flag.detector == RUN_TOGETHER[0] and flag.message.endswith(RUN_TOGETHER[1])


def _unexplained(flag: Flag) -> bool:
    return flag.detector == UNEXPLAINED[0] and flag.message.endswith(UNEXPLAINED[1])


def _in_english(flag: Flag, original: str) -> bool:
    words = {word.lower() for word in WORD.findall(original)}
    return any(word.lower() in words for word in WORD.findall(flag.span_text))


def explained(flag: Flag, original: str) -> bool:
    """Whether the English ``original`` of its segment explains ``flag`` (see the module); False without one."""
    if not original:
        return False
    if flag.category in VETTED:
        return written_so(flag.span_text, original)
    if _unknown(flag):
        # measured on WMT20 QE en-fr (tuning split, with every detector): unknown words the English lacks,
        # 39 flags at 0.46, 17 errors found by them alone, 1 of the error-free segments flagged; those the
        # English has, 135 at 0.79
        return not _in_english(flag, original)
    return False


def written_so(text: str, original: str) -> bool:
    """Whether every word and number of ``text`` is in ``original`` in the same form (capitals included).

    Measured on WMT20 QE en-fr (tuning split, with every detector): inconsistent spellings that the
    English has both of, 14 flags at 0.29, 4 errors found by them alone, 2 of the 94 error-free segments
    flagged; numbers in the English layout that the English writes so, 10 flags at 0.20, 1 error.
    """
    words = WORD.findall(text)
    return bool(words) and set(words) <= set(WORD.findall(original))


def for_options(options: FlagOptions) -> Vetting | None:
    """The vetting for these options, or None without an English original."""
    if options.original is not None:
        return Vetting(EnglishBySegment([list(paragraph) for paragraph in options.original]))
    if options.source is None:
        return None
    return Vetting(EnglishBySegment(read_source(options.source)))
