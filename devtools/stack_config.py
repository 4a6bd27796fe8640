"""Writes the configuration of `make run`'s process supervisor (and of its balancer) into the run folder.

    python devtools/stack_config.py RUN_DIR      # reads the variables below, writes RUN_DIR/supervisord.conf

Variables (orientation/settings.py; a wrong value stops here, before anything starts): RASA_PORT,
ACTION_PORT, WEB_PORT, RASA_INSTANCES, REDIS_PORT, CORS_ORIGINS, RASA_AUTH_TOKEN, ADVISORS_PORT,
ORIENTATION_ADVISORS_ACCOUNTS. The functions below take a mapping of variables (None: os.environ),
so that the tests can give theirs. One Rasa instance listens on RASA_PORT itself; with
N >= 2, N instances listen on RASA_PORT+1 ... RASA_PORT+N behind HAProxy on RASA_PORT
(RUN_DIR/haproxy.cfg), and a local redis-server holds the conversation locks.

Every program is restarted when it dies (autorestart); one that fails while starting is retried
with a growing delay (supervisord waits 1 s, 2 s, 3 s... between attempts).
"""
from __future__ import annotations

import json
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Mapping, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: the repository is not on the path

from orientation.replies.message import UNAVAILABLE  # noqa: E402
from orientation.settings import ROOT, SettingsError, get_mail_settings, get_settings  # noqa: E402

Environ = Optional[Mapping[str, str]]
BIN = ROOT / ".venv" / "bin"
# How the two servers are started, here and by the tests: rasa_sdk's own server given the package
# `actions/` (which holds the Rasa actions only, so nothing heavy is imported), on ACTION_HOST and
# behind the shared secret (scripts/action_server.py), and Rasa's command line without JAX
# (scripts/rasa_server.py), which saves memory and start-up time.
ACTION_SERVER = [str(BIN / "python"), str(ROOT / "scripts" / "action_server.py"), "--actions", "actions"]
RASA = [str(BIN / "python"), str(ROOT / "scripts" / "rasa_server.py")]


@dataclass(frozen=True)
class Program:
    name: str
    command: List[str]
    startsecs: int = 3  # alive this long = started; a failure before is retried with backoff


@dataclass(frozen=True)
class Ports:
    rasa: int
    action: int
    web: int
    instances: int
    redis: int

    @classmethod
    def from_environment(cls, env: Environ = None) -> Ports:
        settings = get_settings(env)
        return cls(rasa=settings.rasa_port, action=settings.action_port, web=settings.web_port,
                   instances=settings.rasa_instances, redis=settings.redis_port)

    def instance_ports(self) -> List[int]:
        return [self.rasa] if self.instances == 1 else [self.rasa + i for i in range(1, self.instances + 1)]


def rasa_command(port: int, env: Environ, behind_balancer: bool) -> List[str]:
    command = [*RASA, "run", "--model", "models", "--endpoints", "endpoints.yml",
               "--credentials", "credentials.yml", "--port", str(port)]
    if behind_balancer:
        command += ["--interface", "127.0.0.1"]  # reached through HAProxy only
    settings = get_settings(env)
    if settings.cors_origins:
        command += ["--cors", *settings.cors_origins]
    if settings.rasa_auth_token:
        # read by supervisord from its environment: the token is not written into the run folder
        command += ["--enable-api", "--auth-token", "%(ENV_RASA_AUTH_TOKEN)s"]
    return command


def advisors_accounts_exist(env: Environ) -> bool:
    """The advisors' agenda is on when its accounts file holds an account (orientation/advisors_web)."""
    from orientation.advisors_web.accounts import AccountsError, load_accounts
    try:
        return bool(load_accounts(get_settings(env).advisors_accounts))
    except AccountsError as error:  # said at start; the public assistant still starts
        print(f"Agenda des conseillers désactivé : {error}", file=sys.stderr)
        return False


def extra_programs(env: Environ, ports: Ports) -> List[Program]:
    """Optional programs, started only when configured: the advisors' agenda server when advisor
    accounts exist (started otherwise, it would exit and be restarted for ever)."""
    if not advisors_accounts_exist(env):
        return []
    return [Program("advisors", [str(BIN / "python"), str(ROOT / "scripts" / "advisors_server.py"),
                                 "--port", str(get_settings(env).advisors_port)])]


def programs(env: Environ = None) -> List[Program]:
    ports = Ports.from_environment(env)
    found = [Program("actions", [*ACTION_SERVER, "--port", str(ports.action)])]
    for number, port in enumerate(ports.instance_ports(), start=1):
        name = "rasa" if ports.instances == 1 else f"rasa-{number}"
        # loading the model takes 20 s or more: a crash before that is retried with backoff
        found.append(Program(name, rasa_command(port, env, ports.instances > 1), startsecs=20))
    if ports.instances > 1:
        found.append(Program("redis", ["/usr/bin/redis-server", "--bind", "127.0.0.1", "--port", str(ports.redis),
                                       "--save", "", "--appendonly", "no", "--protected-mode", "yes"]))
        found.append(Program("balancer", ["/usr/sbin/haproxy", "-W", "-db", "-f", "haproxy.cfg"]))
    found.append(Program("web", [str(BIN / "python"), str(ROOT / "scripts" / "web_server.py"),
                                 "--port", str(ports.web), "--rasa-port", str(ports.rasa)]))
    return found + extra_programs(env, ports)


