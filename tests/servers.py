"""Start the real servers for end-to-end tests: the action server and the Rasa server with the
trained model, on free local ports, with a fixed reference date so answers are stable."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "orientation.tar.gz"
REFERENCE_DATE = "2021-10-15"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: int, log: Path) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}); log: {log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} not up after {seconds} s; log: {log.read_text()[-3000:]}")


def environment(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ORIENTATION_DATE": REFERENCE_DATE,
           "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    env.update(extra or {})
    return env


@contextmanager
def action_server(log_dir: Path) -> Iterator[int]:
    port = free_port()
    log = log_dir / "actions.log"
    with open(log, "w") as out:
        process = subprocess.Popen([str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port",
                                    str(port)], cwd=ROOT, env=environment(), stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, 90, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def rasa_server(log_dir: Path, action_port: int, extra_args=(), env: Optional[Dict[str, str]] = None,
                port: Optional[int] = None) -> Iterator[int]:
    port = port or free_port()
    log = log_dir / f"rasa-{port}.log"
    variables = environment({"ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook", **(env or {})})
    with open(log, "a") as out:
        process = subprocess.Popen([str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "--endpoints",
                                    "endpoints.yml", "--credentials", "credentials.yml", "--port", str(port),
                                    "--cors", "*", *extra_args], cwd=ROOT, env=variables, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process, 240, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def web_server(log_dir: Path, rasa_port: int) -> Iterator[int]:
    """The demo page and the widget, as `make run` serves them, pointed at this Rasa server."""
    port = free_port()
    log = log_dir / "web.log"
    with open(log, "w") as out:
        process = subprocess.Popen([str(VENV_BIN / "python"), "scripts/web_server.py", "--port", str(port),
                                    "--rasa-port", str(rasa_port)], cwd=ROOT, env=environment(), stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process, 30, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
