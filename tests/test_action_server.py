"""The action server is rasa_sdk's own, given the package `actions/`: it serves every action and
loads none of the heavy libraries it does not use (the agenda's web server, the theme model's
scikit-learn, Rasa itself), which live in `orientation/` and `addons/` and are never imported here."""
import asyncio
import functools
import json
import subprocess
import sys

import yaml

from devtools.stack import ROOT

# In a fresh interpreter: the test process itself has imported half the project.
REGISTERED = """
import json, sys
from rasa_sdk.executor import ActionExecutor
executor = ActionExecutor()
executor.register_package("actions")
print(json.dumps({{"actions": sorted(executor.actions),
                   "modules": sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})}}))
"""
HEAVY = ["sklearn", "scipy", "aiohttp", "jinja2", "argon2", "tensorflow", "spacy", "rasa", "addons"]


def registered() -> dict:
    done = subprocess.run([sys.executable, "-c", REGISTERED.format(heavy=HEAVY)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_it_serves_every_custom_action_of_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    custom = {name for name in domain["actions"] if name != "action_validate_slot_mappings"}  # Rasa's own
    assert len(custom) > 25
    assert custom <= set(registered()["actions"])


def test_it_loads_no_library_it_does_not_use():
    assert registered()["modules"] == []


class Posted:
    """A request to /webhook as Sanic gives it: its body parsed once, on first reading of `json`."""

    path, method = "/webhook", "POST"

    def __init__(self, body: bytes):
        self.body, self.parsed, self.parses = body, None, 0

    @property
    def json(self):
        from sanic.request import Request

        if self.parsed is None:
            self.parses += 1
            self.parsed = Request.load_json(self)  # Sanic's own parse and its error
        return self.parsed

    @property
    def parsed_json(self):
        return self.parsed

    @parsed_json.setter
    def parsed_json(self, value):
        self.parsed = value


@functools.cache  # Sanic refuses a second app of the same name
def request_check():
    from rasa_sdk.endpoint import create_app

    from scripts.action_server import domain_slot_types, refuse_malformed

    app = refuse_malformed(create_app("actions"), domain_slot_types())
    (check,) = [m for m in app.request_middleware if m.__name__ == "well_formed"]
    return check


def check_request(request: Posted):
    return asyncio.run(request_check()(request))


def test_the_conversation_sent_is_parsed_once_for_the_check_and_the_action():
    request = Posted(json.dumps({"next_action": "action_recommend", "tracker": {"slots": {}}}).encode())
    assert check_request(request) is None  # handed on to rasa_sdk's webhook
    assert request.parses == 1
    assert request.json["next_action"] == "action_recommend"  # what the webhook reads: the same parse
    assert request.parses == 1


def test_a_request_that_is_not_the_rasa_server_s_is_refused_in_french():
    for body in (b"{pas du json", b"", json.dumps({"next_action": "action_recommend"}).encode(), b"[1, 2]"):
        answer = check_request(Posted(body))
        assert answer.status == 400 and json.loads(answer.body)["erreur"].startswith("Requête mal formée"), body
