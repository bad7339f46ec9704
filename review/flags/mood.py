"""Mood after a conjunction that governs it, and the verb form an auxiliary or a modal governs.

The subjunctive after « bien que », « pour que »…, the indicative after « après que »; the participle
after être and avoir (« sera dégonflé », not « sera dégonfler »), the infinitive after pouvoir,
devoir, vouloir, savoir.  Called by the grammar detector token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.nlp import (
    INFINITIVE_ENDINGS,
    LEQUEL,
    MODALS,
    FlagMaker,
    adjective_lemmas,
    apostrophe,
    feature,
    is_infinitive,
    lower_form,
    noun_lemmas,
    open_negation,
    verb_lemmas,
)
from review.model import Category, Flag, Severity

# conjunctions whose clause is in the subjunctive, and « après que », whose clause is not
SUBJUNCTIVE_AFTER = frozenset({"bien que", "quoique", "avant que", "pour que", "afin que", "sans que", "à moins que",
                               "jusqu'à ce que", "pourvu que", "de peur que", "de crainte que"})

INDICATIVE_AFTER = frozenset({"après que"})

# every present subjunctive ends so, but for être and avoir (and « ayons », « soyez »…, listed below)
SUBJUNCTIVE_ENDINGS = ("e", "es", "ent", "ions", "iez")

# subjunctives that cannot be read as indicatives
SUBJUNCTIVE_FORMS = frozenset(
    "sois soit soyons soyez soient aie aies ait ayons ayez aient puisse puisses puissent fasse fasses fassent "
    "aille ailles aillent sache saches sachent veuille veuillent".split())


# indicatives of être, avoir, aller, faire, pouvoir, savoir, vouloir that the subjunctive endings would excuse
# (« jusqu'à ce que vous êtes prêt »): their subjunctives are « soyez », « puissent »…
INDICATIVE_FORMS = frozenset(
    "es êtes sommes sont avez avons ont peuvent savent font vont veulent faites allez allons pouvez savez voulez "
    "pouvons savons voulons faisons".split())


def _conjunction(head: Any) -> str | None:
    """The conjunction ending in « que » that introduces ``head``'s clause (« bien que »), if it governs a mood."""
    que = next((child for child in head.children
                if child.dep_ == "mark" and child.i < head.i and lower_form(child) in {"que", "qu'"}), None)
    if que is None:
        return None
    start = head.doc[max(que.i - 3, head.sent.start)].idx
    text = " ".join(apostrophe(head.doc.text[start:que.idx + len(que.text)]).lower().split())
    text = text.replace("' ", "'")
    if text.endswith("qu'"):  # only the last « qu' » is « que » (« jusqu'à ce qu' » must keep its « jusqu' »)
        text = text[:-3] + "que"
    found = next((phrase for phrase in SUBJUNCTIVE_AFTER | INDICATIVE_AFTER
                  if text == phrase or text.endswith(" " + phrase)), None)
    before = que.i - 2
    while before > head.sent.start and head.doc[before].pos_ == "ADV":
        before -= 1  # « savent très bien qu'ils »
    if found == "bien que" and before >= 0 and head.doc[before].pos_ in {"VERB", "AUX"}:
        return None  # « tout le monde sait bien que … », « Notez bien que … »: « bien » is the verb's adverb
    return found


