"""Files without ids (OmegaT's project memory) line up by their French side or by their English side."""

from __future__ import annotations

from pathlib import Path

import pytest
from align_support import ORIGINAL, OTHER_ARTICLE, RENDERINGS, omegat_tmx

from review.cli import main
from review.document import load_document
from review.errors import ScoreError
from review.flags import FlagOptions
from review.matching import french_key, match_english, match_french, share_duplicates
from review.model import Document
from review.store import ReviewLog, default_log_path
from review.translate.pool import ModelPool
from review.translate.render import Renderer
from review.variants import load_aligned, read_original
from review.workbench import cached_english


@pytest.fixture
def document(article: Path) -> Document:
    return load_document(article)


def fill_cache(model: Path, document: Document) -> None:
    """The model's English of the article's machine French, written through the rendering cache."""
    renderer = Renderer(str(model), engine="marian")
    pairs = zip((segment.text for segment in document.segments), RENDERINGS, strict=True)
    renderer.cache.put_many(renderer._key, renderer.ref.revision or "", pairs)


def english_of(model: Path, document: Document):  # type: ignore[no-untyped-def]
    return cached_english(document, FlagOptions(model=str(model), engine="marian"), ModelPool())


def _posted(text: str) -> str:
    """The French after a translator's pass in the CAT tool: no sentence left as the article has it."""
    return text.upper()


def _quotes_evened(text: str) -> str:
    return text.replace("« ", '"').replace(" »", '"').replace("’", "'").replace(" - ", " \u2013 ")


@pytest.mark.parametrize("french", [lambda text: text, _quotes_evened], ids=["same-french", "quotes-and-dashes"])
def test_project_memory_as_source_aligns_by_french_side(document: Document, tmp_path: Path, french) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "project_save.tmx"
    path.write_bytes(omegat_tmx([(english, french(segment.text))
                                 for english, segment in zip(ORIGINAL, document.segments, strict=True)]))
    paragraphs = read_original(path, document)  # no renderings at all: the French side is enough
    assert [text for paragraph in paragraphs for text in paragraph] == ORIGINAL
    assert len(paragraphs) == len(document.paragraphs())


def test_project_memory_as_variant_aligns_by_english_side(document: Document, fake_model: Path,
                                                          tmp_path: Path) -> None:
    fill_cache(fake_model, document)
    path = tmp_path / "project_save.tmx"
    variant = [_posted(segment.text) for segment in document.segments]
    path.write_bytes(omegat_tmx(list(zip(ORIGINAL, variant, strict=True))))
    assert load_aligned(document, path, "fr", renderings=english_of(fake_model, document)) == variant


def test_half_another_article_is_refused_with_the_count(document: Document, fake_model: Path,
                                                        tmp_path: Path) -> None:
    fill_cache(fake_model, document)
    path = tmp_path / "mixed.tmx"
    kept = [(english, _posted(segment.text)) for english, segment in zip(ORIGINAL[:8], document.segments, strict=False)]
    path.write_bytes(omegat_tmx(kept + OTHER_ARTICLE))
    with pytest.raises(ScoreError) as caught:
        load_aligned(document, path, "fr", renderings=english_of(fake_model, document))
    message = caught.value.message
    assert "only 8 of 16 segments" in message
    assert "by id 0, by French side 0, by English side 8" in message
    assert "another article" in message


