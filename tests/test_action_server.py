"""The action server is rasa_sdk's own, given the package `actions/`: it serves every action and
loads none of the heavy libraries it does not use (the agenda's web server, the theme model's
scikit-learn, Rasa itself), which live in `orientation/` and `addons/` and are never imported here."""
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
