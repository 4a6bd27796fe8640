"""Theme words that name the speaker's unit state no theme (orientation/language/theme_units.py);
the project said in the same message still does."""
import pytest

from orientation.entities import lexicon_entities
from orientation.language.normalise import normalised


def theme(text):
    found = [e["value"] for e in lexicon_entities(normalised(text)) if e["entity"] == "project_nature"]
    return found[0] if found else None


@pytest.mark.parametrize("text", [
    "bonjour je suis le service data de la région",
    "Bonjour, direction de l'innovation du département",
    "hello, ici le service relation usagers de la ville",
    "bjr la cellule experimentation de la prefecture",
    "je travaille à la direction de la donnée du ministère",
    "bjr chui responsable data au CD 33",
    "je suis chargée de mission innovation à la région",
    "notre syndicat regroupe plusieurs communes du canton",
    "je représente plusieurs communes",
])
def test_who_one_is_states_no_theme(text):
    assert theme(text) is None


@pytest.mark.parametrize("text, value", [
    ("je suis chargée de mission innovation à la région, on veut ouvrir nos données", "donnees"),
    ("on veut créer un service de relation usagers", "relation_usagers"),
    ("notre pôle data voudrait ouvrir nos données", "donnees"),
    ("la DSI veut un poc de blockchain", "innovation"),
    ("un outil commun à plusieurs communes", "besoin_mutualise"),
])
def test_the_project_still_states_its_theme(text, value):
    assert theme(text) == value


@pytest.mark.parametrize("text", [
    "ici la direction innovation et numérique de la métropole",
    "slt, referent numerique et innovation de la commune",
    "bonjour, la mission expérimentation du ministère",
])
def test_a_unit_with_several_words(text):
    assert theme(text) is None


def test_a_mission_that_is_the_project():
    assert theme("notre mission : ouvrir nos données") == "donnees"


@pytest.mark.parametrize("text", [
    "notre syndicat rassemble des communes voisines",
    "le SIVU regroupant plusieurs communes du canton",
])
def test_the_members_of_the_structure_are_not_a_shared_need(text):
    assert theme(text) is None


def test_a_platform_that_gathers_the_stakeholders_is_still_a_theme():
    assert theme("un outil qui rassemble tous les acteurs de l'insertion") == "ecosysteme_politique_publique"


@pytest.mark.parametrize("text", [
    "Je suis une PME qui fait des chatbots.",
    "bjr on est une start up qui developpe des applis de signalement",
    "Nous sommes une entreprise spécialisée dans l'open data, quels appels pour nous ?",
    "je suis une societe qui vend des solutions de teletravail",
    "Nous sommes une ESN qui fait de la RPA pour les collectivités.",
    "bonjour je suis une boite qui fait du crm, on peut candidater ?",
    "Nous sommes un éditeur de logiciels de gestion de la relation citoyen.",
    "notre entreprise édite des CRM",
    "bjr je suis une pme specialisee en cybersecurite et en vpn",
])
def test_what_a_company_sells_is_not_its_project(text):
    assert theme(text) is None


@pytest.mark.parametrize("text, value", [
    ("je suis une PME qui fait des chatbots, on voudrait ouvrir nos données", "donnees"),
    ("je suis une PME qui fait des chatbots et voudrais ouvrir nos données", "donnees"),
    ("je suis une entreprise et on voudrait un téléservice pour nos déclarations", "demarches_en_ligne"),
    ("on veut un chatbot pour les usagers avec une start-up", "relation_usagers"),
    ("une entreprise qui fait des chatbots pour la mairie", "efficience_automatisation"),
    # one thing it makes is a project
    ("je suis une start-up qui développe une application de signalement", "cooperation_usagers"),
])
def test_the_project_of_a_company_still_states_its_theme(text, value):
    assert theme(text) == value
