"""Prints what the territories index costs: build time and size, load time, and the time to find
the places in a message (p50, p95, max) over the held-out NLU messages and a long one. Each
message is looked up 5 times and its best time kept: the machine is shared, and a scheduler
pause says nothing about the lookup.

    .venv/bin/python scripts/bench_territories.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.nlu import heldout  # noqa: E402  (the one reader of the held-out set)
from orientation.territories.build import SOURCE_DIR, build  # noqa: E402
from orientation.territories.index import load_index  # noqa: E402
from orientation.territories.mentions import find  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "territories.json"
        started = time.perf_counter()
        rows = build(SOURCE_DIR, path)
        built = time.perf_counter() - started
        size = path.stat().st_size
        started = time.perf_counter()
        index = load_index(path)
        loaded = time.perf_counter() - started
    messages = [message for _, message, _ in heldout()]  # the plain text, annotations removed
    messages += ["Bonjour, je suis à la préfecture du Nord et notre projet couvre le Nord et le Pas-de-Calais, "
                 "avec la MEL et la communauté urbaine de Dunkerque, pour 800 000 € dont 200 000 € de salaires. " * 5]
    timings = []
    for message in messages:
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            find(message, index)
            best = min(best, time.perf_counter() - started)
        timings.append(best * 1000)
    timings.sort()
    print(f"index: {rows} territories, {size / 1e6:.1f} MB, built in {built:.2f} s, loaded in {loaded:.2f} s")
    print(f"lookup over {len(messages)} messages: p50 {statistics.median(timings):.3f} ms, "
          f"p95 {timings[int(len(timings) * 0.95)]:.3f} ms, max {timings[-1]:.3f} ms")


if __name__ == "__main__":
    main()
