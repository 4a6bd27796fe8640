"""A button's label typed as text reaches the Rasa server as the button's payload."""
import asyncio

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons.patches import typed_buttons

SLOT = '/inform{"booking_slot": "2026-12-08T14:00:00+01:00"}'


def tracker_after(*events):
    return DialogueStateTracker.from_events("someone", list(events))


def consent_turn():
    return tracker_after(
        UserUttered("oui"), ActionExecuted("action_ask_booking_slot"),
        BotUttered("Voici les créneaux", data={"buttons": [{"title": "mardi 8 décembre, 14\u00a0h", "payload": SLOT}]}),
        UserUttered("Marie Dupont, mairie de Lyon, marie@lyon.fr"),
        BotUttered("Données personnelles…", data={"buttons": [{"title": "J'accepte", "payload": "/affirm"},
                                                              {"title": "Je refuse", "payload": "/deny"}]}))


def test_only_the_buttons_of_the_last_turn_count():
    tracker = consent_turn()
    assert typed_buttons.button_payload("j'accepte", tracker) == "/affirm"
    assert typed_buttons.button_payload("mardi 8 décembre à 14 h", tracker) is None  # an earlier turn's button
    assert typed_buttons.button_payload("/deny", tracker) is None  # a payload stays as it is
    assert typed_buttons.button_payload("j'accepte", tracker_after(UserUttered("bonjour"))) is None


def test_the_processor_reads_the_payload_instead_of_the_label(monkeypatch):
    seen = []

    async def original(self, message, tracker):
        seen.append(message.text)

    monkeypatch.setattr(MessageProcessor, "_handle_message_with_tracker", original)
    typed_buttons.install()
    typed_buttons.install()  # idempotent: wrapped once
    handle = MessageProcessor._handle_message_with_tracker
    asyncio.run(handle(None, UserMessage("J'ACCEPTE"), consent_turn()))
    asyncio.run(handle(None, UserMessage("oui mais pas maintenant"), consent_turn()))
    assert seen == ["/affirm", "oui mais pas maintenant"]
