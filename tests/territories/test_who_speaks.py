"""Who is speaking and which place is theirs, as the NLU reports them (orientation.entities): many
wordings each, lower case, without accents, SMS style and acronyms included."""
import pytest

from orientation import entities
from orientation.territories import load_index


def _speaker(text):
    return [e["value"] for e in entities.lexicon_entities(text) if e["entity"] == "applicant_type" and not e.get("role")]


def _places(text):
    return [e["value"] for e in entities.territory_entities(text)]


def _population(value):
    kind, code = value.split(":")
    return load_index().get(kind, code).population


CRUST = "commune:26108"  # Crest (Drôme)
CANTAL = "departement:15"


@pytest.mark.parametrize("text, applicant, place", [
    # a commune by its mayor, its town hall, its town, SMS style included
    ("je suis maire de Crest", "commune", CRUST), ("Maire de CREST", "commune", CRUST),
    ("bjr c la mairie de crest", "commune", CRUST), ("Ville de Crest, service numérique", "commune", CRUST),
    ("on est la commune de crest (26)", "commune", CRUST), ("adjointe au maire de crest", "commune", CRUST),
    ("je travaille pour la mairie de Crest", "commune", CRUST), ("mairie de crest 26400", "commune", CRUST),
    # a homonym settled by the département said after it
    ("Ville de Montreuil (93)", "commune", "commune:93048"), ("mairie de montreuil 93", "commune", "commune:93048"),
    ("la mairie de Saint-Denis (974)", "commune", "commune:97411"), ("c la mairie de st denis 93", "commune", "commune:93066"),
    ("maire de valence dans la drome", "commune", "commune:26362"), ("ville de Valence, en Drôme", "commune", "commune:26362"),
    ("mairie de valence drome", "commune", "commune:26362"),
    ("la ville de Montreuil Seine-Saint-Denis", "commune", "commune:93048"),
    # a département by its council, its abbreviation or its number
    ("CD du Cantal", "departement", CANTAL), ("cd du cantal", "departement", CANTAL),
    ("le conseil départemental du Cantal", "departement", CANTAL), ("conseil dep du cantal", "departement", CANTAL),
    ("cd15", "departement", CANTAL), ("cd 15", "departement", CANTAL), ("dept 15", "departement", CANTAL),
    ("je suis au cd93", "departement", "departement:93"), ("cd 971 dsi", "departement", "departement:971"),
    ("le 63, conseil départemental", "departement", "departement:63"), ("dept 2A", "departement", "departement:2A"),
    ("on est le departement du cantal", "departement", CANTAL),
    # EPCIs in any case, by their form, a short name or part of their official name
    ("cc de marie galante", "epci", "epci:249710047"), ("CC de Marie-Galante", "epci", "epci:249710047"),
    ("la comcom de marie galante", "epci", "epci:249710047"), ("com com de marie-galante", "epci", "epci:249710047"),
    ("agglo du Pays de Dreux", "epci", "epci:200040277"), ("l'agglo du pays de dreux", "epci", "epci:200040277"),
    ("Golfe du Morbihan - Vannes Agglomération", "epci", "epci:200067932"),
    ("on est l'agglo de vannes", "epci", "epci:200067932"),
    ("l'Eurométropole de Strasbourg", "epci", "epci:246700488"), ("eurometropole de strasbourg", "epci", "epci:246700488"),
    ("Grand Besançon Métropole", "epci", "epci:242500361"), ("grand besancon metropole", "epci", "epci:242500361"),
    ("slt c la CA du grand avignon", "epci", "epci:248400251"), ("interco du pays de gex", "epci", "epci:240100750"),
    ("la cu de dunkerque", "epci", "epci:245900428"), ("on est la métropole de lyon", "epci", "epci:200046977"),
    ("je suis à Nantes Métropole", "epci", "epci:244400404"), ("on est la comcom du crestois", "epci", "epci:200040509"),
    # régions and overseas collectivités
    ("région Hauts-de-France", "region", "region:32"), ("la region hdf", "region", "region:32"),
    ("je suis au conseil regional d'occitanie", "region", "region:76"),
    ("collectivité de Saint-Barthélemy", "collectivite_outre_mer", "collectivite_outre_mer:977"),
    ("territoire de Wallis-et-Futuna", "collectivite_outre_mer", "collectivite_outre_mer:986"),
    ("c la collectivite de saint martin", "collectivite_outre_mer", "collectivite_outre_mer:978"),
])
def test_the_speaker_and_their_place(text, applicant, place):
    assert _speaker(text) == [applicant]
    assert _places(text) == [place]


