"""English verb forms MT leaves where French conjugates: an infinitive or a past participle as a clause's verb.

Rules of the grammar detector, read from the parse (« Roulements à billes … garder la corde tournée », « quand les
fabricants … étendu la fabrication », « pèse 3,2 onces et assorti d'une garantie »).  Each rule's precision,
measured on professionally annotated MT (WMT20 QE en-fr, tuning split), is written next to it and sets its
confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.nlp import (
    CLITICS,
    INFINITIVE_ENDINGS,
    FlagMaker,
    feature,
    is_infinitive,
    lower_form,
    verb_infinitives,
    verb_lemmas,
)
from review.flags.omissions import BETWEEN_CAUSATIVE, CAUSATIVES, PARTICIPLE_ENDINGS
from review.model import Category, Flag, Severity


def _listed_infinitive(verb: Any) -> bool:
    """« Nous allons aborder quelques cas et vous proposer des solutions »: after « et », « ou » or a comma, an
    infinitive that follows another one in its sentence is coordinated with it."""
    doc = verb.doc
    before = verb.i - 1
    while before > verb.sent.start and lower_form(doc[before]) in CLITICS:
        before -= 1
    return lower_form(doc[before]) in {"et", "ou", ","} and any(
        word.pos_ == "VERB" and feature(word, "VerbForm") == "Inf" for word in doc[verb.sent.start:before])


def unconjugated_verb(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """A main verb left as an infinitive or a past participle after its subject.

    « Roulements à billes … garder la corde tournée » (infinitive with a subject: 44 flags at 0.68 on the
    tuning split), « Gert mariée sweetheart Collège » (participle with a subject and an object, no
    auxiliary, as the sentence's root: 44 flags at 0.77).  Only words that end as an infinitive or a
    participle do (the tagger calls « réchauffe », « arbore » either): 31 flags at 0.81 and 23 at 0.83.
    """
    if verb.pos_ != "VERB" or verb.i == 0:
        return
    children = list(verb.children)
    if any(child.dep_.startswith(("aux", "cop")) for child in children):
        return
    form = feature(verb, "VerbForm")
    lower = lower_form(verb)
    if not lower.endswith(INFINITIVE_ENDINGS if form == "Inf" else PARTICIPLE_ENDINGS):
        return
    subject = any(child.dep_ == "nsubj" and child.i < verb.i and child.pos_ in {"NOUN", "PROPN"}
                  for child in children) if form == "Inf" else \
        any(child.dep_ == "nsubj" and child.i < verb.i for child in children)
    if not subject:
        return
    if form == "Inf":
        previous = verb.doc[verb.i - 1]
        if previous.pos_ == "ADP" or any(child.dep_ in {"mark", "case"} for child in children) \
                or previous.text in {"«", "(", '"', "“", ":"} or not is_infinitive(lower) or _listed_infinitive(verb):
            # « le greffon « Trier » », « (avoir la tête d'un chien) »: a word quoted or set apart; « Un bon
            # conseil : utiliser … »: an instruction after a label (KDE's help; none on the tuning split);
            # « s'effondre »: a present the tagger called an infinitive
            return
        if _after_causative(verb) or (verb.dep_ == "conj" and feature(verb.head, "VerbForm") == "Inf"):
            return  # « se fait sentir », « fait apparaître »; « allons aborder … et vous proposer »
        yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
                   f"« {verb.text} » is an infinitive with a subject: the verb should be conjugated", (), 0.85,
                   precedence=0.65)  # 26 shown at 0.85 at stop 49, ranked at the 0.65 it had
    elif form == "Part" and feature(verb, "Tense") == "Past" and verb.dep_ == "ROOT" \
            and not lower.endswith(PRESENT_TOO) and any(child.dep_ == "obj" and child.i > verb.i for child in children):
        # not « Ce livre décrit la notation », « ce style produit une portée »: a present as much as a participle
        yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
                   f"« {verb.text} » is a past participle without its auxiliary: the sentence has no "
                   "conjugated verb (« a … », « est … »)", (), 0.8)


def _after_causative(verb: Any) -> bool:
    """« fait apparaître », « se fait sentir », « les laisse sécher »: an infinitive after « faire » and the like."""
    before = verb.i - 1
    while before > 0 and lower_form(verb.doc[before]) in BETWEEN_CAUSATIVE:
        before -= 1
    word = verb.doc[before]
    # « Fait défiler la liste »: a program's help line opening on the verb, which the tagger reads as the noun
    # « fait » (LibreOffice's messages, stop 51)
    return word.lemma_ in CAUSATIVES or not CAUSATIVES.isdisjoint(verb_lemmas(lower_form(word)))


# the clauses whose verb a participle with a subject of its own but no auxiliary stands for (« quand les
# fabricants … étendu la fabrication », « aucun perçage ne requis », « qu'il garanti durerait »)
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl:relcl", "conj"})
# after these the participle is an adjective of the noun before it, whose own verb follows (« les lames
# dentelées ne doivent », « le casque approuvé s'ajuste »)
VERB_NEXT = frozenset({"ne", "n'", "se", "s'"})
COORDINATORS = frozenset({"et", "ou", "mais"})
SUPERLATIVE = frozenset({"plus", "moins", "mieux"})
# participles that are also present forms (« il fait », « il construit », « vous faites », « je finis »), and
# presents the tagger reads as participles (« la formule nettoie », « appuie »)
PRESENT_TOO = ("it", "ites", "oie", "uie", "aie")


def _participle(verb: Any) -> bool:
    """A past participle standing alone: no auxiliary or copula of its own.

    Not the present of a verb in -er the tagger took for one (« Si l'authentification échoue »: Firefox's messages).
    """
    lower = lower_form(verb)
    return verb.pos_ == "VERB" and _past_participle(verb) \
        and verb.is_alpha and verb.is_lower and lower.endswith(PARTICIPLE_ENDINGS) \
        and not (lower.endswith("e") and f"{lower}r" in verb_infinitives()) \
        and not any(child.dep_.startswith(("aux", "cop")) for child in verb.children) \
        and not _auxiliary_before(verb)


def _past_participle(word: Any) -> bool:
    return feature(word, "VerbForm") == "Part" and feature(word, "Tense") == "Past"


def _auxiliary_before(verb: Any) -> bool:
    """A form of « être » or « avoir » at most three words before, no punctuation between, which the parser
    hung elsewhere: a subjunctive (« soit venu », « j'en aie fini ») or one an adverbial separates (« est de
    nouveau apparue »)."""
    for word in reversed(verb.doc[max(verb.sent.start, verb.i - 3):verb.i]):
        if word.is_punct:
            return False
        if {"être", "avoir"} & verb_lemmas(lower_form(word)):
            return True
    return False


def _participle_before(verb: Any, head: Any) -> bool:
    """« l'image est insérée au-dessus du paragraphe dans lequel vous avez cliqué, et centrée »: a participle with
    the same ending before the verb the parser took for the partner is the one coordinated (LibreOffice's help).

    One before that verb only: on WMT20 QE en-fr (tuning split) one between them cost a right flag (« qui peut
    être transporté … et ajouté »).
    """
    ending = lower_form(verb)[-2:]
    return any(_past_participle(word) and lower_form(word)[-2:] == ending for word in verb.doc[verb.sent.start:head.i])


def _absolute(subject: Any, verb: Any) -> bool:
    """« Une fois ceux-ci vaincus, elles … »: a participle clause after « une fois », which needs no auxiliary; so
    is one that opens the sentence and closes on its comma (« Le choix de Linux entériné, il fallait … »: the Debian
    Administrator's Handbook, where the parser also hangs « une fois » on the subject)."""
    doc, start = subject.doc, min(word.i for word in subject.subtree)
    clause = min(word.i for word in verb.subtree)  # « Une fois tout ceci terminé, »: « tout » between (KDE's help)
    if ["une", "fois"] in ([lower_form(word) for word in doc[start:start + 2]],
                           [lower_form(word) for word in doc[max(0, start - 2):start]],
                           [lower_form(word) for word in doc[clause:clause + 2]]):
        return True
    return bool(verb.dep_ == "advcl" and start == verb.sent.start and verb.i + 1 < len(doc)
                and doc[verb.i + 1].text == ",")


# a stressed pronoun that opens an apposition (« un animal, lui-même associé à une étoile »: Stellarium's sky
# cultures), which needs no verb
EMPHATIC = frozenset("lui-même elle-même eux-mêmes elles-mêmes".split())


def participle_without_auxiliary(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« quand les fabricants MacRae … étendu la fabrication », « pèse 3,2 onces et assorti d'une garantie »: the
    past participle of an English simple past ("extended", "comes with") standing as a clause's verb.

    Two shapes, beside the sentence's own root that :func:`unconjugated_verb` reads.  A participle with a
    subject before it heading a subordinate, relative or coordinated clause: measured on WMT20 QE en-fr
    (tuning split), 27 flags at 0.81 once a verb, « ne » or « se » right after it is left out (there the
    participle is an adjective and the subject's verb follows), 22 at 0.86 once the forms that are also
    present tenses are left out (« il fait », « vous faites ») and one before « le plus » (« le noyau
    installé le plus récent », in the correct French set); at the root with no object, 29 flags at 0.62
    (« Ces troncs, maintenant connus comme… »), left out.  A participle coordinated by « et », « ou », « mais »
    with a conjugated verb that has no auxiliary (« pèse … et assorti »; after an adjective it is one, « serré
    et sécurisé »): 15 flags at 0.87.  An auxiliary the parser hung elsewhere (:func:`_auxiliary_before`: a
    subjunctive, « soit venu », « j'en aie fini », found in narrative French): no flag of the tuning split lost.
    """
    if not _participle(verb) or verb.i < 2:
        return
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.pos_ == "DET" and verb.i + 2 < len(verb.doc) \
            and lower_form(verb.doc[verb.i + 2]) in SUPERLATIVE:
        return  # « le noyau installé le plus récent »: an adjective
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.i < verb.i), None)
    lower = lower_form(verb)
    present = lower.endswith(PRESENT_TOO) or (subject is not None and subject.pos_ == "PRON" and lower.endswith("is"))
    if verb.dep_ in CLAUSE_DEPS and subject is not None and not present and not _absolute(subject, verb) \
            and lower_form(subject) not in {"ceux", "celles", "celui", "celle"} | EMPHATIC \
            and not (following is not None and (following.pos_ in {"VERB", "AUX"}
                                                or lower_form(following) in VERB_NEXT)):
        yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
                   f"« {verb.text} » is a past participle without its auxiliary, though it has a subject: the "
                   "clause needs a conjugated verb (« a … », « est … »)", (), 0.8)
        return
    head, conjunction = verb.head, verb.doc[verb.i - 1]
    if verb.dep_ != "conj" or head.i > verb.i or head.pos_ != "VERB" or feature(head, "VerbForm") != "Fin" \
            or any(child.dep_.startswith(("aux", "cop")) for child in head.children):
        return
    before = verb.doc[conjunction.i - 1]
    if conjunction.head.i != verb.i or lower_form(conjunction) not in COORDINATORS or before.pos_ == "ADJ" \
            or _participle(before) or (_imperative(head) and lower.endswith(("tes", "is"))) \
            or _participle_before(verb, head) or _past_participle(before) \
            or (lower.endswith(PRESENT_TOO) and following is not None and following.pos_ == "DET"):
        # « les orcs déjà meurtris et ensanglantés »: two participles of one noun; « Laissez vos excuses et refaites
        # tout », « Regarde les nombres et choisis le bon signe »: an imperative, whose « -tes », « -is » look like a
        # participle.  « peut être personnalisé et
        # étendu »: a participle with its auxiliary right before; « Il assemble les lectures et construit la
        # séquence »: a present too, with its object (Debian's package descriptions)
        return
    yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {verb.text} » is a past participle coordinated with the conjugated « {head.text} »: it needs "
               f"its auxiliary, or the verb conjugated like « {head.text} »", (), 0.8)


def _imperative(verb: Any) -> bool:
    """An imperative: so tagged, or a verb opening its sentence with no subject (« Regarde les nombres et … »:
    GCompris's activities, where the tagger calls it an indicative)."""
    return feature(verb, "Mood") == "Imp" or (
        verb.i == verb.sent.start and not any(child.dep_.startswith("nsubj") for child in verb.children))
