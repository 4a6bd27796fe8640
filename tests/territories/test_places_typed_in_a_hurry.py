"""Places as people type them in a first SMS: typos after a word that announces a place, the
abbreviations inside names, the apostrophe or the article left out, the area said after a commune
in words, and a body said to cover a whole département. A labelled table written before the rules,
in the format of test_places_table.py (text, applicant type, places as « kind:code », population:
None for the places' own), with negatives: words a tolerant match must not turn into a place.

Its figures, right by field: python -m tests.territories.test_places_typed_in_a_hurry."""
import time

import pytest

from orientation.territories import find, load_index
from tests.territories.test_places_table import expected, read

MONTPELLIER, TOULOUSE, BORDEAUX, MARSEILLE = "commune:34172", "commune:31555", "commune:33063", "commune:13055"
NANTES, STRASBOURG, PERPIGNAN, GRENOBLE = "commune:44109", "commune:67482", "commune:66136", "commune:38185"
SAINT_ETIENNE, AJACCIO, ORLEANS, ARRAS = "commune:42218", "commune:2A004", "commune:45234", "commune:62041"
AIX, SALON, CHALON, LA_ROCHE = "commune:13001", "commune:13103", "commune:71076", "commune:85191"
GRAND_QUEVILLY, GRANDE_SYNTHE, MONT_DE_MARSAN = "commune:76322", "commune:59271", "commune:40192"
ABYMES, SAINT_DENIS_974, SAINT_PAUL_974, SAINT_PIERRE_972 = "commune:97101", "commune:97411", "commune:97415", "commune:97225"
BAIE_MAHAULT, SCHOELCHER, KOUROU, MAMOUDZOU = "commune:97103", "commune:97229", "commune:97304", "commune:97611"
CAYENNE, POINTE_A_PITRE, LE_TAMPON, FDF = "commune:97302", "commune:97120", "commune:97422", "commune:97209"
CORREZE, MANCHE, CANTAL, GIRONDE, FINISTERE = "departement:19", "departement:50", "departement:15", "departement:33", "departement:29"
REUNION, GUADELOUPE = "departement:974", "departement:971"
REGION_REUNION, REGION_GUADELOUPE, OCCITANIE, BRETAGNE = "region:04", "region:01", "region:76", "region:53"
MTP_MET, CRESTOIS = "epci:243400017", "epci:200040509"
RENNES, LIMOGES, DIJON, BESANCON = "commune:35238", "commune:87085", "commune:21231", "commune:25056"
VILLEURBANNE, ANGOULEME, POITIERS, CLERMONT = "commune:69266", "commune:16015", "commune:86194", "commune:63113"