def test_without_a_cache_says_how_to_fill_it(document: Document, fake_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "project_save.tmx"
    path.write_bytes(omegat_tmx([(english, _posted(segment.text))
                                 for english, segment in zip(ORIGINAL, document.segments, strict=True)]))
    with pytest.raises(ScoreError, match=r"only 0 of 16 .*review translate ARTICLE"):
        load_aligned(document, path, "fr", renderings=english_of(fake_model, document))


def test_flag_reads_a_posted_memory_as_source_by_the_cached_english(article: Path, fake_model: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document(article)
    path = tmp_path / "project_save.tmx"
    path.write_bytes(omegat_tmx([(english, _posted(segment.text))
                                 for english, segment in zip(ORIGINAL, document.segments, strict=True)]))
    args = ["flag", str(article), "--source", str(path), "--model", str(fake_model), "--detectors", "typography"]
    assert main(args) == 7  # nothing cached yet: one line that says how to fill the cache
    err = capsys.readouterr().err
    assert "review translate" in err
    assert err.count("\n") == 1
    fill_cache(fake_model, document)
    assert main([*args, "--format", "json"]) in {0, 1}
    assert "Traceback" not in capsys.readouterr().err


def test_score_refuses_a_memory_of_another_article(article: Path, fake_model: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.tmx"
    path.write_bytes(omegat_tmx(OTHER_ARTICLE * 2))
    document = load_document(article)
    fill_cache(fake_model, document)
    code = main(["score", "--source", str(path), str(article), "--model", str(fake_model), "--engine", "marian"])
    err = capsys.readouterr().err
    assert code == 7
    assert "only 0 of 16 segments" in err
    assert "Traceback" not in err


# --- the matching itself -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("left", "right", "same"), [
    ("« Oui », dit-il.", '"Oui", dit-il.', True),
    ("l’Iran", "l'Iran", True),
    ("JAKARTA - L'Iran", "JAKARTA \u2014 L'Iran", True),
    ("deux\u00a0pays", "deux pays", True),
    ("deux pays", "Deux pays", False),
    ("deux pays", "trois pays", False),
], ids=["guillemets", "apostrophe", "dash", "no-break-space", "case-differs", "word-differs"])
def test_french_key(left: str, right: str, same: bool) -> None:
    assert (french_key(left) == french_key(right)) is same


def test_repeated_french_shares_the_one_unit_a_memory_keeps() -> None:
    segments = {"p1s1": "Oui.", "p2s1": "Non.", "p3s1": "Oui."}
    found = match_french(segments, ["Non.", "Oui."])
    assert found == {"p1s1": 1, "p2s1": 0, "p3s1": 1}
    assert share_duplicates(segments, {"p1s1": 1}) == {"p1s1": 1, "p3s1": 1}


def test_english_match_is_one_to_one_and_best_first() -> None:
    renderings = {"a": "The ministers met in Jakarta on Monday.", "b": "The ministers met in Jakarta."}
    units = {0: "The ministers met in Jakarta.", 1: "Ministers meet in Jakarta on Monday."}
    assert match_english(renderings, units) == {"b": 0, "a": 1}


def test_english_match_leaves_unrelated_units_alone() -> None:
    renderings = dict(enumerate(RENDERINGS))
    units = {index: english for index, (english, _) in enumerate(OTHER_ARTICLE)}
    assert match_english({str(key): value for key, value in renderings.items()}, units) == {}


def test_a_long_file_is_matched_through_its_rarer_trigrams() -> None:
    """Beyond 25 units each rendering is scored against the units sharing most rarer 3-grams: same result."""
    fillers = [f"Stock number {number} of the warehouse in Lyon was counted on day {number}." for number in range(20)]
    units = dict(enumerate([*fillers, *(english for english, _ in OTHER_ARTICLE), *ORIGINAL]))
    first = len(fillers) + len(OTHER_ARTICLE)
    renderings = {str(index): text for index, text in enumerate(RENDERINGS)}
    assert len(units) > 25
    assert match_english(renderings, units) == {str(index): first + index for index in range(len(RENDERINGS))}


def test_open_refuses_a_variant_memory_before_the_screen(article: Path, fake_model: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document(article)
    fill_cache(fake_model, document)
    path = tmp_path / "mixed.tmx"
    kept = [(english, _posted(segment.text)) for english, segment in zip(ORIGINAL[:8], document.segments, strict=False)]
    path.write_bytes(omegat_tmx(kept + OTHER_ARTICLE))
    code = main(["open", str(article), "--variant", str(path), "--model", str(fake_model), "--detectors", "none"])
    err = capsys.readouterr().err
    assert code == 7
    assert "only 8 of 16 segments" in err
    assert "by English side 8" in err
    assert err.count("\n") == 1
    log = ReviewLog(default_log_path(article), read_only=False)
    log.acquire()  # the refused session let go of the lock
    log.release()