def test_an_epci_named_after_a_departement_has_the_epci_population():
    [place] = _places("Golfe du Morbihan - Vannes Agglomération")
    assert _population(place) == load_index().get("epci", "200067932").population
    assert _population(place) < load_index().get("departement", "56").population


def test_a_commune_with_its_departement_has_the_commune_population():
    for text in ("on est à Crest, dans la Drôme", "Crest (26)", "crest 26"):
        assert _places(text) == [CRUST], text


@pytest.mark.parametrize("text, applicant", [
    ("on est un etablissement public de sante (EPS) ca rentre dans quelle case ? operateur de l'Etat ?",
     "etablissement_public_sante"),
    ("responsable achats au CH de Valence", "etablissement_public_sante"),
    ("je travaille au chu de rennes", "etablissement_public_sante"), ("on est un ehpad public", "etablissement_public_sante"),
    ("c le centre hospitalier de crest", "etablissement_public_sante"), ("nous sommes membre du GHT", "etablissement_public_sante"),
    ("je suis au cerema", "operateur_etat"), ("on est l'anah", "operateur_etat"),
    ("je travaille chez france travail", "operateur_etat"), ("je suis a l'universite de lille", "operateur_etat"),
    ("labo cnrs", "operateur_etat"), ("on est l'office français de la biodiversité", "operateur_etat"),
    ("agence nationale de la cohesion des territoires", "operateur_etat"), ("je suis à l'IGN", "operateur_etat"),
    ("cheffe de projet au ministere de l'interieur", "administration_centrale"),
    ("je bosse a la DNUM du ministere des armees", "administration_centrale"),
    ("je suis a la dir num du ministere", "administration_centrale"),
    ("secretariat general du ministere de la culture", "administration_centrale"),
    ("je suis a la ddt de la drome", "service_deconcentre"), ("ddtm 62", "service_deconcentre"),
    ("agent de la dreal occitanie", "service_deconcentre"), ("je suis au rectorat de lyon", "service_deconcentre"),
    ("on est une prefecture", "service_deconcentre"), ("la DREETS Bretagne", "service_deconcentre"),
    ("je suis à la préfecture du Nord, on couvre le département du Nord", "service_deconcentre"),
])
def test_public_bodies_by_kind_or_name(text, applicant):
    assert _speaker(text) == [applicant]


@pytest.mark.parametrize("text, speaker", [
    ("on veut faire une plateforme pour les associations du quartier", []),
    ("une plateforme pour les associations", []), ("on veut aider nos communes", []),
    ("le projet vise a aider les petites communes rurales", []), ("une appli avec les rectorats", []),
    ("on est la comcom du val de drome, on veut etendre aux 33 communes", ["epci"]),
    ("Bonjour, CD du Cantal, on voudrait travailler avec les rectorats", ["departement"]),
    ("en partenariat avec la ville de Valence, on est la CC du crestois", ["epci"]),
    ("je suis dgs de la cc, on accompagne nos communes membres", ["epci"]),
    ("le projet couvre le département du Nord", []),
])
def test_the_speaker_not_the_bodies_mentioned(text, speaker):
    assert _speaker(text) == speaker


def test_a_body_mentioned_is_reported_with_the_role_other():
    found = [e for e in entities.lexicon_entities("c'est ouvert aux associations ?") if e["entity"] == "applicant_type"]
    assert [(e["value"], e.get("role")) for e in found] == [("association", "other")]


@pytest.mark.parametrize("text", [
    "lundi 14h heure de paris svp", "mardi 10h heure de métropole", "rdv jeudi 9h heure locale",
    "a 10h heure de la reunion", "on est au 12 rue de Paris", "mon adresse c'est 3 avenue de Lyon a Grenoble",
    "ecrivez moi a paul@mairie-crest.fr", "mon mail finit par @cantal.fr", "le site c cantal.fr",
    "faut deplacer le rdv DN-7K2M59, mercredi 9 le matin plutot", "Mme Vienne au telephone",
    "en partenariat avec la ville de Valence", "on veut etendre a la metropole de lyon",
])
def test_words_that_are_not_the_users_place(text):
    assert _places(text) == []
    assert _speaker(text) == []


