"""The dialogue-act scores of the conversation report (devtools/conversation_set.py act_scores)."""
import math

from devtools.conversation_set import act_scores


def test_a_turn_counts_only_when_its_set_of_acts_is_the_label():
    exact, per_act = act_scores([
        (["describe", "question"], ["question", "describe"]),  # the same set, in another order
        (["question"], ["question", "describe"]),  # one act too many
        (["hypothesis"], ["question"]),
        (["book"], ["book"]),
    ])
    assert exact == 0.5
    assert per_act["question"] == (2 / 3, 1.0, 2)
    assert per_act["describe"] == (0.5, 1.0, 1)
    assert per_act["hypothesis"][1] == 0.0 and math.isnan(per_act["hypothesis"][0])
    assert "leave" not in per_act  # neither labelled nor read


def test_no_turn_gives_nan_rather_than_a_perfect_score():
    exact, per_act = act_scores([])
    assert math.isnan(exact) and per_act == {}
