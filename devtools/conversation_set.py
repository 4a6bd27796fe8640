"""The independent held-out conversations (tests/heldout_conversations/*.yml): their reader, their
checks, the expected profile of each turn, and the leak check against the training data.

The set was written by someone who had read neither data/ nor the tests: users' turns as people
type them, each labelled with its dialogue acts and the full profile expected after it. The report
(scripts/conversation_report.py) plays it against real servers; the tests (tests/
heldout_conversations/) check its format and that none of its turns leaked into data/.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from orientation.language.fold import fold

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "tests" / "heldout_conversations"
TRAINING = sorted((ROOT / "data").glob("*.yml"))

ACTS = ("describe", "answer", "correct", "question", "hypothesis", "book", "manage_booking",
        "thanks_goodbye", "leave", "greet", "other")
# Acts that must never write the profile (a question or a hypothesis, said alone).
READ_ONLY_ACTS = {"question", "hypothesis", "book", "manage_booking", "thanks_goodbye", "leave", "greet", "other"}
STYLES = ("sms", "mixed", "plain")
BOT_ASKED = ("applicant_type", "population", "budget", "project_nature", "departement_count", "booking_slot",
             "booking_name", "booking_organisation", "booking_email", "confirm")
PLACE_KINDS = ("commune", "epci", "departement", "region", "collectivite_outre_mer")
PROFILE_KEYS = ("applicant_type", "population", "place", "departement_count", "budget", "project_nature")


@dataclass
class Turn:
    user: str
    acts: List[str]
    profile: Dict[str, Any]
    bot_asked: Optional[str] = None
    asks: Optional[str] = None
    hypothesis: Optional[Dict[str, Any]] = None


@dataclass
class Conversation:
    id: str
    style: str
    persona: str
    source: str  # the file it comes from
    turns: List[Turn] = field(default_factory=list)


class SetError(ValueError):
    pass


def load(directory: Path = SET_DIR) -> List[Conversation]:
    """Every conversation of the set, in file order; SetError names the file, the conversation and
    what is wrong."""
    conversations: List[Conversation] = []
    for path in sorted(directory.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("conversations") or []:
            where = f"{path.name}, {raw.get('id', '?')}"
            turns = []
            for i, t in enumerate(raw.get("turns") or [], 1):
                if not isinstance(t, dict) or not isinstance(t.get("user"), str):
                    raise SetError(f"{where}, tour {i} : « user » manquant")
                turns.append(Turn(user=t["user"], acts=list(t.get("acts") or []), profile=dict(t.get("profile") or {}),
                                  bot_asked=t.get("bot_asked"), asks=t.get("asks"), hypothesis=t.get("hypothesis")))
            conversations.append(Conversation(id=str(raw.get("id")), style=raw.get("style"),
                                              persona=raw.get("persona", ""), source=path.name, turns=turns))
    return conversations


def problems(conversations: Sequence[Conversation]) -> List[str]:
    """What is wrong in the labels: unknown acts, styles, keys or values (contract §3), ids twice."""
    from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES

    found, seen = [], set()
    for c in conversations:
        where = f"{c.source}, {c.id}"
        if c.id in seen:
            found.append(f"{where} : identifiant en double")
        seen.add(c.id)
        if c.style not in STYLES:
            found.append(f"{where} : style {c.style!r}")
        for i, t in enumerate(c.turns, 1):
            at = f"{where}, tour {i}"
            found += [f"{at} : acte {a!r}" for a in t.acts if a not in ACTS]
            if not t.acts:
                found.append(f"{at} : aucun acte")
            if t.bot_asked not in (None, *BOT_ASKED):
                found.append(f"{at} : bot_asked {t.bot_asked!r}")
            found += [f"{at} : clé {k!r}" for k in t.profile if k not in PROFILE_KEYS]
            kind = t.profile.get("applicant_type")
            if kind is not None and kind not in APPLICANT_TYPES:
                found.append(f"{at} : applicant_type {kind!r}")
            theme = t.profile.get("project_nature")
            if theme is not None and theme not in THEMES:
                found.append(f"{at} : project_nature {theme!r}")
            place = t.profile.get("place")
            if place is not None and (not isinstance(place, dict) or place.get("kind") not in PLACE_KINDS
                                      or not place.get("name")):
                found.append(f"{at} : place {place!r}")
            for number in ("population", "budget", "departement_count"):
                value = t.profile.get(number)
                if value is not None and (not isinstance(value, (int, float)) or value <= 0):
                    found.append(f"{at} : {number} {value!r}")
    return found


# --- the expected profile ------------------------------------------------------------------------

def resolve_place(place: Dict[str, Any], index) -> Optional[Any]:
    """The official territory a labelled place names, or None when the name is not found or stays
    ambiguous (the report lists those, so that the set can be given the official code)."""
    if place.get("code"):
        return index.get(place["kind"], str(place["code"]))
    kinds = [place["kind"]]
    names = [place["name"]]
    if place["kind"] == "epci":  # the writer may have used the acronym of the legal form
        short = re.sub(r"^(cc|ca|cu|communaute (de communes|d'agglomeration|urbaine)|metropole|agglo)\b\s*(de |du |des |d')?",
                       "", fold(place["name"]).text)
        names.append(short)
    for name in names:
        found = index.lookup(name, kinds)
        departement = place.get("departement")
        if departement:
            found = [t for t in found if str(departement) in t.departements]
        if len(found) == 1 or (found and place["kind"] in ("departement", "region")):
            return found[0]
    return None


def expected_slots(profile: Dict[str, Any], index) -> Tuple[Dict[str, Any], bool]:
    """The slots a labelled profile means, and whether its population could be known (False when a
    place was not resolved: the population is then not scored)."""
    slots = {key: profile.get(key) for key in ("applicant_type", "budget", "project_nature")}
    scorable = True
    if profile.get("population") is not None:
        slots["population"] = profile["population"]
    elif profile.get("place"):
        territory = resolve_place(profile["place"], index)
        slots["population"] = territory.population if territory else None
        scorable = territory is not None
    else:
        slots["population"] = None
    if profile.get("departement_count") is not None:
        slots["departement_count"] = profile["departement_count"]
    return slots, scorable


def differences(expected: Dict[str, Any], actual: Dict[str, Any], population_scored: bool = True) -> List[str]:
    """The slots where the bot's profile is not the expected one, as « slot: expected ≠ actual »."""
    wrong = []
    for slot, want in expected.items():
        if slot == "population" and not population_scored:
            continue
        got = actual.get(slot)
        same = (want is None and got is None) or (
            want is not None and got is not None and (
                abs(float(want) - float(got)) < 0.5 if isinstance(want, (int, float)) else str(want) == str(got)))
        if not same:
            wrong.append(f"{slot}: {want!r} ≠ {got!r}")
    return wrong


