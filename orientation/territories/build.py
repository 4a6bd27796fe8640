"""Builds the territories index from Etalab's découpage administratif (npm package
@etalab/decoupage-administratif, pinned in package-lock.json; data under Licence Ouverte).

    python -m orientation.territories.build [--source node_modules/@etalab/decoupage-administratif] [--output FILE]

`make install` runs it. The index keeps, for each commune, EPCI, département, région and overseas
collectivité, its official name, code, population and départements: about 37 000 rows, a few MB,
so it is built on each machine rather than committed.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List

from orientation.cli import FrenchParser
from orientation.settings import ROOT

from .index import INDEX_FILE

PACKAGE = "@etalab/decoupage-administratif"
SOURCE_DIR = ROOT / "node_modules" / PACKAGE
# Overseas collectivités with a particular status that have inhabitants (not the TAAF, not Clipperton).
OVERSEAS_COLLECTIVITES = ("975", "977", "978", "986", "987", "988")


def _load(source: Path, name: str) -> List[dict]:
    return json.loads((source / "data" / f"{name}.json").read_text(encoding="utf-8"))


def build_rows(source: Path) -> List[list]:
    """[kind, code, name, population, [département codes], detail]; detail is the EPCI's legal
    form (CC, CA, CU, METRO, MET69) or, for a commune, nothing."""
    communes = [c for c in _load(source, "communes") if c["type"] == "commune-actuelle"]
    departements = _load(source, "departements")
    regions = _load(source, "regions")
    rows: List[list] = []
    by_departement: Dict[str, int] = defaultdict(int)
    for commune in communes:
        population = commune.get("population") or 0
        by_departement[commune["departement"]] += population
        rows.append(["commune", commune["code"], commune["nom"], population, [commune["departement"]], None])
    departements_of_region: Dict[str, List[str]] = defaultdict(list)
    for departement in departements:
        code = departement["code"]
        if departement["zone"] == "com":
            if code in OVERSEAS_COLLECTIVITES:
                rows.append(["collectivite_outre_mer", code, departement["nom"], by_departement[code], [code], None])
            continue
        departements_of_region[departement["region"]].append(code)
        rows.append(["departement", code, departement["nom"], by_departement[code], [code], None])
    for region in regions:
        codes = departements_of_region.get(region["code"])
        if codes:  # overseas collectivités are listed as regions too: kept once, above
            rows.append(["region", region["code"], region["nom"], sum(by_departement[c] for c in codes), codes, None])
    commune_departement = {c["code"]: c["departement"] for c in communes}
    for epci in _load(source, "epci"):
        codes = sorted({commune_departement[m["code"]] for m in epci["membres"] if m["code"] in commune_departement})
        rows.append(["epci", epci["code"], epci["nom"], epci["populationTotale"], codes, epci["type"]])
    return rows


def seats(source: Path) -> Dict[str, str]:
    """The commune that is the seat (chef-lieu) of each département -> the département's code: « la
    préfecture de Pau » serves the Pyrénées-Atlantiques."""
    return {d["chefLieu"]: d["code"] for d in _load(source, "departements") if d["zone"] != "com" and d.get("chefLieu")}


def centres(source: Path) -> Dict[str, str]:
    """Each EPCI's most populated commune -> the EPCI's SIREN: « l'agglo de Mâcon » is the « CA
    Mâconnais Beaujolais Agglomération », whose name does not hold Mâcon."""
    found = {}
    for epci in _load(source, "epci"):
        members = [m for m in epci["membres"] if m.get("populationTotale")]
        if members:
            found[max(members, key=lambda m: m["populationTotale"])["code"]] = epci["code"]
    return found


def build(source: Path = SOURCE_DIR, output: Path = INDEX_FILE) -> int:
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    rows = build_rows(source)
    output.parent.mkdir(parents=True, exist_ok=True)
    document = {"source": f"{PACKAGE} {version}", "rows": rows, "seats": seats(source), "centres": centres(source)}
    tmp = output.with_suffix(".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(output)  # never a half-written index
    return len(rows)


def main(argv=None) -> int:
    parser = FrenchParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE_DIR)
    parser.add_argument("--output", type=Path, default=INDEX_FILE)
    args = parser.parse_args(argv)
    if not (args.source / "data" / "communes.json").is_file():
        print(f"Données introuvables dans {args.source} : lancez « make install » (npm ci).", file=sys.stderr)
        return 1
    count = build(args.source, args.output)
    print(f"{count} territoires -> {args.output} ({args.output.stat().st_size // 1024} Kio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
