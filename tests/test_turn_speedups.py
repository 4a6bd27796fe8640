"""The per-turn savings of the Rasa server (addons/patches/turn_speedups.py) keep Rasa's behaviour: action
responses are still validated, and the global slot validation is skipped only when it cannot
change anything (actions/validation_scope.py)."""
import asyncio
import contextlib
import datetime
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from jsonschema import ValidationError
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner import dask as rasa_dask_runner
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig

from actions.validation_scope import needs_profile_validation
from addons.patches import turn_speedups
from addons.patches.turn_speedups import TurnSpeedups

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def restored_rasa(monkeypatch):
    """The changes are installed on Rasa's classes: put the originals back after the test."""
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(RemoteAction, "run", RemoteAction.run)  # loading the model installs the apology
    monkeypatch.setattr(ActionExtractSlots, "_execute_validation_action",
                        ActionExtractSlots._execute_validation_action)
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)
    monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner.run)
    monkeypatch.setattr(Domain, "states_for_tracker_history", Domain.states_for_tracker_history)
    monkeypatch.setattr(RulePolicy, "_get_possible_keys", RulePolicy._get_possible_keys)
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])


def in_thread(coroutine):
    """asyncio.run in a thread of its own (the browser tests keep a loop running in the main one)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_importing_the_module_patches_nothing():
    code = ("from rasa.core.actions.action import RemoteAction; import addons.patches.turn_speedups; "
            "print(getattr(RemoteAction._validate_action_result, 'prebuilt', False))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_the_component_is_in_the_pipeline():
    with open(ROOT / "config.yml", encoding="utf-8") as file:
        names = [c["name"] for c in yaml.safe_load(file)["pipeline"]]
    assert "addons.patches.turn_speedups.TurnSpeedups" in names


def test_creating_the_component_installs_every_change_once(restored_rasa):
    TurnSpeedups.create({}, None, None, None)
    validate, skip = RemoteAction._validate_action_result, ActionExtractSlots._execute_validation_action
    session, run = EndpointConfig.session, DaskGraphRunner.run
    TurnSpeedups.create({}, None, None, None)
    assert validate.prebuilt and skip.skips and session.kept and run.ordered
    assert Domain.states_for_tracker_history.incremental and RulePolicy._get_possible_keys.stops
    assert Event.resolve_by_type.tabled
    assert RemoteAction._validate_action_result is validate and ActionExtractSlots._execute_validation_action is skip
    assert EndpointConfig.session is session and DaskGraphRunner.run is run
    assert TurnSpeedups().process(["message"]) == ["message"]


VALID = {"events": [{"event": "slot", "name": "budget", "value": 400000.0}],
         "responses": [{"text": "Bonjour"}]}
INVALID = [{"events": [{"event": "slot", "value": 1}]},  # a slot event without its name
           {"events": "budget"},
           {"responses": ["Bonjour"]}]


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_action_response_is_still_rejected(restored_rasa, response):
    action = RemoteAction("action_recommend", None)
    with pytest.raises(ValidationError):
        action._validate_action_result(response)  # Rasa alone
    turn_speedups.install()
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result(response)


def test_a_valid_action_response_passes(restored_rasa):
    turn_speedups.install()
    assert RemoteAction("action_recommend", None)._validate_action_result(VALID) is True


def response_cases():
    """Responses as the action server writes them, every kind of event, and broken ones."""
    from rasa.shared.core import events as e

    made = [e.SlotSet("budget", 400000.0), e.SlotSet("territory", None), e.ActiveLoop("profile_form"),
            e.ActiveLoop(None), e.FollowupAction("action_recommend"), e.BotUttered("Bonjour", {"buttons": []}),
            e.UserUttered("oui", {"name": "affirm", "confidence": 0.9}), e.ActionExecuted("action_listen"),
            e.Restarted(), e.SessionStarted(), e.AllSlotsReset(), e.UserUtteranceReverted(), e.ActionReverted(),
            e.ReminderScheduled("EXTERNAL_x", datetime.datetime(2026, 12, 7)), e.ReminderCancelled("x"),
            e.ConversationPaused(), e.ConversationResumed(), e.StoryExported(), e.LoopInterrupted(True),
            e.ActionExecutionRejected("action_x"), e.EntitiesAdded([{"entity": "budget", "value": 1, "start": 0, "end": 1}])]
    valid = [event.as_dict() for event in made]
    broken = [{"event": "slot", "value": 1}, {"event": "slot", "name": 3, "value": 1}, {"event": "inconnu"},
              {"name": "budget", "value": 1}, {"event": 3}, {"event": "slot", "name": "b", "value": 1, "timestamp": "x"},
              {"event": "user", "text": 3}, {"event": "entities", "entities": [{"start": "a"}]}, "slot", None,
              {"event": "bot", "metadata": 3}]
    cases = [{"events": [event], "responses": []} for event in valid + broken]
    cases += [{"events": valid, "responses": [{"text": "Bonjour"}]}, {"events": valid + broken[:1]}, {},
              {"events": []}, {"events": None}, {"events": "budget"}, {"responses": ["Bonjour"]}, [], "x"]
    return cases


def test_each_event_checked_by_its_kind_gets_the_full_schema_s_answer():
    validator = turn_speedups.response_validator()
    assert validator.outer is not None and len(validator.by_name) > 20  # checked by kind, not the full way
    verdicts = [(validator.is_valid(case), validator.full.is_valid(case)) for case in response_cases()]
    assert all(ours == full for ours, full in verdicts)
    assert sum(full for _, full in verdicts) > 20 and sum(not full for _, full in verdicts) > 10


def test_a_schema_of_another_shape_is_checked_the_full_way():
    schema = {"type": "object", "properties": {"events": {"type": "array", "items": {"anyOf": [{"type": "object"}]}}}}
    validator = turn_speedups.ResponseValidator(schema)
    assert validator.outer is None
    assert validator.is_valid({"events": [{}]}) and not validator.is_valid({"events": [1]})


@pytest.mark.parametrize("slots, intent, text, needed", [
    ([], "greet", "bonjour", False),
    ([], "thank", "merci", False),
    (["current_call"], "ask_call_info", "c'est quoi TNT-COOP ?", False),
    ([], "affirm", '/affirm', False),
    (["budget"], "inform", "le budget est de 400 000 €", True),
    (["territory"], "inform", "la mairie de Rennes", True),
    (["applicant_type", "population"], "inform", "une commune de 350 000 habitants", True),
    ([], "correct", "non c'est pas ça", True),  # a correction is never left unanswered
    ([], "inform", "budget autour de 800k, dont ~200k de salaires internes", True),  # parts of a budget
    ([], "inform", "93 svp", True),  # may choose between homonyms the bot asked about
    ([], "inform", "on voudrait savoir comment ça se passe ensuite", False),
    # a bare number may answer the question the bot asked (actions/budget_reading.py)
    ([], "inform", "on est 12 dans l'équipe projet et on voudrait savoir", True),
])
def test_when_the_profile_validation_is_needed(slots, intent, text, needed):
    assert needs_profile_validation(slots, intent, text) is needed


class Recorder:
    """Stands for the action server: records the calls, returns what the action would."""

    def __init__(self, monkeypatch):
        self.calls = []
        recorder = self

        async def run(action, output_channel, nlg, tracker, domain):
            recorder.calls.append(action.name())
            return []
        monkeypatch.setattr(RemoteAction, "run", run)


def extract(text, intent, entities):
    tracker = DialogueStateTracker.from_events("someone", [UserUttered(
        text, {"name": intent, "confidence": 1.0}, entities=entities)], slots=DOMAIN.slots)
    action = ActionExtractSlots(EndpointConfig("http://127.0.0.1:9/webhook"))
    return in_thread(action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, DOMAIN))


def test_small_talk_does_not_call_the_action_server(restored_rasa, monkeypatch):
    recorder = Recorder(monkeypatch)
    turn_speedups.install()
    assert extract("bonjour", "greet", []) == []
    assert recorder.calls == []


def test_slots_are_still_filled_and_validated_from_every_message(restored_rasa, monkeypatch):
    recorder = Recorder(monkeypatch)
    turn_speedups.install()
    events = extract("je suis une commune de 350 000 habitants", "inform",
                     [{"entity": "applicant_type", "value": "commune"},
                      {"entity": "population", "value": 350000.0}])
    assert recorder.calls == ["action_validate_slot_mappings"]
    assert events == [SlotSet("applicant_type", "commune"), SlotSet("population", 350000.0)]


def test_a_question_on_a_call_fills_the_call_without_the_action_server(restored_rasa, monkeypatch):
    recorder = Recorder(monkeypatch)
    turn_speedups.install()
    events = extract("c'est quoi TNT-COOP ?", "ask_call_info", [{"entity": "call_code", "value": "TNT-COOP"}])
    assert recorder.calls == []
    assert events == [SlotSet("current_call", "TNT-COOP")]


@contextlib.asynccontextmanager
async def local_webhook(handler):
    """A local aiohttp server standing for the action server, its webhook answered by `handler`:
    yields the webhook's URL."""
    from aiohttp import web

    app = web.Application()
    app.router.add_post("/webhook", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/webhook"
    finally:
        await runner.cleanup()


async def calls_through_one_endpoint(calls: int):
    """The ports the action server saw the calls come from, and the auth header it got, for `calls`
    calls of one endpoint (a local aiohttp server standing for the action server)."""
    from aiohttp import web

    seen = []

    async def webhook(request):
        seen.append((request.transport.get_extra_info("peername")[1], request.headers.get("Authorization")))
        return web.json_response({"events": [], "responses": []})
    async with local_webhook(webhook) as url:
        endpoint = EndpointConfig(url, basic_auth={"username": "u", "password": "p"})
        answers = [await endpoint.request(json={"next_action": "action_x"}, method="post") for _ in range(calls)]
    assert answers == [{"events": [], "responses": []}] * calls
    return seen


def test_the_action_server_calls_share_one_kept_alive_connection(restored_rasa):
    assert len({port for port, _ in in_thread(calls_through_one_endpoint(3))}) == 3  # Rasa: one each
    turn_speedups.install()
    seen = in_thread(calls_through_one_endpoint(3))
    assert len({port for port, _ in seen}) == 1
    assert {auth for _, auth in seen} == {"Basic dTpw"}  # Rasa's authentication still sent


def conversation_call():
    """An action call as Rasa writes it: a conversation with accents, amounts, confidences, None."""
    tracker = DialogueStateTracker.from_events("c1", [
        UserUttered("Bonjour, je suis une commune de 350 000 habitants / « test »",
                    {"name": "give_profile", "confidence": 0.9049130764225992},
                    [{"entity": "population", "value": 350000.0, "start": 31, "end": 38, "confidence": 1.0}]),
        SlotSet("population", 350000.0), SlotSet("budget", 1e-7), SlotSet("structure_type", None)], DOMAIN.slots)
    return {"next_action": "action_recommend", "sender_id": "c1", "tracker": tracker.current_state(EventVerbosity.ALL),
            "domain": DOMAIN.as_dict(), "version": "3.6.21"}


async def received_by_the_action_server(payload):
    from aiohttp import web

    seen = []

    async def webhook(request):
        seen.append(await request.json())
        return web.json_response({"events": [], "responses": []})
    async with local_webhook(webhook) as url:
        endpoint = EndpointConfig(url)
        await endpoint.request(json=payload, method="post")
    async with endpoint.session() as session:
        writer = session._json_serialize
    return seen[0], writer


def test_the_action_server_receives_the_values_json_dumps_would_send(restored_rasa):
    payload = conversation_call()
    turn_speedups.install()
    received, writer = in_thread(received_by_the_action_server(payload))
    assert received == json.loads(json.dumps(payload))
    assert writer is turn_speedups.action_call_json


def test_what_ujson_cannot_write_is_written_or_refused_as_json_dumps_does():
    payload = conversation_call()
    assert json.loads(turn_speedups.action_call_json(payload)) == json.loads(json.dumps(payload))
    assert json.loads(turn_speedups.action_call_json({"n": 2 ** 70, "x": float("inf")})) == {"n": 2 ** 70, "x": float("inf")}
    with pytest.raises(TypeError, match="not JSON serializable"):
        turn_speedups.action_call_json({"x": object()})


class Node:
    """A graph node as DaskGraphRunner builds them: called with the (name, output) pairs it needs."""

    def __init__(self, name, calls, fail=False):
        self.name, self.calls, self.fail = name, calls, fail

    def __call__(self, *needed):
        self.calls.append(self.name)
        if self.fail:
            raise RuntimeError("a node failed")
        return self.name, "+".join([self.name] + [f"{n}:{v}" for n, v in needed])


def graph(calls, fail=None):
    # a diamond (two nodes need « tokens »), an input, and a node no target needs (Dask runs it too)
    return {"__message__": ("__message__", "bonjour"),
            "tokens": (Node("tokens", calls, fail == "tokens"), "__message__"),
            "intent": (Node("intent", calls), "tokens"),
            "entities": (Node("entities", calls), "tokens"),
            "parsed": (Node("parsed", calls, fail == "parsed"), "intent", "entities"),
            "unused": (Node("unused", calls), "tokens")}


@pytest.mark.parametrize("targets", [["parsed"], ["intent", "parsed"], ["entities"], ["tokens", "parsed"]])
def test_the_graph_run_in_order_gives_dask_s_results(targets):
    dask = rasa_dask_runner.dask  # Dask as Rasa's runner calls it (a dependency of Rasa, not ours)
    ours, theirs = [], []
    assert turn_speedups.run_in_order(graph(ours), targets) == dict(dask.get(graph(theirs), targets))
    assert sorted(ours) == sorted(theirs) and len(ours) == len(set(ours))  # each needed node once
    assert ours.index("tokens") < min(ours.index(n) for n in ours if n != "tokens")


def test_a_failing_node_fails_the_run_as_with_rasa_s_runner(restored_rasa):
    turn_speedups.install_ordered_runner()
    runner = DaskGraphRunner.__new__(DaskGraphRunner)
    runner._build_dask_graph = lambda schema: graph([], fail="parsed")
    runner._graph_schema = type("Schema", (), {"target_names": ["parsed"],
                                               "minimal_graph_schema": lambda self, targets: None})()
    with pytest.raises(GraphRunError):
        runner.run()


@pytest.mark.skipif(not (ROOT / "models" / "orientation.tar.gz").exists(), reason="no trained model")
def test_the_model_parses_as_with_dask(restored_rasa, monkeypatch):
    from rasa.core.agent import load_agent

    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:9/webhook")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "test")

    async def parses():
        agent = await load_agent(model_path=str(ROOT / "models" / "orientation.tar.gz"))
        texts = ["Bonjour, je suis une commune de 350 000 habitants", "le budget est de 400 000 €",
                 "c'est quoi TNT-COOP ?", "merci"]
        monkeypatch.setattr(DaskGraphRunner, "run", DaskGraphRunner.run)
        DaskGraphRunner.run = getattr(DaskGraphRunner.run, "__wrapped__", DaskGraphRunner.run)  # Dask's own
        with_dask = [await agent.parse_message(t) for t in texts]
        turn_speedups.install_ordered_runner()
        assert DaskGraphRunner.run.ordered
        return with_dask, [await agent.parse_message(t) for t in texts]

    with_dask, in_order = in_thread(parses())
    assert in_order == with_dask


def test_an_event_s_class_is_the_one_rasa_finds(restored_rasa):
    """The table of the event classes answers as Event.resolve_by_type walking the subclasses: every
    name, an unknown one (its error or the default), the old « topic », a class defined later."""
    from rasa.shared.utils.common import all_subclasses

    rasa_s = Event.resolve_by_type
    names = {cls.type_name for cls in all_subclasses(Event)}
    turn_speedups.install_event_class_table()
    assert Event.resolve_by_type.tabled
    assert {name: Event.resolve_by_type(name) for name in names} == {name: rasa_s(name) for name in names}
    assert Event.resolve_by_type("topic") is rasa_s("topic") is None
    assert Event.resolve_by_type("nothing_known", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'nothing_known'"):
        Event.resolve_by_type("nothing_known")

    class DefinedLater(Event):
        type_name = "defined_later_for_the_test"

        def __eq__(self, other):
            return isinstance(other, DefinedLater)

        def as_story_string(self):
            return None

    assert Event.resolve_by_type("defined_later_for_the_test") is DefinedLater is rasa_s("defined_later_for_the_test")
    assert Event.from_parameters({"event": "slot", "name": "budget", "value": 1.0}) == SlotSet("budget", 1.0)
