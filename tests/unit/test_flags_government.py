"""The grammar detector's government rules: the preposition a head takes, and a superlative's article."""

from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.flags.government import government

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("La poignée est bien équilibrée et dispose unique texture Digi-Grip.", "dispose unique",
         "dispose d'unique"),
        ("Il commença faire des maillots de bain pour les nageurs.", "faire", "à faire"),
        ("Apprenez à gagner à deux des jeux de poker plus passionnants.", "plus", "les plus"),
        ("Voici le couteau plus tranchant du monde.", "plus", "le plus"),
        ("Les sacs sont équipés avec une ceinture double.", "équipés avec", "équipés de"),
        ("Vous pouvez transformer le réchaud dans un chauffe-plat.", "dans", "en"),
    ],
    ids=["verb-without-its-preposition", "infinitive-without-its-preposition", "superlative-in-a-set",
         "superlative-with-a-scope", "equipped-with", "turned-into"],
)
def test_flags(text: str, span: str, suggestion: str) -> None:
    flags = [flag for flag in detect("grammar", text) if flag.span_text == span]
    assert flags, f"no flag on {span!r}; got {spans(detect('grammar', text))}"
    assert suggestion in flags[0].suggestions, flags[0].suggestions
    assert flags[0].confidence >= 0.3  # above the floor: the reviewer sees it


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("La poignée est bien équilibrée et dispose d'une texture Digi-Grip unique.", "dispose"),
        ("Il dispose des poches sur les côtés.", "dispose des"),
        ("Essayez une paire aujourd'hui.", "Essayez une"),
        ("Il renforce le dos, d'où provient votre force.", "provient votre"),
        ("N'utilisez pas le serveur X, connectez-vous en tant que superutilisateur.", "connectez"),
        ("Quelqu'un qui connecterait son ordinateur sur ce réseau obtiendrait un accès.", "connecterait"),
        ("Il commença à faire des maillots de bain pour les nageurs.", "faire"),
        ("Vous pouvez faire des maillots de bain.", "faire"),
        ("Ces jeux de poker sont plus passionnants que les autres.", "plus"),
        ("Apprenez à gagner à deux des jeux de poker les plus passionnants.", "plus"),
        ("Il faut des nuits plus froides pour cela.", "plus"),
        ("Les sacs sont équipés d'une ceinture double et livrés avec une housse.", "avec"),
        ("Vous pouvez ranger le réchaud dans un placard.", "dans"),
    ],
    ids=["verb-with-its-preposition", "contracted-preposition", "direct-object-verb", "subject-after-its-verb",
         "hyphenated-pronoun", "verb-whose-pronominal-form-takes-a",
         "infinitive-with-its-preposition", "modal-verb", "comparative", "superlative-with-article",
         "comparative-without-que", "equipped-of", "put-into"],
)
def test_leaves_correct_french_alone(text: str, span: str) -> None:
    flagged = [flag.span_text for flag in detect("grammar", text) if flag.confidence >= 0.3]
    assert not any(span in flagged_span or flagged_span in span for flagged_span in flagged), flagged


def test_the_lexicon_knows_common_constructions() -> None:
    """The derived table holds what correct French shows: « dépendre de », « permettre de », « participer à »."""
    table = government()
    assert max(table.prepositions["VERB", "dépendre"].items(), key=lambda item: item[1])[0] == "de"
    assert table.prepositions["VERB", "permettre"]["de+inf"] > table.prepositions["VERB", "permettre"].get("à+inf", 0)
    assert "participer" in table.indirect
    assert "installer" not in table.indirect


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Le vélo fournit les cyclistes avec une option pour les jours de pluie.", True),
        ("Le vélo fournit une option aux cyclistes pour les jours de pluie.", False),
        ("Le réchaud fournit beaucoup de chaleur, avec une production de 1500 BTU.", False),
    ],
    ids=["provide-somebody-with", "thing-as-object", "avec-after-a-comma"],
)
def test_provide_somebody_with_something_is_english(text: str, *, flagged: bool) -> None:
    found = [flag for flag in detect("grammar", text) if "provide somebody with" in flag.message]
    assert bool(found) == flagged, spans(found)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Un siège réglable permet le tricycle de grandir avec votre enfant.", "permet au tricycle"),
        ("Un siège réglable permet au tricycle de grandir avec votre enfant.", None),
        ("Ce mode permet le réglage de la hauteur.", None),
    ],
    ids=["allow-somebody-to", "allowed-through-a", "object-with-its-complement"],
)
def test_allow_somebody_to_takes_a(text: str, suggestion: str | None) -> None:
    found = [flag for flag in detect("grammar", text) if "the one allowed" in flag.message]
    assert [flag.suggestions[0] for flag in found] == ([suggestion] if suggestion else []), spans(found)
