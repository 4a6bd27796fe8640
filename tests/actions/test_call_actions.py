"""Questions about calls: answers come from the catalogue, figure first, call cited."""
import asyncio

import pytest

from actions.call_questions import ActionCallInfo, ActionCompareCalls, ActionWhyNot
from actions.handoff import ActionAppointmentHandoff
from tests.actions.conftest import entity, make_tracker, texts
from tests.french import nb


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


@pytest.mark.parametrize("code, aspect, expected", [
    ("SNAP3", "taux", "SNAP3 — Terminaux numériques sécurisés : cofinancement 75 %"),
    ("SNAP3", "plafond", "plafonnée à 2 000 000 €"),
    ("ITN6", "taux", "100 %"),
    ("TNT-COOP", "dates", "ouvert jusqu'au 22 novembre 2021"),
    ("TNT-COOP", "beneficiaires", "au moins 300 000 habitants"),
    ("ITN2", "beneficiaires", "les collectivités territoriales en sont exclues"),
    ("ITN8A", "taille", "250 000 €"),
    ("ITN5", "criteres", "Critères de sélection de ITN5"),
    ("ITN8A", "engagements", "12 mois"),
    ("TNT-COOP", "candidature", "https://www.demarches-simplifiees.fr/commencer/candidature-aap-coop2"),
    ("ITN3", "exemples", "Resana"),
    ("FEDER-NUM", "presentation", "FEDER-NUM —"),
])
def test_each_question_type_about_a_call(dispatcher, code, aspect, expected):
    tracker = make_tracker(text="?", intent="ask_call_info",
                           entities=[entity("call_code", code), entity("call_aspect", aspect)])
    events = run(ActionCallInfo(), dispatcher, tracker)
    assert nb(expected) in texts(dispatcher)
    assert any(e["name"] == "current_call" and e["value"] == code for e in events)


