"""The report's two checks (devtools/reply_checks.py) on the bot's own messages: which replies to a
question are answers, and where a stored summary differs from the profile confirmed."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionRephrase
from actions.profile_form import ActionAskApplicantType, ActionAskBudget, ActionAskPopulation, ActionAskProjectNature
from devtools.reply_checks import UNANSWERED, message_kind, reply_kind, summary_mismatches
from orientation.eligibility import INELIGIBLE, Profile, evaluate
from orientation.replies.advisor_summary import advisor_summary
from orientation.replies.recommendation import recommendation
from orientation.replies.side_questions import no_answer
from tests.actions.conftest import make_tracker

DATE = "2021-10-15"


@pytest.fixture(autouse=True)
def reference_date(monkeypatch):
    monkeypatch.setenv("ORIENTATION_DATE", DATE)


def said(action, **tracker) -> list:
    dispatcher = CollectingDispatcher()
    asyncio.run(action().run(dispatcher, make_tracker(**tracker), {}))
    return [m.get("text") or "" for m in dispatcher.messages]


def profile(**values) -> Profile:
    import datetime as dt
    return Profile(date=dt.date(2021, 10, 15), **values)


@pytest.mark.parametrize("action", [ActionAskApplicantType, ActionAskProjectNature, ActionAskBudget, ActionAskPopulation])
def test_a_form_question_alone_is_not_an_answer(action):
    messages = said(action, text="ok", slots={"applicant_type": "commune"}, active_loop="profile_form")
    assert reply_kind(messages) == "asked_again"
    assert "asked_again" in UNANSWERED


def test_the_rephrase_prompt_its_second_form_and_an_empty_reply_are_not_answers():
    first = said(ActionRephrase, text="zzz grmbl")
    assert reply_kind(first) == "rephrase"
    again = said(ActionRephrase, text="zzz grmbl", events=[{"event": "user", "text": "xx"},
                                                         {"event": "bot", "text": first[0]},
                                                         {"event": "user", "text": "zzz grmbl"}])
    assert again != first and reply_kind(again) == "rephrase"
    assert reply_kind([]) == reply_kind(["", "  "]) == "empty"


def test_the_full_recommendation_is_not_an_answer_even_with_its_cards():
    p = profile(applicant_type="commune", population=40000, budget=300000, nature="relation_usagers")
    messages = [m.get("text") or "" for m in recommendation(p, evaluate(p))]
    assert reply_kind(messages) == "recommendation"


def test_the_honest_sentence_counts_and_an_answer_followed_by_the_form_question_is_an_answer():
    assert reply_kind([no_answer()["text"], "Quel est le coût total prévu du projet, en euros TTC ?"]) == "honest"
    assert message_kind("Je ne sais pas répondre à cette question ; je la note pour le conseiller.") == "honest"
    answer = "SNAP3 — Socle numérique : le taux de cofinancement est de 50 %."
    assert reply_kind([answer, "Quelle structure porte le projet ? Choisissez ci-dessous"]) == "answer"
    assert reply_kind(["J'y répondrai volontiers juste après la réservation.", "Quels sont vos prénom et nom ?"]) \
        == "asked_again"


def test_a_summary_that_says_the_confirmed_profile_has_no_mismatch():
    p = profile(applicant_type="commune", population=40000, budget=300000, nature="relation_usagers")
    results = evaluate(p)
    told = [r.code for r in results if r.verdict != INELIGIBLE][:2]
    text = advisor_summary(p, results, ["c'est cumulable ?"], told_fit=told)
    expected = {"applicant_type": "commune", "population": 40000, "budget": 300000, "project_nature": "relation_usagers"}
    assert summary_mismatches(text, expected, told) == []


def test_each_field_that_differs_is_named():
    p = profile(applicant_type="commune", population=40000, budget=300000, nature="relation_usagers")
    text = advisor_summary(p, evaluate(p), [])
    expected = {"applicant_type": "epci", "population": 45000, "budget": 360000, "project_nature": "donnees",
                "departement_count": 2}
    assert summary_mismatches(text, expected, ["ZZZ9"]) == [
        "applicant_type", "population", "budget", "project_nature", "departement_count", "calls_told"]
    assert summary_mismatches(text, expected | {"population": 45000}, population_scored=False)[1] == "budget"


def test_a_summary_without_a_profile_mismatches_a_confirmed_one():
    text = advisor_summary(profile(), [], ["où déposer ?"])
    assert summary_mismatches(text, {"applicant_type": None, "budget": None}) == []
    assert summary_mismatches(text, {"applicant_type": "region", "budget": 1e6}) == ["applicant_type", "budget"]
