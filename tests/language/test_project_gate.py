"""Whether a message describes a project before a theme is read from it (orientation/language/project_gate.py),
and the theme the lexicon extractor then gives (orientation/entities.py): who speaks, its structure, its role
or partners, a vague wish, a question or « on ne sait pas encore » state no theme; a project said after them
still does; a solution spread to other places is extension_territoriale."""
import pytest

from orientation.entities import lexicon_entities
from orientation.language import project_gate
from orientation.language.normalise import normalise, with_capitals


def read(text: str) -> str:
    return normalise(text).text


def theme(text: str):
    typed = with_capitals(normalise(text), text)  # as the extractor gives it: with the capitals typed
    found = [e["value"] for e in lexicon_entities(typed) if e["entity"] == "project_nature"]
    return found[0] if found else None


@pytest.mark.parametrize("text", [
    "Bonjour, nous avons un projet numérique, quelles aides ?",
    "on cherche des sous pr moderniser la commune",
    "Nous voudrions être accompagnés dans la transition numérique de la collectivité.",
    "bjr on est une mairie et on veut digitaliser",
    "C'est un projet entre plusieurs intercommunalités.",
    "nous sommes un syndicat qui s'occupe de la collecte des ordures",
    "je suis a la DSI mutualisee de la metropole",
    "Je travaille au service informatique partagé entre la ville et l'agglo.",
    "Notre syndicat mixte fédère 80 communes rurales.",
    "le projet est porte par l'agglo avec ses communes",
    "Nous avons plusieurs partenaires : la CAF, l'État et le département.",
    "pas encore defini, on en parle avec les elus",
    "Bonsoir, une commune peut-elle déposer un dossier ?",
    "rien de précis pour l'instant, on veut juste voir ce qui existe",
])
def test_no_project_described_no_theme(text):
    assert not project_gate.describes_project(read(text)) or theme(text) is None
    assert theme(text) is None


@pytest.mark.parametrize("text", [
    "bjr adjointe au numerique a Figeac",
    "Conseiller municipal délégué à la transformation numérique.",
    "slt dsi du cd 32",
    "Bonjour, conseil régional d'Occitanie, direction du numérique",
    "bonjour, conseil departemental du Gers, service des systemes d information",
    "en fait le projet couvre tout le departement, tous les sites de la prefecture",  # scope, not a network
    "non, ça concerne l'ensemble de la région",
])
def test_a_role_a_council_and_its_service_or_the_scope_is_no_project(text):
    assert not project_gate.describes_project(read(text))


@pytest.mark.parametrize("text, value", [
    ("Nous sommes un syndicat intercommunal et nous voulons ouvrir nos données de collecte en open data.", "donnees"),
    ("je suis a la dsi de l'agglo, on voudrait un standard telephonique unique pr les habitants", "relation_usagers"),
    ("Notre commune n'a pas la fibre dans ses bâtiments.", "reseau_debit"),
    ("Je suis une start-up qui développe une application de signalement.", "cooperation_usagers"),
])
def test_a_project_said_with_who_speaks_keeps_its_theme(text, value):
    assert project_gate.describes_project(read(text))
    assert theme(text) == value


@pytest.mark.parametrize("text", [
    "Notre appli de participation citoyenne marche bien, on veut l'étendre à d'autres communes.",
    "deployer ds les autres villes du departement la plateforme de signalement qu'on a creee",
    "Le standard unique testé dans une interco doit être généralisé à toute la région.",
    "d'autres prefectures veulent reprendre notre accueil en visio",
    "Reprendre chez nous un portail citoyen déjà utilisé avec succès par une autre ville.",
    "on voudrait reutiliser le guichet de subventions developpe par un autre departement",
    "nous souhaitons dupliquer un téléservice déjà mis en place dans une autre région",
    "recuperer leur outil de prise de rdv et l installer chez nous",
])
def test_a_solution_spread_elsewhere_is_extension_territoriale(text):
    assert project_gate.spreads(read(text))
    assert theme(text) == "extension_territoriale"


@pytest.mark.parametrize("text", [
    "Ouvrir nos données aux autres administrations.",
    "deployer la fibre sur tous les sites",
    "proposer aux autres agents une formation aux outils",
    "une plateforme de participation pour tous les habitants",
    "reprendre notre site web developpe par un prestataire",
    "reutiliser nos donnees chez nous",
])
def test_sharing_with_others_is_no_spreading(text):
    assert not project_gate.spreads(read(text))


@pytest.mark.parametrize("text, value", [
    ("nous sommes un syndicat mixte qui fédère des communes afin de mutualiser un logiciel de paie", "besoin_mutualise"),
    ("Nous sommes la ville de Brest et une autre ville a créé une application qui fonctionne, nous voudrions la reprendre.",
     "extension_territoriale"),
])
def test_a_project_inside_who_speaks(text, value):
    assert theme(text) == value
