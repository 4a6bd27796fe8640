"""A commune named bare (« c rodez », « ici tarbes ») in the answer to « Quelle structure porte le
projet ? » is the territory, with its official population (actions/profile_slots.py); asked about
something else, it is no place."""
import asyncio

import pytest

from actions.profile_slots import ValidateProfileSlots
from tests.actions.conftest import make_tracker

TARBES = "commune:65440"


def user(text):
    return {"event": "user", "text": text}


@pytest.mark.parametrize("text, commune", [("c rodez", "commune:12202"), ("Rodez", "commune:12202"),
                                           ("ici tarbes", TARBES), ("c tarbes", TARBES), ("Tarbes", TARBES),
                                           ("c'est rodez", "commune:12202")])
def test_a_commune_named_bare_to_the_question_who_carries_the_project_is_the_territory(dispatcher, text, commune):
    events = [{"event": "bot", "text": "Quelle structure porte le projet ?"}, user(text)]
    tracker = make_tracker({"requested_slot": "applicant_type"}, text=text, events=events)
    result = {e["name"]: e["value"] for e in asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))}
    assert result["territory"] == [commune]
    assert result["population"] > 0


@pytest.mark.parametrize("text", ["c rodez", "ici tarbes"])
def test_a_bare_word_asked_about_nothing_is_no_place(dispatcher, text):
    events = [{"event": "bot", "text": "Quel est le coût total du projet ?"}, user(text)]
    tracker = make_tracker({"requested_slot": "budget"}, text=text, events=events)
    result = {e["name"]: e["value"] for e in asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))}
    assert "territory" not in result or result["territory"] is None
