"""The full recommendation once per profile: after it, a question gets its answer, a message that
changes nothing a short prompt, a change only what changed, and « récapitulez » the whole again."""
import asyncio

import pytest

from actions.dialogue_turn import asks_for_recap, is_question
from actions.fallback import REPHRASE, ActionRephrase
from actions.recommendation import ActionRecommend
from actions.tracker import profile_from
from orientation.eligibility import evaluate
from orientation.replies.recommendation import recommendation
from orientation.replies.recommendation_delta import first_sentence
from orientation.replies.side_questions import NO_ANSWER
from tests.actions.conftest import make_tracker, texts
from tests.french import nb

MINISTRY = {"applicant_type": "administration_centrale", "project_nature": "travail_collaboratif",
            "budget": 1_000_000.0}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def recommended_once(slots):
    """The events of a conversation where the recommendation was given for these slots."""
    return ([{"event": "user", "text": "..."}] + [slot(k, v) for k, v in slots.items()]
            + [{"event": "action", "name": "action_recommend"}])


def recommend(dispatcher, slots, text, intent="inform", events=None, before=None):
    tracker = make_tracker(slots, text=text, intent=intent,
                           events=recommended_once(before or slots) if events is None else events)
    return asyncio.run(ActionRecommend().run(dispatcher, tracker, {}))


def test_the_first_recommendation_is_the_full_one(dispatcher):
    recommend(dispatcher, MINISTRY, "un ministère, outils collaboratifs, 1 M€", events=[])
    assert len(dispatcher.messages) > 3 and "Votre profil" in texts(dispatcher)


@pytest.mark.parametrize("question", ["les serveurs c'est eligible ?", "et le temps de nos agents (salaires) ?",
                                      "quelles dépenses sont éligibles", "en cas de retard du projet, quelles consequences ?",
                                      "c cumulable avec la dsil"])
def test_a_question_read_as_information_gets_an_answer_not_the_wall(dispatcher, question):
    recommend(dispatcher, {**MINISTRY, "current_call": "SNAP4"}, question)
    said = texts(dispatcher)
    assert "Votre profil" not in said and len(dispatcher.messages) == 1
    assert said.startswith("SNAP4 —") or said.startswith(NO_ANSWER)


def test_a_message_that_changes_nothing_gets_a_short_prompt_saying_what_the_bot_can_do(dispatcher):
    recommend(dispatcher, MINISTRY, "blabla truc machin")
    assert len(dispatcher.messages) == 1
    assert texts(dispatcher).startswith("Je n'ai rien relevé de nouveau") and "récapitulez" in texts(dispatcher)


def test_a_new_budget_says_only_what_changed(dispatcher):
    events = recommend(dispatcher, {**MINISTRY, "budget": 1_440_000.0}, "en fait 1 440 000 €", before=MINISTRY)
    assert len(dispatcher.messages) == 1
    assert texts(dispatcher).startswith(nb("Avec 1 440 000 € TTC, SNAP4 passe à 75 % de 1 440 000 €, soit jusqu'à 1 080 000 €"))
    assert events and events[0]["name"] == "recommended_calls"


@pytest.mark.parametrize("text", ["récapitulez", "tu peux me refaire le recap ?", "rappelez-moi les appels",
                                  "redonne moi mes appels stp", "/inform"])
def test_on_request_the_full_recommendation_comes_again(dispatcher, text):
    recommend(dispatcher, MINISTRY, text)
    assert len(dispatcher.messages) > 3 and "Votre profil" in texts(dispatcher)


@pytest.mark.parametrize("text, question", [("les serveurs c'est eligible ?", True), ("quel taux pour snap4", True),
                                            ("ya des aides pour les pc", True), ("on est une commune", False),
                                            ("budget 300k", False), ("/inform", False)])
def test_is_question_reads_the_form_of_a_message_the_nlu_took_for_information(text, question):
    assert is_question(make_tracker(text=text, intent="inform")) is question


def test_is_question_trusts_the_question_intents():
    assert is_question(make_tracker(text="la liste", intent="list_calls"))
    assert not asks_for_recap(make_tracker(text="les serveurs c'est eligible ?"))


def test_a_recap_the_nlu_was_unsure_of_is_still_the_recommendation(dispatcher):
    tracker = make_tracker(MINISTRY, text="recapitulez svp", intent="nlu_fallback", events=recommended_once(MINISTRY))
    asyncio.run(ActionRephrase().run(dispatcher, tracker, {}))
    assert "Votre profil" in texts(dispatcher)


def test_a_message_not_understood_before_any_recommendation_is_the_rephrase_prompt(dispatcher):
    asyncio.run(ActionRephrase().run(dispatcher, make_tracker(MINISTRY, text="recapitulez", intent="nlu_fallback"), {}))
    assert texts(dispatcher).startswith("Je ne suis pas sûr d'avoir compris")


