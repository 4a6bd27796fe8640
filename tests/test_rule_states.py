"""The rule policy's incremental reading of a conversation (addons/patches/rule_states.py) gives Rasa's
states and Rasa's predictions, turn after turn of a growing conversation, undos included."""
import glob
import tempfile
from pathlib import Path

import pytest
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph

from addons.patches import rule_states

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
RASA_STATES = Domain.states_for_tracker_history
RASA_KEYS = RulePolicy._get_possible_keys


@pytest.fixture
def restored_rasa(monkeypatch):
    monkeypatch.setattr(Domain, "states_for_tracker_history", RASA_STATES)
    monkeypatch.setattr(RulePolicy, "_get_possible_keys", RASA_KEYS)


def rule_events():
    """The events of every rule of data/, one after the other: one long conversation with forms,
    slots, loops and their unhappy paths."""
    steps = []
    for path in sorted(glob.glob(str(ROOT / "data" / "rules*.yml"))):
        steps += YAMLStoryReader(DOMAIN).read_from_file(path)
    trackers = TrainingDataGenerator(StoryGraph(steps), DOMAIN, augmentation_factor=0,
                                     use_story_concatenation=False).generate()
    assert len(trackers) > 20
    return [event for tracker in trackers for event in tracker.events]


def with_undos(events):
    """The same conversation with what rewinds it now and then: a user message taken back, an action
    reverted, a restart, a new session."""
    out = []
    for i, event in enumerate(events):
        out.append(event)
        if isinstance(event, UserUttered) and i % 7 == 3:
            out += [UserUtteranceReverted(), UserUttered("encore", event.intent, event.entities)]
        elif isinstance(event, ActionExecuted) and i % 11 == 5:
            out += [ActionReverted()]
        elif i % 97 == 50:
            out += [Restarted()]
        elif i % 89 == 40:
            out += [ActionExecuted("action_session_start"), SessionStarted(),
                    SlotSet("structure_type", "commune"), ActionExecuted("action_listen")]
    return out


def growing(events):
    """One tracker fed event after event, as the Rasa server does during a conversation."""
    tracker = DialogueStateTracker("test", DOMAIN.slots)
    for event in events:
        tracker.update(event)
        yield tracker


@pytest.mark.parametrize("undos", [False, True])
@pytest.mark.parametrize("omit_unset_slots", [False, True])
def test_the_states_are_rasa_s_at_every_step(restored_rasa, undos, omit_unset_slots):
    events = rule_events()
    events = with_undos(events) if undos else events
    checked = 0
    for step, tracker in enumerate(growing(events)):
        if step % 3 and step != len(events) - 1:
            continue
        theirs = RASA_STATES(DOMAIN, tracker, omit_unset_slots=omit_unset_slots)
        ours = rule_states.incremental_states(DOMAIN, tracker, omit_unset_slots)
        assert ours == theirs, f"step {step}"
        checked += 1
    assert checked > 100


def test_the_states_given_can_be_changed_without_changing_the_next_ones(restored_rasa):
    tracker = DialogueStateTracker.from_events("test", rule_events()[:40], DOMAIN.slots)
    first = rule_states.incremental_states(DOMAIN, tracker, False)
    for state in first:
        for sub_state in state.values():
            sub_state.clear()  # what the featurizer does to the last user state, everywhere
    assert rule_states.incremental_states(DOMAIN, tracker, False) == RASA_STATES(DOMAIN, tracker)


def test_a_tracker_rebuilt_from_the_same_events_is_read_from_the_start(restored_rasa):
    events = rule_events()[:60]
    tracker = DialogueStateTracker.from_events("test", events[:30], DOMAIN.slots)
    rule_states.incremental_states(DOMAIN, tracker, False)
    del tracker  # its replay goes with it
    again = DialogueStateTracker.from_events("test", events, DOMAIN.slots)
    assert rule_states.incremental_states(DOMAIN, again, False) == RASA_STATES(DOMAIN, again)


def test_a_replay_is_forgotten_with_its_tracker(restored_rasa):
    tracker = DialogueStateTracker.from_events("forgotten", rule_events()[:30], DOMAIN.slots)
    rule_states.incremental_states(DOMAIN, tracker, False)
    key = id(tracker)
    assert key in rule_states._replays
    del tracker
    assert key not in rule_states._replays


def test_installing_twice_installs_once_and_rule_only_readings_stay_rasa_s(restored_rasa):
    rule_states.install()
    states, keys = Domain.states_for_tracker_history, RulePolicy._get_possible_keys
    rule_states.install()
    assert Domain.states_for_tracker_history is states and states.incremental
    assert RulePolicy._get_possible_keys is keys and keys.stops
    tracker = DialogueStateTracker.from_events("test", rule_events()[:80], DOMAIN.slots)
    rule_only = {"slots": ["structure_type"], "loops": []}
    assert (DOMAIN.states_for_tracker_history(tracker, ignore_rule_only_turns=True, rule_only_data=rule_only)
            == RASA_STATES(DOMAIN, tracker, ignore_rule_only_turns=True, rule_only_data=rule_only))


MODEL = ROOT / "models" / "orientation.tar.gz"


def trained_rule_policy():
    """The RulePolicy of the trained model, loaded alone."""
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    storage, metadata = LocalModelStorage.from_model_archive(Path(tempfile.mkdtemp()), MODEL)
    node = next(node for node in metadata.predict_schema.nodes.values() if node.uses is RulePolicy)
    config = {**RulePolicy.get_default_config(), **node.config}
    return RulePolicy.load(config, storage, node.resource, ExecutionContext(metadata.predict_schema))


@pytest.mark.skipif(not MODEL.exists(), reason="no trained model")
def test_the_trained_rule_policy_predicts_as_rasa_s_at_every_step(restored_rasa):
    policy = trained_rule_policy()
    events = with_undos(rule_events())

    def predictions():
        found = []
        for step, tracker in enumerate(growing(events)):
            if isinstance(tracker.events[-1], (ActionExecuted, UserUttered)) or step == len(events) - 1:
                prediction = policy.predict_action_probabilities(tracker, DOMAIN)
                found.append((step, prediction.probabilities, prediction.events, prediction.is_end_to_end_prediction))
        return found

    theirs = predictions()
    rule_states.install()
    ours = predictions()
    assert ours == theirs
    assert len(ours) > 200 and sum(max(p) > 0 for _, p, _, _ in ours) > 100  # rules did apply
