"""A message DIET was unsure of is routed by its dialogue acts when they are plain
(addons/patches/dialogue_acts.py `fallback_route`), so that it is answered rather than asked again."""
import pytest

from addons.patches.dialogue_acts import fallback_route

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
