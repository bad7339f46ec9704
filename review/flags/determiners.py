"""Determiners English→French MT leaves out of a noun phrase.

English shares one article across a list (« the speed, distance and time ») and
opens a phrase on its adjectives (« Other features include… »); French repeats
the article before each noun whose gender or number differs from the first
(« la vitesse, la distance et le temps ») and opens the phrase on its article
(« D'autres caractéristiques »).  A missing determiner is a gap, which the
annotators of real MT mark before the phrase's first word, an adjective as often
as the noun: :func:`phrase_start` finds that word so a flag covers the gap.  English also leaves a subject
bare inside a sentence (« …, accidents peuvent arriver ») and an object bare after its verb (« maintient
cartouches solidement »), where French needs the article it gives them everywhere.
Rules of the grammar detector; each rule's precision, measured on
professionally annotated MT (WMT20 QE en-fr, tuning split), is written next to
it and sets its confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from review.flags.nlp import (
    ON_NOUN,
    FlagMaker,
    RuleTable,
    can_be_verb,
    feature,
    infinitive_of,
    is_finite,
    lexicon_words,
    lower_form,
    noun_lemmas,
    verb_infinitives,
    verb_lemmas,
)
from review.model import Category, Flag, Severity

DETERMINER_DEPS = frozenset({"det", "nummod", "nmod:poss"})
# the gender and number an article or demonstrative shows by its form (None: it shows neither)
ARTICLES: dict[str, tuple[str | None, str]] = {
    "le": ("Masc", "Sing"), "la": ("Fem", "Sing"), "l'": (None, "Sing"), "les": (None, "Plur"),
    "un": ("Masc", "Sing"), "une": ("Fem", "Sing"), "des": (None, "Plur"), "du": ("Masc", "Sing"),
    "au": ("Masc", "Sing"), "aux": (None, "Plur"),
    "ce": ("Masc", "Sing"), "cet": ("Masc", "Sing"), "cette": ("Fem", "Sing"), "ces": (None, "Plur"),
}
LIST_MARKS = frozenset({",", "et", "ou"})
# adjectives that stand for a determiner before a plural noun (« divers outils », « différents modèles »)
DETERMINING = frozenset("différents différentes divers diverses plusieurs certains certaines quelques maints maintes "
                        "aucun aucune nul nulle chaque tel telle tels telles".split())
# « tel » before its noun is a determiner (« si tel module pose des problèmes à tel matériel », « pour tel ou tel
# produit »: Debian's installation guide, 3 sentences of 584; on the tuning split no flag holds it)
# nouns that count what follows « de » as a determiner does (« bon nombre d'exceptions », « nombre de logiciels »)
QUANTITIES = frozenset("nombre plupart quantité multitude majorité minorité foule tas peu beaucoup énormément "
                       "tellement trop assez".split())
# nouns that with « à » or « de » make a preposition (« grâce à », « face à », « faute de », « suite à », « autour de »)
NOUN_PREPOSITIONS = frozenset("grâce face faute quant histoire suite autour".split())
# the prepositions that close them (« grâce à », « grâce aux », « faute de », « faute du »)
NOUN_PREPOSITION_LINKS = frozenset("à au aux de d' du des".split())


def step_by_step(word: Any, links: frozenset[str] = frozenset({"par"})) -> bool:
    """« étape » of « étape par étape »: a noun repeated after « par » (or another of ``links``)."""
    doc = word.doc
    return word.i + 2 < len(doc) and lower_form(doc[word.i + 1]) in links \
        and lower_form(doc[word.i + 2]) == lower_form(word)


REPEATING_LINKS = frozenset({"par", "à"})


def noun_preposition(word: Any) -> bool:
    """« grâce » of « grâce à », « grâce aux »; « face » of « face à »: a noun opening a locution of a preposition.

    Or of an adverbial locution, the noun repeated after « par »: « étape par étape », « colonne par colonne »
    (LibreOffice's and GNOME's help; on WMT20 QE en-fr, tuning split, 1 wrong flag fewer), or after « à »: « une
    architecture pair à pair » (Debian's package descriptions; for the rule of an adjective set first, « clarté
    complète bord à bord » keeps its right flag).
    """
    doc = word.doc
    if step_by_step(word, REPEATING_LINKS):
        return True
    return lower_form(word) in NOUN_PREPOSITIONS and word.i + 1 < len(doc) \
        and lower_form(doc[word.i + 1]) in NOUN_PREPOSITION_LINKS


# a list with this many nouns without an article after the first is written as labels: 24 flags at 0.62
LIST_STYLE = 3
# verbs and bare objects French sets phrases with (« garder trace de », « garder contact avec »)
BARE_OBJECT_IDIOMS = frozenset({("main", "levée"), ("demander", "confirmation"),
                                ("garder", "trace"), ("garder", "contact"), ("garder", "espoir"),
                                ("garder", "confiance"), ("garder", "patience"), ("tirer", "profit"),
                                ("tirer", "parti"), ("tirer", "bénéfice"), ("prendre", "part"), ("rendre", "compte"),
                                ("faire", "partie"), ("avoir", "tendance"), ("rebrousser", "chemin"),
                                ("prendre", "possession"), ("reprendre", "possession"), ("tenir", "conseil"),
                                ("réclamer", "vengeance"), ("crier", "vengeance"), ("tirer", "avantage"),
                                ("souhaiter", "chance"), ("poser", "problème"), ("tenir", "compagnie"),
                                ("si", "besoin"), ("et", "vice"), ("ou", "vice"), ("prendre", "soin"),
                                ("accuser", "réception")})
# (« si besoin est », « et vice versa »: Debian's package descriptions; « prend grand soin de », « accuser réception
# de »: the same, stop 59)
# pronouns and interjections the tagger reads as nouns (« chacun pour soi », « Merci, je pense … »)
STRESSED_PRONOUNS = frozenset("soi moi toi lui eux".split())
INTERJECTIONS = frozenset("merci bravo adieu bienvenue félicitations pitié halte courage attention dommage".split())
# indefinite phrases made of a word and a bare noun (« autre chose », « quelque part », « nulle part »)
INDEFINITE_PHRASES = frozenset({("autre", "chose"), ("quelque", "chose"), ("grand", "chose"), ("quelque", "part"),
                                ("nulle", "part"), ("autre", "part")})
# the endings a plural noun may have; a noun without them is singular whatever the tagger says
PLURAL_ENDINGS = ("s", "x", "z")
# the conjunctions after which a manual page names an argument bare (« Si commande est une commande composée »)
PLACEHOLDER_OPENERS = frozenset({"si", "lorsque", "où"})
# what opens a clause inside a sentence: a subject right after one needs its determiner as at a sentence's start
CLAUSE_OPENERS = frozenset({",", ";", "et", "ou", "mais", "donc", "car", "que", "qu'", "quand", "lorsque", "si",
                            "où", "puisque", "comme"})
INNER_SUBJECT_CONFIDENCE = 0.8  # 62 flags at 0.90 on the tuning split
# prepositions after which French names a definite set of things with an article (« avec des graduations de 1 degré »)
ARTICLE_PREPOSITIONS = frozenset("avec dans sur sous contre comme entre vers chez parmi selon".split())
COMPLEMENTED_CONFIDENCE = 0.8  # 20 flags at 1.00 on the tuning split
# verbs whose bare word after them is an attribute (« devenir champion », « venir standard ») or an infinitive the
# tagger took for a noun (« peut bouillir une pinte »: 3 flags, all wrong)
# verbs whose bare noun after them is the title they confer (« se proclama reine », « fut élu maire »)
TITLE_VERBS = frozenset("proclamer nommer élire sacrer couronner".split())
ATTRIBUTE_VERBS = TITLE_VERBS | frozenset("être devenir rester sembler paraître demeurer appeler rendre considérer "
                            "juger trouver faire avoir dire voir venir pouvoir devoir vouloir savoir aller "
                            "falloir avérer".split())
# (« il s'avère pratique »: an attribute after « s'avérer », Debian's package descriptions, stop 55: 2 flags; no flag
# of the tuning split follows it)
OBJECT_AS_ATTRIBUTE_CONFIDENCE = 0.8  # 21 flags at 1.00 on the tuning split
# the endings of a past participle: « Conçu pour », « Fabriqué en » open a segment as its subject's attribute
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "u", "ue", "us", "ues")
# what a sentence's opening noun may be tagged when the tagger reads its capital as a name's
NAME_TAGS = frozenset({"NOUN", "PROPN", "X"})
OPENING_NAME_CONFIDENCE = 0.8  # 52 flags at 0.90 on the tuning split
# the relations by which the parser hangs a subjectless verb on a bare noun it made the root (« Système d'évacuation
# crée un vortex »: acl; « Dômes et tentes sont classés »: the passive auxiliary)
VERB_ON_ROOT = frozenset({"acl", "acl:relcl", "aux:pass"})
# the demonstrative pronouns, which the tagger may take for nouns opening a sentence
DEMONSTRATIVES = frozenset({"celui", "celle", "ceux", "celles"})
RELATIVES = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"})
ROOT_SUBJECT_CONFIDENCE = 0.8  # 21 flags at 0.86 on the tuning split


def phrase_start(noun: Any) -> Any:
    """The first word of ``noun``'s phrase: the adjectives before it and their adverbs (« Autres », « très grande »).

    A word the tagger calls a noun but the parser hangs on ``noun`` as an adjective (« une large gamme »)
    counts as one.  The search stops at the sentence's start, so a phrase that opens a sentence starts
    where the sentence does.
    """
    doc = noun.doc
    members = {noun.i}
    start = noun
    sentence_start = noun.sent.start  # a Span built anew on each call: once, not once a word
    while start.i > sentence_start:
        previous = doc[start.i - 1]
        if not previous.is_alpha or previous.head.i not in members:
            break
        if previous.pos_ == "ADJ" or previous.dep_ == "amod" or (previous.pos_ == "ADV" and previous.head.i != noun.i):
            members.add(previous.i)
            start = previous
            continue
        break
    return start


def has_determiner(noun: Any) -> bool:
    return any(child.dep_ in DETERMINER_DEPS for child in noun.children)


def determined(noun: Any, start: Any) -> bool:
    """``noun`` has a determiner, or an adjective of its phrase serves as one (« divers outils »), or it heads
    a phrase French sets without one: a quantity (« bon nombre de », « nombre de logiciels »), a preposition made
    of a noun (« grâce à », « face à ») or a word repeated (« note par note »)."""
    if has_determiner(noun) or any(lower_form(word) in DETERMINING for word in noun.doc[start.i:noun.i]) \
            or _needs_none(noun, start):
        return True
    doc, lower = noun.doc, lower_form(noun)
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is None:
        return False
    after = lower_form(following)
    if (lower in QUANTITIES and after in {"de", "d'", "des"}) or noun_preposition(noun):  # « nombre des traditions »
        return True
    return noun.i + 2 < len(doc) and lower_form(doc[noun.i + 2]) == lower and after in {"par", "à", "après"}


def _needs_none(noun: Any, start: Any) -> bool:
    """A noun French sets bare: the pronoun « personne » (« personne ne sait »), « autre chose », « quelque part »,
    nouns after « ni » (« ni troupeau ni … »), the title a verb confers (« se proclama reine »), the adverb
    « ensemble » after its verb (« vivre ensemble »), and words the tagger took for nouns: a stressed pronoun
    (« chacun pour soi »), an interjection (« Merci, … ») and an imperative opening the sentence (« Honorez … »)."""
    doc, lower = noun.doc, lower_form(noun)
    before = lower_form(doc[start.i - 1]) if start.i > 0 else ""
    if noun.i > 0 and (lower_form(doc[noun.i - 1]), lower) in INDEFINITE_PHRASES:
        return True
    if lower == "personne":
        return noun.i + 1 < len(doc) and lower_form(doc[noun.i + 1]) in {"ne", "n'"}
    if lower == "ensemble":
        return start.i > 0 and doc[start.i - 1].pos_ in {"VERB", "AUX"}
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if lower in STRESSED_PRONOUNS or (lower in INTERJECTIONS and (following is None or following.is_punct)):
        return True  # « chacun pour soi », « Merci, je pense … »
    if lower.endswith(("ez", "ons")) and noun.i == noun.sent.start and can_be_verb(lower) \
            and {lower, lower.removesuffix("s")}.isdisjoint(noun_lemmas()):
        return True  # « Honorez ceux qui sont morts »: an imperative the tagger read as a noun
    return before == "ni" or (noun.head.lemma_ in TITLE_VERBS and noun.head.i < noun.i)


def nobody(noun: Any) -> bool:
    """« personne » with no article is the pronoun "nobody" when its sentence has « ne » (« Il ne laissera personne
    entrer », « personne d'autre ne l'a vu ») or « sans » before it (« sans déranger personne »).  The noun always
    has its article (« une personne »).  Correct French of games and manuals: 5 flags; none on the tuning split."""
    if lower_form(noun) != "personne":
        return False
    sentence = noun.doc[noun.sent.start:noun.sent.end]
    return any(lower_form(word) in {"ne", "n'"} for word in sentence) \
        or any(lower_form(word) == "sans" for word in noun.doc[noun.sent.start:noun.i])


def bare_inner_subject(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« …, accidents peuvent toujours arriver », « donc plats n'ont pas besoin »: a clause inside the sentence
    opens on its subject with no determiner.

    English leaves a plural or mass subject bare after a comma or a conjunction; French gives it an article
    there as at a sentence's start.  The subject is a common noun in lower case (« ; Coupe de taille… »,
    « , CAP Barbell » are labels and names: 13 flags at 0.62, left out), before its conjugated verb.  A noun
    after « et » or « ou » right after another noun shares that noun's article (« Des contributeurs et
    utilisateurs sont présents », correct French).  Measured on WMT20 QE en-fr (tuning split): 62 flags at
    0.90, none on an error-free segment; 65 errors no other grammar rule found, 38 of them omitted
    determiners.  On correct French it flags a program named by a common noun (« aptitude oubliera »).
    """
    if noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubj:pass"} or not noun.is_alpha or not noun.is_lower \
            or lower_form(noun) in {"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"} or nobody(noun):
        return  # « lorsque tu en auras assez vu »: a pronoun the tagger took for a noun (Widelands' scenarios)
    if noun.head.i < noun.i or not is_finite(noun.head):
        return
    start = phrase_start(noun)
    if start.i in {0, noun.sent.start} or not start.is_lower or determined(noun, start):
        return
    opener = noun.doc[start.i - 1]
    if lower_form(opener) not in CLAUSE_OPENERS or (lower_form(opener), lower_form(noun)) in BARE_OBJECT_IDIOMS:
        return  # « si besoin est », a locution (Debian's package descriptions)
    if lower_form(opener) in {"et", "ou"} and opener.i > 0 and noun.doc[opener.i - 1].pos_ == "NOUN":
        return  # « Des contributeurs et utilisateurs sont présents »: the second noun shares the first one's article
    if lower_form(opener) in PLACEHOLDER_OPENERS and start.i == noun.i and not lower_form(noun).endswith(("s", "x")):
        # « Si commande est une commande composée », « Lorsque cible est un périphérique », « où mot ne se développe
        # pas »: a manual page names the argument of its synopsis by its word (the manual pages, read blocks, stop 59:
        # 6 flags); on the tuning split this rule's flags after these words are none (« quand matin roule » keeps its)
        return
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » is the subject of « {noun.head.text} » without a determiner: French needs « le », "
               "« la », « les », « un »… here", (), INNER_SUBJECT_CONFIDENCE)


