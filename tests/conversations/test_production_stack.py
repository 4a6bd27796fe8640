"""`make run`'s production stack with real servers (scripts/serve, RASA_INSTANCES=2): two Rasa
instances behind HAProxy, sharing the test database (PostgreSQL under `make test`) and a Redis lock
store, every process under supervisord. One stack for the module (about 2 minutes to start)."""
import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import pytest
import redis
import sqlalchemy as sa
from rasa.core.lock import TicketLock

from devtools.processes import free_port, wait_until_up
from devtools.stack import MODEL, ROOT, environment
from orientation.keyed_hash import keyed_hash
from orientation.replies.message import UNAVAILABLE
from tests.conversations.conftest import Chat
from tests.conversations.context_helpers import book, slots_of
from tests.french import nb

SUPERVISORCTL = ROOT / ".venv" / "bin" / "supervisorctl"
NANTES = "Bonjour, je suis la commune de Nantes"


class Stack:
    def __init__(self, ports: Dict[str, int], logs: Path, process: subprocess.Popen):
        self.ports, self.logs, self.process = ports, logs, process

    def instance(self, number: int) -> int:
        return self.ports["rasa"] + number

    def ctl(self, *args: str) -> str:
        return subprocess.run([str(SUPERVISORCTL), "-c", str(self.logs / "supervisord.conf"), *args],
                              capture_output=True, text=True, timeout=30).stdout.strip()

    def pid(self, program: str) -> int:
        return int(self.ctl("pid", program))

    def kill(self, program: str) -> int:
        pid = self.pid(program)
        os.kill(pid, signal.SIGKILL)
        return pid

    def wait_up(self, url: str, seconds: float = 300) -> float:
        """Seconds until `url` answers."""
        return wait_until_up(url, seconds, log=self.logs / "serve.out")

    def wait_instances_up(self) -> None:
        for number in (1, 2):
            self.wait_up(f"http://127.0.0.1:{self.instance(number)}/")


@pytest.fixture(scope="module")
def stack(tmp_path_factory, server_env):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    logs = tmp_path_factory.mktemp("stack")
    ports = {"rasa": free_port(), "actions": free_port(), "web": free_port(), "redis": free_port()}
    # the instances listen on RASA_PORT+1 and +2: a base port whose neighbours are free too
    while any(_listening(ports["rasa"] + i) for i in (1, 2)):
        ports["rasa"] = free_port()
    env = environment({**server_env, "RASA_INSTANCES": "2", "RASA_PORT": str(ports["rasa"]),
                       "ACTION_PORT": str(ports["actions"]), "WEB_PORT": str(ports["web"]),
                       "REDIS_PORT": str(ports["redis"]), "LOGS": str(logs)})
    env.pop("ACTION_SERVER_URL", None)
    env.pop("ORIENTATION_REDIS_URL", None)
    env.pop("ORIENTATION_TRUSTED_PROXIES", None)  # scripts/serve's own: the local balancer
    env.pop("TICKET_LOCK_LIFETIME", None)
    with open(logs / "serve.out", "w") as out:
        process = subprocess.Popen([str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 600
        while "Assistant ready." not in (logs / "serve.out").read_text():
            assert process.poll() is None, f"scripts/serve stopped: {(logs / 'serve.out').read_text()}"
            assert time.time() < deadline, f"the stack did not start in 600 s; logs in {logs}"
            time.sleep(1)
        yield Stack(ports, logs, process)
    finally:
        process.send_signal(signal.SIGTERM)  # as Ctrl-C: everything started must stop
        process.wait(timeout=90)
        assert not any(_listening(ports[name]) for name in ("actions", "redis")), "a process survived the stop"


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _events(database_url: str, sender: str) -> List[tuple]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SELECT type_name, action_name, data FROM events "
                                              "WHERE sender_id = :sender ORDER BY id"), {"sender": sender}).fetchall()
    finally:
        engine.dispose()


