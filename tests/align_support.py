"""The sample's English: the wire story it was translated from, and a model's English of its French.

Written here for the alignment tests, one line per segment of seeds/iran-pakistan.fr.txt in
article order: ORIGINAL stands for the English the article was translated from, RENDERINGS
for what a fr→en model gives back from the machine French (literal, worded differently, as
back-translations are).  OTHER_ARTICLE is a story on another subject, in both languages.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

ORIGINAL = [
    "Iran, Pakistan agree to boost security cooperation after tit-for-tat missile strikes on militants",
    ("JAKARTA - Iran and Pakistan have agreed to improve relations between the two countries, respect each other's "
    "sovereignty and territorial integrity and expand their security cooperation, after striking militant targets "
    "in each other's territory."),
    ("The foreign ministers of both countries held talks in Islamabad, Pakistan, after the two militaries took action "
    "against militant groups in each other's regions, raising concerns about a widening conflict in the region since "
    "the start of the Israel-Hamas war in Gaza."),
    ("Pakistan's Foreign Minister Jalil Abbas Jilani, speaking at a news conference with his Iranian counterpart "
    "Hossein Amir Abdollahian, said the two neighbours had several strong channels of communication between them."),
    ('"All these channels are working and we can bring any problem or misunderstanding between the two countries, '
    'we can resolve that quite quickly," he said, as quoted by Reuters on January 30.'),
    ("The two countries agreed to fight terrorism in their respective regions and to form a consultation mechanism "
    "at the level of foreign ministers to monitor progress across sectors, Foreign Minister Jilani said."),
    ("Meanwhile, Foreign Minister Abdollahian said the two countries had a good understanding and that there had "
    "never been a territorial dispute or war between Iran and Pakistan."),
    ('"We consider the security of friendly, brotherly and neighbouring Pakistan as the security of the Islamic '
    'Republic of Iran and the security of the whole region," Abdollahian said.'),
    ('"Through cooperation between Tehran and Islamabad, we will not allow terrorists to endanger and threaten the '
    'security of the two countries," he said, adding that Iranian President Ebrahim Raisi would visit Pakistan soon.'),
    "The two neighbours have had rocky relations, but the missile strikes were the most serious incident in years.",
    "Islamabad said its strike hit separatist bases of the Baloch Liberation Front and the Baloch Liberation Army.",
    "Tehran said its strike targeted militants of the Jaish al Adl (JAA) group.",
    ("The militant group operates in areas including Pakistan's southwestern Balochistan province and Iran's "
    "southeastern Sistan-Baluchestan province."),
    "Both areas are vast, rich in minerals and largely underdeveloped.",
    ("Relations between the two countries deteriorated after the missile strike, with Pakistan recalling its "
    "ambassador from Tehran and not allowing the Iranian ambassador to return to Islamabad, as well as suspending "
    "all high-level diplomatic and trade relations."),
    ("However, efforts were made immediately to lower the temperature, with the envoys invited to return to their "
    "posts and Foreign Minister Abdollahian invited for talks."),
]

RENDERINGS = [
    "Iran and Pakistan accuse of strengthening their security cooperation after missile attacks against militants",
    ("JAKARTA - Iran and Pakistan agreed to improve relations between the two countries, to respect the sovereignty "
    "and integrity of the respective territory and to extend its security cooperation, after attacking each other "
    "against militant targets."),
    ("The foreign ministers of the two countries had talks in Islamabad, Pakistan, after the militaries of the two "
    "countries had taken measures against militant groups in their respective regions, raising concerns about a "
    "growth of the conflict in the region since the beginning of the Hamas Israel war in Gaza."),
    ("The Pakistani Minister of Foreign Affairs, Jalil Abbas Jilani, spoke at a press conference with his Iranian "
    "counterpart Hossein Amir Abdollahian, said that the two neighbouring countries had several strong channels of "
    "communication between them."),
    ('"All these channels work and we can bring any problem or misunderstanding between the two countries, we can '
    'solve this quite quickly," he said, quoted by Reuters on 30 January.'),
    ("The two countries agreed to combat terrorism in their respective regions and to form a system of consultation "
    "at the level of the ministers of foreign affairs to monitor cross-sectoral progress, said the Minister of "
    "Foreign Affairs Jilani."),
    ("In the meantime, the Minister of Foreign Affairs Abdollahian said that the two countries had a good "
    "understanding and that there had never been a territorial dispute or war between Iran and Pakistan."),
    ('"We consider the security of Pakistan friend, brother and neighbour with Iran, just like the security of the '
    'Republic of Iran and the security of the whole region," said Abdollahian.'),
    ('"Thanks to the cooperation between Tehran and Islamabad, we will not allow terrorists to endanger and threaten '
    'the security of the two countries," he said, adding that Iranian President Ebrahim Raisi will soon travel to '
    "Pakistan."),
    ("The two neighbouring countries have difficult relations, but the missile attacks have become the most serious "
    "incident in years."),
    ("Islamabad said that the attack had hit the separatist bases of the Baloch Liberation Front and the Baloch "
    "Liberation Army."),
    "Tehran said that the attack had attacked militants of the Jaish al Adl group (JAA).",
    ("The militant group operates in areas including the province of Balochistan in south-western Pakistan and the "
    "province of Sistan-Balochistan in south-eastern Iran."),
    "Both areas are ample, rich in minerals and most of them behind.",
    ("Relations between the two countries deteriorated after the missile attack, Pakistan called its ambassador to "
    "Tehran and not allowing the Iranian ambassador to return from Islamabad, as well as the termination of all "
    "high-level diplomatic and commercial relations."),
    ("However, efforts were made immediately to reduce the temperature, the envoys being invited to return to their "
    "posts and the Minister of Foreign Affairs Abdollahian invited to negotiate."),
]

# (English, French) of a story from the same desk on another subject
OTHER_ARTICLE = [
    ("Heavy rain flooded parts of the capital on Tuesday, cutting power to thousands of homes.",
     "De fortes pluies ont inondé une partie de la capitale mardi, privant d'électricité des milliers de foyers."),
    ("The weather agency said more storms were expected until the end of the week.",
     "L'agence météorologique a annoncé d'autres orages jusqu'à la fin de la semaine."),
    ("Schools in the worst-hit districts were closed as a precaution.",
     "Les écoles des quartiers les plus touchés ont été fermées par précaution."),
    ("Rescue teams evacuated more than 2,000 residents by boat.",
     "Les secours ont évacué plus de 2 000 habitants en bateau."),
    ("The governor promised compensation for families who lost their belongings.",
     "Le gouverneur a promis une indemnisation aux familles qui ont tout perdu."),
    ("Traffic on the main ring road was suspended for several hours.",
     "La circulation sur le périphérique principal a été suspendue pendant plusieurs heures."),
    ("Experts blamed poor drainage and rapid construction along the river banks.",
     "Les experts mettent en cause un mauvais drainage et la construction rapide le long des berges."),
    ("Officials said the water level had begun to fall by Wednesday morning.",
     "Selon les autorités, le niveau de l'eau avait commencé à baisser mercredi matin."),
]


def omegat_tmx(pairs: list[tuple[str, str]]) -> bytes:
    """A project memory as OmegaT saves it: TMX 1.1, ``lang`` attributes, no ``tuid``, sorted by the English."""
    units = "".join(
        f'    <tu>\n      <tuv lang="EN-US">\n        <seg>{escape(english)}</seg>\n      </tuv>\n'
        f'      <tuv lang="FR-FR" changeid="desk" changedate="20240131T091500Z">\n'
        f"        <seg>{escape(french)}</seg>\n      </tuv>\n    </tu>\n"
        for english, french in sorted(pairs))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n'
            '  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" '
            'creationtoolversion="6.0.0" segtype="sentence" srclang="EN-US"/>\n'
            f"  <body>\n{units}  </body>\n</tmx>\n").encode()
