"""Format of the held-out set tests/nlu/heldout_understanding.yml, checked without a model.

The set was written apart from the training data (data/), to measure how the NLU generalises:
themes said in the users' own words, applicant types that need care, territory names, and
dialogue acts. This check makes sure it stays usable: it parses (with Rasa's own reader too),
it is large enough, every theme has enough messages, every annotated value is canonical, and
none of its messages leaked into (or came from) the training data or the first held-out set.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
import yaml

from devtools.nlu import MERGED_INTENTS
from orientation.eligibility.vocabulary import APPLICANT_TYPES, THEMES

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).with_name("heldout_understanding.yml")
FIRST_HELDOUT = Path(__file__).with_name("heldout.yml")
MIN_SIZE = 330
MIN_PER_THEME = 16
NUMERIC = ("budget", "population", "departement_count")
TERRITORY_KINDS = ("commune", "epci", "departement", "region", "collectivite_outre_mer")

_ANNOTATION = re.compile(
    r"\[(?P<text>[^\]]+)\](?:\((?P<entity>[a-z_]+)(?::(?P<value>[^)]+))?\)|(?P<json>\{[^}]*\}))")

Annotation = Tuple[str, str, str]  # entity, value, annotated text


def parse(example: str) -> Tuple[str, List[Annotation]]:
    """The plain message and its annotations; without an explicit value the text is the value."""
    found: List[Annotation] = []

    def plain(match: re.Match[str]) -> str:
        if match.group("json"):
            data = json.loads(match.group("json"))
            entity, value = data["entity"], str(data.get("value", match.group("text")))
        else:
            entity, value = match.group("entity"), match.group("value") or match.group("text")
        found.append((entity, value, match.group("text")))
        return match.group("text")

    return _ANNOTATION.sub(plain, example), found


def read_examples(path: Path) -> List[Tuple[str, str, List[Annotation]]]:
    """(intent, plain message, annotations) of every NLU example of a Rasa YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for block in data.get("nlu") or []:
        if not isinstance(block, dict) or "intent" not in block:
            continue
        for line in str(block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                out.append((block["intent"], *parse(line[2:].strip())))
    return out


def normalise(message: str) -> str:
    return re.sub(r"\s+", " ", message.casefold()).strip(" ?!.")


@pytest.fixture(scope="module")
def examples():
    return read_examples(HERE)


def test_the_file_says_it_is_held_out():
    head = HERE.read_text(encoding="utf-8")[:1500]
    assert "independently of data/" in head and "never merge" in head.casefold()


def test_rasa_reads_the_file():
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    data = RasaYAMLReader().reads(HERE.read_text(encoding="utf-8"))
    assert len(data.intent_examples) >= MIN_SIZE


def test_size(examples):
    assert len(examples) >= MIN_SIZE, len(examples)


def test_every_theme_has_enough_messages(examples):
    per_theme = Counter(value for _, _, notes in examples for entity, value, _ in notes
                        if entity == "project_nature")
    short = {theme: per_theme[theme] for theme in THEMES if per_theme[theme] < MIN_PER_THEME}
    assert not short, f"themes under {MIN_PER_THEME} messages: {short}"


def test_every_intent_is_known(examples):
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    known = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]} | set(MERGED_INTENTS)
    unknown = sorted({intent for intent, _, _ in examples} - known)
    assert not unknown, unknown


def test_every_entity_is_known(examples):
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    known = {e if isinstance(e, str) else next(iter(e)) for e in domain["entities"]}
    unknown = sorted({entity for _, _, notes in examples for entity, _, _ in notes} - known)
    assert not unknown, unknown


def _call_codes() -> Set[str]:
    from orientation.eligibility.catalogue import load_catalogue

    return set(load_catalogue().codes)


def _territories() -> Set[str]:
    rows = json.loads((ROOT / "var" / "territories.json").read_text(encoding="utf-8"))["rows"]
    return {f"{row[0]}:{row[1]}" for row in rows}


def _aspects() -> Set[str]:
    """The call_aspect values the first held-out set uses: the same aspect, the same value."""
    return {value for _, _, notes in read_examples(FIRST_HELDOUT)
            for entity, value, _ in notes if entity == "call_aspect"}


def test_every_value_is_canonical(examples):
    allowed = {
        "applicant_type": set(APPLICANT_TYPES),
        "project_nature": set(THEMES),
        "call_code": _call_codes(),
        "call_aspect": _aspects(),
    }
    territories = _territories() if (ROOT / "var" / "territories.json").exists() else None
    wrong: List[str] = []
    for _intent, message, notes in examples:
        for entity, value, text in notes:
            if entity in allowed:
                ok = value in allowed[entity]
            elif entity in NUMERIC:
                ok = re.fullmatch(r"\d+", value) is not None and int(value) > 0
            elif entity == "territory":
                kind, _, code = value.partition(":")
                ok = kind in TERRITORY_KINDS and bool(code) and (territories is None or value in territories)
            elif entity == "booking_reference":
                ok = re.fullmatch(r"DN-[A-Z0-9]{6}", value) is not None and value == text.upper()
            elif entity == "email":
                ok = re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value) is not None and value == text
            else:
                ok = False
            if not ok:
                wrong.append(f"{entity}={value!r} ([{text}] in {message!r})")
    assert not wrong, "\n".join(wrong)
    if territories is None:
        pytest.skip("var/territories.json missing: territory codes checked for form only")


def test_territory_codes_exist(examples):
    path = ROOT / "var" / "territories.json"
    if not path.exists():
        pytest.skip("var/territories.json missing (built by the territories index)")
    territories = _territories()
    missing = sorted({value for _, _, notes in examples for entity, value, _ in notes
                      if entity == "territory" and value not in territories})
    assert not missing, missing


def test_no_message_comes_from_the_training_data_or_the_first_heldout_set(examples):
    seen: Dict[str, str] = {}
    for path in sorted((ROOT / "data").rglob("*.yml")) + [FIRST_HELDOUT]:
        for _, message, _ in read_examples(path):
            seen.setdefault(normalise(message), str(path.relative_to(ROOT)))
    leaked = [f"{message!r} (in {seen[normalise(message)]})" for _, message, _ in examples
              if normalise(message) in seen]
    assert not leaked, "\n".join(leaked)


def test_no_duplicate_nor_one_word_variant(examples):
    words = [normalise(message).split() for _, message, _ in examples]
    close = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if a == b:
                close.append(" ".join(a))
            elif len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
                close.append(f"{' '.join(a)}  <->  {' '.join(b)}")
    assert not close, "\n".join(close)


def _words(message: str) -> List[str]:
    from orientation.language.fold import fold

    return re.findall(r"\w+", fold(message).text.casefold())


def test_no_training_message_is_a_near_copy_of_a_heldout_message(examples):
    """Beyond exact copies: a training message that holds a held-out message whole (« Bonjour, notre
    besoin : » + the message, six words or more) or shares 80 % of its words would measure memory, not
    understanding."""
    training = [(path.name, message, _words(message)) for path in sorted((ROOT / "data").glob("nlu*.yml"))
                for _, message, _ in read_examples(path)]
    close = []
    for _, message, _ in examples:
        words = _words(message)
        if len(words) < 4:
            continue
        held, joined = set(words), f" {' '.join(words)} "
        for name, other, other_words in training:
            shared = len(held & set(other_words)) / len(held | set(other_words))
            if shared >= 0.8 or len(words) >= 6 and joined in f" {' '.join(other_words)} ":
                close.append(f"{message!r} ~ {other!r} ({name})")
    assert not close, "\n".join(close)
