"""Which territory, which population and who speaks when a message names several places or none:
a labelled table of first messages, written before the rules it checks, SMS style without accents
for a third. Each row: the text, the applicant type expected (None: none said), the places the
speaker's project covers as « kind:code » (homonyms asked about as « a|b »; [] none) and the
population (None: that of the places, from the index; an int: stated by the user).

The expected place is the speaker's territory, not every place named: a commune's EPCI or département
said with it, a partner city, a meeting place, a ministry's seat, a place in a date or a booking."""
import pytest

from orientation import entities
from orientation.language.normalise import normalise, with_capitals
from orientation.territories import load_index
from orientation.territories.coverage import coverage, decode

CREST, CC_CREST, DROME = "commune:26108", "epci:200040509", "departement:26"
AUCH, GRAND_AUCH, GERS = "commune:32013", "epci:200066926", "departement:32"
VANNES, GMVA, MORBIHAN = "commune:56260", "epci:200067932", "departement:56"
RENNES, RENNES_MET, BRETAGNE = "commune:35238", "epci:243500139", "region:53"
TARBES, TLP, HPYR = "commune:65440", "epci:200069300", "departement:65"
RODEZ, RODEZ_AGGLO = "commune:12202", "epci:241200187"
PAU, PBP, PYRATL = "commune:64445", "epci:200067254", "departement:64"
LYON, MET_LYON, RHONE = "commune:69123", "epci:200046977", "departement:69"
BORDEAUX, BX_MET, GIRONDE = "commune:33063", "epci:243300316", "departement:33"
NANTES, NANTES_MET = "commune:44109", "epci:244400404"
LILLE, MEL, NORD, PDC = "commune:59350", "epci:200093201", "departement:59", "departement:62"
QUIMPER, QBO = "commune:29232", "epci:200068120"
ANNECY, GRAND_ANNECY, HSAVOIE = "commune:74010", "epci:200066793", "departement:74"
CHAMBERY, GRAND_CHAMBERY, SAVOIE = "commune:73065", "epci:200069110", "departement:73"
DIJON, DIJON_MET = "commune:21231", "epci:242100410"
POITIERS, GRAND_POITIERS = "commune:86194", "epci:200069854"
NIORT, NIORTAIS = "commune:79191", "epci:200041317"
MACON, MBA = "commune:71270", "epci:200070308"
AGEN, AGEN_AGGLO = "commune:47001", "epci:200096956"
GAP, GTD, HALPES = "commune:05061", "epci:200067825", "departement:05"
FIGEAC, GRAND_FIGEAC, LOT = "commune:46102", "epci:200067361", "departement:46"
ALBI, C2A, TARN = "commune:81004", "epci:248100737", "departement:81"
CANTAL = "departement:15"
FDF, CACEM, MARTINIQUE = "commune:97209", "epci:249720061", "departement:972"
CAYENNE, CACL, GUYANE = "commune:97302", "epci:249730045", "departement:973"
REUNION, GUADELOUPE, MAYOTTE = "departement:974", "departement:971", "departement:976"
MARIE_GALANTE = "epci:249710047"
OCCITANIE, HDF, ARA, IDF = "region:76", "region:32", "region:84", "region:11"
PAYS_BASQUE, PAYS_GEX, DUNKERQUE, AVIGNON = "epci:200067106", "epci:240100750", "epci:245900428", "epci:248400251"
STRASBOURG = "epci:246700488"
COEUR_SAVOIE, GOLFE = "epci:200041010", GMVA
MONTREUIL = "commune:93048"
SAINT_DENIS = "commune:97411|commune:93066|commune:11339|commune:30247"
VALENCE = "commune:26362"

