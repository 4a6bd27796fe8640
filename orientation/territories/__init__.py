"""Official French territories (communes, EPCI, départements, régions, overseas collectivités)
with their populations, from Etalab's découpage administratif. Pure Python, no Rasa import.

    from orientation.territories import find, load_index
    find("la mairie de Rennes")[0].territories[0].population   # 230890
"""
from .index import KINDS, Index, IndexMissing, Territory, key, load_index
from .mentions import Mention, find

__all__ = ["KINDS", "Index", "IndexMissing", "Mention", "Territory", "find", "key", "load_index"]
