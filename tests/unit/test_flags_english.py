from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.rank import MIN_CONFIDENCE
from review.model import Category

pytestmark = pytest.mark.slow  # parses with spaCy


def shown_english(text: str) -> list[str]:
    """The spans the spelling detector shows as English left in the French (above the confidence floor)."""
    return [flag.span_text for flag in detect("spelling", text)
            if flag.category == Category.UNTRANSLATED and flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Wilson A360 série 13 pouces Softball Glove", "Softball Glove"),
        ("Coleman autogonflant Camp Pad avec oreiller", "Camp Pad"),
        ("Cadenas Master Lock à combinaison", "Master Lock"),
        ("Obtenir ce podomètre easy-to-use de Sportline.", "easy-to-use"),
        ("Il offre un affichage time-of-day sur deux lignes.", "time-of-day"),
        ("En fait, vous won't trouver plus gros dans cette gamme de prix.", "won't"),
        ("Il a remporté le world’s championship en 1919.", "world’s"),
        ("Ce produit torch rouge arbore un design authentique.", "torch"),
        ("Le produit est couvert par une warranty limitée.", "warranty"),
        ("Abu Garcia Ambassadeur C3 gauche Reel", "Reel"),
        ("Housse en nylon, thickness4 mm, poids 300 g.", "thickness4"),
        ("Un sac de couchage avec deux bedrolls.", "bedrolls"),
        ("Grossissement : 4.5xObjective : 32mmReticle : Multi-X", "Reticle"),
    ],
    ids=["run-ending-on-an-english-noun", "run-between-french-words", "french-first-word-left-out",
         "compound", "compound-of", "contraction", "possessive", "lower-case-word-tagged-as-a-name",
         "rarer-english-word", "capitalised-word-alone-in-a-title", "word-glued-to-a-number",
         "rare-english-word-tagged-as-a-name", "word-glued-after-a-number-and-its-unit"],
)
def test_flags_english_left_in_the_french(text: str, span: str) -> None:
    assert span in shown_english(text), f"no flag on {span!r}; got {spans(detect('spelling', text))}"


def test_one_flag_for_a_run() -> None:
    flags = [flag for flag in detect("spelling", "Wilson A360 série 13 pouces Softball Glove")
             if flag.category == Category.UNTRANSLATED]
    assert [flag.span_text for flag in flags] == ["Softball Glove"]
    assert "translate it" in flags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Casque de vélo Bell Radar",
        "Couteau de poche Victorinox Tinker (rouge)",
        "Tapis de yoga Gaiam Premium",
        "Visite du Grand Palais et du Petit Palais",
        "Livre « Fly Fishing Basics » en poche",
        "Planet Bike a été fondée à Madison en 1996.",
        "Le tricycle Ready-to-Ride est livré assemblé.",
        "Nettoyant pour vinyle de Meguiar's",
        "Il est venu aujourd'hui sur la presqu'île avec un porte-à-porte.",
        "Il a écouté de la musique de paris toute la soirée.",
        "Le groupe marseillais iam joue ce soir.",
        "Un outil de fitness abordable et complet.",
        "Le casque Bell protège bien la tête.",
        "Un port usb3 et un lecteur mp3, au cours1 de la saison.",
        "Une radio 88 MHz, un 4x4 Nissan et un processeur 3GHz.",
    ],
    ids=["brand-and-model-ending-a-title", "brand", "brand-and-french-word", "french-title",
         "english-title-in-quotes", "brand-in-a-sentence", "product-name-compound", "brand-possessive",
         "french-apostrophes-and-compounds", "lower-case-french-name", "lower-case-rare-name",
         "english-word-french-has-adopted", "brand-alone-in-a-sentence", "code-or-french-word-before-a-number",
         "units-and-codes-after-a-number"],
)
def test_leaves_names_and_french_alone(text: str) -> None:
    assert shown_english(text) == []


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("Fabriqué avec soin, the best of all pour vous et votre famille.", "the best of all"),
        ("Il a lu « Of Mice and Men » hier soir avec ses amis.", None),
        ('Il a lu "The Lord of the Rings" hier soir avec ses amis.', None),
    ],
    ids=["three-english-words", "english-title-in-french-quotes", "english-title-in-straight-quotes"],
)
def test_language_finds_short_english_runs_outside_quotes(text: str, run: str | None) -> None:
    found = spans(detect("language", text))
    assert found == ([run] if run else [])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le kit comprend une masterlink pour réparer la chaîne.", "masterlink"),
        ("Kit de réparation de chaîne avec masterlink", "masterlink"),
    ],
    ids=["in-prose", "in-a-title"],
)
def test_flags_a_word_in_no_list_taken_for_a_name(text: str, span: str) -> None:
    """Written in lower case, a word the tagger took for a name names nothing: English left in, or a typo."""
    shown = [flag.span_text for flag in detect("spelling", text) if flag.confidence >= MIN_CONFIDENCE]
    assert span in shown, f"no flag on {span!r}; got {spans(detect('spelling', text))}"


