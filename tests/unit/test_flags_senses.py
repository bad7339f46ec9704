"""Words rendered in a sense the English context excludes (the source detector, review/flags/senses.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flag_helpers import detect

from review.errors import InputError
from review.flags import FlagOptions
from review.flags.rank import MIN_CONFIDENCE
from review.flags.senses import parse_line, senses
from review.model import Flag

pytestmark = pytest.mark.slow  # parses with spaCy


def sense_flags(french: str, english: str) -> list[Flag]:
    options = FlagOptions(original=((english,),))
    return [flag for flag in detect("source", french, options=options)
            if "in another sense" in flag.message and flag.confidence >= MIN_CONFIDENCE]


@pytest.mark.parametrize(
    ("french", "english", "span", "suggestion"),
    [
        ("Rangez vos jumelles dans le cas de transport.", "Store your binoculars in the carrying case.",
         "cas", "étui"),
        ("La tente se monte avec deux pôles en aluminium.", "The tent sets up with two aluminum poles.",
         "pôles", "mâts"),
        ("Ces troncs de bain sèchent vite.", "These swim trunks dry fast.", "troncs", "maillots de bain"),
        ("Le kit comprend quatre enjeux en acier.", "The kit includes four steel stakes.", "enjeux", "piquets"),
        ("Le tapis couvre tout l'étage de la tente.", "The mat covers the whole floor of the tent.",
         "étage", "sol"),
        ("Une moto pour les enfants de 5 ans.", "A bike for kids ages 5 and up.", "moto", "vélo"),
        ("Un gilet pondéré de 10 livres.", "A 10-pound weighted vest.", "pondéré", "lesté"),
        ("Une affaire rigide protège le couteau.", "A hard case protects the knife.", "affaire", "étui"),
        ("Le titulaire de gobelet se fixe au guidon.", "The cup holder attaches to the handlebar.",
         "titulaire", "support"),
        ("La lanterne utilise deux manteaux.", "The lantern uses two mantles.", "manteaux", "manchons"),
        ("Un sac pour vos chaussures de tennis et le cour.", "A bag for your tennis shoes and the court.",
         "cour", "terrain"),
        ("Une grande élève de sortie donne une image claire.", "A large exit pupil gives a bright image.",
         "élève", "pupille"),
        ("La mouche de pluie couvre les deux portes.", "The rain fly covers both doors.", "mouche", "double-toit"),
        ("La tente utilise moins de polonais qu'un dôme.", "The tent uses fewer poles than a dome.", "polonais",
         "mâts"),
        ("Le kit comprend un vu à bois.", "The kit includes a wood saw.", "vu", "scie"),
        ("Le trampoline a des printemps en acier.", "The trampoline has steel springs.", "printemps", "ressorts"),
        ("La veste a deux évents sous les bras.", "The jacket has two underarm vents.", "évents", "aérations"),
        ("Des chaussettes équipage en coton.", "Cotton crew socks.", "équipage", "mi-mollet"),
        ("Le communiqué rapide libère la roue.", "The quick release frees the wheel.", "communiqué", "déclencheur"),
        ("Une gourde véritable question militaire.", "A genuine military issue canteen.", "question",
         "réglementaire"),
        ("La poignée réduit la souche sur le poignet.", "The handle reduces strain on the wrist.", "souche",
         "effort"),
        ("Les feuilles de lit sont en coton.", "The bed sheets are cotton.", "feuilles", "draps"),
        ("Une chauve-souris de baseball en aluminium.", "An aluminum baseball bat.", "chauve", "batte"),
        ("Les murailles de la tente résistent au vent.", "The tent walls stand up to wind.", "murailles",
         "parois"),
        ("Ils constituent pour cela par leur légèreté.", "They make up for it by being lighter.", "constituent",
         "compenser"),
        ("Un accès rapide et coffre d'une seule main.", "Quick, safe, one-handed access.", "coffre", "sûr"),
        ("La tente a un plancher de cuve en polyéthylène.", "The tent has a polyethylene tub floor.", "cuve",
         "baignoire"),
        ("Les lampes avaient des mantes, pas des mèches.", "The lamps had mantles, not wicks.", "mantes",
         "manchons"),
        ("La jupe protège les boucles de jeu.", "The skirt protects the stake loops.", "jeu", "piquet"),
        ("Rangez votre pignon dans le coffre.", "Store your gear in the trunk.", "pignon", "équipement"),
        ("Un champ d'application avec trépied.", "A spotting scope with tripod.", "application", "lunette"),
        ("Un sac difficile pour le camping.", "A tough bag for camping.", "difficile", "résistant"),
        ("La selle est à l'aise pour les longues sorties.", "The saddle is comfortable for long rides.", "aise",
         "confortable"),
        ("Rangez vos affaires de la route.", "Stow your stuff out of the way.", "route", "à l'écart"),
        ("Des chaussures d'exécution légères.", "Lightweight running shoes.", "exécution", "course"),
        ("Prenez ces chiffres avec un grain de sel.", "Take these figures with a grain of salt.", "sel",
         "avec des pincettes"),
        ("Le matelas accepte les draps montés.", "The mattress takes fitted sheets.", "montés", "housses"),
        ("Le stand de vélo se plie.", "The bike stand folds.", "stand", "support"),
        ("Allumez la lanterne sans matches.", "Light the lantern without matches.", "matches", "allumettes"),
        ("Le phoque en caoutchouc garde l'eau dehors.", "The rubber seal keeps water out.", "phoque", "joint"),
        ("Retirez le pin de sécurité.", "Remove the safety pin.", "pin", "goupille"),
        ("Ces courts sèchent vite.", "These shorts dry fast.", "courts", "shorts"),
        ("Le kit comprend un peu de tournevis.", "The kit includes a screwdriver bit.", "peu", "embout"),
        ("Un paquebot de blocage tient la lame.", "A liner lock holds the blade.", "paquebot", "doublure"),
        ("Ce phare à LED se porte sur la tête.", "This LED headlamp is worn on the head.", "phare",
         "lampe frontale"),
        ("Les dentelles des chaussures sont en nylon.", "The shoe laces are nylon.", "dentelles", "lacets"),
        ("La gamme électrique a quatre feux.", "The electric range has four burners.", "gamme", "cuisinière"),
        ("Faites des craquements sur le banc.", "Do crunches on the bench.", "craquements", "abdominaux"),
        ("La station permet les trempettes et les tractions.", "The station allows dips and pull-ups.",
         "trempettes", "dips"),
        ("Cet appel imite une cane.", "This duck call sounds like a hen.", "appel", "appeau"),
        ("Le grenier du sac garde la chaleur.", "The bag's loft keeps the heat.", "grenier", "gonflant"),
        ("Un sac de couchage en bas d'oie.", "A goose down sleeping bag.", "bas", "duvet"),
        ("Un sac sec de 20 litres.", "A 20-liter dry bag.", "sec", "sac étanche"),
        ("Le camion de la planche est en aluminium.", "The skateboard truck is aluminum.", "camion", "essieu"),
        ("Un accroc pour remorque.", "A trailer hitch.", "accroc", "attelage"),
        ("La diapositive verrouille le couvercle.", "The slide locks the lid.", "diapositive", "glissière"),
        ("Une tente libre et légère.", "A light, freestanding tent.", "libre", "autoportant"),
        ("Conçu pour le cycliste sérieux.", "Built for the serious cyclist.", "sérieux", "confirmé"),
        ("Chaque outil est durci pour se lever à son usage.", "Each tool is hardened to stand up to its use.",
         "lever", "résister à"),
        ("Un réchaud pour l'aller.", "A stove for on the go.", "aller", "en déplacement"),
        ("Apprécié des clients du droit.", "Favoured by law enforcement customers.", "droit", "forces de l'ordre"),
        ("Parfait pour un couple de bouteilles.", "Perfect for a couple of bottles.", "couple", "quelques"),
        ("Une pierre amende pour un tranchant de rasoir.", "A fine stone for a razor edge.", "amende", "fin"),
        ("Il renforce les cuisses et le veau.", "It strengthens the thighs and the calf.", "veau", "mollet"),
        ("Une lampe construite dans la poignée.", "A built-in lamp in the handle.", "construite", "intégré"),
        ("Les couteaux portent une garantie à vie.", "The knives carry a lifetime warranty.", "portent",
         "bénéficier de"),
        ("Un excellent choix tout autour pour la pêche.", "A great all-around choice for fishing.", "autour",
         "polyvalent"),
        ("Une surveillance autour de l'horloge.", "Round-the-clock monitoring.", "horloge", "24 heures sur 24"),
        ("Il est bon de le garder autour.", "It is good to keep one around.", "autour", "garder sous la main"),
        ("Un t-shirt plaine en coton.", "A plain cotton t-shirt.", "plaine", "uni"),
        ("Le kit comprend dix cravates en nylon.", "The kit includes ten nylon zip ties.", "cravates", "attaches"),
        ("Un couteau versatile pour le camping.", "A versatile knife for camping.", "versatile", "polyvalent"),
        ("La lame creuse du sol coupe bien.", "The hollow-ground blade cuts well.", "sol", "émoulu"),
        ("Un tissu qui retarde la flamme.", "A flame retardant fabric.", "retarde", "ignifuge"),
        ("Une tente tout objet pour la famille.", "An all-purpose family tent.", "objet", "polyvalent"),
        ("Un couteau grand pour la chasse.", "A knife great for hunting.", "grand", "idéal"),
        ("Les poches obtiennent sur votre chemin.", "The pockets get in the way.", "obtiennent", "gêner"),
        ("Des gants pour une bonne technique de perforation.", "Gloves for proper punching technique.",
         "perforation", "frappe"),
    ],
    ids=["carrying-case", "tent-poles", "swim-trunks", "tent-stakes", "tent-floor", "bike", "weighted-vest",
         "hard-case-as-legal-case", "cup-holder", "lantern-mantle", "tennis-court", "exit-pupil", "rain-fly",
         "tent-poles-as-poles-the-people", "wood-saw",
         "coil-spring", "garment-vents", "crew-socks", "quick-release", "military-issue", "wrist-strain",
         "bed-sheets", "baseball-bat", "tent-walls", "make-up-for", "safe-the-adjective", "tub-floor",
         "lantern-mantle-as-mantis",
         "stake-loops", "gear-as-a-cog", "spotting-scope", "tough-bag", "comfortable-object", "out-of-the-way",
         "running-shoes", "grain-of-salt", "fitted-sheets", "bike-stand", "matches-to-light", "rubber-seal",
         "safety-pin", "shorts", "screwdriver-bit", "liner-lock", "headlamp", "shoe-laces", "kitchen-range",
         "ab-crunches", "dips-on-bars", "duck-call", "sleeping-bag-loft", "goose-down", "dry-bag",
         "skateboard-truck", "trailer-hitch", "slide-of-a-lid", "freestanding-tent", "serious-athletes",
         "stand-up-to", "on-the-go", "law-enforcement", "a-couple-of", "fine-stone", "calf-muscle", "built-in",
         "carries-a-warranty", "all-around", "around-the-clock", "keep-one-around", "plain-t-shirt", "zip-ties",
         "versatile", "hollow-ground", "flame-retardant", "all-purpose", "great-for", "get-in-the-way",
         "punching"],
)
def test_flags_a_word_rendered_in_the_wrong_sense(french: str, english: str, span: str, suggestion: str) -> None:
    flags = sense_flags(french, english)
    assert [flag.span_text for flag in flags] == [span]
    assert suggestion in flags[0].suggestions


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Gardez-la à portée de main au cas où vous en auriez besoin.", "Keep it handy in case you need it."),
        ("En cas d'urgence, allumez la lanterne.", "In case of emergency, turn on the lantern."),
        ("Les aimants ont deux pôles.", "Magnets have two poles."),
        ("Une expédition vers le pôle Nord.", "An expedition to the North Pole."),
        ("Le tronc de l'arbre est creux.", "The tree trunk is hollow."),
        ("Le bureau est au deuxième étage.", "The office is on the second floor."),
        ("Une moto tout-terrain pour les adolescents.", "A dirt bike for teenagers."),
        ("Le cas est simple.", "The trunk is simple."),
        ("Le titulaire de la carte peut l'utiliser.", "The card holder can use it."),
        ("L'affaire a été jugée par la cour.", "The case was heard by the court of appeals."),
        ("Chaque élève de la classe reçoit un livre.", "Each pupil in the class gets a book."),
        ("Une canne à mouche en graphite.", "A graphite fly rod."),
        ("Le tribunal a rejeté l'appel.", "The court rejected the appeal."),
        ("Le conseil d'administration a approuvé la fusion.", "The board approved the merger."),
        ("Le second tour de l'élection aura lieu dimanche.", "The second round of the election is on Sunday."),
        ("L'entreprise a vu ses ventes baisser.", "The company saw its sales fall."),
        ("Les Polonais ont voté dimanche.", "Poles voted on Sunday."),
        ("Les fleurs éclosent au printemps.", "Flowers bloom in the spring."),
        ("La baleine respire par son évent.", "The whale breathes through its vent."),
        ("L'équipage du navire a été secouru.", "The ship's crew was rescued."),
        ("Selon un communiqué, l'entreprise a recruté 200 personnes.",
         "The company hired 200 people, according to a press release."),
        ("La question militaire a dominé le débat.", "The military issue dominated the debate."),
        ("Une nouvelle souche du virus se propage.", "A new strain of the virus is spreading."),
        ("Des draps et une feuille d'instructions.", "Bed sheets and an instruction sheet."),
        ("Les chauves-souris vivent dans les grottes.", "Bats live in caves."),
        ("La Grande Muraille de Chine.", "The Great Wall of China."),
        ("Les étudiants constituent la majorité.", "Students make up the majority."),
        ("Le coffre-fort est fixé au mur.", "The gun safe is bolted to the wall."),
        ("Le vin fermente en cuve.", "The wine ferments in a tub."),
        ("L'avenir de la région est en jeu.", "The region's future is at stake."),
        ("Le pignon arrière a onze dents.", "The rear gear has eleven teeth."),
        ("Le champ d'application de la loi est large.", "The scope of the law is broad."),
        ("Ce fut une décision difficile.", "It was a tough decision."),
        ("Elle se sent à l'aise avec ce choix.", "She feels comfortable with this choice."),
        ("Les voitures se sont écartées de la route.", "The cars moved out of the way."),
        ("Le programme est en cours d'exécution.", "The program is running."),
        ("Ajoutez une pincée de sel.", "Add a pinch of salt."),
        ("Le vélo est monté en usine.", "The bike is fitted at the factory."),
        ("Visitez notre stand au salon.", "Visit our stand at the trade show."),
        ("Les matchs de football ont eu lieu hier.", "The football matches took place yesterday."),
        ("Les phoques vivent sur la banquise.", "Seals live on the Arctic ice."),
        ("Ramassez les aiguilles de pin.", "Pick up the pins and the pine needles."),
        ("Le festival présente des courts métrages.", "The festival shows shorts and films."),
        ("Il est un peu plus long.", "It is a bit longer."),
        ("Le paquebot a traversé l'Atlantique.", "The liner crossed the Atlantic."),
        ("Le phare de la voiture est cassé.", "The car's headlamp is broken."),
        ("Une robe en dentelle.", "A lace dress with laces."),
        ("Une gamme de produits électriques.", "A range of electric products."),
        ("La crise du crédit frappe les banques.", "The credit crunch crunches banks."),
        ("Une trempette pour les chips.", "Dips for chips."),
        ("Un appel téléphonique.", "A phone call."),
        ("Ils vivent dans un loft à Brooklyn.", "They live in a loft in Brooklyn."),
        ("Descendez en bas.", "Go down the stairs."),
        ("Le temps reste sec.", "The weather stays dry."),
        ("Le camion livre les colis.", "The delivery truck drops off the parcels."),
        ("Tout s'est passé sans accroc.", "It went off without a hitch."),
        ("La diapositive montre les ventes.", "The slide in the presentation shows sales."),
        ("Le marché est libre.", "The market is free."),
        ("C'est un candidat sérieux.", "He is a serious candidate."),
        ("Levez-vous pour voter.", "Stand up to vote."),
        ("Il faut aller au magasin.", "You have to go to the store."),
        ("Elle étudie le droit.", "She studies law."),
        ("Le couple s'est marié.", "A couple of friends got married."),
        ("Il a payé une amende.", "He paid a fine."),
        ("Le veau est né hier sur la ferme.", "The calf was born yesterday on the farm."),
        ("La maison a été construite dans les années 1990.", "The house was built in the 1990s."),
        ("Il porte une veste.", "He wears a jacket and carries a bag."),
        ("Ils marchent autour du lac.", "They walk around the lake."),
        ("Une horloge murale.", "A wall clock."),
        ("Gardez la tente autour du feu.", "Keep the tent around the fire."),
        ("Les Grandes Plaines sont immenses.", "The Great Plains are vast, a plain of grass."),
        ("Il porte une cravate avec son costume.", "He wears a tie with his suit."),
        ("L'électorat est versatile.", "The electorate is fickle and versatile."),
        ("Posez le sac sur le sol.", "Put the bag on the ground."),
        ("Le départ a été retardé.", "The fire delayed the start; a retardant was dropped."),
        ("Un objet trouvé.", "A found object with a purpose."),
        ("Un grand sac idéal pour la plage.", "A large bag, great for the beach."),
        ("Il faut obtenir un visa.", "You must obtain a visa to get in."),
        ("La perforation du papier.", "Punch holes in the paper."),
    ],
    ids=["in-case", "in-case-of", "magnet-poles", "north-pole", "tree-trunk", "second-floor", "dirt-bike",
         "english-word-absent", "card-holder", "court-of-law", "school-pupil", "fly-fishing",
         "court-in-the-news", "board-of-a-company", "election-round", "saw-as-a-verb", "poles-the-people",
         "spring-the-season", "whale-vent", "ship-crew", "press-release", "issue-in-a-debate",
         "virus-strain", "instruction-sheet", "bats-the-animals", "great-wall", "make-up-a-majority",
         "a-gun-safe", "a-wine-vat",
         "at-stake", "bike-gear", "scope-of-a-law", "tough-decision", "comfortable-person", "out-of-the-way-of-cars",
         "running-program", "pinch-of-salt", "fitted-not-sheets", "stand-at-a-fair", "football-matches",
         "seals-the-animals", "pine-needles", "short-films", "a-bit", "ocean-liner", "car-headlamp", "lace-dress",
         "range-of-products", "credit-crunch", "dips-for-chips", "phone-call", "loft-apartment", "go-down",
         "dry-weather", "delivery-truck", "without-a-hitch", "presentation-slide", "free-market",
         "serious-candidate", "stand-up", "go-to", "study-law", "married-couple", "pay-a-fine", "calf-on-a-farm",
         "built-in-the-1990s", "carries-a-bag", "around-a-lake", "wall-clock", "keep-around-the-fire",
         "great-plains", "necktie", "versatile-as-fickle", "ground-underfoot", "delayed-start", "found-object",
         "great-for-a-large-bag", "obtain-a-visa", "hole-punch"],
)
def test_leaves_the_right_sense_alone(french: str, english: str) -> None:
    assert sense_flags(french, english) == []


@pytest.mark.parametrize(
    ("french", "english", "span", "suggestion"),
    [
        ("Un gilet pondéré pour la course.", "A weighted vest for running.", "pondéré", "lesté"),
        ("Une balle pondérée de 2 kilos.", "A 2-kilo weighted ball.", "pondérée", "lestée"),
        ("Des plateaux pour les ponts de skateboard.", "Grip tape for skateboard decks.", "ponts", "plateaux"),
    ],
    ids=["masculine-singular", "feminine", "plural-in-x"],
)
def test_suggestions_agree_with_the_word_they_replace(french: str, english: str, span: str, suggestion: str) -> None:
    flags = [flag for flag in sense_flags(french, english) if flag.span_text == span]
    assert flags
    assert suggestion in flags[0].suggestions


def test_every_entry_is_shown_at_its_measured_precision() -> None:
    table = senses()
    assert len(table) >= 10
    assert all(0.7 <= sense.confidence <= 0.9 for sense in table)  # entries under 0.7 stay out of the table


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("cases? | cas | étui | 0.9 | a container.", "expected 6 fields"),
        ("cases?( | cas | | étui | 0.9 | a container.", "not a regular expression"),
        ("cases? | cas | | étui | high | a container.", "must be a number"),
    ],
    ids=["missing-field", "bad-pattern", "bad-confidence"],
)
def test_a_malformed_entry_says_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_line(line, "senses.txt:1")


def test_an_empty_unless_field_leaves_the_word_always_flagged(tmp_path: Path) -> None:
    table = tmp_path / "senses.txt"
    table.write_text("# one entry\ncanteens? | cantine | | gourde | 0.7 | a canteen to drink from.\n", encoding="utf-8")
    (entry,) = senses(table)
    assert entry.unless is None
    assert entry.french == frozenset({"cantine"})
