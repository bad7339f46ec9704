"""A document cut as it is asked for holds the segments of cutting it all at once, and cuts no further than asked."""

from __future__ import annotations

import pickle
import random
import threading
from pathlib import Path

import pytest

from review.cutting import ArticleSegments
from review.document import from_text, load_document, segment_text
from review.model import Segment
from review.sentences import _PARAGRAPH_BREAK, split_sentences

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "iran-pakistan.fr.txt"


def cut_at_once(text: str) -> tuple[Segment, ...]:
    """The article cut the way it was before cutting became lazy: every paragraph span first, then each split."""
    spans, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    segments: list[Segment] = []
    for paragraph, (start, end) in enumerate(span for span in spans if text[span[0]:span[1]].strip()):
        body = text[start:end]
        for number, (left, right) in enumerate(split_sentences(body), start=1):
            segments.append(Segment(id=f"p{paragraph + 1}s{number}", index=len(segments), paragraph=paragraph,
                                    start=start + left, end=start + right, text=body[left:right]))
    return tuple(segments)


def numbered(count: int, per_paragraph: int = 5) -> str:
    sentences = [f"Le rapport {number} décrit la région {number % 97}, dit M. Dupont." for number in range(count)]
    return "\n\n".join(" ".join(sentences[start:start + per_paragraph])
                       for start in range(0, count, per_paragraph)) + "\n"


TEXTS = {
    "sample": SAMPLE.read_text(encoding="utf-8"),
    "one sentence": "Une phrase.",
    "windows line ends and blank paragraphs": "Un. Deux.\r\n\r\n \u00a0\r\n\r\nTrois ? Oui !\r\n\r\n\r\n",
    "spaces before the first paragraph": "\n\n  \n\nPremier. Second.\n\nTroisième « Non. Jamais. » fin.",
    "a paragraph of spaces only between two": "A. B.\n\n\u2003\u00a0\t\n\nC.",
    "a long line without a sentence end": ("mot, " * 900 + "fin") + "\n\n" + "x" * 2500,
    "abbreviations": "M. Dupont est venu. Il a vu J. R. R. Tolkien etc. Puis il est parti.",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_the_same_segments_as_cutting_at_once(text: str) -> None:
    assert segment_text(text) == cut_at_once(text)
    assert tuple(ArticleSegments(text)) == cut_at_once(text)  # iterating cuts as it goes


def test_random_texts_cut_the_same() -> None:
    rng = random.Random(11)  # noqa: S311 - varied texts, not secrets
    pieces = [*"abcAB .!?…«»\"'()—-,;:\n\r\t\u00a0", "\n\n", ". ", "M. ", "etc. ", " « ", " » ", "\r\n\r\n", "J."]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 150)))
        lazy = ArticleSegments(text)
        if text.strip():
            lazy[0]
        assert tuple(lazy) == cut_at_once(text), text


@pytest.fixture(scope="module")
def long_text() -> str:
    return numbered(100_000)


@pytest.fixture(scope="module")
def expected(long_text: str) -> tuple[Segment, ...]:
    return cut_at_once(long_text)


def test_a_hundred_thousand_segments_cut_the_same(long_text: str, expected: tuple[Segment, ...]) -> None:
    lazy = ArticleSegments(long_text)
    assert lazy.find("p10000s3") == expected[49_997]  # one paragraph's way in, then the rest
    assert len(lazy) == len(expected) == 100_000
    assert lazy == expected


def test_only_what_is_asked_for_is_cut(long_text: str) -> None:
    lazy = ArticleSegments(long_text)
    assert lazy.cut == []
    assert lazy[7].id == "p2s3"
    assert len(lazy.cut) == 10  # the paragraphs that hold segment 8: two of five
    assert not lazy.complete
    assert 0 < lazy.share_cut < 0.001
    assert lazy.find("p300s1") == Segment("p300s1", 1495, 299, *span_of(long_text, 1495))
    assert len(lazy.cut) == 1500
    assert lazy.find("p300s9") is None  # no such sentence in a paragraph cut: nothing more is cut
    assert len(lazy.cut) == 1500
    assert lazy.cut_to(2003) == 2005
    assert not lazy.complete