ROWS = [
    # --- a typo in the name after the word that announces it
    ("mairie de montpelier", "commune", [MONTPELLIER], None),
    ("bjr c la mairie de montpelier on veut un portail", "commune", [MONTPELLIER], None),
    ("ville de toulous", "commune", [TOULOUSE], None),
    ("slt ville de toulous, projet de guichet en ligne", "commune", [TOULOUSE], None),
    ("commune de bordeau", "commune", [BORDEAUX], None),
    ("jsuis a la commune de bordeau", "commune", [BORDEAUX], None),
    ("mairie de marseile", "commune", [MARSEILLE], None),
    ("Bonjour, mairie de Marseile, on veut dématérialiser l'état civil", "commune", [MARSEILLE], None),
    ("mairie de nante", "commune", [NANTES], None),
    ("on est la ville de strasbour", "commune", [STRASBOURG], None),
    ("ville de perpigan", "commune", [PERPIGNAN], None),
    ("ville de grenobl, service numerique", "commune", [GRENOBLE], None),
    ("mairie de st etiene", "commune", [SAINT_ETIENNE], None),
    ("Mairie de Saint-Etiene, DSI", "commune", [SAINT_ETIENNE], None),
    ("c la mairie de renes", "commune", [RENNES], None),
    ("mairie de limoge", "commune", [LIMOGES], None),
    ("ville de dijont", "commune", [DIJON], None),
    ("mairie de besancon", "commune", [BESANCON], None),
    ("mairie de besanson", "commune", [BESANCON], None),
    ("ville de villeurbane", "commune", [VILLEURBANNE], None),
    ("mairie d angoulem", "commune", [ANGOULEME], None),
    ("ville de poitier", "commune", [POITIERS], None),
    ("mairie de clermont ferrant", "commune", [CLERMONT], None),
    ("mairie de montpelier 300000 hab", "commune", [MONTPELLIER], 300000),
    ("le maire de toulous", "commune", [TOULOUSE], None),
    ("cd de la coreze", "departement", [CORREZE], None),
    ("conseil departemental du finisterre", "departement", [FINISTERE], None),
    ("region occitani", "region", [OCCITANIE], None),
    ("je bosse a la region bretagn", "region", [BRETAGNE], None),
    ("agglo de montpelier", "epci", [MTP_MET], None),
    ("mairie de kouru guyane", "commune", [KOUROU], None),
    ("mairie de mamoudzu", "commune", [MAMOUDZOU], None),
    ("ville de cayene", "commune", [CAYENNE], None),
    ("mairie de schoelcer", "commune", [SCHOELCHER], None),
    # --- a typo in the word that announces the place, the one the lexicon tolerates in the body's word
    ("comune de tarbes", "commune", ["commune:65440"], None),
    ("bjr c la comune de crest", "commune", ["commune:26108"], None),
    ("comunaute de communes du crestois", "epci", [CRESTOIS], None),
    ("communaute de comunes du crestois, on veut un portail", "epci", [CRESTOIS], None),
    ("conseil regionnal de bretagne", "region", [BRETAGNE], None),
    ("conseil departemantal du cantal", "departement", [CANTAL], None),
    ("municipalite de crest", "commune", ["commune:26108"], None),
    ("municipalitee de crest", "commune", ["commune:26108"], None),
    # --- the apostrophe of « d' » left out, as on a phone
    ("mairie dajaccio", "commune", [AJACCIO], None),
    ("commune dorleans", "commune", [ORLEANS], None),
    ("bjr mairie darras", "commune", [ARRAS], None),
    # --- the commune after « à », in lower case, when its name is no French word
    ("jsuis secretaire de mairie a tarbes", "commune", ["commune:65440"], None),
    ("je bosse a la mairie a crest", "commune", ["commune:26108"], None),
    ("conseiller municipal a crest", "commune", ["commune:26108"], None),
    ("adjoint au maire a tarbes", "commune", ["commune:65440"], None),
    ("c la mairie, on est a tarbes", "commune", ["commune:65440"], None),
    ("commune nouvelle de val de briey", "commune", ["commune:54099"], None),
    ("agent a la mairie a temps partiel", "commune", [], None),
    ("je travaille a la mairie a mi temps", "commune", [], None),
    ("je suis a la mairie a cote de lyon", "commune", [], None),
    # --- the commune's name first, then its town hall's word; a trigger's word after a trigger
    ("tarbes, mairie", "commune", ["commune:65440"], None),
    ("hello c tarbes mairie", "commune", ["commune:65440"], None),
    ("bjr c st gaudens mairie", "commune", ["commune:31483"], None),
    ("crest mairie on veut un portail", "commune", ["commune:26108"], None),
    ("mairie de la ville de tarbes", "commune", ["commune:65440"], None),
    ("mairie de la commune de crest", "commune", ["commune:26108"], None),
    ("mairie de la ville de montpelier", "commune", [MONTPELLIER], None),
    # --- abbreviations inside names
    ("mairie de chalon s/ saone", "commune", [CHALON], None),
    ("ville de chalon s/saone", "commune", [CHALON], None),
    ("mairie de la roche s/ yon", "commune", [LA_ROCHE], None),
    ("mairie de villiers s/s grez", "commune", ["commune:77520"], None),
    ("mairie de aix en pce", "commune", [AIX], None),
    ("ville d aix en pce, on veut un chatbot", "commune", [AIX], None),
    ("mairie de salon de pce", "commune", [SALON], None),
    ("ville du gd quevilly", "commune", [GRAND_QUEVILLY], None),
    ("mairie de gde synthe", "commune", [GRANDE_SYNTHE], None),
    ("mairie de mt de marsan", "commune", [MONT_DE_MARSAN], None),
    ("mairie de ste maxime", "commune", ["commune:83115"], None),
    ("mairie de st etienne", "commune", [SAINT_ETIENNE], None),
    # --- the commune's area after it, in words, lower case, no accents
    ("les abymes guadeloupe", None, [ABYMES], None),
    ("mairie des abymes guadeloupe", "commune", [ABYMES], None),
    ("st denis la reunion", None, [SAINT_DENIS_974], None),
    ("mairie de st denis la reunion", "commune", [SAINT_DENIS_974], None),
    ("ville de saint-denis, celle de la réunion", "commune", [SAINT_DENIS_974], None),
    ("mairie de st denis, celle de la reunion", "commune", [SAINT_DENIS_974], None),
    ("ville de st pierre, celle en martinique", "commune", [SAINT_PIERRE_972], None),
    ("c la mairie de st paul a la reunion", "commune", [SAINT_PAUL_974], None),
    ("mairie de baie mahault guadeloupe", "commune", [BAIE_MAHAULT], None),
    ("mairie de schoelcher martinique", "commune", [SCHOELCHER], None),
    ("mairie de kourou guyane", "commune", [KOUROU], None),
    ("mairie de pointe a pitre", "commune", [POINTE_A_PITRE], None),
    ("mairie du tampon", "commune", [LE_TAMPON], None),
    ("mairie de fort de france", "commune", [FDF], None),
    # --- « dans le 63 », « ds le 26 »: the number after « dans le » settles a homonym, before the next clause
    ("slt sec de mairie a beaumont ds le 63 on a besoin d un site", "commune", ["commune:63032"], None),
    ("secretaire de mairie a beaumont dans le 63, projet de site", "commune", ["commune:63032"], None),
    ("commune de valence ds le 26", "commune", ["commune:26362"], None),
    ("a montreuil ds le 93", None, ["commune:93048"], None),
    ("jsuis a montreuil dans le 93, on veut un site", None, ["commune:93048"], None),
    ("on est dans le 15 on veut un site", None, [CANTAL], None),
    ("dans le 59 % des cas", None, [], None),
    ("on commence dans le 15 mars", None, [], None),
    ("reunion dans le 15 a 14h", None, [], None),
    # --- a town's role before its commune: the commune speaks (unless the role is someone else's)
    ("bjr dgs du puy en velay", "commune", ["commune:43157"], None),
    ("je suis DGS à Tarbes", "commune", ["commune:65440"], None),
    ("c l elue au numerique de st benoit a la reunion", "commune", ["commune:97410"], None),
    ("adjointe aux finances de St Germain en Laye (78)", "commune", ["commune:78551"], None),
    ("conseiller municipal delegue au numerique a Charleville-Mezieres", "commune", ["commune:08105"], None),
    ("dgs de rennes metropole", "epci", ["epci:243500139"], None),
    ("dgs du cantal", None, [CANTAL], None),
    ("je suis elu a temps plein", None, [], None),
    # --- « au », « aux » hold the name's article; the DGS's title spelt out is a town's role
    ("adjointe au Mans, on veut un site", "commune", ["commune:72181"], None),
    ("bjr dga au havre on veut un site", "commune", ["commune:76351"], None),  # « havre » is a word: Le Havre is a town
    ("dgs du syndicat mixte", "groupement_collectivites", [], None),  # not the village of Le Syndicat
    ("je suis conseiller municipal au lamentin en martinique", "commune", ["commune:97213"], None),
    ("directrice generale des services des sables d olonne", "commune", ["commune:85194"], None),
    ("elu au numerique", None, [], None),
    # --- after a town's role, a name misspelt (the area said after chooses among the near names) or said
    # by the first part of its official name
    ("dgs a voiren (38), projet de site", "commune", ["commune:38563"], None),
    ("elue a vanes dans le morbihan", "commune", ["commune:56260"], None),
    ("adjoint a hazbrouck", "commune", ["commune:59295"], None),
    ("je suis dga a issoudum indre", "commune", ["commune:36088"], None),
    ("l adjoint de kourrou en guyane", "commune", ["commune:97304"], None),
    ("Bonjour, DGS à Sarlat", "commune", ["commune:24520"], None),
    ("agent au ccas de brive", "etablissement_public_local", ["commune:19031"], None),
    ("mairie de charleville", "commune", ["commune:08105"], None),
    ("mairie de charleville (51)", "commune", ["commune:51129"], None),
    ("mairie de boulogne", "commune", [], None),  # Boulogne-Billancourt or Boulogne-sur-Mer: asked
    ("dgs a temps plein", None, [], None),
    # --- a place denied is not the speaker's
    ("on est en guadeloupe, pas en martinique", None, [GUADELOUPE], None),
    ("a la reunion non pas a mayotte", None, [REUNION], None),
    ("le projet couvre le nord et le pas de calais", None, ["departement:59", "departement:62"], None),
    # --- an EPCI by its city's adjective
    ("je suis a la metropole lyonnaise", "epci", ["epci:200046977"], None),
    ("chef de projet a l'agglo lorientaise", "epci", ["epci:200042174"], None),
    ("une agglo voisine", "epci", [], None),
    ("dga pont st esprit (30), on travaille avec la cc mais c nous qui portons", "commune", ["commune:30202"], None),
    ("responsable SI d'un groupement hospitalier de territoire en Occitanie", "etablissement_public_sante", [], None),
    # --- « le 29 » opening a message, subject of a wish: the département speaks
    ("slt le 64 voudrait un portail de donnees", "departement", ["departement:64"], None),
    ("Bonjour, le 40 envisage une appli", "departement", ["departement:40"], None),
    ("le 15 a 14h ca vous va", None, [], None),
    ("bonjour dsi au 33, on veut un portail", "departement", ["departement:33"], None),
    ("je suis DGS du 974", "departement", ["departement:974"], None),
    ("rdv au 12 rue de la paix", None, [], None),
    # --- an EPCI's acronym in lower case before its main town
    ("bjr dgs a la capa ajaccio", "epci", ["epci:242010056"], None),
    ("jsuis agent a la cud dunkerque", "epci", ["epci:245900428"], None),
    ("on change de cap", None, [], None),
    ("dans ce CAS on attend", None, [], None),  # no acronym made that is a French word
    # --- an EPCI's acronym in capitals after « au » (not « le TCO »), and a town's name the same after « du »
    ("Bonjour, responsable SI au TCO à La Réunion", "epci", ["epci:249740101"], None),
    ("je suis au TCO", "epci", ["epci:249740101"], None),
    ("au tco on a un projet", None, [], None),
    # --- a French word of 6 letters or more one edit from a city of 50 000 inhabitants, after « mairie de »
    ("mairie de rentes", "commune", [RENNES], None),
    ("ville de mille habitants", "commune", [], 1000),
    ("mairie de quartier", "commune", [], None),
    ("ville de taille moyenne", "commune", [], None),
    # --- an EPCI's main town misspelt before its form
    ("bjr agent a carcassone agglo projet visio", "epci", ["epci:200035715"], None),
    ("on est montpelier metropole", "epci", [MTP_MET], None),
    ("notre belle agglo", "epci", [], None),
    # --- a département's fire and rescue service serves the whole département
    ("slt jsuis au sdis 974 on veut une appli", "etablissement_public_local", [REUNION], None),
    ("SDIS 33", "etablissement_public_local", ["departement:33"], None),
    ("le sdis du cantal", "etablissement_public_local", [CANTAL], None),
    ("les pompiers du sdis, on veut une appli", "etablissement_public_local", [], None),
    # --- an area's article left out after its body
    ("region reunion, on veut une plateforme", "region", [REGION_REUNION], None),
    ("bonjour, région Réunion, on voudrait aider nos agents", "region", [REGION_REUNION], None),
    ("region guadeloupe", "region", [REGION_GUADELOUPE], None),
    ("cd reunion", "departement", [REUNION], None),
    ("departement guadeloupe", "departement", [GUADELOUPE], None),
    # --- a body covering a whole département
    ("syndicat mixte qui couvre tout le département de la Manche", "groupement_collectivites", [MANCHE], None),
    ("syndicat mixte qui couvre tout le departement de la manche", "groupement_collectivites", [MANCHE], None),
    ("un syndicat mixte qui couvre tout le cantal", "groupement_collectivites", [CANTAL], None),
    ("on est un syndicat mixte qui couvre toute la gironde", "groupement_collectivites", [GIRONDE], None),
    # --- negatives: a word after the announcing word is no place misspelt
    ("mairie de demain", "commune", [], None),
    ("la ville de rêve", "commune", [], None),
    ("ville de reve pour les familles", "commune", [], None),
    ("la mairie de notre village souhaite dematerialiser ses demarches", "commune", [], None),
    ("mairie de bonjour", "commune", [], None),
    ("le maire nicolas martin", "commune", [], None),
    ("la commune de mon enfance", "commune", [], None),
    ("ville de taille moyenne", "commune", [], None),
    ("mairie de quartier", "commune", [], None),
    ("commune de montagne, 800 hab", "commune", [], 800),
    ("c une commune de campagne", "commune", [], None),
    ("mairie de village", "commune", [], None),
    ("une ville de banlieue", "commune", [], None),
    ("la mairie d'une petite commune", "commune", [], None),
    ("mairie de secteur", "commune", [], None),
    ("ville de province", "commune", [], None),
    ("c'est pour la mairie, on est s/ le coup", "commune", [], None),
    ("le departement de communication", None, [], None),
    ("la region parisienne", None, [], None),
]

