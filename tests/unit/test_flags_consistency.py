from __future__ import annotations

import pytest
from flag_helpers import detect, spans

from review.model import Category

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Les Baloch vivent au sud. Les Baloch réclament plus d'autonomie. Les Baloutche sont nombreux.",
         "Baloutche", "Baloch"),
        ("Le Sistan-Balochistan est pauvre. Le Sistan-Balochistan est vaste. Le Sistan Balochistan est loin.",
         "Sistan Balochistan", "Sistan-Balochistan"),
        ("La guerre Israël-Hamas continue. La guerre Israël-Hamas s'étend. La guerre du Hamas Israël inquiète.",
         "guerre du Hamas Israël", "guerre Israël-Hamas"),
        ("Israël a répondu. Israël a frappé. Israel a démenti.", "Israel", "Israël"),
    ],
    ids=["transliteration", "hyphen", "word-order", "accent"],
)
def test_flags_name_variants(text: str, span: str, suggestion: str) -> None:
    flags = detect("consistency", text)
    found = [flag for flag in flags if flag.span_text == span]
    assert found, f"no flag on {span!r}; got {spans(flags)}"
    assert found[0].suggestions == (suggestion,)
    assert found[0].category == Category.INCONSISTENCY


@pytest.mark.parametrize(
    "text",
    [
        "Le Balochistan est vaste. Les Baloch y vivent.",
        "L'Iran et le Pakistan ont parlé. Téhéran et Islamabad ont convenu de coopérer.",
        "Le président Raisi a parlé. Le président Raisi est parti.",
    ],
    ids=["region-and-people", "different-names", "same-spelling"],
)
def test_leaves_consistent_names_alone(text: str) -> None:
    assert spans(detect("consistency", text)) == []


@pytest.mark.parametrize(
    ("french", "english", "flagged"),
    [
        ("L'attaque a fait 31 morts le 30 janvier.", "The attack killed 31 people on January 30.", []),
        ("L'attaque a fait 13 morts le 30 janvier.", "The attack killed 31 people on January 30.", ["13"]),
        ("Le budget atteint 30 000 euros.", "The budget reaches 30,000 euros.", []),
        ("Le taux est de 3,5 %.", "The rate is 3.5%.", []),
        ("Il est arrivé le 30 février.", "He arrived on January 30.", ["février"]),
    ],
    ids=["same", "swapped-digits", "thousands", "decimal", "month"],
)
def test_numbers_against_the_rendering(french: str, english: str, flagged: list[str]) -> None:
    flags = detect("consistency", french, renderings={"p1s1": english})
    assert spans(flags) == flagged


def test_numbers_skipped_without_rendering() -> None:
    assert detect("consistency", "L'attaque a fait 13 morts.") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Poids : 18 onces. SpecificationsFinish : mat.", ["SpecificationsFinish"]),
        ("Une tente légère. TunnelsTents et abris pour la famille.", ["TunnelsTents"]),
        # a brand comes back in its article
        ("La SpecificationsFinish est solide. La SpecificationsFinish est légère.", []),
        # a short pair is a name (« QuickPump »), a short part too (« MacRae »)
        ("Gonflez-le avec la QuickPump de Coleman.", []),
        ("Le modèle MacRaeFinition est neuf.", []),
        # a lost break into « The » is the grammar detector's rule, not this one
        ("Livré avec sa housse.", []),
        # a frequent English word after the glue starts a sentence or a list item, whatever the lengths
        ("Taille MattersAsk vous-même combien de personnes dormiront.", ["MattersAsk"]),
        ("Garantie du fabricant WarrantyOne an.", ["WarrantyOne"]),
        # a particle is how brands end (« TrackBack »), and a frequent word glued twice is a name
        ("La fonction TrackBack de Garmin vous ramène.", []),
        ("Le StoryOne est léger. Le StoryOne est solide.", []),
    ],
    ids=["long", "plural-head", "written-twice", "short-brand", "short-part", "none", "sentence-word",
         "list-item", "brand-particle", "frequent-written-twice"],
)
def test_words_glued_once_in_the_article(text: str, flagged: list[str]) -> None:
    flags = [flag for flag in detect("consistency", text) if "runs two words together" in flag.message]
    assert spans(flags) == flagged
    for flag in flags:
        assert flag.category == Category.UNTRANSLATED
        assert flag.suggestions
        assert " " in flag.suggestions[0]


