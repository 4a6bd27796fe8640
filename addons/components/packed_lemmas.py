"""spaCy's French lemmatizer reading its tables packed in a few arrays: the same lemmas, 100 MB less.

fr_core_news_md lemmatizes by rules (spacy.lang.fr.lemmatizer.FrenchLemmatizer) over four tables
read from lemmatizer/lookups/lookups.bin: 217 000 forms with their lemma, 176 000 exceptions by
part of speech, 107 000 known lemmas by part of speech and a few suffix rules. Held as Python
dictionaries and lists they are about 100 MB of the Rasa server, and the known lemmas are lists that
the lemmatizer scans word by word. Packed, each table is a sorted array of its keys' 64-bit hashes
(spaCy's own hash, as its tables use) with the keys and values in one buffer each: a key is found
by binary search and its text compared, so the answer is the dictionary's. spaCy's own
FrenchLemmatizer runs on them unchanged (tests/test_packed_lemmas.py compares every entry and the
lemmas of whole sentences).

The packed tables are written once under var/lemma-cache/, named after the content of lookups.bin,
and read at later starts (`make train` loads spaCy, so the file exists before the first `make run`);
a read-only checkout packs them at every start, still without keeping the dictionaries.
"""
from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

import numpy as np
from spacy.lookups import Lookups
from spacy.strings import get_string_id

logger = logging.getLogger(__name__)

CACHE = Path(__file__).resolve().parents[2] / "var" / "lemma-cache"
FORMAT = "1"  # bump when the layout of the packed file changes: older files are then ignored
SEPARATOR = "\0"  # between the forms of one value; no form contains it


class PackedTable:
    """Keys (texts, or spaCy hashes for lemma_lookup, whose texts spaCy does not keep) with a list of
    strings each, or none (a set of keys): `get` and `in` as on the dictionary or list it replaces."""

    def __init__(self, arrays: Dict[str, np.ndarray]) -> None:
        self.hashes = arrays["hashes"]
        self.key_ends, self.keys = arrays["key_ends"], arrays["keys"].tobytes()
        self.value_ends, self.values = arrays.get("value_ends"), arrays["values"].tobytes() if "values" in arrays else b""

    @staticmethod
    def pack(entries: Iterable[Tuple[Any, Optional[List[str]]]]) -> Dict[str, np.ndarray]:
        """The arrays of a table from (key, value) pairs: a key is a text, or an int already hashed."""
        rows = {}
        for key, value in entries:
            hashed = key if isinstance(key, int) else get_string_id(key)
            text = b"" if isinstance(key, int) else key.encode("utf-8")
            if hashed in rows and rows[hashed][0] != text:
                raise ValueError(f"two keys with one hash: {key!r}")
            rows[hashed] = (text, None if value is None else SEPARATOR.join(value).encode("utf-8"))
        order = sorted(rows)
        arrays = {"hashes": np.array(order, dtype=np.uint64),
                  "key_ends": np.cumsum([len(rows[h][0]) for h in order], dtype=np.uint32),
                  "keys": np.frombuffer(b"".join(rows[h][0] for h in order), dtype=np.uint8)}
        if order and rows[order[0]][1] is not None:
            arrays["value_ends"] = np.cumsum([len(rows[h][1]) for h in order], dtype=np.uint32)
            arrays["values"] = np.frombuffer(b"".join(rows[h][1] for h in order), dtype=np.uint8)
        return arrays

    def _find(self, key: Any) -> int:
        hashed = key if isinstance(key, int) else get_string_id(key)
        at = int(np.searchsorted(self.hashes, np.uint64(hashed)))
        if at == len(self.hashes) or int(self.hashes[at]) != hashed:
            return -1
        start, end = int(self.key_ends[at - 1]) if at else 0, int(self.key_ends[at])
        if end > start and not isinstance(key, int) and self.keys[start:end] != key.encode("utf-8"):
            return -1  # another text with the same hash
        return at

    def __contains__(self, key: Any) -> bool:
        return self._find(key) >= 0

    def __len__(self) -> int:
        return len(self.hashes)

    def get(self, key: Any, default: Any = None) -> Any:
        at = self._find(key)
        if at < 0 or self.value_ends is None:
            return default
        start, end = int(self.value_ends[at - 1]) if at else 0, int(self.value_ends[at])
        return self.values[start:end].decode("utf-8").split(SEPARATOR)


