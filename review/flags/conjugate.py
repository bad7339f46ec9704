"""Just enough French conjugation to offer a replacement verb in the flagged verb's form.

Suggestions for a confused verb must read in place: "accusent de" becomes
"conviennent de", "ont accusé de" becomes "ont convenu de".  The verbs offered
are few and fixed (see :data:`AGREEMENT_VERBS`), so their forms are listed or
built from regular endings rather than drawn from a full conjugator.
"""

from __future__ import annotations

from dataclasses import dataclass

# person/number order of every row: 1s 2s 3s 1p 2p 3p
ER_ENDINGS = {
    "Pres": ("e", "es", "e", "ons", "ez", "ent"),
    "Imp": ("ais", "ais", "ait", "ions", "iez", "aient"),
    "Past": ("ai", "as", "a", "âmes", "âtes", "èrent"),
    "Fut": ("erai", "eras", "era", "erons", "erez", "eront"),
    "Cnd": ("erais", "erais", "erait", "erions", "eriez", "eraient"),
    "Sub": ("e", "es", "e", "ions", "iez", "ent"),
}
FUT = ("ai", "as", "a", "ons", "ez", "ont")
CND = ("ais", "ais", "ait", "ions", "iez", "aient")

IRREGULAR: dict[str, dict[str, tuple[str, ...]]] = {
    "convenir": {
        "Pres": ("conviens", "conviens", "convient", "convenons", "convenez", "conviennent"),
        "Imp": tuple("conven" + e for e in CND),
        "Past": ("convins", "convins", "convint", "convînmes", "convîntes", "convinrent"),
        "Fut": tuple("conviendr" + e for e in FUT),
        "Cnd": tuple("conviendr" + e for e in CND),
        "Sub": ("convienne", "conviennes", "convienne", "convenions", "conveniez", "conviennent"),
        "Part": ("convenu",),
    },
    "promettre": {
        "Pres": ("promets", "promets", "promet", "promettons", "promettez", "promettent"),
        "Imp": tuple("promett" + e for e in CND),
        "Past": ("promis", "promis", "promit", "promîmes", "promîtes", "promirent"),
        "Fut": tuple("promettr" + e for e in FUT),
        "Cnd": tuple("promettr" + e for e in CND),
        "Sub": ("promette", "promettes", "promette", "promettions", "promettiez", "promettent"),
        "Part": ("promis",),
    },
}


@dataclass(frozen=True, slots=True)
class Form:
    """Where a verb form sits: VerbForm Fin/Inf/Part; tense Pres/Imp/Past/Fut/Cnd/Sub; person 1..3; plural."""

    verb_form: str = "Fin"
    tense: str = "Pres"
    person: int = 3
    plural: bool = False


def conjugate(infinitive: str, form: Form) -> str:
    """``infinitive`` (an -er verb or one of :data:`IRREGULAR`) in ``form``."""
    if form.verb_form == "Inf":
        return infinitive
    table = IRREGULAR.get(infinitive)
    if form.verb_form == "Part":
        return table["Part"][0] if table else infinitive[:-2] + "é"
    slot = form.person - 1 + (3 if form.plural else 0)
    if table:
        return table.get(form.tense, table["Pres"])[slot]
    stem = infinitive[:-2]
    ending = ER_ENDINGS.get(form.tense, ER_ENDINGS["Pres"])[slot]
    if stem.endswith("g") and ending[:1] in {"a", "o", "â"}:
        stem += "e"
    return stem + ending


@dataclass(frozen=True, slots=True)
class Replacement:
    """A verb offered instead of a confused one, with the word that introduces its infinitive."""

    infinitive: str
    preposition: str
    reflexive: bool = False


# verbs of agreement, decision or commitment that take an infinitive
AGREEMENT_VERBS = (
    Replacement("convenir", "de"),
    Replacement("décider", "de"),
    Replacement("s'engager", "à", reflexive=True),
    Replacement("accepter", "de"),
    Replacement("promettre", "de"),
)

_REFLEXIVE = {1: ("me", "nous"), 2: ("te", "vous"), 3: ("se", "se")}


def offer(replacement: Replacement, form: Form, elided: bool) -> str | None:
    """The replacement in ``form`` followed by its preposition, or None when it would not read in place.

    elided: the infinitive after the span starts with a vowel (``d'`` rather than ``de``).
    """
    verb = replacement.infinitive.removeprefix("s'")
    if replacement.reflexive and form.verb_form == "Part":
        return None  # "ont" would have to become "se sont": not a replacement of the span
    text = conjugate(verb, form)
    if replacement.reflexive:
        pronoun = _REFLEXIVE[form.person][form.plural]
        text = f"{pronoun[0]}'{text}" if text[:1] in "aeéèêiouh" and pronoun.endswith("e") else f"{pronoun} {text}"
    preposition = "d'" if replacement.preposition == "de" and elided else replacement.preposition + " "
    return f"{text} {preposition}".rstrip() if not preposition.endswith("'") else f"{text} {preposition}"
