"""Validation of what users say about their profile (actions/profile_slots.py, actions/profile_form.py)."""
import asyncio

import pytest

from actions.profile_form import ValidateProfileForm, fields_needed
from actions.profile_slots import ValidateProfileSlots
from tests.actions.conftest import make_tracker, texts
from tests.french import nb


def user(text="..."):
    return {"event": "user", "text": text}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def validate(dispatcher, slots, events, text=""):
    tracker = make_tracker(slots, text=text, events=events)
    result = asyncio.run(ValidateProfileSlots().run(dispatcher, tracker, {}))
    return {e["name"]: e["value"] for e in result}


def test_first_values_are_kept_without_comment(dispatcher):
    events = [user("je suis la DDT, projet de 300 k€"), slot("applicant_type", "service_deconcentre"),
              slot("budget", 300000.0)]
    result = validate(dispatcher, {"applicant_type": "service_deconcentre", "budget": 300000.0}, events)
    assert result["budget"] == 300000.0
    assert dispatcher.messages == []


def test_a_correction_replaces_the_value_and_is_acknowledged(dispatcher):
    events = [user("commune de 350 000 habitants"), slot("population", 350000.0),
              user("en fait nous sommes 250 000 habitants"), slot("population", 250000.0)]
    result = validate(dispatcher, {"population": 250000.0}, events)
    assert result["population"] == 250000.0
    assert texts(dispatcher) == (nb("C'est noté : la population couverte passe de 350 000 habitants "
                                 "à 250 000 habitants."))


def test_a_negative_budget_is_refused_and_the_previous_one_kept(dispatcher):
    events = [user("300 000 €"), slot("budget", 300000.0), user("-5 €"), slot("budget", -5.0)]
    result = validate(dispatcher, {"budget": -5.0}, events, text="-5 €")
    assert result["budget"] == 300000.0
    assert "négatif" in texts(dispatcher) and nb("Je garde 300 000 € TTC") in texts(dispatcher)


def test_an_absurd_population_is_refused(dispatcher):
    events = [user("x"), slot("population", 5e9)]
    result = validate(dispatcher, {"population": 5e9}, events)
    assert result["population"] is None
    assert "trop élevé" in texts(dispatcher)


def test_an_amount_given_ht_is_said_converted(dispatcher):
    events = [user("400 000 € HT"), slot("budget", 480000.0)]
    validate(dispatcher, {"budget": 480000.0}, events, text="notre budget est de 400 000 € HT")
    assert nb("480 000 € TTC") in texts(dispatcher)


def test_a_value_given_after_i_dont_know_is_taken(dispatcher):
    events = [user("x"), slot("budget", 200000.0)]
    result = validate(dispatcher, {"budget": 200000.0, "unknown_fields": ["budget"]}, events)
    assert result["unknown_fields"] == []


# --- the form ---------------------------------------------------------------------------------

def test_the_form_asks_population_only_when_a_call_depends_on_it():
    assert fields_needed({"applicant_type": "commune", "project_nature": "cooperation_usagers",
                          "budget": 400000.0}) == ["population"]
    assert fields_needed({"applicant_type": "service_deconcentre", "project_nature": "donnees",
                          "budget": 300000.0}) == []


def test_the_form_asks_departements_when_the_population_is_not_enough():
    slots = {"applicant_type": "service_deconcentre", "project_nature": "extension_territoriale",
             "budget": 500000.0}
    assert fields_needed(slots) == ["population"]
    assert fields_needed({**slots, "population": 600000.0}) == ["departement_count"]
    assert fields_needed({**slots, "population": 1200000.0}) == []


def test_the_form_asks_the_basics_in_order_and_skips_what_is_unknown():
    assert fields_needed({}) == ["applicant_type", "project_nature", "budget"]
    needed = fields_needed({"applicant_type": "service_deconcentre", "unknown_fields": ["budget"]})
    assert needed[0] == "project_nature" and "budget" not in needed


def test_a_private_person_is_asked_nothing():
    assert fields_needed({"applicant_type": "particulier"}) == []


