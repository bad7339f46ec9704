"""Words English→French MT leaves out: determiners, the preposition before an infinitive, a contraction.

Rules of the grammar detector, read from the parse.  English puts no article
before a plural or mass noun at the start of a sentence (« Bacteria vary… ») or
after "for" (« for durability »), where French needs one; an infinitive after a
noun loses its « à » or « de ».  The verb forms English leaves as a clause's verb
are :mod:`review.flags.unconjugated`'s.  Each rule's precision, measured on
professionally annotated MT (WMT20 QE en-fr, tuning split), is written next to
it and sets its confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.determiners import (
    DEMONSTRATIVES,
    PLURAL_ENDINGS,
    RELATIVES,
    defined_name,
    determined,
    english_name,
    hyphened_to_a_name,
    labelled_by_a_relative,
    noun_preposition,
    phrase_start,
    verb_or_adverb,
)
from review.flags.nlp import (
    CLITICS,
    INFINITIVE_ENDINGS,
    MODALS,
    SUBJECTS,
    FlagMaker,
    feature,
    infinitive_of,
    is_finite,
    is_infinitive,
    known,
    lexicon_words,
    lower_form,
    noun_lemmas,
    verb_lemmas,
)
from review.model import Category, Flag, Severity

# nouns of people a product is meant for: « pour hommes », « pour enfants » is how French labels them
AUDIENCE = frozenset("homme hommes femme femmes enfant enfants adulte adultes fille filles garçon garçons bébé "
                     "bébés dame dames junior juniors débutant débutants".split())
# instruments and ensembles a piece is written for: « une partition pour piano », « la notation pour guitare » (the
# LilyPond manual read at stop 35: 18 flags in 1,500 sentences, stop 54; no « pour » before one on the tuning split);
# « bois » and « batterie », which name other things in product texts, are left out
INSTRUMENTS = frozenset("piano guitare violon violoncelle contrebasse alto orgue harpe clavecin flûte hautbois "
                        "clarinette basson saxophone trompette trombone cor tuba mandoline banjo ukulélé ukulele "
                        "accordéon chœur choeur orchestre vents cordes cuivres".split())
# « marquer un paquet pour installation, pour mise à jour »: correct French names a process bare after
# « pour » (on the tuning split these were 39 flags at 0.90, but each sentence of that kind in the correct
# French set was flagged)
PROCESS_ENDINGS = ("tion", "tions", "sion", "sions")
# after these, a word starting with a capital is a heading or a label, not the start of a sentence's subject
LABEL_MARKS = frozenset({":", "-", "–"})
# « seul à seul »… and the adjectives that take a bare infinitive (« censé faire », « seul capable »)
ALONE = frozenset("seul seule seuls seules censé censée censés censées".split())
# nouns that name a command by its verb, written bare after them (« la commande lire », « la fonction couper »:
# KDE's help, 2 sentences); no flag of the tuning split follows one of them
COMMAND_NOUNS = frozenset("commande commandes fonction fonctions option options action actions bouton boutons "
                          "menu menus touche touches icône icônes onglet onglets entrée entrées".split())
CONTRACTIONS = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
# words the tagger takes for nouns that open a subject with no article: « rien », and the adverbs of quantity
# before « de » (« Davantage de processus peut améliorer »: Firefox's messages)
QUANTITIES = frozenset("rien davantage beaucoup peu trop assez tant autant énormément".split())
CLAUSE_OPENERS = RELATIVES | {"lorsque", "lorsqu'", "quand"}
PHRASE_TAGS = frozenset({"DET", "ADP", "NOUN", "ADJ", "PROPN", "NUM"})  # the words of a noun's complement
# what a past participle looks like: the tagger calls « réchauffe », « arbore » either
PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
                      "ites", "int", "inte", "ints", "intes", "ert", "erte", "erts", "ertes")


def _called(noun: Any) -> bool:
    """« Idiots, vous avez donné … », « Maudits elfes, vous … »: the noun, then a comma and a subject pronoun: someone
    called, not a subject (« Parents, vont apprécierez » keeps its flag).  Likewise a phrase set before the subject
    (« Ancienne colonie portugaise, le Timor Oriental a déclaré … »): a comma before the verb, then a determiner or a
    name.  On WMT20 QE en-fr (tuning split): 5 shown flags fewer, 4 of them wrong (« Rotation rapide et précis avec
    une traction solide, le Nexus vole »)."""
    doc = noun.doc
    comma = next((word for word in doc[noun.i + 1:noun.head.i] if word.text == ","), None)
    if comma is None or comma.i + 1 >= len(doc):
        return False
    after = doc[comma.i + 1]
    return lower_form(after) in SUBJECTS or (comma.i > noun.i + 1 and after.pos_ in {"DET", "PROPN"})


def _label(noun: Any) -> bool:
    """« Taille de l'histogramme : la valeur est 128 »: a phrase before a colon, then a sentence that opens on its
    determiner or a pronoun, is a label (« Faits saillants : Tasse de café … est », a bare subject after the colon,
    keeps its flag: 5 right flags of the tuning split).  So is one before a description that opens on its verb
    (« Afficher le quadrillage : bascule le quadrillage », a menu item in KDE's help; no flag of the tuning split
    has a verb right after the colon)."""
    doc = noun.doc
    colon = next((word for word in doc[noun.i + 1:noun.head.i] if word.text == ":"), None)
    if colon is None or colon.i + 1 >= len(doc):
        return False
    after = doc[colon.i + 1]
    return after.pos_ in {"DET", "PRON"} or (after.pos_ in {"VERB", "AUX"} and after.is_lower)


def bare_subject_first(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Bactéries varient de 0,2 à 5 microns », « Autres caractéristiques comprennent »: a sentence that opens
    on its subject with no determiner.

    Measured on WMT20 QE en-fr (tuning split): 352 flags at 0.79 with a label before « : » and names
    the parser marks as people or organisations left out; 304 at 0.85 once the word had to be in the
    lemmatizer's tables (brands such as « Katadyn » left out): 228 at 0.91 opening the segment (a title
    or its first sentence), 76 at 0.67 opening a later sentence.  With the adjectives that may open the
    phrase (« Autres caractéristiques », « Petits sacs »), the flag running from the first of them: 355
    flags at 0.85, 273 at 0.90 opening the segment and 81 at 0.65 a later sentence.
    """
    if noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubj:pass"}:
        return
    start = phrase_start(noun)
    if start.i != noun.sent.start or not noun.is_alpha or determined(noun, start) \
            or (start.i > 0 and noun.doc[start.i - 1].text in {'"', "“", "«"}):
        return  # « Le champ "Mots entiers" spécifie »: a quoted name, where the parser cut a sentence (LibreOffice)
    first = start.text
    if not first[:1].isupper() or not first[1:].islower() or (start.i != noun.i and not noun.is_lower):
        return
    # « Variables et champs de compétence sont implémentés »: French may open on two bare nouns joined (17 flags
    # at 0.53 on the tuning split, and correct French)
    if noun.ent_type_ in {"PER", "ORG"} or noun.head.i < noun.i or not is_finite(noun.head) \
            or any(child.dep_ == "conj" for child in noun.children):
        return
    if (noun.lemma_.lower() not in lexicon_words() and lower_form(noun) not in lexicon_words()) \
            or any(word.text == noun.text and not word.is_sent_start for word in noun.doc if word.i != noun.i):
        # « Katadyn est le leader mondial »: a brand the tagger took for a noun; « Grog a peur …, mais Grog ne
        # déshonorera pas »: written with its capital inside a sentence too, a name
        return
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.text in LABEL_MARKS or lower_form(noun) in DEMONSTRATIVES | QUANTITIES \
            or _called(noun) or (is_infinitive(lower_form(noun)) and lower_form(noun) not in noun_lemmas()) \
            or noun_preposition(noun) or _label(noun) or verb_or_adverb(noun, following) \
            or labelled_by_a_relative(noun) or defined_name(noun) or _verb_of_a_clause(noun) \
            or hyphened_to_a_name(noun) or english_name(noun):
        # « Celui du bas est … », « Rien sur l'image n'est utilisé »: a pronoun the tagger took for a noun (Tux
        # Paint's documentation; no flag of the tuning split opens on « Rien »); « Certifier signifie que »: an
        # infinitive, no noun (KDE's messages); « Autour d'Hidel étaient »: a preposition
        return
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » opens the sentence as its subject without a determiner: French needs « le », "
               "« la », « les », « un »… here", (), 0.9 if start.i == 0 else 0.65)


