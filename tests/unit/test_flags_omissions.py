"""The grammar detector's omission rules: determiners, prepositions and conjugations MT leaves out."""

from __future__ import annotations

import pytest
from flag_helpers import assert_flagged, detect, spans

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Bactéries varient de 0,2 à 5 microns et sont filtrées.", "Bactéries", None),
        ("Une couture renforcée assure une grande durabilité pour étanchéité améliorée.", "pour étanchéité", None),
        ("La construction en graphite et titane fournir une grande souplesse.", "fournir", None),
        ("En 1948, Gert épousé son ami Neal Boyle.", "épousé", None),
        ("Il est également utile comparer les mesures de volume.", "utile comparer", None),
        ("Voici les caractéristiques de le Camp Chef Pro.", "de le", "du"),
    ],
    ids=["bare-opening-subject", "pour-bare-noun", "infinitive-main-verb", "participle-main-verb",
         "infinitive-without-preposition", "uncontracted"],
)
def test_flags(text: str, span: str, suggestion: str | None) -> None:
    """Each rule flags its span (or a span around it: « corde garder » is also an infinitive after a noun)."""
    assert_flagged(detect("grammar", text), span, suggestion, inside=True)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Les bactéries varient de 0,2 à 5 microns et sont filtrées.", "Bactéries"),
        ("Katadyn est le leader mondial du traitement de l'eau potable.", "Katadyn"),
        ("Une couture renforcée assure une grande durabilité pour une étanchéité améliorée.", "pour étanchéité"),
        ("Ce gant est conçu pour hommes et convient aux mains larges.", "pour hommes"),
        ("Marquer le paquet courant pour installation, puis pour mise à jour.", "pour installation"),
        ("Marquer le paquet courant pour installation, puis pour mise à jour.", "pour mise"),
        ("Le graphite et le titane fournissent une grande souplesse.", "fourni"),
        ("Ce réchaud portatif réchauffe les aliments jusqu'à 300 degrés.", "réchauffe"),
        ("En 1948, Gert a épousé son ami Neal Boyle.", "épousé"),
        ("Il est également utile de comparer les mesures de volume.", "utile comparer"),
        ("Il est le seul capable de le faire, et il veut le dire.", "de le"),
    ],
    ids=["opening-subject-with-article", "opening-brand", "pour-with-article", "pour-audience",
         "pour-process", "pour-noun-before-a",
         "conjugated", "present-tense", "with-auxiliary", "with-preposition", "pronoun-after-de"],
)
def test_leaves_correct_french_alone(text: str, span: str) -> None:
    flagged = spans(detect("grammar", text))
    assert not any(span in flagged_span for flagged_span in flagged), flagged


def test_participle_feminine_only_when_the_determiner_shows_it() -> None:
    shown = detect("grammar", "La tente est livré avec un sac de rangement.")
    assert "livré" in spans(shown)
    guessed = detect("grammar", "L'observateur est livré avec une batterie.")
    assert "livré" not in spans(guessed)


def test_pronoun_after_an_imperative_is_not_elided() -> None:
    assert "le en" not in spans(detect("spelling", "Commandez-le en ligne maintenant !"))
    assert "de eau" in spans(detect("spelling", "Il faut un litre de eau par jour."))


def test_english_word_inside_a_capitalised_name_is_below_the_floor() -> None:
    inside = [flag for flag in detect("spelling", "Victorinox Swiss Army Knife Tinker") if flag.span_text == "Army"]
    assert all(flag.confidence < 0.3 for flag in inside)
    alone = [flag for flag in detect("spelling", "Couteau de poche Knife rouge") if flag.span_text == "Knife"]
    assert alone, "an English word in capitals among French words is still flagged"
    assert alone[0].confidence >= 0.3
