"""A log, TMX, XLIFF, PO, CSV or JSON Lines file given as the article: one line and exit 3, not a review of markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main
from review.store import default_log_path

OPENINGS = {
    "tmx": '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body/></tmx>\n',
    "xlf": '<?xml version="1.0"?>\n<xliff version="2.0" srcLang="en" trgLang="fr"/>\n',
    "po": 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n',
}


@pytest.mark.parametrize(("suffix", "kind"), [("tmx", "a TMX"), ("xlf", "an XLIFF"), ("po", "a PO"),
                                              ("csv", "a CSV"), ("jsonl", "a JSON Lines")])
def test_an_exchange_file_given_as_the_article_is_named(suffix: str, kind: str, article: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    given = tmp_path / f"review.{suffix}"
    if suffix in OPENINGS:
        given.write_text(OPENINGS[suffix], encoding="utf-8")
    else:  # review's own exports of the article, which need no English
        assert main(["export", str(article), "-o", str(given), "--no-flags"]) == 0
    capsys.readouterr()

    assert main(["flag", str(given)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"is {kind} file, not an article" in err
    assert not default_log_path(given).exists()


def test_xml_under_a_text_name_is_named_by_its_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disguised = tmp_path / "article.txt"
    disguised.write_text('\ufeff<?xml version="1.0"?>\n<xliff version="1.2"><file/></xliff>\n', encoding="utf-8")
    assert main(["translate", str(disguised)]) == 3
    assert "is an XLIFF file, not an article" in capsys.readouterr().err


def test_the_log_given_as_the_article_points_at_the_article(article: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    log = default_log_path(article)
    log.write_text('{"type": "reviewed", "segment": "p1s1"}\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["flag", str(log)]) == 3
    err = capsys.readouterr().err
    assert f"is the corrections log of {article.name}: open {article.name} itself" in err


def test_french_text_with_angle_brackets_is_still_an_article(tmp_path: Path, article: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "balises.txt"
    text.write_text("<b>Attention</b> : " + article.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["flag", str(text), "--detectors", "typography"]) == 0
    assert "not an article" not in capsys.readouterr().err