def test_a_name_in_capitals_beside_its_usual_spelling_is_not_raised() -> None:
    """« GLOCK » in a trademark notice beside « Glock »: below the floor; « Glöck » stays a variant raised."""
    notice = "Glock est solide. Glock est léger. Glock est fiable. GLOCK est une marque déposée."
    typo = "Glock est solide. Glock est léger. Glock est fiable. Glöck est une marque déposée."
    shouted = [flag for flag in detect("consistency", notice) if flag.span_text == "GLOCK"]
    assert shouted, "the variant is still listed, below the floor"
    assert all(flag.confidence < 0.5 for flag in shouted)
    misspelt = [flag for flag in detect("consistency", typo) if flag.span_text == "Glöck"]
    assert misspelt
    assert all(flag.confidence >= 0.5 for flag in misspelt)


def test_names_are_compared_in_the_corrected_french() -> None:
    """A spelling the reviewer corrected is no longer flagged, nor counted against the others.

    The check read every segment's machine French: « Baloutche » corrected to « Baloch » stayed
    flagged, its span pointing into a sentence that no longer holds it.
    """
    from review.document import from_text  # noqa: PLC0415
    from review.flags import FlagOptions  # noqa: PLC0415
    from review.flags.incremental import Flagger  # noqa: PLC0415
    from review.translate.pool import ModelPool  # noqa: PLC0415

    document = from_text("Les Baloch vivent au sud. Les Baloch réclament plus d'autonomie. Les Baloch manifestent. "
                         "Les Baloutche sont nombreux.")
    flagger = Flagger(("consistency",), FlagOptions(), ModelPool())
    machine = {segment.id: segment.text for segment in document.segments}
    assert spans(flagger.flags(document, machine)) == ["Baloutche"]
    assert spans(flagger.flags(document, {**machine, "p1s4": "Les Baloch sont nombreux."})) == []


def test_a_second_run_parses_only_the_edited_segment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The review screen flags the article again after each edit: the names of unchanged segments are kept.

    Each run used to parse the whole article again (spaCy keeps 4,096 parses), which at 100,000
    segments was minutes of parsing per correction before the consistency flags came back.
    """
    from review.document import from_text  # noqa: PLC0415
    from review.flags import FlagOptions, consistency, specs  # noqa: PLC0415
    from review.flags.nlp import forget_parses  # noqa: PLC0415
    from review.flags.rank import run_flags  # noqa: PLC0415
    from review.translate.pool import ModelPool  # noqa: PLC0415

    parsed: list[str] = []
    real = consistency.parse_many

    def counting(texts: list[str]) -> list[object]:
        parsed.extend(texts)
        return real(texts)

    monkeypatch.setattr(consistency, "parse_many", counting)
    forget_parses()  # other tests parsed these sentences
    document = from_text("Les Baloch vivent au sud. Les Baloch réclament plus d'autonomie. "
                         "Les Baloutche sont nombreux.")
    detector = specs()["consistency"].make(FlagOptions(), ModelPool())
    texts = {segment.id: segment.text for segment in document.segments}

    def run(texts: dict[str, str]) -> list[str]:
        return spans(run_flags(document, texts, [detector]))

    assert run(texts) == ["Baloutche"]
    assert len(parsed) == 3
    parsed.clear()
    assert run(texts) == ["Baloutche"]  # nothing changed: nothing parsed
    assert parsed == []
    assert run({**texts, "p1s3": "Les Baloch sont nombreux."}) == []  # the edited segment's names are read afresh
    assert parsed == ["Les Baloch sont nombreux."]
    parsed.clear()
    assert run(texts) == ["Baloutche"]  # undone: the machine French's names were kept from its first parse
    assert parsed == []


def test_names_are_read_from_the_parses_the_other_detectors_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """The article is parsed once: consistency reads the names of the parses the per-segment detectors made.

    It used to parse every segment a second time once the parses were evicted (4,096 are kept): 5 of the
    13 minutes of ``review flag`` on a 100,000-segment article.
    """
    from review.document import from_text  # noqa: PLC0415
    from review.flags import FlagOptions, consistency, nlp  # noqa: PLC0415
    from review.flags.incremental import Flagger  # noqa: PLC0415
    from review.translate.pool import ModelPool  # noqa: PLC0415

    parsed: list[str] = []
    real = consistency.parse_many

    def counting(texts: list[str]) -> list[object]:
        parsed.extend(texts)
        return real(texts)

    nlp.forget_parses()
    monkeypatch.setattr(nlp, "CACHE_SIZE", 2)  # a long article: the first segments' parses are gone at its end
    monkeypatch.setattr(consistency, "parse_many", counting)
    document = from_text("Les Baloch vivent au sud. Les Baloch réclament plus d'autonomie. Les Baloch manifestent. "
                         "Les Baloutche sont nombreux. Le Pakistan a répondu.")
    flagger = Flagger(("grammar", "consistency"), FlagOptions(), ModelPool())
    flags = flagger.flags(document, {segment.id: segment.text for segment in document.segments})
    assert [flag.span_text for flag in flags if flag.detector == "consistency"] == ["Baloutche"]
    assert parsed == []
