"""Bodies named as people name them (orientation/territories/mentions.py, lexicon.yml, entities.py):
an EPCI by its usual name or acronym alone, elisions typed without apostrophe, State services with
the area they serve, central directorates, a bare body answering, départements counted."""
import pytest

from orientation.entities import amount_entities, lexicon_entities, territory_entities
from orientation.territories.mentions import find


def who(text):
    found = [e["value"] for e in lexicon_entities(text) if e["entity"] == "applicant_type" and not e.get("role")]
    return found[0] if found else None


def places(text):
    return [e["value"] for e in territory_entities(text)]


@pytest.mark.parametrize("text, epci", [
    ("on est la CIVIS a la reunion", "epci:249740077"),
    ("slt c la civis", "epci:249740077"),
    ("je suis a la cirest", "epci:249740093"),
    ("je bosse à la cinor", "epci:249740119"),
    ("la casud à la Réunion", "epci:249740085"),
    ("c la CADEMA a mayotte", "epci:200060457"),
    ("cap excellence guadeloupe", "epci:200018653"),
    ("je travaille a cap excellence", "epci:200018653"),
    ("CAP EXCELLENCE", "epci:200018653"),
    ("nous sommes la cacem en martinique", "epci:249720061"),
    ("CC foix varilhes", "epci:200067791"),
    ("bonjour, cap excellence ici", "epci:200018653"),
    ("agent de la cinor", "epci:249740119"),
    ("on est le TCO a la reunion", "epci:249740101"),
    ("la ca du pays basque", "epci:200067106"),
])
def test_an_epci_by_its_usual_name_or_acronym_speaks_with_its_figures(text, epci):
    assert places(text) == [epci]
    assert who(text) == "epci"


@pytest.mark.parametrize("text", ["on est dans le pays basque", "les quatre rivieres du coin debordent",
                                  "il fait beau dans le sud artois", "une ame charitable",
                                  "c'est un big deal pour nous"])
def test_the_same_words_as_common_phrases_name_no_epci(text):
    assert not any(p.startswith("epci:") for p in places(text))


@pytest.mark.parametrize("text, applicant, place", [
    ("mairie d agen", "commune", "commune:47001"),
    ("ville d orange", "commune", "commune:84087"),
    ("cc d erdre et gesvres", "epci", "epci:244400503"),
    ("pref de la guadeloupe", "service_deconcentre", "departement:971"),
    ("pref de l'ain", "service_deconcentre", "departement:01"),
    ("je suis a la sous pref", "service_deconcentre", None),
    ("sous-pref de bayonne", "service_deconcentre", None),
    ("la DREAL occitanie", "service_deconcentre", "region:76"),
    ("dreal bretagne", "service_deconcentre", "region:53"),
    ("DDFiP du nord", "service_deconcentre", "departement:59"),
    ("ddt 64", "service_deconcentre", "departement:64"),
    ("rectorat de la martinique", "service_deconcentre", "departement:972"),
    ("la deal guadeloupe", "service_deconcentre", "departement:971"),
    ("c la pref du 64", "service_deconcentre", "departement:64"),
    ("DDFIP 974", "service_deconcentre", "departement:974"),
    ("on est un service de l'etat", "service_deconcentre", None),
    ("je suis a la prefecture de region occitanie", "service_deconcentre", "region:76"),
])
def test_bodies_typed_in_a_hurry_and_state_services_cover_their_area(text, applicant, place):
    assert who(text) == applicant
    assert places(text) == ([place] if place else [])


@pytest.mark.parametrize("text", ["direction des achats de l'état", "c la DAE", "DINUM", "on est a la dinum",
                                  "je travaille à la direction du budget",
                                  "secretariat general du ministere de l'interieur",
                                  "direction generale des finances publiques", "bonjour je suis à la DITP"])
def test_central_directorates_are_central_administrations(text):
    assert who(text) == "administration_centrale"


@pytest.mark.parametrize("text", ["je voudrais parler a la dinum", "rdv avec un conseiller dinum"])
def test_the_dinum_the_bot_books_is_not_who_speaks(text):
    assert who(text) is None


@pytest.mark.parametrize("text, applicant", [("mairie", "commune"), ("la mairie", "commune"),
                                             ("une commune", "commune"), ("département", "departement"),
                                             ("agglo", "epci")])
def test_a_bare_body_answers_who_carries_the_project(text, applicant):
    assert who(text) == applicant


@pytest.mark.parametrize("text, count", [("le projet couvrirait 4 départements", 4.0), ("on couvre 5 deps", 5.0),
                                         ("sur 3 dep", 3.0), ("ca touche 2 dpts", 2.0)])
def test_departements_counted_as_typed(text, count):
    assert [e["value"] for e in amount_entities(text) if e["entity"] == "departement_count"] == [count]


@pytest.mark.parametrize("text, departement", [("la préfecture de Pau", "64"), ("pref de rennes", "35"),
                                               ("DDT de valence", "26"), ("je bosse a la ddfip de lille", "59")])
def test_a_departement_service_named_by_its_town_serves_the_departement_it_heads(index, text, departement):
    [mention] = find(text, index)
    assert [(t.kind, t.code) for t in mention.territories] == [("departement", departement)]
    assert mention.applicant_type == "service_deconcentre"


@pytest.mark.parametrize("text", ["rectorat de lyon", "dreal de rennes", "la sous-pref de bayonne"])
def test_a_service_whose_town_heads_more_than_a_departement_names_no_area(index, text):
    assert find(text, index) == []


@pytest.mark.parametrize("text, population", [("le territoire compte 85 000 âmes", 85000.0), ("12000 ames", 12000.0)])
def test_souls_are_inhabitants(text, population):
    assert [e["value"] for e in amount_entities(text) if e["entity"] == "population"] == [population]
