"""Today's question and the list of calls: one plain sentence at the reference date, then every
call with its status; FEDER-NUM past the France Relance envelopes says what to check and with whom."""
import asyncio

import pytest

from actions.call_questions import ActionCallInfo, ActionListCalls
from actions.dialogue_turn import asks_whats_open
from actions.profile_form import ActionAskApplicantType
from tests.actions.conftest import make_tracker, texts

FEDER_CHECK = ("la fiche ne publie pas de date : vérifiez auprès de l'autorité de gestion des fonds européens "
               "de votre région")


@pytest.fixture
def december_2026(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", "2026-12-06")


def run(action, dispatcher, tracker):
    return asyncio.run(action.run(dispatcher, tracker, {}))


@pytest.mark.parametrize("text", ["qu'est-ce qui est ouvert ?", "quels appels sont ouverts en ce moment ?",
                                  "France Relance c'est fini ? qu'est ce qui est encore ouvert ?",
                                  "c koi qui est encore ouvert", "y a encore des appels ouverts pour nous",
                                  "il reste quoi comme aides dispo actuellement", "ya encore qqch d'ouvert ?"])
def test_todays_question_is_recognised_in_several_wordings(text):
    assert asks_whats_open(make_tracker(text=text, intent="ask_call_info"))


@pytest.mark.parametrize("text, entities", [("c'est encore ouvert ?", []),
                                            ("ITN5 est encore ouvert ?", [{"entity": "call_code", "value": "ITN5"}]),
                                            ("quel est le taux ?", [])])
def test_a_question_about_one_call_is_not_todays_question(text, entities):
    assert not asks_whats_open(make_tracker(text=text, intent="ask_call_info", entities=entities))


def test_in_december_2026_one_call_is_open_and_feder_num_carries_its_caveat(december_2026, dispatcher):
    tracker = make_tracker({"applicant_type": "commune", "population": 4000.0},
                           text="quels appels sont ouverts en ce moment ?", intent="ask_call_info",
                           entities=[{"entity": "call_aspect", "value": "dates"}])
    result = run(ActionCallInfo(), dispatcher, tracker)
    sentence, listing = dispatcher.messages[0]["text"], dispatcher.messages[1]["text"]
    assert sentence.startswith("Au 6 décembre 2026, 1 appel sur les 21 que je connais reçoit des dossiers : FEDER-NUM")
    assert "Les 20 appels de France Relance sont clos" in sentence and FEDER_CHECK in sentence
    assert "Pour votre profil : FEDER-NUM" in sentence
    assert "31 décembre 2022" not in sentence  # no end date the sources do not give
    assert listing.startswith("Je connais 21 appels :") and listing.count("\n•") == 21
    assert result[0]["name"] == "questions_asked"


def test_for_everyone_when_no_profile_is_known(december_2026, dispatcher):
    run(ActionCallInfo(), dispatcher, make_tracker(text="qu'est-ce qui est ouvert ?", intent="ask_call_info"))
    assert "Pour votre profil" not in dispatcher.messages[0]["text"]


def test_every_list_of_calls_shows_each_status(december_2026, dispatcher):
    run(ActionListCalls(), dispatcher, make_tracker(text="la liste des appels", intent="list_calls"))
    lines = texts(dispatcher).splitlines()[1:-1]
    assert len(lines) == 21
    assert all(" : " in line and ("clos" in line or "clôturé" in line or "fil de l'eau" in line) for line in lines)


def test_in_2021_the_open_calls_are_counted(dispatcher):  # the conftest's date, 15 October 2021
    run(ActionListCalls(), dispatcher, make_tracker(text="quels appels sont encore ouverts ?", intent="list_calls"))
    assert dispatcher.messages[0]["text"].startswith("Au 15 octobre 2021, ")
    assert "France Relance sont clos" not in dispatcher.messages[0]["text"]


def test_remind_me_the_calls_after_a_recommendation_is_the_recommendation(dispatcher):
    events = [{"event": "slot", "name": "applicant_type", "value": "region"},
              {"event": "action", "name": "action_recommend"}]
    run(ActionListCalls(), dispatcher, make_tracker({"applicant_type": "region"}, text="rappelez-moi les appels",
                                                    intent="list_calls", events=events))
    assert "Votre profil" in texts(dispatcher)


def test_todays_question_that_starts_the_profile_form_is_answered_before_its_first_question(dispatcher):
    run(ActionAskApplicantType(), dispatcher, make_tracker(text="qu'est-ce qui est ouvert ?", intent="inform"))
    assert dispatcher.messages[0]["text"].startswith("Au 15 octobre 2021, ")
    assert dispatcher.messages[-1]["text"].startswith("Quelle structure porte le projet ?")
