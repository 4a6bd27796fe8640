"""Measure the NLU on the held-out test set (tests/nlu/heldout.yml), written apart from data/.

    .venv/bin/python scripts/nlu_report.py          # prints intent macro-F1 and entity F1

Runs `rasa test nlu` on the trained model and reads its reports. Entities are reported
from the extractor that produces them (AmountEntityExtractor, LexiconEntityExtractor).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devtools.nlu import evaluate  # noqa: E402


def main() -> int:
    scores = evaluate()
    for name, value in scores.items():
        print(f"{name:<32} {value:.3f}" if name != "messages" else f"{name:<32} {int(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
