"""Country and region names that take an article in French, with it.

"Iran et le Pakistan" reads as an English calque: French says "l'Iran".
Names used without article (Israël, Cuba, Chypre, Madagascar, Singapour,
cities) are deliberately absent.
"""

from __future__ import annotations

_ARTICLES = """
l'Afghanistan l'Afrique l'Afrique du Sud l'Albanie l'Algérie l'Allemagne l'Amérique l'Angleterre l'Angola
l'Arabie saoudite l'Argentine l'Arménie l'Asie l'Australie l'Autriche l'Azerbaïdjan le Bangladesh la Belgique
la Biélorussie la Birmanie la Bolivie la Bosnie le Brésil la Bulgarie le Burkina Faso le Cambodge le Cameroun
le Canada le Chili la Chine la Colombie la Corée la Croatie le Danemark l'Écosse l'Égypte l'Équateur
l'Érythrée l'Espagne l'Estonie l'Éthiopie l'Europe la Finlande la France le Gabon la Géorgie le Ghana
la Grèce le Guatemala la Guinée la Hongrie l'Inde l'Indonésie l'Irak l'Iran l'Irlande l'Islande l'Italie
la Jamaïque le Japon la Jordanie le Kazakhstan le Kenya le Kirghizistan le Kosovo le Koweït le Laos
la Lettonie le Liban le Liberia la Libye la Lituanie la Macédoine la Malaisie le Mali le Maroc
la Mauritanie le Mexique la Moldavie la Mongolie le Monténégro le Mozambique la Namibie le Népal
le Nicaragua le Niger le Nigeria la Norvège l'Ouganda l'Ouzbékistan le Pakistan la Palestine le Panama
le Paraguay le Pérou la Pologne le Portugal le Qatar la Roumanie la Russie le Rwanda le Salvador
le Sénégal la Serbie la Slovaquie la Slovénie la Somalie le Soudan la Suède la Suisse la Syrie
le Tadjikistan la Tanzanie le Tchad la Tchéquie la Thaïlande le Tibet le Togo la Tunisie le Turkménistan
la Turquie l'Ukraine l'Uruguay le Venezuela le Vietnam le Yémen la Zambie le Zimbabwe le Cachemire
le Xinjiang la Crimée le Sahel le Baloutchistan la Cisjordanie
"""


def _table() -> dict[str, str]:
    """Name -> name with article; in "l'Afrique du Sud" only the first word is a key."""
    words = _ARTICLES.split()
    table: dict[str, str] = {}
    for position, word in enumerate(words):
        if word.startswith("l'"):
            table[word[2:]] = word
        elif word in {"le", "la"} and position + 1 < len(words):
            table[words[position + 1]] = f"{word} {words[position + 1]}"
    return table


COUNTRIES = _table()
