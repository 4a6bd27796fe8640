"""The advisor's summary: every call the user was told fits (off-theme ones too), every question
marked answered or unanswered, and the profile's confirmed values only."""
import asyncio

from actions.booking import advisor_summary
from actions.call_questions import ActionCanApply
from tests.actions.conftest import make_tracker

ASSOCIATION = {"applicant_type": "association", "project_nature": "travail_collaboratif", "budget": 150_000.0}


def test_a_call_the_user_was_told_fits_is_listed_even_off_theme():
    # a commune on « relation usagers »: FEDER-NUM was said « éligibilité à confirmer » on another theme
    summary = advisor_summary(make_tracker({"applicant_type": "commune", "project_nature": "terminaux",
                                            "budget": 200_000.0, "recommended_calls": ["FEDER-NUM"]}))
    assert "FEDER-NUM (" in summary
    assert "Aucun appel recommandé" not in summary


def test_every_question_is_marked_answered_or_unanswered():
    summary = advisor_summary(make_tracker({**ASSOCIATION, "questions_asked": [
        "quel est le taux ?", "on peut payer le salaire de l'animateur ? (sans réponse : pour le conseiller)",
        "c'est cumulable avec la DSIL ?"]}))
    assert ("Questions posées : quel est le taux ? (répondue) | on peut payer le salaire de l'animateur ? "
            "(sans réponse : pour le conseiller) | c'est cumulable avec la DSIL ? (répondue)") in summary


def test_more_than_five_questions_are_all_listed():
    asked = [f"question {i} ?" for i in range(8)]
    summary = advisor_summary(make_tracker({**ASSOCIATION, "questions_asked": asked}))
    assert all(f"question {i} ? (répondue)" in summary for i in range(8))


def test_a_hypothesis_never_reaches_the_summary():
    summary = advisor_summary(make_tracker({**ASSOCIATION, "what_if": {"applicant_type": "commune"}}))
    assert "association" in summary and "commune" not in summary.split("\n")[0]


def test_yes_to_can_we_apply_about_ourselves_is_remembered_as_told_about_another_body_not(dispatcher):
    ours = make_tracker({"applicant_type": "commune"}, text="on peut candidater a FEDER-NUM ?", intent="ask_can_apply",
                        entities=[{"entity": "call_code", "value": "FEDER-NUM"}])
    events = asyncio.run(ActionCanApply().run(dispatcher, ours, {}))
    assert {"event": "slot", "name": "recommended_calls", "value": ["FEDER-NUM"], "timestamp": None} in events
    other = make_tracker({"applicant_type": "commune"}, text="un hopital peut candidater a FEDER-NUM ?",
                         intent="ask_can_apply", entities=[{"entity": "call_code", "value": "FEDER-NUM"},
                                                           {"entity": "applicant_type",
                                                            "value": "etablissement_public_sante"}])
    events = asyncio.run(ActionCanApply().run(dispatcher, other, {}))
    assert not any(e.get("name") == "recommended_calls" for e in events)