def _verb_of_a_clause(noun: Any) -> bool:
    """« Heure de la journée lorsqu'un nouveau monde est créé », « Fraction de la distance à partir de laquelle le
    brouillard commence »: the verb the parser gave the noun belongs to a clause that describes it, opened by a
    conjunction or a relative word right after the noun's complement; the noun heads a label (Minetest's settings).
    On the tuning split no flag of this rule is so; where a verb or a comma comes first (« Intégré indicateur vire
    du bleu au rose quand … ») 2 right flags would be lost, and where the verb has a subject of its own (« Zone de
    fréquence cardiaque vous déterminez »), 9 flags, 7 of them right."""
    for word in noun.doc[noun.i + 1:noun.head.i]:
        if lower_form(word) in CLAUSE_OPENERS:
            return True
        if word.pos_ not in PHRASE_TAGS and word.dep_ not in {"fixed", "mark"}:  # « à partir de laquelle »
            return False  # « Intégré indicateur vire du bleu au rose quand … »: the noun's own verb comes first
    return False


# verbs that set a bare noun after « pour » (« a pour but », « tenus pour responsables »), and the nouns of a
# purpose « se fixer » and « se donner » set so (« se fixe pour objectif »: Debian's Handbook)
BARE_PURPOSE_VERBS = frozenset({"avoir", "tenir", "prendre"})
PURPOSE_NOUNS = frozenset({"objectif", "mission", "vocation"})


