import http.client
import json
import os
import random
import re
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional
from urllib.parse import urlsplit

import pytest
import yaml

from devtools.stack import MODEL, ROOT, action_server, rasa_server
from tests.smtp_server import SmtpServer

BOOKING_CONFIG = ROOT / "config" / "booking.yml"
TRUSTED_PROXY = "127.0.0.2"  # the test servers trust X-Forwarded-For from this address only
ADVISORS_EMAIL = "conseillers-france-relance@dinum.gouv.fr"


# What must never reach a user: the widget and the rest channel show text as is, so markup would be
# read literally (« <b>ITN5</b> », « **75 %** »). Tags, HTML entities, Markdown emphasis, links,
# inline code and headings.
MARKUP = re.compile(r"""</?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;|\*\*|__|`"""
                    r"""|(?<![\w*])\*[^\s*][^*\n]*\*(?![\w*])|(?<![\w])_[^\s_][^_\n]*_(?![\w])"""
                    r"""|\[[^\]\n]*\]\([^)\n]*\)|^#{1,6}\s""", re.MULTILINE)


def shown_texts(reply: Dict) -> List[str]:
    """What a reply puts before a reader: its text, its buttons' titles and its cards' texts."""
    texts = [reply.get("text") or ""] + [b.get("title", "") for b in reply.get("buttons", [])]
    for card in ((reply.get("custom") or {}).get("data") or {}).get("cards", []):
        texts += [card["title"], card["verdict_text"], card["amount_text"], card["status_text"], card["fund"] or ""]
        texts += card["notes"] + [b["title"] for b in card["buttons"]] + [b["label"] for b in card["buttons"]]
    return texts


def check_plain_text(replies: List[Dict]) -> None:
    """Fails on any markup in the text, the button titles or the cards of the bot's replies."""
    for reply in replies:
        for text in shown_texts(reply):
            found = MARKUP.search(text)
            assert found is None, f"markup {found.group(0)!r} in a bot reply: {text!r}"



@contextmanager
def servers_at(date: str, tmp_path_factory, server_env: Dict[str, str]) -> Iterator[int]:
    """An action server and a Rasa server of their own at another reference date (ORIENTATION_DATE),
    for the cases of a module that happen then; yields the Rasa server's port."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    logs = tmp_path_factory.mktemp(f"logs-{date}")
    env = {**server_env, "ORIENTATION_DATE": date}
    with action_server(logs, env=env) as action_port, rasa_server(logs, action_port, env=env) as port:
        yield port

class Chat:
    """One user talking to the assistant through the rest channel, as the website does.
    Every reply is checked for markup (check_plain_text)."""

    def __init__(self, port: int, source: Optional[str] = None, forwarded_for: Optional[str] = None):
        """source: the loopback address the requests come from (each user its own by default, as
        each user of the website has its own IP address: the booking limits count per client);
        forwarded_for: an X-Forwarded-For header, as a proxy would add."""
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:8]}"
        self.source = source or "127.{}.{}.{}".format(*(random.randint(10, 250) for _ in range(3)))
        self.forwarded_for = forwarded_for
        self.replies: List[Dict] = []
        self.transcript: List[str] = []  # what was said, as a reader would see it

    def say(self, text: str) -> str:
        headers = {"Content-Type": "application/json"}
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        url = urlsplit(self.url)  # a test may point the same user at another server
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60, source_address=(self.source, 0))
        try:
            connection.request("POST", url.path,
                               body=json.dumps({"sender": self.sender, "message": text}).encode(), headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise urllib.error.HTTPError(self.url, response.status, body.decode(errors="replace"), response.headers,
                                         None)
        self.replies = json.loads(body)
        check_plain_text(self.replies)
        self._write_down(text)
        return "\n".join(r.get("text", "") for r in self.replies)

    def _write_down(self, text: str) -> None:
        self.transcript.append(f"> {text}")
        for reply in self.replies:
            if reply.get("text"):
                self.transcript.append("  " + reply["text"].replace("\n", "\n  "))
            if reply.get("buttons"):
                self.transcript.append("  [" + " | ".join(b.get("title", "") for b in reply["buttons"]) + "]")

    @property
    def buttons(self) -> List[Dict]:
        return [b for r in self.replies for b in r.get("buttons", [])]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Bookings and conversations of the test servers: a fresh SQLite file, or the PostgreSQL
    database given in ORIENTATION_TEST_DATABASE_URL."""
    return os.environ.get("ORIENTATION_TEST_DATABASE_URL") or \
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'orientation.db'}"


@pytest.fixture(scope="session")
def smtp():
    """The local mail server the test action server sends to (tests.smtp_server.SmtpServer)."""
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_env(tmp_path_factory, database_url, smtp) -> Dict[str, str]:
    """The variables of the test servers, passed to them alone: this process's environment is untouched."""
    # One advisor, so that two users wanting the same slot compete for it.
    config = yaml.safe_load(BOOKING_CONFIG.read_text())
    config["advisors"] = 1
    # A small per-client limit keeps the burst tests short (the default lets a ministry's shared address book).
    config.setdefault("limits", {})["per_client"] = 3
    booking_config = tmp_path_factory.mktemp("config") / "booking.yml"
    booking_config.write_text(yaml.safe_dump(config, allow_unicode=True))
    return {"ORIENTATION_DATABASE_URL": database_url, "BOOKING_CONFIG": str(booking_config),
            "ORIENTATION_SMTP_URL": smtp.url, "ORIENTATION_ADVISORS_EMAIL": ADVISORS_EMAIL,
            "ORIENTATION_MAIL_FROM": "Orientation France Relance <ne-pas-repondre@dinum.gouv.fr>",
            "ORIENTATION_TRUSTED_PROXIES": TRUSTED_PROXY}


@pytest.fixture(scope="session")
def servers(tmp_path_factory, database_url, server_env):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    logs = tmp_path_factory.mktemp("logs")
    with action_server(logs, env=server_env) as action_port, rasa_server(logs, action_port, env=server_env) as port:
        yield {"rasa": port, "actions": action_port, "logs": logs, "database_url": database_url, "env": server_env}


@pytest.fixture
def chat(servers, request):
    """One user; with ORIENTATION_TRANSCRIPTS=DIR, the conversation is written to DIR/<test>.txt
    (how the issue-18 situations are replayed for a reader: tests/conversations/test_personas.py)."""
    user = Chat(servers["rasa"])
    yield user
    folder = os.environ.get("ORIENTATION_TRANSCRIPTS")
    if folder and user.transcript:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{request.node.name}.txt").write_text("\n".join(user.transcript) + "\n", encoding="utf-8")


@pytest.fixture
def new_chat(servers):
    """Another user, in another conversation."""
    return lambda: Chat(servers["rasa"])
