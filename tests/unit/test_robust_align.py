"""--variant and --source align a segment-list file by its ids, never by order alone.

Files without ids: tests/unit/test_robust_align_content.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample
from lxml import etree

from review.document import load_document
from review.errors import ScoreError
from review.formats import export_document
from review.variants import load_aligned


def _reordered_tmx(data: bytes, *, keep_ids: bool) -> bytes:
    root = etree.fromstring(data)
    body = root.find("body")
    units = list(body)
    for unit in units:
        body.remove(unit)
    # OmegaT's project memory: sorted by the English, no tuid, no props
    units.sort(key=lambda unit: unit.find("tuv/seg").text)
    for unit in units:
        if not keep_ids:
            unit.attrib.pop("tuid", None)
            for prop in unit.findall("prop"):
                unit.remove(prop)
        body.append(unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def review(article: Path):  # type: ignore[no-untyped-def]
    return reviewed_sample(article)


def test_reordered_tmx_is_aligned_by_tuid(review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = export_document("tmx", review.document, review.state, renderings=review.renderings, options=FIXED)
    path = tmp_path / "sorted.tmx"
    path.write_bytes(_reordered_tmx(data, keep_ids=True))
    assert load_aligned(review.document, path, "fr") == [review.state.text_of(s) for s in review.document.segments]
    assert load_aligned(review.document, path, "en") == [review.renderings[s.id] for s in review.document.segments]


def test_tmx_without_ids_is_refused_with_the_count(review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = export_document("tmx", review.document, review.state, renderings=review.renderings, options=FIXED)
    path = tmp_path / "omegat.tmx"
    path.write_bytes(_reordered_tmx(data, keep_ids=False))
    # the 13 uncorrected segments are found by their French; the 3 corrected ones need the cached English
    with pytest.raises(ScoreError, match=f"only 13 of {len(review.document.segments)} segments .*"
                                         r"\(by id 0, by French side 13, by English side 0\)"):
        load_aligned(review.document, path, "fr")


@pytest.mark.parametrize(("fmt", "suffix"), [("xliff", ".xlf"), ("po", ".po")], ids=["xliff", "po"])
def test_reordered_xliff_and_po_are_aligned_by_id(review, fmt: str, suffix: str,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    data = export_document(fmt, review.document, review.state, renderings=review.renderings, options=FIXED)
    if fmt == "po":
        header, *entries = data.decode("utf-8").split("\n\n")
        entries.reverse()
        data = "\n\n".join([header, *entries]).encode("utf-8")
    else:
        root = etree.fromstring(data)
        file = root[0]
        units = list(file)
        for element in units:
            file.remove(element)
        for element in reversed(units):
            file.append(element)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    path = tmp_path / f"reversed{suffix}"
    path.write_bytes(data)
    assert load_aligned(review.document, path, "fr") == [review.state.text_of(s) for s in review.document.segments]


def test_missing_segment_is_named(review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = export_document("tmx", review.document, review.state, renderings=review.renderings, options=FIXED)
    root = etree.fromstring(data)
    body = root.find("body")
    body.remove(body[-1])
    path = tmp_path / "short.tmx"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    last = review.document.segments[-1].id
    with pytest.raises(ScoreError, match=f"lacks {last}"):
        load_aligned(review.document, path, "fr")


def _without_paragraph_13(article: Path) -> None:
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    del paragraphs[12]
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")


def test_ids_a_deleted_paragraph_shifted_are_not_trusted(review, article: Path,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    path = tmp_path / "before.tmx"
    path.write_bytes(export_document("tmx", review.document, review.state, renderings=review.renderings,
                                     options=FIXED))
    _without_paragraph_13(article)
    changed = load_document(article)
    was = {segment.text: segment for segment in review.document.segments}
    english = {segment.id: review.renderings[was[segment.text].id] for segment in changed.segments}
    aligned = load_aligned(changed, path, "fr", renderings=lambda: english)
    # each segment gets its own sentence's version, found by content: the unit now named p13s1 is not p13s1's
    assert aligned == [review.state.text_of(was[segment.text]) for segment in changed.segments]


def test_shifted_ids_without_english_to_match_are_refused(review, article: Path,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    path = tmp_path / "before.tmx"
    path.write_bytes(export_document("tmx", review.document, review.state, renderings=review.renderings,
                                     options=FIXED))
    _without_paragraph_13(article)
    with pytest.raises(ScoreError, match="the article changed since the file was made"):
        load_aligned(load_document(article), path, "fr")


def test_units_numbered_1_to_n_still_align_by_number(review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = export_document("tmx", review.document, review.state, renderings=review.renderings, options=FIXED)
    root = etree.fromstring(data)
    for number, unit in enumerate(root.find("body"), start=1):
        unit.set("tuid", str(number))
        for prop in unit.findall("prop"):
            unit.remove(prop)
    path = tmp_path / "numbered.tmx"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    assert load_aligned(review.document, path, "fr") == [review.state.text_of(s) for s in review.document.segments]


def test_numbered_units_of_another_order_are_not_paired_by_number(tmp_path: Path) -> None:
    french = ["Iran et le Pakistan conviennent de coopérer.", "Les ministres ont parlé.", "Les deux pays voisins."]
    english = ["Iran and Pakistan agree to cooperate.", "The ministers talked.", "The two neighbouring countries."]
    units = "".join(f'<trans-unit id="{number}"><source>{en}</source><target>{fr}</target></trans-unit>'
                    for number, (en, fr) in enumerate(zip(english, french, strict=True), start=1))
    path = tmp_path / "numbered.xlf"  # ids 1..N, as Okapi and Trados number them
    path.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    f'<file source-language="en" target-language="fr" datatype="plaintext" original="a"><body>{units}'
                    "</body></file></xliff>", encoding="utf-8")
    article = tmp_path / "b.txt"  # the same article with its last paragraph moved first
    article.write_text(f"{french[2]}\n\n{french[0]}\n\n{french[1]}\n", encoding="utf-8")
    assert load_aligned(load_document(article), path, "en") == [english[2], english[0], english[1]]
