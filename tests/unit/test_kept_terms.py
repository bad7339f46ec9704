"""Words kept as written: ``--terms FILE`` (the flags on them under the floor) and ``w`` on the review screen
(a ``keep`` record in the log, every flag on the word dismissed, undone with ``u``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.batch.job import BatchOptions
from review.cli import main
from review.document import load_document
from review.errors import InputError
from review.flags import FlagOptions
from review.flags.incremental import Flagger
from review.flags.terms import keep_terms, make_terms, read_terms
from review.model import Category, Flag, Severity, keepable, kept_word
from review.replay import replay
from review.session import Session
from review.store import ReviewLog, default_log_path
from review.translate.pool import ModelPool
from review.undo import History

NAMES = "Il s'agit d'une bibliothèque HTTP qui utilise curl comme dorsal."
OPENING = "Curl prend en charge le protocole HTTP."
GLUED = "La commande gitk montre l'historique."


def _flag(segment_id: str, text: str, span: str, *, category: str = str(Category.UNTRANSLATED),
          confidence: float = 0.6) -> Flag:
    start = text.index(span)
    return Flag(segment_id=segment_id, start=start, end=start + len(span), detector="spelling", category=category,
                severity=Severity.MAJOR, message=f"« {span} » is an English word", confidence=confidence,
                span_text=span)


# -- finding the terms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "text", "found"), [
    (["curl"], NAMES, ["curl"]),
    (["curl"], OPENING, ["Curl"]),  # a term in lower case opens a sentence with a capital
    (["Curl"], NAMES, []),  # a term written with a capital is matched as written only
    (["git"], GLUED, []),  # whole words only
    (["git"], "Le dépôt git-annex grandit.", []),  # a hyphen joins the word to its neighbour
    (["Garmin Forerunner"], "Les montres Garmin Forerunner 405.", ["Garmin Forerunner"]),
    ([".NET"], "Une bibliothèque .NET libre.", [".NET"]),  # a term opening on punctuation
    (["C++", "C"], "Un compilateur C++ et C.", ["C++", "C"]),  # the longest form first
], ids=["as-written", "capital-at-the-start", "capital-only", "whole-words", "hyphen", "two-words", "dot", "longest"])
def test_terms_are_found_as_whole_words(words: list[str], text: str, found: list[str]) -> None:
    terms = make_terms(words)
    assert [text[start:end] for start, end in terms.places(text)] == found


def test_the_file_skips_comments_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("\ufeff# our programs\n\ncurl\n  readline  \n# gcc\n", encoding="utf-8")
    assert read_terms(path).words == {"curl", "readline"}


@pytest.mark.parametrize(("content", "words"), [
    (None, "no such file"),
    (b"curl\n\xff\xfe\n", "cannot be read as UTF-8"),
    (("Une phrase entière " * 20).encode(), "give one term a line"),
], ids=["missing", "not-utf8", "prose"])
def test_a_file_that_cannot_be_used_says_why(tmp_path: Path, content: bytes | None, words: str) -> None:
    path = tmp_path / "terms.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=words):
        read_terms(path)


# -- the flags on a kept term -------------------------------------------------------------------------------


@pytest.mark.parametrize(("span", "category", "hidden"), [
    ("curl", str(Category.UNTRANSLATED), True),
    ("utilise curl", str(Category.UNTRANSLATED), False),  # reaches past the term: about more than the name
    ("curl comme", str(Category.UNIDIOMATIC), False),
    ("curl", str(Category.INCONSISTENCY), False),  # a name spelt two ways is so whatever the list says
], ids=["the-term", "a-verb-before", "a-word-after", "inconsistency"])
def test_only_flags_on_the_term_itself_go_under_the_floor(span: str, category: str, hidden: bool) -> None:
    flag = _flag("p1s1", NAMES, span, category=category)
    (kept,) = keep_terms([flag], make_terms(["curl"]), lambda _segment: NAMES)
    assert (kept.confidence < 0.3) is hidden
    assert kept.span_text == flag.span_text


def test_a_determiner_before_the_term_stays_inside_the_flag() -> None:
    text = "Il formate la sortie « à la printf »."
    flag = _flag("p1s1", text, "la printf", category=str(Category.GRAMMAR))
    assert kept_word("la printf") == "printf"
    (kept,) = keep_terms([flag], make_terms(["printf"]), lambda _segment: text)
    assert kept.confidence < 0.3


@pytest.mark.parametrize(("text", "span", "term", "hidden"), [
    ("Il gère les formats de compression gzip et bzip2.", "compression gzip", "gzip", True),  # a noun, its name
    ("Il lance les travaux cron de la machine.", "travaux cron", "cron", True),  # the noun in the plural
    ("Lors de l'installation, porg enveloppe la commande.", "porg enveloppe", "porg", True),  # the name, its verb
    ("Le projet utilise curl pour tout.", "utilise curl", "curl", False),  # a verb, then the name
    ("Elle lit les trames le données de Pandas.", "le données", "le", False),  # a French word in the list
    ("Le Garmin GPS nouveau est là.", "Garmin GPS nouveau", "Garmin", False),  # three words: the order
], ids=["noun-then-name", "plural-noun", "name-then-verb", "verb-then-name", "stop-word", "three-words"])
def test_a_flag_on_a_kept_term_and_the_noun_or_verb_beside_it(text: str, span: str, term: str,
                                                               hidden: bool) -> None:
    """Technical French sets a name after the noun that introduces it, and before its verb: a flag on the two words
    (two nouns side by side, a name before a noun) goes under the floor with the name kept."""
    flag = _flag("p1s1", text, span, category=str(Category.GRAMMAR), confidence=0.7)
    (kept,) = keep_terms([flag], make_terms([term]), lambda _segment: text)
    assert (kept.confidence < 0.3) is hidden


@pytest.mark.parametrize(("span", "category", "kept"), [
    ("curl", str(Category.UNTRANSLATED), "curl"),
    ("la printf", str(Category.GRAMMAR), "printf"),
    ("Garmin Forerunner", str(Category.UNTRANSLATED), "Garmin Forerunner"),  # a name of two words
    ("accusent de", str(Category.MISTRANSLATION), None),  # a phrase: i dismisses it
    ("curl", str(Category.INCONSISTENCY), None),
], ids=["word", "determiner", "name", "phrase", "inconsistency"])
def test_what_the_review_screen_would_keep(span: str, category: str, kept: str | None) -> None:
    text = f"Il dit {span} ici."
    assert keepable(_flag("p1s1", text, span, category=category)) == kept


def test_the_flagger_reads_the_terms_file(tmp_path: Path) -> None:
    """The real detectors, the real vetting: the name's flags are kept under the floor, the others shown."""
    path = tmp_path / "terms.txt"
    path.write_text("curl\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n\nLe réchaud a 3 brûleur en acier.\n", encoding="utf-8")
    document = load_document(article)
    plain = Flagger(None, FlagOptions(), ModelPool()).flags(document, {})
    kept = Flagger(None, FlagOptions(settings={"terms": (path,)}), ModelPool()).flags(document, {})
    assert any(flag.span_text == "curl" for flag in plain)
    assert not any(flag.span_text == "curl" for flag in kept)
    assert [flag for flag in plain if "curl" not in flag.span_text] == kept
    floor_zero = Flagger(None, FlagOptions(settings={"terms": (path,)}, min_confidence=0.0), ModelPool())
    assert any(flag.span_text == "curl" for flag in floor_zero.flags(document, {}))  # under the floor, not lost


