"""The grammar detector's parse-break rule: two words the parser could not hold in one sentence."""

from __future__ import annotations

import pytest
from flag_helpers import detect, spans

pytestmark = pytest.mark.slow  # parses with spaCy


def break_spans(text: str) -> list[str]:
    return spans([flag for flag in detect("grammar", text) if "breaks between" in flag.message])


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Léger et puissant, ultra compact jumelles Canon offre les avantages intégrés de la stabilisation.",
         "compact jumelles"),
        ("Mac Sports Cannon Beach Deluxe pliant fauteuil avec repose-pieds", "Deluxe pliant"),
        ("Ce plaisir d enfants trois offres tricycle robuste façons de rouler.", "robuste façons"),
        ("Sacs de couchage modernes offre deux choix.", "modernes offre"),
        ("Ce modèle extrême Blasters tire des balles en mousse.", "extrême Blasters"),
    ],
    ids=["adjective-then-noun", "name-then-adjective", "adjective-then-plural-noun", "adjective-then-verb",
         "french-adjective-then-capital"],
)
def test_flags_the_words_the_parse_breaks_between(text: str, span: str) -> None:
    assert span in break_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Légères et puissantes, ces jumelles compactes offrent les avantages de la stabilisation.",
        "Le fauteuil pliant de luxe a un repose-pieds.",
        "Les sacs de couchage modernes offrent deux choix.",
        "Lingettes nettoyage avec un chiffon humide.",
        "Star brite Premium Golden Teak Oil",
        "Les opérations de secours/survie demandent un couteau polyvalent capable de résister au pire.",
    ],
    ids=["adjective-after-its-noun", "title-in-french-order", "subject-with-article", "noun-then-noun-left-out",
         "brand-word-then-capital", "after-a-slash"],
)
def test_leaves_sentences_that_hold_together_alone(text: str) -> None:
    assert break_spans(text) == []
