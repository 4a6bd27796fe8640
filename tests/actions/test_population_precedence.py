"""Whose population counts (actions/profile_writes.py): the figure the user states for the project
replaces at once the official one the bot took from a place, and says so; a figure the user stated
before is replaced only by a correction or after the buttons; a correction naming a département's
number replaces the place read before."""
import asyncio

import pytest

from actions.profile_slots import ValidateProfileSlots
from tests.actions.conftest import make_tracker, texts
from tests.french import nb

TARBES, TARBES_POPULATION = "commune:65440", 44399.0
PYRENEES_ATLANTIQUES, PYRENEES_ATLANTIQUES_POPULATION = "departement:64", 706564.0
HAUTES_PYRENEES_POPULATION = 231349.0


def user(text):
    return {"event": "user", "text": text}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def validate(dispatcher, before, text, extracted):
    """`before`: the events up to the latest message; `extracted`: what the NLU read in it."""
    events = before + [user(text)] + [slot(name, value) for name, value in extracted.items()]
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    tracker = make_tracker(slots, text=text, events=events)
    result = asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in result}


def place_read(said, territory, population):
    return [user(said), slot("territory", [territory]), slot("population", population),
            slot("departement_count", 1.0), slot("applicant_type", "commune")]


@pytest.mark.parametrize("text, figure", [
    ("on est 50 000 hab", 50000.0),
    ("nous sommes 50000 habitants sur le territoire du projet", 50000.0),
    ("le projet touche 52 000 habitants", 52000.0),
    ("pop 48k", 48000.0),
])
def test_the_users_figure_replaces_the_official_one_at_once_and_says_so(dispatcher, text, figure):
    before = place_read("bjr c la mairie de tarbes", TARBES, TARBES_POPULATION)
    result = validate(dispatcher, before, text, {"population": figure})
    assert result["population"] == figure
    said = texts(dispatcher)
    assert nb(f"Je retiens vos {figure:,.0f}".replace(",", " ")) in said
    assert nb("(population officielle de Tarbes : 44 399)") in said
    assert "Faut-il remplacer" not in said


def test_a_figure_answering_the_question_after_a_place_is_taken_too(dispatcher):
    before = place_read("mairie de Pau", "commune:64445", 80441.0)
    before += [{"event": "bot", "text": "Combien d'habitants le projet couvre-t-il ?"}]
    result = validate(dispatcher, before, "170 000 habitants", {"population": 170000.0})
    assert result["population"] == 170000.0
    assert nb("population officielle de Pau : 80 441") in texts(dispatcher)


def test_a_figure_the_user_stated_before_is_confirmed_first(dispatcher):
    before = [user("on est 45 000 habitants"), slot("population", 45000.0)]
    result = validate(dispatcher, before, "on est 50 000 hab", {"population": 50000.0})
    assert result["population"] == 45000.0
    assert "Oui, remplacer" in str(dispatcher.messages)


def test_a_place_whose_figure_the_user_changed_keeps_the_users_figure_until_confirmed(dispatcher):
    before = place_read("mairie de tarbes", TARBES, TARBES_POPULATION)
    before += [user("on est 47 000 en comptant les communes voisines"), slot("population", 47000.0)]
    result = validate(dispatcher, before, "on est 50 000 hab", {"population": 50000.0})
    assert result["population"] == 47000.0
    assert "Oui, remplacer" in str(dispatcher.messages)


def test_the_departements_said_replace_those_of_the_place(dispatcher):
    before = place_read("prefecture des pyrenees atlantiques", PYRENEES_ATLANTIQUES, PYRENEES_ATLANTIQUES_POPULATION)
    result = validate(dispatcher, before, "le projet couvrirait 4 départements", {"departement_count": 4.0})
    assert result["departement_count"] == 4.0
    assert "Je retiens vos 4 départements" in texts(dispatcher)


@pytest.mark.parametrize("text", ["oups 65 pardon", "non pardon c le 65", "en fait 65"])
def test_a_correction_naming_a_departement_number_replaces_the_place(dispatcher, text):
    before = place_read("ddt 64", PYRENEES_ATLANTIQUES, PYRENEES_ATLANTIQUES_POPULATION)
    result = validate(dispatcher, before, text, {})
    assert result["territory"] == ["departement:65"]
    assert result["population"] == HAUTES_PYRENEES_POPULATION


def test_a_correction_naming_a_departement_number_finds_the_commune_of_that_name_there(dispatcher):
    valence_drome = "commune:26362"
    before = place_read("mairie de valence", valence_drome, 64726.0)
    result = validate(dispatcher, before, "oups 82 pardon", {})
    assert result["territory"][0].startswith("commune:82")


def test_a_number_that_is_not_a_correction_leaves_the_place(dispatcher):
    before = place_read("ddt 64", PYRENEES_ATLANTIQUES, PYRENEES_ATLANTIQUES_POPULATION)
    result = validate(dispatcher, before, "on a 65 agents", {})
    assert "territory" not in result or result["territory"] == [PYRENEES_ATLANTIQUES]


@pytest.mark.parametrize("text, figure", [
    ("on n'est que 3000 hab, ça bloque ?", 3000.0),
    ("on n est que 3000 habitants, ca bloque ?", 3000.0),
    ("nous ne sommes que 12 000 habitants, est-ce un problème ?", 12000.0),
    ("en fait on est 45000 hab, ca passe ?", 45000.0),
    ("on est seulement 8000 habitants, c'est suffisant ?", 8000.0),
    ("non on est plutot 60 000 habitants, ca change quoi ?", 60000.0),
])
def test_a_figure_said_against_the_official_one_with_a_question_replaces_it_at_once(dispatcher, text, figure):
    """« on n'est que 3 000 hab, ça bloque ? »: the figure describes the project; the question is
    answered on it, not on the place's figure."""
    before = place_read("mairie de tarbes", TARBES, TARBES_POPULATION)
    result = validate(dispatcher, before, text, {"population": figure})
    assert result["population"] == figure
    assert "Faut-il remplacer" not in texts(dispatcher)
    assert nb(f"Je retiens vos {figure:,.0f}".replace(",", " ")) in texts(dispatcher)


@pytest.mark.parametrize("text, figure", [
    ("on est 50 000 hab, c'est bon pour TNT-COOP ?", 50000.0),  # the question's premise
    ("avec nos 150 000 habitants on rentre dans les clous ?", 150000.0),
    ("et pour une commune de 3000 habitants, c'est eligible ?", 3000.0),  # another body's
    ("pour notre projet, une commune de 5000 hab peut candidater ?", 5000.0),
    ("la commune fait 4 500 habitants, ça pose souci pour itn3 ?", 4500.0),
])
def test_a_figure_that_may_be_the_questions_premise_is_confirmed_first(dispatcher, text, figure):
    before = place_read("mairie de tarbes", TARBES, TARBES_POPULATION)
    result = validate(dispatcher, before, text, {"population": figure})
    assert result["population"] == TARBES_POPULATION