def _role(preposition: Any, noun: Any) -> bool:
    """« utilisés comme séparateurs de date », « pris comme éléments de reconnaissance »: « comme » giving a role,
    after a participle or an adjective (after a verb it compares, « sonnent comme jetons de casino », and after a
    noun it lists, « présentant … dans les années comme panneaux de »: both keep their flags); and « sous forme(s)
    de », a locution (Debian's package descriptions and LibreOffice's help: 8 sentences)."""
    lower = lower_form(preposition)
    if lower == "sous":
        return lower_form(noun) in {"forme", "formes"}
    before = noun.doc[preposition.i - 1] if preposition.i > 0 else None
    return lower == "comme" and before is not None \
        and (before.pos_ == "ADJ" or feature(before, "VerbForm") == "Part")


def bare_plural_with_complement(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« avec graduations de 1 degré », « comme ingrédients de base »: a bare plural after a preposition, with
    its own complement in « de ».

    English says "with graduations of 1 degree"; French gives the noun an article once a complement says
    which ones (« avec des graduations de 1 degré »).  Without the complement, a bare plural after « avec »
    is often French (« avec rainures », a label's shorthand: 31 flags at 0.61) and is left alone, as is a
    singular (« avec possibilité de »: 37 flags at 0.59).  Measured on WMT20 QE en-fr (tuning split): 20 flags
    at 1.00, none on an error-free segment.
    """
    if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower or noun.i + 1 >= len(noun.doc):
        return
    if not lower_form(noun).endswith(PLURAL_ENDINGS) or feature(noun, "Number") != "Plur":
        return
    start = phrase_start(noun)
    if start.i <= noun.sent.start or determined(noun, start):
        return
    preposition = noun.doc[start.i - 1]
    if preposition.pos_ != "ADP" or lower_form(preposition) not in ARTICLE_PREPOSITIONS - {"entre", "vers"}:
        return  # « le partage de fichiers entre espaces de travail »: no flag of the tuning split after these two
    if lower_form(noun.doc[noun.i + 1]) not in {"de", "d'"} or _role(preposition, noun):
        return
    phrase = noun.doc.text[preposition.idx:noun.idx + len(noun.text)]
    yield make(preposition.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » has no determiner though « {noun.doc[noun.i + 1].text} … » says which ones: French "
               f"needs « {preposition.text} les … », « {preposition.text} des … » here", (), COMPLEMENTED_CONFIDENCE)


def bare_object_as_attribute(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« maintient cartouches solidement », « Comprend étui en cuir »: a bare object right after its verb, which
    the parser, seeing no determiner, reads as the verb's attribute (``xcomp``).

    :func:`review.flags.structure.bare_noun` sees only what the parser calls an object.  A pair of nouns
    (« offre stabilité et sécurité ») is an enumeration French may write bare (10 flags at 0.40, left out),
    as after a verb that takes an attribute (« devenir champion ») or an infinitive.  Measured on WMT20 QE
    en-fr (tuning split): 21 flags at 1.00, none on an error-free segment.
    """
    if noun.pos_ != "NOUN" or noun.dep_ != "xcomp" or not noun.is_alpha or not noun.is_lower:
        return
    verb = noun.head
    if verb.pos_ != "VERB" or verb.i != noun.i - 1 or verb.i == noun.sent.start or not is_finite(verb):
        return
    if verb.lemma_ in ATTRIBUTE_VERBS or any(child.dep_ in DETERMINER_DEPS | {"case"} for child in noun.children) \
            or lower_form(noun) == "ensemble" or (infinitive_of(verb), lower_form(noun)) in BARE_OBJECT_IDIOMS:
        # « les objets disparaissent ensemble »: the adverb (GNOME's help); « celui qui pose problème » (Debian's
        # Handbook)
        return
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and lower_form(following) in LIST_MARKS:
        return
    if lower_form(noun) == "faute" and following is not None and lower_form(following) in {"de", "d'"}:
        return  # « oubliée faute d'avoir pu être conservée »: the locution « faute de » (Stellarium's sky cultures)
    yield make(noun.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {noun.text} » is the object of « {verb.text} » without a determiner: French needs « le », "
               "« la », « les », « un »… here", (), OBJECT_AS_ATTRIBUTE_CONFIDENCE)


TIME_WORDS = frozenset("demain hier aujourd'hui".split())


def labelled_by_a_relative(noun: Any) -> bool:
    """« Fichier dans lequel les échantillons seront écrits », « Code pays du tuner, ce qui permet de … »: a label
    that a relative clause describes; the verb the parser gives it as its subject is the relative clause's (VLC's
    messages).  Within six words of the noun: further on, the relative clause is another phrase's (« Rasoir associé
    la construction …, un certain nombre … qui »: 1 right flag of the tuning split lost without the limit)."""
    return any(lower_form(word) in RELATIVES for word in noun.doc[noun.i + 1:min(noun.head.i, noun.i + 7)])


def verb_or_adverb(noun: Any, following: Any) -> bool:
    """« Détermine si les lettres … doivent », « Insère un nouvel objet », « Inversement, si vous … »: a verb opening
    a help text's sentence (before « si » or a determiner), or an adverb before its comma, that the tagger took for a
    bare subject (LibreOffice's help; on WMT20 QE en-fr, tuning split, no flag changed)."""
    lower = lower_form(noun)
    if lower_form(following) == "si" or (following.pos_ == "DET" and verb_lemmas(lower)) or lower in TIME_WORDS:
        return True  # « Demain sera le premier jour » (Widelands' scenarios)
    # « Inversement, si … »; « Seigneur, n'oubliez pas »: a vocative, the verb in the second person
    return following.text == "," and (lower.endswith("ment") or lower_form(noun.head).endswith("ez")
                                      or feature(noun.head, "Mood") == "Imp")


def defined_name(noun: Any) -> bool:
    """« Castor est un cadriciel », « Forge est une bibliothèque »: a singular word opening the text, then « est un »
    or « est une »: a name being defined (Debian's package descriptions: 9 sentences of 3,000; on the tuning split
    no flag opens a segment so)."""
    doc = noun.doc
    return noun.i == 0 and feature(noun, "Number") != "Plur" \
        and [lower_form(word) for word in doc[1:3]] in (["est", "un"], ["est", "une"])


def hyphened_to_a_name(noun: Any) -> bool:
    """« T-Code est une méthode », « X-Moto est un jeu », « Command-T est ainsi dénommé »: a word joined by a hyphen to
    a capitalised piece is part of a name, which takes no article (Debian's package descriptions: 3 flags in 10,500
    sentences, stop 53; on the tuning split no opening-subject flag touches a hyphen)."""
    text, start, end = noun.doc.text, noun.idx, noun.idx + len(noun.text)
    before = re.search(r"(?<![\w-])([A-Z][\w]*)-$", text[max(0, start - 20):start])
    after = re.match(r"-[A-Z]", text[end:end + 2])
    return before is not None or after is not None


# how often an English word must be used (pyspellchecker's count) to open an English name before a capitalised word:
# « Byte Buddy » (214), « Apache Axiom » (381); French nouns MT leaves before a brand are rarer in English (« Casque
# Giro », « Valises Pelican »: 50)
ENGLISH_NAME_FREQUENCY = 200


def english_name(noun: Any) -> bool:
    """« Report Magic », « Brutal Chess », « Font Manager », « Apache Axiom »: an English word before a capitalised
    word opens an English name, which takes no French article (Debian's package descriptions: about 20 flags in 22,500
    sentences, stop 53; on the tuning split one opening-subject flag stood so, wrong: « Challenge Gotcha »)."""
    from review.flags.spelling import english_frequency  # noqa: PLC0415 - loads the word lists

    if noun.i + 1 >= len(noun.doc):
        return False
    following = noun.doc[noun.i + 1]
    return following.is_alpha and following.text[:1].isupper() and not following.is_upper \
        and english_frequency(lower_form(noun)) >= ENGLISH_NAME_FREQUENCY


def bare_opening_subject(noun: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """« Tapis de course offrent », « Parents vont adorer », « Football mondial a dépassé »: a segment opens on a
    common noun as its subject, without a determiner, where the tagger took the noun for a name.

    :func:`review.flags.omissions.bare_subject_first` leaves out a noun tagged as a name or an entity, or one
    the lemmatizer's tables do not know (« Katadyn est le leader mondial »), since brands open sentences that
    way.  Those tables miss many common nouns and their plurals (« tapis », « roues », « pompe »); here the
    word must be in the French word list of pyspellchecker, which lists no names (« Coleman », « Razor »,
    « Gaiam » are not in it).  The noun opens the segment (a title or its first sentence: a later sentence
    is often a label or a list item, 33 flags at 0.61); an infinitive or a past participle opening the segment
    (« Conçu pour », « Fabriqué en »: 8 flags at 0.38) or a word before a comma is left out, as is a
    singular subject of a passive (« Tapis de sol multifonctionnel est constitué de … », the caption of a spec
    sheet: 7 flags at 0.71, 1 on an error-free segment).  Measured on WMT20 QE en-fr (tuning split): 52 flags
    at 0.90, none on an error-free segment; 49 errors no other grammar rule found, 25 of them omitted
    determiners.
    """
    if noun.pos_ not in NAME_TAGS or noun.dep_ not in {"nsubj", "nsubj:pass"} or noun.sent.start != 0:
        return
    if not noun.is_alpha or (noun.pos_ == "PROPN" and noun.ent_type_ == "LOC"):
        # « Chypre devint », « Israël était »: a place whose name takes no article (the parser's entity; on the tuning
        # split 1 right flag lost, « Fonte a également … »; in Freeciv's histories of nations, 10 flags)
        return
    if noun.pos_ == "NOUN" and noun.ent_type_ not in {"PER", "ORG"} \
            and (noun.lemma_.lower() in lexicon_words() or lower_form(noun) in lexicon_words()):
        return  # bare_subject_first's
    start = phrase_start(noun)
    if start.i != 0 or determined(noun, start) or (start.i != noun.i and not noun.is_lower):
        return
    if not start.text[:1].isupper() or not start.text[1:].islower():
        return
    if noun.head.i < noun.i or not is_finite(noun.head) or noun.i + 1 >= len(noun.doc):
        return
    if noun.doc[noun.i + 1].text in {":", "-", "–", ","} or lower_form(noun) in DEMONSTRATIVES \
            or verb_or_adverb(noun, noun.doc[noun.i + 1]) or defined_name(noun) or english_name(noun) \
            or hyphened_to_a_name(noun):
        # a label or a list item; « Celui du bas est … »: a pronoun the tagger took for a noun
        return
    if noun.dep_ == "nsubj:pass" and feature(noun, "Number") == "Sing":
        return  # « Tapis de sol multifonctionnel est constitué de … »: a spec sheet's caption, 7 flags at 0.71
    lower = lower_form(noun)
    if lower in verb_infinitives() or lower in verb_lemmas(lower) \
            or (lower.endswith(PARTICIPLE_ENDINGS) and verb_lemmas(lower)):
        return
    from review.flags.spelling import dictionaries, is_known  # noqa: PLC0415 - the word list loads on first use

    if not is_known(lower, dictionaries()[0]):
        return  # a name
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » opens the sentence as its subject without a determiner: French needs « le », "
               "« la », « les », « un »… here", (), OPENING_NAME_CONFIDENCE)


def bare_root_subject(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Système d'évacuation de la tente crée un vortex », « Dômes et tentes sont classés en deux types »: a
    sentence opens on a bare noun that the parser, finding no determiner, made the root, hanging the sentence's
    conjugated verb on it.

    The verb has no subject of its own and hangs on the noun as a clause (``acl``) or a passive auxiliary, with
    no punctuation or relative pronoun between them (« Rangement pour tentes, qui… » is a title and its
    comment).  All sentence-opening roots followed by some subjectless conjugated verb were 91 flags at 0.57 on
    the tuning split; these: 21 flags at 0.86, none on an error-free segment, 14 errors no other grammar rule
    found, 9 of them omitted determiners.  The noun must be in pyspellchecker's French list (not a brand).
    """
    if noun.pos_ != "NOUN" or noun.dep_ != "ROOT" or not noun.is_alpha or noun.i + 1 >= len(noun.doc):
        return
    start = phrase_start(noun)
    if start.i != noun.sent.start or determined(noun, start) or (start.i != noun.i and not noun.is_lower):
        return
    if not start.text[:1].isupper() or not start.text[1:].islower():
        return
    verb = next((word for word in noun.doc[noun.i + 1:noun.sent.end] if word.dep_ in VERB_ON_ROOT
                 and word.pos_ in {"VERB", "AUX"} and is_finite(word) and noun.i in {word.head.i, word.head.head.i}),
                None)
    if verb is None or any(child.dep_.startswith("nsubj") for child in (*verb.children, *verb.head.children)):
        return
    if any(word.is_punct or lower_form(word) in RELATIVES for word in noun.doc[noun.i:verb.i]):
        return
    from review.flags.spelling import dictionaries, is_known  # noqa: PLC0415 - the word list loads on first use

    if not is_known(lower_form(noun), dictionaries()[0]):
        return
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » opens the sentence as the subject of « {verb.text} » without a determiner: French "
               "needs « le », « la », « les », « un »… here", (), ROOT_SUBJECT_CONFIDENCE)


# Every rule of this module, with the parts of speech it looks at (the grammar detector runs them in this order).
RULES: RuleTable = (
    (bare_inner_subject, ON_NOUN),
    (bare_plural_with_complement, ON_NOUN),
    (bare_object_as_attribute, ON_NOUN),
    (bare_opening_subject, NAME_TAGS),
    (bare_root_subject, ON_NOUN),
)
