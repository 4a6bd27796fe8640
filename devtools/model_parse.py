"""The trained model (models/orientation.tar.gz) parsing messages: what the Rasa server would make
of each message, without starting it. For the NLU tests and scripts/nlu_report.py.

The model is loaded in a child process: loading it creates the pipeline's components, some of
which install process-wide hooks (addons/patches/action_server_fallback.py), and the tests of those hooks
must find the test process untouched."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Dict, List, Optional, Sequence

from devtools.stack import MODEL, ROOT

_CHILD = """
import asyncio, json, logging, sys
import structlog
from rasa.core.agent import Agent
logging.disable(logging.WARNING)
structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
agent = Agent.load(sys.argv[1])
loop = asyncio.new_event_loop()
parsed = [loop.run_until_complete(agent.parse_message(text)) for text in json.load(sys.stdin)]
print("\\n" + json.dumps(parsed, default=str))
"""


class ModelError(RuntimeError):
    pass


def parse(texts: Sequence[str]) -> List[Dict[str, Any]]:
    """What the model makes of each text; ModelError when there is no model or it cannot load."""
    if not MODEL.exists():
        raise ModelError(f"no trained model at {MODEL}: run `make train`")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(MODEL)], input=json.dumps(list(texts)), text=True,
                          capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    if done.returncode != 0:
        raise ModelError(f"parsing with the model failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def theme_of(parsed: Dict[str, Any]) -> Optional[str]:
    """The project_nature value the message gives: the lexicon's, else the theme model's."""
    values = [e["value"] for e in parsed.get("entities", []) if e.get("entity") == "project_nature"]
    return values[0] if values else None
