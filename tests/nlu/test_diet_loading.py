"""addons/components/diet.py: the trained DIET model loaded for prediction only gives every held-out message
the same intent ranking, with the same confidences, as Rasa's own loading of the same model."""
import json
import os
import subprocess
import sys

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from devtools.stack import MODEL, ROOT

HELD_OUT = [ROOT / "tests" / "nlu" / "heldout.yml", ROOT / "tests" / "nlu" / "heldout_understanding.yml"]

# A child process per loading: loading a model installs process-wide hooks (tests/nlu/model_parse.py).
CHILD = """
import asyncio, json, logging, sys
import structlog
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from addons.components.diet import QuickLoadDIETClassifier
logging.disable(logging.WARNING)
structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
if sys.argv[2] == "rasa":
    QuickLoadDIETClassifier._load_model_class = classmethod(DIETClassifier._load_model_class.__func__)
agent = Agent.load(sys.argv[1])
diet = [node._component for node in agent.processor.graph_runner._instantiated_nodes.values()
        if isinstance(node._component, DIETClassifier)]
variables = diet[0].model.optimizer.variables
optimizer_variables = len(variables() if callable(variables) else variables)
loop = asyncio.new_event_loop()
rankings = [[(i["name"], i["confidence"]) for i in loop.run_until_complete(agent.parse_message(t))["intent_ranking"]]
            for t in json.load(sys.stdin)]
print("\\n" + json.dumps({"classes": [type(d).__name__ for d in diet], "optimizer_variables": optimizer_variables,
                          "rankings": rankings}))
"""


def load_and_parse(loading: str, texts):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(MODEL), loading], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    child.stdin.write(json.dumps(texts))
    child.stdin.close()
    return child


def result(child):
    out, err = child.stdout.read(), child.stderr.read()
    if child.wait() != 0:
        pytest.fail(f"loading the model failed: {err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


def test_same_intents_and_confidences_as_rasas_own_loading():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    texts = [example.get("text") for path in HELD_OUT for example in load_data(str(path)).training_examples]
    assert len(texts) > 500
    ours, rasas = load_and_parse("ours", texts), load_and_parse("rasa", texts)  # both at once: 2 cores
    ours, rasas = result(ours), result(rasas)
    assert ours["classes"] == rasas["classes"] == ["QuickLoadDIETClassifier"]
    # Rasa's loading trains one step, which gives the optimizer two slots per weight; ours leaves the
    # optimizer as it is created, with its step counter only
    assert ours["optimizer_variables"] == 1 < rasas["optimizer_variables"]
    differing = [(text, a, b) for text, a, b in zip(texts, ours["rankings"], rasas["rankings"])
                 if [name for name, _ in a] != [name for name, _ in b]
                 or any(abs(p - q) > 1e-6 for (_, p), (_, q) in zip(a, b))]
    assert differing == []
