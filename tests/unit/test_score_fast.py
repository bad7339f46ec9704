"""The fast statistics (review.scoring.fast, fast_ter) equal sacrebleu's own, row for row.

The fast metric classes (review.scoring.fast_metrics) are compared with sacrebleu's own classes
built with the same options: their statistics, and the public corpus and sentence scores.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import bleu, chrf, ter

from review.scoring.fast import tokenize_13a
from review.scoring.fast_metrics import FastBLEU, FastCHRF, FastTER
from review.scoring.metrics import BLEU, CHRF, METRICS, TER, make_metric

SacreBLEU, SacreCHRF, SacreTER = bleu.BLEU, chrf.CHRF, ter.TER  # sacrebleu's own classes

# each flavour the package uses: (fast class, sacrebleu's class, options)
FLAVOURS: dict[str, tuple[Any, Any, dict[str, Any]]] = {
    BLEU: (FastBLEU, SacreBLEU, {}),
    CHRF: (FastCHRF, SacreCHRF, {"word_order": 2}),
    TER: (FastTER, SacreTER, {}),
    "chrF (drift)": (FastCHRF, SacreCHRF, {}),
    "chrF+": (FastCHRF, SacreCHRF, {"word_order": 1}),
    "TER case-sensitive (HTER)": (FastTER, SacreTER, {"case_sensitive": True}),
}


def same(name: str, hypotheses: list[str], references: list[str]) -> None:
    fast, plain, options = FLAVOURS[name]
    ours = fast(**options).segment_statistics(hypotheses, references)
    theirs = plain(**options)._extract_corpus_statistics(hypotheses, [references])
    assert len(ours) == len(theirs)
    for index, (mine, expected) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == expected, (index, hypotheses[index], references[index])
        assert [type(value) for value in mine] == [type(value) for value in expected], index


# a small vocabulary so that words recur and TER finds shifts; case, punctuation, digits, entities
WORDS = ["le", "la", "Le", "chat", "chien", "mange", "dort", "vite", "très", "l'homme", "(hi)", ",", ".", "!",
         "3.5", "1,000", "3-4", "-", "&amp;", "&quot;", "<skipped>", "aujourd'hui", "Été", "éTÉ", "İ", "a", "b"]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\n", "-\n"]


@st.composite
def sentences(draw: st.DrawFn, max_words: int = 30) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=max_words))
    out = draw(st.sampled_from(["", " ", "\t"]))
    for word in words:
        out += word + draw(st.sampled_from(SPACES))
    return out.rstrip(" ") if draw(st.booleans()) else out


@st.composite
def corpora(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Pairs of related sentences: a reference and an edited, shuffled or unrelated hypothesis."""
    hyps, refs = [], []
    for _ in range(draw(st.integers(1, 6))):
        ref = draw(sentences())
        how = draw(st.sampled_from(["edit", "shuffle", "other", "same"]))
        if how == "other":
            hyp = draw(sentences())
        elif how == "same":
            hyp = ref
        else:
            words = ref.split()
            if how == "shuffle":
                words = draw(st.permutations(words))
            for _ in range(draw(st.integers(0, 4))):
                if words and draw(st.booleans()):
                    del words[draw(st.integers(0, len(words) - 1))]
                else:
                    words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(WORDS)))
            hyp = " ".join(words)
        hyps.append(hyp)
        refs.append(ref)
    return hyps, refs


