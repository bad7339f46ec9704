"""The model-signal detectors' pure parts, on hand-made numbers (no model loaded)."""

from __future__ import annotations

import math

import pytest

from review.errors import InputError
from review.flags import confidence, fluency, reference, roundtrip
from review.flags.signals import group_runs, severity_below
from review.model import Flag, Severity
from review.translate.attention import TokenScores, core_span, pieces_to_words, word_attention, word_spans
from review.translate.masked import WordScore, masked_rows, tokens_per_word
from review.translate.masked import word_spans as masked_word_spans

FRENCH = "Iran et le Pakistan accusent de renforcer."
ENGLISH = "Iran and Pakistan agree to strengthen."
# English word -> French word it attends to: Iran→Iran, and→et, Pakistan→Pakistan, agree→accusent,
# to→de, strengthen.→renforcer.
ALIGNED = [0, 1, 3, 4, 5, 6]


def scores_with(logprobs: list[float], aligned: list[int] = ALIGNED) -> TokenScores:
    """One token per English word plus end-of-sentence, attention all on the aligned French word."""
    french_words = word_spans(FRENCH)
    rows = []
    for word in [*aligned, -1]:
        row = [0.0] * len(french_words)
        if word >= 0:
            row[word] = 1.0
        rows.append(tuple(row))
    return TokenScores(
        french=FRENCH, english=ENGLISH, french_words=french_words, english_words=word_spans(ENGLISH),
        tokens=(*ENGLISH.split(), "</s>"), token_words=(*range(len(aligned)), -1),
        logprobs=(*logprobs, -0.01), attention=tuple(rows),
    )


SURE = -0.05


@pytest.mark.parametrize(
    ("pieces", "words", "expected"),
    [
        (["▁Iran", "▁et", "</s>"], 2, [0, 1, -1]),
        (["▁I", "ran", "▁", "et", "</s>"], 2, [0, 0, 1, 1, -1]),
        (["«", "▁Tous", "</s>"], 2, [0, 1, -1]),
        (["▁a", "▁b", "▁c"], 2, [0, 1, 1]),
        (["<pad>"], 0, [-1]),
    ],
    ids=["one-piece-words", "split-words", "leading-punctuation", "clamped", "special-only"],
)
def test_pieces_map_to_whitespace_words(pieces: list[str], words: int, expected: list[int]) -> None:
    assert pieces_to_words(pieces, words) == expected


@pytest.mark.parametrize(
    ("rows", "source_words", "count", "expected"),
    [
        ([[0.5, 0.25, 0.25]], [0, 0, 1], 2, [[0.75, 0.25]]),
        ([[0.2, 0.2, 0.6]], [0, 1, -1], 2, [[0.5, 0.5]]),
        ([[0.0, 0.0, 1.0]], [0, 1, -1], 2, [[0.0, 0.0]]),
    ],
    ids=["summed-per-word", "end-token-dropped-and-renormalised", "all-on-end-token"],
)
def test_word_attention(rows: list[list[float]], source_words: list[int], count: int,
                        expected: list[list[float]]) -> None:
    assert [pytest.approx(row) for row in expected] == word_attention(rows, source_words, count)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [("« coopération »,", 0, 16, "coopération"), ("renforcer.", 0, 10, "renforcer"), ("...", 0, 3, "")],
    ids=["quotes-and-comma", "full-stop", "punctuation-only"],
)
def test_core_span(text: str, start: int, end: int, expected: str) -> None:
    core_start, core_end = core_span(text, start, end)
    assert text[core_start:core_end] == expected


def test_token_scores_sum_pieces_into_words() -> None:
    scores = TokenScores(
        french="a b", english="xy z", french_words=((0, 1), (2, 3)), english_words=((0, 2), (3, 4)),
        tokens=("▁x", "y", "▁z", "</s>"), token_words=(0, 0, 1, -1), logprobs=(-1.0, -0.5, -2.0, -0.1),
        attention=((0.9, 0.1), (0.2, 0.8), (0.0, 0.0), (0.5, 0.5)),
    )
    assert scores.word_logprobs() == pytest.approx([-1.5, -2.0])
    assert scores.word_alignment() == [0, -1]


