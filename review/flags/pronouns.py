"""Pronouns the machine translation got wrong: the gender of « ils », « elles », English "it" and "what".

English "they" has no gender, so MT picks « ils » or « elles » and sometimes the wrong one (« les maillots …
parce qu'elles ont duré »).  The pronoun is judged only where its antecedent is beyond doubt: every plural
noun of its sentence before it and of the sentence before that (plural as its determiner shows, or as its
ending and the tagger agree) is of the other gender.  The other rules: English "it" as an object (« makes it
perfect ») left as the subject pronoun right after the verb (« rend il parfait »), and « ce que vous avez
besoin » for "what you need" (« ce dont »).

The grammar detector calls :func:`plural_antecedent`, :func:`subject_after_verb` and :func:`need_without_dont`
token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.agreement import GENDER_NAMES
from review.flags.nlp import CLITICS, FlagMaker, RuleTable, feature, is_finite, lower_form
from review.flags.phrase_agreement import shown_by_determiner
from review.model import Category, Flag, Severity

PLURAL_PRONOUNS = {"ils": "Masc", "elles": "Fem"}
SWAPPED = {"ils": "elles", "elles": "ils"}
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
# what may follow a subject pronoun that opens its own clause (« … il n'y a », « … il se plie »)
CLAUSE_WORDS = CLITICS | {"en"}
# what names a plural referent already (« Ils … qu'ils », « Leurs frappes … et ils »)
PLURAL_REFERENCES = frozenset("ils elles eux leur leurs".split())
# endings only feminine plural nouns have (« guerrières », « danseuses », « actrices », « princesses »)
FEMININE_PLURALS = ("ières", "euses", "trices", "esses", "ettes")
# « ils » after one feminine noun only: right half the time on MT, never on correct French (see plural_antecedent)
ILS_AFTER_FEMININE = 0.25
# the parts of speech the rules look at
ON_PRONOUN = frozenset({"PRON"})


def _is_plural(noun: Any) -> bool:
    """Plural as its determiner shows, or without one as its ending and the tagger both say."""
    number = shown_by_determiner(noun)[1]
    if number is not None:
        return number == "Plur"
    return lower_form(noun).endswith(("s", "x")) and feature(noun, "Number") == "Plur"


def _plural_nouns_before(pronoun: Any) -> list[Any]:
    """The plural common nouns in lower case of this sentence before the pronoun and of the sentence before."""
    doc = pronoun.doc
    sentence = pronoun.sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    return [token for token in doc[start:pronoun.i]
            if token.pos_ == "NOUN" and token.is_alpha and token.is_lower and _is_plural(token)]


def plural_antecedent(pronoun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« les maillots de bain … parce qu'elles ont duré »: « ils » / « elles » of the other gender than every noun."""
    lower = pronoun.lower_
    if lower not in PLURAL_PRONOUNS or not pronoun.dep_.startswith("nsubj"):
        return
    if _after_a_fronted_phrase(pronoun) or _referent_named_before(pronoun):
        return
    nouns = _plural_nouns_before(pronoun)
    other = "Fem" if PLURAL_PRONOUNS[lower] == "Masc" else "Masc"
    if not nouns or any(_gender(noun) != other for noun in nouns):
        return
    gender = GENDER_NAMES[other]
    named = ", ".join(dict.fromkeys(f"« {noun.text} »" for noun in nouns))
    fixed = SWAPPED[lower].capitalize() if pronoun.text[:1].isupper() else SWAPPED[lower]
    # measured on WMT20 QE en-fr (tuning split), before ranking: 26 flags at 0.85, 22 errors no other flag
    # found, none on an error-free segment (8 at 0.75 with the nouns a determiner shows plural alone; the
    # singular « il », « elle »: 30 flags at 0.40, an antecedent outside the segment or a person).  Shown, by
    # pronoun: « elles » after masculine nouns 7 flags, all right; « ils » after two or more feminine nouns 13
    # at 0.85; « ils » after one feminine noun 4 at 0.50 (2 errors no other flag found), and in correct French
    # 14 flags, all wrong (Wesnoth's campaigns and units, Debian's manuals: « ils » also names people, a mixed
    # group, a referent outside the sentence): below the floor
    confidence = ILS_AFTER_FEMININE if lower == "ils" and len(nouns) == 1 else 0.8
    yield make(pronoun.idx, pronoun.idx + len(pronoun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {pronoun.text} » can refer to no noun before it: {named} {'is' if len(nouns) == 1 else 'are'} "
               f"{gender}", [fixed], confidence)


def _gender(noun: Any) -> str | None:
    """The tagger's gender, unless the noun's ending shows the feminine (« les jeunes guerrières nagas … elles »: the
    tagger read « guerrières » as masculine, in Wesnoth's unit descriptions)."""
    return "Fem" if lower_form(noun).endswith(FEMININE_PLURALS) else feature(noun, "Gender")


def _after_a_fronted_phrase(pronoun: Any) -> bool:
    """« Adaptés à l'errance dans les cavernes, ils … », « En suivant les rives du fleuve, ils … »: the pronoun
    follows a comma closing a phrase with no conjugated verb, which describes what the pronoun names; its nouns are
    no antecedents.  Measured on WMT20 QE en-fr (tuning split): 1 flag of 26 (right); in narrative French
    (Wesnoth's units and campaigns) most of this rule's flags."""
    doc = pronoun.doc
    if pronoun.i == 0 or doc[pronoun.i - 1].text != ",":
        return False
    return not any(is_finite(word) for word in doc[pronoun.sent.start:pronoun.i])


def _referent_named_before(pronoun: Any) -> bool:
    """« Ils ont embrassé ce handicap … pour montrer qu'ils … », « Leurs frappes sont puissantes et ils … »: a plural
    pronoun or possessive earlier in the segment already names the referent, which lies outside it.  Measured on
    WMT20 QE en-fr (tuning split): 1 flag of this rule's 26 (right, « Bien qu'ils ressemblent …, ils ne sont »); in
    Wesnoth's unit descriptions, 8 of its 15 flags, all wrong.  The object pronoun « les » names such a referent
    too (« les efforts pour les étudier ont échoué, car elles meurent », « réduisons-les avant qu'elles ne
    sortent »): no flag of the tuning split changed, 2 sentences of the read sets."""
    doc = pronoun.doc
    return any(lower_form(word) in PLURAL_REFERENCES or (lower_form(word) == "les" and (
        word.pos_ == "PRON" or (word.i > 0 and doc[word.i - 1].text == "-"))) for word in doc[:pronoun.i])


def subject_after_verb(pronoun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« rend il parfait », « utiliser il »: English "it" after its verb, left as a subject pronoun."""
    if pronoun.lower_ not in SUBJECT_PRONOUNS or pronoun.i == 0 or pronoun.i + 1 >= len(pronoun.doc):
        return
    doc = pronoun.doc
    verb, following = doc[pronoun.i - 1], doc[pronoun.i + 1]
    if verb.pos_ not in {"VERB", "AUX"} or doc.text[verb.idx + len(verb.text):pronoun.idx] != " ":
        return  # « rend-il » is a question
    if lower_form(verb) == "faisant" and verb.i > 0 and lower_form(doc[verb.i - 1]) == "ce":
        return  # « Ce faisant il replace… »: the locution, then the clause's subject (Debian's package descriptions)
    if following.text in {"?", "-"} or following.pos_ in {"VERB", "AUX", "PRON"} \
            or lower_form(following) in CLAUSE_WORDS:
        return  # « … il est », « … il n'y a »: the pronoun opens its own clause
    if lower_form(following) in {"aussi", "même", "seul", "seule", "non"}:
        return  # « risque de changer elle aussi »: a stressed pronoun (LibreOffice's help)
    if pronoun.dep_.startswith("nsubj") and pronoun.head.i > pronoun.i and pronoun.head.pos_ in {"VERB", "AUX"}:
        return
    # measured on WMT20 QE en-fr (tuning split), before ranking: 3 flags at 1.00, 5 errors no other flag found
    # (without the two tests on what follows: 7 at 0.71, « a été créée il y a »)
    yield make(verb.idx, pronoun.idx + len(pronoun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {pronoun.text} » after « {verb.text} » is English word order (makes it, use it): French puts "
               "the object pronoun « le », « la », « les » before the verb", (), 0.8)


RELATIVE_QUE = frozenset({"que", "qu'"})


def need_without_dont(need: Any, make: FlagMaker) -> Iterator[Flag]:
    """« tout ce que vous avez besoin »: "what you need" word for word; « avoir besoin » takes « de », so « dont »."""
    if need.lower_ != "besoin" or need.i == 0 or need.doc[need.i - 1].lemma_ != "avoir":
        return
    doc = need.doc
    if need.i + 1 < len(doc) and lower_form(doc[need.i + 1]) in {"de", "d'"}:
        return  # « ce que vous avez besoin de faire »: the object is the infinitive's
    start = next((token for token in reversed(doc[max(need.i - 6, need.sent.start):need.i - 1])
                  if lower_form(token) in RELATIVE_QUE or token.is_punct or token.pos_ == "NOUN"), None)
    if start is None or lower_form(start) not in RELATIVE_QUE \
            or any(lower_form(word) == "en" for word in doc[start.i + 1:need.i]):
        return  # « autant de temps qu'ils en ont besoin »: « en » is the complement, « que » compares (GNOME's help)
    rest = doc.text[start.idx + len(start.text):need.idx + len(need.text)]
    dont = "Dont" if start.text[:1].isupper() else "dont"
    fixed = [] if rest.split()[:1] == ["dont"] else [dont + (rest if rest.startswith(" ") else " " + rest)]
    # measured on WMT20 QE en-fr (tuning split), before ranking: 21 flags at 0.76 (one sentence repeated in
    # 15 documents, marked in 11 of them), 16 errors no other flag found; one on an error-free segment that
    # another flag already marks
    yield make(start.idx, need.idx + len(need.text), Category.GRAMMAR, Severity.MAJOR,
               "« avoir besoin » takes « de »: what one needs is « ce dont on a besoin », not « ce que »",
               fixed, 0.75)

# Every rule of this module, with the parts of speech it looks at (the grammar detector runs them in this order).
RULES: RuleTable = (
    (plural_antecedent, ON_PRONOUN),
    (subject_after_verb, ON_PRONOUN),
    (need_without_dont, frozenset({"NOUN"})),
)
