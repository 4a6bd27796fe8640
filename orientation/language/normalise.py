"""What people type, as the classifiers and the extractors read it: one normalisation.

Built on fold() (lower case, no accents, straight apostrophes, plain spaces), it also undoes what
phones and hurry do: letters held down (« merciiii », « ouiii »), SMS forms (« bjr », « svp »,
« rdv », « c eligible », « jlai »…) and « e » or « ke » written for the euro sign (« 40 000e »,
« 40ke »). « les serveurs c éligible ? » and « Les serveurs, c'est eligible ? » read the same.

The result keeps, for each of its characters, the index of the original character (as fold()
does), so that an entity found in the normalised text is located in what the user typed:

    n = normalise("Bjr, budget 40ke")   # n.text == "bonjour, budget 40 k€"
    n.span(16, 21)                      # (12, 16): the original characters of « 40ke »

Pure functions, no project import beyond fold.py: the NLU pipeline (addons/components/normaliser.py),
the dialogue acts and the tests call the same function.
"""
from __future__ import annotations

import functools
import re
from typing import Callable, Dict, List

from orientation.language.fold import Folded, fold

# SMS forms (folded) and the words they stand for. Whole words only: « ds » in « dsi » is left alone.
SMS_WORDS: Dict[str, str] = {
    "bjr": "bonjour", "bjour": "bonjour", "bsr": "bonsoir", "slt": "salut",
    "svp": "s'il vous plait", "svpl": "s'il vous plait", "stp": "s'il te plait",
    "rdv": "rendez-vous", "rdvs": "rendez-vous", "rdz-vs": "rendez-vous",
    "qq": "quelques", "qqs": "quelques", "qqn": "quelqu'un", "qqch": "quelque chose", "qqc": "quelque chose",
    "c": "c'est", "cest": "c'est", "ya": "il y a", "y'a": "il y a", "ya-t-il": "y a-t-il",
    "jlai": "je l'ai", "j'l'ai": "je l'ai", "jl'ai": "je l'ai", "jai": "j'ai", "jsuis": "je suis",
    "chui": "je suis", "chuis": "je suis", "jsp": "je ne sais pas", "jcrois": "je crois",
    "jusqua": "jusqu'a", "jusquau": "jusqu'au", "jusquen": "jusqu'en", "jusquici": "jusqu'ici",
    "pr": "pour", "ds": "dans", "tt": "tout", "ts": "tous", "ttes": "toutes", "bcp": "beaucoup",
    "pb": "probleme", "pbm": "probleme", "pbs": "problemes", "dc": "donc", "mtn": "maintenant",
    "mnt": "maintenant", "tkt": "t'inquiete", "ajd": "aujourd'hui", "auj": "aujourd'hui",
    "vs": "vous", "ns": "nous", "pq": "pourquoi", "pk": "pourquoi", "pkoi": "pourquoi", "qd": "quand",
    "tjs": "toujours", "tjrs": "toujours", "dsl": "desole", "mrc": "merci", "mci": "merci",
    "dac": "d'accord", "dacc": "d'accord", "d'acc": "d'accord", "cad": "c'est-a-dire", "ki": "qui",
    "koi": "quoi", "kel": "quel", "kelle": "quelle", "kels": "quels", "kelles": "quelles",
    "keske": "qu'est-ce que", "kesk": "qu'est-ce que", "svt": "souvent", "msg": "message",
    "infos": "informations", "info": "information", "nn": "non",
    "eske": "est-ce que", "esque": "est-ce que", "eske-ce": "est-ce que", "cb": "combien", "cmb": "combien",
    "cbien": "combien", "cmt": "comment", "cmnt": "comment", "qlq": "quelques", "pcq": "parce que",
    "pck": "parce que", "psk": "parce que",
}
# A word boundary that also refuses e-mail addresses, references and hyphenated words.
_BEFORE = r"(?<![\w@'.\-])"
_AFTER = r"(?![\w@'\-]|\.\w)"
_SMS = re.compile(_BEFORE + "(" + "|".join(re.escape(k) for k in sorted(SMS_WORDS, key=len, reverse=True))
                  + ")" + _AFTER)
# « ke » for « que », except right after a figure, where it is « k€ » (below).
_KE = re.compile(r"(?<![\w@'.\-\d])(?<!\d )ke" + _AFTER)
# « cc » is « coucou » only as a greeting on its own: « cc de Marie-Galante » is a communauté de communes.
_CC_GREETING = re.compile(r"^cc(?=\s*(?:[,!.;:]|$))")
# « 1 » for the article before a body, as typed on a phone: « on est 1 cc », « c 1 petite commune ».
# « dune cc », « dun village »: « d'une », « d'un » with the apostrophe left out.
_FEMININE_BODIES = ("cc", "ca", "cu", "commune", "comcom", "agglo", "interco", "mairie", "ville", "asso",
                    "association", "entreprise", "startup", "start-up", "sem", "spl", "collectivite", "structure")