def bare_after_pour(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« pour étanchéité améliorée », « pour longue durabilité »: English "for" + bare noun.

    Measured on WMT20 QE en-fr (tuning split): 225 flags at 0.76 (« pour hommes » and the other nouns of
    people a product is for, and « Pour » opening a sentence, left out); a process in -tion (« pour
    installation ») and a noun before « à » (« pour mise à jour ») are left out too, for correct French.
    With adjectives between « pour » and the noun (« pour gros gibier »), those serving as a determiner
    (« pour différents poids ») and « autre » left out: 11 more flags at 0.91.  A plural in a title, a
    sentence without a verb (« Kit de réparation pour pneumatiques »), names what a product is for: 13
    flags at 0.46, left out (200 flags at 0.78 remain).
    """
    if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.is_lower or noun.i < 2:
        return
    start = phrase_start(noun)
    previous = noun.doc[start.i - 1]
    before = noun.doc[previous.i - 1]
    if lower_form(previous) != "pour" or previous.i == noun.sent.start or determined(noun, start) \
            or before.lemma_ in BARE_PURPOSE_VERBS \
            or (infinitive_of(before) in {"fixer", "donner"} and lower_form(noun) in PURPOSE_NOUNS) \
            or lower_form(before) == "avec":
        # « a pour but de », « ont pour effet », « avec pour seul espoir », « tenus pour responsables », « prendre
        # pour cible », « se fixe pour objectif »: these set their noun bare (all but the first two found in
        # correct French)
        return
    if lower_form(noun) in AUDIENCE or lower_form(noun) in INSTRUMENTS or lower_form(noun).endswith(PROCESS_ENDINGS) \
            or is_infinitive(lower_form(noun)):
        return  # « pour imprimer »: an infinitive the tagger took for a noun
    if any(lower_form(word).startswith("autre") for word in noun.doc[start.i:noun.i]) \
            or lower_form(noun) in {"cause", "référence", "mémoire", "rappel"}:
        return  # « pour autre chose »; « et pour cause », « cité pour référence » (the Debian Administrator's Handbook)
    if lower_form(noun).endswith(PLURAL_ENDINGS) and not any(word.pos_ in {"VERB", "AUX"} for word in noun.sent):
        return  # « Kit de réparation pour pneumatiques »: a title naming what a product is for (13 flags at 0.46)
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if (following is not None and (following.text == ":" or lower_form(following) == "à")) \
            or not known(noun):
        # « des cartes de couleurs pour matplotlib »: a program's name in lower case, a word neither the pipeline's
        # vectors nor the lemmatizer's tables know (Debian's package descriptions); the spelling detector has it
        return
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(previous.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« pour {phrase} » has no determiner: French usually says « pour le … », « pour la … », "
               "« pour un … » here", (), 0.75)


# verbs of perception, whose object may do what follows them (« j'aperçois quelque chose scintiller »)
PERCEPTION = frozenset({"voir", "apercevoir", "entendre", "sentir", "regarder", "écouter"})
# verbs whose infinitive takes a subject of its own (« se fait sentir », « laisse passer la lumière »)
CAUSATIVES = PERCEPTION | {"faire", "laisser", "envoyer"}
# verbs whose infinitive may follow a noun of their own: the causatives, the modals, verbs of leading somewhere
GOVERNORS = CAUSATIVES | MODALS | {"mener", "emmener", "amener"}
# what may stand between such a verb and its infinitive: object pronouns, « en », the negation
BETWEEN_CAUSATIVE = CLITICS | {"en", "pas"}


WHEN = frozenset({"lorsque", "quand"})


def when_without_clause(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« mesure 3,5 pouces lorsque fermé », « lorsque pataugeant »: English "when closed", "when wading", a
    conjunction with no subject and no verb after it.

    Measured on WMT20 QE en-fr (tuning split): 24 flags at 0.79 after « lorsque » or « quand » on a participle,
    an adjective or « pas »; once adjectives that are not participles are left out (« lorsque nécessaire »
    is French): 22 at 0.82; « quand pas en service » ("when not in use") left out too, for its one flag on
    an error-free segment (the annotators let it pass once in seven): 15 flags at 0.80.
    """
    if lower_form(word) not in WHEN or word.i + 1 >= len(word.doc):
        return
    following = word.doc[word.i + 1]
    lower = lower_form(following)
    if lower in {"tout", "tous", "toute", "toutes"}:
        return  # « Lorsque tous les conflits sont résolus » (LibreOffice's help)
    participle = following.pos_ in {"VERB", "ADJ"} and following.is_alpha and following.is_lower \
        and lower.endswith((*PARTICIPLE_ENDINGS, "ant"))
    if not participle:
        return  # « quand pas en service »: 7 flags, one on an error-free segment
    opening = "en" if lower.endswith("ant") else "une fois"
    if word.text[:1].isupper():
        opening = opening.capitalize()
    yield make(word.idx, following.idx + len(following.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {word.text} {following.text} » has no subject and no verb: English leaves them out "
               '("when closed", "when wading"), French says « une fois fermé », « lorsqu\'il est fermé », '
               "« en pataugeant »", [f"{opening} {following.text}"], 0.75)


def bare_infinitive(verb: Any, make: FlagMaker) -> Iterator[Flag]:
    """« facile entrer », « hauteur prévenir »: an infinitive right after a noun or adjective, no « à » or « de ».

    Measured on WMT20 QE en-fr (tuning split): 122 flags at 0.89 after a noun, 42 at 0.88 after an
    adjective (words the lemmatizer does not know as verbs, such as « stepper », and hyphenated
    compounds such as « prêt-à-pulvériser », left out).
    """
    if verb.pos_ != "VERB" or feature(verb, "VerbForm") != "Inf" or verb.i == 0 or not verb.is_lower:
        return  # « le bouton Fermer »: a label's name
    lower = lower_form(verb)
    if not lower.endswith(INFINITIVE_ENDINGS) or lower not in lexicon_words():
        return
    previous = verb.doc[verb.i - 1]
    if previous.pos_ not in {"NOUN", "ADJ"} or not previous.is_alpha or not previous.is_lower:
        return
    if lower_form(previous) in ALONE | COMMAND_NOUNS | {"même", "mêmes", "fois"} \
            or verb.doc.text[previous.idx + len(previous.text):verb.idx] != " " \
            or (lower_form(previous) == "besoin" and previous.i > 0
                and lower_form(verb.doc[previous.i - 1]) in {"si", "au"}):
        # « ces golems peuvent eux-mêmes cracher »: « même » stresses the subject; « pour une fois avoir »; « et si
        # besoin modifier »: a locution before the infinitive (KDE's messages)
        return
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (following is not None and following.text == "-") or _closes_an_adverbial(previous) or _governed(verb) \
            or _which_to(previous):
        return
    yield make(previous.idx, verb.idx + len(verb.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {previous.text} {verb.text} »: an infinitive after a noun or an adjective needs a preposition "
               "(« facile à utiliser », « utile de comparer », « machine à laver »)", (), 0.85)


INTERROGATIVES = frozenset("quel quelle quels quelles".split())


def _which_to(noun: Any) -> bool:
    """« sélectionner quel style appliquer », « choisir par quel type d'élément naviguer »: an indirect question of
    « quel » and an infinitive, which takes no preposition.

    Found in correct French (LibreOffice's help: 2 sentences); on WMT20 QE en-fr (tuning split) no flag changed.
    """
    for word in reversed(noun.doc[noun.sent.start:noun.i + 1]):
        if word.pos_ in {"VERB", "AUX", "PUNCT"}:
            return False
        if lower_form(word) in INTERROGATIVES:
            return True
    return False


def _governed(verb: Any) -> bool:
    """« vu des squelettes traîner », « envoya des messagers au sud trouver », « laissant les joueurs apprécier »,
    « puissent les seigneurs de la lumière guider », « pourra un jour sortir »: the infinitive belongs to a verb of
    perception, a causative or a modal before it, and the noun between is its subject or an adverbial.

    The parser hangs the infinitive on that verb, or on the noun that is the verb's object.  Found in narrative
    French (Wesnoth's campaigns: 5 of this rule's 11 flags there); on WMT20 QE en-fr (tuning split), shown: one
    flag fewer, wrong (« laissant les joueurs de tous âges et niveaux de compétence apprécier »).
    """
    head = verb.head
    while head.pos_ == "NOUN" and head.dep_ in {"nmod", "conj"} and head.head.i < head.i:
        head = head.head  # « les joueurs de tous niveaux apprécier »: the noun's own complement stands between
    if head.pos_ == "NOUN" and head.dep_ in {"obj", "nsubj"}:
        head = head.head
    previous = verb.doc[verb.i - 1]
    if previous.i > 0 and lower_form(verb.doc[previous.i - 1]) in CLITICS \
            and not GOVERNORS.isdisjoint(verb_lemmas(lower_form(previous))):
        # « nous la ferons payer »: a causative after its object pronoun, which the tagger read as a noun (not « en
        # fait rééduquer », a locution: a right flag of the tuning split)
        return True
    if head.pos_ not in {"VERB", "AUX"} or head.i > verb.i:
        return False
    lower = lower_form(head)
    # « laisse »: the lemmatizer gives « laisse », and its rules miss the present « -e » of « -er » verbs
    return not GOVERNORS.isdisjoint({head.lemma_, *verb_lemmas(lower), f"{lower}r"})


def _closes_an_adverbial(noun: Any) -> bool:
    """« par exemple supprimer », « laisser l'utilisateur corriger »: a noun that ends a phrase of its own
    preposition, short and right before the infinitive, which begins the next constituent (« par », « à »; a
    manner with « avec », « en tout »); or the object of a causative verb, which is the infinitive's subject."""
    if noun.head.lemma_ in CAUSATIVES and noun.dep_ in {"obj", "nsubj"}:
        return True  # « laisser l'utilisateur corriger »: the object of « laisser » is the infinitive's subject
    case = next((child for child in noun.children if child.dep_ == "case"), None)
    if noun.pos_ != "NOUN" or case is None or noun.i - case.i > 2:
        return False
    preposition = lower_form(case)
    if preposition == "avec" and noun.i - case.i == 1:
        return True  # « espérant avec ferveur trouver »: a manner adverbial, the infinitive the verb's before it
    if preposition == "en" and lower_form(noun.doc[case.i + 1]) in {"tout", "toute"} and case.i > noun.sent.start:
        # « vinrent en toute hâte annoncer »; at a sentence's start, « En toute sécurité transporter … » is an
        # English imperative (measured on WMT20 QE en-fr, tuning split: 2 flags, the one inside a sentence wrong)
        return True
    return preposition in {"par", "à"}


def uncontracted(word: Any, make: FlagMaker) -> Iterator[Flag]:
    """« de le Camp Chef », « à les joueurs »: the article French contracts with « de » and « à »."""
    lower = lower_form(word)
    if lower not in {"de", "à"} or word.i + 1 >= len(word.doc):
        return
    article = word.doc[word.i + 1]
    if article.pos_ != "DET" or lower_form(article) not in {"le", "les"}:
        return  # « de le faire »: a pronoun, not an article
    following = article.doc[article.i + 1] if article.i + 1 < len(article.doc) else None
    if following is None or following.pos_ in {"VERB", "AUX"} or article.head.pos_ in {"VERB", "AUX"} \
            or lower_form(following).endswith(INFINITIVE_ENDINGS):
        return  # « avant de le copier »: the tagger takes the pronoun for an article, the verb for a noun
    # measured on WMT20 QE en-fr (tuning split): 11 flags at 0.91
    contracted = CONTRACTIONS[lower, lower_form(article)]
    if word.text[:1].isupper():
        contracted = contracted.capitalize()
    yield make(word.idx, article.idx + len(article.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {word.text} {article.text} » is contracted in French: « {contracted} »", [contracted], 0.85)