@pytest.mark.parametrize("name", list(FLAVOURS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora())
def test_random_corpora_equal_sacrebleu(name: str, corpus: tuple[list[str], list[str]]) -> None:
    same(name, *corpus)


@pytest.mark.parametrize("name", METRICS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ref=st.lists(st.sampled_from(WORDS[:8]), min_size=30, max_size=110), data=st.data())
def test_long_sentences_equal_sacrebleu(name: str, ref: list[str], data: st.DataObject) -> None:
    """Long segments: TER's beam no longer covers the whole matrix, shifts are many."""
    hyp = list(data.draw(st.permutations(ref)))
    cut = data.draw(st.integers(0, len(hyp) // 2))
    hyp = hyp[cut:] + data.draw(st.lists(st.sampled_from(WORDS), max_size=40))
    same(name, [" ".join(hyp), " ".join(ref[:cut])], [" ".join(ref), " ".join(ref)])


EDGES = {
    "both-empty": ("", ""),
    "empty-hypothesis": ("", "le chat dort."),
    "empty-reference": ("le chat dort.", ""),
    "whitespace-only": (" \t ", "  "),
    "identical": ("Le chat dort.", "Le chat dort."),
    "case-only": ("LE CHAT DORT.", "le chat dort."),
    "one-word": ("chat", "chien"),
    "reversed": ("e d c b a", "a b c d e"),
    "block-shift": ("vite le chat mange", "le chat mange vite"),
    "repeated-word": ("a " * 150, "a " * 40),
    "one-against-many": ("chat", " ".join(["le chat mange"] * 60)),
    "many-against-one": (" ".join(["le chat mange"] * 60), "chat"),
    "punctuation-only": ("!!! ... ,", ". , !"),
    "numbers": ("1,000.50 et 3-4 pages.", "1,000.5 et 3 - 4 pages ."),
    "entities-and-skipped": ("&quot;oui&quot; &amp; <skipped> non", '"oui" & non'),
    "newlines": ("un mot-\ncoupé\net la suite", "un motcoupé et la suite"),
    "non-breaking-space": ("le\u00a0chat", "le chat"),
    "dotted-capital-i": ("İstanbul", "i̇stanbul"),
    "parentheses": ("(hi) [there]", "hi there"),
    "tokenized-period": ("le chat dort .", "le chat dort."),
}


@pytest.mark.parametrize("name", list(FLAVOURS))
@pytest.mark.parametrize(("hyp", "ref"), list(EDGES.values()), ids=list(EDGES))
def test_edge_cases_equal_sacrebleu(name: str, hyp: str, ref: str) -> None:
    same(name, [hyp], [ref])


def test_a_batch_of_mixed_lengths_equals_sacrebleu_segment_by_segment() -> None:
    """Segments are grouped by length inside TER's batches: grouping must not mix them up."""
    hyps = [hyp for hyp, _ in EDGES.values()] * 2
    refs = [ref for _, ref in EDGES.values()] * 2
    for name in FLAVOURS:
        same(name, hyps, refs)


@pytest.mark.parametrize("name", list(FLAVOURS))
def test_public_scores_and_signatures_equal_sacrebleu(name: str) -> None:
    """corpus_score, sentence_score and the signature of a fast class are sacrebleu's own."""
    fast, plain, options = FLAVOURS[name]
    hyps = [hyp for hyp, _ in EDGES.values()]
    refs = [ref for _, ref in EDGES.values()]
    ours, theirs = fast(**options), plain(**options)
    assert ours.corpus_score(hyps, [refs]).format() == theirs.corpus_score(hyps, [refs]).format()
    assert ours.get_signature().format() == theirs.get_signature().format()
    for hyp, ref in zip(hyps, refs, strict=True):
        assert ours.sentence_score(hyp, [ref]).score == theirs.sentence_score(hyp, [ref]).score


def test_options_the_fast_code_lacks_fall_back_to_sacrebleu() -> None:
    hyps, refs = ["Le Chat dort ."], ["le chat dort."]
    for fast, plain, options in [(FastBLEU, SacreBLEU, {"lowercase": True}),
                                 (FastBLEU, SacreBLEU, {"tokenize": "char"}),
                                 (FastCHRF, SacreCHRF, {"whitespace": True}),
                                 (FastTER, SacreTER, {"normalized": True}),
                                 (FastCHRF, SacreCHRF, {"word_order": 3})]:
        metric = fast(**options)
        assert not metric.fast()
        assert metric.segment_statistics(hyps, refs) == plain(**options)._extract_corpus_statistics(hyps, [refs])


def test_two_references_a_segment_are_sacrebleus_business() -> None:
    hyps, refs = ["le chat dort", "un chien"], [["le chat dort", "le chien"], ["un chat", "un chien"]]
    for name in METRICS:
        fast, plain, options = FLAVOURS[name]
        assert fast(**options).corpus_score(hyps, refs).score == plain(**options).corpus_score(hyps, refs).score
    assert make_metric(BLEU).corpus_score(hyps, refs).score == SacreBLEU().corpus_score(hyps, refs).score


@given(line=st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=40))
@settings(max_examples=300, deadline=None)
def test_13a_tokenizer_equals_sacrebleu(line: str) -> None:
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a  # noqa: PLC0415

    assert tokenize_13a(line) == Tokenizer13a()(line)


def test_13a_padding_class_is_ascii_only() -> None:
    """The translate table replaces the first 13a rule only if no non-ASCII character is in its class."""
    pattern = re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])")
    assert not [code for code in range(128, 0x3000) if pattern.fullmatch(chr(code))]
