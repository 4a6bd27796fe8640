"""The client's address given to the booking limits (the rule itself: tests/test_client_address.py)."""
from types import SimpleNamespace

from addons.channels.inputs import CLIENT_KEY, SERVER_URL_KEY, with_client


def test_the_client_cannot_set_the_address_itself():
    assert with_client({CLIENT_KEY: "1.1.1.1", "page": "x"}, "203.0.113.9") == {CLIENT_KEY: "203.0.113.9",
                                                                                "page": "x", SERVER_URL_KEY: None}
    assert with_client('{"page": "x"}', None) == {"page": "x", CLIENT_KEY: None, SERVER_URL_KEY: None}
    assert with_client(None, "203.0.113.9") == {CLIENT_KEY: "203.0.113.9", SERVER_URL_KEY: None}


def test_the_server_address_for_the_fiche_link_is_the_one_the_user_reached_never_the_clients_claim():
    request = SimpleNamespace(scheme="https", host="assistant.example.gouv.fr")
    claimed = {SERVER_URL_KEY: "https://phishing.example"}
    assert with_client(claimed, None, request)[SERVER_URL_KEY] == "https://assistant.example.gouv.fr"
    websocket = SimpleNamespace(scheme="wss", host="assistant.example.gouv.fr")  # the socket.io handshake
    assert with_client({}, None, websocket)[SERVER_URL_KEY] == "https://assistant.example.gouv.fr"


def test_the_socketio_channel_adds_the_client_to_each_message(monkeypatch):
    import asyncio

    from addons.channels.inputs import OrientationSocketIOInput

    monkeypatch.setenv("ORIENTATION_TRUSTED_PROXIES", "10.0.0.1")
    received = []

    async def on_new_message(message):
        received.append(message)

    channel = OrientationSocketIOInput.from_credentials({"user_message_evt": "user_uttered",
                                                    "bot_message_evt": "bot_uttered", "session_persistence": False})
    assert channel.name() == "socketio"
    channel.blueprint(on_new_message)
    request = SimpleNamespace(ip="10.0.0.1", headers={"x-forwarded-for": "203.0.113.9"}, scheme="http",
                              host="127.0.0.1:5005")
    monkeypatch.setattr(channel.sio, "get_environ", lambda sid, namespace=None: {"sanic.request": request})
    handler = channel.sio.handlers["/"]["user_uttered"]
    asyncio.run(handler("sid-1", {"message": "bonjour", "metadata": {CLIENT_KEY: "6.6.6.6"}}))
    assert received[0].text == "bonjour" and received[0].metadata == {CLIENT_KEY: "203.0.113.9",
                                                                           SERVER_URL_KEY: "http://127.0.0.1:5005"}