@pytest.mark.parametrize("text, place", [
    ("je suis DGS de la CA Grand Paris Sud", "epci:200059228"),  # not the Métropole du Grand Paris
    ("la CA grand paris sud", "epci:200059228"),
    ("je suis à la CARENE", "epci:244400644"), ("c la CAPI", "epci:243800604"),
])
def test_the_longest_name_said_and_official_acronyms(text, place):
    assert _speaker(text) == ["epci"]
    assert _places(text) == [place]


@pytest.mark.parametrize("text", ["petite commune du Gers", "on est une commune rurale de l'Aveyron",
                                  "une cc dans le cantal", "une asso de la Drôme", "c une petite mairie du 26"])
def test_the_departement_a_smaller_body_is_in_is_not_its_territory(text):
    assert _places(text) == []


@pytest.mark.parametrize("text", ["celle de la Réunion", "en guadeloupe", "la Guyane", "en Martinique"])
def test_a_region_of_one_departement_is_not_asked_apart(text):
    [place] = _places(text)
    assert place.startswith("departement:") and "|" not in place


@pytest.mark.parametrize("text, applicant", [
    ("on est un SIVU", "groupement_collectivites"), ("syndicat intercommunal des eaux", "groupement_collectivites"),
    ("un syndicat mixte", "groupement_collectivites"),
])
def test_groupings_of_communes(text, applicant):
    assert _speaker(text) == [applicant]


@pytest.mark.parametrize("text, place", [
    ("on est la comcom du Val de Drôme, dans la Drôme", "epci:242600252"),
    ("la CC de Marie-Galante en Guadeloupe", "epci:249710047"), ("cc de marie galante (guadeloupe)", "epci:249710047"),
    ("mairie de saint denis, à la Réunion", "commune:97411"), ("jsuis a lagglo de valence romans", "epci:200068781"),
    ("on est Quimper Bretagne Occidentale", "epci:200068120"), ("je suis a caen la mer", "epci:200065597"),
    ("le Grand Poitiers, on veut ouvrir nos donnees", "epci:200069854"),
])
def test_the_body_is_the_territory_not_the_area_it_is_in(text, place):
    assert _places(text) == [place]


def test_the_places_joined_to_a_partner_are_partners_too():
    assert _places("mairie de Rennes, avec le Nord et le Pas-de-Calais") == ["commune:35238"]
    assert _places("le projet couvre le Nord et le Pas-de-Calais") == ["departement:59", "departement:62"]


@pytest.mark.parametrize("text, speaker", [
    ("on est une mairie mais le projet est porté par l'agglo", ["epci"]),
    ("la mairie est partenaire, c'est l'agglo qui porte le projet", ["epci"]),
    ("au nom de la commune de Crest, je suis DGS de la CC", ["commune"]),
    ("chui agent ds une mairie", ["commune"]),
])
def test_the_carrier_of_the_project_before_who_speaks(text, speaker):
    assert _speaker(text) == speaker


def test_the_place_of_the_carrier():
    assert _places("au nom de la commune de Crest, je suis DGS") == [CRUST]


@pytest.mark.parametrize("text, speaker", [
    ("CA", ["epci"]), ("c une cc", ["epci"]), ("on est le CD", ["departement"]), ("CC", ["epci"]),
    ("cc", []), ("ça", []), ("ca va", []), ("cc ça va ?", []), ("non, la CA", ["epci"]), ("non la ca", []),
    ("en fait une CU", ["epci"]),
])
def test_an_abbreviation_said_alone_answers_the_question(text, speaker):
    assert _speaker(text) == speaker


@pytest.mark.parametrize("text, place", [
    ("Vannes Agglomération", "epci:200067932"), ("on est Vannes agglo", "epci:200067932"),
    ("bjr c dreux agglo", "epci:200040277"), ("on est grand paris sud agglo", "epci:200059228"),
    ("Strasbourg Eurométropole", "epci:246700488"), ("Montpellier Métropole", "epci:243400017"),
])
def test_an_epci_by_part_of_its_name_and_its_form_after(text, place):
    assert _speaker(text) == ["epci"]
    assert _places(text) == [place]