@pytest.mark.parametrize(
    ("logprobs", "spans", "severities"),
    [
        ([SURE] * 6, [], []),
        ([SURE, SURE, SURE, math.log(0.1), SURE, SURE], ["accusent"], [Severity.MINOR]),
        ([SURE, SURE, SURE, math.log(0.01), SURE, SURE], ["accusent"], [Severity.MAJOR]),
        ([SURE, SURE, SURE, math.log(0.1), math.log(0.01), SURE], ["accusent de"], [Severity.MAJOR]),
        ([math.log(0.1), SURE, SURE, SURE, SURE, math.log(0.1)], ["Iran", "renforcer"],
         [Severity.MINOR, Severity.MINOR]),
    ],
    ids=["all-sure", "one-doubt", "deep-doubt", "neighbours-merge", "full-stop-trimmed"],
)
def test_confidence_flags(logprobs: list[float], spans: list[str], severities: list[Severity]) -> None:
    scores = scores_with(logprobs)
    flags = confidence.flags_from_doubts("p1s1", scores, confidence.doubts(scores))
    assert [FRENCH[flag.start:flag.end] for flag in flags] == spans
    assert [flag.span_text for flag in flags] == spans
    assert [flag.severity for flag in flags] == severities


def test_confidence_keeps_the_worst_english_word_per_french_word() -> None:
    scores = scores_with([SURE, SURE, SURE, math.log(0.1), math.log(0.01), SURE], aligned=[0, 1, 3, 4, 4, 6])
    found = confidence.doubts(scores)
    assert [(doubt.french_word, doubt.english) for doubt in found] == [(4, "to")]


def word_score(word: str, logprob: float, alternatives: list[tuple[str, float]]) -> WordScore:
    return WordScore(start=0, end=len(word), word=word, logprob=logprob, alternatives=tuple(alternatives))


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (word_score("accusent", -3.0, [("conviennent", -0.5)]), None),
        (word_score("accusent", -9.0, [("conviennent", -6.0)]), None),
        (word_score("Pakistan", -12.0, [("pays", -1.0)]), None),
        (word_score("accusent", -12.0, [("Accusent", -0.1)]), None),
        (word_score("accusent", -8.0, [("conviennent", -2.0), ("décident", -3.5), ("ont", -7.0)]),
         (Severity.MINOR, ("conviennent", "décident"))),
        (word_score("accusent", -14.0, [("conviennent", -1.0), ("Paris", -0.5)]),
         (Severity.MAJOR, ("conviennent",))),
        (word_score("cependant", -12.0, [("toutefois", -1.0)]), (Severity.MAJOR, ("toutefois",))),
        (word_score("l'", -12.0, [("la", -1.0)]), None),
    ],
    ids=["likely-enough", "gap-too-small", "name-not-judged", "same-word-other-case", "minor-with-two",
         "major-skips-names", "lower-case-kept", "elision-not-judged"],
)
def test_fluency_verdict(score: WordScore, expected: tuple[Severity, tuple[str, ...]] | None) -> None:
    found = fluency.verdict(score)
    assert (found[:2] if found else None) == expected


def test_fluency_suggestions_take_the_words_case() -> None:
    assert fluency.match_case("toutefois", "Cependant") == "Toutefois"


class RecordingRenderer:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def render(self, texts: list[str]) -> list[str]:
        self.asked.extend(texts)
        return [f"EN:{text}" for text in texts]


@pytest.mark.parametrize(
    ("suggestions", "expected"),
    [
        (("conviennent", "décident"), ["Iran et le Pakistan conviennent de renforcer.",
                                       "Iran et le Pakistan décident de renforcer."]),
        ((), []),
    ],
    ids=["two-suggestions", "none"],
)
def test_render_suggestions_renders_the_whole_segment(suggestions: tuple[str, ...], expected: list[str]) -> None:
    start = FRENCH.index("accusent")
    flag = Flag(segment_id="p1s1", start=start, end=start + len("accusent"), detector="fluency",
                category="style/unidiomatic", severity=Severity.MINOR, message="m", suggestions=suggestions)
    renderer = RecordingRenderer()
    pairs = fluency.render_suggestions(flag, FRENCH, renderer)
    assert renderer.asked == expected
    assert pairs == [(suggestion, f"EN:{text}") for suggestion, text in zip(suggestions, expected, strict=True)]


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"a": 90.0, "b": 80.0}, {}),
        ({"a": 20.0, "b": 25.0, "c": 90.0}, {"a": Severity.MAJOR, "b": Severity.MAJOR}),
        ({"a": 40.0, "b": 45.0, "c": 90.0, "d": 95.0}, {"a": Severity.MINOR}),
        ({"a": 40.0}, {"a": Severity.MINOR}),
    ],
    ids=["all-close", "under-floor-always", "only-the-worst-share", "single-segment"],
)
def test_roundtrip_divergent(scores: dict[str, float], expected: dict[str, Severity]) -> None:
    assert roundtrip.divergent(scores) == expected


