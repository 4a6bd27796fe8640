"""A message that only asks something while the profile form waits gets an answer, or the honest
sentence and the question kept for the advisor, before the form asks again (actions/profile_form.py)."""
from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile_form import ActionAskApplicantType, ActionAskBudget, ActionAskProjectNature
from tests.actions.conftest import make_tracker, texts

QUESTION = "Quelle structure porte le projet ?"


def run(action, tracker, dispatcher):
    import asyncio
    return asyncio.run(action().run(dispatcher, tracker, {}))


@pytest.mark.parametrize("text", [
    "c qui depose le dossier, nous ou le ministere",
    "ya des aides pour les pc ?",
    "est-ce que les salaires des agents sont finances ?",
])
def test_a_question_read_as_information_is_answered_before_the_form_asks_again(text, dispatcher):
    tracker = make_tracker(text=text, intent="inform", active_loop="profile_form",
                           slots={"requested_slot": "applicant_type"})
    events = run(ActionAskApplicantType, tracker, dispatcher)
    said = texts(dispatcher)
    assert said.rstrip().endswith(QUESTION.rstrip(" ?")) or QUESTION in said
    before = said.split(QUESTION)[0].strip()
    assert before, "the question got no answer before the form's question"
    assert any(e.get("name") == "questions_asked" for e in events)  # kept for the advisor


@pytest.mark.parametrize("action, text", [
    (ActionAskApplicantType, "la commune porte le projet"),
    (ActionAskBudget, "/inform"),
])
def test_a_message_that_says_something_of_the_user_gets_the_form_question_only(action, text, dispatcher):
    said = [{"entity": "applicant_type", "value": "commune", "start": text.find("commune"), "end": text.find("commune") + 7}]
    tracker = make_tracker(text=text, intent="inform", active_loop="profile_form",
                           entities=said if "commune" in text else [])
    assert run(action, tracker, dispatcher) == []
    assert len(dispatcher.messages) == 1


@pytest.mark.parametrize("text", [
    "on est une commune de 5 000 hab, on peut candidater ?",
    "bonjour, nous sommes une commune de 5000 habitants, quels appels pour nous ?",
    "commune de 5000 hab on a le droit de deposer ?",
])
def test_a_question_beside_facts_that_the_recommendation_answers_is_promised_with_what_it_needs(text, dispatcher):
    said = [{"entity": "applicant_type", "value": "commune", "start": text.find("commune"), "end": text.find("commune") + 7}]
    tracker = make_tracker(text=text, intent="inform", active_loop="profile_form", entities=said,
                           slots={"applicant_type": "commune", "population": 5000, "requested_slot": "project_nature"})
    events = run(ActionAskProjectNature, tracker, dispatcher)
    promise, question = [m["text"] for m in dispatcher.messages]
    assert promise.startswith("Je vous réponds dès que je connais l'objet du projet et le coût total du projet")
    assert question.startswith("Quel est l'objet du projet")
    assert [e["value"] for e in events if e.get("name") == "questions_asked"] == [[text]]


@pytest.mark.parametrize("text", [
    "on est une commune de 5 000 hab, les licences c'est finance ?",
    "commune de 5000 habitants. les salaires des agents sont pris en charge ?",
])
def test_a_side_question_beside_facts_is_answered_before_the_form_asks(text, dispatcher):
    said = [{"entity": "applicant_type", "value": "commune", "start": text.find("commune"), "end": text.find("commune") + 7}]
    tracker = make_tracker(text=text, intent="inform", active_loop="profile_form", entities=said,
                           slots={"applicant_type": "commune", "population": 5000, "requested_slot": "project_nature"})
    events = run(ActionAskProjectNature, tracker, dispatcher)
    assert len(dispatcher.messages) == 2 and dispatcher.messages[-1]["text"].startswith("Quel est l'objet du projet")
    assert any(e.get("name") == "questions_asked" for e in events)


def test_the_form_never_says_the_same_reply_twice_in_a_row(dispatcher):
    from actions.profile_form import BUDGET_AGAIN, BUDGET_QUESTION
    said_before = [{"event": "user", "text": "mairie de Pau"}, {"event": "bot", "text": BUDGET_QUESTION},
                   {"event": "user", "text": "80 000 habitants"}]
    tracker = make_tracker(text="80 000 habitants", active_loop="profile_form", events=said_before,
                           slots={"applicant_type": "commune", "requested_slot": "budget"})
    run(ActionAskBudget, tracker, dispatcher)
    assert [m["text"] for m in dispatcher.messages] == [BUDGET_AGAIN]
    other = make_tracker(text="80 000 habitants", active_loop="profile_form",
                         events=said_before[:1] + [{"event": "bot", "text": "Pau (64) : 80 441 habitants."}] + said_before[1:],
                         slots={"applicant_type": "commune", "requested_slot": "budget"})
    again = CollectingDispatcher()
    run(ActionAskBudget, other, again)
    assert [m["text"] for m in again.messages] == [BUDGET_QUESTION]  # the previous reply was not this question alone
