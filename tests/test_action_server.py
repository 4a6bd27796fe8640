"""actions/action_server.py: the action server serves every action defined in actions/, and loads
none of the heavy libraries it does not use (issue 13: they cost it about 65 MB)."""
import json
import subprocess
import sys

from tests.servers import ROOT

# Each in a fresh interpreter: the test process itself has imported half the project.
REGISTERED = """
import json
from rasa_sdk.executor import ActionExecutor
executor = ActionExecutor()
executor.register_package({package!r})
import sys
print(json.dumps({{"actions": sorted(executor.actions),
                   "modules": sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})}}))
"""
HEAVY = ["sklearn", "scipy", "aiohttp", "jinja2", "argon2", "tensorflow", "spacy", "rasa"]


def registered(package: str) -> dict:
    done = subprocess.run([sys.executable, "-c", REGISTERED.format(package=package, heavy=HEAVY)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_it_serves_every_action_of_the_package():
    """Rasa's own way (every module of the package) and the action server's give the same actions."""
    whole_package, served = registered("actions"), registered("actions.action_server")
    assert len(served["actions"]) > 25
    assert served["actions"] == whole_package["actions"]


def test_it_loads_no_library_it_does_not_use():
    assert registered("actions.action_server")["modules"] == []
