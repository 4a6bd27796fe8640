"""Mutation score per module and per package, from the last `make mutation` (mutmut 3).

    .venv/bin/python scripts/mutation_score.py

killed and timeout count as caught; survived and "no tests" (code no fast test runs) as missed.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("orientation.eligibility", "orientation.language.amounts")
CAUGHT = {"killed", "timeout"}


def main() -> int:
    out = subprocess.run([str(Path(sys.executable).parent / "mutmut"), "results", "--all", "true"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    by_module = defaultdict(Counter)
    for line in out.splitlines():
        match = re.match(r"\s*(\S+?)\.x[_ǁ]\S*: (.+)$", line)
        if match:
            by_module[match.group(1)][match.group(2).strip()] += 1
    for package in PACKAGES:
        total = Counter()
        for module in sorted(m for m in by_module if m == package or m.startswith(package + ".")):
            counts = by_module[module]
            total.update(counts)
            print(f"  {module:<34} {_line(counts)}")
        print(f"{package:<36} {_line(total)}\n")
    return 0


def _line(counts: Counter) -> str:
    all_ = sum(counts.values())
    caught = sum(counts[s] for s in CAUGHT)
    others = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in CAUGHT)
    return f"{caught}/{all_} caught ({100 * caught / all_:.1f} %)" + (f"; {others}" if others else "")


if __name__ == "__main__":
    sys.exit(main())