# --- the dialogue acts -----------------------------------------------------------------------------

def act_scores(pairs: Iterable[Tuple[Sequence[str], Sequence[str]]]) -> Tuple[float, Dict[str, Tuple[float, float, int]]]:
    """From (labelled acts, acts read) per turn: the share of turns whose set of acts is exactly the
    label's, and per act (precision, recall, number of turns labelled with it); a precision with
    nothing read, or a recall with nothing labelled, is nan."""
    pairs = [(set(want), set(got)) for want, got in pairs]
    exact = sum(want == got for want, got in pairs) / len(pairs) if pairs else float("nan")
    per_act = {}
    for act in ACTS:
        labelled = sum(act in want for want, _ in pairs)
        read = sum(act in got for _, got in pairs)
        both = sum(act in want and act in got for want, got in pairs)
        if labelled or read:
            per_act[act] = (both / read if read else float("nan"), both / labelled if labelled else float("nan"), labelled)
    return exact, per_act


# --- the leak check ------------------------------------------------------------------------------

_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9€]+", " ", fold(text).text).split())


def training_examples(files: Iterable[Path] = TRAINING) -> List[str]:
    """The user examples of the training data, annotations removed."""
    examples = []
    for path in files:
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    examples.append(_ANNOTATION.sub(r"\1", line[2:]))
    return examples


def leaks(turns: Iterable[str], examples: Iterable[str], threshold: float = 0.9) -> List[Tuple[str, str]]:
    """(turn, training example) pairs that are the same sentence once folded, or share at least
    `threshold` of their words (Jaccard). Turns of fewer than five words are left out: « merci »,
    « oui », « ok merci » are the same whoever writes them."""
    by_key: Dict[str, str] = {}
    word_sets = []
    for example in examples:
        k = _key(_ANNOTATION.sub(r"\1", example))
        by_key.setdefault(k, example)
        word_sets.append((set(k.split()), example))
    found = []
    for turn in turns:
        k = _key(turn)
        words = set(k.split())
        if len(k.split()) < 5:
            continue
        if k in by_key:
            found.append((turn, by_key[k]))
            continue
        for other, example in word_sets:
            if other and len(words & other) / len(words | other) >= threshold:
                found.append((turn, example))
                break
    return found
