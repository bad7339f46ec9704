"""Subject and verb: a conjugated verb of the other number than its subject (« Les enfants aime »).

The grammar detector calls :func:`subject_verb` token by token.  The subject's number is read from its
determiner or its ending (:func:`review.flags.agreement.subject_number`), and the pair is judged only where the
parse leaves no doubt that the subject is the verb's (no relative, list or insertion between them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.agreement import governed_noun, own_determiner, subject_number
from review.flags.nlp import CLITICS, FlagMaker, can_be_verb, feature, lower_form, verb_is_plural
from review.flags.omissions import PARTICIPLE_ENDINGS
from review.model import Category, Flag, Severity

# nouns of a quantity whose plural verb agrees with what they count (« une poignée de braves arrivent »): they only
# excuse a plural verb, where agreement.COLLECTIVE leaves the subject's number unread by every rule
COLLECTIVES = frozenset("poignée plupart majorité minorité foule multitude moitié partie totalité infinité quantité "
                        "nombre dizaine douzaine vingtaine centaine millier variété série".split())


def subject_verb(subject: Any, make: FlagMaker) -> Iterator[Flag]:
    if subject.dep_ != "nsubj":
        return
    verb = subject.head
    finite = verb if feature(verb, "VerbForm") == "Fin" else next(
        (c for c in verb.children if c.dep_.startswith("aux") and feature(c, "VerbForm") == "Fin"), None)
    if finite is None or feature(finite, "Person") not in {None, "3"} or finite.i < subject.i:
        return
    if lower_form(finite).endswith(("ante", "antes")) or finite.is_upper:
        return  # « les éléments de la liste déroulante se mettent », « les balises META »: no verb (LibreOffice)
    number = subject_number(subject)
    if finite is verb and _agreeing_participle(verb, number):
        return
    plural = verb_is_plural(finite)
    if number is None or plural is None or (number == "Plur") == plural:
        return
    if _in_doubt(subject, finite, number=number, plural=plural) or _agreeing_rival(subject, verb, plural) \
            or _unread_name(subject) or _second_verb(subject, finite, plural=plural):
        return
    wants = "plural" if number == "Plur" else "singular"
    # measured on WMT20 QE en-fr (tuning split), before ranking: a plural subject 58 flags at 0.81 (154 at 0.60
    # before the subject had to show its number), a singular one 13 at 0.77 (46 at 0.46 before)
    yield make(finite.idx, finite.idx + len(finite.text), Category.GRAMMAR, Severity.MAJOR,
               f"the verb « {finite.text} » does not agree with its {wants} subject « {subject.text} »", (),
               0.8 if number == "Plur" else 0.75)


# what may stand between « et » and the second verb of a subject (« les enregistre et les passe », « et ne peut »)
BETWEEN_COORDINATOR_AND_VERB = CLITICS | {"en", "pas", "plus", "aussi"}
COORDINATORS = frozenset({"et", "mais", "ou", "puis"})


def _second_verb(subject: Any, finite: Any, *, plural: bool) -> bool:
    """« Il convertit les symboles C++ et peut être utilisé », « EMBOSS::ACD analyse les fichiers … et fournit »: the
    verb after « et », « mais » or « ou » is the second verb of the subject before the first one, whose number it has;
    the plural noun between is the first verb's object, which the parser took for its subject.

    Debian's package descriptions (read blocks, stop 59): 10 flags with :func:`_clitic_and_verb`.  A subject that is
    itself a noun of a list keeps the flag: on the tuning split « possède toutes les fonctionnalités, les stations et
    exerce vous avez besoin » is MT's error (the English "exercises"), a right flag the first version lost.
    """
    doc = subject.doc
    before = finite.i - 1
    while before > subject.i and lower_form(doc[before]) in BETWEEN_COORDINATOR_AND_VERB:
        before -= 1
    if before <= subject.i or lower_form(doc[before]) not in COORDINATORS:
        return False
    if _clitic_and_verb(subject):
        return True
    start = min(t.i for t in subject.subtree if t.i <= subject.i)
    if start > 0 and lower_form(doc[start - 1]) in {",", "et", "ou"}:
        return False  # « possède toutes les fonctionnalités, les stations et exerce »: a noun of a list, MT's error
    opening = start
    while opening > 0 and doc[opening - 1].text not in {".", "!", "?", ";", ":"}:
        opening -= 1  # the parse may cut the sentence before the subject (« EMBOSS::ACD analyse | les fichiers »)
    return any(_a_verb(word) and verb_is_plural(word) == plural for word in doc[opening:start])


def _clitic_and_verb(word: Any) -> bool:
    """« Il reçoit les nouvelles, les enregistre et les passe à … »: « les » before a verb form with no plural ending
    is its object pronoun; the parser took the verb for a plural subject (Debian's package descriptions, read blocks,
    stop 59: 2 flags)."""
    lower = lower_form(word)
    return word.i > 0 and lower_form(word.doc[word.i - 1]) == "les" and word.is_lower \
        and not lower.endswith(("s", "x")) and can_be_verb(lower)


def _a_verb(word: Any) -> bool:
    """A verb not in the infinitive, as the tagger reads it or as the verb tables may (« EMBOSS::ACD analyse les
    fichiers », where the tagger read a noun), unless a determiner stands before it."""
    if word.pos_ in {"VERB", "AUX"}:
        return feature(word, "VerbForm") != "Inf"
    previous = word.doc[word.i - 1] if word.i > 0 else None
    return word.is_lower and can_be_verb(lower_form(word)) and (previous is None or previous.pos_ != "DET")


def _unread_name(subject: Any) -> bool:
    """« jmeters possède », « xcolmix permet »: a subject in lower case without a determiner that no French word list
    holds is a program's name, whose final « s » says nothing of its number (Debian's package descriptions: 2 flags in
    12,000 sentences, stop 53; on the tuning split one flag, wrong: « backpackers Cache »)."""
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word list loads on first use

    return own_determiner(subject) == (None, None) and subject.is_lower and not in_french_list(lower_form(subject))


def _agreeing_rival(subject: Any, verb: Any, plural: bool) -> bool:
    """The parser gave the verb a second subject that agrees with it, and that one is likelier its own: it stands
    nearer the verb (« quand les colons choisirent », the first subject « fortune » belonging to another clause),
    or the disagreeing one follows a verb as its object (« les actions qui modifient une image peuvent »).

    Any second subject as a doubt cost 7 right flags at stop 38 (« Mon espoir est que les enfants … découvrira »:
    there neither subject agrees).  Measured on WMT20 QE en-fr (tuning split, against the commit before): 1 right
    flag fewer (« Le plaisir les noms de produits complètent », the error in « Le plaisir ») and 1 wrong one;
    correct French of the read sets, 5 sentences fewer flagged.
    """
    start = min(t.i for t in subject.subtree if t.i <= subject.i)
    after_a_verb = start > 0 and subject.doc[start - 1].pos_ in {"VERB", "AUX"}
    agreeing = "Plur" if plural else "Sing"
    return any(other is not subject and other.dep_ == "nsubj" and subject_number(other) == agreeing
               and (subject.i < other.i or after_a_verb) for other in verb.children)


def _agreeing_participle(verb: Any, number: str | None) -> bool:
    """« ils se sont enfuis »: a participle the tagger called finite, right after its auxiliary, of its subject's
    number.  One of another number keeps the flag (« les ministres sont arrivé »); « seront adapte » is no
    participle form."""
    auxiliary = next((child for child in verb.children if child.dep_.startswith("aux")
                      and child.lemma_ in {"être", "avoir"} and child.i < verb.i), None)
    if auxiliary is None or number is None or not lower_form(verb).endswith(PARTICIPLE_ENDINGS) \
            or any(word.pos_ != "ADV" for word in verb.doc[auxiliary.i + 1:verb.i]):
        return False
    return (number == "Plur") == lower_form(verb).endswith(("s", "x"))


def _in_doubt(subject: Any, finite: Any, *, number: str, plural: bool) -> bool:
    """Whether the parse's subject may not be the verb's (a relative, a list, an insertion) or shows no number."""
    between = subject.doc[subject.i:finite.i]
    if _not_its_subject(subject, finite, between):
        return True
    # a plural verb after "X et Y", "X & Y" or "X, Y" the parser did not join: 71 flags at 0.42 precision with them
    if plural and (any(lower_form(t) in {"et", "&", ",", "ainsi", "ou"} for t in between) or _joined_before(subject)
                   or lower_form(subject) in COLLECTIVES):
        # also « La fender … et la finition rouge vont »: the subject is the last of several; « Seule une poignée
        # arrivent »: a collective agrees with what it counts
        return True
    if subject.pos_ != "PRON" and number == "Sing" and (own_determiner(subject)[1] != "Sing" or not subject.is_lower):
        # a singular read from the tagger, not from a determiner, is a guess on titles and bare nouns
        # (« Capuchons d'extrémité protègent », « Fiche de dribble ont »): 46 flags at 0.46 with them
        return True
    if subject.pos_ != "PRON" and number == "Plur" and (not _surely_plural(subject) or governed_noun(subject)):
        # likewise « Tissu 100 % polyester … aide », « 52 pouces conviendra »; « la puissance des morts-vivants
        # s'affaiblit », « Ne protéger que nos campements ne suffit plus »: a noun after a preposition or an
        # infinitive's object, which the parser took for the subject
        return True
    before = lower_form(finite.doc[finite.i - 1]) if finite.i > 0 else ""
    if any(t.text in {",", ";", ":", "(", ")", "--", "—"} for t in between) or before == "y" \
            or (before == "n'" and lower_form(finite) == "importe"):
        # a subject before an insertion, or « il y a », « n'importe où » read with the noun before as subject
        return True
    return plural and _venir_family(lower_form(finite))  # « convient »: convenir, not convier


def _not_its_subject(subject: Any, finite: Any, between: Any) -> bool:
    """The parse's subject is surely not the verb's: a relative clause between them (« une image où les pixels
    repousseront »), a noun after its preposition (« les notes sur le premier temps s'impriment »), the second half
    of a compound (« la puissance des morts-vivants s'affaiblit »), or no verb at all (« ils ont en fait leur
    ordre », « des mots de passe à usage unique »: Debian's package descriptions).  A verb the parser gives two
    subjects is no sign: on the tuning split, the flags it would have taken were 7 right (« Mon espoir est que les
    enfants … découvrira ») for 3 wrong."""
    doc = subject.doc
    return any(lower_form(t) in {"qui", "que", "qu'", "où", "dont"} for t in between) \
        or any(child.dep_ == "case" for child in subject.children) \
        or (subject.i > 0 and doc[subject.i - 1].text == "-") \
        or (lower_form(finite) == "fait" and finite.i > 0 and lower_form(doc[finite.i - 1]) == "en") \
        or (lower_form(finite) in {"passe", "passes"} and finite.i >= 2
            and [lower_form(word) for word in doc[finite.i - 2:finite.i]] in (["mot", "de"], ["mots", "de"]))


def _surely_plural(subject: Any) -> bool:
    """A plural its determiner or its own ending shows, not a count (« 52 pouces ») nor « une des boules »."""
    start = min(t.i for t in subject.subtree if t.i <= subject.i and t.dep_ not in {"cc", "punct"})
    if start > 0 and lower_form(subject.doc[start - 1]) in {"un", "une", "l'un", "l'une", "chacun", "chacune",
                                                             "aucun", "aucune"}:
        return False
    if own_determiner(subject)[1] == "Plur":
        return True
    if any(child.dep_ == "nummod" for child in subject.children):
        return False  # « 52 pouces conviendra »: a measure in a title, not a subject
    lower = lower_form(subject)
    return subject.is_lower and lower.endswith(("s", "x")) and subject.lemma_.lower() != lower


def _venir_family(form: str) -> bool:
    """« convient », « retient »: singular forms of convenir, retenir (the lemmatizer reads convier)."""
    from review.flags.spelling import dictionaries  # noqa: PLC0415 - the word list loads on first use

    return form.endswith("ient") and form[:-4] + "enir" in dictionaries()[0]


def _joined_before(subject: Any) -> bool:
    """Whether « et », « , » or « & » comes right before the subject's phrase (« X et la finition »)."""
    start = min(t.i for t in subject.subtree if t.i <= subject.i and t.dep_ not in {"cc", "punct"})
    return start > subject.sent.start and lower_form(subject.doc[start - 1]) in {"et", ",", "&", "ainsi", "ou", "ni"}
