"""Readers of other people's files answer malformed input with exit 3, naming the file, the line and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.cli import main
from review.errors import InputError
from review.formats import read_texts

XLIFF20 = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
           'version="2.0" srcLang="en" trgLang="fr">\n<file id="f1"><unit id="u1"><segment id="s1">'
           '<source>Hello</source><target>Bon{cp}jour</target></segment></unit></file></xliff>\n')
PO = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
      'msgid "Hello"\nmsgstr "{text}"\n')

CASES = {
    "xliff-cp-not-hex": ("a.xlf", XLIFF20.format(cp='<cp hex="zz"/>'), "line 3"),
    "xliff-cp-empty": ("a.xlf", XLIFF20.format(cp='<cp hex=""/>'), "line 3"),
    "xliff-cp-missing": ("a.xlf", XLIFF20.format(cp="<cp/>"), "line 3"),
    "xliff-cp-surrogate": ("a.xlf", XLIFF20.format(cp='<cp hex="D800"/>'), "not a Unicode character"),
    "xliff-cp-too-big": ("a.xlf", XLIFF20.format(cp='<cp hex="110000"/>'), "not a Unicode character"),
    "xliff-cp-huge": ("a.xlf", XLIFF20.format(cp='<cp hex="FFFFFFFFFFFF"/>'), "not a hexadecimal"),
    "po-hex-too-big": ("a.po", PO.format(text="\\x110000"), "line 7"),
    "po-hex-surrogate": ("a.po", PO.format(text="\\xd800"), "line 7"),
    "po-hex-huge": ("a.po", PO.format(text="\\xffffffffffffffffff"), "line 7"),
    "csv-huge-field": ("a.csv", "fr,en\n" + "x" * 200_000 + ",y\n", "line 2"),
    "jsonl-surrogate": ("a.jsonl", ('{"type": "review", "version": 1, "text": "\\ud800", "language": "fr", '
                                   '"bom": false, "dismissed": [], "position": null, "problems": []}\n'
                                   '{"type": "segment", "id": "p1s1", "index": 0, "paragraph": 0, "start": 0, '
                                   '"end": 1, "text": "\\ud800", "current": "\\ud800", "english": null, '
                                   '"status": "translated"}\n'), "surrogate"),
    "jsonl-text-object": ("a.jsonl", ('{"type": "review", "version": 1, "text": "a", "language": "fr", '
                                     '"bom": false, "dismissed": [], "position": null, "problems": []}\n'
                                     '{"type": "segment", "id": "p1s1", "index": 0, "paragraph": 0, "start": 0, '
                                     '"end": 1, "text": "a", "current": {"a": 1}, "english": null, '
                                     '"status": "translated"}\n'), "not text"),
}


@pytest.mark.parametrize(("name", "content", "said"), CASES.values(), ids=CASES.keys())
def test_malformed_file_is_one_input_error(name: str, content: str, said: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(InputError) as raised:
        read_texts(path, "fr")
    assert str(path) in raised.value.message
    assert said in raised.value.message


@pytest.mark.parametrize(("name", "content", "said"), [CASES["xliff-cp-not-hex"], CASES["po-hex-surrogate"],
                                                       CASES["csv-huge-field"]], ids=["xliff", "po", "csv"])
def test_malformed_variant_is_exit_3(name: str, content: str, said: str, article: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["open", str(article), "--variant", str(path), "--detectors", "none"]) == 3
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err


def test_valid_code_points_still_read(tmp_path: Path) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF20.format(cp='<cp hex="1F"/>'), encoding="utf-8")
    assert read_texts(path, "fr") == ["Bon\x1fjour"]
