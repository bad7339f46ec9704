"""Scores, signatures and paired tests agree with the ``sacrebleu`` command on the same files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from score_data import systems

from review.scoring import compare_variants, corpus_scores, sentence_scores, sentence_signatures

SACREBLEU = shutil.which("sacrebleu")
pytestmark = pytest.mark.skipif(SACREBLEU is None, reason="the sacrebleu command is not on PATH")
METRIC_ARGS = ["-m", "bleu", "chrf", "ter", "--chrf-word-order", "2"]


def sacrebleu(*args: str, seed: str = "12345") -> str:
    env = {**os.environ, "SACREBLEU_SEED": seed}
    done = subprocess.run([SACREBLEU, *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("which", [0, 1, 2], ids=["drop4", "drop7", "swap"])
def test_corpus_scores_and_signatures_equal_sacrebleu(tmp_path: Path, which: int) -> None:
    ref, hyps = systems(tmp_path)
    expected = json.loads(sacrebleu(str(ref), "-i", str(hyps[which]), *METRIC_ARGS, "-f", "json", "-w", "10"))
    ours = corpus_scores(lines(hyps[which]), lines(ref))
    assert [score.metric for score in ours] == [item["name"] for item in expected]
    for score, item in zip(ours, expected, strict=True):
        assert round(score.score, 10) == pytest.approx(item["score"], abs=1e-9)
        assert score.signature == item["signature"]
        assert score.segments == len(lines(ref))


@pytest.mark.parametrize(("metric", "args", "field"), [
    ("BLEU", ["-m", "bleu"], "bleu"),
    ("chrF2++", ["-m", "chrf", "--chrf-word-order", "2"], "chrf"),
    ("TER", ["-m", "ter"], "ter"),
], ids=["bleu", "chrf++", "ter"])
def test_sentence_scores_equal_sacrebleu_sentence_level(tmp_path: Path, metric: str, args: list[str],
                                                        field: str) -> None:
    ref, hyps = systems(tmp_path)
    output = sacrebleu(str(ref), "-i", str(hyps[0]), *args, "--sentence-level", "-w", "6", "-f", "text")
    expected = [line.split(" = ", 1) for line in output.splitlines() if " = " in line]
    ours = sentence_scores(lines(hyps[0]), lines(ref))
    assert len(ours) == len(expected)
    for item, (signature, value) in zip(ours, expected, strict=True):
        assert signature.split("|", 1)[1] == sentence_signatures()[metric]
        assert f"{getattr(item, field):.6f}" == value.split()[0]


def parse_paired_table(output: str) -> tuple[list[list[float]], dict[str, str]]:
    """Numbers of each table row (continuation rows joined to their system) and the signatures."""
    rows: list[list[float]] = []
    for line in output.splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        numbers = [float(x) for cell in cells[1:] for x in re.findall(r"-?\d+\.\d+", cell)]
        if not numbers:
            continue  # the header
        if cells[0]:
            rows.append(numbers)
        else:
            rows[-1].extend(numbers)
    signatures = dict(re.findall(r"^ - (\S+)\s+(\S+)$", output, flags=re.MULTILINE))
    return rows, signatures


@pytest.mark.parametrize(("test", "n", "seed"), [
    ("bs", 200, "12345"),
    ("bs", 150, "7"),
    ("ar", 300, "12345"),
    ("ar", 250, "3"),
], ids=["bootstrap-default-seed", "bootstrap-seed-7", "randomization-default-seed", "randomization-seed-3"])
def test_paired_tests_equal_sacrebleu(tmp_path: Path, test: str, n: int, seed: str) -> None:
    ref, hyps = systems(tmp_path)
    flag = ["--paired-bs", "--paired-bs-n", str(n)] if test == "bs" else ["--paired-ar", "--paired-ar-n", str(n)]
    output = sacrebleu(str(ref), "-i", *map(str, hyps), *METRIC_ARGS, *flag, "-w", "4", "-f", "text", "--no-color",
                       seed=seed)
    rows, signatures = parse_paired_table(output)
    comparison = compare_variants(lines(hyps[0]), {path.name: lines(path) for path in hyps[1:]}, lines(ref),
                                  baseline_name=hyps[0].name, test=test, samples=n, seed=int(seed))
    assert comparison.signatures == signatures
    for row, system in zip(rows, comparison.systems, strict=True):
        ours: list[float] = []
        for metric in ("BLEU", "chrF2++", "TER"):
            result = comparison.result(system, metric)
            ours.extend(x for x in (result.score, result.mean, result.ci) if x is not None)
        for metric in ("BLEU", "chrF2++", "TER"):
            p_value = comparison.result(system, metric).p_value
            if p_value is not None:
                ours.append(p_value)
        # sacrebleu prints each cell's score (mean ± ci) then, below, the p-values
        if system == comparison.baseline:
            assert [f"{x:.4f}" for x in ours] == [f"{x:.4f}" for x in row]
        else:
            assert sorted(f"{x:.4f}" for x in ours) == sorted(f"{x:.4f}" for x in row)


@pytest.mark.parametrize("test", ["bs", "ar"], ids=["bootstrap", "randomization"])
def test_paired_tests_equal_sacrebleu_pairedtest_exactly(tmp_path: Path, test: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER  # noqa: PLC0415
    from sacrebleu.significance import PairedTest  # noqa: PLC0415

    monkeypatch.setenv("SACREBLEU_SEED", "99")
    ref, hyps = systems(tmp_path)
    named = [(path.name, lines(path)) for path in hyps]
    metrics = {"BLEU": BLEU(), "CHRF": CHRF(word_order=2), "TER": TER()}
    _, expected = PairedTest(named, metrics, [lines(ref)], test_type=test, n_samples=120, n_ar_confidence=50)()
    comparison = compare_variants(named[0][1], dict(named[1:]), lines(ref), baseline_name=named[0][0], test=test,
                                  samples=120, seed=99, ar_confidence=50)
    for metric in ("BLEU", "chrF2++", "TER"):
        for (system, _), result in zip(named, expected[metric], strict=True):
            ours = comparison.result(system, metric)
            assert (ours.score, ours.p_value) == (result.score, result.p_value)
            assert ours.mean == pytest.approx(result.mean, rel=1e-6)
            assert ours.ci == pytest.approx(result.ci, rel=1e-6)


def test_parallel_extraction_gives_the_same_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from review.scoring import extract  # noqa: PLC0415

    ref, hyps = systems(tmp_path)
    texts = {path.name: lines(path) for path in hyps}
    alone = extract.extract_statistics(texts, lines(ref), jobs=1)
    monkeypatch.setattr(extract, "PARALLEL_FROM", 0)
    pooled = extract.extract_statistics(texts, lines(ref), jobs=2)
    for name in texts:
        assert pooled[name].rows == alone[name].rows
        assert pooled[name].scores() == alone[name].scores()


@pytest.mark.parametrize(("flag", "n"), [("--paired-bs", 80), ("--paired-ar", 120)], ids=["bootstrap", "randomization"])
def test_review_score_command_equals_sacrebleu_command(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       flag: str, n: int) -> None:
    from review.cli import main  # noqa: PLC0415

    ref, hyps = systems(tmp_path)
    output = sacrebleu(str(ref), "-i", *map(str, hyps), *METRIC_ARGS, flag, f"{flag}-n", str(n), "-w", "4",
                       "-f", "text", "--no-color", seed="5")
    _, signatures = parse_paired_table(output)
    expected = {line.split("(p = ")[1][:6] for line in output.splitlines() if "(p = " in line for line in
                line.split("│") if "(p = " in line}
    option = "--paired-ar" if flag == "--paired-ar" else None
    argv = ["score", "--ref", str(ref), *map(str, hyps), "--lines", "--seed", "5", "--format", "json",
            f"{flag}-n", str(n), *([option] if option else [])]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["paired"]["signatures"] == signatures
    ours = {f"{result['p_value']:.4f}" for result in report["paired"]["results"] if result["p_value"] is not None}
    assert ours == expected


def test_seed_zero_gives_the_same_p_values_on_every_run(tmp_path: Path) -> None:
    ref, hyps = systems(tmp_path)
    baseline = lines(hyps[0])
    close = [*lines(ref)[:3], *baseline[3:]]  # three segments better: a difference the draws decide on

    def p_values() -> list[float | None]:
        comparison = compare_variants(baseline, {"close": close}, lines(ref), baseline_name="base", test="bs",
                                      samples=200, seed=0)
        return [result.p_value for result in comparison.results if result.system == "close"]

    first = p_values()
    assert any(0.01 < p < 0.99 for p in first if p is not None)  # not at the floor, where any draw gives it
    assert p_values() == first


@pytest.mark.slow  # 8,000 resamples of 20,000 segments: a quarter of a minute
def test_draws_too_large_for_memory_whole_are_made_a_chunk_at_a_time(tmp_path: Path) -> None:
    # a process whose address space is capped, as `ulimit -v` caps it: 8,000 × 20,000 draws would take 1.3 GB
    # at once (refused as too large for memory before); a chunk at a time they take 64 rows
    files = {name: tmp_path / f"{name}.txt" for name in ("r", "h", "o")}
    files["r"].write_text("".join(f"Le chat {i} dort sur le tapis.\n" for i in range(20_000)), encoding="utf-8")
    files["h"].write_text("".join(f"Le chien {i} dort sur le tapis.\n" for i in range(20_000)), encoding="utf-8")
    files["o"].write_text("".join(f"Le chat {i} dort sur un tapis.\n" for i in range(20_000)), encoding="utf-8")
    program = ("import resource, sys; from review.cli import main; "
               "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000)); "
               "sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", program, "score", "--lines", "--jobs", "1", "--ref", str(files["r"]),
                           str(files["h"]), str(files["o"]), "--paired-bs-n", "8000", "--format", "json"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert all("bs:8000" in signature for signature in json.loads(done.stdout)["paired"]["signatures"].values())
