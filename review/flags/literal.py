"""English constructions carried word for word into French, read from the parse.

Rules of the grammar detector for calques whose French shape gives them away,
with no English source needed: "on their own" as « sur leurs propres » (a
possessive with no noun), the verb "features" as the noun « caractéristiques »,
an English "-ing" complement as a French present participle (« nous vous
recommandons engageant »), the particles and the feathers of "down" and
"up" as « vers le bas », « vers le haut », English compounds as two French
words joined by a hyphen (« pluie-mouche »), and a relative clause without « que »
(« des exercices vous pouvez faire »).  Each rule's precision, measured on
professionally annotated MT (WMT20 QE en-fr, tuning split), is written next to
it and sets its confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import POSSESSIVES, singular
from review.flags.bare_objects import COPULAS
from review.flags.determiners import NOUN_PREPOSITIONS
from review.flags.language import CLOSING_QUOTES, OPENING_QUOTES
from review.flags.locutions import adverbial_noun
from review.flags.nlp import (
    CLITICS,
    MODALS,
    PREFIXES,
    SUBJECTS,
    FlagMaker,
    adjective_lemmas,
    can_be_verb,
    feature,
    lexicon_words,
    lower_form,
    noun_lemmas,
    verb_lemmas,
)
from review.flags.omissions import PERCEPTION, WHEN
from review.flags.structure import APPOSITIVE, COMPASS, NAMING
from review.model import Category, Flag, Severity

# what may follow « leurs propres » in French: the noun they qualify, or its adjectives and numbers
NOUN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
# « Autres caractéristiques : », « caractéristiques techniques »: the noun itself, before a label or its adjective
FEATURE_OBJECT = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM", "X", "ADP"})
FEATURE_ADJECTIVES = frozenset("techniques principales suivantes essentielles clés clé".split())
PARTITIVE = frozenset({"de", "du", "des", "d'"})
# a present participle after these is an adverbial clause (« …, sachant que »), or a gerund (« en gardant »)
# participles that open an absolute clause French writes (« Le client ayant certaines limites, il est recommandé… »:
# Debian's package descriptions)
ABSOLUTE = frozenset({"ayant", "étant"})
# verbs that move something somewhere: « vers le haut » after them is a direction (see down_or_up)
MOVING = frozenset({"déplacer", "défiler", "glisser", "décaler", "monter", "descendre", "remonter", "redescendre",
                    "pivoter", "tourner", "incliner", "orienter", "pousser"})
CLAUSE_MARKS = frozenset({",", ";", ":", "-", "–", "(", "en"})
# subject pronouns, and the endings their verb takes where the pronoun could also be an object (« vous donne »)
PERSON_ENDINGS = {"vous": ("ez", "êtes"), "nous": ("ons", "sommes")}
# present participles French uses as prepositions (« les problèmes rencontrés concernant l'i18n »)
# verbs after which French sets the action seen or found as a present participle (« on les voit fuyant »)
SEEN_DOING = PERCEPTION | {"observer", "trouver", "surprendre", "imaginer"}
PARTICIPLE_PREPOSITIONS = frozenset("concernant suivant durant pendant moyennant touchant nonobstant".split())
# the words of a noun phrase or of a prepositional phrase, and what may open a clause before one
PHRASE_PARTS = frozenset({"DET", "ADJ", "ADP", "NOUN", "PROPN", "NUM", "ADV"})
CLAUSE_BOUNDARIES = frozenset({",", ";", ":", "et", "mais", "ou", "donc", "car", "puis"})
# words that open a clause set before the main one (« Si vous décochez un dossier il pourra »)
OPENING_CLAUSES = WHEN | frozenset("si s' lorsqu' pour afin dès puisque puisqu' comme".split())
# compounds French writes with a hyphen that its word lists lack (« imprimer recto-verso », « une base clé-valeur »:
# Debian's package descriptions)
HYPHENATED = frozenset("recto-verso clé-valeur clef-valeur".split())
# shorter parts are abbreviations and units (« mi-temps » is a prefix, « kit-car » a name)
COMPOUND_PART = 3


def own_without_noun(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« se lever sur leurs propres », « détiennent plus de leurs propres »: "on their own" word for word.

    Measured on WMT20 QE en-fr (tuning split): 14 flags, all right (15 errors no other rule found).
    """
    if lower_form(word) not in {"propre", "propres"} or word.i == 0:
        return
    possessive = word.doc[word.i - 1]
    if lower_form(possessive) not in POSSESSIVES:
        return
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if following is not None and (following.pos_ in NOUN_PHRASE or lower_form(following) in noun_lemmas()
                                  or following.text in {"«", '"', "“"}):
        return  # « leurs propres outils », « sa propre « cuisine » »
    pronoun = "eux-mêmes" if lower_form(possessive) == "leurs" else "seul"
    yield make(possessive.idx, word.idx + len(word.text), Category.MISTRANSLATION, Severity.MAJOR,
               f'« {possessive.text} {word.text} » without a noun is English ("on their own"): French says '
               f"« seul », « tout seul », « par {pronoun} »", (), 0.85)


