"""How long the « fiche projet » takes to make: the engine's results, the sheet's content and the
PDF, for the profiles of the tests (target: under 1 s each once the process has loaded WeasyPrint
and the fonts; the first sheet of a process pays that load, printed apart). A benchmark, not a test:
the machine's load makes the figures vary.

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
    start = time.perf_counter()
    data = pdf(build_fiche(profile, evaluate(profile)))
    return time.perf_counter() - start, len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    first, _ = one(PROFILES["commune, TNT-COOP"])
    print(f"première fiche du processus (chargement de WeasyPrint et des polices) : {first:.2f} s")
    slowest = 0.0
    for name, profile in PROFILES.items():
        times, size = [], 0
        for _ in range(args.rounds):
            seconds, size = one(profile)
            times.append(seconds)
        slowest = max(slowest, max(times))
        print(f"{name:28} médiane {statistics.median(times):.2f} s, max {max(times):.2f} s, {size / 1024:.0f} Ko")
    print(f"objectif < 1 s par fiche : {'atteint' if slowest < 1 else 'NON atteint'} (pire : {slowest:.2f} s)")


if __name__ == "__main__":
    main()
