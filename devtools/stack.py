"""The servers of the stack as `make run` starts them (devtools/stack_config.py's commands), each on
a free local port with its own log, at a fixed reference date so that answers are stable: for the
end-to-end tests and for the scripts that drive a real conversation (screenshots)."""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

from devtools.processes import free_port, serve
from devtools.stack_config import ACTION_SERVER, RASA

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "orientation.tar.gz"
REFERENCE_DATE = "2021-10-15"


# The secret the test servers share (the Rasa server sends it, the action server requires it).
ACTION_SERVER_TOKEN = secrets.token_urlsafe(32)


def environment(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    env = {"ACTION_SERVER_TOKEN": ACTION_SERVER_TOKEN, **os.environ, "PYTHONPATH": str(ROOT),
           "ORIENTATION_DATE": REFERENCE_DATE, "RASA_TELEMETRY_ENABLED": "false",
           "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    env.update(extra or {})
    return env


@contextmanager
def action_server(log_dir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[int]:
    """`env`: variables for this server only (database, booking config); os.environ is never changed."""
    port = free_port()
    with serve([*ACTION_SERVER, "--port", port], log_dir / "actions.log", f"http://127.0.0.1:{port}/health", 90,
               environment(env), ROOT):
        yield port


@contextmanager
def rasa_server(log_dir: Path, action_port: int, extra_args=(), env: Optional[Dict[str, str]] = None,
                port: Optional[int] = None) -> Iterator[int]:
    port = port or free_port()
    variables = environment({"ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook", **(env or {})})
    with serve([*RASA, "run", "--model", MODEL, "--endpoints", "endpoints.yml", "--credentials",
                "credentials.yml", "--port", port, "--cors", "*", *extra_args],
               log_dir / f"rasa-{port}.log", f"http://127.0.0.1:{port}/", 240, variables, ROOT):
        yield port


@contextmanager
def web_server(log_dir: Path, rasa_port: int) -> Iterator[int]:
    """The demo page and the widget, as `make run` serves them, pointed at this Rasa server."""
    port = free_port()
    with serve([VENV_BIN / "python", "scripts/web_server.py", "--port", port, "--rasa-port", rasa_port],
               log_dir / "web.log", f"http://127.0.0.1:{port}/", 30, environment(), ROOT):
        yield port


@contextmanager
def advisors_server(log: Path, env: Dict[str, str]) -> Iterator[int]:
    """The advisors' agenda (scripts/advisors_server.py); `env` is the whole environment."""
    port = free_port()
    with serve([VENV_BIN / "python", "scripts/advisors_server.py", "--port", port], log,
               f"http://127.0.0.1:{port}/sante", 30, env, ROOT):
        yield port
