"""A message DIET was unsure of is routed by its dialogue acts when they are plain
(addons/patches/dialogue_acts.py `fallback_route`), so that it is answered rather than asked again."""
import pytest

from addons.patches.dialogue_acts import act_route, fallback_route

RANKING = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "inform", "confidence": 0.4},
           {"name": "ask_can_apply", "confidence": 0.3}, {"name": "ask_call_info", "confidence": 0.2}]


def test_a_question_alone_is_the_likeliest_question_diet_saw():
    assert fallback_route(["question"], RANKING, None) == "ask_can_apply"
    assert fallback_route(["greet", "question"], RANKING, "profile_form") == "ask_can_apply"


@pytest.mark.parametrize("acts, intent", [(["leave"], "goodbye"), (["thanks_goodbye"], "thank"),
                                          (["greet", "thanks_goodbye"], "thank")])
def test_leaving_and_thanks_outside_a_form(acts, intent):
    assert fallback_route(acts, RANKING, None) == intent
    assert fallback_route(acts, RANKING, "booking_form") is None  # the form reads its own answers
    assert fallback_route(["leave"], RANKING, "profile_form") == "goodbye"  # which stops its questions
    assert fallback_route(["thanks_goodbye"], RANKING, "profile_form") is None


@pytest.mark.parametrize("acts", [["other"], ["describe", "question"], ["hypothesis"], ["answer"], ["describe"]])
def test_anything_else_stays_unclear(acts):
    assert fallback_route(acts, RANKING, None) is None


# act_route: plain acts call for their intent whatever DIET read

@pytest.mark.parametrize("text, acts, intent", [
    ("ok merci", ["thanks_goodbye"], "affirm"), ("thx", ["thanks_goodbye"], "nlu_fallback"),
    ("ok", ["thanks_goodbye"], "affirm"), ("dommage", ["leave"], "ask_can_apply"),
    ("je lui dirai", ["leave"], "ask_call_info"), ("je reviendrai", ["leave"], "inform"),
])
def test_a_closing_never_starts_a_booking_nor_the_recommendation(text, acts, intent):
    routed = act_route(acts, intent, text, RANKING, None)
    assert routed == ("goodbye" if "leave" in acts else "thank")


def test_a_closing_keeps_a_no_a_new_start_and_a_yes_to_what_the_bot_asked():
    assert act_route(["thanks_goodbye"], "deny", "non merci", RANKING, None, "yes_no") is None
    assert act_route(["leave"], "restart", "oubliez tout, on recommence", RANKING, None) is None
    assert act_route(["answer"], "affirm", "ok", RANKING, None, "yes_no") is None
    assert act_route(["leave"], "inform", "je reviendrai", RANKING, "profile_form") == "goodbye"
    assert act_route(["thanks_goodbye"], "affirm", "ok merci", RANKING, "profile_form") is None
    assert act_route(["leave"], "inform", "je reviendrai", RANKING, "booking_form") is None


@pytest.mark.parametrize("text", ["jkljkl ml", "dsl chat sur le clavier", "wxcvbn"])
def test_keys_hit_at_random_are_asked_again(text):
    for intent in ("ask_appointment", "inform", "restart"):
        assert act_route(["other"], intent, text, RANKING, None) == "nlu_fallback"


@pytest.mark.parametrize("text, intent", [("rdv stp", "nlu_fallback"), ("je peux parler à qqun ?", "bot_challenge"),
                                          ("un humain svp", "ask_call_info")])
def test_a_request_for_a_person_books(text, intent):
    assert act_route(["book"], intent, text, RANKING, None) == "ask_appointment"


def test_a_question_read_as_managing_a_booking_is_answered_as_a_question():
    assert act_route(["question"], "ask_other_slot", "ça change qq chose ?", RANKING, None) == "ask_can_apply"
    assert act_route(["question"], "ask_call_info", "c'est quand ?", RANKING, None) is None
    unsure = [{"name": "move_booking", "confidence": 0.9}, {"name": "ask_can_apply", "confidence": 0.04}]
    assert act_route(["question"], "move_booking", "le CIAS peut-il porter a la place ?", unsure, None) == "ask_can_apply"
    assert act_route(["question"], "move_booking", "et a la place ?", unsure[:1], None) == "ask_side_question"


def test_a_new_start_needs_its_words():
    assert act_route(["other"], "restart", "nouveau", RANKING, None) == "nlu_fallback"
    assert act_route(["other"], "restart", "on recommence", RANKING, None) is None
    assert act_route(["other"], "restart", "je veux tester un autre projet", RANKING, None) is None


@pytest.mark.parametrize("text", ["zzz bof", "hmm", "bah"])
def test_a_weak_yes_or_no_with_no_word_of_one_is_asked_again(text):
    weak = [{"name": "affirm", "confidence": 0.46}, {"name": "greet", "confidence": 0.1}]
    assert act_route(["other"], "affirm", text, weak, None, "yes_no") == "nlu_fallback"
    sure = [{"name": "affirm", "confidence": 0.95}]
    assert act_route(["other"], "affirm", "carrément", sure, None, "yes_no") is None  # a yes the classifier is sure of
    assert act_route(["other"], "affirm", "oui", weak, None, "yes_no") is None


def test_asking_to_have_an_advisor_on_the_phone_books():
    assert act_route(["book"], "nlu_fallback", "est-ce que je peux avoir un conseiller au téléphone ?", RANKING,
                     None) == "ask_appointment"
