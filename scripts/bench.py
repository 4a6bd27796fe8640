"""`make bench`: this assistant against a vanilla Rasa assistant (bench/vanilla), in one run.

Both are started one after the other on free ports (this project through scripts/serve, as
`make run` does; the vanilla bot with `rasa run`, trained here when its model is missing or
older than its files). Each gets the same small-talk mix; this project also gets a real
conversation mix (profile, recommendation, questions on a call). The messages are sent in rounds,
each assistant in turn in every round, so that a shared machine's changing load hits both alike.
For each mix: p50/p95 latency with 1 user, p50/p95 and throughput with N concurrent users, the RSS
of every process (psutil), the time to ready; then the ratios project / vanilla. Printed, and
written as JSON under results/.

    .venv/bin/python scripts/bench.py                       # what `make bench` runs
    .venv/bin/python scripts/bench.py --instances 2         # RASA_INSTANCES=2 for scripts/serve
    .venv/bin/python scripts/bench.py --target http://127.0.0.1:5005 --pid 1234 --skip-vanilla
    pg_virtualenv -t sh -c '.venv/bin/python scripts/bench.py --instances 2 --users 50 --soak 120 \
        --database-url "postgresql+psycopg2://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"'

--soak SECONDS: this project only, its real conversations sent by --users users at once for that
long; every failed message is counted (not fatal) and p50/p95, throughput and errors are reported.

--cpu TURNS: this project only, the CPU time its Rasa server and its action server spend per real
turn (psutil), TURNS real turns from one user after a warm-up: what a busy machine moves least.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.processes import free_port, wait_until_up  # noqa: E402

VANILLA = ROOT / "bench" / "vanilla"
VANILLA_MODEL = VANILLA / "models" / "vanilla.tar.gz"
RASA = ROOT / ".venv" / "bin" / "rasa"
RESULTS = ROOT / "results"

# Messages both assistants understand: the vanilla bot has the same small-talk intents.
SMALL_TALK = ["bonjour", "oui", "merci", "non", "au revoir", "salut", "d'accord", "merci beaucoup",
              "bonsoir", "vous êtes un robot ?"]
# One conversation of a public servant, in order; each simulated user starts a new one at the end.
REAL = ["Bonjour, je suis une commune de 350 000 habitants",
        "notre projet porte sur la participation citoyenne",
        "le budget est de 400 000 €",
        "c'est quoi TNT-COOP ?",
        "combien je peux avoir ?",
        "pourquoi pas ITN2 ?",
        "et c'est encore ouvert ?",
        "en fait nous sommes 250 000 habitants",
        "quels sont les critères de sélection ?",
        "merci"]


# --- processes -----------------------------------------------------------------------------------

def rss_mb(root: int) -> float:
    """Resident memory of the whole process tree, in MB (what `ps` counts)."""
    try:
        parent = psutil.Process(root)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):  # ended since the tree was read
            total += process.memory_info().rss
    return round(total / 2**20, 1)


class Server:
    """A started assistant: its URL, its process tree, its time to ready; stopped on close."""

    def __init__(self, name: str, url: str, process: Optional[subprocess.Popen], ready_s: Optional[float],
                 pid: Optional[int] = None):
        self.name, self.url, self.process, self.ready_s = name, url, process, ready_s
        self.pid = process.pid if process else pid

    def rss(self) -> Optional[float]:
        return rss_mb(self.pid) if self.pid else None

    def close(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # scripts/serve stops every process it started
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # its own session, started below
            self.process.wait()


def environment(extra: Dict[str, str]) -> Dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1", **extra}


def start_project(run_dir: Path, instances: Optional[int], database_url: Optional[str] = None,
                  timeout: int = 300) -> Server:
    """scripts/serve on free ports, its own database and logs; ready = its « Assistant ready. » line."""
    rasa_port = free_port()
    env = environment({"RASA_PORT": str(rasa_port), "ACTION_PORT": str(free_port()),
                       "WEB_PORT": str(free_port()), "LOGS": str(run_dir / "logs"),
                       "ORIENTATION_DATE": "2021-10-15",
                       "ORIENTATION_DATABASE_URL": database_url or f"sqlite:///{run_dir / 'orientation.db'}"})
    env.pop("ACTION_SERVER_URL", None)  # scripts/serve derives it from ACTION_PORT
    if instances:
        env["RASA_INSTANCES"] = str(instances)
    start = time.monotonic()
    process = subprocess.Popen([str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    ready = threading.Event()

    def read() -> None:
        for line in process.stdout:  # keep draining, or serve would block on a full pipe
            if "Assistant ready." in line:
                ready.set()
    threading.Thread(target=read, daemon=True).start()
    while not ready.wait(0.05):
        if process.poll() is not None or time.monotonic() - start > timeout:
            Server("project", "", process, None).close()
            sys.exit(f"scripts/serve did not get ready; see {run_dir / 'logs'}")
    return Server("project", f"http://127.0.0.1:{rasa_port}", process, round(time.monotonic() - start, 1))


def train_vanilla() -> None:
    inputs = [VANILLA / "config.yml", VANILLA / "domain.yml", *sorted((VANILLA / "data").glob("*.yml"))]
    if VANILLA_MODEL.exists() and VANILLA_MODEL.stat().st_mtime > max(p.stat().st_mtime for p in inputs):
        return
    print("Training the vanilla assistant (bench/vanilla)…", flush=True)
    subprocess.run([str(RASA), "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
                    "--out", "models", "--fixed-model-name", "vanilla"], cwd=VANILLA, env=environment({}),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_vanilla(run_dir: Path, timeout: int = 300) -> Server:
    """`rasa run` of the vanilla model (in-memory tracker store, no action server); ready = GET / answers."""
    port = free_port()
    start = time.monotonic()
    with open(run_dir / "vanilla.log", "w") as log:
        process = subprocess.Popen([str(RASA), "run", "--model", str(VANILLA_MODEL), "--port", str(port),
                                    "--credentials", "credentials.yml"], cwd=VANILLA, env=environment({}),
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server("vanilla", f"http://127.0.0.1:{port}", process, None)
    try:
        wait_until_up(server.url + "/", timeout, process, run_dir / "vanilla.log")
    except RuntimeError as error:
        server.close()
        sys.exit(f"the vanilla assistant did not get ready: {error}")
    server.ready_s = round(time.monotonic() - start, 1)
    return server


# --- load --------------------------------------------------------------------------------------

class User:
    """One person chatting: a kept-alive connection, a sender id renewed at the end of the mix."""

    def __init__(self, url: str, mix: List[str]):
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.mix, self.turn, self.sender = mix, 0, uuid.uuid4().hex

    def send(self) -> float:
        if self.turn == len(self.mix):
            self.turn, self.sender = 0, uuid.uuid4().hex
        body = json.dumps({"sender": self.sender, "message": self.mix[self.turn]})
        self.turn += 1
        start = time.perf_counter()
        self.connection.request("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
        response = self.connection.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200 or not json.loads(payload):  # both assistants answer every message
            raise RuntimeError(f"no reply to {self.mix[self.turn - 1]!r}: {response.status} {payload[:200]!r}")
        return elapsed


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(latencies: List[float]) -> Dict[str, float]:
    return {"p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * percentile(latencies, 0.95), 1), "messages": len(latencies)}


class Load:
    """One assistant and one mix: the latencies and the busy time of its 1-user and N-user runs,
    added up over the rounds."""

    def __init__(self, server: Server, mix_name: str, mix: List[str]):
        self.server, self.mix_name, self.mix = server, mix_name, mix
        self.single: List[float] = []
        self.many: List[float] = []
        self.many_wall = 0.0
        self.peak_rss = 0.0

    def warm_up(self) -> None:
        user = User(self.server.url, self.mix)
        for _ in range(len(self.mix)):
            user.send()

    def one_user(self, messages: int) -> None:
        user = User(self.server.url, self.mix)
        self.single += [user.send() for _ in range(messages)]

    def concurrent_users(self, users: int, per_user: int) -> None:
        errors: List[str] = []
        people = [User(self.server.url, self.mix) for _ in range(users)]
        for i, person in enumerate(people):  # users at different points of the conversation
            person.turn = i % len(self.mix)
        barrier = threading.Barrier(users + 1)

        def chat(person: User) -> None:
            barrier.wait()
            try:
                for _ in range(per_user):
                    self.many.append(person.send())
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(str(error))
        threads = [threading.Thread(target=chat, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        barrier.wait()
        start = time.perf_counter()
        while any(t.is_alive() for t in threads):
            self.peak_rss = max(self.peak_rss, self.server.rss() or 0.0)
            time.sleep(0.2)
        self.many_wall += time.perf_counter() - start
        if errors:
            sys.exit(f"{self.server.name}: {len(errors)} failed messages, first: {errors[0]}")

    def for_duration(self, users: int, seconds: float) -> Dict[str, object]:
        """`users` people chatting at once for `seconds`; a failed message is counted, the user goes on."""
        latencies: List[float] = []
        errors: List[str] = []
        people = [User(self.server.url, self.mix) for _ in range(users)]
        for i, person in enumerate(people):
            person.turn = i % len(self.mix)
        deadline = time.perf_counter() + seconds

        def chat(person: User) -> None:
            while time.perf_counter() < deadline:
                try:
                    latencies.append(person.send())
                except Exception as error:  # noqa: BLE001 - counted and reported
                    errors.append(str(error))
                    person.connection.close()  # a fresh connection for the next message
        threads = [threading.Thread(target=chat, args=(p,)) for p in people]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        while any(t.is_alive() for t in threads):
            self.peak_rss = max(self.peak_rss, self.server.rss() or 0.0)
            time.sleep(0.5)
        wall = time.perf_counter() - start
        return {**(summary(latencies) if latencies else {"messages": 0}), "users": users, "seconds": seconds,
                "throughput_msg_s": round(len(latencies) / wall, 1), "errors": len(errors),
                "first_error": errors[0] if errors else None, "rss_mb": self.peak_rss}

    def figures(self, users: int) -> Dict[str, object]:
        return {"1_user": summary(self.single),
                f"{users}_users": {**summary(self.many), "users": users,
                                   "throughput_msg_s": round(len(self.many) / self.many_wall, 1)}}


def measure(loads: List[Load], args: argparse.Namespace) -> Dict[str, Dict[str, object]]:
    """Every load in turn, in rounds: a shared machine's load drifts during a run, so each round
    gives every assistant the same conditions, and the ratios hold even when absolute times move."""
    for load in loads:
        load.warm_up()
    for round_number in range(1, args.rounds + 1):
        print(f"  round {round_number}/{args.rounds}", flush=True)
        for load in loads:
            load.one_user(max(1, args.messages // args.rounds))
        for load in loads:
            load.concurrent_users(args.users, max(1, args.per_user // args.rounds))
    results: Dict[str, Dict[str, object]] = {}
    for load in loads:
        figures = results.setdefault(load.server.name, {"ready_s": load.server.ready_s, "rss_mb": 0.0})
        figures[load.mix_name] = load.figures(args.users)
        figures["rss_mb"] = max(figures["rss_mb"], load.peak_rss, load.server.rss() or 0.0) or None
    return results


# --- report ------------------------------------------------------------------------------------

def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 2) if a and b else None


def ratios(project: Dict, vanilla: Dict, users: int) -> Dict[str, Optional[float]]:
    many = f"{users}_users"
    return {"small_talk_p50_1_user": ratio(project["small_talk"]["1_user"]["p50_ms"],
                                           vanilla["small_talk"]["1_user"]["p50_ms"]),
            "real_p50_1_user_vs_vanilla_small_talk": ratio(project["real"]["1_user"]["p50_ms"],
                                                           vanilla["small_talk"]["1_user"]["p50_ms"]),
            "small_talk_throughput": ratio(project["small_talk"][many]["throughput_msg_s"],
                                           vanilla["small_talk"][many]["throughput_msg_s"]),
            "real_throughput_vs_vanilla_small_talk": ratio(project["real"][many]["throughput_msg_s"],
                                                           vanilla["small_talk"][many]["throughput_msg_s"]),
            "rss": ratio(project.get("rss_mb"), vanilla.get("rss_mb")),
            "ready": ratio(project.get("ready_s"), vanilla.get("ready_s"))}


def table(results: Dict, users: int) -> str:
    many = f"{users}_users"
    vanilla, project, r = results.get("vanilla"), results["project"], results.get("ratios") or {}

    def cell(figures: Optional[Dict], *keys: str) -> str:
        value = figures
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        return "–" if value is None else str(value)

    def fmt(x: Optional[float]) -> str:
        return "–" if x is None else f"{x}×"
    rows = [("small talk, 1 user, p50 / p95 (ms)",
             f"{cell(vanilla, 'small_talk', '1_user', 'p50_ms')} / {cell(vanilla, 'small_talk', '1_user', 'p95_ms')}",
             f"{cell(project, 'small_talk', '1_user', 'p50_ms')} / {cell(project, 'small_talk', '1_user', 'p95_ms')}",
             fmt(r.get("small_talk_p50_1_user"))),
            ("real turns, 1 user, p50 / p95 (ms)", "–",
             f"{cell(project, 'real', '1_user', 'p50_ms')} / {cell(project, 'real', '1_user', 'p95_ms')}",
             fmt(r.get("real_p50_1_user_vs_vanilla_small_talk")) + " vanilla small talk"),
            (f"small talk, {users} users, p50 / p95 (ms)",
             f"{cell(vanilla, 'small_talk', many, 'p50_ms')} / {cell(vanilla, 'small_talk', many, 'p95_ms')}",
             f"{cell(project, 'small_talk', many, 'p50_ms')} / {cell(project, 'small_talk', many, 'p95_ms')}", ""),
            (f"real turns, {users} users, p50 / p95 (ms)", "–",
             f"{cell(project, 'real', many, 'p50_ms')} / {cell(project, 'real', many, 'p95_ms')}", ""),
            (f"throughput, {users} users, small talk (msg/s)", cell(vanilla, "small_talk", many, "throughput_msg_s"),
             cell(project, "small_talk", many, "throughput_msg_s"), fmt(r.get("small_talk_throughput"))),
            (f"throughput, {users} users, real turns (msg/s)", "–", cell(project, "real", many, "throughput_msg_s"),
             fmt(r.get("real_throughput_vs_vanilla_small_talk")) + " vanilla small talk"),
            ("RSS, all processes (MB)", cell(vanilla, "rss_mb"), cell(project, "rss_mb"), fmt(r.get("rss"))),
            ("ready after start (s)", cell(vanilla, "ready_s"), cell(project, "ready_s"), fmt(r.get("ready")))]
    lines = ["| | vanilla Rasa | this project | ratio |", "| --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=60, help="messages of the 1-user run, per mix")
    parser.add_argument("--users", type=int, default=10, help="concurrent users")
    parser.add_argument("--per-user", type=int, default=30, help="messages each concurrent user sends")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds the messages are split into, every assistant in each")
    parser.add_argument("--instances", type=int, help="RASA_INSTANCES for scripts/serve")
    parser.add_argument("--target", help="bench an assistant already running at this URL instead of starting one")
    parser.add_argument("--pid", type=int, help="with --target: the root process, for its RSS")
    parser.add_argument("--skip-vanilla", action="store_true", help="measure this project only")
    parser.add_argument("--label", default="", help="a word for the JSON file name and the results")
    parser.add_argument("--database-url", help="the project's database (default: SQLite in results/run-…)")
    parser.add_argument("--soak", type=float, metavar="SECONDS",
                        help="this project only: --users users send real conversations for SECONDS")
    parser.add_argument("--cpu", type=int, metavar="TURNS",
                        help="this project only: CPU time of each server per real turn, over TURNS turns")
    args = parser.parse_args()

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    run_dir = RESULTS / f"run-{stamp}"
    run_dir.mkdir(parents=True, exist_ok=True)
    results: Dict[str, object] = {"date": stamp, "label": args.label, "instances": args.instances or 1,
                                  "settings": {"messages": args.messages, "users": args.users,
                                               "per_user": args.per_user, "rounds": args.rounds},
                                  "mixes": {"small_talk": SMALL_TALK, "real": REAL}}
    if args.database_url:
        results["database"] = args.database_url.split(":", 1)[0]  # the dialect, not the password
    servers: List[Server] = []
    if args.soak:
        return soak(args, results, run_dir, stamp)
    if args.cpu:
        return cpu_per_turn(args, results, run_dir, stamp)
    try:
        if not args.skip_vanilla:  # started first, then idle while the project starts
            train_vanilla()
            servers.append(start_vanilla(run_dir))
        servers.append(Server("project", args.target.rstrip("/"), None, None, args.pid) if args.target
                       else start_project(run_dir, args.instances, args.database_url))
        loads = [Load(servers[0], "small_talk", SMALL_TALK)] if not args.skip_vanilla else []
        loads += [Load(servers[-1], "small_talk", SMALL_TALK), Load(servers[-1], "real", REAL)]
        results.update(measure(loads, args))
    finally:
        for server in servers:
            server.close()
    if "vanilla" in results:
        results["ratios"] = ratios(results["project"], results["vanilla"], args.users)
    out = RESULTS / f"bench-{stamp}{'-' + args.label if args.label else ''}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print()
    print(table(results, args.users))
    print(f"\nWritten to {out.relative_to(ROOT)}")


def soak(args: argparse.Namespace, results: Dict[str, object], run_dir: Path, stamp: str) -> None:
    server = (Server("project", args.target.rstrip("/"), None, None, args.pid) if args.target
              else start_project(run_dir, args.instances, args.database_url))
    try:
        load = Load(server, "real", REAL)
        load.warm_up()
        print(f"  {args.users} users for {args.soak:.0f} s", flush=True)
        results["soak"] = {**load.for_duration(args.users, args.soak), "ready_s": server.ready_s}
    finally:
        server.close()
    out = RESULTS / f"bench-{stamp}-soak{'-' + args.label if args.label else ''}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    figures = results["soak"]
    print(f"\n| real conversations, {figures['users']} users, {figures['seconds']:.0f} s, "
          f"{results['instances']} instance(s), {results.get('database', 'sqlite')} | |\n| --- | --- |")
    for label, key in (("messages", "messages"), ("errors", "errors"), ("p50 (ms)", "p50_ms"), ("p95 (ms)", "p95_ms"),
                       ("throughput (msg/s)", "throughput_msg_s"), ("RSS, all processes (MB)", "rss_mb")):
        print(f"| {label} | {figures.get(key, '–')} |")
    if figures["first_error"]:
        print(f"\nfirst error: {figures['first_error']}")
    print(f"\nWritten to {out.relative_to(ROOT)}")


def cpu_per_turn(args: argparse.Namespace, results: Dict[str, object], run_dir: Path, stamp: str) -> None:
    server = start_project(run_dir, None, args.database_url)
    try:
        tree = psutil.Process(server.pid).children(recursive=True)
        servers = {name: next(p for p in tree if script in " ".join(p.cmdline()))
                   for name, script in (("rasa_server", "rasa_server.py"), ("action_server", "action_server.py"))}
        user = User(server.url, REAL)
        for _ in range(2 * len(REAL)):  # warm-up
            user.send()
        before = {name: sum(p.cpu_times()[:2]) for name, p in servers.items()}
        latencies = [user.send() for _ in range(args.cpu)]
        cpu = {name: round(1000 * (sum(p.cpu_times()[:2]) - before[name]) / args.cpu, 2) for name, p in servers.items()}
    finally:
        server.close()
    results["cpu_per_real_turn_ms"] = {**cpu, "turns": args.cpu, "p50_ms": summary(latencies)["p50_ms"],
                                       "load_average": os.getloadavg()}
    out = RESULTS / f"bench-{stamp}-cpu{'-' + args.label if args.label else ''}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results["cpu_per_real_turn_ms"]))
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
