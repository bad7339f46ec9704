"""Stop 39's shapes of correct French, each taken off one rule without costing it its MT flags.

The shapes: a verb with two subjects where one agrees with it; a second adjective after a determined noun and its
adjective; an adjective used as a noun after « de »; a pronoun before an infinitive that is its object or an
inverted subject; a name before its simple past; a noun after its preposition before the verb of the subject
before it; « votre fichier source »; an apposition after a comma; present participles French keeps; a verb's
present the spelling lists lack (« surligne »).

The sentences are made up here, modelled on ones the read correct-French sets (Wesnoth, Freeciv, LilyPond, GIMP,
Debian's manuals) got flagged.  `test_correct_french_gets_no_flag_from_the_rule` names the rule that must stay
quiet; `test_the_rules_still_flag_machine_translation` holds MT French, mostly from the WMT tuning split's
shapes, that the same rules must still flag at or above the floor.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect, shown_messages

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Toutes les actions qui modifient une image peuvent être annulées.", "does not agree"),
        ("Les chamanes pratiquant cette discipline utilisent souvent leurs compétences.", "does not agree"),
        ("Sa bonne fortune déclina quand les marchands choisirent de commercer ailleurs.", "does not agree"),
        ("Les croches et le triolet qui terminent cette mesure n'en occupent pas la moitié.", "does not agree"),
        ("Osman était le chef d'une tribu turque mineure de l'Anatolie.", "with no determiner is English"),
        ("Ils ont contribué à la fabrication des biens artistiques incas.", "with no determiner is English"),
        ("Le logiciel gère des paramètres linguistiques particuliers.", "with no determiner is English"),
        ("Ce chapitre traite de la notation de la musique classique perse.", "with no determiner is English"),
        ("Chaque village est dirigé par un groupe d'anciens choisis parmi les habitants.", "should be singular"),
        ("Vous servir est mon plaisir, monseigneur.", "is an infinitive after"),
        ("Nous cherchons de nouvelles terres où nous installer.", "is an infinitive after"),
        ("Nous devons alors nous assurer que personne ne s'échappe.", "is an infinitive after"),
        ("Peut-être devrais-tu essayer de fuir avant la nuit.", "is an infinitive after"),
        ("Panamá déclara son indépendance en 1903.", "sentence breaks"),
        ("Rogrimir déclara que la guerre était finie.", "sentence breaks"),
        ("Si un de mes hommes viole cette loi, il sera puni.", "side by side"),
        ("Obéir à des humains blesse votre orgueil.", "side by side"),
        ("Devoir obéir à des humains blesse votre orgueil.", "sentence breaks"),
        ("Il est recommandé de ne pas fournir ces fichiers source dans le paquet.", "has no determiner"),
        ("Nous allons voir comment le programme traite le fichier source que vous avez écrit.", "has no determiner"),
        ("La vingtième année du règne de Garard II, roi de Wesnoth, fut marquée par la guerre.", "cannot serve it"),
        ("Les Indo-Européens étaient un peuple antique, ancêtres lointains des peuples d'Europe.", "cannot serve it"),
        ("Il renforce tous les muscles abdominaux en quelques semaines.", "side by side"),
        ("Des nécromanciens fous et des esprits morts-vivants hantaient les sables.", "sentence breaks"),
        ("Des nécromanciens hantaient les ruines se nourrissant des quelques survivants.", "-ing"),
        ("On peut parfois les voir sillonnant le ciel.", "-ing"),
        ("En imaginer un bien équipé est totalement perturbant.", "-ing"),
        ("Ils vendent leurs services au plus offrant.", "-ing"),
        ("Rangez vos clubs de golf en les stockant correctement.", "plural"),
        ("Loin au nord, j'aperçois quelque chose scintiller à l'horizon.", "needs a preposition"),
        ("Nous la trouverons et la ferons payer pour tout ce qu'elle a fait.", "needs a preposition"),
        ("Les cogneurs se fatiguent vite et savent très bien qu'ils ne peuvent pas courir.", "subjunctive"),
        (("Notre réputation grandit et les nains qui vivaient à la surface, craignant les orcs, sont venus nous "
          "rejoindre."), "two verbs"),
        ("Des contes disent que des guerriers, animés par la haine, reviennent en ce monde.", "two verbs"),
        ("Les efforts pour les étudier et les dresser ont échoué, car elles meurent vite.", "can refer to no noun"),
        ("Allez, les gars, réduisons-les en morceaux avant qu'elles ne sortent du canal.", "can refer to no noun"),
        ("Ces guerriers solides qui ont à la fois la résistance et l'habileté nécessaires pour survivre.",
         "is plural but"),
    ],
    ids=["object-of-a-relative-then-the-verb", "object-of-a-participle-then-the-verb",
         "subject-of-another-clause-first", "object-of-a-relative-after-a-pair",
         "second-adjective-after-a-determined-noun", "second-adjective-after-des",
         "second-adjective-read-as-a-noun", "nationality-after-noun-and-adjective",
         "adjective-used-as-a-noun-after-de", "infinitive-subject-with-its-object-pronoun",
         "infinitive-relative-after-ou", "alors-inside-the-verb-phrase", "subject-set-after-its-verb",
         "name-then-its-simple-past", "unknown-name-then-its-simple-past", "noun-after-de-then-the-verb",
         "noun-after-a-then-the-verb", "modal-then-its-infinitive-opening-the-sentence",
         "apposed-noun-after-a-determined-noun", "apposed-noun-before-a-relative", "apposition-after-a-name",
         "plural-apposition-after-a-singular-noun", "adjective-in-aux-read-as-a-noun", "des-after-et-is-an-article",
         "pronominal-present-participle", "participle-after-a-verb-of-perception", "participle-as-an-attribute",
         "au-plus-offrant", "gerund-after-its-object-pronoun", "infinitive-after-apercevoir-and-its-object",
         "causative-read-as-a-noun-after-its-pronoun", "tres-bien-que-after-a-verb",
         "new-subject-after-et-and-an-insertion", "subject-after-que-and-an-insertion",
         "referent-named-by-an-object-pronoun", "referent-named-by-an-imperative-s-pronoun",
         "plural-adjective-of-a-pair-the-tagger-half-named"],
)
def test_correct_french_gets_no_flag_from_the_rule(text: str, rule: str) -> None:
    assert [found for found in shown_messages("grammar", text) if rule in found[1]] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le hachoir électrique peuvent couper plus de dix mètres.", "peuvent"),
        ("Les enfants du monde entier découvrira le même plaisir.", "découvrira"),
        ("Une brosse avec lavable manche en plastique.", "lavable manche"),
        ("Le gant a une poignée réglable doigt.", "poignée réglable doigt"),
        ("Nous avons acheté une lampe légers.", "légers"),
        ("Je pense que nous emprunter la route du nord.", "nous emprunter"),
        ("Vous en tirerez profit si vous travailler sur de grandes images.", "vous travailler"),
        ("Décapant de tache de moisissure supprime rapidement les taches.", "moisissure supprime"),
        ("Le sac compartiment principal est grand.", "sac compartiment"),
        ("Elle comprend un plancher imperméable et la fermeture à glissière système de garde.", "système"),
        ("La console affiche la vitesse, distance et temps.", "temps"),
        ("La double extrémité arrimage des pièces jointes permet d'ancrer le sac.", "pièces jointes"),
        ("Le rasoir a porté sur fournissant la meilleure expérience.", "fournissant"),
        ("Pieds en fait rééduquer pieds nus.", "fait rééduquer"),
        ("Bien que le faitout est lavable, il faut le sécher.", "est"),
        ("Stand Standard Kick Bike, un vélo sur une béquille prévient les dommages, correspond à tous les vélos.",
         "correspond"),
        ("Nous avons testé les maillots de bain parce qu'elles ont duré longtemps.", "elles"),
    ],
    ids=["singular-subject-plural-verb", "plural-subject-singular-verb", "adjective-then-bare-noun",
         "english-stack-without-determiner", "plural-adjective-of-one-noun", "infinitive-after-nous-after-que",
         "infinitive-after-vous-after-si", "cut-after-a-bare-subject", "noun-stack",
         "apposition-noun-after-an-undetermined-noun", "list-sharing-an-article-it-cannot-share",
         "des-after-a-noun-is-de-les", "english-ing-after-a-preposition", "infinitive-after-en-fait",
         "indicative-after-bien-que", "second-verb-of-one-subject-after-a-comma",
         "elles-after-masculine-nouns"],
)
def test_the_rules_still_flag_machine_translation(text: str, span: str) -> None:
    flags = detect("grammar", text)
    assert span in [flag.span_text for flag in flags if flag.confidence >= MIN_CONFIDENCE], \
        [(flag.span_text, flag.confidence) for flag in flags]


@pytest.mark.parametrize(("text", "word", "flagged"), [
    ("Placez le pointeur sur une commande, ce qui la surligne.", "surligne", False),
    ("Le navire apponte dans un port abandonné.", "apponte", False),
    ("Le podomètre permet un réglage individuel de la stride.", "stride", True),
], ids=["present-of-surligner", "present-of-apponter", "english-word-that-looks-like-a-verb"])
def test_a_verb_s_present_is_a_french_word_unless_it_is_english(text: str, word: str, flagged: bool) -> None:
    assert (word in [span for span, _ in shown_messages("spelling", text)]) is flagged
