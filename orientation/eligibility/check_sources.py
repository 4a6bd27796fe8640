"""Maintenance check: every rule's quoted sentence appears in its seed file, and every
figure the engine reads (rate, cap, threshold, date) is the one its quote states.

    python -m orientation.eligibility.check_sources   # prints each problem, exit 1 if any
"""
from __future__ import annotations

import sys
from typing import Any, Iterator, List, Tuple

from .catalogue import PROGRAMMES_FILE, load_catalogue
from .figures import unstated_figures
from .sources import normalise, seeds_dir


def iter_sources(node: Any, path: str = "") -> Iterator[Tuple[str, dict]]:
    """Every {file, quote} mapping in a catalogue file, with where it sits."""
    if isinstance(node, dict):
        if set(node) == {"file", "quote"}:
            yield path, node
            return
        for key, value in node.items():
            yield from iter_sources(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_sources(value, f"{path}.{i}")


def missing_quotes() -> List[str]:
    """Every quote of the catalogue (calls and programmes) that its seed file does not contain."""
    catalogue = load_catalogue()
    quoted = [(call.file, path, source) for call in catalogue for path, source in iter_sources(call.data)]
    programmes = {call.programme.key: call.programme for call in catalogue if call.programme}
    quoted += [(PROGRAMMES_FILE, f"{key}.source", p.source) for key, p in sorted(programmes.items())]
    problems = []
    texts = {}
    for file, path, source in quoted:
        seed = seeds_dir() / source["file"]
        if source["file"] not in texts:  # normalised once: the livret is 100 kB and has 200 quotes
            texts[source["file"]] = normalise(seed.read_text(encoding="utf-8")) if seed.exists() else None
        text = texts[source["file"]]
        if text is None:
            problems.append(f"{file}: {path}: fichier source introuvable {seed}")
        elif normalise(source["quote"]) not in text:
            problems.append(f"{file}: {path}: citation absente de {source['file']} : {source['quote']!r}")
    return problems


def main() -> int:
    quotes, figures = missing_quotes(), unstated_figures()
    for line in quotes + figures:
        print(line)
    print(f"{len(quotes)} citation(s) introuvable(s)")
    print(f"{len(figures)} chiffre(s) absent(s) de leur citation")
    return 1 if quotes or figures else 0


if __name__ == "__main__":
    sys.exit(main())