def features_as_verb(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Le gant caractéristiques signe avant-coureur », « le Kode 30 caractéristiques un panneau »: the English
    verb "features" translated as the noun.

    Measured on WMT20 QE en-fr (tuning split): 29 flags at 0.86; left out after an adjective and before a
    preposition other than « de » (« Autres caractéristiques de sécurité comprennent »): 27 at 0.93.
    """
    if lower_form(word) not in {"caractéristique", "caractéristiques"} or word.i == 0:
        return
    previous = word.doc[word.i - 1]
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if following is None or previous.is_punct or previous.pos_ in {"DET", "ADP"} \
            or lower_form(previous) in {"de", "d'", "des", "et", "les"} or any(c.dep_ == "det" for c in word.children):
        return  # « les caractéristiques », « Caractéristiques : »: the noun
    if following.pos_ not in FEATURE_OBJECT or lower_form(following) in FEATURE_ADJECTIVES:
        return  # « Autres caractéristiques comprennent », « caractéristiques techniques »
    if following.pos_ == "ADP" and (lower_form(following) not in PARTITIVE or previous.pos_ == "ADJ"):
        return  # « principales caractéristiques de sécurité »
    yield make(word.idx, word.idx + len(word.text), Category.MISTRANSLATION, Severity.MAJOR,
               f'« {word.text} » stands where the sentence needs its verb: the English verb "features" '
               "is « comporte », « présente », « est doté de » in French",
               ["comporte", "présente", "est doté de"], 0.85)


OBJECT_PRONOUNS = frozenset("vous nous me te le la les lui leur".split())


def participle_complement(verb: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """« nous vous recommandons engageant », « a porté sur fournissant », « vous laisse voulant plus »: an
    English "-ing" complement kept as a French present participle, where French puts an infinitive.

    Measured on WMT20 QE en-fr (tuning split): 15 flags at 0.80; once a comma, « en » or a modal before it
    is left out (« vous pourrez pêcher, sachant que »): 11 flags, all right.  A determiner before it makes it
    a noun (« choisit un identifiant », in the correct French set).
    """
    lower = lower_form(verb)
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Part" or not lower.endswith("ant") or verb.i == 0:
        return
    head = verb.head
    if verb.dep_ not in {"xcomp", "obj", "ccomp"} or head.pos_ != "VERB" or head.i > verb.i or head.lemma_ in MODALS:
        return
    if head.lemma_ == "aller" or lower in PARTICIPLE_PREPOSITIONS | ABSOLUTE or head.lemma_.lower() in NAMING \
            or any(child.dep_ == "aux:pass" for child in head.children):  # « un message est affiché indiquant »
        # « vont s'accélérant », « va croissant »: French's own progressive; « concernant l'i18n »; « une clé appelée
        # identifiant unique »: the name a naming participle gives (Debian's installation guide)
        return
    previous = verb.doc[verb.i - 1]
    if previous.pos_ == "PRON" and lower_form(previous) in OBJECT_PRONOUNS:
        return  # « une boîte de dialogue apparaîtra vous demandant de confirmer »: the participle's own object (GNOME)
    if lower_form(previous) in {"ne", "n'"}:
        return  # « les champs ne contenant pas de données »: a negated participle, French's own (LibreOffice)
    if previous.pos_ == "DET" or lower_form(previous) in {"de", "d'"} or any(c.dep_ == "det" for c in verb.children):
        return  # « choisit un identifiant », « changé d'identifiant »: a noun the tagger read as a participle
    if _participle_of_its_own(verb, head) or _after_a_determined_noun(previous) or _no_verb(head) \
            or _describing_participle(head):
        return
    before = verb.i - 1
    while before > 0 and lower_form(verb.doc[before]) in CLITICS:  # « en les installant »; « en » not among them
        before -= 1
    if lower_form(verb.doc[before]) in CLAUSE_MARKS:
        return  # « , sachant que », and the gerund « en les installant », « en ne partant pas »
    infinitives = sorted(verb_lemmas(lower))
    yield make(verb.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f'« {verb.text} » after « {head.text} » is the English "-ing" form: French puts an infinitive '
               "here (« recommande d'engager », « laisse sur sa faim »)", infinitives[:2], 0.8)


def _after_a_determined_noun(previous: Any) -> bool:
    """« Sélectionnez le texte contenant les marques », « à chaque objet contenant des données »: right after a noun
    with its determiner (or that noun's adjective), the participle describes the noun, as a relative clause would.

    Found in correct French (LibreOffice's help: 3 sentences); on WMT20 QE en-fr (tuning split) no flag changed:
    the nouns MT leaves a participle after are bare (« tenir lunette déroulant »).  So is a noun after its
    preposition, and a name or a number set after a determined noun (« beaucoup de texte redondant », « des
    documents DocBook utilisant », « un serveur IMAP accédant à », « une version de nginx incluant »: Debian's
    package descriptions); after a participle it stays flagged (« une étoile spécialement conçu contenant », a right
    flag).
    """
    if previous.dep_ == "nmod" and any(child.dep_ == "case" for child in previous.children):
        return True  # « une version de nginx incluant », whatever the tagger made of the name
    apposed = previous.pos_ in {"ADJ", "PROPN", "X", "NUM"} or (previous.pos_ == "NOUN" and previous.dep_ == "nmod")
    noun = previous.head if apposed and previous.head.i < previous.i else previous
    return noun.pos_ == "NOUN" and any(child.dep_ in {"det", "case"} for child in noun.children)


def _no_verb(head: Any) -> bool:
    """« un script d'interpréteur permettant », « un greffon pour Vagrant aidant à »: the parse's verb is a noun or a
    name the verb tables do not know, after a preposition or a noun (Debian's package descriptions, stop 52)."""
    from review.flags.spelling import dictionaries  # noqa: PLC0415 - the word list loads on first use

    lower = lower_form(head)
    if head.i == 0 or verb_lemmas(lower) or can_be_verb(lower) \
            or (lower in dictionaries()[0] and lower not in noun_lemmas()):
        return False  # « vous laisse voulant plus », « en sceller bloquant »: verbs the lemmatizer's tables lack
    before = head.doc[head.i - 1]
    return before.pos_ in {"ADP", "NOUN"} or (lower in noun_lemmas() and before.pos_ != "ADJ")


def _describing_participle(head: Any) -> bool:
    """« les bibliothèques partagées permettant d'accéder », « une personne mal intentionnée disposant de »: the
    parse's verb is a past participle describing a determined noun, of its gender and number, and the present
    participle after it describes that noun too (Debian's package descriptions, stop 52).  One that disagrees stays
    flagged: « une étoile spécialement conçu contenant », a right flag of the tuning split."""
    noun = head.head
    if head.dep_ != "acl" or noun.pos_ != "NOUN" or noun.i > head.i or feature(head, "VerbForm") != "Part" \
            or not any(child.dep_ == "det" for child in noun.children):
        return False
    ending = lower_form(head)
    plural, feminine = ending.endswith(("s", "x")), ending.removesuffix("s").endswith("e")
    return plural == lower_form(noun).endswith(("s", "x")) and feminine == (feature(noun, "Gender") == "Fem")


def _participle_of_its_own(verb: Any, head: Any) -> bool:
    """A present participle French writes after that verb as it stands: a pronominal one (« hantaient les sables se
    nourrissant des survivants »), a superlative noun (« au plus offrant »), an attribute after « être » and its
    adverbs (« est totalement perturbant »), the action seen after a verb of perception (« aperçus sillonnant le
    ciel »).

    Found in correct French (Wesnoth's campaigns and unit descriptions: 4 sentences); on WMT20 QE en-fr (tuning
    split) no flag changed.
    """
    doc = verb.doc
    previous = doc[verb.i - 1]
    if lower_form(previous) in {"se", "s'", "plus", "moins"}:
        return True
    before = verb.i - 1
    while before > verb.sent.start and doc[before].pos_ == "ADV":
        before -= 1
    if COPULAS & verb_lemmas(lower_form(doc[before])):
        return True
    return head.lemma_ in SEEN_DOING


def down_or_up(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« un sac vers le bas », « Vers le bas est très compressible », « lier la tente vers le bas »: "down" (the
    feathers, or the particle of "tie down") and "up" as a direction.

    Measured on WMT20 QE en-fr (tuning split): 91 flags at 0.71; after a verb, an adjective or an adverb
    (« l'air circule vers le bas », « plier vers le bas ») it is often a real direction (36 at 0.44, left
    out), and after a verb's object too (« repliez le guidon vers le haut »: 9 at 0.67, left out);
    elsewhere 45 flags at 0.93 (49 errors no other rule found).
    """
    if lower_form(word) not in {"bas", "haut"} or word.i < 2:
        return
    article, towards = word.doc[word.i - 1], word.doc[word.i - 2]
    if lower_form(article) != "le" or lower_form(towards) != "vers":
        return
    before = word.doc[towards.i - 1] if towards.i > word.sent.start else None
    if before is not None and (before.pos_ in {"VERB", "AUX", "ADJ", "ADV"} or before.dep_ == "obj"):
        return  # a direction: « circule vers le bas », « tirer la lame vers le haut »
    if (before is not None and _pointing(before)) or _moved(word):
        return
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if before is not None and before.text in OPENING_QUOTES and after is not None and after.text in CLOSING_QUOTES:
        return  # « "Vers le haut" réalise un déplacement vers l'avant »: a button's label (GCompris's activities)
    english = "down" if lower_form(word) == "bas" else "up"
    yield make(towards.idx, word.idx + len(word.text), Category.MISTRANSLATION, Severity.MAJOR,
               f'« {towards.text} le {word.text} » here is likely English "{english}" word for word '
               "(the feathers « duvet », or the particle of a verb: « attacher », « replier »)", (), 0.9,
               precedence=0.8)  # 45 shown at 0.93 at stop 49, ranked at the 0.8 it had


def _pointing(before: Any) -> bool:
    """« une flèche vers le bas », « déplacer la vue vers le haut et vers le bas »: an arrow's direction, or a
    direction joined to another (LibreOffice's help: 4 sentences; on WMT20 QE en-fr, tuning split, no flag
    changed).  So is the direction of a movement (« le mouvement vers le haut »: Tux Paint's documentation; none of
    the tuning split's flags follows such a noun)."""
    if lower_form(before).startswith(("flèche", "mouvement", "déplacement", "défilement", "glissement")):
        return True
    joined = lower_form(before) in {"et", "ou"} and before.i >= 1
    return joined and lower_form(before.doc[before.i - 1]) in {"bas", "haut"}


def _moved(word: Any) -> bool:
    """« Déplace l'élément d'un niveau vers le bas », « Faites défiler la liste vers le haut »: the direction of a verb
    that moves something, however far the parse hangs it from that verb (LibreOffice's interface messages: 4
    sentences, stop 51)."""
    return any(not MOVING.isdisjoint({ancestor.lemma_.lower(), *verb_lemmas(lower_form(ancestor))})
               for ancestor in word.ancestors)  # the verb opening a help line may be tagged a name


def _kinds(word: str) -> str:
    """N, A and V for the noun, adjective and verb the lemmatizer's tables say ``word`` may be."""
    return "".join(kind for kind, known in (("N", word in noun_lemmas()), ("A", word in adjective_lemmas()),
                                             ("V", can_be_verb(word))) if known)


def _joined(left: Any, right: Any) -> bool:
    return bool(left.idx + len(left.text) == right.idx)


def hyphen_compound(hyphen: Any, make: FlagMaker) -> Iterator[Flag]:
    """« pluie-mouche », « poudre-enduit », « canif-style », « lame-ouverture »: an English compound ("rain fly",
    "powder-coated") carried over as two French words joined by a hyphen.

    French joins words with a hyphen only in compounds its dictionaries list (« chou-fleur », « coupe-fil »),
    which the tokenizer keeps as one word or the lemmatizer's tables hold.  Measured on WMT20 QE en-fr
    (tuning split): 163 flags at 0.84 (141 errors no other rule found) for two known words of three letters
    or more the tokenizer splits and the tables do not know joined, learned prefixes left out; once a second
    word that can be a verb is left out after anything but a noun (« pochette-dragonne », « rouge-moucheté »),
    a participle-adjective second (« moitié-dentelé »), two words that can be adjectives (colours,
    « gaucher-droitier ») and adverbs (« bas-impact »): 117 flags at 0.88 (111 errors no other rule found),
    none on an error-free segment.
    """
    if hyphen.text != "-" or hyphen.i == 0 or hyphen.i + 1 >= len(hyphen.doc):
        return
    doc = hyphen.doc
    left, right = doc[hyphen.i - 1], doc[hyphen.i + 1]
    if not (_joined(left, hyphen) and _joined(hyphen, right)):
        return
    if (left.i > 0 and doc[left.i - 1].text == "-" and _joined(doc[left.i - 1], left)) or \
            (right.i + 1 < len(doc) and doc[right.i + 1].text == "-" and _joined(right, doc[right.i + 1])):
        return  # « arc-en-ciel », « prêt-à-porter »: a longer compound
    first, second = lower_form(left), lower_form(right)
    if not (left.is_alpha and right.is_alpha and left.is_lower and right.is_lower) \
            or min(len(first), len(second)) < COMPOUND_PART or first in PREFIXES or second in {"même", "mêmes"} \
            or singular(second) in APPOSITIVE or {first, second} <= COMPASS or f"{first}-{second}" in HYPHENATED:
        # « toi-même », « eux-mêmes »: a pronoun and « même »; « rôle-clé »: a noun French sets after another as
        # an adjective; « centre-sud »
        return
    from review.flags.spelling import dictionaries  # noqa: PLC0415 - the word list loads on first use

    words, french = lexicon_words(), dictionaries()[0]
    # « presse-papier »: a compound the French word list holds, with an « s » (presse-papiers) or without one
    joined = {f"{first}-{second}", f"{first}-{second}s", f"{first}-{second.removesuffix('s')}"}
    if first not in words or second not in words or not joined.isdisjoint(words) or any(w in french for w in joined):
        return
    kinds = _kinds(first), _kinds(second)
    if ("V" in kinds[1] and kinds[0] != "N") or {"A", "V"} <= set(kinds[1]) or \
            ("A" in kinds[0] and "A" in kinds[1]) or not kinds[0] or not kinds[1]:
        return
    phrase = doc.text[left.idx:right.idx + len(right.text)]
    nouns = "N" in kinds[0] and "N" in kinds[1]
    yield make(left.idx, right.idx + len(right.text), Category.MISTRANSLATION, Severity.MAJOR,
               f"« {phrase} » joins two French words that French does not join: likely an English compound "
               "word for word; French links them with a preposition (« mouche de pluie », « enduit de poudre »)",
               [f"{right.text} de {left.text}"] if nouns else [], 0.8)


def zero_relative(pronoun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« des exercices vous pouvez faire », « les canaux vous avez désignés », « la jouissance je reçois »: English
    leaves out "that" before a relative clause, French never leaves out « que ».

    A noun right before the subject pronoun of a conjugated verb.  Measured on WMT20 QE en-fr (tuning split):
    22 flags at 0.86, half of them « nous », « vous » the parser took for subjects where they are objects
    (« ce pistolet vous tiendra »); with « vous », « nous » only before a verb of their person, and a noun
    phrase opening the sentence left out (« Dans cette vidéo elle partage »): 10 flags at 0.90 (the one wrong,
    « quel que soit le système vous choisissez », is an error too); once a noun that belongs to the clause
    itself is left out (« si par hasard vous connaissez », in the correct French set): 9 flags at 0.89 (8
    errors no other rule found).  A noun ending an adverbial set first in its clause, which narrative French
    writes without a comma (« et grâce à votre aide nous », « Au cours de notre exploration nous »): left out,
    no flag of the tuning split lost.
    """
    lower = lower_form(pronoun)
    if lower not in SUBJECTS or lower == "on" or pronoun.dep_ != "nsubj" or pronoun.i == 0:
        return  # « dans l'air on peut »: « on » opens the main clause after a phrase (a manual; no flag on tuning)
    noun, verb = pronoun.doc[pronoun.i - 1], pronoun.head
    if noun.pos_ != "NOUN" or not noun.is_alpha or verb.i < pronoun.i:
        return
    finite = next((c for c in verb.children if c.dep_.startswith("aux") and pronoun.i < c.i
                   and feature(c, "VerbForm") == "Fin"), verb)
    if feature(finite, "VerbForm") != "Fin" or any(t.pos_ not in {"PRON", "ADV", "AUX", "PART"}
                                                   for t in pronoun.doc[pronoun.i + 1:verb.i]):
        return
    endings = PERSON_ENDINGS.get(lower)
    if endings is not None and not lower_form(finite).endswith(endings):
        return  # « ce pistolet vous tiendra »: an object
    if min(word.i for word in noun.subtree) == noun.sent.start:
        return  # « Cette année nous avons », « Dans cette vidéo elle partage »: a time or place first
    if noun.head.i == verb.i or _fronted_adverbial(noun) or adverbial_noun(noun) or _asked(noun) \
            or _clause_first(pronoun):
        # « si par hasard vous connaissez », « et grâce à votre aide nous y parviendrons »: the noun belongs to the
        # clause (an adverbial set first, as French may write without a comma), it is not qualified by it
        return
    que = "qu'" if lower[:1] in "aeiouy" else "que "
    yield make(noun.idx, pronoun.idx + len(pronoun.text), Category.GRAMMAR, Severity.MAJOR,
               f'« {noun.text} {pronoun.text} … »: a relative clause without « que » is English ("the exercises '
               'you can do"); French says « les exercices que vous pouvez faire »',
               [f"{noun.text} {que}{pronoun.text}"], 0.8)


def _asked(noun: Any) -> bool:
    """« vous pouvez déterminer quel type de scripts vous avez »: an indirect question, « quel » before the noun
    (TeXworks' manual); « quel que soit le système vous choisissez », « n'importe quel moment vous voulez » stay
    English relatives (the second a right flag of the tuning split)."""
    doc = noun.doc
    return any(lower_form(word).startswith("quel") and lower_form(doc[word.i + 1]) not in {"que", "qu'"}
               and (word.i == 0 or lower_form(doc[word.i - 1]) != "importe")
               for word in doc[max(noun.sent.start, noun.i - 4):noun.i])


def _clause_first(pronoun: Any) -> bool:
    """« Si vous décochez un dossier il pourra », « Pour économiser l'écran vous pouvez »: the sentence opens on a
    clause set before the main one, without its comma, and the noun before the pronoun ends it (KDE's messages; none
    of the rule's flags on the tuning split opens so)."""
    opening = pronoun.doc[pronoun.sent.start:pronoun.i]
    return lower_form(opening[0]) in OPENING_CLAUSES and not any(word.text == "," for word in opening)


def _fronted_adverbial(noun: Any) -> bool:
    """``noun`` ends a phrase opened by a preposition or an adverb at the start of its clause (the sentence's start,
    a comma, « et », « mais »…): « Au cours de notre exploration », « d'abord », « grâce à votre aide ».  A gerund
    may open it (« En cliquant sur un kanji vous obtenez »: KDE's help)."""
    doc, index = noun.doc, noun.i
    while index > noun.sent.start and doc[index - 1].pos_ in PHRASE_PARTS:
        index -= 1
    if index - 2 >= noun.sent.start and lower_form(doc[index - 1]).endswith("ant") \
            and lower_form(doc[index - 2]) == "en":
        index -= 2
    opens_clause = index == noun.sent.start or lower_form(doc[index - 1]) in CLAUSE_BOUNDARIES
    return opens_clause and (doc[index].pos_ in {"ADP", "ADV"} or lower_form(doc[index]) in NOUN_PREPOSITIONS)


def literal_rules(token: Any, make: FlagMaker) -> Iterator[Flag]:
    """Every rule of this module on one token (the grammar detector calls this once a token).

    Each rule starts from one word or one ending, so the token's form picks the rule that may apply:
    the grammar detector runs this on every token of every segment.
    """
    lower = lower_form(token)
    if lower in {"propre", "propres"}:
        yield from own_without_noun(token, make)
    elif lower in {"caractéristique", "caractéristiques"}:
        yield from features_as_verb(token, make)
    elif lower in {"bas", "haut"}:
        yield from down_or_up(token, make)
    elif lower == "-":
        yield from hyphen_compound(token, make)
    elif lower in SUBJECTS:
        yield from zero_relative(token, make)
    elif lower.endswith("ant"):
        yield from participle_complement(token, make)
