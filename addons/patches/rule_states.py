"""The rule policy's reading of a conversation made incremental, same predictions (installed by
TurnSpeedups, addons/patches/turn_speedups.py; figures in docs/performance.md).

Each prediction, the RulePolicy asks for the states of the whole conversation: Rasa replays every
event into a fresh tracker and builds a state before each action, so a turn costs more the longer
the conversation (several predictions per turn, each from the start). Both changes give the same
result as Rasa's code:

- the states of a tracker are kept with the replayed copy they came from; the next call, when the
  tracker's applied events begin with the very events already replayed (the same objects: a
  conversation only grows, and an undo such as a rewind changes the applied events, so it is
  replayed from the start), only the new events are replayed. A state depends only on the events
  before it, so the earlier ones are those Rasa would build again; the caller gets copies (the
  featurizer deletes keys of the last user state, and a state's parts may be the replayed tracker's).
- the search of the rules matching the states stops once no rule can still fail: Rasa goes on
  comparing the remaining rules with every older state of the conversation, where a rule shorter
  than the distance back always applies.

Only the states without the rule-only turns removed (ignore_rule_only_turns=False, the RulePolicy's)
are kept; the other readings go to Rasa's code as before.
"""
from __future__ import annotations

import functools
import weakref
from typing import Any, Callable, Dict, List, Optional, Set, Text

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker


class _Replay:
    """What has been read of one tracker: its applied events replayed so far, into `tracker`, and the
    states before each action among them."""

    def __init__(self, domain: Domain, omit_unset_slots: bool, tracker: DialogueStateTracker):
        self.domain, self.omit_unset_slots = domain, omit_unset_slots
        self.events: List[Any] = []
        self.tracker = tracker
        self.states: List[State] = []


# the replays of the trackers alive, by id(tracker): a tracker defines __eq__, so it cannot be a key
_replays: Dict[int, List[Any]] = {}


def _replay_of(tracker: DialogueStateTracker, domain: Domain, omit_unset_slots: bool) -> Optional[_Replay]:
    held = _replays.get(id(tracker))
    if held is None or held[0]() is not tracker:
        return None
    replay = held[1]
    return replay if replay.domain is domain and replay.omit_unset_slots == omit_unset_slots else None


def _keep(tracker: DialogueStateTracker, replay: _Replay) -> None:
    key = id(tracker)

    def forget(_ref: Any) -> None:
        if key in _replays and _replays[key][0] is ref:
            del _replays[key]
    ref = weakref.ref(tracker, forget)
    _replays[key] = [ref, replay]


def _copy(state: State) -> State:
    return {name: dict(sub_state) for name, sub_state in state.items()}


def incremental_states(domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool) -> List[State]:
    """Domain.states_for_tracker_history(tracker, omit_unset_slots) without rule-only turns removed."""
    applied = tracker.applied_events()
    replay = _replay_of(tracker, domain, omit_unset_slots)
    done = len(replay.events) if replay else 0
    if replay is None or done > len(applied) or any(a is not b for a, b in zip(applied, replay.events)):
        replay = _Replay(domain, omit_unset_slots, tracker.init_copy())
        done = 0
    for event in applied[done:]:  # as DialogueStateTracker.generate_all_prior_trackers
        if isinstance(event, ActionExecuted):
            # a copy: a state's parts may be the replayed tracker's own, which it changes as it goes
            replay.states.append(_copy(domain._clean_state(domain.get_active_state(replay.tracker, omit_unset_slots))))
        replay.tracker.update(event)
        replay.events.append(event)
    _keep(tracker, replay)
    last = domain._clean_state(domain.get_active_state(replay.tracker, omit_unset_slots))
    return [*map(_copy, replay.states), _copy(last)]


def install_incremental_states() -> None:
    original = Domain.states_for_tracker_history
    if getattr(original, "incremental", False):
        return

    @functools.wraps(original)
    def states_for_tracker_history(self: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool = False,
                                   ignore_rule_only_turns: bool = False,
                                   rule_only_data: Optional[Dict[Text, Any]] = None) -> List[State]:
        if ignore_rule_only_turns:
            return original(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        return incremental_states(self, tracker, omit_unset_slots)

    states_for_tracker_history.incremental = True  # type: ignore[attr-defined]
    Domain.states_for_tracker_history = states_for_tracker_history


def possible_keys(policy: RulePolicy, lookup: Dict[Text, Text], states: List[State],
                  rule_length: Callable[[Text], int]) -> Set[Text]:
    """RulePolicy._get_possible_keys: the rules whose states all match the last states; the loop
    ends when every rule left is shorter than the distance back (Rasa's check then always passes)."""
    keys = set(lookup.keys())
    for i, state in enumerate(reversed(states)):
        if not keys or all(rule_length(key) <= i for key in keys):
            break
        keys = {key for key in keys if policy._is_rule_applicable(key, i, state)}
    return keys


def install_early_stop() -> None:
    original = RulePolicy._get_possible_keys
    if getattr(original, "stops", False):
        return

    @functools.lru_cache(maxsize=4096)  # the rule keys of the trained model, a few hundred
    def rule_length(key: Text) -> int:
        return len(RulePolicy._rule_key_to_state(key))

    @functools.wraps(original)
    def get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text], states: List[State]) -> Set[Text]:
        return possible_keys(self, lookup, states, rule_length)

    get_possible_keys.stops = True  # type: ignore[attr-defined]
    RulePolicy._get_possible_keys = get_possible_keys


def install() -> None:
    install_incremental_states()
    install_early_stop()
