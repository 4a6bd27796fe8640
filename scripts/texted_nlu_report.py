"""The two held-out NLU sets as written and as people text them (devtools.nlu.texted: no accents,
lower case, SMS forms, « e » for €), through the trained model: intent macro-F1 and theme accuracy.

    .venv/bin/python scripts/texted_nlu_report.py
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.metrics import f1_score  # noqa: E402

from devtools.model_parse import parse, theme_of  # noqa: E402
from devtools.nlu import HELDOUT, heldout, merged, texted  # noqa: E402

SETS = [HELDOUT, HELDOUT.with_name("heldout_understanding.yml")]


def scores(messages, texts: List[str]) -> Tuple[float, float, int]:
    parsed = parse(texts)
    gold = [merged(intent) for intent, _, _ in messages]
    predicted = [p["intent"]["name"] for p in parsed]
    themed = [(next((v for (e, v) in expected if e == "project_nature"), None), theme_of(p))
              for (_, _, expected), p in zip(messages, parsed)]
    themed = [(want, got) for want, got in themed if want]
    accuracy = sum(want == got for want, got in themed) / len(themed) if themed else float("nan")
    # over the intents of the set, as the NLU tests score it
    return f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0), accuracy, len(themed)


def main() -> int:
    print(f"{'set':<28}{'form':<10}{'intent macro-F1':>17}{'theme accuracy':>16}{'themed':>8}")
    for path in SETS:
        messages = heldout(path)
        for form, texts in (("written", [m for _, m, _ in messages]), ("texted", [texted(m) for _, m, _ in messages])):
            f1, accuracy, themed = scores(messages, texts)
            print(f"{path.name:<28}{form:<10}{f1:>17.3f}{accuracy:>16.3f}{themed:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
