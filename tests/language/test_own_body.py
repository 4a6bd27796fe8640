"""The speaker's own body beats the bodies it names (orientation/language/speaker.py, entities.py):
a GIP that holds the State, a SEM or SPL working for communes, the CCAS of a commune, a retired
person or an association acting for their village. Many wordings, SMS style included."""
import pytest

from orientation.entities import lexicon_entities, territory_entities
from orientation.territories import load_index


def who(text):
    return [e["value"] for e in lexicon_entities(text) if e["entity"] == "applicant_type" and not e.get("role")]


def places(text):
    return [e["value"] for e in territory_entities(text)]


@pytest.mark.parametrize("text", [
    "on est un GIP qui regroupe l'Etat, la region et les departements",
    "je suis au gip qui associe l'état, la région Bretagne et des communes",
    "le gip regroupe l'etat et la region", "gip ici, avec l'etat et la region",
    "nous sommes un gip compose de l'etat et de collectivites",
    "groupement d'interet public avec l'ARS et le departement",
    "GIP avec des universites et la region",
])
def test_a_gip_that_holds_the_state_or_other_bodies_is_a_gip(text):
    assert who(text) == ["gip"]


@pytest.mark.parametrize("text", ["un gip de collectivites", "gip avec des communes et le departement",
                                  "on est un GIP"])
def test_a_gip_of_collectivites_only_is_a_grouping_of_collectivites(text):
    assert who(text) == ["groupement_collectivites"]


@pytest.mark.parametrize("text", [
    "on est une SPL qui travaille pour 30 communes", "la SPL, on travaille pour 30 communes",
    "une spl qui bosse pour la ville de valence", "SEM ici, on gere le reseau pour la metropole",
    "je suis à la SEM, on intervient pour la métropole de lyon", "spl au service de 12 communes du territoire",
    "c une societe publique locale pour le departement du nord",
])
def test_a_sem_or_spl_working_for_collectivites_is_a_sem_spl(text):
    assert who(text) == ["sem_spl"]


@pytest.mark.parametrize("text, place", [
    ("je suis au CCAS de Crest", "commune:26108"), ("CCAS de Crest ici", "commune:26108"),
    ("le CCAS de la mairie de Rennes", "commune:35238"), ("ccas de la ville de valence (26)", "commune:26362"),
    ("c le ccas de montreuil 93", "commune:93048"), ("bjr on est le ccas de lille", "commune:59350"),
    ("je bosse au cias de la cc du crestois", "epci:200040509"),
])
def test_a_ccas_or_cias_is_a_local_public_body_with_its_communes_inhabitants(text, place):
    """Contract §3: a CCAS is an établissement public local; it serves the commune's (or the EPCI's)
    inhabitants, so the place is the commune's and its population the official one."""
    assert who(text) == ["etablissement_public_local"]
    assert places(text) == [place]
    kind, code = place.split(":")
    assert load_index().get(kind, code).population > 0


@pytest.mark.parametrize("text, speaker", [
    ("je suis retraitee et je veux aider ma commune", ["particulier"]),
    ("je suis retraité, je veux aider ma commune", ["particulier"]),
    ("je suis à la retraite, c'est pour mon village", ["particulier"]),
    ("jsuis retraite, c pour mon village", ["particulier"]),
    ("une association pour mon village de crest", ["association"]),
    ("on est une asso qui aide la mairie de crest", ["association"]),
    ("asso de parents, on bosse avec la mairie", ["association"]),
    ("c'est pour mon village", []),
])
def test_a_retired_person_or_an_association_for_their_village_is_no_commune(text, speaker):
    assert who(text) == speaker


@pytest.mark.parametrize("text", ["je travaille pour ma commune", "je suis agent de ma commune",
                                  "on est la mairie, c'est pour notre commune"])
def test_the_commune_one_works_for_is_the_speaker(text):
    assert who(text) == ["commune"]


def test_departures_into_retirement_are_no_private_person():
    assert "particulier" not in who("on veut gerer les departs a la retraite des agents")


@pytest.mark.parametrize("text", ["nous sommes un syndicat de 12 communes", "le syndicat des eaux, on gere pour 30 communes",
                                  "on est le syndicat, pour nos 40 communes", "c le syndicat d'electricite"])
def test_a_syndicat_named_alone_is_a_grouping_of_collectivites(text):
    assert who(text) == ["groupement_collectivites"]
