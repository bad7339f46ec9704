"""benchmarks/headroom.py: the words no flag covers, described and counted, on small annotated files written here.

Only the typography and lexicon detectors run, so nearly every word is uncovered; the French parse is spaCy's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmark_helpers import load_script, write_annotated

from review.flags.nlp import parse

pytestmark = pytest.mark.slow  # parses with spaCy

headroom = load_script("headroom")

# « chien » is annotated wrong in every document: its words are inside an error every time
WRONG_WORD = {"mt": "Le chien mange sa soupe.", "errors": [{"spans": [[3, 8]], "severity": "major",
                                                            "category": "Lexical Selection"}]}
# typography flags the « ? » glued to « attendre », where the error is: found, so not missed (France's spacing is
# kept below the default floor: the runs here lower it)
FLAGGED = {"mt": "Pourquoi attendre?", "errors": [{"spans": [[17, 18]], "severity": "minor",
                                                   "category": "Punctuation"}]}
CLEAN = {"mt": "Le chat mange sa soupe.", "errors": []}
# the lexicon flags « lit d'air » ("air bed"), where the error is: its three words are covered
CALQUE = {"mt": "Le lit d'air est grand.", "errors": [{"spans": [[3, 12]], "severity": "major",
                                                       "category": "Overly Literal"}]}


def _run(path: Path) -> Any:
    found = headroom.Headroom()
    headroom.evaluate(path, "all", ("typography", "lexicon"), source=False, observe=found.observe, min_confidence=0.25)
    return found


def test_word_class_names_function_words_by_their_form_and_others_by_their_tag() -> None:
    doc = parse("Le garçon de Paul mange une pomme.")
    assert [headroom.word_class(token) for token in doc] == ["le", "NOUN", "de", "PROPN^", "VERB", "une", "NOUN",
                                                             "PUNCT"]
    assert headroom.word_class(None) == "|"


def test_descriptions_read_the_neighbours_and_the_relation() -> None:
    doc = parse("Le chien mange sa soupe.")
    words, relation, after = headroom.descriptions(doc[1])
    assert words == ("words", "le", "NOUN", "VERB")
    assert relation == ("relation", "NOUN", "nsubj", "VERB", "head after")
    assert after == ("after", "le", "NOUN", "nsubj")


def test_counts_the_missed_errors_and_the_patterns_that_reach_them(tmp_path: Path) -> None:
    data = write_annotated(tmp_path / "data.jsonl", [[WRONG_WORD, CLEAN], [WRONG_WORD, FLAGGED], [WRONG_WORD, CALQUE]])
    found = _run(data)
    assert found.missed == 3  # the three « chien »; the glued « ? » and « lit d'air » are found
    # four sentences of five words, « Pourquoi attendre », « Le … est grand »: no punctuation, no flagged word
    assert found.uncovered == 25
    reached = set().union(*(pattern.reached for pattern in found.patterns.values()))
    assert reached == {("doc0", 0, 0), ("doc1", 0, 0), ("doc2", 0, 0)}  # not the « ? » « attendre » sits in
    pattern = found.patterns["words", "le", "NOUN", "VERB"]
    assert (pattern.words, pattern.inside, len(pattern.reached)) == (4, 3, 3)  # « chat » too, never an error
    chosen = [description for description, _ in found.candidates(0.7, 3)]
    assert chosen == [("after", "le", "NOUN", "nsubj"), ("relation", "NOUN", "nsubj", "VERB", "head after"),
                      ("words", "le", "NOUN", "VERB")]  # « chien » three ways; « chat » is in them, 3 of 4
    assert not found.candidates(0.8, 3)  # « chat » dilutes every description of « chien » to 0.75
    assert not found.candidates(0.7, 4)  # three missed errors only


def test_the_table_says_what_all_the_patterns_reach_together(tmp_path: Path) -> None:
    data = write_annotated(tmp_path / "data.jsonl", [[WRONG_WORD], [WRONG_WORD], [WRONG_WORD, CLEAN]])
    lines = list(headroom.table(_run(data), 0.7, 3))
    assert lines[0].startswith("3 errors no flag found;")
    assert "| words: le NOUN VERB | 4 | 0.75 | 3 |" in lines
    assert lines[-1].endswith("reach 3 missed errors together (100.0% of the missed ones)")


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        headroom.main([str(tmp_path / "none.jsonl")])
    assert stopped.value.code == 2
    assert "none.jsonl: not a file" in capsys.readouterr().err


def test_examples_show_the_first_words_of_each_listed_pattern_in_their_segment(tmp_path: Path) -> None:
    data = write_annotated(tmp_path / "data.jsonl", [[WRONG_WORD], [WRONG_WORD], [WRONG_WORD, CLEAN]])
    found = headroom.Headroom(examples=2)
    headroom.evaluate(data, "all", ("typography",), source=False, observe=found.observe)
    assert found.patterns["words", "le", "NOUN", "VERB"].examples == [
        "+ …Le « chien » mange sa soupe.…", "+ …Le « chien » mange sa soupe.…"]  # two kept of four
    lines = list(headroom.table(found, 0.7, 3))
    shown = lines.index("words: le NOUN VERB")
    assert lines[shown + 1:shown + 3] == ["  + …Le « chien » mange sa soupe.…"] * 2
    assert not any(line.startswith("  ") for line in headroom.table(_run(data), 0.7, 3))  # none asked: none shown


def test_an_example_marks_a_word_outside_an_error_and_cuts_the_context() -> None:
    text = "x" * 50 + " chat " + "y" * 50
    assert headroom.example(text, 51, 55, inside=False) == f"- …{'x' * 39} « chat » {'y' * 39}…"


def test_a_line_that_is_not_a_segment_is_one_line_and_exit_2(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text('{"doc": "d", "seg": 0, "mt": "Oui.", "errors": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        headroom.main([str(data)])
    assert stopped.value.code == 2
    assert "data.jsonl:2: not a segment in the WMT20 QE task 3 layout" in capsys.readouterr().err
