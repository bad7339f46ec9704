"""Grammar errors read from the dependency parse.

Each rule looks at one relation the parser found (verb and object, determiner
and noun, subject and verb, être and participle) and flags it only when the
surface forms themselves disagree, because the tagger's morphology follows
context and would otherwise excuse or invent errors.  The rules live by kind:
verb government and names of countries here, agreement in
:mod:`review.flags.agreement` and :mod:`review.flags.subject_verb`, mood after conjunctions in :mod:`review.flags.mood`,
noun-phrase structure in :mod:`review.flags.structure`, word order in noun
phrases in :mod:`review.flags.word_order`, what MT leaves out in
:mod:`review.flags.omissions` and English constructions carried word for word in
:mod:`review.flags.literal`; :class:`GrammarDetector` runs on each token those of :data:`RULES`
that its part of speech can fire.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from review.flags import (
    DetectorSpec,
    FlagContext,
    FlagOptions,
    breaks,
    compounds,
    determiners,
    government,
    pronouns,
)
from review.flags.agreement import adjective, determiner
from review.flags.bare_objects import bare_noun, coordinated_without_article
from review.flags.conjugate import AGREEMENT_VERBS, offer
from review.flags.countries import COUNTRIES
from review.flags.glued import glued_words
from review.flags.literal import OPENING_CLAUSES, literal_rules
from review.flags.mood import (
    after_modal,
    conjugated_after_auxiliary,
    infinitive_after_auxiliary,
    infinitive_as_finite,
    mood,
)
from review.flags.nlp import (
    ON_ADJECTIVE,
    ON_NOUN,
    ON_VERB,
    FlagMaker,
    RuleTable,
    TokenRule,
    feature,
    infinitive_of,
    lower_form,
    open_negation,
    parse_many,
    verb_form,
    verb_is_plural,
)
from review.flags.omissions import (
    bare_after_pour,
    bare_infinitive,
    bare_subject_first,
    uncontracted,
    when_without_clause,
)
from review.flags.participles import participle
from review.flags.phrase_agreement import ADJECTIVE_OR_VERB, attribute, counted, epithet, phrase_epithet
from review.flags.phrase_order import (
    EASY_PARTS,
    adverb_before_infinitive,
    easy_to_use_first,
    ending_after_first,
    joined_adjectives_first,
    model_number_between,
    participle_first,
)
from review.flags.spelling import hyphenated_name, names_something
from review.flags.structure import adjective_before, noun_stack
from review.flags.subject_verb import subject_verb
from review.flags.unconjugated import participle_without_auxiliary, unconjugated_verb
from review.flags.word_order import (
    MISTAGGED,
    adjective_first,
    before_only_after,
    capitalised_adjective_first,
    name_before_noun,
    participle_stack,
)
from review.model import Category, Flag, Segment, Severity

if TYPE_CHECKING:
    from review.translate.pool import ModelPool

NAME = "grammar"

# Verbs whose construction is "V quelqu'un de + infinitive": without the person
# the verb cannot stand, and "V de + infinitive" is the trace of a verb the MT
# confused (agree → accuse, ...).
PERSON_THEN_DE = frozenset(
    "accuser soupçonner remercier féliciter blâmer prier supplier persuader convaincre dissuader "
    "avertir charger sommer implorer louer excuser condamner complimenter".split()
)

# Verbs that are hardly ever used without a direct object.  « empêcher » is one, but « empêcher de » + infinitive
# stands without its person (« cela empêche de dormir »: correct French, stop 46, 7 flags in the read sets; never
# on WMT20 QE en-fr, tuning split), so it is not in PERSON_THEN_DE.
TRANSITIVE = PERSON_THEN_DE | frozenset(
    "empêcher adresser infliger octroyer mentionner évoquer susciter provoquer engendrer respecter "
    "améliorer renforcer résoudre réaliser effectuer entreprendre".split()
)

OBJECT_DEPS = frozenset({"obj", "ccomp", "xcomp", "iobj", "obj:lvc"})

OBJECT_CLITICS = frozenset("le la les l' me m' te t' se s' nous vous en".split())

PASSIVE_DEPS = frozenset({"aux:pass", "nsubj:pass", "expl:pass"})

# after these a country name is bare in French (en France, d'Iran); after others it needs its article
PREPOSITIONS = frozenset("en de du des d' au aux".split())


class GrammarDetector:
    name = NAME

    def check(self, segments: Sequence[Segment], context: FlagContext) -> Iterable[Flag]:  # noqa: ARG002
        docs = parse_many([segment.text for segment in segments])
        for segment, doc in zip(segments, docs, strict=True):
            make = FlagMaker(NAME, segment.id, segment.text)
            negations = _negation_points(doc)
            for token in doc:
                named: bool | None = None  # read once, for the first rule that asks for an article
                for rule in rules_for(token.pos_):
                    if rule in BARE_NOUN_RULES:
                        named = (names_something(token) or hyphenated_name(token)) if named is None else named
                        if named:
                            continue
                    for flag in rule(token, make):
                        if not any(flag.start <= start < flag.end for start in negations):
                            yield flag


def _negation_points(doc: Any) -> tuple[int, ...]:
    """Where « point » closes a negation (« ne soyez point », « n'ont point de »): the tagger reads a noun there, and
    the noun rules would ask it for a determiner or a preposition.  « ne » stands at most four words before, no
    other negation word between (« ne dépasse pas le point »)."""
    found = []
    for token in doc:
        if lower_form(token) != "point":
            continue
        if open_negation([lower_form(word) for word in doc[max(token.sent.start, token.i - 4):token.i]]):
            found.append(token.idx)
    return tuple(found)


# the rules asking a noun for its determiner; a program's name takes none (« utilise rsync », « libsox fournit »):
# in 31,000 sentences of Debian's package descriptions, 222 of their 851 flags stood on a word no French list holds
# and English knows at most rarely; on WMT20 QE en-fr (tuning split) 6 flags, 4 right (« paracord », « exporing »)
BARE_NOUN_RULES = frozenset({bare_noun, bare_subject_first, bare_after_pour, coordinated_without_article,
                             determiners.bare_inner_subject, determiners.bare_plural_with_complement,
                             determiners.bare_object_as_attribute, determiners.bare_opening_subject,
                             determiners.bare_root_subject, breaks.bare_subject_cut_off})


@lru_cache(maxsize=64)  # one entry per part of speech
def rules_for(part_of_speech: str) -> tuple[TokenRule, ...]:
    """The rules that can fire on a token of this part of speech, in the order of :data:`RULES`."""
    return tuple(rule for rule, parts in RULES if parts is None or part_of_speech in parts)


def _is_object(child: Any) -> bool:
    if child.dep_ == "xcomp":  # "de + infinitive" is the verb's second complement, not its object
        return not any(lower_form(mark) in {"de", "d'"} for mark in child.children if mark.dep_ == "mark")
    if child.pos_ == "PRON" and not child.dep_.startswith("nsubj"):
        return True
    return child.dep_ in OBJECT_DEPS or child.dep_ in PASSIVE_DEPS


def _clitic_object(verb: Any) -> bool:
    """An object pronoun just before the verb or its auxiliary, or before the « laisser », « faire » that govern it
    (« le fauconnier se laisse convaincre de risquer »)."""
    first = min([verb, *[c for c in verb.children if c.dep_.startswith("aux")]], key=lambda t: t.i)
    for position in range(first.i - 1, max(first.i - 4, verb.sent.start - 1), -1):
        token = verb.doc[position]
        if token.pos_ == "PRON" and (lower_form(token) in OBJECT_CLITICS or lower_form(token) in {"que", "qu'"}):
            return True
        if token.pos_ == "VERB" and infinitive_of(token) in {"laisser", "faire"} and position > 0:
            return lower_form(verb.doc[position - 1]) in OBJECT_CLITICS | {"se", "s'"}
        if token.pos_ in {"VERB", "NOUN", "PROPN", "PUNCT"}:
            return False
    return False


def _has_object(verb: Any) -> bool:
    if any(_is_object(child) for child in verb.children):
        return True
    if any(child.dep_.startswith("expl") or lower_form(child) in {"se", "s'"} for child in verb.children):
        return True  # pronominal verbs (s'adresser à) have their own constructions
    if _clitic_object(verb):
        return True
    relatives = {"que", "qu'", "lequel", "laquelle"}
    if any(child.pos_ == "PRON" and lower_form(child) in relatives for child in verb.subtree):
        return True
    # the parser sometimes attaches an object elsewhere: trust a noun phrase right after the verb
    for token in verb.doc[verb.i + 1: verb.i + 3]:
        if token.pos_ in {"PRON", "DET", "NOUN", "PROPN", "NUM"}:
            return True
        if token.pos_ != "ADV":
            break
    return False


def _valency(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    if verb.pos_ != "VERB" or verb.lemma_ not in TRANSITIVE:
        return
    form = feature(verb, "VerbForm")
    if form == "Part" and not any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in verb.children):
        return  # a participle on its own is an adjective or a passive
    if _has_object(verb):
        return
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    infinitive = doc[verb.i + 2] if verb.i + 2 < len(doc) else None
    if after is not None and lower_form(after) in {"de", "d'"} and infinitive is not None \
            and feature(infinitive, "VerbForm") == "Inf" and verb.lemma_ in PERSON_THEN_DE:
        start, end = verb.idx, after.idx + len(after.text)
        elided = lower_form(after) == "d'"
        apostrophe = "’" if "’" in after.text else "'"
        suggestions = [text.replace("'", apostrophe) for r in AGREEMENT_VERBS
                       if (text := offer(r, verb_form(verb), elided)) is not None]
        yield make(start, end, Category.MISTRANSLATION, Severity.MAJOR,
                   f"« {verb.lemma_} » takes a person as its object (« {verb.lemma_} quelqu'un de … »); "
                   f"followed directly by an infinitive, « {doc.text[start:end]} » is likely a mistranslation "
                   "of a verb of agreeing or deciding (agree to, decide to)",
                   suggestions, 0.75)
        return
    # measured on WMT20 QE en-fr (tuning split): 11 flags at 0.45, 2 of them on error-free segments
    # (« aide à renforcer et sculpter … »): below the floor
    yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MINOR,
               f"« {verb.text} » ({verb.lemma_}) normally takes a direct object and has none here", (), 0.25)


def _qualifies_in_parentheses(token: Any) -> bool:
    """« la localisation portugaise (Brésil) », « le dictionnaire anglais (Canada) »: a country alone in parentheses
    after a word in lower case says where that word's variety is spoken, with no article (Debian's package
    descriptions: 10 flags in 12,000 sentences, stop 53; on the tuning split the country alone in parentheses follows
    a capitalised name, « Beaufort (France) », « Niigata (Japon) », and keeps its flag)."""
    doc = token.doc
    if token.i < 2 or token.i + 1 >= len(doc) or doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
        return False
    before = doc[token.i - 2]
    return bool(before.is_alpha and before.is_lower)


def _country(token: Any, make: FlagMaker) -> Iterator[Flag]:
    article = COUNTRIES.get(token.text)
    if article is None or token.pos_ not in {"PROPN", "NOUN"}:
        return
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text in {"-", "–"} and doc.text[token.idx - 1:token.idx] in {"-", "–"}:
        return  # « la Papouasie-Nouvelle-Guinée », where the parser may open a sentence at the hyphen
    previous = doc[token.i - 1] if token.i > token.sent.start else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    # after a noun the name is an adjective (« couteau Suisse »), in a list a bare label: 27 flags at 0.44 with them
    if previous is not None and (lower_form(previous) in PREPOSITIONS or previous.pos_ in {"DET", "NOUN"}
                                 or previous.text in {"-", "–", "/", ","} or previous.text.istitle()):
        return  # « la Nouvelle Guinée », « le Nouveau Mexique », « la Gaule Belgique »: the end of a longer name
    if any(child.dep_ == "det" or (child.dep_ == "case" and lower_form(child) in PREPOSITIONS)
           for child in token.children):
        return
    if following is not None and (following.text in {"-", "–", "/", ":"}
                                  or (following.pos_ == "PROPN" and following.ent_iob_ == "I")):
        return
    if _qualifies_in_parentheses(token):
        return
    fixed = article[:1].upper() + article[1:] if previous is None else article
    yield make(token.idx, token.idx + len(token.text), Category.GRAMMAR, Severity.MAJOR,
               f"the country name « {token.text} » needs its article here", [fixed], 0.7 if previous is None else 0.3)


INFINITIVE_ENDINGS = ("er", "ir", "re")


def _enumeration_ahead(verb: Any) -> bool:
    """« Il vérifiera leur validité, complétera les nombres, fournira des sommes et extraira des chiffres »: further
    on in the sentence « et » opens a finite verb of the same number, the last of an enumeration the parse did not
    join (Debian's package descriptions: 3 flags in 12,000 sentences, stop 53; on the tuning split one flag of the rule
    has one ahead, wrong: « elle a réalisé trois CD, a lancé l'espace … et conçoit la collection »)."""
    for word in verb.doc[verb.i + 1:verb.sent.end]:
        if lower_form(word) != "et":
            continue
        after = [next_word for next_word in verb.doc[word.i + 1:min(word.i + 3, verb.sent.end)]
                 if next_word.pos_ in {"VERB", "AUX"} and feature(next_word, "VerbForm") != "Part"
                 and not lower_form(next_word).endswith(INFINITIVE_ENDINGS)]  # « extraira », tagged an infinitive
        if after and verb_is_plural(after[0]) == verb_is_plural(verb):
            return True
    return False


def _two_verbs(verb: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    if verb.dep_ not in {"conj", "parataxis", "advcl"} or verb.pos_ not in {"VERB", "AUX"}:
        return
    first = verb.head
    children = list(verb.children)
    aux = [c for c in children if c.dep_.startswith("aux") and feature(c, "VerbForm") == "Fin"]
    finite = feature(verb, "VerbForm") == "Fin" or bool(aux)
    if not finite or first.i > verb.i or first.pos_ not in {"VERB", "AUX"}:
        return
    if any(c.dep_ in {"nsubj", "nsubj:pass", "cc", "mark", "expl:subj"} for c in children):
        return
    if lower_form(verb).endswith(("ez", "ons")):
        # « Une fois que la page est imprimée, replacez le papier »: an imperative, which has no subject (the
        # tagger reads it as an indicative); on WMT20 QE en-fr (tuning split) 11 flags, all on one segment, right
        # only by an error beside them
        return
    if not any(c.dep_ in {"nsubj", "nsubj:pass"} for c in first.children) or _relative(first) \
            or _after_an_insertion(first, verb, aux):
        return
    if any(c.dep_ == "mark" and c.i < first.i and lower_form(c) in OPENING_CLAUSES for c in first.children):
        # « Lorsque le système est remis en état, appuie sur le bouton »: the clause set first is a subordinate one,
        # and the verb after its comma an imperative (GCompris's activities)
        return
    if any(c.dep_ == "conj" and c.i > verb.i and any(g.dep_ == "cc" for g in c.children)
           for c in (*first.children, *children)):
        return  # an enumeration "arrive, salue et repart"
    if _enumeration_ahead(verb):
        return
    start_token = min([verb, *aux], key=lambda t: t.i)
    if any(t.text in {"»", '"', "”"} for t in verb.doc[first.i:start_token.i]):
        return  # « … », a déclaré X: the subject comes after the verb
    previous = verb.doc[start_token.i - 1]
    if previous.text != ",":
        return
    yield make(start_token.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"two verbs for one subject without « et »: « {first.text} » … « {verb.text} »",
               [f"et {verb.doc.text[start_token.idx:verb.idx + len(verb.text)]}"], 0.45)


def _after_an_insertion(first: Any, verb: Any, aux: list[Any]) -> bool:
    """« Notre réputation grandit et les nains qui vivaient là, craignant les orcs, sont venus »: a conjunction and
    a determiner between the two verbs open a clause whose subject the parser did not hang on the second verb.

    Found in correct French (Wesnoth, Freeciv: 3 sentences); on WMT20 QE en-fr (tuning split) 2 shown flags fewer,
    both wrong (« Ils améliorent la démarche, l'alignement et le tonus musculaire, stimulent … »: a list of
    objects, then the next verb of an enumeration).
    """
    doc = verb.doc
    start = min([verb, *aux], key=lambda t: t.i).i
    return any(lower_form(word) in {"et", "ou", "mais", "que", "qu'"} and word.i + 1 < start
               and doc[word.i + 1].pos_ == "DET" for word in doc[first.i + 1:start])


def _relative(verb: Any) -> bool:
    """« Le Sceptre, qu'on trouva terni …, commença », « Le E200, qui offre …, est soutenu »: the first verb is
    a relative clause's, set inside the subject of the second.

    Found in narrative French (Wesnoth's campaigns: 3 of this rule's 10 flags there); on WMT20 QE en-fr (tuning
    split), shown: 2 flags fewer, both wrong.
    """
    return verb.dep_ == "acl:relcl" or any(lower_form(child) in determiners.RELATIVES and child.dep_ != "mark"
                                           for child in verb.children)


# Every rule on a token, with the parts of speech it looks at (None: any), in the order the flags come out.
# Each rule's first test is on the token's part of speech: the detector skips the call where it would fail.
RULES: RuleTable = (
    (_valency, ON_VERB),
    (determiner, None),
    (adjective, ON_ADJECTIVE),
    (subject_verb, None),
    (participle, ON_VERB),
    (epithet, ADJECTIVE_OR_VERB),
    (phrase_epithet, ADJECTIVE_OR_VERB),
    (attribute, ADJECTIVE_OR_VERB),
    (counted, None),
    (_country, frozenset({"PROPN", "NOUN"})),
    (_two_verbs, frozenset({"VERB", "AUX"})),
    (mood, None),
    (after_modal, ON_VERB),
    (infinitive_after_auxiliary, ON_VERB),
    (conjugated_after_auxiliary, None),
    (glued_words, None),
    (noun_stack, ON_NOUN),
    (adjective_before, ON_ADJECTIVE),
    (adjective_first, ON_ADJECTIVE),
    (before_only_after, ON_ADJECTIVE),
    (name_before_noun, ON_NOUN | MISTAGGED),
    (participle_stack, None),
    (capitalised_adjective_first, frozenset({"ADJ", "PROPN", "NOUN", "X", "VERB"})),
    (easy_to_use_first, EASY_PARTS),
    (joined_adjectives_first, ON_ADJECTIVE),
    (ending_after_first, ON_ADJECTIVE),
    (adverb_before_infinitive, frozenset({"ADV"})),
    (model_number_between, ON_NOUN),
    (participle_first, frozenset({"VERB", "ADJ"})),
    (bare_noun, ON_NOUN),
    (bare_subject_first, ON_NOUN),
    (bare_after_pour, ON_NOUN),
    (unconjugated_verb, ON_VERB),
    (participle_without_auxiliary, ON_VERB),
    (infinitive_as_finite, ON_VERB),
    (when_without_clause, None),
    (bare_infinitive, ON_VERB),
    (uncontracted, None),
    *government.RULES,
    *pronouns.RULES,
    (coordinated_without_article, ON_NOUN),  # before the other determiner rules, as it always ran
    *determiners.RULES,
    *compounds.RULES,
    (literal_rules, None),
    *breaks.RULES,
)


def make(options: FlagOptions, pool: ModelPool) -> GrammarDetector:  # noqa: ARG001
    return GrammarDetector()

DETECTOR = DetectorSpec(
    name=NAME, summary="spaCy parse: valency, agreement, country articles, two finite verbs", make=make, order=20,
    default=True, per_segment=True,
)
