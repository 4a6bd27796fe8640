"""Processes on free local ports: pick a port, start a server, wait until its URL answers."""
from __future__ import annotations

import random
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, Optional, Sequence, Union


def _ephemeral_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


_PICK = random.SystemRandom()  # not the `random` that pytest-randomly reseeds before each test


def free_port() -> int:
    """A free port below the kernel's ephemeral range. A port from that range (what binding port 0
    gives) is also the local port of the many outgoing connections of tests and benches: one of them
    could take it between this check and the server's own bind, and the server failed with « address
    already in use ». Checked on every interface, as the servers listen."""
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


def _tail(log: Optional[Path]) -> str:
    return f"; log: {log.read_text()[-3000:]}" if log and log.exists() else ""


def wait_until_up(url: str, seconds: float, process: Optional[subprocess.Popen] = None,
                  log: Optional[Path] = None) -> float:
    """Seconds until `url` answers with a success. Fails at once if `process` exits, and after
    `seconds` otherwise, with the end of `log`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}){_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.monotonic() - start
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} not up after {seconds} s{_tail(log)}")


def start(command: Sequence[Union[str, Path, int]], log: Path, env: Dict[str, str], cwd: Path,
          **popen) -> subprocess.Popen:
    """A process whose output goes to the end of `log`."""
    with open(log, "a") as out:
        return subprocess.Popen([str(c) for c in command], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                **popen)


def stop(process: subprocess.Popen, seconds: float = 30) -> None:
    """SIGTERM, then SIGKILL if it is still there after `seconds`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serve(command: Sequence[Union[str, Path, int]], log: Path, health_url: str, seconds: float,
          env: Dict[str, str], cwd: Path) -> Iterator[subprocess.Popen]:
    """Start a server process, wait for its health URL, stop it on exit; the log says why it failed."""
    process = start(command, log, env, cwd)
    try:
        wait_until_up(health_url, seconds, process, log)
        yield process
    finally:
        stop(process)
