from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import assert_flagged, detect, spans

from review.document import load_document
from review.flags import FlagContext, FlagOptions
from review.flags.grammar import make
from review.model import Category, Severity
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iran-pakistan.fr.txt"


def test_sample_headline_accusent_is_a_likely_mistranslation() -> None:
    document = load_document(SAMPLE)
    headline = document.segment("p1s1")
    context = FlagContext(document, {headline.id: headline.text})
    flags = list(make(FlagOptions(), ModelPool()).check([headline], context))
    accusent = [flag for flag in flags if "accusent" in flag.span_text]
    assert len(accusent) == 1
    flag = accusent[0]
    assert flag.category == Category.MISTRANSLATION
    assert flag.severity in {Severity.MAJOR, Severity.CRITICAL}
    assert "conviennent de" in flag.suggestions
    assert headline.text[flag.start:flag.end] == flag.span_text


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        # the valency rule, in other persons and tenses
        ("La Chine et l'Inde accusaient de réduire leurs échanges commerciaux.", "accusaient de", "convenaient de"),
        ("Les deux partis ont accusé de former une coalition.", "accusé de", "convenu de"),
        ("Le syndicat remercie de poursuivre les négociations.", "remercie de", "convient de"),
        # a country without its article
        ("Iran et le Pakistan ont signé un accord.", "Iran", "L'Iran"),
        ("Les échanges entre la France et Allemagne reprennent.", "Allemagne", "l'Allemagne"),
        # determiner and noun
        ("Les problème de sécurité restent nombreux.", "Les problème", "le problème"),
        # participle after être
        ("Les ministres sont arrivé à Genève hier soir.", "arrivé", "arrivés"),
        ("La délégation est arrivé à Genève hier soir.", "arrivé", "arrivée"),
        # subject and verb
        ("Les deux pays voisins a signé un accord commercial.", "a", None),
        # two finite verbs for one subject
        ("Le ministre s'est exprimé lors d'une conférence, a déclaré que le pays était prêt.", "a déclaré",
         "et a déclaré"),
    ],
    ids=["accusaient-imparfait", "ont-accuse", "remercie", "country-headline", "country-after-et",
         "det-number", "participle-plural", "participle-feminine", "subject-verb", "two-verbs"],
)
def test_flags(text: str, span: str, suggestion: str | None) -> None:
    assert_flagged(detect("grammar", text), span, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "Le procureur accuse le ministre de corruption.",
        "Elle les accuse de mentir depuis le début.",
        "Il a été accusé de fraude fiscale.",
        "L'Iran et le Pakistan sont convenus de renforcer leur coopération.",
        "Israël et le Liban ont échangé des tirs.",
        "Les relations entre les deux pays se sont détériorées.",
        "Les forces de sécurité ont arrêté trois suspects en Iran.",
        "Il est arrivé, a salué la foule et est reparti.",
        "« Nous pouvons résoudre cela assez rapidement », a-t-il déclaré.",
        "La plupart des habitants sont partis.",
    ],
    ids=["accuse-with-object", "accuse-clitic", "accuse-passive", "correct-headline", "country-without-article",
         "pronominal-participle", "country-after-preposition", "enumeration", "inverted-subject", "collective"],
)
def test_leaves_correct_french_alone(text: str) -> None:
    assert spans(detect("grammar", text)) == []
