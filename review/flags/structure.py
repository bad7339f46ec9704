"""English structure left in French: the traces of word-for-word translation.

Rules of the grammar detector that read the parse for what English→French MT
leaves behind: nouns stacked in English order (« photo caméra adaptateurs »),
adjectives before the noun where French puts them after and English words kept
in capitals (« Indoor Trainer »).  Words glued by a lost line break
(« WarrantyThis ») are :mod:`review.flags.glued`'s; nouns without the determiner
French requires are :mod:`review.flags.bare_objects`'s.  Each rule's precision,
measured on professionally annotated MT (WMT20 QE en-fr, tuning split), is
written next to it and sets its confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.adjective_place import (
    AFTER_A_DETERMINER,
    COLOURS,
    CONTRACTED,
    POSTNOMINAL_ENDINGS,
    PRENOMINAL,
    SAID,
    masculine_forms,
    may_be_adjective,
    preposed_adjective,
    set_first_by_choice,
    singular,
)
from review.flags.determiners import (
    noun_preposition,
)
from review.flags.hyphens import demonstrative_piece, hyphenated_adjective
from review.flags.locutions import adverbial_noun
from review.flags.mood import CLAUSE_OPENERS
from review.flags.nlp import (
    LEQUEL,
    FlagMaker,
    adjective_forms,
    adjective_lemmas,
    can_be_verb,
    feature,
    is_infinitive,
    lower_form,
    noun_lemmas,
    verb_lemmas,
)
from review.flags.verb_reading import before_its_infinitive, the_verb
from review.model import Category, Flag, Severity

# letters that name a variable (« l'axe x », « l'instant t », « la ligne i »)
VARIABLES = frozenset("x y z t n i j k".split())
# nouns French itself puts after another noun with no preposition, as an adjective (« paquet source »,
# « mot clé », « compte utilisateur »): the classic appositions of the grammars and those of computing
APPOSITIVE = frozenset(
    "clé type modèle pilote témoin limite record éclair choc phare vedette culte mère fille standard cadre maison "
    "minute express miracle surprise tampon relais cible fantôme pirate robot mammouth marathon fleuve charnière "
    "satellite tandem sandwich gigogne papillon cargo catastrophe système réseau source utilisateur client serveur "
    "racine texte web audio vidéo photo radio image mémoire arrière avant internet intranet test amont aval jazz "
    "frontière successeur souche hôte clavier disque courriel processeur clef objet média noyau conteneur bonus turbo "
    "fils miroir destination bloc index parent parents joker journal erreur démo superutilisateur père enfant "
    "torrent root bitmap ancêtre".split()
    # « les territoires frontière », « l'état successeur »; « le système hôte », « les raccourcis clavier », « l'espace
    # disque », « l'adresse courriel », « le temps processeur » (GNOME's help, VLC's messages: 11 sentences; on the
    # tuning split no flag changed); « mot clef », the other spelling of « mot clé », « un fichier objet », « les
    # fichiers média », « l'espace noyau », « un format de fichier conteneur » (Debian's package descriptions); « les
    # points bonus », « le mode turbo », « un processus fils », « des sites miroirs »,
    # « l'hôte destination », « les périphériques bloc » (the same); « les fichiers index », « les dossiers parents »,
    # « les caractères jokers », « le fichier journal », « la sortie erreur » (KDE's help and messages; none of the
    # tuning split's flags has any of them second); « une campagne démo » (0 A.D.), « les droits superutilisateur »
    # (Debian's debconf questions; none on the tuning split); « un site intranet » (Firefox's messages; none either);
    # « le processus père », « les processus enfant » (the manual pages: 4 sentences of 500; none on the tuning split);
    # « les fichiers torrent » (Debian's package descriptions: 4 sentences of 12,000, stop 53; none on the tuning
    # split; « delta », in 3 more sentences, cost « Delta panier » two right flags there as the first of two nouns);
    # « les privilèges root », « le compte root », « une image bitmap », « ses ancêtres bitmap » (Debian's package
    # descriptions and the manual pages, stop 55: 16 flags in 22,500 + 500 sentences; neither word is in a flag of
    # the tuning split); « les espaces de noms ancêtre » (the manual pages, read blocks, stop 58: 3 flags; no pair of
    # the tuning split ends on it)
)
# more of them for the "two nouns side by side" rule alone: « assurance qualité », « station service » and colours
# named after a metal (« un clip argent »); after a determiner or a preposition 6 flags at 0.33 on the tuning
# split, 3 of them on error-free segments (the rules of word_order and compounds keep their own measure)
SET_APPOSITIVE = frozenset("qualité service argent bronze".split())
# nouns of peoples and creatures, and a few others, that French sets after any noun as its adjective (« un
# guerrier elfe », « les archers orcs », « un lien hypertexte », « la valeur zéro », « le mot de passe
# administrateur », « un chargeur de démarrage multiplateforme »: Wesnoth's and Widelands' campaigns, the Debian
# Administrator's Handbook, Debian's package descriptions, 64 flags; none of these
# words ends a flagged pair on the tuning split); « des processeurs multicœurs », « un lecteur multiformat », « une
# norme multivendeur » (the descriptions again; not every « multi- »: « lentilles multicouches » and « ordinateur
# multifonction » of the tuning split are right flags, by the errors around them)
NOUN_ADJECTIVES = frozenset("elfe orc orque troll gobelin ondin zombie nain naine ammorite dragon guerrier vétéran "
                            "hypertexte zéro administrateur éponyme tomate multijoueur multiplateforme multicœur "
                            "multiformat multivendeur pair paire impair impaire nu nue nus nues radioamateur".split())
# « les nombres pairs », « les niveaux impairs », « pieds nus », « une parité paire » (the manual pages, stop 58; no
# pair of the tuning split ends on « paire »): nouns too (a peer, a pair, a nude), read as nouns by the
# tagger (GCompris's activities: 5 sentences of 592; on the tuning split no flag holds them); « les opérateurs
# radioamateurs » (Debian's package descriptions, stop 55: 10 flags in 22,500 sentences; none on the tuning split)
# the kinds of program a program's name follows (« le paquet vim », « la commande ls »)
PROGRAM_KINDS = frozenset("paquet programme bibliothèque utilitaire module commande éditeur démon greffon compilateur "
                          "moteur pilote logiciel client processus liaison".split())
# (« le client telnet », « ces processus getty », « les liaisons perl »: Debian's package descriptions, stop 53; on the
# tuning split no noun pair opens with any of them; « projet », a name holder, cost « projet isolé tube » its flag)
# nouns that French follows with a bare noun naming a kind (« mode veille », « style vintage », « taille adulte »)
KIND_HEADS = frozenset("mode format style taille type effet genre version option position fonction couleur façon "
                       "marque modèle niveau symbole caractère préfixe fichier objet partie paramètre argument "
                       "périphérique".split()) | PROGRAM_KINDS | {"langue", "touche", "menu", "icône", "fenêtre"}
# « la langue kannada », « une langue chibchane » (Debian's package descriptions, Freeciv's nations: 6 sentences), the
# kinds of program (« le paquet vim », « la commande ls », « l'éditeur vi », « le programme talk »: Debian's package
# descriptions, 31 sentences of 3,000; on the tuning split no noun pair opens with one of these) and « la touche
# Entrée », « la touche tabulation » (the same); « le menu outils », « l'icône bouche » (GCompris's activities: 3
# sentences of 592), « la fenêtre options » (0 A.D.'s help); on the tuning split no flag holds them; « au niveau
# ligne », « au niveau application » (Debian's package descriptions, stop 55: 6 flags in 22,500 sentences; on the
# tuning split one flag, wrong: « au niveau débutant »); « le symbole dollar », « le caractère espace », « le préfixe
# tilde »: a sign and its name (the manual pages, LibreOffice's help, Scilab's: 10 flags, stop 55; none on the tuning
# split); « les fichiers sons », « le fichier projet », « l'objet fenêtre », « la partie description » (Debian's
# package descriptions, Scilab's help: 12 flags, stop 55; no noun pair of the tuning split opens with one of them);
# « le paramètre taille », « sans le paramètre compte »: a manual page names a parameter by what it holds (the manual
# pages, read 4,001-4,302, stop 57: 4 sentences of 302; 3 segments of the tuning split name one, with no flag there);
# « un périphérique boucle », « les périphériques caractère »: a device by its kind (the manual pages, read blocks,
# stop 58: 5 flags; no pair of the tuning split opens with « périphérique »)
# what carries data one bit after the other: « un port série », « les consoles série » (Debian's package
# descriptions: 5 sentences of 3,000; « Zoom série » of a product title keeps its flag)
SERIAL = frozenset("port câble ligne console liaison interface terminal périphérique".split())
# what holds or serves a thing named after it (« l'archive tar », « les tableaux numpy », « les sessions telnet »,
# « les dépôts git », « les tâches cron », « le port syslog »: Debian's package descriptions, 19 sentences of
# 3,000): a second word no French word list knows is that name (in the MT data, mostly English left in)
NAMED_HEADS = frozenset("archive tableau session script serveur dépôt tâche fichier document dictionnaire requête "
                        "application extension composant projet interface protocole console port outil caractère "
                        "variante règle lien page architecture thème image répertoire donnée débogueur "
                        "chargeur interpréteur analyseur convertisseur appliquette service système sortie conteneur "
                        "balisage courriel plateforme macro syntaxe méthode encodage documentation dossier binaire "
                        "séquenceur navigateur appel message utilisateur identifiant balise attribut groupe boucle "
                        "objet paramètre réglage champ masque valeur socket variable noyau agent jeu formule "
                        "machine classe bureau visualisation dorsal dorsau rapport algorithme nom police "
                        "stockage saisie entrée montage opération réseau terminal crate".split())
# (« les messages syslog », « l'utilisateur root », « un identifiant ftp »: Debian's debconf questions; « une balise
# meta », « l'attribut sandbox »: Thunderbird's messages, 13 sentences of 420; « le groupe root », « la boucle
# while »: the manual pages, 3 sentences of 500; on the tuning split no flag holds them; « l'objet datetime », « les
# objets mock »: Debian's package descriptions, stop 55, 5 flags in 22,500 sentences; none on the tuning split; « le
# paramètre flags », « le réglage rsize », « la valeur nodesize », « les sockets packet », « les variables shell »: the
# manual pages, read block 2,001-4,000, stop 57, 24 sentences of 2,000; the tuning split's pairs after these nouns end
# on a French word, « réglage sangle », « champ décapage », and keep their right flags); « le noyau omapfb », « les
# agents akonadi », « le jeu warzone », « le bureau budgie », « les dorsaux ebl », « le stockage
# mbox », « la saisie zhuyin », « l'entrée stdin », « l'opération remount » (the package descriptions' and the manual
# pages' read blocks, stop 59: 24 flags; on the tuning split no flag changed; « cible » and « configuration » were
# left out: they cost « 4 cible stakes » and « cette configuration tackle » their right flags; « dorsau » is what
# :func:`singular` makes of « dorsaux »)
NAME_HOLDERS = PROGRAM_KINDS | NAMED_HEADS
"""Every noun a program's name may follow with no preposition: the kinds of program and what holds or serves one."""


