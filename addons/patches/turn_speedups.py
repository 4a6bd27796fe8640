"""Less work per turn on the Rasa server, same behaviour (figures in docs/performance.md).

Rasa 3.6 offers no setting for either, so two of its methods are replaced, by TurnSpeedups, a
pass-through pipeline component (addons/patches/server_patch.py) like the French apology: every Rasa server that loads
the model installs them, and importing this module patches nothing.

- Action-server responses are still validated against Rasa's schema, but with a validator built
  once: `jsonschema.validate` checks the (large) events schema itself again on every call, which was
  about 45 % of the Rasa server's time under small-talk load. Each event is checked against the one
  kind of event its name allows (the schema's « oneOf » of 23 kinds, each fixing the name: the others
  cannot match), and a response that fails is checked again the full way, for Rasa's own error.
- The global slot validation (action_validate_slot_mappings) is asked of the action server only when
  it can change something (actions/validation_scope.py): « bonjour » no longer costs a round trip.
- The calls to the action server go through one HTTP session per endpoint and event loop, its
  connections kept alive, where Rasa opens a session and a connection for every call. A connection
  idle for KEEP_ALIVE_S is closed on this side first: the action server (Sanic) closes its idle
  ones after 5 s, and reusing one it is closing would fail the call. The conversation sent with a
  call (50 kB after ten turns) is written by ujson, 2 to 3 times faster than json.dumps (Rasa's
  dependency, declared in requirements.in as we import it); the action server reads the same values.
- The model's graphs (the NLU pipeline, the policies) are run node after node in the order of
  their dependencies, as Dask's synchronous scheduler does, without building a Dask graph and
  Dask's task bookkeeping for every message (6 % of a real turn's time, by py-spy); the part of the
  graph a run needs is computed once per set of targets.
- The rule policy reads a conversation's states incrementally and stops matching rules once none can
  fail (addons/patches/rule_states.py).
- The class of an event read from its JSON (the events of every action response, a conversation
  read back) is looked up in a table of the event classes, where Rasa walks the whole tree of
  Event's subclasses again for each event (80 µs, inspect.isabstract 49 times).
  The table is Rasa's own answer for every name, the first class of that walk; it is built again
  when a name is missing from it (a class defined since), and an unknown name gets Rasa's answer.
"""
from __future__ import annotations

import asyncio
import functools
import json
from typing import Any, Dict, List, Text

import aiohttp
import rasa.shared.utils.common
import ujson
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import ActionExtractSlots, RemoteAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event, SlotSet
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

from actions.validation_scope import needs_profile_validation
from addons.patches import rule_states
from addons.patches.server_patch import ServerPatch


class ResponseValidator:
    """Rasa's schema of action-server responses: `is_valid` gives the full schema's answer, by each
    event's own kind when the schema is shaped for it; `best_error` is jsonschema.validate's error."""

    def __init__(self, schema: Dict[Text, Any]):
        cls = validator_for(schema)
        cls.check_schema(schema)
        self.full = cls(schema)
        self.outer, self.by_name = None, {}
        items = schema.get("properties", {}).get("events", {}).get("items", {})
        kinds = items.get("oneOf") or []
        names = [kind.get("properties", {}).get("event", {}).get("const") for kind in kinds]
        # an item needs a string name (required); kind i matches only the name it fixes, so exactly one
        # kind matches an item when its name's kind does (and the names are distinct)
        if (kinds and all(isinstance(n, str) for n in names) and len(set(names)) == len(names)
                and "event" in items.get("required", ())
                and items.get("properties", {}).get("event") == {"type": "string"}):
            events = {**schema["properties"]["events"], "items": {k: v for k, v in items.items() if k != "oneOf"}}
            self.outer = cls({**schema, "properties": {**schema["properties"], "events": events}})
            self.by_name = {name: cls(kind) for name, kind in zip(names, kinds)}

    def is_valid(self, result: Any) -> bool:
        if self.outer is None:
            return self.full.is_valid(result)
        if not self.outer.is_valid(result):
            return False
        for event in result.get("events") or ():  # a list of objects with a string name, checked above
            kind = self.by_name.get(event["event"])
            if kind is None or not kind.is_valid(event):
                return False
        return True

    def best_error(self, result: Any) -> Any:
        return best_match(self.full.iter_errors(result))  # what jsonschema.validate raises


def response_validator() -> ResponseValidator:
    """The validator of action-server responses, its schema checked once, here."""
    return ResponseValidator(RemoteAction.action_response_format_spec())


def install_response_validator() -> None:
    if getattr(RemoteAction._validate_action_result, "prebuilt", False):
        return
    validator = response_validator()

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        if validator.is_valid(result):
            return True
        error = validator.best_error(result)
        if error is None:
            return True
        error.message += (f". Failed to validate Action server response from API, make sure your response "
                          f"from the Action endpoint is valid. For more information about the format visit "
                          f"{DOCS_BASE_URL}/custom-actions")
        raise error

    validate_action_result.prebuilt = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate_action_result


