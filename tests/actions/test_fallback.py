"""The rephrase action (actions/fallback.py)."""
import asyncio

from actions.fallback import ActionRephrase
from tests.actions.conftest import make_tracker, texts


def test_an_unclear_message_is_forgotten_but_its_facts_are_kept(dispatcher):
    events = [{"event": "user", "text": "blabla 300 k€"}, {"event": "slot", "name": "budget", "value": 300000.0},
              {"event": "slot", "name": "requested_slot", "value": "budget"}]
    tracker = make_tracker({"budget": 300000.0}, text="blabla 300 k€", intent="nlu_fallback", events=events)
    result = asyncio.run(ActionRephrase().run(dispatcher, tracker, {}))
    assert result[0]["event"] == "rewind"
    assert [(e["name"], e["value"]) for e in result[1:]] == [("budget", 300000.0)]
    assert "reformuler" in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/inform", "/list_calls",
                                                                        "/ask_appointment"]


def test_an_empty_message_gets_its_own_reply(dispatcher):
    asyncio.run(ActionRephrase().run(dispatcher, make_tracker(text="   ", intent="nlu_fallback"), {}))
    assert texts(dispatcher) == "Votre message est vide. Que puis-je faire pour vous ?"