@pytest.mark.parametrize("text", ["une boîte privée peut candidater, oui ou non ?", "une entreprise a le droit de postuler ?"])
def test_whether_a_body_may_apply_read_as_information_is_answered_yes_or_no(dispatcher, text):
    startup = {"applicant_type": "entreprise", "project_nature": "relation_usagers", "budget": 300_000.0,
               "recommended_calls": ["FEDER-NUM"]}
    recommend(dispatcher, startup, text)
    assert texts(dispatcher).startswith("Oui, sous réserve.") and "FEDER-NUM" in texts(dispatcher)


def test_two_messages_in_a_row_that_change_nothing_never_get_the_same_reply(dispatcher):
    recommend(dispatcher, MINISTRY, "blabla")
    first = texts(dispatcher)
    dispatcher.messages.clear()
    events = recommended_once(MINISTRY) + [{"event": "user", "text": "blabla"}, {"event": "bot", "text": first},
                                           {"event": "action", "name": "action_recommend"},
                                           {"event": "user", "text": "truc"}]
    recommend(dispatcher, MINISTRY, "truc", events=events)
    assert texts(dispatcher) != first and texts(dispatcher).startswith("Je n'ai toujours rien relevé")


def test_the_rephrase_prompt_is_not_said_twice_in_a_row(dispatcher):
    events = [{"event": "user", "text": "gloubi"}, {"event": "bot", "text": REPHRASE}, {"event": "user", "text": "boulga"}]
    asyncio.run(ActionRephrase().run(dispatcher, make_tracker(text="boulga", intent="nlu_fallback", events=events), {}))
    assert texts(dispatcher).startswith("Je n'ai toujours pas compris")


def test_todays_question_read_as_information_after_a_recommendation_is_answered(dispatcher):
    recommend(dispatcher, MINISTRY, "qu'est-ce qui est ouvert ?")
    assert texts(dispatcher).startswith("Au 15 octobre 2021, ") and "Votre profil" not in texts(dispatcher)


def wall_just_given(slots, text):
    """A conversation whose previous reply was the full recommendation, then the user's `text`."""
    profile = profile_from(slots)
    wall = [{"event": "bot", "text": m["text"]} for m in recommendation(profile, evaluate(profile), [], [])
            if m.get("text")]
    return recommended_once(slots) + wall + [{"event": "user", "text": text}]


@pytest.mark.parametrize("text", ["quels appels pour nous ?", "qu'est-ce qui nous convient alors",
                                  "a quoi on peut candidater du coup"])
def test_the_calls_asked_for_just_after_the_recommendation_are_pointed_at(dispatcher, text):
    recommend(dispatcher, MINISTRY, text, events=wall_just_given(MINISTRY, text))
    said = texts(dispatcher)
    assert len(dispatcher.messages) == 1 and "Votre profil" not in said
    assert said.startswith("Vous êtes éligible à SNAP4, sous les conditions dites plus haut")
    assert "juste au-dessus" in said and "récapitulez" in said


@pytest.mark.parametrize("text", ["récapitulez", "redonne moi mes appels stp", "/inform"])
def test_asked_in_so_many_words_the_whole_comes_again_even_just_after(dispatcher, text):
    recommend(dispatcher, MINISTRY, text, events=wall_just_given(MINISTRY, text))
    assert len(dispatcher.messages) > 3 and "Votre profil" in texts(dispatcher)


def test_the_calls_asked_for_later_in_the_conversation_are_the_whole_recommendation(dispatcher):
    text = "quels appels pour nous ?"
    events = recommended_once(MINISTRY) + [{"event": "bot", "text": "SNAP4 — dépenses financées : …"},
                                           {"event": "user", "text": text}]
    recommend(dispatcher, MINISTRY, text, events=events)
    assert len(dispatcher.messages) > 3 and "Votre profil" in texts(dispatcher)


def test_the_pointer_keeps_the_verdict_and_its_reason_whole():
    lead = ("Aucun appel ne correspond, d'abord à cause du budget (FEDER-NUM : au moins 125 000 € ; votre budget est "
            "de 100 000 € TTC. Voir la fiche.). Un projet plus ample pourrait passer.")
    assert first_sentence(lead).endswith("TTC. Voir la fiche.).")
    assert first_sentence("Vous êtes éligible à FEDER-NUM : jusqu'à 90 000 €, dépôt au fil de l'eau.") \
        == "Vous êtes éligible à FEDER-NUM : jusqu'à 90 000 €, dépôt au fil de l'eau."
    assert first_sentence("sans point") == "sans point"
