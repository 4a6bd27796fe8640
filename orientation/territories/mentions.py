"""Places named in a French message: « la mairie de Rennes », « Bordeaux Métropole »,
« le Nord et le Pas-de-Calais », « le conseil départemental de la Gironde », « le 59 ».

A commune is only recognised after a word that announces it (mairie, ville, commune de…): too
many French words are also commune names. Départements, régions and overseas collectivités are
recognised after an article too (« le Nord », « en Bretagne »), except the names that are common
words (« la somme », « le lot »), which need a capital or the word « département ».
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

from .index import Index, Territory, key, load_index

AREA_KINDS = ("departement", "region", "collectivite_outre_mer")


@dataclass(frozen=True)
class Trigger:
    words: Tuple[str, ...]  # folded words
    kinds: Tuple[str, ...]  # what may follow
    applicant_type: Optional[str] = None  # who is speaking, when the words say it
    upper: bool = False  # an abbreviation that counts only in capitals (« CA », not « ça »)


def _t(words: str, kinds: Sequence[str], applicant: Optional[str] = None, upper: bool = False) -> Trigger:
    return Trigger(tuple(words.split()), tuple(kinds), applicant, upper)


TRIGGERS = sorted([
    _t("mairie", ["commune"], "commune"), _t("ville", ["commune"], "commune"),
    _t("commune", ["commune"], "commune"), _t("municipalite", ["commune"], "commune"),
    _t("maire", ["commune"]),
    _t("communaute de communes", ["epci"], "epci"), _t("communaute d agglomeration", ["epci"], "epci"),
    _t("communaute urbaine", ["epci"], "epci"), _t("agglomeration", ["epci"], "epci"),
    _t("agglo", ["epci"], "epci"), _t("metropole", ["epci"], "epci"), _t("intercommunalite", ["epci"], "epci"),
    _t("cc", ["epci"], "epci", upper=True), _t("ca", ["epci"], "epci", upper=True),
    _t("cu", ["epci"], "epci", upper=True),
    _t("conseil departemental", ["departement", "collectivite_outre_mer"], "departement"),
    _t("departement", ["departement", "collectivite_outre_mer"]),
    _t("departements", ["departement", "collectivite_outre_mer"]),
    _t("conseil regional", ["region", "collectivite_outre_mer"], "region"),
    _t("region", ["region", "collectivite_outre_mer"]),
], key=lambda t: -len(t.words))
# Between the trigger and the name; « du Havre » is « le Havre », « des Mureaux » « les Mureaux ».
LINKS = [("de", "la"), ("de", "l"), ("du",), ("des",), ("de",), ("d",), ("la",), ("le",), ("les",), ("l",)]
ARTICLE_OF_LINK = {("du",): "le", ("des",): "les", ("au",): "le", ("aux",): "les"}
# What may stand before a département or région named alone.
ARTICLES = {"le", "la", "les", "l", "du", "des", "de", "d", "en", "au", "aux", "dans"}
# Département names that are also common words: alone, they count only with a capital.
COMMON_WORDS = {"somme", "lot", "manche", "cher", "var", "orne", "aude", "ain", "eure", "gard", "tarn", "vienne",
                "loire", "marne", "creuse", "centre", "charente", "indre", "landes", "oise", "meuse"}
# Directions: « au nord de la ville » is not the Nord.
NOT_AFTER_NORD = {"de", "d", "est", "ouest", "du"}
DEPARTEMENT_CODE = re.compile(r"^(?:\d{2,3}|2a|2b)$")


@dataclass(frozen=True)
class Mention:
    territories: Tuple[Territory, ...]  # several when the name is shared (homonyms), largest first
    start: int  # offsets in the original text
    end: int
    text: str
    applicant_type: Optional[str] = None  # « mairie de Rennes »: the speaker is a commune

    @property
    def ambiguous(self) -> bool:
        return len(self.territories) > 1


_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> List[Tuple[str, int, int, str]]:
    tokens = []
    for m in _WORD.finditer(text):
        for part in key(m.group()).split():  # « œ » or « St » may fold to another word, never to two
            tokens.append((part, m.start(), m.end(), m.group()))
    return tokens


def find(text: str, index: Optional[Index] = None) -> List[Mention]:
    """Every place named in `text`, in order."""
    index = index or load_index()
    tokens = _tokens(text or "")
    words = [t[0] for t in tokens]
    mentions: List[Mention] = []
    i = 0
    while i < len(tokens):
        found = (_after_trigger(index, tokens, words, i) or _alone(index, tokens, words, i)
                 or _named_alone(index, tokens, words, i))
        if found:
            mention, i = found
            mentions.append(replace(mention, text=text[mention.start:mention.end]))
        else:
            i += 1
    return mentions


def _longest_name(index: Index, words: List[str], i: int, kinds, article: Optional[str] = None):
    """(territories, end) for the longest name starting at word i, or at the article before it
    (« la Réunion », « du Havre » for « Le Havre »)."""
    starts = [([article], i)] if article else []
    starts.append(([], i))
    for prefix, at in starts:
        if at >= len(words):
            continue
        for length in index.name_lengths.get(prefix[0] if prefix else words[at], ()):
            length -= len(prefix)
            if length <= 0 or at + length > len(words):
                continue
            found = index.lookup_key(" ".join(prefix + words[at:at + length]), kinds)
            if found:
                return found, at + length
    return None


def _after_trigger(index: Index, tokens, words: List[str], i: int):
    for trigger in TRIGGERS:
        n = len(trigger.words)
        if tuple(words[i:i + n]) != trigger.words:
            continue
        if trigger.upper and not tokens[i][3].isupper():
            continue
        j = i + n
        candidates = [(j, None)]
        for link in LINKS:
            if tuple(words[j:j + len(link)]) == link:
                candidates.insert(0, (j + len(link), ARTICLE_OF_LINK.get(link)))
        for start, article in candidates:
            if start < len(words) and DEPARTEMENT_CODE.match(words[start]) and "departement" in trigger.kinds:
                territory = index.departement(words[start])
                if territory:
                    return _build(tokens, i, start + 1, [territory], trigger.applicant_type)
            named = _longest_name(index, words, start, trigger.kinds, article)
            if named:
                return _build(tokens, i, named[1], named[0], trigger.applicant_type)
    return None


def _alone(index: Index, tokens, words: List[str], i: int):
    if words[i] not in ARTICLES or i + 1 >= len(words):
        return None
    start = i + 1
    if words[i] == "dans" and start < len(words) and words[start] in ("le", "la", "les", "l"):
        start += 1
    if start >= len(words):
        return None
    if DEPARTEMENT_CODE.match(words[start]) and words[i] in ("le", "du", "dans") and _stands_alone(tokens, start):
        territory = index.departement(words[start])
        return _build(tokens, start, start + 1, [territory]) if territory else None
    article = ARTICLE_OF_LINK.get((words[i],), words[i] if words[i] in ("le", "la", "les", "l") else None)
    named = _longest_name(index, words, start, AREA_KINDS, article)
    if not named:
        return None
    territories, end = named
    word = words[start]
    if end == start + 1 and word in COMMON_WORDS and not tokens[start][3][:1].isupper():
        return None
    if word == "nord" and (words[i] == "au" or (end < len(words) and words[end] in NOT_AFTER_NORD)):
        return None
    return _build(tokens, start, end, territories)


def _named_alone(index: Index, tokens, words: List[str], i: int):
    """A place named without an article or a trigger, when its name cannot be a common phrase: an
    EPCI by its full name (« Bordeaux Métropole ») or a known short name (« MEL », in capitals:
    « mél » is an e-mail), an area of two words or more (« Saint-Pierre-et-Miquelon »)."""
    named = _longest_name(index, words, i, ("epci",) + AREA_KINDS)
    if not named:
        return None
    territories, end = named
    said = words[i:end]
    if said == ["mel"] and not tokens[i][3].isupper():
        return None
    if (" ".join(said) in index.alias_keys
            or any(w in ("metropole", "eurometropole", "agglomeration", "communaute", "agglo") for w in said)
            or (len(said) >= 2 and territories[0].kind in AREA_KINDS)):
        return _build(tokens, i, end, territories)
    return None


def _stands_alone(tokens, i: int) -> bool:
    """« le 59 » ends there: not « le 14 décembre », « le 59 % », « les 59 communes »."""
    return i + 1 == len(tokens) or tokens[i + 1][0] in ("et", "ou")


def _build(tokens, start: int, end: int, territories, applicant=None):
    return Mention(tuple(territories), tokens[start][1], tokens[end - 1][2], "", applicant), end