def test_two_instances_serve_one_conversation_alternately(stack, database_url):
    stack.wait_instances_up()
    chat = Chat(stack.instance(1))
    first = chat.say(NANTES)
    assert nb("327 734 habitants") in first
    chat.url = f"http://127.0.0.1:{stack.instance(2)}/webhooks/rest/webhook"  # the other instance
    chat.say("notre projet coûte 400 000 €")
    chat.url = f"http://127.0.0.1:{stack.instance(1)}/webhooks/rest/webhook"
    answer = chat.say("nous voulons ouvrir nos données")
    # the profile said on both instances is whole: type and population (instance 1), budget (instance 2)
    assert nb("Vous êtes éligible. Financement possible : 60 % de 400 000 €, soit jusqu'à 240 000 €.") in answer
    slots = slots_of(database_url, chat.sender)
    assert (slots["applicant_type"], slots["population"], slots["budget"], slots["project_nature"]) == \
        ("commune", 327734, 400000, "donnees")


def test_two_messages_of_one_conversation_at_once_are_serialised(stack, database_url):
    stack.wait_instances_up()
    chat = Chat(stack.instance(1))
    messages = ["Je suis la commune de Nantes, projet de 400 000 €", "nous voulons ouvrir nos données"]
    barrier = threading.Barrier(2)

    def send(number: int) -> str:
        user = Chat(stack.instance(number + 1))
        user.sender = chat.sender  # one conversation, two instances, at the same instant
        barrier.wait()
        return user.say(messages[number])

    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(send, (0, 1)))
    assert all(replies)
    events = _events(database_url, chat.sender)
    users = [i for i, event in enumerate(events) if event[0] == "user"]
    assert sorted(json.loads(events[i][2])["text"] for i in users) == sorted(messages)  # each stored once
    # one message is processed to the end (back to listening) before the other one starts
    second = users[1]
    assert events[second - 1][:2] == ("action", "action_listen")
    assert any(event[0] == "bot" for event in events[users[0]:second])
    slots = slots_of(database_url, chat.sender)
    assert (slots["applicant_type"], slots["budget"], slots["project_nature"]) == ("commune", 400000, "donnees")


def test_killing_one_instance_under_load_loses_no_conversation(stack, database_url):
    stack.wait_instances_up()
    budgets = [100_000 + 10_000 * n for n in range(10)]
    users = [Chat(stack.ports["rasa"]) for _ in budgets]  # through the balancer, as the website
    started = threading.Barrier(len(users) + 1)

    def talk(n: int) -> List[str]:
        said = [users[n].say(NANTES)]
        started.wait(timeout=300)
        said.append(users[n].say(f"notre projet coûte {budgets[n]} €"))
        said.append(users[n].say("nous voulons ouvrir nos données"))
        said.append(users[n].say("quels appels me conviennent ?"))
        return said

    with ThreadPoolExecutor(len(users)) as pool:
        futures = [pool.submit(talk, n) for n in range(len(users))]
        started.wait(timeout=300)
        killed = stack.kill("rasa-1")  # under load: the others are talking
        answers = [future.result() for future in futures]  # every message got its reply, no HTTP error
    for n, said in enumerate(answers):
        assert all(said), f"user {n} got an empty reply: {said}"
        slots = slots_of(database_url, users[n].sender)
        assert (slots["applicant_type"], slots["budget"], slots["project_nature"]) == \
            ("commune", budgets[n], "donnees"), f"user {n} lost part of the conversation"
        assert "FEDER-NUM" in said[-1]
    back = stack.wait_up(f"http://127.0.0.1:{stack.instance(1)}/", 400)  # the supervisor restarts it
    assert stack.pid("rasa-1") != killed
    print(f"rasa-1 back {back:.0f} s after the conversations ended")
    assert nb("327 734 habitants") in Chat(stack.instance(1)).say(NANTES)


