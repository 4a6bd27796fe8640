"""The link to a conversation's « fiche projet »: unguessable, for that conversation only, expiring
with the retention period; the action gives it in the text and as a document; the Rasa server's
channel serves the PDF for a valid token only."""
from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fiche import ActionFicheProjet
from actions.recommendation import ActionRecommend
from addons.channels.fiche import FicheDownload, serve
from orientation.booking.retention import retention_days
from orientation.fiche import links
from orientation.replies.fiche import FICHE_BUTTON
from tests.fiche.pdf_text import pdf_text
from tests.french import nb

NOW = dt.datetime(2021, 10, 15, 10, 0, tzinfo=dt.timezone.utc)
PROFILE = {"applicant_type": "commune", "population": 350000.0, "budget": 400000.0,
           "project_nature": "cooperation_usagers"}


@pytest.fixture(autouse=True)
def own_database(monkeypatch, tmp_path):
    monkeypatch.setenv("ORIENTATION_DATABASE_URL", f"sqlite:///{tmp_path / 'orientation.db'}")
    monkeypatch.setenv("ORIENTATION_DATE", "2021-10-15")


def _tracker(slots, metadata=None, sender="conversation-a", channel="socketio"):
    latest = {"text": "la fiche du projet", "intent": {"name": "ask_fiche", "confidence": 0.99}, "entities": [],
              "metadata": metadata or {}}
    events = [{"event": "user", "text": "la fiche du projet", "input_channel": channel, "parse_data": latest}]
    return Tracker(sender, dict(slots), latest, events, False, None, {}, "action_listen")


def test_a_token_opens_its_own_conversation_only_and_expires_with_the_retention():
    first, second = links.issue("conversation-a", NOW), links.issue("conversation-b", NOW)
    assert first != second and len(first) == 48 and int(first, 16)
    assert links.conversation_of(first, NOW) == "conversation-a"
    assert links.conversation_of(second, NOW) == "conversation-b"
    assert links.conversation_of(first[:-1] + ("0" if first[-1] != "0" else "1"), NOW) is None
    assert links.conversation_of("", NOW) is None and links.conversation_of("x" * 500, NOW) is None
    days = retention_days()
    assert links.conversation_of(first, NOW + dt.timedelta(days=days) - dt.timedelta(minutes=1)) == "conversation-a"
    assert links.conversation_of(first, NOW + dt.timedelta(days=days, minutes=1)) is None


def test_the_database_keeps_a_digest_of_the_token_never_the_token():
    token = links.issue("conversation-a", NOW)
    with links.engine().connect() as connection:
        rows = list(connection.execute(links.fiche_links.select()))
    assert len(rows) == 1 and token not in rows[0].digest and rows[0].sender_id == "conversation-a"


def test_links_past_retention_are_deleted_when_a_new_one_is_given():
    links.issue("old", NOW)
    links.issue("new", NOW + dt.timedelta(days=retention_days() + 1))
    with links.engine().connect() as connection:
        assert [row.sender_id for row in connection.execute(links.fiche_links.select())] == ["new"]


def test_every_recommendation_offers_the_fiche_button():
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecommend().run(dispatcher, _tracker(PROFILE), {}))
    buttons = [b for m in dispatcher.messages for b in m.get("buttons") or []]
    assert buttons.count(FICHE_BUTTON) == 1
    assert FICHE_BUTTON["title"] == "Télécharger la fiche projet (PDF)"


def test_the_reply_carries_the_link_in_the_text_and_as_a_document():
    dispatcher = CollectingDispatcher()
    tracker = _tracker(PROFILE, {links.SERVER_URL_KEY: "https://assistant.example.gouv.fr"})
    asyncio.run(ActionFicheProjet().run(dispatcher, tracker, {}))
    text = dispatcher.messages[0]["text"]
    document = dispatcher.messages[1]["custom"]["data"]["document"]  # socket.io emits "data"
    assert document["url"].startswith("https://assistant.example.gouv.fr/webhooks/fiche/")
    assert document["url"] in text
    assert document["filename"] == "fiche-projet-france-relance-2021-10-15.pdf"
    assert f"pendant {retention_days()} jours" in text
    token = document["url"].rsplit("/", 1)[1]
    assert links.conversation_of(token) == "conversation-a"