def program_kind(token: Any) -> bool:
    """« paquet », « programmes », « processus »: a kind of program (:data:`PROGRAM_KINDS`), in either number."""
    lower = lower_form(token)
    return not {lower, singular(lower)}.isdisjoint(PROGRAM_KINDS)


# adjectives that stand between a determiner and its noun as determiners do (« le même code source », « de
# nombreux paramètres réseau », « les différents annuaires système »: the Debian Administrator's Handbook)
DETERMINING_ADJECTIVES = frozenset("même mêmes différents différentes divers diverses nombreux nombreuses autre autres "
                                   "certains certaines seul seule seuls seules".split())
# (« certains cas particuliers », where « certains » is the determiner, and « un seul appel système »: Debian's package
# descriptions)
# those of them that stand for the determiner (« compile divers langages source »)
STANDING_DETERMINERS = frozenset("divers diverses différents différentes certains certaines".split())
# adverbs that grade an adjective set before its noun (« un très faible temps système »); not « plus », whose
# superlative (« la plus haute spécification conteneurs ») MT writes before English compounds
INTENSIFIERS = frozenset("très trop assez fort si aussi".split())
# the short adjectives French sets before the noun, and « tel »
SHORT_PRENOMINAL = frozenset("beau bel bon grand gros jeune joli long mauvais meilleur nouveau nouvel petit vieux "
                             "vieil vrai tel".split())
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
# a day, and the part of it that follows with no preposition (« le lendemain matin », « hier soir »)
DAYS = frozenset("lendemain surlendemain veille hier demain lundi mardi mercredi jeudi vendredi samedi dimanche"
                 .split())
