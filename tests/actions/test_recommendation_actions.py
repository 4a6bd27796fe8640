"""The recommendation, funding and list actions on tracker fixtures."""
import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.call_questions import ActionFunding, ActionListCalls, ActionWhyNot
from actions.recommendation import ActionRecommend
from tests.actions.conftest import entity, make_tracker, texts
from tests.french import nb


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


def test_recommends_tnt_coop_with_the_amount_and_sets_recommended_calls(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
                            "project_nature": "cooperation_usagers"})
    events = run(ActionRecommend(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "1. TNT-COOP — Développer la coopération" in said
    assert nb("75 % de 400 000 €, soit jusqu'à 300 000 €") in said
    assert "ouvert jusqu'au 22 novembre 2021" in said
    recommended = next(e for e in events if e["name"] == "recommended_calls")["value"]
    assert recommended[0] == "TNT-COOP"
    assert "ITN2" not in recommended  # ineligible calls are not recommended
    payloads = [b["payload"] for m in dispatcher.messages for b in m.get("buttons", [])]
    assert "/ask_appointment" in payloads
    assert any("TNT-COOP" in p for p in payloads)


def test_a_closed_call_is_said_closed_with_the_advice_to_ask_dinum(dispatcher, monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2026-11-25")
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
                            "project_nature": "cooperation_usagers"})
    run(ActionRecommend(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "clôturé le 22 novembre 2021" in said
    assert "nouvelle session" in said


def test_a_call_on_the_theme_that_does_not_fit_is_named_and_its_reason_comes_on_demand(dispatcher):
    slots = {"applicant_type": "commune", "population": 250000.0, "budget": 400000.0,
             "project_nature": "cooperation_usagers"}
    run(ActionRecommend(), dispatcher, make_tracker(slots))
    said = texts(dispatcher)
    assert "1. FEDER-NUM" in said
    assert "Sur ce thème, ne vous sont pas ouverts : TNT-COOP" in said
    assert "Population couverte" not in said  # the answer first: the reason comes with « Détails »
    why = next(b for m in dispatcher.messages for b in m.get("buttons", []) if b["title"] == "Pourquoi pas TNT-COOP ?")
    assert why["payload"] == '/ask_why_not{"call_code": "TNT-COOP"}'
    answer = CollectingDispatcher()
    run(ActionWhyNot(), answer, make_tracker(slots, intent="ask_why_not",
                                               entities=[entity("call_code", "TNT-COOP")]))
    assert nb("Population couverte 250 000 < 300 000 habitants requis") in texts(answer)


def test_nothing_fits_is_said_with_the_reason(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 20000.0, "budget": 50000.0,
                            "project_nature": "cooperation_usagers"})
    run(ActionRecommend(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "Aucun appel ne correspond" in said
    assert nb("300 000 habitants") in said


def test_a_private_person_is_told_kindly(dispatcher):
    events = run(ActionRecommend(), dispatcher, make_tracker({"applicant_type": "particulier"}))
    assert "aucun n'est ouvert aux particuliers" in texts(dispatcher)
    assert next(e for e in events if e["name"] == "recommended_calls")["value"] == []


def test_missing_information_is_asked_for(dispatcher):
    run(ActionRecommend(), dispatcher, make_tracker({"applicant_type": "commune",
                                                     "project_nature": "cooperation_usagers"}))
    said = texts(dispatcher)
    assert "à confirmer" in said.lower()
    assert "la population couverte" in said


def test_funding_over_the_recommended_calls(dispatcher):
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 300000.0,
                            "project_nature": "donnees"}, intent="ask_funding")
    run(ActionFunding(), dispatcher, tracker)
    assert nb("ITN5 : 75 % de 300 000 €, soit jusqu'à 225 000 €") in texts(dispatcher)


def test_funding_for_one_call_with_its_cap(dispatcher):
    tracker = make_tracker({"applicant_type": "administration_centrale", "budget": 5000000.0},
                           text="combien avec SNAP4 ?", intent="ask_funding",
                           entities=[entity("call_code", "SNAP4")])
    events = run(ActionFunding(), dispatcher, tracker)
    assert nb("plafonné à 3 000 000 €") in texts(dispatcher)
    assert {"event": "slot", "timestamp": None, "name": "current_call", "value": "SNAP4"} in events


def test_funding_without_budget_asks_for_it(dispatcher):
    run(ActionFunding(), dispatcher, make_tracker({"applicant_type": "commune"}, intent="ask_funding"))
    assert "coût total du projet" in texts(dispatcher)


def test_list_of_calls(dispatcher):
    run(ActionListCalls(), dispatcher, make_tracker())
    said = texts(dispatcher)
    assert "Je connais 21 appels" in said and "• SNAP3 —" in said


def test_how_much_after_talking_about_a_call_means_that_call(dispatcher):
    """« combien je peux avoir ? »: the call discussed last."""
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 300000.0, "current_call": "ITN5",
                            "recommended_calls": ["ITN5", "ITN1"]}, text="combien je peux avoir ?", intent="ask_funding")
    run(ActionFunding(), dispatcher, tracker)
    assert texts(dispatcher).startswith("ITN5 — ") and nb("75 % de 300 000 €, soit jusqu'à 225 000 €") in texts(dispatcher)
