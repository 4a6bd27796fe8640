"""The project theme of descriptions in the users' own words (tests/nlu/theme_descriptions.yml, written
for this measure and never trained on), as the trained model reads them: the lexicon, then the theme
model (addons/components/theme_classifier.py). Prints the accuracy and every miss.

    PYTHONPATH=$PWD .venv/bin/python -m pytest tests/nlu/test_theme_descriptions.py -s -p no:randomly
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from orientation.eligibility.vocabulary import THEMES
from tests.nlu.model_parse import parse, theme_of

FILE = Path(__file__).with_name("theme_descriptions.yml")
_SETS = yaml.safe_load(FILE.read_text(encoding="utf-8"))
DESCRIPTIONS = [(d["theme"], d["text"]) for d in _SETS["descriptions"]]
# written after the changes that the first set's misses led to: how they hold for new wordings
FRESH = [(d["theme"], d["text"]) for d in _SETS["fresh"]]
NONE = "none"
# What the model reaches on these sets (1.000, 1.000 texted, 0.958 fresh; before these changes 0.891,
# 0.921 and 0.833), less a margin for a retraining's small drift.
ACCURACY = 0.95
TEXTED_ACCURACY = 0.95
FRESH_ACCURACY = 0.90


def texted(text: str) -> bool:
    return not re.search(r"[À-ÿ]", text) and text[:1].islower()


@pytest.fixture(scope="module")
def read_all():
    return [theme_of(p) or NONE for p in parse([text for _, text in DESCRIPTIONS + FRESH])]


@pytest.fixture(scope="module")
def read(read_all):
    return read_all[:len(DESCRIPTIONS)]


def accuracy(pairs) -> float:
    return sum(want == got for want, got in pairs) / len(pairs)


def test_the_theme_is_read_from_the_project(read):
    pairs = [(theme, got) for (theme, _), got in zip(DESCRIPTIONS, read)]
    sms = [(theme, got) for (theme, text), got in zip(DESCRIPTIONS, read) if texted(text)]
    for (theme, text), got in zip(DESCRIPTIONS, read):
        if got != theme:
            print(f"  expected {theme}, got {got}: {text!r}")
    print(f"theme accuracy {accuracy(pairs):.3f} on {len(pairs)}, texted {accuracy(sms):.3f} on {len(sms)}")
    assert accuracy(pairs) >= ACCURACY
    assert accuracy(sms) >= TEXTED_ACCURACY


def test_new_wordings_too(read_all):
    pairs = [(theme, got) for (theme, _), got in zip(FRESH, read_all[len(DESCRIPTIONS):])]
    for (theme, text), (_, got) in zip(FRESH, pairs):
        if got != theme:
            print(f"  expected {theme}, got {got}: {text!r}")
    print(f"theme accuracy on new wordings {accuracy(pairs):.3f} on {len(pairs)}")
    assert accuracy(pairs) >= FRESH_ACCURACY


def test_the_set_covers_every_theme_and_is_a_third_texted():
    counts = Counter(theme for theme, _ in DESCRIPTIONS)
    assert set(counts) == set(THEMES) | {NONE}
    assert min(counts[t] for t in THEMES) >= 6 and len(DESCRIPTIONS) >= 200
    assert sum(texted(text) for _, text in DESCRIPTIONS) >= len(DESCRIPTIONS) / 3
