"""The places the project covers, said back with their population, or asked when a name is shared."""
from __future__ import annotations

from typing import Optional, Sequence

from orientation.language import french as fmt
from orientation.replies.message import Message
from orientation.territories import Territory
from orientation.territories.coverage import Coverage, encode

POPULATION_SOURCE = "population légale INSEE, découpage administratif d'Etalab"


def territory_note(covered: Coverage, stated_population: Optional[float] = None) -> str:
    """« Rennes (35) : 230 890 habitants (population légale INSEE…). »"""
    text = " ; ".join(f"{t.label()} : {fmt.number(t.population)} habitants" for t in covered.territories)
    if len(covered.territories) > 1:
        text += (f", soit {fmt.number(covered.population)} habitants sur "
                 f"{fmt.plural(covered.departement_count, 'département', 'départements')}")
    text += f" ({POPULATION_SOURCE})."
    if stated_population is not None and stated_population != covered.population:
        text += f" Je retiens le chiffre que vous indiquez : {fmt.number(stated_population)} habitants."
    return text


def which_place(homonyms: Sequence[Territory]) -> Message:
    """Several places share the name: the user chooses, with the département shown."""
    kind = {"commune": "communes", "epci": "intercommunalités"}.get(homonyms[0].kind, "territoires")
    return {"text": f"Plusieurs {kind} s'appellent « {homonyms[0].name} » : laquelle est concernée par le projet ?",
            "buttons": [{"title": f"{t.label()} — {fmt.number(t.population)} habitants",
                         "payload": f'/inform{{"territory": "{encode([t])}"}}'} for t in homonyms]}
