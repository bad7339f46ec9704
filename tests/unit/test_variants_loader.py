"""Variants and the English original, lined up with the article before the screen opens."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from support import SAMPLE

from review.cli import main
from review.document import load_document
from review.errors import InputError, ScoreError
from review.variants import load_aligned, load_variants, variant_names


def _paragraphs() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").strip().split("\n\n")


def _variant_text(kind: str) -> str:
    paragraphs = _paragraphs()
    if kind == "reworded":
        paragraphs[0] = paragraphs[0].replace("accusent", "conviennent")
    elif kind == "paragraph missing":
        del paragraphs[3]
    elif kind == "sentences joined":
        index = next(i for i, text in enumerate(paragraphs) if ". " in text)
        paragraphs[index] = paragraphs[index].replace(". ", ", ", 1)
    return "\n\n".join(paragraphs) + "\n"


def _csv(path: Path, texts: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "fr"])
        writer.writerows([str(number), text] for number, text in enumerate(texts, start=1))
    return path


@pytest.mark.parametrize("kind", ["reworded", "same"], ids=["reworded", "identical"])
def test_aligned_text_gives_one_text_a_segment(tmp_path: Path, kind: str) -> None:
    document = load_document(SAMPLE)
    path = tmp_path / "alt.fr.txt"
    path.write_text(_variant_text(kind), encoding="utf-8")
    texts = load_aligned(document, path, "fr")
    assert len(texts) == len(document.segments)
    changed = [seg.id for seg, text in zip(document.segments, texts, strict=True) if text != seg.text]
    assert changed == (["p1s1"] if kind == "reworded" else [])


@pytest.mark.parametrize(("kind", "words"), [
    ("paragraph missing", "paragraphs"),
    ("sentences joined", "sentences in alt.fr.txt"),
], ids=["paragraph-missing", "sentences-joined"])
def test_misaligned_text_is_refused_with_one_line(tmp_path: Path, kind: str, words: str) -> None:
    path = tmp_path / "alt.fr.txt"
    path.write_text(_variant_text(kind), encoding="utf-8")
    with pytest.raises(ScoreError) as caught:
        load_aligned(load_document(SAMPLE), path, "fr")
    assert words in caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(("extra", "error"), [(0, None), (1, ScoreError), (-1, ScoreError)],
                         ids=["same-count", "one-more", "one-fewer"])
def test_segment_list_needs_one_segment_per_segment(tmp_path: Path, extra: int, error: type | None) -> None:
    document = load_document(SAMPLE)
    texts = [segment.text.upper() for segment in document.segments]
    texts = texts + ["En plus."] * extra if extra >= 0 else texts[:extra]
    path = _csv(tmp_path / "alt.csv", texts)
    if error is None:
        assert load_aligned(document, path, "fr") == texts
    else:
        with pytest.raises(error, match=f"has {len(texts)} segments"):
            load_aligned(document, path, "fr")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_variants(load_document(SAMPLE), [tmp_path / "nowhere.txt"])


@pytest.mark.parametrize(("paths", "names"), [
    (["a/x.txt", "b/y.txt"], ["x.txt", "y.txt"]),
    (["a/x.txt", "b/x.txt", "c/x.txt"], ["x.txt", "x.txt (2)", "x.txt (3)"]),
], ids=["distinct", "same-file-name"])
def test_variant_names_are_distinct(paths: list[str], names: list[str]) -> None:
    assert variant_names(Path(path) for path in paths) == names


def test_open_refuses_a_misaligned_variant_before_the_screen(article: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    import review.tui.app  # noqa: PLC0415

    def no_screen(**_: object) -> None:
        pytest.fail("the review screen started despite a misaligned variant")

    monkeypatch.setattr(review.tui.app, "make_app", no_screen)
    bad = tmp_path / "bad.fr.txt"
    bad.write_text(_variant_text("paragraph missing"), encoding="utf-8")
    code = main(["open", str(article), "--variant", str(bad)])
    err = capsys.readouterr().err
    assert code == ScoreError.exit_code
    assert len(err.strip().splitlines()) == 1
    assert "bad.fr.txt" in err
    assert "Traceback" not in err