def mood(head: Any, make: FlagMaker) -> Iterator[Flag]:
    """« bien qu'il est », « pour que vous pouvez »: the mood a conjunction governs."""
    # « jusqu'à ce que vous êtes prêt »: the parser hangs the clause on « ce » as a relative
    if head.dep_ not in {"advcl", "ccomp", "csubj", "acl", "acl:relcl", "obl:mod"}:
        return
    conjunction = _conjunction(head)
    if conjunction is None:
        return
    finite = next((c for c in head.children if c.dep_.startswith(("aux", "cop")) and c.i < head.i
                   and feature(c, "VerbForm") == "Fin"), head)
    if feature(finite, "VerbForm") != "Fin" or not finite.is_alpha:
        return
    form = lower_form(finite)
    wants = "subjunctive" if conjunction in SUBJUNCTIVE_AFTER else "indicative"
    # the tagger's mood is a guess where forms coincide (« qu'il arrive »): read the ending instead
    if wants == "subjunctive" and form not in INDICATIVE_FORMS and (
            form.endswith(SUBJUNCTIVE_ENDINGS) or form in SUBJUNCTIVE_FORMS):
        return
    if wants == "indicative" and form not in SUBJUNCTIVE_FORMS:
        return
    # measured on WMT20 QE en-fr (tuning split): 6 flags at 0.50 (the other three are errors the
    # annotators left: « Bien que le faitout est lavable »); 18 at 0.78 once « jusqu'à ce que » and « êtes »
    # were read
    yield make(finite.idx, finite.idx + len(finite.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {conjunction} » takes the {wants}: « {finite.text} » is not", (), 0.75)


# what may stand between a modal and its infinitive: negation, clitics, adverbs
BETWEEN = frozenset({"PRON", "ADV", "PART"})


def after_modal(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« des pièces qui peuvent s'usent »: after pouvoir, devoir, vouloir the verb stays an infinitive."""
    if verb.dep_ != "xcomp" or verb.pos_ != "VERB" or verb.head.lemma_ not in MODALS or verb.i < verb.head.i \
            or feature(verb.head, "VerbForm") == "Part":
        return  # « le calibre voulu se choisit »: a participle that describes the subject (a manual; none on tuning)
    form = lower_form(verb)
    if not verb.is_alpha or not verb.is_lower or form.endswith(INFINITIVE_ENDINGS) or \
            feature(verb, "VerbForm") != "Fin" or not verb_lemmas(form):
        return
    if any(t.pos_ not in BETWEEN for t in verb.doc[verb.head.i + 1:verb.i]):
        return
    infinitives = sorted(verb_lemmas(form))
    # measured on WMT20 QE en-fr (tuning split), before ranking: 3 flags, all right
    yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"after « {verb.head.text} » the verb should be an infinitive, not « {verb.text} »",
               infinitives[:3], 0.6)


# subject pronouns that are never objects, and those (« vous », « nous ») that are subjects after these words
SUBJECT_PRONOUNS = frozenset("je j' tu il ils elle elles on".split())
CLAUSE_OPENERS = frozenset("que qu' si s' quand lorsque lorsqu' où comme car puisque puisqu' donc alors".split())
# what may stand between a subject pronoun and its verb: negation and object clitics
CLITICS = frozenset("ne n' pas se s' le la les l' y en lui leur me m' te t'".split())
# prepositions that open an infinitive clause (« que le monde a à offrir », « qui … pour aider »)
INFINITIVE_MARKS = frozenset("à de d' pour sans afin par".split())
# words that open a question an infinitive answers (« comment installer », « où aller »); « qui » and « que »
# before an infinitive are its subject or object far more often in MT (« des jambes qui dévisser »)
QUESTION_WORDS = frozenset("comment où quoi combien pourquoi quand lequel laquelle lesquels lesquelles".split())
# verbs that govern an infinitive: an infinitive coordinated with them shares their complement (« peut stocker
# et suspendre », « permet de renforcer … et brûler »)
INFINITIVE_GOVERNORS = MODALS | frozenset("permettre aimer adorer préférer offrir avoir aider laisser faire aller "
                                          "falloir désirer espérer souhaiter".split())


# a conjugated verb heading these is a clause's verb even where the parser hung its subject elsewhere
# (« Outils ouverte individuellement, s'enclenche et plier »); as an object or a complement it is a noun the
# tagger took for a verb (« la technologie cliquez et aller »)
CLAUSE_HEADS = frozenset({"ROOT", "conj", "parataxis", "acl", "acl:relcl", "advcl"})


def _infinitive(verb: Any) -> bool:
    # « les postes qu'il encadre »: a present the tagger called an infinitive (the Debian Administrator's Handbook)
    return verb.pos_ == "VERB" and feature(verb, "VerbForm") == "Inf" and verb.is_alpha and verb.is_lower \
        and is_infinitive(lower_form(verb))


def _subject_pronoun(verb: Any) -> Any | None:
    """The subject pronoun right before ``verb`` (clitics between), if it can only be its subject."""
    position = verb.i - 1
    while position > verb.sent.start and lower_form(verb.doc[position]) in CLITICS:
        position -= 1
    pronoun = verb.doc[position]
    lower = lower_form(pronoun)
    if lower in SUBJECT_PRONOUNS:
        # « devrais-tu essayer »: a subject set after its verb, whose infinitive follows
        return None if pronoun.idx > 0 and pronoun.doc.text[pronoun.idx - 1] == "-" else pronoun
    if lower not in {"vous", "nous"}:
        return None
    if pronoun.i == pronoun.sent.start:
        # « Vous servir est mon plaisir »: the infinitive and its object pronoun are the subject of « être »
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return None if following is not None and following.lemma_ == "être" else pronoun
    opener = pronoun.doc[pronoun.i - 1]
    inside = lower_form(opener) in {"alors", "donc"} and opener.i > 0 \
        and opener.doc[opener.i - 1].pos_ in {"VERB", "AUX"}
    if lower_form(opener) not in CLAUSE_OPENERS or _restriction(opener) or lower_form(opener) == "où" or inside:
        # « des terres où nous installer »: an infinitive relative, the pronoun its object; « nous devons alors nous
        # assurer »: an adverb inside the verb phrase, not a clause's opener
        return None
    return pronoun


def _restriction(word: Any) -> bool:
    """« ne fait que nous affaiblir », « n'avons d'autre choix que nous entraider »: ``word`` is the « que » that
    closes « ne … que », whose infinitive is no verb left unconjugated (the pronoun before it is its object)."""
    if lower_form(word) not in {"que", "qu'"}:
        return False
    return open_negation([lower_form(earlier) for earlier in word.doc[word.sent.start:word.i]])


def _finite_partner(verb: Any) -> Any | None:
    """The conjugated verb heading a clause that ``verb`` is coordinated with, unless it governs infinitives."""
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i or head.pos_ not in {"VERB", "AUX"} \
            or feature(head, "VerbForm") != "Fin" or feature(head, "Mood") != "Ind" \
            or head.lemma_ in INFINITIVE_GOVERNORS:
        return None
    if not (any(child.dep_.startswith("nsubj") for child in head.children) or head.dep_ in CLAUSE_HEADS) \
            or any(feature(child, "VerbForm") == "Inf" and child.dep_ != "conj" for child in head.children):
        return None
    between = verb.doc[head.i + 1:verb.i]
    earlier = verb.doc[verb.sent.start + 1:head.i]
    if any(word.pos_ == "VERB" and feature(word, "VerbForm") == "Inf" for word in between) \
            or any(feature(word, "VerbForm") == "Inf" and word.doc[word.i - 1].lemma_ in INFINITIVE_GOVERNORS
                   for word in earlier) \
            or lower_form(verb.doc[verb.i - 1]) in {"que", "qu'"}:
        # « les opérations pour créer des onglets, les fermer ou les détacher »: the last of a list of infinitives;
        # « il peut prendre toute décision qui … et déléguer »: the second infinitive of a modal (Debian's Handbook);
        # « et que relire la partition deviendra un cauchemar »: an infinitive opening a clause as its subject
        return None
    return head


def infinitive_as_finite(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« des jambes qui dévisser », « que vous travailler », « ne se séparent ou se détériorer »: an English
    verb kept in the infinitive where French conjugates it.

    Measured on WMT20 QE en-fr (tuning split): the verb of a relative clause (« qui » its subject, or no
    preposition before it), 17 flags at 0.94; right after a subject pronoun (« vous », « nous »
    only after « que », « si »…, where they cannot be objects), 9 flags at 0.78; coordinated with a
    conjugated indicative verb that has a subject (36 flags at 0.58), once the verbs that govern an
    infinitive are left out, before it or as its partner (« peut stocker et suspendre », « vous fait
    sentir »): 14 flags, all right; with a verb heading a clause whose subject the parser hung elsewhere
    (« Outils ouverte individuellement, s'enclenche et plier »): 19, all right.
    """
    if not _infinitive(verb) or verb.i == 0 or any(lower_form(child) in INFINITIVE_MARKS
                                                  for child in verb.children if child.dep_ in {"mark", "case"}):
        return
    children = list(verb.children)
    before = verb.doc[verb.i - 1]
    while before.i > verb.sent.start and lower_form(before) in CLITICS:
        before = before.doc[before.i - 1]
    opener = before.doc[before.i - 1] if lower_form(before) in {"nous", "vous"} and before.i > verb.sent.start \
        else before
    if lower_form(before) in QUESTION_WORDS or _restriction(opener) or before.lemma_ in INFINITIVE_GOVERNORS:
        # « comment installer », « voir plus bas comment le faire »: a question (two in correct French);
        # « ne fait que nous affaiblir »: a restriction; « qui fait disparaître »: a causative (Cataclysm's items)
        return
    relative = any(child.dep_.startswith("nsubj") and lower_form(child) == "qui" and child.i < verb.i
                   for child in children) or (verb.dep_ == "acl:relcl" and not any(
                       child.dep_.startswith("nsubj") and child.pos_ in {"NOUN", "PROPN"} for child in children)
                       and not _infinitive_relative(verb) and before.lemma_ not in INFINITIVE_GOVERNORS)
    pronoun = None if relative else _subject_pronoun(verb)
    partner = None if relative or pronoun is not None or before.lemma_ in INFINITIVE_GOVERNORS \
        else _finite_partner(verb)  # « le trajet vous fait sentir »: the infinitive of « faire »
    if not relative and pronoun is None and partner is None:
        return
    start = pronoun.idx if pronoun is not None else verb.idx
    where = f"after « {pronoun.text} »" if pronoun is not None else \
        f"beside the conjugated « {partner.text} »" if partner is not None else "in a relative clause"
    yield make(start, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {verb.text} » is an infinitive {where}: the verb should be conjugated", (), 0.8)


# the relative words an infinitive may follow (« un endroit où dormir », « le profil à partir duquel se baser »)
INFINITIVE_RELATIVES = frozenset({"où", "quoi"}) | LEQUEL


def _infinitive_relative(verb: Any) -> bool:
    """« des terres où nous installer », « à partir duquel se baser »: French makes a relative clause of an infinitive
    after « où » or a preposition and « lequel », « quoi » (found in Wesnoth's campaigns and GNOME's help)."""
    return any(lower_form(child) in INFINITIVE_RELATIVES for child in verb.children if child.i < verb.i)


def infinitive_after_auxiliary(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« ne sera pas dégonfler », « a acheter »: an infinitive in -er where the participle in -é belongs."""
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Inf" or not lower_form(verb).endswith("er"):
        return
    auxiliary = next((c for c in verb.children if c.dep_ in {"aux:tense", "aux:pass"} and c.lemma_ in {"être", "avoir"}
                      and c.i < verb.i), None)
    if auxiliary is None or any(t.pos_ not in BETWEEN for t in verb.doc[auxiliary.i + 1:verb.i]):
        return
    if lower_form(auxiliary) == "soit" and (sum(lower_form(word) == "soit" for word in verb.sent) > 1 or (
            auxiliary.i > 0 and verb.doc[auxiliary.i - 1].pos_ in {"VERB", "AUX"})):
        return  # « vous pouvez soit rechercher …, soit … », « … soit cliquer … ou »: the conjunction (help texts)
    # measured on WMT20 QE en-fr (tuning split), before ranking: 24 flags at 0.96
    yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"after « {auxiliary.text} » the verb should be a past participle, not the infinitive "
               f"« {verb.text} »", [verb.text[:-2] + "é"], 0.9)


# the finite forms of être and avoir that stand before a participle (« sont situés », « a créé »)
AUXILIARY_FORMS = frozenset("suis es est sommes êtes sont était étaient sera seront ai as a avons avez ont avait "
                            "avaient aura auront".split())
# present endings no participle, infinitive or adjective has (« situent », « distinguons », « vient »)
PRESENT_ENDINGS = ("ent", "ons", "ez")


def conjugated_after_auxiliary(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« sont situent », « sont distinguent », « a vient »: a conjugated verb right after être or avoir, where the
    participle belongs (or the auxiliary has no business).

    Measured on WMT20 QE en-fr (tuning split): 7 flags at 0.86; the one wrong (« qui est excellent ») is an
    adjective, and forms the lemmatizer also lists as adjectives or nouns are left out: 5 flags, all right.
    """
    form = lower_form(verb)
    if not form.endswith(PRESENT_ENDINGS) or form.endswith("ment") or verb.i == 0:
        return
    auxiliary = verb.doc[verb.i - 1]
    if lower_form(auxiliary) not in AUXILIARY_FORMS or not verb.is_alpha or not verb.is_lower:
        return
    if not verb_lemmas(form) or form in adjective_lemmas() or form in noun_lemmas() \
            or verb.lemma_ in adjective_lemmas():
        return  # « est excellent », « sont présents »
    infinitives = sorted(verb_lemmas(form))
    yield make(auxiliary.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {verb.text} » is conjugated, so « {auxiliary.text} » before it has no verb to help: keep one "
               f"conjugated verb (« {infinitives[0]} » conjugated, or « {auxiliary.text} » and its participle)",
               (), 0.8)