def haproxy_config(ports: Ports, apology: Path) -> str:
    """HAProxy on RASA_PORT: health checks on every instance, a message that meets a dead instance
    is sent again to another one, and socket.io sessions stay on one instance (its polling
    transport keeps state in the process), chosen by the client's address."""
    servers = "\n".join(f"    server rasa-{n} 127.0.0.1:{port} check inter 1s fall 2 rise 1"
                        for n, port in enumerate(ports.instance_ports(), start=1))
    return f"""global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout tunnel 1h
    # a busy instance answers its health check late, not never: under 50 users on 2 cores the check
    # waited more than the 1 s between checks, both instances went out of rotation and every user
    # got the apology. A dead instance refuses the connection (seen at once) or its lock store
    # fails the check with a 503 (seen at once too).
    timeout check 5s
    # a request refused by or cut on a dead instance goes to another one (an instance killed
    # mid-message has stored nothing of it: Rasa saves the conversation after the whole reply)
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response
    option http-buffer-request

frontend assistant
    bind *:{ports.rasa}
    # the instances see the client's address in X-Forwarded-For (booking limits per client); they
    # believe it from this balancer only (ORIENTATION_TRUSTED_PROXIES, set by scripts/serve). The
    # header is replaced, never appended to: what a client wrote there is not passed on.
    http-request set-header X-Forwarded-For %[src]
    acl socketio path_beg /socket.io
    use_backend socketio if socketio
    default_backend rasa

# An instance whose lock store does not answer cannot serve: out of rotation until it does. With
# none left, the rest channel's clients get the French apology as their reply.
backend rasa
    balance roundrobin
    option httpchk GET /webhooks/rest/health
    http-check expect status 200
    http-error status 503 content-type "application/json; charset=utf-8" file {apology}
{servers}

backend socketio
    balance source
    hash-type consistent
    option httpchk GET /webhooks/rest/health
    http-check expect status 200
{servers}
"""


def apology_body() -> str:
    """The balancer's reply when no instance can serve: what the rest channel answers, in French."""
    return json.dumps([{"recipient_id": None, "text": UNAVAILABLE}], ensure_ascii=False)


def supervisord_config(run_dir: Path, env: Environ = None) -> str:
    run_dir = run_dir.resolve()
    lines = ["[supervisord]", f"logfile={run_dir / 'supervisord.log'}", f"pidfile={run_dir / 'supervisord.pid'}",
             # umask 077: the logs, the database file and the key the processes make are the service's only
             f"childlogdir={run_dir}", "nodaemon=true", "silent=true", "loglevel=info", "umask=077", "",
             "[unix_http_server]", f"file={run_dir / 'supervisor.sock'}", "chmod=0700", "",
             "[rpcinterface:supervisor]",
             "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface", "",
             "[supervisorctl]", f"serverurl=unix://{run_dir / 'supervisor.sock'}", ""]
    for program in programs(env):
        directory = run_dir if program.name == "balancer" else ROOT
        lines += [f"[program:{program.name}]", f"command={' '.join(shlex.quote(c) for c in program.command)}",
                  f"directory={directory}", "autostart=true", "autorestart=true",
                  f"startsecs={program.startsecs}", "startretries=1000", "stopsignal=TERM",
                  "stopwaitsecs=15", "stopasgroup=true", "killasgroup=true", "redirect_stderr=true",
                  f"stdout_logfile={run_dir / (program.name + '.log')}", "stdout_logfile_maxbytes=20MB",
                  "stdout_logfile_backups=3", ""]
    return "\n".join(lines)


def write(run_dir: Path, env: Environ = None) -> None:
    run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    run_dir.chmod(0o700)  # the logs inside may name bookings' references
    ports = Ports.from_environment(env)
    if ports.instances > 1:
        apology = run_dir.resolve() / "apology-503.json"
        apology.write_text(apology_body(), encoding="utf-8")
        (run_dir / "haproxy.cfg").write_text(haproxy_config(ports, apology))
    (run_dir / "supervisord.conf").write_text(supervisord_config(run_dir, env))


if __name__ == "__main__":
    try:
        write(Path(sys.argv[1]))
    except SettingsError as error:
        sys.exit(f"Configuration invalide :\n{error}")
    try:
        get_mail_settings()
    except SettingsError as error:  # the assistant still starts: a wrong mail setting turns the e-mails off
        print(f"Courriels désactivés :\n{error}", file=sys.stderr)