@pytest.mark.parametrize(
    "text",
    [
        "Star brite Premium Golden Teak Oil",
        "Tissu : 90 % polyester et 10 % élasthanne / .",
        "Lame neue en acier",
        "Options de couleur vert, violet, multi &ndsh; rayure dans les tons de terre.",
        "Le serveur reçoit le journal système (syslog) des clients légers.",
    ],
    ids=["lower-case-word-inside-a-brand", "accented-french-word", "short-foreign-word", "html-entity",
         "jargon-french-writes-too"],
)
def test_leaves_unknown_words_that_are_no_english_alone(text: str) -> None:
    assert [flag.span_text for flag in detect("spelling", text) if flag.confidence >= MIN_CONFIDENCE] == []


def shown_spelling(text: str) -> dict[str, str]:
    """The spelling detector's shown flags: span → message."""
    return {flag.span_text: flag.message for flag in detect("spelling", text) if flag.confidence >= MIN_CONFIDENCE}


@pytest.mark.parametrize(
    ("text", "span", "words"),
    [
        ("La lampe a un tailcap en aluminium.", "tailcap", ["« tail »", "« cap »"]),
        ("Ce couteau a un pocketclip amovible.", "pocketclip", ["« pocket »", "« clip »"]),
        ("Le gilet flyandstay se porte toute la journée.", "flyandstay", ["« fly »", "« and »", "« stay »"]),
        ("Les coussinets icluded sont lavables en machine.", "icluded", ["« included »"]),
        ("Une lame serrated en acier inoxydable.", "serrated", ["not in the French dictionary"]),
    ],
    ids=["two-words-run-together", "two-words-taken-for-a-name", "three-words", "english-misspelt",
         "rare-english-word"],
)
def test_an_unknown_word_english_explains_is_shown_with_its_english(text: str, span: str, words: list[str]) -> None:
    shown = shown_spelling(text)
    assert span in shown, f"no flag on {span!r}; got {spans(detect('spelling', text))}"
    assert all(word in shown[span] for word in words), shown[span]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La bibliothèque audio multiplateforme libao permet aux programmes d'utiliser la sortie audio.", "libao"),
        ("Ce paquet fournit smbclient, un client en ligne de commande.", "smbclient"),
        ("Il utilise gnuplot pour tracer les courbes.", "gnuplot"),
        ("Il surveille les fichiers avec inotify.", "inotify"),
        ("Il vérifie l'orthographe avec hunspell.", "hunspell"),
        ("Il transfère les fichiers par xmodem sur la ligne série.", "xmodem"),
        ("Il lance htop dans un terminal.", "htop"),
    ],
    ids=["library", "client-after-a-comma", "program-in-prose", "english-word-and-a-letter", "rare-in-english-too",
         "a-letter-before-a-french-word", "short-name-near-a-french-word"],
)
def test_an_unknown_word_no_language_explains_stays_below_the_floor(text: str, name: str) -> None:
    """In technical French such a word is mostly a program's name: still found, not shown by default."""
    found = {flag.span_text: flag.confidence for flag in detect("spelling", text)}
    assert name in found, f"no flag on {name!r} at all; got {spans(detect('spelling', text))}"
    assert found[name] < MIN_CONFIDENCE
    assert name not in shown_spelling(text)


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [("Ce paquet contient la biblothèque partagée.", "biblothèque", "bibliothèque"),
     ("La densitée de la mousse est élevée.", "densitée", "densité")],
    ids=["letter-missing-inside", "letter-added-at-the-end"],
)
def test_a_french_misspelling_keeps_its_suggestions(text: str, word: str, suggestion: str) -> None:
    flags = [flag for flag in detect("spelling", text) if flag.span_text == word]
    assert flags
    assert flags[0].confidence >= MIN_CONFIDENCE
    assert suggestion in flags[0].suggestions


@pytest.mark.parametrize(
    "text",
    ["Le serveur accepte les connexions sur des sockets locales.", "Lancez le shell puis tapez la commande.",
     "Le navigateur passe par un proxy et garde les cookies."],
    ids=["sockets", "shell", "proxy-and-cookies"],
)
def test_computing_words_french_writes_as_english_are_french(text: str) -> None:
    assert shown_english(text) == []


def test_an_english_word_left_in_a_product_text_stays_flagged() -> None:
    assert "patch" in shown_english("Un patch de réparation est fourni avec la tente.")
