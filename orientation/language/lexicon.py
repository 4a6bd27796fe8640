"""Deterministic recognition of applicant types, project themes, call codes and call
aspects in a French message, from the vocabulary in lexicon.yml and the names of the calls.

Matching ignores case, accents and apostrophe style, tolerates one typo in long words,
and returns spans of the original text so the NLU can report them as entities.

The names of the calls are handed in by the caller (Lexicon(call_names)): the catalogue is above
this package, which knows words, not calls. The lexicon the product reads with, built from the
catalogue, is orientation.entities.lexicon.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import yaml

from orientation.language.fold import fold

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.yml"
# Entities of which a message yields at most one value (the slot holds one).
SINGLE_VALUED = ("applicant_type", "project_nature", "call_aspect")
# Words that show a phrase names a call rather than a subject.
CALL_WORDS = {"appel", "appels", "aap", "guichet", "consultation", "incubateur", "itn", "snap", "tnt", "feder",
              "fonds", "dispositif"}
_WORD = re.compile(r"[a-z0-9]+")
# What may stand before an applicant type said as the whole message.
_BEFORE_WHOLE = {"c", "cest", "c est", "une", "un", "la", "le", "l", "notre", "ici", "bjr", "bonjour", "slt", "salut",
                 "est", "non", "oui", "ah", "pardon", "en", "fait", "plutot", "si"}


@dataclass(frozen=True)
class Match:
    entity: str
    value: str
    start: int  # offsets in the original text
    end: int
    text: str
    weak: bool = False  # a generic word ("région") that yields to a specific one ("DREAL")
    first: bool = False  # a theme that wins over the others named (lexicon.yml, project_nature_first)


def _tokens(text: str) -> List[Tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _close(word: str, pattern: str) -> bool:
    """Same word, a plural, or one edit away for words of 6 letters or more."""
    if word == pattern or word in (pattern + "s", pattern + "x") or pattern in (word + "s", word + "x"):
        return True
    return one_typo(word, pattern)


def one_typo(word: str, pattern: str) -> bool:
    """One edit away (a letter wrong, missing, added, or two swapped), in words of 6 letters or more:
    the typo the lexicon tolerates, also in the words that announce a place (« comune de Tarbes »)."""
    if min(len(word), len(pattern)) < 6 or abs(len(word) - len(pattern)) > 1:
        return False
    return distance(word, pattern, 1) <= 1


def distance(a: str, b: str, limit: int) -> int:
    """The edit distance (insertions, deletions, substitutions, swaps of two neighbours) of a and b,
    or limit + 1 as soon as it is known to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _phrase(text: str) -> str:
    """A phrase as matched: folded words separated by single spaces."""
    return " ".join(t for t, _, _ in _tokens(fold(text)[0]))


@dataclass(frozen=True)
class _Pattern:
    entity: str
    value: str
    words: Tuple[str, ...]
    weak: bool
    first: bool = False


AMBIGUOUS = "|"  # between the codes of a name several calls share


@lru_cache(maxsize=1)
def _lexicon_file() -> dict:
    return yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))


# ITN and SNAP codes as typed: "ITN8A", "itn 8 a", "SNAP-3", "snap3".
_STATE_CODE = re.compile(r"\b(itn|snap)\s*[-_]?\s*(\d{1,2})(?:\s*([a-d])(?![a-z0-9']))?(?![0-9])")
# Only these codes take a letter: "SNAP3 a un plafond" is SNAP3, not "SNAP3A".
LETTERED = {("itn", "8"), ("snap", "2")}


def _state_codes(folded: str, index: List[int], text: str) -> List[Match]:
    found = []
    for m in _STATE_CODE.finditer(folded):
        letter = m.group(3) if (m.group(1), m.group(2)) in LETTERED else None
        code = (m.group(1) + m.group(2) + (letter or "")).upper()
        last = m.end(3) if letter else m.end(2)
        start, end = index[m.start()], index[last - 1] + 1
        found.append(Match("call_code", code, start, end, text[start:end]))
    return found


def _exact_only(pattern: _Pattern) -> bool:
    """Codes, ignored phrases and short single words must be typed as listed (no typo, no plural)."""
    return pattern.entity in ("call_code", "ignore") or (len(pattern.words) == 1 and len(pattern.words[0]) < 4)


