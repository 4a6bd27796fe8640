"""A hypothesis replaces the profile on a yes or its button, never on an acknowledgment alone
(« ok merci » to « Voulez-vous adopter ce profil ? » may only thank for the figures)."""
import asyncio

import pytest

from actions.what_if import ActionAdoptWhatIf
from tests.actions.conftest import make_tracker, texts

SUPPOSED = {"budget": 400_000.0}


def adopt(text, dispatcher):
    tracker = make_tracker(slots={"budget": 250_000.0, "what_if": SUPPOSED}, text=text, intent="affirm")
    return asyncio.run(ActionAdoptWhatIf().run(dispatcher, tracker, {}))


@pytest.mark.parametrize("text", ["ok", "ok thx", "ok merci beaucoup !", "d accord", "parfait", "ok ca marche, a+",
                                  "oui je reviendrai plus tard", "ok bye"])
def test_an_acknowledgment_asks_again_with_the_buttons(text, dispatcher):
    assert adopt(text, dispatcher) == []
    assert "Je ne change rien sans votre accord" in texts(dispatcher)
    assert [b["payload"] for b in dispatcher.messages[-1]["buttons"]] == ["/adopt_what_if", "/keep_profile"]


@pytest.mark.parametrize("text", ["oui", "oui on adopte", "/adopt_what_if", "Adopter ce profil"])
def test_a_yes_or_the_button_adopts(text, dispatcher):
    events = adopt(text, dispatcher)
    assert {"event": "slot", "timestamp": None, "name": "budget", "value": 400_000.0} in events
