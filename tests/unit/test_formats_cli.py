"""``review export``: format choice, renderings from the cache, flags when present, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_support import reviewed_sample, tmx_problems, xliff12_problems, xliff20_problems
from lxml import etree

from review.cli import main
from review.document import load_document
from review.translate.render import Renderer


def fill_cache(model: Path, texts: list[str]) -> dict[str, str]:
    renderer = Renderer(str(model))
    english = {text: f"EN[{text[:12]}]" for text in texts}
    renderer.cache.put_many(renderer._key, renderer.ref.revision or "", english.items())
    return english


@pytest.fixture
def cached(article: Path, fake_model: Path) -> dict[str, str]:
    reviewed_sample(article)
    return fill_cache(fake_model, [segment.text for segment in load_document(article).segments])


@pytest.mark.parametrize(("name", "extra", "check"), [
    pytest.param("out.tmx", [], lambda data: tmx_problems(data) == [], id="tmx-by-extension"),
    pytest.param("out.xlf", [], lambda data: xliff20_problems(data) == [], id="xliff-by-extension"),
    pytest.param("out.xliff", ["--xliff-version", "1.2"], lambda data: xliff12_problems(data) == [], id="xliff-1.2"),
    pytest.param("out.po", [], lambda data: b'msgctxt "p1s1"' in data, id="po-by-extension"),
    pytest.param("out.csv", [], lambda data: data.startswith(b"segment,span,"), id="csv-by-extension"),
    pytest.param("out.jsonl", [], lambda data: json.loads(data.split(b"\n")[0])["type"] == "review", id="jsonl"),
    pytest.param("out.txt", [], lambda data: data.startswith(b"Iran et le Pakistan conviennent"), id="txt"),
    pytest.param("out.data", ["--format", "tmx"], lambda data: data.startswith(b"<?xml"), id="format-option"),
    pytest.param("out.data", [], lambda data: data.startswith(b"Iran et"), id="unknown-extension-is-txt"),
])
@pytest.mark.usefixtures("cached")
def test_format_from_option_or_extension(
    article: Path, fake_model: Path, tmp_path: Path, name: str, extra: list[str], check,
) -> None:
    out = tmp_path / name
    assert main(["export", str(article), "-o", str(out), "--model", str(fake_model), *extra]) == 0
    assert check(out.read_bytes())


def test_english_comes_from_the_cache_without_loading_a_model(article: Path, fake_model: Path,
                                                              cached: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    assert main(["export", str(article), "-o", str(out), "--model", str(fake_model)]) == 0
    english = [seg.text for seg in etree.parse(str(out)).getroot().iter("seg")][0::2]
    # corrected segments fall back to the rendering of the machine French the reviewer saw
    assert english == [cached[segment.text] for segment in load_document(article).segments]


def test_missing_renderings_exit_6_and_say_what_to_run(article: Path, fake_model: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.tmx"
    assert main(["export", str(article), "-o", str(out), "--model", str(fake_model)]) == 6
    assert "review translate" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("target", ["article", "log"])
@pytest.mark.usefixtures("cached")
def test_never_overwrites_the_article_or_its_log(article: Path, fake_model: Path, target: str) -> None:
    path = article if target == "article" else article.with_name(article.name + ".review.jsonl")
    before = path.read_bytes()
    code = main(["export", str(article), "-o", str(path), "--format", "csv", "--model", str(fake_model)])
    assert code == 6
    assert path.read_bytes() == before


@pytest.mark.usefixtures("cached")
def test_bom_option_reaches_the_csv(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    assert main(["export", str(article), "-o", str(out), "--bom"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.usefixtures("cached")
def test_open_flags_go_into_the_report_unless_dismissed_or_turned_off(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    import csv  # noqa: PLC0415

    def flag_rows() -> list[dict[str, str]]:
        rows = csv.DictReader(out.read_text(encoding="utf-8").splitlines())
        return [row for row in rows if row["kind"].startswith("flag:")]

    assert main(["export", str(article), "-o", str(out)]) == 0
    assert flag_rows()
    assert all(row["message"] and row["severity"] for row in flag_rows())
    assert main(["export", str(article), "-o", str(out), "--no-flags"]) == 0
    assert flag_rows() == []


def test_render_fills_what_the_cache_lacks_with_the_model(article: Path, tiny_marian: Path, tmp_path: Path) -> None:
    state = reviewed_sample(article).state
    document = load_document(article)
    out = tmp_path / "out.po"
    assert main(["export", str(article), "-o", str(out), "--model", str(tiny_marian), "--render"]) == 0
    current = [state.text_of(segment) for segment in document.segments]
    cached = Renderer(str(tiny_marian)).cached(current)
    assert set(cached) == set(current)  # the corrected French was rendered, not only the machine French
    assert out.read_bytes().count(b"\nmsgctxt ") == len(document.segments)