def test_action_server_killed_mid_conversation_apology_then_recommendation(stack, database_url):
    stack.wait_instances_up()
    chat = Chat(stack.ports["rasa"])
    chat.say(NANTES)
    stack.kill("actions")
    apology = chat.say("notre projet coûte 400 000 €, nous voulons ouvrir nos données")
    assert "problème technique" in apology and "conservé" in apology
    time.sleep(20)
    answer = chat.say("quels appels me conviennent ?")  # the supervisor restarted the action server
    assert "1. FEDER-NUM" in answer
    assert nb("Vous êtes éligible. Financement possible : 60 % de 400 000 €, soit jusqu'à 240 000 €.") in answer


def test_a_message_over_the_limit_gets_a_french_reply_and_is_not_processed(stack, database_url):
    chat = Chat(stack.ports["rasa"])
    chat.say(NANTES)
    before = _events(database_url, chat.sender)
    answer = chat.say("Nous voulons ouvrir nos données." + " Détails du projet." * 200)  # 3 832 characters
    assert answer.startswith("Votre message est trop long pour que je le lise : 2\u00a0000 caractères au plus, "
                             "il en compte 3\u00a0832.")
    assert _events(database_url, chat.sender) == before  # nothing stored, nothing understood
    assert chat.say("x" * 2000) and len(_events(database_url, chat.sender)) > len(before)  # the limit itself passes


