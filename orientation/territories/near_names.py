"""A place's name typed with a typo (« mairie de montpelier », « ville de toulous »): the one
official name a few edits away.

Used only after a word that announces a place (mentions.py): too many French words are a letter
away from a commune's name. The tolerance grows with the name: none under 5 letters, one edit for 5
to 8 letters, two beyond (a swap of two letters is one edit). A name is taken only when it is the
single nearest (homonyms share one name and are asked about as usual), and never for what is a
French word (« mairie de demain ») or the exact name of another place; after a town hall's word
only, city_of_a_word takes a long French word one edit from a large city (« mairie de limoge »).
Names are bucketed by their first letter and length: a miss compares a few hundred names, not 36 000.
by_first_name reads a commune said by the first part of its name (« Sarlat », « Brive »), and
city_of_an_adjective a large city by its adjective (« la métropole rouennaise »).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Dict, List, Optional, Sequence, Tuple

from orientation.language.dictionary import is_french_word
from orientation.language.lexicon import distance

from .index import KINDS, Index, Territory

MIN_LETTERS = 5  # under 5 letters, no tolerance
LONG_NAME = 9  # from 9 letters, two edits
DOMINANT = 10  # among names as near, one ten times as populated as the next is meant
BIG_CITY = 50_000  # a French word one edit from a city this large, after « mairie de », is the city
CITY_WORD = 6  # from this many letters (« ville » is one edit from Lille, « mille » too)
TOWN = 2_000  # a commune this large bearing a name exactly is meant by it, not a longer name starting so
_ARTICLE = re.compile(r"^(?:le|la|les|l) ")  # a name's article, folded: « le crestet »


def tolerance(name_key: str) -> int:
    """The edits allowed in a name, by its letters without its article (« Le Crestet »: 7)."""
    letters = len(_ARTICLE.sub("", name_key).replace(" ", ""))
    return 0 if letters < MIN_LETTERS else 1 if letters < LONG_NAME else 2


def _letters(text: str) -> int:
    """The set of letters of a text as bits: a letter one text has and the other lacks costs an edit."""
    mask = 0
    for char in text:
        mask |= 1 << (ord(char) & 63)
    return mask


@cache
def _buckets(index: Index, kinds: Tuple[str, ...]) -> Dict[Tuple[str, int], List[Tuple[str, int, int]]]:
    """The names (folded keys) of places of these kinds, with their letters and tolerance, by first
    letter and length."""
    buckets: Dict[Tuple[str, int], List[Tuple[str, int, int]]] = {}
    for name_key in index.name_keys():
        if tolerance(name_key) and index.lookup_key(name_key, kinds):
            buckets.setdefault((name_key[0], len(name_key)), []).append(
                (name_key, _letters(name_key), tolerance(name_key)))
    return buckets


def nearest(index: Index, said: str, kinds: Sequence[str] = KINDS,
            departements: Optional[Sequence[str]] = None) -> Optional[List[Territory]]:
    """The territories of these kinds whose name is the single nearest to `said` (a folded key) within
    its tolerance, in `departements` when the area was said (« vanes ds le morbihan »: Vannes, not
    Vanves); None when none, when two names are as near, or when `said` is a name or French words."""
    if not said or index.lookup_key(said) or all(is_french_word(w) for w in said.split()):
        return None
    best, found, letters = 3, [], _letters(said)
    buckets = _buckets(index, tuple(kinds))
    for length in range(len(said) - 2, len(said) + 3):
        for name_key, its_letters, its_tolerance in buckets.get((said[0], length), ()):
            limit = min(its_tolerance, best)
            if (letters & ~its_letters).bit_count() > limit or (its_letters & ~letters).bit_count() > limit:
                continue
            if departements and not _in(index.lookup_key(name_key, kinds), departements):
                continue
            d = distance(said, name_key, limit)
            if d > limit:
                continue
            if d < best:
                best, found = d, [name_key]
            elif name_key not in found:
                found.append(name_key)
    found = _most_populated(index, found, kinds)
    if not found:
        return None
    typed_words = [w for w in said.split() if w not in found.split()]
    if any(is_french_word(w) for w in typed_words):
        return None  # « ville de rêve », « mairie du centre ville »: a word, not a name misspelt
    territories = index.lookup_key(found, kinds)
    return [t for t in territories if _in([t], departements)] if departements else territories


def _in(territories: Sequence[Territory], departements: Sequence[str]) -> bool:
    return any(set(t.departements) & set(departements) for t in territories)


@cache
def _by_first_words(index: Index) -> Dict[str, List[str]]:
    """The communes' names (folded keys) of several words, by each of their first words' runs:
    « brive » and « brive la » lead to « brive la gaillarde »."""
    found: Dict[str, List[str]] = {}
    for name_key in index.name_keys():
        words = name_key.split()
        if len(words) > 1 and index.lookup_key(name_key, ("commune",)):
            for n in range(1, len(words)):
                found.setdefault(" ".join(words[:n]), []).append(name_key)
    return found


def by_first_name(index: Index, said: str) -> Optional[List[Territory]]:
    """A commune said by the first part of its official name, as people call it (« Sarlat » for
    Sarlat-la-Canéda, « Brive » for Brive-la-Gaillarde, « Charleville »): the one far the most
    populated (DOMINANT times the next) of the communes whose name starts so, or bears it exactly
    (« Charleville », 300 inhabitants, in the Marne); none when two are comparable (« Boulogne »:
    Boulogne-Billancourt and Boulogne-sur-Mer) or a town of TOWN inhabitants bears the name."""
    longer = _by_first_words(index).get(said)
    if not longer or all(is_french_word(w) for w in said.split()):  # « mairie de village »: not Village-Neuf
        return None
    exact = index.lookup_key(said, ("commune",))
    if any(t.population >= TOWN for t in exact):
        return None  # « Clermont » (Oise, 10 000 inhabitants) is a town of its own: asked, not Clermont-Ferrand
    meant = _most_populated(index, list(dict.fromkeys(longer + ([said] if exact else []))), ("commune",))
    communes = index.lookup_key(meant, ("commune",)) if meant and meant != said else []
    return communes if len(communes) == 1 else None


def city_of_a_word(index: Index, word: str, kinds: Sequence[str]) -> Optional[List[Territory]]:
    """After « mairie de », « ville de » (only there): the one city of BIG_CITY inhabitants or more one
    edit from a French word of CITY_WORD letters or more, which `nearest` leaves alone; no « mairie de »
    is followed by « limoge » or « rentes » but for Limoges or Rennes."""
    if " " in word or len(word) < CITY_WORD or not is_french_word(word) or index.lookup_key(word):
        return None
    near = [name_key for length in (len(word) - 1, len(word), len(word) + 1)
            for name_key, _, _ in _buckets(index, tuple(kinds)).get((word[0], length), ())
            if distance(word, name_key, 1) <= 1]
    cities = {n for n in near if any(t.population >= BIG_CITY for t in index.lookup_key(n, kinds))}
    if len(cities) != 1:
        return None
    return [t for t in index.lookup_key(cities.pop(), kinds) if t.population >= BIG_CITY]


def _most_populated(index: Index, names: List[str], kinds: Sequence[str]) -> Optional[str]:
    """The one name, or among names as near the one far the most populated (« montpelier » is
    Montpellier, 310 000 inhabitants, not Montélier, 4 000): what people write to a national
    service is far more often the city than the village. Else none: the bot does not guess."""
    if len(names) <= 1:
        return names[0] if names else None
    sizes = sorted(((max(t.population for t in index.lookup_key(n, kinds)), n) for n in names), reverse=True)
    return sizes[0][1] if sizes[0][0] >= DOMINANT * sizes[1][0] else None


# Adjectives of a city (« rouennaise », « lyonnaise », « grenobloise »): the suffixes taken off to find
# the city's name, longest first.
CITY_ADJECTIVE = re.compile(r"(?:iennes?|ienne|iens?|aises?|oises?|aines?|ains?|ines?|ais|ois)$")
STEM = 4  # letters at least left of the adjective: « nic(oise) » is too short to tell


def city_of_an_adjective(index: Index, word: str) -> Optional[Territory]:
    """The city of BIG_CITY inhabitants or more that an adjective names (« rouennaise »: Rouen,
    « toulousaine »: Toulouse): the one city whose name starts with the adjective's stem."""
    stem = CITY_ADJECTIVE.sub("", word)
    if stem == word or len(stem) < STEM:
        return None
    # « rouenn(aise) », « strasbourge(oise) »: a consonant doubled or an « e » added before the suffix
    stems = {stem, re.sub(r"([nlt])\1$", r"\1", stem), re.sub(r"(?<=[gc])e$", "", stem)}
    found = {t for name_key, t in _cities(index) for s in stems if name_key.startswith(s)}
    if len(found) > 1:  # « nant(aise) »: Nantes, not Nanterre; the name that ends a letter or two after
        found = {t for name_key, t in _cities(index) for s in stems
                 if name_key.startswith(s) and len(name_key) - len(s) <= 2}
    return found.pop() if len(found) == 1 else None


@cache
def _cities(index: Index) -> Tuple[Tuple[str, Territory], ...]:
    """The communes of BIG_CITY inhabitants or more, by their folded name without an article."""
    return tuple((_ARTICLE.sub("", name_key), t) for name_key in index.name_keys()
                 for t in index.lookup_key(name_key, ("commune",)) if t.population >= BIG_CITY)
