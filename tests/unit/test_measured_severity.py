"""Severities are measured, like confidences: on annotated MT the errors each shown rule finds are major."""

from __future__ import annotations

import pytest

from review.document import from_text
from review.flags import FlagOptions, default_detectors
from review.flags.incremental import Flagger
from review.model import Severity
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

# one sentence per rule that said minor before its severity was measured (benchmarks/README.md,
# "Lead, thirteenth round"), and the words the rule flags in it
RULES = [
    ("Panier de vélo épicerie avec poignée.", "vélo épicerie"),  # two nouns side by side
    ("Elle a acheté une ligne électriques hier.", "électriques"),  # number agreement
    ("Le magasin de pièces d'auto petit est fermé.", "auto petit"),  # adjective on the English side
    ("Il a vendu trois couteau pliant.", "trois couteau"),  # a noun after a number
    ("Les enfants sont arrivé hier soir avec leurs parents.", "arrivé"),  # participle after être
]


@pytest.mark.parametrize(("sentence", "span"), RULES, ids=[span for _, span in RULES])
def test_a_rule_measured_major_says_major(sentence: str, span: str) -> None:
    flags = Flagger(default_detectors(), FlagOptions(), ModelPool()).flags(from_text(sentence), {})
    flagged = [flag for flag in flags if flag.span_text == span]
    assert flagged, [flag.span_text for flag in flags]
    assert flagged[0].severity == Severity.MAJOR


def test_typography_spacing_stays_minor() -> None:
    """The annotators' Punctuation and Whitespace errors are minor 83-97% of the time."""
    flags = Flagger(("typography",), FlagOptions(min_confidence=0.0), ModelPool()).flags(
        from_text("Il a dit : « bonjour » ."), {})
    assert flags
    assert {flag.severity for flag in flags} == {Severity.MINOR}
