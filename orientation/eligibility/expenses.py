"""What a call's fiche says of kinds of expenses and of combining it with other aid: the catalogue's
`expenses` and `cumulation` fields (schema.yaml), read as data so that a new call needs no code."""
from __future__ import annotations

from typing import Dict, List, Optional

from .catalogue import Call

# How the replies name each kind, after « la fiche ne dit pas si … sont financés ».
KIND_LABELS = {
    "general": "les dépenses",
    "personnel": "les dépenses de personnel (temps et salaires des agents)",
    "materiel": "le matériel (serveurs, équipements, postes)",
    "licences": "les licences et abonnements",
    "prestations": "les prestations externes",
    "developpement": "les développements",
    "formation": "les formations",
    "hebergement": "l'hébergement",
    "communication": "la communication",
}


def statements(call: Call, kind: Optional[str] = None) -> List[Dict[str, object]]:
    """The fiche's statements about this kind of expense (all of them when kind is None), in the
    catalogue's order; a statement about every expense (`general`) answers any kind."""
    items = call.get("expenses", [])
    if kind is None:
        return list(items)
    return [item for item in items if kind in item["kinds"] or "general" in item["kinds"]]


def names_kind(call: Call, kind: str) -> bool:
    """The fiche says something of this very kind (a general statement alone does not)."""
    return any(kind in item["kinds"] for item in call.get("expenses", []))


def cumulation(call: Call) -> Optional[str]:
    """What the fiche says of combining the call with other aid; None when it says nothing."""
    block = call.get("cumulation")
    return block["text"] if block else None