def test_cors_allows_the_demo_page_only(stack):
    url = f"http://127.0.0.1:{stack.ports['rasa']}/webhooks/rest/webhook"

    def preflight(origin: str) -> str:
        request = urllib.request.Request(url, method="OPTIONS", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers.get("Access-Control-Allow-Origin") or ""

    page = f"http://127.0.0.1:{stack.ports['web']}"
    assert preflight(page) == page
    assert preflight("https://autre-site.example") == ""


def _widget_session(stack, origin: str, transport: str, attempts: int = 1):
    """A socket.io session as the widget opens it, through the balancer; the bot's first reply or
    None when the connection is refused `attempts` times (the widget's client tries again too: an
    instance just restarted may miss the first 10 s). The asyncio client: its websocket transport
    uses aiohttp."""
    import asyncio

    import socketio  # python-socketio's client, speaking as the widget's socket.io-client

    async def session():
        client = socketio.AsyncClient(reconnection=False)
        replies: asyncio.Queue = asyncio.Queue()

        @client.on("session_confirm")
        async def confirmed(session_id):
            await client.emit("user_uttered", {"message": "bonjour", "session_id": session_id})

        @client.on("bot_uttered")
        async def uttered(data):
            await replies.put(data.get("text", ""))

        try:
            await client.connect(f"http://127.0.0.1:{stack.ports['rasa']}", headers={"Origin": origin},
                                 transports=[transport], wait_timeout=10)
        except socketio.exceptions.ConnectionError:
            return None
        try:
            await client.emit("session_request", {"session_id": None})
            return await asyncio.wait_for(replies.get(), 60)
        finally:
            await client.disconnect()

    for _ in range(attempts):
        reply = asyncio.run(session())
        if reply is not None:
            return reply
    return None


def _websocket_accepted(stack, origin: str) -> bool:
    """Opens socket.io's websocket transport with this Origin, as a browser would from that page
    (the browser does not apply CORS to websockets): accepted (socket.io CONNECT answered "40")
    or refused ("44", connect_error)."""
    import asyncio

    import websockets

    async def handshake() -> str:
        url = f"ws://127.0.0.1:{stack.ports['rasa']}/socket.io/?EIO=4&transport=websocket"
        async with websockets.connect(url, origin=origin, open_timeout=10) as socket_:
            assert (await asyncio.wait_for(socket_.recv(), 10)).startswith("0")  # engine.io open
            await socket_.send("40")  # socket.io CONNECT to the default namespace
            return await asyncio.wait_for(socket_.recv(), 10)

    answer = asyncio.run(handshake())
    assert answer[:2] in ("40", "44"), answer
    return answer.startswith("40")


def test_the_widget_channel_through_the_balancer_from_the_demo_page_only(stack):
    stack.wait_instances_up()
    page = f"http://127.0.0.1:{stack.ports['web']}"
    assert "Bonjour" in _widget_session(stack, page, "polling", attempts=3)  # polling: every request on one instance
    assert _widget_session(stack, "https://autre-site.example", "polling") is None
    assert _websocket_accepted(stack, page)
    assert not _websocket_accepted(stack, "https://autre-site.example")


def _post(port: int, body: Dict, source: str = "127.0.0.1", headers: Dict[str, str] = None):
    """(status, JSON reply) of one message to the rest channel."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        connection.request("POST", "/webhooks/rest/webhook", body=json.dumps(body).encode(),
                           headers={"Content-Type": "application/json", **(headers or {})})
        answer = connection.getresponse()
        return answer.status, json.loads(answer.read() or b"null")
    finally:
        connection.close()


def test_the_client_is_the_connection_s_source_whatever_it_writes_in_x_forwarded_for(stack, database_url):
    """The booking limits count per client: a client that writes another address (a new one for
    each booking) in X-Forwarded-For is still counted under its own, through the balancer."""
    stack.wait_instances_up()
    engine = sa.create_engine(database_url)
    for n, fake in enumerate(("203.0.113.7", "198.51.100.1, 203.0.113.8")):
        chat = Chat(stack.ports["rasa"], forwarded_for=fake)
        assert book(chat, database_url, f"client.{n}@balancer.fr")
        with engine.connect() as connection:  # the store keeps the client as a keyed hash only
            clients = [row[0] for row in connection.execute(sa.text("SELECT client FROM booking_creations"))]
        assert keyed_hash(chat.source) in clients, (chat.source, fake)
        written = [address.strip() for address in fake.split(",")]
        assert not {keyed_hash(address) for address in written} & set(clients), fake
    engine.dispose()


def test_a_dead_instance_s_ticket_holds_a_conversation_a_few_seconds_only(stack):
    """A ticket left in Redis by an instance killed mid-message (never renewed again) lapses
    within TICKET_LOCK_LIFETIME (5 s): the next message of that conversation waits that long at most."""
    stack.wait_instances_up()
    chat = Chat(stack.ports["rasa"])
    left = TicketLock(chat.sender)
    left.issue_ticket(5)  # what the dead instance's last renewal left
    red = redis.Redis(port=stack.ports["redis"], db=1)
    red.set("orientation" + chat.sender, left.dumps())
    start = time.monotonic()
    assert nb("327 734 habitants") in chat.say(NANTES)
    assert time.monotonic() - start < 9


def test_redis_unreachable_the_french_apology_never_an_empty_reply(stack):
    stack.wait_instances_up()
    chat = Chat(stack.ports["rasa"])
    chat.say(NANTES)
    stack.ctl("stop", "redis")
    try:
        # an instance that meets the failure answers the apology itself
        status, reply = _post(stack.instance(1), {"sender": chat.sender, "message": "notre projet coûte 400 000 €"})
        assert (status, [r.get("text") for r in reply]) == (200, [UNAVAILABLE])
        # its health check fails: the balancer takes both out of rotation and says the apology itself
        deadline = time.monotonic() + 20
        while True:
            status, reply = _post(stack.ports["rasa"], {"sender": chat.sender, "message": "bonjour"})
            assert reply and all(r.get("text") == UNAVAILABLE for r in reply), reply
            if status == 503 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert status == 503
    finally:
        stack.ctl("start", "redis")
    deadline = time.monotonic() + 30
    while _post(stack.ports["rasa"], {"sender": chat.sender, "message": "bonjour"})[0] != 200:
        assert time.monotonic() < deadline, "the instances did not come back with Redis"
        time.sleep(0.5)
    assert nb("240 000 €") in chat.say("notre projet coûte 400 000 €, nous voulons ouvrir nos données")
