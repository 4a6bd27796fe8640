"""The entities of a French message with their canonical values, without Rasa: what the NLU
components of addons/entity_extractors.py report, so that tests can check the values themselves.

- amount_entities: budget (TTC), population and departement_count, through actions.amounts;
- lexicon_entities: applicant_type, project_nature, call_code and call_aspect, through actions.lexicon.
"""
from __future__ import annotations

from typing import Any, Dict, List

from actions import amounts, lexicon

ENTITY_OF_KIND = {"budget": "budget", "population": "population", "departements": "departement_count"}


def amount_entities(text: str) -> List[Dict[str, Any]]:
    return [{"entity": ENTITY_OF_KIND[q.kind], "start": q.start, "end": q.end, "value": q.value}
            for q in amounts.extract_quantities(text) if q.kind in ENTITY_OF_KIND]


def lexicon_entities(text: str) -> List[Dict[str, Any]]:
    # Words inside an amount ("trois départements") are not applicant types.
    skip = [(q.start, q.end) for q in amounts.extract_quantities(text)]
    return [{"entity": m.entity, "start": m.start, "end": m.end, "value": m.value}
            for m in lexicon.entities(text, skip)]
