"""``Flagger.set_floor``: a new floor re-ranks the kept flags; no detector runs again over a segment it has seen."""

from __future__ import annotations

from pathlib import Path

import pytest

import review.flags.incremental
from review.document import load_document
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.rank import MIN_CONFIDENCE
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # the lexicon parses with spaCy

ANGLICISM = "L'entreprise va finaliser le contrat demain.\n"  # lexicon: « finaliser » at 0.25


def test_a_new_floor_reranks_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "anglicism.txt"
    article.write_text(ANGLICISM, encoding="utf-8")
    document = load_document(article)
    flagger = Flagger(["lexicon"], FlagOptions(model="m", min_confidence=0.6), ModelPool())
    runs: list[int] = []
    run_flags = review.flags.incremental.run_flags
    monkeypatch.setattr(review.flags.incremental, "run_flags",
                        lambda document, *args, **kwargs: runs.append(len(document.segments))
                        or run_flags(document, *args, **kwargs))

    def spans() -> list[str]:
        return [flag.span_text for flag in flagger.flags(document, {})]

    assert spans() == []
    assert runs == [1]
    kept = dict(flagger.cache)
    for floor, expected in [(0.25, ["finaliser"]), (MIN_CONFIDENCE, []), (0.25, ["finaliser"])]:
        flagger.set_floor(floor)
        assert spans() == expected
    assert runs == [1]  # the lexicon ran once, for the first call
    assert flagger.cache == kept
    assert flagger.options.min_confidence == 0.25
    assert flagger.options.model == "m"  # the other options are kept


@pytest.mark.parametrize("detectors", [None, ("grammar",)], ids=["screen-flagger", "export-flagger"])
def test_the_workbench_floor_reaches_the_exports(tmp_path: Path, detectors: tuple[str, ...] | None) -> None:
    """The exports list the flags of the floor the screen shows, also when the screen runs other detectors than
    the exports' (the exports then have a flagger of their own)."""
    from review.workbench import Workbench  # noqa: PLC0415

    article = tmp_path / "anglicism.txt"
    article.write_text(ANGLICISM, encoding="utf-8")
    bench = Workbench.open(article, options=FlagOptions(model="m"), detectors=detectors, pool=ModelPool())
    assert "finaliser" not in [flag.span_text for flag in bench.export_flags()]
    bench.set_floor(0.25)
    assert bench.options.min_confidence == 0.25
    assert "finaliser" in [flag.span_text for flag in bench.export_flags()]
    bench.set_floor(MIN_CONFIDENCE)
    assert "finaliser" not in [flag.span_text for flag in bench.export_flags()]
