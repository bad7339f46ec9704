"""``--detectors +a,-b``: the usual set of each command, changed, rather than a whole list typed out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.cli import main
from review.commands.open import chosen_detectors as open_choice
from review.errors import ReviewError, UsageError
from review.flags import DetectorEdit, FlagOptions, default_detectors, parse_detectors, source_detectors
from review.flags.incremental import Flagger
from review.serve import open_options
from review.translate.pool import ModelPool

TYPO = "Le gouvernement a publié un rapport,il sera lu demain.\n"


def test_plain_names_are_the_whole_set() -> None:
    assert parse_detectors("grammar, typography") == ("grammar", "typography")


def test_signed_names_change_the_usual_set() -> None:
    edit = parse_detectors("+grammalecte,-spelling")
    assert edit == DetectorEdit(added=("grammalecte",), removed=("spelling",))
    assert isinstance(edit, DetectorEdit)
    changed = edit.applied(default_detectors())
    assert "spelling" not in changed
    assert changed[-1] == "grammalecte"
    assert [name for name in changed if name != "grammalecte"] == [n for n in default_detectors() if n != "spelling"]


def test_adding_a_detector_already_there_keeps_one() -> None:
    assert DetectorEdit(added=("grammar",)).applied(("lexicon", "grammar")) == ("lexicon", "grammar")


@pytest.mark.parametrize(
    ("value", "words"),
    [("grammar,+grammalecte", "not both"), ("+nosuch", "unknown detector nosuch"),
     ("-spellling", "unknown detector spellling")],
    ids=["mixed", "unknown-added", "unknown-removed"],
)
def test_bad_choices_are_named(value: str, words: str) -> None:
    with pytest.raises(ReviewError, match=words):
        parse_detectors(value)


def test_the_flagger_changes_its_usual_set() -> None:
    """The review screen's usual set (offline detectors, plus source detectors and models that are ready)."""
    flagger = Flagger(DetectorEdit(added=("grammalecte",), removed=("spelling", "language")), FlagOptions(),
                      ModelPool())
    offline = flagger.names_of("offline")
    assert "spelling" not in offline
    assert "language" not in offline
    assert "grammalecte" in offline
    assert set(flagger.chosen()) == {*default_detectors(), "grammalecte"} - {"spelling", "language"}


def test_the_flagger_refuses_an_unknown_name() -> None:
    with pytest.raises(ReviewError, match="nosuch"):
        Flagger(DetectorEdit(added=("nosuch",)), FlagOptions(), ModelPool())


def test_open_takes_an_edit_and_says_a_typo_in_one_line() -> None:
    assert open_choice("-spelling") == DetectorEdit(removed=("spelling",))
    assert open_choice("none") == ()
    with pytest.raises(UsageError, match="not both"):
        open_choice("lexicon,-spelling")


def test_serve_hands_an_edit_to_each_tab_as_one_word() -> None:
    """``--detectors -spelling`` as two words would read as an option of its own in the tab's command."""
    words = open_options("m", "marian", "-spelling")
    assert "--detectors=-spelling" in words
    assert "-spelling" not in words


@pytest.mark.slow
def test_flag_lists_the_changed_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text(TYPO, encoding="utf-8")

    def run(*words: str) -> dict:
        assert main(["flag", str(article), "--format", "json", *words]) == 0
        return json.loads(capsys.readouterr().out)

    usual = run()
    assert "typography" in {flag["detector"] for flag in usual["flags"]}
    changed = run("--detectors", "-typography")  # two words: not taken for an option
    assert changed["detectors"] == [name for name in default_detectors() if name != "typography"]
    assert "typography" not in {flag["detector"] for flag in changed["flags"]}
    assert run("--detectors=-typography,+lexicon")["detectors"] == changed["detectors"]  # already in the set


@pytest.mark.slow
def test_flag_with_source_changes_the_source_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text(TYPO, encoding="utf-8")
    english = tmp_path / "a.en.txt"
    english.write_text("The government published a report, it will be read tomorrow.\n", encoding="utf-8")
    assert main(["flag", str(article), "--source", str(english), "--format", "json", "--detectors=-dictionary"]) == 0
    detectors = json.loads(capsys.readouterr().out)["detectors"]
    assert detectors == [*default_detectors(), *(name for name in source_detectors() if name != "dictionary")]


def test_flag_refuses_an_empty_set_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text(TYPO, encoding="utf-8")
    everything = ",".join(f"-{name}" for name in default_detectors())
    code = main(["flag", str(article), f"--detectors={everything}"])
    err = capsys.readouterr().err
    assert code == 2  # a command-line mistake, as an unknown detector is
    assert "leaves no detector" in err
    assert len(err.strip().splitlines()) == 1


def test_flag_refuses_mixed_names_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text(TYPO, encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main(["flag", str(article), "--detectors", "grammar,+grammalecte"])
    assert ended.value.code == 2
    assert "not both" in capsys.readouterr().err


@pytest.mark.slow
def test_batch_runs_the_changed_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text(TYPO, encoding="utf-8")

    def detectors(outdir: Path, *words: str) -> set[str]:
        assert main(["batch", str(article), "-o", str(outdir), "--no-english", "--jobs", "1", *words]) == 0
        lines = (outdir / "articles" / "a.fr.flags.jsonl").read_text(encoding="utf-8").splitlines()
        return {json.loads(line)["detector"] for line in lines}

    assert "typography" in detectors(tmp_path / "usual")
    assert "typography" not in detectors(tmp_path / "changed", "--detectors=-typography")
    capsys.readouterr()
