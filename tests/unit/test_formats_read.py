"""read_texts: which format a file is, plain text cut like an article, and files it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample

from review.document import from_text
from review.errors import InputError
from review.formats import export_document, read_texts

ARTICLE_TEXT = "Première phrase. Deuxième phrase !\n\nUn autre paragraphe, M. Dupont."


@pytest.mark.parametrize("name", ["variant.txt", "variant", "variant.md"])
def test_plain_text_is_cut_like_an_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("\ufeff" + ARTICLE_TEXT, encoding="utf-8")
    assert read_texts(path, "fr") == [segment.text for segment in from_text(ARTICLE_TEXT).segments]


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_xml_without_a_telling_extension_is_sniffed(article: Path, tmp_path: Path, fmt: str) -> None:
    review = reviewed_sample(article)
    path = tmp_path / "export.xml"
    path.write_bytes(export_document(fmt, review.document, review.state, renderings=review.renderings,
                                     options=FIXED))
    assert read_texts(path, "fr") == [review.state.text_of(s) for s in review.document.segments]


@pytest.mark.parametrize(("name", "content", "needle"), [
    pytest.param("missing.tmx", None, "no such file", id="missing"),
    pytest.param("broken.tmx", b"<tmx><body><tu>", "not well-formed", id="malformed-xml"),
    pytest.param("other.xml", b"<html><body/></html>", "neither TMX nor XLIFF", id="other-xml"),
    pytest.param("wrong-root.tmx", b"<xliff/>", "not a TMX file", id="tmx-extension-xliff-root"),
    pytest.param("memory.tmx", b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="de"><seg>x</seg></tuv></tu>'
                               b"</body></tmx>", "languages found: de", id="no-such-language"),
    pytest.param("empty.txt", b"  \n", "empty", id="empty-text"),
    pytest.param("latin1.txt", "é".encode("latin-1"), "not valid UTF-8", id="not-utf8"),
])
def test_files_it_refuses_say_why(tmp_path: Path, name: str, content: bytes | None, needle: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=needle):
        read_texts(path, "fr")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_texts(tmp_path, "fr")


def test_external_entities_are_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path = tmp_path / "evil.tmx"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>a&x;b</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    with pytest.raises(InputError, match=r"evil.tmx uses &x; which its DTD does not define as text") as caught:
        read_texts(path, "fr")
    assert "SECRET" not in str(caught.value)


def test_entities_the_dtd_defines_as_text_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY co "Dupont &amp; Fils">]><tmx version="1.4"><header/><body>'
        '<tu><tuv xml:lang="fr"><seg>La maison &co; vend.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    assert read_texts(path, "fr") == ["La maison Dupont & Fils vend."]  # the words were dropped before


def test_an_exponential_entity_is_refused_in_one_line(tmp_path: Path) -> None:
    levels = ['<!ENTITY e0 "ha">'] + [f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10)]
    path = tmp_path / "laughs.tmx"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE tmx [{"".join(levels)}]><tmx version="1.4"><header/><body>'
                    '<tu><tuv xml:lang="fr"><seg>&e9;</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(InputError, match=r"laughs.tmx is not well-formed XML .*amplification"):
        read_texts(path, "fr")


@pytest.mark.parametrize(("name", "content"), [
    ("codes.tmx", ('<?xml version="1.0"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>Ils '
                  '<bpt i="1">&lt;b&gt;</bpt>conviennent<ept i="1">&lt;/b&gt;</ept> de parler.<ph>&lt;br/&gt;</ph>'
                  '</seg></tuv></tu></body></tmx>')),
    ("codes.xlf", ('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
                  'source-language="en" target-language="fr" datatype="html" original="a"><body><trans-unit id="1">'
                  '<source>They agree.</source><target>Ils <bpt id="1">&lt;b&gt;</bpt>conviennent<ept id="1">'
                  '&lt;/b&gt;</ept> de parler.<ph id="2">&lt;br/&gt;</ph></target></trans-unit></body></file>'
                  '</xliff>')),
], ids=["tmx", "xliff-1.2"])
def test_native_code_inside_a_segment_is_not_read_as_text(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert read_texts(path, "fr") == ["Ils conviennent de parler."]


@pytest.mark.parametrize(("space", "expected"), [
    ("", "Ils conviennent de parler."),
    (' xml:space="preserve"', "\n        Ils conviennent de parler.\n      "),
], ids=["layout-dropped", "preserved"])
def test_the_layout_of_a_pretty_printed_file_is_not_read_as_text(tmp_path: Path, space: str, expected: str) -> None:
    path = tmp_path / "pretty.xlf"
    path.write_text('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                    '  <file source-language="en" target-language="fr" datatype="plaintext" original="a">\n'
                    '    <body>\n      <trans-unit id="1">\n        <source>They agree.</source>\n'
                    f'        <target{space}>\n        Ils conviennent de parler.\n      </target>\n'
                    '      </trans-unit>\n    </body>\n  </file>\n</xliff>\n', encoding="utf-8")
    assert read_texts(path, "fr") == [expected]