@pytest.mark.parametrize(
    ("french", "back", "expected"),
    [
        ("Les deux pays voisins.", "Les deux pays voisins.", []),
        ("Iran et le Pakistan accusent de renforcer.", "L'Iran et le Pakistan conviennent de renforcer.",
         ["Iran", "accusent"]),
        ("Les zones sont amples et riches.", "Les zones sont riches.", ["amples et"]),
    ],
    ids=["identical", "changed-words", "dropped-words-merged"],
)
def test_roundtrip_diverging_spans(french: str, back: str, expected: list[str]) -> None:
    assert [french[start:end] for start, end in roundtrip.diverging_spans(french, back)] == expected


def test_chrf_ranks_a_faithful_round_trip_above_a_drifting_one() -> None:
    french = "Les deux pays voisins ont des relations difficiles."
    assert roundtrip.chrf(french, french) == pytest.approx(100.0)
    assert roundtrip.chrf("Les deux pays voisins ont des liens compliqués.", french) > roundtrip.chrf(
        "Le ministre a parlé hier.", french)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("strikes", "strik"), ("strike", "strik"), ("Strengthening", "strengthen"), ("agreed", "agre"), ("on", "on")],
    ids=["plural", "base", "gerund-case", "past", "short-kept"],
)
def test_stem(word: str, expected: str) -> None:
    assert reference.stem(word) == expected


HEADLINE_SOURCE = "Iran, Pakistan agree to boost security cooperation after missile strikes on militants"
HEADLINE_RENDERING = ("Iran and Pakistan accuse of strengthening their security cooperation after missile attacks "
                      "against militants")


def _said(text: str, indices: tuple[int, ...]) -> list[str]:
    return [reference._words(text, [index]) for index in indices]


@pytest.mark.parametrize(
    ("rendering", "source", "expected"),
    [
        ("The two neighbouring countries.", "The two neighbouring countries.", []),
        (HEADLINE_RENDERING, HEADLINE_SOURCE,
         [(["accuse", "strengthening"], ["agree", "boost"]), (["attacks"], ["strikes"])]),
        ("Security was reinforced in Iran.", "In Iran, security was reinforced.", []),
        ("The talks ended.", "The talks in Islamabad ended.", [([], ["Islamabad"])]),
    ],
    ids=["identical", "headline", "reordered", "omission"],
)
def test_align_words(rendering: str, source: str, expected: list[tuple[list[str], list[str]]]) -> None:
    found = reference.align_words(rendering, source)
    got = [(_said(rendering, item.rendering), _said(source, item.source)) for item in found]
    assert got == expected


HEADLINE_DIVERGENCE = reference.Divergence(rendering=(3,), source=(2,))


@pytest.mark.parametrize(
    ("divergence", "source_logprob", "source_alignment", "expected"),
    [
        (HEADLINE_DIVERGENCE, -10.0, 4, [(2, 4)]),
        (HEADLINE_DIVERGENCE, -2.0, 4, []),
        (HEADLINE_DIVERGENCE, -10.0, -1, [(2, 7)]),
        (reference.Divergence(rendering=(), source=(2,)), -5.0, 4, [(2, 4)]),
    ],
    ids=["meaning-differs", "paraphrase", "no-attention-falls-back-to-rendering", "omission"],
)
def test_misses(divergence: reference.Divergence, source_logprob: float, source_alignment: int,
                expected: list[tuple[int, int]]) -> None:
    rendering_logprobs = [-0.1, -0.1, -0.1, -0.5]
    source_logprobs = [-0.1, -0.1, source_logprob]
    found = reference.misses([divergence], rendering_logprobs, source_logprobs, [0, 1, source_alignment],
                             [0, 1, 3, 7])
    assert [(miss.source_word, miss.french_word) for miss in found] == expected


