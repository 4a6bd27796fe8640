"""Cross-validation of the theme model (orientation/language/theme_model.py) on the training examples of data/.

    .venv/bin/python scripts/theme_cv.py [--folds 5] [--no-spacy] [--catalogue]

Prints, for the messages that state a theme: how often the likeliest theme is right, and what
the thresholds HIGH and MEDIUM of orientation/language/themes.py do (slot filled right / wrong, buttons offered
with the right theme among them, asked); for the messages of the describing intents that state
none: how often a theme would be filled by mistake. The figures justify the thresholds.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from addons.components.theme_classifier import DESCRIBING, label_of  # noqa: E402
from orientation.eligibility.theme_examples import catalogue_examples  # noqa: E402
from orientation.language.theme_model import Sample, ThemeModel, sample_of  # noqa: E402
from orientation.language.themes import HIGH, MEDIUM, NONE, decide, offered  # noqa: E402


def load():
    from rasa.shared.nlu.constants import INTENT, TEXT
    from rasa.shared.nlu.training_data.loading import load_data
    files = sorted(p for p in (ROOT / "data").glob("nlu*.yml"))
    data = load_data(str(files[0])).merge(*[load_data(str(f)) for f in files[1:]])
    examples = [m for m in data.intent_examples if m.get(TEXT)]
    return [m.get(TEXT) for m in examples], [label_of(m) for m in examples], [m.get(INTENT) for m in examples]


def samples_of(texts, use_spacy=True):
    if not use_spacy:
        return [Sample(t) for t in texts]
    import spacy
    nlp = spacy.load("fr_core_news_md")
    return [sample_of(t, doc) for t, doc in zip(texts, nlp.pipe(texts))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-spacy", action="store_true")
    parser.add_argument("--catalogue", action="store_true", help="with the catalogue's examples in training")
    args = parser.parse_args()
    texts, labels, intents = load()
    # the catalogue's examples join every training fold, never a test fold: the figures stay those
    # of the messages of data/
    extra = catalogue_examples() if args.catalogue else []
    samples = samples_of(texts + [t for t, _ in extra], not args.no_spacy)
    samples, extra_samples, extra_labels = samples[:len(texts)], samples[len(texts):], [t for _, t in extra]
    rankings = [None] * len(texts)
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    for train, test in folds.split(texts, labels):
        model = ThemeModel().fit([samples[i] for i in train] + extra_samples,
                                 [labels[i] for i in train] + extra_labels)
        for i, ranking in zip(test, model.rank_many([samples[i] for i in test])):
            rankings[i] = ranking
    outcome, per_theme = Counter(), {}
    for label, intent, ranking in zip(labels, intents, rankings):
        decision = decide(ranking)
        if label == NONE:
            if intent in DESCRIBING:
                outcome["none: filled by mistake" if decision.level == "high" else "none: left empty"] += 1
            continue
        stats = per_theme.setdefault(label, Counter())
        stats["support"] += 1
        top = next(t for t, _ in ranking if t != NONE)
        outcome["theme: likeliest theme right"] += top == label
        if decision.level == "high":
            outcome["theme: filled right" if decision.theme == label else "theme: filled wrong"] += 1
            stats["tp" if decision.theme == label else "fn"] += 1
            if decision.theme != label:
                per_theme.setdefault(decision.theme, Counter())["fp"] += 1
        elif decision.level == "medium":
            outcome["theme: buttons with the right one" if label in offered(decision)
                    else "theme: buttons without it"] += 1
            stats["fn"] += 1
        else:
            outcome["theme: asked (low)"] += 1
            stats["fn"] += 1
    themes = sum(s["support"] for s in per_theme.values())
    print(f"{len(texts)} examples, {themes} with a theme; HIGH {HIGH}, MEDIUM {MEDIUM}, "
          f"spaCy {'off' if args.no_spacy else 'on'}, {len(extra)} catalogue examples in training")
    for name, n in sorted(outcome.items()):
        total = themes if name.startswith("theme") else sum(v for k, v in outcome.items() if k.startswith("none"))
        print(f"  {name:<40} {n:4d}  ({n / total:.3f})")
    print(f"{'theme':<32} {'P':>6} {'R':>6}  support")
    for theme, s in sorted(per_theme.items()):
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        r = s["tp"] / s["support"] if s["support"] else 1.0
        print(f"{theme:<32} {p:6.3f} {r:6.3f}  {s['support']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
