"""The production edges without servers: the message limit, the allowed origins, the lock store
chosen from the environment, and the supervisor/balancer configuration of `make run`."""
import asyncio
import configparser

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore

from addons.channels.inputs import allowed_origins, origin_allowed, too_long_reply, within_limit
from addons.stores.lock_store import OrientationLockStore, redis_settings
from devtools.stack_config import Ports, haproxy_config, programs, supervisord_config
from orientation.settings import get_settings


def _deliver(text):
    processed = []

    async def assistant(message):
        processed.append(message.text)

    channel = CollectingOutputChannel()
    asyncio.run(within_limit(assistant)(UserMessage(text, channel, "user-1")))
    return processed, [m["text"] for m in channel.messages]


def test_a_message_at_the_limit_is_processed_one_over_is_answered_in_french():
    MAX_MESSAGE = get_settings().max_message
    assert _deliver("a" * MAX_MESSAGE) == (["a" * MAX_MESSAGE], [])
    processed, replies = _deliver("a" * (MAX_MESSAGE + 1))
    assert processed == []
    assert replies == [too_long_reply(MAX_MESSAGE + 1)]
    assert replies[0].startswith("Votre message est trop long pour que je le lise : 2\u00a0000 caractères au plus, "
                                 "il en compte 2\u00a0001.")


def test_allowed_origins():
    allowed = allowed_origins({"CORS_ORIGINS": "http://127.0.0.1:8000, https://www.exemple.gouv.fr/"})
    assert allowed == ["http://127.0.0.1:8000", "https://www.exemple.gouv.fr"]
    assert origin_allowed("https://www.exemple.gouv.fr", allowed)
    assert not origin_allowed("https://autre-site.example", allowed)
    assert not origin_allowed("http://127.0.0.1:8001", allowed)
    assert origin_allowed(None, allowed)  # not a browser page
    assert origin_allowed("https://autre-site.example", ["*"])


def test_the_lock_store_is_in_memory_for_one_instance_and_redis_for_several(monkeypatch):
    monkeypatch.delenv("ORIENTATION_REDIS_URL", raising=False)
    assert isinstance(OrientationLockStore(), InMemoryLockStore)
    monkeypatch.setenv("ORIENTATION_REDIS_URL", "redis://127.0.0.1:6390/2")
    store = OrientationLockStore()
    assert isinstance(store, RedisLockStore)
    assert store.red.connection_pool.connection_kwargs["port"] == 6390
    assert redis_settings("rediss://user:secret@redis.example:6380")["use_ssl"] is True
    with pytest.raises(ValueError, match="redis://"):
        redis_settings("http://127.0.0.1:6379")


def test_one_instance_needs_no_balancer_nor_redis(tmp_path):
    env = {"RASA_PORT": "5005", "ORIENTATION_ADVISORS_ACCOUNTS": str(tmp_path / "none.yml")}
    names = [p.name for p in programs(env)]
    assert names == ["actions", "rasa", "web"]
    assert "--port 5005" in " ".join(programs(env)[1].command)


def test_the_advisors_agenda_is_supervised_only_when_an_account_exists(tmp_path):
    from orientation.advisors_web.accounts import hash_password, save_accounts
    accounts = tmp_path / "advisors.yml"
    env = {"ORIENTATION_ADVISORS_ACCOUNTS": str(accounts), "ADVISORS_PORT": "8101"}
    assert "advisors" not in [p.name for p in programs(env)]  # started without account, it would exit for ever
    save_accounts(accounts, {"marie.dupont": hash_password("correct horse battery")})
    [advisors] = [p for p in programs(env) if p.name == "advisors"]
    assert " ".join(advisors.command).endswith("scripts/advisors_server.py --port 8101")


