"""The independent held-out conversations (devtools/conversation_set.py): well formed, as large and
as varied as the bar they measure asks, labelled with the product's values, and written apart from
the training data (no turn of five words or more is a training example, folded, or shares 90 % of
its words with one)."""
from collections import Counter

import pytest

from devtools.conversation_set import SET_DIR, differences, expected_slots, leaks, load, problems, training_examples
from orientation.territories.index import Index

CONVERSATIONS = load()
TURNS = [turn for conversation in CONVERSATIONS for turn in conversation.turns]
needs_set = pytest.mark.skipif(not CONVERSATIONS, reason=f"no held-out conversations in {SET_DIR}")
# A second set, written blind later by another hand, to check that the figures hold on sentences no
# one in the team has read (scripts/conversation_report.py --set tests/heldout_conversations/second).
SECOND = load(SET_DIR / "second")
# A third, written blind by a third hand at the end of the wave and read by no one, for the closing
# figures (--set tests/heldout_conversations/third).
THIRD = load(SET_DIR / "third")
# A fourth, written blind by a fourth hand in the last pass, its facts in any order, read by no one.
FOURTH = load(SET_DIR / "fourth")
# A fifth, written blind by a fifth hand around first messages (who speaks, where, the project): the
# team reads its errors, so it guides the work and the fourth stays the blind measure.
FIFTH = load(SET_DIR / "fifth")
# A sixth, by a sixth hand, around who speaks when several bodies are named or the facts come late.
SIXTH = load(SET_DIR / "sixth")
# A seventh, by a seventh hand, around the later turns (answers, corrections, questions, bookings); an
# eighth, by an eighth hand, an ordinary week of users in ordinary places.
SEVENTH = load(SET_DIR / "seventh")
EIGHTH = load(SET_DIR / "eighth")
# A ninth, by a ninth hand at the end of the pass, whole conversations in ordinary places: read by no one.
NINTH = load(SET_DIR / "ninth")
BOTH = pytest.mark.parametrize("conversations", [CONVERSATIONS, SECOND, THIRD, FOURTH, FIFTH, SIXTH, SEVENTH, EIGHTH,
                                                 NINTH],
                               ids=["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                    "ninth"])


@needs_set
def test_the_set_is_as_large_as_the_bar_asks():
    assert len(CONVERSATIONS) >= 150
    assert len(TURNS) >= 600


@needs_set
def test_at_least_a_third_is_written_as_people_text():
    styles = Counter(conversation.style for conversation in CONVERSATIONS)
    assert styles["sms"] >= len(CONVERSATIONS) / 3


@BOTH
def test_every_label_is_a_value_of_the_product(conversations):
    assert conversations and problems(conversations) == []


@pytest.mark.parametrize("later, earlier", [(SECOND, CONVERSATIONS), (THIRD, CONVERSATIONS + SECOND),
                                            (FOURTH, CONVERSATIONS + SECOND + THIRD),
                                            (FIFTH, CONVERSATIONS + SECOND + THIRD + FOURTH),
                                            (SIXTH, CONVERSATIONS + SECOND + THIRD + FOURTH + FIFTH),
                                            (SEVENTH, CONVERSATIONS + SECOND + THIRD + FOURTH + FIFTH + SIXTH),
                                            (EIGHTH, CONVERSATIONS + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH),
                                            (NINTH, CONVERSATIONS + SECOND + THIRD + FOURTH + FIFTH + SIXTH + SEVENTH
                                             + EIGHTH)],
                         ids=["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"])
def test_each_later_set_stands_apart(later, earlier):
    assert len(later) >= 100 and sum(len(c.turns) for c in later) >= 400
    assert not {c.id for c in later} & {c.id for c in earlier}
    # not a copy of the earlier sets: short answers (« 1 M€ ») and a few common SMS questions meet by chance
    own = {t.user for c in later for t in c.turns if len(t.user.split()) >= 5}
    assert len(own & {t.user for c in earlier for t in c.turns}) <= len(own) / 50


@needs_set
def test_every_kind_of_act_is_there():
    acts = Counter(act for turn in TURNS for act in turn.acts)
    for act in ("describe", "answer", "correct", "question", "hypothesis", "book"):
        assert acts[act] >= 10, act


@BOTH
def test_no_turn_comes_from_the_training_data(conversations):
    found = leaks([turn.user for c in conversations for turn in c.turns], training_examples())
    assert found == [], "\n".join(f"{turn!r} ~ {example!r}" for turn, example in found[:20])


# --- the checker itself, on made-up cases ---------------------------------------------------------

def test_a_folded_copy_and_a_near_copy_are_leaks_a_paraphrase_is_not():
    examples = ["Nous sommes la commune de [Rennes](territory), projet de [300 k€](budget)",
                "je voudrais ouvrir nos données publiques sur un portail régional"]
    assert leaks(["nous sommes la COMMUNE de rennes projet de 300 k€"], examples)
    assert not leaks(["Merci !"], ["merci"])  # too short to be anyone's own sentence
    assert leaks(["je voudrais ouvrir nos données publiques sur un portail régional svp"], examples)
    assert not leaks(["on aimerait publier nos jeux de données en open data"], examples)


def test_the_expected_population_comes_from_the_labelled_place_or_the_stated_number():
    index = Index([["commune", "26108", "Crest", 8500, ["26"], None],
                   ["commune", "76189", "Crest", 900, ["76"], None]])
    place = {"kind": "commune", "name": "Crest", "departement": "26"}
    slots, scorable = expected_slots({"applicant_type": "commune", "place": place}, index)
    assert (slots["population"], scorable) == (8500, True)
    slots, scorable = expected_slots({"place": {"kind": "commune", "name": "Crest"}}, index)
    assert scorable is False  # two Crest, no département: not scored rather than guessed
    slots, _ = expected_slots({"population": 12000, "place": place}, index)
    assert slots["population"] == 12000


def test_a_difference_is_named_by_its_slot():
    expected = {"applicant_type": "epci", "budget": 80000, "population": None, "project_nature": None}
    assert differences(expected, {"applicant_type": "epci", "budget": 80000.0}) == []
    assert differences(expected, {"applicant_type": "commune", "budget": 60.0}) == [
        "applicant_type: 'epci' ≠ 'commune'", "budget: 80000 ≠ 60.0"]