def install_validation_skip() -> None:
    original = ActionExtractSlots._execute_validation_action
    if getattr(original, "skips", False):
        return

    @functools.wraps(original)
    async def validate_when_needed(self, extraction_events, output_channel, nlg, tracker, domain) -> List[Any]:
        slot_events = [event for event in extraction_events if isinstance(event, SlotSet)]
        message = tracker.latest_message
        intent = (message.intent or {}).get("name") if message else None
        acts = (message.parse_data or {}).get("dialogue_acts") or () if message else ()
        if not needs_profile_validation([e.key for e in slot_events], intent, message.text if message else None, acts):
            return slot_events  # what Rasa returns when the validation action sets nothing
        return await original(self, extraction_events, output_channel, nlg, tracker, domain)

    validate_when_needed.skips = True  # type: ignore[attr-defined]
    ActionExtractSlots._execute_validation_action = validate_when_needed


def action_call_json(value: Any) -> str:
    """The JSON text of an action call; what ujson does not write (a value json.dumps refuses too,
    or one too large) is left to json.dumps, which writes it or raises as before."""
    try:
        return ujson.dumps(value)
    except (TypeError, OverflowError, ValueError):
        return json.dumps(value)


KEEP_ALIVE_S = 2.0  # under the action server's 5 s (Sanic's KEEP_ALIVE_TIMEOUT)


class _KeptOpen:
    """`async with endpoint.session()` as Rasa writes it, the session left open at the end."""

    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *exc: Any) -> None:
        return None


def install_kept_session() -> None:
    original = EndpointConfig.session
    if getattr(original, "kept", False):
        return

    @functools.wraps(original)
    def session(self: EndpointConfig) -> _KeptOpen:
        kept = self.__dict__.setdefault("_kept_sessions", {})
        loop = asyncio.get_running_loop()  # a session belongs to the loop it was made in
        if kept.get(loop) is None or kept[loop].closed:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) \
                if self.basic_auth else None
            # as Rasa makes it (headers, authentication, timeout), with idle connections closed sooner
            # than aiohttp's 15 s
            kept[loop] = aiohttp.ClientSession(
                headers=self.headers, auth=auth, timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
                connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_S), json_serialize=action_call_json)
        return _KeptOpen(kept[loop])

    session.kept = True  # type: ignore[attr-defined]
    EndpointConfig.session = session


def run_in_order(graph: Dict[Text, Any], targets: List[Text]) -> Dict[Text, Any]:
    """`dict(dask.get(graph, targets))` for the graphs DaskGraphRunner builds: a node is a tuple
    (callable, names of the nodes it needs...), an input a tuple (name, value) taken as it is; every
    node runs once, as with Dask, after the nodes it needs."""
    done: Dict[Text, Any] = {}

    def value(name: Text) -> Any:
        if name not in done:
            task = graph[name]
            if isinstance(task, tuple) and task and callable(task[0]):
                done[name] = task[0](*(value(a) if isinstance(a, str) and a in graph else a for a in task[1:]))
            else:
                done[name] = task
        return done[name]

    for name in graph:
        value(name)
    return dict(value(target) for target in targets)


def install_ordered_runner() -> None:
    original = DaskGraphRunner.run
    if getattr(original, "ordered", False):
        return

    @functools.wraps(original)
    def run(self: DaskGraphRunner, inputs: Any = None, targets: Any = None) -> Dict[Text, Any]:
        run_targets = list(targets if targets else self._graph_schema.target_names)
        schemas = self.__dict__.setdefault("_minimal_schemas", {})  # the graph schema never changes
        key = tuple(run_targets)
        if key not in schemas:
            schemas[key] = self._graph_schema.minimal_graph_schema(run_targets)
        graph = self._build_dask_graph(schemas[key])
        if inputs:
            self._add_inputs_to_graph(inputs, graph)
        try:
            return run_in_order(graph, run_targets)
        except RuntimeError as error:  # as Rasa's runner reports it
            raise GraphRunError("Error running runner.") from error

    run.ordered = True  # type: ignore[attr-defined]
    DaskGraphRunner.run = run


def event_classes() -> Dict[Text, Any]:
    """Event.resolve_by_type's answer for every event name: the first class of its walk with that name."""
    table: Dict[Text, Any] = {}
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def install_event_class_table() -> None:
    original = Event.resolve_by_type
    if getattr(original, "tabled", False):
        return
    table = event_classes()

    @functools.wraps(original)
    def resolve_by_type(type_name: Text, default: Any = None) -> Any:
        if type_name not in table:
            table.update(event_classes())  # a class defined since the table was made
        return table[type_name] if type_name in table else original(type_name, default)

    resolve_by_type.tabled = True  # type: ignore[attr-defined]
    Event.resolve_by_type = staticmethod(resolve_by_type)


def install() -> None:
    """The changes; calling again (a second model, a reload) changes nothing."""
    install_response_validator()
    install_event_class_table()
    install_validation_skip()
    install_kept_session()
    install_ordered_runner()
    rule_states.install()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TurnSpeedups(ServerPatch):
    """Installs the per-turn savings of the Rasa server (see the module docstring)."""

    install_patch = staticmethod(install)