def test_the_flagger_keeps_a_noun_pair_whose_second_word_is_a_kept_name(tmp_path: Path) -> None:
    """The real grammar rule flags « compression gzip » as two nouns side by side; with « gzip » kept it is hidden."""
    path = tmp_path / "terms.txt"
    path.write_text("gzip\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Actuellement il gère les formats de compression gzip, bzip2 et xz.\n", encoding="utf-8")
    document = load_document(article)
    plain = Flagger(None, FlagOptions(), ModelPool()).flags(document, {})
    kept = Flagger(None, FlagOptions(settings={"terms": (path,)}), ModelPool()).flags(document, {})
    assert "compression gzip" in [flag.span_text for flag in plain]
    assert "compression gzip" not in [flag.span_text for flag in kept]


def test_review_flag_takes_terms_and_refuses_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n", encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("curl\n", encoding="utf-8")
    assert main(["flag", str(article), "--format", "json"]) == 0
    assert any(item["text"] == "curl" for item in json.loads(capsys.readouterr().out)["flags"])
    assert main(["flag", str(article), "--format", "json", "--terms", str(terms)]) == 0
    assert not any(item["text"] == "curl" for item in json.loads(capsys.readouterr().out)["flags"])
    assert main(["flag", str(article), "--terms", str(tmp_path / "nope.txt")]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no such file" in err


def test_an_export_lists_the_flags_the_screen_shows_with_the_same_terms(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n", encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("curl\n", encoding="utf-8")
    assert main(["export", str(article), "-o", str(tmp_path / "plain.csv")]) == 0
    assert main(["export", str(article), "-o", str(tmp_path / "kept.csv"), "--terms", str(terms)]) == 0
    assert "« curl »" in (tmp_path / "plain.csv").read_text(encoding="utf-8")
    assert "« curl »" not in (tmp_path / "kept.csv").read_text(encoding="utf-8")


def test_a_batch_redoes_its_articles_when_the_terms_change(tmp_path: Path) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_text("curl\n", encoding="utf-8")
    options = BatchOptions(detectors=("spelling",), model="m", settings={"terms": [str(terms)]})
    first = options.fingerprint()
    assert options.flag_options().setting("terms") == [str(terms)]
    terms.write_text("curl\nreadline\n", encoding="utf-8")
    assert options.fingerprint() != first


def test_serve_checks_the_terms_and_passes_them_to_each_tab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("textual_serve")
    import review.serve  # noqa: PLC0415

    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n", encoding="utf-8")
    assert main(["serve", str(article), "--terms", str(tmp_path / "nope.txt")]) == 3
    assert "no such file" in capsys.readouterr().err
    served: list[review.serve.ServeOptions] = []
    monkeypatch.setattr(review.serve, "try_address", lambda *_address: None)

    def serve(options: review.serve.ServeOptions, *, host: str, port: int) -> None:  # noqa: ARG001
        served.append(options)

    monkeypatch.setattr(review.serve, "serve", serve)
    (tmp_path / "terms.txt").write_text("curl\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["serve", str(article), "--terms", "terms.txt"]) == 0
    assert served[0].open_options[-2:] == ("--terms", str(tmp_path / "terms.txt"))  # absolute: tabs run elsewhere


# -- kept on the review screen: the log, the session, undo ------------------------------------------------------


def _session(tmp_path: Path) -> tuple[Path, Session, ReviewLog]:
    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n\n{OPENING}\n\nLe réchaud a 3 brûleur.\n", encoding="utf-8")
    log = ReviewLog(default_log_path(article))
    log.acquire()
    session = Session.open(load_document(article), log)
    third = "Le réchaud a 3 brûleur."
    session.set_flags([_flag("p1s1", NAMES, "curl"), _flag("p2s1", OPENING, "Curl"),
                       _flag("p3s1", third, "3 brûleur", category=str(Category.GRAMMAR))])
    return article, session, log


def test_keeping_a_word_dismisses_its_flags_everywhere_and_is_remembered(tmp_path: Path) -> None:
    article, session, log = _session(tmp_path)
    try:
        assert session.counts()["flags"] == 3
        session.keep("curl")
        assert session.counts()["flags"] == 2  # the capitalised « Curl » is another word
        assert [flag.span_text for flag in session.open_flags()] == ["Curl", "3 brûleur"]
        session.keep("Curl")
        assert [flag.span_text for flag in session.open_flags()] == ["3 brûleur"]
        session.keep("Curl", keep=False)
    finally:
        log.release()
    records = [json.loads(line) for line in default_log_path(article).read_text(encoding="utf-8").splitlines()]
    assert [(record["type"], record["term"]) for record in records] == [
        ("keep", "curl"), ("keep", "Curl"), ("unkeep", "Curl")]
    state = replay(default_log_path(article), load_document(article))
    assert state.kept == {"curl"}
    assert state.is_dismissed(_flag("p1s1", NAMES, "curl"))
    assert not state.is_dismissed(_flag("p2s1", OPENING, "Curl"))


def test_undo_and_redo_take_a_kept_word_back_and_again(tmp_path: Path) -> None:
    _, session, log = _session(tmp_path)
    try:
        history = History(session)
        history.keep("curl", "p1s1")
        assert session.counts()["flags"] == 2
        undone = history.undo()
        assert undone is not None
        assert undone.describe() == "keeping «curl» as written"
        assert session.counts()["flags"] == 3
        assert session.state.kept == frozenset()
        history.redo()
        assert session.state.kept == {"curl"}
        assert session.counts()["flags"] == 2
    finally:
        log.release()


@pytest.mark.parametrize("record", [{"type": "keep"}, {"type": "keep", "term": 3}],
                         ids=["no-term", "not-text"])
def test_a_broken_keep_record_is_reported_and_skipped(tmp_path: Path, record: dict[str, object]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"{NAMES}\n", encoding="utf-8")
    default_log_path(article).write_text(json.dumps(record) + "\n" + json.dumps({"type": "keep", "term": "curl"})
                                         + "\n", encoding="utf-8")
    state = replay(default_log_path(article), load_document(article))
    assert state.kept == {"curl"}
    assert len(state.problems) == 1
    assert "keep record" in state.problems[0]