def span_of(text: str, index: int) -> tuple[int, int, str]:
    segment = cut_at_once(text[: text.index("\n\n", 200 * 1500)])[index]
    return segment.start, segment.end, segment.text


QUESTIONS = {  # what a caller asks of the sequence, all of which need the whole article
    "len": len,
    "the last": lambda segments: segments[-1],
    "a slice": lambda segments: segments[5:7],
    "an id it never makes": lambda segments: segments.find("title"),
    "a paragraph past the end": lambda segments: segments.find("p99999s1"),
    "equality": lambda segments: segments == (),
    "a hash": hash,
}


@pytest.mark.parametrize("ask", QUESTIONS.values(), ids=QUESTIONS.keys())
def test_questions_about_the_whole_article_cut_all_of_it(ask) -> None:
    lazy = ArticleSegments(numbered(300))
    ask(lazy)
    assert lazy.complete
    assert lazy.share_cut == 1.0
    assert len(lazy.cut) == 300


def test_past_the_end() -> None:
    lazy = ArticleSegments(numbered(12))
    with pytest.raises(IndexError):
        lazy[12]
    assert lazy[-1].id == "p3s2"


def test_a_document_sent_to_another_process_arrives_cut() -> None:
    document = from_text(numbered(40))
    document.segments[0]
    copy = pickle.loads(pickle.dumps(document))  # noqa: S301 - our own bytes
    assert isinstance(copy.segments, tuple)
    assert copy.segments == cut_at_once(document.text)
    assert copy.fully_cut


def test_threads_cutting_together_make_one_article(long_text: str, expected: tuple[Segment, ...]) -> None:
    lazy = ArticleSegments(long_text)
    seen: list[Segment] = []

    def cut_in_steps() -> None:
        while not lazy.complete:
            lazy.cut_to(len(lazy.cut) + 300)

    workers = [threading.Thread(target=cut_in_steps) for _ in range(2)]
    for worker in workers:
        worker.start()
    seen.extend(lazy)  # a third reader iterates while they cut
    for worker in workers:
        worker.join()
    assert tuple(seen) == tuple(lazy.cut) == expected


def test_the_document_says_how_far_it_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "long.fr.txt"
    path.write_text(numbered(1000), encoding="utf-8")
    document = load_document(path, source_lang="fr")
    assert not document.fully_cut
    assert document.cut_segments == []
    assert document.segment("p150s2").index == 746  # its paragraph and those before it are cut, no more
    assert len(document.cut_segments) == 750
    assert 0.7 < document.share_cut < 0.8
    assert document.cut_to(10) == 750
    assert document.cut_to(900) == 900
    with pytest.raises(KeyError, match="p150s9"):
        document.segment("p150s9")
    assert len(document.segments) == 1000
    assert document.fully_cut
    assert document.share_cut == 1.0
    plain = from_text(document.text)  # a document built from a finished tuple is cut from the start
    finished = type(document)(path=None, text=document.text, segments=tuple(plain.segments), language="fr")
    assert finished.fully_cut
    assert finished.cut_segments == document.segments
    assert finished.cut_to(5) == 1000


def test_looking_up_ids_while_another_thread_cuts(long_text: str, expected: tuple[Segment, ...]) -> None:
    lazy = ArticleSegments(long_text)
    cutter = threading.Thread(target=lambda: [lazy.cut_to(count) for count in range(300, 100_300, 300)])
    cutter.start()
    found = [lazy.find(expected[index].id) for index in range(0, 100_000, 997)]  # ahead of, at and behind the cutter
    cutter.join()
    assert found == list(expected[::997])
