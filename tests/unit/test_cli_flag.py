from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from review.cli import main
from review.store import ReviewLog

pytestmark = pytest.mark.slow  # parses with spaCy

KEYS = {"id", "segment", "start", "end", "article_start", "article_end", "text", "detector", "category", "severity",
        "confidence", "message", "suggestions"}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["flag", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_json_shape_and_offsets(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, str(article))
    assert code == 0
    assert data["flags"]
    text = article.read_text(encoding="utf-8")
    for item in data["flags"]:
        assert set(item) == KEYS
        assert text[item["article_start"]:item["article_end"]] == item["text"]
    assert any(item["segment"] == "p1s1" and "conviennent de" in item["suggestions"] for item in data["flags"])


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [(None, 0), ("critical", 0), ("major", 1), ("minor", 1)],
    ids=["no-threshold", "critical-none-found", "major-found", "minor-found"],
)
def test_fail_on_sets_the_exit_code(article: Path, capsys: pytest.CaptureFixture[str], fail_on: str | None,
                                    code: int) -> None:
    args = ["flag", str(article), "--detectors", "grammar"]
    if fail_on:
        args += ["--fail-on", fail_on]
    assert main(args) == code
    capsys.readouterr()


def test_clean_article_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("L'Iran et le Pakistan ont convenu de renforcer leur coopération.\n", encoding="utf-8")
    assert main(["flag", str(clean), "--fail-on", "minor"]) == 0
    assert capsys.readouterr().out == ""


def test_dismissed_flags_and_corrections_from_the_log(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before = run_json(capsys, str(article), "--detectors", "grammar")
    first = before["flags"][0]
    from review.document import load_document  # noqa: PLC0415
    from review.model import Correction  # noqa: PLC0415

    document = load_document(article)
    headline = document.segment("p1s1")
    corrected = "L'Iran et le Pakistan conviennent de renforcer leur coopération en matière de sécurité"
    with ReviewLog(article.with_name(article.name + ".review.jsonl")) as log:
        log.record_correction(Correction(segment_id="p1s1", original=headline.text, text=corrected,
                                         timestamp="2026-01-01T00:00:00+00:00", previous=headline.text))
        second = next(item for item in before["flags"] if item["segment"] != "p1s1")
        log.record_dismiss(second["id"], second["segment"])
    _, after = run_json(capsys, str(article), "--detectors", "grammar")
    ids = {item["id"] for item in after["flags"]}
    assert first["segment"] == "p1s1"
    assert not [item for item in after["flags"] if item["segment"] == "p1s1"]
    assert second["id"] not in ids
    shift = len(corrected) - len(headline.text)
    later = [item for item in after["flags"] if item["segment"] != "p1s1"]
    same = {item["id"]: item for item in before["flags"]}
    for item in later:
        assert item["article_start"] == same[item["id"]]["article_start"] + shift


def test_csv_has_a_header_and_one_row_per_flag(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["flag", str(article), "--format", "csv", "--detectors", "grammar"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    assert set(rows[0]) == KEYS


def test_table_lists_suggestions(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["flag", str(article), "--detectors", "grammar"])
    out = capsys.readouterr().out
    assert "accusent de" in out
    assert "conviennent de" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--detectors", "nonsense"], 2, "unknown detector"),
        (["--fail-on", "huge"], 2, "invalid choice"),
    ],
    ids=["unknown-detector", "bad-threshold"],
)
def test_bad_command_lines(article: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int,
                           message: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["flag", str(article), *args])
    assert exit_info.value.code == code
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("setup", "code", "message"),
    [
        ("missing-article", 3, "no such file"),
        ("missing-lexicon", 3, "no such file"),
        ("bad-lexicon", 3, "expected 7 fields"),
    ],
    ids=["missing-article", "missing-lexicon", "bad-lexicon"],
)
def test_bad_inputs_are_one_line(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str], setup: str,
                                 code: int, message: str) -> None:
    args = ["flag", str(article)]
    if setup == "missing-article":
        args = ["flag", str(tmp_path / "nope.txt")]
    elif setup == "missing-lexicon":
        args += ["--lexicon", str(tmp_path / "nope.txt")]
    else:
        bad = tmp_path / "bad.txt"
        bad.write_text("only | three | fields\n", encoding="utf-8")
        args += ["--lexicon", str(bad)]
    try:
        result = main(args)
    except SystemExit as exit_info:
        result = exit_info.code
    assert result == code
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("extra", "torch_loaded", "exit_code"),
                         [([], False, 0), (["--detectors", "lexicon,confidence"], True, 4)],  # 4: no such model
                         ids=["offline", "model-detector"])
