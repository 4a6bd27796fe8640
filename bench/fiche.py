"""How long the « fiche projet » takes to make: the engine's results, the sheet's content and the
PDF, for the profiles of the tests (target: under 1 s each once the process has loaded WeasyPrint
and the fonts; the first sheet of a process pays that load, printed apart). A benchmark, not a test:
the machine's load makes the wall-clock figures vary, so the processor time of this process is
printed too (what one sheet costs on an idle core).

    PYTHONPATH=$PWD .venv/bin/python bench/fiche.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: the repository is not on the path

from orientation.eligibility import Profile, evaluate  # noqa: E402
from orientation.fiche.content import build_fiche  # noqa: E402
from orientation.fiche.render import pdf  # noqa: E402

DATE = dt.date(2021, 10, 15)
PROFILES = {
    "commune, TNT-COOP": Profile(applicant_type="commune", population=350_000, budget=400_000,
                                 nature="cooperation_usagers", date=DATE),
    "région, personnel exclu": Profile(applicant_type="region", population=3_300_000, budget=800_000, nature="donnees",
                                       budget_parts=(("personnel", 200_000),), date=DATE),
    "ministère, plafonds SNAP4": Profile(applicant_type="administration_centrale", budget=6_000_000,
                                         nature="travail_collaboratif", date=DATE),
    "rien d'éligible": Profile(applicant_type="particulier", population=1, budget=20_000, date=DATE),
    "profil incomplet": Profile(nature="donnees", date=DATE),
}


def one(profile: Profile) -> tuple:
    start, cpu = time.perf_counter(), time.process_time()
    data = pdf(build_fiche(profile, evaluate(profile)))
    return time.perf_counter() - start, time.process_time() - cpu, len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    first, first_cpu, _ = one(PROFILES["commune, TNT-COOP"])
    print(f"première fiche du processus (chargement de WeasyPrint et des polices) : {first:.2f} s "
          f"(processeur {first_cpu:.2f} s)")
    slowest = slowest_cpu = 0.0
    for name, profile in PROFILES.items():
        walls, cpus, size = [], [], 0
        for _ in range(args.rounds):
            wall, cpu, size = one(profile)
            walls.append(wall)
            cpus.append(cpu)
        slowest, slowest_cpu = max(slowest, max(walls)), max(slowest_cpu, max(cpus))
        print(f"{name:28} médiane {statistics.median(walls):.2f} s (processeur {statistics.median(cpus):.2f} s), "
              f"max {max(walls):.2f} s, {size / 1024:.0f} Ko")
    print(f"objectif < 1 s par fiche : pire {slowest:.2f} s en temps écoulé, {slowest_cpu:.2f} s de processeur "
          f"({'atteint' if slowest < 1 else 'atteint en processeur seulement' if slowest_cpu < 1 else 'NON atteint'})")


if __name__ == "__main__":
    main()
