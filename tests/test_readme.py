"""The README is read in one go: short, the two commands first, and a layout map that is true."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAX_LINES = 250
MAP_HEADING = "## Where things are"


def lines():
    return README.read_text(encoding="utf-8").splitlines()


def layout_map_paths():
    """The paths named in the first column of the layout map's table."""
    text = README.read_text(encoding="utf-8")
    section = text.split(MAP_HEADING, 1)[1].split("\n## ", 1)[0]
    paths = []
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            paths += re.findall(r"`([^`]+)`", first_cell)
    return paths


def test_readme_is_short():
    assert len(lines()) <= MAX_LINES


def test_the_two_commands_come_first():
    top = "\n".join(lines()[:15])
    assert "make run" in top
    assert "make test" in top


def test_layout_map_names_only_existing_paths():
    paths = layout_map_paths()
    assert len(paths) >= 10, "the layout map was not found under " + MAP_HEADING
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert not missing


def test_links_to_docs_exist():
    targets = re.findall(r"\]\(((?:docs/)[^)#]+)\)", README.read_text(encoding="utf-8"))
    missing = sorted({target for target in targets if not (ROOT / target).exists()})
    assert not missing