def test_the_command_loads_torch_only_for_a_model(article: Path, tmp_path: Path, extra: list[str],
                                                  torch_loaded: bool, exit_code: int) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = ("import sys; from review.cli import main; sys.argv = ['review', 'flag', *sys.argv[1:]]; code = main(); "
            "print(code, 'spacy' in sys.modules, sys.modules.get('torch') is not None)")
    found = subprocess.run([sys.executable, "-c", code, str(article), "--format", "csv",
                            "--model", str(tmp_path / "no-model"), *extra], capture_output=True, text=True, check=True)
    assert found.stdout.splitlines()[-1].split() == [str(exit_code), "True", str(torch_loaded)], found.stderr


def test_source_adds_the_source_detectors_to_the_default_set(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    french, english = tmp_path / "article.txt", tmp_path / "original.txt"
    french.write_text("Le sac est solide et léger. votre chien va adorer ce sac.\n", encoding="utf-8")
    english.write_text("The bag is sturdy and light. Your dog will love this bag.\n", encoding="utf-8")
    _, alone = run_json(capsys, str(french))
    code, with_source = run_json(capsys, str(french), "--source", str(english))
    assert code == 0
    assert "source" not in alone["detectors"]
    assert {"source", "dictionary"} <= set(with_source["detectors"])
    assert [item["text"] for item in with_source["flags"] if item["detector"] == "source"] == ["votre"]
    _, chosen = run_json(capsys, str(french), "--source", str(english), "--detectors", "grammar")
    assert chosen["detectors"] == ["grammar"]


def test_a_flag_across_a_line_break_stays_on_its_table_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "wrapped.txt"
    article.write_text("Les ministres ont ratifié les\nles accords hier.\n", encoding="utf-8")
    assert main(["flag", str(article), "--detectors", "spelling"]) == 0
    rows = capsys.readouterr().out.splitlines()
    twice = [row for row in rows if "written twice" in row]
    assert len(twice) == 1
    assert "« les\\x0ales »" in twice[0]
    assert all(row.startswith(("p1s1:", " ")) for row in rows)


def test_a_model_that_cannot_load_stops_flag_before_any_output(article: Path, tiny_camembert: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # a CamemBERT folder where the confidence detector needs a Marian model: it fails on loading
    code = main(["flag", str(article), "--detectors", "+confidence", "--model", str(tiny_camembert),
                 "--engine", "marian", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 4
    assert out == ""  # not a JSON header left open
    assert err.strip().splitlines()[-1].startswith("review: ")


def test_an_original_the_reference_detector_cannot_pair_stops_before_any_output(
        article: Path, tiny_marian: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = tmp_path / "other.en.txt"
    english.write_text("One sentence only.\n", encoding="utf-8")
    code = main(["flag", str(article), "--source", str(english), "--detectors", "+reference", "--model",
                 str(tiny_marian), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 3
    assert out == ""  # before: every other detector's flags, then the error
    assert "cannot pair the English original" in err.strip().splitlines()[-1]


def test_json_stays_utf8_for_a_file_name_that_is_not(article: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    odd = article.with_name(os.fsdecode(b"x\xff.txt"))
    odd.write_bytes(article.read_bytes())
    assert main(["flag", str(odd), "--detectors", "typography", "--format", "json"]) == 0
    data = capsysbinary.readouterr().out
    assert json.loads(data.decode("utf-8"))["article"].endswith("x\ufffd.txt")


@pytest.mark.parametrize("choice", ["fluency,typography", "+fluency"])
def test_a_detector_named_by_hand_that_cannot_run_stops_flag(article: Path, tmp_path: Path, choice: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["flag", str(article), "--detectors", choice, "--fluency-model", str(tmp_path / "no-such-model"),
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 4
    assert out == ""
    assert err.strip().splitlines() == [err.strip().splitlines()[-1]]  # one line
    assert err.startswith("review: the fluency detector cannot run: ")


def test_a_detector_of_the_default_set_that_cannot_run_is_a_note(article: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from dataclasses import replace  # noqa: PLC0415

    from review.flags import DetectorUnavailable, specs  # noqa: PLC0415

    def unavailable(*_: object) -> None:
        msg = "its resource is gone"
        raise DetectorUnavailable(msg)

    monkeypatch.setitem(specs(), "typography", replace(specs()["typography"], make=unavailable))
    code = main(["flag", str(article), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["flags"]
    assert "review: note: typography detector off: its resource is gone" in err
