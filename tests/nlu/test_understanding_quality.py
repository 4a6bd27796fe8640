"""Understanding what people say, measured on tests/nlu/heldout_understanding.yml: a set
written apart from data/ and from heldout.yml, with themes in the users' own words, territory
phrases and the dialogue acts (yes/no eligibility questions, follow-ups, booking, goodbye).

The bars: theme accuracy by value ≥ 0.95, no theme with recall < 0.85, intent
macro-F1 ≥ 0.95. The theme is what the trained model gives (the lexicon, then the theme classifier
of addons/components/theme_classifier.py). Intents merged since the set was written are scored as the intent
they became (ask_recommendation is inform: MERGED_INTENTS, scripts/nlu_report.py). Per-theme
precision and recall are printed:

    .venv/bin/python -m pytest tests/nlu/test_understanding_quality.py -s -p no:randomly
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from sklearn.metrics import f1_score

from devtools.nlu import heldout, merged
from tests.nlu.model_parse import parse, theme_of

HELDOUT = Path(__file__).with_name("heldout_understanding.yml")
THEME_ACCURACY = 0.95
THEME_RECALL = 0.85
INTENT_MACRO_F1 = 0.95


def expected_theme(expected: Counter) -> Optional[str]:
    themes = [value for (entity, value) in expected if entity == "project_nature"]
    return themes[0] if themes else None


@pytest.fixture(scope="module")
def results() -> List[Dict]:
    if not HELDOUT.exists():
        pytest.fail(f"{HELDOUT} is missing")
    messages = heldout(HELDOUT)
    parsed = parse([text for _, text, _ in messages])
    # gold intents merged since the set was written are mapped (scripts/nlu_report.py, MERGED_INTENTS:
    # ask_recommendation is inform)
    return [{"text": text, "intent": merged(intent), "predicted_intent": p["intent"]["name"],
             "theme": expected_theme(expected), "predicted_theme": theme_of(p)}
            for (intent, text, expected), p in zip(messages, parsed)]


@pytest.fixture(scope="module")
def themes(results) -> Dict[str, Dict[str, float]]:
    """Precision and recall by value for each theme, printed with the confusions."""
    counts: Dict[str, Counter] = {}
    for r in results:
        if r["theme"]:
            counts.setdefault(r["theme"], Counter())["support"] += 1
            counts[r["theme"]]["tp" if r["predicted_theme"] == r["theme"] else "fn"] += 1
        if r["predicted_theme"] and r["predicted_theme"] != r["theme"]:
            counts.setdefault(r["predicted_theme"], Counter())["fp"] += 1
    scores = {}
    print(f"\n{'theme':<32} {'P':>6} {'R':>6}  support")
    for theme, c in sorted(counts.items()):
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        recall = c["tp"] / c["support"] if c["support"] else 1.0
        scores[theme] = {"precision": precision, "recall": recall, "support": c["support"]}
        print(f"{theme:<32} {precision:6.3f} {recall:6.3f}  {c['support']}")
    for r in results:
        if r["theme"] != r["predicted_theme"]:
            print(f"  expected {r['theme']}, got {r['predicted_theme']}: {r['text']!r}")
    return scores


def test_the_set_has_enough_themes_in_the_users_words(results):
    per_theme = Counter(r["theme"] for r in results if r["theme"])
    assert len(results) >= 300
    assert min(per_theme.values()) >= 15, per_theme


def theme_accuracy(results) -> float:
    with_theme = [r for r in results if r["theme"]]
    accuracy = sum(r["predicted_theme"] == r["theme"] for r in with_theme) / len(with_theme)
    print(f"theme accuracy by value {accuracy:.3f} ({len(with_theme)} messages)")
    return accuracy


def weakest_recall(themes) -> float:
    return min(s["recall"] for s in themes.values() if s["support"])


def intent_macro_f1(results) -> float:
    gold = [r["intent"] for r in results]
    predicted = [r["predicted_intent"] for r in results]
    # macro over the intents of the set: an intent the set never holds (nlu_fallback) has no F1 of
    # its own to average, and predicting it still counts against the intent that was meant
    macro = f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0)
    confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    print(f"intent macro-F1 {macro:.3f}; confusions: {confusions.most_common(10)}")
    return macro


# Today's figures (make train, then
#     .venv/bin/python -m pytest tests/nlu/test_understanding_quality.py -s -p no:randomly):
# theme accuracy 0.959, weakest theme recall 0.882 (ecosysteme_politique_publique,
# methodes_travail, pilotage_reforme, transformation_organisation, travail_collaboratif: 15 of 17 each),
# intent macro-F1 0.962 (ask_recommendation scored as inform, see above). The floors are these figures
# to two decimals: a change of data/ may move them a little, not below.
def test_understanding_does_not_regress(results, themes):
    assert theme_accuracy(results) >= 0.95
    assert weakest_recall(themes) >= 0.88
    assert intent_macro_f1(results) >= 0.96


# The bars.
def test_theme_accuracy_by_value(results):
    assert theme_accuracy(results) >= THEME_ACCURACY


def test_no_theme_is_poorly_recalled(themes):
    weak = {theme: round(s["recall"], 3) for theme, s in themes.items() if s["support"] and s["recall"] < THEME_RECALL}
    assert not weak


def test_intents_are_recognised(results):
    assert intent_macro_f1(results) >= INTENT_MACRO_F1
