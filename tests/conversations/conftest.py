import json
import urllib.request
import uuid
from typing import Dict, List

import pytest

from tests.servers import MODEL, action_server, rasa_server


class Chat:
    """One user talking to the assistant through the rest channel, as the website does."""

    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:8]}"
        self.replies: List[Dict] = []

    def say(self, text: str) -> str:
        request = urllib.request.Request(self.url, data=json.dumps({"sender": self.sender, "message": text}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            self.replies = json.loads(response.read())
        return "\n".join(r.get("text", "") for r in self.replies)

    @property
    def buttons(self) -> List[Dict]:
        return [b for r in self.replies for b in r.get("buttons", [])]


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    logs = tmp_path_factory.mktemp("logs")
    with action_server(logs) as action_port, rasa_server(logs, action_port) as port:
        yield {"rasa": port, "actions": action_port, "logs": logs}


@pytest.fixture
def chat(servers):
    return Chat(servers["rasa"])
