"""Do the eligibility tests notice when a figure of the catalogue changes?

    .venv/bin/python scripts/mutate_catalogue_figures.py [--code TNT-COOP] [--without-figure-check]

For each number of each catalogue file (rates, caps, thresholds, sizes, minimum grants) and
each session date, one at a time: change it (rate - 0.05, small counts + 1, other numbers
× 0.9, dates + 1 day), run the fast eligibility tests (tests/eligibility, -x -q), and say
whether they failed (caught) or not (MISSED). Exit 1 if any mutation is missed.

Everything happens in a temporary copy of orientation/, tests/eligibility/, domain.yml and config/: the working tree
is never written, so an interrupted run (Ctrl-C) leaves nothing to restore.
--without-figure-check leaves out tests/eligibility/test_figures.py, to measure what the
behaviour tests alone notice.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = Path("orientation/eligibility/catalogue")
FIGURE_TESTS = "tests/eligibility/test_figures.py"
DATE_FIELDS = ("opens", "closes")

Path_ = Tuple[Any, ...]


def figures(node: Any, path: Path_ = ()) -> Iterator[Tuple[Path_, Any]]:
    """Every number (not a boolean) and every session date of a catalogue file, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATE_FIELDS and path[:1] == ("sessions",) and value is not None:
                yield path + (key,), value
            else:
                yield from figures(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from figures(value, path + (i,))
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, node


def mutated(path: Path_, value: Any) -> Any:
    if path[-1] in DATE_FIELDS:
        return (dt.date.fromisoformat(str(value)) + dt.timedelta(days=1)).isoformat()
    if path[-1] == "rate":
        return round(value - 0.05, 4)
    if value < 10:
        return value + 1
    return round(value * 0.9)


def set_at(data: Any, path: Path_, value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def run_tests(copy: Path, with_figure_check: bool) -> bool:
    """True when the tests pass."""
    env = {**os.environ, "PYTHONPATH": str(copy)}
    # the copy is not next to ../shared/seeds: point the traceability tests at the real seeds
    from orientation.eligibility.sources import seeds_dir
    env.setdefault("ORIENTATION_SEEDS_DIR", str(seeds_dir()))
    args = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"]
    # The files one by one: given a file and then its folder, pytest collects the file alone, and
    # the behaviour tests never ran (the bands of approximate thresholds, which the figure check
    # leaves out, were all missed).
    others = sorted(str(p.relative_to(copy)) for p in (copy / "tests" / "eligibility").glob("test_*.py")
                    if str(p.relative_to(copy)) != FIGURE_TESTS)
    if with_figure_check:
        args.append(FIGURE_TESTS)  # first, so that -x stops early on a figure
    args += others
    result = subprocess.run(args, cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 0


def make_copy(target: Path) -> None:
    shutil.copytree(ROOT / "orientation", target / "orientation", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "eligibility", target / "tests" / "eligibility",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "tests" / "__init__.py", target / "tests" / "__init__.py")
    shutil.copy(ROOT / "tests" / "conftest.py", target / "tests" / "conftest.py")  # the seeds fixture
    shutil.copy(ROOT / "tests" / "french.py", target / "tests" / "french.py")  # nb(), the no-break spaces
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")  # the pytest settings
    shutil.copy(ROOT / "domain.yml", target / "domain.yml")  # its responses: no end date of France Relance
    # the replies the end-date check composes read the booking settings (the slot length they name)
    shutil.copytree(ROOT / "config", target / "config", ignore=shutil.ignore_patterns("__pycache__"))


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", action="append", help="only these calls (repeatable)")
    parser.add_argument("--without-figure-check", action="store_true",
                        help=f"leave out {FIGURE_TESTS}: what the behaviour tests alone catch")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with_check = not args.without_figure_check
    caught = missed = 0
    with tempfile.TemporaryDirectory(prefix="mutate-catalogue-") as tmp:
        copy = Path(tmp)
        make_copy(copy)
        if not run_tests(copy, with_check):
            print("The tests fail before any mutation: fix them first.", file=sys.stderr)
            return 2
        for file in sorted((copy / CATALOGUE).glob("*.yaml")):
            if args.code and file.stem not in args.code:
                continue
            original = file.read_text(encoding="utf-8")
            data = yaml.safe_load(original)
            for path, value in list(figures(data)):
                new = mutated(path, value)
                changed = yaml.safe_load(original)
                set_at(changed, path, new)
                try:
                    file.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
                    noticed = not run_tests(copy, with_check)
                finally:
                    file.write_text(original, encoding="utf-8")
                caught += noticed
                missed += not noticed
                field = ".".join(str(p) for p in path)
                print(f"{file.name}: {field}: {value} → {new}: {'caught' if noticed else 'MISSED'}", flush=True)
    print(f"{caught + missed} mutations: {caught} caught, {missed} missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
