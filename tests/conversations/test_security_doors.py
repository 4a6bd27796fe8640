"""The doors of the assistant's servers, on real servers: the action server serves only the Rasa
server (loopback, shared secret) and its booking checks the slot itself; the rest channel takes only
what its clients send (docs/security.md)."""
import datetime as dt
import http.client
import json
import socket
import subprocess
from typing import Dict, Optional, Tuple

import pytest
import sqlalchemy as sa

from devtools.stack import ACTION_SERVER_TOKEN
from tests.french import nb

SUNDAY_3AM = "2030-01-06T03:00:00+01:00"


def _request(port: int, path: str, body: Optional[bytes], headers: Dict[str, str],
             method: str = "POST") -> Tuple[int, object]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        raw = answer.read()
    finally:
        connection.close()
    try:
        return answer.status, json.loads(raw)
    except ValueError:
        return answer.status, raw.decode(errors="replace")


def _stored_events(database_url: str, sender: str) -> int:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"),
                                      {"s": sender}).scalar()
    finally:
        engine.dispose()


def _booking_call(slot: str, email: str) -> bytes:
    """What the Rasa server sends to run action_book_appointment, with the slots a forger chooses."""
    slots = {"booking_slot": slot, "booking_name": "Jean Faux", "booking_organisation": "Mairie de Nulle Part",
             "booking_email": email, "booking_consent": True}
    tracker = {"sender_id": "forged", "slots": slots, "latest_message": {"text": "", "intent": {}, "entities": []},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": None, "latest_event_time": None}
    return json.dumps({"next_action": "action_book_appointment", "sender_id": "forged", "tracker": tracker,
                       "domain": {}, "version": "3.6.2"}).encode()


def _machine_addresses():
    try:
        found = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout.split()
    except OSError:
        return []
    return [address for address in found if ":" not in address and not address.startswith("127.")]


def test_the_action_server_refuses_a_request_without_the_rasa_server_s_secret(servers, database_url):
    port = servers["actions"]
    call = _booking_call("2021-10-21T10:00:00+02:00", "victime.forgee@lyon.fr")
    for headers in ({}, {"Authorization": "Bearer devine"}, {"Authorization": ACTION_SERVER_TOKEN}):
        status, body = _request(port, "/webhook", call, {"Content-Type": "application/json", **headers})
        assert status == 401 and "Jeton" in body["erreur"]
    assert _request(port, "/actions", None, {}, method="GET")[0] == 401
    assert _request(port, "/health", None, {}, method="GET")[0] == 200  # supervision stays open
    # the Rasa server, which has the secret, is served: a conversation runs its actions
    status, replies = _request(servers["rasa"], "/webhooks/rest/webhook",
                               json.dumps({"sender": "doors-1", "message": "Bonjour, je suis la commune de Nantes"})
                               .encode(), {"Content-Type": "application/json"})
    assert status == 200 and nb("327 734 habitants") in " ".join(r.get("text", "") for r in replies)


def test_the_action_server_listens_on_the_loopback_only(servers):
    addresses = _machine_addresses()
    if not addresses:
        pytest.skip("this machine has no address besides the loopback")
    for address in addresses:
        with socket.socket() as s:
            s.settimeout(3)
            assert s.connect_ex((address, servers["actions"])) != 0, f"the action server answers on {address}"


@pytest.mark.parametrize("slot", [SUNDAY_3AM, "2030-01-01T10:00:00+01:00", "2020-01-01T10:00:00+01:00"])
def test_even_with_the_secret_a_forged_booking_of_a_moment_off_the_agenda_is_refused(servers, slot):
    status, result = _request(servers["actions"], "/webhook", _booking_call(slot, "victime.forgee@lyon.fr"),
                              {"Content-Type": "application/json", "Authorization": f"Bearer {ACTION_SERVER_TOKEN}"})
    assert status == 200
    texts = " ".join(r.get("text") or "" for r in result["responses"])
    assert "n'est plus disponible" in texts and "référence" not in texts
    from orientation.booking.store import BookingStore
    assert BookingStore(servers["database_url"]).bookings_of("victime.forgee@lyon.fr") == []


@pytest.mark.parametrize("headers, body, status", [
    ({"Content-Type": "application/json", "Origin": "https://autre-site.example"}, b'{"sender": "%s", "message": "oui"}',
     403),
    ({"Content-Type": "text/plain"}, b'{"sender": "%s", "message": "oui"}', 415),
    ({}, b'{"sender": "%s", "message": "oui"}', 415),
    ({"Content-Type": "application/json"}, b"", 400),
    ({"Content-Type": "application/json"}, b'[{"sender": "%s", "message": "oui"}]', 400),
    ({"Content-Type": "application/json"}, b'{"sender": "%s", "message": ', 400),
    ({"Content-Type": "application/json"}, b'{"message": "oui %s"}', 400),
    ({"Content-Type": "application/json"}, b'{"sender": "%s"}', 400),
])
def test_the_rest_channel_refuses_what_its_clients_do_not_send(servers, database_url, headers, body, status):
    sender = f"doors-{dt.datetime.now().timestamp()}"
    got, answer = _request(servers["rasa"], "/webhooks/rest/webhook", body.replace(b"%s", sender.encode()), headers)
    assert got == status and answer["erreur"]  # a French explanation, never a stack trace
    assert _stored_events(database_url, sender) == 0 and _stored_events(database_url, "default") == 0