ROWS = [
    # --- one place, the speaker's, as a baseline
    ("je suis à la mairie de Crest", "commune", [CREST], None),
    ("bjr c la mairie de crest", "commune", [CREST], None),
    ("Bonjour, je suis chargée de mission à la ville de Tarbes", "commune", [TARBES], None),
    ("slt jsuis agent a la mairie de tarbes", "commune", [TARBES], None),
    ("Nous sommes la communauté de communes du Crestois", "epci", [CC_CREST], None),
    ("on est la comcom du crestois", "epci", [CC_CREST], None),
    ("DSI du conseil départemental du Gers", "departement", [GERS], None),
    ("dsi du cd32", "departement", [GERS], None),
    ("Je travaille à la région Occitanie", "region", [OCCITANIE], None),
    ("je bosse a la region occitanie", "region", [OCCITANIE], None),
    ("Rennes Métropole, direction du numérique", "epci", [RENNES_MET], None),
    ("c rennes metropole", "epci", [RENNES_MET], None),
    ("La mairie de Rodez souhaite dématérialiser ses démarches", "commune", [RODEZ], None),
    ("mairie de rodez on veut dematerialiser", "commune", [RODEZ], None),
    ("Je suis à l'agglo de Mâcon", "epci", [MBA], None),
    ("je suis a lagglo de macon", "epci", [MBA], None),
    ("Conseil départemental du Cantal, projet de portail usagers", "departement", [CANTAL], None),
    ("cd du cantal projet portail", "departement", [CANTAL], None),
    ("Mairie de Figeac, 10 000 habitants", "commune", [FIGEAC], 10000),
    ("mairie de figeac 10000 hab", "commune", [FIGEAC], 10000),

    # --- several places: the speaker's commune with its EPCI or its département
    ("Je suis à la mairie de Crest, dans la CC du Crestois, dans la Drôme", "commune", [CREST], None),
    ("mairie de crest, cc du crestois, drome", "commune", [CREST], None),
    ("La ville d'Auch, membre du Grand Auch Coeur de Gascogne, dans le Gers", "commune", [AUCH], None),
    ("ville d auch membre de l agglo du grand auch dans le gers", "commune", [AUCH], None),
    ("Nous sommes la commune de Vannes (Morbihan)", "commune", [VANNES], None),
    ("on est la commune de vannes dans le morbihan", "commune", [VANNES], None),
    ("Je suis à la mairie de Pau, qui fait partie de l'agglo Pau Béarn Pyrénées", "commune", [PAU], None),
    ("mairie de pau, on fait partie de l agglo pau bearn pyrenees", "commune", [PAU], None),
    ("Je suis à la communauté d'agglomération Tarbes-Lourdes-Pyrénées, dans les Hautes-Pyrénées", "epci", [TLP], None),
    ("on est l agglo tarbes lourdes pyrenees (65)", "epci", [TLP], None),
    ("Agglo de Gap, Hautes-Alpes", "epci", [GTD], None),
    ("lagglo de gap dans les hautes alpes", "epci", [GTD], None),
    ("la CC du Grand-Figeac dans le Lot", "epci", [GRAND_FIGEAC], None),
    ("cc du grand figeac dans le lot", "epci", [GRAND_FIGEAC], None),
    ("Mairie d'Albi, dans le Tarn, en Occitanie", "commune", [ALBI], None),
    ("mairie d albi dans le tarn en occitanie", "commune", [ALBI], None),
    ("Je suis DGS de la ville de Chambéry, en Savoie", "commune", [CHAMBERY], None),
    ("dgs ville de chambery en savoie", "commune", [CHAMBERY], None),
    ("Ville d'Annecy, Haute-Savoie, région Auvergne-Rhône-Alpes", "commune", [ANNECY], None),
    ("Mairie de Quimper, dans le Finistère, on travaille avec Quimper Bretagne Occidentale", "commune", [QUIMPER], None),
    ("Le département du Gers, pour les 461 communes du Gers", "departement", [GERS], None),
    ("conseil departemental du gers, projet pour toutes les communes du departement", "departement", [GERS], None),
    ("Commune de Niort, au sein de la CA du Niortais", "commune", [NIORT], None),
    ("commune de niort au sein de l agglo du niortais", "commune", [NIORT], None),
    ("Région Bretagne, siège à Rennes", "region", [BRETAGNE], None),
    ("region bretagne, on est basés a rennes", "region", [BRETAGNE], None),
    ("Je suis au CD du Rhône, à Lyon", "departement", [RHONE], None),
    ("Mairie de Lyon, dans la Métropole de Lyon", "commune", [LYON], None),
    ("Métropole de Lyon, direction de l'innovation numérique", "epci", [MET_LYON], None),
    ("Bordeaux Métropole, pour ses 28 communes", "epci", [BX_MET], None),
    ("bordeaux metropole pour nos 28 communes", "epci", [BX_MET], None),

    # --- the project covers several places (they add up)
    ("La préfecture du Nord, le projet couvre le Nord et le Pas-de-Calais", "service_deconcentre", [NORD, PDC], None),
    ("Le projet couvre le Nord et le Pas-de-Calais", None, [NORD, PDC], None),
    ("le projet couvre le nord et le pas de calais", None, [NORD, PDC], None),
    ("Région Hauts-de-France", "region", [HDF], None),

    # --- partner cities, models, a meeting place, a ministry's seat
    ("Mairie de Crest, en partenariat avec la ville de Valence", "commune", [CREST], None),
    ("mairie de crest en partenariat avec la ville de valence", "commune", [CREST], None),
    ("Je suis à la mairie de Tarbes, on veut faire comme la ville de Pau", "commune", [TARBES], None),
    ("mairie de tarbes on veut faire comme la ville de pau", "commune", [TARBES], None),
    ("L'agglo de Vannes veut étendre son outil à la métropole de Lyon", "epci", [GMVA], None),
    ("lagglo de vannes veut etendre son outil a la metropole de lyon", "epci", [GMVA], None),
    ("Ville de Niort, avec Nantes Métropole comme partenaire", "commune", [NIORT], None),
    ("CD du Cantal, avec le département du Lot", "departement", [CANTAL], None),
    ("cd du cantal avec le departement du lot", "departement", [CANTAL], None),
    ("Je suis au ministère de l'Intérieur, place Beauvau à Paris", "administration_centrale", [], None),
    ("je suis au ministere de l interieur a paris", "administration_centrale", [], None),
    ("Ministère de la Culture, notre siège est à Paris", "administration_centrale", [], None),
    ("ministere de la culture, siege a paris", "administration_centrale", [], None),
    ("Je suis à la DNUM du ministère des Armées, on a une réunion à Lyon", "administration_centrale", [], None),
    ("dnum des armees, reunion a lyon la semaine pro", "administration_centrale", [], None),
    ("On est France Travail, on a un atelier à Bordeaux", "operateur_etat", [], None),
    ("france travail, atelier a bordeaux mardi", "operateur_etat", [], None),
    ("Je suis à l'université de Bordeaux", "operateur_etat", [], None),
    ("Je suis à l'INSEE, la réunion aura lieu à Lille", "operateur_etat", [], None),
    ("insee, reunion a lille", "operateur_etat", [], None),
    ("Je suis au ministère de l'Agriculture, je me déplace à Tarbes jeudi", "administration_centrale", [], None),
    ("ministere de l agriculture, je serai a tarbes jeudi", "administration_centrale", [], None),
    ("Je suis à la DINUM, un collègue de Rennes m'a parlé de vous", "administration_centrale", [], None),
    ("ministère des Finances, on a un site à Nantes", "administration_centrale", [], None),
    ("Association d'insertion, on travaille avec la mairie de Crest", "association", [], None),
    ("asso d insertion on bosse avec la mairie de crest", "association", [], None),
    ("Une start-up qui travaille pour la métropole de Lyon", "entreprise", [], None),

    # --- State services and operators: covering a named territory, or none
    ("Je suis à la DDT du Gers", "service_deconcentre", [GERS], None),
    ("la ddt du gers", "service_deconcentre", [GERS], None),
    ("DDT 32", "service_deconcentre", [GERS], None),
    ("ddt32", "service_deconcentre", [GERS], None),
    ("La DREAL Occitanie", "service_deconcentre", [OCCITANIE], None),
    ("dreal occitanie", "service_deconcentre", [OCCITANIE], None),
    ("Je suis à la préfecture de Pau", "service_deconcentre", [PYRATL], None),
    ("pref de pau", "service_deconcentre", [PYRATL], None),
    ("Préfecture du Cantal", "service_deconcentre", [CANTAL], None),
    ("pref du cantal", "service_deconcentre", [CANTAL], None),
    ("La DDT de Valence", "service_deconcentre", [DROME], None),
    ("Le rectorat de la Martinique", "service_deconcentre", [MARTINIQUE], None),
    ("la DDFiP de la Gironde", "service_deconcentre", [GIRONDE], None),
    ("ddfip gironde", "service_deconcentre", [GIRONDE], None),
    ("Je suis à la préfecture, notre réunion de lancement a eu lieu à Lyon", "service_deconcentre", [], None),
    ("Je suis au SGAR, basé à Lyon", "service_deconcentre", [], None),
    # an operator's or a hospital's place says where it sits, not whom the project serves: none unless
    # said covered (no call of theirs depends on a population)
    ("France Travail, direction régionale Occitanie", "operateur_etat", [], None),
    ("Je suis à la CAF du Gers", "operateur_etat", [], None),
    ("caf du gers", "operateur_etat", [], None),
    ("Je suis à la CPAM de la Drôme", "operateur_etat", [], None),
    ("Je suis à l'ARS Occitanie", "operateur_etat", [], None),
    ("ars occitanie", "operateur_etat", [], None),
    ("l'ARS Occitanie, le projet couvre l'Occitanie", "operateur_etat", [OCCITANIE], None),
    ("Je suis responsable SI de l'EHPAD public de Mauriac (Cantal)", "etablissement_public_sante", [], None),
    ("chu de rennes, le projet couvre toute la bretagne", "etablissement_public_sante", [BRETAGNE], None),
    ("je suis un simple habitant de Rennes, j'ai une idée d'appli", "particulier", [], None),
    # a State service's own area gives way to the area the project is said to cover
    ("je suis à la DREAL Hauts-de-France, le projet couvre le Nord et le Pas-de-Calais", "service_deconcentre",
     [NORD, PDC], None),
    ("Je suis au ministère de la Santé, le projet couvre la région Occitanie", "administration_centrale", [OCCITANIE], None),
    ("La préfecture de région Bretagne, réunion à Paris la semaine prochaine", "service_deconcentre", [BRETAGNE], None),
    ("Je suis au rectorat, on a un rendez-vous à Paris", "service_deconcentre", [], None),
    ("rectorat, rdv a paris", "service_deconcentre", [], None),

    # --- homonyms, with and without a département's number
    ("Mairie de Saint-Denis", "commune", [SAINT_DENIS], None),
    ("mairie de st denis", "commune", [SAINT_DENIS], None),
    ("Mairie de Saint-Denis (93)", "commune", ["commune:93066"], None),
    ("mairie de st denis 93", "commune", ["commune:93066"], None),
    ("La mairie de Saint-Denis, à La Réunion", "commune", ["commune:97411"], None),
    ("mairie de st denis a la reunion", "commune", ["commune:97411"], None),
    ("Ville de Montreuil (93)", "commune", [MONTREUIL], None),
    ("ville de montreuil 93", "commune", [MONTREUIL], None),
    ("Mairie de Valence, dans la Drôme", "commune", [VALENCE], None),
    ("mairie de valence 26", "commune", [VALENCE], None),
    ("Mairie de Valence", "commune", ["commune:26362|commune:82186|commune:16392"], None),

    # --- EPCI names holding a commune's or a département's name
    ("CA Golfe du Morbihan - Vannes Agglomération", "epci", [GMVA], None),
    ("golfe du morbihan vannes agglo", "epci", [GMVA], None),
    ("Je suis à Vannes Agglo", "epci", [GMVA], None),
    ("CC Coeur de Savoie", "epci", [COEUR_SAVOIE], None),
    ("cc coeur de savoie", "epci", [COEUR_SAVOIE], None),
    ("CC du Crestois et de Pays de Saillans Coeur de Drôme", "epci", [CC_CREST], None),
    ("Tarbes-Lourdes-Pyrénées agglomération", "epci", [TLP], None),
    ("Rodez Agglomération", "epci", [RODEZ_AGGLO], None),
    ("rodez agglo", "epci", [RODEZ_AGGLO], None),
    ("Dijon Métropole", "epci", [DIJON_MET], None),
    ("la CA du Pays Basque", "epci", [PAYS_BASQUE], None),
    ("agglo pays basque", "epci", [PAYS_BASQUE], None),
    ("CA du Pays de Gex", "epci", [PAYS_GEX], None),
    ("l'Eurométropole de Strasbourg", "epci", [STRASBOURG], None),
    ("Grand Poitiers", "epci", [GRAND_POITIERS], None),

    # --- the legal forms: agglo, CA, CC, CU, métropole, interco
    ("la CU de Dunkerque", "epci", [DUNKERQUE], None),
    ("cu de dunkerque", "epci", [DUNKERQUE], None),
    ("la CA du Grand Avignon", "epci", [AVIGNON], None),
    ("ca du grand avignon", "epci", [AVIGNON], None),
    ("l'interco du Pays de Gex", "epci", [PAYS_GEX], None),
    ("linterco du pays de gex", "epci", [PAYS_GEX], None),
    ("Je suis à la métropole de Lyon", "epci", [MET_LYON], None),
    ("je suis a la metropole de lyon", "epci", [MET_LYON], None),
    ("Nous sommes Nantes Métropole", "epci", [NANTES_MET], None),
    ("c nantes metropole", "epci", [NANTES_MET], None),
    ("La MEL", "epci", [MEL], None),
    ("Je suis à l'agglo d'Agen", "epci", [AGEN_AGGLO], None),
    ("agglo d agen", "epci", [AGEN_AGGLO], None),
    ("l'agglo d'Albi", "epci", [C2A], None),
    ("comcom du grand figeac", "epci", [GRAND_FIGEAC], None),
    ("Communauté urbaine du Grand Poitiers", "epci", [GRAND_POITIERS], None),
    ("l'Agglo du Grand Annecy", "epci", [GRAND_ANNECY], None),
    ("agglo grand chambery", "epci", [GRAND_CHAMBERY], None),

    # --- overseas
    ("Mairie de Fort-de-France", "commune", [FDF], None),
    ("mairie de fort de france", "commune", [FDF], None),
    ("La CACEM", "epci", [CACEM], None),
    ("Mairie de Cayenne, en Guyane", "commune", [CAYENNE], None),
    ("mairie de cayenne", "commune", [CAYENNE], None),
    ("la CACL", "epci", [CACL], None),
    ("Collectivité territoriale de Martinique", "collectivite_outre_mer", [MARTINIQUE], None),
    ("collectivite territoriale de martinique", "collectivite_outre_mer", [MARTINIQUE], None),
    ("Collectivité territoriale de Guyane", "collectivite_outre_mer", [GUYANE], None),
    ("Conseil départemental de La Réunion", "departement", [REUNION], None),
    ("cd de la reunion", "departement", [REUNION], None),
    ("la CC de Marie-Galante, en Guadeloupe", "epci", [MARIE_GALANTE], None),
    ("cc de marie galante", "epci", [MARIE_GALANTE], None),
    ("Conseil départemental de Mayotte", "departement", [MAYOTTE], None),
    ("Région Guadeloupe", "region", ["region:01"], None),

    # --- places in a time or a booking context
    ("On se voit à la réunion de lundi ?", None, [], None),
    ("on se voit a la reunion de lundi", None, [], None),
    ("je peux pas venir a la reunion de mardi", None, [], None),
    ("La réunion de jeudi à 14h est annulée", None, [], None),
    ("c pour la reunion du 12", None, [], None),
    ("Je suis à la mairie de Crest, on en parle à la réunion de lundi", "commune", [CREST], None),
    ("mairie de crest, on en parle a la reunion de lundi", "commune", [CREST], None),
    ("Le RDV est à 10h heure de Paris ?", None, [], None),
    ("rdv a 10h heure de paris", None, [], None),
    ("Je serai à Lyon ce jour-là, on peut faire en visio ?", None, [], None),
    ("je serai a lyon mardi, visio possible ?", None, [], None),
    ("Le projet ressemble au métro de Lyon", None, [], None),
    ("on veut une appli comme le metro de lyon", None, [], None),
    ("Je prends le métro de Lyon pour venir", None, [], None),
    ("le tram de bordeaux c pas nous", None, [], None),

    # --- the speaker's structure described, no territory
    ("On est un truc entre plusieurs communes", None, [], None),
    ("on est un truc entre plusieurs communes", None, [], None),
    ("Nous sommes un syndicat mixte entre plusieurs communes du Gers", "groupement_collectivites", [], None),
    ("syndicat entre plusieurs communes du gers", "groupement_collectivites", [], None),
    ("On est un SIVU de 5 communes", "groupement_collectivites", [], None),
    ("une petite commune rurale du Gers", "commune", [], None),
    ("petite commune du gers", "commune", [], None),
    ("Je suis à la mairie", "commune", [], None),
    ("je suis a la mairie", "commune", [], None),
    ("c une cc", "epci", [], None),
    ("Nous sommes une communauté d'agglomération", "epci", [], None),
    ("Je suis au conseil départemental", "departement", [], None),

    # --- nothing at all
    ("Bonjour", None, [], None),
    ("bjr", None, [], None),
    ("Quels appels à projets sont ouverts ?", None, [], None),
    ("c quoi les aap ouverts", None, [], None),
    ("Notre projet coûte 300 000 €", None, [], None),
    ("projet a 300k", None, [], None),
    ("On veut ouvrir nos données", None, [], None),
    ("on veut ouvrir nos donnees", None, [], None),
    ("Merci beaucoup", None, [], None),
    ("je voudrais prendre rdv", None, [], None),
    ("C'est ouvert aux associations ?", None, [], None),
    ("c ouvert aux communes ?", None, [], None),

    # --- stated figures with the place
    ("Mairie de Crest, on est 9 000 habitants", "commune", [CREST], 9000),
    ("mairie de crest on est 9000 hab", "commune", [CREST], 9000),
    ("Agglo de Vannes, 170 000 habitants", "epci", [GMVA], 170000),

    # --- two carriers named together: neither is read as the applicant without asking
    ("On est la commune et l'agglo de Vannes, projet commun", None, [GMVA], None),
    ("on est la commune et l agglo de vannes", None, [GMVA], None),
    ("la commune et la cc portent le projet ensemble", None, [], None),
    ("c la mairie et la comcom du crestois", None, [CC_CREST], None),

    # --- the applicant type in SMS style for a commune and an EPCI
    ("ns sommes une commune de 3000 hab", "commune", [], 3000),
    ("on est l interco", "epci", [], None),
    ("jsuis a la comcom", "epci", [], None),
    ("c la comcom du crestois ici", "epci", [CC_CREST], None),
    ("ici la mairie de crest", "commune", [CREST], None),
    ("de la part de la mairie de tarbes", "commune", [TARBES], None),
    ("je vous ecris de la part de l agglo de gap", "epci", [GTD], None),
    ("c 1 petite commune", "commune", [], None),
    ("on est 1 cc rurale", "epci", [], None),

    # --- a second batch, written after the first measure, with other wordings of the same categories
    ("c une cdc", "epci", [], None),
    ("on est une cdc de 12 communes", "epci", [], None),
    ("jsuis a la cdc", "epci", [], None),
    ("on est une com de com", "epci", [], None),
    ("la cdc du crestois", "epci", [CC_CREST], None),
    ("on a fini le cdc du projet", None, [], None),
    ("Je suis au ministère de la Transition écologique, on a une antenne en Bretagne", "administration_centrale", [],
     None),
    ("ministere des armees, siege en ile de france", "administration_centrale", [], None),
    ("on est un operateur national, notre siege est en occitanie", "operateur_etat", [], None),
    ("je suis a l ademe, on est bases en nouvelle aquitaine", "operateur_etat", [], None),
    ("Je suis à l'ANCT, on a un atelier en Grand Est", "operateur_etat", [], None),
    ("dnum interieur, test en normandie", "administration_centrale", [], None),
    ("ministere de la justice, pilote en hauts de france", "administration_centrale", [], None),
    ("on est une universite en occitanie", "operateur_etat", [], None),
    ("La DREAL, on travaille sur toute la région Bretagne", "service_deconcentre", [BRETAGNE], None),
    ("ministère de la santé, le projet couvre l'Occitanie", "administration_centrale", [OCCITANIE], None),
    ("caf 32", "operateur_etat", [], None),
    ("la prefecture de la Gironde, reunion a Paris", "service_deconcentre", [GIRONDE], None),
    ("Je suis au conseil départemental, en Gironde", "departement", [GIRONDE], None),
    ("Ville de Tarbes, on est dans l'agglo Tarbes-Lourdes-Pyrénées", "commune", [TARBES], None),
    ("mairie de gap, ds les hautes alpes, region paca", "commune", [GAP], None),
    ("on est la mairie d annecy, on fait partie du grand annecy", "commune", [ANNECY], None),
    ("CC du Crestois, communes membres dont Crest", "epci", [CC_CREST], None),
    ("la reunion de lancement c quand ?", None, [], None),
    ("on a une réunion demain avec la DDT", None, [], None),
    ("la ville de Crest et l'agglo portent ensemble le projet", None, [CREST], None),
    ("jsuis dgs dune cc", "epci", [], None),
    ("je suis le maire dun village", "commune", [], None),
    ("c la comm com", "epci", [], None),
    ("region bzh", "region", [BRETAGNE], None),
    ("Ville de Brest et Brest métropole", None, ["epci:242900314"], None),
    ("c la ville de rodez et rodez agglo", None, [RODEZ_AGGLO], None),
    ("on est la commune de crest, le projet est porte par la cc", "epci", [], None),
    ("la ville de Crest et la CC du Crestois", None, [CC_CREST], None),
    ("je suis a la ctm", "collectivite_outre_mer", [MARTINIQUE], None),
    ("La CTG, direction du numérique", "collectivite_outre_mer", [GUYANE], None),
    ("Conseil régional de Guyane", "collectivite_outre_mer", ["region:03"], None),
    ("la cne de crest", "commune", [CREST], None),
    ("une cne rurale", "commune", [], None),
    ("on est une aglo", "epci", [], None),
    ("l'aglo de vannes", "epci", [GMVA], None),
    ("on est une petite cc de 8000 hab", "epci", [], 8000),
    ("cté de cnes", "epci", [], None),
    ("on est l'intercom du crestois", "epci", [CC_CREST], None),
    ("je suis au CNES", "operateur_etat", [], None),
    ("Le projet couvre Lille et la MEL", None, [MEL], None),
    ("Mairie de Crest, en partenariat avec la ville et l'agglo de Vannes", "commune", [CREST], None),
    ("mairie de crest, avec la ville et lagglo de vannes", "commune", [CREST], None),
    ("Je travaille en mairie à Crest", "commune", [CREST], None),
    ("secrétaire de mairie à Crest", "commune", [CREST], None),
    ("agent à la mairie, à Tarbes", "commune", [TARBES], None),
    ("je suis a la mairie a st jean de luz", "commune", ["commune:64483"], None),
    ("je travaille en mairie à Saint-Denis", "commune", [SAINT_DENIS], None),
    ("la mairie a besoin d'aide", "commune", [], None),
    ("mairie, a Paris pour la reunion", "commune", [], None),
    # --- a town's council, services or deputy, named without the word commune
    ("services municipaux de Tarbes, on veut un portail famille", "commune", [TARBES], None),
    ("le conseil municipal de Crest a vote le projet", "commune", [CREST], None),
    ("service municipal de Rodez, projet de guichet unique", "commune", [RODEZ], None),
    ("adjointe au numerique a Quimper", "commune", [QUIMPER], None),
    ("on est un petit bourg de 1 500 habitants", "commune", [], 1500),
]