TIMES_OF_DAY = frozenset("matin soir midi après-midi".split())
# the points of the compass and the centre, which French joins by a hyphen (« centre-sud », « nord-ouest »)
COMPASS = frozenset("nord sud est ouest centre".split())


def noun_adjective(lower: str) -> bool:
    """A word French sets after any noun as its adjective (:data:`NOUN_ADJECTIVES`)."""
    return singular(lower) in NOUN_ADJECTIVES


def _set_pair(token: Any, following: Any) -> bool:
    """« le lendemain matin », « dimanche soir », « un port série », « à moyen terme », « la planification temps
    réel », « un environnement temps partagé », « un retour chariot » (the manual pages: 3 flags, stop 58; no
    « retour » before a noun nor « temps partagé » on the tuning split): pairs French sets side by side."""
    first, second = lower_form(token), lower_form(following)
    doc = token.doc
    real_time = second == "temps" and following.i + 1 < len(doc) \
        and lower_form(doc[following.i + 1]) in {"réel", "partagé"}
    return (second in TIMES_OF_DAY and first in DAYS) or (second == "série" and singular(first) in SERIAL) \
        or (second == "terme" and first in {"court", "moyen", "long"}) or real_time \
        or (second == "chariot" and singular(first) == "retour")


def _hyphen_after(word: Any) -> bool:
    doc = word.doc
    return word.i + 1 < len(doc) and doc[word.i + 1].text == "-" and not word.whitespace_


def _in_prose(token: Any) -> bool:
    """A verb between the full stops around ``token``: prose, even where the parse cut the sentence at a hyphen
    (« Le paquet drascula-music est à installer »)."""
    doc = token.doc
    start = next((word.i + 1 for word in reversed(doc[:token.i]) if word.text in SENTENCE_ENDS), 0)
    end = next((word.i for word in doc[token.i:] if word.text in SENTENCE_ENDS), len(doc))
    return any(word.pos_ in {"VERB", "AUX"} for word in doc[start:end])


def _names_kind(token: Any, following: Any, *, prose: bool) -> bool:
    """« le mode veille », « le paquet vim », « l'archive tar »: a kind, or what a name follows, then the name.

    A kind in prose; what a name follows when the second word is in no French word list, in a text sentence with a
    verb, even one the parse cut (« La commande ftwhich recherche dans … », where the tagger read no verb).
    """
    head = singular(lower_form(token))
    if program_kind(token):
        # « le célèbre programme festival », « (paquet bison) »: a program's kind before its name, outside prose too,
        # where the second word is a French one (Debian's package descriptions: 12 flags in 12,000 sentences, stop 53)
        return True
    if (prose and (head in KIND_HEADS or lower_form(token) == "outil")) \
            or (head == "mode" and token.i > 0 and lower_form(token.doc[token.i - 1]) == "en"):
        # « en mode diaporama » (KDE's help; no pair after « en mode » on the tuning split); « l'outil crayon » (Tux
        # Paint's documentation), but not the plural: « les outils suite » is MT's (tuning split, right)
        return True
    if head not in NAME_HOLDERS:
        return False
    from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word list loads on first use

    return not in_french_list(lower_form(following)) and (prose or _in_prose(token))


def _side(token: Any, following: Any) -> bool:
    """« un démon côté client », « une application côté serveur », « le protocole Wayland côté client », « …, côté
    serveur, … », « l'interpréteur Parser 3 côté serveur »: the locution « côté X » after a noun, a name, a number or a
    comma, on either side of the pair (« dos et côté exercices » stays flagged)."""
    doc = following.doc
    if lower_form(token) == "côté":
        # « le code côté client et côté serveur »: the second of two
        before = doc[token.i - 1] if token.i > 0 else None
        return bool(before is not None and (before.pos_ in {"NOUN", "PROPN", "NUM"} or before.text == ",")) or (
            token.i > 2 and lower_form(doc[token.i - 1]) in {"et", "ou"} and lower_form(doc[token.i - 3]) == "côté")
    return lower_form(following) == "côté" and following.i + 1 < len(doc) and doc[following.i + 1].pos_ == "NOUN"