@pytest.mark.parametrize("text", ["une grande agglomération", "nos communes et l'agglomération"])
def test_an_epci_form_alone_names_no_place(text):
    assert _places(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("on n'est pas une commune, on est une CC", ["epci"]), ("je ne suis pas une asso mais une SEM", ["sem_spl"]),
    ("c'est pas la mairie c'est l'agglo", ["epci"]), ("ah non pardon on est une CA pas une CC", ["epci"]),
])
def test_a_body_denied_is_not_the_speaker(text, speaker):
    assert _speaker(text) == speaker


@pytest.mark.parametrize("text, place", [
    # a région or an overseas name after the commune, in parentheses, after « à » or « en », or alone
    ("mairie de st pierre (reunion)", "commune:97416"), ("mairie de saint-pierre (la réunion)", "commune:97416"),
    ("c la ville de st pierre a la reunion", "commune:97416"), ("saint pierre reunion", "commune:97416"),
    ("je suis a la mairie de saint denis a la reunion", "commune:97411"), ("st denis reunion", "commune:97411"),
    ("ville de st denis en ile de france", "commune:93066"), ("mairie de Saint-Denis (Île-de-France)", "commune:93066"),
    ("mairie de saint pierre en martinique", "commune:97225"), ("on est la commune de saint-pierre, martinique", "commune:97225"),
    ("c la mairie de st paul (reunion)", "commune:97415"), ("mairie de valence en occitanie", "commune:82186"),
    ("mairie de valence, auvergne-rhone-alpes", "commune:26362"), ("mairie du lamentin en guadeloupe", "commune:97115"),
    ("le lamentin (martinique)", "commune:97213"), ("on est a saint-etienne, loire", "commune:42218"),
])
def test_a_homonym_settled_by_a_region_or_an_overseas_name(text, place):
    assert _places(text) == [place]


@pytest.mark.parametrize("text, place", [("le projet couvre le grand est", "region:44"),
                                         ("mairie de st pierre", None)])
def test_an_area_name_is_not_a_commune_and_its_area(text, place):
    found = _places(text)
    assert found == [place] if place else len(found) == 1 and "|" in found[0]


@pytest.mark.parametrize("text, place", [
    # a commune named bare as the speaker's self-description: after « c », « c'est », « ici », or before « ici »
    ("c villefranche de rouergue", "commune:12300"), ("bjr c villefranche-de-rouergue", "commune:12300"),
    ("c'est Villefranche-de-Rouergue", "commune:12300"), ("ici Crest", "commune:26108"), ("Tarbes ici", "commune:65440"),
    ("bonjour, c'est Rodez, on veut ouvrir nos donnees", "commune:12202"), ("c st pierre (reunion)", "commune:97416"),
    ("slt c'est saint-pierre-des-corps", "commune:37233"), ("villefranche de rouergue", "commune:12300"),
    ("oui villefranche de rouergue", "commune:12300"),
])
def test_a_bare_commune_said_as_a_self_description(text, place):
    assert _places(text) == [place]


@pytest.mark.parametrize("text", [
    "c'est simple", "c'est long", "c'est faux",  # communes too, but words first: a bare word counts only with its capital
    "c la rochelle",  # two communes bear the name: not guessed
    "c'est bon", "ici c'est la mairie", "c'est Rodez qui a gagné le match",
    "la plaine", "les salles", "Faux",  # alone: an article and a word, or one word at the start, is no name
])
def test_a_bare_word_or_an_ambiguous_name_is_no_self_description(text):
    assert not any(p.startswith("commune:") and "|" not in p for p in _places(text))


@pytest.mark.parametrize("text, code", [("c rodez", "12202"), ("Rodez", "12202"), ("ici tarbes", "65440"),
                                        ("c'est tarbes", "65440"), ("tarbes ici", "65440"),
                                        ("c villefranche de rouergue", "12300")])
def test_a_commune_answered_bare_to_the_question_who_carries_the_project(text, code):
    from orientation.territories.mentions import commune_answered
    assert commune_answered(text).code == code


@pytest.mark.parametrize("text", ["c la rochelle", "une mairie", "je sais pas", "c bon", "c'est tout", "oui",
                                  "ecole", "port", "aucun", "la reunion", "c la reunion",  # words, an area
                                  "c rodez, et on veut ouvrir nos donnees sur le tourisme local"])
def test_no_commune_answered_when_ambiguous_a_body_or_not_the_whole_answer(text):
    from orientation.territories.mentions import commune_answered
    assert commune_answered(text) is None
