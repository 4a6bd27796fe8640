"""Command line of contract §2.

    python -m orientation.eligibility --applicant-type commune --population 350000 \
        --budget 400000 [--personnel 100000] [--materiel 50000] --nature cooperation_usagers --date 2021-10-15
    python -m orientation.eligibility --list [--format json]
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional

from orientation.cli import FrenchParser
from orientation.language.amounts import VAT_RATE
from orientation.language.french import percent
from orientation.settings import SettingsError

from .catalogue import CatalogueError, load_catalogue
from .engine import evaluate, recommend
from .profile import Profile, ProfileError, reference_date
from .report import render
from .vocabulary import APPLICANT_TYPES, KINDS, THEMES


def _number(text: str) -> float:
    """A plain number of euros or inhabitants: '400000', '400 000', '1.5e6'."""
    cleaned = text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"« {text} » est négatif : attendu un nombre positif")
    return value


def _one_of(values, what: str):
    def check(text: str) -> str:
        if text not in values:
            raise argparse.ArgumentTypeError(f"{what} inconnu « {text} » ; valeurs possibles : {', '.join(values)}")
        return text
    return check


def parser() -> argparse.ArgumentParser:
    p = FrenchParser(prog="python -m orientation.eligibility",
                     description="Quels appels France Relance correspondent à un profil, et pourquoi.")
    p.add_argument("--applicant-type", type=_one_of(list(APPLICANT_TYPES), "type de porteur"), metavar="TYPE",
                   help="type de porteur : " + ", ".join(APPLICANT_TYPES))
    p.add_argument("--population", type=_number, metavar="N", help="habitants couverts par le projet")
    p.add_argument("--departements", type=_number, metavar="N", help="nombre de départements couverts")
    budget = p.add_mutually_exclusive_group()
    budget.add_argument("--budget", type=_number, metavar="EUROS", help="coût total du projet en euros TTC")
    budget.add_argument("--budget-ht", type=_number, metavar="EUROS",
                        help="coût total donné hors taxes, à la place de --budget : converti en TTC (TVA à "
                             f"{percent(VAT_RATE).replace('%', '%%')}), sauf pour un appel dont la source ne dit ni HT ni TTC")
    p.add_argument("--personnel", type=_number, metavar="EUROS",
                   help="part du budget (TTC, incluse dans --budget) consacrée au personnel propre (titre 2)")
    p.add_argument("--materiel", type=_number, metavar="EUROS",
                   help="part du budget (TTC, incluse dans --budget) consacrée au matériel")
    p.add_argument("--nature", type=_one_of(list(THEMES), "thème"), metavar="THEME", help="thème : " + ", ".join(THEMES))
    p.add_argument("--date", metavar="AAAA-MM-JJ",
                   help="date de référence (défaut : ORIENTATION_DATE, sinon aujourd'hui)")
    p.add_argument("--format", type=_one_of(["text", "json"], "format"), default="text")
    p.add_argument("--list", action="store_true", help="liste les appels du catalogue")
    return p


def _list(fmt_name: str) -> str:
    calls = list(load_catalogue())
    if fmt_name == "json":
        return json.dumps([{"code": c.code, "title": c.title, "kind": c.kind, "carrier": c.carrier,
                            "themes": list(c.themes), "sources": c.get("sources")} for c in calls],
                          ensure_ascii=False, indent=2) + "\n"
    lines = [f"{c.code:<12} {c.title} ({KINDS[c.kind]}, {c.worded('carrier')})" for c in calls]
    return "\n".join(lines) + f"\n{len(calls)} appels.\n"


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.list:
            sys.stdout.write(_list(args.format))
            return 0
        if not args.applicant_type:
            parser().error("--applicant-type est obligatoire (ou --list)")
        given = {}
        if args.budget_ht is not None:  # the budget as given, HT; `budget` is TTC (contract §4)
            args.budget = round(args.budget_ht * (1 + VAT_RATE), 2)
            given = {"budget_given": args.budget_ht, "budget_given_tax": "HT"}
        parts = (args.personnel or 0) + (args.materiel or 0)
        if parts and args.budget is None:
            parser().error("--personnel et --materiel sont des parts du budget : donnez aussi --budget")
        if parts and parts > args.budget:
            parser().error("--personnel et --materiel sont des parts du budget TTC : leur somme ne peut pas "
                           "dépasser --budget")
        profile = Profile(applicant_type=args.applicant_type, population=args.population,
                          departement_count=args.departements, budget=args.budget,
                          nature=args.nature, date=reference_date(args.date),
                          budget_parts={kind: value for kind, value in (("personnel", args.personnel),
                                                                        ("materiel", args.materiel)) if value},
                          **given)
        if args.format == "json":
            sys.stdout.write(json.dumps(recommend(profile), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render(profile, evaluate(profile)))
        return 0
    except (ProfileError, CatalogueError, SettingsError) as exc:
        sys.stderr.write(f"Erreur : {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