_MASCULINE_BODIES = ("syndicat", "gip", "epci", "etablissement", "operateur", "service", "village", "bourg")
_BODY_AHEAD = (r"(?=\s+(?:(?:petite?s?|grande?s?)\s+)?(" + "|".join(re.escape(w) for w in _FEMININE_BODIES
                                                                  + _MASCULINE_BODIES) + r")" + _AFTER + ")")
_ONE_BODY = re.compile(_BEFORE + r"1" + _BODY_AHEAD)
_OF_ONE_BODY = re.compile(_BEFORE + r"dune?" + _BODY_AHEAD)
# Letters held down: three or more of the same letter are one (no French word has three).
_HELD = re.compile(r"([a-z])\1{2,}")
_WORD = re.compile(r"\S+")
# Amounts written with « e » (or « eur ») for the euro sign: « 40 000e », « 40ke », « 1,2 me », « 300 k e ».
_EURO = re.compile(r"(?<![\w.,])(\d[\d ]*(?:[.,]\d+)?) ?(k|m)? ?(?:e|eur)(?![\w@'\-])")
# « !!! », « ??? »: one is enough.
_REPEATED_MARKS = re.compile(r"([!?.])\1+")


def _substitute(folded: Folded, pattern: re.Pattern, replacement: Callable[[re.Match], str]) -> Folded:
    """`pattern`'s matches replaced, each new character pointing into the original characters of
    its match (spread over them, the last on the last), so that spans still map back."""
    chars: List[str] = []
    index: List[int] = []
    last = 0
    for match in pattern.finditer(folded.text):
        start, end = match.span()
        new = replacement(match)
        if new == match.group(0):
            continue
        chars.extend(folded.text[last:start])
        index.extend(folded.index[last:start])
        width = end - start
        for i, char in enumerate(new):
            j = width - 1 if i == len(new) - 1 else min(i * width // max(len(new), 1), width - 1)
            chars.append(char)
            index.append(folded.index[start + j] if width else (folded.index[start] if start < len(folded.index) else 0))
        last = end
    if last == 0 and not chars:
        return folded
    chars.extend(folded.text[last:])
    index.extend(folded.index[last:])
    return Folded("".join(chars), index)


def _unheld(match: re.Match) -> str:
    word = match.group(0)
    if any(c.isdigit() or c in "@/-" for c in word) or "www" in word:
        return word  # references (« DN-MMMMMM »), addresses, links keep their letters
    return _HELD.sub(r"\1", word)


def _euro(match: re.Match) -> str:
    figure, multiplier = match.group(1).rstrip(), match.group(2)
    if not multiplier:
        plain = figure.replace(" ", "").replace(",", ".")
        try:
            if float(plain) < 100:  # « le 2e », « 15e arrondissement »: an ordinal, not euros
                return match.group(0)
        except ValueError:
            return match.group(0)
    return f"{figure} {multiplier or ''}€"


def normalise(text: str) -> Folded:
    """The text as the NLU reads it, with the original index of each character (see the module docstring).
    The result is shared by every reader of the same text: never change it."""
    return _normalise(str(text or ""))


# A message is normalised by a dozen readers per turn in the Rasa server (the extractors, the acts,
# their routing): the last texts' results are kept (64: a few texts per turn, several users at once;
# a text is at most ORIENTATION_MAX_MESSAGE characters).
@functools.lru_cache(maxsize=64)
def _normalise(text: str) -> Folded:
    folded = fold(text)
    folded = _substitute(folded, _WORD, _unheld)
    folded = _substitute(folded, _REPEATED_MARKS, lambda m: m.group(1))
    folded = _substitute(folded, _EURO, _euro)
    folded = _substitute(folded, _CC_GREETING, lambda m: "coucou")
    folded = _substitute(folded, _KE, lambda m: "que")
    folded = _substitute(folded, _ONE_BODY, lambda m: "une" if m.group(1) in _FEMININE_BODIES else "un")
    folded = _substitute(folded, _OF_ONE_BODY, lambda m: "d'une" if m.group(1) in _FEMININE_BODIES else "d'un")
    return _substitute(folded, _SMS, lambda m: SMS_WORDS[m.group(1)])


def with_capitals(read: Folded, original: str) -> str:
    """The normalised text with the capitals the user typed put back, letter for letter: the
    extractors tell « CA » (a communauté d'agglomération) from « ca » (« ça »), and an acronym
    (« CINOR », « CAPA ») from a word. Same length as read.text, so the spans hold."""
    letters = []
    for char, i in zip(read.text, read.index):
        typed = original[i] if 0 <= i < len(original) else ""
        letters.append(char.upper() if typed.isupper() and fold(typed).text[:1] == char else char)
    return "".join(letters)


def normalised(text: str) -> str:
    """The normalised text alone."""
    return normalise(text).text