def test_reference_flag_names_both_wordings() -> None:
    french = "Iran et le Pakistan accusent de renforcer leur coopération"
    rendering = "Iran and Pakistan accuse of strengthening their cooperation"
    source = "Iran, Pakistan agree to boost cooperation"
    divergence = reference.Divergence(rendering=(3,), source=(2,))
    flags = reference.flags_for("p1s1", french, rendering, source,
                                [reference.Miss(divergence=divergence, source_word=2, french_word=4, gap=9.0)])
    assert [(flag.span_text, flag.severity, flag.category) for flag in flags] == [
        ("accusent", Severity.MAJOR, "accuracy/mistranslation")]
    assert "“agree”" in flags[0].message
    assert "“accuse”" in flags[0].message


def test_reference_never_flags_a_lone_punctuation_mark() -> None:
    french = "« Tous ces canaux fonctionnent »"
    divergence = reference.Divergence(rendering=(0,), source=(0,))
    flags = reference.flags_for("p1s1", french, "All", "Every",
                                [reference.Miss(divergence=divergence, source_word=0, french_word=0, gap=9.0)])
    assert flags == []


@pytest.mark.parametrize(
    ("french", "english", "expected"),
    [
        ([["Un.", "Deux."], ["Trois."]], [["One.", "Two."], ["Three."]], ["One.", "Two.", "Three."]),
        ([["Une phrase assez longue ici, et puis une autre encore."]],
         [["A rather long sentence here.", "And then another one."]],
         ["A rather long sentence here. And then another one."]),
        ([["Première phrase courte.", "Deuxième phrase courte."]], [["First short sentence; second one."]],
         ["First short sentence; second one.", "First short sentence; second one."]),
        ([["Un."], ["Deux."]], [["One.", "Two."]], ["One.", "Two."]),
    ],
    ids=["same-counts", "one-french-two-english", "two-french-one-english", "paragraphs-differ"],
)
def test_align_sentences(french: list[list[str]], english: list[list[str]], expected: list[str]) -> None:
    assert reference.align_sentences(french, english) == expected


def test_align_sentences_says_when_it_cannot() -> None:
    with pytest.raises(InputError, match="cannot pair the English original with paragraph 1: 1 French"):
        reference.align_sentences([["Un."]], [["One.", "Two.", "Three.", "Four."]])


@pytest.mark.parametrize(
    ("offsets", "spans", "expected"),
    [
        ([(0, 0), (0, 4), (5, 7), (7, 9), (0, 0)], [(0, 4), (5, 9)], [[1], [2, 3]]),
        ([(0, 0), (0, 1), (2, 6), (6, 7), (0, 0)], [(2, 6)], [[2]]),
    ],
    ids=["split-word", "punctuation-outside-words"],
)
def test_tokens_per_word(offsets: list[tuple[int, int]], spans: list[tuple[int, int]],
                         expected: list[list[int]]) -> None:
    assert tokens_per_word(offsets, spans) == expected


def test_masked_rows_one_per_token_plus_one_whole_word() -> None:
    rows = masked_rows([9, 10, 11, 12, 8], [[1], [2, 3]], mask=99)
    assert [(row.ids, row.position, row.word, row.token, row.whole) for row in rows] == [
        ((9, 99, 11, 12, 8), 1, 0, True, True),
        ((9, 10, 99, 12, 8), 2, 1, True, False),
        ((9, 10, 11, 99, 8), 3, 1, True, False),
        ((9, 10, 99, 8), 2, 1, False, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("« Tous ces canaux », dit-il.", ["Tous", "ces", "canaux", "dit-il"]), ("l'attaque", ["l'", "attaque"])],
    ids=["punctuation-is-context", "elision-apart"],
)
def test_masked_word_spans(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in masked_word_spans(text)] == expected


@pytest.mark.parametrize(
    ("indices", "expected"),
    [([3, 1, 2, 5], [[1, 2, 3], [5]]), ([], []), ([4, 4], [[4]])],
    ids=["runs", "empty", "duplicates"],
)
def test_group_runs(indices: list[int], expected: list[list[int]]) -> None:
    assert group_runs(indices) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(-1.0, None), (-2.0, Severity.MINOR), (-4.0, Severity.MAJOR)],
    ids=["above", "minor", "major"],
)
def test_severity_below(value: float, expected: Severity | None) -> None:
    assert severity_below(value, minor=-1.5, major=-3.0) == expected
