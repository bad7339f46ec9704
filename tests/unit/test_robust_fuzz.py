"""The command line driven with generated bad input: never a traceback, only documented exit codes, and no
file changed except the declared output.

Hypothesis makes the inputs: random bytes, text in random encodings, corrupted logs (random records, torn
lines), truncated and corrupted exports of every format, random option values.  Exit 70 (internal error)
counts as a failure: it is what an unexpected exception becomes.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SAMPLE

from review.cli import INTERNAL_ERROR, main
from review.document import load_document
from review.errors import EXIT_CODES, ReviewError
from review.formats import FORMATS, export_document, read_texts
from review.replay import SCHEMA, replay

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_SEGMENTS = [segment.text for segment in load_document(SAMPLE).segments[:3]]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "ascii"]


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="review-fuzz-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def snapshot(path: Path) -> dict[str, bytes]:
    return {str(item.relative_to(path)): item.read_bytes() for item in sorted(path.rglob("*")) if item.is_file()}


def run(words: list[str]) -> tuple[int, str]:
    """main(words) in this process, with stdout and stderr captured; (exit code, stderr)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(words)
        except SystemExit as stopped:
            code = stopped.code if isinstance(stopped.code, int) else 2
    return code, err.getvalue()


def check(code: int, err: str) -> None:
    assert code != INTERNAL_ERROR, err
    assert code in EXIT_CODES, (code, err)
    assert "Traceback" not in err, err


# --- generated inputs ---------------------------------------------------------------------------------------------

random_bytes = st.binary(max_size=3000)
encoded_text = st.builds(lambda text, encoding: text.encode(encoding, errors="replace"),
                         st.text(max_size=500), st.sampled_from(ENCODINGS))
mutated_sample = st.builds(
    lambda start, length, junk: (TEXT.encode()[:start] + junk + TEXT.encode()[start + length:]),
    st.integers(0, len(TEXT.encode())), st.integers(0, 200), st.binary(max_size=40))
article_bytes = st.one_of(mutated_sample, st.just(TEXT.encode()), encoded_text, random_bytes)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=8), inner, max_size=3), max_leaves=6)
segment_ids = st.sampled_from(["p1s1", "p2s1", "p99s9", ""]) | st.text(max_size=6)
record = st.fixed_dictionaries(
    {"type": st.sampled_from([*SCHEMA, "other"]) | json_values},
    optional={"segment": segment_ids | json_values,
              "original": st.sampled_from(SAMPLE_SEGMENTS) | st.text(max_size=40) | json_values,
              "text": st.text(max_size=40) | json_values, "flag": st.text(max_size=10) | json_values,
              "previous": json_values, "severity": st.sampled_from(["minor", "major", "x"]) | json_values,
              "time": json_values, "note": json_values})
log_bytes = st.one_of(
    random_bytes,
    st.lists(record, max_size=12).map(lambda records: "".join(json.dumps(r) + "\n" for r in records).encode()),
    st.builds(lambda records, cut: "".join(json.dumps(r) + "\n" for r in records).encode()[:cut],
              st.lists(record, min_size=1, max_size=6), st.integers(0, 400)),
)
ODD_NUMBERS = ["nan", "inf", "-inf", "", "1e999", "0x10", " 3", "٣", "1_000"]
number_text = st.one_of(st.integers(-3, 2000).map(str), st.integers().map(str), st.floats().map(str),
                        st.sampled_from(ODD_NUMBERS), st.text(max_size=6))


@FUZZ
@given(article=article_bytes, log=st.none() | log_bytes, fmt=st.sampled_from(sorted(FORMATS)),
       lang=st.sampled_from([[], ["--source-lang", "fr"]]))