def extract(slot_name, text, slots=None, entities=None):
    dispatcher_ = __import__("rasa_sdk.executor", fromlist=["CollectingDispatcher"]).CollectingDispatcher()
    tracker = make_tracker({"requested_slot": slot_name, **(slots or {})}, text=text, entities=entities)
    method = getattr(ValidateProfileForm(), f"extract_{slot_name}")
    return asyncio.run(method(dispatcher_, tracker, {})), texts(dispatcher_)


@pytest.mark.parametrize("text, value", [("400000", 400000.0), ("400 000", 400000.0), ("400k", 400000.0),
                                         ("1,5 million", 1500000.0)])
def test_a_bare_number_answers_the_budget_question(text, value):
    result, _ = extract("budget", text)
    assert result == {"budget": value, "budget_given": {"amount": value, "tax": None}, "budget_pending": None}


def test_i_dont_know_is_accepted():
    result, said = extract("budget", "je ne sais pas", {"unknown_fields": []})
    assert result == {"unknown_fields": ["budget"], "budget": None}
    assert "à confirmer" in said


@pytest.mark.parametrize("text, words", [("beaucoup", "chiffre"), ("-5", "négatif"), ("0", "nul")])
def test_unusable_budget_answers_get_a_french_reply_and_the_question_again(text, words):
    result, said = extract("budget", text)
    assert result == {"budget": None}
    assert words in said


def test_population_answer():
    result, _ = extract("population", "350 000")
    assert result == {"population": 350000.0}


def test_no_extraction_when_another_slot_is_asked():
    result, said = extract("budget", "400000", {"requested_slot": "population"})
    assert result == {} and said == ""


def test_unrecognised_theme_is_asked_again_and_i_dont_know_accepted():
    result, said = extract("project_nature", "un truc")
    # the form's next question says it and offers buttons (tests/actions/test_theme_questions.py)
    assert result == {"project_nature": None} and said == ""
    result, _ = extract("project_nature", "je ne sais pas encore", {"unknown_fields": []})
    assert result["unknown_fields"] == ["project_nature"]


def test_the_form_action_returns_i_dont_know_so_the_form_moves_on(dispatcher):
    """Through the whole FormValidationAction.run, not only extract_budget: the SDK drops slots that
    are no longer required, and "je ne sais pas" must still reach the tracker."""
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "requested_slot": "budget",
                            "project_nature": "cooperation_usagers", "unknown_fields": []},
                           text="je ne sais pas", intent="deny", events=[user("je ne sais pas")],
                           active_loop="profile_form")
    result = asyncio.run(ValidateProfileForm().run(dispatcher, tracker, {"forms": {}, "slots": {}}))
    assert {e["name"]: e["value"] for e in result} == {"unknown_fields": ["budget"], "budget": None}
    assert "à confirmer" in texts(dispatcher)


def test_a_changed_applicant_type_is_acknowledged_in_good_french(dispatcher):
    events = [user("je suis un ministère"), slot("applicant_type", "administration_centrale"),
              user("en fait une association"), slot("applicant_type", "association")]
    validate(dispatcher, {"applicant_type": "association"}, events)
    assert "passe d'une administration centrale à une association" in texts(dispatcher)


def test_a_crafted_payload_with_an_unknown_value_is_refused(dispatcher):
    events = [user("je suis une commune"), slot("applicant_type", "commune"),
              user('/inform{"applicant_type": "xyz", "project_nature": "piratage"}'),
              slot("applicant_type", "xyz"), slot("project_nature", "piratage")]
    result = validate(dispatcher, {"applicant_type": "xyz", "project_nature": "piratage"}, events,
                      text='/inform{"applicant_type": "xyz", "project_nature": "piratage"}')
    assert result["applicant_type"] == "commune" and result["project_nature"] is None
    assert "Je ne connais pas cette valeur pour le type de porteur. Je garde" in texts(dispatcher)
    assert "Je ne connais pas cette valeur pour le thème du projet." in texts(dispatcher)
