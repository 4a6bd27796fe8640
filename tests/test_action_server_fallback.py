"""The French apology for an unreachable action server is installed by a pipeline component."""
import asyncio
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from addons.patches import action_server_fallback
from addons.patches.action_server_fallback import APOLOGY, ActionServerApology
from devtools.processes import free_port


@pytest.fixture
def restored_remote_action(monkeypatch):
    """The wrapper is installed on the class: put the original back after the test."""
    monkeypatch.setattr(RemoteAction, "run", RemoteAction.run)


def run(action, tracker=None):
    """The action's run, in a thread of its own: the browser tests' Playwright keeps an event loop
    running in the main thread for the whole session, where asyncio.run() is refused."""
    tracker = tracker or DialogueStateTracker("someone", slots=[])
    coroutine = action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker,
                           Domain.empty())
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def dead_endpoint():
    return EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook")


def test_importing_the_extractors_patches_nothing():
    code = ("from rasa.core.actions.action import RemoteAction; import addons.components.entity_extractors; "
            "print(getattr(RemoteAction.run, 'apologises', False))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_component_is_in_the_pipeline():
    with open(Path(__file__).resolve().parents[1] / "config.yml", encoding="utf-8") as file:
        names = [c["name"] for c in yaml.safe_load(file)["pipeline"]]
    assert "addons.patches.action_server_fallback.ActionServerApology" in names


def test_creating_the_component_installs_the_apology_once(restored_remote_action):
    original = RemoteAction.run
    ActionServerApology.create({}, None, None, None)
    wrapped = RemoteAction.run
    ActionServerApology.create({}, None, None, None)
    assert wrapped is not original and RemoteAction.run is wrapped
    assert RemoteAction.run.__wrapped__ is original


def test_an_unreachable_action_server_gives_the_apology(restored_remote_action):
    with pytest.raises(RasaException):
        run(RemoteAction("action_recommend", dead_endpoint()))  # what Rasa does alone
    action_server_fallback.install()
    events = run(RemoteAction("action_recommend", dead_endpoint()))
    assert [e.text for e in events] == [APOLOGY]


def test_the_apology_is_said_once_per_turn(restored_remote_action):
    action_server_fallback.install()
    tracker = DialogueStateTracker("someone", slots=[])
    tracker.update(UserUttered("je suis une commune"))
    first = run(RemoteAction("validate_profile_form", dead_endpoint()), tracker)
    assert [e.text for e in first] == [APOLOGY]
    tracker.update(first[0])
    assert run(RemoteAction("action_ask_budget", dead_endpoint()), tracker) == []  # same turn: said already
    tracker.update(UserUttered("300 000 €"))
    assert [e.text for e in run(RemoteAction("action_recommend", dead_endpoint()), tracker)] == [APOLOGY]


def test_slot_validation_still_fails_so_rasa_keeps_the_slots(restored_remote_action):
    action_server_fallback.install()
    with pytest.raises(RasaException):
        run(RemoteAction("action_validate_slot_mappings", dead_endpoint()))


def test_the_component_leaves_messages_alone():
    assert ActionServerApology().process(["message"]) == ["message"]
