"""The territories index: official names, codes and populations, looked up by name.

Names are compared folded (no case, accents, hyphens or apostrophes), so « saint etienne »,
« Saint-Étienne » and « ST ETIENNE » are the same key. An EPCI is also known by its name without
its legal form (« CA du Grand Avignon » is « Grand Avignon »), and a few common short names
(« MEL », « Eurométropole ») are in aliases.yml.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from orientation.language.dictionary import is_french_word
from orientation.language.fold import fold
from orientation.language.lexicon import LEXICON_FILE
from orientation.settings import Settings, get_settings

INDEX_FILE = Settings.default("territories_index")  # where `make install` builds it
ALIASES_FILE = Path(__file__).resolve().parent / "aliases.yml"

KINDS = ("commune", "epci", "departement", "region", "collectivite_outre_mer")
# The legal form of an EPCI before or after its name (« CC du Pays de Gex », « Lyon Métropole »):
# an EPCI is also found by its name without it.
_EPCI_FORM_PREFIX = re.compile(r"^(?:cc|ca|cu|agglo|metropole|communaute(?: de communes| d agglomeration| urbaine)?)"
                               r"(?: (?:de la|de l|du|des|de|d))? ")
_EPCI_FORM_SUFFIX = re.compile(r" (?:metropole|agglomeration|agglo|communaute)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+(?: [A-Z0-9]+)*$")
# Words an acronym made from an EPCI's name skips: « CA du Pays Basque » is the CAPB.
_NOT_IN_ACRONYMS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux", "sur", "sous"}
# An EPCI's name read in any order or in part: these words may be said or left out (« la comcom du
# pays de Gex » for the « CA du Pays de Gex », « l'agglo de Gex »); the others must all be in its name.
OPTIONAL_NAME_WORDS = _NOT_IN_ACRONYMS | {"pays", "communaute", "communes", "commune", "agglomeration", "agglo",
                                          "intercommunalite", "interco", "territoire"}

# Martinique and Guyane: one collectivité of particular status in place of their région and
# département (docs/territories.md): named as either, it is a collectivite_outre_mer.
SINGLE_COLLECTIVITES = frozenset({"972", "973"})


class IndexMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Territory:
    kind: str  # one of KINDS
    code: str  # INSEE code (commune, département, région) or SIREN (EPCI)
    name: str  # official name
    population: int
    departements: Tuple[str, ...]
    epci_form: Optional[str] = None  # CC, CA, CU, METRO, MET69

    @property
    def departement_count(self) -> int:
        return len(self.departements)

    def label(self) -> str:
        """« Rennes (35) », « Rennes Métropole (EPCI, 35) », « Nord (59) », « Bretagne (région 53) »."""
        if self.kind == "commune":
            return f"{self.name} ({self.departements[0]})"
        if self.kind == "epci":
            return f"{self.name} (EPCI, {', '.join(self.departements)})"
        if self.kind == "region":
            return f"{self.name} (région {self.code})"
        return f"{self.name} ({self.code})"

    def official(self) -> str:
        """The official name and code, for the record: « Rennes (commune, code INSEE 35238) »."""
        what = {"commune": "commune, code INSEE", "epci": "EPCI, SIREN", "departement": "département",
                "region": "région", "collectivite_outre_mer": "collectivité d'outre-mer"}[self.kind]
        return f"{self.name} ({what} {self.code})"


# Abbreviations typed inside names: « st », « ste » (saint, sainte), « s/ », « s/s » (sur, sous),
# « pce » (Provence), « gd », « gde » (grand, grande), « mt » (mont): « chalon s/ saone », « aix en pce ».
_ABBREVIATED = {"st": "saint", "ste": "sainte", "pce": "provence", "gd": "grand", "gde": "grande", "mt": "mont"}
_ABBREVIATION = re.compile(r"\b(" + "|".join(_ABBREVIATED) + r")\b")
_ON_UNDER = re.compile(r"\bs/(s\b)?")


@lru_cache(maxsize=65536)  # the words of messages come back: « de », « la », « mairie »…
def key(text: str) -> str:
    """The folded form names are compared in: lowercase ASCII words separated by one space."""
    text = _ON_UNDER.sub(lambda m: " sous " if m.group(1) else " sur ", fold(text).text)
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATED[m.group(1)], re.sub(r"[^a-z0-9]+", " ", text))
    return " ".join(text.split())


def index_file() -> Path:
    return get_settings().territories_index


class Index:
    def __init__(self, rows: Sequence[list], source: str = "", aliases: Optional[Dict[str, str]] = None,
                 seats: Optional[Dict[str, str]] = None, centres: Optional[Dict[str, str]] = None):
        self.source = source
        aliases = dict(aliases or {})
        capitals = aliases.pop("capitals only", None) or ()  # short names that are also words (aliases.yml)
        self.seats = seats or {}  # commune code -> the département it is the seat of
        self.centres = centres or {}  # commune code -> the EPCI whose most populated commune it is
        self.territories = [Territory(kind, code, name, population, tuple(deps), detail)
                            for kind, code, name, population, deps, detail in rows]
        self._by_key: Dict[str, List[Territory]] = {}
        self._by_code: Dict[Tuple[str, str], Territory] = {}
        for territory in self.territories:
            self._by_code[(territory.kind, territory.code)] = territory
            for name_key in self._keys_of(territory):
                self._by_key.setdefault(name_key, []).append(territory)
        self.acronym_keys = set()  # an EPCI's acronym counts alone only in capitals
        self._by_word: Dict[str, List[Territory]] = {}
        for territory in self.territories:
            for acronym in self._acronyms_of(territory):
                self._by_key.setdefault(acronym, []).append(territory)
                self.acronym_keys.add(acronym)
            if territory.kind == "epci":
                for word in set(key(territory.name).split()):
                    self._by_word.setdefault(word, []).append(territory)
        # The acronym people make of an official name (« CAPB », « CCPH »), when one to three EPCIs
        # make it and nothing else is named so; one that may read as a word (« capa », « case »: no
        # French word starts with « cc » or « ca » and a consonant) counts only in capitals.
        taken = {key(alias) for alias in aliases or {}} | _body_words()  # « CCAS » is no CC
        derived: Dict[str, List[Territory]] = {}
        for territory in self.territories:
            made = self._made_acronym(territory)
            if made and made not in self._by_key and made not in taken and not is_french_word(made):  # « car », « cas »
                derived.setdefault(made, []).append(territory)
        self.capitals_only = set()
        for made, bodies in derived.items():
            if len(bodies) <= 3:
                self._by_key[made] = bodies
                self.acronym_keys.add(made)
                if not made.startswith("cc") and re.search(r"[aeiouy]", made[2:]) or len(made) < 4:
                    self.capitals_only.add(made)  # « cap », « cab »: the CUD or the CAB in capitals, or before its town
        # An EPCI's usual name, its official name without its legal form (« Cap Excellence », « CIVIS »):
        # said alone, it names the EPCI when nothing else bears it (mentions._named_alone says when).
        others = {k for k, found in self._by_key.items() if any(t.kind != "epci" for t in found)}
        self.usual_keys = set(self.acronym_keys)
        for territory in self.territories:
            if territory.kind == "epci":
                usual = self._usual_key(territory)
                if usual and usual not in others:
                    self.usual_keys.add(usual)
        self.alias_keys = set()
        self.capitals_only |= {key(alias) for alias in capitals}
        for alias, target in aliases.items():
            kind, code = target.split(":")
            self._by_key.setdefault(key(alias), []).append(self._by_code[(kind, code)])
            self.alias_keys.add(key(alias))
        # For scanning a message: the lengths (in words) of the names that start with a word, longest first.
        lengths: Dict[str, set] = {}
        for name_key in self._by_key:
            words = name_key.split()
            lengths.setdefault(words[0], set()).add(len(words))
        self.name_lengths = {word: sorted(n, reverse=True) for word, n in lengths.items()}

    @staticmethod
    def _keys_of(territory: Territory) -> List[str]:
        full = key(territory.name)
        keys = [full]
        if territory.kind == "epci":
            # Also without its legal form before, after or both (« Grand Besançon Métropole », « Grand
            # Avignon »), and by what its name holds in parentheses when it is more than an acronym.
            bare = re.sub(r"\(.*?\)", " ", territory.name)
            once = _EPCI_FORM_PREFIX.sub("", key(bare))
            without_prefix = _EPCI_FORM_PREFIX.sub("", once)  # « CA Agglo du Pays de Dreux »
            for variant in (key(bare), once, without_prefix, _EPCI_FORM_SUFFIX.sub("", key(bare)),
                            _EPCI_FORM_SUFFIX.sub("", without_prefix)):
                if variant and variant not in keys:
                    keys.append(variant)
            keys += [key(inner) for inner in re.findall(r"\((.*?)\)", territory.name)
                     if len(key(inner).split()) > 1 and not _ACRONYM.match(inner.strip())]
        return keys

    @staticmethod
    def _usual_key(territory: Territory) -> Optional[str]:
        """« CA CIVIS (Communauté…) »: civis; « CA CAP Excellence »: cap excellence; a single word only
        when the official name writes it in capitals (« CA du Sud » is no name said alone)."""
        bare = re.sub(r"\(.*?\)", " ", territory.name)
        usual = _EPCI_FORM_PREFIX.sub("", _EPCI_FORM_PREFIX.sub("", key(bare)))
        if not usual or usual == key(bare):
            return None
        if len(usual.split()) == 1 and not any(key(w) == usual and w.isupper() and len(w) > 2 for w in bare.split()):
            return None
        return usual

    @staticmethod
    def _made_acronym(territory: Territory) -> Optional[str]:
        """« CA du Pays Basque »: capb, « CU de Dunkerque »: cud; its form's letters and the first letter of
        each word of its name."""
        if territory.kind != "epci" or territory.epci_form not in ("CC", "CA", "CU"):
            return None
        bare = key(re.sub(r"\(.*?\)", " ", territory.name))
        name = _EPCI_FORM_PREFIX.sub("", bare)
        words = [w for w in name.split() if w not in _NOT_IN_ACRONYMS]
        if name == bare or not words or any(w.isdigit() for w in words):
            return None
        return territory.epci_form.lower() + "".join(w[0] for w in words)

    def with_words(self, words: Sequence[str], kinds: Sequence[str] = ("epci",)) -> List[Territory]:
        """The places whose official name holds all these words, in any order (« grand sud berry »
        is the « CC Berry Grand Sud »), largest first."""
        wanted = set(words)
        if not wanted:
            return []
        rarest = min(wanted, key=lambda w: len(self._by_word.get(w, ())))
        found = [t for t in self._by_word.get(rarest, ()) if t.kind in kinds and wanted <= set(key(t.name).split())]
        return sorted(dict.fromkeys(found), key=lambda t: -t.population)

    @staticmethod
    def _acronyms_of(territory: Territory) -> List[str]:
        """« CA du Grand Avignon (COGA) »: COGA, said in capitals."""
        if territory.kind != "epci":
            return []
        return [key(inner) for inner in re.findall(r"\((.*?)\)", territory.name) if _ACRONYM.match(inner.strip())]

    def containing(self, words: Sequence[str], kinds: Sequence[str] = ("epci",)) -> List[Territory]:
        """The places whose official name holds these words in this order (« agglo de Vannes » is the
        « CA Golfe du Morbihan - Vannes Agglomération »), largest first."""
        wanted = " " + " ".join(words) + " "
        found = [t for t in self._by_word.get(words[0], ()) if t.kind in kinds and wanted in f" {key(t.name)} "]
        return sorted(dict.fromkeys(found), key=lambda t: -t.population)

    def lookup(self, name: str, kinds: Sequence[str] = KINDS) -> List[Territory]:
        """Every territory of these kinds with this name (several when homonyms), largest first."""
        return self.lookup_key(key(name), kinds)

    def lookup_key(self, name_key: str, kinds: Sequence[str] = KINDS) -> List[Territory]:
        found = [t for t in self._by_key.get(name_key, ()) if t.kind in kinds]
        # La Réunion, Guyane…: a région of one département is the same place as its département
        departements = {t.departements for t in found if t.kind == "departement"}
        found = [t for t in found if t.kind != "region" or t.departements not in departements]
        return sorted(dict.fromkeys(found), key=lambda t: -t.population)

    def name_keys(self):
        """Every name a place is known by, folded (near_names.py looks through them)."""
        return self._by_key.keys()

    def get(self, kind: str, code: str) -> Optional[Territory]:
        return self._by_code.get((kind, code))

    def seat_of(self, commune: Territory) -> Optional[Territory]:
        """The département whose seat (chef-lieu) the commune is, if any."""
        code = self.seats.get(commune.code) if commune.kind == "commune" else None
        return self.departement(code) if code else None

    def centred_on(self, commune: Territory) -> Optional[Territory]:
        """The EPCI whose most populated commune this is, if any."""
        code = self.centres.get(commune.code) if commune.kind == "commune" else None
        return self.get("epci", code) if code else None

    def departement(self, code: str) -> Optional[Territory]:
        return self.get("departement", code.upper()) or self.get("collectivite_outre_mer", code)


@cache
def _body_words() -> frozenset:
    """The one-word names of bodies in the lexicon (« ccas », « cias », « sivu »)."""
    types = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))["applicant_type"]
    return frozenset(key(p) for phrases in types.values() for p in phrases if len(key(p).split()) == 1)


@cache
def load_index(path: Optional[Path] = None) -> Index:
    path = path or index_file()
    if not path.is_file():
        raise IndexMissing(f"index des territoires absent ({path}) : lancez « make install »")
    document = json.loads(path.read_text(encoding="utf-8"))
    aliases = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))
    return Index(document["rows"], document.get("source", ""), aliases, document.get("seats"), document.get("centres"))
