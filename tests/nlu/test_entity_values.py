"""Entities checked by VALUE on every held-out message (tests/nlu/heldout.yml), without a model.

project_nature is read by the trained model (the lexicon, then addons/components/theme_classifier.py for
the words it does not know), the others by the pure extractors.

Rasa's entity F1 (test_heldout_quality.py) scores spans and types, never values: reading
« ministère » as operateur_etat, or swapping association and entreprise in the lexicon, leaves
it unchanged. Here each message goes through orientation.entities (what the NLU components call)
and the canonical values found are compared with the annotated ones, entity by entity.
An annotation without an explicit value ([ITN5](call_code)) has its text as value.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, List, Optional, Tuple

import pytest

from devtools.nlu import canonical, heldout, parse
from orientation import entities
from tests.nlu.model_parse import parse as parse_with_model
from tests.nlu.model_parse import theme_of

HELDOUT_SIZE = 292
NO_THEME = "-"
# Per entity, the bar that precision, recall and F1 by value must each reach: a small margin below
# today's figures (P / R / F1 in the comments), printed by
# `.venv/bin/python -m pytest tests/nlu/test_entity_values.py -s -p no:randomly`.
THRESHOLDS = {
    "applicant_type": 0.97,     # 1.000 / 1.000 / 1.000 (84 values)
    "project_nature": 0.90,     # 0.976 / 0.932 / 0.953 (44)
    "call_code": 0.97,          # 1.000 / 1.000 / 1.000 (71)
    "call_aspect": 0.88,        # 0.919 / 0.919 / 0.919 (37)
    "budget": 0.97,             # 1.000 / 1.000 / 1.000 (65)
    "population": 0.95,         # 1.000 / 0.978 / 0.989 (45)
    "departement_count": 0.90,  # 1.000 / 1.000 / 1.000 (11)
}

Value = Tuple[str, object]


def found(text: str, theme: Optional[str] = None) -> Counter:
    """The values of the pure extractors; project_nature is the trained model's (`theme`, from the
    lexicon and addons/components/theme_classifier.py together) when given. A body named as another
    one (role « other »: « pour les associations ») fills no slot and is not counted."""
    got = Counter((e["entity"], canonical(e["entity"], e["value"]))
                  for e in entities.amount_entities(text) + entities.lexicon_entities(text)
                  if (theme is None or e["entity"] != "project_nature") and not e.get("role"))
    if theme is not None and theme != NO_THEME:
        got[("project_nature", theme)] += 1
    return got


def model_themes(messages) -> Dict[str, str]:
    """project_nature of each message as the trained model gives it (NO_THEME when none)."""
    texts = [text for _, text, _ in messages]
    return {text: theme_of(parsed) or NO_THEME for text, parsed in zip(texts, parse_with_model(texts))}


def measure(messages, themes: Optional[Dict[str, str]] = None) -> Tuple[Dict[str, Dict[str, float]], Dict[str, List[str]]]:
    """Precision, recall and F1 by value for each entity, and the misreadings that explain them."""
    counts = {entity: Counter() for entity in THRESHOLDS}
    errors: Dict[str, List[str]] = {entity: [] for entity in THRESHOLDS}
    for _, text, expected in messages:
        got = found(text, (themes or {}).get(text))
        for entity in THRESHOLDS:
            want = Counter({k: n for k, n in expected.items() if k[0] == entity})
            have = Counter({k: n for k, n in got.items() if k[0] == entity})
            counts[entity]["tp"] += sum((want & have).values())
            counts[entity]["fp"] += sum((have - want).values())
            counts[entity]["fn"] += sum((want - have).values())
            if want != have:
                errors[entity].append(f"{text!r}: expected {sorted(v for _, v in want)}, "
                                      f"got {sorted(v for _, v in have)}")
    scores = {}
    for entity, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[entity] = {"precision": precision, "recall": recall, "f1": f1, "support": c["tp"] + c["fn"]}
    return scores, errors


@pytest.fixture(scope="module")
def messages():
    return heldout()


def _printed(result):
    scores, _ = result
    for entity, s in scores.items():
        print(f"{entity:<18} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"(support {s['support']})")
    return result


@pytest.fixture(scope="module")
def measured(messages):
    """Every entity by the pure extractors, without a model."""
    return _printed(measure(messages))


@pytest.fixture(scope="module")
def measured_with_model(messages):
    """project_nature as the trained model gives it (the lexicon, then the theme classifier)."""
    return _printed(measure(messages, model_themes(messages)))


def test_the_heldout_set_has_all_its_messages(messages):
    assert len(messages) == HELDOUT_SIZE


def test_every_entity_is_annotated_in_the_heldout_set(messages):
    annotated = Counter(entity for _, _, expected in messages for (entity, _), n in expected.items())
    assert set(annotated) == set(THRESHOLDS)


@pytest.mark.parametrize("entity", sorted(THRESHOLDS))
def test_entity_values_are_read_right(request, entity):
    scores, errors = request.getfixturevalue("measured_with_model" if entity == "project_nature" else "measured")
    s = scores[entity]
    bar = THRESHOLDS[entity]
    assert min(s["precision"], s["recall"], s["f1"]) >= bar, \
        f"{entity}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} < {bar}\n" + "\n".join(errors[entity])


def test_the_parser_of_the_heldout_set_reads_values():
    text, expected = parse('la [DDT]{"entity": "applicant_type", "value": "service_deconcentre"} pour '
                           '[600 k€]{"entity": "budget", "value": "720000"} HT, comme [ITN5](call_code)')
    assert text == "la DDT pour 600 k€ HT, comme ITN5"
    assert expected == Counter({("applicant_type", "service_deconcentre"): 1, ("budget", 720000): 1,
                                ("call_code", "ITN5"): 1})
