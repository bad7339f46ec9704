"""``review score`` on real files: formats, one-line errors, the three modes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from score_data import sample_segments, systems, write_lines
from support import Terminal

from review.cli import main
from review.document import load_document
from review.model import Correction
from review.store import ReviewLog, default_log_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["score", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_reference_json_carries_signatures_and_paired_results(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    ref, hyps = systems(tmp_path)
    code, out, _ = run(capsys, "--ref", str(ref), *map(str, hyps), "--lines", "--paired-bs-n", "50",
                       "--sentences", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert [system["name"] for system in report["systems"]] == [path.name for path in hyps]
    assert report["segments"] == len(sample_segments())
    assert all("bs:50" in signature for signature in report["paired"]["signatures"].values())
    assert [r["p_value"] is None for r in report["paired"]["results"]].count(True) == 3  # the baseline's
    chrf = [item["chrf"] for item in report["sentences"]["drop4.txt"]]
    assert chrf == sorted(chrf)


def test_reference_csv_rows_have_units_and_sample_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref, hyps = systems(tmp_path)
    code, out, _ = run(capsys, "--ref", str(ref), str(hyps[0]), "--lines", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [row["measure"] for row in rows] == ["BLEU", "chrF2++", "TER"]
    assert all(row["sample"] == str(len(sample_segments())) and row["signature"] for row in rows)


def test_reference_table_notes_identical_hypothesis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref, _ = systems(tmp_path)
    copy = write_lines(tmp_path / "copy.txt", sample_segments())
    code, out, _ = run(capsys, "--ref", str(ref), str(copy), "--lines")
    assert code == 0
    assert "note: copy.txt is identical to the reference" in out
    assert "nrefs:1|case:mixed|eff:no|tok:13a" in out


@pytest.mark.parametrize(("make", "message", "exit_code"), [
    (lambda tmp: write_lines(tmp / "short.txt", sample_segments()[:-2]), "lines but the reference", 7),
    (lambda tmp: (tmp / "blank.txt").write_text("  \n") and tmp / "blank.txt", "is empty", 3),
    (lambda tmp: tmp / "missing.txt", "no such file", 3),
], ids=["fewer-segments", "empty-file", "missing-file"])
def test_reference_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object,
                                       message: str, exit_code: int) -> None:
    ref, _ = systems(tmp_path)
    hyp = make(tmp_path)  # type: ignore[operator]
    code, out, err = run(capsys, "--ref", str(ref), str(hyp), "--lines")
    assert code == exit_code
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(("name", "content"), [
    ("hyp.tmx", "anything"),
    ("hyp.txt", ('<?xml version="1.0"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>Un.</seg></tuv></tu>'
                "</body></tmx>\n")),
    ("hyp.po", 'msgid "One."\nmsgstr "Un."\n'),
], ids=["tmx-by-name", "tmx-by-root", "po"])
def test_an_exchange_file_is_refused_not_scored_as_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         name: str, content: str) -> None:
    ref, _ = systems(tmp_path)
    hyp = tmp_path / name
    hyp.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--ref", str(ref), str(hyp), "--lines")
    assert code == 3
    assert out == ""
    assert "plain text" in err


def test_ref_without_a_hypothesis_is_a_command_line_error(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    ref, _ = systems(tmp_path)
    code, _, err = run(capsys, "--ref", str(ref))
    assert code == 2
    assert "needs at least one hypothesis" in err


@pytest.mark.parametrize("words", [
    ["--post-edited", "ARTICLE", "ARTICLE"],
    ["--source", "ARTICLE"],
    ["--source", "ARTICLE", "ARTICLE", "ARTICLE"],
    ["--ref", "ARTICLE", "ARTICLE", "ARTICLE"],
], ids=["post-edited-with-a-file-after", "source-without-article", "source-with-two-articles", "same-hyp-twice"])
def test_a_wrong_command_line_is_exit_2_not_a_scoring_mismatch(words: list[str], article: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Files given in the wrong places are the command line's fault (2), as --ref without HYP is; 7 says the files
    themselves do not fit together, which a script may handle otherwise."""
    code, out, err = run(capsys, *(str(article) if word == "ARTICLE" else word for word in words))
    assert code == 2
    assert out == ""
    assert err.startswith("review: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(("words", "said"), [
    (["--post-edited", "ARTICLE", "--lines"], "--lines applies to --ref only, not to --post-edited"),
    (["--post-edited", "ARTICLE", "--seed", "3"], "--seed applies to --ref only"),
    (["--ref", "ARTICLE", "ARTICLE", "--top", "3"], "--top applies to --source only, not to --ref"),
    (["--ref", "ARTICLE", "ARTICLE", "--weights", "major=3"], "--weights applies to --post-edited only"),
    (["--ref", "ARTICLE", "ARTICLE", "--source-lang", "fr"], "--source-lang applies to --post-edited and --source"),
    (["--source", "ARTICLE", "ARTICLE", "--paired-ar"], "--paired-ar applies to --ref only, not to --source"),
    (["--post-edited", "ARTICLE", "--model", "elsewhere"], "--model applies to --source only"),
], ids=["lines", "seed", "top", "weights", "source-lang", "paired-ar", "model"])
def test_an_option_of_another_mode_is_refused_not_passed_over(words: list[str], said: str, article: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """--top with --ref, --lines with --post-edited… changed nothing and said nothing: the user thought it did."""
    code, out, err = run(capsys, *(str(article) if word == "ARTICLE" else word for word in words))
    assert (code, out) == (2, "")
    assert said in err
    assert err.count("\n") == 1


def test_an_option_given_its_default_or_from_the_environment_is_not_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    ref, hyps = systems(tmp_path)
    monkeypatch.setenv("SACREBLEU_SEED", "7")
    monkeypatch.setenv("REVIEW_MODEL", "elsewhere")
    code, out, err = run(capsys, "--ref", str(ref), str(hyps[0]), "--lines", "--top", "10", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["systems"]


def test_document_segmentation_mismatch_suggests_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text("Une phrase.\n\nUne autre phrase.\n", encoding="utf-8")
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("Une phrase seulement\n", encoding="utf-8")
    code, _, err = run(capsys, "--ref", str(ref), str(hyp))
    assert code == 7
    assert "--lines" in err


def test_sentences_that_do_not_line_up_are_scored_by_paragraph(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text("Le ministre est arrivé à Paris. Il a rencontré le président.\n\n"
                   "Les deux pays ont signé un accord.\n", encoding="utf-8")
    hyp = tmp_path / "hyp.txt"  # the first two sentences joined, a sentence added to the second paragraph
    hyp.write_text("Le ministre est arrivé à Paris et il a rencontré le président.\n\n"
                   "Les deux pays ont signé un accord. Il entre en vigueur demain.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--ref", str(ref), str(hyp), "--sentences", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["unit"], report["segments"]) == ("paragraphs", 2)
    scored = {item["hypothesis"]: item["chrf"] for item in report["sentences"]["hyp.txt"]}
    # the signed agreement is scored against its own reference, not against "Il a rencontré le président."
    assert scored["Les deux pays ont signé un accord. Il entre en vigueur demain."] > 60
    assert any("paragraph by paragraph" in note for note in report["notes"])


def test_lines_end_at_newlines_only_as_sacrebleu_reads_them(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import sacrebleu  # noqa: PLC0415

    refs = ["Le chat est sur le tapis.", "Il fait beau aujourd'hui.", "Bonjour\x0cle monde\u2028ici."]
    hyps = ["Le chat est sur la table.", "Il fait beau.", "Bonjour\x0cmonde\u2028ici."]
    ref, hyp = tmp_path / "ref.txt", tmp_path / "hyp.txt"
    ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
    hyp.write_text("\n".join(hyps) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--ref", str(ref), str(hyp), "--lines", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["segments"] == 3
    bleu = next(score["score"] for score in report["systems"][0]["scores"] if score["metric"] == "BLEU")
    assert bleu == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)


def test_a_second_reference_is_refused_not_swapped_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref, hyps = systems(tmp_path)
    other = write_lines(tmp_path / "other.txt", sample_segments())
    with pytest.raises(SystemExit) as exited:
        main(["score", "--lines", "--ref", str(ref), "--ref", str(other), str(hyps[0])])
    assert exited.value.code == 2
    assert "--ref is given twice" in capsys.readouterr().err


def test_an_identical_short_text_is_not_said_to_reach_the_maximum(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Bonjour.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--ref", str(one), str(one), "--lines")
    assert code == 0
    assert "scores are the maximum" not in out
    assert "too short for BLEU's four-word n-grams" in out


def test_a_byte_order_mark_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref, hyps = systems(tmp_path)
    ref.write_bytes(b"\xef\xbb\xbf" + ref.read_bytes())
    code, out, _ = run(capsys, "--ref", str(ref), str(hyps[0]), "--lines")
    assert code == 0
    assert f"note: {ref.name} starts with a byte-order mark" in out


def test_post_edited_reports_hter_and_mqm(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document(article)
    first = document.segments[0]
    with ReviewLog(default_log_path(article)) as log:
        log.record_correction(Correction(segment_id=first.id, original=first.text,
                                         text=first.text.replace("accusent", "acceptent"), timestamp="",
                                         category="accuracy/mistranslation", severity="major"))
    code, out, _ = run(capsys, "--post-edited", str(article), "--weights", "major=4", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["hter"]["touched"] == 1
    assert report["hter"]["hter"] > 0
    assert report["mqm"]["penalty"] == 4
    assert report["mqm"]["by_category"] == {"accuracy/mistranslation": 1}
    code, out, _ = run(capsys, "--post-edited", str(article))
    assert "HTER" in out
    assert "MQM linear scoring model" in out
    assert "MQM: 1 error, 5 penalty points over 513 words" in out  # one error, not "1 errors"
    code, out, _ = run(capsys, "--post-edited", str(article), "--weights", "major=1")
    assert "MQM: 1 error, 1 penalty point over 513 words" in out


def test_post_edited_without_log_says_so(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--post-edited", str(article))
    assert code == 3  # a missing input file, like a missing article
    assert "no corrections log" in err


def test_bad_weights_are_a_usage_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["score", "--post-edited", str(article), "--weights", "huge=3"])
    assert exit_info.value.code == 2
    assert "--weights" in capsys.readouterr().err


def test_source_scores_each_rendering(article: Path, tiny_marian: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    english = tmp_path / "original.en.txt"
    english.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")  # same structure is what matters
    code, out, _ = run(capsys, "--source", str(english), str(article), "--model", str(tiny_marian), "--top", "3",
                       "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert len(report["worst"]) == 3
    chrf = [item["chrf"] for item in report["worst"]]
    assert chrf == sorted(chrf)
    assert report["segments"] == len(load_document(article).segments)


def test_source_with_different_structure_is_refused(article: Path, tiny_marian: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    english = tmp_path / "original.en.txt"
    english.write_text("One paragraph only.\n", encoding="utf-8")
    code, _, err = run(capsys, "--source", str(english), str(article), "--model", str(tiny_marian))
    assert code == 7
    assert "paragraphs" in err


def test_scoring_imports_no_ui_and_no_model_code() -> None:
    import subprocess  # noqa: PLC0415

    code = ("import sys, review.scoring, review.commands.score; "
            "heavy = [m for m in ('textual', 'torch', 'transformers') if m in sys.modules]; "
            "print(*heavy); sys.exit(1 if heavy else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_file_of_lines_that_do_not_line_up_is_refused_not_scored_as_one_segment(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --lines, lines with no blank line between them are one paragraph; when one sentence of the
    hypothesis is joined to the next, that paragraph would be scored as a single segment.

    At 100,000 lines that single segment took TER past 21 GB of memory (still running after 7 minutes);
    at 2,000 lines, over 10 minutes and 3 GB.  It is refused at once with the option that scores it.
    """
    refs = [f"Le rapport {number} décrit la région du nord avec soin." for number in range(300)]
    hyps = list(refs)
    hyps[10] = hyps[10].rstrip(".") + " et"  # two sentences joined across a line: 299 sentences, 300 lines
    hyps[11] = hyps[11][0].lower() + hyps[11][1:]
    ref, hyp = tmp_path / "ref.txt", tmp_path / "hyp.txt"
    ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
    hyp.write_text("\n".join(hyps) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--ref", str(ref), str(hyp))
    assert (code, out) == (7, "")
    assert "--lines" in err
    assert "words) as one segment" in err
    code, out, _ = run(capsys, "--ref", str(ref), str(hyp), "--lines", "--format", "json")
    assert code == 0
    assert json.loads(out)["segments"] == 300


@pytest.mark.parametrize(("test", "unit", "draws"),
                         [("--paired-bs-n", "resamples", 40), ("--paired-ar-n", "trials", 70)])
def test_the_paired_test_draws_how_far_it_is_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           test: str, unit: str, draws: int) -> None:
    ref, hyps = systems(tmp_path)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    words = ["score", "--ref", str(ref), *map(str, hyps), "--lines", test, str(draws), "--format", "json"]
    assert main([*words, "--paired-ar"] if unit == "trials" else words) == 0
    # every draw of every metric (BLEU, chrF2++, TER), for each system tested and, in a bootstrap, the baseline
    total = draws * 3 * (len(hyps) - 1 + (unit == "resamples"))
    assert f"{total}/{total} {unit}" in terminal.getvalue()
