from __future__ import annotations

import pytest
from flag_helpers import detect

from review.flags import DetectorUnavailable, FlagOptions
from review.flags import grammalecte as module
from review.translate.pool import ModelPool


def _available() -> bool:
    try:
        module.make(FlagOptions(), ModelPool())
    except DetectorUnavailable:
        return False
    return True


needs_grammalecte = pytest.mark.skipif(not _available(), reason="Grammalecte not installed (python3-grammalecte)")


@needs_grammalecte
@pytest.mark.parametrize(
    ("text", "span"),
    [("Les problème sont graves.", "problème"), ("Elles sont parti hier.", "parti")],
    ids=["noun-number", "participle"],
)
def test_flags_grammar(text: str, span: str) -> None:
    flags = detect("grammalecte", text)
    assert span in [flag.span_text for flag in flags]
    assert all(flag.detector == "grammalecte" for flag in flags)


@needs_grammalecte
def test_typography_is_left_to_the_typography_detector() -> None:
    assert detect("grammalecte", "Il a dit: «non» hier.") == []


def test_missing_grammalecte_raises_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(module.importlib, "import_module", fail)
    module.checker.cache_clear()
    try:
        with pytest.raises(DetectorUnavailable, match="apt-get install python3-grammalecte"):
            module.make(FlagOptions(), ModelPool())
    finally:
        monkeypatch.undo()
        module.checker.cache_clear()
