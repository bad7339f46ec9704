"""Nouns without the determiner French requires: a verb's subject or object left bare (« permet meilleure
traction », « offre confort exceptionnel »), a noun of a list whose first article cannot serve it (« la vitesse,
distance et temps »).

The grammar detector calls :func:`bare_noun` and :func:`coordinated_without_article` token by token.  They
read the parse the detector already has, and leave alone the places where French writes a noun bare:
attributes, light verbs (« faire face »), enumerations and lists of labels, nouns set after another as
adjectives, appositions.  Each rule's precision, measured on professionally annotated MT (WMT20 QE en-fr, tuning
split), is written next to it and sets its confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import POSSESSIVES, singular
from review.flags.coordination import distributive
from review.flags.determiners import (
    ARTICLES,
    BARE_OBJECT_IDIOMS,
    LIST_MARKS,
    LIST_STYLE,
    PLURAL_ENDINGS,
    determined,
    has_determiner,
    nobody,
    phrase_start,
)
from review.flags.hyphens import demonstrative_piece
from review.flags.nlp import (
    LEQUEL,
    FlagMaker,
    adjective_forms,
    can_be_verb,
    feature,
    in_adjective_pair,
    infinitive_of,
    is_finite,
    is_infinitive,
    lower_form,
    noun_lemmas,
)
from review.flags.structure import (
    APPOSITIVE,
    NOUN_ADJECTIVES,
    PLACE_ADVERBS,
    adverb,
    participle,
    together,
    verb_only,
)
from review.flags.verb_reading import before_its_infinitive
from review.model import Category, Flag, Severity

# verbs whose complement is an attribute, which takes no determiner (« être ressuscités », « devenir roi »)
COPULAS = frozenset("être devenir redevenir rester demeurer sembler paraître".split())
LIGHT_VERBS = frozenset("faire avoir prendre rendre donner mettre perdre tenir porter trouver".split())
DETERMINER_DEPS = frozenset({"det", "nummod", "case", "nmod:poss"})
COORDINATED_CONFIDENCE = 0.75  # 158 flags at 0.80 on the tuning split


def _idiom(verb: Any, noun: Any) -> bool:
    """``verb`` and the bare ``noun`` make one of :data:`BARE_OBJECT_IDIOMS`, the verb read by its infinitive: the
    lemmatizer leaves « tire », « pose », « garde » as they are (nouns too), so « ESTScan tire profit de »,
    « si cela pose problème », « il ne garde pas trace de » escaped the list (Debian's package descriptions, read
    blocks, stop 59: 8 flags with « prendre soin » and « accuser réception »; on the tuning split no flag changed)."""
    noun_form = lower_form(noun)
    return (verb.lemma_, noun_form) in BARE_OBJECT_IDIOMS or (infinitive_of(verb), noun_form) in BARE_OBJECT_IDIOMS


def _listed(noun: Any) -> int:
    """How many nouns without a determiner the list that ``noun`` opens holds (« temps, distance, calories … »).

    Read on the surface, since the parser hangs such lists in many ways: after ``noun``, each comma, « et »
    or « ou » followed right away by a noun adds one, the adjectives and participles after it skipped.
    """
    doc, count, index = noun.doc, 1, noun.i + 1
    end = noun.sent.end
    while index + 1 < end and lower_form(doc[index]) in {",", "et", "ou"} \
            and doc[index + 1].pos_ == "NOUN":
        count += 1
        index += 2
        while index < end and doc[index].pos_ in {"ADJ", "VERB"} and doc[index].dep_ in {"amod", "acl"}:
            index += 1
    return count


def _light_verb_phrase(noun: Any, start: Any) -> bool:
    """« faire face », « prendre part », « avoir besoin »: a light verb and a bare singular make one verb.

    All bare objects of a light verb were 199 flags at 0.34 on the tuning split; a plural or a noun after its
    adjective is no such phrase (« aura poteaux en aluminium », « a grande lame », « rend grand lit »): 24 flags
    at 0.88, flagged.
    """
    plural = lower_form(noun).endswith(PLURAL_ENDINGS) and feature(noun, "Number") == "Plur"  # not « avoir accès »
    bare = start.i == noun.i or (start.i + 1 == noun.i and lower_form(start) == "juste")  # « avez juste besoin »
    return infinitive_of(noun.head) in LIGHT_VERBS and bare and not plural  # « donne naissance »


def _enumeration(noun: Any, start: Any) -> bool:
    """« graver calories et gras », « offre puissance et performance », « affiche temps et distance »: two bare
    nouns joined by « et » or « ou » with no adjective, an enumeration French writes without articles.

    All bare pairs were 39 flags at 0.58 (1 on an error-free segment); where the second noun has its article
    (« supprime saleté et la crasse ») the first one lacks it: 8 at 0.75, not a pair.  After an infinitive every
    pair is left alone (17 flags at 0.35).  After a conjugated verb, a pair with an adjective (« fournissent
    contrôle et excellente traction », « offre confort et ajustement exceptionnel », « a grande lame et petite
    lame ») or whose « et » joins something else than a noun (« protège main et maintient le ressenti ») is
    flagged: 16 flags at 0.88, none on an error-free segment; two bare nouns alone there were 8 at 0.50.
    """
    doc = noun.doc
    second = doc[noun.i + 2] if noun.i + 2 < len(doc) else None
    if second is None or not is_finite(noun.head):
        return True
    if second.pos_ != "NOUN":
        return False
    return start.i == noun.i and not any(child.dep_ == "amod" for child in (*noun.children, *second.children))


# the nouns a bare noun naming their kind follows (« en mode édition », « de type tableau »)
NAMING_KINDS = frozenset({"mode", "modes", "type", "types"})
APPOSED_AFTER = frozenset({"des", "comme", "en", "de", "d'", "du", "au", "aux"})  # « du fichier source » (KDE)


def _apposed(noun: Any, previous: Any) -> bool:
    """« votre fichier source », « ces fichiers source »: a noun French sets after another as an adjective, after a
    noun with its determiner, which the parser took for a verb's object.

    Found in correct French (LilyPond's and Debian's manuals: 3 sentences); on WMT20 QE en-fr (tuning split) no
    flag changed.  Without the determiner it cost 4 right flags (« la fermeture à glissière système de garde »).
    « des » the parser read as a preposition counts, and « comme » (« des interfaces utilisateur », « comme
    interface utilisateur »: Debian's package descriptions; no flag of the tuning split changed).
    """
    if (previous.pos_ == "NOUN" or lower_form(previous) in noun_lemmas()) \
            and lower_form(noun).removesuffix("s") in NOUN_ADJECTIVES:
        return True  # « le mot de passe administrateur » (the Debian Administrator's Handbook)
    return previous.pos_ == "NOUN" and lower_form(noun) in APPOSITIVE and previous.i > 0 \
        and (noun.doc[previous.i - 1].pos_ == "DET" or lower_form(noun.doc[previous.i - 1]) in APPOSED_AFTER)


def _article_on_the_adjective(noun: Any, previous: Any) -> bool:
    """« choisir parmi une large gamme »: the parser hangs the article on the adjective; « générera de coûteuses
    connexions »: « de » before a plural adjective set first serves as the article (Debian's debconf questions)."""
    if previous.pos_ == "ADJ" and any(child.dep_ in DETERMINER_DEPS for child in previous.children):
        return True
    return previous.i > 0 and lower_form(noun.doc[previous.i - 1]) in {"de", "d'"} \
        and lower_form(previous) in adjective_forms() and lower_form(noun).endswith(("s", "x"))


def bare_noun(noun: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """A subject or object noun without a determiner in a sentence with a verb.

    The flag runs from the phrase's first word (« permet meilleure traction »: the gap the annotators mark
    is before « meilleure »).  A subject phrase that opens a sentence is
    :func:`review.flags.omissions.bare_subject_first`'s.
    """
    if noun.pos_ != "NOUN" or noun.dep_ not in {"obj", "nsubj", "nsubj:pass"} or not noun.is_alpha:
        return
    if noun.i == 0 or not noun.is_lower or lower_form(noun) in PLACE_ADVERBS | LEQUEL | {"quoi", "rien"} \
            or together(noun) \
            or nobody(noun) or (lower_form(noun).endswith("ment") and lower_form(noun) not in noun_lemmas()):
        # « refusant de forger quoi que ce soit », « n'utilise rien »: a pronoun (Widelands' encyclopedia);
        # « communiquer interactivement »: an adverb (Debian's package descriptions)
        return
    start = phrase_start(noun)
    if any(child.dep_ in DETERMINER_DEPS for child in noun.children) or determined(noun, start):
        return
    if start.i == 0 or (start.i == noun.sent.start and noun.dep_.startswith("nsubj")):
        return
    previous = noun.doc[start.i - 1]
    if previous.pos_ in {"DET", "NUM", "ADP", "PRON"} or lower_form(previous) in {"de", "d'", "en", "sans"} \
            or previous.lemma_ in COPULAS or _apposed(noun, previous) or lower_form(previous) in NAMING_KINDS \
            or (lower_form(noun) in {"droite", "gauche"} and previous.pos_ == "NOUN") or demonstrative_piece(previous):
        # « ils ne puissent pas être ressuscités »: after « être » the word is an attribute; « en mode édition »: the
        # mode's name (KDE's help; « en mode flash » was this rule's 2 flags after « mode » on the tuning split, both
        # wrong), « des variables de type tableau » a type's (the manual pages, Debian's package descriptions: 3
        # flags, stop 55; none on the tuning split); « la partie droite de la fenêtre »: an adjective (KDE's help; no
        # such flag on the tuning split)
        return
    if _article_on_the_adjective(noun, previous):
        return
    if noun.head.pos_ not in {"VERB", "AUX"} or feature(noun.head, "VerbForm") not in {"Fin", "Inf"}:
        return
    if noun.head.lemma_ in {"voir", "dire"} or _idiom(noun.head, noun) or _idiom(previous, noun):
        # « ont tendance à être… »: the verb before; « (voir garantie) » refers the reader on, « voulions dire
        # précision » names a word (1 flag, wrong, on an error-free segment); « garder trace de » is French
        return
    head = noun.head
    if any(child.dep_ in {"det", "nummod"} and child.i < head.i for child in head.children) \
            or (head.i > 0 and noun.doc[head.i - 1].pos_ in {"DET", "NUM"}):
        # « 4 montre homme », « un stepper compact »: the "verb" has a determiner or a number, it is a noun
        # (7 flags at 0.71, 2 of them on error-free segments)
        return
    if previous.text in {",", "&"} or lower_form(previous) in {"et", "ou"} or _light_verb_phrase(noun, start):
        return  # the second noun of a list shares the first one's determiner; « faire face »
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    second = noun.doc[noun.i + 2] if noun.i + 2 < len(noun.doc) else None
    pair = following is not None and lower_form(following) in {"et", "ou"} and (second is None or second.pos_ != "DET")
    if pair and _enumeration(noun, start):
        return
    if following is not None and following.text == "," and _listed(noun) >= LIST_STYLE:
        # « la console affiche temps, distance, calories brûlées et fréquence »: a list of labels, written without
        # articles (5 flags at 0.60, 1 of them on an error-free segment)
        return
    if previous.is_punct or (following is not None and following.is_space) or verb_only(noun) \
            or _participle_with_object(noun, following):
        # « (quantité = 1) », a label before a line break: 44 flags at 0.23 on the tuning split
        return
    # measured on WMT20 QE en-fr (tuning split): objects 460 flags at 0.68, subjects 132 at 0.48, when the flag
    # covered the noun alone and subjects opening a sentence were this rule's too; from the phrase's first word,
    # those left to bare_subject_first, and adjectives serving as determiners (« divers outils ») left out:
    # 436 flags at 0.78 (433 once ranked); without pairs joined by « et », « ou » and nouns taken for verbs:
    # 389 at 0.81; without lists of three bare nouns or more: 384 at 0.81; with a light verb's plural or
    # adjective-led object and a pair after a conjugated verb with an adjective: 40 more at 0.88
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {noun.doc.text[start.idx:noun.idx + len(noun.text)]} » has no determiner: French needs « le », "
               "« un », « des »… here", (), 0.75)


def _number(noun: Any) -> str | None:
    """Singular when the form cannot be plural; plural when it may be and the tagger says so; else unknown."""
    if not lower_form(noun).endswith(PLURAL_ENDINGS):
        return "Sing"
    return "Plur" if feature(noun, "Number") == "Plur" else None  # « poids », « temps », « bras »


def _described_by_de(noun: Any) -> bool:
    """A noun that « de » and what follows describe, its adjectives between (« roi de Wesnoth », « dernière trace
    d'une civilisation »).

    After a comma such a bare noun is mostly an apposition.  Measured on WMT20 QE en-fr (tuning split), for
    :func:`coordinated_without_article`: 1 right flag fewer (« y compris les gants, balles de … ») and 4 wrong
    ones; correct French of the read sets, 3 sentences.
    """
    doc = noun.doc
    after = noun.i + 1
    while after < len(doc) and doc[after].pos_ == "ADJ":
        after += 1
    return after < len(doc) and lower_form(doc[after]) in {"de", "d'", "du", "des"}


# what opens a verb's object and no noun's complement
OBJECT_DETERMINERS = (frozenset(ARTICLES) - {"du", "au", "aux", "des"}) | POSSESSIVES


def _verb_and_its_object(word: Any) -> bool:
    """« détecte le matériel et charge ses composants »: a verb form right before an article or a possessive (not
    « de », « du »: « et contrôle de l'exposition », « et trame du tissu » are nouns MT left bare)."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return following is not None and can_be_verb(lower_form(word)) \
        and lower_form(following) in OBJECT_DETERMINERS


def _adverb_of_adjective(word: Any) -> bool:
    """« inversement proportionnelle »: a word in « -ment » made on an adjective's feminine, before an adjective, is
    its adverb, though the tables list the noun too."""
    following, lower = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None, lower_form(word)
    return following is not None and following.pos_ == "ADJ" and lower.endswith("ment") \
        and lower.removesuffix("ment") in adjective_forms()  # not « mouvement rapide », « suintement froid »


def _participle_with_object(noun: Any, following: Any) -> bool:
    """« une chaîne de texte représentant le code-barre »: a present participle and its object, which the tagger took
    for a noun (« représentant »; Debian's package descriptions, stop 51)."""
    return following is not None and following.pos_ == "DET" and lower_form(noun).endswith("ant") \
        and can_be_verb(lower_form(noun))


def _not_a_noun(word: Any) -> bool:
    """« interroger un serveur … et étiqueter les fichiers »: an infinitive or a participle no noun table holds; « en
    WBXML et inversement »: the adverb closing the sentence (Debian's package descriptions, stop 51)."""
    lower = lower_form(word)
    if is_infinitive(lower) and lower not in noun_lemmas():
        return True
    if participle(word) and not {lower, singular(lower)} & noun_lemmas() and _after_a_participle(word):
        # « recompilé pour toutes les architectures et stocké », « massacrés et ressuscités »: a participle no noun
        # table holds, after another of its number (Debian's Developer's Reference, Wesnoth: 2 flags, stop 55); on
        # the tuning split « le camping, randonnée et … » has none before it (the tables lack « randonnée ») and
        # keeps its right flag, and « et communiqué » is a noun too
        return True
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return lower in {"inversement", "réciproquement"} and (after is None or after.is_punct)


def _after_a_participle(word: Any) -> bool:
    """A past participle of the number of ``word`` stands before it in its sentence, as the tagger reads it."""
    plural = lower_form(word).endswith("s")
    return any(feature(other, "VerbForm") == "Part" and participle(other) and lower_form(other).endswith("s") == plural
               for other in word.doc[word.sent.start:word.i - 1])


# the endings of nouns that name an action (« encodage », « visualisation », « compression », « renforcement »)
ACTION_ENDINGS = ("age", "ages", "tion", "tions", "sion", "sions", "ment", "ments")


def _actions_after_de(noun: Any, start: Any) -> bool:
    """« une bibliothèque d'encodage et décodage », « un système de calcul et visualisation »: a noun naming an action
    joined to a bare noun after « de », the two naming a field, which takes no article in French.

    Measured on Debian's package descriptions (blocks 16,501-28,500): 7 flags in 12,000 sentences (stop 53). On the
    tuning split one flag stood so, wrong (« les défauts de matériaux et fabrication »); the concrete nouns of that
    shape are MT's errors and keep their flags (« l'utilisation de masque et tuba », « de rack et panier »).
    """
    doc = noun.doc
    if not lower_form(noun).endswith(ACTION_ENDINGS) or start.i < 3 or lower_form(doc[start.i - 1]) not in {"et", "ou"}:
        return False
    other = doc[start.i - 2]
    return other.pos_ == "NOUN" and lower_form(doc[other.i - 1]) in {"de", "d'", "d’"}


# the prepositions a bare enumeration may follow (« le calcul formel de polynômes, matrices et fonctions »)
BARE_LIST_PREPOSITIONS = frozenset({"de", "d'", "d’", "pour", "en", "avec", "sans", "par"})


def _bare_enumeration(start: Any) -> bool:
    """« le calcul formel de polynômes, matrices et fonctions », « la conception de brochures, journaux, magazines et
    affiches »: the noun closes an enumeration of three bare nouns or more after a bare preposition, which the parser
    hung on the noun before the preposition.

    Debian's package descriptions (read blocks, stop 59).  Two nouns after a bare « de » stay flagged: on the tuning
    split MT writes them where the annotators mark a missing article (« l'utilisation de masque et tuba », stop 52).
    """
    doc, items, index = start.doc, 1, start.i - 1
    while index >= 1 and lower_form(doc[index]) in {",", "et", "ou"}:
        item = doc[index - 1]
        while item.i > 0 and item.pos_ == "ADJ":
            item = doc[item.i - 1]
        if item.pos_ != "NOUN" or not item.is_lower or has_determiner(item):
            return False
        items += 1
        first = item
        while first.i > 0 and doc[first.i - 1].pos_ == "ADJ":
            first = doc[first.i - 1]
        index = first.i - 1
        if index >= 0 and lower_form(doc[index]) in BARE_LIST_PREPOSITIONS:
            return items + _bare_items_after(start) >= LIST_STYLE
    return False


def _bare_items_after(start: Any) -> int:
    """How many bare nouns follow the phrase opening at ``start`` in its enumeration (« , matrices et fonctions »)."""
    doc, count, index = start.doc, 0, start.i + 1
    while index + 1 < len(doc):
        while index < len(doc) and doc[index].pos_ in {"NOUN", "ADJ"} and doc[index].is_alpha:
            index += 1  # the rest of the phrase: its noun and adjectives
        if index + 1 >= len(doc) or lower_form(doc[index]) not in {",", "et", "ou"} \
                or doc[index + 1].pos_ != "NOUN" or has_determiner(doc[index + 1]):
            break
        count += 1
        index += 2
    return count


def coordinated_without_article(noun: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """« la vitesse, distance et temps »: a noun of a list without the article its gender or number needs.

    The first noun of the list has an article (or a demonstrative) and a later one has none, though the
    first one's article cannot serve it: it shows another number (« les calories, distance »), or the
    same number and another gender (« la vitesse … et temps »).  Where the article fits both (« les
    fichiers et répertoires ») French may share it: those were 407 flags at 0.52 on the tuning split,
    left out.  A noun after « autres » (« la randonnée et autres activités ») is left out too, and a list
    with three nouns or more without an article after the first, written as labels (24 flags at 0.62, 5 of
    them on error-free segments).  Measured on WMT20 QE en-fr (tuning split): 158 flags at 0.80, none on
    correct French.
    """
    if noun.pos_ != "NOUN" or noun.dep_ != "conj" or not noun.is_alpha or not noun.is_lower or nobody(noun) \
            or before_its_infinitive(noun) or adverb(noun) or _adverb_of_adjective(noun) \
            or _verb_and_its_object(noun) or _not_a_noun(noun):
        # « une position dangereuse et risque de toucher », « détecte le matériel et charge ses composants »: a verb
        # (KDE's help, Debian's installation guide); « proportionnelle à la masse et inversement proportionnelle »:
        # an adverb (GCompris's activities)
        return
    first = noun.head
    if first.pos_ != "NOUN" or first.i > noun.i:
        return
    articles = [child for child in first.children if child.dep_ == "det" and lower_form(child) in ARTICLES]
    if not articles:
        return
    start = phrase_start(noun)
    if determined(noun, start) or start.i == 0 or lower_form(noun.doc[start.i - 1]) not in LIST_MARKS:
        return
    if any(child.dep_ == "case" or lower_form(child).startswith("autre") for child in noun.children):
        return  # « et de la terre » has its preposition; « et autres activités » is French
    if in_adjective_pair(noun) or (lower_form(noun) in APPOSITIVE and start.i >= 2
                                   and lower_form(noun.doc[start.i - 2]) in APPOSITIVE):
        # « les bords gauche et droit »: the parser took the second adjective for a noun of the list; « des ports
        # source et destination »: two appositions of one noun (Debian's debconf questions)
        return
    if lower_form(noun.doc[start.i - 1]) == "," and _described_by_de(noun):
        return  # « Garard II, roi de Wesnoth, »: an apposition, which French writes without an article
    if _actions_after_de(noun, start) or _bare_enumeration(start):
        return
    if sum(not has_determiner(other) for other in first.children if other.dep_ == "conj") >= LIST_STYLE:
        return  # « la thérapie, exercice, perte de poids, tonification… »: a list of labels
    article = articles[0]
    if lower_form(noun.doc[article.i + 1]) in {"ou", "et"}:
        return  # « d'un ou plusieurs fichiers et dossiers »: the article is half of a determiner (GNOME's help)
    gender, number = ARTICLES[lower_form(article)]
    own_number, own_gender = _number(noun), feature(noun, "Gender")
    if own_number is None:
        return
    if own_number == number and (gender is None or own_gender is None or own_gender == gender):
        return
    if number == "Plur" and noun.i == first.i + 2 and _number(first) == "Sing" and distributive(first) \
            and not any(child.pos_ == "NUM" for child in first.children):  # « les deux réception et retour »
        return  # « les dernières date et heure »: one plural article for two things
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {noun.doc.text[start.idx:noun.idx + len(noun.text)]} » has no determiner, and « {article.text} » "
               f"before « {first.text} » cannot serve it: French repeats the article for each noun of a list",
               (), COORDINATED_CONFIDENCE)