def test_export_of_any_article_and_log(article: bytes, log: bytes | None, fmt: str, lang: list[str]) -> None:
    with folder() as here:
        path = here / "article.txt"
        path.write_bytes(article)
        if log is not None:
            (here / "article.txt.review.jsonl").write_bytes(log)
        before = snapshot(here)
        out = here / f"out.{fmt}"
        code, err = run(["export", str(path), "-o", str(out), "--format", fmt, "--no-flags", *lang])
        check(code, err)
        after = snapshot(here)
        after.pop(out.name, None)
        assert after == before
        if code != 0:
            assert not out.exists()


@FUZZ
@given(option=st.sampled_from(["--paired-bs-n", "--paired-ar-n", "--jobs", "--width", "--top", "--seed"]),
       value=number_text, weights=st.none() | st.text(max_size=30))
def test_score_with_any_option_value(option: str, value: str, weights: str | None) -> None:
    with folder() as here:
        reference, first, second = here / "ref.txt", here / "hyp1.txt", here / "hyp2.txt"
        reference.write_text("Une phrase.\nUne autre phrase ici.\n", encoding="utf-8")
        first.write_text("Une phrase.\nUne autre phrase là.\n", encoding="utf-8")
        second.write_text("Des mots.\nUne autre phrase ici.\n", encoding="utf-8")
        before = snapshot(here)
        words = ["score", "--ref", str(reference), str(first), str(second), "--lines", f"{option}={value}"]
        if weights is not None:
            words = ["score", "--post-edited", str(reference), f"--weights={weights}", "--source-lang", "fr"]
        code, err = run(words)
        check(code, err)
        assert snapshot(here) == before


def _exports() -> dict[str, bytes]:
    with folder() as here:
        article = here / SAMPLE.name
        article.write_bytes(SAMPLE.read_bytes())
        document = load_document(article)
        state = replay(here / "none.jsonl", document)
        renderings = {segment.id: f"English {segment.id}" for segment in document.segments}
        made = {fmt: export_document(fmt, document, state, renderings=renderings, model_name="m")
                for fmt in FORMATS}
        from review.formats import ExportOptions  # noqa: PLC0415

        made["xliff-1.2"] = export_document("xliff", document, state, renderings=renderings,
                                            options=ExportOptions(xliff_version="1.2"))
    return made


EXPORTS = _exports()
SUFFIX = {"txt": ".txt", "tmx": ".tmx", "xliff": ".xlf", "xliff-1.2": ".xlf", "po": ".po", "csv": ".csv",
          "jsonl": ".jsonl"}


@FUZZ
@given(fmt=st.sampled_from(sorted(EXPORTS)), cut=st.integers(0, 100_000), flips=st.lists(
    st.tuples(st.integers(0, 100_000), st.integers(0, 255)), max_size=4), lang=st.sampled_from(["fr", "en", "de"]))
def test_reading_truncated_and_corrupted_exports(fmt: str, cut: int, flips: list[tuple[int, int]], lang: str) -> None:
    data = bytearray(EXPORTS[fmt][:cut])
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    with folder() as here:
        path = here / f"variant{SUFFIX[fmt]}"
        path.write_bytes(bytes(data))
        texts: list[str] = []
        failure: ReviewError | None = None
        try:
            texts = read_texts(path, lang)
        except ReviewError as error:
            failure = error
        if failure is not None:
            assert failure.exit_code in EXIT_CODES
            assert path.name in failure.message
        assert all(isinstance(text, str) for text in texts)
        for text in texts:
            text.encode("utf-8")  # never a lone surrogate


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_variant_exports_through_the_cli(fmt: str, article: Path) -> None:
    """A corrupted export given to --variant (read before the screen starts) is exit 3 or 7, one line."""
    variant = article.with_name(f"variant{SUFFIX[fmt]}")
    variant.write_bytes(EXPORTS[fmt][: len(EXPORTS[fmt]) // 2])
    code, err = run(["open", str(article), "--variant", str(variant), "--detectors", "none", "--read-only"])
    check(code, err)
    assert code in {3, 7}
    assert err.count("\n") == 1
