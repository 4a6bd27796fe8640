"""Start the real servers for end-to-end tests: the action server and the Rasa server with the
trained model, on free local ports, with a fixed reference date so answers are stable."""
from __future__ import annotations

import os
import random
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional

from scripts.stack_config import ACTION_SERVER, RASA

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "orientation.tar.gz"
REFERENCE_DATE = "2021-10-15"


def _ephemeral_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


_PICK = random.SystemRandom()  # not the `random` that pytest-randomly reseeds before each test


def free_port() -> int:
    """A free port below the kernel's ephemeral range. A port from that range (what binding port 0
    gives) is also the local port of the tests' many outgoing connections: one of them could take it
    between this check and the server's own bind, and the server failed with « address already in
    use ». Checked on every interface, as the servers listen."""
    start = _ephemeral_start()
    for _ in range(100):
        port = _PICK.randrange(max(1024, start - 12000), start - 10)  # -10: the balancer test adds 1 and 2
        with socket.socket() as s:
            try:
                s.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port found below the ephemeral range")


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
def _serve(command, log: Path, health_url: str, seconds: int, env: Dict[str, str]) -> Iterator[None]:
    """Start a server process, wait for its health URL, stop it on exit; the log says why it failed."""
    with open(log, "a") as out:
        process = subprocess.Popen([str(c) for c in command], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_up(health_url, process, seconds, log)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def action_server(log_dir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[int]:
    """`env`: variables for this server only (database, booking config); os.environ is never changed."""
    port = free_port()
    with _serve([*ACTION_SERVER, "--port", port],
                log_dir / "actions.log", f"http://127.0.0.1:{port}/health", 90, environment(env)):
        yield port


@contextmanager
def rasa_server(log_dir: Path, action_port: int, extra_args=(), env: Optional[Dict[str, str]] = None,
                port: Optional[int] = None) -> Iterator[int]:
    port = port or free_port()
    variables = environment({"ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook", **(env or {})})
    with _serve([*RASA, "run", "--model", MODEL, "--endpoints", "endpoints.yml", "--credentials",
                 "credentials.yml", "--port", port, "--cors", "*", *extra_args],
                log_dir / f"rasa-{port}.log", f"http://127.0.0.1:{port}/", 240, variables):
        yield port


@contextmanager
def web_server(log_dir: Path, rasa_port: int) -> Iterator[int]:
    """The demo page and the widget, as `make run` serves them, pointed at this Rasa server."""
    port = free_port()
    with _serve([VENV_BIN / "python", "scripts/web_server.py", "--port", port, "--rasa-port", rasa_port],
                log_dir / "web.log", f"http://127.0.0.1:{port}/", 30, environment()):
        yield port