def _keys(word: str) -> Set[str]:
    """The word and its one-letter deletions: two words within one edit (a plural, a typo, two
    swapped letters) always share one of these keys."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _matches_at(pattern: _Pattern, tokens: List[Tuple[str, int, int]], i: int) -> bool:
    n = len(pattern.words)
    if i + n > len(tokens):
        return False
    if _exact_only(pattern):
        return all(tokens[i + k][0] == w for k, w in enumerate(pattern.words))
    return all(_close(tokens[i + k][0], w) for k, w in enumerate(pattern.words))


class Lexicon:
    """The phrases of lexicon.yml and the names of the calls.

    `call_names` gives {code: (name, …)}: the names a call is known by besides its code (the
    catalogue's aliases). It is called on the first message read, not when the lexicon is made, so
    that importing a module that holds a lexicon loads no catalogue.
    """

    def __init__(self, call_names: Callable[[], Mapping[str, Iterable[str]]]):
        self._given_call_names = call_names

    @cached_property
    def call_names(self) -> Dict[Tuple[str, ...], Set[str]]:
        """Every name of a call, as folded words -> the codes it names: the spoken variants of
        lexicon.yml, and the codes and names given (ITN and SNAP codes are read by _STATE_CODE)."""
        names: Dict[Tuple[str, ...], Set[str]] = defaultdict(set)
        for code, phrases in (_lexicon_file().get("call_code") or {}).items():
            for phrase in phrases:
                names[tuple(_phrase(str(phrase)).split())].add(code)
        for code, aliases in self._given_call_names().items():
            for name in {code.replace("-", " ")} | set(aliases):
                if not _STATE_CODE.fullmatch(fold(name)[0]):
                    names[tuple(t for t, _, _ in _tokens(fold(name)[0]))].add(code)
        names.pop((), None)
        return dict(names)

    def shared_call_names(self) -> Dict[str, Tuple[str, ...]]:
        """The names several calls share (« aap donnees » -> ITN5, TNT-DONNEES): the check that no new
        one creeps in unnoticed (tests/test_call_choice.py)."""
        return {" ".join(words): tuple(sorted(codes)) for words, codes in self.call_names.items() if len(codes) > 1}

    @cached_property
    def patterns(self) -> Tuple[_Pattern, ...]:
        data = _lexicon_file()
        weak = {_phrase(w) for w in data.get("generic", [])}
        # Phrases that only hide their words from the other patterns ("en particulier", "Finistère").
        result = [_Pattern("ignore", "", tuple(_phrase(w).split()), False) for w in data.get("ignore", [])]
        for entity in ("applicant_type", "project_nature", "call_aspect"):
            for value, phrases in (data.get(entity) or {}).items():
                for phrase in phrases:
                    words = tuple(_phrase(str(phrase)).split())
                    if words:
                        result.append(_Pattern(entity, value, words, " ".join(words) in weak))
        # Words that decide the theme whatever else the message names (« un poc sur nos données »).
        for value, phrases in (data.get("project_nature_first") or {}).items():
            result += [_Pattern("project_nature", value, tuple(_phrase(str(p)).split()), False, True)
                       for p in phrases if _phrase(str(p))]
        # A name several calls share (« AAP données »: ITN5 and TNT-DONNEES) is one pattern whose value
        # names them all, « ITN5|TNT-DONNEES »: the lexicon reports the ambiguity, the actions resolve it
        # (orientation/eligibility/call_choice.py), never the alphabetical first.
        result += [_Pattern("call_code", AMBIGUOUS.join(sorted(codes)), words, False)
                   for words, codes in self.call_names.items()]
        # A call named as such ("l'appel coopération") is read first; a call alias that merely
        # describes a subject ("accueil téléphonique") comes last, so that it stays a project theme.
        # Within a group, longest phrases first: "conseil départemental" wins over "département".
        def group(p: _Pattern) -> int:
            if p.entity == "ignore":
                return -1
            if p.entity != "call_code":
                return 1
            return 0 if CALL_WORDS & set(p.words) else 2
        return tuple(sorted(result, key=lambda p: (group(p), -len(p.words))))

    @cached_property
    def _phrases(self) -> Set[Tuple[str, str, Tuple[str, ...]]]:
        return {(p.entity, p.value, p.words) for p in self.patterns}

    def plural(self, match: Match) -> bool:
        """The match is a listed phrase said in the plural (« associations », « les rectorats »)."""
        words = tuple(_phrase(match.text).split())
        if not words or words[-1][-1:] not in ("s", "x") or (match.entity, match.value, words) in self._phrases:
            return False
        return (match.entity, match.value, words[:-1] + (words[-1][:-1],)) in self._phrases

    @cached_property
    def _by_first_word(self) -> Dict[str, Tuple[int, ...]]:
        """Key of a first word -> ranks (in patterns) of the patterns that may start there."""
        index: Dict[str, List[int]] = defaultdict(list)
        for rank, pattern in enumerate(self.patterns):
            first = pattern.words[0]
            for key in ({first} if _exact_only(pattern) else _keys(first)):
                index[key].append(rank)
        return {key: tuple(ranks) for key, ranks in index.items()}

    def find(self, text: str, skip: Sequence[Tuple[int, int]] = ()) -> List[Match]:
        """Every lexicon phrase in the text, longest first, without overlaps or skipped spans.

        Linear in the text: each token looks up only the patterns whose first word is within one edit
        of it. The candidates are then taken in the order of patterns (priority first, then text
        order), exactly as if each pattern were tried at every position in turn.
        """
        folded, index = fold(text)
        found = _state_codes(folded, index, text)
        tokens = _tokens(folded)
        # A token is taken when one of its original characters is in a skipped span: marked characters,
        # and their prefix sums (covered[k] = marked characters before k) to ask each token in O(1).
        marked = [0] * (len(text) + 1)
        for s_start, s_end in list(skip) + [(m.start, m.end) for m in found]:
            for k in range(max(s_start, 0), min(s_end, len(text))):
                marked[k] = 1
        covered = [0] + list(accumulate(marked))
        taken = [covered[index[end - 1] + 1] > covered[index[start]] for _, start, end in tokens]
        all_patterns, by_first = self.patterns, self._by_first_word
        candidates = sorted({(rank, i) for i, (word, _, _) in enumerate(tokens)
                             for key in _keys(word) for rank in by_first.get(key, ())})
        for rank, i in candidates:
            pattern = all_patterns[rank]
            n = len(pattern.words)
            if any(taken[i:i + n]) or not _matches_at(pattern, tokens, i):
                continue
            start, end = index[tokens[i][1]], index[tokens[i + n - 1][2] - 1] + 1
            if pattern.entity != "ignore":
                found.append(Match(pattern.entity, pattern.value, start, end, text[start:end], pattern.weak,
                                   pattern.first))
            for k in range(i, i + n):
                taken[k] = True
        return sorted(found, key=lambda m: m.start)

    def whole_message(self, text: str) -> Optional[Match]:
        """An applicant type said as the whole message (« CA », « c une cc », « on est le CD »)."""
        if "ç" in text.lower():  # « ça »
            return None
        words = _phrase(text).split()
        introduced = False  # « une cc », « on est la CA »: a determiner or a verb says it is a body
        while words and (words[0] in _BEFORE_WHOLE or tuple(words[:2]) in (("on", "est"), ("nous", "sommes"))):
            introduced = introduced or words[0] in ("une", "un", "notre", "on", "nous")
            words = words[2:] if tuple(words[:2]) in (("on", "est"), ("nous", "sommes")) else words[1:]
        # « cc » alone is also « coucou », « non la ca » also « non là ça »: capitals then
        if not introduced and not (words and text.rstrip(" .!?").split()[-1].isupper()):
            return None
        said = " ".join(words)
        for value, phrases in (_lexicon_file().get("whole_message") or {}).items():
            if said and said in {_phrase(str(p)) for p in phrases}:
                start = fold(text).text.rfind(words[0])
                start = fold(text).index[start] if start >= 0 else 0
                return Match("applicant_type", value, start, len(text.rstrip(" .!?")), text[start:].rstrip(" .!?"))
        return None

    def entities(self, text: str, skip: Sequence[Tuple[int, int]] = ()) -> List[Match]:
        """The matches kept as entities: one value for single-valued entities, specific before generic."""
        kept: List[Match] = []
        matches = self.find(text, skip)
        for entity in SINGLE_VALUED:
            candidates = [m for m in matches if m.entity == entity]
            first = [m for m in candidates if m.first]
            strong = [m for m in candidates if not m.weak]
            if candidates:
                kept.append((first or strong or candidates)[0])
        seen = set()
        for m in matches:
            if m.entity == "call_code" and m.value not in seen:
                seen.add(m.value)
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)
