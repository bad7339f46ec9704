"""review batch's pure parts: which articles, which pairs, what is written and when an article is done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.batch.inputs import Article, collect, pair
from review.batch.job import BatchOptions, make_task
from review.batch.outputs import OutDir, summary_csv
from review.batch.report import report_html
from review.errors import ExportError, InputError
from review.store import default_log_path


def _files(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Bonjour.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_folders_list_files_and_plain_files(tmp_path: Path) -> None:
    _files(tmp_path, "day/a.txt", "day/sub/b.txt", "day/notes.md", "other/c.txt", "other/d.txt")
    (tmp_path / "list.txt").write_text("# today's extra\nother/c.txt\n\nother/d.txt\n", encoding="utf-8")
    articles = collect([str(tmp_path / "day"), f"@{tmp_path / 'list.txt'}", str(tmp_path / "day" / "a.txt")])
    assert [article.name for article in articles] == ["a", "sub/b", "c", "d"]
    assert articles[2].path == tmp_path / "other" / "c.txt"


def test_lists_and_mappings_saved_with_a_byte_order_mark_read_the_same(tmp_path: Path) -> None:
    _files(tmp_path, "day/a.txt", "day/b.txt", "en/a.en.txt")
    (tmp_path / "list.txt").write_text("\ufeffday/a.txt\nday/b.txt\n", encoding="utf-8")
    (tmp_path / "map.tsv").write_text("\ufeffday/a.txt\ten/a.en.txt\n", encoding="utf-8")
    articles = collect([f"@{tmp_path / 'list.txt'}"])
    assert [article.path.name for article in articles] == ["a.txt", "b.txt"]
    sources = pair(articles, tmp_path / "map.tsv")
    assert sources[articles[0].name] == tmp_path / "en" / "a.en.txt"


def test_same_names_from_two_folders_stay_apart(tmp_path: Path) -> None:
    _files(tmp_path, "x/a.txt", "y/a.txt", "y/A.txt")
    names = [article.name for article in collect([str(tmp_path / "x"), str(tmp_path / "y")])]
    assert len(set(names)) == len({name.casefold() for name in names}) == 3


@pytest.mark.parametrize(
    ("words", "message"),
    [(["missing-folder"], "no such file or directory"), (["@missing-list.txt"], "cannot read the list"),
     (["empty-folder"], "no article found")],
    ids=["missing-path", "missing-list", "no-txt-in-folder"],
)
def test_inputs_that_give_no_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, words: list[str],
                                      message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-folder").mkdir()
    with pytest.raises(InputError, match=message):
        collect(words)


def test_a_list_skips_indented_comments_and_names_a_missing_file(tmp_path: Path) -> None:
    (article,) = _files(tmp_path, "in/a.txt")
    listing = tmp_path / "list.txt"
    listing.write_text("in/a.txt\n  # an indented comment\n", encoding="utf-8")
    assert [found.path for found in collect([f"@{listing}"])] == [tmp_path / "in/a.txt"]
    assert article.is_file()
    listing.write_text("in/a.txt\nin/missing.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"list.txt line 2: .*missing.txt: no such file"):
        collect([f"@{listing}"])


def test_a_folder_of_originals_pairs_each_article_with_its_own_spelling(tmp_path: Path) -> None:
    spaced, underscored, nested = _files(tmp_path, "fr/a b.txt", "fr/a_b.txt", "fr/sub/a.fr.txt")
    top = _files(tmp_path, "fr/a.fr.txt")[0]
    originals = _files(tmp_path, "en/a b.txt", "en/a_b.txt", "en/sub/a.en.txt", "en/a.en.txt")
    articles = collect([str(tmp_path / "fr")])
    assert {article.path: pair(articles, tmp_path / "en")[article.name] for article in articles} == {
        spaced: originals[0], underscored: originals[1], nested: originals[2], top: originals[3]}


def test_pairs_by_folder_and_by_mapping(tmp_path: Path) -> None:
    article_a, article_b = _files(tmp_path, "fr/a.fr.txt", "fr/b.txt")
    english_a, english_b = _files(tmp_path, "en/a.en.txt", "en/b.txt")
    articles = [Article(article_a, "a.fr"), Article(article_b, "b")]
    assert pair(articles, tmp_path / "en") == {"a.fr": english_a, "b": english_b}
    mapping = tmp_path / "map.tsv"
    mapping.write_text("fr/b.txt\ten/a.en.txt\n", encoding="utf-8")
    assert pair(articles, mapping) == {"a.fr": None, "b": english_a}
    mapping.write_text("fr/b.txt en/a.en.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="ARTICLE<TAB>FILE"):
        pair(articles, mapping)


@pytest.mark.parametrize(("line", "says"), [
    ("fr/c.txt\ten/a.en.txt", r"map.tsv:2: no such article .*c.txt"),  # a typo: no article would get it
    ("fr/b.txt\ten/typo.txt", r"map.tsv:2: no such file .*typo.txt"),
    ("fr/a.fr.txt\ten/a.en.txt\nfr/./a.fr.txt\ten/b.txt", r"map.tsv:3: fr/./a.fr.txt is already paired"),
])
def test_a_mapping_line_that_pairs_nothing_is_refused_with_its_line(tmp_path: Path, line: str, says: str) -> None:
    article_a, article_b = _files(tmp_path, "fr/a.fr.txt", "fr/b.txt")
    _files(tmp_path, "en/a.en.txt", "en/b.txt")
    mapping = tmp_path / "map.tsv"
    mapping.write_text(f"# originals\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=says):
        pair([Article(article_a, "a.fr"), Article(article_b, "b")], mapping)


def test_done_only_for_the_same_bytes_and_options(tmp_path: Path) -> None:
    (path,) = _files(tmp_path, "a.txt")
    article = Article(path, "a")
    options = BatchOptions(detectors=("lexicon",), model="m")
    outdir = OutDir(tmp_path / "out")
    task = make_task(article, options)
    assert outdir.done(task) is None
    outdir.write({"name": "a", "article": str(path), "digest": task.digest, "error": None, "flags": []})
    assert outdir.done(task) is not None
    assert outdir.done(make_task(article, BatchOptions(detectors=("grammar",), model="m"))) is None
    assert outdir.done(make_task(article, BatchOptions(detectors=("lexicon",), model="m", threads=4))) is not None
    path.write_text("Bonsoir.\n", encoding="utf-8")
    assert outdir.done(make_task(article, options)) is None
    before = make_task(article, options).digest
    default_log_path(path).write_text("\n", encoding="utf-8")  # corrections change what the article says
    assert make_task(article, options).digest != before


def test_a_lexicon_edited_in_place_or_a_model_folder_rebuilt_redoes_the_articles(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("# mine\n", encoding="utf-8")
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"d_model": 8}', encoding="utf-8")
    options = BatchOptions(detectors=("lexicon",), model=str(model), settings={"lexicon": [str(lexicon)]})
    first = options.fingerprint()
    assert options.fingerprint() == first
    lexicon.write_text("ministres | ministers | terminology | critical | 0.9 | chefs | mine\n", encoding="utf-8")
    second = options.fingerprint()
    assert second != first
    (model / "config.json").write_text('{"d_model": 16}', encoding="utf-8")
    assert options.fingerprint() != second
    (path,) = _files(tmp_path, "a.txt")
    task = make_task(Article(path, "a"), options)
    assert make_task(Article(path, "a"), options, fingerprint=options.fingerprint()).digest == task.digest


def test_a_result_reused_from_another_working_folder_names_this_runs_path(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from review.batch.job import ArticleChecker  # noqa: PLC0415
    from review.batch.run import run_batch  # noqa: PLC0415

    (path,) = _files(tmp_path, "in/a.txt")
    options = BatchOptions(detectors=("lexicon",), model="m", english=False)
    outdir = OutDir(tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    earlier = make_task(Article(Path("in/a.txt"), "a"), options)
    outdir.write(ArticleChecker(options).check(earlier))
    again = make_task(Article(path, "a"), options)  # the same file, given by its absolute path this time
    assert again.digest == earlier.digest
    done = run_batch([again], options, outdir)
    assert done.checked == ()
    assert done.results[0]["article"] == str(path)
    assert str(path) in (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")


def test_a_result_without_its_flags_file_is_not_done(tmp_path: Path) -> None:
    (path,) = _files(tmp_path, "a.txt")
    task = make_task(Article(path, "a"), BatchOptions(detectors=("lexicon",), model="m"))
    outdir = OutDir(tmp_path / "out")
    outdir.write({"name": "a", "article": str(path), "digest": task.digest, "error": None, "flags": []})
    outdir.flags_path("a").unlink()
    assert outdir.done(task) is None


def test_output_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="is a file"):
        OutDir(tmp_path / "out")


OURS = "article,name,segments\n"
OLD_REPORT = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<title>review batch</title>'


@pytest.mark.parametrize(("files", "refused"), [
    ({"summary.csv": "a,b\n1,2\n"}, "summary.csv"),
    ({"report.html": "<html>my own notes</html>"}, "report.html"),
    ({"summary.csv": "", "report.html": ""}, "summary.csv"),
    ({"report.html": OLD_REPORT}, "report.html"),  # no summary of ours beside it: nothing says it is a run's
    ({"summary.csv": OURS}, None),
    ({"summary.csv": OURS, "report.html": OLD_REPORT}, None),  # a run of a version before the generator mark
    ({"report.html": report_html([], title="day")}, None),
    ({"notes.txt": "mine", "articles/x.json": "{}"}, None),
], ids=["foreign-summary", "foreign-report", "empty-files", "old-report-alone", "our-summary",
        "our-summary-old-report", "our-report", "other-files"])
def test_output_folder_holding_files_another_program_wrote(tmp_path: Path, files: dict[str, str],
                                                           refused: str | None) -> None:
    """A run replaces its own summary and report (a second run resumes), never a file of the same name it did
    not write: ``-o ~/Documents`` would have replaced the report.html there without a word."""
    root = tmp_path / "out"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    if refused is None:
        OutDir(root)
        return
    with pytest.raises(ExportError, match=f"{refused} was not written by review batch"):
        OutDir(root)
    assert {name: (root / name).read_text(encoding="utf-8") for name in files} == files


def _result(name: str, risk: float, *, error: str | None = None) -> dict:
    flag = {"id": f"{name}-f", "segment": "p1s1", "start": 0, "end": 5, "article_start": 0, "article_end": 5,
            "text": "<b>&x", "detector": "lexicon", "category": "terminology", "severity": "major",
            "confidence": 0.9, "message": "a <script>alert(1)</script> message", "suggestions": ["<i>mieux</i>"]}
    return {"name": name, "article": f"/in/{name}.txt", "digest": "d", "error": error, "seconds": 1.0,
            "segments": 1, "words": 3, "counts": {"minor": 0, "major": 1 if risk else 0, "critical": 0},
            "risk": risk, "worst_segments": ["p1s1"] if risk else [], "flags": [flag] if risk else [],
            "flagged": [{"id": "p1s1", "number": 1, "french": "<b>&x suite", "english": "<english & co>"}]
            if risk else [], "scores": {}, "notes": []}


def test_report_orders_by_risk_and_escapes_everything() -> None:
    results = [_result("low", 0), _result("high", 5), _result("bad", 0, error="bad <file>")]
    page = report_html(results, title="Day <1>")
    assert page.index('href="#a1">high<') < page.index('href="#a2">low<')
    assert "<script>" not in page
    assert "&lt;b&gt;&amp;x" in page
    assert "&lt;english &amp; co&gt;" in page
    assert "bad &lt;file&gt;" in page
    assert "Day &lt;1&gt;" in page
    assert "http" not in page  # self-contained: nothing fetched


def test_summary_rows_in_input_order_with_errors() -> None:
    rows = summary_csv([_result("low", 0), _result("bad", 0, error="empty")]).splitlines()
    assert rows[0].startswith("article,name,segments")
    assert rows[1].startswith("/in/low.txt,low,1,3,0,0,0,0,0,")
    assert rows[2].endswith(",1.0,empty")
    assert json.loads(json.dumps(rows))  # plain text, nothing unserialisable


def test_heavy_libraries_wait_until_a_worker_needs_them() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = ("import sys, review.cli, review.commands.batch, review.batch.run, review.batch.executors.local, "
            "review.batch.executors.ray; review.cli.build_parser(); "
            "print(sorted(m for m in ('ray', 'torch', 'spacy', 'transformers', 'textual') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"


def test_a_worker_that_only_flags_never_imports_torch(tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    article = tmp_path / "a.txt"
    article.write_text("Les pays accusent de renforcer leur coopération. Le Pakistan est d'accord.\n", encoding="utf-8")
    code = ("import sys; from review.batch.executors import local; from review.batch.inputs import collect; "
            "from review.batch.job import BatchOptions, make_task; "
            "options = BatchOptions(detectors=('lexicon', 'grammar', 'spelling'), model='x', english=False); "
            "local._start(options, 1); result = local._check(make_task(collect([sys.argv[1]])[0], options)); "
            "print(result['error'], 'spacy' in sys.modules, sys.modules.get('torch') is not None)")
    found = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["None", "True", "False"]
    assert not BatchOptions(detectors=("lexicon",), model="x", english=False).needs_models()
    assert BatchOptions(detectors=("lexicon", "confidence"), model="x", english=False).needs_models()
    assert BatchOptions(detectors=("lexicon",), model="x", english=True).needs_models()


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [(["--model", "no/such-model"], 4, "not downloaded yet"), (["--model", "./no-such-folder"], 4, "does not exist"),
     (["--no-english", "--lexicon", "missing.txt"], 3, "missing.txt: no such file"),
     (["--no-english", "--jobs", "0"], 2, "")],
    ids=["model-not-pulled", "model-folder-missing", "lexicon-missing", "zero-jobs"],
)
def test_refused_before_any_worker_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], extra: list[str], code: int,
                                          message: str) -> None:
    from review.cli import main  # noqa: PLC0415

    monkeypatch.chdir(tmp_path)
    _files(tmp_path, "in/a.txt")
    if code == 2:
        with pytest.raises(SystemExit) as stopped:
            main(["batch", "in", "-o", "out", *extra])
        assert stopped.value.code == 2
    else:
        assert main(["batch", "in", "-o", "out", *extra]) == code
    error = capsys.readouterr().err
    assert message in error
    assert not (tmp_path / "out" / "summary.csv").exists()