# Known gaps, each measured, none a wish. « renes » (rênes) is a French word of 5 letters, too short to
# be corrected (near_names.CITY_WORD); « clermont » is an exact name (4 communes), read before « ferrant » is looked at;
# « montagne » and « campagne » are communes' exact names, read before any tolerance; « la region
# parisienne » is Île-de-France to a reader, not to the rules; « departement de communication » is
# read as a département's body.
NOT_YET = {"c la mairie de renes", "mairie de clermont ferrant", "commune de montagne, 800 hab",
           "c une commune de campagne", "la region parisienne", "le departement de communication"}


def measure():
    right = {"applicant_type": 0, "place": 0, "population": 0, "all": 0}
    for row in ROWS:
        got, want = read(row[0]), expected(row)
        for k, field in enumerate(("applicant_type", "place", "population")):
            right[field] += got[k] == want[k]
        right["all"] += got == want
    return right, len(ROWS)


@pytest.mark.parametrize("row", [pytest.param(r, id=r[0][:60], marks=[pytest.mark.xfail(strict=True)]
                                              if r[0] in NOT_YET else []) for r in ROWS])
def test_a_place_typed_in_a_hurry(row):
    assert read(row[0]) == expected(row)


def test_the_table_is_sms_and_mixed():
    sms = [r for r in ROWS if r[0] == r[0].lower() and r[0].isascii()]
    assert len(ROWS) >= 80 and len(sms) * 3 >= len(ROWS) * 2


def test_a_message_without_a_miss_costs_no_tolerant_search():
    """The tolerant match runs only when a name after an announcing word is not found: a message whose
    place is found exactly is as fast as before (well under the 2 ms of the index's lookup)."""
    index = load_index()
    find("mairie de montpelier", index)  # the tolerant match's tables, loaded once
    messages = ["je suis la mairie de Rennes, projet de portail", "cc du crestois, on veut un chatbot",
                "bjr c le cd du cantal", "DDT du Rhône, ouvrir nos données"] * 25
    start = time.perf_counter()
    for message in messages:
        find(message, index)
    assert (time.perf_counter() - start) / len(messages) < 0.002


if __name__ == "__main__":
    found, total = measure()
    print(total, "rows;", ", ".join(f"{k} {v}/{total}" for k, v in found.items()))
