"""Mood after a conjunction that governs it.

The subjunctive after « bien que », « pour que »…, the indicative after « après que ».
Called by the grammar detector token by token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from review.flags.nlp import FlagMaker, apostrophe, feature, lower_form
from review.model import Category, Flag, Severity

# conjunctions whose clause is in the subjunctive, and « après que », whose clause is not
SUBJUNCTIVE_AFTER = frozenset({"bien que", "quoique", "avant que", "pour que", "afin que", "sans que", "à moins que",
                               "jusqu'à ce que", "pourvu que", "de peur que", "de crainte que"})

INDICATIVE_AFTER = frozenset({"après que"})

# every present subjunctive ends so, but for être and avoir (and « ayons », « soyez »…, listed below)
SUBJUNCTIVE_ENDINGS = ("e", "es", "ent", "ions", "iez")

# subjunctives that cannot be read as indicatives
SUBJUNCTIVE_FORMS = frozenset(
    "sois soit soyons soyez soient aie aies ait ayons ayez aient puisse puisses puissent fasse fasses fassent "
    "aille ailles aillent sache saches sachent veuille veuillent".split())


def _conjunction(head: Any) -> str | None:
    """The conjunction ending in « que » that introduces ``head``'s clause (« bien que »), if it governs a mood."""
    que = next((child for child in head.children
                if child.dep_ == "mark" and child.i < head.i and lower_form(child) in {"que", "qu'"}), None)
    if que is None:
        return None
    start = head.doc[max(que.i - 3, head.sent.start)].idx
    text = " ".join(apostrophe(head.doc.text[start:que.idx + len(que.text)]).lower().split())
    text = text.replace("qu'", "que").replace("' ", "'")
    return next((phrase for phrase in SUBJUNCTIVE_AFTER | INDICATIVE_AFTER
                 if text == phrase or text.endswith(" " + phrase)), None)


def mood(head: Any, make: FlagMaker) -> Iterator[Flag]:
    """« bien qu'il est », « pour que vous pouvez »: the mood a conjunction governs."""
    if head.dep_ not in {"advcl", "ccomp", "csubj", "acl", "obl:mod"}:
        return
    conjunction = _conjunction(head)
    if conjunction is None:
        return
    finite = next((c for c in head.children if c.dep_.startswith(("aux", "cop")) and c.i < head.i
                   and feature(c, "VerbForm") == "Fin"), head)
    if feature(finite, "VerbForm") != "Fin" or not finite.is_alpha:
        return
    form = lower_form(finite)
    wants = "subjunctive" if conjunction in SUBJUNCTIVE_AFTER else "indicative"
    # the tagger's mood is a guess where forms coincide (« qu'il arrive »): read the ending instead
    if wants == "subjunctive" and (form.endswith(SUBJUNCTIVE_ENDINGS) or form in SUBJUNCTIVE_FORMS):
        return
    if wants == "indicative" and form not in SUBJUNCTIVE_FORMS:
        return
    # measured on WMT20 QE en-fr (tuning split): 6 flags at 0.50 (the other three are errors the
    # annotators left: « Bien que le faitout est lavable »)
    yield make(finite.idx, finite.idx + len(finite.text), Category.GRAMMAR, Severity.MAJOR,
               f"« {conjunction} » takes the {wants}: « {finite.text} » is not", (), 0.5)