def test_a_follow_up_question_uses_the_call_discussed_last(dispatcher):
    tracker = make_tracker({"current_call": "ITN5"}, text="et son taux ?", intent="ask_call_info",
                           entities=[entity("call_aspect", "taux")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert texts(dispatcher).startswith(nb("ITN5 — Cycle de vie de la donnée : cofinancement 75 %"))


def test_a_call_code_that_does_not_exist(dispatcher):
    tracker = make_tracker(text="c'est quoi ITN7 ?", intent="ask_call_info", entities=[entity("call_code", "ITN7")])
    run(ActionCallInfo(), dispatcher, tracker)
    assert "Je ne connais pas d'appel « ITN7 »" in texts(dispatcher)


def test_no_call_named_asks_which(dispatcher):
    run(ActionCallInfo(), dispatcher, make_tracker(text="c'est quoi le taux ?", intent="ask_call_info"))
    assert "De quel appel parlez-vous" in texts(dispatcher)


def test_why_not_itn2_for_a_collectivite(dispatcher):
    tracker = make_tracker({"applicant_type": "departement", "budget": 400000.0}, text="pourquoi pas ITN2 ?",
                           intent="ask_why_not", entities=[entity("call_code", "ITN2")])
    events = run(ActionWhyNot(), dispatcher, tracker)
    said = texts(dispatcher)
    assert said.startswith("Vous n'êtes pas éligible à ITN2 — Transformation numérique des écosystèmes")
    assert "les collectivités territoriales en sont exclues" in said
    questions = next(e for e in events if e["name"] == "questions_asked")["value"]
    assert questions == ["pourquoi pas ITN2 ?"]


def test_why_not_a_call_that_does_fit(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
                            "project_nature": "donnees"}, intent="ask_why_not",
                           entities=[entity("call_code", "TNT-COOP")])
    run(ActionWhyNot(), dispatcher, tracker)
    assert "Vous êtes éligible à TNT-COOP" in texts(dispatcher)
    assert "autre thème" in texts(dispatcher)


def test_compare_two_calls(dispatcher):
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 300000.0}, intent="compare_calls",
                           entities=[entity("call_code", "ITN8A"), entity("call_code", "ITN8C", start=10)])
    run(ActionCompareCalls(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "ITN8A — Mettre en œuvre une stratégie de contact omnicanale" in said
    assert "ITN8C —" in said and said.index("ITN8A") < said.index("ITN8C")


def test_compare_needs_two_calls(dispatcher):
    run(ActionCompareCalls(), dispatcher, make_tracker(intent="compare_calls", entities=[entity("call_code", "ITN1")]))
    assert "Donnez-moi deux codes" in texts(dispatcher)


def test_the_handoff_recaps_the_case_for_the_advisor(dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
                            "project_nature": "cooperation_usagers", "questions_asked": ["pourquoi pas ITN2 ?"]},
                           intent="ask_appointment")
    run(ActionAppointmentHandoff(), dispatcher, tracker)
    said = texts(dispatcher)
    assert "créneaux de 15\u00a0minutes" in said
    assert nb("Profil : une commune, 350 000 habitants, projet de 400 000 € TTC") in said
    assert nb("TNT-COOP (vous êtes éligible, 75 % de 400 000 €, soit jusqu'à 300 000 €") in said
    assert "Questions posées : pourquoi pas ITN2 ?" in said


# --- yes/no eligibility questions and the call meant -------------------------------------------
from actions.call_questions import ActionCanApply  # noqa: E402


def test_a_type_not_admitted_is_answered_no_with_who_may_apply(dispatcher):
    tracker = make_tracker({"applicant_type": "commune"}, text="un EPCI peut-il répondre à ITN6 ?",
                           intent="ask_can_apply", entities=[entity("applicant_type", "epci"), entity("call_code", "ITN6")])
    run(ActionCanApply(), dispatcher, tracker)
    said = texts(dispatcher)
    assert said.startswith("Non. ITN6")
    assert "l'appel est ouvert aux" in said


def test_an_admitted_type_is_answered_yes_with_the_money(dispatcher):
    tracker = make_tracker({"applicant_type": "service_deconcentre", "budget": 300000.0, "project_nature": "donnees"},
                           text="sommes-nous éligibles à ITN5 ?", intent="ask_can_apply",
                           entities=[entity("call_code", "ITN5")])
    run(ActionCanApply(), dispatcher, tracker)
    said = texts(dispatcher)
    assert said.startswith("Oui. ITN5")
    assert nb("75 % de 300 000 €, soit jusqu'à 225 000 €") in said


def test_without_a_type_the_answer_says_who_may_apply(dispatcher):
    tracker = make_tracker({}, text="on peut candidater à ITN5 ?", intent="ask_can_apply",
                           entities=[entity("call_code", "ITN5")])
    run(ActionCanApply(), dispatcher, tracker)
    assert "Cela dépend de la structure" in texts(dispatcher)


def test_a_follow_up_without_a_code_means_the_first_recommended_call(dispatcher):
    tracker = make_tracker({"applicant_type": "service_deconcentre", "recommended_calls": ["ITN5", "ITN1"]},
                           text="et c'est encore ouvert ?", intent="ask_call_info",
                           entities=[entity("call_aspect", "dates")])
    events = run(ActionCallInfo(), dispatcher, tracker)
    assert "ITN5" in texts(dispatcher) and "De quel appel" not in texts(dispatcher)
    assert any(e["name"] == "current_call" and e["value"] == "ITN5" for e in events)


def test_the_call_discussed_last_wins_over_the_recommended_one(dispatcher):
    tracker = make_tracker({"current_call": "ITN1", "recommended_calls": ["ITN5", "ITN1"]},
                           text="et pour celui-là ?", intent="ask_call_info")
    run(ActionCallInfo(), dispatcher, tracker)
    assert texts(dispatcher).startswith("ITN1")
