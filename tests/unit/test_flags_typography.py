from __future__ import annotations

import pytest
from flag_helpers import detect, spans

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Pourquoi maintenant? Personne ne le sait.", "?", NNBSP + "?"),
        ("Il a tout perdu! Vraiment tout.", "!", NNBSP + "!"),
        ("Il a dit: rien ne change.", ":", NBSP + ":"),
        ("Voici la liste; elle est courte.", ";", NNBSP + ";"),
        ("Il a dit «non» hier.", "«", "«" + NBSP),
        ("Il a dit «non» hier.", "»", NBSP + "»"),
        ("Les deux pays , voisins, discutent.", " ,", ","),
        ("Les deux pays,voisins, discutent.", ",v", ", v"),
    ],
    ids=["question", "exclamation", "colon", "semicolon", "open-quote", "close-quote", "space-before-comma",
         "missing-space-after-comma"],
)
def test_flags(text: str, span: str, suggestion: str) -> None:
    flags = detect("typography", text)
    found = [flag for flag in flags if flag.span_text == span]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    assert found[0].suggestions == (suggestion,)


@pytest.mark.parametrize(
    "text",
    [
        f"Pourquoi maintenant{NNBSP}? Il a dit{NBSP}: «{NBSP}non{NBSP}»{NNBSP}!",
        "Pourquoi maintenant ? Il a dit : « non » !",
        "La réunion commence à 10:30 précises.",
        "Voir https://example.org/page pour les détails.",
        "Quoi ?! Encore ?",
        "Le taux est de 3,5 % cette année.",
    ],
    ids=["no-break-spaces", "plain-spaces-accepted", "time", "url", "interrobang", "decimal-comma"],
)
def test_leaves_correct_typography_alone(text: str) -> None:
    assert spans(detect("typography", text)) == []
