"""Places named in a French sentence, with their official population and départements.

    python -m orientation.territories "la mairie de Rennes"
    python -m orientation.territories --format json "le Nord et le Pas-de-Calais"
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

from orientation.cli import FrenchParser

from .index import IndexMissing, load_index
from .mentions import find

KIND_NAMES = {"commune": "commune", "epci": "intercommunalité", "departement": "département", "region": "région",
              "collectivite_outre_mer": "collectivité d'outre-mer"}


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def main(argv=None) -> int:
    parser = FrenchParser(prog="python -m orientation.territories",
                          description="Les lieux nommés dans une phrase en français, avec leur population légale "
                                      "et leurs départements.")
    parser.add_argument("text", help="une phrase en français, par exemple « la mairie de Rennes »")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="format de sortie")
    args = parser.parse_args(argv)
    try:
        index = load_index()
    except IndexMissing as error:
        print(error, file=sys.stderr)
        return 1
    mentions = find(args.text, index)
    if args.format == "json":
        print(json.dumps({"source": index.source, "mentions": [
            {"text": m.text, "start": m.start, "end": m.end, "applicant_type": m.applicant_type,
             "territories": [asdict(t) for t in m.territories]} for m in mentions]}, ensure_ascii=False, indent=2))
        return 0
    if not mentions:
        print("Aucun territoire reconnu.")
    for mention in mentions:
        print(f"« {mention.text} »" + (" (plusieurs lieux portent ce nom)" if mention.ambiguous else ""))
        for t in mention.territories:
            print(f"  {t.label()} — {KIND_NAMES[t.kind]}, {_number(t.population)} habitants, "
                  f"{t.departement_count} département(s)")
    print(f"Source : {index.source} (population légale INSEE).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
