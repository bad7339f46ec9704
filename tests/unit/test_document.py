"""Loading articles: sentence splitting, exact offsets, and the files people actually have."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SAMPLE

from review.document import apply_corrections, load_document, read_article, split_sentences
from review.errors import InputError


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Il pleut. Nous restons.", ["Il pleut.", "Nous restons."], id="two-sentences"),
        pytest.param("M. Dupont est arrivé. Il parle.", ["M. Dupont est arrivé.", "Il parle."], id="monsieur"),
        pytest.param("Mme Durand et le Dr Martin sont là.", ["Mme Durand et le Dr Martin sont là."], id="titles"),
        pytest.param("J. Smith a signé. Puis il est parti.", ["J. Smith a signé.", "Puis il est parti."],
                     id="initial"),
        pytest.param("La hausse est de 3.5 % cette année. Elle ralentit.",
                     ["La hausse est de 3.5 % cette année.", "Elle ralentit."], id="decimal-point"),
        pytest.param("« Nous viendrons. Nous parlerons », a-t-il dit. Puis rien.",
                     ["« Nous viendrons. Nous parlerons », a-t-il dit.", "Puis rien."], id="quote-keeps-sentence"),
        pytest.param("Il a dit « stop ! » et il est parti.", ["Il a dit « stop ! » et il est parti."],
                     id="exclamation-in-quote"),
        pytest.param("Voir p. 12 et cf. annexe. Fin.", ["Voir p. 12 et cf. annexe.", "Fin."], id="page-cf"),
        pytest.param("Vraiment ? Oui ! Bien.", ["Vraiment ?", "Oui !", "Bien."], id="french-spacing"),
        pytest.param("En 52 av. J.-C. César gagne. Ensuite la paix.",
                     ["En 52 av. J.-C. César gagne.", "Ensuite la paix."], id="av-jc"),
        pytest.param("Les U.S.A. ont voté. Le monde regarde.", ["Les U.S.A. ont voté.", "Le monde regarde."],
                     id="acronym-with-dots"),
        pytest.param("Attendez... Il revient.", ["Attendez...", "Il revient."], id="ellipsis"),
        pytest.param("Titre sans point", ["Titre sans point"], id="no-final-stop"),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"Un. Deux.\n\nTrois.\n", id="plain"),
        pytest.param(b"\xef\xbb\xbfUn. Deux.\r\n\r\nTrois.\r\n", id="bom-crlf"),
        pytest.param("Titre\n\nL\u2019Iran\u00a0: d\u00e9j\u00e0. Fin.".encode(), id="no-trailing-newline-nbsp"),
        pytest.param(b"  Indented.\n\n\n\nMany blank lines.  \n\n", id="odd-whitespace"),
        pytest.param(b"Line one\nstill paragraph one.\n\nTwo.", id="soft-line-break"),
    ],
)
def test_export_without_corrections_is_byte_identical(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    document = load_document(path, source_lang="fr")
    text = ("\ufeff" if document.bom else "") + apply_corrections(document, {})
    assert text.encode("utf-8") == raw
    for segment in document.segments:
        assert document.text[segment.start : segment.end] == segment.text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_a_wrapped_paragraph_is_one_paragraph_whatever_the_line_ends(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "wrapped.txt"
    lines = ["Iran et le Pakistan conviennent de renforcer", "leur coopération en matière de sécurité.", "",
             "Les ministres ont eu des pourparlers", "à Islamabad.", ""]
    path.write_bytes(newline.join(lines).encode("utf-8"))
    document = load_document(path)
    assert [segment.paragraph for segment in document.segments] == [0, 1]
    assert document.segments[1].text == f"Les ministres ont eu des pourparlers{newline}à Islamabad."


def test_sample_segments_have_stable_ids() -> None:
    document = load_document(SAMPLE)
    assert document.language == "fr"
    assert document.segments[0].id == "p1s1"
    assert document.segments[0].text.startswith("Iran et le Pakistan accusent")
    assert len({segment.id for segment in document.segments}) == len(document.segments)
    assert [segment.index for segment in document.segments] == list(range(len(document.segments)))
    # the two-sentence paragraph 11 is split, the quoted paragraph 5 is not
    assert [segment.id for segment in document.segments if segment.paragraph == 10] == ["p11s1", "p11s2"]
    assert len([segment for segment in document.segments if segment.paragraph == 4]) == 1


def test_corrections_replace_only_their_segment() -> None:
    document = load_document(SAMPLE)
    first = document.segments[0]
    corrected = apply_corrections(document, {first.id: "L'Iran et le Pakistan conviennent de coopérer"})
    assert corrected.startswith("L'Iran et le Pakistan conviennent de coopérer\n\nJAKARTA")
    assert corrected[len("L'Iran et le Pakistan conviennent de coopérer"):] == document.text[first.end:]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("missing.txt", None, "no such file", id="missing"),
        pytest.param("folder", "dir", "is a directory", id="directory"),
        pytest.param("empty.txt", b"", "is empty", id="empty"),
        pytest.param("blank.txt", b"  \n\t\r\n ", "is empty", id="whitespace-only"),
        pytest.param("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
        pytest.param("latin1.txt", "Un été très chaud.".encode("latin-1"), "not valid UTF-8.*-f latin1",
                     id="undecodable"),
        pytest.param("windows.txt", "L’été, c’est « chaud ».".encode("cp1252"), "not valid UTF-8.*-f cp1252",
                     id="windows-1252"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, content: bytes | str | None, message: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InputError, match=message) as raised:
        read_article(path)
    assert "\n" not in raised.value.message


def test_english_article_is_refused_with_the_override(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("The two countries agreed to strengthen their security cooperation after missile strikes "
                    "on militant groups in their respective regions.", encoding="utf-8")
    with pytest.raises(InputError, match=r"looks like English \(en, p=.*--source-lang en"):
        load_document(path)
    assert load_document(path, source_lang="en").language == "en"
