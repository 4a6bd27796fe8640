"""What several named places cover together, and how a place travels in the dialogue state.

A place is written « kind:code » (« commune:35238 »); homonyms, which the user must choose
between, are written together, separated by « | ».
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple

from .index import Index, Territory

AREAS = ("departement", "region", "collectivite_outre_mer")


def encode(territories: Sequence[Territory]) -> str:
    return "|".join(f"{t.kind}:{t.code}" for t in territories)


def decode(value: str, index: Index) -> List[Territory]:
    """The places of one encoded value; unknown or malformed parts are dropped."""
    found = []
    for part in str(value or "").split("|"):
        kind, _, code = part.partition(":")
        territory = index.get(kind.strip(), code.strip())
        if territory:
            found.append(territory)
    return found


@dataclass(frozen=True)
class Coverage:
    territories: Tuple[Territory, ...]  # the places counted, without those inside another one named
    population: int
    departements: Tuple[str, ...]

    @property
    def departement_count(self) -> int:
        return len(self.departements)


def coverage(territories: Iterable[Territory]) -> Optional[Coverage]:
    """Population and départements of places named together. A place inside another one named
    (Lille and the Nord, the Nord and the Hauts-de-France) is counted once, in the larger."""
    unique = list(dict.fromkeys(territories))
    if not unique:
        return None
    kept = [t for t in unique if not any(_inside(t, other) for other in unique if other is not t)]
    departements = tuple(sorted({d for t in kept for d in t.departements}))
    return Coverage(tuple(kept), sum(t.population for t in kept), departements)


def _inside(small: Territory, large: Territory) -> bool:
    if large.kind not in AREAS or small.kind == large.kind == "region":
        return False
    if small.kind in AREAS and large.kind != "region":
        return False  # two départements side by side
    return set(small.departements) <= set(large.departements)
