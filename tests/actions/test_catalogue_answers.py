"""Questions answered from the catalogue, about the body asked about: who may apply with the criteria
the bot cannot check, « une collectivité » as a whole, expenses asked in a question the NLU read as
one about the call."""
import asyncio

import pytest

from actions.call_questions import ActionCallInfo, ActionCanApply
from orientation.entities import lexicon_entities
from tests.actions.conftest import make_tracker, texts


def ask(action, dispatcher, text, code, slots=None, entities=(), intent="ask_call_info"):
    tracker = make_tracker(slots or {}, text=text, intent=intent,
                           entities=[{"entity": "call_code", "value": code}, *entities])
    return asyncio.run(action.run(dispatcher, tracker, {}))


def test_who_may_apply_to_itn3_includes_the_team_composition_the_bot_cannot_check(dispatcher):
    ask(ActionCallInfo(), dispatcher, "qui peut candidater a ITN3 ?", "ITN3",
        entities=[{"entity": "call_aspect", "value": "beneficiaires"}])
    said = texts(dispatcher)
    assert "Critères que je ne peux pas vérifier" in said and "au moins à hauteur de 50 %" in said


@pytest.mark.parametrize("text", ["Est-ce qu'une collectivité peut candidater à ITN2 ?",
                                  "les collectivites ont le droit de deposer sur ITN2 ?",
                                  "itn2 c ouvert aux collectivites ?"])
def test_a_collectivite_as_a_whole_is_answered_for_every_kind(dispatcher, text):
    ask(ActionCanApply(), dispatcher, text, "ITN2", slots={"applicant_type": "departement"}, intent="ask_can_apply")
    said = texts(dispatcher)
    assert said.startswith("Non, aucune des collectivités territoriales (régions, départements, communes")
    assert "les collectivités territoriales en sont exclues" in said


def test_the_body_asked_about_not_the_users_own(dispatcher):
    ask(ActionCanApply(), dispatcher, "un hopital peut candidater a FEDER-NUM ?", "FEDER-NUM",
        slots={"applicant_type": "departement"}, intent="ask_can_apply",
        entities=[{"entity": "applicant_type", "value": "etablissement_public_sante"}])
    assert texts(dispatcher).startswith("Oui")
    assert "département" not in texts(dispatcher).split("—")[0]


@pytest.mark.parametrize("text, expected", [
    ("la formation des agents est financee par SNAP2A ?", "formation et support utilisateur"),
    ("et le temps des agents sur SNAP2A, c'est pris ?", "titre 2"),
    ("SNAP2A paie les serveurs ?", "la fiche ne dit rien sur le matériel"),
])
def test_an_expense_question_about_a_named_call_is_answered_not_the_presentation(dispatcher, text, expected):
    ask(ActionCallInfo(), dispatcher, text, "SNAP2A", slots={"applicant_type": "administration_centrale"})
    assert texts(dispatcher).startswith("SNAP2A — ") and expected in texts(dispatcher)


def test_every_question_of_the_message_is_answered_and_recorded_once(dispatcher):
    events = ask(ActionCallInfo(), dispatcher, "quel est le taux de SNAP2A, et le temps des agents c'est pris ?",
                 "SNAP2A", slots={"applicant_type": "administration_centrale"},
                 entities=[{"entity": "call_aspect", "value": "taux"}])
    said = texts(dispatcher)
    assert "cofinancement" in said and "titre 2" in said
    recorded = [e["value"] for e in events if e.get("name") == "questions_asked"]
    assert recorded[-1] == ["quel est le taux de SNAP2A, et le temps des agents c'est pris ?"]


@pytest.mark.parametrize("text", ["Est-ce qu'un college (EPLE) pourrait candidater lui-meme au FEDER ?",
                                  "un lycée peut déposer seul sur FEDER-NUM ?"])
def test_a_college_asked_about_is_answered_as_an_eple_not_as_the_users_departement(dispatcher, text):
    entities = [e for e in lexicon_entities(text) if e["entity"] == "applicant_type"]
    ask(ActionCanApply(), dispatcher, text, "FEDER-NUM", slots={"applicant_type": "departement"},
        intent="ask_can_apply", entities=entities)
    said = texts(dispatcher)
    assert said.startswith("Oui") and "établissement public local" in said