def test_n_instances_on_the_next_ports_behind_haproxy_with_redis(tmp_path):
    env = {"RASA_PORT": "5005", "RASA_INSTANCES": "3", "CORS_ORIGINS": "http://127.0.0.1:8000",
           "RASA_AUTH_TOKEN": "secret", "ORIENTATION_ADVISORS_ACCOUNTS": str(tmp_path / "none.yml")}
    found = {p.name: " ".join(p.command) for p in programs(env)}
    assert set(found) == {"actions", "rasa-1", "rasa-2", "rasa-3", "redis", "balancer", "web"}
    assert "--port 5008" in found["rasa-3"] and "--cors http://127.0.0.1:8000" in found["rasa-1"]
    assert "secret" not in found["rasa-1"] and "%(ENV_RASA_AUTH_TOKEN)s" in found["rasa-1"]
    assert "--bind 127.0.0.1" in found["redis"] and "--interface 127.0.0.1" in found["rasa-2"]
    balancer = haproxy_config(Ports.from_environment(env), tmp_path / "apology-503.json")
    assert "bind *:5005" in balancer and "server rasa-3 127.0.0.1:5008 check" in balancer
    assert "option redispatch" in balancer and "retry-on conn-failure empty-response" in balancer
    assert "balance source" in balancer  # socket.io sessions stay on one instance
    # the instances see the client (booking limits per client), never what the client wrote itself
    assert "http-request set-header X-Forwarded-For %[src]" in balancer and "forwardfor" not in balancer
    # an instance whose lock store does not answer is out of rotation
    assert balancer.count("option httpchk GET /webhooks/rest/health") == 2
    # a busy instance is not a dead one: its health check may answer late (50 users on 2 cores)
    assert "timeout check 5s" in balancer
    config = configparser.RawConfigParser()
    config.read_string(supervisord_config(tmp_path, env))
    for name in found:
        section = config[f"program:{name}"]
        assert section["autorestart"] == "true" and int(section["startretries"]) >= 100
        assert section["stdout_logfile"] == str(tmp_path / f"{name}.log")


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway redis-server on a free port (Debian's, as `make run` starts it)."""
    import socket
    import subprocess
    import time
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["/usr/bin/redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    try:
        for _ in range(50):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        server.terminate()
        server.wait(10)


def test_a_message_waiting_behind_a_dead_instance_runs_once_that_lock_expires(redis_url, monkeypatch):
    monkeypatch.setenv("ORIENTATION_REDIS_URL", redis_url)
    store = OrientationLockStore()
    store.issue_ticket("conversation-1", lock_lifetime=0.5)  # the instance that died holding it

    async def next_message():
        # its own ticket expires as soon as the dead one: Rasa's store would wait for ever here
        async with store.lock("conversation-1", lock_lifetime=0.5, wait_time_in_seconds=1):
            return "processed"
    assert asyncio.run(asyncio.wait_for(next_message(), 10)) == "processed"
    assert store.get_lock("conversation-1") is None  # cleaned up behind it


def test_messages_of_one_conversation_wait_for_each_other(redis_url, monkeypatch):
    monkeypatch.setenv("ORIENTATION_REDIS_URL", redis_url)
    store, order = OrientationLockStore(), []

    async def message(name):
        async with store.lock("conversation-2", wait_time_in_seconds=0.05):
            order.append(f"{name} starts")
            await asyncio.sleep(0.3)
            order.append(f"{name} ends")

    async def both():
        await asyncio.gather(message("first"), message("second"))
    asyncio.run(both())
    assert order == ["first starts", "first ends", "second starts", "second ends"]


def test_two_instances_taking_tickets_at_the_same_instant_never_share_one(redis_url, monkeypatch):
    """Rasa's own store reads, changes and writes the queue: two instances could both get ticket 0."""
    import threading
    monkeypatch.setenv("ORIENTATION_REDIS_URL", redis_url)
    instances = [OrientationLockStore(), OrientationLockStore()]
    tickets = [[], []]
    start = threading.Barrier(2)

    def take(n):
        start.wait()
        for _ in range(100):
            tickets[n].append(instances[n].issue_ticket("conversation-3", lock_lifetime=60))
    threads = [threading.Thread(target=take, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets[0] + tickets[1]) == list(range(200))


def test_the_logs_of_make_run_are_readable_by_the_service_only(tmp_path):
    import stat

    from devtools.stack_config import write
    run_dir = tmp_path / "run"
    write(run_dir, {})
    assert stat.S_IMODE(run_dir.stat().st_mode) == 0o700
    config = configparser.ConfigParser(interpolation=None)
    config.read_string(supervisord_config(run_dir, {}))
    assert config["supervisord"]["umask"] == "077"  # the logs and files its programs make: 0600


def test_a_live_instance_keeps_its_ticket_past_the_lifetime_while_it_works(redis_url, monkeypatch):
    """Tickets live a few seconds so that a dead instance's lapse soon; a live instance renews its
    own, so a message longer than the lifetime still holds the conversation to the end."""
    monkeypatch.setenv("ORIENTATION_REDIS_URL", redis_url)
    store, order = OrientationLockStore(), []

    async def message(name, seconds):
        async with store.lock("conversation-3", lock_lifetime=0.4, wait_time_in_seconds=0.05):
            order.append(f"{name} starts")
            await asyncio.sleep(seconds)
            order.append(f"{name} ends")

    async def both():
        first = asyncio.create_task(message("long", 1.5))  # almost 4 lifetimes
        await asyncio.sleep(0.1)
        await asyncio.gather(first, message("next", 0))
    asyncio.run(both())
    assert order == ["long starts", "long ends", "next starts", "next ends"]
    assert store.get_lock("conversation-3") is None


def test_the_lock_store_says_whether_redis_answers(redis_url, monkeypatch):
    monkeypatch.setenv("ORIENTATION_REDIS_URL", redis_url)
    assert OrientationLockStore().answers()
    monkeypatch.setenv("ORIENTATION_REDIS_URL", "redis://127.0.0.1:1/1")  # nothing listens there
    assert not OrientationLockStore().answers()