def noun_stack(token: Any, make: FlagMaker) -> Iterator[Flag]:  # noqa: PLR0911 - one guard per exception
    """Two common nouns side by side with no preposition: the English compound order.

    Measured on WMT20 QE en-fr (tuning split): 1,226 flags at 0.78.  Where the first noun follows a
    determiner or a preposition in a sentence with a verb (prose, not a product title) and the second
    is one French uses as an adjective (in the lemmatizer's adjective table, or an apposition such as
    « source », « système », « clé »), or the first names a kind (« mode veille »), the pair is
    usually French: 155 flags at 0.55, dropped (they were most of the flags on correct French).  So is
    a noun and its participle anywhere (« air comprimé »: 27 at 0.63) and, after a determiner or a
    preposition, a noun and an adjective in titles too (« les situations défensives »: 33 at 0.64):
    both dropped, they flagged 3 error-free segments.  The rest, before ranking: 813 at 0.90 outside
    prose (confidence 0.85), 469 at 0.71 in prose (confidence 0.7); 1,055 shown at 0.82 after ranking.
    Then dropped too (before ranking): after a determiner, a second word the lemmatizer knows as an
    adjective form though not as a lemma, of the first one's number (« air frais », « situations
    défensives »: 24 flags at 0.46, 2 error-free segments), or one of the nouns French sets after another
    (« assurance qualité », « clip argent »: 6 at 0.33, 3 error-free segments); one joined by « et » to
    another adjective (« boissons frais et froid »: 4 at 0.50); a second word that is the sentence's only
    verb, followed by its complement (« sans pile compte jusqu'à »: 2 at 0.0); 1,246 flags left at 0.84.
    Narrative French (stop 36) then showed three more shapes of correct French, left out: an adjective set
    first after its determiner (:func:`preposed_adjective`: « l'épaisse obscurité », « un large éventail »), a
    day and its part (« le lendemain matin ») and a locution (« la comparaison face à »).  On the tuning split,
    shown: 44 flags fewer, 31 of them wrong (« large gamme » alone 14).  Debian's package descriptions (stop 52) showed
    a noun in apposition after any adjective set first (« le premier jeu vidéo », « un très faible temps système »),
    after « divers » (« divers langages source ») and after a noun joined to one with its article (« les processus
    et ressources système »): 6 flags fewer in 12,000 sentences; on the tuning split the flags stay (a first version
    that took any adjective or adverb lost « la plus haute spécification conteneurs »).
    """
    doc = token.doc
    if token.i + 1 >= len(doc) or token.pos_ != "NOUN" or not token.is_alpha or not token.is_lower:
        return
    following = doc[token.i + 1]
    if following.pos_ != "NOUN" or not following.is_alpha or not following.is_lower:
        return
    if doc.text[token.idx + len(token.text):following.idx] != " ":
        return
    previous = doc[token.i - 1] if token.i > 0 else None
    after_article = _after_article(token, apposition=singular(lower_form(following)) in APPOSITIVE)
    prose = after_article and any(word.pos_ in {"VERB", "AUX"} for word in token.sent)
    if preposed_adjective(token) or verb_only(following) or before_its_infinitive(following) or adverb(token) \
            or lower_form(token) in LEQUEL \
            or adverb(following) or _variable(token, previous) or _variable(following, previous) \
            or adverbial_noun(token) or noun_adjective(lower_form(following)) or _side(token, following) \
            or _locution_around(token, following) or _hundreds(token, previous):
        # « les gens dévalisèrent »: a simple past; « la clé ultérieurement »: an adverb; « un démon côté client »: the
        # locution « côté X » (Debian's package descriptions and LibreOffice's help: 4 sentences; no flag of the
        # tuning split); « le problème risque de se trouver »: a verb; « l'axe x »: a variable; « à partir duquel
        # atftpd sert »: a relative pronoun the tagger took for a noun (Debian's debconf questions); « à la fois
        # ymplayer », « le diagnostic post mortem » (Debian's package descriptions)
        return
    if participle(following) or (lower_form(following).endswith("ant") and can_be_verb(lower_form(following))):
        # « air comprimé », « poches zippées »: outside prose too, 27 flags at 0.63; « deux têtes de note
        # représentant »: a present participle, the verb of what follows
        return
    if (after_article or _apposed_after_article(token, previous)) \
            and (_adjectival(following) or _adjective_form_agreeing(token, following)):
        return  # « les situations défensives », « l'air frais »: in titles too, 33 + 24 flags at 0.64, 0.46
    if _names_kind(token, following, prose=prose or (_hyphen_after(following) and _in_prose(token))):
        return  # « le paquet vim »; « le paquet drascula-music est … », where the parse cut the sentence at the hyphen
    if _set_pair(token, following):
        return
    if _cut_at_a_hyphen(token, following, previous):
        return
    after = doc[following.i + 1:following.i + 3]
    if noun_preposition(following):
        # « la comparaison face à », « suite à », « la passe sud grâce au », « la boîte de dialogue colonne par
        # colonne »: a locution after the noun
        return
    if len(after) == 2 and lower_form(after[0]) in {"et", "ou"} and lower_form(following) in adjective_forms() \
            and (after[1].pos_ == "ADJ" or singular(lower_form(after[1])) in adjective_forms()):
        return  # « les aliments et boissons frais et froids »: two adjectives joined by « et »
    if (after and after[0].pos_ in {"ADP", "NUM"} and the_verb(following)) \
            or _verb_then_infinitive(token, following, after):
        return  # « L'appareil sans pile compte jusqu'à 9 999 »: the sentence's verb and its complement
    if _subject_then_verb(token, following, after) or (after and (
            after[0].pos_ in {"DET", "ADV", "PRON"} or lower_form(after[0]) in {"tous", "toutes", "des", "du"})
            and previous is not None
            and (((previous.i == token.sent.start or doc[previous.i - 1].text == ",") and the_verb(following))
                 or _clause_subject(token, following)
                 or _governed_then_verb(token, following))):
        # « Ce paramètre contrôle l'adoucissement »: the subject that opens the sentence, or a clause after its comma
        # (« Le contenu accessible, l'installateur rapatrie tous les fichiers »: Debian's Handbook), then its verb;
        # « Un détective enquête sur un meurtre »: a determiner opening a clause, its noun and a verb read as a noun
        return
    yield make(token.idx, following.idx + len(following.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {token.text} {following.text} »: two nouns side by side is English word order; "
               "French links them with a preposition (« X de Y ») or reverses them", (), 0.7 if prose else 0.85)


# the tens, which are numbers wherever they stand (« plus de soixante langues »)
TENS = frozenset("vingt vingts trente quarante cinquante soixante septante huitante octante nonante".split())


def _cut_at_a_hyphen(token: Any, following: Any, previous: Any) -> bool:
    """« l'exemple ci-après », « ce jour-là », « la partie centre-sud »: the second word cut off at its hyphen;
    « Celui-ci lit des expressions », « celle-là tourne »: a demonstrative pronoun cut at its hyphen, then its verb
    (Debian's package descriptions, read blocks, stop 59: 1 flag; none on the tuning split)."""
    doc = token.doc
    hyphen = following.i + 1 < len(doc) and doc[following.i + 1].text == "-"
    return (hyphen and (lower_form(following) in {"ci", "là"} | COMPASS or hyphenated_adjective(following))) \
        or (previous is not None and demonstrative_piece(token))


def _apposed_after_article(token: Any, previous: Any) -> bool:
    """« votre moteur web favori », « le site web wiki »: a noun in apposition to a noun after its article, whose
    adjective may follow it (Debian's package descriptions, stop 55: 3 flags)."""
    return previous is not None and previous.pos_ == "NOUN" and singular(lower_form(token)) in APPOSITIVE \
        and _after_article(previous)


def _hundreds(token: Any, previous: Any) -> bool:
    """« deux cents outils », « trois mille sites », « plus de soixante langues »: a number's word, which the tagger
    reads as a noun (Debian's package descriptions: 3 flags in 22,500 sentences, stops 54 and 55; on the tuning split
    no flag stands on one)."""
    lower = lower_form(token)
    return lower in TENS or (lower in {"cent", "cents", "mille"} and previous is not None
                             and (previous.like_num or previous.pos_ == "NUM"))


# Latin locutions French writes after a noun (« le diagnostic post mortem », « une solution ad hoc »)
LATIN_LOCUTIONS = frozenset({("post", "mortem"), ("ad", "hoc"), ("a", "priori"), ("a", "posteriori"), ("in", "situ"),
                             ("in", "vitro"), ("in", "vivo"), ("de", "facto"), ("vice", "versa"), ("ex", "nihilo")})
# endings of the future, the conditional and the simple past: a word with one that can be a verb is no noun
TENSE_LOOKS = ("a", "ront", "rait", "raient", "rons", "rez", "èrent")  # « contacta », « sera »: a simple past, a future
ADVERBS = frozenset("autrefois jadis naguère ailleurs".split())
# participles that name what follows them (« des chemins appelés voies navigables »: Widelands' scenarios)
NAMING = frozenset("appeler nommer surnommer dénommer baptiser intituler".split())
# « faire » and the bare noun of a locution (« fait appel à », « faisant partie de »: LilyPond's and GIMP's manuals)
LIGHT_IDIOMS = frozenset("appel partie face preuve attention confiance usage allusion référence main".split())
# (« une ceinture faite main »: handmade, Cataclysm's items, stop 55: 3 flags; no « fait main » on the tuning split)
# the metals a plating names bare (« une montre en acier plaqué or »: the same, 1 flag; none on the tuning split)
PLATINGS = frozenset("or argent chrome nickel cuivre platine rhodium".split())


# « orienté objet », « orientée connexion », « orientés événements »: the participle takes a bare noun in the
# language of computing (Debian's package descriptions, 11 sentences of 1,500; 2 in LibreOffice's help; on the
# tuning split no flag holds it)
ORIENTED = frozenset("orienté orientée orientés orientées".split())


def light_idiom(verb: Any, noun: Any) -> bool:
    """« fait appel à », « faite main », « orienté objet », « plaqué or »: a verb and the bare noun of its locution."""
    lower = lower_form(verb)
    return (verb.lemma_.lower() == "faire" and lower_form(noun) in LIGHT_IDIOMS) or lower in ORIENTED \
        or (lower.startswith("plaqué") and lower_form(noun) in PLATINGS)




# adverbs of place the tagger reads as nouns (« double-cliquez dessus », « les soldats stationnés dedans »:
# LibreOffice's help, Widelands' scenarios; no flag of the WMT20 tuning split holds them)
PLACE_ADVERBS = frozenset("dessus dessous dedans dehors".split())


def together(word: Any) -> bool:
    """« les objets disparaissent ensemble »: « ensemble » not followed by « de » is the adverb (GNOME's help).

    Not for a noun before it (« copié ensemble », « sacs ensemble »): on WMT20 QE en-fr (tuning split) the pair is
    right 0.5 of the time, MT's "together" misplaced (3 errors lost), so :func:`noun_stack` keeps flagging it.
    """
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return lower_form(word) == "ensemble" and (following is None
                                               or lower_form(following) not in {"de", "d'", "des", "du"})


def _locution_around(token: Any, following: Any) -> bool:
    """Two words that only look like two nouns side by side: « à la fois » before whatever it joins, « à travers »
    before a name, a Latin locution after a noun (« post mortem », « ad hoc »).

    Found in Debian's package descriptions (stop 51); on WMT20 QE en-fr (tuning split) no flag changed.  The adverb
    « ensemble » closing a verb's phrase (« étiqueter plusieurs fichiers ensemble ») was left flagged: on the tuning
    split 5 right flags stand on it (« repas ensemble », « lettres ensemble de chaîne »).
    """
    doc = token.doc
    if lower_form(token) == "fois" and token.i >= 2 and [lower_form(word) for word in doc[token.i - 2:token.i]] \
            == ["à", "la"]:
        return True
    if lower_form(token) == "vue" and token.i >= 2 and [lower_form(word) for word in doc[token.i - 2:token.i]] \
            == ["point", "de"]:
        # « du point de vue chiffrement », « d'une manière efficace du point de vue espace » (the manual pages and
        # Debian's package descriptions, stop 58: 3 flags; on the tuning split « point de vue » opens no flagged pair)
        return True
    if lower_form(token) == "travers" and token.i >= 1 and lower_form(doc[token.i - 1]) == "à":
        # « à travers libvirt »: the locution before a program's name (Debian's package descriptions, stop 55: 3
        # flags); before a French word it stays flagged (« à travers milles de terrain », a right flag of the tuning
        # split)
        from review.flags.spelling import in_french_list  # noqa: PLC0415 - the word list loads on first use

        return not in_french_list(lower_form(following))
    after = doc[following.i + 1] if following.i + 1 < len(doc) else None
    return after is not None and (lower_form(following), lower_form(after)) in LATIN_LOCUTIONS


def adverb(word: Any) -> bool:
    """An adverb the tagger called a noun (« identifier la clé ultérieurement », « autrefois siège »): no noun of the
    lemmatizer's tables, and an adverb's ending or one of the adverbs of time and place in :data:`ADVERBS`."""
    lower = lower_form(word)
    return lower not in noun_lemmas() and (lower.endswith("ment") or lower in ADVERBS)


def verb_only(word: Any) -> bool:
    """A word the tagger called a noun that is an infinitive or a verb in the future, the conditional or the simple
    past, and no noun by the lemmatizer's tables (« vous pouvez zoomer », « les zones transparaîtront »: found
    in correct French).

    A present form is left alone: the tables list many nouns as verb forms only (« fournissent contrôle et
    excellente traction », « précieuses minutes »: 6 right flags lost on the tuning split with them).
    """
    lower = lower_form(word)
    if lower in noun_lemmas() or singular(lower) in noun_lemmas():
        return False
    return is_infinitive(lower) or (lower.endswith(TENSE_LOOKS) and can_be_verb(lower))


def participle(word: Any) -> bool:
    """A past participle by its ending and the lemmatizer's verb tables, whatever the tagger said."""
    lower = lower_form(word)
    return lower.endswith(("é", "ée", "és", "ées")) and bool(verb_lemmas(lower))


# the endings of participles, present and past, that the lemmatizer's verb tables confirm (see participle_clause)
CLAUSE_PARTICIPLES = ("ant", "é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies", "it", "ite", "its",
                      "ites", "ert", "erte", "erts", "ertes")
# what a participle's complement opens with; not « de », after which a noun goes on a title (« Paintball masques de
# … », a right flag of the tuning split)
CLAUSE_PREPOSITIONS = frozenset("sur par en dans pour à au aux avec sous comme contre vers entre".split())
# and what a present participle's object opens with (« utilisant une architecture »)
PRESENT_OBJECTS = frozenset("le la les l' un une des du son sa ses leur leurs".split())


def participle_clause(word: Any) -> bool:
    """« des adresses MAC Ethernet vues sur le réseau », « la configuration de Netfilter utilisant une architecture »,
    « le jeu DOS BlockOut édité par California Dreams »: a participle and its complement (or, after a present
    participle, its object), which describe a noun before; the tagger reads the participle as a noun, or the parser
    cuts the sentence before it (Debian's package descriptions, read blocks, stop 58)."""
    doc = word.doc
    if word.i + 1 >= len(doc):
        return False
    lower, after = lower_form(word), lower_form(doc[word.i + 1])
    opens = after in CLAUSE_PREPOSITIONS or (lower.endswith("ant") and after in PRESENT_OBJECTS)
    return opens and lower.endswith(CLAUSE_PARTICIPLES) and bool(verb_lemmas(lower))


def _verb_then_infinitive(noun: Any, following: Any, after: Any) -> bool:
    """« Cette stratégie aide à repérer », « la position du texte risque de changer »: after a noun and its
    determiner, a word that can be a verb, then « à » or « de » and an infinitive, is that verb (GNOME's and
    LibreOffice's help)."""
    return len(after) == 2 and noun.i > 0 and (noun.doc[noun.i - 1].pos_ == "DET"
                                                or lower_form(noun.doc[noun.i - 1]) in {"du", "des", "au", "aux"}) \
        and lower_form(after[0]) in {"à", "de", "d'"} and after[1].pos_ == "VERB" \
        and feature(after[1], "VerbForm") == "Inf" and can_be_verb(lower_form(following))


# the subordinators among what opens a clause, whatever the tagger called them (it reads « lorsqu' » as a preposition)
SUBORDINATORS = CLAUSE_OPENERS - {"où", "comme", "car", "donc", "alors"}


def _clause_subject(noun: Any, following: Any) -> bool:
    """« Si vous ajoutez une brosse, ce bouton recharge la liste », « Quand la brosse trace une ligne »: a singular
    noun after its determiner opens a clause, and the word after can be its verb in the present.

    Found in correct French (GIMP's help: « ce filtre floute », « ce bouton recharge »: 6 sentences fewer flagged);
    on WMT20 QE en-fr (tuning split) 2 shown flags fewer: « l'utilisateur relâche », wrong, and « la ciboulette
    mesure », right only because « ciboulette » is a mistranslation.
    """
    doc, det = noun.doc, noun.doc[noun.i - 1]
    if det.pos_ != "DET" or lower_form(noun).endswith(("s", "x")) or not lower_form(following).endswith(("e", "t")):
        return False
    opens = det.i == noun.sent.start or doc[det.i - 1].text in {",", ";", ":"} or doc[det.i - 1].pos_ == "SCONJ" \
        or lower_form(doc[det.i - 1]) in SUBORDINATORS  # « lorsqu'un joueur échange des ressources » (0 A.D.)
    return opens and can_be_verb(lower_form(following))


def _governed_then_verb(noun: Any, following: Any) -> bool:
    """« Devoir obéir à des humains blesse votre fierté », « si un de mes hommes viole cette loi »: a noun after its
    preposition, then a word that can be a verb in the present, belonging to the subject before the preposition.

    Found in correct French (Wesnoth's campaigns, Debian's Developer's Reference: 5 sentences fewer flagged); on
    WMT20 QE en-fr (tuning split) 1 shown flag fewer, wrong (« le fil coupe facilement »).
    """
    before = noun.doc[noun.i - 1]
    governed = any(child.dep_ == "case" for child in noun.children) or lower_form(before) in CONTRACTED
    return governed and present_form(following)


def _variable(word: Any, before: Any) -> bool:
    """« de x encoches », « l'axe x », « à l'instant t », « après x millisecondes »: a letter after a determiner or a
    preposition (its noun's, for the second of a pair) is a variable.  Found in KDE's help and Scilab's, and after a
    preposition in Firefox's messages and Debian's package descriptions (« comme n canaux », « à k dimensions »:
    stop 55); on the tuning split the letters beside a noun are bits of dimensions (« 45W x pouces 87H », « 11 pieds
    x accueille »: 7 flags, 6 right), which have neither before them."""
    return lower_form(word) in VARIABLES and before is not None \
        and (before.pos_ in {"DET", "ADP"} or lower_form(before) in {"de", "d'"})


# what a clause opens on before its subject: a subordinator, a linking adverb, a conjunction
CLAUSE_LEADS = frozenset("où quand si lorsque lorsqu' que qu' ensuite puis alors donc mais et".split())
# what a verb in the present goes on with: its object's determiner, or a preposition (« enquête sur », « aide au »)
VERB_FOLLOWERS = frozenset("au aux à sur le la les l' un une des du de d' pour avec en dans par chaque".split())


def _subject_then_verb(noun: Any, following: Any, after: Any) -> bool:
    """« Un détective enquête sur un meurtre », « un bœuf aide au transport », « Ensuite l'installateur recherche le
    matériel »: a determiner opening a clause, its noun, then a word that can be a verb in the present followed by
    its object's determiner or a preposition: the subject and its verb, which the tagger read as two nouns.

    Found in correct French (Cataclysm's items, Widelands' scenarios, Debian's installation guide: 6 flags, stop
    55); on WMT20 QE en-fr (tuning split) no flag of the noun-pair rules stands so.
    """
    doc = noun.doc
    if noun.i < 1 or not after or lower_form(after[0]) not in VERB_FOLLOWERS:
        return False
    determiner = doc[noun.i - 1]
    return determiner.pos_ == "DET" and opens_a_clause(determiner) and present_form(following)


def opens_a_clause(word: Any) -> bool:
    """``word`` stands first in its clause: first in the text, after punctuation or after :data:`CLAUSE_LEADS`."""
    doc = word.doc
    return word.i == 0 or doc[word.i - 1].is_punct or lower_form(doc[word.i - 1]) in CLAUSE_LEADS


def present_form(word: Any) -> bool:
    """``word`` can be a verb in the present, third person singular (« aide », « enquête », « met »), whatever the
    tagger called it: its ending and the lemmatizer's verb tables."""
    lower = lower_form(word)
    return lower.endswith(("e", "t", "d")) and can_be_verb(lower)


def _after_article(noun: Any, *, apposition: bool = False) -> bool:
    """The noun follows a determiner or a preposition, with only :data:`DETERMINING_ADJECTIVES` between.

    With ``apposition`` (the noun after it is one French sets in apposition) any adjective may stand between.
    """
    doc = noun.doc
    opening = doc[noun.i - 1] if noun.i > 0 else None
    if opening is not None and opening.text == "-" and noun.i >= 3 and not opening.whitespace_ \
            and not doc[noun.i - 2].whitespace_ and doc[noun.i - 2].is_alpha:
        # « une plate-forme logicielle »: the tagger cut the compound at its hyphen; its article stands before it
        # (Debian's package descriptions, read blocks, stop 59: 2 flags).  On the tuning split 8 pairs after such a
        # word are now read as prose (0.85 → 0.7; 5 right, 3 wrong) and « volley-ball système » replaces a wrong flag
        # with a right one
        opening = doc[noun.i - 3]
    while opening is not None and opening.pos_ != "DET" \
            and (lower_form(opening) in DETERMINING_ADJECTIVES or opening.text in {"«", '"', "“"}
                 or not masculine_forms(lower_form(opening)).isdisjoint(SHORT_PRENOMINAL)
                 or (apposition and (opening.pos_ in {"ADJ", "NUM"}
                                     or (lower_form(opening) in INTENSIFIERS
                                         and noun.doc[opening.i + 1].pos_ == "ADJ")))):
        # « le même code source », « de nombreux paramètres réseau », « une bonne connexion internet », « un tel pilote
        # propriétaire », « la « partition racine » » (Debian's installation guide); « le premier jeu vidéo »; « ces
        # deux appels système » (the manual pages, stop 58)
        if lower_form(opening) in STANDING_DETERMINERS:
            return True  # « compile divers langages source », « Certains autres appels système » opening a sentence
        if opening.i == 0:
            return False
        opening = noun.doc[opening.i - 1]
    if apposition and opening is not None and opening.text == "(":
        return True  # « les symboles (appels système) »: a gloss in parentheses (the manual pages, stop 59)
    if apposition and opening is not None and lower_form(opening) in {"et", "ou"} and opening.i > 0:
        joined = noun.doc[opening.i - 1]  # « les processus et ressources système »
        return joined.pos_ == "NOUN" and joined.i < noun.i - 1 and _after_article(joined)
    return opening is not None and opening.pos_ in {"DET", "ADP"}


def _adjectival(noun: Any) -> bool:
    """A noun French uses as an adjective after another noun, or an adjective the tagger took for a noun."""
    lower = lower_form(noun)
    adjectives = adjective_lemmas()
    forms = {lower, singular(lower), noun.lemma_.lower(), lower.removesuffix("es"), lower.removesuffix("e")}
    if participle(noun):
        return True  # « mises à niveau automatisées »
    return not forms.isdisjoint(adjectives) or not forms.isdisjoint(APPOSITIVE | SET_APPOSITIVE)


def _adjective_form_agreeing(noun: Any, word: Any) -> bool:
    """``word`` is an adjective form the lemmatizer knows with the number of ``noun`` (« situations défensives »).

    One of another number is a noun (« fonte produits », « innovations produit »: 3 flags, all right).  A form
    whose masculine singular the tables list counts too (« muscles abdominaux », « nombres décimaux »: on the
    tuning split 4 wrong flags fewer and no right one, on the read correct-French sets 1 sentence).
    """
    lower = lower_form(word)
    if not may_be_adjective(word):
        return False
    plural = lower_form(noun).endswith(("s", "x"))
    return plural == lower.endswith(("s", "x")) or word.lemma_.lower() == lower  # « frais » is both numbers


# the endings of past participles, which a noun may share (« un raccourci », « un reçu »)
PARTICIPLE_ENDINGS = ("i", "is", "ie", "ies", "é", "és", "ée", "ées", "u", "us", "ue", "ues")


def adjective_before(adj: Any, make: FlagMaker) -> Iterator[Flag]:
    """An adjective before its noun that French places after it (« avancé technologie »; 0.78 precision).

    The adjectives of :data:`PRENOMINAL` and :data:`SAID` are read in every form (« une sacrée chance »): on the
    tuning split 2 flags fewer, « beaux meubles » twice.
    """
    if adj.pos_ != "ADJ" or adj.dep_ != "amod" or adj.head.pos_ != "NOUN" or adj.head.i != adj.i + 1:
        return
    if not adj.is_alpha or not adj.is_lower or adj.lemma_.lower() in PRENOMINAL \
            or not masculine_forms(lower_form(adj)).isdisjoint(PRENOMINAL | SAID) \
            or lower_form(adj) in LEQUEL | {"plus", "moins"}:
        return  # « auquel cas »: a relative (GNOME's help); « les services les plus employés » (Debian's Handbook)
    if adj.i > 0 and adj.doc[adj.i - 1].pos_ == "DET" \
            and not masculine_forms(lower_form(adj)).isdisjoint(AFTER_A_DETERMINER):
        return  # « une antique tribu », « sa totale indépendance »
    lower = lower_form(adj)
    if not (lower.endswith(POSTNOMINAL_ENDINGS) or adj.lemma_.lower() in COLOURS
            or feature(adj, "VerbForm") == "Part"):
        return  # « solide réputation », « puissant mélange »: many adjectives may come first
    noun = adj.head
    if not noun.is_lower or set_first_by_choice(adj, noun) or adj.lemma_.lower() in NAMING or light_idiom(adj, noun) \
            or (adj.lemma_.lower() == "égal" and adj.i > 0 and adj.doc[adj.i - 1].pos_ == "ADP") \
            or (lower.endswith(PARTICIPLE_ENDINGS) and singular(lower) in noun_lemmas()
                and singular(lower_form(noun)) in APPOSITIVE):
        # « les raccourcis clavier »: a noun, which the tagger read as a participle, and its apposition (GIMP's
        # messages and Debian's package descriptions, stop 52);
        # « norvégien Bokmål »: a name; « leurs cruels seigneurs »; « des chemins appelés voies navigables »; « fait
        # appel à »; « à égale distance », « d'égale longueur »
        return
    if adj.i > 0 and adj.doc[adj.i - 1].pos_ == "ADV":
        # « du très populaire scooter »: an adjective with its adverb may come first for emphasis (9 flags at
        # 0.56 on the tuning split, 1 of them on an error-free segment)
        return
    yield make(adj.idx, noun.idx + len(noun.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {adj.text} » before « {noun.text} » is English word order: French puts this adjective after "
               "the noun", [f"{noun.text} {adj.text}"], 0.75)