def read(text):
    """(applicant type, places, population) as the NLU reads the message and the profile action
    fills the slots (addons/components/entity_extractors.py): a figure stated wins, else the places' population; homonyms give none."""
    index = load_index()
    text = with_capitals(normalise(text), text)  # as the NLU's extractors read it (SMS forms, « 40ke »)
    speaker = [e["value"] for e in entities.lexicon_entities(text)
               if e["entity"] == "applicant_type" and not e.get("role")]
    places = [e["value"] for e in entities.territory_entities(text)]
    stated = [e["value"] for e in entities.amount_entities(text) if e["entity"] == "population"]
    places = list(dict.fromkeys(places))  # a place named twice is counted once, as the action does
    covered = None if any("|" in p for p in places) else coverage(t for p in places for t in decode(p, index))
    population = stated[0] if stated else covered.population if covered else None
    return (speaker[0] if speaker else None), sorted(places), population


def expected(row):
    _, applicant, places, population = row
    if population is None and places and not any("|" in p for p in places):
        population = coverage(t for p in places for t in decode(p, load_index())).population
    return applicant, sorted(places), population


def measure():
    """Rows right by field, for the report: python -m tests.territories.test_places_table."""
    right = {"applicant_type": 0, "place": 0, "population": 0, "all": 0}
    for row in ROWS:
        got, want = read(row[0]), expected(row)
        for k, field in enumerate(("applicant_type", "place", "population")):
            right[field] += got[k] == want[k]
        right["all"] += got == want
    return right, len(ROWS)


# Rows the rules do not read yet; each is a known gap, not a wish. « pour la reunion » in lower case
# with nothing after is the island as well as a meeting (« un projet pour la Réunion »). A deputy
# mayor « à Quimper » is a commune, but « adjoint » alone is also a State service's deputy director.
NOT_YET = {"mairie, a Paris pour la reunion"}


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0][:60], marks=[pytest.mark.xfail(strict=True)]
                                              if r[0] in NOT_YET else []) for r in ROWS])
def test_the_speaker_their_territory_and_its_population(row):
    assert read(row[0]) == expected(row)


def test_the_table_is_a_third_sms():
    sms = [r for r in ROWS if r[0] == r[0].lower() and r[0].isascii()]
    assert len(ROWS) >= 200 and len(sms) * 3 >= len(ROWS)


if __name__ == "__main__":
    found, total = measure()
    print(total, "rows;", ", ".join(f"{k} {v}/{total}" for k, v in found.items()))

