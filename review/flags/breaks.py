"""Where the parse of a sentence breaks: two words the parser could not hold in one sentence.

spaCy's parser splits a segment into sentences as it parses.  Where the French does not hold together
(« ultra compact jumelles Canon offre », « Sacs de couchage modernes offre »), it ends a sentence between
two words that have no punctuation between them.  The two words on either side of such a cut hold an error
far more often than not, whatever the error is: English word order, a missing determiner or preposition,
a word left in English.  A bare subject opening a sentence is a case of its own: the parser reads it as a
title and cuts right after it.  The grammar detector calls :func:`bare_subject_cut_off` and
:func:`parse_break` token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import CONTRACTED, singular
from review.flags.determiners import ROOT_SUBJECT_CONFIDENCE, determined, noun_preposition, phrase_start
from review.flags.nlp import (
    ON_NOUN,
    FlagMaker,
    RuleTable,
    adjective_forms,
    can_be_verb,
    feature,
    is_infinitive,
    lower_form,
    noun_lemmas,
)
from review.flags.structure import SENTENCE_ENDS, participle, participle_clause, verb_only
from review.flags.verb_reading import object_next
from review.model import Category, Flag, Severity

# The parts of speech on either side of a cut into a word in lower case, (before, after), that make the flag
# worth showing, with its confidence.  Measured on WMT20 QE en-fr (tuning split), the flags no other rule's
# flag covered: an adjective before the cut, then a noun 37 at 0.84, a verb 30 at 0.83, an adjective 17 at
# 0.88; a name, then a noun 18 at 0.94, an adjective 13 at 0.85; a noun, then a verb 50 at 0.74 (its one
# error-free segment, « opérations de secours/survie demandent », has a slash before the cut: cuts after one
# are left alone).  Left out: a noun, then a noun 25 at 0.68 (3 on error-free segments: « Lingettes
# nettoyage »), an adjective 23 at 0.57 (« acier inoxydable », « émail mat »); a name, then a verb 42 at 0.52
# (« Cartes Copag résistent »).
BROKEN_PAIRS = {("ADJ", "NOUN"): 0.8, ("ADJ", "ADJ"): 0.8, ("ADJ", "VERB"): 0.8, ("PROPN", "NOUN"): 0.8,
                ("PROPN", "ADJ"): 0.8, ("NOUN", "VERB"): 0.7}
# A cut into a capitalised word is shown after a French adjective in lower case only (« pliante Clip »,
# « extrême Blasters »): 66 flags at 0.83, 62 errors no other flag found; in correct French it flagged
# « applications indépendantes Java ».  After a noun or a name such a cut is mostly a title running into the
# next (« Sports AfieldJoan », « Yoga Ashtanga »: 0.50-0.62), and after a word of a brand a name (« Star
# brite Premium »: 2 error-free segments before the adjective had to be French).
CAPITAL_CONFIDENCE = 0.8
QUOTES = frozenset({"«", "»", '"', "“", "”"})
SLASHES = frozenset({"/", "\\"})


def parse_break(token: Any, make: FlagMaker) -> Iterator[Flag]:
    """« compact jumelles », « robuste façons »: the parser's sentence opens on ``token``, right after a word
    with no punctuation between them."""
    if token.i == 0 or not token.is_sent_start or not token.is_alpha:  # is_sent_start: no Span built per token
        return
    before = token.doc[token.i - 1]
    if before.is_punct or before.text in QUOTES or (before.i > 0 and before.doc[before.i - 1].text in SLASHES):
        return  # « opérations de secours/survie demandent »: a slash leaves the parser unsure of the phrase
    if noun_preposition(token):
        return  # « belliqueux face aux autres créatures »: a locution, where the parser starts a sentence
    if token.is_lower and (_name_then_verb(before, token) or _key_held(before, token)
                           or _program_then_verb(before, token)
                           or (lower_form(token).endswith("ant") and participle_clause(token))):
        # « de Netfilter utilisant une architecture »: a present participle's clause, which the parser cut off (a
        # past participle there is mostly MT's: « Mini Covert dentelée en acier », right flags of the tuning split)
        return
    if token.is_lower and token.pos_ == "VERB" and (_infinitive_subject(before) or (
            before.pos_ == "NOUN" and _determined_subject(before))):
        # « Kalenz et ses troupes voyagèrent », « des esprits morts-vivants hantaient »: a subject and its verb the
        # parser split; « Contacter les anciens responsables peut être utile »: an infinitive's phrase as subject
        return
    if token.is_lower:
        confidence = BROKEN_PAIRS.get((before.pos_, token.pos_))
    elif before.pos_ == "ADJ" and before.is_lower and before.is_alpha and before.lower_ in adjective_forms() \
            and not _names_the_thing(before, token):
        confidence = CAPITAL_CONFIDENCE
    else:
        confidence = None
    if confidence is None:
        return
    yield make(before.idx, token.idx + len(token.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {before.text} {token.text} »: the sentence breaks between these words (a word missing, out of place "
               "or left in English?)", (), confidence)


def _names_the_thing(adjective: Any, name: Any) -> bool:
    """« le vérificateur orthographique Aspell », « l'analyse bayésienne MCMC », « l'expression mathématique LaTeX »:
    a determined noun, its adjective, then the name of the program, format or method it is: an acronym, a name
    written with a capital inside, or a word no French list holds and English lists only rarely (« Aspell »).

    Debian's package descriptions (read blocks, stop 59): 9 flags.  On the tuning split 71 such cuts were flagged, 58
    right; all the right ones stand in titles or after a bare noun (« est jumelles Nikon », « combustible liquide
    Coleman ») or before an English word (« La pratique et polyvalent Harbinger »); one wrong flag goes (« Le couteau
    pliant Spyderco »).
    """
    from review.flags.determiners import has_determiner  # noqa: PLC0415 - determiners imports this module's neighbours
    from review.flags.spelling import LISTED_ENGLISH, english_frequency, in_french_list  # noqa: PLC0415 - word lists

    text = name.text
    coined = (text.isupper() and len(text) >= 2) or any(character.isupper() for character in text[1:]) \
        or (english_frequency(text.lower()) < LISTED_ENGLISH and not in_french_list(text.lower()))
    if not coined or not name.is_alpha:
        return False
    noun = adjective.doc[adjective.i - 1] if adjective.i > 0 else None
    while noun is not None and noun.pos_ == "ADJ" and noun.i > 0:
        noun = noun.doc[noun.i - 1]
    contracted = noun is not None and noun.i > 0 and lower_form(noun.doc[noun.i - 1]) in CONTRACTED
    return noun is not None and noun.pos_ == "NOUN" and (has_determiner(noun) or contracted)


def _name_then_verb(before: Any, token: Any) -> bool:
    """« Panamá déclara son indépendance », « Devoir obéir blesse »: a name opening the sentence, then its verb in a
    tense the tagger misreads (a simple past called a participle), or a modal and its infinitive; on the tuning split
    no flag, on the read correct-French sets 3 sentences.  Names in capitals or with capitals inside too (« ABC
    fournit », « CryFS peut »), and a hyphenated name anywhere (« le paquet lockfile-progs peut », « Yorick-gl
    ajoute »: Debian's package descriptions, 4 sentences)."""
    if _hyphenated_end(before):
        return _plain_verb(token)
    first = before
    while first.i > 0 and first.doc[first.i - 1].text[:1].isupper() and first.doc[first.i - 1].is_alpha \
            and before.text.isupper():
        first = first.doc[first.i - 1]  # « Apt-Cacher NG peut »: a name whose last word is in capitals
    return (first.i == 0 or first.doc[first.i - 1].is_punct) and (
        (before.is_title and verb_only(token)) or (before.text[:1].isupper() and _plain_verb(token)))


def _program_then_verb(name: Any, word: Any) -> bool:
    """« Mais KStars propose aussi », « KIO GDrive autorise les applications », « slbackup utilise rdiff-backup »: a
    program's name written as programmers write it (a capital inside, or a word in lower case no list explains),
    then a conjugated verb, anywhere in the sentence (Debian's package descriptions: 4 flags in 12,000 sentences,
    stop 53; on the tuning split no cut stands after such a word)."""
    from review.flags.spelling import dictionaries, names_something  # noqa: PLC0415 - the word lists load on first use

    text = name.text
    programmer_s = name.is_alpha and (any(character.isupper() for character in text[1:]) and not text.isupper())
    # a word in lower case one letter off a French one is that word misspelt (« Holster d'epaule répond », MT's
    # broken sentence, a right flag of the tuning split)
    unknown = names_something(name) and not dictionaries()[0].candidates(name.lower_)
    return (programmer_s or unknown) and _plain_verb(word)


def _key_held(name: Any, word: Any) -> bool:
    """« Maintenez la touche Maj enfoncée »: a participle after the name of a key or a button describes the key (help
    texts; on the tuning split no flag stands so)."""
    doc = name.doc
    return not name.is_lower and name.i > 0 and lower_form(doc[name.i - 1]) in {"touche", "bouton"} \
        and participle(word)


def _hyphenated_end(word: Any) -> bool:
    """The last piece of a hyphenated word, which the tokenizer cut at its hyphens."""
    doc = word.doc
    return word.i >= 2 and doc[word.i - 1].text == "-" and not doc[word.i - 1].whitespace_ \
        and not doc[word.i - 2].whitespace_


def _plain_verb(word: Any) -> bool:
    """A conjugated verb: one the tagger calls so and the lemmatizer's tables know as no noun (« fournit »,
    « peut »), or a form of a verb with its object's determiner after it (« chiffre les », « analyse aussi les »)."""
    lower = lower_form(word)
    if word.pos_ in {"VERB", "AUX"} and feature(word, "VerbForm") == "Fin" \
            and lower not in noun_lemmas() and singular(lower) not in noun_lemmas():
        return True
    return object_next(word) and can_be_verb(lower) and not is_infinitive(lower) \
        and not lower.endswith(("é", "ée", "és", "ées"))


def _determined_subject(noun: Any) -> bool:
    """A noun with its determiner or possessive right before it: a subject whole, which its verb may follow.

    The parser cuts after a coordinated subject that opens on a name (« Kalenz et ses troupes voyagèrent »:
    3 of the rule's 19 flags on the read correct-French sets).  On WMT20 QE en-fr (tuning split) the noun-verb
    cuts with such a noun were 5 flags, 4 of them wrong (« votre eau deviendra », « les origines remontent »);
    MT's cuts come after a subject without one (« Décapant de tache de moisissure supprime »).
    """
    doc, start = noun.doc, noun.i
    while start > 0 and (doc[start - 1].text == "-" or (doc[start - 1].pos_ in {"NOUN", "ADJ"} and start < noun.i)):
        start -= 1  # « des esprits morts-vivants »: back over a compound's hyphen and the words it joins
    if start == 0:
        return False
    # « des » is often tagged a preposition: an article after « et » (« et des esprits morts-vivants hantaient »),
    # « de les » after a noun (« l'arrimage des pièces jointes permet »: a right flag of the tuning split)
    article = doc[start - 1]
    return article.pos_ == "DET" or (lower_form(article) == "des" and start > 1
                                     and doc[start - 2].pos_ not in {"NOUN", "PROPN", "ADJ"})


def _infinitive_subject(word: Any) -> bool:
    """The parser's sentence that ``word`` ends opens on an infinitive (« Graver de la musique vocale soulève »)."""
    doc, first = word.doc, word.sent.start
    opens = first == 0 or doc[first - 1].is_punct  # not « Uniden SC230 Scanner »: a name cut off a title
    return opens and first < word.i and is_infinitive(lower_form(doc[first]))


def bare_subject_cut_off(noun: Any, make: FlagMaker) -> Iterator[Flag]:
    """« Surface de cuisson est grande », « Huile de teck est le meilleur »: with no determiner before its
    subject, the parser reads the opening noun phrase as a title and ends a sentence after it, so the next
    "sentence" opens on a conjugated verb in lower case, which no sentence does.

    The noun is the root of the phrase the parser cut off, which opens the segment or follows a sentence's
    end, with no punctuation between the phrase and the verb.  Measured on WMT20 QE en-fr (tuning split):
    14 flags at 0.93, 14 errors no other rule found, none on an error-free segment; without the cut having
    to follow a sentence's end (« brûleur gaz Compact poêle ») and the noun having to be one in the
    lemmatizer's tables (« Jouez au poker »), 21 at 0.86.
    """
    if noun.pos_ != "NOUN" or noun.dep_ != "ROOT" or not noun.is_alpha:
        return
    start = phrase_start(noun)
    if start.i != noun.sent.start or determined(noun, start) or (start.i != noun.i and not noun.is_lower) \
            or not start.text[:1].isupper() or not start.text[1:].islower():
        return
    verb = _verb_after_cut(noun)
    if verb is None or not _common_noun(noun):
        return
    phrase = noun.doc.text[start.idx:noun.idx + len(noun.text)]
    yield make(start.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {phrase} » opens the sentence as the subject of « {verb.text} » without a determiner: French "
               "needs « le », « la », « les », « un »… here", (), ROOT_SUBJECT_CONFIDENCE)


def _verb_after_cut(noun: Any) -> Any | None:
    """The conjugated verb in lower case that opens the parser's next sentence, right after ``noun``'s."""
    sentence = noun.sent
    if sentence.end >= len(noun.doc) or any(word.is_punct for word in sentence):
        return None
    if sentence.start > 0 and noun.doc[sentence.start - 1].text not in SENTENCE_ENDS:
        return None  # « brûleur gaz Compact poêle »: the parser's cut inside a title
    verb = noun.doc[sentence.end]
    if lower_form(verb) in {"ne", "n'"} and verb.i + 1 < len(noun.doc):
        verb = noun.doc[verb.i + 1]  # « Surface ne colle pas »
    if verb.pos_ not in {"VERB", "AUX"} or not verb.is_lower or feature(verb, "VerbForm") != "Fin" \
            or not can_be_verb(lower_form(verb)):
        return None
    return verb


def _common_noun(noun: Any) -> bool:
    """A French common noun, not a verb or an adjective the tagger took for one, nor a name."""
    lower, nouns = lower_form(noun), noun_lemmas()
    if not {lower, noun.lemma_.lower()} & nouns or (lower in adjective_forms() and lower not in nouns):
        return False  # « Jouez au poker », « Compact poêle »
    from review.flags.spelling import dictionaries, is_known  # noqa: PLC0415 - the word list loads on first use

    return is_known(lower, dictionaries()[0]) and noun.ent_type_ not in {"PER", "ORG"}


RULES: RuleTable = (
    (bare_subject_cut_off, ON_NOUN),
    (parse_break, frozenset({"NOUN", "VERB", "ADJ", "PROPN", "X"})),
)
