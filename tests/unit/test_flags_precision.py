"""False alarms measured on correct French and annotated MT (issue 11), each with the error kept.

Every sentence is written for the test; for each rule changed there is one that
must be flagged and one that must be left alone.  A flag counts as shown when
its confidence reaches the floor run_flags applies.
"""

from __future__ import annotations

import pytest
from flag_helpers import detect

from review.flags.rank import MIN_CONFIDENCE

pytestmark = pytest.mark.slow  # parses with spaCy


def shown_spans(name: str, text: str) -> list[str]:
    return [flag.span_text for flag in detect(name, text) if flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("name", "text", "span"),
    [
        ("grammar", "Nous avons vendu une batterie chargeur à un client.", "batterie chargeur"),
        ("grammar", "Grand étui pistolet en cuir noir", "étui pistolet"),
        ("spelling", "Il range son matériel dans un rack solide.", "rack"),
        ("grammar", "Il a acheté des chaussures noir pour la soirée.", "noir"),
        ("grammar", "Les portes du garage sont fermé chaque soir.", "fermé"),
        ("lexicon", "Il faut faire sûr que la porte est fermée.", "faire sûr"),
        ("grammar", "Cette lampe utilise une électrique pompe très silencieuse.", "électrique pompe"),
        # a run of capitalised English words between French words of a title: one flag for the run
        ("spelling", "Sac Heavy Duty pour le camping", "Heavy Duty"),
        ("grammar", "Bien que le faitout est lavable, laver à la main est recommandé.", "est"),
        ("grammar", "Le miroir est large afin que vous n'avez pas à tourner la tête.", "avez"),
        ("grammar", "Il est parti après qu'elle soit arrivée.", "soit"),
        ("grammar", "Le rebondeur est livré avec quatre stakesAll pour le jardin.", "stakesAll"),
        ("grammar", "Ce vélo offre confort exceptionnel aux enfants.", "confort"),
    ],
    ids=["noun-stack-in-prose", "noun-stack-in-title", "english-word-still-flagged", "adjective-agreement",
         "participle-plural", "calque-make-sure",
         "adjective-before-noun", "english-in-capitals-in-a-title", "bare-object",
         "indicative-after-bien-que", "indicative-after-afin-que", "subjunctive-after-apres-que",
         "glued-in-lower-case"],
)
def test_errors_still_flagged(name: str, text: str, span: str) -> None:
    found = shown_spans(name, text)
    assert span in found, f"no flag on {span!r}; got {found}"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("grammar", "Regrouper les paquets en fonction du nom de leur paquet source."),
        ("grammar", "Il faut créer un compte utilisateur pour chaque élève."),
        ("grammar", "Les câbles réseau doivent être débranchés avant la mise à jour."),
        ("grammar", "On ouvre le fichier en mode lecture avant de le copier."),
        ("grammar", "Debian active par défaut les mises à niveau automatisées."),
        ("spelling", "Les élèves publient leurs pages web avec un réseau audio."),
        ("spelling", "Ce tapis est parfait pour le gym et la maison."),
        ("spelling", "Cliquez sur le département « Students » dans le menu."),
        ("grammar", "Les élèves publient des sites web et des paquets standard."),
        ("grammar", "La tente est montée en trois minutes par la femme."),
        ("grammar", "Par défaut, les horloges seront synchronisées avec une source externe."),
        ("grammar", "Le manuel est traduit en norvégien Bokmål et en danois."),
        ("grammar", "Si possible, les éventuels marquages seront annulés."),
        ("grammar", "Si le niveau est au moins 2, la ou les versions choisies seront affichées."),
        ("lexicon", "La prise en charge de ce matériel a été abandonnée."),
        ("spelling", "En 1996, Planet Bike a été fondée à Madison."),
        ("grammar", "Bien que le faitout soit lavable, laver à la main est recommandé."),
        ("grammar", "Je range la tente avant qu'il arrive."),
        ("grammar", "Il est parti après qu'elle est arrivée."),
        ("grammar", "Achetez-le sur eBay ou avec votre iPhone."),
        ("grammar", "Noter que ce prix unitaire (quantité = 1) est pour un seul article."),
    ],
    ids=["apposition-source", "apposition-user", "apposition-network", "kind-head-mode", "participle-after-nouns",
         "loanwords-web-audio", "loanword-gym", "quoted-english-name", "invariable-adjectives", "participle-agrees",
         "gender-after-les",
         "adjective-before-name", "eventuel-before-noun", "la-ou-les", "prise-en-charge",
         "brand-in-a-sentence", "label-in-brackets", "subjunctive-after-bien-que", "ambiguous-form-after-avant-que",
         "indicative-after-apres-que", "brand-with-lower-case-start"],
)
def test_correct_french_left_alone(name: str, text: str) -> None:
    assert shown_spans(name, text) == []
