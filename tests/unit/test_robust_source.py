"""--source reads every format the README names, a missing one is exit 3, and PO headers satisfy gettext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from formats_support import FIXED, reviewed_sample

from review.cli import main
from review.errors import InputError
from review.formats import export_document, read_texts
from review.variants import read_original

ENGLISH = ["The ministers met in Jakarta on Monday.", "They agreed to strengthen security cooperation.",
           "Both countries had recalled their ambassadors after the strikes."]
FRENCH = ["Les ministres se sont réunis lundi à Jakarta.", "Ils ont convenu de renforcer la coopération.",
          "Les deux pays avaient rappelé leurs ambassadeurs après les frappes."]


def po(entries: list[tuple[str, str]], header: str = "Content-Type: text/plain; charset=UTF-8\\n") -> str:
    body = "".join(f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n' for msgid, msgstr in entries)
    return f'msgid ""\nmsgstr "{header}"\n{body}'


def test_po_without_language_from_txt2po_gives_its_english(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    path.write_text(po([(text, "") for text in ENGLISH]), encoding="utf-8")
    assert read_texts(path, "en") == ENGLISH


def test_po_without_language_from_xliff2po_gives_each_side(tmp_path: Path) -> None:
    path = tmp_path / "both.po"
    path.write_text(po(list(zip(ENGLISH, FRENCH, strict=True))), encoding="utf-8")
    assert read_texts(path, "fr") == FRENCH
    assert read_texts(path, "en") == ENGLISH


def test_po_without_language_and_no_clear_side_names_the_header(tmp_path: Path) -> None:
    path = tmp_path / "odd.po"
    path.write_text(po([("x1", "y2"), ("z3", "w4")]), encoding="utf-8")
    with pytest.raises(InputError, match="add a 'Language: fr' line"):
        read_texts(path, "fr")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_msgfmt_check_passes_without_warnings(article: Path, tmp_path: Path) -> None:
    review = reviewed_sample(article)
    path = tmp_path / "review.po"
    path.write_bytes(export_document("po", review.document, review.state, renderings=review.renderings,
                                     flags=review.flags, model_name="m", options=FIXED))
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr


@pytest.mark.parametrize("suffix", [".tmx", ".xlf", ".po", ".csv"])
def test_original_reads_segment_list_formats(suffix: str, article: Path, tmp_path: Path) -> None:
    review = reviewed_sample(article)
    fmt = {".tmx": "tmx", ".xlf": "xliff", ".po": "po", ".csv": "csv"}[suffix]
    path = tmp_path / f"original{suffix}"
    if fmt == "csv":
        rows = ["fr,en", *(f'"{segment.text}","English {segment.id}"' for segment in review.document.segments)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    else:
        path.write_bytes(export_document(fmt, review.document, review.state, renderings=review.renderings,
                                         options=FIXED))
    paragraphs = read_original(path)
    assert sum(len(paragraph) for paragraph in paragraphs) == len(review.document.segments)


def test_flag_with_a_missing_source_is_exit_3(article: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flag", str(article), "--source", str(tmp_path / "missing.txt"), "--detectors", "typography"]) == 3
    assert "no such file" in capsys.readouterr().err


def test_score_source_reads_a_tmx(article: Path, tmp_path: Path, tiny_marian: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    review = reviewed_sample(article)
    path = tmp_path / "original.tmx"
    path.write_bytes(export_document("tmx", review.document, review.state, renderings=review.renderings,
                                     options=FIXED))
    assert main(["score", "--source", str(path), str(article), "--model", str(tiny_marian), "--format", "json"]) == 0
    assert f'"segments": {len(review.document.segments)}' in capsys.readouterr().out


def test_flag_reads_a_tmx_source_into_the_options(article: Path, tmp_path: Path) -> None:
    from review.flags import FlagOptions  # noqa: PLC0415
    from review.workbench import Workbench  # noqa: PLC0415

    review = reviewed_sample(article)
    path = tmp_path / "original.tmx"
    path.write_bytes(export_document("tmx", review.document, review.state, renderings=review.renderings,
                                     options=FIXED))
    bench = Workbench.open(article, options=FlagOptions(model="m", source=path))
    assert bench.options.original is not None
    assert [text for paragraph in bench.options.original for text in paragraph] == [
        review.renderings[s.id] for s in review.document.segments]
    assert len(bench.options.original) == len(bench.document.paragraphs())


def test_a_reordered_source_file_is_paired_by_its_ids(tmp_path: Path) -> None:
    from review.document import from_text  # noqa: PLC0415

    document = from_text(" ".join(FRENCH[:2]) + "\n\n" + FRENCH[2] + "\n")
    units = "".join(
        f'<tu tuid="{segment.id}"><tuv xml:lang="en"><seg>{english}</seg></tuv>'
        f'<tuv xml:lang="fr"><seg>{segment.text}</seg></tuv></tu>'
        for segment, english in reversed(list(zip(document.segments, ENGLISH, strict=True)))
    )
    path = tmp_path / "source.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" '
                    'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" '
                    f'creationtoolversion="1" o-tmf="t"/><body>{units}</body></tmx>', encoding="utf-8")
    assert read_original(path, document) == ((ENGLISH[0], ENGLISH[1]), (ENGLISH[2],))