def test_on_the_rest_channel_the_custom_payload_is_the_document_itself():
    dispatcher = CollectingDispatcher()
    tracker = _tracker(PROFILE, {links.SERVER_URL_KEY: "http://127.0.0.1:5005"}, channel="rest")
    asyncio.run(ActionFicheProjet().run(dispatcher, tracker, {}))
    document = dispatcher.messages[1]["custom"]["document"]  # contract §7
    assert document["url"].startswith("http://127.0.0.1:5005/webhooks/fiche/") and document["url"] in \
        dispatcher.messages[0]["text"]


def test_orientation_public_url_gives_the_links_address_behind_a_proxy(monkeypatch):
    monkeypatch.setenv("ORIENTATION_PUBLIC_URL", "https://assistant.example.gouv.fr/")
    dispatcher = CollectingDispatcher()
    tracker = _tracker(PROFILE, {links.SERVER_URL_KEY: "http://10.0.0.5:5005"})
    asyncio.run(ActionFicheProjet().run(dispatcher, tracker, {}))
    assert "https://assistant.example.gouv.fr/webhooks/fiche/" in dispatcher.messages[0]["text"]


def test_without_the_servers_address_the_user_is_told_in_french_and_no_link_is_made():
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionFicheProjet().run(dispatcher, _tracker(PROFILE), {}))
    assert "Je ne peux pas vous donner de lien" in dispatcher.messages[0]["text"]
    with links.engine().connect() as connection:
        assert not list(connection.execute(links.fiche_links.select()))


class _Store:
    def __init__(self, trackers):
        self.trackers = trackers

    async def retrieve(self, sender_id):
        return self.trackers.get(sender_id)


def _stored(sender_id, slots):
    domain = Domain.from_yaml("version: '3.1'\nslots:\n" + "".join(
        f"  {name}:\n    type: any\n    mappings: [{{type: custom}}]\n"
        for name in dict.fromkeys([*slots, "booking_name", "booking_organisation", "booking_reference", "open_questions",
                     "budget_parts", "territory"])))
    tracker = DialogueStateTracker(sender_id, domain.slots)
    for name, value in slots.items():
        tracker.update(SlotSet(name, value))
    return tracker


def _get(trackers, token):
    return asyncio.run(serve(SimpleNamespace(tracker_store=_Store(trackers)), token))


def test_the_rasa_server_serves_the_pdf_of_that_conversation_and_refuses_any_other_token():
    token = links.issue("conversation-a")
    name = "<b>Jeanne</b> Martin"
    trackers = {"conversation-a": _stored("conversation-a", {**PROFILE, "booking_name": name})}
    answer = _get(trackers, token)
    assert answer.status == 200 and answer.content_type == "application/pdf"
    assert answer.headers["content-disposition"] == 'attachment; filename="fiche-projet-france-relance-2021-10-15.pdf"'
    assert "no-store" in answer.headers["cache-control"]
    text = pdf_text(answer.body)
    assert nb("Part de l'appel TNT-COOP 300 000 €") in text and name in text
    unknown = _get(trackers, "A" * 32)
    assert unknown.status == 404 and "le lien est inconnu ou a expiré" in unknown.body.decode()


def test_the_channel_is_named_fiche_so_its_address_is_the_links():
    assert FicheDownload.name() == "fiche" and f"/webhooks/{FicheDownload.name()}/" == links.PATH


def test_a_token_whose_conversation_was_purged_is_refused():
    token = links.issue("conversation-gone")
    assert _get({}, token).status == 404
