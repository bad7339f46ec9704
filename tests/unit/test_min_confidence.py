"""The confidence floor as a setting: FlagOptions, the Flagger, ``--min-confidence`` and ``$REVIEW_MIN_CONFIDENCE``.

Two flags the default floor (0.3) leaves out serve as the hidden ones: the lexicon's « finaliser »
(an anglicism right a quarter of the time, confidence 0.25, offline) and the source detector's
number missing from the English original (confidence 0.25, with ``--source``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.batch.job import BatchOptions
from review.cli import main
from review.document import load_document
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.rank import MIN_CONFIDENCE
from review.translate.pool import ModelPool

pytestmark = pytest.mark.slow  # parses with spaCy

ANGLICISM = "L'entreprise va finaliser le contrat demain.\n"  # lexicon: « finaliser » at 0.25
PRICE = ("Le prix de la tente est de 45 dollars.\n\nElle pèse trois kilos.\n",
         "The price of the tent is 54 dollars.\n\nIt weighs three kilos.\n")  # source: « 45 » at 0.25


@pytest.fixture
def anglicism(tmp_path: Path) -> Path:
    path = tmp_path / "anglicism.txt"
    path.write_text(ANGLICISM, encoding="utf-8")
    return path


@pytest.fixture
def price(tmp_path: Path) -> tuple[Path, Path]:
    french, english = tmp_path / "price.fr.txt", tmp_path / "price.en.txt"
    french.write_text(PRICE[0], encoding="utf-8")
    english.write_text(PRICE[1], encoding="utf-8")
    return french, english


@pytest.fixture(scope="module")
def pool() -> ModelPool:
    return ModelPool()  # spaCy loads once for the module's Flaggers


def test_the_default_floor_is_the_rankings() -> None:
    assert FlagOptions().min_confidence == MIN_CONFIDENCE
    assert BatchOptions(detectors=("lexicon",), model="m").flag_options().min_confidence == MIN_CONFIDENCE
    assert BatchOptions(detectors=("lexicon",), model="m", min_confidence=0.25).flag_options().min_confidence == 0.25


def test_a_changed_floor_redoes_a_batch_article() -> None:
    """The floor decides which flags a batch writes, so it is part of what a finished article was done with."""
    assert (BatchOptions(detectors=("lexicon",), model="m").fingerprint()
            != BatchOptions(detectors=("lexicon",), model="m", min_confidence=0.25).fingerprint())


@pytest.mark.parametrize("case", ["lexicon", "source"], ids=["offline-anglicism", "source-number"])
def test_a_lowered_floor_shows_the_flag_the_default_leaves_out(case: str, anglicism: Path, price: tuple[Path, Path],
                                                               pool: ModelPool) -> None:
    article, source, span = (anglicism, None, "finaliser") if case == "lexicon" else (*price, "45")
    document = load_document(article)

    def flags(**floor: float) -> list[tuple[str, str, float]]:
        flagger = Flagger([case], FlagOptions(source=source, **floor), pool)
        return [(flag.detector, flag.span_text, flag.confidence) for flag in flagger.flags(document, {})]

    assert flags() == []
    assert flags(min_confidence=0.0) == [(case, span, 0.25)]
    assert flags(min_confidence=0.25) == [(case, span, 0.25)]  # the floor itself is shown, as the docstrings promise
    assert flags(min_confidence=0.26) == []


def _flag_records(capsys: pytest.CaptureFixture[str], *words: str) -> list[dict[str, object]]:
    assert main(["flag", *words, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_review_flag_shows_more_with_a_lower_floor(price: tuple[Path, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    french, english = price
    default = _flag_records(capsys, str(french), "--source", str(english))
    lowered = _flag_records(capsys, str(french), "--source", str(english), "--min-confidence", "0.25")
    assert [item["text"] for item in lowered] == [*(item["text"] for item in default), "45"]
    assert _flag_records(capsys, str(french), "--source", str(english), "--min-confidence", "1") == []


def test_the_environment_sets_the_floor_and_the_option_wins(price: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    french, english = price
    monkeypatch.setenv("REVIEW_MIN_CONFIDENCE", "0.25")
    assert [item["text"] for item in _flag_records(capsys, str(french), "--source", str(english))] == ["45"]
    assert _flag_records(capsys, str(french), "--source", str(english), "--min-confidence", "0.3") == []


COMMANDS = {
    "flag": ["flag", "ARTICLE"],
    "open": ["open", "ARTICLE"],
    "export": ["export", "ARTICLE", "-o", "OUT"],
    "batch": ["batch", "ARTICLE", "-o", "OUT"],
    "serve": ["serve", "ARTICLE"],
}


def _usage_error(capsys: pytest.CaptureFixture[str], words: list[str]) -> str:
    """The one error line of a usage error (exit 2); the lines above it are argparse's usage."""
    with pytest.raises(SystemExit) as stopped:
        main(words)
    assert stopped.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("usage: review ")
    assert all(line.startswith(" ") for line in err[1:-1])
    assert "Traceback" not in "\n".join(err)
    return err[-1]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("value", "why"), [
    ("2", "2 is out of range"),
    ("-0.1", "-0.1 is out of range"),
    ("abc", "'abc' is not a number"),
    ("nan", "'nan' is not a number"),
], ids=["above-one", "negative", "word", "nan"])
def test_a_floor_outside_0_1_is_a_usage_error(command: str, value: str, why: str, anglicism: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    words = [{"ARTICLE": str(anglicism), "OUT": str(tmp_path / "out")}.get(word, word) for word in COMMANDS[command]]
    line = _usage_error(capsys, [*words, "--min-confidence", value])
    assert line == f"review {command}: error: argument --min-confidence: {why}: give a confidence from 0 to 1"


def test_a_bad_floor_in_the_environment_is_named(anglicism: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REVIEW_MIN_CONFIDENCE", "lots")
    line = _usage_error(capsys, ["flag", str(anglicism)])
    assert line.endswith("$REVIEW_MIN_CONFIDENCE is 'lots': give a confidence from 0 to 1")


def test_export_lists_the_flags_of_its_floor(anglicism: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    default, lowered = tmp_path / "default.csv", tmp_path / "lowered.csv"
    assert main(["export", str(anglicism), "-o", str(default)]) == 0
    assert main(["export", str(anglicism), "-o", str(lowered), "--min-confidence", "0.25"]) == 0
    capsys.readouterr()
    assert "flag:lexicon" not in default.read_text(encoding="utf-8")
    assert "finaliser,achever" in lowered.read_text(encoding="utf-8")


def test_review_open_hands_the_floor_to_its_flagger(anglicism: Path) -> None:
    from review.cli import build_parser  # noqa: PLC0415
    from review.commands.common import workbench  # noqa: PLC0415

    args = build_parser("open").parse_args(["open", str(anglicism), "--min-confidence", "0.25", "--read-only"])
    bench = workbench(args, detectors=("lexicon",), read_only=True)
    assert bench.options.min_confidence == 0.25
    assert [flag.span_text for flag in bench.open_flags(bench.flag())] == ["finaliser"]


def test_serve_hands_the_floor_to_every_tab(anglicism: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("textual_serve")
    import review.serve  # noqa: PLC0415
    from review.commands.serve_tab import open_arguments  # noqa: PLC0415

    served: list[review.serve.ServeOptions] = []
    monkeypatch.setattr(review.serve, "serve", lambda options, **_where: served.append(options))
    monkeypatch.setattr(review.serve, "try_address", lambda *_address: None)  # 8000 may be taken here
    assert main(["serve", str(anglicism), "--min-confidence", "0.25"]) == 0
    assert open_arguments(anglicism, served[0].open_options).min_confidence == 0.25


def test_batch_honours_the_floor(anglicism: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A worker process flags with the command's floor; a second run with another floor redoes the article."""
    outdir = tmp_path / "out"
    flags = outdir / "articles" / f"{anglicism.stem}.flags.jsonl"
    words = ["batch", str(anglicism), "-o", str(outdir), "--no-english", "--jobs", "1", "--detectors", "lexicon"]
    assert main(words) == 0
    assert flags.read_text(encoding="utf-8") == ""
    assert main([*words, "--min-confidence", "0.25"]) == 0
    capsys.readouterr()
    assert [json.loads(line)["text"] for line in flags.read_text(encoding="utf-8").splitlines()] == ["finaliser"]


def test_a_large_bound_is_written_out_in_full() -> None:
    from review.ranges import finite_number  # noqa: PLC0415

    with pytest.raises(ValueError, match=r"1000001 is out of range: give a number from 0 to 1000000$"):
        finite_number("1000001", high=1e6, name="major")