class ByPartOfSpeech:
    """A table of tables by part of speech, as spaCy's Table keyed by the hash of « noun », « verb »…"""

    def __init__(self, tables: Dict[int, Any]) -> None:
        self.tables = tables

    def get(self, part_of_speech: Any, default: Any = None) -> Any:
        return self.tables.get(get_string_id(part_of_speech), default)

    def __contains__(self, part_of_speech: Any) -> bool:
        return get_string_id(part_of_speech) in self.tables


class PackedLookups:
    """What the lemmatizer reads of spaCy's Lookups: `name in lookups` and `get_table`."""

    def __init__(self, tables: Dict[str, Any]) -> None:
        self._tables = tables

    @property
    def tables(self) -> List[str]:
        return list(self._tables)

    def __contains__(self, name: str) -> bool:
        return name in self._tables

    def get_table(self, name: str, default: Any = None) -> Any:
        return self._tables.get(name, default)


def pack(lookups: Lookups) -> Dict[str, np.ndarray]:
    """The arrays of the four tables, named « table.part-of-speech-hash.field » (lemma_lookup has no
    part of speech, lemma_rules is kept as its pairs)."""
    arrays = {f"lemma_lookup..{field}": array
              for field, array in PackedTable.pack(lookups.get_table("lemma_lookup").items()).items()}
    for name, as_set in (("lemma_exc", False), ("lemma_index", True)):
        for part_of_speech, entries in lookups.get_table(name).items():
            pairs = ((form, None) for form in entries) if as_set else entries.items()
            for field, array in PackedTable.pack(pairs).items():
                arrays[f"{name}.{part_of_speech}.{field}"] = array
    for part_of_speech, rules in lookups.get_table("lemma_rules").items():
        for field, column in (("old", 0), ("new", 1)):  # two arrays: numpy drops a string's trailing \0
            arrays[f"lemma_rules.{part_of_speech}.{field}"] = np.array([pair[column] for pair in rules], dtype=str)
    return arrays


def unpack(arrays: Dict[str, np.ndarray]) -> PackedLookups:
    grouped: Dict[Tuple[str, str], Dict[str, np.ndarray]] = {}
    for name, array in arrays.items():
        table, part_of_speech, field = name.split(".")
        grouped.setdefault((table, part_of_speech), {})[field] = array
    tables: Dict[str, Any] = {"lemma_lookup": PackedTable(grouped.pop(("lemma_lookup", "")))}
    by_part: Dict[str, Dict[int, Any]] = {"lemma_exc": {}, "lemma_index": {}, "lemma_rules": {}}
    for (table, part_of_speech), fields in grouped.items():
        if table == "lemma_rules":
            value: Any = [[str(old), str(new)] for old, new in zip(fields["old"], fields["new"])]
        else:
            value = PackedTable(fields)
        by_part[table][int(part_of_speech)] = value
    tables.update({name: ByPartOfSpeech(parts) for name, parts in by_part.items()})
    return PackedLookups(tables)


def packed_lookups(path: Path, folder: Path = CACHE) -> PackedLookups:
    """The lemmatizer's tables of `path` (a lookups.bin), packed, through the cache of `folder`."""
    raw = path.read_bytes()
    cached = folder / f"{hashlib.sha256(FORMAT.encode() + raw).hexdigest()[:32]}.npz"
    try:
        with np.load(cached, allow_pickle=False) as file:
            return unpack({name: file[name] for name in file.files})
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError) as error:
        logger.warning("unreadable packed lemma tables %s (%s): packed again", cached.name, error)
    arrays = pack(Lookups().from_bytes(raw))
    del raw
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(partial, **arrays)
        os.replace(partial, cached)  # a reader never sees half a file
    except OSError as error:  # a read-only checkout: packed at every start
        logger.debug("lemma tables not cached: %s", error)
    return unpack(arrays)
